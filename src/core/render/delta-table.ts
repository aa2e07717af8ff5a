/**
 * The terminal report's table of flat and cum deltas, laid out as `go tool pprof -top -diff_base`
 * prints it: a "Showing …" line, then flat Δ, flat%, sum%, cum Δ, cum% (percentages of the base
 * total, unsigned as pprof prints them) and the row's name, escaped for the terminal. One table for
 * functions (text.ts) and for source lines (line-table.ts). Pure.
 */
import { terminalSafe } from './escape.js';
import { streamTable } from './table.js';
import { formatPprofPercent, formatSignedValue, formatValue } from './units.js';

/** What a row of the table needs. */
export interface DeltaRow {
  readonly flatDelta: number;
  readonly cumDelta: number;
}

export interface DeltaTableOptions<T> {
  /** The rows' noun, singular and plural: `function`/`functions`, `line`/`lines`. */
  readonly noun: readonly [string, string];
  /** The last column's header: `name`, `function file:line`. */
  readonly nameHeader: string;
  /** A row's name (untrusted: escaped here). */
  readonly name: (row: T) => string;
  /** How many rows there were before the limit. */
  readonly count: number;
  readonly unit: string;
  readonly baseTotal: number;
}

/** The "Showing …" line and the table of `rows`; "No function changed." (or shown) when there are none. */
export function* deltaTable<T extends DeltaRow>(
  rows: readonly T[],
  o: DeltaTableOptions<T>,
): Generator<string, void, undefined> {
  const [one, many] = o.noun;
  const { count, unit, baseTotal } = o;
  if (rows.length === 0) {
    yield count === 0 ? `No ${one} changed.` : `No ${one} shown of ${count}.`;
    return;
  }
  const shown = rows.length === count ? `all ${count} ${many}` : `top ${rows.length} of ${count} ${many}`;
  const accounted = rows.reduce((sum, r) => sum + r.flatDelta, 0);
  const ofBase =
    baseTotal === 0
      ? `the base total is ${formatValue(0, unit)}`
      : `${formatPprofPercent(accounted, baseTotal).trim()} of the base total ${formatValue(baseTotal, unit)}`;
  yield `Showing ${shown} by |flat Δ|, accounting for ${formatSignedValue(accounted, unit)} (${ofBase})`;
  // The running sum of flat Δ down the rows, kept so each row's cells can be made again.
  const sums = new Float64Array(rows.length);
  let flatSum = 0;
  for (let i = 0; i < rows.length; i++) sums[i] = flatSum += rows[i]!.flatDelta;
  const cellsOf = (i: number): string[] => {
    const r = rows[i]!;
    return [
      formatSignedValue(r.flatDelta, unit),
      formatPprofPercent(r.flatDelta, baseTotal).trim(),
      formatPprofPercent(sums[i]!, baseTotal).trim(),
      formatSignedValue(r.cumDelta, unit),
      formatPprofPercent(r.cumDelta, baseTotal).trim(),
      terminalSafe(o.name(r)),
    ];
  };
  yield* streamTable(
    [
      { header: 'flat Δ', align: 'right' },
      { header: 'flat%', align: 'right' },
      { header: 'sum%', align: 'right' },
      { header: 'cum Δ', align: 'right' },
      { header: 'cum%', align: 'right' },
      { header: o.nameHeader, align: 'left' },
    ],
    rows.length,
    cellsOf,
  );
}
