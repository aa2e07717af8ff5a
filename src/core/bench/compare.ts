/**
 * Two sets of Go benchmark runs measured the way benchstat compares them: per benchmark in both
 * sets and per metric (B/op, allocs/op), the medians, their change, and the two-sided Mann–Whitney
 * U test at α = 0.05. No rules here: verdict/bench-verdict.ts judges these measurements with the
 * rules (rules/bench.ts) and the profiles' statuses. Pure. See docs/noise-model.md ("Go benchmarks").
 *
 * A change is significant when it is exact (every run on each side gave the same value: B/op and
 * allocs/op are exact per-op means, and a constant series leaves no doubt) or when both sides have
 * at least MIN_RUNS runs and p < α. Otherwise a change over a rule's threshold is `inconclusive`.
 */
import { IncompatibleProfilesError } from '../errors.js';
import type { FunctionDelta } from '../compare/diff.js';
import { perOpDeltas } from './per-op.js';
import { mannWhitneyU } from '../stats/mann-whitney.js';
import type { BenchmarkRuns, BenchmarkSet } from './parse.js';
import { BENCH_METRICS } from '../profile/benchmark-set.js';
import { median } from './summary.js';

/** benchstat's significance level. */
export const BENCH_ALPHA = 0.05;
/**
 * Runs each side needs before the U test can reach p < 0.05: with 3 and 3 the smallest two-sided p
 * is 0.1 (benchstat says the same; it recommends 10).
 */
export const MIN_RUNS = 4;

/** Benchmarks named in a warning about benchmarks only one side has, at most. */
const MAX_NAMED = 5;

/**
 * What a Go benchmark metric adds to a metric's result, whose base and current are then the medians
 * of the runs (B/op or allocs/op), `runs` the runs on each side, and whose z, sources and detectable
 * do not apply (null, 0 and 0 or NaN): the Mann–Whitney U test decides instead.
 */
export interface BenchmarkStat {
  /**
   * The benchmark's label: its name without the GOMAXPROCS suffix, with the package when several
   * packages share the name (untrusted: from the file).
   */
  readonly name: string;
  /** Its package ('' when the output had no `pkg:` line; untrusted). */
  readonly pkg: string;
  /** Two-sided Mann–Whitney p-value of the runs; null when a side has one run. */
  readonly p: number | null;
  /** A change is significant when p < alpha (with at least MIN_RUNS runs on each side) or exact. */
  readonly alpha: number;
  /**
   * Every run on each side gave the same value (and each side had two or more runs, or both sides
   * agree): the change is exact.
   */
  readonly exact: boolean;
}

/** One metric of one benchmark in both sets, measured: what the verdict judges. */
export interface BenchMetricMeasure {
  readonly sampleType: string;
  readonly unit: string;
  /** The medians of the runs. */
  readonly base: number;
  readonly current: number;
  readonly runs: { readonly base: number; readonly current: number };
  /** Exact, or p < α with at least MIN_RUNS runs a side. */
  readonly significant: boolean;
  readonly benchmark: BenchmarkStat;
}

/** A benchmark both sets ran, with its metrics in BENCH_METRICS order. */
export interface BenchmarkMeasure {
  /** The name rules select by (`for <regex>:`): without the package, whatever the label. */
  readonly name: string;
  readonly metrics: readonly BenchMetricMeasure[];
}

export interface BenchMeasurement {
  /** The benchmarks both sets have, in the current set's order. */
  readonly benchmarks: readonly BenchmarkMeasure[];
  /** The benchmark names of both sides (what `for` rules must match one of). */
  readonly names: readonly string[];
  /**
   * Keyed by `<benchmark> <metric>` (the metric's label, e.g. `BenchmarkAppend B/op`), when
   * -memprofiles of both sides were given: the functions' per-op values and deltas (see
   * bench/attribution.ts), sorted by |flat Δ|; empty without them.
   */
  readonly functions: Readonly<Record<string, readonly FunctionDelta[]>>;
  /** How the two sets were not alike (benchmarks only one side ran, different GOMAXPROCS), one sentence each. */
  readonly warnings: readonly string[];
}

const keyOf = (b: Named): string => JSON.stringify([b.pkg, b.name]);

