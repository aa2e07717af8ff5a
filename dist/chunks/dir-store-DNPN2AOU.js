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
  removeFromPointer,
  validateSeries
} from "./chunk-MKMBBUNB.js";
import "./chunk-KQKQYG5A.js";
import {
  StoreError
} from "./chunk-5DEWQUHK.js";
import "./chunk-KIA5R4DO.js";

// src/adapters/dir-store.ts
import { randomUUID } from "node:crypto";
import { constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
var PRUNE_KEEP = 4;
var GENERATION_RE = /^(\d{16})\.json$/;
var METADATA_FILE = "metadata.json";
var PROFILE_FILE = "profile.pb.gz";
var MAX_JSON_BYTES = 64 * 1024 * 1024;
var MAX_POINTER_READS = 20;
function errnoOf(err) {
  return err?.code;
}
var DirBaselineStore = class _DirBaselineStore {
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
    if (err instanceof StoreError) return err;
    const code = errnoOf(err);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      return new StoreError(`permission denied ${verb} ${file}: make the directory writable by this user (${code})`);
    }
    if (code === "ENOSPC") return new StoreError(`${verb} ${file}: no space left on device`);
    if (code === "ENOTDIR") return new StoreError(`${verb} ${file}: a path component is not a directory`);
    if (code === "ELOOP") return linked(verb, file);
    const msg = err instanceof Error ? err.message.replace(/\s+/g, " ") : String(err);
    return new StoreError(`${verb} ${file}: ${msg}`);
  }
  /**
   * Whether every directory from below the root down to `dir` (inclusive) exists; a symbolic link
   * or a non-directory on the way is a StoreError (nothing inside a store is followed).
   */
  async directoriesExist(dir, verb) {
    const rel = path.relative(this.root, dir);
    if (rel.startsWith("..") || path.isAbsolute(rel)) throw new StoreError(`${verb} ${dir}: outside the store`);
    try {
      if (!(await fs.stat(this.root)).isDirectory()) throw new StoreError(`${verb} ${this.root}: not a directory`);
    } catch (err) {
      if (errnoOf(err) === "ENOENT") return false;
      throw this.fail(err, verb, this.root);
    }
    let at = this.root;
    for (const part of rel === "" ? [] : rel.split(path.sep)) {
      at = path.join(at, part);
      let st;
      try {
        st = await fs.lstat(at);
      } catch (err) {
        if (errnoOf(err) === "ENOENT") return false;
        throw this.fail(err, verb, at);
      }
      if (st.isSymbolicLink()) throw linked(verb, at);
      if (!st.isDirectory()) throw new StoreError(`${verb} ${at}: not a directory`);
    }
    return true;
  }
  /**
   * The bytes of a regular file inside the store, or undefined when it does not exist. Opened
   * without following a link and without blocking (a FIFO), checked to be a regular file; JSON files
   * are refused beyond MAX_JSON_BYTES.
   */
  async readIfExists(file, kind) {
    if (!await this.directoriesExist(path.dirname(file), "reading")) return void 0;
    let handle;
    try {
      handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK);
    } catch (err) {
      if (errnoOf(err) === "ENOENT") return void 0;
      throw this.fail(err, "reading", file);
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new StoreError(`reading ${file}: not a regular file`);
      if (kind === "json" && st.size > MAX_JSON_BYTES) {
        throw new StoreError(`reading ${file}: ${st.size} bytes, more than a baseline's JSON may have`);
      }
      return await handle.readFile();
    } catch (err) {
      throw this.fail(err, "reading", file);
    } finally {
      await handle.close();
    }
  }
  /** A fresh directory in `<root>/.tmp/`, created after checking no link leads there. */
  async tempPath() {
    const tmpDir = path.join(this.root, ".tmp");
    await fs.mkdir(tmpDir, { recursive: true });
    await this.directoriesExist(tmpDir, "writing");
    return path.join(tmpDir, `${process.pid}-${randomUUID()}`);
  }
  /** Creates the directories down to `dir` (none of them may be a link). */
  async makeDirectories(dir) {
    const rel = path.relative(this.root, dir);
    let at = this.root;
    for (const part of rel === "" ? [] : rel.split(path.sep)) {
      at = path.join(at, part);
      try {
        await fs.mkdir(at);
      } catch (err) {
        if (errnoOf(err) !== "EEXIST") throw err;
      }
    }
    await this.directoriesExist(dir, "writing");
  }
  static async writeFlushed(file, data) {
    const handle = await fs.open(file, "wx", 420);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  /**
   * Writes `data` to a temp file and links it to `target`. Resolves true when created, false when
   * `target` already existed (left untouched).
   */
  async publish(target, data) {
    let tmp;
    try {
      tmp = await this.tempPath();
      await this.makeDirectories(path.dirname(target));
      await _DirBaselineStore.writeFlushed(tmp, data);
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
      if (tmp !== void 0) await fs.rm(tmp, { force: true }).catch(() => void 0);
    }
  }
  /**
   * Builds a directory of `files` in `.tmp/` and renames it to `target` in one step. Resolves true
   * when created, false when `target` already existed (left untouched).
   */
  async publishDirectory(target, files) {
    let tmp;
    try {
      tmp = await this.tempPath();
      await this.makeDirectories(path.dirname(target));
      await fs.mkdir(tmp);
      for (const [name, data] of Object.entries(files)) await _DirBaselineStore.writeFlushed(path.join(tmp, name), data);
      try {
        await fs.rename(tmp, target);
        tmp = void 0;
        return true;
      } catch (err) {
        const code = errnoOf(err);
        if (code === "EEXIST" || code === "ENOTEMPTY") return false;
        throw err;
      }
    } catch (err) {
      throw this.fail(err, "writing", target);
    } finally {
      if (tmp !== void 0) await fs.rm(tmp, { recursive: true, force: true }).catch(() => void 0);
    }
  }
  /** The files of a commit: its directory, and the pair of files earlier versions wrote. */
  commitFiles(series, branch, sha) {
    const legacyProfile = this.abs(baselineKeys(series, branch).commit(normalizeSha(sha)));
    const dir = legacyProfile.replace(/\.pb\.gz$/, "");
    return {
      dir,
      metadata: path.join(dir, METADATA_FILE),
      profile: path.join(dir, PROFILE_FILE),
      legacyProfile,
      legacyMetadata: `${dir}.json`
    };
  }
  /** What is stored for a commit, read so that the metadata and the profile belong together. */
  async find(series, branch, sha) {
    const f = this.commitFiles(series, branch, sha);
    for (let attempt = 0; attempt < 3; attempt++) {
      const meta = await this.readIfExists(f.metadata, "json");
      if (meta === void 0) {
        if (await this.directoriesExist(f.dir, "reading")) {
          if (attempt < 2) continue;
          throw new StoreError(`reading ${f.metadata}: missing from the commit's directory`);
        }
        return this.findLegacy(f.legacyProfile, f.legacyMetadata);
      }
      const metadata = parseStored(parseMetadata, meta, f.metadata);
      const profile = await this.readIfExists(f.profile, "profile");
      if (profile !== void 0 && profile.length === metadata.size) return stored(metadata, profile);
      if (attempt === 2) {
        throw new StoreError(
          profile === void 0 ? `reading ${f.profile}: missing beside its metadata` : `reading ${f.profile}: ${profile.length} bytes, but its metadata says ${metadata.size}`
        );
      }
    }
    throw new StoreError(`reading ${f.dir}: changed while it was read`);
  }
  /** An earlier version's pair: stored when both exist and the sizes agree, torn when they do not. */
  async findLegacy(profileFile, metadataFile) {
    const profile = await this.readIfExists(profileFile, "profile");
    const meta = await this.readIfExists(metadataFile, "json");
    if (profile === void 0) return meta === void 0 ? { kind: "absent" } : { kind: "torn", why: "no profile" };
    if (meta === void 0) return { kind: "torn", why: `${path.basename(metadataFile)} is missing` };
    const metadata = parseStored(parseMetadata, meta, metadataFile);
    if (metadata.size !== profile.length) {
      const [p, m] = [path.basename(profileFile), path.basename(metadataFile)];
      return { kind: "torn", why: `${p} has ${profile.length} bytes but ${m} says ${metadata.size}` };
    }
    return stored(metadata, profile);
  }
  async put(metadata, profile) {
    const keys = baselineKeys(metadata.series, metadata.branch);
    const f = this.commitFiles(metadata.series, metadata.branch, metadata.sha);
    let found = await this.find(metadata.series, metadata.branch, metadata.sha);
    let object = "exists";
    if (found.kind !== "stored") {
      const body = { [METADATA_FILE]: `${JSON.stringify(metadata, null, 1)}
`, [PROFILE_FILE]: profile };
      if (await this.publishDirectory(f.dir, body)) {
        object = "created";
        found = { kind: "stored", baseline: { metadata, profile } };
      } else {
        found = await this.find(metadata.series, metadata.branch, metadata.sha);
      }
    }
    if (found.kind !== "stored") throw new StoreError(`writing ${f.dir}: another writer's copy could not be read back`);
    const kept = found.baseline.metadata;
    const pointer = await this.offer(path.dirname(this.abs(keys.pointer)), kept);
    return { object, pointer, metadata: kept };
  }
  /** The compare-and-swap loop on the generation files in `<branchDir>/pointer/`. */
  async offer(branchDir, incoming) {
    const dir = path.join(branchDir, "pointer");
    let wrote = false;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const current = await this.readPointerDir(dir);
      const decision = advancePointer(current?.pointer, incoming, this.historyLimit);
      if (!decision.move) return decision.reason === "same-commit" && wrote ? "moved" : decision.reason;
      if (await this.swap(dir, current?.generation ?? 0, encodePointer(decision.pointer))) {
        wrote = true;
        if (await this.settled(dir, (current?.generation ?? 0) + 1)) return "moved";
        continue;
      }
      await backOff(attempt);
    }
    throw new StoreError(`writing ${dir}: pointer still contended after ${this.maxCasAttempts} attempts`);
  }
  /** Publishes generation `read + 1`; false when another writer took that number first. */
  async swap(dir, read, text) {
    return this.publish(path.join(dir, generationName(read + 1)), text);
  }
  /**
   * After publishing generation `next`: true (and old generations pruned) when it is the newest.
   * Otherwise the number had been used and pruned while we were deciding, or a newer writer already
   * built on ours: the caller re-reads and decides again (a stale file below is pruned later).
   */
  async settled(dir, next) {
    const newest = (await this.generations(dir))[0];
    if (newest !== void 0 && newest > next) return false;
    await this.prune(dir, next);
    return true;
  }
  async delete(series, branch, sha) {
    const f = this.commitFiles(series, branch, sha);
    const dir = path.join(path.dirname(this.abs(baselineKeys(series, branch).pointer)), "pointer");
    const full = normalizeSha(sha);
    let change = "absent";
    let current;
    for (let attempt = 0; ; attempt++) {
      if (attempt === this.maxCasAttempts) {
        throw new StoreError(`writing ${dir}: pointer still contended after ${this.maxCasAttempts} attempts`);
      }
      const read = await this.readPointerDir(dir);
      const removal = removeFromPointer(read?.pointer, full);
      current = read?.pointer?.current;
      if (removal.change === "absent") break;
      const text = removal.change === "last" ? `${JSON.stringify({ schema: 1, deleted: full })}
` : encodePointer(removal.pointer);
      if (await this.swap(dir, read?.generation ?? 0, text) && await this.settled(dir, (read?.generation ?? 0) + 1)) {
        change = removal.change;
        current = removal.change === "last" ? void 0 : removal.pointer.current;
        break;
      }
      await backOff(attempt);
    }
    let object = "absent";
    if (await this.directoriesExist(f.dir, "deleting")) {
      const gone = `${await this.tempPath()}-deleted`;
      try {
        await fs.rename(f.dir, gone);
        object = "removed";
      } catch (err) {
        if (errnoOf(err) !== "ENOENT") throw this.fail(err, "deleting", f.dir);
      }
      await fs.rm(gone, { recursive: true, force: true }).catch(() => void 0);
    }
    for (const file of [f.legacyProfile, f.legacyMetadata]) {
      if (!await this.directoriesExist(path.dirname(file), "deleting")) continue;
      try {
        await fs.unlink(file);
        object = "removed";
      } catch (err) {
        if (errnoOf(err) !== "ENOENT") throw this.fail(err, "deleting", file);
      }
    }
    return { object, pointer: change, ...current !== void 0 ? { current } : {} };
  }
  /** The names in `dir`; none when it does not exist. */
  async list(dir) {
    if (!await this.directoriesExist(dir, "reading")) return [];
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
      if (!m) continue;
      const g = Number(m[1]);
      if (!Number.isSafeInteger(g))
        throw new StoreError(`reading ${path.join(dir, n)}: not a pointer generation heapgate wrote`);
      gens.push(g);
    }
    return gens.sort((a, b) => b - a);
  }
  /**
   * The newest pointer generation and its number (pointer undefined after the branch's last
   * baseline was deleted), or undefined when there is none.
   */
  async readPointerDir(dir) {
    for (let attempt = 0; attempt < MAX_POINTER_READS; attempt++) {
      const [generation] = await this.generations(dir);
      if (generation === void 0) return void 0;
      const file = path.join(dir, generationName(generation));
      const bytes = await this.readIfExists(file, "json");
      if (bytes === void 0) continue;
      return { pointer: isTombstone(bytes) ? void 0 : parseStored(parsePointer, bytes, file), generation };
    }
    throw new StoreError(`reading ${dir}: the newest pointer file kept vanishing (${MAX_POINTER_READS} reads)`);
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
    const found = await this.find(series, branch, sha);
    if (found.kind === "stored") return found.baseline;
    if (found.kind === "absent") return void 0;
    const f = this.commitFiles(series, branch, sha);
    throw new StoreError(
      `reading ${f.legacyProfile}: ${found.why}, left by an interrupted or concurrent put of an earlier heapgate; put the commit again, or remove it with heapgate baseline delete --sha ${normalizeSha(sha).slice(0, 12)}`
    );
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
function stored(metadata, profile) {
  return {
    kind: "stored",
    baseline: { metadata, profile: new Uint8Array(profile.buffer, profile.byteOffset, profile.byteLength) }
  };
}
function linked(verb, file) {
  return new StoreError(`${verb} ${file}: a symbolic link; heapgate never follows links inside a store`);
}
function isTombstone(bytes) {
  try {
    const v = JSON.parse(bytes.toString("utf8"));
    return typeof v === "object" && v !== null && typeof v.deleted === "string" && !("current" in v);
  } catch {
    return false;
  }
}
function backOff(attempt) {
  return new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
}
export {
  DirBaselineStore
};
