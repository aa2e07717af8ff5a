import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  parseStored
} from "./chunk-MQMF3SXI.js";
import {
  DEFAULT_HISTORY_LIMIT,
  advancePointer,
  baselineKeys,
  decodeBranch,
  encodePointer,
  isSeriesName,
  normalizeSha,
  parseMetadata,
  parsePointer,
  validateSeries
} from "./chunk-JDVDMB3A.js";
import "./chunk-Y25KWGEP.js";
import {
  StoreError
} from "./chunk-5DEWQUHK.js";
import "./chunk-KIA5R4DO.js";

// src/adapters/dir-store.ts
import { randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
var PRUNE_KEEP = 4;
var GENERATION_RE = /^(\d{16})\.json$/;
function errnoOf(err) {
  return err?.code;
}
var DirBaselineStore = class {
  location;
  root;
  historyLimit;
  maxCasAttempts;
  constructor(config) {
    this.root = path.resolve(config.root);
    this.location = this.root;
    this.historyLimit = config.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.maxCasAttempts = config.maxCasAttempts ?? 100;
  }
  abs(rel) {
    return path.join(this.root, ...rel.split("/"));
  }
  fail(err, verb, file) {
    const code = errnoOf(err);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      return new StoreError(`permission denied ${verb} ${file}: make the directory writable by this user (${code})`);
    }
    if (code === "ENOSPC") return new StoreError(`${verb} ${file}: no space left on device`);
    if (code === "ENOTDIR") return new StoreError(`${verb} ${file}: a path component is not a directory`);
    const msg = err instanceof Error ? err.message.replace(/\s+/g, " ") : String(err);
    return new StoreError(`${verb} ${file}: ${msg}`);
  }
  /**
   * Writes `data` to a temp file and links it to `target`. Resolves true when created, false when
   * `target` already existed (left untouched).
   */
  async publish(target, data) {
    const tmpDir = path.join(this.root, ".tmp");
    const tmp = path.join(tmpDir, `${process.pid}-${randomUUID()}`);
    try {
      await fs.mkdir(tmpDir, { recursive: true });
      await fs.mkdir(path.dirname(target), { recursive: true });
      const handle = await fs.open(tmp, "wx", 420);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.link(tmp, target);
        return true;
      } catch (err) {
        if (errnoOf(err) === "EEXIST") return false;
        throw err;
      }
    } catch (err) {
      throw this.fail(err, "writing", target);
    } finally {
      await fs.rm(tmp, { force: true }).catch(() => void 0);
    }
  }
  async readIfExists(file) {
    try {
      return await fs.readFile(file);
    } catch (err) {
      if (errnoOf(err) === "ENOENT" || errnoOf(err) === "ENOTDIR") return void 0;
      throw this.fail(err, "reading", file);
    }
  }
  async put(metadata, profile) {
    const keys = baselineKeys(metadata.series, metadata.branch);
    const profileFile = this.abs(keys.commit(metadata.sha));
    const metadataFile = profileFile.replace(/\.pb\.gz$/, ".json");
    let stored = metadata;
    if (!await this.publish(metadataFile, `${JSON.stringify(metadata, null, 1)}
`)) {
      stored = parseStored(parseMetadata, await this.readIfExists(metadataFile) ?? Buffer.alloc(0), metadataFile);
    }
    const created = await this.publish(profileFile, profile);
    const pointer = await this.offer(path.dirname(this.abs(keys.pointer)), stored);
    return { object: created ? "created" : "exists", pointer, metadata: stored };
  }
  /** The compare-and-swap loop on the generation files in `<branchDir>/pointer/`. */
  async offer(branchDir, incoming) {
    const dir = path.join(branchDir, "pointer");
    let wrote = false;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const current = await this.readPointerDir(dir);
      const decision = advancePointer(current?.pointer, incoming, this.historyLimit);
      if (!decision.move) return decision.reason === "same-commit" && wrote ? "moved" : decision.reason;
      const next = (current?.generation ?? 0) + 1;
      const file = path.join(dir, generationName(next));
      if (await this.publish(file, encodePointer(decision.pointer))) {
        wrote = true;
        const newest = (await this.generations(dir))[0];
        if (newest === void 0 || newest <= next) {
          await this.prune(dir, next);
          return "moved";
        }
        continue;
      }
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
    }
    throw new StoreError(`writing ${dir}: pointer still contended after ${this.maxCasAttempts} attempts`);
  }
  /** The names in `dir`; none when it does not exist. */
  async list(dir) {
    try {
      return await fs.readdir(dir);
    } catch (err) {
      if (errnoOf(err) === "ENOENT") return [];
      throw this.fail(err, "reading", dir);
    }
  }
  /** Generation numbers present in `dir`, highest first. */
  async generations(dir) {
    const gens = [];
    for (const n of await this.list(dir)) {
      const m = GENERATION_RE.exec(n);
      if (m) gens.push(Number(m[1]));
    }
    return gens.sort((a, b) => b - a);
  }
  async readPointerDir(dir) {
    for (; ; ) {
      const [generation] = await this.generations(dir);
      if (generation === void 0) return void 0;
      const file = path.join(dir, generationName(generation));
      const bytes = await this.readIfExists(file);
      if (bytes === void 0) continue;
      return { pointer: parseStored(parsePointer, bytes, file), generation };
    }
  }
  async prune(dir, upTo) {
    for (const g of await this.generations(dir)) {
      if (g <= upTo - PRUNE_KEEP)
        await fs.rm(path.join(dir, generationName(g)), { force: true }).catch(() => void 0);
    }
  }
  async pointer(series, branch) {
    const branchDir = path.dirname(this.abs(baselineKeys(series, branch).pointer));
    return (await this.readPointerDir(path.join(branchDir, "pointer")))?.pointer;
  }
  async commit(series, branch, sha) {
    const profileFile = this.abs(baselineKeys(series, branch).commit(normalizeSha(sha)));
    const metadataFile = profileFile.replace(/\.pb\.gz$/, ".json");
    const profile = await this.readIfExists(profileFile);
    if (profile === void 0) return void 0;
    const meta = await this.readIfExists(metadataFile);
    if (meta === void 0)
      throw new StoreError(`reading ${metadataFile}: missing beside ${path.basename(profileFile)}`);
    return {
      metadata: parseStored(parseMetadata, meta, metadataFile),
      profile: new Uint8Array(profile.buffer, profile.byteOffset, profile.byteLength)
    };
  }
  async branches(series) {
    const out = [];
    for (const n of await this.list(path.join(this.root, validateSeries(series)))) {
      try {
        out.push(decodeBranch(n));
      } catch {
      }
    }
    return out.sort();
  }
  async series() {
    let entries;
    try {
      entries = await fs.readdir(this.root, { withFileTypes: true });
    } catch (err) {
      if (errnoOf(err) === "ENOENT") return [];
      throw this.fail(err, "reading", this.root);
    }
    const out = [];
    for (const e of entries) {
      if (e.isDirectory() && isSeriesName(e.name) && (await this.list(path.join(this.root, e.name))).length > 0) {
        out.push(e.name);
      }
    }
    return out.sort();
  }
};
function generationName(g) {
  return `${String(g).padStart(16, "0")}.json`;
}
export {
  DirBaselineStore
};
