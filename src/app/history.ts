/**
 * The history a comparison calibrates its run-to-run noise from: the totals the branch's pointer
 * already holds for its latest baselines (metadata only: no profile is downloaded).
 */
import type { BaselinePointer } from '../core/history/baseline.js';
import type { HistoryPoint } from '../core/stats/run-noise.js';
import type { CompareRequest } from './compare.js';

/**
 * The latest `window` baselines of a pointer (its current one and its history), oldest first, as
 * the compare request's history; undefined when the window is 0 (history off). A branch without a
 * pointer gives an empty history, which the report calls uncalibrated.
 */
export function historyRequest(pointer: BaselinePointer | undefined, window: number): CompareRequest['history'] {
  if (window <= 0) return undefined;
  const newestFirst = pointer === undefined ? [] : [pointer.current, ...pointer.history];
  const points: HistoryPoint[] = newestFirst
    .slice(0, window)
    .reverse()
    .map((m) => ({
      sampleType: m.sampleType,
      total: m.total,
      period: m.period,
      runs: m.runs ?? 1,
      sha: m.sha,
      ...(m.pullRequest !== undefined ? { pullRequest: m.pullRequest } : {}),
      ...(m.accepted !== undefined ? { accepted: true, acceptedBy: m.accepted.by } : {}),
    }));
  return { points, window };
}
