import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  apiCall
} from "./chunk-IJOEIBLO.js";
import "./chunk-FYW7DAO2.js";
import {
  getOctokit
} from "./chunk-KHVSZOJK.js";
import "./chunk-URI3G6QH.js";
import "./chunk-6OLLLDAW.js";

// src/adapters/github-commit.ts
function toPull(p) {
  return {
    number: p.number,
    state: p.state,
    headSha: p.head.sha,
    headRepository: p.head.repo?.full_name ?? null,
    headRef: p.head.ref,
    baseRef: p.base.ref,
    baseSha: p.base.sha,
    labels: (p.labels ?? []).map((l) => typeof l === "string" ? l : l.name).filter((l) => typeof l === "string")
  };
}
function createCommitInfo(options) {
  const [owner, repo] = options.repository.split("/", 2);
  const octokit = getOctokit(options.token, options.baseUrl !== void 0 ? { baseUrl: options.baseUrl } : {});
  return {
    pullsOf(sha) {
      return apiCall(async () => {
        const rows = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
          owner,
          repo,
          commit_sha: sha,
          per_page: 100
        });
        return rows.map((p) => toPull(p));
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
          ...status.targetUrl !== null ? { target_url: status.targetUrl } : {}
        });
      });
    }
  };
}
export {
  createCommitInfo
};
