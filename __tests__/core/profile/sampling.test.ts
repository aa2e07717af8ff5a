import { describe, expect, it } from '@jest/globals';
import { summarize } from '../../../src/core/profile/aggregate.js';
import type { Profile } from '../../../src/core/profile/model.js';
import { bytesLabel, missFactor, SampleVariance, samplingRate, zScore } from '../../../src/core/profile/sampling.js';
import { buildProfile, GO_HEAP_TYPES } from '../../helpers/build-profile.js';
import type { SampleSpec } from '../../helpers/build-profile.js';

const R = 524288;

describe('samplingRate', () => {
  it.each([
    [['space', 'bytes'], 524288, 524288],
    [['inuse_space', 'bytes'], 524288, 524288],
    [['alloc_space', 'bytes'], 1048576, 1048576],
    [['spacey', 'bytes'], 524288, 0],
    [['inuse_objects', 'count'], 524288, 0],
    [['space', 'bytes'], 1, 0],
    [['space', 'bytes'], 0, 0],
    [['cpu', 'nanoseconds'], 10000000, 0],
    [['space', 'count'], 524288, 0],
    [undefined, 524288, 0],
  ] as const)('period type %j, period %d → %d', (pt, period, expected) => {
    const periodType = pt === undefined ? undefined : { type: pt[0], unit: pt[1] };
    expect(samplingRate({ periodType, period })).toBe(expected);
  });
});

describe('missFactor', () => {
  it('is (1 − p)/p with p = 1 − e^(−s/R)', () => {
    for (const s of [1, 64, 4096, 524288, 4 << 20]) {
      const p = 1 - Math.exp(-s / R);
      expect(missFactor(s, R) / ((1 - p) / p)).toBeCloseTo(1, 6);
    }
  });
  it('is 0 for sizes and rates that carry no sampling', () => {
    expect(missFactor(0, R)).toBe(0);
    expect(missFactor(-5, R)).toBe(0);
    expect(missFactor(Number.NaN, R)).toBe(0);
    expect(missFactor(100, 1)).toBe(0);
  });
});

/**
 * The sampling variance of each sample value, row-major like `profile.samples.value`, or null when
 * the profile is exact: SampleVariance applied to every stored sample, as summarize does.
 */
function sampleVariances(profile: Profile): Float64Array | null {
  const variance = new SampleVariance(profile);
  if (variance.rate === 0) return null;
  const k = profile.sampleType.length;
  const s = profile.samples;
  const out = new Float64Array(s.count * k);
  for (let i = 0; i < s.count; i++) {
    variance.compute(s.value, i * k, bytesLabel(s, s.labelStart[i]!, s.labelStart[i + 1]!), out, i * k);
  }
  return out;
}

describe('SampleVariance', () => {
  const f = (s: number) => 1 / Math.expm1(s / R);

  it('sizes a sample by its bytes label: B·s·(1−p)/p for bytes, N·(1−p)/p for counts', () => {
    const p = buildProfile({ samples: [{ stack: ['a'], value: [4, 4000, 2, 2000], bytes: 1000 }] });
    const v = sampleVariances(p)!;
    expect(v[0]! / (4 * f(1000))).toBeCloseTo(1, 12);
    expect(v[1]! / (4000 * 1000 * f(1000))).toBeCloseTo(1, 12);
    expect(v[2]! / (2 * f(1000))).toBeCloseTo(1, 12);
    expect(v[3]! / (2000 * 1000 * f(1000))).toBeCloseTo(1, 12);
  });

  it('sizes a sample without a label by space/objects of the paired types', () => {
    const p = buildProfile({
      samples: [
        { stack: ['a'], value: [4, 4000, 1, 3000] },
        // inuse pair empty: inuse types cannot be sized and stay exact.
        { stack: ['a'], value: [2, 100, 0, 0] },
      ],
    });
    const v = sampleVariances(p)!;
    expect(v[0]! / (4 * f(1000))).toBeCloseTo(1, 12);
    expect(v[1]! / (4000 * 1000 * f(1000))).toBeCloseTo(1, 12);
    expect(v[2]! / (1 * f(3000))).toBeCloseTo(1, 12);
    expect(v[3]! / (3000 * 3000 * f(3000))).toBeCloseTo(1, 12);
    expect(v[6]).toBe(0);
    expect(v[7]).toBe(0);
  });

  it('pairs legacy space/objects types', () => {
    const p = buildProfile({
      sampleType: [
        ['objects', 'count'],
        ['space', 'bytes'],
      ],
      samples: [{ stack: ['a'], value: [10, 5000] }],
    });
    const v = sampleVariances(p)!;
    expect(v[0]! / (10 * f(500))).toBeCloseTo(1, 12);
    expect(v[1]! / (5000 * 500 * f(500))).toBeCloseTo(1, 12);
  });

  it('leaves unsized samples and other units exact', () => {
    const p = buildProfile({
      sampleType: [
        ['space', 'bytes'],
        ['wall', 'nanoseconds'],
      ],
      samples: [{ stack: ['a'], value: [5000, 7] }],
    });
    expect(Array.from(sampleVariances(p)!)).toEqual([0, 0]);
  });

  it('is null for a profile that is not sampled by size', () => {
    const base = { samples: [{ stack: ['a'], value: [1, 100, 1, 100], bytes: 100 }] };
    expect(sampleVariances(buildProfile({ ...base, period: 1 }))).toBeNull();
    expect(sampleVariances(buildProfile({ ...base, periodType: null }))).toBeNull();
    expect(sampleVariances(buildProfile({ ...base, periodType: ['cpu', 'nanoseconds'] }))).toBeNull();
    expect(summarize(buildProfile({ ...base, period: 1 })).exact).toBe(true);
  });
});

