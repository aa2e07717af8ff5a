/**
 * The call tree of one profile: every distinct stack path, from the root caller to the leaf, with
 * the sum of the samples that went through it. What a flame graph draws (pprof's `-http` flame
 * graph: one frame per function per stack position, inlined frames expanded).
 */

/**
 * Nodes in creation order; node 0 is the root (no function, all samples). For node `i > 0`:
 * - `parent[i]`: the caller's node (< i);
 * - `row[i]`: the function's row in the summary's FunctionTotals (the name is `name[row[i]]`);
 * - `value[t][i]`: for sample type t, the sum of the values of the samples whose stack starts, from
 *   the root, with the path ending at this node (the node's cum; its flat is that minus its
 *   children's).
 * A function called recursively appears once per level, as in pprof's flame graph. A stack deeper
 * than MAX_TREE_DEPTH has one node of row ELIDED_ROW for its middle frames.
 */
export interface CallTree {
  readonly parent: Int32Array;
  readonly row: Int32Array;
  readonly value: readonly Float64Array[];
}

/**
 * Stacks deeper than this many frames keep their first ROOT_FRAMES (from the root) and last
 * LEAF_FRAMES (to the leaf), with one ELIDED_ROW frame for the rest between them: a flame graph of
 * a million-frame stack (3.5 KB as a profile) would otherwise be a million nodes deep.
 */
export const MAX_TREE_DEPTH = 256;
const ROOT_FRAMES = 128;
const LEAF_FRAMES = MAX_TREE_DEPTH - ROOT_FRAMES - 1;

/** The row of the frame that stands for a deep stack's middle frames (see MAX_TREE_DEPTH). */
export const ELIDED_ROW = -2;

/** The name the flame graph gives ELIDED_ROW frames. */
export const ELIDED_FRAME_NAME = `[… frames elided: the stack is deeper than ${MAX_TREE_DEPTH} frames]`;

/** How each location maps to function rows (built by aggregate.ts; see its RowIndex). */
export interface LocationRows {
  /** A location's row when it has one line, else ~m for the m-th multi-line location. */
  readonly code: Int32Array;
  readonly multiStart: Int32Array;
  /** A multi-line location's rows, line[0]'s (the innermost inlined callee) first. */
  readonly multiRows: Int32Array;
}

