import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { nodeName, summarize } from '../../../src/core/profile/aggregate.js';
import type { ProfileSummary } from '../../../src/core/profile/aggregate.js';
import { decodeProfile } from '../../../src/core/profile/decode/index.js';
import { RuleError } from '../../../src/core/errors.js';
import { buildProfile } from '../../helpers/build-profile.js';

const TYPES = [
  ['objects', 'count'],
  ['space', 'bytes'],
] as const;

/**
 * Object counts are distinct powers of two, so each expected sum below names exactly which
 * samples it includes; space is 100 × objects.
 */
const profile = buildProfile({
  sampleType: TYPES,
  samples: [
    { stack: ['a', 'main'], value: [1, 100] },
    { stack: ['b', 'a', 'main'], value: [2, 200] },
    // Recursion: `a` appears twice and counts once in cum.
    { stack: ['a', 'a', 'main'], value: [4, 400] },
    // One location with an inlined callee: flat goes to `inl` (line[0]).
    { stack: [{ lines: ['inl', 'outer'] }, 'main'], value: [8, 800] },
    // Two Function entries named `dup` (different files): one row.
    { stack: [{ name: 'dup', file: 'x.go' }, 'main'], value: [16, 1600] },
    { stack: [{ name: 'dup', file: 'y.go' }], value: [32, 3200] },
    // Unsymbolized leaf: keyed by the mapping's base name.
    { stack: [{ lines: [], mapping: '/usr/lib/libc.so.6' }, 'main'], value: [64, 6400] },
    // No location at all: in the total, in nobody's flat or cum.
    { stack: [], value: [128, 12800] },
    // Zero-valued: contributes nothing.
    { stack: ['zero', 'main'], value: [0, 0] },
    // Unsymbolized with no mapping, and the same inlined function twice in one location.
    { stack: [{ lines: [], mapping: '' }, { lines: ['twice', 'twice', 'main'] }], value: [256, 25600] },
  ],
  periodType: null,
});

function row(s: ProfileSummary, name: string, t = 0): { flat: number; cum: number } {
  const r = s.functions.name.indexOf(name);
  expect(r).toBeGreaterThanOrEqual(0);
  return { flat: s.functions.flat[t]![r]!, cum: s.functions.cum[t]![r]! };
}

