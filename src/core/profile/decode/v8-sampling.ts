/**
 * V8's sampling heap profiler (src/profiler/sampling-heap-profiler.cc) inverted: the sampling
 * interval a `.heapprofile` was recorded at, and the object size behind each of its samples.
 *
 * What V8 does. Allocations are sampled as a Poisson process over allocated bytes with mean interval
 * R (`--heap-prof-interval`, 524288 by default), so an object of s bytes is sampled with probability
 * p = 1 − e^(−s/R), as Go samples. A node of the tree keeps, per object size s, the count c of its
 * sampled objects still alive; its `selfSize` is Σ_s s · ScaleSample(s, c), where
 * ScaleSample(s, c) = ⌊c / p + 0.5⌋ (`count * scale + 0.5` cast to an unsigned int: c/p rounded).
 * Each entry of `samples[]` is one sampled object still alive, and the inspector writes its `size`
 * as `sample.size * sample.count` with count = ScaleSample(s, 1): the *scaled* size v = s · ⌊1/p + 0.5⌋,
 * not s (v8-heap-profiler-agent-impl.cc, getSamplingProfile).
 *
 * The file does not record R. Since 1/p ≥ s/R + 1/2 for every s > 0, each scaled size satisfies
 * v ≥ s · (1/p − 1/2) ≥ R: the smallest v, U, bounds R from above, and it is tight, because small
 * objects (16–64 bytes, the bulk of a JavaScript heap) give R < v ≤ R + s + s²/12R. Which R just
 * below U was used is decided by preferring round numbers (what people pass to `--heap-prof-interval`)
 * and by consistency: R is kept only when every scaled size checked is s · ⌊1/p + 0.5⌋ for some
 * divisor s of it. Consistency rules out little (a scaled size usually has a divisor that some other
 * object size would explain), so it is a check against foreign files, not the estimator.
 */

/** V8's default sampling interval (SamplingHeapProfiler::kDefaultSampleInterval), Node's too. */
export const V8_DEFAULT_SAMPLING_INTERVAL = 524288;

/** How many of the smallest distinct scaled sizes a candidate interval is checked against. */
const CHECKED_SIZES = 64;
/** Scaled sizes above this are not checked: their divisors cost √v to find, and they say little. */
const MAX_CHECKED_SIZE = 2 ** 32;
/**
 * How far below the upper bound round intervals are looked for, and integers after them: the
 * smallest object sampled lifts the bound that much above R at most, and a heap has objects under
 * 256 bytes in plenty.
 */
const WINDOW = 256;

/** ScaleSample(size, count) as V8 computes it, in the same float operations: ⌊count/(1 − e^(−s/R)) + 0.5⌋. */
export function scaledCount(size: number, interval: number, count = 1): number {
  return Math.floor(count * (1 / (1 - Math.exp(-size / interval))) + 0.5);
}

/** How the interval was found: from the samples, assumed for lack of them, or the samples' upper bound. */
export type IntervalSource = 'samples' | 'assumed' | 'upper-bound';

export interface SamplingInterval {
  /** R̂ in bytes, an integer ≥ 1. */
  readonly interval: number;
  readonly source: IntervalSource;
}

/**
 * The sampling interval of a profile whose samples have the scaled sizes `sizes` (positive safe
 * integers, each `samples[].size`). Sound and conservative:
 * - no samples: V8's default, 524288 (`source` 'assumed'). A tree with selfSizes but no
 *   `samples[]` (V8 before 7.x wrote none) recorded at another interval then gets a variance scaled
 *   by the wrong R: nothing in the file says which;
 * - else the candidates below the upper bound U = min v are tried from the largest down: first the
 *   round ones (multiples of 1024 or 1000) within 256 bytes below it, then every integer down
 *   to U − 256; the first one consistent with the 64 smallest distinct sizes wins (`source`
 *   'samples'). Largest first, because a larger interval means a larger sampling variance: when
 *   the samples cannot tell two intervals apart, the estimate errs towards calling a change noise;
 *   it is below the true R only when R is not round and a round number lies just under it;
 * - when none is consistent (not V8's scaling), U itself (`source` 'upper-bound').
 * So two runs at a round interval (524288, 32768, 100000) give that interval exactly whenever the
 * smallest object either sampled is under 256 bytes and under the gap to the next round number (232
 * bytes above 32768): in practice, every run that sampled a dozen objects. At an interval
 * that is not round the estimate lies between R and R + the smallest sampled object, and may then
 * differ by a few bytes between runs.
 */
