/**
 * The fork-safe two-phase flow, with the bundled action (dist/index.js) run as the runner runs it
 * against a directory store and the local GitHub REST server:
 * - `mode: record` in a fork's pull_request run whose token cannot comment: no store, no API call;
 * - `mode: report` in the workflow_run run that follows: the pull request found from the event's
 *   head (a number forged in the record ignored), the sticky comment, the commit status
 *   `heapgate/<series>`; a hostile record gets one error and an error status, nothing else.
 * Profiles are the real Go heap profiles of __tests__/fixtures/go/cache (see its README).
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DirBaselineStore } from '../../src/adapters/dir-store.js';
import { unpackRuns } from '../../src/core/history/run-bundle.js';
import { BOT_LOGIN, GitHubServer, type ServerStatus } from '../helpers/github-server.js';
import { builtAction, runAction, type ActionResult, type ActionRun } from './run-action.js';

const FIXTURES = '__tests__/fixtures/go/cache';
const GOOD = `${FIXTURES}/good.rate1.heap.pb.gz`;
const RERUN = `${FIXTURES}/good-rerun.rate1.heap.pb.gz`;
const REGRESSED = `${FIXTURES}/regressed.rate1.heap.pb.gz`;
const TOKEN = 'ghs_forktesttoken0123456789abcdef';
const SERIES = 'cache';

const sha = (c: string): string => c.repeat(40);
const A = sha('a');
const B = sha('b');
const HEAD = sha('d');
const OTHER_HEAD = sha('f');
const FORK = 'contributor/app';

let action: string;
const server = new GitHubServer();

beforeAll(async () => {
  action = builtAction();
  await server.start();
  server.tokens.set(TOKEN, { kind: 'installation' });
  // The fork's pull request, another open one (the number a forged record names) and a closed one
  // that once had the same head commit.
  server.pulls.push(
    { number: 7, state: 'open', head: { sha: HEAD, ref: 'feature', repo: FORK }, base: { ref: 'main', sha: B } },
    {
      number: 9,
      state: 'open',
      head: { sha: OTHER_HEAD, ref: 'other', repo: 'octo/app' },
      base: { ref: 'main', sha: B },
    },
    { number: 5, state: 'closed', head: { sha: HEAD, ref: 'feature', repo: FORK }, base: { ref: 'main', sha: A } },
  );
  server.mergeBases.set(`${B}...${HEAD}`, A);
});

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  server.clearFaults();
});

const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

function errors(r: ActionResult): string[] {
  return r.commands.filter((c) => c.command === 'error').map((c) => c.message);
}

function warnings(r: ActionResult): string[] {
  return r.commands.filter((c) => c.command === 'warning').map((c) => c.message);
}

function expectNoSecret(r: ActionResult): void {
  const log = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  expect(log).not.toContain(TOKEN);
  expect(r.stderr).not.toContain(TOKEN);
  expect(r.summary).not.toContain(TOKEN);
}

async function run(partial: Omit<ActionRun, 'apiUrl'>): Promise<ActionResult> {
  const r = await runAction(action, { ...partial, apiUrl: server.url });
  expectNoSecret(r);
  return r;
}

/** A push to main storing `profile` as the baseline of `commit`. */
async function seed(store: string, profile: string, commit: string, time: string): Promise<void> {
  const r = await run({
    eventName: 'push',
    payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' }, head_commit: { timestamp: time } },
    sha: commit,
    inputs: { profile, store, series: SERIES, 'github-token': TOKEN },
  });
  expect(r.code).toBe(0);
}

/**
 * The fork's pull_request run with `mode: record`. `claimed` is the pull request number its event
 * (and so its record) names; the fork's code could write any number there.
 */
function record(dir: string, profile: string, claimed = 7): Promise<ActionResult> {
  return run({
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number: claimed,
      pull_request: {
        number: claimed,
        base: { ref: 'main', sha: B },
        head: { ref: 'feature', sha: HEAD, repo: { full_name: FORK } },
        labels: [],
      },
      repository: { default_branch: 'main' },
    },
    sha: sha('e'),
    ref: `refs/pull/${claimed}/merge`,
    runId: '500',
    inputs: { mode: 'record', profile, record: dir, series: SERIES, 'github-token': TOKEN },
  });
}

