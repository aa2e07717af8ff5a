import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { summarize } from '../../../src/core/profile/aggregate.js';
import { diff } from '../../../src/core/compare/diff.js';
import { IncompatibleProfilesError } from '../../../src/core/errors.js';
import { buildProfile, GO_HEAP_TYPES } from '../../helpers/build-profile.js';
import type { ProfileSpec, SampleSpec } from '../../helpers/build-profile.js';
import { encodeProfile } from '../../helpers/encode-profile.js';
import type { ProfileSpec as WireSpec } from '../../helpers/encode-profile.js';
import { cleanupOracle, pprofTop } from '../../helpers/pprof-oracle.js';
import { allLocations, sampleLocations } from '../../helpers/sample-locations.js';
import { describeWithGo } from '../../helpers/with-go.js';
import type { Profile } from '../../../src/core/profile/model.js';

const TYPES = [
  ['objects', 'count'],
  ['space', 'bytes'],
] as const;

/** Space is always 100 × objects, so each test states objects only. */
const s = (stack: SampleSpec['stack'], objects: number): SampleSpec => ({ stack, value: [objects, objects * 100] });
const exact = (samples: SampleSpec[], extra: Partial<ProfileSpec> = {}) =>
  buildProfile({ sampleType: TYPES, samples, periodType: null, ...extra });

const base = exact([s(['a', 'main'], 1), s(['b', 'a', 'main'], 2), s(['gone', 'main'], 4)]);
const current = exact([
  s(['a', 'main'], 3),
  s(['b', 'a', 'main'], 2),
  s(['a', 'a', 'main'], 8),
  s([{ lines: ['inl', 'outer'] }, 'main'], 16),
  s([{ name: 'dup', file: 'x.go' }, 'main'], 32),
  s([{ name: 'dup', file: 'y.go' }, 'main'], 64),
]);

