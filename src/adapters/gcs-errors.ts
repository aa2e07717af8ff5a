/**
 * Cloud Storage client errors, classified and translated: which failures are transient (and so
 * retried), and the one-line StoreError a failed call becomes. Imports nothing from the client.
 */
import { oneLine } from '../core/error-text.js';
import { StoreError } from '../core/errors.js';

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const CONNECTION_REASONS = [
  'eai_again',
  'econnreset',
  'unexpected connection closure',
  'epipe',
  'socket connection timeout',
];

/** A field of a client error as text: strings and numbers as they are, anything else as ''. */
function text(field: unknown): string {
  return typeof field === 'string' || typeof field === 'number' ? String(field) : '';
}

/**
 * Transient failures: the client's default set (408, 429, 5xx; resets, DNS hiccups, closed
 * connections, also when only named in `errors[].reason`) plus timeouts and download mismatches.
 */
export function retryable(err: unknown): boolean {
  const e = err as { code?: unknown; type?: unknown; name?: unknown; message?: unknown; errors?: unknown } | null;
  if (!e) return false;
  if (RETRYABLE_STATUS.has(Number(e.code))) return true;
  const reasons = Array.isArray(e.errors) ? e.errors.map((x: { reason?: unknown } | null) => text(x?.reason)) : [];
  for (const r of [text(e.code), ...reasons].map((x) => x.toLowerCase())) {
    if (CONNECTION_REASONS.some((c) => r === c || (c === 'eai_again' && r.includes(c)))) return true;
  }
  const code = text(e.code).toUpperCase();
  if (
    [
      'ETIMEDOUT',
      'ESOCKETTIMEDOUT',
      'ECONNRESET',
      'EPIPE',
      'ECONNABORTED',
      'UND_ERR_SOCKET',
      'CONTENT_DOWNLOAD_MISMATCH',
    ].includes(code)
  ) {
    return true;
  }
  if (e.type === 'request-timeout' || e.name === 'AbortError') return true;
  return /timeout|timed out|socket hang up/i.test(text(e.message));
}

/** What a failed call was doing, for its message. */
export interface Op {
  readonly verb: string;
  readonly object: string;
  readonly permission: string;
}

const CREDENTIALS_RE = new RegExp(
  [
    'could not load the default credentials',
    'could not refresh access token',
    'unable to detect a project id',
    'invalid_grant',
    'no access, refresh token',
  ].join('|'),
  'i',
);

/**
 * Maps a client error to a one-line StoreError: missing bucket, missing credentials (pointing to
 * google-github-actions/auth in a workflow, `gcloud auth application-default login` elsewhere),
 * a 403 naming the IAM permission, exhausted retries, else the
 * service's message.
 */
export function gcsError(err: unknown, op: Op, bucket: string): StoreError {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  const status = typeof e.code === 'number' ? e.code : Number.parseInt(text(e.code), 10);
  const message = serviceMessage(typeof e.message === 'string' ? e.message : String(err));
  const where = `gs://${bucket}/${op.object}`;
  if (status === 404 && /bucket does not exist/i.test(message)) {
    return new StoreError(`bucket gs://${bucket} does not exist: create it or fix the bucket in --store`);
  }
  if (status === 401 || CREDENTIALS_RE.test(message)) {
    // In a workflow the credentials come from an earlier step; on a laptop, from gcloud.
    const setUp =
      process.env.GITHUB_ACTIONS === 'true'
        ? 'run google-github-actions/auth before heapgate (it sets up Application Default Credentials)'
        : 'run `gcloud auth application-default login` (it sets up Application Default Credentials)';
    return new StoreError(`no usable Google Cloud credentials: ${setUp}, or set GOOGLE_APPLICATION_CREDENTIALS`);
  }
  if (status === 403) {
    const named = /storage\.[a-zA-Z]+\.[a-zA-Z]+/.exec(message)?.[0] ?? op.permission;
    return new StoreError(
      `permission denied ${op.verb} ${where}: the credentials need ${named} on bucket ${bucket} (e.g. grant ` +
        `roles/storage.objectUser)`,
    );
  }
  if (retryable(err)) {
    const what = Number.isNaN(status) ? text(e.code) || message : `HTTP ${status}`;
    return new StoreError(`${op.verb} ${where}: Cloud Storage unavailable after retries (${what})`);
  }
  return new StoreError(`${op.verb} ${where}: ${message || 'unknown error'}`);
}

/**
 * What the service said, on one line (see oneLine) of at most 300 characters; for a raw JSON error
 * body (as a download error carries), its "message" field.
 */
export function serviceMessage(text: string): string {
  const m = /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  const s = oneLine((m ? m[1]! : text).replace(/\s+/g, ' '));
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

/** The HTTP status a client error carries in `code`, if any. */
export function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return code;
  const n = Number.parseInt(text(code), 10);
  return Number.isNaN(n) ? undefined : n;
}

/** 404 for a missing object (a missing bucket is an error, not "absent"). */
export function isMissingObject(err: unknown): boolean {
  return statusOf(err) === 404 && !/bucket does not exist/i.test(text((err as { message?: unknown } | null)?.message));
}
