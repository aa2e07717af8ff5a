import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeProfile, parseLegacyHeapProfile } from '../../../../src/core/profile/decode/index.js';
import { DecodeError } from '../../../../src/core/errors.js';
import { expectMatchesPprof } from './compare-with-pprof.js';
import { pprofRaw } from './pprof-raw.js';
import { allLocations, allSampleLocations, locationView, sampleLocations } from '../../../helpers/sample-locations.js';
import { summarize } from '../../../../src/core/profile/aggregate.js';
import type { Profile } from '../../../../src/core/profile/model.js';
import { pprofTop } from '../../../helpers/pprof-oracle.js';
import { describeWithGo } from '../../../helpers/with-go.js';

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

  test("values are unsampled pair by pair with pprof's formula", () => {
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
    expect(allLocations(p).map((l) => [l.id, l.address])).toEqual([
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
    const lines = (i: number) =>
      locationView(p, i).line.map((l) => `${l.function!.name} ${l.function!.filename}:${l.line}`);
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
    expect(p.lines.function[p.locations.lineStart[0]!]).toBe(0);
    expect(locationView(p, 0).line[0]!.function).toBe(p.function[0]);
  });

  test("a header whose alloc totals equal the in-use ones gives pprof's two types objects/space", () => {
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
    const q = parseLegacyHeapProfile(
      'heap profile: 1: 8 [1: 8] @ heapprofile\n1: 8 [1: 8] @ 0x11\n\nMAPPED_LIBRARIES:\n00400000-00452000 r-xp ' +
        '00000000 08:02 173521 /bin/app\n',
    );
    expect(q.samples.count).toBe(1);
  });

  test('malformed input is a DecodeError naming the line', () => {
    expect(() => parseLegacyHeapProfile('heap profile: nonsense')).toThrow(
      new DecodeError('legacy heap profile: unrecognized header "heap profile: nonsense"'),
    );
    expect(() =>
      parseLegacyHeapProfile('heap profile: 1: 8 [1: 8] @ heap/1024\n1: 8 [1: 8] @ 0x11\ngarbage here\n'),
    ).toThrow(new DecodeError('legacy heap profile line 3: malformed sample "garbage here"'));
    expect(() => parseLegacyHeapProfile('heap profile: 1: 8 [1: 8] @ heap/1024\n0: 8 [1: 8] @ 0x11\n')).toThrow(
      new DecodeError('legacy heap profile line 2: inuse count was 0 but inuse bytes was 8'),
    );
    expect(() =>
      parseLegacyHeapProfile('heap profile: 1: 8 [1: 8] @ heap/1024\n1: 8 [1: 8] @ 0x1ffffffffffffffff\n'),
    ).toThrow(new DecodeError('legacy heap profile line 2: address 0x1ffffffffffffffff exceeds 64 bits'));
  });

  test('decodeProfile recognizes the text, plain or gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    const bytes = new TextEncoder().encode(EXAMPLE);
    expect(decodeProfile(bytes)).toEqual(p);
    expect(decodeProfile(gzipSync(bytes))).toEqual(p);
  });
});

// The runtime frames Go's debug=1 writer leaves out of the `#` lines (as it does: mallocgc and its
// runtime callers at the leaf end, goexit at the root, everything when a stack is runtime-only).
const HIDDEN_RUNTIME = [
  'heap profile: 3: 3072 [3: 3072] @ heap/1048576',
  // 0xa001 and 0xb001 are hidden runtime frames; 0xf001 (goexit) is hidden at the root.
  '1: 1024 [1: 1024] @ 0xa001 0xb001 0x1001 0x2001 0xf001',
  '#\t0x1000\tmain.leaf+0x10\t/src/main.go:10',
  '#\t0x2000\tmain.main+0x20\t/src/main.go:20',
  '',
  // A frame the runtime could not name is still printed (address only), so it is not hidden.
  '1: 1024 [1: 1024] @ 0xa001 0xc001 0x3001',
  '#\t0xc000',
  '#\t0x3000\tmain.other+0x30\t/src/main.go:30',
  '',
  // A runtime-only stack is printed whole.
  '1: 1024 [1: 1024] @ 0xa001 0xd001',
  '#\t0xa000\truntime.mallocgc+0x1\t/go/src/runtime/malloc.go:1',
  '#\t0xd000\truntime.malg+0x2\t/go/src/runtime/proc.go:2',
  '',
].join('\n');

