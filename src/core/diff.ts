import type { ProfileSummary } from './aggregate.js';

/**
 * One sample type compared. `delta` = current − base; `deltaPercent` = 100·delta/base, null when
 * base is 0; `z` = delta / sqrt(var(base) + var(current)), null when neither side has sampling
 * noise (the delta is exact).
 */
export interface MetricDelta {
  readonly sampleType: string;
  readonly unit: string;
  readonly base: number;
  readonly current: number;
  readonly delta: number;
  readonly deltaPercent: number | null;
  readonly z: number | null;
}

/** A function rule's focus totals compared; same fields as MetricDelta plus the pattern. */
export interface FocusDelta extends MetricDelta {
  readonly pattern: string;
}

/** One function compared, in one sample type; the same numbers as `go tool pprof -top -diff_base`. */
export interface FunctionDelta {
  readonly name: string;
  readonly baseFlat: number;
  readonly currentFlat: number;
  readonly flatDelta: number;
  readonly baseCum: number;
  readonly currentCum: number;
  readonly cumDelta: number;
  /** z of flatDelta, null when exact. */
  readonly flatZ: number | null;
}

export interface ProfileDiff {
  /** The sample types both profiles have (matched by type and unit), in the current profile's order. */
  readonly metrics: readonly MetricDelta[];
  /** Keyed by sample type; every function of either profile, sorted by |flatDelta| descending, then name. */
  readonly functions: Readonly<Record<string, readonly FunctionDelta[]>>;
  /** One entry per focus pattern × common sample type. */
  readonly focus: readonly FocusDelta[];
  /** The sample type shown by default: the current profile's default sample type if common, else the first common one. */
  readonly defaultSampleType: string;
}

export type { ProfileSummary };
