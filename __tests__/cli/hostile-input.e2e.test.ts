/**
 * Hostile inputs end bounded, and stores never pair what does not belong together: each case through
 * the bundled CLI as a process, with its time and memory measured by GNU time where a bound is the
 * point. (Decoder-level hostility — bombs, truncations, mutations — is in fail-closed.e2e and the
 * fuzz pass.)
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, ROOT, runCli, type RunResult } from '../helpers/dist.js';
import { timedCli } from '../helpers/gnu-time.js';
import { testWithGo } from '../helpers/with-go.js';
import { encodeProfile } from '../helpers/encode-profile.js';

const BASE = join(ROOT, 'examples/regression/base.heap.pb.gz');
const CURRENT = join(ROOT, 'examples/regression/current.heap.pb.gz');
const BENCH = join(ROOT, '__tests__/fixtures/gobench/good.count6.bench');
const sha = (c: string) => c.repeat(40);

let cli: string;
let tmp: string;

beforeAll(() => {
  cli = builtCli();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-hostile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const heapgate = (args: readonly string[]): RunResult => runCli(cli, args, tmp);

/** The CLI as a child process without blocking this one (a test server answers meanwhile). */
function runCliAsync(args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: tmp, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A gzipped heap profile (inuse_objects, inuse_space; MemProfileRate 1) of `samples`, each a stack
 * of function names, leaf first; identical names share one function and one location.
 */
function heapProfile(samples: readonly { readonly stack: readonly string[]; readonly bytes: number }[]): Uint8Array {
  const ids = new Map<string, number>();
  for (const s of samples) for (const name of s.stack) if (!ids.has(name)) ids.set(name, ids.size + 1);
  return encodeProfile(
    {
      sampleType: [
        ['inuse_objects', 'count'],
        ['inuse_space', 'bytes'],
      ],
      periodType: ['space', 'bytes'],
      period: 1,
      function: [...ids].map(([name, id]) => ({ id, name, systemName: name, filename: 'main.go' })),
      location: [...ids.values()].map((id) => ({ id, line: [{ functionId: id, line: 10 }] })),
      sample: samples.map((s) => ({ locationId: s.stack.map((n) => ids.get(n)!), value: [1, s.bytes] })),
    },
    { gzip: true },
  );
}

/** Writes `bytes` to `name` in the test directory and returns its path. */
function file(name: string, bytes: Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
}

/** Exit `code`, exactly one line on stderr matching `pattern`, no stack trace. */
function expectOneLine(r: { code: number | null; stderr: string }, code: number, pattern: RegExp): void {
  expect(r.code).toBe(code);
  const lines = r.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^heapgate: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const put = (profile: string, store: string, commit: string, extra: readonly string[] = []) =>
  heapgate([
    'baseline',
    'put',
    profile,
    '--store',
    store,
    '--series',
    'catalog',
    '--branch',
    'main',
    '--sha',
    commit,
    ...extra,
  ]);

describe('reads are bounded by the bytes read, not by what stat says', () => {
  test('a device (/dev/zero) under --max-profile-size 1MiB: exit 2 at once, in little memory', () => {
    const r = timedCli(cli, ['diff', BASE, '/dev/zero', '--max-profile-size', '1MiB'], tmp);
    expectOneLine(
      r,
      2,
      /reading current profile \/dev\/zero: not a regular file, and more than the limit of 1048576 bytes/,
    );
    expect(r.seconds).toBeLessThan(5);
    expect(r.rssMiB).toBeLessThan(300);
  });

  test('a FIFO fed without end is cut at the cap; one that ends is read like a file', async () => {
    const fifo = join(tmp, 'profile.fifo');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `cat /dev/zero > '${fifo}'`], { stdio: 'ignore' });
    const r = timedCli(cli, ['diff', BASE, fifo, '--max-profile-size', '1MiB'], tmp);
    writer.kill('SIGKILL');
    expectOneLine(r, 2, /profile\.fifo: not a regular file, and more than the limit/);
    expect(r.seconds).toBeLessThan(5);

    const feeder = spawn('sh', ['-c', `cat '${CURRENT}' > '${fifo}'`], { stdio: 'ignore' });
    const ok = timedCli(cli, ['diff', BASE, fifo, '--format', 'json'], tmp);
    await new Promise((resolve) => feeder.on('close', resolve));
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.stdout).verdict).toBe('fail');
  });

  test('a rules file that is a device is refused at its cap', () => {
    const r = timedCli(cli, ['diff', BASE, CURRENT, '--rules', '@/dev/zero'], tmp);
    expectOneLine(r, 2, /reading rules file \/dev\/zero: more than 1048576 bytes, the limit/);
    expect(r.seconds).toBeLessThan(5);
  });
});

