/**
 * The terminal report's per-source-line table (`--lines`), laid out as `go tool pprof -top -lines
 * -diff_base` prints it: flat Δ, flat%, sum%, cum Δ, cum% (percentages of the base total, unsigned
 * as pprof prints them) and `function file:line`, names escaped for the terminal. Pure.
 */
import type { LineDelta } from '../compare/line-diff.js';
import { lineName } from '../profile/line-totals.js';
import type { Report } from '../verdict/report.js';
import { terminalSafe } from './escape.js';
import { streamTable } from './table.js';
import { formatPprofPercent, formatSignedValue, formatValue } from './units.js';

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
  if (rows.length === 0) {
    yield count === 0 ? 'No line changed.' : `No line shown of ${count}.`;
    return;
  }
  const shown = rows.length === count ? `all ${count} lines` : `top ${rows.length} of ${count} lines`;
  const accounted = rows.reduce((sum, l) => sum + l.flatDelta, 0);
  const ofBase =
    baseTotal === 0
      ? `the base total is ${formatValue(0, unit)}`
      : `${formatPprofPercent(accounted, baseTotal).trim()} of the base total ${formatValue(baseTotal, unit)}`;
  yield `Showing ${shown} by |flat Δ|, accounting for ${formatSignedValue(accounted, unit)} (${ofBase})`;
  const sums = new Float64Array(rows.length);
  let flatSum = 0;
  for (let i = 0; i < rows.length; i++) sums[i] = flatSum += rows[i]!.flatDelta;
  const cellsOf = (i: number): string[] => {
    const l = rows[i]!;
    return [
      formatSignedValue(l.flatDelta, unit),
      formatPprofPercent(l.flatDelta, baseTotal).trim(),
      formatPprofPercent(sums[i]!, baseTotal).trim(),
      formatSignedValue(l.cumDelta, unit),
      formatPprofPercent(l.cumDelta, baseTotal).trim(),
      terminalSafe(lineName(l)),
    ];
  };
  yield* streamTable(
    [
      { header: 'flat Δ', align: 'right' },
      { header: 'flat%', align: 'right' },
      { header: 'sum%', align: 'right' },
      { header: 'cum Δ', align: 'right' },
      { header: 'cum%', align: 'right' },
      { header: 'function file:line', align: 'left' },
    ],
    rows.length,
    cellsOf,
  );
  if (count > rows.length) yield `… ${moreLines(count - rows.length)} (--top 0 lists all)`;
}
