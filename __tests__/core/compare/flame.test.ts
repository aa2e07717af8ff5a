import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { summarize, summarizeEncoded, type ProfileSummary } from '../../../src/core/profile/aggregate.js';
import { decodeProfile } from '../../../src/core/profile/decode/index.js';
import { diff } from '../../../src/core/compare/diff.js';
import { flameGraphs, type FlameGraph } from '../../../src/core/compare/flame.js';
import { buildProfile, type FrameSpec, type SampleSpec } from '../../helpers/build-profile.js';
import { ROOT } from '../../helpers/dist.js';

const TYPES = [
  ['objects', 'count'],
  ['space', 'bytes'],
] as const;
const s = (stack: FrameSpec[], objects: number): SampleSpec => ({ stack, value: [objects, objects * 100] });
const exact = (samples: SampleSpec[]) => buildProfile({ sampleType: TYPES, samples, periodType: null });

/** The frames of a stack from the root, inlined lines expanded (last line is the caller): the naive reference. */
function rootFirst(stack: readonly FrameSpec[]): string[] {
  const out: string[] = [];
  for (const frame of [...stack].reverse()) {
    const lines = typeof frame === 'object' && 'lines' in frame ? frame.lines : [frame];
    for (const l of [...lines].reverse()) out.push(typeof l === 'string' ? l : l.name);
  }
  return out;
}

/** Path → [cum, flat] of space, summed sample by sample. */
function reference(samples: readonly SampleSpec[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const sample of samples) {
    const path = rootFirst(sample.stack);
    for (let i = 0; i <= path.length; i++) {
      const key = path.slice(0, i).join(' > ');
      const entry = out.get(key) ?? [0, 0];
      entry[0] += sample.value[1]!;
      if (i === path.length) entry[1] += sample.value[1]!;
      out.set(key, entry);
    }
  }
  return out;
}

/** The graph's frames by path: [baseCum, currentCum, baseFlat, currentFlat]. */
function framesByPath(g: FlameGraph): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const path: string[] = [];
  g.depth.forEach((d, i) => {
    path.length = Math.max(0, d - 1);
    if (d > 0) path.push(g.name[i]!);
    const key = path.join(' > ');
    expect(out.has(key)).toBe(false);
    out.set(key, [g.baseCum[i]!, g.currentCum[i]!, g.baseFlat[i]!, g.currentFlat[i]!]);
  });
  return out;
}

const baseSamples = [
  s(['a', 'main'], 1),
  s(['b', 'a', 'main'], 2),
  s(['gone', 'main'], 4),
  s(['r', 'r', 'r', 'main'], 1),
];
const currentSamples = [
  s(['a', 'main'], 3),
  s(['b', 'a', 'main'], 2),
  s(['a', 'a', 'main'], 8),
  s([{ lines: ['inl', 'outer'] }, 'main'], 16),
  s(['r', 'r', 'r', 'main'], 1),
  s(['tiny', 'main'], 0.001),
];

function graphs(fraction?: number): Record<string, FlameGraph> {
  const b = summarize(exact(baseSamples), { tree: true });
  const c = summarize(exact(currentSamples), { tree: true });
  return flameGraphs(b, c, diff(b, c), fraction)!;
}

describe('flameGraphs', () => {
  it('merges both call trees by path, inlined frames expanded and recursion kept per level, with the cum and flat of each side', () => {
    const frames = framesByPath(graphs(0).space!);
    const base = reference(baseSamples);
    const current = reference(currentSamples);
    const paths = new Set([...base.keys(), ...current.keys()]);
    expect([...frames.keys()].sort()).toEqual([...paths].sort());
    for (const path of paths) {
      const [bc, bf] = base.get(path) ?? [0, 0];
      const [cc, cf] = current.get(path) ?? [0, 0];
      expect([path, ...frames.get(path)!.map((v) => Math.round(v * 1000) / 1000)]).toEqual([path, bc, cc, bf, cf]);
    }
    expect(frames.get('main > outer > inl')).toEqual([0, 1600, 0, 1600]);
    expect(frames.get('main > r > r > r')).toEqual([100, 100, 100, 100]);
    expect(frames.get('main > gone')).toEqual([400, 0, 400, 0]);
  });

  it('lists frames in pre-order, the widest child (on either side) first', () => {
    const g = graphs(0).space!;
    expect(g.depth[0]).toBe(0);
    expect(g.name[0]).toBe('');
    // main's children by max(base, current): outer 1600, a 1300, gone 400, r 100, tiny 0.1.
    const children = g.name.filter((_, i) => g.depth[i] === 2);
    expect(children).toEqual(['outer', 'a', 'gone', 'r', 'tiny']);
    for (let i = 1; i < g.depth.length; i++) expect(g.depth[i]!).toBeLessThanOrEqual(g.depth[i - 1]! + 1);
  });

  it("leaves out frames below the fraction of their profile's total in both profiles, and counts them", () => {
    const g = graphs(0.2).space!;
    // Totals: base 800, current 3000.1; 20% = 160 and 600.02. r's chain (100 each side) and tiny
    // (0.1) go; gone (400 in base only) and a > b (200 in base, 200 in current) stay.
    expect(g.name).not.toContain('tiny');
    expect(g.name).not.toContain('r');
    expect(g.name).toContain('gone');
    expect(framesByPath(g).get('main > a > b')).toEqual([200, 200, 200, 200]);
    expect(g.pruned).toEqual({ frames: 4, fraction: 0.2 });
    // At 30% (240 in base), a > b goes too.
    expect(framesByPath(graphs(0.3).space!).has('main > a > b')).toBe(false);
    expect(graphs(0).space!.pruned.frames).toBe(0);
  });

  it('is undefined when a summary has no call tree', () => {
    const b = summarize(exact(baseSamples));
    const c = summarize(exact(currentSamples), { tree: true });
    expect(flameGraphs(b, c, diff(b, c))).toBeUndefined();
  });
});

describe('the call tree of a real Go profile', () => {
  const bytes = readFileSync(`${ROOT}examples/regression/current.heap.pb.gz`);
  const streamed = summarizeEncoded(bytes, { tree: true });

  it('is the same whether samples are summed while decoding or from the decoded profile', () => {
    const stored = summarize(decodeProfile(gunzipSync(bytes)), { tree: true });
    expect(streamed.tree).toEqual(stored.tree);
    expect(summarizeEncoded(bytes).tree).toBeUndefined();
  });

  it("adds up to the per-function table: each function's frames' flats sum to its flat, the root to the total", () => {
    const tree = streamed.tree!;
    const f = streamed.functions;
    streamed.sampleType.forEach((_, t) => {
      const v = tree.value[t]!;
      const childSum = new Float64Array(v.length);
      for (let i = 1; i < v.length; i++) childSum[tree.parent[i]!]! += v[i]!;
      const flatByRow = new Float64Array(f.name.length);
      for (let i = 1; i < v.length; i++) flatByRow[tree.row[i]!]! += v[i]! - childSum[i]!;
      f.name.forEach((_n, r) => expect(flatByRow[r]).toBeCloseTo(f.flat[t]![r]!, 3));
      expect(v[0]).toBeCloseTo(streamed.total[t]!, 3);
    });
  });

  it('crosses a thread boundary intact (structured clone)', () => {
    const cloned: ProfileSummary = structuredClone(streamed);
    expect(cloned.tree).toEqual(streamed.tree);
  });
});
