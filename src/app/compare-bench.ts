/**
 * The compare use case for Go benchmark output (`go test -bench -benchmem` text): both sides must
 * be benchmark output; their runs are measured by core/bench/compare.ts and judged by
 * core/verdict/bench-verdict.ts instead of diffing profiles. compareProfiles hands over here once
 * the loader has recognised a side as benchmarks.
 */
import type { ProfileSummary } from '../core/profile/aggregate.js';
import { compareBenchmarks } from '../core/verdict/bench-verdict.js';
import { buildBenchReport } from '../core/verdict/bench-report.js';
import { IncompatibleProfilesError, RuleError } from '../core/errors.js';
import { verdictExitCode, type Report } from '../core/verdict/report.js';
import type { InconclusivePolicy, Verdict } from '../core/verdict/verdict.js';
import { withContext } from './error-context.js';
import type { ParsedRules } from './rules-input.js';

/** What a benchmark comparison takes from the compare request. */
export interface BenchCompareRequest {
  readonly base: { readonly label: string };
  readonly current: { readonly label: string };
  readonly rules: ParsedRules;
  /** Functions kept per benchmark metric (with -memprofile attribution); 0 or undefined = all. */
  readonly top?: number;
  /** Set when a history was asked for: benchmarks do not use it, and the report says so. */
  readonly history?: unknown;
  readonly onInconclusive?: InconclusivePolicy | undefined;
}

/** True when a loaded summary is Go benchmark output. */
export function isBenchSummary(summary: ProfileSummary): boolean {
  return summary.benchmarks !== undefined;
}

/**
 * Compares two loaded sides of which at least one is benchmark output. Throws
 * IncompatibleProfilesError (`comparing a with b: ...`) when the other side is a profile or they
 * share no benchmark, RuleError (prefixed with the rules' origin) for rules that cannot apply.
 */
export function compareBenchSummaries(
  request: BenchCompareRequest,
  base: ProfileSummary,
  current: ProfileSummary,
): { readonly report: Report; readonly verdict: Verdict; readonly exitCode: number } {
  const context = `comparing ${request.base.label} with ${request.current.label}: `;
  if (base.benchmarks === undefined || current.benchmarks === undefined) {
    const [bench, profile] = base.benchmarks === undefined ? ['current', 'base'] : ['base', 'current'];
    throw new IncompatibleProfilesError(
      `${context}the ${bench} is Go benchmark output (go test -bench -benchmem) but the ${profile} is a heap ` +
        'profile; compare benchmark output with benchmark output, and profiles with profiles',
    );
  }
  let comparison;
  try {
    comparison = compareBenchmarks(base.benchmarks, current.benchmarks, request.rules.rules);
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : withContext(e, context);
  }
  const report = buildBenchReport(comparison, {
    base: request.base.label,
    current: request.current.label,
    top: request.top ?? 0,
    historyAsked: request.history !== undefined,
    totals: Object.fromEntries(
      current.sampleType.map((t, i) => [
        t.type,
        { unit: t.unit, base: base.total[i] ?? 0, current: current.total[i] ?? 0 },
      ]),
    ),
  });
  const exitCode = verdictExitCode(report.verdict, request.onInconclusive ?? 'pass');
  return { report, verdict: comparison.verdict, exitCode };
}
