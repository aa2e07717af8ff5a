import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/adapters/store-url.ts
import path from "node:path";
import { fileURLToPath } from "node:url";
var BUCKET_RE = /^[a-z0-9](?:[a-z0-9._-]{1,61})[a-z0-9]$/;
var ALLOWED = "expected gs://bucket/prefix, branch:NAME, a file:// URL or a directory path";
function validBranchName(name) {
  return /^[A-Za-z0-9._/-]{1,200}$/.test(name) && !name.includes("..") && !name.endsWith(".") && name.split("/").every((seg) => seg !== "" && !seg.startsWith(".") && !seg.startsWith("-") && !seg.endsWith(".lock"));
}
function parseStoreUrl(spec, cwd) {
  if (spec.trim() === "") throw new UsageError(`invalid --store "": ${ALLOWED}`);
  if (/^gs:\/\//i.test(spec)) {
    const rest = spec.slice("gs://".length);
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const prefix = slash < 0 ? "" : rest.slice(slash + 1).replace(/^\/+|\/+$/g, "");
    if (!BUCKET_RE.test(bucket)) {
      throw new UsageError(
        `invalid --store ${JSON.stringify(spec)}: ${JSON.stringify(bucket)} is not a valid bucket name`
      );
    }
    if (prefix !== "" && prefix.split("/").some((seg) => seg === "" || seg === "." || seg === "..")) {
      throw new UsageError(`invalid --store ${JSON.stringify(spec)}: the prefix has an empty, '.' or '..' segment`);
    }
    return { kind: "gcs", bucket, prefix };
  }
  if (/^branch:/i.test(spec)) {
    const branch = spec.slice("branch:".length);
    if (!validBranchName(branch)) {
      throw new UsageError(
        `invalid --store ${JSON.stringify(spec)}: ${JSON.stringify(branch)} is not a branch name heapgate accepts (letters, digits, '.', '_', '-', '/')`
      );
    }
    return { kind: "branch", branch };
  }
  if (/^file:/i.test(spec)) {
    try {
      return { kind: "dir", root: fileURLToPath(spec) };
    } catch {
      throw new UsageError(`invalid --store ${JSON.stringify(spec)}: not a local file:// URL`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new UsageError(`invalid --store ${JSON.stringify(spec)}: ${ALLOWED}`);
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
    const { openBranchStore } = await import("./branch-store-THJLNADR.js");
    const keep = options.keepProfiles !== void 0 ? { keepProfiles: options.keepProfiles } : {};
    const api = baseUrl !== void 0 && baseUrl !== "" ? { baseUrl } : {};
    return openBranchStore(location.branch, { token, repository, ...api }, { ...extra, ...keep });
  }
  if (location.kind === "gcs") {
    const { openGcsStore } = await import("./gcs-store-XDFB2JMU.js");
    return openGcsStore(location.bucket, location.prefix, {}, extra);
  }
  const { DirBaselineStore } = await import("./dir-store-FQ7LZ4RU.js");
  return new DirBaselineStore({ root: location.root, ...extra });
}

export {
  openStore
};
