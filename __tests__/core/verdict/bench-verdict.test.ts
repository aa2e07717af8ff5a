/**
 * Benchmark comparison: benchstat's significance rule (U test at α = 0.05 with ≥ 4 runs a side,
 * exact when every run agrees), the rules' statuses and the rule language's benchmark metrics.
 */
import { compareBenchmarks } from '../../../src/core/verdict/bench-verdict.js';
import { parseBenchmarks, type BenchmarkSet } from '../../../src/core/bench/parse.js';
import { RuleError, IncompatibleProfilesError } from '../../../src/core/errors.js';
import { parseRules } from '../../../src/core/rules/syntax.js';
import { resolveRules } from '../../../src/core/rules/resolve.js';
import type { MetricResult } from '../../../src/core/verdict/verdict.js';

/** A set from `name: [B/op…] [allocs/op…]` runs. */
function set(runs: Record<string, [number[], number[]]>, pkg = 'example.com/app'): BenchmarkSet {
  const lines = [`pkg: ${pkg}`];
  for (const [name, [bytes, allocs]] of Object.entries(runs)) {
    bytes.forEach((b, i) => lines.push(`${name}-8 1000 10 ns/op ${b} B/op ${allocs[i] ?? allocs[0]} allocs/op`));
  }
  return parseBenchmarks(lines.join('\n'));
}

const rep = (v: number, n: number): number[] => Array.from({ length: n }, () => v);
const metric = (ms: readonly MetricResult[], name: string, type: string): MetricResult =>
  ms.find((m) => m.benchmark?.name === name && m.sampleType === type)!;

describe('compareBenchmarks: significance', () => {
  test('constant sides, different values: exact, fails on the default rule', () => {
    const r = compareBenchmarks(
      set({ BenchmarkA: [rep(1024, 6), rep(65, 6)] }),
      set({ BenchmarkA: [rep(30488, 6), rep(190, 6)] }),
      [],
    );
    expect(r.verdict.verdict).toBe('fail');
    const b = metric(r.verdict.metrics, 'BenchmarkA', 'B/op');
    expect(b).toMatchObject({ base: 1024, current: 30488, status: 'fail', rule: 'B/op +15% min 64B' });
    expect(b.benchmark).toMatchObject({ exact: true, alpha: 0.05, pkg: 'example.com/app' });
    expect(b.benchmark!.p).toBeCloseTo(2 / 924, 12);
    expect(b.runs).toEqual({ base: 6, current: 6 });
  });

  test('noisy runs, 6 a side, clearly apart: not exact, p < 0.05 → fail', () => {
    const r = compareBenchmarks(
      set({ BenchmarkA: [[1000, 1010, 1005, 1002, 1001, 1003], rep(1, 6)] }),
      set({ BenchmarkA: [[2000, 2020, 2010, 2004, 2002, 2006], rep(1, 6)] }),
      [],
    );
    const b = metric(r.verdict.metrics, 'BenchmarkA', 'B/op');
    expect(b.benchmark!.exact).toBe(false);
    expect(b.base).toBe(1002.5);
    expect(b.status).toBe('fail');
  });

  test('noisy runs that overlap: p ≥ 0.05 → a crossing is inconclusive', () => {
    const r = compareBenchmarks(
      set({ BenchmarkA: [[1000, 3000, 1000, 3000], rep(1, 4)] }),
      set({ BenchmarkA: [[1000, 3000, 3000, 3000], rep(1, 4)] }),
      [],
    );
    const b = metric(r.verdict.metrics, 'BenchmarkA', 'B/op');
    expect(b.benchmark!.p!).toBeGreaterThanOrEqual(0.05);
    expect(b.status).toBe('inconclusive');
    expect(r.verdict.verdict).toBe('inconclusive');
  });

  test('3 runs a side, noisy: never significant (benchstat needs 4); constant: exact', () => {
    const noisy = compareBenchmarks(
      set({ BenchmarkA: [[100, 101, 102], rep(1, 3)] }),
      set({ BenchmarkA: [[500, 501, 502], rep(1, 3)] }),
      [],
    );
    expect(metric(noisy.verdict.metrics, 'BenchmarkA', 'B/op').status).toBe('inconclusive');
    const constant = compareBenchmarks(
      set({ BenchmarkA: [rep(100, 3), rep(1, 3)] }),
      set({ BenchmarkA: [rep(500, 3), rep(1, 3)] }),
      [],
    );
    expect(metric(constant.verdict.metrics, 'BenchmarkA', 'B/op').status).toBe('fail');
  });

  test('one run a side: a change is inconclusive (p n/a); no change is exact', () => {
    const r = compareBenchmarks(
      set({ BenchmarkA: [[100], [1]], BenchmarkB: [[64], [1]] }),
      set({ BenchmarkA: [[500], [1]], BenchmarkB: [[64], [1]] }),
      [],
    );
    const a = metric(r.verdict.metrics, 'BenchmarkA', 'B/op');
    expect(a.benchmark).toMatchObject({ p: null, exact: false });
    expect(a.status).toBe('inconclusive');
    expect(metric(r.verdict.metrics, 'BenchmarkB', 'B/op')).toMatchObject({
      status: 'pass',
      benchmark: { exact: true },
    });
  });

  test('below min or percent passes; decreases pass; growth from 0 fails', () => {
    const r = compareBenchmarks(
      set({
        BenchmarkSmall: [rep(100, 5), rep(1, 5)],
        BenchmarkDown: [rep(900, 5), rep(9, 5)],
        BenchmarkZero: [rep(0, 5), rep(0, 5)],
      }),
      set({
        BenchmarkSmall: [rep(150, 5), rep(1, 5)],
        BenchmarkDown: [rep(100, 5), rep(1, 5)],
        BenchmarkZero: [rep(64, 5), rep(1, 5)],
      }),
      [],
    );
    // +50 B is +50% but under min 64B.
    expect(metric(r.verdict.metrics, 'BenchmarkSmall', 'B/op').status).toBe('pass');
    expect(metric(r.verdict.metrics, 'BenchmarkDown', 'B/op').status).toBe('pass');
    expect(metric(r.verdict.metrics, 'BenchmarkZero', 'B/op').status).toBe('fail');
    expect(metric(r.verdict.metrics, 'BenchmarkZero', 'allocs/op').status).toBe('fail');
  });

  test('benchmarks only on one side are named in warnings; none in common is an error', () => {
    const r = compareBenchmarks(
      set({ BenchmarkA: [rep(1, 4), rep(1, 4)], BenchmarkOld: [rep(1, 4), rep(1, 4)] }),
      set({ BenchmarkA: [rep(1, 4), rep(1, 4)], BenchmarkNew: [rep(1, 4), rep(1, 4)] }),
      [],
    );
    expect(r.warnings).toEqual([
      '1 benchmark only in the base, not compared: BenchmarkOld',
      '1 benchmark only in the current, not compared: BenchmarkNew',
    ]);
    expect(() => compareBenchmarks(set({ BenchmarkA: [[1], [1]] }), set({ BenchmarkB: [[1], [1]] }), [])).toThrow(
      IncompatibleProfilesError,
    );
  });

  test('a benchmark in two packages is labelled with its package', () => {
    const base = parseBenchmarks('pkg: a\nBenchmarkX 1 1 B/op 1 allocs/op\npkg: b\nBenchmarkX 1 1 B/op 1 allocs/op\n');
    const r = compareBenchmarks(base, base, []);
    expect(r.verdict.metrics.map((m) => m.benchmark!.name)).toEqual([
      'a.BenchmarkX',
      'a.BenchmarkX',
      'b.BenchmarkX',
      'b.BenchmarkX',
    ]);
  });
});