describe('summarize', () => {
  const s = summarize(profile);

  it('totals every sample value per sample type', () => {
    expect(s.total).toEqual([511, 51100]);
    expect(s.sampleCount).toBe(10);
    expect(s.sampleType).toEqual([
      { type: 'objects', unit: 'count' },
      { type: 'space', unit: 'bytes' },
    ]);
  });

  it.each([
    // name, flat (objects), cum (objects): sums of the sample counts listed in the comments above
    ['a', 1 + 4, 1 + 2 + 4],
    ['b', 2, 2],
    ['inl', 8, 8],
    ['outer', 0, 8],
    ['dup', 16 + 32, 16 + 32],
    ['[libc.so.6]', 64, 64],
    ['<unknown>', 256, 256],
    ['twice', 0, 256],
    ['main', 0, 1 + 2 + 4 + 8 + 16 + 64 + 256],
    ['zero', 0, 0],
  ])('row %s: flat %d, cum %d', (name, flat, cum) => {
    expect(row(s, name)).toEqual({ flat, cum });
    expect(row(s, name, 1)).toEqual({ flat: flat * 100, cum: cum * 100 });
  });

  it('has one row per distinct name', () => {
    const names = [...s.functions.name].sort();
    expect(names).toEqual(['<unknown>', '[libc.so.6]', 'a', 'b', 'dup', 'inl', 'main', 'outer', 'twice', 'zero']);
  });

  it('flat sums to the total of the samples that have a location', () => {
    const flatSum = s.functions.flat[0]!.reduce((x, y) => x + y, 0);
    expect(flatSum).toBe(511 - 128);
  });

  it('has zero variance for a profile without a sampling period', () => {
    expect(s.exact).toBe(true);
    expect(s.variance).toEqual([0, 0]);
    expect(s.functions.flatVariance[1]!.every((v) => v === 0)).toBe(true);
  });

  it('counts a sample once per focus pattern, whatever the number of matching frames', () => {
    const f = summarize(profile, { focus: ['^a$', 'dup|inl', '\\[libc', 'nomatch', 'a|b|main'] }).focus;
    expect(f.map((x) => x.pattern)).toEqual(['^a$', 'dup|inl', '\\[libc', 'nomatch', 'a|b|main']);
    expect(f[0]!.total).toEqual([1 + 2 + 4, 700]);
    expect(f[1]!.total).toEqual([8 + 16 + 32, 5600]);
    expect(f[2]!.total).toEqual([64, 6400]);
    expect(f[3]!.total).toEqual([0, 0]);
    expect(f[4]!.total).toEqual([1 + 2 + 4 + 8 + 16 + 64 + 256, 35100]);
  });

  it('handles more than 31 focus patterns', () => {
    const focus = Array.from({ length: 40 }, (_, i) => (i === 35 ? '^b$' : `^nomatch${i}$`));
    const f = summarize(profile, { focus }).focus;
    expect(f[35]!.total).toEqual([2, 200]);
    expect(f.filter((x) => x.total[0] !== 0)).toHaveLength(1);
  });

  it('rejects a focus pattern that does not compile', () => {
    expect(() => summarize(profile, { focus: ['main('] })).toThrow(RuleError);
    expect(() => summarize(profile, { focus: ['main('] })).toThrow(/main\(/);
  });

  it('does not depend on location ids: missing, duplicated and bigint ids give the same rows', () => {
    const expected = summarize(profile);
    const rows = (x: ProfileSummary) =>
      x.functions.name.map((name, r) => [name, x.functions.flat[0]![r], x.functions.cum[0]![r]]).sort();
    const locs = profile.locations;
    const withIds = (id: (j: number) => bigint) => ({
      ...profile,
      locations: { ...locs, id: BigUint64Array.from({ length: locs.count }, (_, j) => id(j)) },
    });
    const variants = [
      // Ids that do not match positions in profile.locations (id 1 missing, every id off by one).
      withIds((j) => BigInt(j + 2)),
      // Every location with the same id.
      withIds(() => 1n),
      // Ids above 2^53.
      withIds((j) => (1n << 60n) + BigInt(j)),
    ];
    for (const v of variants) {
      const got = summarize(v);
      expect(got.total).toEqual(expected.total);
      expect(rows(got)).toEqual(rows(expected));
    }
  });

  it('is structured-cloneable', () => {
    const f = summarize(profile, { focus: ['a'] });
    expect(structuredClone(f)).toEqual(f);
  });

  it('adds each sample variance to flat, total and focus', () => {
    const rate = 524288;
    const p = buildProfile({
      sampleType: TYPES,
      samples: [
        { stack: ['leaf', 'main'], value: [10, 10 * 4096], bytes: 4096 },
        { stack: ['main'], value: [3, 3 * 1048576], bytes: 1048576 },
      ],
    });
    const v = summarize(p, { focus: ['leaf'] });
    // (1 − p)/p with p = 1 − e^(−s/R) is 1/(e^(s/R) − 1).
    const f1 = 1 / (Math.exp(4096 / rate) - 1);
    const f2 = 1 / (Math.exp(1048576 / rate) - 1);
    const leaf = v.functions.name.indexOf('leaf');
    const main = v.functions.name.indexOf('main');
    expect(v.exact).toBe(false);
    expect(v.functions.flatVariance[0]![leaf]).toBeCloseTo(10 * f1, 6);
    expect(v.functions.flatVariance[1]![leaf]! / (10 * 4096 * 4096 * f1)).toBeCloseTo(1, 12);
    expect(v.functions.flatVariance[0]![main]).toBeCloseTo(3 * f2, 9);
    expect(v.variance[0]).toBeCloseTo(10 * f1 + 3 * f2, 6);
    expect(v.focus[0]!.variance[0]).toBeCloseTo(10 * f1, 6);
  });
});

describe('nodeName', () => {
  const fn = { id: 1, name: 'main.f', systemName: '', filename: '', startLine: 0 };
  const mapping = {
    id: 1,
    memoryStart: 0n,
    memoryLimit: 0n,
    fileOffset: 0n,
    filename: '/usr/bin/app',
    buildId: '',
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
  };
  it.each([
    [fn, mapping, 'main.f'],
    [{ ...fn, name: '' }, mapping, '[app]'],
    [undefined, mapping, '[app]'],
    [undefined, undefined, '<unknown>'],
    [undefined, { ...mapping, filename: '' }, '<unknown>'],
  ])('%#', (f, m, expected) => {
    expect(nodeName(f, m)).toBe(expected);
  });
});

describe('summarize on real Go heap profiles', () => {
  const dir = fileURLToPath(new URL('../../fixtures/go/', import.meta.url));
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.pb.gz'))
    .sort();

  it('has fixtures to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: totals are the sums of the sample values, and flat sums to the total', (file) => {
    const profile = decodeProfile(readFileSync(join(dir, file)));
    const s = summarize(profile);
    const k = profile.sampleType.length;
    for (let t = 0; t < k; t++) {
      let sum = 0;
      let located = 0;
      for (let i = 0; i < profile.samples.count; i++) {
        sum += profile.samples.value[i * k + t]!;
        if (profile.samples.locationStart[i + 1]! > profile.samples.locationStart[i]!)
          located += profile.samples.value[i * k + t]!;
      }
      expect(s.total[t]).toBe(sum);
      expect(s.functions.flat[t]!.reduce((a, b) => a + b, 0)).toBe(located);
      // Go writes a stack for every heap sample.
      expect(located).toBe(sum);
      // cum of a row never exceeds the total, and is at least its flat.
      s.functions.cum[t]!.forEach((cum, r) => {
        expect(cum).toBeLessThanOrEqual(sum);
        expect(cum).toBeGreaterThanOrEqual(s.functions.flat[t]![r]!);
      });
    }
    // MemProfileRate 1 records every allocation: exact. The default rate samples: noisy.
    expect(s.exact).toBe(file.includes('.rate1.'));
  });
});
