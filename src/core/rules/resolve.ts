/**
 * Which rules apply to which sample types: the defaults merged with the user's rules and checked
 * against the sample types the profiles have. Parsing is in rules/syntax.ts; applying a rule to a
 * delta is in verdict.ts.
 *
 * Merging: a user rule for a whole sample type replaces the default for that type; `off` removes
 * it; function rules (`for <regex>:`) add to them. Types are matched the way pprof's sample index
 * is (an `inuse_space` rule applies to a legacy `space` type). A default rule for a metric the
 * profiles lack is skipped; a user rule for one is an error listing the available types, so a
 * typo never silently disables the gate. The parts of a conjunction (`all: ...`) are user rules
 * like the others: each replaces its sample type's default, and no other rule of the user may
 * judge the same sample type and pattern.
 */
import { compileFocus } from '../profile/aggregate.js';
import { BENCH_METRICS } from '../profile/benchmark-set.js';
import { memoryRole } from '../profile/memory-types.js';
import { closestNames, patternLiteral } from './closest.js';
import { RuleError } from '../errors.js';
import type { ValueType } from '../profile/model.js';
import { DEFAULT_RULES_TEXT, formatRule, parseRules, ruleLabel } from './syntax.js';
import { shownPattern } from '../profile/name-pattern.js';
import type { Rule } from './syntax.js';
import { findSampleType, listSampleTypes } from '../profile/sample-type.js';

export { DEFAULT_RULES_TEXT, formatRule, parseRules };
export type { Rule };

/** A rule bound to the sample type it applies to. */
export interface AppliedRule {
  readonly rule: Rule;
  /** Index into the sample types it was resolved against. */
  readonly sampleTypeIndex: number;
  /** formatRule(rule), or for a part of a conjunction its `all:` text: the canonical text the verdict reports. */
  readonly text: string;
}

/**
 * The sample types a default rule for Go's metric `metric` applies to: the type pprof's lookup finds
 * by that name (`why` empty), else every type another producer writes for that metric (see
 * memory-types.ts), with why.
 */
function defaultTargets(types: readonly ValueType[], metric: string): { t: number; why: string }[] {
  const t = findSampleType(types, metric);
  if (t >= 0) return [{ t, why: '' }];
  const out: { t: number; why: string }[] = [];
  types.forEach((type, i) => {
    const role = memoryRole(type);
    if (role !== null && role.why !== '' && role.metric === metric) out.push({ t: i, why: role.why });
  });
  return out;
}

/** The default rules, parsed (origin 'default'). */
export function defaultRules(): Rule[] {
  return parseRules(DEFAULT_RULES_TEXT, 'default');
}

/** Parses the user's rule text and puts it after the defaults: the input `resolveRules` and `evaluate` expect. */
export function rulesWithDefaults(userText: string): Rule[] {
  return [...defaultRules(), ...parseRules(userText, 'user')];
}

/** The distinct regex sources of the function rules, in order: what summarize needs as `focus`. */
export function focusPatterns(rules: readonly Rule[]): string[] {
  return [...new Set(rules.filter((r) => !r.off && r.pattern !== null).map((r) => r.pattern!))];
}

/** Function names quoted in a rule error are cut to this length (they come from the profiles: untrusted). */
const MAX_NAME_CHARS = 120;

/**
 * Throws RuleError for the first function rule whose pattern matches no function of any of the
 * profiles (`functionNames`, one list per profile), naming the closest function names: a renamed or
 * mistyped function must not silently retire its rule.
 */
