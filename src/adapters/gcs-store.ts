/**
 * BaselineStore on Google Cloud Storage, through @google-cloud/storage. Translation only: object
 * names, the pointer decision and the metadata come from core/history/baseline.ts.
 *
 * - A commit object is written with ifGenerationMatch=0 (create-only); its metadata rides along as
 *   custom object metadata (`heapgate`), so object and metadata appear together or not at all.
 * - The pointer is read with its generation and replaced with ifGenerationMatch=<that generation>
 *   (0 when there is none); a 412 means someone else moved it: re-read and decide again.
 * - Every write carries a precondition, which makes the client's retries (5xx, 429, resets,
 *   timeouts) safe: a retried write that had in fact succeeded comes back as 412 and is resolved by
 *   re-reading.
 */
// Types only: the client is loaded by openGcsStore, so importing this module costs nothing.
import type { Storage, StorageOptions } from '@google-cloud/storage';
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
import { gcsError, isMissingObject, retryable, serviceMessage, statusOf } from './gcs-errors.js';
import { downloadMedia, realSleep, retryRead, type ReadRetryPolicy, type Sleep } from './gcs-read.js';
import { parseStored } from './stored-json.js';

/** Custom-metadata key holding the baseline metadata JSON on a commit object. */
const METADATA_KEY = 'heapgate';

export interface GcsStoreConfig {
  readonly storage: Storage;
  readonly bucket: string;
  /** Object-name prefix without leading or trailing '/'; '' for the bucket root. */
  readonly prefix: string;
  readonly historyLimit?: number;
  /** Profiles of at least this many bytes go up in a resumable session (default 8 MiB). */
  readonly resumableThreshold?: number;
  /** Chunk size of resumable uploads, a multiple of 256 KiB (default: one request). */
  readonly chunkSize?: number;
  /** Compare-and-swap attempts on the pointer before giving up (default 20). */
  readonly maxCasAttempts?: number;
  /** Page size when listing branches (default 1000, the API's maximum). */
  readonly listPageSize?: number;
  /**
   * Reads (metadata, downloads, listings) are retried by the store, with exponential backoff.
   * Defaults: 5 retries, 500 ms doubling to at most 16 s, and 120 s for one attempt.
   */
  readonly readRetry?: ReadRetryPolicy;
  /**
   * How the store waits between read retries and after losing a pointer race (default: a timer).
   * The client's own upload retries do not go through it.
   */
  readonly sleep?: Sleep;
}

/**
 * Client options for a store: the given options plus bounded exponential backoff and a retry
 * predicate that also covers timeouts. All store writes carry preconditions, so the client's
 * default "retry only conditionally idempotent writes" strategy retries them.
 */
export function gcsStorageOptions(base: StorageOptions = {}): StorageOptions {
  return {
    timeout: 60_000,
    ...base,
    retryOptions: {
      autoRetry: true,
      maxRetries: 5,
      retryDelayMultiplier: 2,
      maxRetryDelay: 16,
      totalTimeout: 300,
      ...base.retryOptions,
      retryableErrorFn: retryable,
    },
  };
}

export class GcsBaselineStore implements BaselineStore {
  readonly location: string;
  private readonly historyLimit: number;
  private readonly resumableThreshold: number;
  private readonly maxCasAttempts: number;
  private readonly sleep: Sleep;

  constructor(private readonly config: GcsStoreConfig) {
    this.location = `gs://${config.bucket}${config.prefix ? `/${config.prefix}` : ''}`;
    this.historyLimit = config.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.resumableThreshold = config.resumableThreshold ?? 8 << 20;
    this.maxCasAttempts = config.maxCasAttempts ?? 20;
    this.sleep = config.sleep ?? realSleep;
  }

  private key(rel: string): string {
    return this.config.prefix ? `${this.config.prefix}/${rel}` : rel;
  }

  private file(rel: string, generation?: string) {
    const bucket = this.config.storage.bucket(this.config.bucket);
    return generation === undefined ? bucket.file(this.key(rel)) : bucket.file(this.key(rel), { generation });
  }

  /** Runs an idempotent read with the store's retry policy (see retryRead). */
  private read<T>(attempt: (timeoutMs: number) => Promise<T>): Promise<T> {
    return retryRead(this.config.readRetry ?? {}, attempt, this.sleep);
  }

  private async metadataOf(rel: string): Promise<{ generation: string; custom: Record<string, unknown> }> {
    const [md] = await this.read(() => this.file(rel).getMetadata());
    return { generation: String(md.generation), custom: md.metadata ?? {} };
  }

  private download(rel: string, generation?: string): Promise<Buffer> {
    return this.read((timeoutMs) =>
      downloadMedia(this.config.storage, this.config.bucket, this.key(rel), generation, timeoutMs),
    );
  }

  private fail(err: unknown, verb: string, rel: string, permission: string): StoreError {
    return gcsError(err, { verb, object: this.key(rel), permission }, this.config.bucket);
  }

