/**
 * The branch: store with the real Octokit client against the local GitHub server, whose Git Data
 * API keeps real git objects and refuses ref updates that do not fast-forward.
 */
import { getOctokit } from '@actions/github';
import { BranchBaselineStore, type BranchStoreConfig } from '../../src/adapters/branch-store.js';
import { compareNewer } from '../../src/core/history/baseline.js';
import { StoreError } from '../../src/core/errors.js';
import { GitHubServer } from '../helpers/github-server.js';
import { commitSha, meta, profileBytes } from './baseline-fixtures.js';

const server = new GitHubServer();
const WRITE = 'ghs_write_token';
const READ = 'ghs_read_token';
const REF = 'refs/heads/heapgate-baselines';
let repoCount = 0;
let repository: string;

beforeAll(async () => {
  await server.start();
  server.tokens.set(WRITE, { kind: 'installation' });
  server.tokens.set(READ, { kind: 'installation', contents: 'read' });
});

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  repository = `octo/repo${++repoCount}`;
  server.repository(repository);
  server.clearFaults();
});

function store(token = WRITE, extra: Partial<BranchStoreConfig> = {}): BranchBaselineStore {
  return new BranchBaselineStore({
    octokit: getOctokit(token, { baseUrl: server.url }),
    repository,
    branch: 'heapgate-baselines',
    sleep: async () => {},
    ...extra,
  });
}

/** The files of the branch's tip, as a checkout of it would hold them. */
function checkout(): Map<string, Buffer> {
  const repo = server.repository(repository);
  const tip = repo.refs.get(REF);
  return tip === undefined ? new Map<string, Buffer>() : repo.files(repo.get(tip, 'commit')!.tree);
}

describe('layout and round trip', () => {
  test('the first put creates the branch with the documented files', async () => {
    const s = store();
    const bytes = profileBytes(1);
    const m = meta(1, { branch: 'feature/x' });
    expect(await s.put(m, bytes)).toEqual({ object: 'created', pointer: 'moved', metadata: m });
    const dir = 'api-server/feature%2Fx';
    const files = checkout();
    expect([...files.keys()].sort()).toEqual(
      [`${dir}/commits/${commitSha(1)}.json`, `${dir}/commits/${commitSha(1)}.pb.gz`, `${dir}/latest.json`].sort(),
    );
    expect(files.get(`${dir}/commits/${commitSha(1)}.pb.gz`)!.equals(Buffer.from(bytes))).toBe(true);
    expect(JSON.parse(files.get(`${dir}/commits/${commitSha(1)}.json`)!.toString())).toEqual(m);

    expect(await s.pointer('api-server', 'feature/x')).toEqual({ schema: 1, current: m, history: [] });
    const got = await s.commit('api-server', 'feature/x', commitSha(1));
    expect(got?.metadata).toEqual(m);
    expect(Buffer.from(got!.profile).equals(Buffer.from(bytes))).toBe(true);
    expect(await s.branches('api-server')).toEqual(['feature/x']);
    await s.put(meta(2, { series: 'worker' }), profileBytes(2));
    expect(await s.series()).toEqual(['api-server', 'worker']);
    expect(s.location).toBe(`branch:heapgate-baselines (${repository})`);
  });

  test('every put is one commit on top of the last, and the ref only ever fast-forwards', async () => {
    const s = store();
    for (let n = 1; n <= 3; n++) await s.put(meta(n), profileBytes(n));
    const repo = server.repository(repository);
    let sha = repo.refs.get(REF)!;
    const messages: string[] = [];
    for (;;) {
      const c = repo.get(sha, 'commit')!;
      messages.push(c.message);
      if (c.parents.length === 0) break;
      sha = c.parents[0]!;
    }
    expect(messages).toEqual([3, 2, 1].map((n) => `heapgate: api-server main ${commitSha(n).slice(0, 12)} (latest)`));
    const updates = server.requests.filter((r) => r.method === 'PATCH' && r.path.includes(repository));
    expect(updates).toHaveLength(2);
    for (const u of updates) expect(u.body).toMatchObject({ force: false });
  });

  test('reads of absent things resolve to undefined while the branch does not exist', async () => {
    const s = store(READ);
    expect(await s.pointer('api-server', 'main')).toBeUndefined();
    expect(await s.commit('api-server', 'main', commitSha(1))).toBeUndefined();
    expect(await s.branches('api-server')).toEqual([]);
    expect(await s.series()).toEqual([]);
    await store().put(meta(1), profileBytes(1));
    expect(await s.pointer('api-server', 'dev')).toBeUndefined();
    expect(await s.commit('api-server', 'main', commitSha(2))).toBeUndefined();
  });

  test('a profile over the contents API inline limit is read through its blob', async () => {
    server.contentsInlineLimit = 1000;
    try {
      const bytes = profileBytes(1, 5000);
      await store().put(meta(1, { size: 5000 }), bytes);
      const got = await store(READ).commit('api-server', 'main', commitSha(1));
      expect(Buffer.from(got!.profile).equals(Buffer.from(bytes))).toBe(true);
      expect(server.requests.some((r) => /\/git\/blobs\/[0-9a-f]{40}$/.test(r.path) && r.method === 'GET')).toBe(true);
    } finally {
      server.contentsInlineLimit = 1024 * 1024;
    }
  });
});