describe('zScore', () => {
  it('divides by the combined standard deviation', () => {
    expect(zScore(10, 9, 16)).toBe(2);
    expect(zScore(-10, 0, 25)).toBe(-2);
  });
  it('is null when neither side has sampling variance', () => {
    expect(zScore(10, 0, 0)).toBeNull();
  });
});

/** mulberry32: a small seeded PRNG, so the simulation is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Go's sampler, as in runtime.mallocgc: a countdown of bytes drawn from an exponential distribution
 * with mean R; an allocation at least as large as what is left of the countdown is recorded and the
 * countdown is redrawn. Nothing in this simulation uses the p = 1 − e^(−s/R) formula.
 */
function sampler(random: () => number): (size: number) => boolean {
  const next = () => -Math.log(1 - random()) * R;
  let remaining = next();
  return (size) => {
    if (size < remaining) {
      remaining -= size;
      return false;
    }
    remaining = next();
    return true;
  };
}

/** A known allocation population: per stack, how many objects of which size. */
const POPULATION = [
  { fn: 'small', size: 64, count: 5000 },
  { fn: 'medium', size: 16384, count: 400 },
  { fn: 'large', size: 1 << 20, count: 30 },
];

/** One run: samples the population and writes the heap profile Go would (runtime/pprof scaleHeapSample). */
function run(random: () => number, population = POPULATION): ReturnType<typeof buildProfile> {
  const sampled = sampler(random);
  const samples: SampleSpec[] = [];
  for (const { fn, size, count } of population) {
    let k = 0;
    for (let i = 0; i < count; i++) if (sampled(size)) k++;
    if (k === 0) continue;
    const scale = 1 / (1 - Math.exp(-size / R));
    const objects = k * scale;
    const bytes = k * size * scale;
    samples.push({ stack: [fn, 'main'], value: [objects, bytes, objects, bytes], bytes: size });
  }
  return buildProfile({ sampleType: GO_HEAP_TYPES, samples });
}

function varianceOf(xs: readonly number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
}

describe('the noise model against a simulated Go heap sampler', () => {
  const TRIALS = 3000;
  const random = prng(20240611);
  const runs = Array.from({ length: TRIALS }, () => summarize(run(random)));
  const INUSE_OBJECTS = 2;
  const INUSE_SPACE = 3;

  it('estimates are unbiased (sanity check of the simulation)', () => {
    const trueBytes = POPULATION.reduce((a, c) => a + c.size * c.count, 0);
    const mean = runs.reduce((a, s) => a + s.total[INUSE_SPACE]!, 0) / TRIALS;
    expect(Math.abs(mean / trueBytes - 1)).toBeLessThan(0.03);
  });

  it.each([
    ['inuse_space', INUSE_SPACE],
    ['inuse_objects', INUSE_OBJECTS],
  ])('predicts the observed variance of the %s total', (_name, t) => {
    const observed = varianceOf(runs.map((s) => s.total[t]!));
    const predicted = runs.reduce((a, s) => a + s.variance[t]!, 0) / TRIALS;
    expect(predicted / observed).toBeGreaterThan(0.88);
    expect(predicted / observed).toBeLessThan(1.12);
  });

  it.each(POPULATION.map((c) => [c.fn]))('predicts the observed variance of flat(%s)', (fn) => {
    const flatOf = (s: (typeof runs)[number], column: 'flat' | 'flatVariance') => {
      const r = s.functions.name.indexOf(fn);
      return r < 0 ? 0 : s.functions[column][INUSE_SPACE]![r]!;
    };
    const observed = varianceOf(runs.map((s) => flatOf(s, 'flat')));
    const predicted = runs.reduce((a, s) => a + flatOf(s, 'flatVariance'), 0) / TRIALS;
    expect(predicted / observed).toBeGreaterThan(0.85);
    expect(predicted / observed).toBeLessThan(1.15);
  });

  it('gives |z| < 3 for almost every pair of reruns of the same program', () => {
    let calm = 0;
    let pairs = 0;
    for (let i = 0; i + 1 < TRIALS; i += 2) {
      const a = runs[i]!;
      const b = runs[i + 1]!;
      const z = zScore(
        b.total[INUSE_SPACE]! - a.total[INUSE_SPACE]!,
        a.variance[INUSE_SPACE]!,
        b.variance[INUSE_SPACE]!,
      );
      pairs++;
      if (z === null || Math.abs(z) < 3) calm++;
    }
    expect(calm / pairs).toBeGreaterThan(0.98);
  });

  it('gives z ≥ 3 to almost every run where the population doubled', () => {
    const doubled = POPULATION.map((c) => ({ ...c, count: c.count * 2 }));
    const rnd = prng(7);
    let detected = 0;
    for (let i = 0; i < 200; i++) {
      const a = runs[i]!;
      const b = summarize(run(rnd, doubled));
      const z = zScore(
        b.total[INUSE_SPACE]! - a.total[INUSE_SPACE]!,
        a.variance[INUSE_SPACE]!,
        b.variance[INUSE_SPACE]!,
      )!;
      if (z >= 3) detected++;
    }
    expect(detected / 200).toBeGreaterThan(0.95);
  });
});
