// Micro-benchmarks run in their own process, bundled by esbuild with heapgate's TypeScript sources
// into bench/out/micro.mjs (see micro.mjs). Usage: node --expose-gc bench/out/micro.mjs TASK ARGS...
//   decode FILE RUNS      protobufjs reflective Profile.decode vs heapgate decodeProtobuf
//   gunzip FILE RUNS      pako.ungzip vs node:zlib gunzipSync
//   load BASE CUR RUNS    decode+summarize both profiles on worker threads vs one after the other
// Prints one JSON object on stdout.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeProtobuf } from '../../src/core/decode/index.ts';
import { createProfileLoader } from '../../src/adapters/profile-loader.ts';
// In a worker thread started by the loader, profile-worker.ts does the job when loaded (the bundle
// is the worker's script); this file must then stay out of the way.
import { isProfileWorker } from '../../src/adapters/profile-worker.ts';

const PROTO = '__tests__/helpers/profile.proto';

function stats(ms) {
  const v = [...ms].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return { median: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, min: v[0], max: v[v.length - 1], n: v.length };
}

/** Retained heap of what `fn` returns, in MiB (needs --expose-gc), and its duration. */
async function measure(fn) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const t0 = process.hrtime.bigint();
  let result = await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  globalThis.gc?.();
  const after = process.memoryUsage();
  const retainedMiB = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20;
  result = null;
  return { ms, retainedMiB, keep: result };
}

/** Runs each contender `runs` times after one warm-up, alternating so machine load hits both alike. */
async function compare(contenders, runs) {
  const out = {};
  for (const [name, fn] of Object.entries(contenders)) {
    await fn();
    out[name] = { ms: [], retainedMiB: [] };
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const m = await measure(fn);
      out[name].ms.push(m.ms);
      out[name].retainedMiB.push(m.retainedMiB);
    }
  }
  for (const name of Object.keys(out)) {
    out[name] = { ...stats(out[name].ms), retainedMiB: stats(out[name].retainedMiB).median };
  }
  return out;
}

function rawBytes(file) {
  const bytes = readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

async function main(argv) {
  const [task, ...args] = argv;
  // The libraries are imported only by the tasks that use them: this file is also what a profile
  // worker loads, and must not make the worker's start-up look slower than it is.
  if (task === 'decode') {
    const { default: protobuf } = await import('protobufjs');
    if (!existsSync(PROTO)) throw new Error(`${PROTO} (google/pprof's proto/profile.proto) is missing`);
    const raw = rawBytes(args[0]);
    const Profile = protobuf.loadSync(PROTO).lookupType('perftools.profiles.Profile');
    // Both must agree on the sample count, or the comparison is meaningless.
    const a = Profile.decode(raw).sample.length;
    const b = decodeProtobuf(raw).samples.count;
    if (a !== b) throw new Error(`sample counts differ: protobufjs ${a}, heapgate ${b}`);
    const res = await compare(
      { protobufjs: () => Profile.decode(raw), heapgate: () => decodeProtobuf(raw) },
      Number(args[1]),
    );
    return { task, file: args[0], rawBytes: raw.length, samples: a, long: protobuf.util.Long !== undefined, ...res };
  }
  if (task === 'gunzip') {
    const { ungzip } = await import('pako');
    const gz = readFileSync(args[0]);
    if (!Buffer.from(ungzip(gz)).equals(gunzipSync(gz))) throw new Error('pako and zlib disagree');
    const res = await compare({ pako: () => ungzip(gz), zlib: () => gunzipSync(gz) }, Number(args[1]));
    return { task, file: args[0], gzBytes: gz.length, rawBytes: gunzipSync(gz).length, ...res };
  }
  if (task === 'load') {
    const sources = [
      { role: 'base', label: args[0], path: args[0] },
      { role: 'current', label: args[1], path: args[1] },
    ];
    const workers = createProfileLoader({ mode: 'worker' });
    const inline = createProfileLoader({ mode: 'inline' });
    const res = await compare(
      { workers: () => workers(sources, []), sequential: () => inline(sources, []) },
      Number(args[2]),
    );
    return { task, base: args[0], current: args[1], ...res };
  }
  throw new Error(`unknown task ${task}`);
}

if (!isProfileWorker()) {
  const result = await main(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
