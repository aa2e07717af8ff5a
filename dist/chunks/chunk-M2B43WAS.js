import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/cli/store-options.ts
var STORE_OPTIONS = {
  store: {
    type: "string",
    value: "URL",
    description: "baseline store: gs://bucket/prefix, a directory or a file:// URL"
  },
  series: { type: "string", value: "NAME", description: "baseline series, e.g. api-server" }
};
var BRANCH_DEFAULT = "$GITHUB_BASE_REF, else $GITHUB_REF_NAME, else main";
function branchOf(value, env, last = "main") {
  if (typeof value === "string" && value !== "") return value;
  return env.GITHUB_BASE_REF || env.GITHUB_REF_NAME || last;
}

export {
  STORE_OPTIONS,
  BRANCH_DEFAULT,
  branchOf
};
