/**
 * BaselineStore in a local (or shared) directory, with the same guarantees as the GCS store:
 *
 * - a commit's baseline is one directory, `commits/<sha>/` holding `metadata.json` and
 *   `profile.pb.gz`, built complete in `<root>/.tmp/` (flushed) and published by one rename(2),
 *   which fails when the name exists: create-only, atomic, the metadata never beside a profile it
 *   was not written with. Baselines of earlier versions (`commits/<sha>.pb.gz` with `<sha>.json`
 *   beside it) are still read, and checked to belong together;
 * - the pointer is a sequence of immutable generation files `pointer/<generation>.json`, each
 *   published with link(2) (EEXIST when taken); the current pointer is the highest generation.
 *   Compare-and-swap = publishing generation g+1 after reading g: exactly one writer wins it, the
 *   others re-read and decide again. No lock is held, so a crashed writer cannot block the others;
 * - old generations are pruned (the newest PRUNE_KEEP stay). A writer that published a generation
 *   number that had already been used and pruned sees a higher one right after, re-reads and
 *   decides again; the stray file below the newest is pruned later;
 * - nothing inside the store is followed if it is a symbolic link, and only regular files are read:
 *   a link or a device where a baseline should be is a store error naming it.
 *
 * Works across processes and machines sharing the directory (link and rename are atomic on local
 * file systems and on NFS).
 */
import { randomUUID } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import {
  advancePointer,
  baselineKeys,
  decodeBranch,
  encodePointer,
  normalizeSha,
  parseMetadata,
  parsePointer,
  isSeriesName,
  removeFromPointer,
  validateSeries,
  DEFAULT_HISTORY_LIMIT,
  type BaselineMetadata,
  type BaselinePointer,
} from '../core/history/baseline.js';
import { StoreError } from '../core/errors.js';
import type { BaselineStore, DeleteBaselineResult, PutBaselineResult, StoredBaseline } from '../ports.js';
import { parseStored } from './stored-json.js';

/** Generation files kept after a successful swap (readers holding an older name retry). */
const PRUNE_KEEP = 4;
const GENERATION_RE = /^(\d{16})\.json$/;
/** The two files of a commit's directory. */
const METADATA_FILE = 'metadata.json';
const PROFILE_FILE = 'profile.pb.gz';
/** A pointer or metadata file is JSON of at most a few MB (50 entries of metadata). */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** Re-reads when the newest generation vanishes between listing and reading (pruned meanwhile). */
const MAX_POINTER_READS = 20;

export interface DirStoreConfig {
  readonly root: string;
  readonly historyLimit?: number;
  /** Compare-and-swap attempts on the pointer before giving up (default 100). */
  readonly maxCasAttempts?: number;
}

function errnoOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

/** A commit's stored files as found: complete, absent, or a pair of an earlier version that does not match. */
type Found =
  | { readonly kind: 'stored'; readonly baseline: StoredBaseline }
  | { readonly kind: 'absent' }
  | { readonly kind: 'torn'; readonly why: string };

/** A pointer generation file that records a delete of the branch's last baseline. */
interface Tombstone {
  readonly schema: number;
  readonly deleted: string;
}

export class DirBaselineStore implements BaselineStore {
  readonly location: string;
  private readonly root: string;
  private readonly historyLimit: number;
  private readonly maxCasAttempts: number;

  constructor(config: DirStoreConfig) {
    this.root = path.resolve(config.root);
    this.location = this.root;
    this.historyLimit = config.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.maxCasAttempts = config.maxCasAttempts ?? 100;
  }

  private abs(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  private fail(err: unknown, verb: string, file: string): StoreError {
    if (err instanceof StoreError) return err;
    const code = errnoOf(err);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return new StoreError(`permission denied ${verb} ${file}: make the directory writable by this user (${code})`);
    }
    if (code === 'ENOSPC') return new StoreError(`${verb} ${file}: no space left on device`);
    if (code === 'ENOTDIR') return new StoreError(`${verb} ${file}: a path component is not a directory`);
    if (code === 'ELOOP') return linked(verb, file);
    const msg = err instanceof Error ? err.message.replace(/\s+/g, ' ') : String(err);
    return new StoreError(`${verb} ${file}: ${msg}`);
  }

