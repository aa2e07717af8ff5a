/**
 * Several runs of the same code on one side of a comparison: their summaries combined into one
 * whose numbers are per-run means, keeping each run's totals so that the spread across runs can
 * be measured (runSpread) and stored with a baseline. Pure.
 *
 * Means: every total, flat, cum, focus total and call-tree value is the sum over runs divided by
 * the number of runs (a function a run lacks counts 0 there). Sampling variances of a mean are the
 * runs' variances summed and divided by runs².
 */
import type {
  FocusTotals,
  FunctionTotals,
  NamedTotals,
  OwnTotals,
  ProfileSummary,
  RunTotals,
} from '../profile/aggregate.js';
import { ELIDED_ROW, type CallTree } from '../profile/call-tree.js';
import { IncompatibleProfilesError } from '../errors.js';
import { formatValueType, sameValueType } from '../profile/sample-type.js';
import { meanLines } from './line-runs.js';

/** How many runs a summary stands for: 1 unless it combines several. */
export function runCount(summary: Pick<ProfileSummary, 'runs'>): number {
  return summary.runs?.total.length ?? 1;
}

/** The runs' totals of a summary (a single run's are its own totals). */
export function runsOf(s: ProfileSummary): RunTotals {
  return s.runs ?? { total: [s.total], focus: [s.focus.map((f) => f.total)] };
}

function checkAlike(first: ProfileSummary, other: ProfileSummary, label: string, firstLabel: string): void {
  const types = (s: ProfileSummary) => s.sampleType.map(formatValueType).join(', ');
  if (
    other.sampleType.length !== first.sampleType.length ||
    other.sampleType.some((t, i) => !sameValueType(t, first.sampleType[i]!))
  ) {
    throw new IncompatibleProfilesError(
      `runs of one side must be profiles of one kind: ${label} has ${types(other)}, ${firstLabel} has ${types(first)}`,
    );
  }
  if (other.period !== first.period) {
    throw new IncompatibleProfilesError(
      `runs of one side must be sampled alike: ${label} has period ${other.period}, ${firstLabel} ${first.period}`,
    );
  }
}

/** Per-run means of the function rows, rows in first-seen order across the runs. */
function meanFunctions(summaries: readonly ProfileSummary[], n: number): FunctionTotals {
  const k = summaries[0]!.sampleType.length;
  const rowOf = new Map<string, number>();
  const name: string[] = [];
  for (const s of summaries) {
    for (const f of s.functions.name) {
      if (!rowOf.has(f)) {
        rowOf.set(f, name.length);
        name.push(f);
      }
    }
  }
  const columns = () => Array.from({ length: k }, () => new Float64Array(name.length));
  const flat = columns();
  const cum = columns();
  const flatVariance = columns();
  for (const s of summaries) {
    s.functions.name.forEach((f, r) => {
      const row = rowOf.get(f)!;
      for (let t = 0; t < k; t++) {
        flat[t]![row]! += (s.functions.flat[t]![r]! * runCount(s)) / n;
        cum[t]![row]! += (s.functions.cum[t]![r]! * runCount(s)) / n;
        flatVariance[t]![row]! += (s.functions.flatVariance[t]![r]! * runCount(s) ** 2) / (n * n);
      }
    });
  }
  return { name, flat, cum, flatVariance };
}

/** Per-run means of name-keyed values (a name a run lacks counts 0 there). */
function meanNamed(tables: readonly { table: NamedTotals; runs: number }[], k: number, n: number): NamedTotals {
  const rowOf = new Map<string, number>();
  const name: string[] = [];
  for (const { table } of tables) {
    for (const f of table.name) {
      if (!rowOf.has(f)) {
        rowOf.set(f, name.length);
        name.push(f);
      }
    }
  }
  const flat = Array.from({ length: k }, () => new Float64Array(name.length));
  for (const { table, runs } of tables) {
    table.name.forEach((f, r) => {
      const row = rowOf.get(f)!;
      for (let t = 0; t < k; t++) flat[t]![row]! += (table.flat[t]![r]! * runs) / n;
    });
  }
  return { name, flat };
}

/**
 * The per-run mean own-code attribution, when every run has one: its per-row values on the rows
 * meanFunctions makes (the same first-seen order of the same names), its pairs and lines by name.
 */
function meanOwn(summaries: readonly ProfileSummary[], k: number, n: number): OwnTotals | undefined {
  if (summaries.some((s) => s.own === undefined)) return undefined;
  const table = (s: ProfileSummary, f: (o: OwnTotals) => NamedTotals) => ({ table: f(s.own!), runs: runCount(s) });
  const flat = meanNamed(
    summaries.map((s) => ({ table: { name: s.functions.name, flat: s.own!.flat }, runs: runCount(s) })),
    k,
    n,
  ).flat;
  const leaves = meanNamed(
    summaries.map((s) => table(s, (o) => o.leaves)),
    k,
    n,
  );
  if (summaries.some((s) => s.own!.lines === undefined)) return { flat, leaves };
  const lines = meanNamed(
    summaries.map((s) => table(s, (o) => o.lines!)),
    k,
    n,
  );
  return { flat, leaves, lines };
}

