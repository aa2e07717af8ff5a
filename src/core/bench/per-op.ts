/**
 * The functions of a benchmark metric per op, base against current, from both sides' attributions
 * (bench/attribution.ts): the rows a report's function table shows. Pure.
 */
import type { FunctionDelta } from '../compare/diff.js';
import { topLevelName } from './attribution.js';
import type { BenchAttribution } from '../profile/benchmark-set.js';

/**
 * A benchmark metric's functions compared per op: each side's shares of the benchmark's allocations
 * times that side's median (`perOp`), as FunctionDeltas sorted by |flat Δ| (then name). Null when
 * either side has no attribution for the benchmark and metric.
 */
export function perOpDeltas(
  base: readonly BenchAttribution[] | undefined,
  current: readonly BenchAttribution[] | undefined,
  bench: { readonly pkg: string; readonly name: string },
  metric: string,
  perOp: { readonly base: number; readonly current: number },
): FunctionDelta[] | null {
  const find = (list: readonly BenchAttribution[] | undefined) =>
    list?.find((a) => a.pkg === bench.pkg && a.name === topLevelName(bench.name))?.metrics[metric];
  const b = find(base);
  const c = find(current);
  if (b === undefined || c === undefined || b.total <= 0 || c.total <= 0) return null;
  const scaleB = perOp.base / b.total;
  const scaleC = perOp.current / c.total;
  const rows = new Map<string, { bf: number; bc: number; cf: number; cc: number }>();
  for (const f of b.functions) rows.set(f.name, { bf: f.flat * scaleB, bc: f.cum * scaleB, cf: 0, cc: 0 });
  for (const f of c.functions) {
    const r = rows.get(f.name) ?? { bf: 0, bc: 0, cf: 0, cc: 0 };
    rows.set(f.name, { ...r, cf: f.flat * scaleC, cc: f.cum * scaleC });
  }
  const out: FunctionDelta[] = [];
  for (const [name, r] of rows) {
    const flatDelta = r.cf - r.bf;
    const cumDelta = r.cc - r.bc;
    if (flatDelta === 0 && cumDelta === 0) continue;
    out.push({
      name,
      baseFlat: r.bf,
      currentFlat: r.cf,
      flatDelta,
      baseCum: r.bc,
      currentCum: r.cc,
      cumDelta,
      flatZ: null,
    });
  }
  return out.sort((x, y) => Math.abs(y.flatDelta) - Math.abs(x.flatDelta) || (x.name < y.name ? -1 : 1));
}
