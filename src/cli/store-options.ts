/** The options naming a baseline store and series, first in every command that uses the store (baseline, check). */
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
