/**
 * Hand-built diffs and verdicts for the renderer tests; every number is chosen so expectations follow by arithmetic.
 */
import type { FunctionDelta, MetricDelta, ProfileDiff } from '../../../src/core/compare/diff.js';
import type { MetricResult, Verdict } from '../../../src/core/verdict/verdict.js';

export const KiB = 1024;
export const MiB = 1024 * 1024;

export function fn(
  name: string,
  baseFlat: number,
  currentFlat: number,
  baseCum: number,
  currentCum: number,
): FunctionDelta {
  return {
    name,
    baseFlat,
    currentFlat,
    flatDelta: currentFlat - baseFlat,
    baseCum,
    currentCum,
    cumDelta: currentCum - baseCum,
    flatZ: null,
  };
}

/**
 * inuse_space: 1 MiB → 1.5 MiB. Functions by |flat Δ|: main.grow +768 KiB (new), main.shrink
 * −256 KiB, main.main flat unchanged but cum +512 KiB. inuse_objects: 1000 → 1010. `warnings` as
 * given (none by default).
 */
export function sampleDiff(extraSpaceFunctions: FunctionDelta[] = [], warnings: string[] = []): ProfileDiff {
  return {
    metrics: [
      {
        sampleType: 'inuse_objects',
        unit: 'count',
        base: 1000,
        current: 1010,
        delta: 10,
        deltaPercent: 1,
        z: 0.3,
        variance: (10 / 0.3) ** 2,
        runs: { base: 1, current: 1 },
        runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
      },
      {
        sampleType: 'inuse_space',
        unit: 'bytes',
        base: MiB,
        current: 1.5 * MiB,
        delta: 0.5 * MiB,
        deltaPercent: 50,
        z: 6.25,
        variance: ((0.5 * MiB) / 6.25) ** 2,
        runs: { base: 1, current: 1 },
        runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
      },
    ],
    functions: {
      inuse_objects: [fn('main.grow', 0, 10, 0, 10), fn('main.main', 1000, 1000, 1000, 1010)],
      inuse_space: [
        fn('main.grow', 0, 768 * KiB, 0, 768 * KiB),
        fn('main.shrink', 512 * KiB, 256 * KiB, 512 * KiB, 256 * KiB),
        fn('main.main', 512 * KiB, 512 * KiB, MiB, 1.5 * MiB),
        ...extraSpaceFunctions,
      ],
    },
    focus: [],
    defaultSampleType: 'inuse_space',
    warnings,
    scalesWithIterations: false,
  };
}

/**
 * A judged metric: the delta with its sampling variance as the only source, z 3 as the critical
 * value (detectable = 3·√variance) and one run per side; `threshold` as given.
 */
export function result(
  m: MetricDelta,
  fields: Pick<MetricResult, 'pattern' | 'status' | 'rule'> & Partial<MetricResult>,
): MetricResult {
  return {
    ...m,
    sources: { sampling: m.variance, runs: 0, history: 0 },
    critical: 3,
    detectable: 3 * Math.sqrt(m.variance),
    threshold: null,
    runs: { base: 1, current: 1 },
    history: null,
    drift: null,
    partStatus: fields.status,
    ...fields,
  };
}

export function judged(diff: ProfileDiff): MetricResult[] {
  const [objects, space] = diff.metrics;
  return [
    result(objects!, { pattern: null, status: 'inconclusive', rule: 'inuse_objects +0.5%', threshold: 5 }),
    result(space!, { pattern: null, status: 'fail', rule: 'inuse_space +10%', threshold: 0.1 * MiB }),
    result(
      {
        sampleType: 'inuse_space',
        unit: 'bytes',
        base: 0,
        current: 768 * KiB,
        delta: 768 * KiB,
        deltaPercent: null,
        z: null,
        variance: 0,
        runs: { base: 1, current: 1 },
        runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
      },
      { pattern: 'main\\.grow', status: 'pass', rule: null },
    ),
  ];
}

export function sampleVerdict(diff: ProfileDiff, verdict: Verdict['verdict'] = 'fail'): Verdict {
  return { verdict, confidence: 3, metrics: judged(diff) };
}