describe('diff', () => {
  const d = diff(summarize(base, { focus: ['^a$', 'nothing'] }), summarize(current, { focus: ['^a$', 'nothing'] }));

  it('compares totals per common sample type', () => {
    expect(d.metrics).toEqual([
      {
        sampleType: 'objects',
        unit: 'count',
        base: 7,
        current: 125,
        delta: 118,
        deltaPercent: (100 * 118) / 7,
        z: null,
        variance: 0,
        runs: { base: 1, current: 1 },
        runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
      },
      {
        sampleType: 'space',
        unit: 'bytes',
        base: 700,
        current: 12500,
        delta: 11800,
        deltaPercent: (100 * 118) / 7,
        z: null,
        variance: 0,
        runs: { base: 1, current: 1 },
        runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
      },
    ]);
    expect(d.defaultSampleType).toBe('space');
  });

  it('lists per-function flat and cum deltas like pprof -top -diff_base, sorted by |flat delta| then name', () => {
    const rows = d.functions['objects']!.map((r) => [
      r.name,
      r.baseFlat,
      r.currentFlat,
      r.flatDelta,
      r.baseCum,
      r.currentCum,
      r.cumDelta,
    ]);
    expect(rows).toEqual([
      // Two Function entries named dup are one row: 32 + 64.
      ['dup', 0, 96, 96, 0, 96, 96],
      // Inlined callee gets flat; its caller in the same location gets cum.
      ['inl', 0, 16, 16, 0, 16, 16],
      // Recursion (a, a, main) counts once in cum: 3 + 2 + 8.
      ['a', 1, 3 + 8, 10, 1 + 2, 3 + 2 + 8, 10],
      // Only in the base.
      ['gone', 4, 0, -4, 4, 0, -4],
      ['main', 0, 0, 0, 7, 125, 118],
      ['outer', 0, 0, 0, 0, 16, 16],
      // b is unchanged (flat and cum delta 0): pprof does not list it.
    ]);
    expect(d.functions['space']!.map((r) => r.flatDelta)).toEqual([9600, 1600, 1000, -400, 0, 0]);
    expect(d.functions['objects']!.every((r) => r.flatZ === null)).toBe(true);
  });

  it('compares focus totals per pattern and sample type', () => {
    expect(d.focus.map((f) => [f.pattern, f.sampleType, f.base, f.current, f.deltaPercent])).toEqual([
      ['^a$', 'objects', 3, 13, (100 * 10) / 3],
      ['^a$', 'space', 300, 1300, (100 * 1000) / 300],
      ['nothing', 'objects', 0, 0, null],
      ['nothing', 'space', 0, 0, null],
    ]);
  });

  it('does not modify its inputs', () => {
    const b = summarize(base);
    const c = summarize(current);
    const before = structuredClone([b, c]);
    diff(b, c);
    expect([b, c]).toEqual(before);
  });

  it('computes z from both sides’ sampling variances', () => {
    const R = 524288;
    const f = (size: number) => 1 / Math.expm1(size / R);
    const sampled = (objects: number, size: number) =>
      buildProfile({ sampleType: TYPES, samples: [{ stack: ['x'], value: [objects, objects * size], bytes: size }] });
    const e = diff(summarize(sampled(100, 1000)), summarize(sampled(150, 1000)));
    const expectedZ = 50 / Math.sqrt(100 * f(1000) + 150 * f(1000));
    expect(e.metrics[0]!.z).toBeCloseTo(expectedZ, 9);
    expect(e.functions['objects']![0]!.flatZ).toBeCloseTo(expectedZ, 9);
    const spaceZ = 50000 / Math.sqrt(100000 * 1000 * f(1000) + 150000 * 1000 * f(1000));
    expect(e.metrics[1]!.z).toBeCloseTo(spaceZ, 9);
  });

  it('compares only the common sample types, in the current order, and falls back for the default', () => {
    const b = buildProfile({
      sampleType: GO_HEAP_TYPES,
      samples: [{ stack: ['x'], value: [1, 10, 1, 10] }],
      periodType: null,
    });
    const c = buildProfile({
      sampleType: [
        ['inuse_space', 'bytes'],
        ['inuse_objects', 'count'],
        ['alloc_space', 'count'],
      ],
      samples: [{ stack: ['x'], value: [30, 3, 0] }],
      periodType: null,
      defaultSampleType: 'alloc_space',
    });
    const e = diff(summarize(b), summarize(c));
    expect(e.metrics.map((m) => [m.sampleType, m.base, m.current])).toEqual([
      ['inuse_space', 10, 30],
      ['inuse_objects', 1, 3],
    ]);
    expect(Object.keys(e.functions)).toEqual(['inuse_space', 'inuse_objects']);
    expect(e.defaultSampleType).toBe('inuse_space');
  });

  it('compares a profile without a period type with one that has it', () => {
    const b = exact([s(['x'], 1)]);
    const c = exact([s(['x'], 2)], { periodType: ['space', 'bytes'] });
    expect(diff(summarize(b), summarize(c)).metrics[0]!.delta).toBe(1);
  });

  it('rejects different period types, naming both', () => {
    const b = exact([s(['x'], 1)], { periodType: ['space', 'bytes'] });
    const c = exact([s(['x'], 1)], { periodType: ['cpu', 'nanoseconds'] });
    expect(() => diff(summarize(b), summarize(c))).toThrow(IncompatibleProfilesError);
    expect(() => diff(summarize(b), summarize(c))).toThrow(
      'different period types: base space/bytes, current cpu/nanoseconds',
    );
  });

  it('rejects profiles with no common sample type, listing both sides', () => {
    const b = exact([s(['x'], 1)]);
    const c = buildProfile({
      sampleType: [
        ['alloc_objects', 'count'],
        ['alloc_space', 'bytes'],
      ],
      samples: [],
      periodType: null,
    });
    expect(() => diff(summarize(b), summarize(c))).toThrow(IncompatibleProfilesError);
    expect(() => diff(summarize(b), summarize(c))).toThrow(
      'no common sample type: base has objects/count, space/bytes; current has alloc_objects/count, alloc_space/bytes',
    );
  });

  it('matches sample types by unit too', () => {
    const b = buildProfile({ sampleType: [['space', 'bytes']], samples: [], periodType: null });
    const c = buildProfile({ sampleType: [['space', 'count']], samples: [], periodType: null });
    expect(() => diff(summarize(b), summarize(c))).toThrow(IncompatibleProfilesError);
  });
});

