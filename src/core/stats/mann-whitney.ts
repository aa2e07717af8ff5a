/**
 * The two-sided Mann–Whitney U test, as benchstat uses it (golang.org/x/perf/benchmath's
 * AssumeNothing, through go-moremath's MannWhitneyUTest with LocationDiffers): the p-value of
 * "the two samples come from the same distribution" against "one tends to be larger". Ties get
 * midranks. Up to EXACT_MAX_RUNS runs a side (EXACT_MAX_RUNS_WITH_TIES with ties), as go-moremath,
 * the p-value is exact: the permutation distribution of U given the samples' tie structure (every
 * way of choosing which n1 of the pooled values are the first sample is equally likely under the
 * null hypothesis). For larger ones, the normal approximation with the tie correction of the
 * variance and a continuity correction. Pure.
 */

/**
 * The largest sample (on each side) whose p-value comes from the exact distribution, as in
 * go-moremath's MannWhitneyUTest that benchstat calls: 50 without ties, 25 with ties (whose exact
 * distribution costs more); larger ones get the normal approximation.
 */
export const EXACT_MAX_RUNS = 50;
export const EXACT_MAX_RUNS_WITH_TIES = 25;

export interface MannWhitneyResult {
  /**
   * U of the first sample: the pairs (x, y) with x > y, plus half the pairs with x = y (0 … n1·n2).
   */
  readonly u: number;
  /** Two-sided p-value: 2 × the smaller tail of U's distribution at the observed U, at most 1. */
  readonly p: number;
  /** True when p comes from the exact distribution, false for the normal approximation. */
  readonly exact: boolean;
}

/** Ranks of the pooled values, doubled so midranks stay integers: per tie group, its doubled midrank and size. */
interface TieGroup {
  readonly doubledRank: number;
  readonly size: number;
  /** How many of the group's values belong to the first sample. */
  readonly fromX: number;
}

function tieGroups(x: readonly number[], y: readonly number[]): TieGroup[] {
  const pooled = [...x.map((v) => ({ v, fromX: 1 })), ...y.map((v) => ({ v, fromX: 0 }))].sort((a, b) => a.v - b.v);
  const groups: TieGroup[] = [];
  let start = 0;
  while (start < pooled.length) {
    let end = start;
    let fromX = 0;
    while (end < pooled.length && pooled[end]!.v === pooled[start]!.v) fromX += pooled[end++]!.fromX;
    const size = end - start;
    // Ranks start+1 … end: their mean is (start + 1 + end) / 2, doubled start + 1 + end.
    groups.push({ doubledRank: start + 1 + end, size, fromX });
    start = end;
  }
  return groups;
}

/** Binomial coefficients C(n, 0 … n) as floating-point numbers. */
function binomials(n: number): number[] {
  const row = [1];
  for (let k = 1; k <= n; k++) row.push((row[k - 1]! * (n - k + 1)) / k);
  return row;
}

/**
 * P(S ≤ s) and P(S ≥ s) for the doubled rank sum S of n1 values drawn without replacement from the
 * tie groups: a dynamic programme over the groups, counting the ways to take j values of each.
 */
function exactTails(groups: readonly TieGroup[], n1: number, observed: number): { lower: number; upper: number } {
  const pooled = groups.reduce((n, g) => n + g.size, 0);
  const maxSum = pooled * (pooled + 1);
  const width = maxSum + 1;
  let ways = new Float64Array((n1 + 1) * width);
  ways[0] = 1;
  // The sums reachable with k values taken so far lie in [lo[k], hi[k]]: only that span is visited.
  let lo = new Int32Array(n1 + 1).fill(width);
  let hi = new Int32Array(n1 + 1).fill(-1);
  lo[0] = 0;
  hi[0] = 0;
  for (const g of groups) {
    const next = new Float64Array(ways.length);
    const nextLo = new Int32Array(n1 + 1).fill(width);
    const nextHi = new Int32Array(n1 + 1).fill(-1);
    const choose = binomials(g.size);
    for (let k = 0; k <= n1; k++) {
      for (let s = lo[k]!; s <= hi[k]!; s++) {
        const w = ways[k * width + s]!;
        if (w === 0) continue;
        for (let j = 0; j <= g.size && k + j <= n1; j++) {
          const to = s + j * g.doubledRank;
          next[(k + j) * width + to]! += w * choose[j]!;
          if (to < nextLo[k + j]!) nextLo[k + j] = to;
          if (to > nextHi[k + j]!) nextHi[k + j] = to;
        }
      }
    }
    ways = next;
    lo = nextLo;
    hi = nextHi;
  }
  let total = 0;
  let lower = 0;
  let upper = 0;
  for (let s = 0; s < width; s++) {
    const w = ways[n1 * width + s]!;
    total += w;
    if (s <= observed) lower += w;
    if (s >= observed) upper += w;
  }
  return { lower: lower / total, upper: upper / total };
}

