/**
 * Base × current → signed deltas per sample type, per function and per focus pattern, the numbers
 * `go tool pprof -top -diff_base` prints, with the z of each delta (see profile/sampling.ts).
 */
import type { FocusTotals, ProfileSummary } from '../profile/aggregate.js';
import { ITERATIONS_WARNING, scalesWithIterations } from '../profile/bench-profile.js';
import { comparabilityWarnings } from './comparability.js';
import { IncompatibleProfilesError } from '../errors.js';
import type { ValueType } from '../profile/model.js';
import { formatValueType, sameValueType } from '../profile/sample-type.js';
import { runSpread, runsOf, type RunSpread } from './runs.js';
import { zScore } from '../profile/sampling.js';
import { lineDeltas, type LineDelta } from './line-diff.js';
import { samplerOfPair, type Sampler } from '../profile/sampler.js';
import { ownDeltas, ownLineDeltas, type OwnDelta, type OwnLineDelta, type OwnRow } from './own-diff.js';

/**
 * One sample type compared. `delta` = current − base; `deltaPercent` = 100·delta/base, null when
 * base is 0; `z` = delta / sqrt(var(base) + var(current)), null when neither side has sampling
 * noise (the delta is exact).
 */
export interface MetricDelta {
  readonly sampleType: string;
  readonly unit: string;
  readonly base: number;
  readonly current: number;
  readonly delta: number;
  readonly deltaPercent: number | null;
  readonly z: number | null;
  /** Sampling variance of the delta: var(base) + var(current), 0 when exact. */
  readonly variance: number;
  /** Runs on each side (the values above are per-run means when a side has several). */
  readonly runs: { readonly base: number; readonly current: number };
  /** The delta's variance as the spread across runs estimates it (see runs.ts). */
  readonly runSpread: RunSpread;
}

/** A function rule's focus totals compared; same fields as MetricDelta plus the pattern. */
export interface FocusDelta extends MetricDelta {
  readonly pattern: string;
}

/** One function compared, in one sample type; the same numbers as `go tool pprof -top -diff_base`. */
export interface FunctionDelta {
  readonly name: string;
  readonly baseFlat: number;
  readonly currentFlat: number;
  readonly flatDelta: number;
  readonly baseCum: number;
  readonly currentCum: number;
  readonly cumDelta: number;
  /** z of flatDelta, null when exact. */
  readonly flatZ: number | null;
}

export interface ProfileDiff {
  /** The sample types both profiles have (matched by type and unit), in the current profile's order. */
  readonly metrics: readonly MetricDelta[];
  /**
   * Keyed by sample type; every function of either profile that pprof's diff would list (flatDelta
   * or cumDelta non-zero), sorted by |flatDelta| descending, then name.
   */
  readonly functions: Readonly<Record<string, readonly FunctionDelta[]>>;
  /**
   * Keyed by sample type, when both summaries have line totals (SummarizeOptions.lines): the
   * changed source lines, as `pprof -top -lines -diff_base` lists them (see line-diff.ts).
   */
  readonly lines?: Readonly<Record<string, readonly LineDelta[]>>;
  /** One entry per focus pattern × common sample type. */
  readonly focus: readonly FocusDelta[];
  /**
   * The sample type shown by default: the current profile's default sample type if common, else the first common one.
   */
  readonly defaultSampleType: string;
  /**
   * Ways the two profiles were not made alike (sampling rate, Go version, sample types only one
   * has), one sentence each; empty when they were (see comparability.ts). Untrusted text: the
   * sample type names come from the profiles.
   */
  readonly warnings: readonly string[];
  /**
   * True when either profile comes from `go test -bench` (see bench-profile.ts): its totals scale
   * with b.N, so no delta is exact and sampling alone cannot say what is noise.
   */
  readonly scalesWithIterations: boolean;
  /** The sampler whose knob advice names (see profile/sampler.ts); absent: Go's. */
  readonly sampler?: Sampler;
  /**
   * Keyed by sample type: the own-code functions whose part changed (own-diff.ts), when both
   * summaries carry an own-code attribution; absent otherwise.
   */
  readonly own?: Readonly<Record<string, readonly OwnDelta[]>>;
  /** Keyed by sample type: the own-code source lines whose part changed (own-diff.ts), with `own`. */
  readonly ownLines?: Readonly<Record<string, readonly OwnLineDelta[]>>;
}

