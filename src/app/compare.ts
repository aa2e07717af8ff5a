/**
 * The compare use case shared by the CLI and the Action: load both profiles (in parallel, through
 * the SummaryLoader port) → diff → verdict → Report. The base may be a file or bytes from a
 * baseline store (ProfileSource); nothing here reads files, the environment or the clock.
 */
import type { ProfileSummary } from '../core/aggregate.js';
import { diff, type ProfileDiff } from '../core/diff.js';
import { RuleError } from '../core/errors.js';
import { flameGraphs } from '../core/flame.js';
import { buildReport, verdictExitCode, type Report } from '../core/report.js';
import type { Rule } from '../core/rule-syntax.js';
import { checkFunctionRulesMatch, focusPatterns, resolveRules } from '../core/rules.js';
import { evaluate, type Verdict } from '../core/verdict.js';
import type { ProfileSource, SummaryLoader } from '../ports.js';
import { withContext } from './error-context.js';
import type { ParsedRules } from './rules-input.js';

export interface CompareRequest {
  readonly base: ProfileSource;
  readonly current: ProfileSource;
  /** The rules in force (see parseRulesInput), parsed before anything is read so a typo fails fast. */
  readonly rules: ParsedRules;
  /** The z a change needs to count as real; undefined = DEFAULT_CONFIDENCE. */
  readonly confidence?: number | undefined;
  /** Functions kept per sample type in the report; 0 = all. */
  readonly top: number;
  /** The sample type the report shows first (name or index); undefined = the default one. */
  readonly sampleIndex?: string | undefined;
  /** Fold function rows below the noise floor (text and Markdown; see noiseFloor). */
  readonly fold?: boolean | undefined;
  /** Build both call trees and the report's flame graphs (for the HTML report). */
  readonly flame?: boolean | undefined;
}

export interface CompareOutcome {
  readonly report: Report;
  readonly verdict: Verdict;
  /** 1 when the verdict is fail, else 0 (see ExitCode). */
  readonly exitCode: number;
  /** Both profiles' summaries (the current one's totals are what a new baseline records). */
  readonly summaries: { readonly base: ProfileSummary; readonly current: ProfileSummary };
}

/**
 * Compares `request.current` against `request.base`. Errors are HeapgateErrors whose message says
 * which step failed: `reading base profile a.pb.gz: no such file`, `decoding current profile
 * b.pb.gz: ...`, `comparing a.pb.gz with b.pb.gz: ...`, `<rules origin>: ...`.
 */
export async function compareProfiles(request: CompareRequest, load: SummaryLoader): Promise<CompareOutcome> {
  const { rules } = request.rules;
  const tree = request.flame === true;
  const [base, current] = (await load([request.base, request.current], focusPatterns(rules), { tree })) as [
    ProfileSummary,
    ProfileSummary,
  ];
  try {
    checkFunctionRulesMatch(rules, [base.functions.name, current.functions.name]);
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : e;
  }
  let compared: ProfileDiff;
  try {
    compared = diff(base, current);
  } catch (e) {
    throw withContext(e, `comparing ${request.base.label} with ${request.current.label}: `);
  }
  let verdict: Verdict;
  try {
    verdict = evaluate(compared, rules, request.confidence === undefined ? {} : { confidence: request.confidence });
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : e;
  }
  const flame = tree ? flameGraphs(base, current, compared) : undefined;
  const report = buildReport(compared, verdict, {
    base: request.base.label,
    current: request.current.label,
    top: request.top,
    ...(request.sampleIndex !== undefined ? { sampleIndex: request.sampleIndex } : {}),
    ...(flame !== undefined ? { flame } : {}),
    ...(request.fold === true ? { fold: { min: ruleMin(compared, rules) } } : {}),
  });
  return { report, verdict, exitCode: verdictExitCode(verdict.verdict), summaries: { base, current } };
}

/** The min of each sample type's whole-profile rule (after evaluate has checked the rules resolve). */
function ruleMin(compared: ProfileDiff, rules: readonly Rule[]): Record<string, number> {
  const types = compared.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  const min: Record<string, number> = {};
  for (const a of resolveRules(rules, types)) {
    if (a.rule.pattern === null && !a.rule.off) min[types[a.sampleTypeIndex]!.type] = a.rule.min;
  }
  return min;
}
