/**
 * The GitHub REST API through @actions/github's Octokit, as the CommentSink and PullRequestInfo
 * ports. Translates only: requests and responses, and every failure into a GitHubApiError
 * carrying the HTTP status and GitHub's one-line message (never the request, which holds the token).
 *
 * Octokit reads GITHUB_API_URL for its base URL (GitHub Enterprise Server, or a local server in
 * tests).
 */
import { getOctokit } from '@actions/github';
import {
  GitHubApiError,
  type CommentSink,
  type IssueComment,
  type IssueTracker,
  type PullRequestInfo,
} from '../ports.js';
import { addedLines } from '../core/verdict/pull-lines.js';

/** GitHub lists at most this many files of a pull request. */
const MAX_LISTED_FILES = 3000;

/**
 * The author of comments made with the workflow's GITHUB_TOKEN, as REST shows it; the last resort
 * of ownLogin when GitHub cannot be asked.
 */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

/**
 * The login comments written with this token are authored by, as REST shows it.
 * 1. GraphQL `viewer`: works for every kind of token. For an installation token (GITHUB_TOKEN, or a
 *    GitHub App's) the viewer is the app's Bot, whose GraphQL login lacks the `[bot]` suffix that
 *    REST comment authors carry (`github-actions` → `github-actions[bot]`).
 * 2. REST GET /user: a personal token's user. Installation tokens get 403 "Resource not accessible
 *    by integration" there; then the token is taken to be the workflow's GITHUB_TOKEN.
 */
async function ownLogin(octokit: Octokit): Promise<string> {
  try {
    const r = await octokit.graphql<{ viewer?: { login?: unknown; __typename?: unknown } }>(
      'query { viewer { login __typename } }',
    );
    const login = r.viewer?.login;
    if (typeof login === 'string' && login !== '')
      return r.viewer?.__typename === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
  } catch {
    // Fall through to REST (e.g. GraphQL disabled on a GitHub Enterprise Server).
  }
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch (e) {
    const status = (e as { status?: unknown })?.status;
    if (status === 403 || status === 401 || status === 404) return GITHUB_ACTIONS_BOT;
    throw apiError(e);
  }
}

type Octokit = ReturnType<typeof getOctokit>;

interface RawComment {
  readonly id: number;
  readonly body?: string | null;
  readonly html_url: string;
  readonly user: { readonly login: string } | null;
}

function toComment(c: RawComment): IssueComment {
  return { id: c.id, body: c.body ?? '', url: c.html_url, author: c.user?.login ?? '' };
}

/** GitHub's message without the documentation link Octokit appends (" - https://docs.github.com/..."). */
function apiError(e: unknown): GitHubApiError {
  const status = typeof (e as { status?: unknown })?.status === 'number' ? (e as { status: number }).status : 0;
  const raw = e instanceof Error ? e.message : String(e);
  const message = (raw.split('\n', 1)[0] ?? '').replace(/ - https:\/\/docs\.github\.com\S*$/, '');
  return new GitHubApiError(message === '' ? `HTTP ${status}` : message, status);
}

/** Runs one API call, turning its failure into a GitHubApiError. */
export async function apiCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw apiError(e);
  }
}

export interface GitHubPortsOptions {
  readonly token: string;
  /** owner/name */
  readonly repository: string;
  /** The REST API's base URL; default GITHUB_API_URL, else https://api.github.com. */
  readonly baseUrl?: string;
}

