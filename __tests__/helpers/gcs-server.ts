/**
 * A small in-memory server for the Cloud Storage JSON API (v1), enough for the real
 * @google-cloud/storage client to store and read objects against it. Written from the public API
 * reference (cloud.google.com/storage/docs/json_api/v1) and the requests the client sends:
 *
 * - paths with and without the `/storage/v1` prefix (apiEndpoint vs STORAGE_EMULATOR_HOST);
 * - objects.insert with uploadType=media, multipart (multipart/related) and resumable (session
 *   POST → Location; PUT chunks with Content-Range → 308 + Range, final 200 with the resource;
 *   `bytes * /N` status queries);
 * - generations and metagenerations; ifGenerationMatch (0 = must not exist), ifGenerationNotMatch,
 *   ifMetagenerationMatch, ifMetagenerationNotMatch → 412 conditionNotMet (304 for GET NotMatch);
 * - objects.get (metadata, or alt=media with x-goog-hash / x-goog-generation headers), objects.list
 *   with prefix, delimiter, maxResults, pageToken; objects.delete; buckets.get;
 * - 404 notFound for a missing object or bucket, 403 forbidden for denied permissions;
 * - fault injection: statuses (503, 429, ...), dropped connections, delayed responses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { crc32cBase64, md5Base64 } from './gcs/crc32c.js';

export interface StoredObject {
  readonly name: string;
  readonly data: Buffer;
  readonly generation: bigint;
  metageneration: number;
  readonly contentType: string;
  readonly metadata: Record<string, string> | undefined;
  readonly created: string;
}

/** What a request is, as far as faults and permissions care. */
export interface RequestInfo {
  readonly method: string;
  /** Path without the query, `/storage/v1` removed. */
  readonly path: string;
  /** Path as requested. */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  /** The object name the request addresses, when it addresses one. */
  readonly object?: string;
  /** objects.insert, objects.get, objects.list, objects.delete, buckets.get, upload.chunk, upload.start */
  readonly op: string;
}

export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly reason?: string }
  /** Reads (part of) the request, then destroys the socket without answering. */
  | { readonly kind: 'drop' }
  /** Waits before handling the request normally. */
  | { readonly kind: 'delay'; readonly ms: number }
  /**
   * Holds each matching request until all `times` of them have arrived (or maxMs has passed), then
   * handles them normally: concurrent clients all see the state from before any of them.
   */
  | { readonly kind: 'together'; readonly maxMs: number };

interface FaultRule {
  readonly match: (r: RequestInfo) => boolean;
  readonly fault: Fault;
  remaining: number;
  /** For 'together': ends the holds of the requests that arrived so far. */
  readonly held: (() => void)[];
}

interface UploadSession {
  readonly bucket: string;
  readonly name: string;
  readonly query: URLSearchParams;
  readonly contentType: string;
  readonly metadata: Record<string, string> | undefined;
  chunks: Buffer[];
  received: number;
  done: boolean;
}

