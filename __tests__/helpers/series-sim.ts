/**
 * Series of merges judged the way `heapgate check` and the Action judge them, at the level of the
 * core: each run against the latest stored baseline, with the history of the last `window` stored
 * baselines (noise within levels, drift against the reference level), then stored as the next
 * baseline — accepted when it failed, as a team merging it with the accept label does.
 */
import type { MetricDelta, ProfileDiff } from '../../src/core/compare/diff.js';
import { parseRules } from '../../src/core/rules/resolve.js';
import { metricHistory } from '../../src/core/stats/metric-history.js';
import type { HistoryPoint } from '../../src/core/stats/run-noise.js';
import { evaluate, type MetricResult } from '../../src/core/verdict/verdict.js';

const SPACE = { type: 'inuse_space', unit: 'bytes' } as const;

/** A deterministic generator (sfc32-like mixing of a seed), uniform on [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  let b = 0x9e3779b9;
  let c = 0x243f6a88;
  let d = 0xb7e15162;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A standard normal deviate from `rnd` (Box–Muller). */
export function normal(rnd: () => number): number {
  let u = 0;
  while (u === 0) u = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

export interface SimOptions {
  /** Rule text; default `inuse_space +15%`. */
  readonly rules?: string;
  /** Baselines the history reads; default 30. */
  readonly window?: number;
  /**
   * Relative sampling σ of one total (sampled profiles): each run's delta then carries the
   * sampling variance of both sides, as a sampled profile's does; 0 = exact (MemProfileRate 1).
   */
  readonly samplingSd?: number;
  /** Store a failing run as accepted (default true). */
  readonly acceptFailures?: boolean;
}

/** One judged run: its metric result and whether it was stored as accepted. */
export interface SimRun {
  readonly total: number;
  readonly result: MetricResult;
  readonly accepted: boolean;
}

function delta(base: number, current: number, samplingSd: number): MetricDelta {
  const variance = (samplingSd * base) ** 2 + (samplingSd * current) ** 2;
  const d = current - base;
  return {
    sampleType: SPACE.type,
    unit: SPACE.unit,
    base,
    current,
    delta: d,
    deltaPercent: (100 * d) / base,
    z: variance > 0 ? d / Math.sqrt(variance) : null,
    variance,
    runs: { base: 1, current: 1 },
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
  };
}

/**
 * Judges totals[1..] in turn, totals[0] being the first stored baseline. Each run is stored after
 * it is judged (commit `c<i>`, pull request i).
 */
export function simulate(totals: readonly number[], options: SimOptions = {}): SimRun[] {
  const rules = parseRules(options.rules ?? 'inuse_space +15%');
  const window = options.window ?? 30;
  const samplingSd = options.samplingSd ?? 0;
  const stored: HistoryPoint[] = [{ sampleType: [SPACE], total: [totals[0]!], period: 1, sha: 'c0', pullRequest: 0 }];
  const out: SimRun[] = [];
  for (let i = 1; i < totals.length; i++) {
    const current = totals[i]!;
    const base = stored[stored.length - 1]!.total[0]!;
    const points = stored.slice(-window);
    const compared: ProfileDiff = {
      metrics: [delta(base, current, samplingSd)],
      focus: [],
      functions: {},
      defaultSampleType: SPACE.type,
      warnings: [],
      scalesWithIterations: false,
    };
    const history = new Map([[SPACE.type, metricHistory(points, SPACE, 1, 1)]]);
    const result = evaluate(compared, rules, { history }).metrics[0]!;
    const accepted = result.status === 'fail' && options.acceptFailures !== false;
    out.push({ total: current, result, accepted });
    stored.push({
      sampleType: [SPACE],
      total: [current],
      period: 1,
      sha: `c${i}`,
      pullRequest: i,
      ...(accepted ? { accepted: true } : {}),
    });
  }
  return out;
}

/** Shapes of series: `level` multiplies each merge's true total, `sd` is the run-to-run noise. */
export interface SeriesShape {
  readonly runs: number;
  /** The true total's factor at merge i (cumulative: steps and creeps multiply). */
  readonly factor: (i: number, rnd: () => number) => number;
}

/** Totals of a shape: 1e8 bytes × the factors so far × (1 + sd·N(0,1)) per run, plus sampling noise. */
export function seriesTotals(shape: SeriesShape, seed: number, sd: number, samplingSd = 0): number[] {
  const rnd = prng(seed);
  let level = 1e8;
  const out: number[] = [];
  for (let i = 0; i < shape.runs; i++) {
    level *= shape.factor(i, rnd);
    out.push(level * (1 + sd * normal(rnd)) * (1 + samplingSd * normal(rnd)));
  }
  return out;
}
