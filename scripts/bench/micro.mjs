// Builds the micro-benchmark bundle (micro-entry.mjs + heapgate's sources) and runs its tasks in
// fresh processes, one per task and input, so heaps and JIT state do not leak between them.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { join } from 'node:path';
import { OUT_DIR } from './cases.mjs';

const BUNDLE = join(OUT_DIR, 'micro.mjs');

/**
 * One comparison: what micro-entry printed, the case it ran on, and the two contenders, whose
 * figures are under their own names.
 * @typedef {import('./micro-entry.mjs').MicroTaskOutput & { case: string, contenders: [string, string] }} MicroResult
 */

/** @typedef {{ results: MicroResult[] }} MicroResults */

/** Bundles micro-entry.mjs with heapgate's sources into bench/out/micro.mjs. */
export async function buildMicroBundle() {
  await build({
    entryPoints: ['scripts/bench/micro-entry.mjs'],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Resolved from node_modules at run time, exactly as the libraries ship.
    external: ['protobufjs', 'pako'],
    logLevel: 'warning',
  });
}

/**
 * Runs one task of the bundle in a fresh process and returns what it printed.
 * @param {readonly string[]} args
 * @returns {import('./micro-entry.mjs').MicroTaskOutput}
 */
function runTask(args) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', BUNDLE, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(`micro ${args.join(' ')} failed: ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '');
}

/**
 * A task's output labelled with its case and contenders, which come first in results.json.
 * @param {string} id the case
 * @param {[string, string]} contenders
 * @param {import('./micro-entry.mjs').MicroTaskOutput} output
 * @returns {MicroResult}
 */
function labelled(id, contenders, output) {
  return Object.assign({ case: id, contenders }, output);
}

/**
 * Runs decode and gunzip comparisons on each synthetic case's base profile, and the parallel-load
 * comparison on every case's pair. `cases` are entries of
 * defineCases(); `runsFor(case)` gives the number of timed runs.
 * @param {readonly import('./cases.mjs').BenchCase[]} cases
 * @param {object} options
 * @param {(c: import('./cases.mjs').BenchCase) => number} options.runsFor
 * @param {import('./cases.mjs').Log} options.log
 * @returns {Promise<MicroResults>}
 */
export async function runMicro(cases, { runsFor, log }) {
  await buildMicroBundle();
  /** @type {MicroResult[]} */
  const results = [];
  for (const c of cases) {
    const runs = String(runsFor(c));
    // Real fixtures are a few kB: only the start-up cost of workers is worth measuring on them.
    if (c.shape) {
      log(`micro: ${c.id} decode`);
      results.push(labelled(c.id, ['protobufjs', 'heapgate'], runTask(['decode', c.files.base, runs])));
      log(`micro: ${c.id} gunzip`);
      results.push(labelled(c.id, ['pako', 'zlib'], runTask(['gunzip', c.files.base, runs])));
    }
    log(`micro: ${c.id} load`);
    results.push(labelled(c.id, ['sequential', 'workers'], runTask(['load', c.files.base, c.files.current, runs])));
  }
  return { results };
}
