/**
 * The own-code lines that grew and that the pull request added or changed: what the comment lists
 * under "Lines this pull request changed that allocate more", or, when none of the grown lines is in
 * the diff, the sentence that says the growth comes from code the pull request did not touch. Pure:
 * the pull request's files and patches and the checkout's paths are read by adapters.
 */
import type { Report } from './report.js';
import type { MetricStatus } from './verdict.js';

/** Grown lines looked at per report: the comment lists at most MAX_PULL_LINES of them. */
export const MAX_GROWN_LINES = 50;
export const MAX_PULL_LINES = 10;

/** An own-code line that grew, as the report has it (its file as the profile records it). */
export interface GrownLine {
  readonly file: string;
  readonly line: number;
  readonly function: string;
  readonly sampleType: string;
  readonly unit: string;
  readonly flatDelta: number;
}

/** What a pull request changed, as its files' patches tell. */
export interface ChangedFiles {
  /** Per file path: the new-side lines its patch adds or changes. */
  readonly lines: ReadonlyMap<string, ReadonlySet<number>>;
  /** Files changed without a patch to read (binary, or a diff too large for GitHub to show). */
  readonly unknown: ReadonlySet<string>;
  /** False when GitHub may have listed only part of the files (it lists at most 3,000). */
  readonly complete: boolean;
}

/** A grown line the pull request changed, at its path in the checkout. */
export interface PullLine extends GrownLine {
  readonly path: string;
}

export interface PullLines {
  /** The grown lines the pull request added or changed, most grown first, at most MAX_PULL_LINES. */
  readonly changed: readonly PullLine[];
  /** How many grown lines were found in the checkout (0: nothing to say). */
  readonly grown: number;
  /**
   * True when the diff could not be read whole for these lines (a grown line's file changed without
   * a patch, or GitHub listed only part of the files): "not in the diff" is then not known.
   */
  readonly uncertain: boolean;
}

/** The new-file line numbers a unified-diff patch adds (its `+` lines: added, or the new side of changed ones). */
export function addedLines(patch: string): number[] {
  const out: number[] = [];
  let next = 0;
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk !== null) {
      next = Number(hunk[1]);
      continue;
    }
    if (next === 0) continue;
    if (line.startsWith('+')) out.push(next++);
    else if (line.startsWith(' ')) next++;
    // '-' lines are the old side; '\' is "No newline at end of file".
  }
  return out;
}

/** An own-code line that moved in the direction of a failing or warning metric, with that metric's status. */
export interface FlaggedLine extends GrownLine {
  readonly status: MetricStatus;
}

/**
 * The own-code lines that moved in the direction of the failing (then warning) whole-profile
 * metrics, each file and line once, most moved first, at most `limit`; with `growthOnly`, only the
 * metrics that grew. What both the line annotations and the pull request's lines start from.
 */
export function flaggedLines(report: Report, limit: number, growthOnly: boolean): FlaggedLine[] {
  if (report.ownLines === undefined) return [];
  const metrics = [
    ...report.metrics.filter((m) => m.status === 'fail'),
    ...report.metrics.filter((m) => m.status === 'warn'),
  ].filter((m) => m.pattern === null && m.benchmark === undefined && (!growthOnly || m.delta > 0));
  const out: FlaggedLine[] = [];
  const seen = new Set<string>();
  for (const m of metrics) {
    const grew = m.delta >= 0;
    for (const row of report.ownLines[m.sampleType] ?? []) {
      if (out.length >= limit) return out;
      if (grew ? row.flatDelta <= 0 : row.flatDelta >= 0) continue;
      if (row.file === '' || !(row.line > 0)) continue;
      const key = `${row.file}\u0000${row.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...row, sampleType: m.sampleType, unit: m.unit, status: m.status });
    }
  }
  return out;
}

/** The own-code lines that grew in the failing (then warning) whole-profile metrics, each once, most first. */
export function grownLines(report: Report): GrownLine[] {
  return flaggedLines(report, MAX_GROWN_LINES, true);
}

/**
 * Which grown lines the pull request changed: `paths` holds each grown line's file in the checkout
 * (absent: not in it), `changed` what the pull request's files say.
 */
export function pullLines(
  grown: readonly GrownLine[],
  paths: ReadonlyMap<string, string>,
  changed: ChangedFiles,
): PullLines {
  const inCheckout = grown.map((g) => ({ ...g, path: paths.get(g.file) })).filter((g) => g.path !== undefined);
  const hits = inCheckout.filter((g) => changed.lines.get(g.path!)?.has(g.line) === true) as PullLine[];
  const uncertain = !changed.complete || inCheckout.some((g) => changed.unknown.has(g.path!));
  return { changed: hits.slice(0, MAX_PULL_LINES), grown: inCheckout.length, uncertain };
}
