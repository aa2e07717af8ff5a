/**
 * Per-function attribution of B/op and allocs/op from a -memprofile of the same go test -bench run
 * (the gobench memrun fixtures): the functions' per-op values add up to the benchmark's median,
 * shares come only from stacks under the benchmark's own function, and the culprits of the
 * regressed patterns are named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareBenchmarks } from '../../../src/core/verdict/bench-verdict.js';
import { summarizeInput } from '../../../src/core/bench/input.js';
import { combineBenchSummaries, median } from '../../../src/core/bench/summary.js';
import { attribute } from '../../../src/core/bench/attribution.js';
import type { BenchmarkSet } from '../../../src/core/bench/parse.js';
import { IncompatibleProfilesError } from '../../../src/core/errors.js';
import { ROOT } from '../../helpers/dist.js';

const DIR = join(ROOT, '__tests__/fixtures/gobench');
const load = (f: string) => summarizeInput(new Uint8Array(readFileSync(join(DIR, f))));

function side(variant: 'good' | 'regressed'): BenchmarkSet {
  const s = combineBenchSummaries(
    [load(`${variant}.memrun.bench`), load(`${variant}.memrun.mem.pb.gz`)],
    ['text', 'profile'],
  );
  return s.benchmarks!;
}

describe('attribution from a -memprofile of the same run', () => {
  test('a go test -bench profile is summarized with its call tree', () => {
    expect(load('good.memrun.mem.pb.gz').tree).toBeDefined();
  });

  test('every benchmark that allocates is attributed; the shares add up to the stacks under it', () => {
    const good = side('good');
    const names = good.attribution!.map((a) => a.name).sort();
    // BenchmarkConvert allocates nothing per op in the good variant, but its setup (ids) does.
    expect(names).toEqual(
      expect.arrayContaining(['BenchmarkAppend', 'BenchmarkBuilder', 'BenchmarkCloneRecord', 'BenchmarkMapHint']),
    );
    expect(names).not.toContain('BenchmarkChecksum');
    for (const a of good.attribution!) {
      for (const m of Object.values(a.metrics)) {
        const flat = m.functions.reduce((s, f) => s + f.flat, 0);
        expect(flat).toBeCloseTo(m.total, 6);
        for (const f of m.functions) expect(f.cum).toBeGreaterThanOrEqual(f.flat - 1e-9);
      }
    }
  });

  test('per op: the functions of each regressed metric add up to its median and name the culprit', () => {
    const r = compareBenchmarks(side('good'), side('regressed'), []);
    const culprits: Record<string, string> = {
      'BenchmarkBuilder B/op': 'heapgate.dev/workloads/gobench.joinIDs',
      'BenchmarkAppend B/op': 'heapgate.dev/workloads/gobench.squares',
      'BenchmarkConvert allocs/op': 'fmt.Sprintf',
      'BenchmarkMapHint B/op': 'heapgate.dev/workloads/gobench.index',
    };
    for (const [key, culprit] of Object.entries(culprits)) {
      const rows = r.functions[key]!;
      expect({ key, top: rows[0]!.name }).toEqual({ key, top: culprit });
      const [name, type] = key.split(' ');
      const m = r.verdict.metrics.find((x) => x.benchmark?.name === name && x.sampleType === type)!;
      expect(rows.reduce((s, f) => s + f.currentFlat, 0)).toBeCloseTo(m.current, 6);
      expect(rows.reduce((s, f) => s + f.baseFlat, 0)).toBeCloseTo(m.base, 6);
    }
    expect(r.warnings).toEqual([]);
  });

  test('a -memprofile on one side only: a warning, no functions', () => {
    const text = load('regressed.memrun.bench').benchmarks!;
    const r = compareBenchmarks(side('good'), text, []);
    expect(r.functions).toEqual({});
    expect(r.warnings).toContain('a -memprofile was given with the base output only: no per-function attribution');
  });

  test('a profile of other benchmarks, or a heap profile, is refused', () => {
    const text = load('good.memrun.bench');
    expect(() => attribute(load('good.rate1.mem.pb.gz'), text.benchmarks!, 'other.pb.gz')).toThrow(
      'other.pb.gz has no stacks under the benchmarks of the output it was given with',
    );
    const heap = summarizeInput(
      new Uint8Array(readFileSync(join(ROOT, '__tests__/fixtures/go/cache/good.rate1.heap.pb.gz'))),
    );
    expect(() => combineBenchSummaries([text, heap], ['a.txt', 'heap.pb.gz'])).toThrow(IncompatibleProfilesError);
  });

  test('median is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
