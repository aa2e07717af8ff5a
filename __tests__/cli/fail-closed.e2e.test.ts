/**
 * Failing closed, through the bundled CLI as a process: every misconfiguration and hostile input
 * that could leave the gate blind is a non-zero exit (2 usage or input, 3 store) with one line
 * naming the problem and the fix, never a pass. Profiles a memory gate cannot judge, and a Go test
 * profile for the rule rows, are made by real Go programs (workloads/profilekinds, and the test
 * snippet of docs/action.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtCli, ROOT, runCli, type RunResult } from '../helpers/dist.js';
import { describeWithGo } from '../helpers/with-go.js';

const BASE = join(ROOT, 'examples/regression/base.heap.pb.gz');
const CURRENT = join(ROOT, 'examples/regression/current.heap.pb.gz');
const SHA = 'a'.repeat(40);

let cli: string;
let tmp: string;

beforeAll(() => {
  cli = builtCli();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-closed-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const heapgate = (args: readonly string[], env: NodeJS.ProcessEnv = {}): RunResult => runCli(cli, args, tmp, env);

/** Exit `code`, nothing on stdout, exactly one line on stderr matching `pattern`, no stack trace. */
function expectOneLine(r: RunResult, code: number, pattern: RegExp): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
  const lines = r.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^heapgate: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const put = (profile: string, store: string, series = 'catalog', sha = SHA, extra: string[] = []) =>
  heapgate([
    'baseline',
    'put',
    profile,
    '--store',
    store,
    '--series',
    series,
    '--branch',
    'main',
    '--sha',
    sha,
    ...extra,
  ]);

