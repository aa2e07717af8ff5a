/**
 * The compare use case shared by the CLI and the Action: load both profiles (in parallel, through
 * the SummaryLoader port) → diff → verdict → Report. The base may be a file or bytes from a
 * baseline store (ProfileSource); nothing here reads files, the environment or the clock. Go
 * benchmark output (recognised by the loader) goes to compare-bench.ts instead.
 */
import type { ProfileSummary } from '../core/profile/aggregate.js';
import { diff, type ProfileDiff } from '../core/compare/diff.js';
import { RuleError } from '../core/errors.js';
import { flameGraphs } from '../core/compare/flame.js';
import { buildReport, verdictExitCode, type Report } from '../core/verdict/report.js';
import type { LinesRequest } from '../core/verdict/report-lines.js';
import type { Rule } from '../core/rules/syntax.js';
import { checkFunctionRulesMatch, focusPatterns, resolveRules } from '../core/rules/resolve.js';
import type { HistoryPoint } from '../core/stats/run-noise.js';
import { metricHistory, type MetricHistory } from '../core/stats/metric-history.js';
import { combineInputs } from '../core/bench/input.js';
import { runCount } from '../core/compare/runs.js';
import { evaluate, type InconclusivePolicy, type Verdict } from '../core/verdict/verdict.js';
import type { ProfileSource, SummaryLoader } from '../ports.js';
import { compareBenchSummaries, isBenchSummary } from './compare-bench.js';
import { withContext } from './error-context.js';
import type { ParsedRules } from './rules-input.js';
import type { OwnCodeSpec } from '../core/profile/own-code.js';

/** One side of a comparison: one profile, or several runs of the same code (compared by their per-run means). */
export interface ProfileSide {
  /** How reports name the side: the path, the glob as given, or a store key. */
  readonly label: string;
  /** At least one; at most MAX_RUNS. */
  readonly runs: readonly ProfileSource[];
}

/** The side of one profile, named by its label. */
export function sideOf(source: ProfileSource): ProfileSide {
  return { label: source.label, runs: [source] };
}

export interface CompareRequest {
  readonly base: ProfileSide;
  readonly current: ProfileSide;
  /** The rules in force (see parseRulesInput), parsed before anything is read so a typo fails fast. */
  readonly rules: ParsedRules;
  /** The z a change needs to count as real; undefined = DEFAULT_CONFIDENCE. */
  readonly confidence?: number | undefined;
  /** Functions kept per sample type in the report; 0 = all. */
  readonly top: number;
  /** The sample type the report shows first (name or index); undefined = the default one. */
  readonly sampleIndex?: string | undefined;
  /**
   * Earlier baselines' totals (oldest first, at most `window`), for the run-to-run noise; undefined
   * = no history asked for (a plain diff, or a window of 0).
   */
  readonly history?: { readonly points: readonly HistoryPoint[]; readonly window: number } | undefined;
  /** What an inconclusive verdict does to the exit code; undefined = pass. */
  readonly onInconclusive?: InconclusivePolicy | undefined;
  /** Fold function rows below the noise floor (text and Markdown; see noiseFloor). */
  readonly fold?: boolean | undefined;
  /** Build both call trees and the report's flame graphs (for the HTML report). */
  readonly flame?: boolean | undefined;
  /** What is the user's own code, for naming the culprit (profile/own-code.ts); undefined = no attribution. */
  readonly ownCode?: OwnCodeSpec | undefined;
  /** Sum both profiles per source line and carry these of the line rows in the report (`--lines`). */
  readonly lines?: LinesRequest | undefined;
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
  const sources = [...request.base.runs, ...request.current.runs];
  const summaries = await load(sources, focusPatterns(rules), {
    tree,
    lines: request.lines !== undefined,
    ...(request.ownCode === undefined ? {} : { ownCode: request.ownCode }),
  });
  const nb = request.base.runs.length;
  const base = combineSide(request.base, summaries.slice(0, nb));
  const current = combineSide(request.current, summaries.slice(nb));
  // The reader is chosen once, per side, by combineInputs; from here the two kinds part only until
  // the verdict. They do not share one measurement step because what they measure differs: a
  // profile's change is judged by a z against sampling and run noise per sample type and focus
  // pattern, a benchmark's by a Mann–Whitney U test over its runs per benchmark; and rules resolve
  // differently (`for` selects functions in a profile, benchmarks in benchmark output, with their
  // own defaults and a conjunction judged per benchmark). Both meet again as MetricResults in a
  // Verdict (core/verdict/verdict.ts, core/verdict/bench-verdict.ts: one crossing, one threshold,
  // one verdict order) and one Report for every renderer.
  if (isBenchSummary(base) || isBenchSummary(current)) {
    return { ...compareBenchSummaries(request, base, current), summaries: { base, current } };
  }
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
  const history =
    request.history === undefined ? undefined : metricHistories(compared, request.history.points, current);
  try {
    verdict = evaluate(compared, rules, {
      ...(request.confidence === undefined ? {} : { confidence: request.confidence }),
      ...(history === undefined ? {} : { history }),
    });
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : e;
  }
  const flame = tree ? flameGraphs(base, current, compared) : undefined;
  const report = buildReport(compared, verdict, {
    base: request.base.label,
    current: request.current.label,
    top: request.top,
    ...(request.sampleIndex !== undefined ? { sampleIndex: request.sampleIndex } : {}),
    ...(request.history !== undefined ? { historyWindow: request.history.window } : {}),
    ...(flame !== undefined ? { flame } : {}),
    ...(request.lines !== undefined ? { lines: request.lines } : {}),
    ...(request.fold === true ? { fold: { min: ruleMin(compared, rules) } } : {}),
  });
  const exitCode = verdictExitCode(verdict.verdict, request.onInconclusive ?? 'pass');
  return { report, verdict, exitCode, summaries: { base, current } };
}

/**
 * A side's runs combined (per-run means of profiles, benchmark runs together: see combineInputs);
 * errors name the side.
 */
function combineSide(side: ProfileSide, summaries: readonly ProfileSummary[]): ProfileSummary {
  try {
    return combineInputs(
      summaries,
      side.runs.map((r) => r.label),
    );
  } catch (e) {
    throw withContext(e, `combining the ${side.runs[0]!.role} runs ${side.label}: `);
  }
}

/**
 * What the history says of each compared sample type — its run-to-run noise and the level drift is
 * measured from — from the baselines sampled and run like the current profile.
 */
function metricHistories(
  compared: ProfileDiff,
  points: readonly HistoryPoint[],
  current: ProfileSummary,
): Map<string, MetricHistory> {
  const out = new Map<string, MetricHistory>();
  for (const m of compared.metrics) {
    out.set(
      m.sampleType,
      metricHistory(points, { type: m.sampleType, unit: m.unit }, current.period, runCount(current)),
    );
  }
  return out;
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
