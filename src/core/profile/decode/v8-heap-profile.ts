import { DecodeError } from '../../errors.js';
import type { Function, Profile } from '../model.js';
import { missFactor } from '../sampling.js';
import { LocationColumnsBuilder } from './location-columns.js';
import { estimateInterval, nodeObjectSize, objectSize, type SamplingInterval } from './v8-sampling.js';
import { V8_HEAP_PROF_COMMENT } from '../sampler.js';

/**
 * V8's sampling heap profile, the `.heapprofile` JSON that `node --heap-prof` writes at exit (and
 * Chrome DevTools saves from "Allocation sampling"):
 *
 *   {"head": {"callFrame": {"functionName", "scriptId", "url", "lineNumber", "columnNumber"},
 *             "selfSize", "id", "children": [...]},
 *    "samples": [{"size", "nodeId", "ordinal"}, ...]}
 *
 * read into the Profile the pprof decoder produces:
 * - one sample type, inuse_space/bytes (the tree holds the objects alive when it was written);
 *   period type space/bytes, period = the sampling interval estimated from `samples[]`
 *   (v8-sampling.ts; 524288, V8's default, when there are none, as the comment says);
 * - one sample per tree node whose selfSize > 0, valued selfSize, its stack the node's path to the
 *   root, leaf first; the synthetic `(root)` head is no frame. Totals are Σ selfSize;
 * - one Function and one Location (one Line) per distinct frame, named
 *   `functionName url:line:column` (1-based; `(anonymous)` for an empty name; just the name when
 *   the url is empty, as for `(GC)` or `(V8 API)`); Function.filename is the url, the Line has the
 *   1-based line and column. V8 gives the position where the function starts, so the name is the
 *   function, not a call site;
 * - each sample has a numeric `bytes` label: the object size that gives the node's selfSize the
 *   sampling variance of its sampled objects (profile/sampling.ts, docs/noise-model.md).
 * The JSON is untrusted: every field is type-checked, the tree is walked without recursion and may
 * be at most MAX_DEPTH frames deep (V8 records 128 at most), the stacks it expands to at most
 * MAX_FRAMES frames in all, and sizes must be non-negative integers below 2^53 that sum below it.
 */
export function parseV8HeapProfile(bytes: Uint8Array): Profile {
  const doc = parseJson(bytes);
  const tree = walkTree(doc.head);
  const samples = readSamples(doc.samples);
  const interval = estimateInterval(samples.size);
  return build(tree, samples, interval);
}

/** The deepest stack heapgate reads from a V8 heap profile; V8's own limit is 128 frames. */
export const MAX_DEPTH = 1024;
/** The most frames the samples' stacks may hold in all (a profile of n nodes n·depth in the worst case). */
export const MAX_FRAMES = 2 ** 25;
/**
 * The largest JSON parsed: V8 makes at most 2^29-character strings, and JSON.parse takes several
 * times the text's size in memory. Real `.heapprofile` files are kilobytes to a few megabytes.
 */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/**
 * True when the first byte that is not blank (after an optional UTF-8 byte order mark) is `{`:
 * JSON, as a V8 profile is. A serialized pprof Profile cannot start so: 0x7b would be field 15 with
 * wire type 3, and a leading blank would be a field key with the wrong wire type (see
 * decode-profile.ts looksLikeProfileStart), except 0x0a, whose sample_type would then have to hold
 * JSON text.
 */
export function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const n = Math.min(bytes.length, 4096);
  while (i < n && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b;
}

const PREFIX = 'V8 heap profile';

function fail(message: string): never {
  throw new DecodeError(`${PREFIX}: ${message}`);
}

interface Document {
  readonly head: unknown;
  readonly samples: unknown;
}

