/**
 * The gate's outcome as data, shared by the gate (src/app/gate) that decides it and the renderers
 * that show it: the gate's verdict, the baseline compared against, who accepted a regression, and
 * what happened to the stored baseline. Types only.
 */
import type { ValueType } from '../profile/model.js';
import type { Report } from './report.js';
import type { PullLines } from './pull-lines.js';

/**
 * The gate's verdict: the report's (`pass`, `warn`, `fail`, `inconclusive`), `accepted` for a
 * failing pull request carrying the accept label, `no-baseline` when there was nothing to compare
 * against.
 */
export type GateVerdict = 'pass' | 'warn' | 'fail' | 'inconclusive' | 'accepted' | 'no-baseline';

/** One point of a trend: a label (a short commit id, or "this run") and its totals per sample type. */
export interface TrendPoint {
  readonly label: string;
  readonly sampleType: readonly ValueType[];
  readonly total: readonly number[];
  /** A stored baseline's commit and pull request; absent for this run. */
  readonly sha?: string;
  readonly pullRequest?: number;
}

/** Which baseline a run was compared against, and why that one. */
export interface BaselineInfo {
  readonly sha: string;
  readonly branch: string;
  /**
   * `merge-base`: the PR's merge-base commit; `latest`: the branch's current baseline;
   * `requested`: the commit asked for.
   */
  readonly chosen: 'merge-base' | 'latest' | 'requested';
  /** Link to the commit on GitHub. */
  readonly commitUrl: string | null;
  /** Link to the run that stored it (from the store: untrusted, shown only when it is a plain https URL). */
  readonly runUrl: string | null;
  /** Milliseconds from when the baseline was stored to this run; null when unknown. */
  readonly ageMs: number | null;
}

/** Who accepted a failing verdict with the accept label; `by` is null when GitHub cannot say. */
export interface Acceptance {
  readonly label: string;
  readonly by: string | null;
}

/** What happened to the store's baseline in this run. */
export interface BaselineUpdate {
  readonly branch: string;
  readonly sha: string;
  /**
   * `moved`: now the current baseline; `same-commit`: already was; `older`: a newer one is current;
   * `skipped`: not stored, see `reason`.
   */
  readonly result: 'moved' | 'same-commit' | 'older' | 'skipped';
  readonly reason?: string;
  /** The sample types whose series this baseline starts a new level of (see NewStep); absent: none. */
  readonly steps?: readonly NewStep[];
}

/**
 * A new level of a series that the stored baseline confirms: the step over the level before (at
 * least MIN_STEP_PERCENT), and the commit and pull request that made it (the baseline before this
 * one, which started the level).
 */
export interface NewStep {
  readonly sampleType: string;
  readonly unit: string;
  /** The new level's value over the previous level's mean, in percent. */
  readonly percent: number;
  /** The previous level's mean and its number of baselines. */
  readonly previous: number;
  readonly previousBaselines: number;
  readonly current: number;
  readonly sha: string;
  readonly pullRequest: number | null;
}

/** Steps smaller than this are not announced (Perfherder's threshold): a level, but not news. */
export const MIN_STEP_PERCENT = 2;

/** Where the gate looked when it found no baseline, and how to seed one. */
export interface NoBaseline {
  readonly branches: readonly string[];
  readonly store: string;
  /** A shell command that stores a profile as the baseline. */
  readonly seed: string;
  /** The store's other series, closest to this one first (a mistyped series name shows here). */
  readonly otherSeries: SeriesHint;
}

/** The series a store holds instead of the one asked for. */
export interface SeriesHint {
  /** Closest to the series asked for first. */
  readonly names: readonly string[];
  /** The one close enough to be a typo of it, if any. */
  readonly guess: string | null;
  /** The branches that hold the series asked for, when it is there but not on the branches looked at. */
  readonly branches?: readonly string[];
}

/** How many of a store's other series a message names. */
export const MAX_SERIES_NAMED = 8;

/**
 * `the store has no series "Catalog"; it has "catalog", "api": did you mean "catalog"?`, or, when
 * the series is there on other branches, `the store has series "catalog" on branch "master" only`;
 * each name written by `quote` (JSON for plain text, a code span for Markdown: names are
 * untrusted); null when the store holds nothing else of use.
 */
export function otherSeriesText(series: string, hint: SeriesHint, quote: (name: string) => string): string | null {
  const branches = hint.branches ?? [];
  if (branches.length > 0) {
    const named = branches.slice(0, MAX_SERIES_NAMED).map(quote);
    const more = branches.length > MAX_SERIES_NAMED ? ` and ${branches.length - MAX_SERIES_NAMED} more` : '';
    return `the store has series ${quote(series)} on branch ${named.join(', ')}${more} only`;
  }
  if (hint.names.length === 0) return null;
  const named = hint.names.slice(0, MAX_SERIES_NAMED).map(quote);
  const more = hint.names.length > MAX_SERIES_NAMED ? ` and ${hint.names.length - MAX_SERIES_NAMED} more` : '';
  const guess = hint.guess === null ? '' : `: did you mean ${quote(hint.guess)}?`;
  return `the store has no series ${quote(series)}; it has ${named.join(', ')}${more}${guess}`;
}

/** Everything the gate's Markdown (comment, job summary) shows. */
export interface GateReportContext {
  readonly series: string;
  readonly verdict: GateVerdict;
  /** The comparison; null when there was no baseline. */
  readonly report: Report | null;
  readonly baseline: BaselineInfo | null;
  /** Set when a failing verdict was accepted by label. */
  readonly accepted: Acceptance | null;
  /** Totals of the last baselines and of this run, oldest first. */
  readonly trend: readonly TrendPoint[];
  /** A shell command that reproduces the comparison with the CLI; null to leave it out. */
  readonly reproduce: string | null;
  /** Set when there was no baseline. */
  readonly noBaseline: NoBaseline | null;
  readonly update: BaselineUpdate | null;
  /** Where the HTML report can be opened (a workflow artifact); null when there is none. */
  readonly htmlReportUrl: string | null;
  /** The grown own-code lines the pull request changed (see pull-lines.ts); absent when not known. */
  readonly pullLines?: PullLines;
}
