/**
 * The GCS store with the real @google-cloud/storage client against the local JSON-API server.
 * The store's own pauses (read retries, lost pointer races) take no time here: the stores get a
 * sleep that returns at once and records the delays asked of it. The client's upload retries wait
 * for real (see client()).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Storage } from '@google-cloud/storage';
import { GcsServer, type RequestInfo } from '../helpers/gcs-server.js';
import { GcsBaselineStore, gcsStorageOptions, type GcsStoreConfig } from '../../src/adapters/gcs-store.js';
import { retryable } from '../../src/adapters/gcs-errors.js';
import { StoreError, ExitCode } from '../../src/core/errors.js';
import { commitSha, meta, profileBytes } from './baseline-fixtures.js';

let server: GcsServer;

beforeAll(async () => {
  server = await GcsServer.start();
});
afterAll(async () => {
  await server.stop();
});

let bucketCounter = 0;
/** A fresh bucket per test, so tests do not see each other's objects. */
function freshBucket(): string {
  const name = `bucket-${++bucketCounter}`;
  server.createBucket(name);
  return name;
}

function client(extra: Record<string, unknown> = {}): Storage {
  return new Storage(
    gcsStorageOptions({
      apiEndpoint: server.endpoint,
      projectId: 'test-project',
      timeout: 2000,
      // The client's upload retries (async-retry) wait min(r · 1 s · multiplier^n, maxRetryDelay),
      // r in [1, 2): the 1 s minTimeout cannot be set through the client, and a maxRetryDelay under
      // 1 s makes every save reject. With a multiplier of 0.001 all those waits but one take a few
      // ms, and the retry package uses the shortest first, so an upload retried fewer than
      // maxRetries times does not wait. Resumable chunk retries still wait the 1 s cap.
      retryOptions: { retryDelayMultiplier: 0.001, maxRetryDelay: 1, totalTimeout: 30 },
      ...extra,
    }),
  );
}

const READ_RETRY = { baseDelayMs: 20, maxDelayMs: 50, timeoutMs: 500 };

function store(bucket: string, config: Partial<GcsStoreConfig> = {}, storage = client()): GcsBaselineStore {
  return new GcsBaselineStore({
    storage,
    bucket,
    prefix: 'heapgate/v1',
    readRetry: READ_RETRY,
    sleep: async () => {},
    ...config,
  });
}

/** A sleep that returns at once, and the delays it was asked for, in order. */
function recordedSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

/**
 * Asserts one wait per read retry, where `retries[i]` is which retry of its read wait i preceded
 * (0 for the first): retry n waits min(maxDelayMs, baseDelayMs·2^n), jittered down by up to half.
 */
function expectReadBackoff(delays: readonly number[], retries: readonly number[]): void {
  expect(delays).toHaveLength(retries.length);
  retries.forEach((n, i) => {
    const cap = Math.min(READ_RETRY.maxDelayMs, READ_RETRY.baseDelayMs * 2 ** n);
    expect(delays[i]).toBeGreaterThanOrEqual(cap / 2);
    expect(delays[i]).toBeLessThanOrEqual(cap);
  });
}

const isPointer = (r: RequestInfo) => r.object?.endsWith('latest.json') === true;
const isCommitUpload = (r: RequestInfo) => r.op.startsWith('upload.') && r.object?.endsWith('.pb.gz') === true;

afterEach(async () => {
  server.clearFaults();
  server.allowAll();
  await server.settle();
});

