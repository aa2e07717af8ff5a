/**
 * The GitHub REST API for one commit, as the CommitInfo port: the pull requests that contain it
 * (GET /repos/{o}/{r}/commits/{sha}/pulls) and its commit statuses (POST /repos/{o}/{r}/statuses/{sha}).
 * Translates only; failures become GitHubApiError (see github.ts).
 */
import { getOctokit } from '@actions/github';
import type { CommitInfo, OpenPullRequest } from '../ports.js';
import { apiCall } from './github.js';

export interface CommitInfoOptions {
  readonly token: string;
  /** owner/name */
  readonly repository: string;
  /** The REST API's base URL; default GITHUB_API_URL, else https://api.github.com. */
  readonly baseUrl?: string;
}

interface RawPull {
  readonly number: number;
  readonly state: string;
  readonly head: { readonly sha: string; readonly ref: string; readonly repo: { readonly full_name: string } | null };
  readonly base: { readonly sha: string; readonly ref: string };
  readonly labels?: readonly ({ readonly name?: string } | string)[];
}

function toPull(p: RawPull): OpenPullRequest {
  return {
    number: p.number,
    state: p.state,
    headSha: p.head.sha,
    headRepository: p.head.repo?.full_name ?? null,
    headRef: p.head.ref,
    baseRef: p.base.ref,
    baseSha: p.base.sha,
    labels: (p.labels ?? [])
      .map((l) => (typeof l === 'string' ? l : l.name))
      .filter((l): l is string => typeof l === 'string'),
  };
}

/** The CommitInfo of one repository. */
export function createCommitInfo(options: CommitInfoOptions): CommitInfo {
  const [owner, repo] = options.repository.split('/', 2) as [string, string];
  const octokit = getOctokit(options.token, options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {});
  return {
    pullsOf(sha) {
      return apiCall(async () => {
        const rows = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
          owner,
          repo,
          commit_sha: sha,
          per_page: 100,
        });
        return rows.map((p) => toPull(p as unknown as RawPull));
      });
    },
    setStatus(sha, status) {
      return apiCall(async () => {
        await octokit.rest.repos.createCommitStatus({
          owner,
          repo,
          sha,
          state: status.state,
          context: status.context,
          description: status.description,
          ...(status.targetUrl !== null ? { target_url: status.targetUrl } : {}),
        });
      });
    },
  };
}
