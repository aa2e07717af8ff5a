/**
 * Run-to-run noise from a branch's history: how much a metric moves between consecutive baselines
 * of unchanged code, estimated from the totals each baseline recorded. See docs/noise-model.md
 * ("Run-to-run noise") for the estimator and the measurements behind it.
 *
 * The series is first cut into levels (levels.ts): a step or a creep is a boundary between levels,
 * and only the changes between consecutive baselines *inside* a level are noise. Those changes,
 * relative to the earlier baseline, are what a comparison of two runs sees. Their spread σ is the
 * larger of two estimates:
 * - the interquartile range, IQR / 1.349 (σ of a normal);
 * - the standard deviation of the changes without the largest in magnitude before the latest. A run
 *   that retained unusually much or little (heavy-tailed noise: a GC that came late) stays inside
 *   its level and makes two large changes, down then up: one stays in, so this estimate sees what
 *   the quartiles ignore. The latest change is always kept.
 * A latest baseline that is a level of its own below the level before it may be such a run rather
 * than a step down; it is usually the base of the comparison, which then judges the run against the
 * level before it instead (see fellAlone and verdict.ts).
 * The mean change is taken over the changes inside Tukey's far fences (Q1 − 3·IQR, Q3 + 3·IQR).
 */
import type { ValueType } from '../profile/model.js';
import { sameValueType } from '../profile/sample-type.js';
import { segmentLevels, type Level } from './levels.js';
import { quantile } from './quantile.js';

/** Baselines a calibration needs at least (and MIN_HISTORY_BASELINES − 1 changes within levels). */
export const MIN_HISTORY_BASELINES = 5;

/**
 * Why a history window of `n` baselines cannot work, or null: 0 turns the history off, and a window
 * smaller than MIN_HISTORY_BASELINES could never calibrate.
 */
export function historyWindowProblem(n: number): string | null {
  if (n === 0 || n >= MIN_HISTORY_BASELINES) return null;
  const fix = `use at least ${MIN_HISTORY_BASELINES}, or 0 to turn the history off`;
  return `${n} baselines can never calibrate the noise: ${fix}`;
}

/** How many of the latest baselines are read when no window is given. */
export const DEFAULT_HISTORY_WINDOW = 30;

/** IQR of a standard normal: σ = IQR / 1.349. */
const NORMAL_IQR = 1.3489795003921634;

/**
 * What one earlier baseline recorded: its totals per sample type (per-run means for a baseline of
 * several runs), its sampling period and its number of runs; and, for reports, its commit, its pull
 * request and whether its level was accepted.
 */
export interface HistoryPoint {
  readonly sampleType: readonly ValueType[];
  readonly total: readonly number[];
  readonly period: number;
  /** Runs the baseline averaged; 1 when absent. */
  readonly runs?: number;
  readonly sha?: string;
  readonly pullRequest?: number;
  /** The baseline's level was accepted (an accept label, or an update run): drift starts from it. */
  readonly accepted?: boolean;
  /** Who accepted it, when known. */
  readonly acceptedBy?: string;
}

/** The history behind one metric's limit. */
export type RunNoise =
  | {
      readonly kind: 'calibrated';
      /** Baselines used. */
      readonly baselines: number;
      /** Levels the baselines fall into (1 = no step in the window). */
      readonly levels: number;
      /** Changes between consecutive baselines inside a level: the noise sample. */
      readonly changes: number;
      /** Mean relative change inside levels, in percent (robust: see above). */
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
      /** Levels the baselines fall into (0 without baselines). */
      readonly levels: number;
      /** Changes inside levels found; MIN_HISTORY_BASELINES − 1 are needed. */
      readonly changes: number;
    };

/**
 * One metric's totals in a history, oldest first: the baselines sampled and run like the run being
 * judged that have the sample type and a positive total, `index` their places in the points, and
 * their levels.
 */
export interface MetricSeries {
  readonly values: readonly number[];
  readonly index: readonly number[];
  readonly levels: readonly Level[];
  /** σ of one value around its level, relative (see levels.ts). */
  readonly sigma: number;
}

