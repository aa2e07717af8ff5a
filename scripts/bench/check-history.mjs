#!/usr/bin/env node
// `node scripts/bench/check-history.mjs [--runs N] [--cli PATH]`: what reading a 30-baseline
// history costs `heapgate check`. Stores 31 baselines of one series in a temporary directory store
// (`heapgate baseline put`, alternating the good and regressed cache fixtures), then times
// `heapgate check CURRENT --history 30` against `--history 0` on the same store, runs alternating,
// and prints the medians (wall time and peak RSS) as a BENCHMARKS.md line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rssMethod, runOnce, stats } from './measure.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, cli: { type: 'string' } } });
const cli = values.cli ?? 'dist/cli.js';
const runs = Number(values.runs);
/** @param {string} v */
const fixture = (v) => `__tests__/fixtures/go/cache/${v}.rate1.heap.pb.gz`;
const store = mkdtempSync(join(tmpdir(), 'heapgate-bench-history-'));
try {
  for (let i = 0; i < 31; i++) {
    const sha = (i + 1).toString(16).padStart(40, '0');
    const time = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    const put = spawnSync(process.execPath, [
      cli,
      'baseline',
      'put',
      fixture(i % 2 === 0 ? 'good' : 'good-rerun'),
      '--store',
      store,
      '--series',
      'bench',
      '--branch',
      'main',
      '--sha',
      sha,
      '--commit-time',
      time,
    ]);
    if (put.status !== 0) throw new Error(`baseline put failed: ${put.stderr}`);
  }
  const rss = rssMethod();
  /** @param {number} history */
  const check = (history) => [
    cli,
    'check',
    fixture('good-rerun'),
    '--store',
    store,
    '--series',
    'bench',
    '--branch',
    'main',
    '--format',
    'json',
    '--history',
    String(history),
  ];
  /** @type {{ wall: number[], rss: number[] }} */
  const withHistory = { wall: [], rss: [] };
  /** @type {{ wall: number[], rss: number[] }} */
  const without = { wall: [], rss: [] };
  /** @param {number} h */
  const of = (h) => (h === 0 ? without : withHistory);
  for (const h of [30, 0]) runOnce(process.execPath, check(h), { method: rss.method, okStatus: (s) => s === 0 });
  for (let r = 0; r < runs; r++) {
    for (const h of r % 2 === 0 ? [30, 0] : [0, 30]) {
      const res = runOnce(process.execPath, check(h), { method: rss.method, okStatus: (s) => s === 0 });
      of(h).wall.push(res.wallMs);
      if (res.rssKiB !== null) of(h).rss.push(res.rssKiB);
    }
  }
  /** @param {number} h */
  const fmt = (h) => {
    const w = stats(of(h).wall);
    const r = stats(of(h).rss);
    return (
      `${w.median?.toFixed(0)} ms (min ${w.min?.toFixed(0)}, max ${w.max?.toFixed(0)}), ` +
      `peak RSS ${r.median === null ? 'n/a' : `${(r.median / 1024).toFixed(1)} MiB`}`
    );
  };
  console.log(`check, 30-baseline history: ${fmt(30)}`);
  console.log(`check, no history (--history 0): ${fmt(0)}`);
  console.log(`runs: ${runs} each, alternating; ${rss.describe}`);
} finally {
  rmSync(store, { recursive: true, force: true });
}
