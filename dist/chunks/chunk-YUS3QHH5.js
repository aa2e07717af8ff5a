import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/adapters/store-url.ts
import path from "node:path";
import { fileURLToPath } from "node:url";
var BUCKET_RE = /^[a-z0-9](?:[a-z0-9._-]{1,61})[a-z0-9]$/;
var ALLOWED = "expected gs://bucket/prefix, a file:// URL or a directory path";
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
async function openStore(spec, options) {
  const location = parseStoreUrl(spec, options.cwd);
  const extra = options.historyLimit !== void 0 ? { historyLimit: options.historyLimit } : {};
  if (location.kind === "gcs") {
    const { openGcsStore } = await import("./gcs-store-LBGXQSIH.js");
    return openGcsStore(location.bucket, location.prefix, {}, extra);
  }
  const { DirBaselineStore } = await import("./dir-store-AGXU6HD7.js");
  return new DirBaselineStore({ root: location.root, ...extra });
}

export {
  openStore
};
