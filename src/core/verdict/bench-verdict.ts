/**
 * Go benchmark measurements (bench/compare.ts) → a Verdict: each benchmark's metrics judged by the
 * benchmark rules (rules/bench.ts) with the profiles' crossing, thresholds and verdict order
 * (verdict.ts), so both kinds of input reach the renderers as one shape: MetricResults in a Verdict.
 * Pure.
 *
 * A significant change (exact, or p < α with enough runs) over a rule's threshold fails or warns;
 * an insignificant one over it is `inconclusive`. The U test has no smallest detectable change, so
 * `detectable` is 0 for an exact change and NaN otherwise.
 */
import {
  measureBenchmarks,
  type BenchMeasurement,
  type BenchMetricMeasure,
  type BenchmarkMeasure,
} from '../bench/compare.js';
import type { BenchmarkSet } from '../bench/parse.js';
import type { FunctionDelta } from '../compare/diff.js';
import { benchRuleResolver, type BenchRule } from '../rules/bench.js';
import type { Rule } from '../rules/syntax.js';
import {
  combine,
  crossing,
  thresholdOf,
  verdictOf,
  type MetricResult,
  type MetricStatus,
  type Verdict,
} from './verdict.js';

export interface BenchComparison {
  readonly verdict: Verdict;
  /** The functions per benchmark metric (see BenchMeasurement.functions). */
  readonly functions: Readonly<Record<string, readonly FunctionDelta[]>>;
  /** How the two sets were not alike, one sentence each (see BenchMeasurement.warnings). */
  readonly warnings: readonly string[];
}

/** A crossing under the rule (verdict.ts), else pass: the U test has no smallest detectable change. */
function judge(base: number, delta: number, rule: Rule, significant: boolean): MetricStatus {
  return rule.off ? 'pass' : (crossing(base, delta, rule, significant) ?? 'pass');
}

function metricResult(m: BenchMetricMeasure, applied: BenchRule | null): MetricResult {
  const delta = m.current - m.base;
  const status = applied === null ? 'pass' : judge(m.base, delta, applied.rule, m.significant);
  const threshold = applied === null || applied.rule.off ? null : thresholdOf(m.base, applied.rule);
  return {
    sampleType: m.sampleType,
    unit: m.unit,
    base: m.base,
    current: m.current,
    delta,
    deltaPercent: m.base === 0 ? null : (100 * delta) / m.base,
    z: null,
    variance: 0,
    pattern: null,
    status,
    partStatus: status,
    rule: applied?.text ?? null,
    sources: { sampling: 0, runs: 0, history: 0 },
    critical: 0,
    detectable: m.benchmark.exact ? 0 : Number.NaN,
    threshold,
    runs: m.runs,
    // The U test decides, not a variance: no spread is estimated.
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
    history: null,
    drift: null,
    benchmark: m.benchmark,
  };
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

/** Judges measured benchmarks. Throws RuleError for rules that cannot apply (rules/bench.ts). */
export function judgeBenchmarks(measured: BenchMeasurement, rules: readonly Rule[]): Verdict {
  const ruleOf = benchRuleResolver(rules, measured.names);
  const judged = (b: BenchmarkMeasure): MetricResult[] =>
    combineConjunctions(
      b.metrics.map((m) => metricResult(m, ruleOf(m.sampleType, b.name))),
      rules,
    );
  const metrics = measured.benchmarks.flatMap(judged);
  return { verdict: verdictOf(metrics), confidence: 0, metrics };
}

/**
 * Compares `current` against `base`: one MetricResult per benchmark both have (in the current
 * set's order) and metric, with `benchmark` set. Throws IncompatibleProfilesError when they have no
 * benchmark in common, then RuleError for rules that cannot apply.
 */
export function compareBenchmarks(base: BenchmarkSet, current: BenchmarkSet, rules: readonly Rule[]): BenchComparison {
  const measured = measureBenchmarks(base, current);
  return { verdict: judgeBenchmarks(measured, rules), warnings: measured.warnings, functions: measured.functions };
}