/** A built Profile as profile.proto, so `go tool pprof` can read exactly what summarize saw. */
function toWire(p: Profile): WireSpec {
  const s = p.samples;
  const k = p.sampleType.length;
  return {
    sampleType: p.sampleType.map((t) => [t.type, t.unit] as const),
    sample: Array.from({ length: s.count }, (_, i) => ({
      locationId: sampleLocations(p, i).map((l) => l.id),
      value: Array.from(s.value.subarray(i * k, i * k + k)),
      label: s.labelKey.slice(s.labelStart[i], s.labelStart[i + 1]).map((key, j) => {
        const at = s.labelStart[i]! + j;
        return s.labelStr[at] !== ''
          ? { key, str: s.labelStr[at] }
          : { key, num: s.labelNum[at]!, numUnit: s.labelNumUnit[at] };
      }),
    })),
    mapping: p.mapping.map((m) => ({ ...m, filename: m.filename, buildId: m.buildId })),
    location: allLocations(p).map((l) => ({
      id: l.id,
      mappingId: l.mapping?.id ?? 0,
      address: l.address,
      line: l.line.map((ln) => ({ functionId: ln.function?.id ?? 0, line: ln.line })),
    })),
    function: p.function.map((f) => ({ ...f })),
    periodType: p.periodType === undefined ? undefined : [p.periodType.type, p.periodType.unit],
    period: p.period,
  };
}

describe('diff warnings: profiles not made alike', () => {
  /**
   * A Go heap profile: one 1 KiB object in use, MemProfileRate 524288 and a comment naming go1.22.3 unless overridden.
   */
  const heap = (extra: Partial<ProfileSpec> = {}) =>
    buildProfile({
      samples: [{ stack: ['main.f', 'main.main'], value: [1, 1024, 1, 1024], bytes: 1024 }],
      comment: ['go1.22.3 linux/amd64'],
      ...extra,
    });
  const warnings = (b: Profile, c: Profile) => diff(summarize(b), summarize(c)).warnings;

  it('none for two profiles made the same way', () => {
    expect(warnings(heap(), heap())).toEqual([]);
    expect(warnings(heap({ period: 1 }), heap({ period: 1 }))).toEqual([]);
    expect(warnings(exact([s(['x'], 1)]), exact([s(['x'], 2)]))).toEqual([]);
  });

  it('sampled against exact: the rates and that the deltas mix sampled and exact values', () => {
    expect(warnings(heap(), heap({ period: 1 }))).toEqual([
      'sampling rates differ: base MemProfileRate 524288, current 1 — deltas mix sampled and exact values',
    ]);
    expect(warnings(heap({ period: 1 }), heap())).toEqual([
      'sampling rates differ: base MemProfileRate 1, current 524288 — deltas mix sampled and exact values',
    ]);
  });

  it('two sampled profiles at different rates', () => {
    expect(warnings(heap(), heap({ period: 1048576 }))).toEqual([
      'sampling rates differ: base MemProfileRate 524288, current 1048576 — the two sides were sampled differently',
    ]);
  });

  it('a sampled profile against one without a period type', () => {
    expect(warnings(heap({ periodType: null }), heap())).toEqual([
      'one profile is sampled, the other exact: base no sampling period, current MemProfileRate 524288 — deltas ' +
        'mix sampled and exact values',
    ]);
  });

  it('names a non-Go sampling period by its type', () => {
    // Node's @datadog/pprof samples like Go but names the period inuse_space/bytes.
    expect(
      warnings(
        heap({ periodType: ['inuse_space', 'bytes'], period: 1 }),
        heap({ periodType: ['inuse_space', 'bytes'] }),
      ),
    ).toEqual([
      'sampling rates differ: base sampling period (inuse_space/bytes) 1, current 524288 — deltas mix sampled and ' +
        'exact values',
    ]);
  });

  it('none when both are exact, however the period says so (0 or 1)', () => {
    expect(warnings(heap({ period: 0 }), heap({ period: 1 }))).toEqual([]);
  });

  it('sampled is a matter of the rate: an empty sampled profile (no variance) is still sampled', () => {
    const empty = buildProfile({ samples: [], comment: ['go1.22.3'] });
    expect(summarize(empty).exact).toBe(true);
    expect(warnings(empty, heap())).toEqual([]);
  });

  it('different Go versions when both comments name one', () => {
    expect(warnings(heap(), heap({ comment: ['go1.23.0'] }))).toEqual([
      'Go versions differ: base go1.22.3, current go1.23.0 — the runtime and standard library may allocate differently',
    ]);
    expect(warnings(heap(), heap({ comment: [] }))).toEqual([]);
    expect(warnings(heap({ comment: ['built by gopher'] }), heap({ comment: ['go1.23.0'] }))).toEqual([]);
    expect(warnings(heap(), heap({ comment: ['x', 'runtime go1.22.3'] }))).toEqual([]);
  });

  it('sample types only one profile has, matched by type and unit, side by side', () => {
    const b = buildProfile({ samples: [{ stack: ['x'], value: [1, 10, 1, 10] }], periodType: null });
    const c = buildProfile({
      sampleType: [
        ['inuse_space', 'bytes'],
        ['inuse_objects', 'count'],
        ['alloc_space', 'count'],
        ['goroutines', 'count'],
      ],
      samples: [{ stack: ['x'], value: [30, 3, 0, 1] }],
      periodType: null,
    });
    expect(warnings(b, c)).toEqual([
      'sample types only in the base profile, not compared: alloc_objects/count, alloc_space/bytes',
      'sample types only in the current profile, not compared: alloc_space/count, goroutines/count',
    ]);
  });

  it('all at once: sampling, then Go version, then sample types', () => {
    const c = buildProfile({
      sampleType: [['inuse_space', 'bytes']],
      samples: [{ stack: ['x'], value: [1024] }],
      period: 1,
      comment: ['go1.24.1'],
    });
    expect(warnings(heap(), c)).toEqual([
      'sampling rates differ: base MemProfileRate 524288, current 1 — deltas mix sampled and exact values',
      'Go versions differ: base go1.22.3, current go1.24.1 — the runtime and standard library may allocate differently',
      'sample types only in the base profile, not compared: alloc_objects/count, alloc_space/bytes, ' +
        'inuse_objects/count',
    ]);
  });
});

