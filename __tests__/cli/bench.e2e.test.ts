/// <reference lib="dom" />
/**
 * Go benchmark output (`go test -bench . -benchmem`) through the bundled CLI, with the real output
 * of workloads/gobench (__tests__/fixtures/gobench, see its README): a rerun of the same code passes,
 * the regressed variant fails naming each regressed benchmark, a baseline stored from benchmark
 * output gates a later run, and the reports (text, Markdown, JSON, HTML in Chromium) carry the
 * benchmark, metric, base → current, Δ%, p and runs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { validate } from '../core/render/json-schema.js';
import { launchBrowser, openReport } from '../helpers/browser.js';
import { builtCli, ROOT, runCli } from '../helpers/dist.js';

const DIR = '__tests__/fixtures/gobench';
const GOOD = `${DIR}/good.count6.bench`;
const RERUN = `${DIR}/good-rerun.count6.bench`;
const REGRESSED = `${DIR}/regressed.count6.bench`;
const REGRESSED_BENCHMARKS = ['BenchmarkBuilder', 'BenchmarkAppend', 'BenchmarkConvert', 'BenchmarkMapHint'];
const CONTROLS = ['BenchmarkCloneRecord', 'BenchmarkChecksum'];
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8'));
const SHA_A = 'a'.repeat(40);

let cli: string;
let tmp: string;
let browser: Browser | undefined;

beforeAll(() => {
  cli = builtCli();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-bench-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document whose shape the assertions check
type Json = any;

function jsonDiff(base: string, current: string, extra: string[] = []): { code: number | null; report: Json } {
  const r = runCli(cli, ['diff', base, current, '--format', 'json', ...extra]);
  const report = JSON.parse(r.stdout);
  expect(validate(report, schema)).toEqual([]);
  return { code: r.code, report };
}

/** A one-line input error: exit 2, nothing on stdout, no stack trace. */
function expectInputError(r: { code: number | null; stdout: string; stderr: string }, fragment: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  if (typeof fragment === 'string') expect(r.stderr).toContain(fragment);
  else expect(r.stderr).toMatch(fragment);
}

