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
  if (report.ownLines === undefined) return [];
  const metrics = [
    ...report.metrics.filter((m) => m.status === 'fail'),
    ...report.metrics.filter((m) => m.status === 'warn'),
  ].filter((m) => m.pattern === null && m.benchmark === undefined);
  const out: LineAnnotation[] = [];
  const seen = new Set<string>();
  for (const m of metrics) {
    const grew = m.delta >= 0;
    const leafOf = new Map((report.own?.[m.sampleType] ?? []).map((f) => [f.name, f.leaf?.name]));
    for (const row of report.ownLines[m.sampleType] ?? []) {
      if (out.length >= MAX_LINE_CANDIDATES) return out;
      if (grew ? row.flatDelta <= 0 : row.flatDelta >= 0) continue;
      if (row.file === '' || !(row.line > 0)) continue;
      const key = `${row.file}\u0000${row.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const leaf = leafOf.get(row.function);
      const calls = leaf === undefined ? '' : ` (calls ${leaf})`;
      out.push({
        file: row.file,
        line: row.line,
        status: m.status,
        message: `${formatSignedValue(row.flatDelta, m.unit)} ${m.sampleType} here, in ${row.function}${calls}`,
      });
    }
  }
  return out;
}
