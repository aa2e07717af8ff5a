/**
 * runGate's decisions with in-memory ports. Profiles are the real Go cache fixtures at
 * MemProfileRate=1 (see the fixtures README: good vs regressed fails on inuse_space; good vs
 * good-rerun passes), decoded in this thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfileLoader } from '../../../src/adapters/profile-loader.js';
import { runGate, type GateConfig, type GatePorts } from '../../../src/app/gate/run.js';
import type { BaselineStore, MergedPullRequest } from '../../../src/ports.js';
import { ROOT } from '../../helpers/dist.js';
import { event, PLAN, PR } from '../../helpers/gate-events.js';
import { MemoryComments, MemoryStore, recordingLog, sha } from '../../helpers/memory-ports.js';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(ROOT, '__tests__/fixtures/go/cache', name)));
const GOOD = fixture('good.rate1.heap.pb.gz');
const RERUN = fixture('good-rerun.rate1.heap.pb.gz');
const REGRESSED = fixture('regressed.rate1.heap.pb.gz');
const GOOD_SAMPLED = fixture('good.rate524288.heap.pb.gz');
const RERUN_SAMPLED = fixture('good-rerun.rate524288.heap.pb.gz');
interface Harness {
  readonly ports: GatePorts;
  /** What the clock says (ISO 8601); tests move it. */
  now: string;
  readonly store: MemoryStore;
  readonly comments: MemoryComments;
  readonly log: string[];
  readonly summary: string[];
  /** The merged pull request a push's commit came from; tests set it. */
  merged: MergedPullRequest | undefined;
}

function harness(comments = new MemoryComments(), mergeBase?: string, now = '2026-01-01T12:00:00Z'): Harness {
  const store = new MemoryStore();
  const log: string[] = [];
  const summary: string[] = [];
  const h: Harness = {
    merged: undefined,
    now,
    store,
    comments,
    log,
    summary,
    ports: {
      store,
      load: createProfileLoader({ mode: 'inline' }),
      comments,
      pulls: { mergeBase: async () => mergeBase, labeledBy: async () => 'bob', mergedPullOf: async () => h.merged },
      summary: { append: async (m) => void summary.push(m) },
      clock: { now: () => new Date(h.now) },
      log: recordingLog(log),
      reports: null,
    },
  };
  return h;
}

const CONFIG: GateConfig = {
  ...PLAN,
  series: 'cache',
  store: 'memory://',
  profile: ['heap.pb.gz'],
  rules: null,
  comment: 'always',
  acceptLabel: 'heapgate:accept',
  confidence: null,
  top: 5,
  history: 30,
  onInconclusive: 'pass',
  htmlReport: false,
};

async function seed(h: Harness, profile: Uint8Array, s: string, time: string): Promise<void> {
  const r = await runGate(CONFIG, event({ sha: s, commitTime: time }), profile, h.ports);
  expect(r.update?.result).toBe('moved');
}

