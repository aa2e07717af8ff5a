/**
 * Per-function attribution of a benchmark's B/op and allocs/op, from a `-memprofile` written by the
 * same `go test -bench` run. The profile sums every iteration of every benchmark (its totals scale
 * with b.N), so its numbers are used only as shares: within the stacks under a benchmark's function
 * (`<pkg>.BenchmarkX`), the part of alloc_space (alloc_objects) each function allocates, which the
 * comparison then multiplies by the benchmark's median B/op (allocs/op) of the same side: bytes
 * (allocations) per op per function. Pure.
 */
import type { ProfileSummary } from '../profile/aggregate.js';
import { IncompatibleProfilesError } from '../errors.js';
import type { AttributedFunction, BenchAttribution, BenchmarkSet } from '../profile/benchmark-set.js';

/** The profile's sample type behind each benchmark metric. */
const SOURCE_TYPE: Readonly<Record<string, string>> = { 'B/op': 'alloc_space', 'allocs/op': 'alloc_objects' };

export type { AttributedFunction, BenchAttribution } from '../profile/benchmark-set.js';

/** A benchmark's top-level function: sub-benchmarks (`BenchmarkX/size=10`) run inside it. */
export function topLevelName(name: string): string {
  const slash = name.indexOf('/');
  return slash < 0 ? name : name.slice(0, slash);
}

/**
 * The attribution of every benchmark of `set` found in `profile`'s call tree (a summary made with
 * SummarizeOptions.tree). Throws IncompatibleProfilesError when the profile has no call tree or
 * none of alloc_space and alloc_objects, or none of the set's benchmarks.
 */
export function attribute(profile: ProfileSummary, set: BenchmarkSet, label: string): BenchAttribution[] {
  const tree = profile.tree;
  if (tree === undefined) throw new Error('attribute needs a summary with its call tree');
  const names = profile.functions.name;
  const wanted = new Map<string, { pkg: string; name: string }>();
  for (const b of set.benchmarks) {
    const top = topLevelName(b.name);
    wanted.set(b.pkg === '' ? top : `${b.pkg}.${top}`, { pkg: b.pkg, name: top });
  }
  // The benchmark each node runs under (its outermost benchmark frame), -1 for none.
  const keys = [...wanted.keys()];
  const benchOfRow = names.map((n) => keys.findIndex((k) => n === k || (!k.includes('.') && n.endsWith(`.${k}`))));
  const nodes = tree.parent.length;
  const owner = new Int32Array(nodes).fill(-1);
  for (let i = 1; i < nodes; i++) {
    const up = owner[tree.parent[i]!]!;
    // An elided-frames node (row ELIDED_ROW) names no benchmark.
    owner[i] = up >= 0 ? up : (benchOfRow[tree.row[i]!] ?? -1);
  }
  const out: BenchAttribution[] = [];
  const types = Object.entries(SOURCE_TYPE).map(([metric, type]) => ({
    metric,
    t: profile.sampleType.findIndex((s) => s.type === type),
  }));
  if (types.every((x) => x.t < 0)) {
    throw new IncompatibleProfilesError(`${label} has neither alloc_space nor alloc_objects to attribute B/op with`);
  }
  keys.forEach((key, b) => {
    const metrics: Record<string, { total: number; functions: AttributedFunction[] }> = {};
    for (const { metric, t } of types) {
      if (t < 0) continue;
      metrics[metric] = sums(tree.parent, tree.row, tree.value[t]!, owner, b, names);
    }
    if (Object.values(metrics).some((m) => m.total > 0)) out.push({ ...wanted.get(key)!, metrics });
  });
  if (out.length === 0) {
    throw new IncompatibleProfilesError(
      `${label} has no stacks under the benchmarks of the output it was given with: give the -memprofile of ` +
        'the same go test run',
    );
  }
  return out;
}

/** Flat and cum per function within the nodes owned by benchmark `b` (cum once per path, as pprof counts it). */
function sums(
  parent: Int32Array,
  row: Int32Array,
  value: Float64Array,
  owner: Int32Array,
  b: number,
  names: readonly string[],
): { total: number; functions: AttributedFunction[] } {
  const nodes = parent.length;
  const children = new Float64Array(nodes);
  for (let i = 1; i < nodes; i++) children[parent[i]!]! += value[i]!;
  const flat = new Map<number, number>();
  const cum = new Map<number, number>();
  let total = 0;
  for (let i = 1; i < nodes; i++) {
    if (owner[i] !== b) continue;
    const r = row[i]!;
    const own = value[i]! - children[i]!;
    if (own !== 0) flat.set(r, (flat.get(r) ?? 0) + own);
    total += own;
    // Recursion counted once: skip the node when a caller within the benchmark is the same function.
    let up = parent[i]!;
    while (up > 0 && owner[up] === b && row[up] !== r) up = parent[up]!;
    if (!(up > 0 && owner[up] === b)) cum.set(r, (cum.get(r) ?? 0) + value[i]!);
  }
  const functions = [...cum.keys()].map((r) => ({ name: names[r]!, flat: flat.get(r) ?? 0, cum: cum.get(r)! }));
  return { total, functions };
}

/** Several profiles' attributions of one side, added together benchmark by benchmark and function by function. */
export function mergeAttributions(lists: readonly (readonly BenchAttribution[])[]): BenchAttribution[] {
  interface Sums {
    total: number;
    fn: Map<string, AttributedFunction>;
  }
  const byKey = new Map<string, { pkg: string; name: string; metrics: Map<string, Sums> }>();
  for (const list of lists) {
    for (const a of list) {
      const key = JSON.stringify([a.pkg, a.name]);
      const entry = byKey.get(key) ?? { pkg: a.pkg, name: a.name, metrics: new Map<string, Sums>() };
      byKey.set(key, entry);
      for (const [metric, m] of Object.entries(a.metrics)) {
        const into: Sums = entry.metrics.get(metric) ?? { total: 0, fn: new Map<string, AttributedFunction>() };
        entry.metrics.set(metric, into);
        into.total += m.total;
        for (const f of m.functions) {
          const old = into.fn.get(f.name);
          into.fn.set(f.name, { name: f.name, flat: (old?.flat ?? 0) + f.flat, cum: (old?.cum ?? 0) + f.cum });
        }
      }
    }
  }
  return [...byKey.values()].map((e) => ({
    pkg: e.pkg,
    name: e.name,
    metrics: Object.fromEntries([...e.metrics].map(([k, m]) => [k, { total: m.total, functions: [...m.fn.values()] }])),
  }));
}
