/** Fixed-width text tables for the terminal report. */

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align: Align;
}

/**
 * Lays out `rows` under `columns`, two spaces between columns, widths from the longest cell
 * (counted in code points). `paint(row, col, cell)` may wrap a cell's text in colour codes; the
 * padding stays outside, so escapes never disturb alignment. Trailing spaces are trimmed.
 */
export function layoutTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  paint: (row: number, col: number, cell: string) => string = (_r, _c, cell) => cell,
): string[] {
  // A loop, not Math.max(...cells): `--top 0` can give more rows than a call may have arguments.
  const widths = columns.map((c) => width(c.header));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i]!, width(row[i] ?? ''));
  }
  const line = (cells: readonly string[], row: number): string =>
    cells
      .map((cell, i) => {
        const gap = ' '.repeat(widths[i]! - width(cell));
        const shown = row < 0 ? cell : paint(row, i, cell);
        return columns[i]!.align === 'right' ? gap + shown : shown + gap;
      })
      .join('  ')
      .trimEnd();
  return [
    line(
      columns.map((c) => c.header),
      -1,
    ),
    ...rows.map((r, i) => line(r, i)),
  ];
}

/**
 * layoutTable's lines, one at a time, for a table too large to hold as cells: `cellsOf(i)` makes
 * row i's cells (called twice per row: once for the widths, once for the line).
 */
export function* streamTable(
  columns: readonly Column[],
  rowCount: number,
  cellsOf: (row: number) => readonly string[],
): Generator<string, void, undefined> {
  const widths = columns.map((c) => width(c.header));
  for (let r = 0; r < rowCount; r++) {
    const row = cellsOf(r);
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i]!, width(row[i] ?? ''));
  }
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const gap = ' '.repeat(widths[i]! - width(cell));
        return columns[i]!.align === 'right' ? gap + cell : cell + gap;
      })
      .join('  ')
      .trimEnd();
  yield line(columns.map((c) => c.header));
  for (let r = 0; r < rowCount; r++) yield line(cellsOf(r));
}

function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