/** The base repository's workflow_run run with `mode: report`, after the record run of HEAD. */
function report(dir: string, store: string, inputs: Record<string, string> = {}): Promise<ActionResult> {
  return run({
    eventName: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id: 500,
        event: 'pull_request',
        status: 'completed',
        conclusion: 'success',
        head_sha: HEAD,
        head_branch: 'feature',
        head_repository: { full_name: FORK },
        repository: { full_name: 'octo/app' },
        pull_requests: [],
      },
      repository: { full_name: 'octo/app', default_branch: 'main' },
    },
    sha: B,
    ref: 'refs/heads/main',
    runId: '900',
    inputs: { mode: 'report', record: dir, store, series: SERIES, 'github-token': TOKEN, comment: 'always', ...inputs },
  });
}

function lastStatus(commit: string): ServerStatus | undefined {
  return server.statusesOf(commit).at(-1);
}

describe('mode record', () => {
  test("a fork's pull request run, whose token cannot comment, records the profile without a store or any API call", async () => {
    server.fail('POST', /\/issues\/\d+\/comments$/, 403, 'Resource not accessible by integration');
    const dir = join(tmp('heapgate-rec-'), 'heapgate-record');
    const before = server.requests.length;
    const r = await record(dir, REGRESSED);
    expect(r.code).toBe(0);
    expect(errors(r)).toEqual([]);
    expect(warnings(r)).toEqual([]);
    expect(server.requests.length).toBe(before);
    expect(r.outputs.record).toBe(dir);
    expect(readdirSync(dir).sort()).toEqual(['cache.manifest.json', 'cache.profile']);
    const profile = readFileSync(REGRESSED);
    expect(readFileSync(join(dir, 'cache.profile')).equals(profile)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'cache.manifest.json'), 'utf8'))).toEqual({
      format: 'heapgate-record',
      version: 1,
      series: SERIES,
      profile: { path: REGRESSED, bytes: profile.length },
      run: { event: 'pull_request', sha: HEAD, pullRequest: 7, runId: '500' },
    });
  });

  test('max-profile-size applies to the recorded profile', async () => {
    const dir = join(tmp('heapgate-rec-'), 'heapgate-record');
    const r = await run({
      eventName: 'pull_request',
      payload: {},
      sha: HEAD,
      inputs: { mode: 'record', profile: REGRESSED, record: dir, series: SERIES, 'max-profile-size': '1000' },
    });
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([
      `heapgate: input profile: reading ${REGRESSED}: ${statSync(REGRESSED).size} bytes, more than the limit of ` +
        '1000 bytes (raise it with max-profile-size)',
    ]);
    expect(() => statSync(dir)).toThrow();
  });

  test('a profile that does not decode is one error, and nothing is recorded', async () => {
    const bad = join(tmp('heapgate-bad-'), 'heap.pb.gz');
    writeFileSync(bad, Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const dir = join(tmp('heapgate-rec-'), 'heapgate-record');
    const r = await record(dir, bad);
    expect(r.code).toBe(2);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(/^heapgate: decoding current profile .*heap\.pb\.gz: gzip: /);
    expect(() => statSync(dir)).toThrow();
  });
});

