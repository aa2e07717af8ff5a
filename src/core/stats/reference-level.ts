/**
 * The level a series' drift is measured from (docs/noise-model.md, "Drift"): the level the series
 * held before its latest rise, so that creep — many small rises, each under a rule — adds up
 * against one reference instead of slipping past the last baseline one merge at a time.
 *
 * Walking back from the newest level, a level is the reference when it
 * - is not a rise (its mean is not above the level before it: the first level never is), and
 * - holds at least two baselines (one alone may be a run that retained unusually little), or
 * - holds an accepted baseline (an accepted level is the reference even when it was a rise).
 * Nothing before the newest accepted level is ever the reference. When no level qualifies, the
 * earliest level of two or more baselines is; with none of them there is no reference.
 */
import type { HistoryPoint, MetricSeries } from './run-noise.js';

/** A baseline as reports name it. */
export interface PointName {
  readonly sha?: string;
  readonly pullRequest?: number;
}

function nameOf(p: HistoryPoint | undefined): PointName {
  return {
    ...(p?.sha !== undefined ? { sha: p.sha } : {}),
    ...(p?.pullRequest !== undefined ? { pullRequest: p.pullRequest } : {}),
  };
}

/** A rise of the series: the first baseline of a level above the one before it. */
export interface SeriesRise extends PointName {
  /** The level's mean over the level before it, in percent. */
  readonly percent: number;
}

export interface ReferenceLevel {
  readonly mean: number;
  readonly baselines: number;
  /** The level's last baseline: where what followed began. */
  readonly since: PointName;
  /** True when the level holds an accepted baseline. */
  readonly accepted: boolean;
  /** Who accepted the level's newest accepted baseline; null when not accepted or not known. */
  readonly acceptedBy: string | null;
  /** Baselines after the level. */
  readonly after: number;
  /** The rises since the level, oldest first. */
  readonly rises: readonly SeriesRise[];
}

/**
 * The reference level of `series` (see the file comment), the series of a metric in `points`.
 */
export function referenceLevel(series: MetricSeries, points: readonly HistoryPoint[]): ReferenceLevel | null {
  const { levels, index } = series;
  const accepted = (point: number): boolean => points[point]?.accepted === true;
  const holdsAccepted = (j: number): boolean => {
    for (let k = levels[j]!.from; k < levels[j]!.to; k++) if (accepted(index[k]!)) return true;
    return false;
  };
  const acceptor = (j: number): string | null => {
    for (let k = levels[j]!.to - 1; k >= levels[j]!.from; k--) {
      const p = points[index[k]!];
      if (p?.accepted === true) return p.acceptedBy ?? null;
    }
    return null;
  };
  const size = (j: number): number => levels[j]!.to - levels[j]!.from;
  const rise = (j: number): boolean => j > 0 && levels[j]!.mean > levels[j - 1]!.mean;
  let floor = -1;
  for (let j = levels.length - 1; j >= 0 && floor < 0; j--) if (holdsAccepted(j)) floor = j;
  let ref = -1;
  for (let j = levels.length - 1; j > floor && ref < 0; j--) if (size(j) >= 2 && !rise(j)) ref = j;
  if (ref < 0) ref = floor >= 0 ? floor : levels.findIndex((_, j) => size(j) >= 2);
  if (ref < 0) return null;
  const level = levels[ref]!;
  const rises: SeriesRise[] = [];
  for (let j = ref + 1; j < levels.length; j++) {
    if (rise(j)) {
      const first = points[index[levels[j]!.from]!];
      rises.push({ ...nameOf(first), percent: 100 * (levels[j]!.mean / levels[j - 1]!.mean - 1) });
    }
  }
  return {
    mean: level.mean,
    baselines: size(ref),
    since: nameOf(points[index[level.to - 1]!]),
    accepted: holdsAccepted(ref),
    acceptedBy: acceptor(ref),
    after: series.values.length - level.to,
    rises,
  };
}
