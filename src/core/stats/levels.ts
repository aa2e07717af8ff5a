/**
 * Levels of a series: the stored totals of a metric (oldest first) cut into stretches of constant
 * mean by PELT (Killick, Fearnhead & Eckley 2012), on the logarithm of the values so a step is a
 * ratio and the noise a relative one. See docs/noise-model.md ("Levels and steps") for the method
 * and the measurements that chose its penalty.
 *
 * - Cost of a stretch: Σ (y − ȳ)² / σ², the Gaussian cost of a constant mean with noise σ.
 * - Penalty per level boundary: PENALTY_PER_LOG_N · ln n, a BIC-type penalty raised above BIC's
 *   2 ln n (measured: no false level in flat Gaussian histories once calibrated, creeps of +8–12 %
 *   per merge cut at nearly every merge; see the tables in docs/noise-model.md).
 * - σ is not known. The first guess comes from the lower quartile of all consecutive differences
 *   (left alone by steps until they are three in four); then it is estimated from the median
 *   difference *inside* the levels found, and the cut is made again with it, until the levels no
 *   longer change.
 * - A single value whose neighbours on both sides are one level, or a short level from which the
 *   series comes back (runs that retained unusually much or little, a program switching between two
 *   modes), is an outlier, not two steps: it stays inside the level around it.
 *
 * Deterministic; O(n²) at worst, about O(n) with PELT's pruning.
 */
import { quantile } from './quantile.js';

/** One stretch of the series at a constant level: values [from, to) of the input. */
export interface Level {
  readonly from: number;
  readonly to: number;
  /** Mean of the values. */
  readonly mean: number;
}

export interface Segmentation {
  /** Oldest first; together they cover every input value, in order. */
  readonly levels: readonly Level[];
  /** The σ of one value around its level, relative (a fraction of the level), as used for the cut. */
  readonly sigma: number;
}

/** Penalty per boundary, in units of ln n (BIC's is 2). */
export const PENALTY_PER_LOG_N = 3;

/**
 * The smallest relative σ the cut assumes (0.1 %): totals of exact profiles of a deterministic
 * program repeat to the byte, and a σ of 0 would make any change, however small, a step.
 */
export const MIN_SIGMA = 0.001;

/** Times the levels are found again with the σ they give, at most. */
const MAX_ROUNDS = 10;

/** MAD of a normal's differences: σ_diff = MAD / 0.6745; a difference of two values has √2 σ. */
const MAD_NORMAL = 0.6744897501960817;

/**
 * Cuts `values` (oldest first, all > 0 and finite) into levels: none for no values, one for one.
 * Throws a RangeError on a value that is not positive and finite (the caller leaves such totals out).
 */
export function segmentLevels(values: readonly number[]): Segmentation {
  for (const v of values) {
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`segmentLevels: ${v} is not a positive finite value`);
  }
  const y = values.map(Math.log);
  if (y.length === 0) return { levels: [], sigma: MIN_SIGMA };
  if (y.length === 1) return { levels: toLevels(values, [0, 1]), sigma: MIN_SIGMA };
  let sigma = Math.max(MIN_SIGMA, quartileSigma(differences(y, [0, y.length])));
  let cuts = pelt(y, sigma);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const inside = differences(y, cuts);
    if (inside.length === 0) break;
    const next = Math.max(MIN_SIGMA, medianSigma(inside));
    const again = pelt(y, next);
    sigma = next;
    if (sameCuts(again, cuts)) break;
    cuts = again;
  }
  return { levels: toLevels(values, absorbOutliers(y, cuts, sigma)), sigma };
}

/** Boundaries [0, b₁, …, n] → levels with the means of the (untransformed) values. */
function toLevels(values: readonly number[], cuts: readonly number[]): Level[] {
  const out: Level[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const from = cuts[i - 1]!;
    const to = cuts[i]!;
    let sum = 0;
    for (let k = from; k < to; k++) sum += values[k]!;
    out.push({ from, to, mean: sum / (to - from) });
  }
  return out;
}

/** Consecutive differences of y that lie inside one stretch of `cuts`. */
function differences(y: readonly number[], cuts: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < cuts.length; i++) {
    for (let k = cuts[i - 1]! + 1; k < cuts[i]!; k++) out.push(y[k]! - y[k - 1]!);
  }
  return out;
}

/**
 * σ of one value from differences of consecutive values: their median absolute value rescaled to a
 * normal's (÷ 0.6745, and ÷ √2: a difference of two values has √2 σ). Left alone by the steps among
 * them as long as they are fewer than half, and by a run that retained unusually much or little.
 * The run-to-run noise a comparison uses is estimated separately (run-noise.ts), so that a
 * heavy-tailed history counts its tails there.
 */
