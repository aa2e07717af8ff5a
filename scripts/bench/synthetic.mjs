// Synthetic Go heap profiles for benchmarks: a deterministic call tree, samples drawn from it, and
// an encoder that writes the protobuf the way Go's runtime/pprof does (locations and functions
// emitted just before the first sample that uses them, mappings after the samples, the string table
// last, repeated fields packed only when they have more than two elements).
import { gzipSync } from 'node:zlib';
import { at, atF64, atI32, atU8 } from './at.mjs';
import { makeRandom, permutation, randInt } from './prng.mjs';
import { PbWriter } from './pb-writer.mjs';

const MEM_PROFILE_RATE = 524288;
const MAX_DEPTH = 40;
const MIN_DEPTH = 10;
const TEXT_START = 0x401000;
// 2025-11-21T00:00:00Z: above 2^53, like every real time_nanos.
const TIME_NANOS = 1763683200000000000n;
// Go's small size classes, then a few large object sizes.
const SIZE_CLASSES = [
  8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480,
  512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864,
  5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760,
  24576, 27264, 28672, 32768, 40960, 65536, 131072, 262144, 1048576, 4194304,
];

/**
 * @typedef {object} SyntheticShape
 * @property {number} samples   number of samples (stacks); ≥ 1
 * @property {number} locations number of distinct locations; ≥ MAX_DEPTH
 * @property {number} functions number of distinct functions; ≥ 1
 * @property {string|number} seed the structure seed: base and current of one pair share it
 */

/** @typedef {'base' | 'current'} Variant which profile of a pair */

/**
 * The call tree, one entry per node (= location) in each array, indexed by node.
 * @typedef {object} Tree
 * @property {Int32Array} parent the caller's node, -1 at a root
 * @property {Uint8Array} depth 1 at a root
 * @property {Int32Array} fn the location's own (calling) function
 * @property {Uint8Array} lineCount 1–3 lines: the inlined callees, then the location's own function
 * @property {Int32Array} inlined up to two inlined callees per node, at node * 2 + k
 * @property {Int32Array} lineNo the line numbers, at node * 3 + k
 * @property {Float64Array} address
 * @property {number[]} leaves the node at the end of each chain
 * @property {Int32Array} startLine per function
 * @property {number} count number of nodes
 */

/**
 * The samples of one profile, indexed by sample.
 * @typedef {object} Samples
 * @property {number} count
 * @property {Int32Array} leafOf the allocation site (a tree node) of each sample
 * @property {Float64Array} values four per sample: alloc_objects, alloc_space, inuse_objects, inuse_space
 * @property {Float64Array} sizeOf the `bytes` label of each sample
 * @property {Map<number, number>} hot the functions that grow in `current`, with their growth factors
 */

/**
 * What a generated profile holds, as generated (before encoding): what --verify checks against.
 * @typedef {object} SyntheticStats
 * @property {number} samples
 * @property {number} locations locations actually emitted (used by some sample)
 * @property {number} functions functions actually emitted
 * @property {number} leaves
 * @property {number} meanStackDepth
 * @property {{ name: string, growth: number }[]} hotFunctions
 * @property {number} rawBytes
 * @property {number[]} totals value totals per sample type, in profile order
 * @property {number} labelTotal sum of the `bytes` labels
 */

/** @param {number} n */
const pad2 = (n) => String(n).padStart(2, '0');

/**
 * Function `f`'s name and file, unique by construction: f ↔ (service, package, type, method).
 * Type 0 of each package holds plain functions, the others pointer-receiver methods.
 * @param {number} f
 * @returns {{ name: string, file: string }}
 */
function functionName(f) {
  const method = f % 10;
  const type = Math.floor(f / 10) % 5;
  const pkg = Math.floor(f / 50) % 20;
  const svc = Math.floor(f / 1000);
  const path = `github.com/acme/svc${pad2(svc)}/pkg${pad2(pkg)}`;
  const name = type === 0 ? `${path}.func${method}` : `${path}.(*Type${type}).Method${method}`;
  return { name, file: `/home/ci/go/src/${path}/type${type}.go` };
}

