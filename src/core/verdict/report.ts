import type { FunctionDelta, ProfileDiff } from '../compare/diff.js';
import { conclusiveAdvice } from './conclusive.js';
import { UsageError } from '../errors.js';
import type { FlameGraph } from '../compare/flame.js';
import { exitCodeOf, type InconclusivePolicy, type MetricResult, type Verdict } from './verdict.js';
import { resolveSampleIndex } from '../profile/sample-type.js';
import { bothWays, type OwnDelta, type OwnLineDelta } from '../compare/own-diff.js';
import { reportLines, type LinesRequest, type ReportLines } from './report-lines.js';

/** The outcome of a comparison: fail breaks the build, warn and pass do not; inconclusive by policy. */
export type VerdictKind = Verdict['verdict'];

/**
 * Everything a renderer shows, and nothing it has to compute beyond layout: the input of the text,
 * markdown and JSON renderers.
 */
export interface Report {
  readonly verdict: VerdictKind;
  readonly confidence: number;
  /** How the two profiles are named in the report (a path, or e.g. a baseline key). */
  readonly base: string;
  readonly current: string;
  /** Runs on each side; with several, every number is a per-run mean. */
  readonly runs: { readonly base: number; readonly current: number };
  /** The diff's warnings: ways the two profiles were not made alike (untrusted text, escape it). */
  readonly warnings: readonly string[];
  /** The verdict's metrics: every common sample type, then each function rule's focus totals. */
  readonly metrics: readonly MetricResult[];
  /** The sample type whose functions the text report lists (and markdown when nothing fails). */
  readonly sampleType: string;
  /** Functions per sample type: limit applied; null = all. */
  readonly top: number | null;
  /**
   * Keyed by sample type (every common one): the first `top` functions by |flatDelta|, in the
   * diff's order (|flatDelta| descending, then name).
   */
  readonly functions: Readonly<Record<string, readonly FunctionDelta[]>>;
  /** Keyed by sample type: how many functions the diff had before the limit. */
  readonly functionCount: Readonly<Record<string, number>>;
  /**
   * Keyed by sample type: the diff's functions not in `functions` (past the limit, or folded below
   * the noise floor), how many and their flat Δ together: the "N more functions" line.
   */
  readonly rest: Readonly<Record<string, { readonly count: number; readonly flatDelta: number }>>;
  /** Keyed by sample type: the whole-profile totals, base and current (for pprof-style percentages). */
  readonly totals: Readonly<Record<string, { readonly unit: string; readonly base: number; readonly current: number }>>;
  /** What would make the inconclusive metrics conclusive, one sentence each; empty when none is. */
  readonly advice: readonly string[];
  /** How many earlier baselines the comparison looked at for run-to-run noise; null when none was asked for. */
  readonly historyWindow: number | null;
  /** Keyed by sample type: the differential flame graphs, when the call trees were built (HTML reports). */
  readonly flame?: Readonly<Record<string, FlameGraph>>;
  /**
   * Keyed by sample type: the own-code functions whose part changed most (first OWN_REPORT_ROWS of
   * the diff's), when own code was attributed; the culprit is named from them.
   */
  readonly own?: Readonly<Record<string, readonly OwnDelta[]>>;
  /** Keyed by sample type: the own-code lines whose part changed most (first OWN_REPORT_ROWS), with `own`. */
  readonly ownLines?: Readonly<Record<string, readonly OwnLineDelta[]>>;
  /**
   * Per-source-line rows (`--lines`; see ReportOptions.lines), keyed by sample type, with how many
   * rows each type had before the limit; absent when lines were not asked for.
   */
  readonly lines?: ReportLines;
}

/** Own-code rows a report carries per sample type and direction (grown, shrunk). */
export const OWN_REPORT_ROWS = 20;

export interface ReportOptions {
  readonly base: string;
  readonly current: string;
  /** Functions kept per sample type; 0 = all. */
  readonly top: number;
  /**
   * The sample type to show: a name (`inuse_space`) or a 0-based index into the common sample
   * types; undefined = the diff's default sample type.
   */
  readonly sampleIndex?: string;
  /** How many earlier baselines were looked at (see Report.historyWindow); undefined = none asked for. */
  readonly historyWindow?: number;
  /**
   * Fold rows below the noise floor into `rest` (see noiseFloor): the rules' min per sample type
   * (types without a rule or min have none). Undefined: no folding (JSON and HTML list them all).
   */
  readonly fold?: { readonly min: Readonly<Record<string, number>> };
  /** The flame graphs to carry (see flameGraphs). */
  readonly flame?: Readonly<Record<string, FlameGraph>>;
  /** Carry the diff's per-line rows (the diff must have them): which sample types, how many rows. */
  readonly lines?: LinesRequest;
}

