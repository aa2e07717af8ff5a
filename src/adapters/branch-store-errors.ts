/**
 * GitHub API failures of the `branch:` store as one-line StoreErrors that say what to grant or set:
 * a missing token, a token without `contents` permission, a repository the token cannot see.
 * Octokit's error messages never hold the token; only GitHub's one-line message is kept.
 */
import { StoreError } from '../core/errors.js';

/** The HTTP status of an Octokit RequestError, or undefined (no response: network, DNS, timeout). */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/** GitHub's message without the documentation link Octokit appends. */
export function githubMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  return (raw.split('\n', 1)[0] ?? '').replace(/ - https:\/\/docs\.github\.com\S*$/, '').trim();
}

export interface BranchStoreErrorContext {
  /** `reading`, `writing` */
  readonly verb: string;
  /** What was read or written, e.g. `api/main/latest.json in branch:heapgate-baselines (octo/app)`. */
  readonly what: string;
  readonly repository: string;
  /** The permission the call needs: `read` or `write` (of `contents`). */
  readonly permission: 'read' | 'write';
}

/**
 * The host of a call that got no response (DNS, refused, reset, timed out), or undefined when
 * GitHub answered. Octokit gives such failures status 500 although no server sent one: an Octokit
 * RequestError carries the request, and a response only when there was one.
 */
function unreachedHost(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('request' in err)) return undefined;
  const e = err as { request?: { url?: unknown }; response?: unknown };
  if (e.response !== undefined) return undefined;
  try {
    return new URL(String(e.request?.url)).host;
  } catch {
    return 'the GitHub API';
  }
}

/** The StoreError for a failed GitHub call. */
export function branchStoreError(err: unknown, ctx: BranchStoreErrorContext): StoreError {
  if (err instanceof StoreError) return err;
  const host = unreachedHost(err);
  if (host !== undefined) {
    return new StoreError(
      `${ctx.verb} ${ctx.what}: cannot reach ${host}: ${githubMessage(err) || 'no response'} ` +
        '(check the network, or GITHUB_API_URL)',
    );
  }
  const status = statusOf(err);
  const message = githubMessage(err);
  const where = `${ctx.verb} ${ctx.what}`;
  const grant =
    ctx.permission === 'write'
      ? 'the workflow needs `permissions: contents: write` (a personal token: the repo scope)'
      : 'the workflow needs `permissions: contents: read` (a personal token: the repo scope)';
  if (status === 401) {
    return new StoreError(
      `${where}: bad credentials: set GITHUB_TOKEN (CLI) or the github-token input to a valid token`,
    );
  }
  if (status === 403 && /rate limit/i.test(message)) {
    return new StoreError(`${where}: GitHub API rate limit exceeded (${message}); retry later or use a token`);
  }
  if (status === 403) return new StoreError(`permission denied ${where}: ${grant} (${message})`);
  if (status === 404) {
    return new StoreError(
      `${where}: repository ${ctx.repository} not found, or the token cannot see it: ${grant}; outside Actions set ` +
        'GITHUB_TOKEN and --repo',
    );
  }
  if (status === 409) return new StoreError(`${where}: ${message || 'conflict'}: the repository needs a first commit`);
  return new StoreError(`${where}: ${message || 'request failed'}${status !== undefined ? ` (HTTP ${status})` : ''}`);
}
