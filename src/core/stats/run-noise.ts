/**
 * Run-to-run noise from a branch's history: how much a metric moves between consecutive baselines
 * of unchanged (or little changed) code, estimated from the totals each baseline recorded. See
 * docs/noise-model.md ("Run-to-run noise") for the estimator and the measurements behind it.
 *
 * The changes between consecutive baselines, relative to the earlier one, are what a comparison of
 * two runs sees. Their spread σ is the larger of two estimates, both left alone by one real step
 * in the history (a commit that did change memory, which is one large change):
 * - the interquartile range, IQR / 1.349 (σ of a normal);
 * - the standard deviation of the changes without the largest in magnitude before the latest. A run
 *   that retained unusually much or little (heavy-tailed noise: a GC that came late) makes two large
 *   changes, down then up: one stays in, so this estimate sees what the quartiles ignore. The latest
 *   change is always kept: a latest baseline that is such a run (often the base of the comparison)
 *   has made only one large change so far, which must count. A step that recent inflates σ until
 *   the next baseline arrives: the test errs towards inconclusive, never towards a false alarm.
 * The mean change is taken over the changes inside Tukey's far fences (Q1 − 3·IQR, Q3 + 3·IQR).
 */
import type { ValueType } from '../profile/model.js';
import { sameValueType } from '../profile/sample-type.js';

/** Baselines a calibration needs at least (4 consecutive changes). */
export const MIN_HISTORY_BASELINES = 5;

/** How many of the latest baselines are read when no window is given. */
export const DEFAULT_HISTORY_WINDOW = 30;

/** IQR of a standard normal: σ = IQR / 1.349. */
const NORMAL_IQR = 1.3489795003921634;

/**
 * What one earlier baseline recorded: its totals per sample type (per-run means for a baseline of
 * several runs), its sampling period and its number of runs.
 */
export interface HistoryPoint {
  readonly sampleType: readonly ValueType[];
  readonly total: readonly number[];
  readonly period: number;
  /** Runs the baseline averaged; 1 when absent. */
  readonly runs?: number;
}

/** The history behind one metric's limit. */
export type RunNoise =
  | {
      readonly kind: 'calibrated';
      /** Baselines used (consecutive changes = baselines − 1). */
      readonly baselines: number;
      /** Mean relative change between consecutive baselines, in percent (robust: see above). */
      readonly meanChangePercent: number;
      /** Estimated standard deviation of the relative change between two runs, in percent. */
      readonly sdPercent: number;
      /** Degrees of freedom of that estimate (changes − 1). */
      readonly df: number;
    }
  | {
      readonly kind: 'uncalibrated';
      /** Usable baselines found. */
      readonly baselines: number;
      /** Baselines needed (MIN_HISTORY_BASELINES). */
      readonly needed: number;
    };

/** The q-quantile of sorted values, linearly interpolated (type 7, as R's default and numpy's). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The relative changes between consecutive values (oldest first), in percent; a pair whose earlier
 * value is not positive is skipped (no relative change from 0).
 */
export function consecutiveChanges(values: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1]!;
    if (prev > 0 && Number.isFinite(values[i]!)) out.push((100 * (values[i]! - prev)) / prev);
  }
  return out;
}

/**
 * The run-to-run noise of `type` from `points` (oldest first). Only baselines with the same
 * sampling period and the same number of runs as the run being judged, and with the sample type,
 * are used: a change of MemProfileRate changes the noise, and a mean of n runs moves about 1/√n as
 * much as one run. Fewer than MIN_HISTORY_BASELINES of them: uncalibrated.
 */
export function runNoise(points: readonly HistoryPoint[], type: ValueType, period: number, runs = 1): RunNoise {
  const values: number[] = [];
  for (const p of points) {
    if (p.period !== period || (p.runs ?? 1) !== runs) continue;
    const t = p.sampleType.findIndex((v) => sameValueType(v, type));
    if (t >= 0 && p.total[t] !== undefined) values.push(p.total[t]);
  }
  const changes = consecutiveChanges(values);
  if (values.length < MIN_HISTORY_BASELINES || changes.length < MIN_HISTORY_BASELINES - 1) {
    return { kind: 'uncalibrated', baselines: values.length, needed: MIN_HISTORY_BASELINES };
  }
  const sorted = [...changes].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  const inside = sorted.filter((c) => c >= q1 - 3 * iqr && c <= q3 + 3 * iqr);
  const mean = inside.reduce((s, c) => s + c, 0) / inside.length;
  return {
    kind: 'calibrated',
    baselines: values.length,
    meanChangePercent: mean,
    sdPercent: Math.max(iqr / NORMAL_IQR, sdWithoutLargest(changes)),
    df: changes.length - 1,
  };
}

/**
 * The standard deviation (about 0, a change's expected value) of the changes (oldest first) without
 * the largest |change| among all but the latest.
 */
export function sdWithoutLargest(changes: readonly number[]): number {
  if (changes.length < 2) return 0;
  let largest = 0;
  for (let i = 1; i < changes.length - 1; i++) {
    if (Math.abs(changes[i]!) > Math.abs(changes[largest]!)) largest = i;
  }
  const rest = changes.filter((_, i) => i !== largest);
  return Math.sqrt(rest.reduce((s, c) => s + c * c, 0) / rest.length);
}
