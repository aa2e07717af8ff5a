/**
 * The own-code attribution of two profiles, diffed (see profile/own-code.ts): per own-code function,
 * the change in what the samples whose deepest own frame it is hold (pprof's flat under `-show`),
 * with the leaf function under it whose part changed most: the library code that did the
 * allocating on the user's behalf. Pure.
 */
import { OWN_LEAF_SEPARATOR, type NamedTotals, type OwnTotals } from '../profile/aggregate.js';

/** Own-code functions kept per sample type: the report names the first; the rest are context. */
export const MAX_OWN_ROWS = 100;

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

/**
 * The own-code rows of sample type `b` (base) / `c` (current): every own function whose part
 * changed, by |flatDelta| descending then name, at most MAX_OWN_ROWS.
 */
export function ownDeltas(base: OwnTotals, current: OwnTotals, b: number, c: number): OwnDelta[] {
  const baseFlat = byName(base.functions, b);
  const currentFlat = byName(current.functions, c);
  const flat = deltas(baseFlat, currentFlat);
  const pairs = deltas(byName(base.leaves, b), byName(current.leaves, c));
  const rows = [...flat].filter(([, d]) => d !== 0);
  rows.sort(([x, dx], [y, dy]) => Math.abs(dy) - Math.abs(dx) || (x < y ? -1 : x > y ? 1 : 0));
  const kept = rows.slice(0, MAX_OWN_ROWS);
  const leafOf = topLeaves(pairs, new Map(kept.map(([n, d]) => [n, Math.sign(d)])));
  return kept.map(([name, flatDelta]) => ({
    name,
    baseFlat: baseFlat.get(name) ?? 0,
    currentFlat: currentFlat.get(name) ?? 0,
    flatDelta,
    leaf: leafOf.get(name) ?? null,
  }));
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
