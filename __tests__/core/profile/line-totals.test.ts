import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { summarize, summarizeEncoded } from '../../../src/core/profile/aggregate.js';
import { cleanPath } from '../../../src/core/profile/clean-path.js';
import { lineName, type LineTotals } from '../../../src/core/profile/line-totals.js';
import { decodeProfile } from '../../../src/core/profile/decode/index.js';
import { buildProfile } from '../../helpers/build-profile.js';

/** Object counts are distinct powers of two, so each sum names the samples it includes. */
const profile = buildProfile({
  sampleType: [
    ['objects', 'count'],
    ['space', 'bytes'],
  ],
  samples: [
    { stack: ['a', 'main'], value: [1, 100] },
    { stack: ['b', 'a', 'main'], value: [2, 200] },
    // Recursion: the line appears twice and counts once in cum.
    { stack: ['a', 'a', 'main'], value: [4, 400] },
    // An inlined callee (line 10) in its caller's location (line 11): two rows, flat to line[0].
    { stack: [{ lines: ['inl', 'outer'] }, 'main'], value: [8, 800] },
    // One function name in two files: two rows (pprof's lines granularity keys by file too).
    { stack: [{ name: 'dup', file: 'x.go' }, 'main'], value: [16, 1600] },
    { stack: [{ name: 'dup', file: 'lib//./y.go' }], value: [32, 3200] },
    { stack: [{ lines: [], mapping: '/usr/lib/libc.so.6' }, 'main'], value: [64, 6400] },
    { stack: [], value: [128, 12800] },
    { stack: [{ lines: [], mapping: '' }, { lines: ['twice', 'twice', 'main'] }], value: [256, 25600] },
  ],
  periodType: null,
});

/** name → [flat, cum] of sample type t. */
function rows(lines: LineTotals, t = 0): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  lines.function.forEach((f, r) => {
    out[lineName({ function: f, file: lines.file[r]!, line: lines.line[r]! })] = [
      lines.flat[t]![r]!,
      lines.cum[t]![r]!,
    ];
  });
  return out;
}

describe('per-line totals', () => {
  it('are summed only when asked for', () => {
    expect(summarize(profile).lines).toBeUndefined();
    expect(summarize(profile, { lines: true }).lines).toBeDefined();
  });

  it('key rows by function, file and line, flat to the leaf line and cum once per sample', () => {
    const lines = summarize(profile, { lines: true }).lines!;
    expect(rows(lines)).toEqual({
      'a a.go:10': [5, 7],
      'main main.go:10': [0, 95],
      'b b.go:10': [2, 2],
      'inl inl.go:10': [8, 8],
      'outer outer.go:11': [0, 8],
      'dup x.go:10': [16, 16],
      'dup lib/y.go:10': [32, 32],
      '[libc.so.6]': [64, 64],
      '<unknown>': [256, 256],
      'twice twice.go:10': [0, 256],
      'twice twice.go:11': [0, 256],
      'main main.go:12': [0, 256],
    });
    expect(rows(lines, 1)['a a.go:10']).toEqual([500, 700]);
    expect(lines.flatVariance[0]!.every((v) => v === 0)).toBe(true);
  });

  it('are the same whether the samples are stored or summed while decoding', () => {
    const file = fileURLToPath(new URL('../../fixtures/go/cache/regressed.rate524288.heap.pb.gz', import.meta.url));
    const bytes = readFileSync(file);
    const stored = summarize(decodeProfile(bytes), { lines: true }).lines!;
    const streamed = summarizeEncoded(bytes, { lines: true }).lines!;
    expect(streamed).toEqual(stored);
    expect(stored.flatVariance.some((col) => col.some((v) => v > 0))).toBe(true);
  });
});

describe('lineName', () => {
  it('prints the function, then file:line, as pprof -top -lines does', () => {
    expect(lineName({ function: 'main.f', file: '/w/f.go', line: 42 })).toBe('main.f /w/f.go:42');
    expect(lineName({ function: 'main.f', file: '/w/f.go', line: 0 })).toBe('main.f /w/f.go');
    expect(lineName({ function: '', file: '/w/f.go', line: 3 })).toBe('/w/f.go:3');
    expect(lineName({ function: '[app]', file: '', line: 0 })).toBe('[app]');
  });
});

describe('cleanPath (Go filepath.Clean)', () => {
  it.each([
    ['', '.'],
    ['a/c', 'a/c'],
    ['a//c', 'a/c'],
    ['a/c/.', 'a/c'],
    ['a/c/b/..', 'a/c'],
    ['/../a/c', '/a/c'],
    ['../../a', '../../a'],
    ['a/../..', '..'],
    ['/', '/'],
    ['//', '/'],
    ['abc/', 'abc'],
    ['./x.go', 'x.go'],
    ['.', '.'],
    ['..', '..'],
    ['/a/../../b', '/b'],
    ['a/...', 'a/...'],
  ])('%j → %j', (input, output) => {
    expect(cleanPath(input)).toBe(output);
  });
});
