/**
 * Drift in the reports: a creep judged through evaluate (with a real series history) and rendered
 * as text, Markdown and JSON — plainly, with the merges that rose it, and hostile names escaped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { ProfileDiff } from '../../../src/core/compare/diff.js';
import { renderJson } from '../../../src/core/render/json.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { renderText } from '../../../src/core/render/text.js';
import { parseRules } from '../../../src/core/rules/resolve.js';
import { metricHistory } from '../../../src/core/stats/metric-history.js';
import type { HistoryPoint } from '../../../src/core/stats/run-noise.js';
import { buildReport } from '../../../src/core/verdict/report.js';
import { evaluate } from '../../../src/core/verdict/verdict.js';
import { validate } from './json-schema.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8'));

/** A sample type name a hostile profile could carry. */
const TYPE = 'inuse_<b>space</b>|`x`';
const VT = { type: TYPE, unit: 'bytes' } as const;
const sha = (i: number) => `${(0xabc0000 + i).toString(16)}${'0'.repeat(33)}`;

/**
 * 12 flat baselines with ±1 % noise, then three merges of +9 %, +11 %, +10 % over the last flat one
 * (pull requests 41, 44, 47; the first rise is +8.7 % over the flat level's mean).
 */
function points(): HistoryPoint[] {
  const noise = [0, 1, -1, 0.5, -0.5, 1, -1, 0, 0.7, -0.7, 0.3, -0.3];
  const totals = noise.map((n) => 1e8 * (1 + n / 100));
  totals.push(totals[11]! * 1.09, totals[11]! * 1.09 * 1.11, totals[11]! * 1.09 * 1.11 * 1.1);
  const prs = [...Array(12).keys(), 41, 44, 47];
  return totals.map((t, i) => ({ sampleType: [VT], total: [t], period: 1, sha: sha(i), pullRequest: prs[i]! }));
}

function creepReport() {
  const history = points();
  const base = history[history.length - 1]!.total[0]!;
  const current = base * 1.02;
  const diff: ProfileDiff = {
    metrics: [
      {
        sampleType: TYPE,
        unit: 'bytes',
        base,
        current,
        delta: current - base,
        deltaPercent: 2,
        z: null,
        variance: 0,
        runs: { base: 1, current: 1 },
        runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
      },
    ],
    functions: {},
    focus: [],
    defaultSampleType: TYPE,
    warnings: [],
    scalesWithIterations: false,
  };
  const rules = parseRules('inuse_x +15%').map((r) => ({ ...r, sampleType: TYPE }));
  const judged = evaluate(diff, rules, { history: new Map([[TYPE, metricHistory(history, VT, 1, 1)]]) });
  return buildReport(diff, judged, { base: 'base', current: 'current', top: 5, historyWindow: 30 });
}

describe('drift in the reports', () => {
  const report = creepReport();
  const m = report.metrics[0]!;

  it('fails a +2 % run that completes a creep of +35 % since the level before it', () => {
    expect(m.status).toBe('fail');
    expect(m.drift).toMatchObject({ status: 'fail', percent: 15, merges: 3, baselines: 12 });
    expect(m.drift!.deltaPercent).toBeCloseTo(35.1, 0);
    expect(m.drift!.rises.map((r) => r.pullRequest)).toEqual([41, 44, 47]);
  });

  it('says so in text, naming the commit the level ends at and the merges that rose it', () => {
    const text = renderText(report, { color: false });
    const line = text.split('\n').find((l) => l.includes('crept'));
    expect(line).toMatch(
      /^ {2}inuse_<b>space<\/b>\|`x` crept \+35\.\d% over 4 merges since abc000b \(#11\) \(#41 \+8\.7%, #44 \+11\.0%, #47 \+10\.0%\): over the \+15% drift rule \(z \d+\.\d ≥ \d\.\d\)$/,
    );
    expect(text).toContain("Drift from the series' reference level:");
    // The headline names the drift beside the run's own change.
    expect(text.split('\n')[0]).toContain('+2.0% (+35.');
  });

  it('keeps the hostile sample type in a code span in Markdown', () => {
    const md = renderMarkdown(report);
    const line = md.split('\n').find((l) => l.includes('crept'))!;
    // Inside a code span the markup is text.
    expect(line.startsWith('- `` inuse_<b>space</b>|`x` `` crept +35.')).toBe(true);
    expect(line).toContain('over 4 merges since `abc000b (#11)` (#41 +8.7%, #44 +11.0%, #47 +10.0%)');
  });

  it('is in the JSON report, which matches the schema', () => {
    const json = JSON.parse(renderJson(report));
    expect(validate(json, schema)).toEqual([]);
    expect(json.metrics[0].drift).toMatchObject({
      status: 'fail',
      merges: 3,
      since: { sha: sha(11), pullRequest: 11 },
    });
    expect(json.metrics[0].history).toMatchObject({ kind: 'calibrated', levels: 4 });
  });
});
