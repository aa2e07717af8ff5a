import { buildReport } from '../../../src/core/verdict/report.js';
import { renderText, renderTextChunks } from '../../../src/core/render/text.js';
import { fn, sampleDiff, sampleVerdict } from './fixtures.js';

function report(top = 10, extra = [] as ReturnType<typeof fn>[], sampleIndex?: string, warnings: string[] = []) {
  const diff = sampleDiff(extra, warnings);
  return buildReport(diff, sampleVerdict(diff), { base: 'base.pb.gz', current: 'cur.pb.gz', top, sampleIndex });
}

/** Splits a table line into cells: columns are separated by two or more spaces. */
function cells(line: string): string[] {
  return line.trim().split(/\s{2,}/);
}

describe('renderText', () => {
  test('header names the verdict and both profiles', () => {
    const lines = renderText(report(), { color: false }).split('\n');
    expect(lines[0]).toMatch(/^heapgate: FAIL /);
    expect(lines[0]).toContain('1 failed, 0 warned, 1 inconclusive');
    expect(lines[1]).toBe('base:    base.pb.gz');
    expect(lines[2]).toBe('current: cur.pb.gz');
  });

  test('metrics table: human units, signed deltas, z, rule and status', () => {
    const lines = renderText(report(), { color: false }).split('\n');
    const header = lines.findIndex((l) => l.startsWith('metric'));
    expect(cells(lines[header]!)).toEqual([
      'metric',
      'base',
      'current',
      'Δ',
      'Δ%',
      'z',
      'detectable',
      'rule',
      'status',
    ]);
    expect(cells(lines[header + 1]!)).toEqual([
      'inuse_objects',
      '1,000',
      '1,010',
      '+10',
      '+1.0%',
      '0.3',
      '±10.0%',
      'inuse_objects +0.5%',
      'inconclusive',
    ]);
    expect(cells(lines[header + 2]!)).toEqual([
      'inuse_space',
      '1.00 MiB',
      '1.50 MiB',
      '+512.00 KiB',
      '+50.0%',
      '6.3',
      '±24.0%',
      'inuse_space +10%',
      'fail',
    ]);
    expect(cells(lines[header + 3]!)).toEqual([
      'inuse_space ~ main\\.grow',
      '0 B',
      '768.00 KiB',
      '+768.00 KiB',
      'n/a',
      'exact',
      'exact',
      '-',
      'pass',
    ]);
  });

  test('-top table: flat and cum deltas with percentages of the base total, running sum%', () => {
    const lines = renderText(report(), { color: false }).split('\n');
    expect(lines).toContain('Type: inuse_space');
    const header = lines.findIndex((l) => l.trim().startsWith('flat Δ'));
    // Shown flat deltas add up to 768 − 256 + 0 = +512 KiB, 50 % of the 1 MiB base total.
    expect(lines[header - 1]).toBe(
      'Showing all 3 functions by |flat Δ|, accounting for +512.00 KiB (50.00% of the base total 1.00 MiB)',
    );
    expect(cells(lines[header]!)).toEqual(['flat Δ', 'flat%', 'sum%', 'cum Δ', 'cum%', 'name']);
    // Base total 1 MiB: 768 KiB = 75 %, 256 KiB = 25 %, running sum 768−256 = 512 KiB = 50 %.
    expect(cells(lines[header + 1]!)).toEqual([
      '+768.00 KiB',
      '75.00%',
      '75.00%',
      '+768.00 KiB',
      '75.00%',
      'main.grow',
    ]);
    expect(cells(lines[header + 2]!)).toEqual([
      '-256.00 KiB',
      '25.00%',
      '50.00%',
      '-256.00 KiB',
      '25.00%',
      'main.shrink',
    ]);
    expect(cells(lines[header + 3]!)).toEqual(['0 B', '0%', '50.00%', '+512.00 KiB', '50.00%', 'main.main']);
  });

  test('top N and --sample-index choose the rows', () => {
    const text = renderText(report(1, [], 'inuse_objects'), { color: false });
    expect(text).toContain('Type: inuse_objects');
    expect(text).toContain('Showing top 1 of 2 functions');
    expect(text).toMatch(/\+10 +1\.00% +1\.00% +\+10 +1\.00% +main\.grow/);
    expect(text).not.toContain('main.main\n');
  });

  test('colour only when asked: red fail, yellow inconclusive, green pass', () => {
    const plain = renderText(report(), { color: false });
    expect(plain).not.toContain('\u001b');
    const coloured = renderText(report(), { color: true });
    expect(coloured).toContain('\u001b[31mFAIL\u001b[0m');
    expect(coloured).toContain('\u001b[33minconclusive\u001b[0m');
    expect(coloured).toContain('\u001b[32mpass\u001b[0m');
    // Colour codes do not shift columns: stripping them gives the plain report.
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  test('a warning: line each after the header, before the metrics; none without warnings', () => {
    const warnings = [
      'sampling rates differ: base MemProfileRate 524288, current 1 — deltas mix sampled and exact values',
      'Go versions differ',
    ];
    const lines = renderText(report(10, [], undefined, warnings), { color: false }).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      lines[0],
      'base:    base.pb.gz',
      'current: cur.pb.gz',
      `warning: ${warnings[0]}`,
      `warning: ${warnings[1]}`,
      '',
    ]);
    expect(lines[6]!.startsWith('metric')).toBe(true);
    expect(renderText(report(), { color: false })).not.toContain('warning:');
  });

  test('warnings: yellow when coloured, control characters escaped', () => {
    const text = renderText(
      report(10, [], undefined, ['sample types only in the base profile, not compared: evil\u001b[2J/count']),
      { color: true },
    );
    expect(text).toContain(
      '\u001b[33mwarning:\u001b[0m sample types only in the base profile, not compared: evil\\x1b[2J/count\n',
    );
  });

  test('escape sequences in function names are shown, not sent to the terminal', () => {
    const text = renderText(report(10, [fn('evil\u001b[2J\nname', 0, 1, 0, 1)]), { color: false });
    expect(text).toContain('evil\\x1b[2J\\x0aname');
    expect(text).not.toContain('\u001b');
  });
});

describe('renderTextChunks: the report streamed', () => {
  test('a --top 0 report of many functions comes in chunks that make renderText, aligned across chunks', () => {
    const extra = Array.from({ length: 5000 }, (_, i) => fn(`pkg.f${i}`, 0, i === 4999 ? 123_456_789 : i, 0, i));
    const r = report(0, extra);
    const chunks = [...renderTextChunks(r, { color: false })];
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks.join('');
    expect(text).toBe(renderText(r, { color: false }));
    // The widest flat Δ is the last row's: the first rows, in the first chunk, are padded to it.
    const rows = text.split('\n').filter((l) => / pkg\.f\d+$/.test(l));
    expect(new Set(rows.map((l) => l.indexOf(' pkg.f'))).size).toBe(1);
  });
});