describe('layout and round trip', () => {
  test('put stores the commit object and the pointer under the documented names, and reads them back', async () => {
    const bucket = freshBucket();
    const s = store(bucket);
    const bytes = profileBytes(1);
    const m = meta(1, { branch: 'feature/x' });
    const result = await s.put(m, bytes);
    expect(result).toEqual({ object: 'created', pointer: 'moved', metadata: m });

    const sha = commitSha(1);
    expect(server.names(bucket)).toEqual([
      `heapgate/v1/api-server/feature%2Fx/commits/${sha}.pb.gz`,
      'heapgate/v1/api-server/feature%2Fx/latest.json',
    ]);
    expect(
      Buffer.compare(
        server.object(bucket, `heapgate/v1/api-server/feature%2Fx/commits/${sha}.pb.gz`)!.data,
        Buffer.from(bytes),
      ),
    ).toBe(0);

    const pointer = await s.pointer('api-server', 'feature/x');
    expect(pointer).toEqual({ schema: 1, current: m, history: [] });
    const got = await s.commit('api-server', 'feature/x', sha.toUpperCase());
    expect(got?.metadata).toEqual(m);
    expect(Buffer.from(got!.profile).equals(Buffer.from(bytes))).toBe(true);
    expect(await s.branches('api-server')).toEqual(['feature/x']);
    // With apiEndpoint, JSON API calls carry the /storage/v1 prefix.
    expect(server.log.filter((r) => r.op === 'objects.get').every((r) => r.rawPath.startsWith('/storage/v1/b/'))).toBe(
      true,
    );
  });

  test('reads of absent things resolve to undefined', async () => {
    const s = store(freshBucket());
    expect(await s.pointer('api-server', 'main')).toBeUndefined();
    expect(await s.commit('api-server', 'main', commitSha(9))).toBeUndefined();
    expect(await s.branches('api-server')).toEqual([]);
  });

  test('STORAGE_EMULATOR_HOST (paths without /storage/v1) works the same', async () => {
    const bucket = freshBucket();
    process.env.STORAGE_EMULATOR_HOST = server.endpoint;
    let storage: Storage;
    try {
      storage = new Storage(gcsStorageOptions({ projectId: 'test-project' }));
    } finally {
      delete process.env.STORAGE_EMULATOR_HOST;
    }
    const s = store(bucket, {}, storage);
    const before = server.log.length;
    await s.put(meta(1), profileBytes(1));
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
    // JSON API calls go to <host>/b/... (no /storage/v1); uploads keep /upload/storage/v1.
    const log = server.log.slice(before);
    const api = log.filter((r) => !r.op.startsWith('upload.'));
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((r) => r.rawPath.startsWith('/b/'))).toBe(true);
    expect(
      log.filter((r) => r.op.startsWith('upload.')).every((r) => r.rawPath.startsWith('/upload/storage/v1/b/')),
    ).toBe(true);
  });

  test('small profiles go up as multipart, large ones in a chunked resumable session', async () => {
    const bucket = freshBucket();
    const s = store(bucket, { resumableThreshold: 100_000, chunkSize: 256 * 1024 });
    let before = server.log.length;
    await s.put(meta(1), profileBytes(1, 1000));
    const small = server.log.slice(before).filter(isCommitUpload);
    expect(small.map((r) => r.query.get('uploadType'))).toEqual(['multipart']);

    before = server.log.length;
    const big = profileBytes(2, 700_000);
    await s.put(meta(2), big);
    const uploads = server.log.slice(before).filter((r) => r.op.startsWith('upload.'));
    expect(uploads[0]!.query.get('uploadType')).toBe('resumable');
    // 700,000 bytes in 262,144-byte chunks: 3 PUTs.
    expect(uploads.filter((r) => r.op === 'upload.chunk').length).toBe(3);
    const got = await s.commit('api-server', 'main', commitSha(2));
    expect(Buffer.from(got!.profile).equals(Buffer.from(big))).toBe(true);
  });
});

