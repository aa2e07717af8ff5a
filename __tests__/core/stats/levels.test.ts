/** Levels of a series: PELT on log values, σ from inside the levels, outliers kept inside. */
import { describe, expect, it } from '@jest/globals';
import { segmentLevels } from '../../../src/core/stats/levels.js';
import { normal, prng } from '../../helpers/series-sim.js';

/** `n` values around `level` with relative noise `sd` (seeded). */
function noisy(level: number, n: number, sd: number, seed: number): number[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, () => level * (1 + sd * normal(rnd)));
}

const bounds = (values: readonly number[]): number[] => segmentLevels(values).levels.map((l) => l.from);

describe('segmentLevels', () => {
  it.each([
    ['no values', [], []],
    ['one value', [100], [0]],
    ['a constant series (exact profiles of a deterministic program)', Array(20).fill(5000), [0]],
    ['one step', [...Array(10).fill(100), ...Array(10).fill(120)], [0, 10]],
    ['a step down and back', [...Array(8).fill(100), ...Array(8).fill(80), ...Array(8).fill(100)], [0, 8, 16]],
    [
      'a creep: every merge a step of 10 %',
      [100, 100, 100, 100, 110, 121, 133.1, 146.41, 146.41, 146.41],
      [0, 4, 5, 6, 7],
    ],
    ['a latest value that stepped', [...Array(12).fill(100), 130], [0, 12]],
  ])('%s', (_, values, from) => {
    expect(bounds(values)).toEqual(from);
  });

  it('covers every value once, in order, with each level’s mean', () => {
    const values = [...noisy(100, 15, 0.02, 1), ...noisy(150, 15, 0.02, 2)];
    const { levels } = segmentLevels(values);
    expect(levels.map((l) => [l.from, l.to])).toEqual([
      [0, 15],
      [15, 30],
    ]);
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(levels[0]!.mean).toBeCloseTo(mean(values.slice(0, 15)), 9);
    expect(levels[1]!.mean).toBeCloseTo(mean(values.slice(15)), 9);
  });

  it('keeps a single outlier inside its level (a run whose GC came late is not two steps)', () => {
    const values = noisy(100, 25, 0.015, 3);
    values[12] = 125;
    expect(bounds(values)).toEqual([0]);
  });

  it('estimates σ from inside the levels, so a step does not inflate it', () => {
    const values = [...noisy(100, 15, 0.015, 4), ...noisy(200, 15, 0.015, 5)];
    const { sigma } = segmentLevels(values);
    expect(sigma).toBeGreaterThan(0.008);
    expect(sigma).toBeLessThan(0.025);
  });

  it('rarely cuts a flat Gaussian history of 30 (seeds 0–199, 1.5 % and 5 % noise): at most 1 in 8', () => {
    for (const sd of [0.015, 0.05]) {
      let split = 0;
      for (let seed = 0; seed < 200; seed++) if (segmentLevels(noisy(1e8, 30, sd, seed)).levels.length > 1) split++;
      // Measured: 20 of 200 at either noise. A false boundary in a flat series costs the gate little: the
      // levels on both sides are close, so drift and noise barely move (the rates in series-gate.test.ts).
      expect(split).toBeLessThanOrEqual(25);
    }
  });

  it.each([
    [5, 0.015],
    [10, 0.015],
    [20, 0.015],
    [20, 0.05],
  ])('finds a +%d %% step (noise σ %d) at its merge in 30 values, and its size', (percent, sd) => {
    // 20 values, then the step, then 10: measured over 100 seeds.
    const found: number[] = [];
    const error: number[] = [];
    for (let seed = 0; seed < 100; seed++) {
      const values = [...noisy(100, 20, sd, 1000 + seed), ...noisy(100 * (1 + percent / 100), 10, sd, 2000 + seed)];
      const { levels } = segmentLevels(values);
      const at = levels.findIndex((l) => l.from >= 19 && l.from <= 21);
      if (at <= 0) continue;
      found.push(levels[at]!.from);
      error.push(Math.abs(100 * (levels[at]!.mean / levels[at - 1]!.mean - 1) - percent));
    }
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    // Measured (found within one merge / at its merge / median size error): +5 % at 1.5 % noise (3.3σ)
    // 98 / 88 / 0.38 points; +10 % 100 / 99 / 0.41; +20 % 100 / 99 / 0.45; +20 % at 5 % noise 99 / 94 / 1.5.
    expect(found.length).toBeGreaterThanOrEqual(percent >= 10 && sd < 0.05 ? 100 : 95);
    expect(found.filter((f) => f === 20).length).toBeGreaterThanOrEqual(0.85 * found.length);
    // Its size: the levels' means, of 10 and 20 values, within about σ/√10 of the truth.
    expect(median(error)).toBeLessThan(Math.max(1, 50 * sd));
  });

  it('is deterministic and fast on 1,000 values', () => {
    const values = [...noisy(100, 500, 0.03, 6), ...noisy(130, 500, 0.03, 7)];
    const a = segmentLevels(values);
    expect(segmentLevels(values)).toEqual(a);
    expect(a.levels.map((l) => l.from)).toEqual([0, 500]);
  });

  it('refuses a value that is not positive and finite', () => {
    expect(() => segmentLevels([1, 0, 2])).toThrow(RangeError);
    expect(() => segmentLevels([1, Number.NaN])).toThrow(RangeError);
  });
});