/**
 * The series of `type` in `points` (oldest first). Only baselines with the same sampling period and
 * the same number of runs as the run being judged are used: a change of MemProfileRate changes the
 * noise, and a mean of n runs moves about 1/√n as much as one run. A total of 0 (or not finite) is
 * left out: no relative change is defined from it.
 */
export function metricSeries(points: readonly HistoryPoint[], type: ValueType, period: number, runs = 1): MetricSeries {
  const values: number[] = [];
  const index: number[] = [];
  points.forEach((p, i) => {
    if (p.period !== period || (p.runs ?? 1) !== runs) return;
    const t = p.sampleType.findIndex((v) => sameValueType(v, type));
    const v = t >= 0 ? p.total[t] : undefined;
    if (v === undefined || !(v > 0 && Number.isFinite(v))) return;
    values.push(v);
    index.push(i);
  });
  const { levels, sigma } = segmentLevels(values);
  return { values, index, levels, sigma };
}

/**
 * The relative changes (percent) between consecutive values inside each level of three or more
 * baselines, oldest first.
 */
export function changesWithinLevels(series: Pick<MetricSeries, 'values' | 'levels' | 'sigma'>): number[] {
  const { values, levels } = series;
  const change = (k: number): number => (100 * (values[k]! - values[k - 1]!)) / values[k - 1]!;
  const out: number[] = [];
  levels.forEach((l, j) => {
    // A boundary smaller than STEP_SIGMAS values' σ may be a heavy tail the cut took for a level
    // (a late GC shifts a few runs): its change stays noise. A large one is a step, and is not.
    const before = levels[j - 1];
    if (before !== undefined && Math.abs(Math.log(l.mean / before.mean)) < STEP_SIGMAS * series.sigma) {
      out.push(change(l.from));
    }
    // A level of two baselines may be two steps of a creep the cut could not tell apart (a change
    // of 5σ costs less than a boundary): its one change is not counted as noise.
    if (l.to - l.from < 3) return;
    for (let k = l.from + 1; k < l.to; k++) out.push(change(k));
  });
  return out;
}

/** How many values' σ a boundary between levels must be to be a step rather than noise. */
const STEP_SIGMAS = 4;

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
 * The run-to-run noise of `type` from `points` (oldest first; see metricSeries for which are used):
 * from the changes inside levels. Fewer than MIN_HISTORY_BASELINES baselines, or fewer than
 * MIN_HISTORY_BASELINES − 1 changes inside levels: uncalibrated.
 */
export function runNoise(points: readonly HistoryPoint[], type: ValueType, period: number, runs = 1): RunNoise {
  return noiseOfSeries(metricSeries(points, type, period, runs));
}

/**
 * True when the series' latest value is a level of its own below the level before it: a step down
 * not yet confirmed, or a run that retained unusually little.
 */
export function fellAlone(series: Pick<MetricSeries, 'levels'>): boolean {
  const last = series.levels[series.levels.length - 1];
  const before = series.levels[series.levels.length - 2];
  return last !== undefined && before !== undefined && last.to - last.from === 1 && last.mean < before.mean;
}

/** The run-to-run noise of a metric's series (see runNoise). */
export function noiseOfSeries(series: MetricSeries): RunNoise {
  const baselines = series.values.length;
  const levels = series.levels.length;
  let changes = changesWithinLevels(series);
  // Levels that leave too few changes to estimate from: the cut cannot tell steps from noise in
  // this history, so every change counts as noise (the test errs towards inconclusive).
  if (changes.length < MIN_HISTORY_BASELINES - 1) changes = consecutiveChanges(series.values);
  if (baselines < MIN_HISTORY_BASELINES || changes.length < MIN_HISTORY_BASELINES - 1) {
    return { kind: 'uncalibrated', baselines, needed: MIN_HISTORY_BASELINES, levels, changes: changes.length };
  }
  const sorted = [...changes].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  const inside = sorted.filter((c) => c >= q1 - 3 * iqr && c <= q3 + 3 * iqr);
  const mean = inside.reduce((s, c) => s + c, 0) / inside.length;
  return {
    kind: 'calibrated',
    baselines,
    levels,
    changes: changes.length,
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
