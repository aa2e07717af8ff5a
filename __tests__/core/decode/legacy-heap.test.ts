import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeProfile, parseLegacyHeapProfile } from '../../../src/core/decode/index.js';
import { DecodeError } from '../../../src/core/errors.js';
import { expectMatchesPprof } from './compare-with-pprof.js';
import { havePprof, pprofRaw } from './pprof-raw.js';
import { allSampleLocations } from '../../helpers/sample-locations.js';

/**
 * pprof's unsampling of one (count, bytes) pair, written from the formula in
 * profile/legacy_profile.go (scaleHeapSample): scale = 1 / (1 − e^(−avg/rate)), avg = bytes/count,
 * both results truncated toward zero like Go's int64 conversion.
 */
function unsample(count: number, bytes: number, rate: number): [number, number] {
  if (count === 0 || bytes === 0) return [0, 0];
  const scale = 1 / (1 - Math.exp(-(bytes / count) / rate));
  return [Math.trunc(count * scale), Math.trunc(bytes * scale)];
}

// A debug=1 heap profile as Go's runtime/pprof writes it, trimmed: rate 2*524288 in the header,
// return addresses on the sample line, then the symbolized frames (inlined ones share an address,
// callee first), tab-aligned like Go's tabwriter output.
const EXAMPLE = [
  'heap profile: 3: 3072 [14: 49152] @ heap/1048576',
  '1: 1024 [5: 20480] @ 0x1001 0x2001 0x3001',
  '#\t0x1000\tmain.leaf+0x10\t\t/src/main.go:10',
  '#\t0x2000\tmain.inl+0x20\t\t/src/inl.go:5',
  '#\t0x2000\tmain.mid+0x20\t\t/src/main.go:20',
  '#\t0x3000\tmain.main+0x30\t\t/src/main.go:30',
  '',
  '2: 2048 [5: 20480] @ 0x1001 0x4001',
  '#\t0x1000\tmain.leaf+0x10\t/src/main.go:10',
  '#\t0x4000\tmain.other+0x40\t/src/other.go:40',
  '',
  '0: 0 [4: 8192] @ 0x5001',
  '',
  '',
  '# runtime.MemStats',
  '# Alloc = 12345',
  '# NumGC = 3',
  '',
].join('\n');

const RATE = 524288;

