// Micro-benchmarks run in their own process, bundled by esbuild with heapgate's TypeScript sources
// into bench/out/micro.mjs (see micro.mjs). Usage: node --expose-gc bench/out/micro.mjs TASK ARGS...
//   decode FILE RUNS      protobufjs reflective Profile.decode vs heapgate decodeProtobuf
//   gunzip FILE RUNS      pako.ungzip vs node:zlib gunzipSync
//   load BASE CUR RUNS    decode+summarize both profiles on worker threads vs one after the other
// Prints one JSON object on stdout.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { at } from './at.mjs';
import { decodeProtobuf } from '../../src/core/profile/decode/index.ts';
import { createProfileLoader } from '../../src/adapters/profile-loader.ts';
// In a worker thread started by the loader, profile-worker.ts does the job when loaded (the bundle
// is the worker's script); this file must then stay out of the way.
import { isProfileWorker } from '../../src/adapters/profile-worker.ts';

const PROTO = '__tests__/helpers/profile.proto';

/** @typedef {() => unknown} Contender one way to do the task; returns (or resolves to) its result */

/**
 * One contender's figures: duration in ms over the timed runs, and the median heap its result retained.
 * @typedef {object} ContenderStats
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} n timed runs
 * @property {number} retainedMiB
 */

/**
 * What a task prints: what it ran on and, under each contender's own name, that contender's figures.
 * @typedef {MicroTaskInfo & { [contender: string]: ContenderStats }} MicroTaskOutput
 */

/**
 * @typedef {{ task: 'decode', file: string, rawBytes: number, samples: number, long: boolean }} DecodeInfo
 *   `long`: whether protobufjs decoded 64-bit values with Long
 * @typedef {{ task: 'gunzip', file: string, gzBytes: number, rawBytes: number }} GunzipInfo
 * @typedef {{ task: 'load', base: string, current: string }} LoadInfo
 * @typedef {DecodeInfo | GunzipInfo | LoadInfo} MicroTaskInfo
 */

/**
 * Median, min and max of a non-empty list of durations.
 * @param {readonly number[]} ms
 */
function stats(ms) {
  const v = [...ms].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return {
    median: v.length % 2 ? at(v, mid) : (at(v, mid - 1) + at(v, mid)) / 2,
    min: at(v, 0),
    max: at(v, v.length - 1),
    n: v.length,
  };
}

/**
 * Retained heap of what `fn` returns, in MiB (needs --expose-gc), and its duration.
 * @param {Contender} fn
 * @returns {Promise<{ ms: number, retainedMiB: number }>}
 */
async function measure(fn) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  globalThis.gc?.();
  const after = process.memoryUsage();
  const retainedMiB = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20;
  // Read after the second gc() so that the result is still reachable through it: what it holds is
  // what retainedMiB measures, and a contender returning nothing would measure nothing.
  if (result === undefined) throw new Error('a contender returned nothing whose heap could be measured');
  return { ms, retainedMiB };
}

/**
 * Runs each contender `runs` times after one warm-up, alternating so machine load hits both alike.
 * @param {Record<string, Contender>} contenders
 * @param {number} runs
 * @returns {Promise<Record<string, ContenderStats>>} by contender name, in the order given
 */
async function compare(contenders, runs) {
  const all = Object.entries(contenders).map(([name, fn]) => ({
    name,
    fn,
    /** @type {number[]} */ ms: [],
    /** @type {number[]} */ retainedMiB: [],
  }));
  for (const c of all) await c.fn();
  for (let i = 0; i < runs; i++) {
    for (const c of all) {
      const m = await measure(c.fn);
      c.ms.push(m.ms);
      c.retainedMiB.push(m.retainedMiB);
    }
  }
  /** @type {Record<string, ContenderStats>} */
  const out = {};
  for (const c of all) out[c.name] = { ...stats(c.ms), retainedMiB: stats(c.retainedMiB).median };
  return out;
}

