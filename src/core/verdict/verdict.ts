/**
 * Rules × diff → verdict. A rule fails a metric only when the increase is over its percent, at
 * least its `min`, and more than the noise explains: sampling noise (profile/sampling.ts), and, when a
 * history is given, the run-to-run noise of earlier baselines (stats/run-noise.ts). See docs/rules.md and
 * docs/noise-model.md.
 */
import type { MetricDelta, ProfileDiff } from '../compare/diff.js';
import { ExitCode, RuleError, UsageError } from '../errors.js';
import type { ValueType } from '../profile/model.js';
import type { Rule } from '../rules/syntax.js';
import { resolveRules } from '../rules/resolve.js';
import type { RunNoise } from '../stats/run-noise.js';
import { listSampleTypes } from '../profile/sample-type.js';
import { criticalValue } from '../stats/student-t.js';
import type { BenchmarkStat } from '../bench/compare.js';
import { crossing, thresholdOf, type MetricStatus } from './crossing.js';
import { judgeDrift, type DriftResult } from './drift.js';
import type { MetricHistory } from '../stats/metric-history.js';

export type { MetricStatus } from './crossing.js';
export { crossing, thresholdOf } from './crossing.js';

/** The variances of a metric's delta, by where they come from (in the metric's unit, squared). */
export interface VarianceSources {
  /** Sampling: var(base) + var(current) from the profiles' sampling rates (0 when exact). */
  readonly sampling: number;
  /** Across several runs of each side (the runs' spread); 0 with one run per side. */
  readonly runs: number;
  /** Run-to-run noise of earlier baselines: (σ of their relative changes × base)²; 0 without a calibrated history. */
  readonly history: number;
}

/** One metric (a whole sample type, or a function rule's focus when `pattern` is set) and what its rule made of it. */
export interface MetricResult extends MetricDelta {
  /** The function rule's regex source; null for a whole sample type. */
  readonly pattern: string | null;
  /** For a part of a conjunction, the conjunction's status; else the rule's own. */
  readonly status: MetricStatus;
  /** The status the metric's own rule (or part of a conjunction) gave it. */
  readonly partStatus: MetricStatus;
  /** The canonical text of the rule applied (see formatRule), null when no rule covers the metric. */
  readonly rule: string | null;
  /** z of the delta over every variance source; null when they are all 0 (exact). */
  readonly z: number | null;
  readonly sources: VarianceSources;
  /** The z the delta must reach: the confidence, raised (Student's t) when part of the variance is estimated. */
  readonly critical: number;
  /**
   * The smallest change this comparison can tell from noise: critical × √(sum of sources); 0 when
   * exact; Infinity when it cannot be told (go test -bench totals without a history).
   */
  readonly detectable: number;
  /** The rule's threshold as an amount: the larger of its percent of the base and its min; null without a rule. */
  readonly threshold: number | null;
  /** The history behind the metric's limit; null when no history was asked for (or for function rules). */
  readonly history: RunNoise | null;
  /**
   * The run against its series' reference level (drift.ts): null when not judged (no calibrated
   * history, no reference level, a function rule, `drift off`). `status` already counts it.
   */
  readonly drift: DriftResult | null;
  /** Set for one metric of one Go benchmark (see bench/compare.ts); absent for profile metrics. */
  readonly benchmark?: BenchmarkStat;
}

/** The outcome of a comparison: `fail` if any metric fails, else `inconclusive`, `warn`, `pass` in that order. */
export type VerdictKind = 'pass' | 'warn' | 'fail' | 'inconclusive';

/** What an inconclusive verdict does to the step or the exit code. */
export const INCONCLUSIVE_POLICIES = ['pass', 'warn', 'fail'] as const;
export type InconclusivePolicy = (typeof INCONCLUSIVE_POLICIES)[number];

export interface Verdict {
  readonly verdict: VerdictKind;
  /** The z a change must reach to count as real (before any history raises it). */
  readonly confidence: number;
  /** Every common sample type (in the diff's order), then each function rule's result. */
  readonly metrics: readonly MetricResult[];
}

/** The z a change must reach to count as real when no confidence is given. */
export const DEFAULT_CONFIDENCE = 3;

