/**
 * A benchmark comparison as a Report, the renderers' input: the benchmarks' metrics, no function
 * tables (per-op numbers have no call stacks; `functions` is empty), the advice for inconclusive
 * metrics. Pure.
 */
import { conclusiveAdvice } from '../conclusive.js';
import type { Report } from '../report.js';
import type { BenchComparison } from './compare.js';

/** The warning when a history was asked for: the runs in the files are the noise estimate instead. */
export const BENCH_HISTORY_NOTE =
  'history not used for benchmarks: the runs in each file (go test -count) are what tells a change from noise';

export interface BenchReportOptions {
  readonly base: string;
  readonly current: string;
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
    top: null,
    functions: {},
    functionCount: {},
    rest: {},
    totals: { ...options.totals },
    advice: conclusiveAdvice(verdict.metrics, options.historyAsked),
    historyWindow: null,
  };
}