/** Raised inside the handler to answer with a JSON API error. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export class GcsServer {
  private readonly server: http.Server;
  private readonly buckets = new Map<string, Map<string, StoredObject>>();
  private readonly sessions = new Map<string, UploadSession>();
  private readonly faults: FaultRule[] = [];
  private readonly denied = new Set<string>();
  /** Requests being handled, and the holds (injected delays) they wait in: each ends its hold when called. */
  private readonly handling = new Set<Promise<void>>();
  private readonly delays = new Set<() => void>();
  private nextGeneration = 1_700_000_000_000_000n;
  /** Every request received, in order. */
  readonly log: RequestInfo[] = [];
  /** When set, requests without an Authorization header get 401, as real GCS answers anonymous callers. */
  requireAuth = false;
  /** Where to point the client: `http://127.0.0.1:<port>`. */
  endpoint = '';

  private constructor() {
    this.server = http.createServer((req, res) => {
      const handled = this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendError(res, 500, 'backendError', String(err));
      });
      this.handling.add(handled);
      void handled.finally(() => this.handling.delete(handled));
    });
    this.server.keepAliveTimeout = 1000;
  }

  /** Starts a server on 127.0.0.1 at a random port. */
  static async start(): Promise<GcsServer> {
    const s = new GcsServer();
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.endpoint = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new Map());
  }

  /** The live version of an object, if any. */
  object(bucket: string, name: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.get(name);
  }

  /** Names of the live objects of a bucket, sorted. */
  names(bucket: string): string[] {
    return [...(this.buckets.get(bucket)?.keys() ?? [])].sort();
  }

  /** Injects `fault` into the next `times` requests matching `match`. */
  inject(fault: Fault, match: (r: RequestInfo) => boolean = () => true, times = 1): void {
    this.faults.push({ match, fault, remaining: times, held: [] });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /**
   * Ends the injected delays still running and waits for every request being handled: a request
   * a client abandoned is finished before the next test, instead of after a fixed wait.
   */
  async settle(): Promise<void> {
    for (const end of [...this.delays]) end();
    await Promise.all([...this.handling]);
  }

  /** Makes requests needing `permission` (e.g. storage.objects.create) fail with 403. */
  deny(permission: string): void {
    this.denied.add(permission);
  }

  allowAll(): void {
    this.denied.clear();
    this.requireAuth = false;
  }

  private takeFault(info: RequestInfo): FaultRule | undefined {
    for (const rule of this.faults) {
      if (rule.remaining > 0 && rule.match(info)) {
        rule.remaining--;
        return rule;
      }
    }
    return undefined;
  }

  /**
   * Waits `ms`, or less: settle() ends every hold, and the last request of a 'together' rule ends
   * the holds of all of them.
   */
  private hold(ms: number, together?: FaultRule): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.delays.delete(end);
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.delays.add(end);
      if (together === undefined) return;
      together.held.push(end);
      if (together.remaining === 0) for (const e of together.held) e();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const info = classify(req.method ?? 'GET', url);
    this.log.push(info);
    const rule = this.takeFault(info);
    const fault = rule?.fault;
    if (fault?.kind === 'drop') {
      // Let part of the body arrive so the drop happens mid-upload, then cut the connection.
      req.once('data', () => req.socket.destroy());
      req.once('end', () => req.socket.destroy());
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    if (fault?.kind === 'delay' || fault?.kind === 'together') {
      await (fault.kind === 'delay' ? this.hold(fault.ms) : this.hold(fault.maxMs, rule));
      // A client that gave up during the hold has closed the connection: nothing left to answer.
      if (req.socket.destroyed) return;
    }
    const body = await readBody(req);
    if (res.destroyed || req.socket.destroyed) return;
    if (fault?.kind === 'status') {
      sendError(res, fault.status, fault.reason ?? reasonFor(fault.status), `injected ${fault.status}`);
      return;
    }
    try {
      this.route(info, req, body, res);
    } catch (err) {
      if (err instanceof HttpError) sendError(res, err.status, err.reason, err.message);
      else throw err;
    }
  }

  private route(info: RequestInfo, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const m = /^\/(upload\/)?b\/([^/]+)(?:\/o(?:\/(.+))?)?$/.exec(info.path);
    if (!m) throw new HttpError(404, 'notFound', `Not Found: ${info.path}`);
    const bucketName = decodeURIComponent(m[2]!);
    const q = info.query;
    if (this.requireAuth && !req.headers.authorization) {
      const perm = PERMISSION[info.op] ?? 'storage.objects.get';
      throw new HttpError(
        401,
        'required',
        `Anonymous caller does not have ${perm} access to the Google Cloud Storage object.`,
      );
    }
    this.checkPermission(info.op);
    if (info.op === 'upload.chunk') return this.uploadChunk(q.get('upload_id') ?? '', req, body, res);
    const bucket = this.buckets.get(bucketName);
    if (!bucket) throw new HttpError(404, 'notFound', 'The specified bucket does not exist.');
    switch (info.op) {
      case 'buckets.get':
        return sendJson(res, 200, { kind: 'storage#bucket', id: bucketName, name: bucketName, metageneration: '1' });
      case 'objects.list':
        return sendJson(res, 200, list(bucketName, bucket, q));
      case 'objects.get': {
        const obj = this.precondition(bucket, info.object!, q, true);
        if (!obj) throw new HttpError(404, 'notFound', `No such object: ${bucketName}/${info.object}`);
        if (q.get('alt') === 'media') return sendMedia(res, obj);
        return sendJson(res, 200, resource(bucketName, obj));
      }
      case 'objects.delete': {
        const obj = this.precondition(bucket, info.object!, q, false);
        if (!obj) throw new HttpError(404, 'notFound', `No such object: ${bucketName}/${info.object}`);
        bucket.delete(obj.name);
        res.writeHead(204).end();
        return;
      }
      case 'upload.start':
        return this.insert(bucketName, bucket, q, req, body, res);
      default:
        throw new HttpError(400, 'invalid', `unsupported request ${info.method} ${info.path}`);
    }
  }

  private checkPermission(op: string): void {
    const perm = PERMISSION[op];
    if (perm && this.denied.has(perm)) {
      throw new HttpError(
        403,
        'forbidden',
        `test-sa@example.iam.gserviceaccount.com does not have ${perm} access to the Google Cloud Storage object. ` +
          `Permission '${perm}' denied on resource (or it may not exist).`,
      );
    }
  }

  /**
   * Applies the generation preconditions of `q` to the live object `name` and returns it (or the
   * requested `generation`). Throws 412 (or 304 for a read's NotMatch) when one fails.
   */
  private precondition(
    bucket: Map<string, StoredObject>,
    name: string,
    q: URLSearchParams,
    read: boolean,
  ): StoredObject | undefined {
    let obj = bucket.get(name);
    const gen = q.get('generation');
    if (gen !== null && obj && obj.generation !== BigInt(gen)) obj = undefined;
    const failed = (): never => {
      throw new HttpError(412, 'conditionNotMet', 'At least one of the pre-conditions you specified did not hold.');
    };
    const ifGen = q.get('ifGenerationMatch');
    if (ifGen !== null) {
      const want = BigInt(ifGen);
      if (want === 0n ? obj !== undefined : obj?.generation !== want) failed();
    }
    const ifGenNot = q.get('ifGenerationNotMatch');
    if (ifGenNot !== null && obj && obj.generation === BigInt(ifGenNot)) {
      if (read) throw new HttpError(304, 'notModified', 'Not Modified');
      failed();
    }
    const ifMeta = q.get('ifMetagenerationMatch');
    if (ifMeta !== null && obj?.metageneration !== Number(ifMeta)) failed();
    const ifMetaNot = q.get('ifMetagenerationNotMatch');
    if (ifMetaNot !== null && obj && obj.metageneration === Number(ifMetaNot)) {
      if (read) throw new HttpError(304, 'notModified', 'Not Modified');
      failed();
    }
    return obj;
  }

  private insert(
    bucketName: string,
    bucket: Map<string, StoredObject>,
    q: URLSearchParams,
    req: http.IncomingMessage,
    body: Buffer,
    res: http.ServerResponse,
  ): void {
    const uploadType = q.get('uploadType') ?? 'media';
    if (uploadType === 'media') {
      const name = q.get('name');
      if (!name) throw new HttpError(400, 'required', 'Required parameter: name');
      const obj = this.commit(
        bucket,
        name,
        q,
        body,
        req.headers['content-type'] ?? 'application/octet-stream',
        undefined,
      );
      return sendJson(res, 200, resource(bucketName, obj));
    }
    if (uploadType === 'multipart') {
      const { meta, data, dataType } = parseMultipart(req.headers['content-type'] ?? '', body);
      const name = (meta.name as string | undefined) ?? q.get('name');
      if (!name) throw new HttpError(400, 'required', 'Required parameter: name');
      const contentType = (meta.contentType as string | undefined) ?? dataType;
      const obj = this.commit(bucket, name, q, data, contentType, customMetadata(meta.metadata));
      return sendJson(res, 200, resource(bucketName, obj));
    }
    if (uploadType === 'resumable') {
      const meta = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
      const name = q.get('name') ?? (meta.name as string | undefined);
      if (!name) throw new HttpError(400, 'required', 'Required parameter: name');
      // Preconditions are checked when the session starts and again when it completes.
      this.precondition(bucket, name, q, false);
      const id = randomUUID();
      this.sessions.set(id, {
        bucket: bucketName,
        name,
        query: q,
        contentType:
          headerValue(req.headers['x-upload-content-type']) ??
          (typeof meta.contentType === 'string' ? meta.contentType : 'application/octet-stream'),
        metadata: customMetadata(meta.metadata),
        chunks: [],
        received: 0,
        done: false,
      });
      const host = req.headers.host ?? '127.0.0.1';
      res.writeHead(200, {
        Location: `http://${host}/upload/storage/v1/b/${encodeURIComponent(bucketName)}/o?uploadType=resumable&upload_id=${id}`,
      });
      res.end();
      return;
    }
    throw new HttpError(400, 'invalid', `unsupported uploadType ${uploadType}`);
  }

  private uploadChunk(id: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const s = this.sessions.get(id);
    if (!s) throw new HttpError(404, 'notFound', 'No such upload session');
    const bucket = this.buckets.get(s.bucket);
    if (!bucket) throw new HttpError(404, 'notFound', 'The specified bucket does not exist.');
    const range = String(req.headers['content-range'] ?? '');
    const m = /^bytes (?:\*|(\d+)-(\d+|\*))\/(\d+|\*)$/.exec(range);
    if (!m) throw new HttpError(400, 'invalid', `bad Content-Range ${JSON.stringify(range)}`);
    if (s.done) {
      const obj = bucket.get(s.name);
      if (obj) return sendJson(res, 200, resource(s.bucket, obj));
    }
    const total = m[3] === '*' ? undefined : Number(m[3]);
    if (m[1] !== undefined) {
      const start = Number(m[1]);
      if (start > s.received) throw new HttpError(400, 'invalid', `chunk starts at ${start}, expected ${s.received}`);
      // Bytes already received are skipped (a client may resend them after an interruption).
      const fresh = body.subarray(s.received - start);
      s.chunks.push(Buffer.from(fresh));
      s.received += fresh.length;
    }
    const final = total !== undefined ? s.received >= total : m[2] === '*';
    if (!final) {
      const headers: Record<string, string> = {};
      if (s.received > 0) headers.Range = `bytes=0-${s.received - 1}`;
      res.writeHead(308, headers).end();
      return;
    }
    const data = Buffer.concat(s.chunks);
    const obj = this.commit(bucket, s.name, s.query, data, s.contentType, s.metadata);
    s.done = true;
    sendJson(res, 200, resource(s.bucket, obj));
  }

  private commit(
    bucket: Map<string, StoredObject>,
    name: string,
    q: URLSearchParams,
    data: Buffer,
    contentType: string,
    metadata: Record<string, string> | undefined,
  ): StoredObject {
    const existing = this.precondition(bucket, name, q, false);
    if (existing) this.checkPermission('objects.overwrite');
    const obj: StoredObject = {
      name,
      data,
      generation: this.nextGeneration++,
      metageneration: 1,
      contentType,
      metadata,
      created: new Date().toISOString(),
    };
    bucket.set(name, obj);
    return obj;
  }
}

