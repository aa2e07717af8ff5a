#!/usr/bin/env node
// Fuzzes the bundled CLI as a process with mutated inputs: pprof profiles (mutated inside the gzip
// and as raw bytes), legacy heap texts, tcmalloc texts, go test -bench output, and run bundles (tars
// of several profiles) stored in a directory store. Every run must end within its time bound with
// exit 0 or 1 and a report (JSON that parses), or exit 2/3 with exactly one line on stderr that
// starts "heapgate: " and holds no stack trace: never exit 70, never a signal, never a hang.
//
//   node scripts/fuzz-cli.mjs [--seed S] [--count N] [--seconds T] [--cli dist/cli.js] [--keep DIR]
//
// Defaults: seed 18, 300 cases, at most 300 s. The same seed gives the same cases. A failing case
// is printed with its number and mutation, and its input kept in --keep (default: a temp dir).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { makeRandom } from './bench/prng.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '18' },
    count: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '300' },
    cli: { type: 'string', default: join(ROOT, 'dist', 'cli.js') },
    keep: { type: 'string' },
  },
});
const count = Number(values.count);
const deadline = Date.now() + Number(values.seconds) * 1000;
const random = makeRandom(values.seed);
/** @param {number} n */
const int = (n) => Math.floor(random() * n);
/** Each run's own bound: far above a healthy run (well under a second), far below a hang. */
const RUN_TIMEOUT_MS = 20_000;

/** @param {string} p */
const fixture = (p) => join(ROOT, '__tests__', 'fixtures', p);
const SEEDS = {
  profile: [
    join(ROOT, 'examples/regression/base.heap.pb.gz'),
    join(ROOT, 'examples/no-change/base.allocs.pb.gz'),
    fixture('go/cache/good.rate1.heap.pb.gz'),
    fixture('node/cache.good.heap.pb.gz'),
  ],
  text: [
    fixture('go/cache/regressed.rate524288.heap.legacy.txt'),
    fixture('tcmalloc/good.heapz.txt'),
    fixture('tcmalloc/good.heapprofile.txt'),
  ],
  bench: [fixture('gobench/good.count6.bench'), fixture('gobench/good.count1.bench')],
};

/** @typedef {(b: Buffer) => Buffer} Mutation */
/** The mutations, each (bytes) → bytes. @type {Record<string, Mutation>} */
const MUTATIONS = {
  flip: (b) => {
    const out = Buffer.from(b);
    for (let i = 0, n = 1 + int(8); i < n && out.length > 0; i++) {
      const at = int(out.length);
      out[at] = (out[at] ?? 0) ^ (1 << int(8));
    }
    return out;
  },
  byte: (b) => {
    const out = Buffer.from(b);
    const values = [0x00, 0xff, 0x7f, 0x80, 0x0a, 0x20];
    for (let i = 0, n = 1 + int(4); i < n && out.length > 0; i++)
      out[int(out.length)] = values[int(values.length)] ?? 0;
    return out;
  },
  truncate: (b) => b.subarray(0, int(b.length)),
  insert: (b) => {
    const at = int(b.length + 1);
    const junk = Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256)));
    return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
  },
  remove: (b) => {
    const at = int(b.length);
    return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + int(32))]);
  },
  duplicate: (b) => {
    const at = int(b.length);
    const len = 1 + int(Math.min(512, b.length - at));
    return Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
  },
  varint: (b) => {
    // A run of continuation bytes: a huge length or count where the decoder expects a small one.
    const at = int(b.length);
    return Buffer.concat([b.subarray(0, at), Buffer.alloc(1 + int(10), 0xff), b.subarray(at)]);
  },
};
const NAMES = Object.keys(MUTATIONS);
/** Mutations that keep the length (a stored bundle's size is checked against its metadata). */
const SAME_SIZE = ['flip', 'byte'];

/** @param {Buffer} b */
const isGzip = (b) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * @param {Buffer} bytes
 * @param {readonly string[]} names
 * @returns {{ name: string; bytes: Buffer }}
 */
function mutate(bytes, names) {
  const name = names[int(names.length)] ?? 'flip';
  const mutation = MUTATIONS[name];
  if (mutation === undefined) throw new Error(`no mutation ${name}`);
  return { name, bytes: mutation(bytes) };
}

/**
 * @typedef {{ code: number | null; signal: string | null; killed: boolean; stdout: string; stderr: string }} Run
 * @param {readonly string[]} args
 * @param {string} cwd
 * @returns {Promise<Run>}
 */
function runCli(args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [values.cli, ...args], { cwd, env: { PATH: process.env.PATH } });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.stdout.on('data', (d) => (stdout.length < 1 << 24 ? (stdout += d) : undefined));
    child.stderr.on('data', (d) => (stderr.length < 1 << 20 ? (stderr += d) : undefined));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, killed, stdout, stderr });
    });
  });
}

/**
 * What is wrong with a run's outcome, or null.
 * @param {Run} r
 * @param {readonly number[]} allowed
 * @returns {string | null}
 */
