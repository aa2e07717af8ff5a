import { buildReport } from '../../../src/core/verdict/report.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../../src/core/render/markdown.js';
import { terminalSafe } from '../../../src/core/render/escape.js';
import { fn, sampleDiff, sampleVerdict } from './fixtures.js';

function report(
  extra = [] as ReturnType<typeof fn>[],
  top = 10,
  verdict: 'pass' | 'warn' | 'fail' = 'fail',
  warnings: string[] = [],
) {
  const diff = sampleDiff(extra, warnings);
  return buildReport(diff, sampleVerdict(diff, verdict), { base: 'main@abc123', current: 'heap.pb.gz', top });
}

/** GFM table cells of a row: split on pipes not escaped with a backslash. */
function cells(row: string): string[] {
  const parts = row.trim().split(/(?<!\\)\|/);
  return parts.slice(1, -1).map((c) => c.trim());
}

/** Parses a cell holding exactly one code span; returns its literal content (GFM unescapes `\|` in tables). */
function codeSpanContent(cell: string): string {
  const m = /^(`+)( ?)([\s\S]*?)\2\1$/.exec(cell);
  if (m === null) throw new Error(`not a single code span: ${cell}`);
  expect(m[3]!.includes(m[1]!)).toBe(false);
  return m[3]!.replace(/\\\|/g, '|');
}

/** The text with all code spans removed (backtick runs matched by length, as CommonMark does). */
function outsideCode(md: string): string {
  return md.replace(/(`+)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

const NASTY = [
  'pkg.(*T).Method|x',
  'a`b``c',
  '<img src=x onerror=alert(1)>',
  '**bold** _it_ [link](http://x) @octocat #1',
  'multi\nline\r\nname',
  '`',
  '| --- |',
];

describe('renderMarkdown', () => {
  test('verdict on the first line, labels, metrics table with one row per metric', () => {
    const md = renderMarkdown(report());
    const lines = md.split('\n');
    expect(lines[0]).toBe(
      '### ❌ heapgate: fail: `inuse_space` +50.0% — `main.grow` +768.00 KiB (1 failed, 0 warned, 1 inconclusive)',
    );
    expect(lines[1]).toBe('Base `main@abc123` → current `heap.pb.gz`');
    const header = lines.indexOf('| metric | base | current | Δ | Δ% | z | detectable | rule | status |');
    expect(header).toBeGreaterThan(0);
    expect(cells(lines[header + 3]!)).toEqual([
      '`inuse_space`',
      '1.00 MiB',
      '1.50 MiB',
      '+512.00 KiB',
      '+50.0%',
      '6.3',
      '±24.0%',
      '`inuse_space +10%`',
      '❌ fail',
    ]);
    expect(cells(lines[header + 4]!)[0]).toBe('`inuse_space` ~ `main\\.grow`');
  });

  test('says in one line when a metric is inconclusive, then what would make it conclusive', () => {
    const md = renderMarkdown(report());
    const lines = md.split('\n');
    const at = lines.findIndex((l) => l.includes('inconclusive: the noise hides a change'));
    expect(lines.filter((l) => l.includes('inconclusive: the noise hides a change'))).toHaveLength(1);
    expect(lines[at]).toMatch(/^❔ 1 metric is inconclusive/);
    expect(lines[at + 2]).toMatch(/^- Record the profiles with runtime\\.MemProfileRate \\= 1/);
  });

  test('function table for failing sample types only by default, all on request', () => {
    const md = renderMarkdown(report());
    expect(md).toContain('#### Top function deltas: `inuse_space`');
    expect(md).not.toContain('#### Top function deltas: `inuse_objects`');
    const all = renderMarkdown(report(), { functionsFor: 'all' });
    expect(all).toContain('#### Top function deltas: `inuse_objects`');
    const row = all.split('\n').find((l) => l.includes('`main.shrink`'))!;
    // 256 KiB of a 1 MiB base total = 25 %.
    expect(cells(row)).toEqual(['-256.00 KiB', '25.00%', '-256.00 KiB', '25.00%', '`main.shrink`']);
  });

  test('nasty function names keep the table intact and render literally', () => {
    const extra = NASTY.map((name, i) => fn(name, 0, 100 - i, 0, 100 - i));
    const md = renderMarkdown(report(extra, 0));
    const lines = md.split('\n');
    const header = lines.indexOf('| flat Δ | flat% | cum Δ | cum% | function |');
    const rows: string[] = [];
    for (let i = header + 2; lines[i]!.startsWith('|'); i++) rows.push(lines[i]!);
    expect(rows).toHaveLength(3 + NASTY.length);
    for (const row of rows) expect(cells(row)).toHaveLength(5);
    const names = rows.map((r) => codeSpanContent(cells(r)[4]!));
    for (const name of NASTY) expect(names).toContain(terminalSafe(name));
    const outside = outsideCode(md);
    expect(outside).not.toMatch(/<[a-z]/i);
    expect(outside).not.toMatch(/@[a-z]/i);
  });

  test('a huge report fits the comment limit by dropping function rows first', () => {
    const extra = Array.from({ length: 3000 }, (_, i) =>
      fn(`pkg.function_${'x'.repeat(150)}_${i}`, 0, 3000 - i, 0, 3000 - i),
    );
    const r = report(extra, 0);
    const full = renderMarkdown(r, { budget: Number.MAX_SAFE_INTEGER });
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const md = renderMarkdown(r);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toContain('| metric | base | current | Δ | Δ% | z | detectable | rule | status |');
    expect(md).toContain('`main.grow`');
    expect(md).toContain('Rows left out to fit the size limit');
  });

  test('with a tiny budget the compact form keeps the verdict and failing metrics, then cuts', () => {
    const r = report();
    const compact = renderMarkdown(r, { budget: 700 });
    expect(compact.length).toBeLessThanOrEqual(700);
    expect(compact).toMatch(/^### ❌ heapgate: fail/);
    expect(compact).not.toContain('#### Top function deltas');
    expect(compact).toContain('`inuse_space +10%`');
    expect(compact).not.toContain('`inuse_objects +0.5%`');
    const cut = renderMarkdown(r, { budget: 150 });
    expect(cut.length).toBeLessThanOrEqual(150);
    expect(cut).toMatch(/^### ❌ heapgate: fail/);
  });

  test('a ⚠️ line per warning under the verdict, joined by hard breaks, then a blank line and the labels', () => {
    const md = renderMarkdown(
      report([], 10, 'fail', ['sampling rates differ: base MemProfileRate 524288, current 1', 'Go versions differ']),
    );
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^### ❌ heapgate: fail/);
    // markdownText escapes every ASCII punctuation character; a trailing backslash is a hard line break.
    expect(lines.slice(1, 5)).toEqual([
      '⚠️ sampling rates differ\\: base MemProfileRate 524288\\, current 1\\',
      '⚠️ Go versions differ',
      '',
      'Base `main@abc123` → current `heap.pb.gz`',
    ]);
    // Without warnings the labels follow the verdict directly.
    expect(renderMarkdown(report()).split('\n')[1]).toBe('Base `main@abc123` → current `heap.pb.gz`');
  });

  test('warnings are escaped: no HTML, mention, emphasis or line break from a sample type name', () => {
    const evil = 'sample types only in the base profile, not compared: <img src=x>/count, @octocat/**b**, a\nb/count';
    const md = renderMarkdown(report([], 10, 'fail', [evil]));
    const line = md.split('\n')[1]!;
    expect(line).toBe(
      '⚠️ sample types only in the base profile\\, not compared\\: &lt;img src\\=x&gt;\\/count\\, ' +
        '@\u200doctocat\\/\\*\\*b\\*\\*\\, a\\\\x0ab\\/count',
    );
  });

  test('the compact form keeps the warnings; a very long warning is cut to 500 characters', () => {
    const r = report([], 10, 'fail', ['w'.repeat(2000)]);
    const compact = renderMarkdown(r, { budget: 1200 });
    expect(compact.length).toBeLessThanOrEqual(1200);
    expect(compact).not.toContain('#### Top function deltas');
    expect(compact.split('\n')[1]).toBe(`⚠️ ${'w'.repeat(499)}…`);
  });

  test('pass verdict', () => {
    expect(renderMarkdown(report([], 10, 'pass')).split('\n')[0]).toMatch(/^### ✅ heapgate: pass/);
  });
});
