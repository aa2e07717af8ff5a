/**
 * Base × current per source line: the signed flat and cum deltas `go tool pprof -top -lines
 * -diff_base` prints, per sample type, with the z of each flat delta. Pure.
 */
import { LineKeyMap, lineName, type LineKey, type LineTotals } from '../profile/line-totals.js';
import { zScore } from '../profile/sampling.js';
import type { ValueType } from '../profile/model.js';

/** One source line compared, in one sample type (current − base; a line one side lacks is 0 there). */
export interface LineDelta extends LineKey {
  readonly flatDelta: number;
  readonly cumDelta: number;
  /** z of flatDelta, null when exact. */
  readonly flatZ: number | null;
}

/**
 * The union of both sides' rows: `baseRow[u]`, `currentRow[u]` (-1 where a side lacks the line),
 * `key[u]`, and `rank[u]`: u's place in the order of the rows' printed names (lineName).
 */
interface LineUnion {
  readonly baseRow: Int32Array;
  readonly currentRow: Int32Array;
  readonly key: readonly LineKey[];
  readonly rank: Int32Array;
  /** The rows in name order (order[rank[u]] = u). */
  readonly order: Int32Array;
}

function unionOf(base: LineTotals, current: LineTotals): LineUnion {
  const at = new LineKeyMap();
  const baseRow: number[] = [];
  const currentRow: number[] = [];
  const key: LineKey[] = [];
  const visit = (t: LineTotals, own: number[], other: number[]) => {
    for (let r = 0; r < t.function.length; r++) {
      const u = at.getOrAdd(t.function[r]!, t.file[r]!, t.line[r]!, key.length);
      if (u < key.length) {
        own[u] = r;
        continue;
      }
      key.push({ function: t.function[r]!, file: t.file[r]!, line: t.line[r]! });
      own.push(r);
      other.push(-1);
    }
  };
  visit(current, currentRow, baseRow);
  visit(base, baseRow, currentRow);
  const names = key.map(lineName);
  // Code-unit order, as `<` compares strings; the key breaks ties of equal printed names.
  const order = Int32Array.from(names.keys()).sort((x, y) =>
    names[x]! < names[y]! ? -1 : names[x] === names[y] ? 0 : 1,
  );
  const rank = new Int32Array(key.length);
  order.forEach((u, i) => (rank[u] = i));
  return { baseRow: Int32Array.from(baseRow), currentRow: Int32Array.from(currentRow), key, rank, order };
}

function deltasOf(base: LineTotals, current: LineTotals, b: number, c: number, u: LineUnion): LineDelta[] {
  const n = u.key.length;
  const flatDelta = new Float64Array(n);
  const cumDelta = new Float64Array(n);
  // Rows whose flat did not change (most of a deep profile's) stay in name order as they come;
  // only the others are sorted.
  const moved: number[] = [];
  const still: number[] = [];
  for (const i of u.order) {
    const br = u.baseRow[i]!;
    const cr = u.currentRow[i]!;
    const fd = (cr < 0 ? 0 : current.flat[c]![cr]!) - (br < 0 ? 0 : base.flat[b]![br]!);
    const cd = (cr < 0 ? 0 : current.cum[c]![cr]!) - (br < 0 ? 0 : base.cum[b]![br]!);
    // pprof drops a node whose merged flat and cum are both 0.
    if (fd === 0 && cd === 0) continue;
    flatDelta[i] = fd;
    cumDelta[i] = cd;
    (fd === 0 ? still : moved).push(i);
  }
  const rank = u.rank;
  moved.sort((x, y) => Math.abs(flatDelta[y]!) - Math.abs(flatDelta[x]!) || rank[x]! - rank[y]!);
  const row = (i: number): LineDelta => {
    const br = u.baseRow[i]!;
    const cr = u.currentRow[i]!;
    const varBase = br < 0 ? 0 : base.flatVariance[b]![br]!;
    const varCurrent = cr < 0 ? 0 : current.flatVariance[c]![cr]!;
    const key = u.key[i]!;
    return {
      function: key.function,
      file: key.file,
      line: key.line,
      flatDelta: flatDelta[i]!,
      cumDelta: cumDelta[i]!,
      flatZ: zScore(flatDelta[i]!, varBase, varCurrent),
    };
  };
  return [...moved.map(row), ...still.map(row)];
}

/**
 * Per common sample type (`pairs` of [base index, current index]; keyed by the current profile's
 * type name), every line whose flat or cum changed, sorted by |flatDelta| descending, then by the
 * printed name (lineName) in code-unit order. Lines are matched by function, file and line number.
 */
export function lineDeltas(
  base: LineTotals,
  current: LineTotals,
  pairs: readonly (readonly [number, number])[],
  types: readonly ValueType[],
): Record<string, readonly LineDelta[]> {
  const union = unionOf(base, current);
  const out: Record<string, readonly LineDelta[]> = {};
  for (const [b, c] of pairs) out[types[c]!.type] = deltasOf(base, current, b, c, union);
  return out;
}
