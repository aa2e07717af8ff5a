/**
 * `heapgate check` and `heapgate baseline put|show|history` run in-process through `main` (the CLI's
 * one error boundary), against a directory store and the local GCS server.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main, type CommandEntry } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/command.js';
import { checkCommand, noBaselineMessage } from '../../src/cli/commands/check.js';
import { baselineCommand } from '../../src/cli/commands/baseline.js';
import { diffCommand } from '../../src/cli/commands/diff.js';
import { GcsServer } from '../helpers/gcs-server.js';
import { GitHubServer } from '../helpers/github-server.js';
import { cleanupOracle, pprofRaw } from '../helpers/pprof-oracle.js';
import { testWithGo } from '../helpers/with-go.js';

const ROOT = resolve(fileURLToDir(import.meta.url), '..', '..');
const BASE = join(ROOT, 'examples/regression/base.heap.pb.gz');
const CURRENT = join(ROOT, 'examples/regression/current.heap.pb.gz');
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

function fileURLToDir(url: string): string {
  return new URL('.', url).pathname;
}

const COMMANDS: CommandEntry[] = [
  { name: 'diff', summary: '', load: async () => diffCommand },
  { name: 'check', summary: '', load: async () => checkCommand },
  { name: 'baseline', summary: '', load: async () => baselineCommand },
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    drained: () => Promise.resolve(),
    stdoutIsTTY: false,
    env,
    cwd: tmp,
  };
  const code = await main(argv, io, COMMANDS);
  return { code, stdout, stderr };
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-cmd-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));
afterAll(() => cleanupOracle());

const put = (store: string, file: string, branch: string, sha: string, extra: string[] = []) =>
  cli(['baseline', 'put', file, '--store', store, '--series', 'api', '--branch', branch, '--sha', sha, ...extra]);

describe('check against a directory store', () => {
  test('no baseline yet: says so, how to seed one, exit 0', async () => {
    mkdirSync(join(tmp, 'store'));
    const r = await cli(['check', CURRENT, '--store', 'store', '--series', 'api', '--branch', 'feature/x']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no baseline for series api on branch "feature/x" or "main"');
    expect(r.stdout).toContain('heapgate baseline put PROFILE --store store --series api --branch main --sha COMMIT');
    const j = await cli(['check', CURRENT, '--store', 'store', '--series', 'api', '--format', 'json'], {
      GITHUB_BASE_REF: 'release/2',
    });
    expect(JSON.parse(j.stdout)).toMatchObject({
      baseline: null,
      message: expect.stringContaining('on branch "release/2" or "main"'),
    });
  });

  test('put on main, check a feature branch (falls back to main): same verdict and numbers as diff', async () => {
    const p = await put('store', BASE, 'main', SHA_A, ['--commit-time', '2026-01-01T00:00:00Z', '--run-id', '42']);
    expect(p).toMatchObject({ code: 0, stderr: '' });
    expect(p.stdout).toBe(
      `baseline ${SHA_A.slice(0, 12)} of api in ${join(tmp, 'store')}: stored; now the current baseline of main\n`,
    );

    const check = await cli([
      'check',
      CURRENT,
      '--store',
      'store',
      '--series',
      'api',
      '--branch',
      'feature/x',
      '--format',
      'json',
    ]);
    const diff = await cli(['diff', BASE, CURRENT, '--format', 'json']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(diff.code);
    const c = JSON.parse(check.stdout);
    const d = JSON.parse(diff.stdout);
    expect(c.verdict).toBe(d.verdict);
    // The same numbers; check also says what history it had (one baseline: too few to calibrate).
    const withoutHistory = (ms: { history: unknown }[]) => ms.map(({ history: _h, ...m }) => m);
    expect(withoutHistory(c.metrics)).toEqual(withoutHistory(d.metrics));
    for (const m of c.metrics)
      expect(m.history).toEqual({ kind: 'uncalibrated', baselines: 1, needed: 5, levels: 1, changes: 0 });
    expect(c.historyWindow).toBe(30);
    expect(c.base).toBe(`baseline ${SHA_A.slice(0, 12)} (main)`);
  });

  test('check --history: the latest N baselines calibrate the noise (5 at least, fewer refused); 0 turns it off', async () => {
    const shas = ['1', '2', '3', '4', '5', '6'].map((c) => c.repeat(40));
    for (const [i, s] of shas.entries()) {
      const r = await put('store', i % 2 === 0 ? BASE : CURRENT, 'main', s, [
        '--commit-time',
        `2026-01-0${i + 1}T00:00:00Z`,
      ]);
      expect(r.code).toBe(0);
    }
    const check = (history: string[]) =>
      cli(['check', CURRENT, '--store', 'store', '--series', 'api', '--format', 'json', ...history]);
    const space = (stdout: string) =>
      (JSON.parse(stdout).metrics as { sampleType: string; history: unknown }[]).find(
        (m) => m.sampleType === 'inuse_space',
      )!;
    expect(space((await check([])).stdout).history).toMatchObject({ kind: 'calibrated', baselines: 6, df: 4 });
    expect(space((await check(['--history', '5'])).stdout).history).toMatchObject({ kind: 'calibrated', baselines: 5 });
    // A window too small to ever calibrate is a usage error, not a gate that is silently never calibrated.
    const small = await check(['--history', '4']);
    expect(small).toMatchObject({ code: 2, stdout: '' });
    expect(small.stderr).toBe(
      'heapgate: --history 4 baselines can never calibrate the noise: use at least 5, or 0 to turn the history off\n',
    );
    const off = await check(['--history', '0']);
    expect(space(off.stdout).history).toBeNull();
    expect(JSON.parse(off.stdout).historyWindow).toBeNull();
    const text = await cli(['check', CURRENT, '--store', 'store', '--series', 'api']);
    expect(text.stdout).toMatch(
      /^ {2}inuse_space: 6 baselines, mean change [+-]?\d+\.\d%, σ \d+\.\d% → limit ±[\d.]+% \(z ≥ \d+\.\d\)$/m,
    );
    const bad = await check(['--history', 'lots']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe('heapgate: --history must be an integer ≥ 0, got "lots"\n');
  });

  test('the same commit twice keeps the first upload', async () => {
    await put('store', BASE, 'main', SHA_A);
    const again = await put('store', CURRENT, 'main', SHA_A);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already stored (first upload kept); already the current baseline of main');
    const show = await cli([
      'baseline',
      'show',
      '--store',
      'store',
      '--series',
      'api',
      '--sha',
      SHA_A,
      '--format',
      'json',
    ]);
    const base = await cli([
      'baseline',
      'put',
      BASE,
      '--store',
      'other',
      '--series',
      'api',
      '--branch',
      'main',
      '--sha',
      SHA_A,
      '--format',
      'json',
    ]);
    expect(JSON.parse(show.stdout).total).toEqual(JSON.parse(base.stdout).metadata.total);
  });
});

describe('no-baseline message', () => {
  const args = { series: 'api', branches: ['x`<img src=y>@someone', 'main'], store: 'gs://b/p' };
  test('markdown: the untrusted branch is a literal code span', () => {
    const md = noBaselineMessage(args, 'gs://b/p', 'markdown');
    expect(md).toContain('``x`<img src=y>@someone``');
    // Outside code spans, no HTML and no mention.
    const outside = md.replace(/(`+)[^`]*?(?:`[^`]+)*?\1/g, '');
    expect(outside).not.toMatch(/<img|@someone/);
  });
  test('text: control characters are shown escaped', () => {
    const t = noBaselineMessage({ ...args, branches: ['evil\u001b[2J', 'main'] }, 'dir', 'text');
    expect(t).not.toContain('\u001b');
    expect(t).toContain('"evil\\u001b[2J"');
    const seed = noBaselineMessage({ ...args, branches: ['evil\u001b[2J'] }, 'dir', 'text');
    expect(seed).toContain("--branch 'evil\\x1b[2J' --sha");
  });
});

describe('baseline put metadata', () => {
  testWithGo('totals per sample type are the sums go tool pprof -raw reports', async () => {
    const r = await cli(['baseline', 'put', BASE, '--store', 'store', '--series', 'api', '--format', 'json'], {
      GITHUB_REF_NAME: 'main',
      GITHUB_SHA: SHA_A,
      GITHUB_RUN_ID: '7',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'o/r',
    });
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout).metadata;
    const raw = pprofRaw(BASE);
    expect(m.sampleType.map((t: { type: string }) => t.type)).toEqual(raw.sampleTypes);
    expect(m.total).toEqual(raw.sampleTypes.map((_, t) => raw.values.reduce((s, row) => s + row[t]!, 0)));
    expect(m).toMatchObject({
      branch: 'main',
      sha: SHA_A,
      runId: '7',
      runUrl: 'https://github.com/o/r/actions/runs/7',
    });
    expect(m.producer.memProfileRate).toBe(m.period);
  });

  test('a file that is not a profile is an input error, and nothing is stored', async () => {
    const r = await put('store', join(ROOT, 'package.json'), 'main', SHA_A);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^heapgate: decoding .*package\.json: /);
    expect(r.stderr.split('\n')).toHaveLength(2);
    // Not even the store directory was created.
    const h = await cli(['baseline', 'history', '--store', 'store', '--series', 'api', '--branch', 'main']);
    expect(h.code).toBe(3);
    expect(h.stderr).toMatch(/^heapgate: store directory .*store does not exist/);
  });

  test.each([
    [
      ['baseline', 'put', BASE, '--store', 's', '--series', 'api', '--sha', '59354bf'],
      /invalid commit sha "59354bf": a short commit id; give the full one \(git rev-parse 59354bf\)/,
    ],
    [
      ['baseline', 'put', BASE, '--store', 's', '--series', 'a/b', '--branch', 'main', '--sha', SHA_A],
      /invalid series name/,
    ],
    [
      ['baseline', 'put', BASE, '--store', 's', '--series', 'api', '--branch', 'main', '--sha', 'nope'],
      /invalid commit sha/,
    ],
    [['baseline', 'put', BASE, '--series', 'api', '--branch', 'main', '--sha', SHA_A], /needs --store/],
    [
      ['baseline', 'put', BASE, '--store', 's3://x/y', '--series', 'api', '--branch', 'main', '--sha', SHA_A],
      /invalid --store/,
    ],
    [['baseline', 'frob'], /unknown baseline subcommand "frob"/],
    [['check', CURRENT, '--store', 's'], /check needs --series/],
    [['baseline', 'history', '--store', 'gs:/x/y', '--series', 'api'], /a Cloud Storage store is written gs:/],
  ])('usage error: %j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});

describe('show and history', () => {
  test('history lists current then previous baselines, newest first; --limit bounds it', async () => {
    for (const [i, sha] of [SHA_A, SHA_B, 'c'.repeat(40)].entries()) {
      await put('store', i === 1 ? CURRENT : BASE, 'feature/x', sha, ['--commit-time', `2026-01-0${i + 1}T00:00:00Z`]);
    }
    const j = await cli([
      'baseline',
      'history',
      '--store',
      'store',
      '--series',
      'api',
      '--branch',
      'feature/x',
      '--format',
      'json',
      '--limit',
      '2',
    ]);
    expect(JSON.parse(j.stdout).map((m: { sha: string }) => m.sha)).toEqual(['c'.repeat(40), SHA_B]);
    const t = await cli(['baseline', 'history', '--store', 'store', '--series', 'api', '--branch', 'feature/x']);
    const lines = t.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^commit +commit time +run +alloc_objects \(count\) +alloc_space \(bytes\)/);
    expect(lines.slice(1).map((l) => l.slice(0, 12))).toEqual(['c'.repeat(12), 'b'.repeat(12), 'a'.repeat(12)]);
  });

  test('history labels the time it shows: the upload time when no commit time was given', async () => {
    await put('store', BASE, 'main', SHA_A);
    const none = await cli(['baseline', 'history', '--store', 'store', '--series', 'api', '--branch', 'main']);
    expect(none.stdout.split('\n')[0]).toMatch(/^commit +stored at +run /);
    await put('store', CURRENT, 'main', SHA_B, ['--commit-time', '2026-01-02T00:00:00Z']);
    const mixed = await cli(['baseline', 'history', '--store', 'store', '--series', 'api', '--branch', 'main']);
    const lines = mixed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^commit +commit time +run /);
    expect(lines.find((l) => l.startsWith('b'.repeat(12)))).toContain('2026-01-02T00:00:00Z');
    expect(lines.find((l) => l.startsWith('a'.repeat(12)))).toMatch(/^a{12} +\d{4}-\d\d-\d\dT[\d:.]+Z \(stored\) /);
  });

  test('show --sha finds a commit on any branch; show --branch shows the current one', async () => {
    await put('store', BASE, 'release/1.x', SHA_B);
    const s = await cli(['baseline', 'show', '--store', 'store', '--series', 'api', '--sha', SHA_B]);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain(`commit:       ${SHA_B}`);
    expect(s.stdout).toContain('branch:       release/1.x');
    const cur = await cli([
      'baseline',
      'show',
      '--store',
      'store',
      '--series',
      'api',
      '--branch',
      'release/1.x',
      '--format',
      'json',
    ]);
    expect(JSON.parse(cur.stdout).sha).toBe(SHA_B);
    const none = await cli(['baseline', 'show', '--store', 'store', '--series', 'api', '--sha', SHA_A]);
    expect(none).toMatchObject({
      code: 0,
      stdout: `no baseline for series api at commit ${SHA_A} in ${join(tmp, 'store')}\n`,
    });
  });
});

describe('against Cloud Storage (local server)', () => {
  let server: GcsServer;
  beforeAll(async () => {
    server = await GcsServer.start();
    server.createBucket('hgb');
    process.env.STORAGE_EMULATOR_HOST = server.endpoint;
  });
  afterAll(async () => {
    delete process.env.STORAGE_EMULATOR_HOST;
    await server.stop();
  });

  test('put then check through gs://', async () => {
    const stored = await put('gs://hgb/baselines', BASE, 'main', SHA_A);
    expect(stored.stderr).toBe('');
    expect(stored.code).toBe(0);
    expect(server.names('hgb')).toEqual([
      `baselines/api/main/commits/${SHA_A}.pb.gz`,
      'baselines/api/main/latest.json',
    ]);
    const r = await cli(['check', CURRENT, '--store', 'gs://hgb/baselines', '--series', 'api', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).base).toBe(`baseline ${SHA_A.slice(0, 12)} (main)`);
  });

  test('a store error is one line on stderr and exit code 3', async () => {
    const r = await cli(['check', CURRENT, '--store', 'gs://no-such-bucket/x', '--series', 'api']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'heapgate: bucket gs://no-such-bucket does not exist: create it or fix the bucket in --store\n',
    );
    server.deny('storage.objects.create');
    try {
      const p = await put('gs://hgb/baselines', BASE, 'main', SHA_B);
      expect(p.code).toBe(3);
      expect(p.stderr).toMatch(
        /^heapgate: permission denied writing gs:\/\/hgb\/baselines\/api\/main\/commits\/b+\.pb\.gz: the credentials need storage\.objects\.create/,
      );
    } finally {
      server.allowAll();
    }
  });
});

describe('a branch: store of a repository (GITHUB_TOKEN, --repo)', () => {
  const github = new GitHubServer();
  const TOKEN = 'ghp_cli_token';
  beforeAll(async () => {
    await github.start();
    github.tokens.set(TOKEN, { kind: 'user', login: 'dev' });
    github.repository('octo/cli');
  });
  afterAll(() => github.stop());
  const env = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url });
  const store = ['--store', 'branch:perf-baselines', '--series', 'api'];

  test('put, history and check --sha against the merge base, as the comment prints it', async () => {
    const putAt = (file: string, sha: string, time: string) =>
      cli(
        [
          'baseline',
          'put',
          file,
          ...store,
          '--repo',
          'octo/cli',
          '--branch',
          'main',
          '--sha',
          sha,
          '--commit-time',
          time,
        ],
        env(),
      );
    expect(await putAt(BASE, SHA_A, '2026-01-01T00:00:00Z')).toMatchObject({ code: 0, stderr: '' });
    const second = await putAt(CURRENT, SHA_B, '2026-01-02T00:00:00Z');
    expect(second.stdout).toBe(
      `baseline ${SHA_B.slice(0, 12)} of api in branch:perf-baselines (octo/cli): stored; ` +
        'now the current baseline of main\n',
    );
    const history = await cli(['baseline', 'history', ...store, '--branch', 'main', '--format', 'json'], {
      ...env(),
      GITHUB_REPOSITORY: 'octo/cli',
    });
    expect(JSON.parse(history.stdout).map((m: { sha: string }) => m.sha)).toEqual([SHA_B, SHA_A]);

    // The branch's latest is B (same profile: no change); --sha A compares against A, like diff.
    const latest = await cli(['check', CURRENT, ...store, '--repo', 'octo/cli', '--format', 'json'], env());
    expect(JSON.parse(latest.stdout).base).toBe(`baseline ${SHA_B.slice(0, 12)} (main)`);
    const pinned = await cli(
      ['check', CURRENT, ...store, '--repo', 'octo/cli', '--sha', SHA_A, '--format', 'json'],
      env(),
    );
    const diff = await cli(['diff', BASE, CURRENT, '--format', 'json']);
    expect(pinned.code).toBe(diff.code);
    expect(JSON.parse(pinned.stdout).base).toBe(`baseline ${SHA_A.slice(0, 12)} (main)`);
    // The same numbers; check also reports the history it read (two baselines: uncalibrated).
    const withoutHistory = (ms: { history: unknown }[]) => ms.map(({ history: _h, ...m }) => m);
    expect(withoutHistory(JSON.parse(pinned.stdout).metrics)).toEqual(withoutHistory(JSON.parse(diff.stdout).metrics));
  });

  test('baseline put --keep-profiles N: older profiles go, their metadata and the history stay', async () => {
    const args = [...store, '--repo', 'octo/cli', '--branch', 'keep', '--keep-profiles', '2'];
    for (const [i, c] of ['1', '2', '3', '4'].entries()) {
      const r = await cli(
        ['baseline', 'put', BASE, ...args, '--sha', c.repeat(40), '--commit-time', `2026-01-0${i + 1}T00:00:00Z`],
        env(),
      );
      expect(r).toMatchObject({ code: 0, stderr: '' });
    }
    const repo = github.repository('octo/cli');
    const tree = repo.get(repo.refs.get('refs/heads/perf-baselines')!, 'commit')!.tree;
    const kept = [...repo.files(tree).keys()].filter((f) => f.startsWith('api/keep/') && f.endsWith('.pb.gz'));
    expect(kept.sort()).toEqual(['3', '4'].map((c) => `api/keep/commits/${c.repeat(40)}.pb.gz`));
    const history = await cli(
      ['baseline', 'history', ...store, '--repo', 'octo/cli', '--branch', 'keep', '--format', 'json'],
      env(),
    );
    expect(JSON.parse(history.stdout)).toHaveLength(4);
    const zero = await cli(['baseline', 'put', BASE, ...args.slice(0, -1), '0', '--sha', SHA_A], env());
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/^heapgate: invalid --keep-profiles 0: keep at least 1/);
  });

  test.each([
    [['--sha', 'abc1234'], {}, /^heapgate: invalid commit sha "abc1234": a short commit id; give the full one/],
    [['--sha', 'c'.repeat(40)], {}, /^heapgate: --sha: no baseline of series api for commit c{40}/],
    [[], { GITHUB_TOKEN: '' }, /^heapgate: store branch:perf-baselines needs a GitHub token: set GITHUB_TOKEN/],
  ])('check %j: one line, exit 2', async (extra, envOverride, message) => {
    const r = await cli(['check', CURRENT, ...store, '--repo', 'octo/cli', ...extra], { ...env(), ...envOverride });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
