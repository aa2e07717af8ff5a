import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  oneLine
} from "./chunk-BQHDFVCQ.js";
import {
  parseStored
} from "./chunk-MIEEBGBT.js";
import {
  DEFAULT_HISTORY_LIMIT,
  StoreError,
  advancePointer,
  baselineKeys,
  decodeBranch,
  encodePointer,
  isSeriesName,
  normalizeSha,
  parseMetadata,
  parsePointer,
  removeFromPointer,
  validateSeries
} from "./chunk-YRTTGXMW.js";
import "./chunk-6OLLLDAW.js";

// src/adapters/gcs-errors.ts
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var CONNECTION_REASONS = [
  "eai_again",
  "econnreset",
  "unexpected connection closure",
  "epipe",
  "socket connection timeout"
];
function text(field) {
  return typeof field === "string" || typeof field === "number" ? String(field) : "";
}
function retryable(err) {
  const e = err;
  if (!e) return false;
  if (RETRYABLE_STATUS.has(Number(e.code))) return true;
  const reasons = Array.isArray(e.errors) ? e.errors.map((x) => text(x?.reason)) : [];
  for (const r of [text(e.code), ...reasons].map((x) => x.toLowerCase())) {
    if (CONNECTION_REASONS.some((c) => r === c || c === "eai_again" && r.includes(c))) return true;
  }
  const code = text(e.code).toUpperCase();
  if ([
    "ETIMEDOUT",
    "ESOCKETTIMEDOUT",
    "ECONNRESET",
    "EPIPE",
    "ECONNABORTED",
    "UND_ERR_SOCKET",
    "CONTENT_DOWNLOAD_MISMATCH"
  ].includes(code)) {
    return true;
  }
  if (e.type === "request-timeout" || e.name === "AbortError") return true;
  return /timeout|timed out|socket hang up/i.test(text(e.message));
}
var CREDENTIALS_RE = new RegExp(
  [
    "could not load the default credentials",
    "could not refresh access token",
    "unable to detect a project id",
    "invalid_grant",
    "no access, refresh token"
  ].join("|"),
  "i"
);
function gcsError(err, op, bucket) {
  const e = err ?? {};
  const status = typeof e.code === "number" ? e.code : Number.parseInt(text(e.code), 10);
  const message = serviceMessage(typeof e.message === "string" ? e.message : String(err));
  const where = `gs://${bucket}/${op.object}`;
  if (status === 404 && /bucket does not exist/i.test(message)) {
    return new StoreError(`bucket gs://${bucket} does not exist: create it or fix the bucket in --store`);
  }
  if (status === 401 || CREDENTIALS_RE.test(message)) {
    const setUp = process.env.GITHUB_ACTIONS === "true" ? "run google-github-actions/auth before heapgate (it sets up Application Default Credentials)" : "run `gcloud auth application-default login` (it sets up Application Default Credentials)";
    return new StoreError(`no usable Google Cloud credentials: ${setUp}, or set GOOGLE_APPLICATION_CREDENTIALS`);
  }
  if (status === 403) {
    const named = /storage\.[a-zA-Z]+\.[a-zA-Z]+/.exec(message)?.[0] ?? op.permission;
    return new StoreError(
      `permission denied ${op.verb} ${where}: the credentials need ${named} on bucket ${bucket} (e.g. grant roles/storage.objectUser)`
    );
  }
  if (retryable(err)) {
    const what = Number.isNaN(status) ? text(e.code) || message : `HTTP ${status}`;
    return new StoreError(`${op.verb} ${where}: Cloud Storage unavailable after retries (${what})`);
  }
  return new StoreError(`${op.verb} ${where}: ${message || "unknown error"}`);
}
function serviceMessage(text2) {
  const m = /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text2);
  const s = oneLine((m ? m[1] : text2).replace(/\s+/g, " "));
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}
function statusOf(err) {
  const code = err?.code;
  if (typeof code === "number") return code;
  const n = Number.parseInt(text(code), 10);
  return Number.isNaN(n) ? void 0 : n;
}
function isMissingObject(err) {
  return statusOf(err) === 404 && !/bucket does not exist/i.test(text(err?.message));
}