describe('runGate', () => {
  test('no baseline of a series the store lacks: a warning naming the closest; not when this run seeds it', async () => {
    const h = harness();
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    const pr = await runGate(
      { ...CONFIG, series: 'cahce' },
      event({ name: 'pull_request', branch: null, pullRequest: PR }),
      RERUN,
      h.ports,
    );
    expect(pr.verdict).toBe('no-baseline');
    expect(h.log).toContain(
      'warning: the store has no series "cahce"; it has "cache": did you mean "cache"? (check the series input)',
    );
    expect(JSON.parse(pr.json).message).toContain('did you mean "cache"?');
    h.log.length = 0;
    const seeded = await runGate({ ...CONFIG, series: 'cache-v2' }, event({ sha: sha('b') }), RERUN, h.ports);
    expect(seeded.update?.result).toBe('moved');
    expect(h.log.filter((l) => l.includes('the store has no series'))).toEqual([]);
  });

  test('a pull request against the merge base: fail, exit 1, error annotations, one comment, the trend of the branch', async () => {
    const h = harness(new MemoryComments(), sha('a'));
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    await seed(h, RERUN, sha('b'), '2026-01-01T11:00:00Z');
    h.now = '2026-01-02T12:00:00Z'; // one day after the seeds were stored
    const out = await runGate(
      CONFIG,
      event({ name: 'pull_request', branch: null, pullRequest: PR }),
      REGRESSED,
      h.ports,
    );
    expect(out.verdict).toBe('fail');
    expect(out.exitCode).toBe(1);
    expect(out.baseline).toMatchObject({ sha: sha('a'), chosen: 'merge-base', ageMs: 24 * 3_600_000 });
    expect(h.log.filter((l) => l.startsWith('error: inuse_space +'))).toHaveLength(1);
    expect(h.comments.comments).toHaveLength(1);
    // Trend: the two stored baselines, then this run.
    expect(out.summary).toContain('| metric | trend (3 points, oldest → newest) | oldest | newest |');
    expect(out.deltas.inuse_space).toBeGreaterThan(0);
    expect(JSON.parse(out.json)).toMatchObject({
      verdict: 'fail',
      baseline: { sha: sha('a') },
      report: { verdict: 'fail' },
    });
  });

  test("the JSON report names the failing sample types' source lines, at most 50 each, and no others", async () => {
    const h = harness(new MemoryComments(), sha('a'));
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    const out = await runGate(
      CONFIG,
      event({ name: 'pull_request', branch: null, pullRequest: PR }),
      REGRESSED,
      h.ports,
    );
    const report = JSON.parse(out.json).report;
    const flagged = report.metrics
      .filter((m: { status: string }) => m.status === 'fail' || m.status === 'warn')
      .map((m: { sampleType: string }) => m.sampleType);
    expect(flagged).toContain('inuse_space');
    expect(Object.keys(report.lines).sort()).toEqual([...new Set<string>(flagged)].sort());
    expect(report.lines.inuse_space[0]).toMatchObject({
      function: 'main.loadUserRecord',
      file: 'heapgate.dev/workloads/heapload/cache.go',
      line: 55,
    });
    for (const rows of Object.values(report.lines)) expect((rows as unknown[]).length).toBeLessThanOrEqual(50);
    // Passing runs carry no lines of their own.
    const pass = await runGate(CONFIG, event({ name: 'pull_request', branch: null, pullRequest: PR }), RERUN, h.ports);
    expect(JSON.parse(pass.json).report.lines).toEqual({});
  });

  test('a baseline sampled at another rate: a warning annotation, and the warning in the comment, summary and JSON', async () => {
    const h = harness(new MemoryComments(), sha('a'));
    await seed(h, GOOD_SAMPLED, sha('a'), '2026-01-01T10:00:00Z');
    const out = await runGate(CONFIG, event({ name: 'pull_request', branch: null, pullRequest: PR }), GOOD, h.ports);
    const warning =
      'sampling rates differ: base MemProfileRate 524288, current 1 — deltas mix sampled and exact values';
    expect(h.log.filter((l) => l.startsWith('warning: '))).toEqual([`warning: ${warning}`]);
    expect(out.report?.warnings).toEqual([warning]);
    expect(JSON.parse(out.json).report.warnings).toEqual([warning]);
    // markdownText escapes the colon and comma.
    const line =
      '⚠️ sampling rates differ\\: base MemProfileRate 524288\\, current 1 — deltas mix sampled and exact values';
    expect(out.summary.split('\n')).toContain(line);
    expect(h.comments.comments[0]!.body.split('\n')).toContain(line);
  });

  test('profiles made alike: no warning annotation', async () => {
    const h = harness(new MemoryComments(), sha('a'));
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    const out = await runGate(CONFIG, event({ name: 'pull_request', branch: null, pullRequest: PR }), RERUN, h.ports);
    expect(out.report?.warnings).toEqual([]);
    expect(h.log.some((l) => l.startsWith('warning: '))).toBe(false);
  });

  test('without a merge base in the store, the latest baseline of the base branch', async () => {
    const h = harness(new MemoryComments(), sha('f'));
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    const out = await runGate(CONFIG, event({ name: 'pull_request', branch: null, pullRequest: PR }), RERUN, h.ports);
    expect(out.verdict).toBe('pass');
    expect(out.baseline).toMatchObject({ sha: sha('a'), chosen: 'latest' });
  });

  test('the accept label turns fail into accepted (exit 0); the labeler comes from the issue events', async () => {
    const h = harness();
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    const pr = { ...PR, labels: ['HeapGate:Accept'] };
    const out = await runGate(
      CONFIG,
      event({ name: 'pull_request', branch: null, pullRequest: pr }),
      REGRESSED,
      h.ports,
    );
    expect(out.verdict).toBe('accepted');
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.json).accepted).toEqual({ label: 'heapgate:accept', by: 'bob' });
    expect(h.log.some((l) => l.startsWith('error:'))).toBe(false);
  });

  test('a 403 on commenting is a warning naming pull-requests: write; the summary is still written', async () => {
    const h = harness(new MemoryComments([], 'github-actions[bot]', 403));
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    const out = await runGate(CONFIG, event({ name: 'pull_request', branch: null, pullRequest: PR }), RERUN, h.ports);
    expect(out.exitCode).toBe(0);
    expect(out.comment).toBeNull();
    expect(h.log.find((l) => l.startsWith('warning: could not comment'))).toContain('`pull-requests: write`');
    expect(h.summary.at(-1)).toMatch(/^### ✅ heapgate `cache`: pass/);
  });

  test('fail-on-regression: false reports a failing verdict without failing the step', async () => {
    const h = harness();
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    const out = await runGate(
      { ...CONFIG, failOnRegression: false },
      event({ name: 'pull_request', branch: null, pullRequest: PR }),
      REGRESSED,
      h.ports,
    );
    expect(out.verdict).toBe('fail');
    expect(out.exitCode).toBe(0);
  });

  test('a requested commit without a baseline is an error naming the input', async () => {
    const h = harness();
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    await expect(
      runGate({ ...CONFIG, baselineSha: sha('9') }, event({ name: 'workflow_dispatch' }), RERUN, h.ports),
    ).rejects.toThrow(/^input baseline-sha: no baseline of series cache for commit 9{40}/);
  });

  test('a pointer naming a missing profile: a store error, except in mode update, which replaces it', async () => {
    const h = harness();
    await seed(h, GOOD, sha('a'), '2026-01-01T10:00:00Z');
    h.store.objects.delete(`cache/main/${sha('a')}`);
    await expect(runGate({ ...CONFIG, mode: 'check' }, event(), RERUN, h.ports)).rejects.toThrow(
      /^memory:\/\/: the pointer of cache on main names commit a{40}, whose profile is missing; re-baseline with mode update$/,
    );
    const out = await runGate(
      { ...CONFIG, mode: 'update' },
      event({ commitTime: '2026-01-01T11:00:00Z' }),
      RERUN,
      h.ports,
    );
    expect(out.verdict).toBe('no-baseline');
    expect(out.update?.result).toBe('moved');
    expect(h.log.some((l) => l.startsWith('warning: memory://: the pointer of cache on main'))).toBe(true);
  });

  test('bad rules fail before the store is read', async () => {
    const h = harness();
    const reads: string[] = [];
    const store = h.store;
    const spy: BaselineStore = {
      ...store,
      location: store.location,
      pointer: async (s, b) => (reads.push(b), store.pointer(s, b)),
      put: store.put.bind(store),
      commit: store.commit.bind(store),
      delete: store.delete.bind(store),
      branches: store.branches.bind(store),
      series: store.series.bind(store),
    };
    await expect(
      runGate({ ...CONFIG, rules: { text: 'inuse_space +lots', origin: 'input rules' } }, event(), RERUN, {
        ...h.ports,
        store: spy,
      }),
    ).rejects.toThrow(/^input rules: rule 1/);
    expect(reads).toEqual([]);
  });

  test('a push records the pull request it merged, and accepts its level when it merged with the accept label', async () => {
    const h = harness();
    const pointer = async () => (await h.store.pointer('cache', 'main'))!.current;
    h.merged = { number: 41, labels: ['perf'] };
    await seed(h, GOOD, sha('1'), '2026-01-01T01:00:00Z');
    expect(await pointer()).toMatchObject({ pullRequest: 41 });
    expect((await pointer()).accepted).toBeUndefined();
    h.merged = { number: 44, labels: ['Heapgate:Accept'] };
    await seed(h, REGRESSED, sha('2'), '2026-01-01T02:00:00Z');
    expect(await pointer()).toMatchObject({ pullRequest: 44, accepted: { by: 'bob', how: 'label' } });
    expect(h.log).toContain('info: #44 merged with the heapgate:accept label: its level is accepted (by bob)');
    // A direct push (no pull request): neither.
    h.merged = undefined;
    await seed(h, REGRESSED, sha('3'), '2026-01-01T03:00:00Z');
    expect(await pointer()).not.toHaveProperty('pullRequest');
    // A workflow_dispatch in mode update accepts by its actor.
    const dispatch = event({
      name: 'workflow_dispatch',
      sha: sha('4'),
      commitTime: '2026-01-01T04:00:00Z',
      actor: 'carol',
    });
    await runGate({ ...CONFIG, mode: 'update' }, dispatch, GOOD, h.ports);
    expect(await pointer()).toMatchObject({ sha: sha('4'), accepted: { by: 'carol', how: 'update' } });
  });

  test('a push that confirms a new level of the series says so in the summary and in a warning annotation', async () => {
    const h = harness();
    for (const [i, profile] of [GOOD, RERUN, GOOD, RERUN, GOOD, RERUN].entries()) {
      await seed(h, profile, sha(String(i + 1)), `2026-01-01T0${i + 1}:00:00Z`);
    }
    h.merged = { number: 44, labels: [] };
    // The push that starts it: one baseline alone may be a run that retained unusually much.
    const first = await runGate(
      CONFIG,
      event({ sha: sha('9'), commitTime: '2026-01-01T09:00:00Z' }),
      REGRESSED,
      h.ports,
    );
    expect(first.update?.steps).toBeUndefined();
    // The next push stays there: the step is confirmed, and named by the commit that made it.
    h.merged = { number: 45, labels: [] };
    const out = await runGate(CONFIG, event({ sha: sha('a'), commitTime: '2026-01-01T10:00:00Z' }), REGRESSED, h.ports);
    const step = out.update?.steps?.find((s) => s.sampleType === 'inuse_space');
    expect(step).toMatchObject({ sha: sha('9'), pullRequest: 44, previousBaselines: 6 });
    expect(step!.percent).toBeGreaterThan(100);
    expect(out.summary).toMatch(
      /📈 New level of `inuse_space`: \+\d[\d,.]*% \([\d.]+ MiB → [\d.]+ MiB\) at `9{12}` \(#44\)/,
    );
    expect(h.log).toContainEqual(
      expect.stringMatching(
        /^warning: inuse_space \+[\d,.]+% at 9{12} \(#44\): a new level over the 6 baselines before it$/,
      ),
    );
    // The next push of the same code is no new step.
    const next = await runGate(
      CONFIG,
      event({ sha: sha('b'), commitTime: '2026-01-01T11:00:00Z' }),
      REGRESSED,
      h.ports,
    );
    expect(next.update?.steps).toBeUndefined();
    expect(next.summary).not.toContain('New level');
  });

  test('a pull request lookup GitHub cannot answer leaves the level unaccepted, and says so', async () => {
    const h = harness();
    const ports = {
      ...h.ports,
      pulls: { ...h.ports.pulls!, mergedPullOf: () => Promise.reject(new Error('HTTP 403: no')) },
    };
    const out = await runGate(CONFIG, event({ sha: sha('1'), commitTime: '2026-01-01T01:00:00Z' }), GOOD, ports);
    expect(out.update?.result).toBe('moved');
    expect((await h.store.pointer('cache', 'main'))!.current.accepted).toBeUndefined();
    expect(
      h.log.some((l) => l.includes('could not read the pull request of') && l.includes('level not accepted')),
    ).toBe(true);
  });

  test('the history of the branch: uncalibrated below 5 baselines, then σ and a limit from their totals', async () => {
    const h = harness(new MemoryComments(), sha('f'));
    await seed(h, GOOD, sha('1'), '2026-01-01T01:00:00Z');
    const pr = event({ name: 'pull_request', branch: null, pullRequest: PR });
    const early = await runGate(CONFIG, pr, RERUN, h.ports);
    const space = (out: typeof early) => out.report!.metrics.find((m) => m.sampleType === 'inuse_space')!;
    expect(space(early).history).toEqual({ kind: 'uncalibrated', baselines: 1, needed: 5, levels: 1, changes: 0 });
    expect(early.summary).toContain('uncalibrated: 1 of 5 baselines');
    for (const [i, profile] of [RERUN, GOOD, RERUN, GOOD, RERUN].entries()) {
      await seed(h, profile, sha(String(i + 2)), `2026-01-01T0${i + 2}:00:00Z`);
    }
    const late = await runGate(CONFIG, pr, RERUN, h.ports);
    expect(space(late).history).toMatchObject({ kind: 'calibrated', baselines: 6, df: 4 });
    expect(space(late).sources.history).toBeGreaterThan(0);
    // Exact profiles get a finite z once the history brings run-to-run noise.
    expect(space(late).z).not.toBeNull();
    expect(late.summary).toMatch(/`inuse_space`: 6 baselines, mean change [+-]?\d+\.\d%, σ \d+\.\d% → limit ±/);
    expect(JSON.parse(late.json).report.historyWindow).toBe(30);
    // The regression is still far beyond that noise.
    expect((await runGate(CONFIG, pr, REGRESSED, h.ports)).verdict).toBe('fail');
    // history 0: no history read, and the exact profiles are judged exact again.
    const off = await runGate({ ...CONFIG, history: 0 }, pr, RERUN, h.ports);
    expect(space(off)).toMatchObject({ history: null, z: null });
  });

  test.each([
    ['pass', 0, []],
    ['warn', 0, ['warning: cannot tell']],
    ['fail', 1, ['error: cannot tell']],
  ] as const)('on-inconclusive %s: exit %d, annotations %j', async (policy, exitCode, annotations) => {
    const h = harness(new MemoryComments(), sha('a'));
    await seed(h, GOOD_SAMPLED, sha('a'), '2026-01-01T10:00:00Z');
    const config = { ...CONFIG, onInconclusive: policy };
    const out = await runGate(
      config,
      event({ name: 'pull_request', branch: null, pullRequest: PR }),
      RERUN_SAMPLED,
      h.ports,
    );
    expect(out.verdict).toBe('inconclusive');
    expect(out.exitCode).toBe(exitCode);
    const logged = h.log
      .filter((l) => /^(warning|error): cannot tell/.test(l))
      .map((l) => l.slice(0, l.indexOf('tell') + 4));
    expect(logged).toEqual(annotations);
    expect(out.summary).toContain('inconclusive');
    expect(out.summary).toContain('MemProfileRate');
    expect(h.comments.comments).toHaveLength(1);
  });

  test('the accept label also accepts an inconclusive verdict that on-inconclusive fail would fail', async () => {
    const h = harness(new MemoryComments(), sha('a'));
    await seed(h, GOOD_SAMPLED, sha('a'), '2026-01-01T10:00:00Z');
    const pr = { ...PR, labels: ['heapgate:accept'] };
    const run = (onInconclusive: 'fail' | 'warn') =>
      runGate(
        { ...CONFIG, onInconclusive },
        event({ name: 'pull_request', branch: null, pullRequest: pr }),
        RERUN_SAMPLED,
        h.ports,
      );
    const out = await run('fail');
    expect(out.verdict).toBe('accepted');
    expect(out.report?.verdict).toBe('inconclusive');
    expect(out.exitCode).toBe(0);
    expect(out.summary).toContain('this inconclusive result does not fail the check');
    // A verdict that would not fail the step has nothing to accept.
    expect((await run('warn')).verdict).toBe('inconclusive');
  });
});