const PERMISSION: Record<string, string> = {
  'buckets.get': 'storage.buckets.get',
  'objects.get': 'storage.objects.get',
  'objects.list': 'storage.objects.list',
  'objects.delete': 'storage.objects.delete',
  'upload.start': 'storage.objects.create',
  // Replacing an existing object also needs delete permission on it.
  'objects.overwrite': 'storage.objects.delete',
};

function classify(method: string, url: URL): RequestInfo {
  const path = url.pathname.replace(/^\/storage\/v1(?=\/)/, '').replace(/^\/upload\/storage\/v1(?=\/)/, '/upload');
  const query = url.searchParams;
  const objMatch = /^\/b\/[^/]+\/o\/(.+)$/.exec(path);
  const object = objMatch ? decodeURIComponent(objMatch[1]!) : (query.get('name') ?? undefined);
  let op: string;
  if (path.startsWith('/upload/')) op = method === 'PUT' ? 'upload.chunk' : 'upload.start';
  else if (objMatch) op = method === 'DELETE' ? 'objects.delete' : 'objects.get';
  else if (/\/o$/.test(path)) op = 'objects.list';
  else op = 'buckets.get';
  return { method, path, rawPath: url.pathname, query, op, ...(object !== undefined ? { object } : {}) };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => resolve(Buffer.concat(chunks)));
  });
}