/**
 * The protobuf bytes of a profile file, gunzipped if need be.
 * @param {string} file
 * @returns {Uint8Array}
 */
function rawBytes(file) {
  const bytes = readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/**
 * `args[i]`, or an error showing the task's usage.
 * @param {readonly string[]} args
 * @param {number} i
 * @param {string} usage
 * @returns {string}
 */
function operand(args, i, usage) {
  const a = args[i];
  if (a === undefined) throw new Error(`usage: ${usage}`);
  return a;
}

/**
 * The RUNS operand: at least one run, or the statistics would have nothing to summarize.
 * @param {string} text
 * @returns {number}
 */
function runCount(text) {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`RUNS must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}

/**
 * Runs the task named by `argv[0]` on the files in the rest of `argv`.
 * @param {readonly string[]} argv
 * @returns {Promise<MicroTaskOutput>}
 */
async function main(argv) {
  const [task, ...args] = argv;
  // The libraries are imported only by the tasks that use them: this file is also what a profile
  // worker loads, and must not make the worker's start-up look slower than it is.
  if (task === 'decode') {
    const file = operand(args, 0, 'decode FILE RUNS');
    const runs = runCount(operand(args, 1, 'decode FILE RUNS'));
    const { default: protobuf } = await import('protobufjs');
    if (!existsSync(PROTO)) throw new Error(`${PROTO} (google/pprof's proto/profile.proto) is missing`);
    const raw = rawBytes(file);
    const Profile = protobuf.loadSync(PROTO).lookupType('perftools.profiles.Profile');
    // Both must agree on the sample count, or the comparison is meaningless. A reflective decode
    // has no static type: `sample` is profile.proto's repeated Sample field.
    const a = /** @type {unknown[]} */ (Profile.decode(raw).sample).length;
    const b = decodeProtobuf(raw).samples.count;
    if (a !== b) throw new Error(`sample counts differ: protobufjs ${a}, heapgate ${b}`);
    const res = await compare({ protobufjs: () => Profile.decode(raw), heapgate: () => decodeProtobuf(raw) }, runs);
    /** @type {MicroTaskInfo} */
    const input = { task, file, rawBytes: raw.length, samples: a, long: protobuf.util.Long !== undefined };
    return Object.assign(input, res);
  }
  if (task === 'gunzip') {
    const file = operand(args, 0, 'gunzip FILE RUNS');
    const runs = runCount(operand(args, 1, 'gunzip FILE RUNS'));
    const { ungzip } = await import('pako');
    const gz = readFileSync(file);
    if (!Buffer.from(ungzip(gz)).equals(gunzipSync(gz))) throw new Error('pako and zlib disagree');
    const res = await compare({ pako: () => ungzip(gz), zlib: () => gunzipSync(gz) }, runs);
    /** @type {MicroTaskInfo} */
    const input = { task, file, gzBytes: gz.length, rawBytes: gunzipSync(gz).length };
    return Object.assign(input, res);
  }
  if (task === 'load') {
    const base = operand(args, 0, 'load BASE CUR RUNS');
    const current = operand(args, 1, 'load BASE CUR RUNS');
    const runs = runCount(operand(args, 2, 'load BASE CUR RUNS'));
    /** @type {import('../../src/ports.ts').ProfileSource[]} */
    const sources = [
      { role: 'base', label: base, path: base },
      { role: 'current', label: current, path: current },
    ];
    const workers = createProfileLoader({ mode: 'worker' });
    const inline = createProfileLoader({ mode: 'inline' });
    const res = await compare({ workers: () => workers(sources, []), sequential: () => inline(sources, []) }, runs);
    /** @type {MicroTaskInfo} */
    const input = { task, base, current };
    return Object.assign(input, res);
  }
  throw new Error(`unknown task ${task}`);
}

if (!isProfileWorker()) {
  const result = await main(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
