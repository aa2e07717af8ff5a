/** Several runs per side: per-run means of real Go profiles, and the spread across runs (Welch). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeEncoded, type ProfileSummary } from '../../../src/core/profile/aggregate.js';
import { diff } from '../../../src/core/compare/diff.js';
import { IncompatibleProfilesError } from '../../../src/core/errors.js';
import { combineRuns, runCount, runSpread } from '../../../src/core/compare/runs.js';
import { ROOT } from '../../helpers/dist.js';

const DIR = join(ROOT, '__tests__/fixtures/noisy/server/nogc.rate1');
const summary = (name: string, tree = false): ProfileSummary =>
  summarizeEncoded(readFileSync(join(DIR, `${name}.heap.pb.gz`)), { focus: ['net/http'], tree });
const names = ['good-1', 'good-2', 'good-3'];

describe('combineRuns', () => {
  const runs = names.map((n) => summary(n, true));
  const combined = combineRuns(runs, names);

  it('totals, focus totals and sampling variances are per-run means', () => {
    combined.sampleType.forEach((_, t) => {
      const mean = runs.reduce((s, r) => s + r.total[t]!, 0) / 3;
      expect(combined.total[t]).toBeCloseTo(mean, 6);
      expect(combined.focus[0]!.total[t]).toBeCloseTo(runs.reduce((s, r) => s + r.focus[0]!.total[t]!, 0) / 3, 6);
      expect(combined.variance[t]).toBeCloseTo(runs.reduce((s, r) => s + r.variance[t]!, 0) / 9, 6);
    });
    expect(combined.runs!.total).toEqual(runs.map((r) => r.total));
    expect(combined.runs!.focus).toEqual(runs.map((r) => r.focus.map((f) => f.total)));
    expect(runCount(combined)).toBe(3);
    expect(combined.sampleCount).toBe(runs.reduce((s, r) => s + r.sampleCount, 0));
  });

  it("each function's flat and cum is the mean over runs, 0 where a run lacks it", () => {
    const all = new Set(runs.flatMap((r) => r.functions.name));
    expect(new Set(combined.functions.name)).toEqual(all);
    for (const [row, name] of combined.functions.name.entries()) {
      combined.sampleType.forEach((_, t) => {
        const of = (r: ProfileSummary, col: 'flat' | 'cum') => {
          const i = r.functions.name.indexOf(name);
          return i < 0 ? 0 : r.functions[col][t]![i]!;
        };
        expect(combined.functions.flat[t]![row]).toBeCloseTo(runs.reduce((s, r) => s + of(r, 'flat'), 0) / 3, 6);
        expect(combined.functions.cum[t]![row]).toBeCloseTo(runs.reduce((s, r) => s + of(r, 'cum'), 0) / 3, 6);
      });
    }
  });

  it('the call tree is the mean tree: its root holds the mean total, and every path is kept', () => {
    const tree = combined.tree!;
    combined.sampleType.forEach((_, t) => expect(tree.value[t]![0]).toBeCloseTo(combined.total[t]!, 3));
    const paths = (s: ProfileSummary): Set<string> => {
      const tr = s.tree!;
      const path: string[] = [''];
      for (let i = 1; i < tr.parent.length; i++) path.push(`${path[tr.parent[i]!]}/${s.functions.name[tr.row[i]!]}`);
      return new Set(path.slice(1));
    };
    expect(paths(combined)).toEqual(new Set(runs.flatMap((r) => [...paths(r)])));
  });

  it('combining a combination with more runs weighs every run alike', () => {
    const fourth = summary('good-4');
    const nested = combineRuns([combineRuns(runs.slice(0, 2), names.slice(0, 2)), runs[2]!, fourth], ['a', 'b', 'c']);
    const flat = combineRuns([...runs, fourth], ['a', 'b', 'c', 'd']);
    flat.total.forEach((v, t) => expect(nested.total[t]).toBeCloseTo(v, 6));
    expect(nested.runs!.total).toEqual(flat.runs!.total);
  });

  it('one run is returned as it is', () => {
    expect(combineRuns([runs[0]!], ['a'])).toBe(runs[0]);
  });

  it('runs of different kinds or sampling are refused by name', () => {
    const sampled = summarizeEncoded(
      readFileSync(join(ROOT, '__tests__/fixtures/noisy/server/nogc.rate524288/good-1.heap.pb.gz')),
    );
    expect(() => combineRuns([runs[0]!, sampled], ['a.pb.gz', 'b.pb.gz'])).toThrow(
      new IncompatibleProfilesError('runs of one side must be sampled alike: b.pb.gz has period 524288, a.pb.gz 1'),
    );
  });

  it('the diff of two combined sides carries the runs and their spread', () => {
    const other = combineRuns(
      ['good-4', 'good-5', 'good-6', 'good-7'].map((n) => summary(n)),
      ['4', '5', '6', '7'],
    );
    const d = diff(combined, other);
    const m = d.metrics.find((x) => x.sampleType === 'inuse_space')!;
    const t = combined.sampleType.findIndex((x) => x.type === 'inuse_space');
    expect(m.runs).toEqual({ base: 3, current: 4 });
    expect(m.runSpread).toEqual(
      runSpread(
        combined.runs!.total.map((r) => r[t]!),
        other.runs!.total.map((r) => r[t]!),
      ),
    );
    expect(m.runSpread.variance).toBeGreaterThan(0);
  });
});

describe('runSpread', () => {
  it('Welch: s_b²/n_b + s_c²/n_c with Welch–Satterthwaite degrees of freedom', () => {
    // Base 10, 12, 14: mean 12, squares 4 + 0 + 4 = 8, s² = 4, s²/3 = 4/3.
    // Current 20, 22, 27, 25: mean 23.5, squares 12.25 + 2.25 + 12.25 + 2.25 = 29, s² = 29/3, s²/4 = 29/12.
    // Variance 4/3 + 29/12 = 3.75; df = 3.75² / ((4/3)²/2 + (29/12)²/3) = 14.0625 / 2.835648… = 4.95918…
    const s = runSpread([10, 12, 14], [20, 22, 27, 25]);
    expect(s.variance).toBeCloseTo(3.75, 12);
    expect(s.df).toBeCloseTo(4.95918, 4);
  });

  it("one run on a side: the other side's spread stands for both", () => {
    // Current 1, 2, 3, 4: mean 2.5, squares 2.25 + 0.25 + 0.25 + 2.25 = 5, s² = 5/3; × (1/1 + 1/4) = 25/12.
    expect(runSpread([5], [1, 2, 3, 4])).toEqual({ variance: 25 / 12, df: 3 });
    expect(runSpread([1, 2, 3, 4], [5])).toEqual({ variance: 25 / 12, df: 3 });
  });

  it('one run each: nothing is estimated', () => {
    expect(runSpread([5], [7])).toEqual({ variance: 0, df: Number.POSITIVE_INFINITY });
  });

  it('identical runs: no spread', () => {
    expect(runSpread([3, 3, 3], [4, 4]).variance).toBe(0);
  });
});