describe('pointer rules', () => {
  test('the same commit twice: the first object stays and no commit is made', async () => {
    const s = store();
    const first = profileBytes(1);
    await s.put(meta(1), first);
    const tip = server.repository(repository).refs.get(REF);
    const second = await s.put({ ...meta(1), runId: '99' }, profileBytes(1));
    expect(second).toEqual({ object: 'exists', pointer: 'same-commit', metadata: meta(1) });
    expect(server.repository(repository).refs.get(REF)).toBe(tip);
    const got = await s.commit('api-server', 'main', commitSha(1));
    expect(Buffer.from(got!.profile).equals(Buffer.from(first))).toBe(true);
  });

  test('a stale re-run of an older commit is stored but never moves the pointer back', async () => {
    const s = store();
    await s.put(meta(5), profileBytes(5));
    expect(await s.put(meta(2), profileBytes(2))).toMatchObject({ object: 'created', pointer: 'older' });
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(5));
    expect(await s.commit('api-server', 'main', commitSha(2))).toBeDefined();
    expect(await s.put(meta(2), profileBytes(2))).toMatchObject({ object: 'exists', pointer: 'older' });
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(5));
  });
});

describe('bounded growth', () => {
  test('after K+5 baselines only the newest K profiles remain, and the history has every entry', async () => {
    const K = 3;
    const s = store(WRITE, { keepProfiles: K });
    for (let n = 1; n <= K + 5; n++) await s.put(meta(n), profileBytes(n));
    const files = [...checkout().keys()];
    const profiles = files.filter((f) => f.endsWith('.pb.gz')).sort();
    expect(profiles).toEqual([6, 7, 8].map((n) => `api-server/main/commits/${commitSha(n)}.pb.gz`));
    // Every baseline keeps its metadata.
    expect(files.filter((f) => f.endsWith('.json') && f.includes('/commits/'))).toHaveLength(K + 5);
    const p = await s.pointer('api-server', 'main');
    expect(p?.current.sha).toBe(commitSha(K + 5));
    expect(p?.history.map((h) => h.sha)).toEqual([7, 6, 5, 4, 3, 2, 1].map(commitSha));
    expect(await s.commit('api-server', 'main', commitSha(4))).toBeUndefined();
    expect((await s.commit('api-server', 'main', commitSha(6)))?.metadata).toEqual(meta(6));
  });

  test('a stale commit older than the kept ones leaves only its metadata', async () => {
    const s = store(WRITE, { keepProfiles: 2 });
    for (const n of [5, 6]) await s.put(meta(n), profileBytes(n));
    expect(await s.put(meta(1), profileBytes(1))).toMatchObject({ object: 'created', pointer: 'older' });
    const files = [...checkout().keys()];
    expect(files.filter((f) => f.endsWith('.pb.gz')).sort()).toEqual(
      [5, 6].map((n) => `api-server/main/commits/${commitSha(n)}.pb.gz`),
    );
    expect(files).toContain(`api-server/main/commits/${commitSha(1)}.json`);
  });

  test('profiles of other series and branches are never touched', async () => {
    const s = store(WRITE, { keepProfiles: 1 });
    await s.put(meta(1, { branch: 'release' }), profileBytes(1));
    await s.put(meta(2, { series: 'worker' }), profileBytes(2));
    for (let n = 3; n <= 5; n++) await s.put(meta(n), profileBytes(n));
    expect([...checkout().keys()].filter((f) => f.endsWith('.pb.gz')).sort()).toEqual([
      `api-server/main/commits/${commitSha(5)}.pb.gz`,
      `api-server/release/commits/${commitSha(1)}.pb.gz`,
      `worker/main/commits/${commitSha(2)}.pb.gz`,
    ]);
  });
});

describe('concurrency', () => {
  test('8 writers at once: every commit lands, the pointer names the newest, the history is ordered', async () => {
    // Each request waits a little, so the writers interleave and most ref updates race.
    server.beforeAnswer = () => new Promise((r) => setTimeout(r, Math.random() * 5));
    try {
      const ns = [4, 8, 2, 6, 1, 7, 3, 5];
      const results = await Promise.all(ns.map((n) => store().put(meta(n), profileBytes(n))));
      expect(results.every((r) => r.object === 'created')).toBe(true);
      // One ref creation and seven updates landed; every other attempt was refused and retried.
      const attempts = server.requests.filter(
        (r) => (r.method === 'PATCH' || r.method === 'POST') && r.path.includes(`${repository}/git/ref`),
      );
      expect(attempts.length).toBeGreaterThan(8);
    } finally {
      server.beforeAnswer = undefined;
    }
    const s = store();
    for (let n = 1; n <= 8; n++) expect(await s.commit('api-server', 'main', commitSha(n))).toBeDefined();
    const p = await s.pointer('api-server', 'main');
    expect(p?.current.sha).toBe(commitSha(8));
    const chain = [p!.current, ...p!.history];
    expect(new Set(chain.map((m) => m.sha)).size).toBe(chain.length);
    for (let i = 1; i < chain.length; i++) expect(compareNewer(chain[i - 1]!, chain[i]!)).toBeGreaterThan(0);
  });
});