describe('pointer rules', () => {
  test('the same commit twice: the first object stays and the second put is not an error', async () => {
    const bucket = freshBucket();
    const s = store(bucket);
    const first = profileBytes(1);
    await s.put(meta(1), first);
    const second = await s.put({ ...meta(1), runId: '777' }, profileBytes(1));
    expect(second.object).toBe('exists');
    expect(second.pointer).toBe('same-commit');
    expect(second.metadata).toEqual(meta(1));
    const got = await s.commit('api-server', 'main', commitSha(1));
    expect(Buffer.from(got!.profile).equals(Buffer.from(first))).toBe(true);
  });

  test('an older commit stores its object but never moves the pointer back', async () => {
    const s = store(freshBucket());
    await s.put(meta(5), profileBytes(5));
    const late = await s.put(meta(3), profileBytes(3));
    expect(late).toMatchObject({ object: 'created', pointer: 'older' });
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(5));
    expect((await s.commit('api-server', 'main', commitSha(3)))?.metadata.sha).toBe(commitSha(3));
  });

  test('history holds the previous baselines, newest first, bounded', async () => {
    const s = store(freshBucket(), { historyLimit: 3 });
    for (let n = 1; n <= 6; n++) await s.put(meta(n), profileBytes(n));
    const p = await s.pointer('api-server', 'main');
    expect(p?.current.sha).toBe(commitSha(6));
    expect(p?.history.map((h) => h.sha)).toEqual([commitSha(5), commitSha(4), commitSha(3)]);
    expect(p?.history.map((h) => h.total[3])).toEqual([1000, 800, 600]);
  });

  test('branches are listed across pages (prefixes count toward maxResults)', async () => {
    const s = store(freshBucket(), { listPageSize: 2 });
    const branches = ['main', 'feature/a', 'feature/b', 'release-1.2', 'ünïcode'];
    for (const [i, b] of branches.entries()) await s.put(meta(i + 1, { branch: b }), profileBytes(i + 1));
    const before = server.log.length;
    expect(await s.branches('api-server')).toEqual([...branches].sort());
    const lists = server.log.slice(before).filter((r) => r.op === 'objects.list');
    expect(lists.length).toBe(3);
    expect(lists[1]!.query.get('pageToken')).toBeTruthy();
  });

  test('series are the prefixes below the store prefix that name a series, across pages', async () => {
    const bucket = freshBucket();
    const s = store(bucket, { listPageSize: 2 });
    for (const [i, series] of ['catalog', 'api-server', 'worker'].entries()) {
      await s.put(meta(i + 1, { series }), profileBytes(i + 1));
    }
    expect(await s.series()).toEqual(['api-server', 'catalog', 'worker']);
    // Another prefix in the same bucket is another store.
    expect(await store(bucket, { prefix: 'elsewhere' }).series()).toEqual([]);
  });
});

describe('faults', () => {
  test('the client gets the documented retry options, and retryable decides what it retries', () => {
    expect(new Storage(gcsStorageOptions({ projectId: 'p' })).retryOptions).toMatchObject({
      autoRetry: true,
      maxRetries: 5,
      retryDelayMultiplier: 2,
      maxRetryDelay: 16,
      totalTimeout: 300,
      retryableErrorFn: retryable,
    });
    // Options given by the caller win, except the predicate.
    const given = gcsStorageOptions({ retryOptions: { maxRetries: 1, retryableErrorFn: () => false } }).retryOptions;
    expect(given).toMatchObject({ maxRetries: 1, retryDelayMultiplier: 2, retryableErrorFn: retryable });
  });

  test('2 x 503 on the commit upload, then success', async () => {
    const bucket = freshBucket();
    const s = store(bucket);
    server.inject({ kind: 'status', status: 503 }, isCommitUpload, 2);
    const before = server.log.length;
    const r = await s.put(meta(1), profileBytes(1));
    expect(r).toMatchObject({ object: 'created', pointer: 'moved' });
    expect(server.log.slice(before).filter((x) => isCommitUpload(x) && x.object?.includes(commitSha(1))).length).toBe(
      3,
    );
  });

  test('429 on the pointer read and 503 on the pointer write, then success', async () => {
    const s = store(freshBucket());
    server.inject({ kind: 'status', status: 429 }, (r) => isPointer(r) && r.op === 'objects.get', 1);
    server.inject({ kind: 'status', status: 503 }, (r) => isPointer(r) && r.op === 'upload.start', 1);
    await s.put(meta(1), profileBytes(1));
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
  });

  test('a connection dropped mid-upload of a chunk is resumed and the object is whole', async () => {
    const bucket = freshBucket();
    const s = store(bucket, { resumableThreshold: 1000, chunkSize: 256 * 1024 });
    server.inject({ kind: 'drop' }, (r) => r.op === 'upload.chunk', 1);
    const big = profileBytes(1, 600_000);
    await s.put(meta(1), big);
    const got = await s.commit('api-server', 'main', commitSha(1));
    expect(Buffer.from(got!.profile).equals(Buffer.from(big))).toBe(true);
  });

  test('a dropped pointer write that had not landed is retried; the pointer ends at the commit', async () => {
    const s = store(freshBucket());
    server.inject({ kind: 'drop' }, (r) => isPointer(r) && r.op === 'upload.start', 1);
    const r = await s.put(meta(1), profileBytes(1));
    expect(r.pointer).toBe('moved');
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
  });

  test('responses slower than the timeout are retried: metadata reads and downloads', async () => {
    const waits = recordedSleep();
    const s = store(freshBucket(), { sleep: waits.sleep });
    await s.put(meta(1), profileBytes(1));
    // Each delayed attempt is abandoned after 500 ms (readRetry.timeoutMs) and retried.
    server.inject({ kind: 'delay', ms: 2000 }, (r) => r.op === 'objects.get' && r.query.get('alt') !== 'media', 1);
    server.inject({ kind: 'delay', ms: 2000 }, (r) => r.op === 'objects.get' && r.query.get('alt') === 'media', 1);
    const before = server.log.length;
    const started = Date.now();
    const got = await s.commit('api-server', 'main', commitSha(1));
    expect(got?.metadata.sha).toBe(commitSha(1));
    // Without the timeouts the call would take at least 2 x 2 s.
    expect(Date.now() - started).toBeLessThan(3000);
    // The server still holds the abandoned attempts (afterEach ends them); all four have arrived.
    expect(server.log.slice(before).filter((r) => r.op === 'objects.get').length).toBe(4);
    // Each read was retried once, after the first wait of the backoff.
    expectReadBackoff(waits.delays, [0, 0]);
  });

  test('503, 429 and a reset on downloads are retried, waiting longer each time', async () => {
    const waits = recordedSleep();
    const s = store(freshBucket(), { sleep: waits.sleep });
    await s.put(meta(1), profileBytes(1));
    const media = (r: RequestInfo) => r.query.get('alt') === 'media';
    server.inject({ kind: 'status', status: 503 }, media, 1);
    server.inject({ kind: 'status', status: 429 }, media, 1);
    server.inject({ kind: 'drop' }, media, 1);
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
    // 10-20 ms, 20-40 ms, then the 50 ms cap (25-50 ms).
    expectReadBackoff(waits.delays, [0, 1, 2]);
  });

  test('persistent 503s end in a StoreError (exit code 3) saying the service is unavailable', async () => {
    const waits = recordedSleep();
    const storage = client({ retryOptions: { maxRetries: 1, retryDelayMultiplier: 1, maxRetryDelay: 1 } });
    const s = store(freshBucket(), { sleep: waits.sleep }, storage);
    server.inject({ kind: 'status', status: 503 }, () => true, 100);
    for (const call of [() => s.pointer('api-server', 'main'), () => s.put(meta(1), profileBytes(1))]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).exitCode).toBe(ExitCode.store);
      expect((err as StoreError).message).toMatch(/unavailable after retries \(HTTP 503\)$/);
    }
    // The pointer read gave up after its 5 retries, the last three at the 50 ms cap; the put
    // failed in the client's upload retries, before the store read anything.
    expectReadBackoff(waits.delays, [0, 1, 2, 3, 4]);
  });
});