export function checkFunctionRulesMatch(rules: readonly Rule[], functionNames: readonly (readonly string[])[]): void {
  for (const rule of rules) {
    if (rule.off || rule.pattern === null) continue;
    const [re] = compileFocus([rule.pattern]);
    if (functionNames.some((names) => names.some((n) => re!.test(n)))) continue;
    const closest = closestNames(patternLiteral(rule.pattern), functionNames.flat(), { within: true, limit: 3 });
    const cut = (n: string): string => (n.length > MAX_NAME_CHARS ? `${n.slice(0, MAX_NAME_CHARS)}…` : n);
    const hint = closest.length === 0 ? '' : `; closest: ${closest.map(cut).join(', ')}`;
    throw ruleError(rule, `${shownPattern(rule.pattern)} matches no function in either profile${hint}`);
  }
}

function ruleError(rule: Rule, why: string): RuleError {
  return new RuleError(`${ruleLabel(rule.index, rule.source)}: ${why}`);
}

/**
 * Binds rules to sample types. `rules` are default and user rules in any order (see `origin`);
 * the result has, per sample type, the user's whole-profile rule or else the default (unless the
 * user turned it off), then the function rules, in the order of `types` then of the rules.
 * Throws RuleError when a user rule names a sample type that `types` lacks (listing them), uses a
 * byte amount on a type that is not in bytes, or repeats another user rule's sample type and pattern.
 */
export function resolveRules(rules: readonly Rule[], types: readonly ValueType[]): AppliedRule[] {
  const user = rules.filter((r) => r.origin === 'user');
  const defaults = rules.filter((r) => r.origin === 'default');
  const whole = new Map<number, Rule>();
  const off = new Set<number>();
  const functionRules: { rule: Rule; t: number }[] = [];
  const claimed = new Map<string, Rule>();

  for (const rule of user) {
    const t = findSampleType(types, rule.sampleType);
    // Turning off a metric the profiles lack disables nothing and harms nothing.
    if (rule.off && t < 0) continue;
    if (t < 0) {
      // B/op and allocs/op are Go benchmark metrics: say so rather than only listing the types.
      const standIns = types.filter((x) => memoryRole(x)?.metric === rule.sampleType && memoryRole(x)?.why !== '');
      const bench = BENCH_METRICS.some((m) => m.type === rule.sampleType)
        ? ' (it is a metric of go test -bench -benchmem output, not of heap profiles)'
        : standIns.length > 0
          ? ` (here ${standIns.map((x) => x.type).join(' and ')} stands for it: write the rule for that type)`
          : '';
      throw ruleError(
        rule,
        `the profiles have no sample type "${rule.sampleType}"${bench}; available: ${listSampleTypes(types)}`,
      );
    }
    if (rule.minInBytes && types[t]!.unit !== 'bytes') {
      throw ruleError(
        rule,
        `min is in bytes but ${types[t]!.type} is measured in ${types[t]!.unit}; give a plain number`,
      );
    }
    const key = JSON.stringify([t, rule.pattern]);
    const earlier = claimed.get(key);
    if (earlier) throw ruleError(rule, `repeats rule ${earlier.index} ("${earlier.source}"); keep one`);
    claimed.set(key, rule);
    if (rule.off) off.add(t);
    else if (rule.pattern === null) whole.set(t, rule);
    else functionRules.push({ rule, t });
  }
  const notes = new Map<number, string>();
  for (const rule of defaults) {
    for (const { t, why } of defaultTargets(types, rule.sampleType)) {
      if (off.has(t) || whole.has(t)) continue;
      const own = why === '' ? rule : { ...rule, sampleType: types[t]!.type };
      if (why !== '') notes.set(t, ` (${rule.sampleType} default: ${why})`);
      if (rule.pattern === null) whole.set(t, own);
      else functionRules.push({ rule: own, t });
    }
  }

  const out: AppliedRule[] = [];
  types.forEach((_type, t) => {
    const rule = whole.get(t);
    if (rule) out.push({ rule, sampleTypeIndex: t, text: (rule.all ?? formatRule(rule)) + (notes.get(t) ?? '') });
  });
  for (const { rule, t } of functionRules) out.push({ rule, sampleTypeIndex: t, text: rule.all ?? formatRule(rule) });
  return out;
}
