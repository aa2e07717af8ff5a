/** Reports that lead with the culprit: headline, table order, noise-floor folding, collapsed comment parts. */
import { buildReport, FOLD_SHARE, noiseFloor, type Report } from '../../../src/core/verdict/report.js';
import { renderGateMarkdown } from '../../../src/core/render/comment.js';
import type { GateReportContext } from '../../../src/core/verdict/gate.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { culprit } from '../../../src/core/render/parts.js';
import { renderText } from '../../../src/core/render/text.js';
import type { Verdict } from '../../../src/core/verdict/verdict.js';
import { fn, judged, KiB, sampleDiff, sampleVerdict } from './fixtures.js';

/** inuse_space fails; besides sampleDiff's three rows, `noise` tiny rows (1 KiB each, runtime.*). */
function report(
  options: { noise?: number; fold?: boolean; top?: number; sampleIndex?: string; historyWindow?: number } = {},
): Report {
  const tiny = Array.from({ length: options.noise ?? 0 }, (_, i) => fn(`runtime.f${i}`, 0, KiB, 0, KiB));
  const diff = sampleDiff(tiny);
  return buildReport(diff, sampleVerdict(diff), {
    base: 'base.pb.gz',
    current: 'cur.pb.gz',
    top: options.top ?? 10,
    ...(options.sampleIndex !== undefined ? { sampleIndex: options.sampleIndex } : {}),
    ...(options.fold === true ? { fold: { min: { inuse_space: 256 * KiB, inuse_objects: 1000 } } } : {}),
    ...(options.historyWindow !== undefined ? { historyWindow: options.historyWindow } : {}),
  });
}

describe('culprit', () => {
  test('names the failing metrics and the function whose flat grew most in the first', () => {
    expect(culprit(report())).toEqual({
      metrics: [{ name: 'inuse_space', change: '+50.0%' }],
      function: { name: 'main.grow', change: '+768.00 KiB' },
    });
  });

  test('falls back to warning metrics; a shrinking metric takes the function that shrank most; none for a pass', () => {
    const diff = sampleDiff();
    const metrics = judged(diff).map((m) => (m.status === 'fail' ? { ...m, status: 'warn' as const } : m));
    const warned = buildReport(diff, { verdict: 'warn', confidence: 3, metrics }, { base: 'a', current: 'b', top: 10 });
    expect(culprit(warned)?.metrics).toEqual([{ name: 'inuse_space', change: '+50.0%' }]);
    const shrinking = judged(diff).map((m) => (m.status === 'fail' ? { ...m, delta: -m.delta, deltaPercent: -50 } : m));
    const shrank = buildReport(
      diff,
      { verdict: 'fail', confidence: 3, metrics: shrinking },
      { base: 'a', current: 'b', top: 10 },
    );
    expect(culprit(shrank)?.function).toEqual({ name: 'main.shrink', change: '-256.00 KiB' });
    const passing: Verdict = {
      verdict: 'pass',
      confidence: 3,
      metrics: judged(diff).map((m) => ({ ...m, status: 'pass' })),
    };
    expect(culprit(buildReport(diff, passing, { base: 'a', current: 'b', top: 10 }))).toBeNull();
  });
});

describe('the noise floor', () => {
  test("is FOLD_SHARE of the rows' total |flat Δ|, at most the rule's min, and 0 without a min", () => {
    const rows = [fn('a', 0, 1000, 0, 1000), fn('b', 500, 0, 500, 0)];
    expect(noiseFloor(rows, 1e9)).toBe(FOLD_SHARE * 1500);
    expect(noiseFloor(rows, 3)).toBe(3);
    expect(noiseFloor(rows, 0)).toBe(0);
  });

  test('rows below it fold into `rest` with their flat Δ; rows past --top are counted there too', () => {
    // Total |flat Δ| = 768 + 256 + 0 + 40 KiB = 1064 KiB; 0.5% = 5.32 KiB < min 256 KiB: the 1 KiB rows fold.
    const folded = report({ noise: 40, fold: true });
    expect(folded.functions.inuse_space!.map((f) => f.name)).toEqual(['main.grow', 'main.shrink', 'main.main']);
    expect(folded.rest.inuse_space).toEqual({ count: 40, flatDelta: 40 * KiB });
    expect(folded.functionCount.inuse_space).toBe(43);
    // Without folding the same rows are listed up to --top, the rest counted.
    const listed = report({ noise: 40 });
    expect(listed.functions.inuse_space).toHaveLength(10);
    expect(listed.rest.inuse_space).toEqual({ count: 33, flatDelta: 33 * KiB });
  });

  test('a row over the floor by its cum Δ alone is not folded (main.main: flat 0, cum +512 KiB)', () => {
    expect(report({ noise: 5, fold: true }).functions.inuse_space!.map((f) => f.name)).toContain('main.main');
  });
});

