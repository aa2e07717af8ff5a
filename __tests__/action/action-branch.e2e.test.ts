/**
 * The bundled action with its default store, `branch:heapgate-baselines`, against the local GitHub
 * server (real git objects; ref updates that do not fast-forward are refused with 422): a push
 * seeds, a pull request compares (also with a read-only token, as a fork's), 8 concurrent pushes
 * all land with the pointer at the newest, a stale re-run never moves it back, and the comment's
 * "Reproduce locally" command runs as printed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { BranchBaselineStore } from '../../src/adapters/branch-store.js';
import { compareNewer } from '../../src/core/history/baseline.js';
import { builtCli, ROOT } from '../helpers/dist.js';
import { GitHubServer } from '../helpers/github-server.js';
import { builtAction, runAction, type ActionResult } from './run-action.js';

const FIXTURES = '__tests__/fixtures/go/cache';
const GOOD = `${FIXTURES}/good.rate1.heap.pb.gz`;
const RERUN = `${FIXTURES}/good-rerun.rate1.heap.pb.gz`;
const REGRESSED = `${FIXTURES}/regressed.rate1.heap.pb.gz`;
const TOKEN = 'ghs_branchstoretoken0123456789abcd';
const READ_TOKEN = 'ghs_forkreadonlytoken0123456789ab';
const SERIES = 'cache';
const REPO = 'octo/app';
const sha = (c: string): string => c.repeat(40);
const commit = (n: number): string => n.toString(16).padStart(8, '0').repeat(5);

let action: string;
const server = new GitHubServer();

beforeAll(async () => {
  action = builtAction();
  await server.start();
  server.tokens.set(TOKEN, { kind: 'installation' });
  server.tokens.set(READ_TOKEN, { kind: 'installation', contents: 'read' });
  server.repository(REPO);
});

afterAll(async () => {
  await server.stop();
});

function store(): BranchBaselineStore {
  return new BranchBaselineStore({
    octokit: getOctokit(TOKEN, { baseUrl: server.url }),
    repository: REPO,
    branch: 'heapgate-baselines',
  });
}

function push(profile: string, sha: string, commitTime: string, runId: string): Promise<ActionResult> {
  return runAction(action, {
    eventName: 'push',
    payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' }, head_commit: { timestamp: commitTime } },
    sha,
    runId,
    apiUrl: server.url,
    // No store input: the default, branch:heapgate-baselines.
    inputs: { profile, series: SERIES, 'github-token': TOKEN, comment: 'never' },
  });
}

function pr(profile: string, token: string, comment: string): Promise<ActionResult> {
  return runAction(action, {
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, base: { ref: 'main', sha: sha('b') }, head: { ref: 'f', sha: sha('d') }, labels: [] },
      repository: { default_branch: 'main' },
    },
    sha: sha('e'),
    ref: 'refs/pull/7/merge',
    apiUrl: server.url,
    inputs: { profile, series: SERIES, 'github-token': token, comment },
  });
}

function errors(r: ActionResult): string[] {
  return r.commands.filter((c) => c.command === 'error').map((c) => c.message);
}

/**
 * Runs a printed command with `sh`, as a user would paste it: `npx heapgate` is the built CLI and
 * `gh auth token` prints the token (stand-ins on PATH for the installed tools).
 */
