/**
 * Several runs' per-line totals as one: per-run means (a line a run lacks counts 0 there), with
 * variances of the mean (the runs' variances summed, over runs²), as combineRuns does for
 * functions. Pure.
 */
import { LineKeyMap, type LineTotals } from '../profile/line-totals.js';

/**
 * The per-run mean of `sides` (each standing for `runs[i]` runs, `n` in all), rows in first-seen
 * order; undefined when any side has no line totals (lines were not asked for).
 */
export function meanLines(
  sides: readonly (LineTotals | undefined)[],
  runs: readonly number[],
  n: number,
): LineTotals | undefined {
  if (sides.length === 0 || sides.some((s) => s === undefined)) return undefined;
  const all = sides as readonly LineTotals[];
  const k = all[0]!.flat.length;
  const rowOf = new LineKeyMap();
  const fn: string[] = [];
  const file: string[] = [];
  const line: number[] = [];
  const rowsOf = all.map((s) =>
    s.function.map((f, r) => {
      const row = rowOf.getOrAdd(f, s.file[r]!, s.line[r]!, fn.length);
      if (row === fn.length) {
        fn.push(f);
        file.push(s.file[r]!);
        line.push(s.line[r]!);
      }
      return row;
    }),
  );
  const columns = () => Array.from({ length: k }, () => new Float64Array(fn.length));
  const flat = columns();
  const cum = columns();
  const flatVariance = columns();
  all.forEach((s, i) => {
    const w = runs[i]!;
    rowsOf[i]!.forEach((row, r) => {
      for (let t = 0; t < k; t++) {
        flat[t]![row]! += (s.flat[t]![r]! * w) / n;
        cum[t]![row]! += (s.cum[t]![r]! * w) / n;
        flatVariance[t]![row]! += (s.flatVariance[t]![r]! * w * w) / (n * n);
      }
    });
  });
  return { function: fn, file, line, flat, cum, flatVariance };
}
