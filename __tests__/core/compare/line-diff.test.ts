import { describe, expect, it } from '@jest/globals';
import { summarize } from '../../../src/core/profile/aggregate.js';
import { diff } from '../../../src/core/compare/diff.js';
import { combineRuns } from '../../../src/core/compare/runs.js';
import { buildProfile, type SampleSpec } from '../../helpers/build-profile.js';

const TYPES = [
  ['objects', 'count'],
  ['space', 'bytes'],
] as const;

function summary(samples: SampleSpec[], lines = true) {
  return summarize(buildProfile({ sampleType: TYPES, samples, periodType: null }), { lines });
}

const base = summary([
  { stack: ['a', 'main'], value: [10, 1000] },
  { stack: ['gone', 'main'], value: [3, 300] },
  { stack: ['same', 'main'], value: [7, 700] },
]);
const current = summary([
  { stack: ['a', 'main'], value: [4, 400] },
  { stack: ['new', 'main'], value: [5, 500] },
  { stack: ['same', 'main'], value: [7, 700] },
  { stack: [{ lines: ['b', 'a'] }, 'main'], value: [5, 500] },
]);

describe('per-line deltas', () => {
  it('list changed lines by |flat Δ|, then printed name; a line one side lacks counts 0 there', () => {
    const rows = diff(base, current).lines!.objects!;
    expect(rows.map((r) => [`${r.function} ${r.file}:${r.line}`, r.flatDelta, r.cumDelta])).toEqual([
      ['a a.go:10', -6, -6],
      ['b b.go:10', 5, 5],
      ['new new.go:10', 5, 5],
      ['gone gone.go:10', -3, -3],
      // `a` as the caller of the inlined `b` is another line of `a`.
      ['a a.go:11', 0, 5],
      ['main main.go:10', 0, 1],
    ]);
    expect(rows[0]!.flatZ).toBeNull();
    expect(diff(base, current).lines!.space![0]).toMatchObject({ flatDelta: -600 });
  });

  it('are absent when either side was summarized without them', () => {
    expect(diff(base, summary([{ stack: ['a'], value: [1, 1] }], false)).lines).toBeUndefined();
  });

  it('of several runs are per-run means', () => {
    const runs = combineRuns([base, summary([{ stack: ['a', 'main'], value: [20, 2000] }])], ['r1', 'r2']);
    const a = runs.lines!.function.findIndex((f, r) => f === 'a' && runs.lines!.line[r] === 10);
    expect(runs.lines!.flat[0]![a]).toBe(15);
    expect(runs.lines!.cum[1]![a]).toBe(1500);
    expect(runs.lines!.function.length).toBe(4);
  });
});
