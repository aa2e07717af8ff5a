import { describe, expect, it } from '@jest/globals';
import {
  consecutiveChanges,
  runNoise,
  fellAlone,
  metricSeries,
  sdWithoutLargest,
  type HistoryPoint,
} from '../../../src/core/stats/run-noise.js';
import { quantile } from '../../../src/core/stats/quantile.js';
import { criticalValue, normalUpperTail, tUpperQuantile, tUpperTail } from '../../../src/core/stats/student-t.js';

const SPACE = { type: 'inuse_space', unit: 'bytes' };
const point = (total: number, period = 1): HistoryPoint => ({ sampleType: [SPACE], total: [total], period });

describe('normal and Student t tails', () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.025],
    [3, 0.0013498980316301],
    [-1, 0.8413447460685429],
  ])('P(Z > %d) = %d', (z, p) => {
    expect(normalUpperTail(z)).toBeCloseTo(p, 12);
  });

  it.each([
    // Student t table values (two-sided 95 %, one-sided 99.9 %).
    [2.446911851144969, 6, 0.025],
    [5.207626238838042, 6, 0.001],
    [2.2281388519649385, 10, 0.025],
  ])('P(T > %d) with %d degrees of freedom = %d, and back', (t, df, p) => {
    expect(tUpperTail(t, df)).toBeCloseTo(p, 9);
    expect(tUpperQuantile(p, df)).toBeCloseTo(t, 6);
  });

  it('the critical value keeps the one-sided level of the confidence: larger with fewer degrees of freedom', () => {
    expect(criticalValue(3, Number.POSITIVE_INFINITY)).toBe(3);
    expect(criticalValue(0, 3)).toBe(0);
    const values = [3, 6, 9, 28, 1000].map((df) => criticalValue(3, df));
    expect(values[1]).toBeCloseTo(4.904, 2);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
    expect(values[4]).toBeCloseTo(3, 1);
    expect(tUpperTail(values[1]!, 6)).toBeCloseTo(normalUpperTail(3), 9);
  });
});

describe('quantiles and consecutive changes', () => {
  it('interpolates quantiles linearly (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25, 12);
    expect(quantile([5], 0.5)).toBe(5);
  });

  it('changes relative to the earlier value, in percent; none from 0', () => {
    expect(consecutiveChanges([100, 110, 99, 0, 50])).toEqual([10, -10, -100]);
  });
});

describe('runNoise', () => {
  it('is uncalibrated below 5 usable baselines, counting only those at the same sampling rate', () => {
    const points = [point(100), point(101), point(99), point(100, 524288), point(102)];
    expect(runNoise(points, SPACE, 1)).toEqual({
      kind: 'uncalibrated',
      baselines: 4,
      needed: 5,
      levels: 1,
      changes: 3,
    });
    expect(runNoise([], SPACE, 1)).toEqual({ kind: 'uncalibrated', baselines: 0, needed: 5, levels: 0, changes: 0 });
    expect(runNoise([point(100)], { type: 'alloc_space', unit: 'bytes' }, 1)).toMatchObject({ baselines: 0 });
  });

  it('counts only baselines of as many runs as the run judged (a mean of 5 runs moves less than one run)', () => {
    const five = (total: number): HistoryPoint => ({ ...point(total), runs: 5 });
    const points = [five(100), point(130), five(101), five(99), point(70), five(100), five(102)];
    expect(runNoise(points, SPACE, 1, 5)).toMatchObject({ kind: 'calibrated', baselines: 5 });
    expect(runNoise(points, SPACE, 1)).toEqual({
      kind: 'uncalibrated',
      baselines: 2,
      needed: 5,
      levels: 1,
      changes: 1,
    });
  });

  it('σ = IQR / 1.349 of the changes, df = changes − 1, and the mean inside the far fences', () => {
    // Changes: +10, -10, +10, -10, +10, -10 (percent of the earlier value).
    const totals = [1000, 1100, 990, 1089, 980.1, 1078.11, 970.299];
    const n = runNoise(
      totals.map((t) => point(t)),
      SPACE,
      1,
    );
    expect(n.kind).toBe('calibrated');
    if (n.kind !== 'calibrated') return;
    expect(n.baselines).toBe(7);
    expect(n.df).toBe(5);
    // Quartiles of [-10, -10, -10, 10, 10, 10]: -10 and 10 → IQR 20.
    expect(n.sdPercent).toBeCloseTo(20 / 1.3489795003921634, 9);
    expect(n.meanChangePercent).toBeCloseTo(0, 9);
  });

  it('leaves a latest run that fell alone out of the noise, and says it fell alone', () => {
    // Runs within ±1 %, then one at −20 % (a late GC, or a step down not yet confirmed), which is the
    // latest baseline: not noise, and the verdict judges the next run against the level before it
    // (verdict.test.ts, "a base that fell alone").
    const totals = [100, 101, 100, 101, 100, 101, 100, 80];
    const points = totals.map((t) => point(t));
    const n = runNoise(points, SPACE, 1);
    if (n.kind !== 'calibrated') throw new Error('expected calibrated');
    expect(n.sdPercent).toBeLessThan(2);
    expect(fellAlone(metricSeries(points, SPACE, 1))).toBe(true);
    expect(fellAlone(metricSeries(points.slice(0, -1), SPACE, 1))).toBe(false);
    expect(fellAlone(metricSeries([...points.slice(0, -1), point(120)], SPACE, 1))).toBe(false);
    expect(sdWithoutLargest([1, -30, 1, -1, 25])).toBeCloseTo(Math.sqrt((1 + 1 + 1 + 625) / 4), 9);
  });

  it('is not inflated by one real step in the history (a standard deviation would be)', () => {
    const steady = [100, 101, 100, 101, 100, 101, 100, 101, 100];
    const stepped = [...steady.slice(0, 5), 200, 202, 200, 202];
    const a = runNoise(
      steady.map((t) => point(t)),
      SPACE,
      1,
    );
    const b = runNoise(
      stepped.map((t) => point(t)),
      SPACE,
      1,
    );
    if (a.kind !== 'calibrated' || b.kind !== 'calibrated') throw new Error('expected calibrated');
    expect(b.sdPercent).toBeLessThan(1.5 * a.sdPercent);
    // The +98 % step lies outside the far fences: the mean change stays near 0.
    expect(Math.abs(b.meanChangePercent)).toBeLessThan(1);
  });
});
