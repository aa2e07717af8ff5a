/**
 * What the history of earlier baselines says about one whole sample type: its run-to-run noise
 * (from the changes inside the series' levels) and the level its drift is measured from.
 */
import type { ValueType } from '../profile/model.js';
import { referenceLevel, type ReferenceLevel } from './reference-level.js';
import { fellAlone, metricSeries, noiseOfSeries, type HistoryPoint, type RunNoise } from './run-noise.js';

export interface MetricHistory {
  /** Run-to-run noise, from the changes inside the series' levels. */
  readonly noise: RunNoise;
  /** The level drift is measured from; null when the series has none. */
  readonly reference: ReferenceLevel | null;
  /**
   * The latest baseline — usually the base of the comparison — fell alone below the level before it
   * (run-noise.ts fellAlone): a run back at that level is no regression.
   */
  readonly baseFellAlone?: boolean;
}

/**
 * The history of `type` in `points` (oldest first), counting the baselines sampled at `period` and
 * made of `runs` runs, like the run being judged.
 */
export function metricHistory(
  points: readonly HistoryPoint[],
  type: ValueType,
  period: number,
  runs: number,
): MetricHistory {
  const series = metricSeries(points, type, period, runs);
  return {
    noise: noiseOfSeries(series),
    reference: referenceLevel(series, points),
    ...(fellAlone(series) ? { baseFellAlone: true } : {}),
  };
}