export interface EvaluateOptions {
  /** Minimum z for a change to count as real; DEFAULT_CONFIDENCE by default. */
  readonly confidence?: number;
  /**
   * The history per whole sample type (keyed by type name), from earlier baselines; absent = no
   * history asked for.
   */
  readonly history?: ReadonlyMap<string, MetricHistory>;
}

/** The delta's variance sources, critical value, z and smallest detectable change. */
interface Noise {
  readonly sources: VarianceSources;
  readonly critical: number;
  readonly z: number | null;
  readonly detectable: number;
}

/**
 * Sums the variance sources: the sampling variance, or the spread across runs when it is larger
 * (runs of one side vary by their sampling too, so their spread includes it: `runs` is the excess),
 * plus the history's. A history of sampled baselines holds some sampling noise already, which is
 * then counted twice: conservative, never lenient (measured on real sampled series: its history σ
 * estimate from a few changes can fall short of a pair's sampling noise). The spread and the
 * history are estimated, so the critical value is Student's t at the confidence's one-sided level,
 * with the Welch–Satterthwaite degrees of freedom of the sum (sampling is known exactly: infinite
 * degrees of freedom).
 */
function noiseOf(m: MetricDelta, history: RunNoise | null, confidence: number, iterations: boolean): Noise {
  const sampling = m.variance;
  const spread = m.runSpread;
  const runs = Math.max(0, spread.variance - sampling);
  const historyVar =
    history !== null && history.kind === 'calibrated' ? ((history.sdPercent / 100) * Math.abs(m.base)) ** 2 : 0;
  const total = sampling + runs + historyVar;
  // Estimated parts and their degrees of freedom: the runs' spread (sampling included) when it
  // exceeds the sampling variance, and the history.
  let estimated = 0;
  if (runs > 0) estimated += (spread.variance * spread.variance) / Math.max(spread.df, 1);
  if (historyVar > 0 && history !== null && history.kind === 'calibrated') {
    estimated += (historyVar * historyVar) / Math.max(history.df, 1);
  }
  const df = estimated > 0 ? (total * total) / estimated : Number.POSITIVE_INFINITY;
  const critical = criticalValue(confidence, df);
  const z = total > 0 ? m.delta / Math.sqrt(total) : null;
  // Totals that scale with b.N: only runs or a history of such runs say how much they move.
  const measured = historyVar > 0 || Number.isFinite(spread.df);
  const detectable = iterations && !measured ? Number.POSITIVE_INFINITY : critical * Math.sqrt(total);
  return { sources: { sampling, runs, history: historyVar }, critical, z, detectable };
}

/** The status one rule gives one metric. */
function judge(m: MetricDelta, rule: Rule, noise: Noise): MetricStatus {
  if (rule.off) return 'pass';
  const significant = noise.detectable !== Number.POSITIVE_INFINITY && (noise.z === null || noise.z >= noise.critical);
  // Nothing crossed: a pass only if a change of the threshold's size would have been seen.
  return (
    crossing(m.base, m.delta, rule, significant) ??
    (noise.detectable > thresholdOf(m.base, rule) ? 'inconclusive' : 'pass')
  );
}

/**
 * A conjunction fails only when every part fails; it passes when some part passes (that part rules
 * a failure out); warns when every part warns or fails; else it cannot tell.
 */
export function combine(parts: readonly MetricStatus[]): MetricStatus {
  if (parts.every((s) => s === 'fail')) return 'fail';
  if (parts.some((s) => s === 'pass')) return 'pass';
  if (parts.every((s) => s === 'fail' || s === 'warn')) return 'warn';
  return 'inconclusive';
}

const SEVERITY: readonly VerdictKind[] = ['fail', 'inconclusive', 'warn'];

/** The verdict of judged metrics: fail if any fails, else inconclusive, warn, pass in that order. */
export function verdictOf(metrics: readonly Pick<MetricResult, 'status'>[]): VerdictKind {
  return SEVERITY.find((s) => metrics.some((m) => m.status === s)) ?? 'pass';
}

