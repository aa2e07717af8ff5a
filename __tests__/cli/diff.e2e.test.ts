import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { validate } from '../core/render/json-schema.js';
import { cleanupOracle, pprofBinary, pprofTop } from '../helpers/pprof-oracle.js';
import { testWithGo } from '../helpers/with-go.js';
import { main } from '../../src/cli/main.js';
import { builtCli, ROOT, runCli } from '../helpers/dist.js';

const REG = ['examples/regression/base.heap.pb.gz', 'examples/regression/current.heap.pb.gz'];
const SAME = ['examples/no-change/base.allocs.pb.gz', 'examples/no-change/current.allocs.pb.gz'];
const TCMALLOC = '__tests__/fixtures/tcmalloc/good.heapz.pb.gz';
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8'));

let cli: string;
let tmp: string;

beforeAll(() => {
  cli = builtCli();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-cli-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  cleanupOracle();
});

/** Asserts the process failed with exit 2 and exactly one line on stderr, without a stack trace. */
function expectInputError(r: { code: number | null; stderr: string; stdout: string }, fragment: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^heapgate: /);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  if (typeof fragment === 'string') expect(lines[0]).toContain(fragment);
  else expect(lines[0]).toMatch(fragment);
}

describe('heapgate (bundled) basics', () => {
  test('--version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const r = runCli(cli, ['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`heapgate ${pkg.version}\n`);
  });

  test('--help lists diff; diff --help lists its options', () => {
    const r = runCli(cli, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}diff {2}/m);
    const d = runCli(cli, ['diff', '--help']);
    expect(d.code).toBe(0);
    for (const flag of ['--rules', '--format', '--top', '--sample-index', '--confidence', '--output'])
      expect(d.stdout).toContain(flag);
  });

  test('the bundle starts with a shebang', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

describe('heapgate diff on real profiles', () => {
  test('regression: exit 1 and a FAIL report', () => {
    const r = runCli(cli, ['diff', ...REG]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^heapgate: FAIL /);
    expect(r.stdout).toMatch(/^inuse_space .* fail$/m);
    expect(r.stdout).not.toContain('\u001b');
  });

  test('no change, sampled at 512 KiB: inconclusive, exit 0, and the report says what would make it conclusive', () => {
    const r = runCli(cli, ['diff', ...SAME]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^heapgate: INCONCLUSIVE /);
    expect(r.stdout).toContain('Inconclusive: to make it conclusive:');
    expect(r.stdout).toContain('runtime.MemProfileRate = 1');
  });

  test.each([
    ['pass', 0, ''],
    ['warn', 0, 'heapgate: inconclusive: the noise hides a change as large as the threshold of '],
    ['fail', 1, 'heapgate: inconclusive (exit 1: --on-inconclusive fail): the noise hides a change as large as '],
  ])('--on-inconclusive %s: exit %d', (policy, code, stderr) => {
    const r = runCli(cli, ['diff', ...SAME, '--on-inconclusive', policy]);
    expect(r.code).toBe(code);
    expect(r.stderr.startsWith(stderr)).toBe(true);
    expect(r.stdout).toMatch(/^heapgate: INCONCLUSIVE /);
  });

  test('go test -bench profiles: a warning that totals scale with b.N, -benchtime=Nx in the advice, never exact', () => {
    const bench = ['good', 'good-rerun'].map((v) => `__tests__/fixtures/gobench/${v}.rate1.mem.pb.gz`);
    const r = runCli(cli, ['diff', ...bench]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^heapgate: INCONCLUSIVE /);
    expect(r.stdout).toContain('warning: go test -bench profiles: their totals count every iteration');
    expect(r.stdout).toContain('-benchtime=Nx');
    const rows = r.stdout.split('\n').filter((l) => /^(alloc|inuse)_/.test(l));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/ n\/a +unknown +\S.* inconclusive$/);
    expect(JSON.parse(runCli(cli, ['diff', ...bench, '--format', 'json']).stdout).metrics[0].detectable).toBeNull();
  });

  test('--on-inconclusive: a fail verdict stays exit 1; an unknown value is a usage error', () => {
    expect(runCli(cli, ['diff', ...REG, '--on-inconclusive', 'pass']).code).toBe(1);
    const bad = runCli(cli, ['diff', ...SAME, '--on-inconclusive', 'maybe']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe('heapgate: --on-inconclusive must be one of pass, warn, fail, got "maybe"\n');
  });

  test("all: fails only when every part fails (the seed's inuse_space +15% and alloc_objects +20%)", () => {
    // Every allocation recorded: the cache grows 20× in use while it allocates fewer objects.
    const RATE1 = ['good', 'regressed'].map((v) => `__tests__/fixtures/go/cache/${v}.rate1.heap.pb.gz`);
    const rules = ['--rules', 'all: inuse_space +15%, alloc_objects +20%\ninuse_objects off'];
    const seed = runCli(cli, ['diff', ...RATE1, ...rules, '--format', 'json']);
    const json = JSON.parse(seed.stdout);
    const space = json.metrics.find((m: { sampleType: string }) => m.sampleType === 'inuse_space');
    expect(space).toMatchObject({
      status: 'pass',
      partStatus: 'fail',
      rule: 'all: inuse_space +15%, alloc_objects +20%',
    });
    expect(seed.code).toBe(0);
    expect(runCli(cli, ['diff', ...RATE1, ...rules]).stdout).toMatch(/^inuse_space .* pass \(own fail\)$/m);
    // Both parts over their thresholds: fails.
    const both = runCli(cli, ['diff', ...RATE1, '--rules', 'all: inuse_space +15%, inuse_objects +20%']);
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/^inuse_space .* all: inuse_space \+15%, inuse_objects \+20% +fail$/m);
  });

  test('json: matches the schema and lists every function by default', () => {
    const r = runCli(cli, ['diff', ...REG, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(validate(json, schema)).toEqual([]);
    expect(json.verdict).toBe('fail');
    expect(json.top).toBeNull();
    for (const [type, rows] of Object.entries(json.functions as Record<string, unknown[]>)) {
      expect(rows).toHaveLength(json.functionCount[type]);
    }
  });

  testWithGo('json: flat and cum deltas and the base totals agree with go tool pprof', () => {
    const json = JSON.parse(runCli(cli, ['diff', ...REG, '--format', 'json']).stdout);
    for (const type of ['inuse_space', 'alloc_objects']) {
      const top = pprofTop(join(ROOT, REG[1]!), type, join(ROOT, REG[0]!));
      const ours = new Map(
        (json.functions[type] as { name: string; flatDelta: number; cumDelta: number }[]).map((f) => [f.name, f]),
      );
      expect(top.rows.length).toBeGreaterThan(0);
      for (const row of top.rows) {
        const f = ours.get(row.name);
        expect(f).toBeDefined();
        expect(Math.abs(f!.flatDelta - row.flat)).toBeLessThanOrEqual(1);
        expect(Math.abs(f!.cumDelta - row.cum)).toBeLessThanOrEqual(1);
      }
      const metric = json.metrics.find(
        (m: { sampleType: string; pattern: null }) => m.sampleType === type && m.pattern === null,
      );
      expect(Math.abs(metric.base - top.total)).toBeLessThanOrEqual(1);
    }
  });

  testWithGo('the -top table prints the percentages go tool pprof -top -diff_base prints, row by row', () => {
    const pprof = pprofBinary()!;
    const home = mkdtempSync(join(tmpdir(), 'heapgate-pprof-home-'));
    try {
      const fixturePairs = ['append', 'builder', 'cache', 'convert', 'map', 'pool'].map((p) => [
        `__tests__/fixtures/go/${p}/good.rate524288.heap.pb.gz`,
        `__tests__/fixtures/go/${p}/regressed.rate524288.heap.pb.gz`,
      ]);
      const cases = [
        ...[REG, SAME].flatMap((pair) =>
          ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'].map((t) => [pair, t] as const),
        ),
        ...fixturePairs.map((pair) => [pair, 'inuse_space'] as const),
      ];
      for (const [[base, current], type] of cases) {
        const args = [
          '-top',
          '-nodefraction=0',
          '-edgefraction=0',
          '-symbolize=none',
          `-sample_index=${type}`,
          `-diff_base=${base}`,
          current!,
        ];
        const theirs = spawnSync(pprof, args, {
          cwd: ROOT,
          encoding: 'utf8',
          env: { PATH: process.env.PATH, HOME: home, PPROF_TMPDIR: home },
        });
        expect(theirs.status).toBe(0);
        const ours = runCli(cli, ['diff', base!, current!, '--top', '0', '--sample-index', type]).stdout;
        // pprof: "flat flat% sum% cum cum% name"; ours: "flat Δ flat% sum% cum Δ cum% name". Compare
        // the percentage columns and names (pprof marks inlined functions, which heapgate does not).
        // Ours lists the failing types' tables first: the one asked for follows its "Type:" line.
        const rows = (text: string, header: RegExp, separator: RegExp, after = 0): string[][] => {
          const lines = text.split('\n');
          const start = lines.findIndex((l, i) => i >= after && header.test(l));
          const end = lines.findIndex((l, i) => i > start && l.trim() === '');
          return lines
            .slice(start + 1, end < 0 ? undefined : end)
            .filter((l) => l.trim() !== '')
            .map((l) => l.trim().split(separator))
            .map((c) => [
              c[1]!,
              c[2]!,
              c[4]!,
              c
                .slice(5)
                .join(' ')
                .replace(/ \((partial-)?inline\)$/, ''),
            ]);
        };
        // pprof's values have no spaces; ours ("-5.29 MiB") do, and columns are two spaces apart.
        const expected = rows(theirs.stdout, /^\s*flat\s+flat%/, /\s+/);
        expect(expected.length).toBeGreaterThan(0);
        const typeLine = ours.split('\n').indexOf(`Type: ${type}`);
        expect(typeLine).toBeGreaterThan(0);
        expect(rows(ours, /^\s*flat Δ\s+flat%/, /\s{2,}/, typeLine)).toEqual(expected);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('--top limits rows; --top 0 gives all; --sample-index picks the table', () => {
    const all = JSON.parse(runCli(cli, ['diff', ...REG, '--format', 'json', '--top', '0']).stdout);
    const two = JSON.parse(runCli(cli, ['diff', ...REG, '--format', 'json', '--top', '2']).stdout);
    expect(two.top).toBe(2);
    for (const type of Object.keys(all.functions)) {
      expect(all.functions[type]).toHaveLength(all.functionCount[type]);
      expect(two.functions[type]).toEqual(all.functions[type].slice(0, 2));
    }
    const text = runCli(cli, ['diff', ...REG, '--top', '3', '--sample-index', 'alloc_objects']).stdout;
    expect(text).toContain('Type: alloc_objects');
    expect(text).toMatch(new RegExp(`Showing top 3 of ${all.functionCount.alloc_objects} functions`));
    const text0 = runCli(cli, ['diff', ...REG, '--top', '0']).stdout;
    expect(text0).toContain(`Showing all ${all.functionCount.inuse_space} functions`);
  });

  test('markdown puts the verdict first', () => {
    const r = runCli(cli, ['diff', ...REG, '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^### ❌ heapgate: fail/);
  });

  test('--rules as text and as @file; --confidence', () => {
    const rulesFile = join(tmp, 'rules.txt');
    writeFileSync(rulesFile, '# relaxed\ninuse_space +5000%\ninuse_objects off\n');
    const r = runCli(cli, ['diff', ...REG, '--rules', `@${rulesFile}`, '--format', 'json']);
    const json = JSON.parse(r.stdout);
    const space = json.metrics.find((m: { sampleType: string }) => m.sampleType === 'inuse_space');
    expect(space.rule).toContain('5000%');
    expect(space.status).toBe('pass');
    const inline = runCli(cli, [
      'diff',
      ...REG,
      '--rules',
      'inuse_space +5000%; inuse_objects off',
      '--format',
      'json',
    ]);
    expect(JSON.parse(inline.stdout).metrics).toEqual(json.metrics);
    const strict = JSON.parse(runCli(cli, ['diff', ...REG, '--confidence', '0.1', '--format', 'json']).stdout);
    expect(strict.confidence).toBe(0.1);
  });

  test('a reader that closes the pipe early gets no stack trace', async () => {
    const child = spawn(process.execPath, [cli, 'diff', ...REG, '--format', 'json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  test('profiles recorded at different MemProfileRates: a sampling warning in every format; the examples have none', () => {
    // good.rate524288 was recorded with Go's default rate, good.rate1 with every allocation
    // recorded (see __tests__/fixtures/README.md): one side is sampled, the other exact.
    const rates = [
      '__tests__/fixtures/go/cache/good.rate524288.heap.pb.gz',
      '__tests__/fixtures/go/cache/good.rate1.heap.pb.gz',
    ];
    const warning =
      'sampling rates differ: base MemProfileRate 524288, current 1 — deltas mix sampled and exact values';
    const text = runCli(cli, ['diff', ...rates]);
    expect(text.stderr).toBe('');
    expect(text.stdout.split('\n').slice(1, 4)).toEqual([
      `base:    ${rates[0]}`,
      `current: ${rates[1]}`,
      `warning: ${warning}`,
    ]);
    const json = JSON.parse(runCli(cli, ['diff', ...rates, '--format', 'json']).stdout);
    expect(json.warnings).toEqual([warning]);
    expect(validate(json, schema)).toEqual([]);
    const md = runCli(cli, ['diff', ...rates, '--format', 'markdown']).stdout;
    expect(md.split('\n')[1]).toBe(
      '⚠️ sampling rates differ\\: base MemProfileRate 524288\\, current 1 — deltas mix sampled and exact values',
    );
    for (const pair of [REG, SAME]) {
      expect(runCli(cli, ['diff', ...pair]).stdout).not.toContain('warning:');
      expect(JSON.parse(runCli(cli, ['diff', ...pair, '--format', 'json']).stdout).warnings).toEqual([]);
      // Without warnings the labels follow the verdict line directly.
      expect(runCli(cli, ['diff', ...pair, '--format', 'markdown']).stdout.split('\n')[1]).toMatch(/^Base /);
    }
  });

  test('--output writes the report to a file', () => {
    const out = join(tmp, 'report.md');
    const r = runCli(cli, ['diff', ...REG, '--format', 'markdown', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^### ❌ heapgate: fail/);
  });
});

describe('heapgate diff on profiles big enough for worker threads', () => {
  // Counts workers the CLI starts: a preload (inherited by workers, where it does nothing) wraps
  // Worker.prototype.once, which the loader calls to await each worker's message.
  const preload =
    "data:text/javascript,import{Worker,isMainThread}from'node:worker_threads';" +
    'if(isMainThread){const o=Worker.prototype.once;Worker.prototype.once=function(e,f){' +
    "if(e==='message')process.stderr.write('[worker started]\\n');return o.call(this,e,f)}}";
  let pair: string;

  beforeAll(() => {
    pair = join(tmp, 'synthetic');
    // 160,000 samples: about 13.2 MB of protobuf each, over the loader's MIN_WORKER_BYTES (9 MiB) for workers.
    const r = spawnSync(
      process.execPath,
      [
        'scripts/gen-synthetic.mjs',
        '--samples',
        '160000',
        '--locations',
        '50000',
        '--functions',
        '8000',
        '--pair',
        pair,
        '--quiet',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
  });

  test('small profiles are decoded in-thread: no worker', () => {
    const traced = spawnSync(process.execPath, ['--import', preload, cli, 'diff', ...REG], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(traced.status).toBe(1);
    expect(traced.stderr).toBe('');
  });

  test('each profile is decoded on its own worker, with the same result as in one thread', async () => {
    const args = ['diff', `${pair}.base.pb.gz`, `${pair}.current.pb.gz`, '--format', 'json', '--top', '0'];
    const traced = spawnSync(process.execPath, ['--import', preload, cli, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(traced.stderr).toBe('[worker started]\n[worker started]\n');
    expect(validate(JSON.parse(traced.stdout), schema)).toEqual([]);
    // The same command in this process: under ts-jest the loader decodes in-thread.
    let out = '';
    const io = {
      stdout: (t: string) => void (out += t),
      stderr: () => undefined,
      drained: () => Promise.resolve(),
      stdoutIsTTY: false,
      env: {},
      cwd: ROOT,
    };
    expect(await main(args, io)).toBe(traced.status);
    expect(out).toBe(traced.stdout);
  });

  test('a decoding error inside a worker is one line naming the file', () => {
    const raw = gunzipSync(readFileSync(`${pair}.current.pb.gz`));
    const p = join(tmp, 'cut-big.pb');
    writeFileSync(p, raw.subarray(0, raw.length - 3));
    const traced = spawnSync(process.execPath, ['--import', preload, cli, 'diff', `${pair}.base.pb.gz`, p], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(traced.status).toBe(2);
    expect(traced.stdout).toBe('');
    expect(traced.stderr).toMatch(
      new RegExp(`^\\[worker started\\]\\n\\[worker started\\]\\nheapgate: decoding current profile ${p}: [^\\n]+\\n$`),
    );
  });
});

describe('heapgate diff: bad input is one line on stderr and exit 2', () => {
  const good = join(ROOT, REG[0]!);
  const write = (name: string, bytes: Uint8Array | string): string => {
    const p = join(tmp, name);
    writeFileSync(p, bytes);
    return p;
  };

  test('missing file', () => {
    expectInputError(runCli(cli, ['diff', 'no/such.pb.gz', good]), 'reading base profile no/such.pb.gz: no such file');
  });

  test('a directory', () => {
    expectInputError(runCli(cli, ['diff', good, tmp]), `reading current profile ${tmp}: is a directory`);
  });

  test('empty file', () => {
    const p = write('empty.pb.gz', '');
    expectInputError(runCli(cli, ['diff', p, good]), `decoding base profile ${p}: `);
  });

  test('truncated gzip', () => {
    const bytes = readFileSync(good);
    const p = write('trunc.pb.gz', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectInputError(runCli(cli, ['diff', good, p]), `decoding current profile ${p}: `);
  });

  test('truncated protobuf inside valid gzip', () => {
    const raw = gunzipSync(readFileSync(good));
    const p = write('cut.pb.gz', gzipSync(raw.subarray(0, raw.length - 7)));
    expectInputError(runCli(cli, ['diff', good, p]), new RegExp(`^heapgate: decoding current profile ${p}: .+`));
  });

  test('zstd-compressed file', () => {
    const p = write('z.pb.zst', new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x00, 0x01, 0x00, 0x00]));
    expectInputError(runCli(cli, ['diff', good, p]), /zstd/);
  });

  test('text that is not a profile', () => {
    const p = write('notes.txt', 'hello, this is not a profile\n');
    expectInputError(runCli(cli, ['diff', p, good]), `decoding base profile ${p}: `);
  });

  test('bad rules (text and file)', () => {
    expectInputError(runCli(cli, ['diff', good, good, '--rules', 'inuse_space +lots']), /^heapgate: --rules: rule 1 /);
    const p = write('bad-rules.txt', 'inuse_space +10%\nwhat is this\n');
    expectInputError(runCli(cli, ['diff', good, good, '--rules', `@${p}`]), `rules file ${p}: rule 2 `);
    expectInputError(
      runCli(cli, ['diff', good, good, '--rules', '@missing-rules.txt']),
      'reading rules file missing-rules.txt: no such file',
    );
  });

  test('unknown flag lists the valid ones', () => {
    expectInputError(
      runCli(cli, ['diff', good, good, '--frobnicate']),
      /unknown option --frobnicate; valid options: --rules, --format, --top/,
    );
  });

  test('bad option values', () => {
    expectInputError(
      runCli(cli, ['diff', good, good, '--format', 'xml']),
      '--format must be one of text, markdown, json',
    );
    expectInputError(runCli(cli, ['diff', good, good, '--top=-1']), '--top must be an integer ≥ 0, got "-1"');
    expectInputError(runCli(cli, ['diff', good, good, '--top', '-1']), '--top must be an integer ≥ 0, got "-1"');
    expectInputError(runCli(cli, ['diff', good, good, '--confidence', 'high']), '--confidence must be a number');
    expectInputError(runCli(cli, ['diff', good, good, '--sample-index', 'cpu']), 'sample index "cpu"');
    expectInputError(runCli(cli, ['diff', good]), 'diff takes two profiles');
  });

  test('incompatible profiles', () => {
    expectInputError(runCli(cli, ['diff', good, join(ROOT, TCMALLOC)]), /^heapgate: comparing .+ with .+: /);
  });

  test('unknown command', () => {
    expectInputError(runCli(cli, ['frob']), 'unknown command "frob"; commands: diff');
  });
});
