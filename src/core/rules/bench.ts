/**
 * Which rule judges which metric of which Go benchmark. The rule language is the profiles' (see
 * rules/syntax.ts, docs/rules.md) with two metric names, `B/op` and `allocs/op`, and `for <regex>:`
 * selecting benchmarks by name instead of functions. The profiles' default rules do not apply here,
 * nor these defaults to profiles. Pure.
 *
 * Precedence per benchmark and metric: the user's first `for` rule whose regex matches the
 * benchmark's name, else the user's rule for the whole metric, else the default (unless the user
 * turned the metric off). A user rule that can judge nothing is a RuleError (fail closed): a rule
 * for a heap profile sample type, or a `for` regex that matches no benchmark of either side.
 */
import { closestNames, patternLiteral } from './closest.js';
import { RuleError } from '../errors.js';
import { formatRule, parseRules, ruleLabel, type Rule } from './syntax.js';
import { BENCH_METRICS } from '../profile/benchmark-set.js';
import { compileNamePattern, shownPattern } from '../profile/name-pattern.js';

/**
 * The default rules for Go benchmarks. B/op at +15% like in-use space, allocs/op at +20% like the
 * allocation counts; the mins keep a single extra small allocation (64 B, 1 alloc) below the bar
 * only when it is under the percent, since per-op values are exact and small (docs/rules.md).
 */
export const BENCH_DEFAULT_RULES_TEXT = ['B/op +15% min 64B', 'allocs/op +20% min 1'].join('\n');

/** A rule bound to one benchmark's metric, with the text the verdict reports. */
export interface BenchRule {
  readonly rule: Rule;
  readonly text: string;
}

function ruleError(rule: Rule, why: string): RuleError {
  return new RuleError(`${ruleLabel(rule.index, rule.source)}: ${why}`);
}

const METRIC_NAMES = BENCH_METRICS.map((m) => m.type).join(' and ');

/**
 * The rules for a benchmark comparison: resolves, per metric, the rule of a benchmark (null = no
 * rule, the metric is not judged). `rules` are the user's (origin 'user'; others are ignored: the
 * profile defaults do not apply to benchmarks); `names` are the benchmark names of both sides.
 * Throws RuleError as the file comment says, and for a byte `min` on allocs/op or two user rules
 * on the same metric and pattern.
 */
export function benchRuleResolver(
  rules: readonly Rule[],
  names: readonly string[],
): (metric: string, name: string) => BenchRule | null {
  const user = rules.filter((r) => r.origin === 'user');
  const defaults = parseRules(BENCH_DEFAULT_RULES_TEXT, 'default');
  const claimed = new Map<string, Rule>();
  const off = new Set<string>();
  const whole = new Map<string, Rule>();
  const patterned: { rule: Rule; re: RegExp }[] = [];
  for (const rule of user) {
    const metric = BENCH_METRICS.find((m) => m.type === rule.sampleType);
    if (metric === undefined) {
      if (rule.off) continue;
      throw ruleError(
        rule,
        `Go benchmark output has the metrics ${METRIC_NAMES}, not "${rule.sampleType}" (a heap profile sample type)`,
      );
    }
    if (rule.drift !== null) {
      throw ruleError(
        rule,
        "drift is judged on the series of a profile's whole sample types, not yet on Go benchmarks; remove it",
      );
    }
    if (rule.minInBytes && metric.unit !== 'bytes') {
      throw ruleError(rule, `min is in bytes but ${metric.type} counts allocations; give a plain number`);
    }
    const key = JSON.stringify([rule.sampleType, rule.pattern]);
    const earlier = claimed.get(key);
    if (earlier) throw ruleError(rule, `repeats rule ${earlier.index} ("${earlier.source}"); keep one`);
    claimed.set(key, rule);
    if (rule.off) off.add(rule.sampleType);
    else if (rule.pattern === null) whole.set(rule.sampleType, rule);
    else {
      const re = compileNamePattern(rule.pattern);
      if (!names.some((n) => re.test(n))) {
        const closest = closestNames(patternLiteral(rule.pattern), names, { within: true, limit: 3 });
        const hint = closest.length === 0 ? '' : `; closest: ${closest.map((n) => n.slice(0, 120)).join(', ')}`;
        throw ruleError(rule, `${shownPattern(rule.pattern)} matches no benchmark in either file${hint}`);
      }
      patterned.push({ rule, re });
    }
  }
  const text = (rule: Rule): string => rule.all ?? formatRule(rule);
  return (metric, name) => {
    const p = patterned.find((x) => x.rule.sampleType === metric && x.re.test(name));
    if (p !== undefined) return { rule: p.rule, text: text(p.rule) };
    const w = whole.get(metric);
    if (w !== undefined) return { rule: w, text: text(w) };
    if (off.has(metric)) return null;
    const d = defaults.find((r) => r.sampleType === metric);
    return d === undefined ? null : { rule: d, text: text(d) };
  };
}