/**
 * Applies rules (defaults and user rules, as from rulesWithDefaults) to a diff. Every common
 * sample type gets a result; function rules read the diff's focus deltas, so the summaries must
 * have been made with `focus: focusPatterns(rules)`. Throws RuleError for a user rule on a sample
 * type the diff lacks (see resolveRules), UsageError for a confidence that is not a number ≥ 0.
 */
export function evaluate(diff: ProfileDiff, rules: readonly Rule[], options: EvaluateOptions = {}): Verdict {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isFinite(confidence) || confidence < 0) {
    throw new UsageError(`confidence must be a number ≥ 0, got ${confidence}`);
  }
  const types: ValueType[] = diff.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  const applied = resolveRules(rules, types);
  if (applied.length === 0) {
    throw new RuleError(
      `no rule applies to any of the profiles' sample types (${listSampleTypes(types)}): a gate that cannot fail ` +
        'would pass every run; keep a default rule or add one for one of these types',
    );
  }
  const result = (m: MetricDelta, pattern: string | null, rule: Rule | null, text: string | null): MetricResult => {
    const series = pattern === null ? (options.history?.get(m.sampleType) ?? null) : null;
    const history = series?.noise ?? null;
    const noise = noiseOf(m, history, confidence, diff.scalesWithIterations);
    const drift = rule === null || series === null ? null : judgeDrift(m, rule, history, series.reference, confidence);
    const own = rule === null ? 'pass' : judge(m, rule, noise);
    // A base that fell alone below its level (a run that retained less, or a step down not yet
    // confirmed) is not what a run is judged against: the level before it is, under the rule's own
    // percent (drift off or not).
    const fallback =
      rule === null || series?.baseFellAlone !== true
        ? null
        : judgeDrift(m, { ...rule, drift: null }, history, series.reference, confidence);
    // Against that level, as against a base: a pass only if a change of the threshold's size would
    // have been seen.
    const fromLevel =
      fallback === null
        ? null
        : fallback.status === 'pass' && noise.detectable > fallback.threshold
          ? 'inconclusive'
          : fallback.status;
    const parts = [fromLevel ?? own, ...(drift === null ? [] : [drift.status])];
    const status = verdictOf(parts.map((s) => ({ status: s })));
    const threshold = rule === null || rule.off ? null : thresholdOf(m.base, rule);
    return { ...m, ...noise, pattern, status, partStatus: status, rule: text, threshold, history, drift };
  };
  const metrics: MetricResult[] = diff.metrics.map((m, t) => {
    const a = applied.find((x) => x.sampleTypeIndex === t && x.rule.pattern === null);
    return a ? result(m, null, a.rule, a.text) : result(m, null, null, null);
  });
  for (const a of applied) {
    if (a.rule.pattern === null) continue;
    const type = types[a.sampleTypeIndex]!;
    const f = diff.focus.find(
      (x) => x.pattern === a.rule.pattern && x.sampleType === type.type && x.unit === type.unit,
    );
    if (!f) {
      throw new Error(`no focus totals for /${a.rule.pattern}/ in ${type.type}: summarize with focusPatterns(rules)`);
    }
    metrics.push(result(f, f.pattern, a.rule, a.text));
  }
  const combined = combineConjunctions(
    metrics,
    applied.map((a) => a.rule),
  );
  return { verdict: verdictOf(combined), confidence, metrics: combined };
}

/** Gives each part of a conjunction the conjunction's status (keeping its own as partStatus). */
function combineConjunctions(metrics: readonly MetricResult[], rules: readonly Rule[]): MetricResult[] {
  const groups = new Set(rules.filter((r) => r.all !== null && !r.off).map((r) => r.all!));
  let out = [...metrics];
  for (const all of groups) {
    const parts = out.filter((m) => m.rule === all);
    const status = combine(parts.map((m) => m.partStatus));
    out = out.map((m) => (m.rule === all ? { ...m, status } : m));
  }
  return out;
}

/**
 * The exit code of a verdict: 1 for fail, and for inconclusive when the policy is `fail`; else 0.
 */
export function exitCodeOf(verdict: VerdictKind, onInconclusive: InconclusivePolicy = 'pass'): number {
  if (verdict === 'fail') return ExitCode.fail;
  return verdict === 'inconclusive' && onInconclusive === 'fail' ? ExitCode.fail : ExitCode.pass;
}
