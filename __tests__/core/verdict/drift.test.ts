/** Drift: the run against the reference level, under the rule's drift clause. */
import { describe, expect, it } from '@jest/globals';
import type { MetricDelta } from '../../../src/core/compare/diff.js';
import { parseRules } from '../../../src/core/rules/resolve.js';
import type { ReferenceLevel } from '../../../src/core/stats/reference-level.js';
import type { RunNoise } from '../../../src/core/stats/run-noise.js';
import { judgeDrift } from '../../../src/core/verdict/drift.js';

const noise = (sdPercent: number, df = 28): RunNoise => ({
  kind: 'calibrated',
  baselines: df + 2,
  levels: 2,
  changes: df + 1,
  meanChangePercent: 0,
  sdPercent,
  df,
});

const reference = (mean: number, baselines = 10): ReferenceLevel => ({
  mean,
  baselines,
  since: { sha: 'c9', pullRequest: 9 },
  accepted: false,
  acceptedBy: null,
  after: 3,
  rises: [
    { sha: 'c10', pullRequest: 10, percent: 9 },
    { sha: 'c11', pullRequest: 11, percent: 11 },
  ],
});

function current(value: number, base = value): MetricDelta {
  return {
    sampleType: 'inuse_space',
    unit: 'bytes',
    base,
    current: value,
    delta: value - base,
    deltaPercent: (100 * (value - base)) / base,
    z: null,
    variance: 0,
    runs: { base: 1, current: 1 },
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
  };
}

const rule = (text: string) => parseRules(text)[0]!;

describe('judgeDrift', () => {
  it('fails a run above the reference by more than the rule’s percent, with the merges that rose it', () => {
    const d = judgeDrift(current(1380, 1270), rule('inuse_space +15%'), noise(2), reference(1000), 3)!;
    expect(d).toMatchObject({ status: 'fail', percent: 15, reference: 1000, delta: 380, merges: 3 });
    expect(d.deltaPercent).toBeCloseTo(38, 9);
    // The comparison's noise: σ of a change between two runs, 2 % of the level (no sampling here).
    expect(d.z).toBeCloseTo(380 / 20, 9);
    expect(d.rises.map((r) => r.pullRequest)).toEqual([10, 11]);
    expect(d.since).toEqual({ sha: 'c9', pullRequest: 9 });
  });

  it.each([
    ['under the percent', 'inuse_space +15%', 1140, 'pass'],
    ['its own percent: drift +25%', 'inuse_space +15% drift +25%', 1200, 'pass'],
    ['over its own percent', 'inuse_space +15% drift +25%', 1260, 'fail'],
    ['under the min', 'inuse_space +15% min 500', 1300, 'pass'],
  ] as const)('%s', (_, text, value, status) => {
    expect(judgeDrift(current(value), rule(text), noise(2), reference(1000), 3)!.status).toBe(status);
  });

  it('is inconclusive over the percent when the noise could explain it', () => {
    // σ 20 %: a +20 % drift is z ≈ 1.35.
    expect(judgeDrift(current(1200), rule('inuse_space +15%'), noise(20), reference(1000), 3)!.status).toBe(
      'inconclusive',
    );
  });

  it('uses Student’s t for a short history', () => {
    const d = judgeDrift(current(1200), rule('inuse_space +15%'), noise(2, 4), reference(1000), 3)!;
    expect(d.critical).toBeGreaterThan(4);
  });

  it('is not judged with drift off, a rule off, an uncalibrated history or no reference level', () => {
    const uncalibrated: RunNoise = { kind: 'uncalibrated', baselines: 3, needed: 5, levels: 1, changes: 2 };
    expect(judgeDrift(current(2000), rule('inuse_space +15% drift off'), noise(2), reference(1000), 3)).toBeNull();
    expect(judgeDrift(current(2000), rule('inuse_space off'), noise(2), reference(1000), 3)).toBeNull();
    expect(judgeDrift(current(2000), rule('inuse_space +15%'), uncalibrated, reference(1000), 3)).toBeNull();
    expect(judgeDrift(current(2000), rule('inuse_space +15%'), null, reference(1000), 3)).toBeNull();
    expect(judgeDrift(current(2000), rule('inuse_space +15%'), noise(2), null, 3)).toBeNull();
  });
});