describe('store URLs', () => {
  test.each([
    ['gs:/my-heap-baselines/heapgate', /a Cloud Storage store is written gs:\/\/BUCKET\/PREFIX \(gs:\)/],
    ['gs:bucket', /a Cloud Storage store is written gs:\/\/BUCKET\/PREFIX/],
    ['gcs://my-heap-baselines/x', /\(gcs:\)/],
    ['s3://bucket/x', /unknown scheme \(s3:\)/],
    ['gs://', /the bucket name is empty/],
  ])('baseline put --store %s is a usage error listing the accepted forms; nothing is created', (store, why) => {
    const r = put(BASE, store);
    expectOneLine(r, 2, why);
    expect(r.stderr).toContain(
      'accepted forms: gs://BUCKET/PREFIX, branch:NAME, file:///ABSOLUTE/DIR, or a directory path',
    );
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('check against a mistyped bucket is a usage error, not "no baseline"', () => {
    expectOneLine(heapgate(['check', CURRENT, '--store', 'gs:/my-bucket/x', '--series', 'catalog']), 2, /gs:/);
  });

  test.each([
    ['check', ['check', CURRENT]],
    ['baseline show', ['baseline', 'show']],
    ['baseline history', ['baseline', 'history']],
  ])('%s against a directory that does not exist is a store error naming it', (_name, argv) => {
    const r = heapgate([...argv, '--store', 'no-such-store', '--series', 'catalog']);
    expectOneLine(r, 3, /^heapgate: store directory \/.*\/no-such-store does not exist: check --store/);
  });

  test('put creates a store directory only below an existing one', () => {
    expectOneLine(put(BASE, 'missing/parent/store'), 3, /its parent \/.*\/missing\/parent does not exist/);
    expect(existsSync(join(tmp, 'missing'))).toBe(false);
    expect(put(BASE, 'store').code).toBe(0);
  });
});

describe('series', () => {
  test('a series the store lacks: no baseline (exit 0), and stderr names the closest', () => {
    const store = join(tmp, 'series-store');
    expect(put(BASE, store, 'catalog').code).toBe(0);
    expect(put(BASE, store, 'api-server').code).toBe(0);
    const r = heapgate(['check', CURRENT, '--store', store, '--series', 'Catalog']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no baseline for series Catalog');
    expect(r.stderr).toBe(
      'heapgate: the store has no series "Catalog"; it has "catalog", "api-server": did you mean "catalog"? ' +
        '(check --series)\n',
    );
  });
});

describe('commits', () => {
  test('a short sha is a usage error saying how to get the full one', () => {
    const r = put(BASE, 'store', 'catalog', '59354bf');
    expectOneLine(r, 2, /invalid commit sha "59354bf": a short commit id; give the full one \(git rev-parse 59354bf\)/);
    const s = heapgate(['baseline', 'show', '--store', 'store', '--series', 'catalog', '--sha', '59354bf']);
    expectOneLine(s, 2, /git rev-parse 59354bf/);
  });
});

describe('small things', () => {
  test('--top -1 says it must be ≥ 0', () => {
    expectOneLine(heapgate(['diff', BASE, CURRENT, '--top', '-1']), 2, /--top must be an integer ≥ 0, got "-1"/);
  });

  test('with --output the one-line verdict still goes to stderr', () => {
    const r = heapgate(['diff', BASE, CURRENT, '--output', 'r.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^heapgate: fail \(\d+ failed, \d+ warned, \d+ within noise\); report written to r\.txt\n$/,
    );
    expect(readFileSync(join(tmp, 'r.txt'), 'utf8')).toMatch(/^heapgate: FAIL/);
  });

  test('baseline show --help shows only its own usage', () => {
    const r = heapgate(['baseline', 'show', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('heapgate baseline show');
    expect(r.stdout).not.toContain('heapgate baseline put');
    expect(r.stdout).not.toContain('heapgate baseline history');
  });

  test('every command documents the same --branch default', () => {
    const helps = [['check'], ['baseline', 'put'], ['baseline', 'show'], ['baseline', 'history']].map(
      (argv) => heapgate([...argv, '--help']).stdout,
    );
    for (const h of helps) expect(h).toMatch(/\$GITHUB_BASE_REF, else \$GITHUB_REF_NAME, else (main|--default-branch)/);
  });

  test('the --branch default is the pull request target, else the pushed branch, else main', () => {
    const store = join(tmp, 'branch-store');
    expect(put(BASE, store).code).toBe(0);
    const show = (env: NodeJS.ProcessEnv) =>
      heapgate(['baseline', 'show', '--store', store, '--series', 'catalog', '--format', 'json'], env);
    expect(JSON.parse(show({}).stdout).branch).toBe('main');
    expect(JSON.parse(show({ GITHUB_REF_NAME: 'dev' }).stdout)).toMatchObject({ baseline: null });
    expect(JSON.parse(show({ GITHUB_BASE_REF: 'main', GITHUB_REF_NAME: 'dev' }).stdout).branch).toBe('main');
  });

  test('check --help says rules are added to the defaults', () => {
    expect(heapgate(['check', '--help']).stdout).toContain('rules added to the defaults');
  });
});

describe('oversized and hostile input', () => {
  /** A 1 MiB gzip file of 1,024 members, each 1 MiB of zeros: 1 GiB once inflated. */
  function gzipBomb(): Buffer {
    const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
    return Buffer.concat(Array.from({ length: 1024 }, () => member));
  }

  test('a gzip bomb is refused from its first bytes, quickly and in little memory', () => {
    const bomb = join(tmp, 'bomb.pb.gz');
    writeFileSync(bomb, gzipBomb());
    // Peak memory as the kernel counts it (GNU time's %M, KiB); loose bounds: the benchmark measures.
    const r = spawnSync('/usr/bin/time', ['-f', 'maxrss %M', process.execPath, cli, 'diff', bomb, bomb], {
      cwd: tmp,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^heapgate: decoding base profile .*bomb\.pb\.gz: not a pprof profile \(decompressed/);
    const rssKiB = Number(/^maxrss (\d+)$/m.exec(r.stderr)?.[1]);
    expect(rssKiB / 1024).toBeGreaterThan(0);
    expect(rssKiB / 1024).toBeLessThan(300);
  });

  test('a file over --max-profile-size is refused before it is read, a profile inflating past it while decoded', () => {
    const large = join(ROOT, '__tests__/fixtures/go/cache/regressed.rate1.heap.pb.gz');
    const r = heapgate(['diff', large, large, '--max-profile-size', '1KiB']);
    expectOneLine(
      r,
      2,
      /reading base profile .*: \d+ bytes, more than the limit of 1024 bytes \(raise it with max-pro/,
    );
    const small = heapgate(['diff', BASE, CURRENT, '--max-profile-size', '1KiB']);
    expectOneLine(small, 2, /decoding base profile .*: gzip: decompresses to more than 1024 bytes, the limit/);
    expectOneLine(heapgate(['diff', BASE, CURRENT, '--max-profile-size', 'big']), 2, /--max-profile-size must be/);
  });
});

/** The workload under the docs' snippet: a cache that retains 8 MiB in 1 KiB values. */
const WORKLOAD = `package cache

type Cache struct{ items map[int][]byte }

//go:noinline
func (c *Cache) Put(k int, v []byte) { c.items[k] = append([]byte(nil), v...) }

func runWorkload() *Cache {
	c := &Cache{items: map[int][]byte{}}
	v := make([]byte, 1024)
	for i := 0; i < 8192; i++ {
		c.Put(i, v)
	}
	return c
}
`;

describeWithGo('profiles and rules from real Go programs', () => {
  let kinds: string;
  let testProfile: string;
  const go = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync('go', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off', ...env },
    });
    if (r.status !== 0) throw new Error(`go ${args.join(' ')}: ${r.stderr}`);
  };

  beforeAll(() => {
    kinds = join(tmp, 'kinds');
    mkdirSync(kinds);
    go(['run', './profilekinds', '-out', kinds], join(ROOT, 'workloads'));
    // docs/action.md's test snippet, as a user copies it, over a workload that retains 8 MiB.
    const pkg = join(tmp, 'gotest');
    mkdirSync(pkg);
    const doc = readFileSync(join(ROOT, 'docs/action.md'), 'utf8');
    const snippet = /```go\n(package cache\n[\s\S]*?)```/.exec(doc)?.[1];
    if (snippet === undefined) throw new Error('docs/action.md has no Go test snippet');
    writeFileSync(join(pkg, 'go.mod'), 'module example.com/app/cache\n\ngo 1.18\n');
    writeFileSync(join(pkg, 'cache_test.go'), snippet);
    writeFileSync(join(pkg, 'workload.go'), WORKLOAD);
    testProfile = join(pkg, 'heap.pb.gz');
    go(['test', '-run', 'TestHeapProfile', '-count=1', '.'], pkg, { HEAP_PROFILE: testProfile });
  }, 120_000);

  test.each([
    ['cpu', 'a CPU profile (sample types samples/count, cpu/nanoseconds)'],
    ['goroutine', 'a goroutine profile (sample types goroutine/count)'],
    ['block', 'a block or mutex (contention) profile'],
    ['mutex', 'a block or mutex (contention) profile'],
    ['threadcreate', 'a threadcreate profile'],
  ])('diff of a %s profile is an input error naming its kind and how to write a heap profile', (kind, what) => {
    const file = join(kinds, `${kind}.pb.gz`);
    const r = heapgate(['diff', file, file]);
    expectOneLine(r, 2, /not a memory profile: heapgate needs a heap profile, written with runtime\.GC\(\) then /);
    expect(r.stderr).toContain(what);
  });

  test('baseline put of a CPU profile stores nothing', () => {
    const r = put(join(kinds, 'cpu.pb.gz'), 'cpu-store');
    expectOneLine(r, 2, /a CPU profile/);
    expect(existsSync(join(tmp, 'cpu-store'))).toBe(false);
  });

  test("the docs' test snippet keeps the workload's result in the heap profile", () => {
    const r = heapgate(['diff', testProfile, testProfile, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { metrics: { sampleType: string; current: number }[] };
    const inuse = report.metrics.find((m) => m.sampleType === 'inuse_space')!;
    expect(inuse.current).toBeGreaterThanOrEqual(8 * 1024 * 1024);
  });

  test('a function rule for main. on a Go test profile names the module-path functions it missed', () => {
    const r = heapgate(['diff', testProfile, testProfile, '--rules', 'inuse_space for ^main\\.cache: +10%']);
    expectOneLine(r, 2, /matches no function in either profile; closest: .*example\.com\/app\/cache\./);
  });

  test("the README's function rule example matches a Go test profile's module-path names", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rule = /^\s*(inuse_space for \S+: \+10% min 64KiB)/m.exec(readme)?.[1];
    expect(rule).toBeDefined();
    const r = heapgate(['diff', testProfile, testProfile, '--rules', rule!, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { metrics: { pattern: string | null; current: number }[] };
    const fn = report.metrics.find((m) => m.pattern !== null)!;
    expect(fn.current).toBeGreaterThanOrEqual(8 * 1024 * 1024);
  });
});
