/**
 * The own-code attribution of two profiles, diffed (see profile/own-code.ts): per own-code function,
 * the change in what the samples whose deepest own frame it is hold (pprof's flat under `-show`),
 * with the leaf function under it whose part changed most: the library code that did the
 * allocating on the user's behalf. Pure.
 */
import { OWN_LEAF_SEPARATOR, type NamedTotals, type OwnTotals } from '../profile/aggregate.js';

/** Own-code functions kept per sample type and direction: the report names the first; the rest are context. */
export const MAX_OWN_ROWS = 100;

/**
 * The first `n` rows that grew and the first `n` that shrank of rows sorted by |delta|, in that
 * order: a cut by |delta| alone could drop every grown row behind large shrinking ones.
 */
export function bothWays<T>(sorted: readonly T[], delta: (row: T) => number, n: number): T[] {
  let up = 0;
  let down = 0;
  return sorted.filter((r) => (delta(r) > 0 ? up++ < n : delta(r) < 0 ? down++ < n : false));
}

export interface OwnDelta {
  readonly name: string;
  readonly baseFlat: number;
  readonly currentFlat: number;
  readonly flatDelta: number;
  /**
   * The leaf under it whose part changed most in the same direction, when that is another function
   * (null when the own function allocated it itself, or nothing under it moved that way).
   */
  readonly leaf: { readonly name: string; readonly flatDelta: number } | null;
}

/** name → value of one sample type's column. */
function byName(table: NamedTotals, t: number): Map<string, number> {
  const out = new Map<string, number>();
  table.name.forEach((n, r) => out.set(n, (out.get(n) ?? 0) + table.flat[t]![r]!));
  return out;
}

/** current − base per name, for every name either side has. */
function deltas(base: Map<string, number>, current: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [n, v] of current) out.set(n, v - (base.get(n) ?? 0));
  for (const [n, v] of base) if (!current.has(n)) out.set(n, -v);
  return out;
}

/** An own function's part on both sides, as the diff aligned the function rows. */
export interface OwnRow {
  readonly name: string;
  readonly baseFlat: number;
  readonly currentFlat: number;
}

/**
 * The own-code rows of sample type `b` (base) / `c` (current) whose part changed, by |flatDelta|
 * descending then name, at most MAX_OWN_ROWS, each with its leaf (see OwnDelta).
 */
export function ownDeltas(
  rows: readonly OwnRow[],
  base: OwnTotals,
  current: OwnTotals,
  b: number,
  c: number,
): OwnDelta[] {
  const changed = rows.filter((r) => r.currentFlat !== r.baseFlat);
  const delta = (r: OwnRow) => r.currentFlat - r.baseFlat;
  changed.sort((x, y) => Math.abs(delta(y)) - Math.abs(delta(x)) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const kept = bothWays(changed, delta, MAX_OWN_ROWS);
  const pairs = deltas(byName(base.leaves, b), byName(current.leaves, c));
  const leafOf = topLeaves(pairs, new Map(kept.map((r) => [r.name, Math.sign(delta(r))])));
  return kept.map((r) => ({ ...r, flatDelta: delta(r), leaf: leafOf.get(r.name) ?? null }));
}

/** Per own function (with the sign of its change), the leaf whose pair moved most that way, if not itself. */
function topLeaves(
  pairs: ReadonlyMap<string, number>,
  signs: ReadonlyMap<string, number>,
): Map<string, { name: string; flatDelta: number }> {
  const best = new Map<string, { name: string; flatDelta: number }>();
  for (const [key, d] of pairs) {
    const cut = key.indexOf(OWN_LEAF_SEPARATOR);
    const own = key.slice(0, cut);
    const leaf = key.slice(cut + 1);
    const sign = signs.get(own);
    if (sign === undefined || Math.sign(d) !== sign) continue;
    const was = best.get(own);
    if (
      was === undefined ||
      Math.abs(d) > Math.abs(was.flatDelta) ||
      (Math.abs(d) === Math.abs(was.flatDelta) && leaf < was.name)
    ) {
      best.set(own, { name: leaf, flatDelta: d });
    }
  }
  for (const [own, b] of best) if (b.name === own) best.delete(own);
  return best;
}

/** An own-code source line whose part changed: the own frame's function, file (as the profile names it) and line. */
export interface OwnLineDelta {
  readonly function: string;
  readonly file: string;
  readonly line: number;
  readonly flatDelta: number;
}

/** The own-code lines of sample type `b` / `c` whose part changed, by |flatDelta| then name, at most MAX_OWN_ROWS. */
export function ownLineDeltas(base: OwnTotals, current: OwnTotals, b: number, c: number): OwnLineDelta[] {
  if (base.lines === undefined || current.lines === undefined) return [];
  const rows = [...deltas(byName(base.lines, b), byName(current.lines, c))].filter(([, d]) => d !== 0);
  rows.sort(([x, dx], [y, dy]) => Math.abs(dy) - Math.abs(dx) || (x < y ? -1 : x > y ? 1 : 0));
  return bothWays(rows, ([, d]) => d, MAX_OWN_ROWS).map(([key, flatDelta]) => {
    const [fn, file, line] = key.split(OWN_LEAF_SEPARATOR);
    return { function: fn!, file: file ?? '', line: Number(line), flatDelta };
  });
}