/** The JSON's top-level object, checked to be a heap profile; other V8 JSON is named as what it is. */
function parseJson(bytes: Uint8Array): Document {
  if (bytes.length > MAX_JSON_BYTES) {
    fail(`${bytes.length} bytes of JSON, more than the ${MAX_JSON_BYTES} heapgate parses`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch (e) {
    // JSON.parse quotes part of the input in its message: keep it on one line and short.
    const why = (e as Error).message.replace(/\s+/g, ' ').slice(0, 160);
    fail(`invalid JSON: ${why}`);
  }
  // Not a heap profile at all: said as decodeProfile says it of other files, not as a broken heap profile.
  const notOne = (what: string): never => {
    throw new DecodeError(`not a pprof profile: ${what}`);
  };
  if (!isObject(doc)) return notOne('JSON that is not an object');
  if (!('head' in doc)) {
    if ('snapshot' in doc && 'nodes' in doc) {
      notOne('a V8 heap snapshot (.heapsnapshot), not a sampling heap profile: record with node --heap-prof');
    }
    if ('nodes' in doc && 'timeDeltas' in doc) {
      notOne('a V8 CPU profile (.cpuprofile), which measures no memory: record with node --heap-prof');
    }
    notOne('JSON without the "head" of a V8 heap profile (node --heap-prof writes .heapprofile files)');
  }
  return { head: doc.head, samples: doc.samples };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The tree, flattened in depth-first order: node `n` has parent `parent[n]` (-1 for the head),
 * frame `fn[n]` (a position in `functions`, -1 for the synthetic root), `depth[n]` frames up to the
 * root, and `selfSize[n]`. `at` maps a node id to its position.
 */
interface Tree {
  readonly parent: number[];
  readonly fn: number[];
  readonly depth: number[];
  readonly selfSize: number[];
  readonly at: Map<number, number>;
  readonly functions: Function[];
  /** The 1-based column where each function starts (0 when unknown): Function has no field for it. */
  readonly column: number[];
  /** Σ depth over the nodes with selfSize > 0: the frames their stacks hold. */
  readonly frames: number;
}

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

/** Walks the tree from `head` with an explicit stack (a deep tree cannot overflow the call stack). */
function walkTree(head: unknown): Tree {
  const tree = {
    parent: [] as number[],
    fn: [] as number[],
    depth: [] as number[],
    selfSize: [] as number[],
    at: new Map<number, number>(),
    functions: [] as Function[],
    column: [] as number[],
    frames: 0,
  };
  const functionAt = new Map<string, number>();
  let total = 0;
  const pending: { node: unknown; parent: number }[] = [{ node: head, parent: -1 }];
  while (pending.length > 0) {
    const { node, parent } = pending.pop()!;
    const n = tree.parent.length;
    if (!isObject(node)) fail(`node ${n} (in depth-first order) is not an object`);
    const id = node.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) fail(`node ${n}: "id" is not an integer`);
    const where = `node id ${id}`;
    if (tree.at.has(id)) fail(`${where} appears twice`);
    const selfSize = size(node.selfSize, `${where}: "selfSize"`, true);
    total += selfSize;
    if (total > Number.MAX_SAFE_INTEGER) fail(`the selfSizes sum to more than 2^53 bytes`);
    const frame = callFrame(node.callFrame, where);
    const synthetic = parent < 0 && frame.functionName === '(root)' && frame.url === '';
    const depth = parent < 0 ? (synthetic ? 0 : 1) : tree.depth[parent]! + 1;
    if (depth > MAX_DEPTH) fail(`the tree is deeper than ${MAX_DEPTH} frames (at ${where})`);
    if (selfSize > 0) {
      tree.frames += depth;
      if (tree.frames > MAX_FRAMES) fail(`the stacks hold more than ${MAX_FRAMES} frames in all`);
    }
    tree.at.set(id, n);
    tree.parent.push(parent);
    tree.fn.push(synthetic ? -1 : internFunction(frame, tree, functionAt));
    tree.depth.push(depth);
    tree.selfSize.push(selfSize);
    const children = node.children;
    if (children === undefined) continue;
    if (!Array.isArray(children)) fail(`${where}: "children" is not an array`);
    for (let c = children.length - 1; c >= 0; c--) pending.push({ node: children[c], parent: n });
  }
  return tree;
}

/** A size field: a non-negative integer below 2^53 (positive when `zero` is false). */
function size(v: unknown, what: string, zero: boolean): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || (v === 0 && !zero)) {
    fail(
      `${what} is ${JSON.stringify(v) ?? 'missing'}, not a ${zero ? 'non-negative' : 'positive'} integer below 2^53`,
    );
  }
  return v;
}