  /**
   * Whether every directory from below the root down to `dir` (inclusive) exists; a symbolic link
   * or a non-directory on the way is a StoreError (nothing inside a store is followed).
   */
  private async directoriesExist(dir: string, verb: string): Promise<boolean> {
    const rel = path.relative(this.root, dir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new StoreError(`${verb} ${dir}: outside the store`);
    try {
      // The root itself may be a link (a user's choice); below it, nothing is followed.
      if (!(await fs.stat(this.root)).isDirectory()) throw new StoreError(`${verb} ${this.root}: not a directory`);
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return false;
      throw this.fail(err, verb, this.root);
    }
    let at = this.root;
    for (const part of rel === '' ? [] : rel.split(path.sep)) {
      at = path.join(at, part);
      let st;
      try {
        st = await fs.lstat(at);
      } catch (err) {
        if (errnoOf(err) === 'ENOENT') return false;
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
  private async readIfExists(file: string, kind: 'json' | 'profile'): Promise<Buffer | undefined> {
    if (!(await this.directoriesExist(path.dirname(file), 'reading'))) return undefined;
    let handle;
    try {
      handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK);
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return undefined;
      throw this.fail(err, 'reading', file);
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new StoreError(`reading ${file}: not a regular file`);
      if (kind === 'json' && st.size > MAX_JSON_BYTES) {
        throw new StoreError(`reading ${file}: ${st.size} bytes, more than a baseline's JSON may have`);
      }
      return await handle.readFile();
    } catch (err) {
      throw this.fail(err, 'reading', file);
    } finally {
      await handle.close();
    }
  }

  /** A fresh directory in `<root>/.tmp/`, created after checking no link leads there. */
  private async tempPath(): Promise<string> {
    const tmpDir = path.join(this.root, '.tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    await this.directoriesExist(tmpDir, 'writing');
    return path.join(tmpDir, `${process.pid}-${randomUUID()}`);
  }

  /** Creates the directories down to `dir` (none of them may be a link). */
  private async makeDirectories(dir: string): Promise<void> {
    const rel = path.relative(this.root, dir);
    let at = this.root;
    for (const part of rel === '' ? [] : rel.split(path.sep)) {
      at = path.join(at, part);
      try {
        await fs.mkdir(at);
      } catch (err) {
        if (errnoOf(err) !== 'EEXIST') throw err;
      }
    }
    await this.directoriesExist(dir, 'writing');
  }

  private static async writeFlushed(file: string, data: Uint8Array | string): Promise<void> {
    const handle = await fs.open(file, 'wx', 0o644);
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
  private async publish(target: string, data: Uint8Array | string): Promise<boolean> {
    let tmp: string | undefined;
    try {
      tmp = await this.tempPath();
      await this.makeDirectories(path.dirname(target));
      await DirBaselineStore.writeFlushed(tmp, data);
      try {
        await fs.link(tmp, target);
        return true;
      } catch (err) {
        if (errnoOf(err) === 'EEXIST') return false;
        throw err;
      }
    } catch (err) {
      throw this.fail(err, 'writing', target);
    } finally {
      if (tmp !== undefined) await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  /**
   * Builds a directory of `files` in `.tmp/` and renames it to `target` in one step. Resolves true
   * when created, false when `target` already existed (left untouched).
   */
  private async publishDirectory(
    target: string,
    files: Readonly<Record<string, Uint8Array | string>>,
  ): Promise<boolean> {
    let tmp: string | undefined;
    try {
      tmp = await this.tempPath();
      await this.makeDirectories(path.dirname(target));
      await fs.mkdir(tmp);
      for (const [name, data] of Object.entries(files)) await DirBaselineStore.writeFlushed(path.join(tmp, name), data);
      try {
        await fs.rename(tmp, target);
        tmp = undefined;
        return true;
      } catch (err) {
        const code = errnoOf(err);
        if (code === 'EEXIST' || code === 'ENOTEMPTY') return false;
        throw err;
      }
    } catch (err) {
      throw this.fail(err, 'writing', target);
    } finally {
      if (tmp !== undefined) await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** The files of a commit: its directory, and the pair of files earlier versions wrote. */
  private commitFiles(series: string, branch: string, sha: string) {
    const legacyProfile = this.abs(baselineKeys(series, branch).commit(normalizeSha(sha)));
    const dir = legacyProfile.replace(/\.pb\.gz$/, '');
    return {
      dir,
      metadata: path.join(dir, METADATA_FILE),
      profile: path.join(dir, PROFILE_FILE),
      legacyProfile,
      legacyMetadata: `${dir}.json`,
    };
  }

  /** What is stored for a commit, read so that the metadata and the profile belong together. */
  private async find(series: string, branch: string, sha: string): Promise<Found> {
    const f = this.commitFiles(series, branch, sha);
    // A delete racing this read can remove the directory between the two files: read again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const meta = await this.readIfExists(f.metadata, 'json');
      if (meta === undefined) {
        if (await this.directoriesExist(f.dir, 'reading')) {
          if (attempt < 2) continue;
          throw new StoreError(`reading ${f.metadata}: missing from the commit's directory`);
        }
        return this.findLegacy(f.legacyProfile, f.legacyMetadata);
      }
      const metadata = parseStored(parseMetadata, meta, f.metadata);
      const profile = await this.readIfExists(f.profile, 'profile');
      if (profile !== undefined && profile.length === metadata.size) return stored(metadata, profile);
      if (attempt === 2) {
        throw new StoreError(
          profile === undefined
            ? `reading ${f.profile}: missing beside its metadata`
            : `reading ${f.profile}: ${profile.length} bytes, but its metadata says ${metadata.size}`,
        );
      }
    }
    throw new StoreError(`reading ${f.dir}: changed while it was read`);
  }

  /** An earlier version's pair: stored when both exist and the sizes agree, torn when they do not. */
  private async findLegacy(profileFile: string, metadataFile: string): Promise<Found> {
    const profile = await this.readIfExists(profileFile, 'profile');
    const meta = await this.readIfExists(metadataFile, 'json');
    if (profile === undefined) return meta === undefined ? { kind: 'absent' } : { kind: 'torn', why: 'no profile' };
    if (meta === undefined) return { kind: 'torn', why: `${path.basename(metadataFile)} is missing` };
    const metadata = parseStored(parseMetadata, meta, metadataFile);
    if (metadata.size !== profile.length) {
      const [p, m] = [path.basename(profileFile), path.basename(metadataFile)];
      return { kind: 'torn', why: `${p} has ${profile.length} bytes but ${m} says ${metadata.size}` };
    }
    return stored(metadata, profile);
  }

  async put(metadata: BaselineMetadata, profile: Uint8Array): Promise<PutBaselineResult> {
    const keys = baselineKeys(metadata.series, metadata.branch);
    const f = this.commitFiles(metadata.series, metadata.branch, metadata.sha);
    // Create-only: a commit already stored keeps its files, and its metadata is what the pointer
    // names. A pair an earlier version left torn is superseded by the directory written now.
    let found = await this.find(metadata.series, metadata.branch, metadata.sha);
    let object: PutBaselineResult['object'] = 'exists';
    if (found.kind !== 'stored') {
      const body = { [METADATA_FILE]: `${JSON.stringify(metadata, null, 1)}\n`, [PROFILE_FILE]: profile };
      if (await this.publishDirectory(f.dir, body)) {
        object = 'created';
        found = { kind: 'stored', baseline: { metadata, profile } };
      } else {
        found = await this.find(metadata.series, metadata.branch, metadata.sha);
      }
    }
    if (found.kind !== 'stored') throw new StoreError(`writing ${f.dir}: another writer's copy could not be read back`);
    const kept = found.baseline.metadata;
    const pointer = await this.offer(path.dirname(this.abs(keys.pointer)), kept);
    return { object, pointer, metadata: kept };
  }

  /** The compare-and-swap loop on the generation files in `<branchDir>/pointer/`. */
  private async offer(branchDir: string, incoming: BaselineMetadata): Promise<PutBaselineResult['pointer']> {
    const dir = path.join(branchDir, 'pointer');
    let wrote = false;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const current = await this.readPointerDir(dir);
      const decision = advancePointer(current?.pointer, incoming, this.historyLimit);
      if (!decision.move) return decision.reason === 'same-commit' && wrote ? 'moved' : decision.reason;
      if (await this.swap(dir, current?.generation ?? 0, encodePointer(decision.pointer))) {
        wrote = true;
        if (await this.settled(dir, (current?.generation ?? 0) + 1)) return 'moved';
        continue;
      }
      await backOff(attempt);
    }
    throw new StoreError(`writing ${dir}: pointer still contended after ${this.maxCasAttempts} attempts`);
  }

  /** Publishes generation `read + 1`; false when another writer took that number first. */
  private async swap(dir: string, read: number, text: string): Promise<boolean> {
    return this.publish(path.join(dir, generationName(read + 1)), text);
  }

  /**
   * After publishing generation `next`: true (and old generations pruned) when it is the newest.
   * Otherwise the number had been used and pruned while we were deciding, or a newer writer already
   * built on ours: the caller re-reads and decides again (a stale file below is pruned later).
   */
  private async settled(dir: string, next: number): Promise<boolean> {
    const newest = (await this.generations(dir))[0];
    if (newest !== undefined && newest > next) return false;
    await this.prune(dir, next);
    return true;
  }

  async delete(series: string, branch: string, sha: string): Promise<DeleteBaselineResult> {
    const f = this.commitFiles(series, branch, sha);
    const dir = path.join(path.dirname(this.abs(baselineKeys(series, branch).pointer)), 'pointer');
    const full = normalizeSha(sha);
    // The pointer first, so that no reader is sent to a commit that is being removed.
    let change: DeleteBaselineResult['pointer'] = 'absent';
    let current: BaselineMetadata | undefined;
    for (let attempt = 0; ; attempt++) {
      if (attempt === this.maxCasAttempts) {
        throw new StoreError(`writing ${dir}: pointer still contended after ${this.maxCasAttempts} attempts`);
      }
      const read = await this.readPointerDir(dir);
      const removal = removeFromPointer(read?.pointer, full);
      current = read?.pointer?.current;
      if (removal.change === 'absent') break;
      const text =
        removal.change === 'last'
          ? `${JSON.stringify({ schema: 1, deleted: full } satisfies Tombstone)}\n`
          : encodePointer(removal.pointer);
      if (
        (await this.swap(dir, read?.generation ?? 0, text)) &&
        (await this.settled(dir, (read?.generation ?? 0) + 1))
      ) {
        change = removal.change;
        current = removal.change === 'last' ? undefined : removal.pointer.current;
        break;
      }
      await backOff(attempt);
    }
    // Then the files: the directory leaves in one rename, an earlier version's pair profile first.
    let object: DeleteBaselineResult['object'] = 'absent';
    if (await this.directoriesExist(f.dir, 'deleting')) {
      const gone = `${await this.tempPath()}-deleted`;
      try {
        await fs.rename(f.dir, gone);
        object = 'removed';
      } catch (err) {
        if (errnoOf(err) !== 'ENOENT') throw this.fail(err, 'deleting', f.dir);
      }
      await fs.rm(gone, { recursive: true, force: true }).catch(() => undefined);
    }
    for (const file of [f.legacyProfile, f.legacyMetadata]) {
      if (!(await this.directoriesExist(path.dirname(file), 'deleting'))) continue;
      try {
        await fs.unlink(file);
        object = 'removed';
      } catch (err) {
        if (errnoOf(err) !== 'ENOENT') throw this.fail(err, 'deleting', file);
      }
    }
    return { object, pointer: change, ...(current !== undefined ? { current } : {}) };
  }

  /** The names in `dir`; none when it does not exist. */
  private async list(dir: string): Promise<string[]> {
    if (!(await this.directoriesExist(dir, 'reading'))) return [];
    try {
      return await fs.readdir(dir);
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return [];
      throw this.fail(err, 'reading', dir);
    }
  }

  /** Generation numbers present in `dir`, highest first. */
  private async generations(dir: string): Promise<number[]> {
    const gens: number[] = [];
    for (const n of await this.list(dir)) {
      const m = GENERATION_RE.exec(n);
      if (!m) continue;
      const g = Number(m[1]);
      // Not a number heapgate writes (they count up from 1): it would be read as another file.
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
  private async readPointerDir(
    dir: string,
  ): Promise<{ pointer: BaselinePointer | undefined; generation: number } | undefined> {
    for (let attempt = 0; attempt < MAX_POINTER_READS; attempt++) {
      const [generation] = await this.generations(dir);
      if (generation === undefined) return undefined;
      const file = path.join(dir, generationName(generation));
      const bytes = await this.readIfExists(file, 'json');
      // Pruned between listing and reading: list again.
      if (bytes === undefined) continue;
      return { pointer: isTombstone(bytes) ? undefined : parseStored(parsePointer, bytes, file), generation };
    }
    throw new StoreError(`reading ${dir}: the newest pointer file kept vanishing (${MAX_POINTER_READS} reads)`);
  }

  private async prune(dir: string, upTo: number): Promise<void> {
    for (const g of await this.generations(dir)) {
      if (g <= upTo - PRUNE_KEEP)
        await fs.rm(path.join(dir, generationName(g)), { force: true }).catch(() => undefined);
    }
  }

  async pointer(series: string, branch: string): Promise<BaselinePointer | undefined> {
    const branchDir = path.dirname(this.abs(baselineKeys(series, branch).pointer));
    return (await this.readPointerDir(path.join(branchDir, 'pointer')))?.pointer;
  }

  async commit(series: string, branch: string, sha: string): Promise<StoredBaseline | undefined> {
    const found = await this.find(series, branch, sha);
    if (found.kind === 'stored') return found.baseline;
    if (found.kind === 'absent') return undefined;
    const f = this.commitFiles(series, branch, sha);
    throw new StoreError(
      `reading ${f.legacyProfile}: ${found.why}, left by an interrupted or concurrent put of an earlier heapgate; ` +
        `put the commit again, or remove it with heapgate baseline delete --sha ${normalizeSha(sha).slice(0, 12)}`,
    );
  }

  async branches(series: string): Promise<string[]> {
    const out: string[] = [];
    for (const n of await this.list(path.join(this.root, validateSeries(series)))) {
      try {
        out.push(decodeBranch(n));
      } catch {
        // Not a heapgate branch directory: ignore it.
      }
    }
    return out.sort();
  }

  async series(): Promise<string[]> {
    let entries;
    try {
      entries = await fs.readdir(this.root, { withFileTypes: true });
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return [];
      throw this.fail(err, 'reading', this.root);
    }
    const out: string[] = [];
    for (const e of entries) {
      if (e.isDirectory() && isSeriesName(e.name) && (await this.list(path.join(this.root, e.name))).length > 0) {
        out.push(e.name);
      }
    }
    return out.sort();
  }
}

function generationName(g: number): string {
  return `${String(g).padStart(16, '0')}.json`;
}

function stored(metadata: BaselineMetadata, profile: Buffer): Found {
  return {
    kind: 'stored',
    baseline: { metadata, profile: new Uint8Array(profile.buffer, profile.byteOffset, profile.byteLength) },
  };
}

function linked(verb: string, file: string): StoreError {
  return new StoreError(`${verb} ${file}: a symbolic link; heapgate never follows links inside a store`);
}

function isTombstone(bytes: Buffer): boolean {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as Partial<Tombstone> | null;
    return typeof v === 'object' && v !== null && typeof v.deleted === 'string' && !('current' in v);
  } catch {
    return false;
  }
}

/** A short jittered pause after losing a race, before re-reading. */
function backOff(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
}
