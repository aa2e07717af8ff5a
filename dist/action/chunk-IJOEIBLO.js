import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  GitHubApiError,
  addedLines
} from "./chunk-FYW7DAO2.js";
import {
  getOctokit
} from "./chunk-KHVSZOJK.js";

// src/adapters/github.ts
var MAX_LISTED_FILES = 3e3;
var GITHUB_ACTIONS_BOT = "github-actions[bot]";
async function ownLogin(octokit) {
  try {
    const r = await octokit.graphql(
      "query { viewer { login __typename } }"
    );
    const login = r.viewer?.login;
    if (typeof login === "string" && login !== "")
      return r.viewer?.__typename === "Bot" && !login.endsWith("[bot]") ? `${login}[bot]` : login;
  } catch {
  }
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch (e) {
    const status = e?.status;
    if (status === 403 || status === 401 || status === 404) return GITHUB_ACTIONS_BOT;
    throw apiError(e);
  }
}
function toComment(c) {
  return { id: c.id, body: c.body ?? "", url: c.html_url, author: c.user?.login ?? "" };
}
function apiError(e) {
  const status = typeof e?.status === "number" ? e.status : 0;
  const raw = e instanceof Error ? e.message : String(e);
  const message = (raw.split("\n", 1)[0] ?? "").replace(/ - https:\/\/docs\.github\.com\S*$/, "");
  return new GitHubApiError(message === "" ? `HTTP ${status}` : message, status);
}
async function apiCall(fn) {
  try {
    return await fn();
  } catch (e) {
    throw apiError(e);
  }
}
function createGitHubPorts(options) {
  const [owner, repo] = options.repository.split("/", 2);
  const octokit = getOctokit(options.token, options.baseUrl !== void 0 ? { baseUrl: options.baseUrl } : {});
  let identity;
  const comments = {
    identity() {
      identity ??= ownLogin(octokit);
      return identity;
    },
    list(issue2) {
      return apiCall(async () => {
        const rows = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: issue2,
          per_page: 100
        });
        return rows.map((c) => toComment(c));
      });
    },
    create(issue2, body) {
      return apiCall(
        async () => toComment(
          (await octokit.rest.issues.createComment({ owner, repo, issue_number: issue2, body })).data
        )
      );
    },
    update(commentId, body) {
      return apiCall(
        async () => toComment(
          (await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body })).data
        )
      );
    }
  };
  const pulls = {
    mergeBase(base, head) {
      return apiCall(async () => {
        const r = await octokit.rest.repos.compareCommitsWithBasehead({
          owner,
          repo,
          basehead: `${base}...${head}`,
          per_page: 1
        });
        const sha = r.data.merge_base_commit?.sha;
        return typeof sha === "string" && sha !== "" ? sha : void 0;
      });
    },
    labeledBy(issue2, label) {
      return apiCall(async () => {
        const events = await octokit.paginate(octokit.rest.issues.listEvents, {
          owner,
          repo,
          issue_number: issue2,
          per_page: 100
        });
        const want = label.toLowerCase();
        let by;
        for (const e of events) {
          if (e.event === "labeled" && e.label?.name?.toLowerCase() === want && e.actor?.login) by = e.actor.login;
        }
        return by;
      });
    },
    mergedPullOf(sha) {
      return apiCall(async () => {
        const rows = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
          owner,
          repo,
          commit_sha: sha,
          per_page: 100
        });
        const merged = rows.filter((p) => typeof p.merged_at === "string").sort((a, b) => a.number - b.number);
        const pull = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
        if (pull === void 0) return void 0;
        const labels = (pull.labels ?? []).map((l) => typeof l === "string" ? l : l.name).filter((l) => typeof l === "string");
        return { number: pull.number, labels };
      });
    },
    changedLines(pull) {
      return apiCall(async () => {
        const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
          owner,
          repo,
          pull_number: pull,
          per_page: 100
        });
        const lines = /* @__PURE__ */ new Map();
        const unknown = /* @__PURE__ */ new Set();
        for (const f of files) {
          if (typeof f.filename !== "string") continue;
          if (typeof f.patch === "string") lines.set(f.filename, new Set(addedLines(f.patch)));
          else unknown.add(f.filename);
        }
        return { lines, unknown, complete: files.length < MAX_LISTED_FILES };
      });
    }
  };
  const issue = (i) => ({ number: i.number, url: i.html_url });
  const issues = {
    findOpen(marker) {
      return apiCall(async () => {
        const rows = await octokit.paginate(octokit.rest.issues.listForRepo, {
          owner,
          repo,
          state: "open",
          per_page: 100
        });
        const found = rows.filter((r) => r.pull_request === void 0 && (r.body ?? "").includes(marker)).sort((a, b) => a.number - b.number)[0];
        return found === void 0 ? void 0 : issue(found);
      });
    },
    create(title, body) {
      return apiCall(async () => issue((await octokit.rest.issues.create({ owner, repo, title, body })).data));
    },
    update(number, title, body) {
      return apiCall(
        async () => issue((await octokit.rest.issues.update({ owner, repo, issue_number: number, title, body })).data)
      );
    }
  };
  return { comments, pulls, issues };
}

export {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
};