describe('function-rule patterns end bounded', () => {
  test('(a+)+$ against a function named a×40 + "!" ends within seconds (linear-time matching)', () => {
    const name = `${'a'.repeat(40)}!`;
    const base = file('re-base.pb.gz', heapProfile([{ stack: [name, 'main.main'], bytes: 10_000_000 }]));
    const current = file('re-current.pb.gz', heapProfile([{ stack: [name, 'main.main'], bytes: 20_000_000 }]));
    const r = timedCli(cli, ['diff', base, current, '--rules', 'inuse_space for (a+)+$: +10%'], tmp, {
      killAfterMs: 30_000,
    });
    expectOneLine(
      r,
      2,
      /rule 1 \("inuse_space for \(a\+\)\+\$: \+10%"\): \/\(a\+\)\+\$\/ matches no function in either profile/,
    );
    expect(r.seconds).toBeLessThan(5);
    // The same engine matches what it should: a pattern that does match judges the function.
    const hit = timedCli(
      cli,
      ['diff', base, current, '--rules', 'inuse_space for (a+)+!$: +10%', '--format', 'json'],
      tmp,
    );
    expect(hit.code).toBe(1);
  });

  test('a pattern of 40,000 characters: exit 2, one line, the pattern cut', () => {
    const r = timedCli(cli, ['diff', BASE, CURRENT, '--rules', `inuse_space for ${'(a|b)'.repeat(8000)}: +10%`], tmp);
    expectOneLine(
      r,
      2,
      /^heapgate: --rules: rule 1 \("inuse_space for [(a|b)]{104}…"\): regular expression \/[(a|b)]{80}…\/ \(40000 characters, cut\) is longer than 1000 characters$/,
    );
    expect(r.stderr.length).toBeLessThan(400);
  });

  test('a back-reference is refused, saying why', () => {
    expectOneLine(
      heapgate(['diff', BASE, CURRENT, '--rules', 'inuse_space for (main)\\1: +10%']),
      2,
      /cannot be matched in linear time$/,
    );
  });
});

describe('reports stay bounded whatever the profile holds', () => {
  test('one sample with a 1,000,000-frame stack: an HTML page under 20 MB in under 1 GB, the middle frames elided', () => {
    const stack = ['main.leaf', ...Array.from({ length: 1_000_000 }, () => 'main.recurse'), 'main.main'];
    const base = file('deep-base.pb.gz', heapProfile([{ stack, bytes: 10_000_000 }]));
    const current = file('deep-current.pb.gz', heapProfile([{ stack, bytes: 20_000_000 }]));
    expect(statSync(current).size).toBeLessThan(20_000);
    const page = join(tmp, 'deep.html');
    const r = timedCli(cli, ['diff', base, current, '--format', 'html', '--output', page], tmp);
    expect(r.code).toBe(1);
    expect(statSync(page).size).toBeLessThan(20 * 1024 * 1024);
    expect(r.rssMiB).toBeLessThan(1024);
    expect(readFileSync(page, 'utf8')).toContain('[… frames elided: the stack is deeper than 256 frames]');
  });

  test('one 100 MiB function name: text, JSON and HTML reports cut it and say so', () => {
    const long = `main.${'x'.repeat(100 * 1024 * 1024)}`;
    const base = file('name-base.pb.gz', heapProfile([{ stack: [long, 'main.main'], bytes: 10_000_000 }]));
    const current = file('name-current.pb.gz', heapProfile([{ stack: [long, 'main.main'], bytes: 20_000_000 }]));
    expect(statSync(current).size).toBeLessThan(200_000);
    for (const format of ['text', 'json', 'html', 'markdown']) {
      const out = join(tmp, `name.${format}`);
      const r = timedCli(cli, ['diff', base, current, '--format', format, '--output', out, '--top', '0'], tmp);
      expect(r.code).toBe(1);
      expect(r.rssMiB).toBeLessThan(1024);
      const report = readFileSync(out, 'utf8');
      expect(report.length).toBeLessThan(100_000);
      if (format !== 'markdown') expect(report).toContain(`…[cut: ${long.length} characters, #`);
      expect(report).toContain('1 function name longer than 4096 characters');
    }
  });
});