async function runPrinted(command: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const bin = mkdtempSync(join(tmpdir(), 'heapgate-bin-'));
  writeFileSync(
    join(bin, 'npx'),
    `#!/bin/sh\n[ "$1" = heapgate ] || exit 127\nshift\nexec "${process.execPath}" "${builtCli()}" "$@"\n`,
  );
  writeFileSync(join(bin, 'gh'), `#!/bin/sh\n[ "$*" = "auth token" ] && echo ${TOKEN}\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  chmodSync(join(bin, 'gh'), 0o755);
  // Asynchronous: the GitHub server answering the CLI runs in this process.
  const child = spawn('sh', ['-c', command], {
    cwd: ROOT,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, GITHUB_API_URL: server.url, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout, stderr };
}

test('a push seeds the branch, a pull request compares against it, and its reproduce command runs as printed', async () => {
  const seeded = await push(GOOD, sha('a'), '2026-01-01T10:00:00Z', '100');
  expect(errors(seeded)).toEqual([]);
  expect(seeded.code).toBe(0);
  expect(seeded.outputs.verdict).toBe('no-baseline');
  const repo = server.repository(REPO);
  const tip = repo.refs.get('refs/heads/heapgate-baselines')!;
  expect([...repo.files(repo.get(tip, 'commit')!.tree).keys()].sort()).toEqual([
    `cache/main/commits/${sha('a')}.json`,
    `cache/main/commits/${sha('a')}.pb.gz`,
    'cache/main/latest.json',
  ]);
  expect((await push(RERUN, sha('b'), '2026-01-01T11:00:00Z', '101')).code).toBe(0);
  server.mergeBases.set(`${sha('b')}...${sha('d')}`, sha('a'));
  const afterPushes = repo.refs.get('refs/heads/heapgate-baselines');

  const failed = await pr(REGRESSED, TOKEN, 'always');
  expect(failed.code).toBe(1);
  expect(failed.outputs.verdict).toBe('fail');
  expect(failed.outputs['baseline-sha']).toBe(sha('a'));
  const body = server.commentsOn(7)[0]!.body;
  const printed = /Reproduce locally: `([^`]+)`/.exec(body)?.[1];
  expect(printed).toBe(
    `GITHUB_TOKEN=$(gh auth token) npx heapgate check ${REGRESSED} --store branch:heapgate-baselines --series cache ` +
      `--branch main --sha ${sha('a')} --repo ${REPO}`,
  );
  const local = await runPrinted(printed!);
  expect(local.stderr).toBe('');
  expect(local.status).toBe(1);
  expect(local.stdout).toContain(`baseline ${sha('a').slice(0, 12)} (main)`);

  // A fork's read-only token can compare; only the comment is out of reach.
  const fork = await pr(REGRESSED, READ_TOKEN, 'never');
  expect(fork.code).toBe(1);
  expect(fork.outputs.verdict).toBe('fail');
  expect(errors(fork).every((e) => !/store|permission/.test(e))).toBe(true);
  // Pull requests never write to the store.
  expect((await pr(RERUN, TOKEN, 'never')).outputs.verdict).toBe('pass');
  expect(repo.refs.get('refs/heads/heapgate-baselines')).toBe(afterPushes);
});

test('8 concurrent pushes all land, the pointer names the newest; a stale re-run never moves it back', async () => {
  const runs = [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
    push(GOOD, commit(n), `2026-02-01T${String(10 + n).padStart(2, '0')}:00:00Z`, String(200 + n)),
  );
  const results = await Promise.all(runs);
  for (const r of results) {
    expect(errors(r)).toEqual([]);
    expect(r.code).toBe(0);
  }
  const s = store();
  for (let n = 1; n <= 8; n++) expect((await s.commit(SERIES, 'main', commit(n)))?.metadata.sha).toBe(commit(n));
  const p = await s.pointer(SERIES, 'main');
  expect(p?.current.sha).toBe(commit(8));
  const chain = [p!.current, ...p!.history];
  expect(new Set(chain.map((m) => m.sha)).size).toBe(chain.length);
  for (let i = 1; i < chain.length; i++) expect(compareNewer(chain[i - 1]!, chain[i]!)).toBeGreaterThan(0);

  // A re-run of commit 3 (a later run id, the commit's own older time) and a late older commit.
  const tip = server.repository(REPO).refs.get('refs/heads/heapgate-baselines');
  expect((await push(GOOD, commit(3), '2026-02-01T13:00:00Z', '300')).code).toBe(0);
  expect(server.repository(REPO).refs.get('refs/heads/heapgate-baselines')).toBe(tip);
  expect((await push(GOOD, commit(9), '2026-02-01T09:00:00Z', '301')).code).toBe(0);
  expect((await s.pointer(SERIES, 'main'))?.current.sha).toBe(commit(8));
  expect(await s.commit(SERIES, 'main', commit(9))).toBeDefined();
});

test('keep-profiles: the branch keeps that many profiles of the series, and every metadata file', async () => {
  const keep = (n: number) =>
    runAction(action, {
      eventName: 'push',
      payload: {
        ref: 'refs/heads/main',
        repository: { default_branch: 'main' },
        head_commit: { timestamp: `2026-03-01T1${n}:00:00Z` },
      },
      sha: commit(100 + n),
      runId: String(400 + n),
      apiUrl: server.url,
      inputs: { profile: GOOD, series: 'kept', 'github-token': TOKEN, comment: 'never', 'keep-profiles': '2' },
    });
  for (const n of [1, 2, 3]) expect((await keep(n)).code).toBe(0);
  const s = store();
  expect(await s.commit('kept', 'main', commit(101))).toBeUndefined();
  expect((await s.commit('kept', 'main', commit(102)))?.metadata.sha).toBe(commit(102));
  expect((await s.commit('kept', 'main', commit(103)))?.metadata.sha).toBe(commit(103));
  const p = await s.pointer('kept', 'main');
  expect([p!.current, ...p!.history].map((m) => m.sha)).toEqual([commit(103), commit(102), commit(101)]);
});

test('the branch is plain git: git reads the objects the API wrote, by the same ids', () => {
  const repo = server.repository(REPO);
  const tip = repo.refs.get('refs/heads/heapgate-baselines')!;
  const dir = mkdtempSync(join(tmpdir(), 'heapgate-git-'));
  execFileSync('git', ['init', '-q', dir]);
  // The tip commit and everything its tree holds.
  const ids = [tip];
  for (let i = 0; i < ids.length; i++) {
    const o = repo.objects.get(ids[i]!)!;
    if (o.type === 'commit') ids.push(o.tree);
    if (o.type === 'tree') ids.push(...o.entries.map((e) => e.sha));
  }
  for (const id of ids) {
    const type = repo.objects.get(id)!.type;
    const written = execFileSync('git', ['-C', dir, 'hash-object', '-w', '-t', type, '--stdin'], {
      input: repo.body(id),
      encoding: 'utf8',
    }).trim();
    expect(written).toBe(id);
  }
  const files = execFileSync('git', ['-C', dir, 'ls-tree', '-r', '--name-only', tip], { encoding: 'utf8' });
  expect(files.trim().split('\n')).toContain('cache/main/latest.json');
});

test('without a token the default store is one error naming the input, exit code 2', async () => {
  const r = await runAction(action, {
    eventName: 'push',
    payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' }, head_commit: {} },
    sha: sha('f'),
    apiUrl: server.url,
    inputs: { profile: GOOD, series: SERIES, 'github-token': '', comment: 'never' },
  });
  expect(r.code).toBe(2);
  expect(errors(r)).toEqual([
    'heapgate: store branch:heapgate-baselines needs a GitHub token: set the github-token input (contents: write ' +
      'stores baselines, contents: read compares)',
  ]);
});