  async put(metadata: BaselineMetadata, profile: Uint8Array): Promise<PutBaselineResult> {
    const keys = baselineKeys(metadata.series, metadata.branch);
    const commitKey = keys.commit(metadata.sha);
    const stored = await this.createCommit(commitKey, metadata, profile);
    const pointer = await this.offer(keys.pointer, stored.metadata);
    return { object: stored.object, pointer, metadata: stored.metadata };
  }

  private async createCommit(
    rel: string,
    metadata: BaselineMetadata,
    profile: Uint8Array,
  ): Promise<{ object: 'created' | 'exists'; metadata: BaselineMetadata }> {
    const resumable = profile.length >= this.resumableThreshold;
    try {
      await this.file(rel).save(Buffer.from(profile.buffer, profile.byteOffset, profile.byteLength), {
        resumable,
        ...(resumable && this.config.chunkSize ? { chunkSize: this.config.chunkSize } : {}),
        contentType: 'application/octet-stream',
        metadata: { metadata: { [METADATA_KEY]: JSON.stringify(metadata) } },
        preconditionOpts: { ifGenerationMatch: 0 },
      });
      return { object: 'created', metadata };
    } catch (err) {
      if (statusOf(err) !== 412) throw this.fail(err, 'writing', rel, 'storage.objects.create');
    }
    // The commit already has an object: the first one stays, and so does its metadata.
    const existing = await this.readCommitMetadata(rel);
    return { object: 'exists', metadata: existing ?? metadata };
  }

  private async readCommitMetadata(rel: string): Promise<BaselineMetadata | undefined> {
    try {
      const text = (await this.metadataOf(rel)).custom[METADATA_KEY];
      return typeof text === 'string' ? parseMetadata(text) : undefined;
    } catch (err) {
      if (isMissingObject(err)) return undefined;
      if (err instanceof Error && statusOf(err) === undefined && /metadata/.test(err.message)) return undefined;
      throw this.fail(err, 'reading', rel, 'storage.objects.get');
    }
  }