describe('nothing inside a directory store is followed, and a link there never loops', () => {
  test('a dangling symlink as the newest pointer generation: show, history, check and put end with a store error', () => {
    const store = join(tmp, 'dangling');
    expect(put(BASE, store, sha('a')).code).toBe(0);
    symlinkSync(join(tmp, 'nowhere'), join(store, 'catalog', 'main', 'pointer', '0000000000000002.json'));
    const series = ['--store', store, '--series', 'catalog'];
    for (const argv of [
      ['baseline', 'show', ...series],
      ['baseline', 'history', ...series],
      ['check', CURRENT, ...series],
      ['baseline', 'put', CURRENT, ...series, '--sha', sha('b')],
    ]) {
      const r = timedCli(cli, argv, tmp, { killAfterMs: 20_000 });
      expectOneLine(
        r,
        3,
        /pointer\/0000000000000002\.json: a symbolic link; heapgate never follows links inside a store$/,
      );
      expect(r.seconds).toBeLessThan(5);
    }
  });

  test('a commit profile linked to /etc/passwd is refused, and nothing of that file is quoted', () => {
    const store = join(tmp, 'passwd');
    expect(put(BASE, store, sha('a')).code).toBe(0);
    const profile = join(store, 'catalog', 'main', 'commits', sha('a'), 'profile.pb.gz');
    rmSync(profile);
    symlinkSync('/etc/passwd', profile);
    const r = heapgate(['check', CURRENT, '--store', store, '--series', 'catalog']);
    expectOneLine(r, 3, /profile\.pb\.gz: a symbolic link; heapgate never follows links inside a store$/);
    expect(r.stderr).not.toMatch(/root|bin\/(ba)?sh/);
  });
});

