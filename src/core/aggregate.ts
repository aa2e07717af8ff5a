import type { Profile, ValueType } from './model.js';

/**
 * Per-function totals of one profile, keyed by function name (pprof's default node key).
 * Row `r` is the function `name[r]`; for sample type `t`:
 * - `flat[t][r]`: sum of values of the samples whose leaf frame (location[0].line[0]) is this function;
 * - `cum[t][r]`: sum of values of the samples in which this function appears anywhere, counted once
 *   per sample (recursion counted once);
 * - `flatVariance` / `cumVariance`: the sampling variance of those sums (see significance.ts).
 */
export interface FunctionTotals {
  readonly name: readonly string[];
  readonly flat: readonly Float64Array[];
  readonly cum: readonly Float64Array[];
  readonly flatVariance: readonly Float64Array[];
  readonly cumVariance: readonly Float64Array[];
}

/** Totals of the samples whose stack has a function matching `pattern` (a regex source), once per sample. */
export interface FocusTotals {
  readonly pattern: string;
  /** Per sample type. */
  readonly total: readonly number[];
  readonly variance: readonly number[];
}

/**
 * What the diff, the rules and the stores need of a profile: small, structured-cloneable (it crosses
 * a worker boundary), with no per-sample data left.
 */
export interface ProfileSummary {
  readonly sampleType: readonly ValueType[];
  readonly defaultSampleTypeIndex: number;
  readonly periodType: ValueType | undefined;
  readonly period: number;
  readonly sampleCount: number;
  readonly timeNanos: bigint;
  readonly comment: readonly string[];
  /** Per sample type: the sum of all sample values, and the sampling variance of that sum. */
  readonly total: readonly number[];
  readonly variance: readonly number[];
  /** True when the profile carries no sampling noise (period ≤ 1, or samples cannot be sized). */
  readonly exact: boolean;
  readonly functions: FunctionTotals;
  readonly focus: readonly FocusTotals[];
}

export interface SummarizeOptions {
  /** Regex sources of function rules; each gets a FocusTotals entry, in this order. */
  readonly focus?: readonly string[];
}
