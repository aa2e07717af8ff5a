/**
 * The terminal report's per-source-line table (`--lines`), laid out as `go tool pprof -top -lines
 * -diff_base` prints it (delta-table.ts), named `function file:line`. Pure.
 */
import type { LineDelta } from '../compare/line-diff.js';
import { lineName } from '../profile/line-totals.js';
import type { Report } from '../verdict/report.js';
import { deltaTable } from './delta-table.js';

/** "1 more line", "37 more lines". */
function moreLines(count: number): string {
  return `${count} more line${count === 1 ? '' : 's'}`;
}

/** The lines of sample type `type`'s table; nothing when the report has no lines for it. */
export function* lineTable(report: Report, type: string): Generator<string, void, undefined> {
  const rows: readonly LineDelta[] | undefined = report.lines?.lines[type];
  if (rows === undefined) return;
  const total = report.totals[type];
  const unit = total?.unit ?? '';
  const baseTotal = total?.base ?? 0;
  const count = report.lines?.lineCount[type] ?? rows.length;
  yield '';
  yield `Type: ${type}, by source line`;
  yield* deltaTable(rows, {
    noun: ['line', 'lines'],
    nameHeader: 'function file:line',
    name: lineName,
    count,
    unit,
    baseTotal,
  });
  if (rows.length === 0) return;
  if (count > rows.length) yield `… ${moreLines(count - rows.length)} (--top 0 lists all)`;
}