describe('a directory store pairs each metadata with its own profile', () => {
  /** Heap profiles of one kind and eight different sizes. */
  const PROFILES = [
    'append/good.rate524288.heap.pb.gz',
    'append/good-rerun.rate524288.heap.pb.gz',
    'append/regressed.rate524288.heap.pb.gz',
    'builder/good-rerun.rate524288.heap.pb.gz',
    'builder/good.rate524288.heap.pb.gz',
    'builder/regressed.rate524288.heap.pb.gz',
    'append/good-rerun.rate1.heap.pb.gz',
    'append/good.rate1.heap.pb.gz',
  ].map((f) => join(ROOT, '__tests__/fixtures/go', f));

  /** The commit's stored files, read the way a reader would, agree with each other and with one input. */
  function expectPaired(store: string, commit: string): void {
    const shown = heapgate([
      'baseline',
      'show',
      '--store',
      store,
      '--series',
      'catalog',
      '--sha',
      commit,
      '--format',
      'json',
    ]);
    expect(shown.code).toBe(0);
    const metadata = JSON.parse(shown.stdout) as { size: number; total: number[] };
    const stored = readFileSync(join(store, 'catalog', 'main', 'commits', commit, 'profile.pb.gz'));
    expect(stored.length).toBe(metadata.size);
    const source = PROFILES.find((p) => readFileSync(p).equals(stored));
    expect(source).toBeDefined();
    // The totals are the stored profile's own (as the put that wrote it decoded them).
    const own = join(tmp, 'own-store');
    rmSync(own, { recursive: true, force: true });
    expect(put(source!, own, commit).code).toBe(0);
    const ownMeta = JSON.parse(
      heapgate(['baseline', 'show', '--store', own, '--series', 'catalog', '--format', 'json']).stdout,
    ) as { total: number[] };
    expect(metadata.total).toEqual(ownMeta.total);
  }

  const putAsync = (profile: string, store: string, commit: string) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [cli, 'baseline', 'put', profile, '--store', store, '--series', 'catalog', '--branch', 'main', '--sha', commit],
        { cwd: tmp, stdio: 'ignore' },
      );
      child.on('close', (code) => resolve(code));
    });

  test('8 concurrent puts of one commit with different profiles, 6 rounds: never torn', async () => {
    const store = join(tmp, 'concurrent');
    mkdirSync(store);
    for (let round = 0; round < 6; round++) {
      const commit = (round + 10).toString(16).repeat(40).slice(0, 40);
      const codes = await Promise.all(PROFILES.map((p) => putAsync(p, store, commit)));
      expect(codes).toEqual(PROFILES.map(() => 0));
      expectPaired(store, commit);
    }
  }, 120_000);

  test('puts killed at random moments leave either nothing or a whole pair; the next put completes it', async () => {
    const store = join(tmp, 'killed');
    mkdirSync(store);
    for (let round = 0; round < 8; round++) {
      const commit = (round + 1).toString(16).repeat(40).slice(0, 40);
      const child = spawn(
        process.execPath,
        [
          cli,
          'baseline',
          'put',
          PROFILES[round]!,
          '--store',
          store,
          '--series',
          'catalog',
          '--branch',
          'main',
          '--sha',
          commit,
        ],
        { cwd: tmp, stdio: 'ignore' },
      );
      const closed = new Promise((r) => child.on('close', r));
      // From before the profile is read to after the pointer moved: the rounds spread the moment.
      await new Promise((r) => setTimeout(r, 80 + round * 40));
      child.kill('SIGKILL');
      await closed;
      const shown = heapgate([
        'baseline',
        'show',
        '--store',
        store,
        '--series',
        'catalog',
        '--sha',
        commit,
        '--format',
        'json',
      ]);
      expect(shown.code).toBe(0);
      if ((JSON.parse(shown.stdout) as { baseline?: null }).baseline !== null) expectPaired(store, commit);
      expect(put(PROFILES[(round + 1) % 8]!, store, commit).code).toBe(0);
      expectPaired(store, commit);
    }
  }, 120_000);

  test("an earlier version's killed put (metadata without its profile) is replaced whole by the next put", () => {
    const store = join(tmp, 'earlier');
    const commits = join(store, 'catalog', 'main', 'commits');
    mkdirSync(commits, { recursive: true });
    expect(put(PROFILES[0]!, join(tmp, 'scratch'), sha('c')).code).toBe(0);
    const meta = readFileSync(join(tmp, 'scratch', 'catalog', 'main', 'commits', sha('c'), 'metadata.json'));
    writeFileSync(join(commits, `${sha('c')}.json`), meta);
    expect(put(PROFILES[5]!, store, sha('c')).code).toBe(0);
    expectPaired(store, sha('c'));
    expect(
      readFileSync(join(store, 'catalog', 'main', 'commits', sha('c'), 'profile.pb.gz')).equals(
        readFileSync(PROFILES[5]!),
      ),
    ).toBe(true);
  });

  test('a pair an earlier version tore is refused by name, with the way out', () => {
    const store = join(tmp, 'torn');
    const commits = join(store, 'catalog', 'main', 'commits');
    mkdirSync(commits, { recursive: true });
    expect(put(PROFILES[0]!, join(tmp, 'scratch2'), sha('d')).code).toBe(0);
    copyFileSync(
      join(tmp, 'scratch2', 'catalog', 'main', 'commits', sha('d'), 'metadata.json'),
      join(commits, `${sha('d')}.json`),
    );
    copyFileSync(PROFILES[4]!, join(commits, `${sha('d')}.pb.gz`));
    const r = heapgate(['baseline', 'show', '--store', store, '--series', 'catalog', '--sha', sha('d')]);
    expectOneLine(
      r,
      3,
      new RegExp(
        `${sha('d')}\\.pb\\.gz has ${statSync(PROFILES[4]!).size} bytes but ${sha('d')}\\.json says ` +
          `${statSync(PROFILES[0]!).size}, left by an interrupted or concurrent put of an earlier heapgate; put the ` +
          `commit again, or remove it with heapgate baseline delete --sha dddddddddddd$`,
      ),
    );
  });
});