function allEqual(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

/** What names a benchmark: its package and name. */
type Named = Pick<BenchmarkRuns, 'pkg' | 'name'>;

/** The label of a benchmark in names and warnings: the name, with the package when several packages share it. */
function labeller(benchmarks: readonly Named[]): (b: Named) => string {
  const pkgs = new Map<string, Set<string>>();
  for (const b of benchmarks) pkgs.set(b.name, (pkgs.get(b.name) ?? new Set()).add(b.pkg));
  return (b) => ((pkgs.get(b.name)?.size ?? 0) > 1 && b.pkg !== '' ? `${b.pkg}.${b.name}` : b.name);
}

/** The first MAX_NAMED labels of a list, then how many more. */
function someOf(list: readonly Named[], label: (b: Named) => string): string {
  const named = list.slice(0, MAX_NAMED).map(label).join(', ');
  return named + (list.length > MAX_NAMED ? ` and ${list.length - MAX_NAMED} more` : '');
}

function onlyIn(side: string, list: readonly Named[], label: (b: Named) => string): string[] {
  if (list.length === 0) return [];
  return [
    `${list.length} benchmark${list.length === 1 ? '' : 's'} only in the ${side}, not compared: ${someOf(list, label)}`,
  ];
}

/** The benchmarks either side read without memory metrics, each once. */
function skippedOf(base: BenchmarkSet, current: BenchmarkSet): Map<string, Named> {
  const out = new Map<string, Named>();
  for (const s of [...(current.skipped ?? []), ...(base.skipped ?? [])]) if (!out.has(keyOf(s))) out.set(keyOf(s), s);
  return out;
}

function skippedWarnings(skipped: ReadonlyMap<string, Named>, label: (b: Named) => string): string[] {
  if (skipped.size === 0) return [];
  const n = skipped.size;
  return [
    `${n} benchmark${n === 1 ? '' : 's'} reported no B/op and allocs/op, not compared: ` +
      `${someOf([...skipped.values()], label)} (run go test -bench with -benchmem, or call b.ReportAllocs() in them)`,
  ];
}

function measure(
  b: BenchmarkRuns,
  c: BenchmarkRuns,
  metric: (typeof BENCH_METRICS)[number],
  name: string,
): BenchMetricMeasure {
  const xs = metric.type === 'B/op' ? b.bytes : b.allocs;
  const ys = metric.type === 'B/op' ? c.bytes : c.allocs;
  const base = median(xs);
  const current = median(ys);
  const p = xs.length < 2 && ys.length < 2 ? null : mannWhitneyU(xs, ys).p;
  // Constant on both sides: exact when each side's constancy was seen (two or more runs), or when
  // both sides agree (no change whatever the count).
  const exact = allEqual(xs) && allEqual(ys) && ((xs.length >= 2 && ys.length >= 2) || base === current);
  const significant = exact || (xs.length >= MIN_RUNS && ys.length >= MIN_RUNS && p !== null && p < BENCH_ALPHA);
  return {
    sampleType: metric.type,
    unit: metric.unit,
    base,
    current,
    runs: { base: xs.length, current: ys.length },
    significant,
    benchmark: { name, pkg: b.pkg, p, alpha: BENCH_ALPHA, exact },
  };
}

/**
 * Measures `current` against `base`: per benchmark both have (in the current set's order), each
 * metric. Throws IncompatibleProfilesError when they have no benchmark in common.
 */
export function measureBenchmarks(base: BenchmarkSet, current: BenchmarkSet): BenchMeasurement {
  const baseByKey = new Map(base.benchmarks.map((b) => [keyOf(b), b]));
  const currentKeys = new Set(current.benchmarks.map(keyOf));
  const skipped = skippedOf(base, current);
  const label = labeller([...base.benchmarks, ...current.benchmarks, ...skipped.values()]);
  const pairs = current.benchmarks.flatMap((c) => {
    const b = baseByKey.get(keyOf(c));
    return b === undefined ? [] : [{ b, c }];
  });
  if (pairs.length === 0) {
    const list = (s: BenchmarkSet): string =>
      s.benchmarks.slice(0, MAX_NAMED).map(label).join(', ') + (s.benchmarks.length > MAX_NAMED ? ', …' : '');
    throw new IncompatibleProfilesError(`no benchmark in common: base has ${list(base)}; current has ${list(current)}`);
  }
  const benchmarks: BenchmarkMeasure[] = [];
  const functions: Record<string, readonly FunctionDelta[]> = {};
  for (const { b, c } of pairs) {
    const metrics = BENCH_METRICS.map((metric) => measure(b, c, metric, label(c)));
    benchmarks.push({ name: b.name, metrics });
    for (const m of metrics) {
      const rows = perOpDeltas(base.attribution, current.attribution, c, m.sampleType, m);
      if (rows !== null) functions[`${label(c)} ${m.sampleType}`] = rows;
    }
  }
  const warnings = [
    ...onlyIn(
      'base',
      base.benchmarks.filter((b) => !currentKeys.has(keyOf(b)) && !skipped.has(keyOf(b))),
      label,
    ),
    ...onlyIn(
      'current',
      current.benchmarks.filter((c) => !baseByKey.has(keyOf(c)) && !skipped.has(keyOf(c))),
      label,
    ),
    ...skippedWarnings(skipped, label),
    ...procsWarnings(pairs, label),
    ...attributionWarnings(base, current),
  ];
  const names = [...base.benchmarks, ...current.benchmarks].map((b) => b.name);
  return { benchmarks, names, functions, warnings };
}

function procsWarnings(
  pairs: readonly { b: BenchmarkRuns; c: BenchmarkRuns }[],
  label: (b: BenchmarkRuns) => string,
): string[] {
  const differ = pairs.filter(({ b, c }) => b.procs.join(',') !== c.procs.join(','));
  if (differ.length === 0) return [];
  const first = differ[0]!;
  return [
    `${differ.length} benchmark${differ.length === 1 ? '' : 's'} ran with different GOMAXPROCS on the two sides ` +
      `(${label(first.c)}: base -${first.b.procs.join('/-')}, current -${first.c.procs.join('/-')})`,
  ];
}

/** A -memprofile given with one side's output only: nothing to compare its functions with. */
function attributionWarnings(base: BenchmarkSet, current: BenchmarkSet): string[] {
  if ((base.attribution === undefined) === (current.attribution === undefined)) return [];
  const side = base.attribution === undefined ? 'current' : 'base';
  return [`a -memprofile was given with the ${side} output only: no per-function attribution`];
}
