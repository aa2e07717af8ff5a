/**
 * Two sets of Go benchmark runs → a Verdict, the way benchstat compares them: per benchmark in both
 * sets and per metric (B/op, allocs/op), the medians, their change, and the two-sided Mann–Whitney
 * U test at α = 0.05; then the rules (bench/rules.ts) with the profiles' statuses (verdict.ts).
 * Pure. See docs/noise-model.md ("Go benchmarks").
 *
 * A change is significant when it is exact (every run on each side gave the same value: B/op and
 * allocs/op are exact per-op means, and a constant series leaves no doubt) or when both sides have
 * at least MIN_RUNS runs and p < α. Otherwise a change over a rule's threshold is `inconclusive`.
 */
import { IncompatibleProfilesError } from '../errors.js';
import {
  combine,
  crossing,
  thresholdOf,
  verdictOf,
  type MetricResult,
  type MetricStatus,
  type Verdict,
} from '../verdict.js';
import type { Rule } from '../rule-syntax.js';
import type { FunctionDelta } from '../diff.js';
import { perOpDeltas } from './per-op.js';
import { mannWhitneyU } from './mann-whitney.js';
import type { BenchmarkRuns, BenchmarkSet } from './parse.js';
import { benchRuleResolver, type BenchRule } from './rules.js';
import { BENCH_METRICS, median } from './summary.js';

/** benchstat's significance level. */
export const BENCH_ALPHA = 0.05;
/**
 * Runs each side needs before the U test can reach p < 0.05: with 3 and 3 the smallest two-sided p
 * is 0.1 (benchstat says the same; it recommends 10).
 */
export const MIN_RUNS = 4;

/** Benchmarks named in a warning about benchmarks only one side has, at most. */
const MAX_NAMED = 5;

export interface BenchComparison {
  readonly verdict: Verdict;
  /**
   * Keyed by `<benchmark> <metric>` (the metric's label, e.g. `BenchmarkAppend B/op`), when
   * -memprofiles of both sides were given: the functions' per-op values and deltas (see
   * bench/attribution.ts), sorted by |flat Δ|; empty without them.
   */
  readonly functions: Readonly<Record<string, readonly FunctionDelta[]>>;
  /** How the two sets were not alike (benchmarks only one side ran, different GOMAXPROCS), one sentence each. */
  readonly warnings: readonly string[];
}

const keyOf = (b: BenchmarkRuns): string => JSON.stringify([b.pkg, b.name]);

