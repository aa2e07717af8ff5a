/**
 * A benchmark comparison as a Report, the renderers' input: the benchmarks' metrics, no function
 * tables (per-op numbers have no call stacks; `functions` is empty), the advice for inconclusive
 * metrics. Pure.
 */
import { conclusiveAdvice } from './conclusive.js';
import type { FunctionDelta } from '../compare/diff.js';
import type { Report } from './report.js';
import type { BenchComparison } from './bench-verdict.js';

/** The warning when a history was asked for: the runs in the files are the noise estimate instead. */
export const BENCH_HISTORY_NOTE =
  'history not used for benchmarks: the runs in each file (go test -count) are what tells a change from noise';

export interface BenchReportOptions {
  readonly base: string;
  readonly current: string;
  /** Functions kept per benchmark metric with an attribution; 0 = all. */
  readonly top: number;
  /** True when the comparison was asked to use a history of baselines (check, the Action). */
  readonly historyAsked: boolean;
  /** Per metric (B/op, allocs/op), the sum over each side's benchmarks of their medians (what baselines record). */
  readonly totals: Readonly<Record<string, { readonly unit: string; readonly base: number; readonly current: number }>>;
}

/** True when a report compares Go benchmarks (its metrics carry `benchmark`). */
export function isBenchReport(report: Pick<Report, 'metrics'>): boolean {
  return report.metrics.some((m) => m.benchmark !== undefined);
}

/** The Report of a benchmark comparison. */
export function buildBenchReport(comparison: BenchComparison, options: BenchReportOptions): Report {
  const { verdict } = comparison;
  const limit = options.top === 0 ? null : options.top;
  const functions: Record<string, readonly FunctionDelta[]> = {};
  const functionCount: Record<string, number> = {};
  const rest: Record<string, { count: number; flatDelta: number }> = {};
  const totals: Record<string, { unit: string; base: number; current: number }> = { ...options.totals };
  for (const m of verdict.metrics) {
    const key = `${m.benchmark?.name ?? ''} ${m.sampleType}`;
    const rows = comparison.functions[key];
    if (rows === undefined) continue;
    const shown = limit === null ? rows : rows.slice(0, limit);
    functions[key] = shown;
    functionCount[key] = rows.length;
    rest[key] = {
      count: rows.length - shown.length,
      flatDelta: rows.slice(shown.length).reduce((s, f) => s + f.flatDelta, 0),
    };
    // Percentages in function tables are of the benchmark's per-op value.
    totals[key] = { unit: m.unit, base: m.base, current: m.current };
  }
  return {
    verdict: verdict.verdict,
    confidence: verdict.confidence,
    base: options.base,
    current: options.current,
    // Per-file means do not apply: each metric's `runs` counts the benchmark's runs on each side.
    runs: { base: 1, current: 1 },
    warnings: [...comparison.warnings, ...(options.historyAsked ? [BENCH_HISTORY_NOTE] : [])],
    metrics: verdict.metrics,
    sampleType: 'B/op',
    top: limit,
    functions,
    functionCount,
    rest,
    totals,
    advice: conclusiveAdvice(verdict.metrics, options.historyAsked),
    historyWindow: null,
  };
}