/** A well-mixed 32-bit hash of a (parent, row) pair. */
function slotOf(parent: number, row: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(row + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Sums samples into a CallTree as they are read, storing nothing per sample. */
export class CallTreeBuilder {
  private readonly k: number;
  private readonly rows: LocationRows;
  /**
   * The child of (parent, row), in an open-addressing hash table: slot s holds node `slotNode[s]`
   * (-1: empty), looked up by its parent and row. A Map keyed by numbers above 2^31 was the
   * slowest part of building a large profile's tree (its keys are boxed doubles).
   */
  private slotNode = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  private parent = new Int32Array(1024);
  private row = new Int32Array(1024);
  /** The child each node's last step went to (0: none yet; the root is nobody's child). */
  private lastChild = new Int32Array(1024);
  /** Row-major: node i's k values at i * k. */
  private value: Float64Array;
  private count = 1;

  constructor(rows: LocationRows, sampleTypeCount: number) {
    this.rows = rows;
    this.k = sampleTypeCount;
    this.value = new Float64Array(1024 * sampleTypeCount);
    this.parent[0] = -1;
    this.row[0] = -1;
  }

  /**
   * Adds the values `sv[0 .. k)` of a sample with the stack `locationIndex[first .. last)` (leaf
   * first): to its leaf node only; finish() sums every node's values into its callers, once.
   */
  add(locationIndex: Uint32Array, first: number, last: number, sv: Float64Array): void {
    const { code: codeOf, multiStart, multiRows } = this.rows;
    let node = 0;
    let depth = 0;
    for (let j = last - 1; j >= first; j--) {
      const code = codeOf[locationIndex[j]!]!;
      if (code >= 0) {
        node = this.step(node, code);
        if (++depth > MAX_TREE_DEPTH) return this.addDeep(locationIndex, first, last, sv);
        continue;
      }
      // Lines from the last (the caller) to the first (the innermost inlined callee).
      for (let e = multiStart[~code + 1]! - 1; e >= multiStart[~code]!; e--) {
        node = this.step(node, multiRows[e]!);
        if (++depth > MAX_TREE_DEPTH) return this.addDeep(locationIndex, first, last, sv);
      }
    }
    this.addValue(node, sv);
  }

  /** add for a stack deeper than MAX_TREE_DEPTH: its rows listed first, the middle ones elided. */
  private addDeep(locationIndex: Uint32Array, first: number, last: number, sv: Float64Array): void {
    const { code: codeOf, multiStart, multiRows } = this.rows;
    // Root first. A stack's rows are bounded by the profile's size, which the decoder caps.
    const rows: number[] = [];
    for (let j = last - 1; j >= first; j--) {
      const code = codeOf[locationIndex[j]!]!;
      if (code >= 0) rows.push(code);
      else for (let e = multiStart[~code + 1]! - 1; e >= multiStart[~code]!; e--) rows.push(multiRows[e]!);
    }
    let node = 0;
    for (let i = 0; i < ROOT_FRAMES; i++) node = this.step(node, rows[i]!);
    node = this.step(node, ELIDED_ROW);
    for (let i = rows.length - LEAF_FRAMES; i < rows.length; i++) node = this.step(node, rows[i]!);
    this.addValue(node, sv);
  }

  /** The child of `node` for function row `row`, created when new. */
  private step(node: number, row: number): number {
    // Stacks share their callers' paths: the child a node led to last time is often the one again.
    const cached = this.lastChild[node]!;
    if (cached !== 0 && this.row[cached] === row) return cached;
    const slotNode = this.slotNode;
    const mask = this.mask;
    let s = slotOf(node, row) & mask;
    let next = slotNode[s]!;
    while (next >= 0 && (this.parent[next] !== node || this.row[next] !== row)) {
      s = (s + 1) & mask;
      next = slotNode[s]!;
    }
    if (next < 0) {
      next = this.grow();
      this.parent[next] = node;
      this.row[next] = row;
      slotNode[s] = next;
      // At most half full, so probes stay short.
      if (this.count * 2 > mask) this.rehash();
    }
    this.lastChild[node] = next;
    return next;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const slotNode = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 1; i < this.count; i++) {
      let s = slotOf(this.parent[i]!, this.row[i]!) & mask;
      while (slotNode[s]! >= 0) s = (s + 1) & mask;
      slotNode[s] = i;
    }
    this.slotNode = slotNode;
    this.mask = mask;
  }

  private addValue(node: number, sv: Float64Array): void {
    const k = this.k;
    const value = this.value;
    for (let t = 0, o = node * k; t < k; t++) value[o + t]! += sv[t]!;
  }

  private grow(): number {
    const i = this.count++;
    if (i === this.parent.length) {
      const size = i * 2;
      const parent = new Int32Array(size);
      parent.set(this.parent);
      this.parent = parent;
      const row = new Int32Array(size);
      row.set(this.row);
      this.row = row;
      const lastChild = new Int32Array(size);
      lastChild.set(this.lastChild);
      this.lastChild = lastChild;
      const value = new Float64Array(size * this.k);
      value.set(this.value);
      this.value = value;
    }
    return i;
  }

  /**
   * The tree, with arrays trimmed to its nodes: each node's values summed into its callers first
   * (a node is created after its caller, so one pass from the last node back gives every node its
   * cum). Call once.
   */
  finish(): CallTree {
    const n = this.count;
    const k = this.k;
    const parent = this.parent;
    const v = this.value;
    for (let i = n - 1; i > 0; i--) {
      const from = i * k;
      const to = parent[i]! * k;
      for (let t = 0; t < k; t++) v[to + t]! += v[from + t]!;
    }
    const value: Float64Array[] = [];
    for (let t = 0; t < k; t++) {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = this.value[i * k + t]!;
      value.push(col);
    }
    return { parent: this.parent.slice(0, n), row: this.row.slice(0, n), value };
  }
}
