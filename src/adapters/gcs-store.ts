/**
 * BaselineStore on Google Cloud Storage, through @google-cloud/storage. Translation only: object
 * names, the pointer decision and the metadata come from core/baseline.ts.
 *
 * - A commit object is written with ifGenerationMatch=0 (create-only); its metadata rides along as
 *   custom object metadata (`heapgate`), so object and metadata appear together or not at all.
 * - The pointer is read with its generation and replaced with ifGenerationMatch=<that generation>
 *   (0 when there is none); a 412 means someone else moved it: re-read and decide again.
 * - Every write carries a precondition, which makes the client's retries (5xx, 429, resets,
 *   timeouts) safe: a retried write that had in fact succeeded comes back as 412 and is resolved by
 *   re-reading.
 */
import { createHash } from 'node:crypto';
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
  validateSeries,
  DEFAULT_HISTORY_LIMIT,
  type BaselineMetadata,
  type BaselinePointer,
} from '../core/baseline.js';
import { StoreError } from '../core/errors.js';
import type { BaselineStore, PutBaselineResult, StoredBaseline } from '../ports.js';
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
  readonly readRetry?: {
    readonly retries?: number;
    readonly baseDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly timeoutMs?: number;
  };
}

/** Checks a download against the crc32c and md5 of its x-goog-hash header (`crc32c=...,md5=...`). */
function verifyHashes(storage: Storage, header: string | null, body: Buffer): void {
  for (const pair of (header ?? '').split(',')) {
    const i = pair.indexOf('=');
    const kind = pair.slice(0, i).trim();
    const expected = pair.slice(i + 1).trim();
    let actual: string | undefined;
    if (kind === 'crc32c') {
      const c = storage.crc32cGenerator();
      c.update(body);
      actual = c.toString();
    } else if (kind === 'md5') {
      actual = createHash('md5').update(body).digest('base64');
    }
    if (actual !== undefined && actual !== expected) {
      throw Object.assign(new Error(`downloaded bytes do not match their ${kind}`), { code: 'CONTENT_DOWNLOAD_MISMATCH' });
    }
  }
}

/** Rejects with an ETIMEDOUT error when `p` has not settled within `ms`. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no response within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const CONNECTION_REASONS = ['eai_again', 'econnreset', 'unexpected connection closure', 'epipe', 'socket connection timeout'];

/**
 * Transient failures: the client's default set (408, 429, 5xx; resets, DNS hiccups, closed
 * connections, also when only named in `errors[].reason`) plus timeouts and download mismatches.
 */