/**
 * Builds the Report from a diff and the verdict on it. Pure. Throws UsageError when `sampleIndex`
 * names no common sample type or `top` is not a non-negative integer.
 */
export function buildReport(diff: ProfileDiff, verdict: Verdict, options: ReportOptions): Report {
  if (!Number.isInteger(options.top) || options.top < 0) {
    throw new UsageError(`top must be a non-negative integer, got ${options.top}`);
  }
  const sampleType = selectSampleType(diff, options.sampleIndex);
  const limit = options.top === 0 ? null : options.top;
  const functions: Record<string, readonly FunctionDelta[]> = {};
  const functionCount: Record<string, number> = {};
  const rest: Record<string, { count: number; flatDelta: number }> = {};
  const totals: Record<string, { unit: string; base: number; current: number }> = {};
  for (const metric of diff.metrics) {
    const rows = diff.functions[metric.sampleType] ?? [];
    const floor = options.fold === undefined ? 0 : noiseFloor(rows, options.fold.min[metric.sampleType] ?? 0);
    const above =
      floor === 0 ? rows : rows.filter((f) => Math.max(Math.abs(f.flatDelta), Math.abs(f.cumDelta)) >= floor);
    const shown = limit === null ? above.slice() : above.slice(0, limit);
    functions[metric.sampleType] = shown;
    functionCount[metric.sampleType] = rows.length;
    let flatDelta = 0;
    for (const f of rows) flatDelta += f.flatDelta;
    for (const f of shown) flatDelta -= f.flatDelta;
    rest[metric.sampleType] = { count: rows.length - shown.length, flatDelta };
    totals[metric.sampleType] = { unit: metric.unit, base: metric.base, current: metric.current };
  }
  return {
    verdict: verdict.verdict,
    confidence: verdict.confidence,
    base: options.base,
    current: options.current,
    runs: diff.metrics[0]?.runs ?? { base: 1, current: 1 },
    warnings: [...diff.warnings],
    metrics: verdict.metrics,
    sampleType,
    top: limit,
    functions,
    functionCount,
    rest,
    totals,
    advice: conclusiveAdvice(verdict.metrics, options.historyWindow !== undefined, diff.sampler),
    historyWindow: options.historyWindow ?? null,
    ...(options.flame === undefined ? {} : { flame: options.flame }),
    ...(diff.own === undefined
      ? {}
      : {
          own: Object.fromEntries(
            Object.entries(diff.own).map(([t, rows]) => [t, bothWays(rows, (r) => r.flatDelta, OWN_REPORT_ROWS)]),
          ),
        }),
    ...(diff.ownLines === undefined
      ? {}
      : {
          ownLines: Object.fromEntries(
            Object.entries(diff.ownLines).map(([t, rows]) => [t, bothWays(rows, (r) => r.flatDelta, OWN_REPORT_ROWS)]),
          ),
        }),
    ...(options.lines === undefined || diff.lines === undefined
      ? {}
      : { lines: reportLines(diff.lines, verdict.metrics, options.lines) }),
  };
}

/** The share of a sample type's total |flat Δ| under which a row is noise (pprof's default nodefraction). */
export const FOLD_SHARE = 0.005;

/**
 * The noise floor of a sample type's rows: a row whose |flat Δ| and |cum Δ| are both below it is
 * folded into the "N more functions" line. It is FOLD_SHARE of the sum of all rows' |flat Δ|, and
 * no more than the rule's `min` (a change the rule would not act on even as a whole); 0 (nothing
 * folds) when the rule has no min.
 */
export function noiseFloor(rows: readonly FunctionDelta[], min: number): number {
  if (min <= 0) return 0;
  let sum = 0;
  for (const f of rows) sum += Math.abs(f.flatDelta);
  return Math.min(FOLD_SHARE * sum, min);
}

/**
 * Resolves `--sample-index` against the common sample types, pprof's way (a 0-based index or a
 * name, with the `inuse_` alias); undefined = the diff's default sample type.
 */
export function selectSampleType(diff: ProfileDiff, sampleIndex: string | undefined): string {
  if (sampleIndex === undefined) return diff.defaultSampleType;
  const types = diff.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  return types[resolveSampleIndex(types, sampleIndex)]!.type;
}

/** Exit code for a verdict: 1 for fail (and inconclusive when the policy is `fail`), else 0. */
export function verdictExitCode(verdict: VerdictKind, onInconclusive: InconclusivePolicy = 'pass'): number {
  return exitCodeOf(verdict, onInconclusive);
}
