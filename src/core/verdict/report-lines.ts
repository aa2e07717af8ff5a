/**
 * Which of a diff's per-line rows a report carries (`--lines`, and the Action's lines of the
 * metrics it flags): every common sample type's, or only the failing and warning ones', each cut
 * to the first `top` rows. Pure.
 */
import type { LineDelta } from '../compare/line-diff.js';
import type { MetricResult } from './verdict.js';

/** What ReportOptions.lines asks for. */
export interface LinesRequest {
  /** Lines kept per sample type; 0 = all. */
  readonly top: number;
  /** Only the sample types of metrics (whole-profile or function rule) that fail or warn. */
  readonly flaggedOnly: boolean;
}

/** The report's lines: per sample type, the rows kept, and how many rows the diff had. */
export interface ReportLines {
  readonly lines: Readonly<Record<string, readonly LineDelta[]>>;
  readonly lineCount: Readonly<Record<string, number>>;
}

/** The rows `request` keeps of `diffLines` (the diff's order: |flatDelta| descending, then name). */
export function reportLines(
  diffLines: Readonly<Record<string, readonly LineDelta[]>>,
  metrics: readonly MetricResult[],
  request: LinesRequest,
): ReportLines {
  const flagged = new Set(metrics.filter((m) => m.status === 'fail' || m.status === 'warn').map((m) => m.sampleType));
  const lines: Record<string, readonly LineDelta[]> = {};
  const lineCount: Record<string, number> = {};
  for (const [type, rows] of Object.entries(diffLines)) {
    if (request.flaggedOnly && !flagged.has(type)) continue;
    lines[type] = request.top === 0 ? rows.slice() : rows.slice(0, request.top);
    lineCount[type] = rows.length;
  }
  return { lines, lineCount };
}