/**
 * The call tree: `locations` nodes built as chains hanging off existing nodes (mostly shallow ones,
 * so the top of the tree is shared by many stacks), each chain ending at a leaf 10–40 frames deep.
 * Every node lies on the path of at least one leaf.
 * @param {import('./prng.mjs').Random} random
 * @param {number} nLocations
 * @param {number} nFunctions
 * @returns {Tree}
 */
function buildTree(random, nLocations, nFunctions) {
  const parent = new Int32Array(nLocations);
  const depth = new Uint8Array(nLocations);
  const fn = new Int32Array(nLocations); // the location's own (calling) function
  const lineCount = new Uint8Array(nLocations);
  const inlined = new Int32Array(nLocations * 2); // up to two inlined callees per location
  const lineNo = new Int32Array(nLocations * 3);
  const address = new Float64Array(nLocations);
  /** @type {number[]} */
  const leaves = [];
  /** @type {number[][]} */
  const byDepth = Array.from({ length: MAX_DEPTH + 1 }, () => []);
  const fnOrder = permutation(random, nFunctions);
  const startLine = new Int32Array(nFunctions);
  for (let f = 0; f < nFunctions; f++) startLine[f] = randInt(random, 10, 2000);
  // Popular functions (helpers, encoders, loggers) recur across unrelated stacks.
  const popularFunction = () => atI32(fnOrder, Math.floor(nFunctions * random() ** 3));

  let n = 0;
  let addr = TEXT_START;
  /**
   * Appends a node below `p` (-1: a new root) and returns it.
   * @param {number} p
   * @returns {number}
   */
  const addNode = (p) => {
    const i = n++;
    parent[i] = p;
    const d = p < 0 ? 1 : atU8(depth, p) + 1;
    depth[i] = d;
    at(byDepth, d).push(i);
    if (i < nFunctions)
      fn[i] = atI32(fnOrder, i); // every function is used at least once
    else if (p >= 0 && random() < 0.5)
      fn[i] = (atI32(fn, p) + 1 + Math.floor(-Math.log(1 - random()) * 8)) % nFunctions;
    else fn[i] = popularFunction();
    const r = random();
    const lines = r < 0.75 ? 1 : r < 0.93 ? 2 : 3;
    lineCount[i] = lines;
    for (let k = 0; k < lines - 1; k++) inlined[i * 2 + k] = popularFunction();
    for (let k = 0; k < lines; k++) {
      const f = k === lines - 1 ? atI32(fn, i) : atI32(inlined, i * 2 + k);
      lineNo[i * 3 + k] = atI32(startLine, f) + randInt(random, 1, 200);
    }
    addr += randInt(random, 8, 64);
    address[i] = addr;
    return i;
  };

  while (n < nLocations) {
    const remaining = nLocations - n;
    let p;
    let target;
    if (n === 0 || random() < 0.0005) {
      p = -1;
      target = MIN_DEPTH + Math.floor((MAX_DEPTH - MIN_DEPTH + 1) * random() ** 2);
    } else {
      // Branch mostly near the top; within a depth, prefer early (popular) nodes.
      const d = 1 + Math.floor((MAX_DEPTH - 2) * random() ** 2);
      const atDepth = at(byDepth, d);
      const pool = atDepth.length > 0 ? atDepth : at(byDepth, 1);
      p = at(pool, Math.floor(pool.length * random() ** 2));
      const lo = Math.max(MIN_DEPTH, atU8(depth, p) + 1);
      target = lo + Math.floor((MAX_DEPTH - lo + 1) * random() ** 2);
    }
    const from = p < 0 ? 0 : atU8(depth, p);
    if (target - from > remaining) {
      // The last chain: hang it where it still ends at least MIN_DEPTH deep.
      const d = Math.max(1, MIN_DEPTH - remaining);
      p = at(at(byDepth, d), 0);
      target = atU8(depth, p) + remaining;
    }
    let node = p;
    for (let dd = p < 0 ? 0 : atU8(depth, p); dd < target; dd++) node = addNode(node);
    leaves.push(node);
  }
  return { parent, depth, fn, lineCount, inlined, lineNo, address, leaves, startLine, count: n };
}