describe('compareBenchmarks: rules', () => {
  const base = set({ BenchmarkParse: [rep(1000, 5), rep(10, 5)], BenchmarkRender: [rep(1000, 5), rep(10, 5)] });
  const current = set({ BenchmarkParse: [rep(1120, 5), rep(11, 5)], BenchmarkRender: [rep(1120, 5), rep(11, 5)] });

  test('defaults: +12% B/op and +10% allocs/op pass', () => {
    expect(compareBenchmarks(base, current, []).verdict.verdict).toBe('pass');
  });

  test('`for <regex>:` selects benchmarks; a whole-metric rule applies to the others', () => {
    const r = compareBenchmarks(base, current, parseRules('B/op for Parse$: +10%\nallocs/op +5% warn +2%'));
    expect(metric(r.verdict.metrics, 'BenchmarkParse', 'B/op')).toMatchObject({
      status: 'fail',
      rule: 'B/op for Parse$: +10%',
    });
    expect(metric(r.verdict.metrics, 'BenchmarkRender', 'B/op')).toMatchObject({
      status: 'pass',
      rule: 'B/op +15% min 64B',
    });
    expect(metric(r.verdict.metrics, 'BenchmarkRender', 'allocs/op').status).toBe('fail');
  });

  test('off removes the default; warn warns', () => {
    const r = compareBenchmarks(base, current, parseRules('allocs/op off; B/op +20% warn +10%'));
    expect(metric(r.verdict.metrics, 'BenchmarkParse', 'allocs/op')).toMatchObject({ status: 'pass', rule: null });
    expect(metric(r.verdict.metrics, 'BenchmarkParse', 'B/op').status).toBe('warn');
    expect(r.verdict.verdict).toBe('warn');
  });

  test('all: fails a benchmark only when every part fails', () => {
    const r = compareBenchmarks(base, current, parseRules('all: B/op +10%, allocs/op +50%'));
    const b = metric(r.verdict.metrics, 'BenchmarkParse', 'B/op');
    expect(b.partStatus).toBe('fail');
    expect(b.status).toBe('pass');
    const both = compareBenchmarks(base, current, parseRules('all: B/op +10%, allocs/op +5%'));
    expect(both.verdict.verdict).toBe('fail');
  });

  test('a rule that can apply to nothing is a RuleError (fail closed)', () => {
    expect(() => compareBenchmarks(base, current, parseRules('inuse_space +10%'))).toThrow(
      /rule 1 \("inuse_space \+10%"\): Go benchmark output has the metrics B\/op and allocs\/op, not "inuse_space"/,
    );
    expect(() => compareBenchmarks(base, current, parseRules('B/op for Pars$: +10%'))).toThrow(
      /\/Pars\$\/ matches no benchmark in either file; closest: BenchmarkParse/,
    );
    expect(() => compareBenchmarks(base, current, parseRules('allocs/op +10% min 1KiB'))).toThrow(RuleError);
    // Turning off a profile metric harms nothing.
    expect(compareBenchmarks(base, current, parseRules('inuse_space off')).verdict.verdict).toBe('pass');
  });
});

describe('benchmark metrics in profile rules', () => {
  test('a B/op rule on heap profiles is an error saying it is a benchmark metric', () => {
    expect(() =>
      resolveRules(parseRules('B/op +10%'), [
        { type: 'alloc_space', unit: 'bytes' },
        { type: 'inuse_space', unit: 'bytes' },
      ]),
    ).toThrow(
      'rule 1 ("B/op +10%"): the profiles have no sample type "B/op" (it is a metric of go test -bench -benchmem ' +
        'output, not of heap profiles); available: alloc_space, inuse_space',
    );
  });
});
