/**
 * The Mann–Whitney U test against values computed independently: by enumerating every way to split
 * the pooled values (the permutation distribution itself, with midranks computed the plain way),
 * against hand-computed exact p-values (C(n1+n2, n1) splits, the extreme ones counted by hand), and
 * against the normal approximation's textbook formula for large samples.
 */
import { EXACT_MAX_POOLED, mannWhitneyU } from '../../../src/core/bench/mann-whitney.js';

/** Midranks of the pooled values, the plain O(n²) way. */
function midranks(values: readonly number[]): number[] {
  return values.map((v) => {
    const below = values.filter((w) => w < v).length;
    const equal = values.filter((w) => w === v).length;
    return below + (equal + 1) / 2;
  });
}

/** Two-sided p by enumerating every subset of size n1 of the pooled indices (2 × the smaller tail). */
function enumeratedP(x: readonly number[], y: readonly number[]): number {
  const pooled = [...x, ...y];
  const ranks = midranks(pooled);
  const observed = x.reduce((s, _v, i) => s + ranks[i]!, 0);
  let lower = 0;
  let upper = 0;
  let total = 0;
  const n = pooled.length;
  const walk = (start: number, left: number, sum: number): void => {
    if (left === 0) {
      total++;
      if (sum <= observed + 1e-9) lower++;
      if (sum >= observed - 1e-9) upper++;
      return;
    }
    for (let i = start; i <= n - left; i++) walk(i + 1, left - 1, sum + ranks[i]!);
  };
  walk(0, x.length, 0);
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

describe('mannWhitneyU: exact p-values computed by hand', () => {
  test.each([
    // Complete separation: only 1 of C(N, n1) splits is as extreme on each side.
    [[1, 2, 3, 4], [5, 6, 7, 8], 2 / 70],
    [[1, 2, 3], [4, 5, 6], 2 / 20],
    [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], 2 / 252],
    [[10, 11, 12, 13, 14, 15], [20, 21, 22, 23, 24, 25], 2 / 924],
    // One swap from the extreme: 2 splits of 70 are at least as extreme on the low side.
    [[1, 2, 3, 5], [4, 6, 7, 8], 4 / 70],
    // benchstat's case of constant, different sides: every value tied within its side (C(12,6) = 924).
    [[1024, 1024, 1024, 1024, 1024, 1024], [30488, 30488, 30488, 30488, 30488, 30488], 2 / 924],
  ])('%j vs %j → p = %f', (x, y, p) => {
    const r = mannWhitneyU(x, y);
    expect(r.exact).toBe(true);
    expect(r.p).toBeCloseTo(p, 12);
  });

  test('U counts the pairs where x is larger, ties as one half', () => {
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).u).toBe(0);
    expect(mannWhitneyU([4, 5, 6], [1, 2, 3]).u).toBe(9);
    expect(mannWhitneyU([1, 2, 2], [2, 3]).u).toBe(1); // pairs: (2,2) ×2 = 1
  });

  test('identical samples: p = 1', () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5]).p).toBe(1);
    expect(mannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4]).p).toBe(1);
  });

  test('symmetric: swapping the samples gives the same p', () => {
    const x = [3, 1, 4, 1, 5, 9];
    const y = [2, 6, 5, 3, 5, 8, 9];
    expect(mannWhitneyU(x, y).p).toBeCloseTo(mannWhitneyU(y, x).p, 12);
  });

  test('throws on empty or non-finite samples', () => {
    expect(() => mannWhitneyU([], [1])).toThrow('at least one value');
    expect(() => mannWhitneyU([1, Number.NaN], [1])).toThrow('finite');
  });
});

describe('mannWhitneyU: exact distribution with ties equals enumeration', () => {
  const cases: [number[], number[]][] = [
    [
      [20610, 20610, 20611, 20610, 20609, 20610],
      [20611, 20611, 20609, 20610, 20610, 20610],
    ],
    [
      [1, 1, 2, 2, 3],
      [2, 3, 3, 4],
    ],
    [
      [5, 5, 5, 6],
      [6, 6, 7, 7, 7],
    ],
    [[1], [2, 2, 3]],
    [
      [0, 0, 0, 1, 1, 2, 2, 2],
      [1, 1, 2, 3, 3, 3, 3],
    ],
  ];
  test.each(cases)('%j vs %j', (x, y) => {
    expect(mannWhitneyU(x, y).p).toBeCloseTo(enumeratedP(x, y), 12);
  });

  test('random small samples with many ties', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 40; trial++) {
      const n1 = 1 + Math.floor(next() * 7);
      const n2 = 1 + Math.floor(next() * 7);
      const x = Array.from({ length: n1 }, () => Math.floor(next() * 4));
      const y = Array.from({ length: n2 }, () => Math.floor(next() * 4));
      expect(mannWhitneyU(x, y).p).toBeCloseTo(enumeratedP(x, y), 10);
    }
  });
});

describe('mannWhitneyU: normal approximation beyond EXACT_MAX_POOLED values', () => {
  test('no ties: z from the textbook mean n1·n2/2 and variance n1·n2·(N+1)/12, with continuity correction', () => {
    const x = Array.from({ length: 30 }, (_v, i) => 2 * i); // 0, 2, ..., 58
    const y = Array.from({ length: 30 }, (_v, i) => 2 * i + 11); // 11, 13, ..., 69
    expect(x.length + y.length).toBeGreaterThan(EXACT_MAX_POOLED);
    const r = mannWhitneyU(x, y);
    expect(r.exact).toBe(false);
    // U(x) = pairs x > y: x = 2i beats y = 2j + 11 when j < i - 5.5, i.e. j ≤ i - 6: Σ_{i=6}^{29} (i - 5) = 300.
    expect(r.u).toBe(300);
    const z = (Math.abs(300 - 450) - 0.5) / Math.sqrt((30 * 30 * 61) / 12);
    // z = 149.5 / √4575 = 2.2103; normal tables: Φ(−2.21) = 0.01355, so p = 2Φ(−z) ≈ 0.0271.
    expect(z).toBeCloseTo(2.2103, 3);
    expect(r.p).toBeCloseTo(0.0271, 3);
  });
});