function retryable(err: unknown): boolean {
  const e = err as { code?: unknown; type?: unknown; name?: unknown; message?: unknown; errors?: unknown } | null;
  if (!e) return false;
  if (RETRYABLE_STATUS.has(Number(e.code))) return true;
  const reasons = Array.isArray(e.errors) ? e.errors.map((x: { reason?: unknown } | null) => String(x?.reason ?? '')) : [];
  for (const r of [String(e.code ?? ''), ...reasons].map((x) => x.toLowerCase())) {
    if (CONNECTION_REASONS.some((c) => r === c || (c === 'eai_again' && r.includes(c)))) return true;
  }
  const code = String(e.code ?? '').toUpperCase();
  if (['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'CONTENT_DOWNLOAD_MISMATCH'].includes(code)) {
    return true;
  }
  if (e.type === 'request-timeout' || e.name === 'AbortError') return true;
  return /timeout|timed out|socket hang up/i.test(String(e.message ?? ''));
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

/** What a failed call was doing, for its message. */
interface Op {
  readonly verb: string;
  readonly object: string;
  readonly permission: string;
}

const CREDENTIALS_RE = /could not load the default credentials|could not refresh access token|unable to detect a project id|invalid_grant|no access, refresh token/i;

/**
 * Maps a client error to a one-line StoreError: missing bucket, missing credentials (pointing to
 * google-github-actions/auth), a 403 naming the IAM permission, exhausted retries, else the
 * service's message.
 */
export function gcsError(err: unknown, op: Op, bucket: string): StoreError {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  const status = typeof e.code === 'number' ? e.code : Number.parseInt(String(e.code ?? ''), 10);
  const message = oneLine(String(e.message ?? err));
  const where = `gs://${bucket}/${op.object}`;
  if (status === 404 && /bucket does not exist/i.test(message)) {
    return new StoreError(`bucket gs://${bucket} does not exist: create it or fix the bucket in --store`);
  }
  if (status === 401 || CREDENTIALS_RE.test(message)) {
    return new StoreError(
      'no usable Google Cloud credentials: run google-github-actions/auth before heapgate (it sets up Application Default Credentials), or set GOOGLE_APPLICATION_CREDENTIALS',
    );
  }
  if (status === 403) {
    const named = /storage\.[a-zA-Z]+\.[a-zA-Z]+/.exec(message)?.[0] ?? op.permission;
    return new StoreError(
      `permission denied ${op.verb} ${where}: the credentials need ${named} on bucket ${bucket} (e.g. grant roles/storage.objectUser)`,
    );
  }
  if (retryable(err)) {
    const what = Number.isNaN(status) ? String((e as { code?: unknown }).code ?? message) : `HTTP ${status}`;
    return new StoreError(`${op.verb} ${where}: Cloud Storage unavailable after retries (${what})`);
  }
  return new StoreError(`${op.verb} ${where}: ${message || 'unknown error'}`);
}

function oneLine(text: string): string {
  // A download error's message is the raw JSON body; prefer its "message" field.
  const m = /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  const s = (m ? m[1]! : text).replace(/\s+/g, ' ').trim();
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return code;
  const n = Number.parseInt(String(code ?? ''), 10);
  return Number.isNaN(n) ? undefined : n;
}

/** 404 for a missing object (a missing bucket is an error, not "absent"). */
function isMissingObject(err: unknown): boolean {
  return statusOf(err) === 404 && !/bucket does not exist/i.test(String((err as Error).message ?? ''));
}

export class GcsBaselineStore implements BaselineStore {
  readonly location: string;
  private readonly historyLimit: number;
  private readonly resumableThreshold: number;
  private readonly maxCasAttempts: number;

  constructor(private readonly config: GcsStoreConfig) {
    this.location = `gs://${config.bucket}${config.prefix ? `/${config.prefix}` : ''}`;
    this.historyLimit = config.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.resumableThreshold = config.resumableThreshold ?? 8 << 20;
    this.maxCasAttempts = config.maxCasAttempts ?? 20;
  }

  private key(rel: string): string {
    return this.config.prefix ? `${this.config.prefix}/${rel}` : rel;
  }

  private file(rel: string, generation?: string) {
    const bucket = this.config.storage.bucket(this.config.bucket);
    return generation === undefined ? bucket.file(this.key(rel)) : bucket.file(this.key(rel), { generation });
  }

  /**
   * Runs an idempotent read, retrying transient failures with exponential backoff and abandoning
   * an attempt that exceeds the attempt timeout (the client applies neither to every read).
   */
  private async read<T>(attempt: (timeoutMs: number) => Promise<T>): Promise<T> {
    const r = this.config.readRetry ?? {};
    const retries = r.retries ?? 5;
    const base = r.baseDelayMs ?? 500;
    const max = r.maxDelayMs ?? 16_000;
    const timeoutMs = r.timeoutMs ?? 120_000;
    for (let n = 0; ; n++) {
      try {
        return await withTimeout(attempt(timeoutMs), timeoutMs);
      } catch (err) {
        if (n >= retries || !retryable(err)) throw err;
        const delay = Math.min(max, base * 2 ** n) * (0.5 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async metadataOf(rel: string): Promise<{ generation: string; custom: Record<string, unknown> }> {
    const [md] = await this.read(() => this.file(rel).getMetadata());
    return { generation: String(md.generation), custom: (md.metadata ?? {}) as Record<string, unknown> };
  }

  private download(rel: string, generation?: string): Promise<Buffer> {
    return this.read((timeoutMs) => this.downloadOnce(rel, generation, timeoutMs));
  }

  /**
   * One media GET, made directly (with the client's endpoint and credentials) because the client's
   * download stream neither retries nor times out, and its error path can throw outside the
   * returned stream. The x-goog-hash CRC32C and MD5 are checked like the client does.
   */
  private async downloadOnce(rel: string, generation: string | undefined, timeoutMs: number): Promise<Buffer> {
    const storage = this.config.storage;
    const base = storage.baseUrl.replace(/\/+$/, '');
    const url = new URL(`${base}/b/${encodeURIComponent(this.config.bucket)}/o/${encodeURIComponent(this.key(rel))}`);
    url.searchParams.set('alt', 'media');
    if (generation !== undefined) url.searchParams.set('generation', generation);
    const headers = new Headers();
    if (!storage.customEndpoint || storage.useAuthWithCustomEndpoint) {
      new Headers(await storage.authClient.getRequestHeaders(url.href)).forEach((v, k) => headers.set(k, v));
    }
    let res: Response;
    let body: Buffer;
    try {
      res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
      body = Buffer.from(await res.arrayBuffer());
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string } };
      const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
      throw Object.assign(new Error(timedOut ? `no response within ${timeoutMs} ms` : 'connection failed'), {
        code: timedOut ? 'ETIMEDOUT' : (e.cause?.code ?? 'ECONNRESET'),
      });
    }
    if (!res.ok) {
      let message = res.statusText;
      try {
        message = (JSON.parse(body.toString('utf8')) as { error: { message: string } }).error.message;
      } catch {
        // Not a JSON API error body: keep the status text.
      }
      throw Object.assign(new Error(message), { code: res.status });
    }
    verifyHashes(storage, res.headers.get('x-goog-hash'), body);
    return body;
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
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** attempt)));
    }
    throw new StoreError(`writing ${this.location}/${rel}: pointer still contended after ${this.maxCasAttempts} attempts`);
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
    const rel = `${validateSeries(series)}/`;
    const bucket = this.config.storage.bucket(this.config.bucket);
    const found = new Set<string>();
    let pageToken: string | undefined;
    try {
      do {
        const [, next, response] = await this.read(() => bucket.getFiles({
          prefix: this.key(rel),
          delimiter: '/',
          autoPaginate: false,
          maxResults: this.config.listPageSize ?? 1000,
          ...(pageToken ? { pageToken } : {}),
        }));
        for (const p of (response as { prefixes?: string[] } | undefined)?.prefixes ?? []) {
          const segment = p.slice(this.key(rel).length, -1);
          try {
            found.add(decodeBranch(segment));
          } catch {
            // Not a heapgate branch directory: ignore it.
          }
        }
        pageToken = (next as { pageToken?: string } | null)?.pageToken;
      } while (pageToken);
    } catch (err) {
      throw this.fail(err, 'listing', rel, 'storage.objects.list');
    }
    return [...found].sort();
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
  let Storage: typeof import('@google-cloud/storage').Storage;
  try {
    ({ Storage } = await import('@google-cloud/storage'));
  } catch (err) {
    throw new StoreError(`cannot load @google-cloud/storage for gs://${bucket}: ${oneLine((err as Error).message)}`);
  }
  return new GcsBaselineStore({ storage: new Storage(gcsStorageOptions(options)), bucket, prefix, ...extra });
}
