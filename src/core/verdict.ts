/**
 * Rules × diff → verdict. A rule fails a metric only when the increase is over its percent, at
 * least its `min`, and more than sampling noise explains; see docs/rules.md and docs/noise-model.md.
 */
import type { MetricDelta, ProfileDiff } from './diff.js';
import { RuleError, UsageError } from './errors.js';
import type { ValueType } from './model.js';
import type { Rule } from './rule-syntax.js';
import { resolveRules } from './rules.js';
import { listSampleTypes } from './sample-type.js';

/**
 * - `fail`: over the rule's percent and min, and significant (z ≥ confidence, or exact);
 * - `warn`: likewise for the warn percent;
 * - `noise`: over a threshold, but sampling explains it (z < confidence): reported, never failing;
 * - `pass`: anything else, including decreases and metrics no rule covers.
 */
export type MetricStatus = 'pass' | 'warn' | 'fail' | 'noise';

/** One metric (a whole sample type, or a function rule's focus when `pattern` is set) and what its rule made of it. */
export interface MetricResult extends MetricDelta {
  /** The function rule's regex source; null for a whole sample type. */
  readonly pattern: string | null;
  readonly status: MetricStatus;
  /** The canonical text of the rule applied (see formatRule), null when no rule covers the metric. */
  readonly rule: string | null;
}

export interface Verdict {
  /** `fail` if any metric fails, else `warn` if any warns, else `pass`. */
  readonly verdict: 'pass' | 'warn' | 'fail';
  /** The z a change must reach to count as real. */
  readonly confidence: number;
  /** Every common sample type (in the diff's order), then each function rule's result. */
  readonly metrics: readonly MetricResult[];
}

/** The z a change must reach to count as real when no confidence is given. */
export const DEFAULT_CONFIDENCE = 3;

export interface EvaluateOptions {
  /** Minimum z for a change to count as real; DEFAULT_CONFIDENCE by default. */
  readonly confidence?: number;
}

/** True when the change is over `percent` of the base; any growth from a base of 0 is. */
function over(m: MetricDelta, percent: number): boolean {
  if (m.base === 0) return m.current > 0;
  return m.deltaPercent !== null && m.deltaPercent > percent;
}

/** The status one rule gives one metric. */
function judge(m: MetricDelta, rule: Rule, confidence: number): MetricStatus {
  if (rule.off || m.delta < rule.min) return 'pass';
  const significant = m.z === null || m.z >= confidence;
  if (over(m, rule.percent)) return significant ? 'fail' : 'noise';
  if (rule.warnPercent !== null && over(m, rule.warnPercent)) return significant ? 'warn' : 'noise';
  return 'pass';
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
  const metrics: MetricResult[] = diff.metrics.map((m, t) => {
    const a = applied.find((x) => x.sampleTypeIndex === t && x.rule.pattern === null);
    return a
      ? { ...m, pattern: null, status: judge(m, a.rule, confidence), rule: a.text }
      : { ...m, pattern: null, status: 'pass', rule: null };
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
    metrics.push({ ...f, status: judge(f, a.rule, confidence), rule: a.text });
  }
  const verdict = metrics.some((m) => m.status === 'fail')
    ? 'fail'
    : metrics.some((m) => m.status === 'warn')
      ? 'warn'
      : 'pass';
  return { verdict, confidence, metrics };
}
