// The benchmark cases: which profile pairs, how many runs, and the targets heapgate must meet.
// Synthetic pairs are generated into bench/out/ when missing (file names carry the shape and seed,
// so a different shape never reuses stale files).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { generateProfile } from './synthetic.mjs';

/** @typedef {import('./synthetic.mjs').SyntheticShape} SyntheticShape */
/** @typedef {(msg: string) => void} Log progress messages (to stderr) */

/**
 * The two profiles of a case, as paths.
 * @typedef {object} ProfilePair
 * @property {string} base
 * @property {string} current
 */

/**
 * What heapgate must achieve on a case: `wallMs` is an absolute median; `wallRatio` and `rssRatio`
 * bound heapgate's median over pprof's.
 * @typedef {object} Targets
 * @property {number} [wallMs]
 * @property {number} [wallRatio]
 * @property {number} [rssRatio]
 * @property {number} [rssMiB] an absolute median peak RSS
 */

/**
 * One benchmark case.
 * @typedef {object} BenchCase
 * @property {'real' | 'synth15k' | 'synth15kwide' | 'synth400k' | 'gzipbomb'} id
 * @property {string} title
 * @property {ProfilePair} files
 * @property {SyntheticShape} [shape] the shape a synthetic pair was generated with
 * @property {number} runs timed runs of each tool
 * @property {number} warmup untimed runs of each tool first
 * @property {Targets} target
 * @property {boolean} [refused] hostile input: both tools must refuse it (exit non-zero), heapgate with exit 2
 */

/**
 * Sizes of a profile file in bytes; `raw` equals `gz` when the file is not gzipped.
 * @typedef {object} FileSizes
 * @property {number} gz the file's size
 * @property {number} raw the protobuf's size
 */

export const OUT_DIR = 'bench/out';
const SEED = 'heapgate';

/**
 * The synthetic shapes of cases 2–4 (see BENCHMARKS.md for why 400k uses 160k locations): the wide
 * 15k pair gives every location its own function, so its report has four times the rows.
 */
export const SHAPES = {
  synth15k: { samples: 15000, locations: 80000, functions: 20000, seed: SEED },
  synth15kwide: { samples: 15000, locations: 80000, functions: 80000, seed: SEED },
  synth400k: { samples: 400000, locations: 160000, functions: 40000, seed: SEED },
};

/**
 * @param {SyntheticShape} s
 * @returns {string}
 */
function shapeName(s) {
  return `synth-s${s.samples}-l${s.locations}-f${s.functions}-${s.seed}`;
}

/**
 * Paths of a synthetic pair, generating it first if either file is missing or `regenerate` is set.
 * @param {SyntheticShape} shape
 * @param {object} [options]
 * @param {boolean} [options.regenerate]
 * @param {Log} [options.log]
 * @returns {ProfilePair}
 */
export function ensureSyntheticPair(shape, { regenerate = false, log = () => {} } = {}) {
  mkdirSync(OUT_DIR, { recursive: true });
  const prefix = join(OUT_DIR, shapeName(shape));
  /** @type {ProfilePair} */
  const files = { base: `${prefix}.base.pb.gz`, current: `${prefix}.current.pb.gz` };
  for (const variant of /** @type {const} */ (['base', 'current'])) {
    if (!regenerate && existsSync(files[variant])) continue;
    log(`generating ${files[variant]}`);
    const { gz } = generateProfile(shape, variant);
    writeFileSync(files[variant], gz);
  }
  return files;
}

/**
 * A real Go heap profile pair: the largest good/regressed pair (any rate, heap or allocs) under
 * __tests__/fixtures/go/ (made by scripts/make-fixtures.sh), else examples/regression. Null when
 * neither exists yet.
 * @returns {ProfilePair | null}
 */
