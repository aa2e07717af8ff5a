/**
 * Base × current call trees → a differential flame graph per sample type: the two trees merged by
 * stack path (function names, root to leaf), each frame with its flat and cum on both sides, small
 * frames pruned the way pprof's nodefraction prunes nodes.
 */
import type { ProfileSummary } from '../profile/aggregate.js';
import { ELIDED_FRAME_NAME, ELIDED_ROW, type CallTree } from '../profile/call-tree.js';
import type { ProfileDiff } from './diff.js';
import { sameValueType } from '../profile/sample-type.js';

/**
 * Frames below this share of their profile's total are not drawn (pprof's -nodefraction
 * drops nodes below 0.005 of the total; a flame graph can be zoomed into, so it keeps more).
 */
export const DEFAULT_NODE_FRACTION = 0.001;

/**
 * One sample type's flame graph, frames in pre-order (a frame's children follow it, widest on
 * either side first). Frame 0 is the root: every sample with a stack. For frame i:
 * `depth[i]` (0 for the root), `name[i]` (the function; '' for the root), `baseCum[i]` /
 * `currentCum[i]`: the samples whose stack begins with this frame's path; `baseFlat[i]` /
 * `currentFlat[i]`: those that end there.
 */
export interface FlameGraph {
  readonly sampleType: string;
  readonly unit: string;
  readonly depth: readonly number[];
  readonly name: readonly string[];
  readonly baseCum: readonly number[];
  readonly currentCum: readonly number[];
  readonly baseFlat: readonly number[];
  readonly currentFlat: readonly number[];
  /** Frames left out: on each side, cum below `fraction` of that side's total. */
  readonly pruned: { readonly frames: number; readonly fraction: number };
}

/** The two trees merged by path: node i's parent, function name and values on each side. */
interface MergedTree {
  readonly parent: number[];
  readonly name: string[];
  /** `[side][sample type index of that side][node]`. */
  readonly base: Float64Array[];
  readonly current: Float64Array[];
}

function merge(base: ProfileSummary, current: ProfileSummary): MergedTree {
  const parent: number[] = [-1];
  const name: string[] = [''];
  // Children of a merged node by name; a node's map is made when it gets its first child.
  const children: (Map<string, number> | undefined)[] = [undefined];
  const mapSide = (tree: CallTree, names: readonly string[]): Int32Array => {
    const to = new Int32Array(tree.parent.length);
    for (let i = 1; i < tree.parent.length; i++) {
      const p = to[tree.parent[i]!]!;
      const r = tree.row[i]!;
      const n = r === ELIDED_ROW ? ELIDED_FRAME_NAME : names[r]!;
      let map = children[p];
      if (map === undefined) {
        map = new Map();
        children[p] = map;
      }
      let m = map.get(n);
      if (m === undefined) {
        m = parent.length;
        parent.push(p);
        name.push(n);
        children.push(undefined);
        map.set(n, m);
      }
      to[i] = m;
    }
    return to;
  };
  const baseTree = base.tree!;
  const currentTree = current.tree!;
  const baseTo = mapSide(baseTree, base.functions.name);
  const currentTo = mapSide(currentTree, current.functions.name);
  const spread = (tree: CallTree, to: Int32Array): Float64Array[] =>
    tree.value.map((v) => {
      const out = new Float64Array(parent.length);
      for (let i = 0; i < v.length; i++) out[to[i]!]! += v[i]!;
      return out;
    });
  return { parent, name, base: spread(baseTree, baseTo), current: spread(currentTree, currentTo) };
}

/**
 * A flat computed as cum minus the children's cums: 0 when what is left is rounding error of the
 * subtraction (sums of unsampled, fractional values), not a sample.
 */
function settle(flat: number, cum: number): number {
  return Math.abs(flat) <= Math.abs(cum) * 1e-9 ? 0 : flat;
}

/** Children of every node, as lists of node indices. */
function childrenOf(parent: readonly number[]): number[][] {
  const children: number[][] = parent.map(() => []);
  for (let i = 1; i < parent.length; i++) children[parent[i]!]!.push(i);
  return children;
}

function flameGraph(
  tree: MergedTree,
  children: readonly number[][],
  b: Float64Array,
  c: Float64Array,
  type: { sampleType: string; unit: string },
  fraction: number,
): FlameGraph {
  const baseLimit = fraction * Math.abs(b[0]!);
  const currentLimit = fraction * Math.abs(c[0]!);
  const size = (i: number): number => Math.max(Math.abs(b[i]!), Math.abs(c[i]!));
  // Each side against its own total: a base far smaller than the current one keeps its frames
  // (what was freed stays visible at the base's widths).
  const shown = (i: number): boolean =>
    size(i) > 0 && (Math.abs(b[i]!) >= baseLimit || Math.abs(c[i]!) >= currentLimit);
  const g = {
    depth: [] as number[],
    name: [] as string[],
    baseCum: [] as number[],
    currentCum: [] as number[],
    baseFlat: [] as number[],
    currentFlat: [] as number[],
  };
  let kept = 0;
  const stack: [node: number, depth: number][] = [[0, 0]];
  while (stack.length > 0) {
    const [i, depth] = stack.pop()!;
    kept++;
    let bf = b[i]!;
    let cf = c[i]!;
    const drawn: number[] = [];
    for (const ch of children[i]!) {
      bf -= b[ch]!;
      cf -= c[ch]!;
      if (shown(ch)) drawn.push(ch);
    }
    g.depth.push(depth);
    g.name.push(tree.name[i]!);
    g.baseCum.push(b[i]!);
    g.currentCum.push(c[i]!);
    g.baseFlat.push(settle(bf, b[i]!));
    g.currentFlat.push(settle(cf, c[i]!));
    // Widest first once popped: push in ascending order, names breaking ties so the order is stable.
    drawn.sort((x, y) => size(x) - size(y) || (tree.name[x]! < tree.name[y]! ? 1 : -1));
    for (const ch of drawn) stack.push([ch, depth + 1]);
  }
  let nonzero = 0;
  for (let i = 0; i < tree.parent.length; i++) if (size(i) > 0) nonzero++;
  return { ...type, ...g, pruned: { frames: Math.max(0, nonzero - kept), fraction } };
}

/**
 * The flame graphs of every sample type the diff compared, keyed by sample type, or undefined when
 * either summary lacks its call tree. Frames whose cum is below `fraction` of the base total in
 * the base and below `fraction` of the current total in the current profile are left out with
 * everything under them (counted in `pruned`).
 */
export function flameGraphs(
  base: ProfileSummary,
  current: ProfileSummary,
  diff: ProfileDiff,
  fraction: number = DEFAULT_NODE_FRACTION,
): Record<string, FlameGraph> | undefined {
  if (base.tree === undefined || current.tree === undefined) return undefined;
  const tree = merge(base, current);
  const children = childrenOf(tree.parent);
  const out: Record<string, FlameGraph> = {};
  for (const m of diff.metrics) {
    const t = { type: m.sampleType, unit: m.unit };
    const bi = base.sampleType.findIndex((u) => sameValueType(u, t));
    const ci = current.sampleType.findIndex((u) => sameValueType(u, t));
    if (bi < 0 || ci < 0) continue;
    out[m.sampleType] = flameGraph(tree, children, tree.base[bi]!, tree.current[ci]!, m, fraction);
  }
  return out;
}