/**
 * P(U ≤ u) and P(U ≥ u) without ties: the number of splits with U = k is the coefficient of q^k in
 * the Gaussian binomial [n1 + n2 choose n1]_q, built as ∏_{i=1..n1} (1 − q^(n2+i)) / (1 − q^i), one
 * factor pair at a time so every intermediate is again a Gaussian binomial (positive coefficients),
 * and scaled to probabilities as it goes. O(n1² · n2) operations.
 */
function exactTailsNoTies(n1: number, n2: number, u: number): { lower: number; upper: number } {
  const degree = n1 * n2;
  let poly = new Float64Array(degree + 1);
  poly[0] = 1;
  for (let i = 1; i <= n1; i++) {
    // × (1 − q^(n2+i)), then ÷ (1 − q^i): [n2+i choose i] from [n2+i−1 choose i−1].
    const next = new Float64Array(degree + 1);
    const shift = n2 + i;
    for (let k = 0; k <= degree; k++) next[k] = poly[k]! - (k >= shift ? poly[k - shift]! : 0);
    for (let k = i; k <= degree; k++) next[k]! += next[k - i]!;
    // Divide by the coefficients' sum, C(n2+i, i) / C(n2+i−1, i−1) = (n2 + i) / i, to stay near 1.
    const scale = i / (n2 + i);
    for (let k = 0; k <= degree; k++) next[k] = next[k]! * scale;
    poly = next;
  }
  let total = 0;
  let lower = 0;
  let upper = 0;
  for (let k = 0; k <= degree; k++) {
    const w = poly[k]!;
    total += w;
    if (k <= u) lower += w;
    if (k >= u) upper += w;
  }
  return { lower: lower / total, upper: upper / total };
}

/** The standard normal CDF (Abramowitz–Stegun 7.1.26 on erf; absolute error below 1.5e-7). */
function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Mann–Whitney U test of `x` against `y` (each at least one value, all finite). When every value of
 * both samples is the same, nothing tells them apart: p = 1. Throws a plain Error on empty or
 * non-finite input (callers check their data first).
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  if (x.length === 0 || y.length === 0) throw new Error('mannWhitneyU needs at least one value in each sample');
  if (![...x, ...y].every(Number.isFinite)) throw new Error('mannWhitneyU needs finite values');
  const n1 = x.length;
  const n2 = y.length;
  const groups = tieGroups(x, y);
  const doubledRankSum = groups.reduce((s, g) => s + g.fromX * g.doubledRank, 0);
  const u = doubledRankSum / 2 - (n1 * (n1 + 1)) / 2;
  if (groups.length === 1) return { u, p: 1, exact: true };
  const pooled = n1 + n2;
  const ties = groups.length < pooled;
  const limit = ties ? EXACT_MAX_RUNS_WITH_TIES : EXACT_MAX_RUNS;
  if (n1 <= limit && n2 <= limit) {
    const { lower, upper } = ties ? exactTails(groups, n1, doubledRankSum) : exactTailsNoTies(n1, n2, u);
    return { u, p: Math.min(1, 2 * Math.min(lower, upper)), exact: true };
  }
  // Normal approximation: var(U) = n1·n2/12 · ((N + 1) − Σ(t³ − t) / (N(N − 1))).
  const tieTerm = groups.reduce((s, g) => s + g.size ** 3 - g.size, 0) / (pooled * (pooled - 1));
  const sd = Math.sqrt(((n1 * n2) / 12) * (pooled + 1 - tieTerm));
  const distance = Math.max(0, Math.abs(u - (n1 * n2) / 2) - 0.5);
  return { u, p: Math.min(1, 2 * normalCdf(-distance / sd)), exact: false };
}