describe('mode report', () => {
  test('comments on the pull request found from the run head (a forged number ignored), fails on a regression, passes after a fix', async () => {
    const store = join(tmp('heapgate-store-'), 'baselines');
    await seed(store, GOOD, A, '2026-01-01T10:00:00Z');

    // The fork's record claims pull request #9, which is not the pull request of HEAD.
    const dir = join(tmp('heapgate-rec-'), 'heapgate-record');
    expect((await record(dir, REGRESSED, 9)).code).toBe(0);
    const failed = await report(dir, store);
    expect(failed.code).toBe(1);
    expect(failed.outputs.verdict).toBe('fail');
    expect(failed.outputs['pull-request']).toBe('7');
    expect(failed.outputs['commit-status']).toBe('failure');
    // The merge base's baseline, as in the same-repository check.
    expect(failed.outputs['baseline-sha']).toBe(A);
    expect(warnings(failed)).toContain(
      `the record names pull request #9, which is not an open pull request with head ${HEAD.slice(0, 12)}; ignored`,
    );
    expect(server.commentsOn(9)).toHaveLength(0);
    expect(server.commentsOn(5)).toHaveLength(0);
    const comments = server.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.author).toBe(BOT_LOGIN);
    expect(comments[0]!.body.split('\n')[0]).toMatch(/^### ❌ heapgate `cache`: fail — memory regression/);
    expect(comments[0]!.body).toContain(`npx heapgate check ${REGRESSED}`);

    const status = lastStatus(HEAD)!;
    expect(status).toMatchObject({
      repo: 'octo/app',
      state: 'failure',
      context: 'heapgate/cache',
      targetUrl: 'https://github.com/octo/app/actions/runs/900',
      creator: BOT_LOGIN,
    });
    expect(status.description).toMatch(/^fail: (?:.*; )?inuse_space \+[\d.]+ MiB \(\+[\d.]+%\)/);
    expect(status.description!.length).toBeLessThanOrEqual(140);
    // Nothing was stored from the pull request.
    expect(await new DirBaselineStore({ root: store }).branches(SERIES)).toEqual(['main']);

    // The fix: a new record from the same pull request.
    const fixedDir = join(tmp('heapgate-rec-'), 'heapgate-record');
    expect((await record(fixedDir, RERUN)).code).toBe(0);
    const fixed = await report(fixedDir, store);
    expect(fixed.code).toBe(0);
    expect(fixed.outputs.verdict).toBe('pass');
    expect(warnings(fixed)).toEqual([]);
    expect(lastStatus(HEAD)).toMatchObject({ state: 'success', context: 'heapgate/cache' });
    expect(lastStatus(HEAD)!.description).toMatch(/^pass: no rule broken$/);
    expect(server.commentsOn(7)).toHaveLength(1);
    expect(server.commentsOn(7)[0]!.id).toBe(comments[0]!.id);
    expect(server.commentsOn(7)[0]!.body.split('\n')[0]).toMatch(/^### ✅ heapgate `cache`: pass/);
  });

  test('a record of several runs (a glob): the report compares their per-run means', async () => {
    const store = join(tmp('heapgate-store-'), 'baselines');
    await seed(store, GOOD, A, '2026-01-01T10:00:00Z');
    const dir = join(tmp('heapgate-rec-'), 'heapgate-record');
    const runs = `${FIXTURES}/good*.rate1.heap.pb.gz`;
    const recorded = await record(dir, runs);
    expect(recorded.code).toBe(0);
    // The record's profile is the bundle of both runs, each as given.
    const bundle = readFileSync(join(dir, 'cache.profile'));
    expect(unpackRuns(bundle).map((b) => Buffer.from(b))).toEqual([readFileSync(RERUN), readFileSync(GOOD)]);
    const r = await report(dir, store);
    // Two runs say little about their spread (one degree of freedom): the same code reads
    // inconclusive, which passes the step, and the comment asks for more runs.
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('inconclusive');
    const body = server.commentsOn(7).at(-1)!.body;
    expect(body).toContain('Per-run means of 1 base run and 2 current runs');
    expect(body).toContain('Give each side more runs');
  });

  test('a run whose head is no open pull request sets the status and writes no comment', async () => {
    const store = join(tmp('heapgate-store-'), 'baselines');
    await seed(store, GOOD, A, '2026-01-01T10:00:00Z');
    const dir = join(tmp('heapgate-rec-'), 'heapgate-record');
    expect((await record(dir, RERUN)).code).toBe(0);
    const commentsBefore = server.comments.length;
    // The head's pull request was closed meanwhile.
    server.pulls[0]!.state = 'closed';
    try {
      const r = await report(dir, store);
      expect(r.code).toBe(0);
      expect(r.outputs['pull-request']).toBe('');
      expect(warnings(r).some((w) => w.startsWith(`no open pull request has head ${HEAD.slice(0, 12)}`))).toBe(true);
      expect(server.comments.length).toBe(commentsBefore);
      expect(lastStatus(HEAD)).toMatchObject({ state: 'success', context: 'heapgate/cache' });
    } finally {
      server.pulls[0]!.state = 'open';
    }
  });

  test('a store that cannot be opened is one error and an error status', async () => {
    const dir = join(tmp('heapgate-rec-'), 'heapgate-record');
    expect((await record(dir, RERUN)).code).toBe(0);
    // A report only reads: a directory store that does not exist is an error, never created empty.
    const r = await report(dir, join(tmp('heapgate-nostore-'), 'missing'));
    expect(r.code).toBe(3);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(/^heapgate: store directory .*missing does not exist/);
    expect(lastStatus(HEAD)).toMatchObject({ state: 'error', context: 'heapgate/cache' });
    expect(lastStatus(HEAD)!.description).toMatch(/^error: store directory .*missing does not exist/);
  });

  test('outside a workflow_run event it is one error', async () => {
    const r = await run({
      eventName: 'pull_request',
      payload: {},
      sha: HEAD,
      inputs: { mode: 'report', store: tmp('heapgate-store-'), series: SERIES, 'github-token': TOKEN },
    });
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([
      'heapgate: mode report runs in a workflow triggered by workflow_run, not pull_request (see "Pull requests from ' +
        'forks" in docs/action.md)',
    ]);
  });
});

describe('a hostile record gets one error and an error status, nothing else', () => {
  let store: string;
  let goodRecord: string;

  beforeAll(async () => {
    store = join(tmp('heapgate-store-'), 'baselines');
    await seed(store, GOOD, A, '2026-01-01T10:00:00Z');
    goodRecord = join(tmp('heapgate-rec-'), 'heapgate-record');
    expect((await record(goodRecord, RERUN)).code).toBe(0);
  });

  /** A record directory holding the good record's files, with `manifest` changed and `profile` replaced. */
  function hostile(change: {
    manifest?: (m: Record<string, unknown>) => unknown;
    profile?: Buffer;
    raw?: string;
  }): string {
    const dir = join(tmp('heapgate-hostile-'), 'heapgate-record');
    mkdirSync(dir);
    const manifest = JSON.parse(readFileSync(join(goodRecord, 'cache.manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const profile = change.profile ?? readFileSync(join(goodRecord, 'cache.profile'));
    if (change.profile !== undefined) (manifest.profile as Record<string, unknown>).bytes = profile.length;
    writeFileSync(join(dir, 'cache.profile'), profile);
    writeFileSync(
      join(dir, 'cache.manifest.json'),
      change.raw ?? JSON.stringify(change.manifest === undefined ? manifest : change.manifest(manifest)),
    );
    return dir;
  }

  async function expectRejected(dir: string, pattern: RegExp): Promise<ActionResult> {
    const commentsBefore = server.comments.length;
    const statusesBefore = server.statuses.length;
    const r = await report(dir, store);
    expect(r.code).toBe(2);
    const errs = errors(r);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(pattern);
    expect(warnings(r)).toEqual([]);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
    expect(server.comments.length).toBe(commentsBefore);
    const statuses = server.statuses.slice(statusesBefore);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ sha: HEAD, state: 'error', context: 'heapgate/cache' });
    // The error line is the description, cut to GitHub's 140 characters.
    const description = errs[0]!.replace(/^heapgate: /, 'error: ');
    expect(statuses[0]!.description).toBe(description.length <= 140 ? description : `${description.slice(0, 139)}…`);
    expect(r.outputs.verdict).toBeUndefined();
    return r;
  }

  test('a gzip bomb of zeros is refused from its first KiB', async () => {
    // 300 gzip members of 1 MiB of zeros each: 300 MiB once decompressed, from about 300 KB.
    const member = gzipSync(Buffer.alloc(1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 300 }, () => member));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRejected(
      hostile({ profile: bomb }),
      /^heapgate: decoding current profile .* \(record\): not a pprof profile \(decompressed, starts with bytes 00 00 00 00\)/,
    );
  });

  test('a gzip bomb framed like a profile stops at the decompression cap', async () => {
    // A string_table entry (field 6) announcing 255 MiB, then 300 MiB of zeros.
    const varint = (n: number): number[] => {
      const out: number[] = [];
      for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
      return [...out, n];
    };
    const head = gzipSync(Buffer.from([0x32, ...varint(255 * 1024 * 1024)]));
    const member = gzipSync(Buffer.alloc(1024 * 1024));
    const bomb = Buffer.concat([head, ...Array.from({ length: 300 }, () => member)]);
    await expectRejected(
      hostile({ profile: bomb }),
      /^heapgate: decoding current profile .* \(record\): gzip: decompresses to more than 268435456 bytes, the limit/,
    );
  });

  test('a manifest that is not JSON', async () => {
    await expectRejected(
      hostile({ raw: '{"format": "heapgate-record", ' }),
      /^heapgate: record manifest: not valid JSON$/,
    );
  });

  test('a path-like profile name', async () => {
    await expectRejected(
      hostile({ manifest: (m) => ({ ...m, profile: { ...(m.profile as object), path: '../../../etc/passwd' } }) }),
      /^heapgate: record manifest: profile\.path is not a valid value$/,
    );
  });

  test('a path-like series', async () => {
    await expectRejected(
      hostile({ manifest: (m) => ({ ...m, series: '../cache' }) }),
      /^heapgate: record manifest: series is not a valid series name$/,
    );
  });

  test('a mention or a workflow command in a field', async () => {
    await expectRejected(
      hostile({ manifest: (m) => ({ ...m, profile: { ...(m.profile as object), path: '@octocat\n::error::pwned' } }) }),
      /^heapgate: record manifest: profile\.path is not a valid value$/,
    );
  });

  test('a field the schema does not know', async () => {
    await expectRejected(
      hostile({
        raw: readFileSync(join(goodRecord, 'cache.manifest.json'), 'utf8').replace('{', '{"__proto__": {"x": 1},'),
      }),
      /^heapgate: record manifest: the document has fields the schema does not allow$/,
    );
  });

  test('another version of the manifest', async () => {
    await expectRejected(
      hostile({ manifest: (m) => ({ ...m, version: 2 }) }),
      /^heapgate: record manifest: version is not 1/,
    );
  });

  test('a manifest over its size cap', async () => {
    await expectRejected(
      hostile({ raw: ' '.repeat(17 * 1024) }),
      /^heapgate: record cache\.manifest\.json: \d+ bytes, more than the limit of 16384$/,
    );
  });

  test('a profile that is a symbolic link', async () => {
    const dir = hostile({});
    const target = join(dir, 'cache.profile');
    const elsewhere = join(tmp('heapgate-target-'), 'secret');
    writeFileSync(elsewhere, readFileSync(target));
    rmSync(target);
    symlinkSync(elsewhere, target);
    await expectRejected(dir, /^heapgate: record cache\.profile: is a symbolic link, not a file$/);
  });

  test('a profile whose size is not the manifest’s', async () => {
    await expectRejected(
      hostile({ manifest: (m) => ({ ...m, profile: { ...(m.profile as object), bytes: 12 } }) }),
      /^heapgate: record profile: its size differs from the one the manifest gives/,
    );
  });

  test('a missing record', async () => {
    await expectRejected(
      join(tmp('heapgate-empty-'), 'none'),
      /^heapgate: record cache\.manifest\.json: no such file$/,
    );
  });

  test('a profile that does not decode', async () => {
    await expectRejected(
      hostile({ profile: Buffer.from('not a profile at all, just text\n') }),
      /^heapgate: decoding current profile .*: /,
    );
  });
});