function callFrame(v: unknown, where: string): CallFrame {
  if (!isObject(v)) fail(`${where}: "callFrame" is not an object`);
  const { functionName, url, lineNumber, columnNumber } = v;
  if (typeof functionName !== 'string') fail(`${where}: "callFrame.functionName" is not a string`);
  if (typeof url !== 'string') fail(`${where}: "callFrame.url" is not a string`);
  for (const [name, value] of [
    ['lineNumber', lineNumber],
    ['columnNumber', columnNumber],
  ] as const) {
    // V8 writes -1 for "no position" (kNoLineNumberInfo, 0, minus one for the 0-based protocol).
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < -1) {
      fail(`${where}: "callFrame.${name}" is not an integer ≥ -1`);
    }
  }
  return { functionName, url, lineNumber: lineNumber as number, columnNumber: columnNumber as number };
}

/** `functionName url:line:column`, 1-based; see parseV8HeapProfile. */
function frameName(f: CallFrame): string {
  const name = f.functionName === '' ? '(anonymous)' : f.functionName;
  if (f.url === '') return name;
  if (f.lineNumber < 0) return `${name} ${f.url}`;
  return `${name} ${f.url}:${f.lineNumber + 1}${f.columnNumber < 0 ? '' : `:${f.columnNumber + 1}`}`;
}

/** The position of the frame's function, added if new; frames with the same name are one function. */
function internFunction(f: CallFrame, tree: Pick<Tree, 'functions' | 'column'>, at: Map<string, number>): number {
  const name = frameName(f);
  let i = at.get(name);
  if (i === undefined) {
    i = tree.functions.length;
    tree.functions.push({ id: i + 1, name, systemName: name, filename: f.url, startLine: f.lineNumber + 1 });
    tree.column.push(f.columnNumber + 1);
    at.set(name, i);
  }
  return i;
}

/** `samples[]`, checked: the scaled size and node id of each sampled object still alive. */
interface SampleList {
  readonly size: number[];
  readonly nodeId: number[];
}

function readSamples(v: unknown): SampleList {
  const out: SampleList = { size: [], nodeId: [] };
  // Older V8 wrote no samples[]: the profile is then read with the default interval.
  if (v === undefined) return out;
  if (!Array.isArray(v)) fail('"samples" is not an array');
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (!isObject(s)) fail(`sample ${i} is not an object`);
    out.size.push(size(s.size, `sample ${i}: "size"`, false));
    const nodeId = s.nodeId;
    if (typeof nodeId !== 'number' || !Number.isSafeInteger(nodeId)) fail(`sample ${i}: "nodeId" is not an integer`);
    out.nodeId.push(nodeId);
  }
  return out;
}

