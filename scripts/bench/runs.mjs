#!/usr/bin/env node
// `node scripts/bench/runs.mjs [--runs N] [--cli PATH]`: what several runs per side cost
// `heapgate diff`, side by side with `go tool pprof -top -diff_base` on the same files (pprof sums
// the runs of each side; heapgate compares their per-run means). One, five and ten runs a side of
// the noisy server fixtures (workloads/noisyload, rate 1, a GC before the write). Runs alternate
// between the tools; prints the medians (wall time and peak RSS) as BENCHMARKS.md lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rssMethod, runOnce, stats } from './measure.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, cli: { type: 'string' } } });
const cli = values.cli ?? 'dist/cli.js';
const repeats = Number(values.runs);
const DIR = '__tests__/fixtures/noisy/server/gc.rate1';
/** @param {string} prefix @param {number} n */
const files = (prefix, n) => Array.from({ length: n }, (_, i) => `${DIR}/${prefix}-${i + 1}.heap.pb.gz`);
const rss = rssMethod();
const home = mkdtempSync(join(tmpdir(), 'heapgate-bench-runs-'));
const pprofEnv = { ...process.env, HOME: home, PPROF_TMPDIR: home };
try {
  /** @type {{ label: string, cmd: string, args: (n: number) => string[], env?: NodeJS.ProcessEnv }[]} */
  const tools = [
    {
      label: 'heapgate diff',
      cmd: process.execPath,
      args: (n) => [
        cli,
        'diff',
        files('good', n).join(','),
        files('regressed', Math.min(n, 5)).join(','),
        '--format',
        'json',
      ],
    },
    {
      label: 'go tool pprof -top -diff_base',
      cmd: 'go',
      env: pprofEnv,
      args: (n) => [
        'tool',
        'pprof',
        '-top',
        '-sample_index=inuse_space',
        ...files('good', n).map((f) => `-diff_base=${f}`),
        ...files('regressed', Math.min(n, 5)),
      ],
    },
  ];
  for (const n of [1, 5, 10]) {
    /** @type {Map<string, { wall: number[], rss: number[] }>} */
    const results = new Map(tools.map((t) => [t.label, { wall: [], rss: [] }]));
    for (const t of tools)
      runOnce(t.cmd, t.args(n), { env: t.env, method: rss.method, okStatus: (s) => s === 0 || s === 1 });
    for (let r = 0; r < repeats; r++) {
      for (const t of r % 2 === 0 ? tools : [...tools].reverse()) {
        const res = runOnce(t.cmd, t.args(n), { env: t.env, method: rss.method, okStatus: (s) => s === 0 || s === 1 });
        const m = results.get(t.label) ?? { wall: [], rss: [] };
        m.wall.push(res.wallMs);
        if (res.rssKiB !== null) m.rss.push(res.rssKiB);
      }
    }
    for (const [label, m] of results) {
      const w = stats(m.wall);
      const p = stats(m.rss);
      console.log(
        `| ${n} base, ${Math.min(n, 5)} current | ${label} | ${w.median?.toFixed(0)} ms (${w.min?.toFixed(0)} – ` +
          `${w.max?.toFixed(0)}) | ${p.median === null ? 'n/a' : `${(p.median / 1024).toFixed(1)} MiB`} |`,
      );
    }
  }
  console.log(`runs: ${repeats} each, alternating; ${rss.describe}`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