describe('heapgate diff on go test -bench -benchmem output', () => {
  test('a rerun of the same code passes: every benchmark and metric compared, none crossing', () => {
    const { code, report } = jsonDiff(GOOD, RERUN);
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.metrics).toHaveLength(6 * 2);
    expect(report.functions).toEqual({});
    for (const m of report.metrics) {
      expect(m.status).toBe('pass');
      expect(m.runs).toEqual({ base: 6, current: 6 });
      expect(m.benchmark.pkg).toBe('heapgate.dev/workloads/gobench');
    }
  });

  test('the regressed variant fails: each regressed benchmark fails B/op and allocs/op, the controls pass', () => {
    const { code, report } = jsonDiff(GOOD, REGRESSED);
    expect(code).toBe(1);
    expect(report.verdict).toBe('fail');
    for (const name of REGRESSED_BENCHMARKS) {
      for (const type of ['B/op', 'allocs/op']) {
        const m = report.metrics.find((x: Json) => x.benchmark.name === name && x.sampleType === type);
        expect({ name, type, status: m.status }).toEqual({ name, type, status: 'fail' });
        expect(m.current).toBeGreaterThan(m.base);
        expect(m.benchmark.p).toBeLessThan(0.05);
      }
    }
    for (const name of CONTROLS) {
      expect(report.metrics.filter((x: Json) => x.benchmark.name === name).map((x: Json) => String(x.status))).toEqual([
        'pass',
        'pass',
      ]);
    }
  });

  test('the text report names each failing benchmark with its metric, base → current, Δ%, p and runs', () => {
    const r = runCli(cli, ['diff', GOOD, REGRESSED]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^heapgate: FAIL {2}BenchmarkBuilder B\/op \+\d+\.\d%/);
    expect(r.stdout).toMatch(/^metric +base +current +Δ +Δ% +p +runs +rule +status$/m);
    for (const name of REGRESSED_BENCHMARKS) {
      expect(r.stdout).toMatch(
        new RegExp(`^${name} B/op .* (exact|0\\.\\d{3}|<0\\.001) +6 → 6 +B/op \\+15% min 64B +fail$`, 'm'),
      );
    }
    expect(r.stdout).toMatch(/^BenchmarkBuilder B\/op +1\.00 KiB +29\.77 KiB +\+28\.77 KiB +\+2877\.3% /m);
    expect(r.stdout).not.toContain('Type: ');
  });

  test('the Markdown report names the failing benchmarks in its headline and table', () => {
    const r = runCli(cli, ['diff', GOOD, REGRESSED, '--format', 'markdown']);
    expect(r.code).toBe(1);
    const [headline] = r.stdout.split('\n');
    for (const name of REGRESSED_BENCHMARKS) expect(headline).toContain(`\`${name} B/op\``);
    expect(r.stdout).toContain('| metric | base | current | Δ | Δ% | p | runs | rule | status |');
    expect(r.stdout).toContain('| `BenchmarkAppend` `allocs/op` | 1 | 12 | +11 | +1100.0% | exact | 6 → 6 |');
  });

  test('-count 1: a change cannot be told from noise (inconclusive, advice says -count 10); no change is exact', () => {
    const changed = jsonDiff(`${DIR}/good.count1.bench`, `${DIR}/regressed.count1.bench`);
    expect(changed.code).toBe(0);
    expect(changed.report.verdict).toBe('inconclusive');
    const builder = changed.report.metrics.find((m: Json) => m.benchmark.name === 'BenchmarkBuilder');
    expect(builder).toMatchObject({ status: 'inconclusive', benchmark: { p: null, exact: false } });
    expect(changed.report.advice[0]).toContain('-count 10');
    const strict = runCli(cli, [
      'diff',
      `${DIR}/good.count1.bench`,
      `${DIR}/regressed.count1.bench`,
      '--on-inconclusive',
      'fail',
    ]);
    expect(strict.code).toBe(1);

    // Same values on both sides (one run each) are exact.
    const same = jsonDiff(`${DIR}/good.count1.bench`, `${DIR}/good.count1.bench`);
    expect(same.report.verdict).toBe('pass');
    for (const m of same.report.metrics) expect(m.benchmark.exact).toBe(true);
  });

  test('rules: B/op for <regex>: selects benchmarks; a heap profile rule is an error naming the metrics', () => {
    const loose = jsonDiff(GOOD, REGRESSED, ['--rules', 'B/op for ^BenchmarkMapHint$: +200%; allocs/op off']);
    const mapHint = loose.report.metrics.find(
      (m: Json) => m.benchmark.name === 'BenchmarkMapHint' && m.sampleType === 'B/op',
    );
    expect(mapHint).toMatchObject({ status: 'pass', rule: 'B/op for ^BenchmarkMapHint$: +200%' });
    expect(loose.report.verdict).toBe('fail'); // the others still fail on B/op
    expectInputError(
      runCli(cli, ['diff', GOOD, REGRESSED, '--rules', 'inuse_space +10%']),
      'Go benchmark output has the metrics B/op and allocs/op',
    );
    expectInputError(
      runCli(cli, ['diff', GOOD, REGRESSED, '--rules', 'B/op for Nope: +10%']),
      '/Nope/ matches no benchmark in either file',
    );
  });

  test('a benchmark file against a heap profile, and output without -benchmem, are one-line errors', () => {
    expectInputError(
      runCli(cli, ['diff', GOOD, 'examples/regression/base.heap.pb.gz']),
      'the base is Go benchmark output (go test -bench -benchmem) but the current is a heap profile',
    );
    const plain = join(tmp, 'no-benchmem.txt');
    writeFileSync(plain, 'goos: linux\nBenchmarkX-8   1000   123 ns/op\nPASS\n');
    expectInputError(
      runCli(cli, ['diff', plain, GOOD]),
      /^heapgate: decoding base profile .*no-benchmem\.txt: line 2: no benchmark reports B\/op and allocs\/op \("BenchmarkX"\): run go test -bench with -benchmem/,
    );
  });

  test('hostile benchmark names are escaped in every format', () => {
    const hostile = join(tmp, 'hostile.txt');
    const name = 'Benchmark<img_src=x_onerror=alert(1)>|`@team';
    writeFileSync(hostile, `${name}-8 10 1 ns/op 100 B/op 1 allocs/op\n`.repeat(4));
    const worse = join(tmp, 'hostile-worse.txt');
    writeFileSync(worse, `${name}-8 10 1 ns/op 900 B/op 9 allocs/op\n`.repeat(4));
    const md = runCli(cli, ['diff', hostile, worse, '--format', 'markdown']);
    expect(md.code).toBe(1);
    // Only inside code spans (shown literally, never as HTML or a mention); `|` escaped in table cells.
    expect(md.stdout).toContain('| ``Benchmark<img_src=x_onerror=alert(1)>\\|`@team`` `B/op` |');
    const outsideCode = md.stdout.replace(/``.*?``|`[^`]*`/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('@team');
    const html = runCli(cli, ['diff', hostile, worse, '--format', 'html']);
    expect(html.stdout).not.toContain('<img');
    expect(html.stdout).toContain('Benchmark&#60;img_src=x_onerror=alert(1)&#62;|`@team B/op');
  });
});