export function estimateInterval(sizes: ArrayLike<number>): SamplingInterval {
  if (sizes.length === 0) return { interval: V8_DEFAULT_SAMPLING_INTERVAL, source: 'assumed' };
  let upper = Infinity;
  for (let i = 0; i < sizes.length; i++) upper = Math.min(upper, sizes[i]!);
  const checked = smallestDistinct(sizes).map((v) => ({ v, divisors: divisors(v) }));
  const consistent = (interval: number): boolean =>
    checked.every(({ v, divisors }) => divisors.some((s) => s * scaledCount(s, interval) === v));
  for (const candidate of candidates(upper)) {
    if (consistent(candidate)) return { interval: candidate, source: 'samples' };
  }
  return { interval: upper, source: 'upper-bound' };
}

/**
 * The object size behind a sample of scaled size `v` at interval `interval`, as small as the scaling
 * allows, because the sampling variance of a sample, v · s/(e^(s/R) − 1), falls with s:
 * - v within v/64 above R: a small object, s = v − R (its lower bound, from v ≤ R + s + s²/12R; it
 *   is the size exactly when s divides R). For objects that small the variance factor is ≈ R
 *   whatever s is;
 * - else the smallest s = v/k, k ≤ 64, that V8 would have scaled to v (for k = 1, an object large
 *   enough not to be scaled, that is v);
 * - else (not V8's scaling at this R) v − R, clamped to [1, v/64].
 */
export function objectSize(v: number, interval: number): number {
  const small = Math.min(Math.max(1, v - interval), v / 64);
  if (v - interval <= v / 64) return small;
  let size = 0;
  for (let k = 1; k <= 64; k++) {
    if (v % k === 0 && scaledCount(v / k, interval) === k) size = v / k;
  }
  return size > 0 ? size : small;
}

/** The round candidates within WINDOW below `upper`, then the integers there, largest first. */
function* candidates(upper: number): Generator<number> {
  const low = Math.max(1, upper - WINDOW);
  const round = new Set<number>();
  for (const step of [1024, 1000]) {
    for (let r = Math.floor(upper / step) * step; r >= low && r >= step; r -= step) round.add(r);
  }
  yield* [...round].sort((a, b) => b - a);
  for (let r = Math.floor(upper); r >= low; r--) if (!round.has(r)) yield r;
}

/** The CHECKED_SIZES smallest distinct values of `sizes` not above MAX_CHECKED_SIZE, ascending. */
function smallestDistinct(sizes: ArrayLike<number>): number[] {
  const distinct = new Set<number>();
  for (let i = 0; i < sizes.length; i++) if (sizes[i]! <= MAX_CHECKED_SIZE) distinct.add(sizes[i]!);
  return [...distinct].sort((a, b) => a - b).slice(0, CHECKED_SIZES);
}

/** The divisors of the positive integer v (≤ 2^32: at most 65,536 trial divisions). */
function divisors(v: number): number[] {
  const out: number[] = [];
  for (let d = 1; d * d <= v; d++) {
    if (v % d !== 0) continue;
    out.push(d);
    if (d * d !== v) out.push(v / d);
  }
  return out;
}

/**
 * objectSize for the `count` samples of one node that all have the scaled size `v`, told apart by
 * the node's `selfSize`: V8 wrote it as s · ScaleSample(s, count), so of the sizes that V8 would
 * have scaled to v, the smallest that also gives that selfSize is taken (an unscaled 50,000-byte
 * sample and a 25,000-byte object scaled twice look alike; their nodes' selfSizes do not). When
 * none does (the node's objects were of several sizes, or the file is not V8's), objectSize(v).
 */
export function nodeObjectSize(v: number, count: number, selfSize: number, interval: number): number {
  if (v - interval > v / 64) {
    for (let k = 64; k >= 1; k--) {
      if (v % k !== 0 || scaledCount(v / k, interval) !== k) continue;
      if ((v / k) * scaledCount(v / k, interval, count) === selfSize) return v / k;
    }
  }
  return objectSize(v, interval);
}
