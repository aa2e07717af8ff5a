/** The options naming a baseline store and series, and the --branch default, of every command using a store. */
import type { CliIo } from './command.js';
import type { OptionTable } from './args.js';

export const STORE_OPTIONS: OptionTable = {
  store: {
    type: 'string',
    value: 'URL',
    description: 'baseline store: gs://bucket/prefix, a directory or a file:// URL',
  },
  series: { type: 'string', value: 'NAME', description: 'baseline series, e.g. api-server' },
};

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