describe('output where only some benchmarks report memory (b.ReportAllocs() in some, no -benchmem)', () => {
  const MIXED = (v: string) => `${DIR}/${v}.mixed.bench`;
  const SKIPPED =
    '2 benchmarks reported no B/op and allocs/op, not compared: BenchmarkCloneRecord, BenchmarkChecksum ' +
    '(run go test -bench with -benchmem, or call b.ReportAllocs() in them)';

  test('the regressed variant fails on the benchmarks that report memory; the others are named once as skipped', () => {
    const { code, report } = jsonDiff(MIXED('good'), MIXED('regressed'));
    expect(code).toBe(1);
    expect([...new Set(report.metrics.map((m: Json) => String(m.benchmark.name)))]).toEqual(REGRESSED_BENCHMARKS);
    expect(report.metrics.every((m: Json) => m.status === 'fail')).toBe(true);
    expect(report.warnings).toEqual([SKIPPED]);
    const text = runCli(cli, ['diff', MIXED('good'), MIXED('regressed')]);
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n').filter((l) => l.includes('not compared'))).toEqual([`warning: ${SKIPPED}`]);
    const md = runCli(cli, ['diff', MIXED('good'), MIXED('regressed'), '--format', 'markdown']);
    expect(md.stdout).toContain('BenchmarkCloneRecord');
    expect(md.stdout).toContain('not compared');
  });

  test('a rerun of the same code passes', () => {
    const { code, report } = jsonDiff(MIXED('good'), MIXED('good-rerun'));
    expect(code).toBe(0);
    expect(report.metrics).toHaveLength(REGRESSED_BENCHMARKS.length * 2);
    expect(report.warnings).toEqual([SKIPPED]);
  });

  test('against a full -benchmem baseline, the benchmarks the current run did not measure are named, not compared', () => {
    const { code, report } = jsonDiff(GOOD, MIXED('good-rerun'));
    expect(code).toBe(0);
    expect(report.metrics.map((m: Json) => String(m.benchmark.name))).not.toContain('BenchmarkChecksum');
    expect(report.warnings).toEqual([SKIPPED]);
  });

  test('a baseline stored from such output gates a later run of the same kind', () => {
    const store = join(tmp, 'mixed-store');
    const common = ['--store', store, '--series', 'mixed', '--branch', 'main'];
    const put = runCli(cli, ['baseline', 'put', MIXED('good'), ...common, '--sha', SHA_A]);
    expect(put.code).toBe(0);
    const check = runCli(cli, ['check', MIXED('regressed'), ...common, '--format', 'json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).warnings).toContain(SKIPPED);
  });
});

describe('heapgate baseline put + check with benchmark output (directory store)', () => {
  test('stores benchmark output as a baseline; check passes a rerun, fails the regression, refuses a heap profile', () => {
    const store = join(tmp, 'store');
    const common = ['--store', store, '--series', 'gobench', '--branch', 'main'];
    const put = runCli(cli, ['baseline', 'put', GOOD, ...common, '--sha', SHA_A, '--format', 'json']);
    expect(put.code).toBe(0);
    const stored = JSON.parse(put.stdout);
    expect(JSON.stringify(stored)).toContain('"B/op"');

    const show = JSON.parse(runCli(cli, ['baseline', 'show', ...common, '--format', 'json']).stdout);
    const metadata = show.metadata ?? show;
    expect(metadata.sampleType).toEqual([
      { type: 'B/op', unit: 'bytes' },
      { type: 'allocs/op', unit: 'count' },
    ]);
    // The sums of each benchmark's median B/op and allocs/op in good.count6.bench.
    expect(metadata.total[0]).toBeGreaterThan(1024 + 8192 + 512);
    expect(metadata.total[1]).toBe(65 + 1 + 0 + 6 + 1 + 0);

    const rerun = runCli(cli, ['check', RERUN, ...common]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/^heapgate: PASS/);
    expect(rerun.stdout).toContain('history not used for benchmarks');

    const regressed = runCli(cli, ['check', REGRESSED, ...common, '--format', 'json']);
    expect(regressed.code).toBe(1);
    const report = JSON.parse(regressed.stdout);
    const failing = new Set(
      report.metrics.filter((m: Json) => m.status === 'fail').map((m: Json) => String(m.benchmark.name)),
    );
    expect([...failing].sort()).toEqual([...REGRESSED_BENCHMARKS].sort());

    expectInputError(
      runCli(cli, ['check', 'examples/regression/current.heap.pb.gz', ...common]),
      'the base is Go benchmark output (go test -bench -benchmem) but the current is a heap profile',
    );
  });
});

describe('heapgate diff --format html on benchmark output (Chromium)', () => {
  test('a table page: loads without errors or requests, names each failing benchmark', async () => {
    const file = join(tmp, 'bench.html');
    const r = runCli(cli, ['diff', GOOD, REGRESSED, '--format', 'html', '--output', file]);
    expect(r.code).toBe(1);
    browser = await launchBrowser();
    const { page, problems } = await openReport(browser, file);
    const rows: string[][] = await page.$$eval('table.metrics tbody tr', (trs) =>
      trs.map((tr): string[] => Array.from(tr.querySelectorAll('td'), (td): string => td.textContent ?? '')),
    );
    expect(rows).toHaveLength(12);
    const header = await page.$$eval('table.metrics th', (ths) => ths.map((th) => th.textContent));
    expect(header).toEqual(['metric', 'base', 'current', 'Δ', 'Δ%', 'p', 'runs', 'rule', 'status']);
    for (const name of REGRESSED_BENCHMARKS) {
      const row = rows.find((cells) => cells[0] === `${name} B/op`)!;
      expect(row[6]).toBe('6 → 6');
      expect(row[8]).toContain('fail');
    }
    expect(await page.textContent('#headline')).toContain('BenchmarkBuilder B/op');
    expect(problems).toEqual({ console: [], errors: [], requests: [] });
  }, 30000);
});

describe('several benchmark files per side', () => {
  /** Writes each run of `fixture` (a -count 6 output) to its own file `<prefix>-<i>.bench` in `dir`. */
  function splitRuns(fixture: string, dir: string, prefix: string): void {
    const seen = new Map<string, number>();
    const files = new Map<number, string[]>();
    for (const line of readFileSync(join(ROOT, fixture), 'utf8').split('\n')) {
      if (!line.startsWith('Benchmark')) continue;
      const name = line.split(/\s/)[0]!;
      const i = (seen.get(name) ?? 0) + 1;
      seen.set(name, i);
      files.set(i, [...(files.get(i) ?? []), line]);
    }
    for (const [i, lines] of files) writeFileSync(join(dir, `${prefix}-${i}.bench`), `${lines.join('\n')}\n`);
  }

  test('files of one run each concatenate: diff of globs, a stored bundle and check of several paths', () => {
    const dir = join(tmp, 'split');
    mkdirSync(join(dir, 'store'), { recursive: true });
    splitRuns(GOOD, dir, 'good');
    splitRuns(REGRESSED, dir, 'regressed');
    const r = runCli(cli, ['diff', 'good-*.bench', 'regressed-*.bench', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.base).toBe('good-*.bench');
    for (const m of report.metrics) expect(m.runs).toEqual({ base: 6, current: 6 });
    // The same verdict, metric by metric, as the -count 6 files.
    const whole = JSON.parse(runCli(cli, ['diff', GOOD, REGRESSED, '--format', 'json']).stdout);
    const row = (m: Json): string => JSON.stringify([m.benchmark.name, m.sampleType, m.status, m.base, m.current]);
    expect(report.metrics.map(row)).toEqual(whole.metrics.map(row));

    const common = ['--store', 'store', '--series', 'split', '--branch', 'main'];
    expect(runCli(cli, ['baseline', 'put', 'good-*.bench', ...common, '--sha', SHA_A], dir).code).toBe(0);
    const four = ['regressed-1.bench', 'regressed-2.bench', 'regressed-3.bench', 'regressed-4.bench'];
    const checked = runCli(cli, ['check', ...four, ...common, '--format', 'json'], dir);
    expect(checked.code).toBe(1);
    const failing = JSON.parse(checked.stdout).metrics.filter((m: Json) => m.status === 'fail');
    expect(failing.every((m: Json) => m.runs.base === 6 && m.runs.current === 4)).toBe(true);
    expect(failing).toHaveLength(8);
    expect(
      runCli(cli, ['check', 'good-1.bench', 'good-2.bench', 'good-3.bench', 'good-4.bench', ...common], dir).code,
    ).toBe(0);
  });

  test('benchmark output and a heap profile on one side is a one-line error', () => {
    const heap = join(ROOT, 'examples/regression/base.heap.pb.gz');
    expectInputError(
      runCli(cli, ['diff', `${join(ROOT, GOOD)},${heap}`, REGRESSED]),
      'runs of one side must be of one kind',
    );
  });
});

describe('a -memprofile of the same run, given with the output: functions per op', () => {
  const GOOD_MEM = `${DIR}/good.memrun.bench,${DIR}/good.memrun.mem.pb.gz`;
  const REGRESSED_MEM = `${DIR}/regressed.memrun.bench,${DIR}/regressed.memrun.mem.pb.gz`;

  test('text and JSON name the function behind each regressed benchmark metric', () => {
    const text = runCli(cli, ['diff', GOOD_MEM, REGRESSED_MEM, '--top', '3']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Type: BenchmarkConvert allocs/op');
    expect(text.stdout).toMatch(/^ +\+1\d\d +\S+ +\S+ +\+1\d\d +\S+ +fmt\.Sprintf$/m);
    const { report } = jsonDiff(GOOD_MEM, REGRESSED_MEM);
    expect(report.functions['BenchmarkAppend B/op'][0]).toMatchObject({
      name: 'heapgate.dev/workloads/gobench.squares',
      baseFlat: 8192,
    });
    expect(report.functions['BenchmarkAppend B/op'][0].currentFlat).toBeGreaterThan(25000);
  });

  test('the Markdown and HTML reports carry the function tables of the failing metrics', async () => {
    const md = runCli(cli, ['diff', GOOD_MEM, REGRESSED_MEM, '--format', 'markdown']);
    expect(md.stdout).toContain('#### Top function deltas: `BenchmarkMapHint B/op`');
    expect(md.stdout).toContain('`heapgate.dev/workloads/gobench.index`');
    const file = join(tmp, 'bench-functions.html');
    expect(runCli(cli, ['diff', GOOD_MEM, REGRESSED_MEM, '--format', 'html', '--output', file]).code).toBe(1);
    browser ??= await launchBrowser();
    const { page, problems } = await openReport(browser, file);
    const headings = await page.$$eval('h2', (hs) => hs.map((h): string => h.textContent ?? ''));
    expect(headings).toContain('Functions: BenchmarkBuilder B/op (per op, flat)');
    expect(await page.textContent('table.functions')).toContain('heapgate.dev/workloads/gobench.joinIDs');
    expect(problems).toEqual({ console: [], errors: [], requests: [] });
  }, 30000);
});