describeWithGo('diff against go tool pprof -top -diff_base', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapgate-diff-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    cleanupOracle();
  });
  const write = (name: string, p: Profile) => {
    const file = join(dir, name);
    writeFileSync(file, encodeProfile(toWire(p)));
    return file;
  };
  // The tricky shapes: recursion, inlined frames, a name shared by two functions, unsymbolized
  // frames with and without a mapping, functions on one side only, an unchanged function.
  const tricky = (scale: number, extra: SampleSpec[]) =>
    exact([
      s(['a', 'main'], 1 * scale),
      s(['b', 'a', 'main'], 2),
      s(['a', 'a', 'main'], 4 * scale),
      s([{ lines: ['inl', 'outer'] }, 'outer', 'main'], 8 * scale),
      s([{ name: 'dup', file: 'x.go' }, 'main'], 16),
      s([{ name: 'dup', file: 'y.go' }, 'a', 'main'], 32 * scale),
      s([{ lines: [], mapping: '/usr/lib/libc.so.6' }, 'c', 'main'], 64 * scale),
      s([{ lines: [], mapping: '' }, { lines: ['twice', 'twice', 'main'] }], 128),
      ...extra,
    ]);
  const baseProfile = tricky(1, [s(['gone', 'main'], 256)]);
  const currentProfile = tricky(3, [s(['new', 'b', 'main'], 512)]);
  const baseFile = write('base.pb', baseProfile);
  const currentFile = write('current.pb', currentProfile);

  it.each(['objects', 'space'])('matches pprof row for row in %s', (type) => {
    const ours = diff(summarize(baseProfile), summarize(currentProfile)).functions[type]!;
    const theirs = pprofTop(currentFile, type, baseFile);
    expect(ours.map((r) => [r.name, r.flatDelta, r.cumDelta])).toEqual(theirs.rows.map((r) => [r.name, r.flat, r.cum]));
    expect(theirs.total).toBe(summarize(baseProfile).total[type === 'objects' ? 0 : 1]);
  });

  it('matches pprof -top of a single profile', () => {
    const sum = summarize(currentProfile);
    const theirs = pprofTop(currentFile, 'space');
    const ours = sum.functions.name
      .map((name, r) => [name, sum.functions.flat[1]![r]!, sum.functions.cum[1]![r]!] as const)
      .filter(([, flat, cum]) => flat !== 0 || cum !== 0);
    const byName = (x: readonly [string, number, number], y: readonly [string, number, number]) =>
      x[0] < y[0] ? -1 : 1;
    expect([...ours].sort(byName)).toEqual(theirs.rows.map((r) => [r.name, r.flat, r.cum] as const).sort(byName));
    expect(theirs.total).toBe(sum.total[1]);
  });
});
