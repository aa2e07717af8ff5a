import { gzipSync } from 'node:zlib';
import { DecodeError } from '../../../../src/core/errors.js';
import { summarize } from '../../../../src/core/profile/aggregate.js';
import { decodeProfile, parseV8HeapProfile } from '../../../../src/core/profile/decode/index.js';
import { MAX_DEPTH, MAX_FRAMES } from '../../../../src/core/profile/decode/v8-heap-profile.js';
import {
  estimateInterval,
  objectSize,
  scaledCount,
  V8_DEFAULT_SAMPLING_INTERVAL,
} from '../../../../src/core/profile/decode/v8-sampling.js';
import type { Profile } from '../../../../src/core/profile/model.js';
import { missFactor } from '../../../../src/core/profile/sampling.js';

/** A V8 heap profile node, as the inspector writes it (0-based positions, -1 for none). */
interface Node {
  callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  id: number;
  children: Node[];
}

function node(id: number, functionName: string, url: string, line: number, column: number, selfSize = 0): Node {
  return {
    callFrame: { functionName, scriptId: '0', url, lineNumber: line, columnNumber: column },
    selfSize,
    id,
    children: [],
  };
}

function withChildren(parent: Node, ...children: Node[]): Node {
  parent.children.push(...children);
  return parent;
}

/**
 * (root) → main.mjs top level → handle (selfSize 3000) → push, a builtin without a script (500);
 * (root) → (GC) (200); an anonymous function (100) under the top level.
 */
function example(samples: unknown[] = []): { head: Node; samples: unknown[] } {
  const url = 'file:///srv/main.mjs';
  const head = withChildren(
    node(1, '(root)', '', -1, -1),
    withChildren(
      node(2, '', url, 0, 0),
      withChildren(node(3, 'handle', url, 9, 4, 3000), node(4, 'push', '', -1, -1, 500)),
      node(5, '', url, 20, 16, 100),
    ),
    node(6, '(GC)', '', -1, -1, 200),
  );
  return { head, samples };
}

function bytesOf(doc: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(doc));
}

/** The frame names of sample `i`, leaf first. */
function stack(p: Profile, i: number): string[] {
  const out: string[] = [];
  for (let j = p.samples.locationStart[i]!; j < p.samples.locationStart[i + 1]!; j++) {
    const l = p.samples.locationIndex[j]!;
    out.push(p.function[p.lines.function[p.locations.lineStart[l]!]!]!.name);
  }
  return out;
}