function medianSigma(diffs: readonly number[]): number {
  if (diffs.length === 0) return 0;
  const abs = diffs.map(Math.abs).sort((a, b) => a - b);
  return quantile(abs, 0.5) / MAD_NORMAL / Math.SQRT2;
}

/** The lower quartile of a half-normal |N(0, 1)|: P(|Z| ≤ 0.3186) = 1/4. */
const HALF_NORMAL_Q1 = 0.31863936396437514;

/**
 * The first guess of σ, before any level is known: from the lower quartile of the absolute
 * differences, so that steps among them leave it alone until they are three in four (a creep
 * makes every difference of its stretch a step).
 */
function quartileSigma(diffs: readonly number[]): number {
  if (diffs.length === 0) return 0;
  const abs = diffs.map(Math.abs).sort((a, b) => a - b);
  return quantile(abs, 0.25) / HALF_NORMAL_Q1 / Math.SQRT2;
}

function sameCuts(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/**
 * PELT for a change in mean with known σ: the boundaries [0, …, n] minimising the sum of the
 * stretches' costs plus the penalty per boundary. Ties go to the earlier boundary.
 */
function pelt(y: readonly number[], sigma: number): number[] {
  const n = y.length;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i]! + y[i]!;
    s2[i + 1] = s2[i]! + y[i]! * y[i]!;
  }
  const v = sigma * sigma;
  const cost = (a: number, b: number): number => {
    const m = b - a;
    const sum = s1[b]! - s1[a]!;
    return Math.max(0, s2[b]! - s2[a]! - (sum * sum) / m) / v;
  };
  const beta = PENALTY_PER_LOG_N * Math.log(n);
  const f = new Float64Array(n + 1);
  f[0] = -beta;
  const last = new Int32Array(n + 1);
  let candidates = [0];
  for (let t = 1; t <= n; t++) {
    let best = Number.POSITIVE_INFINITY;
    let arg = 0;
    const total = candidates.map((s) => f[s]! + cost(s, t) + beta);
    candidates.forEach((s, i) => {
      if (total[i]! < best) {
        best = total[i]!;
        arg = s;
      }
    });
    f[t] = best;
    last[t] = arg;
    // Pruning (K = 0 for this cost): a start that is already worse than the best plus a penalty never wins later.
    candidates = candidates.filter((_, i) => total[i]! - beta <= best);
    candidates.push(t);
  }
  const cuts = [n];
  for (let t = n; t > 0; t = last[t]!) cuts.push(last[t]!);
  return cuts.reverse();
}

/** Levels of at most this many values may be outliers (a spike of a few runs) rather than steps. */
const MAX_OUTLIER_RUN = 3;

/**
 * Merges a short level (at most MAX_OUTLIER_RUN values) back into its neighbours when it is an
 * outlier rather than two steps: the neighbours are one level (their means differ by less than a
 * boundary needs, the penalty's worth of evidence), or the level is a spike — it leaves the level
 * before it and the series comes back more than half of the way (runs whose GC came late or early;
 * a program whose retained memory switches between two modes). A creep, whose values keep going the
 * same way, is never a spike. The latest level is never an outlier: nothing follows it yet.
 */
function absorbOutliers(y: readonly number[], cuts: readonly number[], sigma: number): number[] {
  const beta = PENALTY_PER_LOG_N * Math.log(y.length);
  const out = [...cuts];
  for (let i = 1; i + 2 < out.length;) {
    const size = out[i + 1]! - out[i]!;
    if (size > MAX_OUTLIER_RUN) {
      i++;
      continue;
    }
    const left = mean(y, out[i - 1]!, out[i]!);
    const right = mean(y, out[i + 1]!, out[i + 2]!);
    const x = mean(y, out[i]!, out[i + 1]!);
    const nl = out[i]! - out[i - 1]!;
    const nr = out[i + 2]! - out[i + 1]!;
    // Evidence for a boundary between the two neighbours, as the cut's cost counts it.
    const gain = ((left - right) ** 2 * (nl * nr)) / (nl + nr) / (sigma * sigma);
    const spike =
      Math.sign(x - left) === Math.sign(x - right) &&
      Math.abs(right - left) < Math.min(Math.abs(x - left), Math.abs(x - right)) / 2;
    if ((size === 1 && gain < beta) || spike) {
      out.splice(i, 2);
      // The merged level may itself be short now, or make its left neighbour a spike: look again.
      i = Math.max(1, i - 1);
    } else i++;
  }
  return out;
}

function mean(y: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let k = from; k < to; k++) s += y[k]!;
  return s / (to - from);
}
