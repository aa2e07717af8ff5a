import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { decodeProfile, decodeProtobuf } from '../../../../src/core/profile/decode/index.js';
import { DecodeError } from '../../../../src/core/errors.js';
import { encodeProfile, type ProfileSpec } from '../../../helpers/encode-profile.js';

/**
 * Whatever the bytes, decoding returns a Profile or throws a DecodeError: never another exception,
 * never a hang, never an allocation sized by a corrupt length (each call must stay fast).
 */
// Generous, so a loaded machine does not fail it; a hang or a gigabyte allocation takes far longer.
const MAX_MS_PER_CALL = 1000;

function decodesOrRejects(decode: (b: Uint8Array) => unknown, bytes: Uint8Array): void {
  const started = performance.now();
  try {
    decode(bytes);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw new Error(`not a DecodeError: ${String(e)}`, { cause: e });
    if (/\n/.test(e.message)) throw new Error(`multi-line message: ${e.message}`, { cause: e });
  }
  const elapsed = performance.now() - started;
  if (elapsed > MAX_MS_PER_CALL) throw new Error(`decoding ${bytes.length} bytes took ${elapsed.toFixed(0)} ms`);
}

const specs: ProfileSpec[] = [
  {
    sampleType: [
      ['alloc_objects', 'count'],
      ['alloc_space', 'bytes'],
      ['inuse_objects', 'count'],
      ['inuse_space', 'bytes'],
    ],
    periodType: ['space', 'bytes'],
    period: 524288,
    timeNanos: (1n << 62n) + 5n,
    comment: ['c'],
    mapping: [{ id: 1, memoryStart: 0x400000, memoryLimit: 0xffffffffffffffffn, filename: 'app', buildId: 'b' }],
    function: [
      { id: 1, name: 'main.a', filename: 'a.go', startLine: 1 },
      { id: 1000, name: 'main.b', filename: 'b.go' },
    ],
    location: [
      {
        id: 1,
        mappingId: 1,
        address: 0x401000,
        line: [
          { functionId: 1, line: 5 },
          { functionId: 1000, line: 9 },
        ],
      },
      { id: 2 ** 40, mappingId: 1, address: 0x402000, line: [{ functionId: 1000, line: 7 }] },
    ],
    sample: [
      { locationId: [1, 2 ** 40], value: [1, 512, 1, 512], label: [{ key: 'bytes', num: 512 }] },
      { locationId: [2 ** 40, 1, 1], value: [-3, 100, 0, 0], label: [{ key: 'k', str: 'v' }] },
    ],
    defaultSampleType: 'alloc_space',
  },
  { sampleType: [['space', 'bytes']], location: [{ id: 3 }], sample: [{ locationId: [3, 3, 3], value: [7] }] },
];

const LEGACY = new TextEncoder().encode(
  [
    'heap profile: 2: 2048 [3: 4096] @ heap/1048576',
    '1: 1024 [2: 2048] @ 0x4a1001 0x4a2001',
    '#\t0x4a1000\tmain.f+0x10\t\t/src/main.go:10',
    '#\t0x4a2000\tmain.main+0x20\t\t/src/main.go:20',
    '',
    '1: 1024 [1: 2048] @ 0x4a3001',
    '',
    '# runtime.MemStats',
    '# Alloc = 1',
  ].join('\n'),
);

/** A couple of real Go profiles, if the fixtures are there (uncompressed, so mutations reach the wire format). */
function fixtureSeeds(): Uint8Array[] {
  const names = ['go/cache/good.rate524288.heap.pb.gz', 'go/map/good.rate524288.allocs.pb.gz'];
  return names
    .map((n) => new URL(`../../../fixtures/${n}`, import.meta.url).pathname)
    .filter((f) => existsSync(f))
    .map((f) => new Uint8Array(gunzipSync(readFileSync(f))));
}

const seeds: Uint8Array[] = [
  ...specs.flatMap((s) => [encodeProfile(s), encodeProfile(s, { packed: false, stringTableFirst: true })]),
  encodeProfile(specs[0]!, { gzip: true }),
  LEGACY,
  ...fixtureSeeds(),
];

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'varint'; at: number; byte: number };

// Positions are fractions of the length, so one mutation applies to any seed.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('truncate' as const),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    length: fc.integer({ min: 1, max: 16 }),
  }),
  // Varint corruption: a continuation bit set, a maximal byte, or a terminator where a continuation was.
  fc.record({
    kind: fc.constant('varint' as const),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    byte: fc.constantFrom(0x80, 0xff, 0x7f, 0x00),
  }),
);

function mutate(seed: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = Uint8Array.from(seed);
  for (const m of mutations) {
    const at = Math.floor(m.at * b.length);
    switch (m.kind) {
      case 'flip':
        if (b.length > 0) b[at] = b[at]! ^ (1 << m.bit);
        break;
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'insert':
        b = Uint8Array.from([...b.subarray(0, at), ...m.bytes, ...b.subarray(at)]);
        break;
      case 'delete':
        b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + m.length)]);
        break;
      case 'varint':
        if (b.length > 0) b[at] = m.byte;
        break;
    }
  }
  return b;
}

describe('fuzzing the decoder', () => {
  test('the seeds themselves decode', () => {
    for (const s of seeds) expect(() => decodeProfile(s)).not.toThrow();
  });

  test('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        decodesOrRejects(decodeProfile, bytes);
        decodesOrRejects(decodeProtobuf, bytes);
      }),
      { numRuns: 2000 },
    );
  });

  test('random bytes behind a plausible Profile key', () => {
    // 0x0a / 0x12 / 0x22 start sample_type / sample / location: the protobuf path, not the sniffing.
    fc.assert(
      fc.property(
        fc.constantFrom(0x0a, 0x12, 0x22, 0x2a, 0x32, 0x48),
        fc.uint8Array({ maxLength: 128 }),
        (key, rest) => {
          decodesOrRejects(decodeProfile, Uint8Array.from([key, ...rest]));
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('mutated real and encoded profiles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (i, mutations) => {
          const bytes = mutate(seeds[i]!, mutations);
          decodesOrRejects(decodeProfile, bytes);
          decodesOrRejects(decodeProtobuf, bytes);
        },
      ),
      { numRuns: 2500 },
    );
  });
});
