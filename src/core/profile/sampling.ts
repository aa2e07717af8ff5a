/**
 * The sampling-noise model: how much of a difference between two heap profiles sampling alone can
 * explain. See docs/noise-model.md for the derivation.
 *
 * Go's heap profiler records an allocation of size s with probability p = 1 − e^(−s/R), where R is
 * the sampling rate (MemProfileRate, the profile's `period` when its period type is space/bytes),
 * and stores values already divided by p. For a stack with N allocations of size s, the number
 * recorded is binomial(N, p), so the stored object count N̂ = K/p has variance N(1−p)/p and the
 * stored bytes B̂ = s·K/p have variance s·B·(1−p)/p. We plug in the stored values for N and B.
 */
import type { Profile, Samples, ValueType } from './model.js';

/**
 * The sampling rate R in bytes when the profile is sampled by allocation size, else 0: such a
 * profile is treated as exact. Sampled means a period > 1 with period type space/bytes (Go,
 * tcmalloc) or <something>_space/bytes (Node's @datadog/pprof writes inuse_space/bytes; V8
 * samples and scales allocations the same way Go does).
 */
export function samplingRate(profile: Pick<Profile, 'periodType' | 'period'>): number {
  const pt = profile.periodType;
  if (pt === undefined || pt.unit !== 'bytes' || !(pt.type === 'space' || pt.type.endsWith('_space'))) return 0;
  return Number.isFinite(profile.period) && profile.period > 1 ? profile.period : 0;
}

/**
 * (1 − p) / p for an object of `size` bytes at sampling rate `rate`, with p = 1 − e^(−size/rate).
 * Equal to 1 / (e^(size/rate) − 1), computed with expm1 so small objects keep their precision.
 * 0 when the size is not a positive finite number or the rate is not sampled.
 */
export function missFactor(size: number, rate: number): number {
  if (!(size > 0) || !Number.isFinite(size) || !(rate > 1)) return 0;
  return 1 / Math.expm1(size / rate);
}

/** How a sample type's variance is computed: bytes (B·s·(1−p)/p), counts (N·(1−p)/p), or not at all. */
type Kind = 0 | 1 | 2;
const EXACT: Kind = 0;
const BYTES: Kind = 1;
const COUNT: Kind = 2;

function kindOf(t: ValueType): Kind {
  if (t.unit === 'bytes') return BYTES;
  if (t.unit === 'count') return COUNT;
  return EXACT;
}

/**
 * For each sample type, the index of the type that sizes it when a sample has no `bytes` label:
 * the space ↔ objects partner with the same prefix (alloc_space ↔ alloc_objects, inuse_space ↔
 * inuse_objects, space ↔ objects). Returns [spaceIndex, objectsIndex] per type, or [-1, -1].
 */
function sizingPairs(types: readonly ValueType[]): Int32Array {
  const pairs = new Int32Array(types.length * 2).fill(-1);
  const find = (type: string, unit: string): number => types.findIndex((t) => t.type === type && t.unit === unit);
  types.forEach((t, i) => {
    let space = -1;
    let objects = -1;
    if (t.type.endsWith('space') && t.unit === 'bytes') {
      space = i;
      objects = find(`${t.type.slice(0, -'space'.length)}objects`, 'count');
    } else if (t.type.endsWith('objects') && t.unit === 'count') {
      objects = i;
      space = find(`${t.type.slice(0, -'objects'.length)}space`, 'bytes');
    }
    if (space >= 0 && objects >= 0) {
      pairs[i * 2] = space;
      pairs[i * 2 + 1] = objects;
    }
  });
  return pairs;
}

/**
 * The size of a sample's objects as its labels give it: the number of the first numeric `bytes`
 * label among labels `first .. last` of the columns (the object size Go writes on every heap
 * sample), or 0 when there is none.
 */
export function bytesLabel(
  labels: Pick<Samples, 'labelKey' | 'labelStr' | 'labelNum'>,
  first: number,
  last: number,
): number {
  for (let j = first; j < last; j++) {
    if (labels.labelKey[j] === 'bytes' && labels.labelStr[j] === '') return labels.labelNum[j]!;
  }
  return 0;
}

/**
 * The sampling variance of one sample's values, for a profile's sample types and sampling rate.
 * One instance serves every sample of a profile, whether the samples are stored (summarize) or
 * summed while they are decoded (summarizeEncoded), so both give the same numbers.
 */
export class SampleVariance {
  /** The sampling rate in bytes, 0 when the profile is exact (then every variance is 0). */
  readonly rate: number;
  private readonly k: number;
  private readonly kinds: Uint8Array;
  private readonly pairs: Int32Array;

  constructor(profile: Pick<Profile, 'periodType' | 'period' | 'sampleType'>) {
    this.rate = samplingRate(profile);
    this.k = profile.sampleType.length;
    this.kinds = new Uint8Array(profile.sampleType.map(kindOf));
    this.pairs = sizingPairs(profile.sampleType);
  }

  /**
   * Writes the variance of each of the sample's k values (`value[at .. at + k)`) to
   * `out[outAt .. outAt + k)`. `labelSize` is the sample's `bytes` label (see bytesLabel), 0 without
   * one: the sample is then sized by space/objects of the paired sample types. A sample that cannot
   * be sized, and any sample type whose unit is neither bytes nor count, gets variance 0.
   */
  compute(value: Float64Array, at: number, labelSize: number, out: Float64Array, outAt: number): void {
    const { k, kinds, pairs, rate } = this;
    for (let t = 0; t < k; t++) {
      out[outAt + t] = 0;
      const kind = kinds[t];
      if (kind === EXACT) continue;
      let size = labelSize;
      if (!(size > 0)) {
        const sp = pairs[t * 2]!;
        if (sp < 0) continue;
        const objects = value[at + pairs[t * 2 + 1]!]!;
        if (objects === 0) continue;
        size = value[at + sp]! / objects;
      }
      const f = missFactor(size, rate);
      if (f === 0) continue;
      const v = Math.abs(value[at + t]!);
      out[outAt + t] = kind === BYTES ? v * size * f : v * f;
    }
  }
}

/**
 * z of a delta: delta / sqrt(varianceBase + varianceCurrent). Null when both variances are 0 (the
 * delta is exact, sampling explains none of it).
 */
export function zScore(delta: number, varianceBase: number, varianceCurrent: number): number | null {
  const v = varianceBase + varianceCurrent;
  if (!(v > 0)) return null;
  return delta / Math.sqrt(v);
}
