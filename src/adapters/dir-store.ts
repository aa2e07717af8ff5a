/**
 * BaselineStore in a local (or shared) directory, with the same guarantees as the GCS store:
 *
 * - every file is written to `<root>/.tmp/` first, flushed, then published with link(2), which
 *   fails with EEXIST when the name exists: create-only, atomic, never a half-written file;
 * - the pointer is a sequence of immutable generation files `pointer/<generation>.json`; the
 *   current pointer is the highest generation. Compare-and-swap = publishing generation g+1 after
 *   reading g: exactly one writer wins it, the others see EEXIST, re-read and decide again. No lock
 *   is held, so a crashed writer cannot block the others;
 * - old generations are pruned (the newest PRUNE_KEEP stay). A writer that published a generation
 *   number that had already been used and pruned sees a higher one right after, re-reads and
 *   decides again; the stray file below the newest is pruned later.
 *
 * Works across processes and machines sharing the directory (link is atomic on local file systems
 * and on NFS).
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
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
  validateSeries,
  DEFAULT_HISTORY_LIMIT,
  type BaselineMetadata,
  type BaselinePointer,
} from '../core/history/baseline.js';
import { StoreError } from '../core/errors.js';
import type { BaselineStore, PutBaselineResult, StoredBaseline } from '../ports.js';
import { parseStored } from './stored-json.js';

/** Generation files kept after a successful swap (readers holding an older name retry). */
const PRUNE_KEEP = 4;
const GENERATION_RE = /^(\d{16})\.json$/;

export interface DirStoreConfig {
  readonly root: string;
  readonly historyLimit?: number;
  /** Compare-and-swap attempts on the pointer before giving up (default 100). */
  readonly maxCasAttempts?: number;
}

function errnoOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
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
    const code = errnoOf(err);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return new StoreError(`permission denied ${verb} ${file}: make the directory writable by this user (${code})`);
    }
    if (code === 'ENOSPC') return new StoreError(`${verb} ${file}: no space left on device`);
    if (code === 'ENOTDIR') return new StoreError(`${verb} ${file}: a path component is not a directory`);
    const msg = err instanceof Error ? err.message.replace(/\s+/g, ' ') : String(err);
    return new StoreError(`${verb} ${file}: ${msg}`);
  }

  /**
   * Writes `data` to a temp file and links it to `target`. Resolves true when created, false when
   * `target` already existed (left untouched).
   */
  private async publish(target: string, data: Uint8Array | string): Promise<boolean> {
    const tmpDir = path.join(this.root, '.tmp');
    const tmp = path.join(tmpDir, `${process.pid}-${randomUUID()}`);
    try {
      await fs.mkdir(tmpDir, { recursive: true });
      await fs.mkdir(path.dirname(target), { recursive: true });
      const handle = await fs.open(tmp, 'wx', 0o644);
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
        if (errnoOf(err) === 'EEXIST') return false;
        throw err;
      }
    } catch (err) {
      throw this.fail(err, 'writing', target);
    } finally {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  private async readIfExists(file: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(file);
    } catch (err) {
      if (errnoOf(err) === 'ENOENT' || errnoOf(err) === 'ENOTDIR') return undefined;
      throw this.fail(err, 'reading', file);
    }
  }

  async put(metadata: BaselineMetadata, profile: Uint8Array): Promise<PutBaselineResult> {
    const keys = baselineKeys(metadata.series, metadata.branch);
    const profileFile = this.abs(keys.commit(metadata.sha));
    const metadataFile = profileFile.replace(/\.pb\.gz$/, '.json');
    // Metadata first: the commit counts as stored once its profile exists, and a second writer of
    // the same commit adopts the first writer's metadata.
    let stored = metadata;
    if (!(await this.publish(metadataFile, `${JSON.stringify(metadata, null, 1)}\n`))) {
      stored = parseStored(parseMetadata, (await this.readIfExists(metadataFile)) ?? Buffer.alloc(0), metadataFile);
    }
    const created = await this.publish(profileFile, profile);
    const pointer = await this.offer(path.dirname(this.abs(keys.pointer)), stored);
    return { object: created ? 'created' : 'exists', pointer, metadata: stored };
  }

  /** The compare-and-swap loop on the generation files in `<branchDir>/pointer/`. */
  private async offer(branchDir: string, incoming: BaselineMetadata): Promise<PutBaselineResult['pointer']> {
    const dir = path.join(branchDir, 'pointer');
    let wrote = false;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const current = await this.readPointerDir(dir);
      const decision = advancePointer(current?.pointer, incoming, this.historyLimit);
      if (!decision.move) return decision.reason === 'same-commit' && wrote ? 'moved' : decision.reason;
      const next = (current?.generation ?? 0) + 1;
      const file = path.join(dir, generationName(next));
      if (await this.publish(file, encodePointer(decision.pointer))) {
        wrote = true;
        const newest = (await this.generations(dir))[0];
        if (newest === undefined || newest <= next) {
          await this.prune(dir, next);
          return 'moved';
        }
        // The number had been used and pruned while we were deciding, or a newer writer already
        // built on ours: either way re-read and decide again (a stale file below is pruned later).
        continue;
      }
      // Lost the race: back off briefly (jittered) before re-reading.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
    }
    throw new StoreError(`writing ${dir}: pointer still contended after ${this.maxCasAttempts} attempts`);
  }

  /** The names in `dir`; none when it does not exist. */
  private async list(dir: string): Promise<string[]> {
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
      if (m) gens.push(Number(m[1]));
    }
    return gens.sort((a, b) => b - a);
  }

  private async readPointerDir(dir: string): Promise<{ pointer: BaselinePointer; generation: number } | undefined> {
    for (;;) {
      const [generation] = await this.generations(dir);
      if (generation === undefined) return undefined;
      const file = path.join(dir, generationName(generation));
      const bytes = await this.readIfExists(file);
      // Pruned between listing and reading: list again.
      if (bytes === undefined) continue;
      return { pointer: parseStored(parsePointer, bytes, file), generation };
    }
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
    const profileFile = this.abs(baselineKeys(series, branch).commit(normalizeSha(sha)));
    const metadataFile = profileFile.replace(/\.pb\.gz$/, '.json');
    const profile = await this.readIfExists(profileFile);
    if (profile === undefined) return undefined;
    const meta = await this.readIfExists(metadataFile);
    if (meta === undefined)
      throw new StoreError(`reading ${metadataFile}: missing beside ${path.basename(profileFile)}`);
    return {
      metadata: parseStored(parseMetadata, meta, metadataFile),
      profile: new Uint8Array(profile.buffer, profile.byteOffset, profile.byteLength),
    };
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
