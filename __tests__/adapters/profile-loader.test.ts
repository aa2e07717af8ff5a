/**
 * The profile loader in both modes: worker threads running the bundled worker script (as
 * `heapgate diff` does) and in-thread (as under ts-jest). Both must give the same summaries and the same errors.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProfileSource } from '../../src/ports.js';
import {
  createProfileLoader,
  defaultLoadMode,
  MIN_WORKER_BYTES,
  workersPayOff,
} from '../../src/adapters/profile-loader.js';
import { DecodeError, UsageError } from '../../src/core/errors.js';
import { builtProfileWorker, ROOT } from '../helpers/dist.js';

const BASE = 'examples/regression/base.heap.pb.gz';
const CUR = 'examples/regression/current.heap.pb.gz';
const src = (role: 'base' | 'current', rel: string): ProfileSource => ({ role, label: rel, path: join(ROOT, rel) });

let worker: ReturnType<typeof createProfileLoader>;
const inline = createProfileLoader({ mode: 'inline' });

beforeAll(() => {
  worker = createProfileLoader({ mode: 'worker', workerUrl: pathToFileURL(builtProfileWorker()) });
});

test('under ts-jest the default is in-thread: this module is a .ts file no worker can load', () => {
  expect(defaultLoadMode()).toBe('inline');
});

test('auto mode uses workers only when every profile is big enough to pay for one', () => {
  expect(workersPayOff([MIN_WORKER_BYTES, 10 * MIN_WORKER_BYTES])).toBe(true);
  expect(workersPayOff([MIN_WORKER_BYTES - 1, 10 * MIN_WORKER_BYTES])).toBe(false);
  expect(workersPayOff([10 * MIN_WORKER_BYTES])).toBe(false);
  expect(workersPayOff([100, 200], 100)).toBe(true);
});

test('worker threads and in-thread loading give the same summaries, typed arrays intact', async () => {
  const focus = ['loadUserRecord'];
  const [wb, wc] = await worker([src('base', BASE), src('current', CUR)], focus);
  const [ib, ic] = await inline([src('base', BASE), src('current', CUR)], focus);
  expect(wb).toEqual(ib);
  expect(wc).toEqual(ic);
  // Structured clone lands in the main realm, not jest's sandbox: compare the tag, not the constructor.
  expect(Object.prototype.toString.call(wc!.functions.flat[0])).toBe('[object Float64Array]');
  expect(wc!.focus.map((f) => f.pattern)).toEqual(focus);
  expect(typeof wc!.timeNanos).toBe('bigint');
});

test('per-line totals cross the worker boundary intact, and only when asked for', async () => {
  const [wc] = await worker([src('current', CUR)], [], { lines: true });
  const [ic] = await inline([src('current', CUR)], [], { lines: true });
  expect(wc!.lines).toEqual(ic!.lines);
  expect(wc!.lines!.function.length).toBeGreaterThan(0);
  expect(Object.prototype.toString.call(wc!.lines!.cum[0])).toBe('[object Float64Array]');
  const [plain] = await worker([src('current', CUR)], []);
  expect(plain!.lines).toBeUndefined();
});

test('bytes sources go through workers too', async () => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, BASE)));
  const [fromBytes] = await worker([{ role: 'base', label: 'store:main', bytes }], []);
  const [fromFile] = await inline([src('base', BASE)], []);
  expect(fromBytes).toEqual(fromFile);
});

test('errors come back from workers as the same typed error with the context prefix', async () => {
  const missing = worker([src('base', 'missing.pb.gz'), src('current', CUR)], []);
  await expect(missing).rejects.toBeInstanceOf(UsageError);
  await expect(missing).rejects.toThrow(/^reading base profile missing\.pb\.gz: no such file$/);

  const bad = { role: 'current' as const, label: 'cut.pb', bytes: new Uint8Array([0x0a, 0x80]) };
  const fromWorker = await worker([src('base', BASE), bad], []).catch((e: unknown) => e);
  const fromInline = await inline([src('base', BASE), bad], []).catch((e: unknown) => e);
  expect(fromWorker).toBeInstanceOf(DecodeError);
  expect((fromWorker as Error).message).toMatch(/^decoding current profile cut\.pb: /);
  expect((fromWorker as Error).message).toBe((fromInline as Error).message);
  expect((fromWorker as DecodeError).offset).toBe((fromInline as DecodeError).offset);
});

describe('decoded size estimate', () => {
  test('gzip: the trailer ISIZE; raw: the size', async () => {
    const { gzipSync } = await import('node:zlib');
    const { estimateDecodedSize, decodedSizeOf } = await import('../../src/adapters/profile-size.js');
    const gz = gzipSync(Buffer.alloc(5_000_000, 7));
    expect(estimateDecodedSize(gz.length, gz.subarray(0, 2), gz.subarray(gz.length - 4))).toBe(5_000_000);
    expect(await decodedSizeOf({ role: 'base', label: 'gz', bytes: new Uint8Array(gz) })).toBe(5_000_000);
    const raw = new Uint8Array(1234).fill(0x0a);
    expect(await decodedSizeOf({ role: 'base', label: 'raw', bytes: raw })).toBe(1234);
    expect(await decodedSizeOf(src('base', BASE))).toBe(gunzipSync(readFileSync(join(ROOT, BASE))).length);
    expect(await decodedSizeOf(src('base', 'missing.pb'))).toBe(0);
  });
});