/**
 * Go's scaleHeapSample: unsample (count, size) taken at MemProfileRate `rate`.
 * @param {number} count
 * @param {number} size
 * @param {number} rate
 * @returns {[number, number]} the estimated count and size
 */
function scaleHeapSample(count, size, rate) {
  if (count === 0 || size === 0) return [0, 0];
  if (rate <= 1) return [count, size];
  const avg = size / count;
  const scale = 1 / (1 - Math.exp(-avg / rate));
  return [Math.trunc(count * scale), Math.trunc(size * scale)];
}

/**
 * The samples. Each ends at an allocation site: every leaf of the tree once (so every location is
 * used when there are at least as many samples as leaves), then sites drawn with a skew (hot sites
 * recur) among all nodes at least MIN_DEPTH deep.
 * Like Go's runtime, which keeps one bucket per (stack, object size), no two samples share both
 * their stack and their `bytes` label. Base and current share sites and sizes; the sampled counts
 * come from a variant-specific stream (sampling noise), and in `current` the stacks through a few
 * hot functions allocate 1.6–3× more.
 * @param {Tree} tree
 * @param {SyntheticShape} shape
 * @param {Variant} variant
 * @returns {Samples}
 */
function buildSamples(tree, shape, variant) {
  const structure = makeRandom(`${shape.seed}/samples`);
  const noise = makeRandom(`${shape.seed}/${variant}`);
  const { leaves } = tree;
  const leafOrder = permutation(structure, leaves.length);
  /** @type {number[]} */
  const deep = [];
  for (let node = 0; node < tree.count; node++) if (atU8(tree.depth, node) >= MIN_DEPTH) deep.push(node);
  const deepOrder = permutation(structure, deep.length);
  const siteSize = new Uint8Array(tree.count); // default size class of an allocation site
  const siteMean = new Float64Array(tree.count); // mean sampled allocations per bucket
  for (let node = 0; node < tree.count; node++) {
    siteSize[node] = Math.floor(SIZE_CLASSES.length * structure() ** 2.5);
    siteMean[node] = 0.5 + 6 * structure() ** 4;
  }
  // Hot spots: functions that grow in `current`, and their growth factors.
  /** @type {Map<number, number>} */
  const hot = new Map();
  for (let k = 0; k < 5; k++) {
    let node = at(deep, atI32(deepOrder, Math.floor(structure() * Math.min(deep.length, 50))));
    // Hang the growth on a frame a few levels above the site so it shows in cum and in flat.
    for (let up = randInt(structure, 0, 3); up > 0 && atI32(tree.parent, node) >= 0; up--)
      node = atI32(tree.parent, node);
    hot.set(atI32(tree.fn, node), 1.6 + 1.4 * structure());
  }

  const count = shape.samples;
  const leafOf = new Int32Array(count);
  const values = new Float64Array(count * 4);
  const sizeOf = new Float64Array(count);
  /** @type {Set<number>} */
  const buckets = new Set();
  for (let i = 0; i < count; i++) {
    let site;
    let sizeClass;
    for (let attempt = 0; ; attempt++) {
      site =
        i < leaves.length
          ? at(leaves, atI32(leafOrder, i))
          : at(deep, atI32(deepOrder, Math.floor(deep.length * structure() ** 2)));
      sizeClass =
        attempt === 0 && structure() < 0.8
          ? atU8(siteSize, site)
          : Math.floor(SIZE_CLASSES.length * structure() ** 1.5);
      const key = site * 128 + sizeClass;
      // Give up on uniqueness after a few tries rather than loop forever on tiny trees.
      if (!buckets.has(key) || attempt === 16) {
        buckets.add(key);
        break;
      }
    }
    leafOf[i] = site;
    const size = at(SIZE_CLASSES, sizeClass);
    sizeOf[i] = size;
    const keep = structure(); // whether objects are still in use: shared by base and current
    let mean = atF64(siteMean, site);
    if (variant === 'current') {
      for (let node = site; node >= 0; node = atI32(tree.parent, node)) {
        const g = hot.get(atI32(tree.fn, node));
        if (g !== undefined) {
          mean *= g;
          break;
        }
      }
    }
    // Sampled allocation count: at least one (Go only records sampled stacks), geometric-ish tail.
    const sampled = 1 + Math.floor(-Math.log(1 - noise()) * mean);
    const inuse = keep < 0.35 ? 0 : Math.round(sampled * noise());
    const [ao, as] = scaleHeapSample(sampled, sampled * size, MEM_PROFILE_RATE);
    const [io, is] = scaleHeapSample(inuse, inuse * size, MEM_PROFILE_RATE);
    values[i * 4] = ao;
    values[i * 4 + 1] = as;
    values[i * 4 + 2] = io;
    values[i * 4 + 3] = is;
  }
  return { count, leafOf, values, sizeOf, hot };
}

