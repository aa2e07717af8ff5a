import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  oneLine
} from "./chunk-TQ4GEVIF.js";
import {
  StoreError,
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/adapters/store-url.ts
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
var BUCKET_RE = /^[a-z0-9](?:[a-z0-9._-]{1,61})[a-z0-9]$/;
var STORE_FORMS = "gs://BUCKET/PREFIX, branch:NAME, file:///ABSOLUTE/DIR, or a directory path such as ./baselines";
function validBranchName(name) {
  return /^[A-Za-z0-9._/-]{1,200}$/.test(name) && !name.includes("..") && !name.endsWith(".") && name.split("/").every((seg) => seg !== "" && !seg.startsWith(".") && !seg.startsWith("-") && !seg.endsWith(".lock"));
}
function invalid(spec, why) {
  return new UsageError(`invalid --store ${JSON.stringify(spec)}: ${why}; accepted forms: ${STORE_FORMS}`);
}
function parseStoreUrl(spec, cwd) {
  if (spec.trim() === "") throw invalid(spec, "empty");
  if (/^gs:\/\//i.test(spec)) {
    const rest = spec.slice("gs://".length);
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const prefix = slash < 0 ? "" : rest.slice(slash + 1).replace(/^\/+|\/+$/g, "");
    if (bucket === "") throw invalid(spec, "the bucket name is empty");
    if (!BUCKET_RE.test(bucket)) throw invalid(spec, `${JSON.stringify(bucket)} is not a valid bucket name`);
    if (prefix !== "" && prefix.split("/").some((seg) => seg === "" || seg === "." || seg === "..")) {
      throw invalid(spec, "the prefix has an empty, '.' or '..' segment");
    }
    return { kind: "gcs", bucket, prefix };
  }
  if (/^branch:/i.test(spec)) {
    const branch = spec.slice("branch:".length);
    if (!validBranchName(branch)) {
      throw invalid(
        spec,
        `${JSON.stringify(branch)} is not a branch name heapgate accepts (letters, digits, '.', '_', '-', '/')`
      );
    }
    return { kind: "branch", branch };
  }
  if (/^file:/i.test(spec)) {
    try {
      return { kind: "dir", root: fileURLToPath(spec) };
    } catch {
      throw invalid(spec, "not a local file:// URL");
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(spec)?.[1];
  if (scheme !== void 0) {
    const hint = /^(gs|gcs)$/i.test(scheme) ? "a Cloud Storage store is written gs://BUCKET/PREFIX" : "unknown scheme";
    throw invalid(spec, `${hint} (${scheme}:)`);
  }
  return { kind: "dir", root: path.resolve(cwd, spec) };
}
var REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
async function openStore(spec, options) {
  const location = parseStoreUrl(spec, options.cwd);
  const extra = options.historyLimit !== void 0 ? { historyLimit: options.historyLimit } : {};
  if (location.kind === "branch") {
    const { token, repository, hint, baseUrl } = options.github ?? {
      token: void 0,
      repository: void 0,
      hint: ""
    };
    if (token === void 0 || token === "") {
      throw new UsageError(`store branch:${location.branch} needs a GitHub token${hint ? `: ${hint}` : ""}`);
    }
    if (repository === void 0 || !REPOSITORY_RE.test(repository)) {
      throw new UsageError(
        `store branch:${location.branch} needs the repository as owner/name${repository ? `, not ${JSON.stringify(repository)}` : ""}${hint ? `: ${hint}` : ""}`
      );
    }
    const { openBranchStore } = await import("./branch-store-HHR2YR4C.js");
    const keep = options.keepProfiles !== void 0 ? { keepProfiles: options.keepProfiles } : {};
    const api = baseUrl !== void 0 && baseUrl !== "" ? { baseUrl } : {};
    return openBranchStore(location.branch, { token, repository, ...api }, { ...extra, ...keep });
  }
  if (location.kind === "gcs") {
    const { openGcsStore } = await import("./gcs-store-JOVXQ63U.js");
    return openGcsStore(location.bucket, location.prefix, {}, extra);
  }
  await checkDirectory(location.root, options.access);
  const { DirBaselineStore } = await import("./dir-store-DNPN2AOU.js");
  return new DirBaselineStore({ root: location.root, ...extra });
}
async function isDirectory(dir) {
  try {
    return (await stat(dir)).isDirectory();
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR") return void 0;
    throw new StoreError(`reading store directory ${dir}: ${oneLine(String(err.message))}`);
  }
}
async function checkDirectory(root, access) {
  const found = await isDirectory(root);
  if (found === true) return;
  if (found === false) throw new StoreError(`store ${root} is not a directory`);
  if (access === "read") {
    throw new StoreError(
      `store directory ${root} does not exist: check --store (a directory store is created when its first baseline is stored)`
    );
  }
  const parent = path.dirname(root);
  const parentFound = await isDirectory(parent);
  if (parentFound === false)
    throw new StoreError(`store directory ${root} cannot be created: ${parent} is not a directory`);
  if (parentFound === void 0) {
    throw new StoreError(
      `store directory ${root} cannot be created: its parent ${parent} does not exist (create it first, or check --store)`
    );
  }
}

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
  openStore,
  STORE_OPTIONS,
  githubAccess,
  BRANCH_DEFAULT,
  branchOf
};
