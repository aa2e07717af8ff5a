/** The level drift is measured from: before the latest rise, never before an accepted level. */
import { describe, expect, it } from '@jest/globals';
import { referenceLevel } from '../../../src/core/stats/reference-level.js';
import { metricSeries, type HistoryPoint } from '../../../src/core/stats/run-noise.js';

const SPACE = { type: 'inuse_space', unit: 'bytes' } as const;

/** Points of these totals, commit `c<i>` and pull request i; `accepted` lists accepted indices. */
function points(totals: readonly number[], accepted: readonly number[] = []): HistoryPoint[] {
  return totals.map((t, i) => ({
    sampleType: [SPACE],
    total: [t],
    period: 1,
    sha: `c${i}`,
    pullRequest: i,
    ...(accepted.includes(i) ? { accepted: true } : {}),
  }));
}

function reference(totals: readonly number[], accepted: readonly number[] = []) {
  const p = points(totals, accepted);
  return referenceLevel(metricSeries(p, SPACE, 1, 1), p);
}

const flat = (v: number, n: number): number[] => Array.from({ length: n }, () => v);

describe('referenceLevel', () => {
  it('is the only level of a flat series, with nothing after it', () => {
    expect(reference(flat(100, 10))).toEqual({
      mean: 100,
      baselines: 10,
      since: { sha: 'c9', pullRequest: 9 },
      accepted: false,
      acceptedBy: null,
      after: 0,
      rises: [],
    });
  });

  it('is the level before a creep, listing each rise with its commit and pull request', () => {
    const r = reference([...flat(100, 10), 110, 121, 133.1]);
    expect(r).toMatchObject({ mean: 100, baselines: 10, since: { sha: 'c9' }, after: 3 });
    expect(r!.rises.map((x) => [x.sha, x.pullRequest, Math.round(x.percent)])).toEqual([
      ['c10', 10, 10],
      ['c11', 11, 10],
      ['c12', 12, 10],
    ]);
  });

  it('stays before a rise that held: a level above the one before it is never the reference', () => {
    expect(reference([...flat(100, 10), ...flat(125, 10)])).toMatchObject({ mean: 100, after: 10 });
  });

  it('moves to an accepted level, even one that rose', () => {
    expect(reference([...flat(100, 10), ...flat(125, 10)], [10])).toMatchObject({
      mean: 125,
      baselines: 10,
      accepted: true,
      after: 0,
    });
  });

  it('never goes back before an accepted level', () => {
    // Accepted at 120, then a creep: drift counts from 120, not from 100.
    const r = reference([...flat(100, 10), ...flat(120, 5), 132, 145.2], [10]);
    expect(r).toMatchObject({ mean: 120, accepted: true, after: 2 });
    expect(r!.rises.map((x) => x.sha)).toEqual(['c15', 'c16']);
  });

  it('is a later level that fell (an improvement), not the one before it', () => {
    expect(reference([...flat(100, 10), ...flat(80, 10), 88])).toMatchObject({ mean: 80, after: 1 });
  });

  it('skips a latest single low value: it may be a run that retained less, not a level', () => {
    expect(reference([...flat(100, 10), 70])).toMatchObject({ mean: 100, after: 1, rises: [] });
  });

  it('is the earliest level of two or more baselines when none before the latest rise qualifies', () => {
    expect(reference([50, ...flat(100, 10)])).toMatchObject({ mean: 100, baselines: 10 });
  });

  it('is null without a level of two baselines', () => {
    expect(reference([])).toBeNull();
    expect(reference([100])).toBeNull();
  });
});
