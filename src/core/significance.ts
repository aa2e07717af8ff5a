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
import type { Profile, ValueType } from './model.js';

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
 * The sampling variance of each sample value, row-major like `profile.samples.value`
 * (`variance[i * sampleType.length + t]`), or null when the whole profile is exact (not sampled
 * by size, or R ≤ 1).
 *
 * A sample is sized by its numeric `bytes` label (the object size Go writes on every heap sample);
 * without one, by space/objects of the paired sample types on the same sample. A sample that cannot
 * be sized, and any sample type whose unit is neither bytes nor count, gets variance 0.
 */
export function sampleVariances(profile: Profile): Float64Array | null {
  const rate = samplingRate(profile);
  if (rate === 0) return null;
  const types = profile.sampleType;
  const k = types.length;
  const s = profile.samples;
  const n = s.count;
  const kinds = new Uint8Array(types.map(kindOf));
  const pairs = sizingPairs(types);
  const out = new Float64Array(n * k);
  const value = s.value;
  const labelStart = s.labelStart;
  const labelKey = s.labelKey;
  const labelStr = s.labelStr;
  const labelNum = s.labelNum;
  for (let i = 0; i < n; i++) {
    let labelSize = 0;
    for (let j = labelStart[i]!, end = labelStart[i + 1]!; j < end; j++) {
      if (labelKey[j] === 'bytes' && labelStr[j] === '') {
        labelSize = labelNum[j]!;
        break;
      }
    }
    const row = i * k;
    for (let t = 0; t < k; t++) {
      const kind = kinds[t];
      if (kind === EXACT) continue;
      let size = labelSize;
      if (!(size > 0)) {
        const sp = pairs[t * 2]!;
        if (sp < 0) continue;
        const objects = value[row + pairs[t * 2 + 1]!]!;
        if (objects === 0) continue;
        size = value[row + sp]! / objects;
      }
      const f = missFactor(size, rate);
      if (f === 0) continue;
      const v = Math.abs(value[row + t]!);
      out[row + t] = kind === BYTES ? v * size * f : v * f;
    }
  }
  return out;
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
