#!/usr/bin/env node
// `npm run demo`: runs the bundled CLI on the example profile pairs in examples/ and checks the
// verdicts: examples/regression must fail (exit 1), examples/no-change must not fail (exit 0).
// Needs nothing but Node: no network, no cloud account. Exits 0 only when both came out as expected.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');

if (!existsSync(cli)) {
  console.log('dist/cli.js not found: building it (npm run bundle)');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const cases = [
  {
    title: 'A real regression: an unbounded cache replaces an LRU',
    args: ['examples/regression/base.heap.pb.gz', 'examples/regression/current.heap.pb.gz'],
    expectedExit: 1,
    expected: 'fail',
  },
  {
    title: 'No change: the same program run twice (sampling noise only)',
    args: ['examples/no-change/base.allocs.pb.gz', 'examples/no-change/current.allocs.pb.gz'],
    expectedExit: 0,
    expected: 'not a fail: inconclusive, as one sampled profile per side cannot tell',
  },
];

let ok = true;
for (const c of cases) {
  const command = ['heapgate', 'diff', ...c.args].join(' ');
  console.log(`\n=== ${c.title}\n$ ${command}\n`);
  const r = spawnSync(process.execPath, [cli, 'diff', ...c.args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const good = r.status === c.expectedExit;
  ok &&= good;
  const verdict = good ? `as expected (${c.expected})` : `UNEXPECTED, wanted exit ${c.expectedExit} (${c.expected})`;
  console.log(`--> exit ${r.status}: ${verdict}`);
}

console.log(ok ? '\ndemo: both verdicts as expected' : '\ndemo: a verdict was not as expected');
process.exit(ok ? 0 : 1);