describe('text report', () => {
  test('the headline says a short history asks for more only when a history judged the run', () => {
    const headline = (r: Report) => renderText(r, { color: false }).split('\n')[0]!;
    expect(headline(report())).toMatch(/a change is real when z ≥ 3\)$/);
    expect(headline(report({ historyWindow: 30 }))).toMatch(
      /a change is real when z ≥ 3, or more with a short history\)$/,
    );
  });

  test('a type no function changed in says so, without a share of an empty total', () => {
    const r = report({ sampleIndex: 'inuse_objects' });
    const none: Report = {
      ...r,
      functions: { ...r.functions, inuse_objects: [] },
      functionCount: { ...r.functionCount, inuse_objects: 0 },
    };
    const lines = renderText(none, { color: false }).split('\n');
    const at = lines.indexOf('Type: inuse_objects');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('No function changed.');
    expect(lines.join('\n')).not.toContain('Showing all 0 functions');
  });

  test('headline names the failing metric and the culprit; the failing type’s table comes first, folded rows in one line', () => {
    const text = renderText(report({ noise: 40, fold: true, sampleIndex: 'inuse_objects' }), { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'heapgate: FAIL  inuse_space +50.0% — main.grow +768.00 KiB  (1 failed, 0 warned, 1 inconclusive; ' +
        'a change is real when z ≥ 3)',
    );
    const space = lines.indexOf('Type: inuse_space');
    const objects = lines.indexOf('Type: inuse_objects');
    expect(space).toBeGreaterThan(0);
    expect(objects).toBeGreaterThan(space);
    expect(lines).toContain('… 40 more functions, flat Δ +40.00 KiB together');
    expect(text).not.toContain('runtime.f');
  });
});

describe('Markdown', () => {
  test('the fold is a table row; every format says how many functions it holds', () => {
    const md = renderMarkdown(report({ noise: 40, fold: true }));
    expect(md).toContain('| +40.00 KiB | | | | _40 more functions_ |');
    expect(md).not.toContain('runtime.f');
  });

  test('collapsed (comment and summary): passing metrics and the tables after the first inside <details>', () => {
    const md = renderMarkdown(report({ noise: 3, fold: true }), { collapse: true, functionsFor: 'all' });
    const detailsAt = md.indexOf('<details><summary>1 passing metrics</summary>');
    expect(detailsAt).toBeGreaterThan(0);
    // The failing and noise rows stay in the open table, above the collapsed passing one.
    expect(md.indexOf('| `inuse_space` | 1.00 MiB')).toBeLessThan(detailsAt);
    expect(md.indexOf('~ `main\\.grow`')).toBeGreaterThan(detailsAt);
    expect(md).toContain('#### Top function deltas: `inuse_objects`');
    expect(md).toContain('<details><summary>Function deltas: `inuse_space`</summary>');
    expect(md).toContain('Base `base.pb.gz` → current `cur.pb.gz`');
    expect(renderMarkdown(report(), { labels: false })).not.toContain('→ current');
  });

  test('the gate report says which baseline once: the labels line only when there is no baseline line', () => {
    const ctx: GateReportContext = {
      series: 'api',
      verdict: 'fail',
      report: report(),
      baseline: null,
      accepted: null,
      noBaseline: null,
      trend: [],
      update: null,
      reproduce: null,
      htmlReportUrl: null,
    };
    expect(renderGateMarkdown(ctx)).toContain('Base `base.pb.gz` → current `cur.pb.gz`');
  });
});