/** The own-code rows per common sample type, when both sides were attributed. */
function ownOf(
  base: ProfileSummary,
  current: ProfileSummary,
  pairs: readonly (readonly [number, number])[],
  rows: RowAlignment,
): { own?: Record<string, readonly OwnDelta[]>; ownLines?: Record<string, readonly OwnLineDelta[]> } {
  const bo = base.own;
  const co = current.own;
  if (bo === undefined || co === undefined) return {};
  const own: Record<string, readonly OwnDelta[]> = {};
  const ownLines: Record<string, readonly OwnLineDelta[]> = {};
  const nc = current.functions.name.length;
  for (const [b, c] of pairs) {
    const type = current.sampleType[c]!.type;
    const changed: OwnRow[] = [];
    for (const u of rows.byName) {
      const br = u < nc ? rows.baseRowOf[u]! : rows.baseOnly[u - nc]!;
      const currentFlat = u < nc ? co.flat[c]![u]! : 0;
      const baseFlat = br < 0 ? 0 : bo.flat[b]![br]!;
      if (currentFlat === baseFlat) continue;
      changed.push({ name: u < nc ? current.functions.name[u]! : base.functions.name[br]!, baseFlat, currentFlat });
    }
    own[type] = ownDeltas(changed, bo, co, b, c);
    if (bo.lines !== undefined && co.lines !== undefined) ownLines[type] = ownLineDeltas(bo, co, b, c);
  }
  return Object.keys(ownLines).length === 0 ? { own } : { own, ownLines };
}

/** Percent change relative to the base, as pprof's diff mode reports it; null when base is 0. */
export function percentOf(delta: number, base: number): number | null {
  return base === 0 ? null : (100 * delta) / base;
}

/** One metric's per-run values on each side (one value per side for single runs). */
interface PerRun {
  readonly base: readonly number[];
  readonly current: readonly number[];
}

function metricDelta(
  t: ValueType,
  base: number,
  current: number,
  varBase: number,
  varCurrent: number,
  perRun: PerRun,
): MetricDelta {
  const delta = current - base;
  return {
    sampleType: t.type,
    unit: t.unit,
    base,
    current,
    delta,
    deltaPercent: percentOf(delta, base),
    z: zScore(delta, varBase, varCurrent),
    variance: varBase + varCurrent,
    runs: { base: perRun.base.length, current: perRun.current.length },
    runSpread: runSpread(perRun.base, perRun.current),
  };
}

/** Each run's total of sample type `t`. */
function runTotals(s: ProfileSummary, t: number): number[] {
  return runsOf(s).total.map((r) => r[t]!);
}

/** Each run's focus total of `pattern` in sample type `t`; 0 where the side lacks the pattern. */
function runFocusTotals(s: ProfileSummary, pattern: string, t: number): number[] {
  const p = s.focus.findIndex((f) => f.pattern === pattern);
  return runsOf(s).focus.map((r) => (p < 0 ? 0 : r[p]![t]!));
}

function typeList(types: readonly ValueType[]): string {
  return types.length === 0 ? '(none)' : types.map(formatValueType).join(', ');
}

/** Pairs of [baseIndex, currentIndex] of the sample types both have, in the current profile's order. */
function commonSampleTypes(base: ProfileSummary, current: ProfileSummary): [number, number][] {
  if (
    base.periodType !== undefined &&
    current.periodType !== undefined &&
    !sameValueType(base.periodType, current.periodType)
  ) {
    throw new IncompatibleProfilesError(
      `different period types: base ${formatValueType(base.periodType)}, current ` +
        `${formatValueType(current.periodType)}`,
    );
  }
  const pairs: [number, number][] = [];
  current.sampleType.forEach((t, c) => {
    const b = base.sampleType.findIndex((u) => sameValueType(u, t));
    if (b >= 0) pairs.push([b, c]);
  });
  if (pairs.length === 0) {
    throw new IncompatibleProfilesError(
      `no common sample type: base has ${typeList(base.sampleType)}; current has ${typeList(current.sampleType)}`,
    );
  }
  return pairs;
}