function reasonFor(status: number): string {
  return status === 429 ? 'rateLimitExceeded' : status === 503 ? 'backendError' : 'error';
}

function sendError(res: http.ServerResponse, status: number, reason: string, message: string): void {
  if (status === 304) {
    res.writeHead(304).end();
    return;
  }
  sendJson(res, status, { error: { code: status, message, errors: [{ domain: 'global', reason, message }] } });
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendMedia(res: http.ServerResponse, obj: StoredObject): void {
  res.writeHead(200, {
    'Content-Type': obj.contentType,
    'Content-Length': obj.data.length,
    'x-goog-hash': `crc32c=${crc32cBase64(obj.data)},md5=${md5Base64(obj.data)}`,
    'x-goog-generation': obj.generation.toString(),
    'x-goog-metageneration': String(obj.metageneration),
    'x-goog-stored-content-encoding': 'identity',
    'x-goog-stored-content-length': String(obj.data.length),
  });
  res.end(obj.data);
}

function resource(bucket: string, obj: StoredObject): Record<string, unknown> {
  const id = `${bucket}/${obj.name}/${obj.generation}`;
  return {
    kind: 'storage#object',
    id,
    name: obj.name,
    bucket,
    generation: obj.generation.toString(),
    metageneration: String(obj.metageneration),
    contentType: obj.contentType,
    size: String(obj.data.length),
    md5Hash: md5Base64(obj.data),
    crc32c: crc32cBase64(obj.data),
    etag: Buffer.from(id).toString('base64'),
    storageClass: 'STANDARD',
    timeCreated: obj.created,
    updated: obj.created,
    ...(obj.metadata ? { metadata: obj.metadata } : {}),
  };
}

function customMetadata(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

/** Splits a multipart/related body into its JSON metadata part and its media part. */
function parseMultipart(
  contentType: string,
  body: Buffer,
): { meta: Record<string, unknown>; data: Buffer; dataType: string } {
  const m = /boundary="?([^";]+)"?/.exec(contentType);
  if (!/^multipart\/related/i.test(contentType) || !m) {
    throw new HttpError(400, 'invalid', `expected multipart/related, got ${contentType}`);
  }
  const delimiter = Buffer.from(`--${m[1]}`);
  const parts: { headers: string; data: Buffer }[] = [];
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // A part: CRLF, headers, CRLF CRLF, data, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const sep = part.indexOf('\r\n\r\n');
    parts.push({ headers: part.subarray(0, sep).toString('utf8'), data: part.subarray(sep + 4) });
    pos = next;
  }
  if (parts.length !== 2) throw new HttpError(400, 'invalid', `expected 2 multipart parts, got ${parts.length}`);
  const dataType = /content-type:\s*([^\r\n]+)/i.exec(parts[1]!.headers)?.[1] ?? 'application/octet-stream';
  return {
    meta: JSON.parse(parts[0]!.data.toString('utf8')) as Record<string, unknown>,
    data: Buffer.from(parts[1]!.data),
    dataType,
  };
}