function allEqual(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

/** The label of a benchmark in names and warnings: the name, with the package when several packages share it. */
function labeller(benchmarks: readonly BenchmarkRuns[]): (b: BenchmarkRuns) => string {
  const pkgs = new Map<string, Set<string>>();
  for (const b of benchmarks) pkgs.set(b.name, (pkgs.get(b.name) ?? new Set()).add(b.pkg));
  return (b) => ((pkgs.get(b.name)?.size ?? 0) > 1 && b.pkg !== '' ? `${b.pkg}.${b.name}` : b.name);
}

function onlyIn(side: string, list: readonly BenchmarkRuns[], label: (b: BenchmarkRuns) => string): string[] {
  if (list.length === 0) return [];
  const named = list.slice(0, MAX_NAMED).map(label).join(', ');
  const more = list.length > MAX_NAMED ? ` and ${list.length - MAX_NAMED} more` : '';
  return [`${list.length} benchmark${list.length === 1 ? '' : 's'} only in the ${side}, not compared: ${named}${more}`];
}

/** A crossing under the rule (verdict.ts), else pass: the U test has no smallest detectable change. */
function judge(base: number, delta: number, rule: Rule, significant: boolean): MetricStatus {
  return rule.off ? 'pass' : (crossing(base, delta, rule, significant) ?? 'pass');
}

function metricResult(
  b: BenchmarkRuns,
  c: BenchmarkRuns,
  metric: (typeof BENCH_METRICS)[number],
  applied: BenchRule | null,
): MetricResult {
  const xs = metric.type === 'B/op' ? b.bytes : b.allocs;
  const ys = metric.type === 'B/op' ? c.bytes : c.allocs;
  const base = median(xs);
  const current = median(ys);
  const delta = current - base;
  const p = xs.length < 2 && ys.length < 2 ? null : mannWhitneyU(xs, ys).p;
  // Constant on both sides: exact when each side's constancy was seen (two or more runs), or when
  // both sides agree (no change whatever the count).
  const exact = allEqual(xs) && allEqual(ys) && ((xs.length >= 2 && ys.length >= 2) || base === current);
  const significant = exact || (xs.length >= MIN_RUNS && ys.length >= MIN_RUNS && p !== null && p < BENCH_ALPHA);
  const status = applied === null ? 'pass' : judge(base, delta, applied.rule, significant);
  const threshold = applied === null || applied.rule.off ? null : thresholdOf(base, applied.rule);
  return {
    sampleType: metric.type,
    unit: metric.unit,
    base,
    current,
    delta,
    deltaPercent: base === 0 ? null : (100 * delta) / base,
    z: null,
    variance: 0,
    pattern: null,
    status,
    partStatus: status,
    rule: applied?.text ?? null,
    sources: { sampling: 0, runs: 0, history: 0 },
    critical: 0,
    detectable: exact ? 0 : Number.NaN,
    threshold,
    runs: { base: xs.length, current: ys.length },
    // The U test decides, not a variance: no spread is estimated.
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
    history: null,
    benchmark: { name: b.name, pkg: b.pkg, p, alpha: BENCH_ALPHA, exact },
  };
}

/**
 * Compares `current` against `base`: one MetricResult per benchmark both have (in the current
 * set's order) and metric, with `benchmark` set. Throws IncompatibleProfilesError when they have no
 * benchmark in common, RuleError for rules that cannot apply (bench/rules.ts).
 */
export function compareBenchmarks(base: BenchmarkSet, current: BenchmarkSet, rules: readonly Rule[]): BenchComparison {
  const baseByKey = new Map(base.benchmarks.map((b) => [keyOf(b), b]));
  const currentKeys = new Set(current.benchmarks.map(keyOf));
  const label = labeller([...base.benchmarks, ...current.benchmarks]);
  const pairs = current.benchmarks.flatMap((c) => {
    const b = baseByKey.get(keyOf(c));
    return b === undefined ? [] : [{ b, c }];
  });
  if (pairs.length === 0) {
    const list = (s: BenchmarkSet): string =>
      s.benchmarks.slice(0, MAX_NAMED).map(label).join(', ') + (s.benchmarks.length > MAX_NAMED ? ', …' : '');
    throw new IncompatibleProfilesError(`no benchmark in common: base has ${list(base)}; current has ${list(current)}`);
  }
  const names = [...base.benchmarks, ...current.benchmarks].map((b) => b.name);
  const ruleOf = benchRuleResolver(rules, names);
  const metrics: MetricResult[] = [];
  const functions: Record<string, readonly FunctionDelta[]> = {};
  for (const { b, c } of pairs) {
    const own = BENCH_METRICS.map((metric) => metricResult(b, c, metric, ruleOf(metric.type, b.name)));
    const named = own.map((m) => ({ ...m, benchmark: { ...m.benchmark!, name: label(c) } }));
    metrics.push(...combineConjunctions(named, rules));
    for (const m of named) {
      const rows = perOpDeltas(base.attribution, current.attribution, c, m.sampleType, m);
      if (rows !== null) functions[`${label(c)} ${m.sampleType}`] = rows;
    }
  }
  const warnings = [
    ...onlyIn(
      'base',
      base.benchmarks.filter((b) => !currentKeys.has(keyOf(b))),
      label,
    ),
    ...onlyIn(
      'current',
      current.benchmarks.filter((c) => !baseByKey.has(keyOf(c))),
      label,
    ),
    ...procsWarnings(pairs, label),
    ...attributionWarnings(base, current),
  ];
  return { verdict: { verdict: verdictOf(metrics), confidence: 0, metrics }, warnings, functions };
}

/** Within one benchmark: the parts of a conjunction take its combined status (the parts of one `all:` text). */
function combineConjunctions(metrics: readonly MetricResult[], rules: readonly Rule[]): MetricResult[] {
  const size = new Map<string, number>();
  for (const r of rules) if (r.origin === 'user' && r.all !== null) size.set(r.all, (size.get(r.all) ?? 0) + 1);
  let out = [...metrics];
  for (const [all, count] of size) {
    const parts = out.filter((m) => m.rule === all);
    if (parts.length === 0) continue;
    // Every part must apply to the benchmark (a `for` part may not): a conjunction missing a part cannot fail.
    const statuses = parts.map((m) => m.partStatus);
    const status = combine(parts.length < count ? [...statuses, 'pass'] : statuses);
    out = out.map((m) => (m.rule === all ? { ...m, status } : m));
  }
  return out;
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