describe('a series holds one kind of baseline, and a wrong one can be removed', () => {
  test('Go benchmark output into a series of heap profiles is refused naming both; delete repairs the pointer', () => {
    const store = join(tmp, 'kinds');
    expect(put(BASE, store, sha('a')).code).toBe(0);
    expect(put(CURRENT, store, sha('b')).code).toBe(0);
    const wrong = put(BENCH, store, sha('c'));
    expectOneLine(
      wrong,
      2,
      /series catalog on branch main holds profiles of alloc_objects\/count, .*inuse_space\/bytes, but this is Go benchmark output \(B\/op, allocs\/op\): store it under another --series/,
    );
    expect(readdirSync(join(store, 'catalog', 'main', 'commits')).sort()).toEqual([sha('a'), sha('b')]);

    const del = ['baseline', 'delete', '--store', store, '--series', 'catalog', '--branch', 'main'];
    const r = heapgate([...del, '--sha', sha('b')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      `baseline bbbbbbbbbbbb of catalog on main in ${store}: deleted; the current baseline is now aaaaaaaaaaaa\n`,
    );
    const show = heapgate(['baseline', 'show', '--store', store, '--series', 'catalog', '--format', 'json']);
    expect(JSON.parse(show.stdout).sha).toBe(sha('a'));
    expectOneLine(
      heapgate([...del, '--sha', sha('b')]),
      2,
      /no baseline of commit bbbbbbbbbbbb on branch "main" of series catalog in .*: nothing deleted$/,
    );
    expectOneLine(heapgate(del), 2, /baseline delete needs --sha/);

    // Deleting the last one leaves the branch without a baseline; then another kind may start it.
    const last = JSON.parse(heapgate([...del, '--sha', sha('a'), '--format', 'json']).stdout);
    expect(last).toMatchObject({ object: 'removed', pointer: 'last' });
    expect(heapgate(['check', CURRENT, '--store', store, '--series', 'catalog', '--branch', 'main']).stdout).toMatch(
      /^no baseline for series catalog/,
    );
    expect(put(BENCH, store, sha('c')).code).toBe(0);
  });
});

describe('a branch: store whose API cannot be reached says so, with no invented HTTP status', () => {
  /** A port nothing listens on (bound, then closed), and a server that drops every connection. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    return port;
  }

  test.each([
    ['refused', async () => ({ port: await closedPort(), close: async () => {} })],
    [
      'reset',
      async () => {
        const server = createServer((socket) => socket.destroy());
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(r)) };
      },
    ],
  ])('connection %s: "cannot reach 127.0.0.1:PORT", exit 3', async (_what, start) => {
    const { port, close } = await start();
    try {
      const r = await runCliAsync(
        ['baseline', 'show', '--store', 'branch:heapgate-baselines', '--repo', 'o/r', '--series', 'catalog'],
        { GITHUB_API_URL: `http://127.0.0.1:${port}`, GITHUB_TOKEN: 'ghs_not_a_real_token' },
      );
      expectOneLine(
        r,
        3,
        new RegExp(
          `reading branch:heapgate-baselines \\(o/r\\): cannot reach 127\\.0\\.0\\.1:${port}: .+ ` +
            '\\(check the network, or GITHUB_API_URL\\)$',
        ),
      );
      expect(r.stderr).not.toMatch(/HTTP \d|ghs_/);
    } finally {
      await close();
    }
  });
});

describe('hints and small limits', () => {
  test('a series stored only on another branch: the no-baseline run names that branch', () => {
    const store = join(tmp, 'master-only');
    expect(
      heapgate([
        'baseline',
        'put',
        BASE,
        '--store',
        store,
        '--series',
        'catalog',
        '--branch',
        'master',
        '--sha',
        sha('a'),
      ]).code,
    ).toBe(0);
    const r = heapgate(['check', CURRENT, '--store', store, '--series', 'catalog', '--branch', 'main']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no baseline for series catalog on branch "main"/);
    expect(r.stderr).toBe('heapgate: the store has series "catalog" on branch "master" only (check --branch)\n');
  });

  testWithGo('a profile of negative values (a -diff_base output saved with -proto) is refused as a difference', () => {
    const diff = join(tmp, 'diff.pb.gz');
    const pprof = spawnSync('go', ['tool', 'pprof', '-proto', '-diff_base', BASE, CURRENT], { encoding: 'buffer' });
    if (pprof.status !== 0) throw new Error(`go tool pprof failed: ${pprof.stderr.toString()}`);
    writeFileSync(diff, pprof.stdout);
    for (const argv of [
      ['diff', BASE, diff],
      ['baseline', 'put', diff, '--store', 'neg', '--series', 'x', '--sha', sha('e')],
    ]) {
      expectOneLine(
        heapgate(argv),
        2,
        /diff\.pb\.gz: \d+ of \d+ samples have negative values: this is a difference of two profiles \(as pprof -diff_base writes\), not a measurement/,
      );
    }
  });

  test('--history under 5 is a usage error naming the minimum', () => {
    expectOneLine(
      heapgate(['check', CURRENT, '--store', 'x', '--series', 'catalog', '--history', '3']),
      2,
      /--history 3 baselines can never calibrate the noise: use at least 5, or 0 to turn the history off$/,
    );
  });
});
