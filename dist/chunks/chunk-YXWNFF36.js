import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/cli/store-options.ts
var STORE_OPTIONS = {
  store: {
    type: "string",
    value: "URL",
    description: "baseline store: gs://bucket/prefix, branch:NAME (a branch of --repo), a directory or a file:// URL"
  },
  series: { type: "string", value: "NAME", description: "baseline series, e.g. api-server" },
  repo: {
    type: "string",
    value: "OWNER/NAME",
    description: "repository of a branch: store (default $GITHUB_REPOSITORY; the token is $GITHUB_TOKEN)"
  }
};
function githubAccess(values, env) {
  const repo = values.repo;
  return {
    token: env.GITHUB_TOKEN,
    repository: typeof repo === "string" && repo !== "" ? repo : env.GITHUB_REPOSITORY || void 0,
    hint: "set GITHUB_TOKEN (e.g. GITHUB_TOKEN=$(gh auth token)) and --repo OWNER/NAME",
    ...env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}
  };
}
var BRANCH_DEFAULT = "$GITHUB_BASE_REF, else $GITHUB_REF_NAME, else main";
function branchOf(value, env, last = "main") {
  if (typeof value === "string" && value !== "") return value;
  return env.GITHUB_BASE_REF || env.GITHUB_REF_NAME || last;
}

export {
  STORE_OPTIONS,
  githubAccess,
  BRANCH_DEFAULT,
  branchOf
};
