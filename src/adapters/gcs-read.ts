/**
 * The read side of the Cloud Storage store: idempotent reads retried with exponential backoff and
 * an attempt timeout, and media downloads made directly and checked against their hashes.
 */
import { createHash } from 'node:crypto';
// Types only: the client is loaded by openGcsStore (gcs-store.ts).
import type { Storage } from '@google-cloud/storage';
import { retryable } from './gcs-errors.js';

/**
 * How reads are retried. Defaults: 5 retries, 500 ms doubling to at most 16 s, and 120 s for one
 * attempt.
 */
export interface ReadRetryPolicy {
  readonly retries?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly timeoutMs?: number;
}

/** Waits `ms` milliseconds. The store's pauses go through one, so tests can pass one that does not wait. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs an idempotent read, retrying transient failures with exponential backoff and abandoning
 * an attempt that exceeds the attempt timeout (the client applies neither to every read).
 * `attempt` receives the attempt timeout so it can bound its own request too.
 */
export async function retryRead<T>(
  policy: ReadRetryPolicy,
  attempt: (timeoutMs: number) => Promise<T>,
  sleep: Sleep = realSleep,
): Promise<T> {
  const retries = policy.retries ?? 5;
  const base = policy.baseDelayMs ?? 500;
  const max = policy.maxDelayMs ?? 16_000;
  const timeoutMs = policy.timeoutMs ?? 120_000;
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

/**
 * One media GET of `gs://bucket/object` (at `generation` when given), made directly with the
 * client's endpoint and credentials because the client's download stream neither retries nor
 * times out, and its error path can throw outside the returned stream. The x-goog-hash CRC32C and
 * MD5 are checked like the client does. Failures carry the HTTP status, or a connection code
 * (ETIMEDOUT, ECONNRESET, ...), in `code`.
 */
export async function downloadMedia(
  storage: Storage,
  bucket: string,
  object: string,
  generation: string | undefined,
  timeoutMs: number,
): Promise<Buffer> {
  const base = storage.baseUrl.replace(/\/+$/, '');
  const url = new URL(`${base}/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`);
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
      throw Object.assign(new Error(`downloaded bytes do not match their ${kind}`), {
        code: 'CONTENT_DOWNLOAD_MISMATCH',
      });
    }
  }
}

/** Rejects with an ETIMEDOUT error when `p` has not settled within `ms`. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no response within ${ms} ms`), { code: 'ETIMEDOUT' })),
      ms,
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