describe('parseLegacyHeapProfile', () => {
  const p = parseLegacyHeapProfile(EXAMPLE);

  test('sample types, period type and period (half the header rate)', () => {
    expect(p.sampleType).toEqual([
      { type: 'alloc_objects', unit: 'count' },
      { type: 'alloc_space', unit: 'bytes' },
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' },
    ]);
    expect(p.periodType).toEqual({ type: 'space', unit: 'bytes' });
    expect(p.period).toBe(RATE);
    expect(p.defaultSampleTypeIndex).toBe(3);
  });

  test('values are unsampled pair by pair with pprof\'s formula', () => {
    expect(p.samples.count).toBe(3);
    const expected = [
      [...unsample(5, 20480, RATE), ...unsample(1, 1024, RATE)],
      [...unsample(5, 20480, RATE), ...unsample(2, 2048, RATE)],
      [...unsample(4, 8192, RATE), 0, 0],
    ].flat();
    expect(Array.from(p.samples.value)).toEqual(expected);
    // Sanity of the formula itself: a 4096-byte average at rate 524288 scales by ~128.5.
    expect(expected[1]! / 20480).toBeCloseTo(1 / (1 - Math.exp(-4096 / 524288)), 3);
    expect(expected[0]).toBe(Math.trunc(5 / (1 - Math.exp(-4096 / 524288))));
  });

  test('each sample has the label bytes = average object size, in-use pair first, else the alloc pair', () => {
    expect(p.samples.labelKey).toEqual(['bytes', 'bytes', 'bytes']);
    expect(Array.from(p.samples.labelNum)).toEqual([1024, 1024, 2048]);
    expect(p.samples.labelStr).toEqual(['', '', '']);
    expect(Array.from(p.samples.labelStart)).toEqual([0, 1, 2, 3]);
  });

  test('one location per distinct return address minus one, ids in order of first appearance', () => {
    expect(p.location.map((l) => [l.id, l.address])).toEqual([
      [1, 0x1000n],
      [2, 0x2000n],
      [3, 0x3000n],
      [4, 0x4000n],
      [5, 0x5000n],
    ]);
    const ids = allSampleLocations(p).map((l) => l.id);
    expect(ids).toEqual([1, 2, 3, 1, 4, 5]);
    expect(Array.from(p.samples.locationStart)).toEqual([0, 3, 5, 6]);
    expect(p.samples.locationIndex[0]).toBe(p.samples.locationIndex[3]);
    expect(p.mapping).toEqual([]);
  });

  test('the # frame lines name locations; inlined frames share an address, callee first', () => {
    const lines = (i: number) => p.location[i]!.line.map((l) => `${l.function!.name} ${l.function!.filename}:${l.line}`);
    expect(lines(0)).toEqual(['main.leaf /src/main.go:10']);
    expect(lines(1)).toEqual(['main.inl /src/inl.go:5', 'main.mid /src/main.go:20']);
    expect(lines(2)).toEqual(['main.main /src/main.go:30']);
    expect(lines(3)).toEqual(['main.other /src/other.go:40']);
    expect(lines(4)).toEqual([]);
    expect(p.function.map((f) => [f.id, f.name])).toEqual([
      [1, 'main.leaf'],
      [2, 'main.inl'],
      [3, 'main.mid'],
      [4, 'main.main'],
      [5, 'main.other'],
    ]);
    // main.leaf appears in two samples' frame blocks but is one Function.
    expect(p.location[0]!.line[0]!.function).toBe(p.function[0]);
  });

  test('a header whose alloc totals equal the in-use ones gives pprof\'s two types objects/space', () => {
    const q = parseLegacyHeapProfile('heap profile: 1: 512 [1: 512] @ heap/1048576\n1: 512 [1: 512] @ 0x11\n');
    expect(q.sampleType.map((t) => t.type)).toEqual(['objects', 'space']);
    expect(Array.from(q.samples.value)).toEqual(unsample(1, 512, RATE));
  });

  test('heap_v2/N uses N as the rate; heapprofile and growthz are not scaled', () => {
    const v2 = parseLegacyHeapProfile('heap profile: 1: 100 [2: 300] @ heap_v2/1000\n1: 100 [2: 300] @ 0x11\n');
    expect(v2.period).toBe(1000);
    expect(Array.from(v2.samples.value)).toEqual([...unsample(2, 300, 1000), ...unsample(1, 100, 1000)]);
    const hp = parseLegacyHeapProfile('heap profile: 1: 100 [2: 300] @ heapprofile\n1: 100 [2: 300] @ 0x11\n');
    expect(hp.period).toBe(1);
    expect(Array.from(hp.samples.value)).toEqual([2, 300, 1, 100]);
    const growth = parseLegacyHeapProfile('heap profile: 1: 100 [2: 300] @ growthz\n1: 100 [0: 0] @ 0x11\n');
    expect(growth.period).toBe(1);
    expect(Array.from(growth.samples.value)).toEqual([1, 100]);
  });

  test('a memory-map section ends the samples', () => {
    const q = parseLegacyHeapProfile('heap profile: 1: 8 [1: 8] @ heapprofile\n1: 8 [1: 8] @ 0x11\n\nMAPPED_LIBRARIES:\n00400000-00452000 r-xp 00000000 08:02 173521 /bin/app\n');
    expect(q.samples.count).toBe(1);
  });

  test('malformed input is a DecodeError naming the line', () => {
    expect(() => parseLegacyHeapProfile('heap profile: nonsense')).toThrow(new DecodeError('legacy heap profile: unrecognized header "heap profile: nonsense"'));
    expect(() => parseLegacyHeapProfile('heap profile: 1: 8 [1: 8] @ heap/1024\n1: 8 [1: 8] @ 0x11\ngarbage here\n')).toThrow(
      new DecodeError('legacy heap profile line 3: malformed sample "garbage here"'),
    );
    expect(() => parseLegacyHeapProfile('heap profile: 1: 8 [1: 8] @ heap/1024\n0: 8 [1: 8] @ 0x11\n')).toThrow(
      new DecodeError('legacy heap profile line 2: inuse count was 0 but inuse bytes was 8'),
    );
    expect(() => parseLegacyHeapProfile('heap profile: 1: 8 [1: 8] @ heap/1024\n1: 8 [1: 8] @ 0x1ffffffffffffffff\n')).toThrow(
      new DecodeError('legacy heap profile line 2: address 0x1ffffffffffffffff exceeds 64 bits'),
    );
  });

  test('decodeProfile recognizes the text, plain or gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    const bytes = new TextEncoder().encode(EXAMPLE);
    expect(decodeProfile(bytes)).toEqual(p);
    expect(decodeProfile(gzipSync(bytes))).toEqual(p);
  });
});

(havePprof ? describe : describe.skip)('legacy heap profiles against go tool pprof', () => {
  test('the hand-written example: same types, period, values, addresses and labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-legacy-'));
    try {
      const file = join(dir, 'heap.txt');
      writeFileSync(file, EXAMPLE);
      // pprof ignores the # frame lines and has no binary here, so it shows addresses only.
      expectMatchesPprof(parseLegacyHeapProfile(EXAMPLE), pprofRaw(file), { lines: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The debug=1 profiles among the fixtures (see __tests__/fixtures/README), if any.
  const legacyFixtures = findLegacyFixtures(fileURLToPath(new URL('../../fixtures/go/', import.meta.url)));

  (legacyFixtures.length > 0 ? test.each(legacyFixtures) : test.skip.each([['(no *.legacy.txt fixture)', '']]))(
    'a real debug=1 profile from the Go runtime: %s',
    (_name, file) => {
      const p = parseLegacyHeapProfile(readFileSync(file, 'utf8'));
      expect(p.samples.count).toBeGreaterThan(0);
      expectMatchesPprof(p, pprofRaw(file), { lines: false });
      // The frames Go printed name the user code; the runtime frames it hides keep an address only.
      const named = p.location.flatMap((l) => l.line.map((x) => x.function!.name));
      expect(named).toContain('main.main');
      expect(named.some((n) => n.includes('+0x') || n.includes('\t'))).toBe(false);
      expect(p.location.flatMap((l) => l.line.map((x) => x.function!.filename)).every((f) => f.endsWith('.go') || f.endsWith('.s'))).toBe(true);
    },
  );
});

/** [path relative to dir, absolute path] of each *.legacy.txt under dir. */
function findLegacyFixtures(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.legacy.txt'))
    .sort()
    .map((f) => [f, join(dir, f)]);
}
