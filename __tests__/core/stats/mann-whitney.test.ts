/**
 * The Mann–Whitney U test against values computed independently: by enumerating every way to split
 * the pooled values (the permutation distribution itself, with midranks computed the plain way),
 * against hand-computed exact p-values (C(n1+n2, n1) splits, the extreme ones counted by hand), and
 * against the normal approximation's textbook formula for large samples.
 */
import { EXACT_MAX_RUNS, EXACT_MAX_RUNS_WITH_TIES, mannWhitneyU } from '../../../src/core/stats/mann-whitney.js';

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

describe('mannWhitneyU: exact without ties up to 50 runs a side, as benchstat', () => {
  test('complete separation of 30 and 30 runs: p = 2 / C(60, 30)', () => {
    const x = Array.from({ length: 30 }, (_v, i) => i);
    const y = Array.from({ length: 30 }, (_v, i) => 100 + i);
    const r = mannWhitneyU(x, y);
    expect(r.exact).toBe(true);
    // C(60, 30) = 118264581564861424.
    expect(r.p / (2 / 118264581564861424)).toBeCloseTo(1, 9);
  });

  test('without ties it equals enumeration', () => {
    let seed = 11;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 30; trial++) {
      const n1 = 1 + Math.floor(next() * 8);
      const n2 = 1 + Math.floor(next() * 8);
      const values = [...new Set(Array.from({ length: 64 }, () => Math.floor(next() * 1e6)))];
      const x = values.slice(0, n1);
      const y = values.slice(n1, n1 + n2);
      expect(mannWhitneyU(x, y).p).toBeCloseTo(enumeratedP(x, y), 12);
    }
  });

  test('at 50 runs a side it is exact, and the normal approximation is close to it there', () => {
    const x = Array.from({ length: 50 }, (_v, i) => 2 * i);
    const y = Array.from({ length: 50 }, (_v, i) => 2 * i + 13);
    const exact = mannWhitneyU(x, y);
    expect(exact.exact).toBe(true);
    const u = exact.u;
    const z = (Math.abs(u - 1250) - 0.5) / Math.sqrt((50 * 50 * 101) / 12);
    const approx = 2 * (1 - normalCdfForTest(z));
    expect(Math.abs(exact.p - approx)).toBeLessThan(0.002);
  });
});

describe('mannWhitneyU: normal approximation beyond the exact limits', () => {
  test('no ties: z from the textbook mean n1·n2/2 and variance n1·n2·(N+1)/12, with continuity correction', () => {
    const x = Array.from({ length: 60 }, (_v, i) => 2 * i); // 0, 2, ..., 118
    const y = Array.from({ length: 60 }, (_v, i) => 2 * i + 15); // 15, 17, ..., 133
    expect(x.length).toBeGreaterThan(EXACT_MAX_RUNS);
    const r = mannWhitneyU(x, y);
    expect(r.exact).toBe(false);
    // U(x) = pairs x > y: x = 2i beats y = 2j + 15 when j ≤ i − 8: Σ_{i=8}^{59} (i − 7) = Σ_{k=1}^{52} k = 1378.
    expect(r.u).toBe(1378);
    const z = (Math.abs(1378 - 1800) - 0.5) / Math.sqrt((60 * 60 * 121) / 12);
    // z = 421.5 / √36300 = 2.2123; normal tables: Φ(−2.21) = 0.01355, so p = 2Φ(−z) ≈ 0.0269.
    expect(z).toBeCloseTo(2.2123, 3);
    expect(r.p).toBeCloseTo(0.0269, 3);
  });

  test('with ties, more than 25 runs a side use the approximation', () => {
    const x = Array.from({ length: 26 }, (_v, i) => Math.floor(i / 2));
    const y = Array.from({ length: 26 }, (_v, i) => Math.floor(i / 2) + 3);
    expect(mannWhitneyU(x, y).exact).toBe(false);
    expect(mannWhitneyU(x.slice(0, 25), y.slice(0, 25)).exact).toBe(true);
    expect(EXACT_MAX_RUNS_WITH_TIES).toBe(25);
  });
});

/** Φ(z) by the Zelen–Severo series (26.2.17), independent of the module's own approximation. */
function normalCdfForTest(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}