describe('faults', () => {
  test('a read-only token can read but a put is a StoreError naming contents: write', async () => {
    await store().put(meta(1), profileBytes(1));
    expect((await store(READ).pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
    const err = await store(READ)
      .put(meta(2), profileBytes(2))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).exitCode).toBe(3);
    expect((err as Error).message).toMatch(/^permission denied writing .*contents: write/);
  });

  test('a profile larger than GitHub accepts is a StoreError before anything is written', async () => {
    const before = server.requests.length;
    const err = await store(WRITE, { maxProfileBytes: 100 })
      .put(meta(1), profileBytes(1, 101))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/the profile has 101 bytes, more than the 100 .* use a gs:\/\/ store/);
    expect(server.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('a repository the token cannot see is an error, never an empty store', async () => {
    const s = new BranchBaselineStore({
      octokit: getOctokit(READ, { baseUrl: server.url }),
      repository: 'octo/invisible',
      branch: 'heapgate-baselines',
    });
    const err = await s.pointer('api-server', 'main').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/repository octo\/invisible not found, or the token cannot see it/);
  });

  test('bad credentials say which token to set', async () => {
    const err = await store('ghs_unknown')
      .pointer('api-server', 'main')
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/bad credentials: set GITHUB_TOKEN/);
  });

  test('a corrupt pointer is a StoreError naming the file', async () => {
    await store().put(meta(1), profileBytes(1));
    const repo = server.repository(repository);
    const tip = repo.refs.get(REF)!;
    const blob = repo.put({ type: 'blob', content: Buffer.from('not json') });
    const tree = repo.editTree(repo.get(tip, 'commit')!.tree, [
      { path: 'api-server/main/latest.json', mode: '100644', type: 'blob', sha: blob },
    ]);
    repo.refs.set(REF, repo.commit(tree, [tip], 'corrupt', 'someone'));
    const err = await store()
      .pointer('api-server', 'main')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(
      /api-server\/main\/latest\.json in branch:heapgate-baselines .*not valid JSON$/,
    );
  });
});

describe('delete', () => {
  test('one commit each: from the history, the current (the next newest takes its place), the last', async () => {
    const s = store();
    for (const n of [1, 2, 3]) await s.put(meta(n), profileBytes(n));
    const dir = 'api-server/main';
    expect(await s.delete('api-server', 'main', commitSha(2))).toMatchObject({ object: 'removed', pointer: 'history' });
    expect(checkout().has(`${dir}/commits/${commitSha(2)}.json`)).toBe(false);
    expect(checkout().has(`${dir}/commits/${commitSha(2)}.pb.gz`)).toBe(false);
    expect(await s.delete('api-server', 'main', commitSha(3))).toEqual({
      object: 'removed',
      pointer: 'current',
      current: meta(1),
    });
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
    expect(await s.delete('api-server', 'main', commitSha(3))).toEqual({
      object: 'absent',
      pointer: 'absent',
      current: meta(1),
    });
    expect(await s.delete('api-server', 'main', commitSha(1))).toEqual({ object: 'removed', pointer: 'last' });
    expect(await s.pointer('api-server', 'main')).toBeUndefined();
    expect([...checkout().keys()].filter((k) => k.startsWith(`${dir}/`))).toEqual([]);
  });
});

describe('rules on the baselines branch', () => {
  test('a ref update refused while nobody moved the branch is a StoreError at once, naming the rule, not contention', async () => {
    await store().put(meta(1), profileBytes(1));
    server.fail('PATCH', /\/git\/refs\//, 422, 'Repository rule violations found');
    try {
      const before = server.requests.length;
      const err = await store()
        .put(meta(2), profileBytes(2))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).exitCode).toBe(3);
      expect((err as Error).message).toMatch(
        /^writing branch:heapgate-baselines \(octo\/repo\d+\): GitHub refused to move the branch \(Repository rule violations found\) .*ruleset/,
      );
      // One attempt, not twenty.
      expect(server.requests.slice(before).filter((r) => r.method === 'PATCH')).toHaveLength(1);
    } finally {
      server.clearFaults();
    }
    expect((await store().pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
  });

  test('creating the branch refused by a rule says so too', async () => {
    server.fail('POST', /\/git\/refs$/, 422, 'Repository rule violations found');
    try {
      const err = await store()
        .put(meta(1), profileBytes(1))
        .catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/GitHub refused to move the branch \(Repository rule violations found\)/);
    } finally {
      server.clearFaults();
    }
  });
});