describe('parseLegacyHeapProfile: frames Go hides from the # lines', () => {
  const p = parseLegacyHeapProfile(HIDDEN_RUNTIME);
  const stacks = () => [0, 1, 2].map((i) => sampleLocations(p, i).map((l) => l.address));

  test('frames that no # line of their sample lists are dropped', () => {
    expect(stacks()).toEqual([
      [0x1000n, 0x2000n],
      [0xc000n, 0x3000n],
      [0xa000n, 0xd000n],
    ]);
    // Locations are numbered over the kept stacks only.
    expect(allLocations(p).map((l) => l.address)).toEqual([0x1000n, 0x2000n, 0xc000n, 0x3000n, 0xa000n, 0xd000n]);
    expect(allLocations(p).map((l) => l.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('flat goes to the first frame Go printed', () => {
    const s = summarize(p);
    const t = s.sampleType.findIndex((v) => v.type === 'space');
    const flat = new Map(s.functions.name.map((n, r) => [n, s.functions.flat[t]![r]!]));
    const one = unsample(1, 1024, RATE)[1];
    expect(Object.fromEntries([...flat].filter(([, v]) => v !== 0))).toEqual({
      'main.leaf': one,
      '<unknown>': one,
      'runtime.mallocgc': one,
    });
  });

  test('samples without # lines keep every frame', () => {
    const q = parseLegacyHeapProfile('heap profile: 1: 8 [1: 8] @ heapprofile\n1: 8 [1: 8] @ 0x11 0x21\n');
    expect(allSampleLocations(q).map((l) => l.address)).toEqual([0x10n, 0x20n]);
  });
});

// A gperftools-style memory map exercising each of pprof's rules (ParseMemoryMapFromScanner): the
// main binary listed after a library is moved first and its 0x400000 start restored; split pieces
// of libc are merged; non-executable entries are skipped; a glog prefix is removed; `root=/srv`
// defines $root; the brief form carries (@offset) and a build id. Addresses 0x1 (address 0 after the
// return-address adjustment) and those outside every executable entry get no mapping.
const MAPPED = [
  'heap profile: 5: 500 [5: 500] @ heapprofile',
  '1: 100 [1: 100] @ 0x401235 0x7f0000001011 0x10000',
  '1: 100 [1: 100] @ 0x500010 0x600001 0x1',
  '1: 100 [1: 100] @ 0x7f0000003001 0x900001',
  '1: 100 [1: 100] @ 0x77000001 0x78000001',
  '1: 100 [1: 100] @ 0x6ff001 0x700001',
  '',
  'MAPPED_LIBRARIES:',
  '7f0000001000-7f0000002000 r-xp 00001000 08:02 1 /lib/libc.so.6',
  '7f0000002000-7f0000004000 r-xp 00002000 08:02 1 /lib/libc.so.6',
  '00400000-00401000 r--p 00000000 08:02 173521 /bin/app',
  '00401000-00402000 r-xp 00001000 08:02 173521 /bin/app',
  'main.cc:12] 0x500000-0x501000 /opt/plugin.so (@0) abc123',
  'root=/srv',
  '0x600000-0x601000 $root/tool',
  '0x77000000-0x77001000 rw-p 00000000 00:00 0 [heap]',
  '0x78000000-0x78001000 r-xp 00000000 00:00 0 [vdso]',
  '0x900000-0x901000 r-xp 00000000 00:00 0 /anon_hugepage',
  '0x700000-0x701000 r-xp 00002000 00:00 0 /bin/other',
  '',
].join('\n');
// A leading /anon_hugepage entry followed directly by another is dropped; an address just below a
// mapping with a file offset extends it down, but only until some address has fallen outside
// every mapping (pprof's placeholder mapping then takes it first).
const HUGEPAGE = [
  'heap profile: 3: 300 [3: 300] @ heapprofile',
  '1: 100 [1: 100] @ 0x6ff001 0x310001',
  '1: 100 [1: 100] @ 0x300001 0x7fe001',
  '--- Memory map: ---',
  '0x300000-0x310000 r-xp 00000000 00:00 0 /anon_hugepage',
  '0x310000-0x320000 r-xp 00000000 00:00 0 /bin/x',
  '0x700000-0x701000 r-xp 00002000 00:00 0 /bin/other',
  '0x800000-0x801000 r-xp 00003000 00:00 0 /bin/third',
].join('\n');

/** Each location's address and its mapping as `start/limit/offset file buildid`, or '-' for none. */
function mappingTable(p: Profile): Record<string, string> {
  return Object.fromEntries(
    allLocations(p).map((l) => {
      const m = l.mapping;
      const hex = (v: bigint) => `0x${v.toString(16)}`;
      return [
        hex(l.address),
        m === undefined
          ? '-'
          : `${hex(m.memoryStart)}/${hex(m.memoryLimit)}/${hex(m.fileOffset)} ${m.filename} ${m.buildId}`.trim(),
      ];
    }),
  );
}

describe('parseLegacyHeapProfile: the memory map', () => {
  // What `go tool pprof -raw -symbolize=none` prints for these files (Locations and Mappings), its
  // placeholder mapping 0x0/0xffffffffffffffff written as '-'.
  test('each location gets the mapping pprof gives it', () => {
    expect(mappingTable(parseLegacyHeapProfile(MAPPED))).toEqual({
      '0x401234': '0x400000/0x402000/0x0 /bin/app',
      '0x7f0000001010': '0x7f0000001000/0x7f0000004000/0x1000 /lib/libc.so.6',
      '0xffff': '-',
      '0x50000f': '0x500000/0x501000/0x0 /opt/plugin.so abc123',
      '0x600000': '0x600000/0x601000/0x0 /srv/tool',
      '0x0': '-',
      '0x7f0000003000': '0x7f0000001000/0x7f0000004000/0x1000 /lib/libc.so.6',
      '0x900000': '0x900000/0x901000/0x0 /anon_hugepage',
      '0x77000000': '-',
      '0x78000000': '0x78000000/0x78001000/0x0 [vdso]',
      '0x6ff000': '-',
      '0x700000': '0x700000/0x701000/0x2000 /bin/other',
    });
    expect(mappingTable(parseLegacyHeapProfile(HUGEPAGE))).toEqual({
      '0x6ff000': '0x6fe000/0x701000/0x0 /bin/other',
      '0x310000': '0x310000/0x320000/0x0 /bin/x',
      '0x300000': '-',
      '0x7fe000': '-',
    });
  });

  test('mappings are numbered 1..n, main binary first, and carry no symbol information', () => {
    const p = parseLegacyHeapProfile(MAPPED);
    expect(p.mapping.map((m) => [m.id, m.filename])).toEqual([
      [1, '/bin/app'],
      [2, '/lib/libc.so.6'],
      [3, '/opt/plugin.so'],
      [4, '/srv/tool'],
      [5, '[vdso]'],
      [6, '/anon_hugepage'],
      [7, '/bin/other'],
    ]);
    expect(p.mapping.every((m) => !m.hasFunctions && !m.hasFilenames && !m.hasLineNumbers && !m.hasInlineFrames)).toBe(
      true,
    );
    expect(allLocations(p).every((l) => l.mapping === undefined || p.mapping.includes(l.mapping))).toBe(true);
  });

  test('unsymbolized frames are named after their mapped file, with the flat and cum pprof prints', () => {
    // `go tool pprof -top -symbolize=none` of MAPPED (type space): name, flat, cum.
    expect(rowsOf(summarize(parseLegacyHeapProfile(MAPPED)), 'space')).toEqual({
      '<unknown>': [200, 400],
      '[app]': [100, 100],
      '[libc.so.6]': [100, 200],
      '[plugin.so]': [100, 100],
      '[[vdso]]': [0, 100],
      '[anon_hugepage]': [0, 100],
      '[other]': [0, 100],
      '[tool]': [0, 100],
    });
  });
});

/** name → [flat, cum] of one sample type of a summary. */
function rowsOf(s: ReturnType<typeof summarize>, sampleType: string): Record<string, [number, number]> {
  const t = s.sampleType.findIndex((v) => v.type === sampleType);
  return Object.fromEntries(s.functions.name.map((n, r) => [n, [s.functions.flat[t]![r]!, s.functions.cum[t]![r]!]]));
}

/** `go tool pprof -raw -symbolize=none` of `text`: each location's address and mapping, as mappingTable. */
function pprofMappingTable(text: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'heapgate-legacy-'));
  try {
    const file = join(dir, 'heap.txt');
    writeFileSync(file, text);
    const run = spawnSync('go', ['tool', 'pprof', '-raw', '-symbolize=none', file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`go tool pprof failed: ${run.stderr}`);
    const out = run.stdout.split('\n');
    const mappings = new Map<string, string>();
    for (const l of out.slice(out.indexOf('Mappings') + 1)) {
      const m = /^(\d+): (\S+)\/(\S+)\/(\S+) ?(.*)$/.exec(l);
      if (m === null) continue;
      const placeholder = m[2] === '0x0' && m[3] === '0xffffffffffffffff' && m[5]!.trim() === '';
      mappings.set(m[1]!, placeholder ? '-' : `${m[2]}/${m[3]}/${m[4]} ${m[5]!.trim()}`.trim());
    }
    const table: Record<string, string> = {};
    for (const l of out.slice(out.indexOf('Locations') + 1, out.indexOf('Mappings'))) {
      const m = /^\s*\d+: (0x[0-9a-f]+)(?: M=(\d+))?/.exec(l);
      if (m !== null) table[m[1]!] = m[2] === undefined ? '-' : mappings.get(m[2])!;
    }
    return table;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeWithGo('legacy heap profiles against go tool pprof', () => {
  test.each([
    ['MAPPED', MAPPED],
    ['HUGEPAGE', HUGEPAGE],
  ])('memory map %s: every location has the mapping pprof gives it', (_name, text) => {
    expect(mappingTable(parseLegacyHeapProfile(text))).toEqual(pprofMappingTable(text));
  });

  test('memory map: per-function flat and cum as pprof -top prints them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-legacy-'));
    try {
      const file = join(dir, 'heap.txt');
      writeFileSync(file, MAPPED);
      const top = pprofTop(file, 'space');
      expect(rowsOf(summarize(parseLegacyHeapProfile(MAPPED)), 'space')).toEqual(
        Object.fromEntries(top.rows.map((r) => [r.name, [r.flat, r.cum]])),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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
  const legacyFixtures = findLegacyFixtures(fileURLToPath(new URL('../../../fixtures/go/', import.meta.url)));

  (legacyFixtures.length > 0 ? test.each(legacyFixtures) : test.skip.each([['(no *.legacy.txt fixture)', '']]))(
    'a real debug=1 profile from the Go runtime: %s',
    (_name, file) => {
      const p = parseLegacyHeapProfile(readFileSync(file, 'utf8'));
      expect(p.samples.count).toBeGreaterThan(0);
      // The protobuf heap profile written by the same run after the same GC (fixtures README): Go
      // hides the same runtime frames there (leaf-end runtime frames and goexit), so every
      // function's flat and cum are the same.
      const pb = file.replace(/\.legacy\.txt$/, '.pb.gz');
      const s = summarize(p);
      for (const sampleType of ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']) {
        const top = pprofTop(pb, sampleType);
        // Rows that are 0 in both columns are left out: pprof omits functions whose samples are
        // all zero in this sample type.
        const nonZero = (rows: [string, [number, number]][]) =>
          Object.fromEntries(rows.filter(([, [f, c]]) => f !== 0 || c !== 0));
        expect(top.rows.length).toBeGreaterThan(0);
        expect(nonZero(Object.entries(rowsOf(s, sampleType)))).toEqual(
          nonZero(top.rows.map((r) => [r.name, [r.flat, r.cum]])),
        );
      }
      // The frames Go printed name the user code; the runtime frames it hides keep an address only.
      const named = allLocations(p).flatMap((l) => l.line.map((x) => x.function!.name));
      expect(named).toContain('main.main');
      expect(named.some((n) => n.includes('+0x') || n.includes('\t'))).toBe(false);
      const files = allLocations(p).flatMap((l) => l.line.map((x) => x.function!.filename));
      expect(files.every((f) => f.endsWith('.go') || f.endsWith('.s'))).toBe(true);
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