function problem(r, allowed) {
  if (r.killed) return `no end within ${RUN_TIMEOUT_MS} ms`;
  if (r.signal !== null) return `killed by ${r.signal}`;
  if (r.code === null || !allowed.includes(r.code)) return `exit ${r.code}: ${r.stderr.split('\n')[0]}`;
  if (/\n\s+at /.test(r.stderr)) return 'a stack trace on stderr';
  if (r.code >= 2) {
    const lines = r.stderr.split('\n');
    if (lines.length !== 2 || lines[1] !== '' || !(lines[0] ?? '').startsWith('heapgate: ')) {
      return `not one "heapgate: " line on stderr: ${JSON.stringify(r.stderr.slice(0, 300))}`;
    }
    return null;
  }
  try {
    JSON.parse(r.stdout);
  } catch {
    return `exit ${r.code} without a JSON report`;
  }
  return null;
}

const work = mkdtempSync(join(tmpdir(), 'heapgate-fuzz-'));
const keep = values.keep ?? join(work, 'failures');
const SHA = 'f'.repeat(40);

/** A directory store with one bundle of three runs, for the bundle cases (copied per case). */
function bundleStore() {
  const dir = join(work, 'bundle-store');
  const r = spawnSync(
    process.execPath,
    [
      values.cli,
      'baseline',
      'put',
      ...SEEDS.profile.slice(0, 1).flatMap((p) => [p, p, p]),
      '--store',
      dir,
      '--series',
      'fuzz',
      '--sha',
      SHA,
    ],
    { encoding: 'utf8', env: { PATH: process.env.PATH } },
  );
  if (r.status !== 0) throw new Error(`seeding the bundle store failed: ${r.stderr}`);
  return dir;
}

/**
 * @param {string} from
 * @param {string} to
 */
function copyDir(from, to) {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyDir(join(from, e.name), join(to, e.name));
    else copyFileSync(join(from, e.name), join(to, e.name));
  }
}

/**
 * @typedef {{ kind: string; mutation: string; input: string; args: string[]; allowed: number[]; dir: string }} Case
 */
/**
 * Case i: its kind, mutation, input file and CLI arguments.
 * @param {number} i
 * @param {string} bundles
 * @returns {Case}
 */
function makeCase(i, bundles) {
  const dir = join(work, `case-${i}`);
  mkdirSync(dir);
  const kind = ['profile', 'profile', 'gzip-inner', 'text', 'bench', 'bundle'][int(6)] ?? 'profile';
  if (kind === 'bundle') {
    const store = join(dir, 'store');
    copyDir(bundles, store);
    const file = join(store, 'fuzz', 'main', 'commits', SHA, 'profile.pb.gz');
    const m = mutate(readFileSync(file), SAME_SIZE);
    writeFileSync(file, m.bytes);
    const args = ['check', SEEDS.profile[0] ?? '', '--store', store, '--series', 'fuzz', '--format', 'json'];
    return { kind, mutation: m.name, input: file, args, allowed: [0, 1, 2, 3], dir };
  }
  const pool =
    kind === 'gzip-inner'
      ? SEEDS.profile
      : kind === 'text'
        ? SEEDS.text
        : kind === 'bench'
          ? SEEDS.bench
          : SEEDS.profile;
  const seed = pool[int(pool.length)] ?? SEEDS.profile[0] ?? '';
  const original = readFileSync(seed);
  /** @type {{ name: string; bytes: Buffer }} */
  let m;
  if (kind === 'gzip-inner' && isGzip(original)) {
    // Mutated inside the compression, so the damage reaches the protobuf decoder.
    const inner = mutate(gunzipSync(original), NAMES);
    m = { name: `inner-${inner.name}`, bytes: gzipSync(inner.bytes) };
  } else {
    m = mutate(original, NAMES);
  }
  const input = join(dir, `input${seed.endsWith('.gz') ? '.pb.gz' : '.txt'}`);
  writeFileSync(input, m.bytes);
  const args = ['diff', seed, input, '--format', 'json', '--max-profile-size', '64MiB'];
  return { kind, mutation: m.name, input, args, allowed: [0, 1, 2], dir };
}

const bundles = bundleStore();
const cases = Array.from({ length: count }, (_, i) => makeCase(i, bundles));
/** @type {Map<string, number>} */
const tally = new Map();
/** @type {string[]} */
const failures = [];
let next = 0;
let ran = 0;
async function worker() {
  while (next < cases.length && Date.now() < deadline) {
    const index = next++;
    const c = cases[index];
    if (c === undefined) break;
    const r = await runCli(c.args, c.dir);
    ran++;
    const key = `${c.kind} exit ${r.code}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    const why = problem(r, c.allowed);
    if (why !== null) {
      mkdirSync(keep, { recursive: true });
      const kept = join(keep, `case-${index}-${c.mutation}`);
      copyFileSync(c.input, kept);
      failures.push(`case ${index} (${c.kind}, ${c.mutation}): ${why}; input kept in ${kept}`);
    }
    rmSync(c.dir, { recursive: true, force: true });
  }
}
await Promise.all([worker(), worker()]);
rmSync(join(work, 'bundle-store'), { recursive: true, force: true });
const summary = [...tally]
  .sort()
  .map(([k, n]) => `${k}: ${n}`)
  .join(', ');
process.stdout.write(`fuzz seed ${values.seed}: ${ran} of ${count} cases run; ${summary}\n`);
for (const f of failures) process.stdout.write(`FAIL ${f}\n`);
if (values.keep === undefined && failures.length === 0) rmSync(work, { recursive: true, force: true });
process.exitCode = failures.length === 0 && ran > 0 ? 0 : 1;