/**
 * Encodes the tree and samples as Go's heap profile writer would (raw protobuf, not gzipped).
 * @param {Tree} tree
 * @param {Samples} samples
 * @param {number} nFunctions
 * @returns {{ raw: Uint8Array, locationsUsed: number, functionsUsed: number }}
 */
function encode(tree, samples, nFunctions) {
  const strings = [''];
  const stringIndex = new Map([['', 0]]);
  /**
   * The string table index of `s`, adding it on first use.
   * @param {string} s
   */
  const str = (s) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const out = new PbWriter(1 << 20);
  const msg = new PbWriter(256);
  const sub = new PbWriter(64);
  /**
   * @param {number} field
   * @param {string} type
   * @param {string} unit
   */
  const valueType = (field, type, unit) => {
    msg.reset();
    msg.uintOpt(1, str(type));
    msg.uintOpt(2, str(unit));
    out.message(field, msg);
  };
  valueType(11, 'space', 'bytes');
  out.uintOpt(12, MEM_PROFILE_RATE);
  valueType(1, 'alloc_objects', 'count');
  valueType(1, 'alloc_space', 'bytes');
  valueType(1, 'inuse_objects', 'count');
  valueType(1, 'inuse_space', 'bytes');

  const locationId = new Int32Array(tree.count); // 0 = not emitted yet
  const functionId = new Int32Array(nFunctions);
  let nextLocation = 1;
  let nextFunction = 1;
  /**
   * Writes function `f`'s message unless already written; returns its id.
   * @param {number} f
   * @returns {number}
   */
  const emitFunction = (f) => {
    const known = atI32(functionId, f);
    if (known !== 0) return known;
    const id = nextFunction++;
    functionId[f] = id;
    const { name, file } = functionName(f);
    msg.reset();
    msg.uintOpt(1, id);
    msg.uintOpt(2, str(name));
    msg.uintOpt(3, str(name));
    msg.uintOpt(4, str(file));
    msg.uintOpt(5, atI32(tree.startLine, f));
    out.message(5, msg);
    return id;
  };
  /**
   * Writes the location message of `node` (then the functions it is the first to use); returns its id.
   * @param {number} node
   * @returns {number}
   */
  const emitLocation = (node) => {
    const id = nextLocation++;
    locationId[node] = id;
    const lines = atU8(tree.lineCount, node);
    /** @type {number[]} */
    const fids = [];
    for (let k = 0; k < lines; k++)
      fids.push(k === lines - 1 ? atI32(tree.fn, node) : atI32(tree.inlined, node * 2 + k));
    msg.reset();
    msg.uintOpt(1, id);
    msg.uintOpt(2, 1);
    msg.uintOpt(3, atF64(tree.address, node));
    /** @type {number[]} */
    const newFunctions = [];
    for (let k = 0; k < lines; k++) {
      const f = at(fids, k);
      let fid = atI32(functionId, f);
      if (fid === 0) {
        // Go assigns the id here and writes the function message after the location.
        let k2 = newFunctions.indexOf(f);
        if (k2 < 0) k2 = newFunctions.push(f) - 1;
        fid = nextFunction + k2;
      }
      sub.reset();
      sub.uintOpt(1, fid);
      sub.uintOpt(2, atI32(tree.lineNo, node * 3 + k));
      msg.message(4, sub);
    }
    out.message(4, msg);
    for (const f of newFunctions) emitFunction(f);
    return id;
  };

  const stack = new Float64Array(MAX_DEPTH);
  const bytesKey = str('bytes');
  const sample = new PbWriter(512);
  for (let i = 0; i < samples.count; i++) {
    let depth = 0;
    for (let node = atI32(samples.leafOf, i); node >= 0; node = atI32(tree.parent, node)) {
      const id = atI32(locationId, node);
      stack[depth++] = id !== 0 ? id : emitLocation(node);
    }
    sample.reset();
    sample.repeatedUint(1, stack, depth);
    sample.repeatedUint(2, samples.values.subarray(i * 4, i * 4 + 4));
    sub.reset();
    sub.uintOpt(1, bytesKey);
    sub.uintOpt(3, atF64(samples.sizeOf, i));
    sample.message(3, sub);
    out.message(2, sample);
  }

  out.tag(9, 0);
  out.varintBig(TIME_NANOS);
  msg.reset();
  msg.uintOpt(1, 1);
  msg.uintOpt(2, 0x400000);
  msg.uintOpt(3, Math.ceil((atF64(tree.address, tree.count - 1) + 0x1000) / 0x1000) * 0x1000);
  msg.uintOpt(4, 0);
  msg.uintOpt(5, str('/usr/local/bin/acme-server'));
  msg.uintOpt(6, str('4f1c2b7e9a0d3c5b8e6f7a1d2c3b4a5f6e7d8c9b'));
  msg.bool(7, true);
  out.message(3, msg);
  const encoder = new TextEncoder();
  for (const s of strings) out.bytes(6, encoder.encode(s));
  return { raw: out.finish(), locationsUsed: nextLocation - 1, functionsUsed: nextFunction - 1 };
}