/** The per-run mean call tree: paths merged by (caller node, function name). */
function meanTree(summaries: readonly ProfileSummary[], names: readonly string[], n: number): CallTree | undefined {
  if (summaries.some((s) => s.tree === undefined)) return undefined;
  const k = summaries[0]!.sampleType.length;
  const rowOf = new Map(names.map((f, r) => [f, r]));
  // Keyed by caller node × (row count + 1) + row: a number, exact below 2^53.
  const nodeOf = new Map<number, number>();
  const parent: number[] = [-1];
  const row: number[] = [-1];
  const value: number[][] = Array.from({ length: k }, () => [0]);
  for (const s of summaries) {
    const tree = s.tree!;
    const w = runCount(s) / n;
    const merged = new Int32Array(tree.parent.length);
    for (let i = 0; i < tree.parent.length; i++) {
      let node = 0;
      if (i > 0) {
        const p = merged[tree.parent[i]!]!;
        const own = tree.row[i]!;
        const r = own === ELIDED_ROW ? ELIDED_ROW : rowOf.get(s.functions.name[own]!)!;
        // One more slot per caller for the elided-frames node.
        const key = p * (names.length + 1) + (r === ELIDED_ROW ? names.length : r);
        const found = nodeOf.get(key);
        if (found === undefined) {
          node = parent.length;
          parent.push(p);
          row.push(r);
          for (const col of value) col.push(0);
          nodeOf.set(key, node);
        } else {
          node = found;
        }
      }
      merged[i] = node;
      for (let t = 0; t < k; t++) value[t]![node]! += tree.value[t]![i]! * w;
    }
  }
  return { parent: Int32Array.from(parent), row: Int32Array.from(row), value: value.map((c) => Float64Array.from(c)) };
}

/**
 * Combines summaries of runs of the same code (each possibly already combining several) into one
 * whose numbers are per-run means and whose `runs` keeps every run's totals. One summary of one run
 * is returned as it is. `labels` name the summaries in messages. Throws IncompatibleProfilesError
 * when the runs differ in sample types or sampling period.
 */
export function combineRuns(summaries: readonly ProfileSummary[], labels: readonly string[]): ProfileSummary {
  const first = summaries[0];
  if (first === undefined) throw new RangeError('combineRuns needs at least one summary');
  if (summaries.length === 1) return first;
  summaries.forEach((s, i) => checkAlike(first, s, labels[i] ?? `run ${i + 1}`, labels[0] ?? 'run 1'));
  const k = first.sampleType.length;
  const all = summaries.map(runsOf);
  const total = all.flatMap((r) => r.total);
  const n = total.length;
  const mean = (pick: (s: ProfileSummary) => readonly number[]): number[] =>
    Array.from({ length: k }, (_, t) => summaries.reduce((sum, s) => sum + pick(s)[t]! * runCount(s), 0) / n);
  const meanVariance = (pick: (s: ProfileSummary) => readonly number[]): number[] =>
    Array.from({ length: k }, (_, t) => summaries.reduce((sum, s) => sum + pick(s)[t]! * runCount(s) ** 2, 0) / n ** 2);
  const patterns = first.focus.map((f) => f.pattern);
  // Every run was summarized with the same focus patterns (one load), so they line up.
  const focusOf = (s: ProfileSummary, p: number): FocusTotals => s.focus[p]!;
  const focus: FocusTotals[] = patterns.map((pattern, p) => ({
    pattern,
    total: mean((s) => focusOf(s, p).total),
    variance: meanVariance((s) => focusOf(s, p).variance),
  }));
  const functions = meanFunctions(summaries, n);
  const tree = meanTree(summaries, functions.name, n);
  const lines = meanLines(
    summaries.map((s) => s.lines),
    summaries.map(runCount),
    n,
  );
  const variance = meanVariance((s) => s.variance);
  const cutNames = Math.max(0, ...summaries.map((s) => s.cutNames ?? 0));
  const own = meanOwn(summaries, k, n);
  return {
    sampleType: first.sampleType,
    defaultSampleTypeIndex: first.defaultSampleTypeIndex,
    periodType: first.periodType,
    period: first.period,
    sampleCount: summaries.reduce((sum, s) => sum + s.sampleCount, 0),
    timeNanos: first.timeNanos,
    comment: first.comment,
    total: mean((s) => s.total),
    variance,
    exact: summaries.every((s) => s.exact),
    functions,
    focus,
    ...(tree === undefined ? {} : { tree }),
    ...(lines === undefined ? {} : { lines }),
    ...(cutNames > 0 ? { cutNames } : {}),
    ...(own === undefined ? {} : { own }),
    runs: { total, focus: all.flatMap((r) => r.focus) },
  };
}

/** The spread across runs of a metric's delta, estimated from each side's per-run values. */
export interface RunSpread {
  /** Estimated variance of (mean current − mean base); 0 when no side has 2 runs. */
  readonly variance: number;
  /** Degrees of freedom of that estimate (Welch–Satterthwaite); Infinity when there is none. */
  readonly df: number;
}

/** Sample variance (n − 1) of values. */
function sampleVariance(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
}

/**
 * The variance of the difference of two means from the runs of each side (Welch): s_b²/n_b +
 * s_c²/n_c with Welch–Satterthwaite degrees of freedom. When only one side has several runs, its
 * spread stands for both (the same code, run alike): s²·(1/n_b + 1/n_c), with n − 1 degrees of
 * freedom. With one run per side nothing is estimated.
 */
export function runSpread(base: readonly number[], current: readonly number[]): RunSpread {
  const nb = base.length;
  const nc = current.length;
  if (nb < 2 && nc < 2) return { variance: 0, df: Number.POSITIVE_INFINITY };
  if (nb < 2 || nc < 2) {
    const side = nb < 2 ? current : base;
    return { variance: sampleVariance(side) * (1 / nb + 1 / nc), df: side.length - 1 };
  }
  const vb = sampleVariance(base) / nb;
  const vc = sampleVariance(current) / nc;
  const variance = vb + vc;
  const denominator = (vb * vb) / (nb - 1) + (vc * vc) / (nc - 1);
  return { variance, df: denominator > 0 ? (variance * variance) / denominator : Number.POSITIVE_INFINITY };
}
