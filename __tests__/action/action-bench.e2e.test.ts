/**
 * The bundled action (dist/index.js) with Go benchmark output as its `profile`, run as the runner
 * runs it against a directory store and a local GitHub REST server: a push stores the output of
 * workloads/gobench as the baseline, a pull request with a rerun of the same code passes, and one
 * with the regressed variant fails the step with an annotation, a comment and a summary naming each
 * regressed benchmark.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirBaselineStore } from '../../src/adapters/dir-store.js';
import { GitHubServer } from '../helpers/github-server.js';
import { builtAction, runAction, type ActionResult, type ActionRun } from './run-action.js';

const DIR = '__tests__/fixtures/gobench';
const GOOD = `${DIR}/good.count6.bench`;
const RERUN = `${DIR}/good-rerun.count6.bench`;
const REGRESSED = `${DIR}/regressed.count6.bench`;
const REGRESSED_BENCHMARKS = ['BenchmarkBuilder', 'BenchmarkAppend', 'BenchmarkConvert', 'BenchmarkMapHint'];
const TOKEN = 'ghs_benchtoken0123456789abcdefghij';
const SERIES = 'gobench';
const A = 'a'.repeat(40);
const HEAD = 'd'.repeat(40);

let action: string;
const server = new GitHubServer();

beforeAll(async () => {
  action = builtAction();
  await server.start();
  server.tokens.set(TOKEN, { kind: 'installation' });
});
afterAll(async () => {
  await server.stop();
});

function run(store: string, profile: string, partial: Omit<ActionRun, 'inputs'>): Promise<ActionResult> {
  return runAction(action, {
    ...partial,
    apiUrl: server.url,
    inputs: { profile, store, series: SERIES, 'github-token': TOKEN, comment: 'always' },
  });
}

function pr(store: string, profile: string, number: number): Promise<ActionResult> {
  return run(store, profile, {
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: { number, base: { ref: 'main', sha: A }, head: { ref: 'feature', sha: HEAD }, labels: [] },
      sender: { login: 'contributor' },
      repository: { default_branch: 'main' },
    },
    sha: 'e'.repeat(40),
    ref: `refs/pull/${number}/merge`,
  });
}

const annotations = (r: ActionResult, command: string): string[] =>
  r.commands.filter((c) => c.command === command).map((c) => c.message);

test('push stores benchmark output; a rerun passes; the regressed variant fails naming each benchmark', async () => {
  const store = join(mkdtempSync(join(tmpdir(), 'heapgate-store-')), 'baselines');
  const seeded = await run(store, GOOD, {
    eventName: 'push',
    payload: {
      ref: 'refs/heads/main',
      repository: { default_branch: 'main' },
      head_commit: { timestamp: '2026-01-01T10:00:00Z' },
    },
    sha: A,
  });
  expect(seeded.code).toBe(0);
  expect(seeded.outputs.verdict).toBe('no-baseline');
  const pointer = await new DirBaselineStore({ root: store }).pointer(SERIES, 'main');
  expect(pointer?.current.sha).toBe(A);
  expect(pointer?.current.sampleType.map((t) => t.type)).toEqual(['B/op', 'allocs/op']);

  const rerun = await pr(store, RERUN, 5);
  expect(rerun.code).toBe(0);
  expect(rerun.outputs.verdict).toBe('pass');
  expect(rerun.summary.split('\n')[0]).toMatch(/^### ✅ heapgate `gobench`: pass/);

  const failed = await pr(store, REGRESSED, 6);
  expect(failed.code).toBe(1);
  expect(failed.outputs.verdict).toBe('fail');
  const errors = annotations(failed, 'error');
  for (const name of REGRESSED_BENCHMARKS) {
    expect(
      errors.some(
        (e) =>
          e.startsWith(`${name} B/op +`) &&
          /\((\+[\d.]+%|n\/a), (exact|p 0\.\d+|p <0\.001), runs 6 → 6\) breaks rule B\/op \+15% min 64B$/.test(e),
      ),
    ).toBe(true);
    expect(errors.some((e) => e.startsWith(`${name} allocs/op +`))).toBe(true);
  }
  expect(errors.some((e) => e.startsWith('BenchmarkCloneRecord'))).toBe(false);
  // The history is not used for benchmarks: the summary says so, no annotation claims the inputs differ.
  expect(failed.summary).toContain('history not used for benchmarks');
  expect(annotations(failed, 'warning')).toEqual([]);
  const [comment] = server.commentsOn(6);
  expect(comment!.body.split('\n')[0]).toMatch(/^### ❌ heapgate `gobench`: fail/);
  for (const name of REGRESSED_BENCHMARKS) expect(comment!.body).toContain(`| \`${name}\` \`B/op\` |`);
  expect(failed.summary).toContain('| metric | base | current | Δ | Δ% | p | runs | rule | status |');
  const report = JSON.parse(readFileSync(failed.outputs.report!, 'utf8'));
  expect(report.report.metrics.filter((m: { status: string }) => m.status === 'fail')).toHaveLength(8);
  // The HTML report is the benchmark table page.
  const html = readFileSync(failed.outputs['html-report']!, 'utf8');
  expect(html).toMatch(/<h1 class="fail" id="headline">✗ heapgate: fail: BenchmarkBuilder B\/op \+/);
  expect(html).not.toContain('heapgate-data');
}, 60000);