/**
 * `text` as a Variant, or an error saying what is allowed.
 * @param {string} text
 * @returns {Variant}
 */
export function asVariant(text) {
  if (text !== 'base' && text !== 'current') throw new Error(`variant must be base or current, got ${text}`);
  return text;
}

/**
 * Generates one synthetic Go heap profile.
 * @param {SyntheticShape} shape
 * @param {Variant} variant base and current of a pair share the call tree and stack choice;
 *   they differ by sampling noise and by a few hot spots that grow in `current`.
 * @returns {{ raw: Uint8Array, gz: Buffer, stats: SyntheticStats }} raw protobuf, its gzip (level 1,
 *   as Go), and the shape actually produced, with the value totals per sample type and the `bytes`
 *   label total as generated (before encoding).
 */
export function generateProfile(shape, variant) {
  if (!(shape.samples >= 1 && shape.locations >= MAX_DEPTH && shape.functions >= 1)) {
    throw new Error(`invalid shape: need samples ≥ 1, locations ≥ ${MAX_DEPTH}, functions ≥ 1`);
  }
  asVariant(variant);
  const tree = buildTree(makeRandom(`${shape.seed}/tree`), shape.locations, shape.functions);
  const samples = buildSamples(tree, shape, variant);
  const { raw, locationsUsed, functionsUsed } = encode(tree, samples, shape.functions);
  let frames = 0;
  let labelTotal = 0;
  const totals = [0, 0, 0, 0];
  for (let i = 0; i < samples.count; i++) {
    for (let n = atI32(samples.leafOf, i); n >= 0; n = atI32(tree.parent, n)) frames++;
    for (let t = 0; t < 4; t++) totals[t] = at(totals, t) + atF64(samples.values, i * 4 + t);
    labelTotal += atF64(samples.sizeOf, i);
  }
  /** @type {SyntheticStats} */
  const stats = {
    samples: samples.count,
    locations: locationsUsed,
    functions: functionsUsed,
    leaves: tree.leaves.length,
    meanStackDepth: frames / samples.count,
    hotFunctions: [...samples.hot].map(([f, g]) => ({ name: functionName(f).name, growth: Number(g.toFixed(2)) })),
    rawBytes: raw.length,
    totals,
    labelTotal,
  };
  return { raw, gz: gzipSync(raw, { level: 1 }), stats };
}