/**
 * The function rows of the two summaries matched by name, once for all sample types:
 * `baseRowOf[cr]` is the base row of current row cr (-1 when the base lacks the function),
 * `baseOnly` lists the base rows whose function the current profile lacks, and `byName` is the
 * union (u < current rows: current row u; else base row baseOnly[u − current rows]) in name order,
 * `nameRank[u]` the place of u in it. A summary has one row per name, so the union's names are
 * distinct.
 */
interface RowAlignment {
  readonly baseRowOf: Int32Array;
  readonly baseOnly: Int32Array;
  readonly byName: Int32Array;
  readonly nameRank: Int32Array;
}

function alignRows(base: ProfileSummary, current: ProfileSummary): RowAlignment {
  const baseRow = new Map<string, number>();
  base.functions.name.forEach((n, r) => baseRow.set(n, r));
  const matched = new Uint8Array(base.functions.name.length);
  const baseRowOf = new Int32Array(current.functions.name.length);
  current.functions.name.forEach((n, cr) => {
    const br = baseRow.get(n) ?? -1;
    baseRowOf[cr] = br;
    if (br >= 0) matched[br] = 1;
  });
  const baseOnly: number[] = [];
  matched.forEach((m, br) => {
    if (m === 0) baseOnly.push(br);
  });
  const names = [...current.functions.name, ...baseOnly.map((br) => base.functions.name[br]!)];
  // Code-unit order, as `<` compares strings.
  const byName = Int32Array.from(names.keys()).sort((x, y) => (names[x]! < names[y]! ? -1 : 1));
  const nameRank = new Int32Array(names.length);
  byName.forEach((u, i) => (nameRank[u] = i));
  return { baseRowOf, baseOnly: Int32Array.from(baseOnly), byName, nameRank };
}

/**
 * The function rows of sample type b (base) / c (current) whose flat or cum changed, largest
 * |flatDelta| first, then by name. Rows whose flat did not change (most of a deep profile's) are
 * taken in name order as they are; only the others are sorted, on typed arrays of their keys.
 */
function functionDeltas(
  base: ProfileSummary,
  current: ProfileSummary,
  b: number,
  c: number,
  rows: RowAlignment,
): FunctionDelta[] {
  const bf = base.functions;
  const cf = current.functions;
  const nc = cf.name.length;
  const bFlat = bf.flat[b]!;
  const bCum = bf.cum[b]!;
  const cFlat = cf.flat[c]!;
  const cCum = cf.cum[c]!;
  const baseRowOf = (u: number): number => (u < nc ? rows.baseRowOf[u]! : rows.baseOnly[u - nc]!);
  const flatDelta = new Float64Array(rows.byName.length);
  const cumDelta = new Float64Array(rows.byName.length);
  const moved: number[] = [];
  const still: number[] = [];
  for (const u of rows.byName) {
    const br = baseRowOf(u);
    const fd = (u < nc ? cFlat[u]! : 0) - (br < 0 ? 0 : bFlat[br]!);
    const cd = (u < nc ? cCum[u]! : 0) - (br < 0 ? 0 : bCum[br]!);
    // pprof drops a node whose merged flat and cum are both 0 (graph.selectNodesForGraph).
    if (fd === 0 && cd === 0) continue;
    flatDelta[u] = fd;
    cumDelta[u] = cd;
    (fd === 0 ? still : moved).push(u);
  }
  const rank = rows.nameRank;
  moved.sort((x, y) => Math.abs(flatDelta[y]!) - Math.abs(flatDelta[x]!) || rank[x]! - rank[y]!);
  const row = (u: number): FunctionDelta => {
    const br = baseRowOf(u);
    const cr = u < nc ? u : -1;
    const varBase = br < 0 ? 0 : bf.flatVariance[b]![br]!;
    const varCurrent = cr < 0 ? 0 : cf.flatVariance[c]![cr]!;
    return {
      name: cr < 0 ? bf.name[br]! : cf.name[cr]!,
      baseFlat: br < 0 ? 0 : bFlat[br]!,
      currentFlat: cr < 0 ? 0 : cFlat[cr]!,
      flatDelta: flatDelta[u]!,
      baseCum: br < 0 ? 0 : bCum[br]!,
      currentCum: cr < 0 ? 0 : cCum[cr]!,
      cumDelta: cumDelta[u]!,
      flatZ: zScore(flatDelta[u]!, varBase, varCurrent),
    };
  };
  return [...moved.map(row), ...still.map(row)];
}

