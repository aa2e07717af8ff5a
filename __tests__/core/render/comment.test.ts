/** The PR comment / job summary composition and the trend renderers. */
import { buildReport } from '../../../src/core/verdict/report.js';
import {
  commentMarker,
  formatAge,
  newSites,
  renderComment,
  renderGateMarkdown,
} from '../../../src/core/render/comment.js';
import type { GateReportContext, TrendPoint } from '../../../src/core/verdict/gate.js';
import { GITHUB_COMMENT_LIMIT } from '../../../src/core/render/markdown.js';
import { renderTrendChart, renderTrendTable, sparkline, SPARK_BLOCKS } from '../../../src/core/render/trend.js';
import { fn, KiB, MiB, sampleDiff, sampleVerdict } from './fixtures.js';

function report(extra = sampleDiff()) {
  return buildReport(extra, sampleVerdict(extra), {
    base: 'baseline aaaaaaaaaaaa (main)',
    current: 'heap.pb.gz',
    top: 0,
  });
}

function point(label: string, space: number, objects = 1000): TrendPoint {
  return {
    label,
    sampleType: [
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' },
    ],
    total: [objects, space],
  };
}

/** The text with every CommonMark code span (a run of n backticks up to the next run of exactly n) removed. */
function withoutCodeSpans(md: string): string {
  return md.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, '');
}

function ctx(overrides: Partial<GateReportContext> = {}): GateReportContext {
  return {
    series: 'api',
    verdict: 'fail',
    report: report(),
    baseline: {
      sha: 'a'.repeat(40),
      branch: 'main',
      chosen: 'merge-base',
      commitUrl: `https://github.com/o/r/commit/${'a'.repeat(40)}`,
      runUrl: 'https://github.com/o/r/actions/runs/5',
      ageMs: 5 * 3_600_000 + 1,
    },
    accepted: null,
    trend: [point('aaaaaaa', MiB), point('bbbbbbb', 2 * MiB), point('this run', 1.5 * MiB)],
    reproduce: 'npx heapgate check heap.pb.gz --store gs://b/p --series api --branch main',
    noBaseline: null,
    update: null,
    htmlReportUrl: null,
    ...overrides,
  };
}

describe('sparkline', () => {
  test('scales linearly from ▁ (lowest) to █ (highest), rounding to the nearest height', () => {
    // (2-1)/(3-1)·7 = 3.5 → height 4.
    expect(sparkline([1, 2, 3])).toBe(`${SPARK_BLOCKS[0]}${SPARK_BLOCKS[4]}${SPARK_BLOCKS[7]}`);
    // (10-0)/(70-0)·7 = 1 → height 1.
    expect(sparkline([0, 10, 70])).toBe('▁▂█');
  });

  test('equal values are a flat middle line; a missing value is a gap', () => {
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([1, null, 3])).toBe('▁ █');
    expect(sparkline([])).toBe('');
  });
});

