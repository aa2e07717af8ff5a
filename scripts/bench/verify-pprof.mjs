// Checks a generated profile with the reference reader: `go tool pprof -raw` must read it, and
// its sample count, per-type value totals, `bytes` label total and location count must equal what
// the generator meant to write (computed before encoding, so an encoding slip shows up here).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What `pprof -raw` shows of a profile, in the terms the generator's SyntheticStats uses.
 * @typedef {object} RawSummary
 * @property {number} samples
 * @property {number[]} totals value totals per sample type (empty when there are no samples)
 * @property {number} labels number of `bytes` labels
 * @property {number} labelTotal sum of the `bytes` labels
 * @property {number} locations
 */

/**
 * Parses `pprof -raw` output: samples, value totals per sample type, `bytes` label total, locations.
 * @param {string} text
 * @returns {RawSummary}
 */
export function parseRaw(text) {
  let samples = 0;
  let labelTotal = 0;
  let labels = 0;
  let locations = 0;
  /** @type {number[] | null} */
  let totals = null;
  let section = '';
  for (const line of text.split('\n')) {
    if (/^(Samples|Locations|Mappings):?/.test(line)) section = line.replace(/:?\s*$/, '');
    const sample = section === 'Samples' && /^\s*(-?\d+(?:\s+-?\d+)*):(?:\s|$)/.exec(line);
    const sampleValues = sample ? sample[1] : undefined;
    if (sampleValues !== undefined) {
      const values = sampleValues.trim().split(/\s+/).map(Number);
      const sums = (totals ??= values.map(() => 0));
      // A sample with more values than the first gives the extra sample type a NaN total: a mismatch.
      values.forEach((v, t) => (sums[t] = (sums[t] ?? NaN) + v));
      samples++;
      continue;
    }
    const label = section === 'Samples' && /^\s+bytes:\[(\d+)\]\s*$/.exec(line);
    if (label) {
      labelTotal += Number(label[1]);
      labels++;
      continue;
    }
    if (section === 'Locations' && /^\s*\d+: 0x[0-9a-f]+ /.test(line)) locations++;
  }
  return { samples, totals: totals ?? [], labels, labelTotal, locations };
}

/**
 * Runs pprof -raw on `file` and compares with `expected`.
 * Returns the list of mismatches (empty when the file reads back as intended).
 * @param {string} file
 * @param {Pick<import('./synthetic.mjs').SyntheticStats, 'samples' | 'totals' | 'labelTotal' | 'locations'>} expected
 * @returns {string[]}
 */
export function verifyWithPprof(file, expected) {
  const home = mkdtempSync(join(tmpdir(), 'heapgate-gen-pprof-'));
  try {
    const r = spawnSync('go', ['tool', 'pprof', '-symbolize=none', '-raw', file], {
      encoding: 'utf8',
      maxBuffer: 2 ** 31 - 1,
      env: { ...process.env, HOME: home, PPROF_TMPDIR: home },
    });
    if (r.status !== 0) return [`go tool pprof -raw failed: ${(r.stderr || String(r.error)).trim().split('\n')[0]}`];
    const got = parseRaw(r.stdout);
    /** @type {string[]} */
    const problems = [];
    /**
     * @param {string} what
     * @param {number | undefined} a what pprof read
     * @param {number} b what the generator wrote
     */
    const same = (what, a, b) => a !== b && problems.push(`${what}: pprof reads ${a}, generator wrote ${b}`);
    same('samples', got.samples, expected.samples);
    same('bytes labels', got.labels, expected.samples);
    same('bytes label total', got.labelTotal, expected.labelTotal);
    same('locations', got.locations, expected.locations);
    same('sample types', got.totals.length, expected.totals.length);
    expected.totals.forEach((t, i) => same(`total of sample type ${i}`, got.totals[i], t));
    return problems;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
