/** The commit status of a report run: context and one-line description within GitHub's 140 characters. */
import { statusContext, statusText, verdictDescription } from '../../../src/core/render/commit-status.js';
import type { Report } from '../../../src/core/verdict/report.js';
import type { MetricResult } from '../../../src/core/verdict/verdict.js';

function metric(m: Partial<MetricResult>): MetricResult {
  const base: MetricResult = {
    sampleType: 'inuse_space',
    unit: 'bytes',
    pattern: null,
    base: 100,
    current: 200,
    delta: 20 * 1024 * 1024,
    deltaPercent: 20,
    variance: 0,
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
    z: 9,
    status: 'fail',
    partStatus: 'fail',
    rule: 'inuse_space +10%',
    sources: { sampling: 0, runs: 0, history: 0 },
    critical: 3,
    detectable: 0,
    threshold: 10,
    runs: { base: 1, current: 1 },
    history: null,
    drift: null,
  };
  return { ...base, ...m };
}

const report = (metrics: MetricResult[]): Report => ({ metrics }) as unknown as Report;

test('the context names the series', () => {
  expect(statusContext('cache')).toBe('heapgate/cache');
});

test('the verdict leads, followed by the metrics that broke a rule', () => {
  const r = report([
    metric({}),
    metric({ sampleType: 'alloc_space', status: 'pass' }),
    metric({ status: 'warn', sampleType: 'inuse_objects', unit: 'count', delta: 5, deltaPercent: 1 }),
  ]);
  expect(verdictDescription('fail', r)).toBe('fail: inuse_space +20.00 MiB (+20.0%); inuse_objects +5 (+1.0%)');
  expect(verdictDescription('accepted', r)).toMatch(/^accepted: inuse_space /);
  expect(verdictDescription('pass', report([metric({ status: 'pass' })]))).toBe('pass: no rule broken');
  expect(verdictDescription('no-baseline', null)).toBe('no-baseline: nothing to compare against yet');
});

test('a function rule shows its pattern; the text stays on one line within 140 characters', () => {
  const many = Array.from({ length: 20 }, (_, i) => metric({ pattern: `^pkg${i}\\.` }));
  const d = verdictDescription('fail', report(many));
  expect(d.length).toBe(140);
  expect(d.endsWith('…')).toBe(true);
  expect(d.startsWith('fail: inuse_space ~ /^pkg0\\./ +20.00 MiB')).toBe(true);
  expect(statusText('error: a\nb\r\n\u001b[31mc')).toBe('error: a b \\x1b[31mc');
});
