/**
 * A series of merges through the bundled CLI, as a new user would run it and as the Action does on
 * pushes to main: each run checked with `heapgate check` against a directory store, then stored with
 * `heapgate baseline put` — accepted (`--accepted-by`) when its check failed, as a team merging a
 * failing pull request with the accept label does. Exact profiles (Go's legacy heap text at
 * MemProfileRate 1, one retaining stack) with ±1.5 % noise: a flat stretch, a creep of +10 % per
 * merge, then unchanged runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normal, prng } from '../helpers/series-sim.js';
import { assertDistCurrent, builtCli, runCli } from '../helpers/dist.js';

/** A legacy heap profile whose one stack retains `bytes` in 1,000 objects (rate 1: exact). */
function legacyProfile(bytes: number): string {
  const b = Math.round(bytes);
  return (
    `heap profile: 1000: ${b} [2000: ${2 * b}] @ heap/2\n` +
    `1000: ${b} [2000: ${2 * b}] @ 0x1000 0x2000\n` +
    '#\t0x1000\tmain.(*Cache).Put+0x1\t/src/cache.go:10\n' +
    '#\t0x2000\tmain.main+0x1\t/src/main.go:20\n\n'
  );
}

const FLAT = 12;
const CREEP = 4;
const AFTER = 3;

interface Step {
  readonly i: number;
  readonly code: number | null;
  readonly json: {
    verdict: string;
    metrics: {
      sampleType: string;
      status: string;
      drift: { status: string; rises: { pullRequest?: number }[] } | null;
    }[];
  } | null;
}

let tmp: string;
const steps: Step[] = [];
let failingText = '';
let historyArgs: string[] = [];

beforeAll(() => {
  assertDistCurrent();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-drift-'));
  const cli = builtCli();
  const rnd = prng(17);
  let level = 64 * 1024 * 1024;
  const store = join(tmp, 'store');
  const args = ['--store', store, '--series', 'cache', '--branch', 'main'];
  historyArgs = ['baseline', 'history', ...args, '--steps'];
  for (let i = 0; i < FLAT + CREEP + AFTER; i++) {
    if (i >= FLAT && i < FLAT + CREEP) level *= 1.1;
    const file = join(tmp, `run-${i}.heap.txt`);
    writeFileSync(file, legacyProfile(level * (1 + 0.015 * normal(rnd))));
    let failed = false;
    if (i > 0) {
      const r = runCli(cli, ['check', file, ...args, '--format', 'json'], tmp);
      steps.push({ i, code: r.code, json: r.stdout === '' ? null : JSON.parse(r.stdout) });
      failed = r.code === 1;
      if (failed && failingText === '') failingText = runCli(cli, ['check', file, ...args], tmp).stdout;
    }
    const sha = `${(0xabc000 + i).toString(16)}${'0'.repeat(34)}`;
    const time = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    const put = ['baseline', 'put', file, ...args, '--sha', sha, '--commit-time', time, '--pull-request', `${100 + i}`];
    const p = runCli(cli, [...put, ...(failed ? ['--accepted-by', 'alice'] : [])], tmp);
    if (p.code !== 0) throw new Error(`baseline put ${i}: ${p.stderr}`);
  }
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const space = (s: Step) => s.json!.metrics.find((m) => m.sampleType === 'inuse_space')!;

test('a flat series is quiet once calibrated', () => {
  const calibrated = steps.filter((s) => s.i >= 6 && s.i < FLAT);
  expect(calibrated.map((s) => [s.i, s.code])).toEqual(calibrated.map((s) => [s.i, 0]));
});

test('the creep fails by its second merge (+21 % since the level before it), by drift', () => {
  const creep = steps.filter((s) => s.i >= FLAT && s.i < FLAT + CREEP);
  const first = creep.findIndex((s) => s.code === 1);
  expect(first).toBeGreaterThanOrEqual(0);
  expect(first).toBeLessThanOrEqual(1);
  const failing = creep[first]!;
  expect(space(failing).drift?.status).toBe('fail');
  // The merges that rose the series are named by their pull requests.
  expect(space(failing).drift!.rises.map((r) => r.pullRequest)).toContain(100 + FLAT);
  expect(failingText).toMatch(/inuse_space crept \+\d+\.\d% over \d+ merges? since [0-9a-f]{7} \(#\d+\)/);
});

test('after the creep, its failing merges accepted, unchanged runs pass', () => {
  const after = steps.filter((s) => s.i >= FLAT + CREEP);
  expect(after.map((s) => [s.i, s.code, s.json!.verdict])).toEqual(after.map((s) => [s.i, 0, 'pass']));
  // Drift is measured from the accepted level, which the report names.
  const d = space(after[after.length - 1]!).drift as unknown as { accepted: boolean; acceptedBy: string | null };
  expect(d).toMatchObject({ accepted: true, acceptedBy: 'alice' });
});

test('baseline history --steps shows the levels and the steps with their commits and pull requests', () => {
  const text = runCli(builtCli(), historyArgs, tmp);
  expect(text.code).toBe(0);
  const block = text.stdout.split('\n');
  const head = block.find((l) => l.startsWith('inuse_space (bytes): '))!;
  // The flat stretch, one level per creep merge, the accepted ones named.
  expect(head).toMatch(/^inuse_space \(bytes\): (\d+) levels, (\d+) steps$/);
  expect(text.stdout).toMatch(
    /^ {2}level 1: abc000000000 \(#100\) … abc00b000000 \(#111\), 12 baselines, mean [\d.]+ MiB, σ within \d\.\d%$/m,
  );
  expect(text.stdout).toMatch(/^ {2}step \+\d+\.\d% at abc00c000000 \(#112\), 2026-01-01T00:12:00\.000Z$/m);
  expect(text.stdout).toMatch(/accepted by alice$/m);
  const json = JSON.parse(runCli(builtCli(), [...historyArgs, '--format', 'json'], tmp).stdout);
  const space = json.sampleTypes.find((t: { sampleType: string }) => t.sampleType === 'inuse_space');
  expect(json).toMatchObject({ series: 'cache', branch: 'main' });
  expect(space.levels[0]).toMatchObject({ baselines: 12, first: { pullRequest: 100 }, last: { pullRequest: 111 } });
  expect(space.steps[0].at.pullRequest).toBe(112);
  expect(space.steps[0].percent).toBeGreaterThan(5);
  expect(space.steps).toHaveLength(space.levels.length - 1);
});
