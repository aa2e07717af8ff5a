/**
 * The Go benchmark text parser: real `go test -bench -benchmem` output (the gobench fixtures), the
 * format's corners (config lines, -P suffixes, packages, -count), and hostile or malformed input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecodeError } from '../../../src/core/errors.js';
import {
  isBenchmarkText,
  MAX_BENCHMARKS,
  MAX_NAME_CHARS,
  MAX_RUNS_PER_BENCHMARK,
  mergeBenchmarkSets,
  parseBenchmarks,
} from '../../../src/core/bench/parse.js';
import { summarizeBenchmarkText } from '../../../src/core/bench/summary.js';
import { ROOT } from '../../helpers/dist.js';

const FIXTURES = join(ROOT, '__tests__/fixtures/gobench');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function parseError(text: string): string {
  try {
    parseBenchmarks(text);
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a DecodeError');
}

describe('parseBenchmarks on real go test output', () => {
  test('good.count6.bench: six benchmarks of workloads/gobench, six runs each, GOMAXPROCS 2', () => {
    const set = parseBenchmarks(readFileSync(join(FIXTURES, 'good.count6.bench'), 'utf8'));
    expect(set.benchmarks.map((b) => b.name)).toEqual([
      'BenchmarkBuilder',
      'BenchmarkAppend',
      'BenchmarkConvert',
      'BenchmarkMapHint',
      'BenchmarkCloneRecord',
      'BenchmarkChecksum',
    ]);
    for (const b of set.benchmarks) {
      expect(b.pkg).toBe('heapgate.dev/workloads/gobench');
      expect(b.procs).toEqual([2]);
      expect(b.bytes).toHaveLength(6);
      expect(b.allocs).toHaveLength(6);
    }
    const clone = set.benchmarks.find((b) => b.name === 'BenchmarkCloneRecord')!;
    expect(clone.bytes).toEqual([512, 512, 512, 512, 512, 512]);
    expect(clone.allocs).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test('every fixture is recognised as benchmark output; profiles and legacy heap text are not', () => {
    for (const f of ['good.count6.bench', 'regressed.count1.bench'])
      expect(isBenchmarkText(readFileSync(join(FIXTURES, f)))).toBe(true);
    expect(isBenchmarkText(readFileSync(join(FIXTURES, 'good.rate1.mem.pb.gz')))).toBe(false);
    const legacy = readFileSync(join(ROOT, '__tests__/fixtures/go/cache/regressed.rate524288.heap.legacy.txt'));
    expect(isBenchmarkText(legacy)).toBe(false);
    expect(isBenchmarkText(enc('Benchmarking the thing 100 times\n'))).toBe(false);
    expect(isBenchmarkText(enc('BenchmarkX-8 \x00 1 2 B/op'))).toBe(false);
  });

  test('summary: B/op and allocs/op totals are sums of each benchmark median', () => {
    const s = summarizeBenchmarkText(
      enc('BenchmarkA 1 10 B/op 1 allocs/op\nBenchmarkA 1 30 B/op 3 allocs/op\nBenchmarkB 5 7 B/op 2 allocs/op\n'),
    )!;
    expect(s.sampleType).toEqual([
      { type: 'B/op', unit: 'bytes' },
      { type: 'allocs/op', unit: 'count' },
    ]);
    expect(s.total).toEqual([20 + 7, 2 + 2]);
    expect(s.sampleCount).toBe(3);
    expect(s.functions.name).toEqual([]);
    expect(summarizeBenchmarkText(enc('heap profile: 1: 2 [3: 4] @ heap/1048576\n'))).toBeNull();
  });
});

describe('parseBenchmarks: the format', () => {
  test('config lines set the package; the same name in two packages is two benchmarks', () => {
    const set = parseBenchmarks(
      [
        'goos: linux',
        'pkg: example.com/a',
        'BenchmarkX-8   100   5 ns/op   64 B/op   1 allocs/op',
        'pkg: example.com/b',
        'BenchmarkX-8   100   5 ns/op   128 B/op   2 allocs/op',
        'PASS',
        'ok  \texample.com/b\t1.2s',
      ].join('\n'),
    );
    expect(set.benchmarks.map((b) => [b.pkg, b.name, b.bytes])).toEqual([
      ['example.com/a', 'BenchmarkX', [64]],
      ['example.com/b', 'BenchmarkX', [128]],
    ]);
  });

  test('-P suffix stripped (sub-benchmarks keep theirs), no suffix = GOMAXPROCS 1, CRLF, extra metrics and MB/s ignored', () => {
    const set = parseBenchmarks(
      'BenchmarkMap/size=10-4\t 1000\t 12 ns/op\t 3.5 MB/s\t 80 B/op\t 2 allocs/op\t 7 custom/op\r\n' +
        'BenchmarkMap/size=10\t 1000\t 12 ns/op\t 80 B/op\t 2 allocs/op\r\n' +
        'BenchmarkMap/size=10-4\n' + // -v prints the name alone first
        '    bench_test.go:12: a log line\n' +
        '--- BENCH: BenchmarkMap\n',
    );
    expect(set.benchmarks).toEqual([
      { pkg: '', name: 'BenchmarkMap/size=10', procs: [4, 1], bytes: [80, 80], allocs: [2, 2] },
    ]);
  });

  test('merging sets concatenates each benchmark runs', () => {
    const a = parseBenchmarks('BenchmarkA 1 10 B/op 1 allocs/op\n');
    const b = parseBenchmarks('BenchmarkB 1 5 B/op 1 allocs/op\nBenchmarkA 1 12 B/op 1 allocs/op\n');
    expect(mergeBenchmarkSets([a, b]).benchmarks.map((x) => [x.name, x.bytes])).toEqual([
      ['BenchmarkA', [10, 12]],
      ['BenchmarkB', [5]],
    ]);
  });
});

describe('parseBenchmarks: benchmarks without memory metrics', () => {
  const mixed = [
    'pkg: example.com/a',
    'BenchmarkFast-2    100   5 ns/op',
    'BenchmarkMem-2     100   5 ns/op   64 B/op   2 allocs/op',
    'BenchmarkFast-2    100   6 ns/op',
    'BenchmarkMem-2     100   5 ns/op   64 B/op   2 allocs/op',
    'BenchmarkSlow-2    100   9 ns/op',
    '',
  ].join('\n');

  test('are listed as skipped, once each, in order; the others are read', () => {
    const set = parseBenchmarks(mixed);
    expect(set.benchmarks.map((b) => [b.name, b.bytes])).toEqual([['BenchmarkMem', [64, 64]]]);
    expect(set.skipped).toEqual([
      { pkg: 'example.com/a', name: 'BenchmarkFast' },
      { pkg: 'example.com/a', name: 'BenchmarkSlow' },
    ]);
  });

  test('a file where every benchmark has them has no skipped list', () => {
    expect(parseBenchmarks('BenchmarkA 1 10 B/op 1 allocs/op\n').skipped).toBeUndefined();
  });

  test('a benchmark with memory metrics in some runs is read from those runs, not skipped', () => {
    const set = parseBenchmarks('BenchmarkA 1 5 ns/op\nBenchmarkA 1 10 B/op 1 allocs/op\nBenchmarkB 1 1 ns/op\n');
    expect(set.benchmarks.map((b) => [b.name, b.bytes])).toEqual([['BenchmarkA', [10]]]);
    expect(set.skipped).toEqual([{ pkg: '', name: 'BenchmarkB' }]);
  });

  test('merging drops a skipped benchmark that another file measured', () => {
    const a = parseBenchmarks('BenchmarkA 1 10 B/op 1 allocs/op\nBenchmarkB 1 1 ns/op\nBenchmarkC 1 1 ns/op\n');
    const b = parseBenchmarks('BenchmarkB 1 7 B/op 1 allocs/op\nBenchmarkC 1 2 ns/op\n');
    const merged = mergeBenchmarkSets([a, b]);
    expect(merged.benchmarks.map((x) => x.name)).toEqual(['BenchmarkA', 'BenchmarkB']);
    expect(merged.skipped).toEqual([{ pkg: '', name: 'BenchmarkC' }]);
  });

  test('the skipped count toward the cap on distinct benchmarks', () => {
    const lines = Array.from({ length: MAX_BENCHMARKS + 1 }, (_, i) => `BenchmarkN${i} 1 1 ns/op`);
    lines.unshift('BenchmarkA 1 10 B/op 1 allocs/op');
    expect(parseError(lines.join('\n'))).toMatch(`more than ${MAX_BENCHMARKS} benchmarks`);
  });
});

describe('parseBenchmarks: malformed and hostile input is a one-line DecodeError', () => {
  test.each([
    [
      'BenchmarkX-8  100  5 ns/op\n',
      /line 1: no benchmark reports B\/op and allocs\/op \("BenchmarkX"\): run go test -bench with -benchmem/,
    ],
    [
      'BenchmarkX-8  100  5 ns/op\nBenchmarkY  100  5 ns/op\nBenchmarkX-8  100  6 ns/op\n',
      /line 1: no benchmark reports B\/op and allocs\/op \("BenchmarkX" and 1 more\)/,
    ],
    ['BenchmarkX-8  100  5 ns/op  12 B/op\n', /line 1: "BenchmarkX-8" has B\/op but no allocs\/op/],
    ['BenchmarkX-8  100  5 ns/op  12 allocs/op\n', /has allocs\/op but no B\/op/],
    ['BenchmarkX-8  100  five ns/op  1 B/op 1 allocs/op\n', /line 1: malformed benchmark result/],
    ['BenchmarkX-8  100  5 ns/op  1 B/op 1\n', /malformed benchmark result/],
    ['BenchmarkX-8  100  5 ns/op  -1 B/op 1 allocs/op\n', /negative B\/op/],
    [
      'BenchmarkX-8  100  5 ns/op  1 B/op 1 allocs/op\n--- FAIL: BenchmarkY\nFAIL\n',
      /line 2: the benchmark run failed/,
    ],
    ['goos: linux\nPASS\n', /no benchmark results/],
    ['BenchmarkX-8  100  NaN ns/op  1 B/op 1 allocs/op\n', /malformed/],
  ])('%j', (text, message) => {
    expect(parseError(text)).toMatch(message);
  });

  test('control characters in a quoted line are shown as ?', () => {
    expect(parseError('BenchmarkX\u001b[31m-8  100  5 ns/op\n')).toContain('"BenchmarkX?[31m"');
  });

  test('caps: name length, runs per benchmark, benchmarks', () => {
    expect(parseError(`Benchmark${'X'.repeat(MAX_NAME_CHARS)} 1 1 B/op 1 allocs/op\n`)).toMatch(
      /benchmark name over 1000 characters/,
    );
    expect(parseError('BenchmarkX 1 1 B/op 1 allocs/op\n'.repeat(MAX_RUNS_PER_BENCHMARK + 1))).toMatch(
      /line 1001: more than 1000 runs of "BenchmarkX"; use a smaller -count/,
    );
    const many = Array.from({ length: MAX_BENCHMARKS + 1 }, (_v, i) => `BenchmarkX${i} 1 1 B/op 1 allocs/op`).join(
      '\n',
    );
    expect(parseError(many)).toMatch(/more than 10000 benchmarks/);
  });

  test('not UTF-8: a DecodeError, not garbage names', () => {
    const bytes = new Uint8Array([...enc('BenchmarkX 1 1 B/op 1 allocs/op\nBenchmark\xff'), 0xff, 0x0a]);
    expect(() => summarizeBenchmarkText(bytes)).toThrow('not UTF-8');
  });
});