  /** The compare-and-swap loop on the pointer. */
  private async offer(rel: string, incoming: BaselineMetadata): Promise<PutBaselineResult['pointer']> {
    let wrote = false;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const current = await this.readPointerWithGeneration(rel);
      const decision = advancePointer(current?.pointer, incoming, this.historyLimit);
      if (!decision.move) return decision.reason === 'same-commit' && wrote ? 'moved' : decision.reason;
      try {
        wrote = true;
        await this.file(rel).save(encodePointer(decision.pointer), {
          resumable: false,
          contentType: 'application/json',
          metadata: { cacheControl: 'no-store' },
          preconditionOpts: { ifGenerationMatch: current?.generation ?? 0 },
        });
        return 'moved';
      } catch (err) {
        if (statusOf(err) !== 412) throw this.fail(err, 'writing', rel, 'storage.objects.create');
      }
      // Lost the race: a short jittered pause keeps many writers from colliding again.
      await this.sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
    }
    throw new StoreError(
      `writing ${this.location}/${rel}: pointer still contended after ${this.maxCasAttempts} attempts`,
    );
  }

  private async readPointerWithGeneration(
    rel: string,
  ): Promise<{ pointer: BaselinePointer; generation: string } | undefined> {
    for (;;) {
      let generation: string;
      try {
        generation = (await this.metadataOf(rel)).generation;
      } catch (err) {
        if (isMissingObject(err)) return undefined;
        throw this.fail(err, 'reading', rel, 'storage.objects.get');
      }
      try {
        const bytes = await this.download(rel, generation);
        return { pointer: parseStored(parsePointer, bytes, `${this.location}/${rel}`), generation };
      } catch (err) {
        // That generation was replaced between the two calls: read again.
        if (isMissingObject(err)) continue;
        if (err instanceof StoreError) throw err;
        throw this.fail(err, 'reading', rel, 'storage.objects.get');
      }
    }
  }

  async delete(series: string, branch: string, sha: string): Promise<DeleteBaselineResult> {
    const keys = baselineKeys(series, branch);
    const full = normalizeSha(sha);
    // The pointer first, by compare-and-swap on its generation; the last baseline's pointer goes.
    let change: DeleteBaselineResult['pointer'] = 'absent';
    let current: BaselineMetadata | undefined;
    for (let attempt = 0; ; attempt++) {
      if (attempt === this.maxCasAttempts) {
        throw new StoreError(
          `writing ${this.location}/${keys.pointer}: pointer still contended after ${this.maxCasAttempts} attempts`,
        );
      }
      const read = await this.readPointerWithGeneration(keys.pointer);
      const removal = removeFromPointer(read?.pointer, full);
      current = read?.pointer.current;
      if (removal.change === 'absent' || read === undefined) break;
      try {
        if (removal.change === 'last') {
          await this.file(keys.pointer).delete({ ifGenerationMatch: read.generation });
          current = undefined;
        } else {
          await this.file(keys.pointer).save(encodePointer(removal.pointer), {
            resumable: false,
            contentType: 'application/json',
            metadata: { cacheControl: 'no-store' },
            preconditionOpts: { ifGenerationMatch: read.generation },
          });
          current = removal.pointer.current;
        }
        change = removal.change;
        break;
      } catch (err) {
        if (statusOf(err) !== 412 && !isMissingObject(err)) {
          throw this.fail(err, 'writing', keys.pointer, 'storage.objects.create');
        }
      }
      await this.sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
    }
    let object: DeleteBaselineResult['object'] = 'removed';
    try {
      await this.file(keys.commit(full)).delete();
    } catch (err) {
      if (!isMissingObject(err)) throw this.fail(err, 'deleting', keys.commit(full), 'storage.objects.delete');
      object = 'absent';
    }
    return { object, pointer: change, ...(current !== undefined ? { current } : {}) };
  }

  async pointer(series: string, branch: string): Promise<BaselinePointer | undefined> {
    const rel = baselineKeys(series, branch).pointer;
    try {
      const bytes = await this.download(rel);
      return parseStored(parsePointer, bytes, `${this.location}/${rel}`);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      if (isMissingObject(err)) return undefined;
      throw this.fail(err, 'reading', rel, 'storage.objects.get');
    }
  }

  async commit(series: string, branch: string, sha: string): Promise<StoredBaseline | undefined> {
    const rel = baselineKeys(series, branch).commit(normalizeSha(sha));
    let generation: string;
    let metadata: BaselineMetadata | undefined;
    try {
      const md = await this.metadataOf(rel);
      generation = md.generation;
      const text = md.custom[METADATA_KEY];
      metadata = typeof text === 'string' ? parseMetadata(text) : undefined;
    } catch (err) {
      if (isMissingObject(err)) return undefined;
      if (statusOf(err) === undefined && err instanceof Error && /metadata/.test(err.message)) {
        throw new StoreError(`reading ${this.location}/${rel}: ${err.message}`);
      }
      throw this.fail(err, 'reading', rel, 'storage.objects.get');
    }
    if (!metadata) throw new StoreError(`reading ${this.location}/${rel}: the object has no heapgate metadata`);
    try {
      const bytes = await this.download(rel, generation);
      return { metadata, profile: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    } catch (err) {
      throw this.fail(err, 'reading', rel, 'storage.objects.get');
    }
  }

  async branches(series: string): Promise<string[]> {
    const found: string[] = [];
    for (const segment of await this.directories(`${validateSeries(series)}/`)) {
      try {
        found.push(decodeBranch(segment));
      } catch {
        // Not a heapgate branch directory: ignore it.
      }
    }
    return found.sort();
  }

  async series(): Promise<string[]> {
    return (await this.directories('')).filter(isSeriesName).sort();
  }

  /** The names of the "directories" right below `rel` (object name prefixes up to the next '/'). */
  private async directories(rel: string): Promise<string[]> {
    const bucket = this.config.storage.bucket(this.config.bucket);
    const prefix = this.key(rel);
    const found = new Set<string>();
    let pageToken: string | undefined;
    try {
      do {
        const [, next, response] = await this.read(() =>
          bucket.getFiles({
            prefix,
            delimiter: '/',
            autoPaginate: false,
            maxResults: this.config.listPageSize ?? 1000,
            ...(pageToken ? { pageToken } : {}),
          }),
        );
        for (const p of (response as { prefixes?: string[] } | undefined)?.prefixes ?? []) {
          found.add(p.slice(prefix.length, -1));
        }
        pageToken = (next as { pageToken?: string } | null)?.pageToken;
      } while (pageToken);
    } catch (err) {
      throw this.fail(err, 'listing', rel === '' ? '(top level)' : rel, 'storage.objects.list');
    }
    return [...found];
  }
}

/**
 * Opens a store on `gs://bucket/prefix`, loading @google-cloud/storage now (and only now) and
 * building its client from `options` with gcsStorageOptions applied. Credentials come from
 * Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, as google-github-actions/auth
 * sets up).
 */
export async function openGcsStore(
  bucket: string,
  prefix: string,
  options: StorageOptions = {},
  extra: Omit<GcsStoreConfig, 'storage' | 'bucket' | 'prefix'> = {},
): Promise<GcsBaselineStore> {
  // The CLI runs on Node 20; the Cloud Storage client and its auth library declare Node ≥ 22.
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    throw new StoreError(
      `gs://${bucket} needs Node 22 or newer (the Cloud Storage client's requirement); this is Node ` +
        `${process.versions.node}`,
    );
  }
  let Storage: typeof import('@google-cloud/storage').Storage;
  try {
    ({ Storage } = await import('@google-cloud/storage'));
  } catch (err) {
    throw new StoreError(
      `cannot load @google-cloud/storage for gs://${bucket}: ${serviceMessage((err as Error).message)}`,
    );
  }
  return new GcsBaselineStore({ storage: new Storage(gcsStorageOptions(options)), bucket, prefix, ...extra });
}