function focusDeltas(base: ProfileSummary, current: ProfileSummary, pairs: readonly [number, number][]): FocusDelta[] {
  const patterns = [...new Set([...current.focus, ...base.focus].map((f) => f.pattern))];
  const find = (list: readonly FocusTotals[], pattern: string) => list.find((f) => f.pattern === pattern);
  const out: FocusDelta[] = [];
  for (const pattern of patterns) {
    const bt = find(base.focus, pattern);
    const ct = find(current.focus, pattern);
    for (const [b, c] of pairs) {
      const m = metricDelta(
        current.sampleType[c]!,
        bt?.total[b] ?? 0,
        ct?.total[c] ?? 0,
        bt?.variance[b] ?? 0,
        ct?.variance[c] ?? 0,
        { base: runFocusTotals(base, pattern, b), current: runFocusTotals(current, pattern, c) },
      );
      out.push({ ...m, pattern });
    }
  }
  return out;
}

/**
 * Compares two summaries, current against base, the way `go tool pprof -top -diff_base base
 * current` does, for every sample type both have (same type and unit):
 * - metrics: totals, delta = current − base, deltaPercent relative to the base, z of the delta;
 * - functions: per sample type, per function name, flat and cum of each side and their deltas;
 *   a function missing on one side counts 0 there;
 * - focus: per focus pattern (current's, then any only the base has) and common sample type;
 * - warnings: how the two profiles were not made alike (comparabilityWarnings).
 * Pure: the inputs are not modified. Throws IncompatibleProfilesError when both profiles have a
 * period type and they differ, or when they have no sample type in common.
 */
export function diff(base: ProfileSummary, current: ProfileSummary): ProfileDiff {
  const pairs = commonSampleTypes(base, current);
  const metrics = pairs.map(([b, c]) =>
    metricDelta(current.sampleType[c]!, base.total[b]!, current.total[c]!, base.variance[b]!, current.variance[c]!, {
      base: runTotals(base, b),
      current: runTotals(current, c),
    }),
  );
  const functions: Record<string, readonly FunctionDelta[]> = {};
  const rows = alignRows(base, current);
  for (const [b, c] of pairs) functions[current.sampleType[c]!.type] = functionDeltas(base, current, b, c, rows);
  const defaultType = current.sampleType[current.defaultSampleTypeIndex];
  const defaultCommon = pairs.some(([, c]) => c === current.defaultSampleTypeIndex);
  const iterations = scalesWithIterations(base) || scalesWithIterations(current);
  return {
    metrics,
    functions,
    ...(base.lines !== undefined && current.lines !== undefined
      ? { lines: lineDeltas(base.lines, current.lines, pairs, current.sampleType) }
      : {}),
    focus: focusDeltas(base, current, pairs),
    defaultSampleType: defaultCommon && defaultType !== undefined ? defaultType.type : metrics[0]!.sampleType,
    warnings: [...comparabilityWarnings(base, current), ...(iterations ? [ITERATIONS_WARNING] : [])],
    scalesWithIterations: iterations,
    sampler: samplerOfPair(base, current),
    ...ownOf(base, current, pairs, rows),
  };
}
