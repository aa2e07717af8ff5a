/**
 * What the Action annotates on source lines: for each failing (then warning) whole-profile metric,
 * the own-code lines whose part grew most in the metric's direction (Report.ownLines), each once.
 * At most MAX_LINE_CANDIDATES are offered; the caller emits the first MAX_LINE_ANNOTATIONS whose
 * file is in the checkout, each with a message such as "+3.20 MiB inuse_space here, in
 * example.com/m.(*Cache).Put (calls container/list.(*List).insertValue)". Pure; the names are
 * untrusted and the workflow-command adapter escapes them.
 */
import type { Report } from '../verdict/report.js';
import type { MetricStatus } from '../verdict/verdict.js';
import { formatSignedValue } from './units.js';
import { flaggedLines } from '../verdict/pull-lines.js';

/** Annotations on lines per run: GitHub shows at most 10 of a step's error annotations, and as many warnings. */
export const MAX_LINE_ANNOTATIONS = 10;
/** Candidates offered per run: those whose file is not in the checkout are dropped before the cap. */
export const MAX_LINE_CANDIDATES = 50;

export interface LineAnnotation {
  /** The file as the profile records it (the adapter maps it to the checkout). */
  readonly file: string;
  readonly line: number;
  /** The metric's status: fail or warn. */
  readonly status: MetricStatus;
  readonly message: string;
}

/**
 * The candidate line annotations of a report, most grown first, at most MAX_LINE_CANDIDATES; the
 * caller emits the first MAX_LINE_ANNOTATIONS whose file is in the checkout. [] without own-code lines.
 */
export function lineAnnotations(report: Report): LineAnnotation[] {
  const leafOf = (type: string) => new Map((report.own?.[type] ?? []).map((f) => [f.name, f.leaf?.name]));
  const leaves = new Map<string, Map<string, string | undefined>>();
  return flaggedLines(report, MAX_LINE_CANDIDATES, false).map((row) => {
    if (!leaves.has(row.sampleType)) leaves.set(row.sampleType, leafOf(row.sampleType));
    const leaf = leaves.get(row.sampleType)!.get(row.function);
    const calls = leaf === undefined ? '' : ` (calls ${leaf})`;
    return {
      file: row.file,
      line: row.line,
      status: row.status,
      message: `${formatSignedValue(row.flatDelta, row.unit)} ${row.sampleType} here, in ${row.function}${calls}`,
    };
  });
}