export function findRealPair() {
  const root = '__tests__/fixtures/go';
  /** @type {(ProfilePair & { size: number }) | null} */
  let best = null;
  if (existsSync(root)) {
    for (const dir of readdirSync(root).sort()) {
      for (const name of ['rate1.allocs', 'rate1.heap', 'rate524288.allocs', 'rate524288.heap']) {
        const base = join(root, dir, `good.${name}.pb.gz`);
        const current = join(root, dir, `regressed.${name}.pb.gz`);
        if (!existsSync(base) || !existsSync(current)) continue;
        const size = statSync(base).size + statSync(current).size;
        if (best === null || size > best.size) best = { base, current, size };
      }
    }
  }
  if (best !== null) return { base: best.base, current: best.current };
  const ex = { base: 'examples/regression/base.heap.pb.gz', current: 'examples/regression/current.heap.pb.gz' };
  return existsSync(ex.base) && existsSync(ex.current) ? ex : null;
}

/**
 * Raw and gzipped sizes of a profile file, in bytes.
 * @param {string} path
 * @returns {FileSizes}
 */
export function fileSizes(path) {
  const gz = readFileSync(path);
  const raw = gz[0] === 0x1f && gz[1] === 0x8b ? gunzipSync(gz).length : gz.length;
  return { gz: gz.length, raw };
}

/**
 * A gzip bomb: `members` gzip members of 1 MiB of zeros each (about 1 KiB apiece), so a 1 MiB file
 * that inflates to `members` MiB.
 * @param {number} [members]
 * @returns {ProfilePair}
 */
export function ensureGzipBomb(members = 1024) {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `gzip-bomb-${members}MiB.pb.gz`);
  if (!existsSync(file)) {
    const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
    writeFileSync(file, Buffer.concat(Array.from({ length: members }, () => member)));
  }
  return { base: file, current: file };
}

/**
 * The cases. Targets: `wallMs` absolute median; `wallRatio` / `rssRatio` of heapgate's
 * median over pprof's.
 * @param {object} options
 * @param {boolean} options.regenerate regenerate the synthetic pairs even if present
 * @param {Log} options.log
 * @param {boolean} options.quick fewer runs
 * @returns {BenchCase[]}
 */
export function defineCases({ regenerate, log, quick }) {
  /** @type {BenchCase[]} */
  const cases = [];
  const real = findRealPair();
  if (real !== null) {
    cases.push({
      id: 'real',
      title: 'real Go heap profiles',
      files: real,
      runs: quick ? 3 : 15,
      warmup: 1,
      target: { wallMs: 100 },
    });
  } else {
    log('no real Go profile pair yet (__tests__/fixtures/go/ or examples/): skipping case 1');
  }
  cases.push({
    id: 'synth15k',
    title: 'synthetic 15k samples',
    shape: SHAPES.synth15k,
    files: ensureSyntheticPair(SHAPES.synth15k, { regenerate, log }),
    runs: quick ? 3 : 7,
    warmup: 1,
    target: { wallRatio: 0.15 },
  });
  cases.push({
    id: 'synth15kwide',
    title: 'synthetic 15k samples, 80k functions',
    shape: SHAPES.synth15kwide,
    files: ensureSyntheticPair(SHAPES.synth15kwide, { regenerate, log }),
    runs: quick ? 3 : 7,
    warmup: 1,
    target: { wallRatio: 0.4 },
  });
  cases.push({
    id: 'synth400k',
    title: 'synthetic 400k samples',
    shape: SHAPES.synth400k,
    files: ensureSyntheticPair(SHAPES.synth400k, { regenerate, log }),
    runs: quick ? 1 : 3,
    warmup: 0,
    target: { wallRatio: 0.02, rssRatio: 0.08 },
  });
  cases.push({
    id: 'gzipbomb',
    title: 'a gzip bomb (1 MiB that inflates to 1 GiB of zeros), refused',
    files: ensureGzipBomb(),
    runs: quick ? 1 : 3,
    warmup: 0,
    target: { wallMs: 2000, rssMiB: 300 },
    refused: true,
  });
  return cases;
}