describe('concurrency', () => {
  test('8 writers of different commits at once: every object present, pointer at the newest', async () => {
    const bucket = freshBucket();
    const ns = [3, 8, 1, 6, 2, 7, 5, 4];
    // Hold the first 8 pointer reads until all 8 have arrived, so that all writers see "no pointer"
    // and race to create it: one wins, seven get 412 and must re-read.
    server.inject({ kind: 'together', maxMs: 10_000 }, (r) => isPointer(r) && r.op === 'objects.get', 8);
    const before = server.log.length;
    const waits = ns.map(() => recordedSleep());
    const writers = ns.map((n, i) => store(bucket, { sleep: waits[i]!.sleep }, client()).put(meta(n), profileBytes(n)));
    const results = await Promise.all(writers);
    const pointerWrites = server.log.slice(before).filter((r) => isPointer(r) && r.op === 'upload.start').length;
    expect(pointerWrites).toBeGreaterThan(8);
    expect(results.every((r) => r.object === 'created')).toBe(true);
    expect(results[ns.indexOf(8)]!.pointer).toBe('moved');
    // Every write that lost the race (412) was followed by one pause before re-reading, the
    // writer's attempt a pausing below min(200, 10·2^a) ms.
    const moved = results.filter((r) => r.pointer === 'moved').length;
    expect(waits.reduce((sum, w) => sum + w.delays.length, 0)).toBe(pointerWrites - moved);
    for (const { delays } of waits) {
      delays.forEach((ms, a) => {
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(Math.min(200, 10 * 2 ** a));
      });
    }
    for (let n = 1; n <= 8; n++) {
      expect(server.object(bucket, `heapgate/v1/api-server/main/commits/${commitSha(n)}.pb.gz`)).toBeDefined();
    }
    const p = await store(bucket).pointer('api-server', 'main');
    expect(p?.current.sha).toBe(commitSha(8));
    // Every history entry is older than the current one and appears once.
    const shas = p!.history.map((h) => h.sha);
    expect(new Set(shas).size).toBe(shas.length);
    expect(shas).not.toContain(commitSha(8));

    // A stale writer afterwards never moves it back.
    expect((await store(bucket).put(meta(2), profileBytes(2))).pointer).toBe('older');
    expect((await store(bucket).pointer('api-server', 'main'))?.current.sha).toBe(commitSha(8));
  });
});

