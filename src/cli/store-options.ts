/**
 * The options naming a baseline store and series, the --branch default, and the repository and
 * token of a branch: store, of every command using a store.
 */
import type { GitHubAccess } from '../adapters/store-url.js';
import type { OptionTable } from './args.js';
import type { CliIo } from './command.js';

export const STORE_OPTIONS: OptionTable = {
  store: {
    type: 'string',
    value: 'URL',
    description: 'baseline store: gs://bucket/prefix, branch:NAME (a branch of --repo), a directory or a file:// URL',
  },
  series: { type: 'string', value: 'NAME', description: 'baseline series, e.g. api-server' },
  repo: {
    type: 'string',
    value: 'OWNER/NAME',
    description: 'repository of a branch: store (default $GITHUB_REPOSITORY; the token is $GITHUB_TOKEN)',
  },
};

/** The repository and token a branch: store opened by the CLI uses: --repo or $GITHUB_REPOSITORY, $GITHUB_TOKEN. */
export function githubAccess(
  values: Readonly<Record<string, string | boolean | undefined>>,
  env: CliIo['env'],
): GitHubAccess {
  const repo = values.repo;
  return {
    token: env.GITHUB_TOKEN,
    repository: typeof repo === 'string' && repo !== '' ? repo : env.GITHUB_REPOSITORY || undefined,
    hint: 'set GITHUB_TOKEN (e.g. GITHUB_TOKEN=$(gh auth token)) and --repo OWNER/NAME',
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
  };
}

/** How every command defaults --branch, in its help. */
export const BRANCH_DEFAULT = '$GITHUB_BASE_REF, else $GITHUB_REF_NAME, else main';

/**
 * --branch, or its default, the same in every command: in a pull request's workflow the branch it
 * merges into ($GITHUB_BASE_REF), in a push's the branch pushed ($GITHUB_REF_NAME), else main.
 */
export function branchOf(value: string | boolean | undefined, env: CliIo['env'], last = 'main'): string {
  if (typeof value === 'string' && value !== '') return value;
  return env.GITHUB_BASE_REF || env.GITHUB_REF_NAME || last;
}
