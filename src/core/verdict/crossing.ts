/**
 * What a change crosses under a rule: the statuses, the threshold as an amount, and the crossing
 * itself — shared by profile metrics, their drift and Go benchmarks.
 */
import type { Rule } from '../rules/syntax.js';

/**
 * - `fail`: over the rule's percent and min, and significant (z ≥ the critical value, or exact);
 * - `warn`: likewise for the warn percent;
 * - `inconclusive`: over a threshold but not significant, or the smallest change this comparison
 *   can detect is larger than the rule's threshold: the comparison cannot tell (never failing
 *   unless asked to, see InconclusivePolicy);
 * - `pass`: anything else, including decreases that could have been told apart and metrics no
 *   rule covers.
 */
export type MetricStatus = 'pass' | 'warn' | 'fail' | 'inconclusive';

/** True when a change of `delta` is over `percent` of `base`; any growth from a base of 0 is. */
function over(base: number, delta: number, percent: number): boolean {
  if (base === 0) return delta > 0;
  return (100 * delta) / base > percent;
}

/** The threshold of a rule as an amount: the larger of its percent of `base` and its min. */
export function thresholdOf(base: number, rule: Rule): number {
  return Math.max(rule.min, (rule.percent / 100) * Math.abs(base));
}

/**
 * What a change of `delta` from `base` crosses under a rule that is not off: at least its min and
 * over its percent (fail) or warn percent (warn), each `inconclusive` when the change is not
 * `significant`; null when it crosses nothing. Shared by profile metrics and Go benchmarks.
 */
export function crossing(base: number, delta: number, rule: Rule, significant: boolean): MetricStatus | null {
  if (delta < rule.min) return null;
  if (over(base, delta, rule.percent)) return significant ? 'fail' : 'inconclusive';
  if (rule.warnPercent !== null && over(base, delta, rule.warnPercent)) return significant ? 'warn' : 'inconclusive';
  return null;
}