describe('trend table and chart', () => {
  test('one row per metric with first and last values; nothing for a single point', () => {
    const lines = renderTrendTable(
      [point('a', MiB, 10), point('b', 3 * MiB, 10)],
      [
        { type: 'inuse_space', unit: 'bytes' },
        { type: 'inuse_objects', unit: 'count' },
      ],
    );
    expect(lines[2]).toBe('| `inuse_space` | `▁█` | 1.00 MiB | 3.00 MiB | — |');
    expect(lines[3]).toBe('| `inuse_objects` | `▄▄` | 10 | 10 | — |');
    expect(renderTrendTable([point('a', MiB)], [{ type: 'inuse_space', unit: 'bytes' }])).toEqual([]);
  });

  test('the steps column names the steps between the levels of the stored baselines, newest last', () => {
    const stored = (i: number, space: number, pullRequest?: number): TrendPoint => ({
      ...point(`c${i}`, space),
      sha: `${(0xabc0000 + i).toString(16)}${'0'.repeat(33)}`,
      ...(pullRequest !== undefined ? { pullRequest } : {}),
    });
    const flat = [0, 1, 2, 3, 4, 5].map((i) => stored(i, MiB * (1 + (i % 2) * 0.001)));
    const points = [
      ...flat,
      stored(6, 1.2 * MiB, 44),
      ...[7, 8].map((i) => stored(i, 1.2 * MiB)),
      point('this run', 3 * MiB),
    ];
    const lines = renderTrendTable(points, [{ type: 'inuse_space', unit: 'bytes' }]);
    expect(lines[0]).toBe('| metric | trend (10 points, oldest → newest) | oldest | newest | steps |');
    // This run (no commit) is not part of the series: one step, at the merge of #44.
    expect(lines[2]).toMatch(
      /^\| `inuse_space` \| `[▁-█]{10}` \| 1\.00 MiB \| 3\.00 MiB \| \+19\.9% at abc0006 \(#44\) \|$/,
    );
  });

  test('the mermaid chart draws the levels of the stored baselines as a second line when there are steps', () => {
    const stored = (i: number, space: number): TrendPoint => ({
      ...point(`c${i}`, space),
      sha: `${(0xabc0000 + i).toString(16)}${'0'.repeat(33)}`,
    });
    const points = [
      ...[0, 1, 2, 3, 4].map((i) => stored(i, MiB)),
      ...[5, 6, 7].map((i) => stored(i, 2 * MiB)),
      point('this run', 2.5 * MiB),
    ];
    const chart = renderTrendChart(points, { type: 'inuse_space', unit: 'bytes' });
    expect(chart).toContain('  line [1, 1, 1, 1, 1, 2, 2, 2, 2.50]');
    expect(chart).toContain('  line [1, 1, 1, 1, 1, 2, 2, 2, 2]');
    // One level: no second line.
    const flat = renderTrendChart([stored(0, MiB), stored(1, MiB), point('this run', MiB)], {
      type: 'inuse_space',
      unit: 'bytes',
    });
    expect(flat.filter((l) => l.startsWith('  line'))).toHaveLength(1);
  });

  test('the mermaid chart is in MiB for bytes, with labels reduced to safe characters', () => {
    const chart = renderTrendChart([point('a"]; evil', MiB), point('this run', 2.5 * MiB)], {
      type: 'inuse_space',
      unit: 'bytes',
    });
    expect(chart).toEqual([
      '```mermaid',
      'xychart-beta',
      '  title "inuse_space"',
      '  x-axis ["a___ evil", "this run"]',
      '  y-axis "MiB"',
      '  line [1, 2.50]',
      '```',
    ]);
  });
});

describe('the gate report', () => {
  test('verdict and series first, then the baseline: commit link, branch, why, age and run', () => {
    const md = renderGateMarkdown(ctx());
    const lines = md.split('\n');
    expect(lines[0]).toBe(
      '### ❌ heapgate `api`: fail — memory regression: `inuse_space` +50.0% — `main.grow` +768.00 KiB ' +
        '(1 failed, 0 warned, 1 inconclusive)',
    );
    expect(lines[1]).toBe(
      `Baseline: commit [\`aaaaaaaaaaaa\`](https://github.com/o/r/commit/${'a'.repeat(40)}) on \`main\` (the merge ` +
        `base of this pull request), stored 5 hours ago ([run](https://github.com/o/r/actions/runs/5)).`,
    );
    expect(md).toContain('| metric | base | current | Δ | Δ% | z | detectable | rule | status |');
    expect(md).toContain('#### Trend of the last baselines');
    expect(md).toContain('```mermaid');
    expect(md).toContain('Reproduce locally: `npx heapgate check heap.pb.gz');
  });

  test("the report's warnings follow the baseline line, then the metrics: no labels line repeating the baseline line", () => {
    const warned = report(
      sampleDiff([], ['sampling rates differ: base MemProfileRate 524288, current 1', 'Go versions differ']),
    );
    const md = renderGateMarkdown(ctx({ report: warned }));
    const lines = md.split('\n');
    expect(lines.slice(2, 7)).toEqual([
      '',
      '⚠️ sampling rates differ\\: base MemProfileRate 524288\\, current 1\\',
      '⚠️ Go versions differ',
      '',
      '| metric | base | current | Δ | Δ% | z | detectable | rule | status |',
    ]);
    expect(md).not.toContain('→ current');
    expect(renderComment(ctx({ report: warned }))).toContain('\n⚠️ Go versions differ\n');
    expect(renderGateMarkdown(ctx())).not.toContain('⚠️ ');
  });

  test('new allocation sites are the rows with nothing in the base and a current flat value', () => {
    // sampleDiff: main.grow is new in inuse_space (the failing metric); main.shrink and main.main are not.
    const sites = newSites(report());
    expect(sites.map((s) => [s.type, s.row.name])).toEqual([['inuse_space', 'main.grow']]);
    expect(renderGateMarkdown(ctx())).toContain('| `main.grow` | `inuse_space` | 768.00 KiB |');
  });

  test('an accepted regression says who accepted it, without mentioning them', () => {
    const md = renderGateMarkdown(ctx({ verdict: 'accepted', accepted: { label: 'heapgate:accept', by: 'alice' } }));
    expect(md.split('\n')[0]).toMatch(/^### ☑️ heapgate `api`: accepted/);
    expect(md).toContain('☑️ **Accepted** by @\u200dalice with the `heapgate:accept` label');
    expect(renderGateMarkdown(ctx({ verdict: 'accepted', accepted: { label: 'ok', by: null } }))).toContain(
      '**Accepted** with the `ok` label',
    );
  });

  test('links the uploaded HTML report; a URL that is not a plain https one is left out', () => {
    const url = 'https://github.com/o/r/actions/runs/5/artifacts/77';
    const md = renderGateMarkdown(ctx({ htmlReportUrl: url }));
    expect(md).toContain(`📊 [The HTML report](${url}): a differential flame graph`);
    expect(renderGateMarkdown(ctx())).not.toContain('HTML report');
    const evil = renderGateMarkdown(ctx({ htmlReportUrl: 'javascript:alert(1)//https://x/y' }));
    expect(evil).not.toContain('javascript:');
  });

  test('no baseline: where it looked and how to seed one', () => {
    const md = renderGateMarkdown(
      ctx({
        verdict: 'no-baseline',
        report: null,
        baseline: null,
        reproduce: null,
        noBaseline: {
          branches: ['dev', 'main'],
          store: 'gs://b/p',
          seed: 'npx heapgate baseline put x',
          otherSeries: { names: [], guess: null },
        },
      }),
    );
    expect(md.split('\n')[0]).toBe('### 🆕 heapgate `api`: no-baseline — no baseline yet');
    expect(md).toContain('No baseline for series `api` on `dev` or `main` in `gs://b/p`');
    expect(md).toContain('`npx heapgate baseline put x`');
    expect(md).not.toContain('The store has no series');
  });

  test('no baseline, but other series: names them, closest first, and guesses the typo', () => {
    const names = ['apl', 'catalog', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const md = renderGateMarkdown(
      ctx({
        verdict: 'no-baseline',
        report: null,
        baseline: null,
        reproduce: null,
        noBaseline: { branches: ['main'], store: 'gs://b/p', seed: 'x', otherSeries: { names, guess: 'apl' } },
      }),
    );
    expect(md).toContain(
      '⚠️ The store has no series `api`; it has `apl`, `catalog`, `a`, `b`, `c`, `d`, `e`, `f` and 2 more: ' +
        'did you mean `apl`?',
    );
  });

  test('untrusted strings cannot inject HTML, break the table or mention anyone', () => {
    const evil = '</details><script>alert(1)</script> @everyone | `x`\n# heading';
    const diff = sampleDiff([fn(evil, 0, 4 * KiB, 0, 4 * KiB)]);
    const md = renderComment(
      ctx({
        report: report(diff),
        baseline: { ...ctx().baseline!, branch: evil, runUrl: 'javascript:alert(1)' },
        accepted: { label: evil, by: '@evil' },
      }),
    );
    // Inside a code span nothing is interpreted; outside them none of it may remain.
    const outside = withoutCodeSpans(md);
    expect(outside).not.toContain('<script>');
    expect(outside).not.toContain('</details><');
    expect(outside).not.toMatch(/@everyone/);
    expect(md).not.toContain('javascript:');
    expect(md).not.toContain('\n# heading');
    expect(outside).not.toContain('@evil');
    // Every table row still has the column count of its header.
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('main.grow'))) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBeGreaterThan(3);
    }
  });

  test('the comment ends with the series marker and stays within the limit, dropping extras first', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      fn(`pkg.function_with_a_long_name_${i}_${'x'.repeat(80)}`, 0, i + 1, 0, i + 1),
    );
    const big = ctx({ report: report(sampleDiff(many)) });
    const body = renderComment(big);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body.endsWith(`${commentMarker('api')}\n`)).toBe(true);
    expect(body.split('\n')[0]).toMatch(/^### ❌ heapgate `api`: fail/);
    for (const limit of [4000, 2500, 800]) {
      const small = renderComment(big, limit);
      expect(small.length).toBeLessThanOrEqual(limit);
      expect(small.endsWith(`${commentMarker('api')}\n`)).toBe(true);
      expect(small.split('\n')[0]).toMatch(/^### ❌ heapgate `api`: fail/);
    }
    // With room to spare, nothing is dropped.
    expect(renderComment(ctx())).toContain('```mermaid');
    expect(renderComment(ctx(), 4000)).toContain('| metric | base |');
  });

  test('markers differ by series and cannot end the HTML comment early', () => {
    expect(commentMarker('api')).toBe('<!-- heapgate:comment series=api -->');
    expect(commentMarker('api')).not.toBe(commentMarker('api-2'));
    const marker = commentMarker('a-->b');
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
  });

  test('ages are coarse, so a rerun minutes later renders the same', () => {
    expect(formatAge(59 * 60_000)).toBe('less than an hour');
    expect(formatAge(3_600_000)).toBe('1 hour');
    expect(formatAge(47 * 3_600_000)).toBe('47 hours');
    expect(formatAge(72 * 3_600_000)).toBe('3 days');
  });
});