/** objects.list: items and prefixes both count toward maxResults; the page token is the last key returned. */
function list(bucketName: string, bucket: Map<string, StoredObject>, q: URLSearchParams): Record<string, unknown> {
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const maxResults = Math.min(Number(q.get('maxResults') ?? 1000) || 1000, 1000);
  const token = q.get('pageToken');
  const after = token ? Buffer.from(token, 'base64').toString('utf8') : undefined;
  const names = [...bucket.keys()].filter((n) => n.startsWith(prefix)).sort();
  const items: Record<string, unknown>[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  let more = false;
  for (const name of names) {
    let key = name;
    let isPrefix = false;
    if (delimiter) {
      const i = name.indexOf(delimiter, prefix.length);
      if (i >= 0) {
        key = name.slice(0, i + delimiter.length);
        isPrefix = true;
      }
    }
    // Skip what earlier pages returned: keys up to the token, and names under a returned prefix.
    if (after !== undefined && (key <= after || (after.endsWith(delimiter) && delimiter && key.startsWith(after))))
      continue;
    if (isPrefix && key === last) continue;
    if (items.length + prefixes.length >= maxResults) {
      more = true;
      break;
    }
    if (isPrefix) prefixes.push(key);
    else items.push(resource(bucketName, bucket.get(name)!));
    last = key;
  }
  return {
    kind: 'storage#objects',
    ...(items.length ? { items } : {}),
    ...(prefixes.length ? { prefixes } : {}),
    ...(more && last !== undefined ? { nextPageToken: Buffer.from(last).toString('base64') } : {}),
  };
}

/** A request header's value; a repeated header counts as given once, with its first value. */
function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