describe('error messages', () => {
  test('a missing bucket', async () => {
    const s = store('no-such-bucket');
    for (const call of [() => s.put(meta(1), profileBytes(1)), () => s.pointer('api-server', 'main')]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toBe(
        'bucket gs://no-such-bucket does not exist: create it or fix the bucket in --store',
      );
    }
  });

  test.each([
    ['storage.objects.create', (s: GcsBaselineStore) => s.put(meta(1), profileBytes(1))],
    ['storage.objects.get', (s: GcsBaselineStore) => s.pointer('api-server', 'main')],
    ['storage.objects.list', (s: GcsBaselineStore) => s.branches('api-server')],
    ['storage.objects.list', (s: GcsBaselineStore) => s.series()],
  ])('403 names the IAM permission %s', async (permission, call) => {
    const s = store(freshBucket());
    server.deny(permission);
    const err = await call(s).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain(permission);
    expect((err as Error).message).toMatch(/^permission denied/);
    expect((err as Error).message).not.toContain('\n');
  });

  test('replacing the pointer needs storage.objects.delete, and the message says so', async () => {
    const s = store(freshBucket());
    await s.put(meta(1), profileBytes(1));
    server.deny('storage.objects.delete');
    const err = await s.put(meta(2), profileBytes(2)).catch((e: unknown) => e);
    expect((err as Error).message).toContain('storage.objects.delete');
    // The old pointer is intact.
    server.allowAll();
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
  });

  test.each([
    ['true', /run google-github-actions\/auth before heapgate/],
    ['', /run `gcloud auth application-default login`/],
  ])('missing credentials (GITHUB_ACTIONS=%j) say how to set them up there', async (actions, hint) => {
    server.requireAuth = true;
    const empty = mkdtempSync(join(tmpdir(), 'heapgate-noadc-'));
    const saved = { ...process.env };
    // No credentials anywhere: no env file, an empty gcloud config dir, no metadata server.
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.CLOUDSDK_CONFIG = empty;
    process.env.HOME = empty;
    process.env.METADATA_SERVER_DETECTION = 'none';
    process.env.GITHUB_ACTIONS = actions;
    try {
      const s = store(freshBucket(), {}, client({ useAuthWithCustomEndpoint: true }));
      const err = await s.pointer('api-server', 'main').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toMatch(hint);
      expect((err as Error).message).toMatch(/Application Default Credentials/);
    } finally {
      process.env = saved;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('delete', () => {
  test('from the history, the current (the next newest takes its place), and the last (no pointer left)', async () => {
    const bucket = freshBucket();
    const s = store(bucket);
    for (const n of [1, 2, 3]) await s.put(meta(n), profileBytes(n));
    expect(await s.delete('api-server', 'main', commitSha(2))).toMatchObject({ object: 'removed', pointer: 'history' });
    expect((await s.pointer('api-server', 'main'))?.history.map((m) => m.sha)).toEqual([commitSha(1)]);
    expect(await s.delete('api-server', 'main', commitSha(3))).toEqual({
      object: 'removed',
      pointer: 'current',
      current: meta(1),
    });
    expect(await s.commit('api-server', 'main', commitSha(3))).toBeUndefined();
    // Again: nothing left to do, said so.
    expect(await s.delete('api-server', 'main', commitSha(3))).toEqual({
      object: 'absent',
      pointer: 'absent',
      current: meta(1),
    });
    expect(await s.delete('api-server', 'main', commitSha(1))).toEqual({ object: 'removed', pointer: 'last' });
    expect(await s.pointer('api-server', 'main')).toBeUndefined();
    expect(await s.commit('api-server', 'main', commitSha(1))).toBeUndefined();
    expect((await s.put(meta(1), profileBytes(1))).pointer).toBe('moved');
  });
});