// src/adapters/gcs-read.ts
import { createHash } from "node:crypto";
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function retryRead(policy, attempt, sleep = realSleep) {
  const retries = policy.retries ?? 5;
  const base = policy.baseDelayMs ?? 500;
  const max = policy.maxDelayMs ?? 16e3;
  const timeoutMs = policy.timeoutMs ?? 12e4;
  for (let n = 0; ; n++) {
    try {
      return await withTimeout(attempt(timeoutMs), timeoutMs);
    } catch (err) {
      if (n >= retries || !retryable(err)) throw err;
      const delay = Math.min(max, base * 2 ** n) * (0.5 + Math.random() / 2);
      await sleep(delay);
    }
  }
}
async function downloadMedia(storage, bucket, object, generation, timeoutMs) {
  const base = storage.baseUrl.replace(/\/+$/, "");
  const url = new URL(`${base}/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`);
  url.searchParams.set("alt", "media");
  if (generation !== void 0) url.searchParams.set("generation", generation);
  const headers = new Headers();
  if (!storage.customEndpoint || storage.useAuthWithCustomEndpoint) {
    new Headers(await storage.authClient.getRequestHeaders(url.href)).forEach((v, k) => headers.set(k, v));
  }
  let res;
  let body;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    body = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    const e = err;
    const timedOut = e.name === "TimeoutError" || e.name === "AbortError";
    throw Object.assign(new Error(timedOut ? `no response within ${timeoutMs} ms` : "connection failed"), {
      code: timedOut ? "ETIMEDOUT" : e.cause?.code ?? "ECONNRESET"
    });
  }
  if (!res.ok) {
    let message = res.statusText;
    try {
      message = JSON.parse(body.toString("utf8")).error.message;
    } catch {
    }
    throw Object.assign(new Error(message), { code: res.status });
  }
  verifyHashes(storage, res.headers.get("x-goog-hash"), body);
  return body;
}
function verifyHashes(storage, header, body) {
  for (const pair of (header ?? "").split(",")) {
    const i = pair.indexOf("=");
    const kind = pair.slice(0, i).trim();
    const expected = pair.slice(i + 1).trim();
    let actual;
    if (kind === "crc32c") {
      const c = storage.crc32cGenerator();
      c.update(body);
      actual = c.toString();
    } else if (kind === "md5") {
      actual = createHash("md5").update(body).digest("base64");
    }
    if (actual !== void 0 && actual !== expected) {
      throw Object.assign(new Error(`downloaded bytes do not match their ${kind}`), {
        code: "CONTENT_DOWNLOAD_MISMATCH"
      });
    }
  }
}
function withTimeout(p, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no response within ${ms} ms`), { code: "ETIMEDOUT" })),
      ms
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

// src/adapters/gcs-store.ts
var METADATA_KEY = "heapgate";
function gcsStorageOptions(base = {}) {
  return {
    timeout: 6e4,
    ...base,
    retryOptions: {
      autoRetry: true,
      maxRetries: 5,
      retryDelayMultiplier: 2,
      maxRetryDelay: 16,
      totalTimeout: 300,
      ...base.retryOptions,
      retryableErrorFn: retryable
    }
  };
}
var GcsBaselineStore = class {
  constructor(config) {
    this.config = config;
    this.location = `gs://${config.bucket}${config.prefix ? `/${config.prefix}` : ""}`;
    this.historyLimit = config.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.resumableThreshold = config.resumableThreshold ?? 8 << 20;
    this.maxCasAttempts = config.maxCasAttempts ?? 20;
    this.sleep = config.sleep ?? realSleep;
  }
  config;
  location;
  historyLimit;
  resumableThreshold;
  maxCasAttempts;
  sleep;
  key(rel) {
    return this.config.prefix ? `${this.config.prefix}/${rel}` : rel;
  }
  file(rel, generation) {
    const bucket = this.config.storage.bucket(this.config.bucket);
    return generation === void 0 ? bucket.file(this.key(rel)) : bucket.file(this.key(rel), { generation });
  }
  /** Runs an idempotent read with the store's retry policy (see retryRead). */
  read(attempt) {
    return retryRead(this.config.readRetry ?? {}, attempt, this.sleep);
  }
  async metadataOf(rel) {
    const [md] = await this.read(() => this.file(rel).getMetadata());
    return { generation: String(md.generation), custom: md.metadata ?? {} };
  }
  download(rel, generation) {
    return this.read(
      (timeoutMs) => downloadMedia(this.config.storage, this.config.bucket, this.key(rel), generation, timeoutMs)
    );
  }
  fail(err, verb, rel, permission) {
    return gcsError(err, { verb, object: this.key(rel), permission }, this.config.bucket);
  }
  async put(metadata, profile) {
    const keys = baselineKeys(metadata.series, metadata.branch);
    const commitKey = keys.commit(metadata.sha);
    const stored = await this.createCommit(commitKey, metadata, profile);
    const pointer = await this.offer(keys.pointer, stored.metadata);
    return { object: stored.object, pointer, metadata: stored.metadata };
  }
  async createCommit(rel, metadata, profile) {
    const resumable = profile.length >= this.resumableThreshold;
    try {
      await this.file(rel).save(Buffer.from(profile.buffer, profile.byteOffset, profile.byteLength), {
        resumable,
        ...resumable && this.config.chunkSize ? { chunkSize: this.config.chunkSize } : {},
        contentType: "application/octet-stream",
        metadata: { metadata: { [METADATA_KEY]: JSON.stringify(metadata) } },
        preconditionOpts: { ifGenerationMatch: 0 }
      });
      return { object: "created", metadata };
    } catch (err) {
      if (statusOf(err) !== 412) throw this.fail(err, "writing", rel, "storage.objects.create");
    }
    const existing = await this.readCommitMetadata(rel);
    return { object: "exists", metadata: existing ?? metadata };
  }
  async readCommitMetadata(rel) {
    try {
      const text2 = (await this.metadataOf(rel)).custom[METADATA_KEY];
      return typeof text2 === "string" ? parseMetadata(text2) : void 0;
    } catch (err) {
      if (isMissingObject(err)) return void 0;
      if (err instanceof Error && statusOf(err) === void 0 && /metadata/.test(err.message)) return void 0;
      throw this.fail(err, "reading", rel, "storage.objects.get");
    }
  }
  /** The compare-and-swap loop on the pointer. */
  async offer(rel, incoming) {
    let wrote = false;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const current = await this.readPointerWithGeneration(rel);
      const decision = advancePointer(current?.pointer, incoming, this.historyLimit);
      if (!decision.move) return decision.reason === "same-commit" && wrote ? "moved" : decision.reason;
      try {
        wrote = true;
        await this.file(rel).save(encodePointer(decision.pointer), {
          resumable: false,
          contentType: "application/json",
          metadata: { cacheControl: "no-store" },
          preconditionOpts: { ifGenerationMatch: current?.generation ?? 0 }
        });
        return "moved";
      } catch (err) {
        if (statusOf(err) !== 412) throw this.fail(err, "writing", rel, "storage.objects.create");
      }
      await this.sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
    }
    throw new StoreError(
      `writing ${this.location}/${rel}: pointer still contended after ${this.maxCasAttempts} attempts`
    );
  }
  async readPointerWithGeneration(rel) {
    for (; ; ) {
      let generation;
      try {
        generation = (await this.metadataOf(rel)).generation;
      } catch (err) {
        if (isMissingObject(err)) return void 0;
        throw this.fail(err, "reading", rel, "storage.objects.get");
      }
      try {
        const bytes = await this.download(rel, generation);
        return { pointer: parseStored(parsePointer, bytes, `${this.location}/${rel}`), generation };
      } catch (err) {
        if (isMissingObject(err)) continue;
        if (err instanceof StoreError) throw err;
        throw this.fail(err, "reading", rel, "storage.objects.get");
      }
    }
  }
  async delete(series, branch, sha) {
    const keys = baselineKeys(series, branch);
    const full = normalizeSha(sha);
    let change = "absent";
    let current;
    for (let attempt = 0; ; attempt++) {
      if (attempt === this.maxCasAttempts) {
        throw new StoreError(
          `writing ${this.location}/${keys.pointer}: pointer still contended after ${this.maxCasAttempts} attempts`
        );
      }
      const read = await this.readPointerWithGeneration(keys.pointer);
      const removal = removeFromPointer(read?.pointer, full);
      current = read?.pointer.current;
      if (removal.change === "absent" || read === void 0) break;
      try {
        if (removal.change === "last") {
          await this.file(keys.pointer).delete({ ifGenerationMatch: read.generation });
          current = void 0;
        } else {
          await this.file(keys.pointer).save(encodePointer(removal.pointer), {
            resumable: false,
            contentType: "application/json",
            metadata: { cacheControl: "no-store" },
            preconditionOpts: { ifGenerationMatch: read.generation }
          });
          current = removal.pointer.current;
        }
        change = removal.change;
        break;
      } catch (err) {
        if (statusOf(err) !== 412 && !isMissingObject(err)) {
          throw this.fail(err, "writing", keys.pointer, "storage.objects.create");
        }
      }
      await this.sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
    }
    let object = "removed";
    try {
      await this.file(keys.commit(full)).delete();
    } catch (err) {
      if (!isMissingObject(err)) throw this.fail(err, "deleting", keys.commit(full), "storage.objects.delete");
      object = "absent";
    }
    return { object, pointer: change, ...current !== void 0 ? { current } : {} };
  }
  async pointer(series, branch) {
    const rel = baselineKeys(series, branch).pointer;
    try {
      const bytes = await this.download(rel);
      return parseStored(parsePointer, bytes, `${this.location}/${rel}`);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      if (isMissingObject(err)) return void 0;
      throw this.fail(err, "reading", rel, "storage.objects.get");
    }
  }
  async commit(series, branch, sha) {
    const rel = baselineKeys(series, branch).commit(normalizeSha(sha));
    let generation;
    let metadata;
    try {
      const md = await this.metadataOf(rel);
      generation = md.generation;
      const text2 = md.custom[METADATA_KEY];
      metadata = typeof text2 === "string" ? parseMetadata(text2) : void 0;
    } catch (err) {
      if (isMissingObject(err)) return void 0;
      if (statusOf(err) === void 0 && err instanceof Error && /metadata/.test(err.message)) {
        throw new StoreError(`reading ${this.location}/${rel}: ${err.message}`);
      }
      throw this.fail(err, "reading", rel, "storage.objects.get");
    }
    if (!metadata) throw new StoreError(`reading ${this.location}/${rel}: the object has no heapgate metadata`);
    try {
      const bytes = await this.download(rel, generation);
      return { metadata, profile: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    } catch (err) {
      throw this.fail(err, "reading", rel, "storage.objects.get");
    }
  }
  async branches(series) {
    const found = [];
    for (const segment of await this.directories(`${validateSeries(series)}/`)) {
      try {
        found.push(decodeBranch(segment));
      } catch {
      }
    }
    return found.sort();
  }
  async series() {
    return (await this.directories("")).filter(isSeriesName).sort();
  }
  /** The names of the "directories" right below `rel` (object name prefixes up to the next '/'). */
  async directories(rel) {
    const bucket = this.config.storage.bucket(this.config.bucket);
    const prefix = this.key(rel);
    const found = /* @__PURE__ */ new Set();
    let pageToken;
    try {
      do {
        const [, next, response] = await this.read(
          () => bucket.getFiles({
            prefix,
            delimiter: "/",
            autoPaginate: false,
            maxResults: this.config.listPageSize ?? 1e3,
            ...pageToken ? { pageToken } : {}
          })
        );
        for (const p of response?.prefixes ?? []) {
          found.add(p.slice(prefix.length, -1));
        }
        pageToken = next?.pageToken;
      } while (pageToken);
    } catch (err) {
      throw this.fail(err, "listing", rel === "" ? "(top level)" : rel, "storage.objects.list");
    }
    return [...found];
  }
};
async function openGcsStore(bucket, prefix, options = {}, extra = {}) {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) {
    throw new StoreError(
      `gs://${bucket} needs Node 22 or newer (the Cloud Storage client's requirement); this is Node ${process.versions.node}`
    );
  }
  let Storage;
  try {
    ({ Storage } = await import("./src-FENOGWO6.js"));
  } catch (err) {
    throw new StoreError(
      `cannot load @google-cloud/storage for gs://${bucket}: ${serviceMessage(err.message)}`
    );
  }
  return new GcsBaselineStore({ storage: new Storage(gcsStorageOptions(options)), bucket, prefix, ...extra });
}
export {
  GcsBaselineStore,
  gcsStorageOptions,
  openGcsStore
};
