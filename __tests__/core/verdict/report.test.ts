import { buildReport, selectSampleType, verdictExitCode } from '../../../src/core/verdict/report.js';
import { UsageError } from '../../../src/core/errors.js';
import { fn, sampleDiff, sampleVerdict } from '../render/fixtures.js';

describe('buildReport', () => {
  test('keeps labels, verdict and judged metrics; pattern null for totals', () => {
    const diff = sampleDiff();
    const report = buildReport(diff, sampleVerdict(diff), { base: 'a.pb.gz', current: 'b.pb.gz', top: 10 });
    expect(report.verdict).toBe('fail');
    expect(report.confidence).toBe(3);
    expect([report.base, report.current]).toEqual(['a.pb.gz', 'b.pb.gz']);
    expect(report.metrics.map((m) => [m.sampleType, m.pattern, m.status])).toEqual([
      ['inuse_objects', null, 'inconclusive'],
      ['inuse_space', null, 'fail'],
      ['inuse_space', 'main\\.grow', 'pass'],
    ]);
    expect(report.sampleType).toBe('inuse_space');
    expect(report.totals.inuse_space).toEqual({ unit: 'bytes', base: 1048576, current: 1572864 });
  });

  test('limits functions per sample type to top, keeping order; 0 keeps all', () => {
    const diff = sampleDiff();
    const two = buildReport(diff, sampleVerdict(diff), { base: 'a', current: 'b', top: 2 });
    expect(two.functions.inuse_space!.map((f) => f.name)).toEqual(['main.grow', 'main.shrink']);
    expect(two.functionCount.inuse_space).toBe(3);
    expect(two.top).toBe(2);
    const all = buildReport(diff, sampleVerdict(diff), { base: 'a', current: 'b', top: 0 });
    expect(all.functions.inuse_space).toHaveLength(3);
    expect(all.top).toBeNull();
  });

  test("carries the diff's warnings, in order; none when the diff has none", () => {
    const warned = sampleDiff([], ['first', 'second']);
    expect(buildReport(warned, sampleVerdict(warned), { base: 'a', current: 'b', top: 10 }).warnings).toEqual([
      'first',
      'second',
    ]);
    const plain = sampleDiff();
    expect(buildReport(plain, sampleVerdict(plain), { base: 'a', current: 'b', top: 10 }).warnings).toEqual([]);
  });

  test('rejects a negative or fractional top', () => {
    const diff = sampleDiff();
    expect(() => buildReport(diff, sampleVerdict(diff), { base: 'a', current: 'b', top: -1 })).toThrow(UsageError);
    expect(() => buildReport(diff, sampleVerdict(diff), { base: 'a', current: 'b', top: 1.5 })).toThrow(UsageError);
  });

  test('does not share arrays with the diff', () => {
    const diff = sampleDiff([fn('x', 0, 1, 0, 1)]);
    const report = buildReport(diff, sampleVerdict(diff), { base: 'a', current: 'b', top: 0 });
    expect(report.functions.inuse_space).not.toBe(diff.functions.inuse_space);
  });
});

describe('selectSampleType', () => {
  test('default, by name, by index, with the inuse_ alias; unknown is a usage error naming the choices', () => {
    const diff = sampleDiff();
    expect(selectSampleType(diff, undefined)).toBe('inuse_space');
    expect(selectSampleType(diff, 'inuse_objects')).toBe('inuse_objects');
    expect(selectSampleType(diff, '0')).toBe('inuse_objects');
    expect(selectSampleType(diff, '1')).toBe('inuse_space');
    expect(() => selectSampleType(diff, 'alloc_space')).toThrow(/inuse_objects, inuse_space/);
    expect(() => selectSampleType(diff, '2')).toThrow(UsageError);
  });
});

test('verdictExitCode: only fail fails', () => {
  expect(verdictExitCode('fail')).toBe(1);
  expect(verdictExitCode('warn')).toBe(0);
  expect(verdictExitCode('pass')).toBe(0);
});