/** The comment sink and pull-request reader of one repository. */
export function createGitHubPorts(options: GitHubPortsOptions): {
  comments: CommentSink;
  pulls: PullRequestInfo;
  issues: IssueTracker;
} {
  const [owner, repo] = options.repository.split('/', 2) as [string, string];
  const octokit: Octokit = getOctokit(options.token, options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {});
  let identity: Promise<string> | undefined;

  const comments: CommentSink = {
    identity() {
      identity ??= ownLogin(octokit);
      return identity;
    },
    list(issue) {
      return apiCall(async () => {
        const rows = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: issue,
          per_page: 100,
        });
        return rows.map((c) => toComment(c as RawComment));
      });
    },
    create(issue, body) {
      return apiCall(async () =>
        toComment(
          (await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })).data as RawComment,
        ),
      );
    },
    update(commentId, body) {
      return apiCall(async () =>
        toComment(
          (await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body })).data as RawComment,
        ),
      );
    },
  };

  const pulls: PullRequestInfo = {
    mergeBase(base, head) {
      return apiCall(async () => {
        const r = await octokit.rest.repos.compareCommitsWithBasehead({
          owner,
          repo,
          basehead: `${base}...${head}`,
          per_page: 1,
        });
        const sha = r.data.merge_base_commit?.sha;
        return typeof sha === 'string' && sha !== '' ? sha : undefined;
      });
    },
    labeledBy(issue, label) {
      return apiCall(async () => {
        const events = await octokit.paginate(octokit.rest.issues.listEvents, {
          owner,
          repo,
          issue_number: issue,
          per_page: 100,
        });
        const want = label.toLowerCase();
        let by: string | undefined;
        for (const e of events as { event?: string; label?: { name?: string }; actor?: { login?: string } | null }[]) {
          if (e.event === 'labeled' && e.label?.name?.toLowerCase() === want && e.actor?.login) by = e.actor.login;
        }
        return by;
      });
    },
    mergedPullOf(sha) {
      return apiCall(async () => {
        const rows = (await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
          owner,
          repo,
          commit_sha: sha,
          per_page: 100,
        })) as {
          number: number;
          merged_at?: string | null;
          merge_commit_sha?: string | null;
          labels?: ({ name?: string } | string)[];
        }[];
        const merged = rows.filter((p) => typeof p.merged_at === 'string').sort((a, b) => a.number - b.number);
        const pull = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
        if (pull === undefined) return undefined;
        const labels = (pull.labels ?? [])
          .map((l) => (typeof l === 'string' ? l : l.name))
          .filter((l): l is string => typeof l === 'string');
        return { number: pull.number, labels };
      });
    },
    changedLines(pull) {
      return apiCall(async () => {
        const files = (await octokit.paginate(octokit.rest.pulls.listFiles, {
          owner,
          repo,
          pull_number: pull,
          per_page: 100,
        })) as { filename?: unknown; patch?: unknown }[];
        const lines = new Map<string, ReadonlySet<number>>();
        const unknown = new Set<string>();
        for (const f of files) {
          if (typeof f.filename !== 'string') continue;
          if (typeof f.patch === 'string') lines.set(f.filename, new Set(addedLines(f.patch)));
          else unknown.add(f.filename);
        }
        return { lines, unknown, complete: files.length < MAX_LISTED_FILES };
      });
    },
  };
  const issue = (i: { number: number; html_url: string }) => ({ number: i.number, url: i.html_url });
  const issues: IssueTracker = {
    findOpen(marker) {
      return apiCall(async () => {
        const rows = (await octokit.paginate(octokit.rest.issues.listForRepo, {
          owner,
          repo,
          state: 'open',
          per_page: 100,
        })) as { number: number; html_url: string; body?: string | null; pull_request?: unknown }[];
        const found = rows
          .filter((r) => r.pull_request === undefined && (r.body ?? '').includes(marker))
          .sort((a, b) => a.number - b.number)[0];
        return found === undefined ? undefined : issue(found);
      });
    },
    create(title, body) {
      return apiCall(async () => issue((await octokit.rest.issues.create({ owner, repo, title, body })).data));
    },
    update(number, title, body) {
      return apiCall(async () =>
        issue((await octokit.rest.issues.update({ owner, repo, issue_number: number, title, body })).data),
      );
    },
  };
  return { comments, pulls, issues };
}