function build(tree: Tree, samples: SampleList, { interval, source }: SamplingInterval): Profile {
  const nodeCount = tree.parent.length;
  // The sampling variance of each node's selfSize: Σ over its sampled objects of v · s · (1 − p)/p.
  // A sample of a node that is not in the tree (V8 may sample an object allocated while it builds
  // the tree) still told the interval, and is left out here, as from the tree's totals.
  const variance = new Float64Array(nodeCount);
  const sampled = new Uint8Array(nodeCount);
  // Per node: the scaled size of its samples and how many, or -1 once they differ (mixed sizes).
  const single = new Map<number, { v: number; count: number }>();
  for (let i = 0; i < samples.size.length; i++) {
    const n = tree.at.get(samples.nodeId[i]!);
    if (n === undefined) continue;
    const v = samples.size[i]!;
    const seen = single.get(n);
    if (seen === undefined) single.set(n, { v, count: 1 });
    else if (seen.v === v) seen.count++;
    else seen.v = -1;
    sampled[n] = 1;
  }
  const sizeOf = new Map<number, number>();
  for (let i = 0; i < samples.size.length; i++) {
    const n = tree.at.get(samples.nodeId[i]!);
    if (n === undefined) continue;
    const one = single.get(n)!;
    if (one.v > 0) continue;
    const v = samples.size[i]!;
    let s = sizeOf.get(v);
    if (s === undefined) sizeOf.set(v, (s = objectSize(v, interval)));
    variance[n]! += v * s * missFactor(s, interval);
  }
  for (const [n, { v, count }] of single) {
    if (v < 0) continue;
    const s = nodeObjectSize(v, count, tree.selfSize[n]!, interval);
    variance[n] = count * v * s * missFactor(s, interval);
  }

  const columns = new LocationColumnsBuilder(tree.functions.length);
  tree.functions.forEach((f, i) => {
    columns.addLine(i, f.startLine, tree.column[i]!);
    columns.endLocation(i + 1, 0, -1, 0, 0, false);
  });
  const { locations, lines } = columns.finish();

  const count = tree.selfSize.reduce((c, v) => c + (v > 0 ? 1 : 0), 0);
  const locationStart = new Uint32Array(count + 1);
  const locationIndex = new Uint32Array(tree.frames);
  const value = new Float64Array(count);
  const labelSize = new Float64Array(count);
  let i = 0;
  let at = 0;
  for (let n = 0; n < nodeCount; n++) {
    const self = tree.selfSize[n]!;
    if (self === 0) continue;
    locationStart[i] = at;
    for (let m = n; m >= 0; m = tree.parent[m]!) if (tree.fn[m]! >= 0) locationIndex[at++] = tree.fn[m]!;
    value[i] = self;
    labelSize[i] = sampled[n] ? effectiveSize(variance[n]! / self, interval) : 1;
    i++;
  }
  locationStart[count] = at;
  const labelStart = Uint32Array.from({ length: count + 1 }, (_, j) => j);
  return {
    sampleType: [{ type: 'inuse_space', unit: 'bytes' }],
    samples: {
      count,
      locationStart,
      locationIndex,
      value,
      labelStart,
      labelKey: new Array<string>(count).fill('bytes'),
      labelStr: new Array<string>(count).fill(''),
      labelNum: labelSize,
      labelNumUnit: new Array<string>(count).fill(''),
    },
    mapping: [],
    locations,
    lines,
    function: tree.functions,
    dropFrames: '',
    keepFrames: '',
    timeNanos: 0n,
    durationNanos: 0n,
    periodType: { type: 'space', unit: 'bytes' },
    period: interval,
    comment: [intervalComment(interval, source, samples.size.length)],
    defaultSampleTypeIndex: 0,
    docUrl: '',
  };
}

/** What the profile says about its sampling interval, for whoever reads its comments. */
function intervalComment(interval: number, source: SamplingInterval['source'], samples: number): string {
  const how = {
    samples: `estimated from ${samples} samples`,
    assumed: "assumed (V8's default): the profile has no samples to estimate it from",
    'upper-bound': `the upper bound of ${samples} samples, which no interval explains exactly`,
  }[source];
  return `${V8_HEAP_PROF_COMMENT} V8 sampling heap profile, sampling interval ${interval} bytes ${how}`;
}

/**
 * The object size s whose variance factor s·(1 − p)/p = s/(e^(s/R) − 1) is `target`, so that one
 * `bytes` label gives a node's selfSize the variance of all its sampled objects, whatever their
 * sizes. The factor falls from R (tiny objects) to 0 (objects of many R); bisection on s in
 * [1, 64·R]. A node with selfSize but no sample listed gets 1, the most uncertain size.
 */
function effectiveSize(target: number, interval: number): number {
  const factor = (s: number): number => s * missFactor(s, interval);
  let lo = 1;
  let hi = 64 * interval;
  if (!(target < factor(lo))) return lo;
  if (!(target > factor(hi))) return hi;
  for (let k = 0; k < 64 && hi - lo > 1e-6 * lo; k++) {
    const mid = (lo + hi) / 2;
    if (factor(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
