/**
 * The levels and steps of a series' stored baselines, per whole sample type, as `heapgate baseline
 * history --steps` shows them: where each level starts and ends (commits), its mean and the spread
 * of its baselines around it, and each step between levels with the commit and pull request that
 * made it. The same cut the verdict's noise and drift use (stats/levels.ts).
 */
import type { ValueType } from '../profile/model.js';
import { metricSeries, noiseOfSeries, type HistoryPoint } from '../stats/run-noise.js';
import type { NewStep } from '../verdict/gate.js';
import type { BaselineMetadata } from './baseline.js';

/** A baseline as the steps name it. */
export interface StepBaseline {
  readonly sha: string;
  readonly pullRequest: number | null;
  /** Commit time, else the time it was stored. */
  readonly time: string;
}

export interface SeriesLevel {
  readonly first: StepBaseline;
  readonly last: StepBaseline;
  readonly baselines: number;
  readonly mean: number;
  /** Standard deviation of the level's baselines relative to its mean, in percent; null for one. */
  readonly sdPercent: number | null;
  /** Accepted: a baseline of the level was (by whom, when known). */
  readonly acceptedBy: string | null;
  readonly accepted: boolean;
}

export interface SeriesStep {
  /** The first baseline of the new level: the merge that made the step. */
  readonly at: StepBaseline;
  /** The new level's mean over the one before, in percent. */
  readonly percent: number;
}

export interface SampleTypeSteps {
  readonly sampleType: string;
  readonly unit: string;
  /** Oldest first. */
  readonly levels: readonly SeriesLevel[];
  readonly steps: readonly SeriesStep[];
  /**
   * The relative σ of one baseline around its level: the larger of the cut's estimate and the
   * run-to-run noise the verdict uses (σ of a change / √2), which counts heavy tails.
   */
  readonly sigma: number;
  /** The series holds enough baselines to calibrate its noise (MIN_HISTORY_BASELINES, and changes within levels). */
  readonly calibrated: boolean;
}

const named = (m: BaselineMetadata): StepBaseline => ({
  sha: m.sha,
  pullRequest: m.pullRequest ?? null,
  time: m.commitTime ?? m.createdAt,
});

/**
 * The levels and steps of each sample type of the newest baseline, over `newestFirst` (a pointer's
 * current baseline and its history, newest first). Only baselines sampled at the newest one's
 * period and with as many runs are cut together, as the verdict does.
 */
export function seriesSteps(newestFirst: readonly BaselineMetadata[]): SampleTypeSteps[] {
  const newest = newestFirst[0];
  if (newest === undefined) return [];
  const metadata = [...newestFirst].reverse();
  const points: HistoryPoint[] = metadata.map((m) => ({
    sampleType: m.sampleType,
    total: m.total,
    period: m.period,
    runs: m.runs ?? 1,
  }));
  return newest.sampleType.map((type: ValueType) => {
    const series = metricSeries(points, type, newest.period, newest.runs ?? 1);
    const at = (k: number): BaselineMetadata => metadata[series.index[k]!]!;
    const levels = series.levels.map((l): SeriesLevel => {
      const values = series.values.slice(l.from, l.to);
      const sd =
        values.length < 2
          ? null
          : (100 * Math.sqrt(values.reduce((s, v) => s + (v - l.mean) ** 2, 0) / (values.length - 1))) / l.mean;
      let acceptedBy: string | null = null;
      let accepted = false;
      for (let k = l.from; k < l.to; k++) {
        const a = at(k).accepted;
        if (a !== undefined) {
          accepted = true;
          acceptedBy = a.by;
        }
      }
      return {
        first: named(at(l.from)),
        last: named(at(l.to - 1)),
        baselines: l.to - l.from,
        mean: l.mean,
        sdPercent: sd,
        accepted,
        acceptedBy,
      };
    });
    const steps = series.levels.slice(1).map((l, j) => ({
      at: named(at(l.from)),
      percent: 100 * (l.mean / series.levels[j]!.mean - 1),
    }));
    const noise = noiseOfSeries(series);
    const sigma = Math.max(series.sigma, noise.kind === 'calibrated' ? noise.sdPercent / 100 / Math.SQRT2 : 0);
    return { sampleType: type.type, unit: type.unit, levels, steps, sigma, calibrated: noise.kind === 'calibrated' };
  });
}

/**
 * How many baselines' σ a step must be to be announced: stricter than the 4 at which run-noise.ts
 * keeps a boundary's change out of the noise, so what is announced is well clear of it.
 */
export const STEP_SIGMAS = 5;

/**
 * The steps the newest baseline confirms, once the series calibrates its noise: for each sample
 * type whose series' newest level holds exactly two baselines — the one before, which started it,
 * and the newest, which stayed there — and differs from the level before by at least `minPercent`
 * and by STEP_SIGMAS baselines' σ. One baseline alone may be a run that retained unusually much or
 * little; two in a row are a level.
 */
export function newSteps(newestFirst: readonly BaselineMetadata[], minPercent: number): NewStep[] {
  const newest = newestFirst[0];
  if (newest === undefined) return [];
  return seriesSteps(newestFirst).flatMap((t): NewStep[] => {
    const last = t.levels[t.levels.length - 1];
    const before = t.levels[t.levels.length - 2];
    const step = t.steps[t.steps.length - 1];
    if (last === undefined || before === undefined || step === undefined || !t.calibrated) return [];
    if (last.baselines !== 2 || last.last.sha !== newest.sha) return [];
    if (Math.abs(step.percent) < minPercent) return [];
    if (Math.abs(Math.log(last.mean / before.mean)) < STEP_SIGMAS * t.sigma) return [];
    return [
      {
        sampleType: t.sampleType,
        unit: t.unit,
        percent: step.percent,
        previous: before.mean,
        previousBaselines: before.baselines,
        current: last.mean,
        sha: step.at.sha,
        pullRequest: step.at.pullRequest,
      },
    ];
  });
}