function decodeError(bytes: Uint8Array): string {
  try {
    decodeProfile(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    const message = (e as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('decoded without an error');
}

describe('the Profile read from a V8 heap profile', () => {
  const p = parseV8HeapProfile(bytesOf(example()));

  test('one inuse_space sample per node with selfSize, period type space/bytes', () => {
    expect(p.sampleType).toEqual([{ type: 'inuse_space', unit: 'bytes' }]);
    expect(p.periodType).toEqual({ type: 'space', unit: 'bytes' });
    expect(p.defaultSampleTypeIndex).toBe(0);
    expect(p.samples.count).toBe(4);
    expect(Array.from(p.samples.value)).toEqual([3000, 500, 100, 200]);
  });

  test('stacks run from the node to the root, leaf first, without (root); names carry url:line:column', () => {
    expect(stack(p, 0)).toEqual(['handle file:///srv/main.mjs:10:5', '(anonymous) file:///srv/main.mjs:1:1']);
    expect(stack(p, 1)).toEqual(['push', 'handle file:///srv/main.mjs:10:5', '(anonymous) file:///srv/main.mjs:1:1']);
    expect(stack(p, 2)).toEqual(['(anonymous) file:///srv/main.mjs:21:17', '(anonymous) file:///srv/main.mjs:1:1']);
    expect(stack(p, 3)).toEqual(['(GC)']);
  });

  test('a function per frame, with the url as filename and 1-based lines and columns', () => {
    const handle = p.function.findIndex((f) => f.name.startsWith('handle '));
    expect(p.function[handle]).toMatchObject({ filename: 'file:///srv/main.mjs', startLine: 10 });
    const line = p.lines.function.indexOf(handle);
    expect([p.lines.line[line], p.lines.column[line]]).toEqual([10, 5]);
    expect(p.function.find((f) => f.name === 'push')).toMatchObject({ filename: '', startLine: 0 });
    expect(p.function.some((f) => f.name === '(root)')).toBe(false);
  });

  test('totals are Σ selfSize; flat and cum per function as pprof sums them', () => {
    const s = summarize(p);
    expect(s.total).toEqual([3800]);
    const row = (name: string): number => s.functions.name.indexOf(name);
    const handle = row('handle file:///srv/main.mjs:10:5');
    expect(s.functions.flat[0]![handle]).toBe(3000);
    expect(s.functions.cum[0]![handle]).toBe(3500);
    expect(s.functions.cum[0]![row('(anonymous) file:///srv/main.mjs:1:1')]).toBe(3600);
  });

  test('without samples the interval is assumed to be the default, and the comment says so', () => {
    expect(p.period).toBe(V8_DEFAULT_SAMPLING_INTERVAL);
    expect(p.comment.join('\n')).toMatch(/sampling interval 524288 bytes assumed/);
  });

  test('recognized by content: raw, gzipped, after a byte order mark or blanks', () => {
    const raw = bytesOf(example());
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x20, ...raw]);
    for (const bytes of [raw, gzipSync(raw), bom, gzipSync(bom)]) {
      expect(summarize(decodeProfile(bytes)).total).toEqual([3800]);
    }
  });
});

/** The samples V8 would list for `objects` ([size, node id] of each sampled object) at `interval`. */
function v8Samples(objects: [number, number][], interval: number): { size: number; nodeId: number; ordinal: number }[] {
  return objects.map(([s, nodeId], i) => ({ size: s * scaledCount(s, interval), nodeId, ordinal: i + 1 }));
}

describe('the sampling interval, estimated from the scaled sizes of the samples', () => {
  const small = [16, 24, 32, 40, 56, 64, 88, 128];
  test.each([32768, 65536, 100000, 524288, 1048576])('R = %i is found from small and large objects', (r) => {
    const objects = [...small, 5000, 70000, 2_000_000].map((s) => s * scaledCount(s, r));
    expect(estimateInterval(objects)).toEqual({ interval: r, source: 'samples' });
  });

  test('every scaled size is at least R, so the smallest bounds it', () => {
    for (const r of [4096, 32768, 524288]) {
      for (let s = 1; s < 4 * r; s = Math.ceil(s * 1.07)) expect(s * scaledCount(s, r)).toBeGreaterThanOrEqual(r);
    }
  });

  test('an interval that is not round is found within the smallest sampled object above it', () => {
    const r = 98760;
    const objects = Array.from({ length: 20 }, (_, i) => 8 * (i + 1)).map((s) => s * scaledCount(s, r));
    const { interval } = estimateInterval(objects);
    expect(interval).toBeGreaterThanOrEqual(r);
    expect(interval).toBeLessThanOrEqual(r + 8);
  });

  test('sizes that no interval explains give their upper bound; no samples the default', () => {
    expect(estimateInterval([1_000_003, 1_000_033, 1_000_037])).toEqual({ interval: 1_000_003, source: 'upper-bound' });
    expect(estimateInterval([])).toEqual({ interval: 524288, source: 'assumed' });
  });

  test('the object size behind a scaled size: the smallest V8 would have scaled to it', () => {
    const r = 32768;
    // Only large objects (not scaled at all) are unambiguous; smaller ones are given the smallest size
    // that fits (small objects: their lower bound, v − R), which has the larger variance factor.
    expect(objectSize(2_000_000, r)).toBe(2_000_000);
    for (const s of [16, 32, 5000, 20000, 40000, 100000]) {
      const v = s * scaledCount(s, r);
      const found = objectSize(v, r);
      expect(found).toBeLessThanOrEqual(s);
      expect(found * missFactor(found, r)).toBeGreaterThanOrEqual(s * missFactor(s, r));
      if (s > r / 64) expect(found * scaledCount(found, r)).toBe(v);
    }
  });

  test('a profile takes the estimate as its period, and each node the variance of its sampled objects', () => {
    const r = 32768;
    // handle (id 3) holds 90 sampled objects of 32 bytes and one of 100 KB; push (id 4) one of 40 KB.
    const objects: [number, number][] = [...Array.from({ length: 90 }, (): [number, number] => [32, 3]), [100000, 3]];
    objects.push([40000, 4]);
    const samples = v8Samples(objects, r);
    const doc = example(samples);
    const sized = (id: number): number => samples.filter((s) => s.nodeId === id).reduce((sum, s) => sum + s.size, 0);
    doc.head.children[0]!.children[0]!.selfSize = sized(3);
    doc.head.children[0]!.children[0]!.children[0]!.selfSize = sized(4);
    const p = parseV8HeapProfile(bytesOf(doc));
    expect(p.period).toBe(r);
    expect(p.comment.join('\n')).toMatch(/sampling interval 32768 bytes estimated from 92 samples/);
    const s = summarize(p);
    // Each sampled object weighs v · s · (1 − p)/p, with s the size objectSize gives its v.
    const varianceOf = (size: number): number => {
      const v = size * scaledCount(size, r);
      const s = objectSize(v, r);
      return v * s * missFactor(s, r);
    };
    const handle = 90 * varianceOf(32) + varianceOf(100000);
    const push = varianceOf(40000);
    // The other nodes have no samples listed: each is given the variance of tiny objects, selfSize · R.
    const unsampled = (100 + 200) * 1 * missFactor(1, r);
    expect(s.variance[0]! / (handle + push + unsampled)).toBeCloseTo(1, 6);
    const row = s.functions.name.indexOf('push');
    expect(s.functions.flatVariance[0]![row]! / push).toBeCloseTo(1, 5);
  });

  test("a node's selfSize tells which object size its samples were", () => {
    // 40 objects of 50,000 bytes: unscaled samples, which a 25,000-byte object scaled twice would
    // also give; selfSize = 50,000 · ⌊40/p + 0.5⌋ fits only the first.
    const r = 32768;
    // (A small object sampled at (GC) pins the interval: large objects alone bound it loosely.)
    const objects = Array.from({ length: 40 }, (): [number, number] => [50000, 3]);
    const doc = example(v8Samples([...objects, [32, 6]], r));
    doc.head.children[0]!.children[0]!.selfSize = 50000 * scaledCount(50000, r, 40);
    const p = parseV8HeapProfile(bytesOf(doc));
    expect(p.period).toBe(r);
    const s = summarize(p);
    const row = s.functions.name.indexOf('handle file:///srv/main.mjs:10:5');
    const expected = 40 * 50000 * 50000 * missFactor(50000, r);
    expect(s.functions.flatVariance[0]![row]! / expected).toBeCloseTo(1, 5);
  });

  test('samples of nodes missing from the tree inform the interval but weigh nothing', () => {
    const doc = example(
      v8Samples(
        [
          [16, 99],
          [24, 99],
          [40, 99],
          [32, 3],
        ],
        65536,
      ),
    );
    const p = parseV8HeapProfile(bytesOf(doc));
    expect(p.period).toBe(65536);
    expect(summarize(p).total).toEqual([3800]);
  });
});

describe('hostile or broken V8 heap profiles are one-line DecodeErrors', () => {
  const good = JSON.stringify(example());

  test('truncated JSON', () => {
    expect(decodeError(new TextEncoder().encode(good.slice(0, 120)))).toMatch(/^V8 heap profile: invalid JSON: /);
  });

  test('JSON that is some other document is named as such', () => {
    const text = (doc: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(doc));
    expect(decodeError(text({ name: 'heapgate', version: '1.0.0' }))).toBe(
      'not a pprof profile: JSON without the "head" of a V8 heap profile (node --heap-prof writes .heapprofile files)',
    );
    expect(decodeError(text({ snapshot: {}, nodes: [], edges: [] }))).toMatch(
      /^not a pprof profile: a V8 heap snapshot \(\.heapsnapshot\)/,
    );
    expect(decodeError(text({ nodes: [], startTime: 0, endTime: 1, samples: [], timeDeltas: [] }))).toMatch(
      /^not a pprof profile: a V8 CPU profile \(\.cpuprofile\), which measures no memory/,
    );
  });

  test.each<[string, (doc: ReturnType<typeof example>) => void, RegExp]>([
    ['negative selfSize', (d) => (d.head.children[1]!.selfSize = -1), /node id 6: "selfSize" is -1, not a non-neg/],
    ['fractional selfSize', (d) => (d.head.children[1]!.selfSize = 1.5), /"selfSize" is 1.5/],
    [
      'huge selfSize',
      (d) => (d.head.children[1]!.selfSize = 1e300),
      /"selfSize" is 1e\+300, not a non-negative integer below 2\^53/,
    ],
    [
      'string selfSize',
      (d) => ((d.head.children[1] as unknown as { selfSize: string }).selfSize = '5'),
      /"selfSize" is "5"/,
    ],
    [
      'sizes that sum past 2^53',
      (d) => {
        d.head.children[1]!.selfSize = 2 ** 52;
        d.head.children[0]!.selfSize = 2 ** 52;
      },
      /sum to more than 2\^53/,
    ],
    [
      'a missing callFrame',
      (d) => delete (d.head.children[1] as Partial<Node>).callFrame,
      /node id 6: "callFrame" is not an object/,
    ],
    [
      'a numeric url',
      (d) => ((d.head.children[1]!.callFrame as unknown as { url: number }).url = 3),
      /"callFrame.url" is not a string/,
    ],
    [
      'a line below -1',
      (d) => (d.head.children[1]!.callFrame.lineNumber = -7),
      /"callFrame.lineNumber" is not an integer/,
    ],
    [
      'children not an array',
      (d) => ((d.head as unknown as { children: object }).children = {}),
      /node id 1: "children" is not an array/,
    ],
    [
      'a child that is no object',
      (d) => (d.head.children as unknown[]).push(7),
      /node 6 \(in depth-first order\) is not an object/,
    ],
    ['a repeated id', (d) => (d.head.children[1]!.id = 3), /node id 3 appears twice/],
    ['samples not an array', (d) => ((d as { samples: unknown }).samples = 5), /"samples" is not an array/],
    [
      'a sample of size 0',
      (d) => d.samples.push({ size: 0, nodeId: 3, ordinal: 1 }),
      /sample 0: "size" is 0, not a positive/,
    ],
    [
      'a sample without a node id',
      (d) => d.samples.push({ size: 32784, ordinal: 1 }),
      /sample 0: "nodeId" is not an integer/,
    ],
  ])('%s', (_, spoil, expected) => {
    const doc = example();
    spoil(doc);
    expect(decodeError(bytesOf(doc))).toMatch(expected);
  });

  test('a tree deeper than the limit is refused without recursing', () => {
    // Built as text: JSON.stringify of a deep object would itself recurse.
    const depth = 100_000;
    const open = '{"callFrame":{"functionName":"f","scriptId":"1","url":"a.js","lineNumber":0,"columnNumber":0},';
    const parts: string[] = [];
    for (let i = 1; i <= depth; i++) parts.push(`${open}"selfSize":1,"id":${i},"children":[`);
    const text = `{"head":${parts.join('')}${']}'.repeat(depth)},"samples":[]}`;
    expect(decodeError(new TextEncoder().encode(text))).toMatch(
      new RegExp(`^V8 heap profile: the tree is deeper than ${MAX_DEPTH} frames \\(at node id ${MAX_DEPTH + 1}\\)$`),
    );
  });

  test('stacks that would expand past the frame budget are refused', () => {
    // A chain 1,000 deep with enough sized leaves at its end that their stacks exceed MAX_FRAMES.
    let chain = example().head;
    const head = chain;
    for (let i = 0; i < 1000; i++) {
      const next = node(100 + i, `f${i}`, 'a.js', i, 0);
      chain.children = [next];
      chain = next;
    }
    const leaves = Math.ceil(MAX_FRAMES / 1000) + 1;
    for (let i = 0; i < leaves; i++) chain.children.push(node(10_000 + i, 'leaf', 'a.js', 0, 0, 8));
    expect(decodeError(bytesOf({ head, samples: [] }))).toBe(
      `V8 heap profile: the stacks hold more than ${MAX_FRAMES} frames in all`,
    );
  });

  test('invalid UTF-8 is refused', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"head": "'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('"}'),
    ]);
    expect(decodeError(bytes)).toMatch(/^V8 heap profile: invalid JSON: /);
  });
});
