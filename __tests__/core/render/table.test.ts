/** Fixed-width tables: laid out whole, or streamed a line at a time with the same widths. */
import { layoutTable, streamTable, type Column } from '../../../src/core/render/table.js';

const COLUMNS: readonly Column[] = [
  { header: 'Δ', align: 'right' },
  { header: 'name', align: 'left' },
];

describe('layoutTable and streamTable', () => {
  const rows = [
    ['+1', 'a'],
    ['-12.5 MiB', 'ünïcode'],
    ['0', 'last, the widest name of all'],
  ];

  test('right-aligned cells are padded to the widest cell of the column, wherever it is; trailing spaces trimmed', () => {
    expect(layoutTable(COLUMNS, rows)).toEqual([
      '        Δ  name',
      '       +1  a',
      '-12.5 MiB  ünïcode',
      '        0  last, the widest name of all',
    ]);
  });

  test('streamTable gives the same lines, making each row only from its index', () => {
    const made: number[] = [];
    const lines = [
      ...streamTable(COLUMNS, rows.length, (i) => {
        made.push(i);
        return rows[i]!;
      }),
    ];
    expect(lines).toEqual(layoutTable(COLUMNS, rows));
    expect(made).toEqual([0, 1, 2, 0, 1, 2]);
    expect([...streamTable(COLUMNS, 0, () => [])]).toEqual(['Δ  name']);
  });
});
