import { decodeProfile, decodeProtobuf } from '../../../../src/core/profile/decode/index.js';
import { encodeProfile, type EncodeOptions, type ProfileSpec } from '../../../helpers/encode-profile.js';
import { expectedProfile } from './expected-profile.js';
import { allSampleLocations, locationView } from '../../../helpers/sample-locations.js';

const U64_MAX = (1n << 64n) - 1n;

/** A Go-heap-like profile: four sample types, inlined frames, labels, one mapping. */
const heapSpec: ProfileSpec = {
  sampleType: [
    ['alloc_objects', 'count'],
    ['alloc_space', 'bytes'],
    ['inuse_objects', 'count'],
    ['inuse_space', 'bytes'],
  ],
  periodType: ['space', 'bytes'],
  period: 524288,
  timeNanos: 1_700_000_000_123_456_789n,
  durationNanos: 5_000_000_000,
  comment: ['first comment', 'second'],
  mapping: [
    {
      id: 1,
      memoryStart: 0x400000,
      memoryLimit: 0x800000,
      fileOffset: 0,
      filename: '/bin/app',
      buildId: 'abc123',
      hasFunctions: true,
      hasLineNumbers: true,
    },
  ],
  function: [
    { id: 1, name: 'main.alloc', systemName: 'main.alloc', filename: 'main.go', startLine: 10 },
    { id: 2, name: 'main.inlined', systemName: 'main.inlined', filename: 'main.go', startLine: 20 },
    { id: 3, name: 'main.main', systemName: 'main.main', filename: 'main.go', startLine: 30 },
  ],
  location: [
    { id: 1, mappingId: 1, address: 0x401000, line: [{ functionId: 1, line: 12, column: 3 }] },
    // Inlined: main.inlined (callee) into main.main (caller, last).
    {
      id: 2,
      mappingId: 1,
      address: 0x402000,
      line: [
        { functionId: 2, line: 22 },
        { functionId: 3, line: 33 },
      ],
    },
  ],
  sample: [
    { locationId: [1, 2], value: [3, 3072, 1, 1024], label: [{ key: 'bytes', num: 1024 }] },
    {
      locationId: [2],
      value: [10, 160, 0, 0],
      label: [
        { key: 'bytes', num: 16 },
        { key: 'tag', str: 'x' },
      ],
    },
    { locationId: [1, 2, 1], value: [1, 48, 1, 48], label: [{ key: 'bytes', num: 48, numUnit: 'bytes' }] },
  ],
};

const variants: [string, EncodeOptions][] = [
  ['packed, strings last', { packed: true }],
  ['unpacked, strings last', { packed: false }],
  ['packed, strings first', { packed: true, stringTableFirst: true }],
  ['unpacked, strings first', { packed: false, stringTableFirst: true }],
];

describe('decodeProtobuf round trips', () => {
  test.each(variants)('a heap profile decodes to the model of its spec (%s)', (_name, options) => {
    expect(decodeProtobuf(encodeProfile(heapSpec, options))).toEqual(expectedProfile(heapSpec));
  });

  test('packed and unpacked encodings differ on the wire but decode identically', () => {
    const packed = encodeProfile(heapSpec, { packed: true });
    const unpacked = encodeProfile(heapSpec, { packed: false });
    expect(Buffer.from(packed).equals(Buffer.from(unpacked))).toBe(false);
    expect(decodeProtobuf(unpacked)).toEqual(decodeProtobuf(packed));
  });

  test('sample locations index the resolved locations of profile.locations', () => {
    const p = decodeProtobuf(encodeProfile(heapSpec));
    expect(p.samples.locationIndex[0]).toBe(0);
    expect(p.samples.locationIndex[1]).toBe(1);
    expect(p.samples.locationIndex[2]).toBe(1);
    expect(Array.from(p.locations.id)).toEqual([1n, 2n]);
    // Location 1's second line (the caller) is function id 3, the third Function; location 0 is in mapping 1.
    expect(p.lines.function[p.locations.lineStart[1]! + 1]).toBe(2);
    expect(locationView(p, 1).line[1]!.function).toBe(p.function[2]);
    expect(p.locations.mapping[0]).toBe(0);
    expect(locationView(p, 0).mapping).toBe(p.mapping[0]);
  });

  test('inlined lines keep their order: callee first, caller last', () => {
    const p = decodeProtobuf(encodeProfile(heapSpec, { packed: false }));
    expect(locationView(p, 1).line.map((l) => l.function?.name)).toEqual(['main.inlined', 'main.main']);
  });

  test('sparse ids (1, 1000, 2^40) resolve', () => {
    const big = 2 ** 40;
    const spec: ProfileSpec = {
      sampleType: [['space', 'bytes']],
      mapping: [{ id: big, memoryStart: 0, memoryLimit: 100, filename: 'm' }],
      function: [
        { id: 1000, name: 'f1000' },
        { id: big, name: 'fbig' },
        { id: 1, name: 'f1' },
      ],
      location: [
        { id: big, mappingId: big, line: [{ functionId: 1000 }] },
        { id: 1, line: [{ functionId: big }] },
        { id: 1000, line: [{ functionId: 1 }] },
      ],
      sample: [{ locationId: [big, 1000, 1, big], value: [7] }],
    };
    for (const packed of [true, false]) {
      const p = decodeProtobuf(encodeProfile(spec, { packed }));
      expect(p).toEqual(expectedProfile(spec));
      expect(allSampleLocations(p).map((l) => l.id)).toEqual([big, 1000, 1, big]);
      expect(locationView(p, 0).mapping!.id).toBe(big);
    }
  });

  test('ids above 2^53 are exact bigints', () => {
    const huge = (1n << 60n) + 3n;
    const spec: ProfileSpec = {
      sampleType: [['space', 'bytes']],
      function: [{ id: U64_MAX, name: 'f' }],
      location: [
        { id: huge, line: [{ functionId: U64_MAX }] },
        { id: huge + 1n, line: [{ functionId: U64_MAX }] },
      ],
      sample: [{ locationId: [huge, huge + 1n], value: [1] }],
    };
    const p = decodeProtobuf(encodeProfile(spec));
    expect(p).toEqual(expectedProfile(spec));
    expect(allSampleLocations(p).map((l) => l.id)).toEqual([huge, huge + 1n]);
    expect(p.function[0]!.id).toBe(U64_MAX);
  });

  test('64-bit fields: time near 2^63, mapping limits, addresses above 2^53, all exact', () => {
    const spec: ProfileSpec = {
      sampleType: [['space', 'bytes']],
      timeNanos: (1n << 63n) - 1n,
      durationNanos: -5n,
      mapping: [
        { id: 1, memoryStart: 0xffffffffff600000n, memoryLimit: 0xffffffffff601000n, fileOffset: (1n << 63n) + 1n },
        { id: 2, memoryStart: 0xffff800000000000n, memoryLimit: U64_MAX },
      ],
      location: [
        { id: 1, mappingId: 1, address: 0xffffffffff600400n },
        { id: 2, mappingId: 2, address: (1n << 53n) + 1n },
      ],
      sample: [{ locationId: [1, 2], value: [1] }],
    };
    const p = decodeProtobuf(encodeProfile(spec));
    expect(p).toEqual(expectedProfile(spec));
    expect(p.timeNanos).toBe(9223372036854775807n);
    expect(p.durationNanos).toBe(-5n);
    expect(p.mapping[1]!.memoryLimit).toBe(18446744073709551615n);
    expect(p.mapping[0]!.memoryStart).toBe(18446744073699065856n);
    expect(p.locations.address[1]).toBe(9007199254740993n);
  });

  test('negative sample values and label numbers, and the ±(2^53 − 1) bounds, decode exactly', () => {
    const max = 2 ** 53 - 1;
    const spec: ProfileSpec = {
      sampleType: [
        ['a', 'count'],
        ['b', 'bytes'],
        ['c', 'bytes'],
      ],
      location: [{ id: 1 }],
      sample: [
        { locationId: [1], value: [-1, -1024, 0], label: [{ key: 'delta', num: -7 }] },
        { locationId: [1], value: [max, -max, 1], label: [{ key: 'big', num: max }] },
      ],
    };
    for (const packed of [true, false]) {
      const p = decodeProtobuf(encodeProfile(spec, { packed }));
      expect(p).toEqual(expectedProfile(spec));
      expect(Array.from(p.samples.value)).toEqual([-1, -1024, 0, max, -max, 1]);
      expect(Array.from(p.samples.labelNum)).toEqual([-7, max]);
    }
  });

  test('labels: string, numeric with unit, and the empty label pprof drops', () => {
    const spec: ProfileSpec = {
      sampleType: [['space', 'bytes']],
      sample: [
        {
          value: [1],
          label: [
            { key: 'thread', str: 'main' },
            { key: 'bytes', num: 64, numUnit: 'bytes' },
            { key: 'empty' },
            { key: 'unitOnly', numUnit: 'ms' },
          ],
        },
      ],
    };
    const p = decodeProtobuf(encodeProfile(spec));
    expect(p.samples.labelKey).toEqual(['thread', 'bytes', 'unitOnly']);
    expect(p.samples.labelStr).toEqual(['main', '', '']);
    expect(Array.from(p.samples.labelNum)).toEqual([0, 64, 0]);
    expect(p.samples.labelNumUnit).toEqual(['', 'bytes', 'ms']);
    expect(Array.from(p.samples.labelStart)).toEqual([0, 3]);
  });

  test('default_sample_type is resolved by name', () => {
    const spec: ProfileSpec = { ...heapSpec, defaultSampleType: 'alloc_space' };
    expect(decodeProtobuf(encodeProfile(spec)).defaultSampleTypeIndex).toBe(1);
  });

  test('without default_sample_type the last type is the default; -1 without types', () => {
    expect(decodeProtobuf(encodeProfile(heapSpec)).defaultSampleTypeIndex).toBe(3);
    expect(
      decodeProtobuf(encodeProfile({ sampleType: [['x', 'y']], defaultSampleType: 'nope' })).defaultSampleTypeIndex,
    ).toBe(0);
    expect(decodeProtobuf(encodeProfile({})).defaultSampleTypeIndex).toBe(-1);
  });

  test('an empty profile (only the string table) decodes to empty columns', () => {
    const p = decodeProtobuf(encodeProfile({}));
    expect(p).toEqual(expectedProfile({}));
    expect(p.samples.count).toBe(0);
    expect(p.periodType).toBeUndefined();
  });

  test('drop/keep frames, doc_url and line 0 with function 0 (no function) are kept', () => {
    const spec: ProfileSpec = {
      sampleType: [['space', 'bytes']],
      dropFrames: 'runtime\\..*',
      keepFrames: 'main\\..*',
      docUrl: 'https://example.com/doc',
      location: [{ id: 5, address: 0x10, line: [{ functionId: 0, line: 0 }] }],
      sample: [{ locationId: [5], value: [1] }],
    };
    const p = decodeProtobuf(encodeProfile(spec));
    expect(p).toEqual(expectedProfile(spec));
    expect(p.lines.function[0]).toBe(-1);
    expect(locationView(p, 0).line[0]!.function).toBeUndefined();
  });

  test('a 5,000-sample profile with deep stacks round-trips through gzip and decodeProfile', () => {
    const fns = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, name: `pkg.f${i}`, filename: `f${i % 7}.go` }));
    const locs = Array.from({ length: 600 }, (_, i) => ({
      id: i + 1,
      address: 0x1000 + i * 16,
      line: [{ functionId: (i % 300) + 1, line: i }],
    }));
    // Location ids up to 600 take one or two varint bytes; the stack lengths vary from 1 to 40.
    const sample = Array.from({ length: 5000 }, (_, i) => ({
      locationId: Array.from({ length: (i % 40) + 1 }, (_, j) => ((i * 31 + j * 17) % 600) + 1),
      value: [i % 5, (i % 5) * 512, i % 3, (i % 3) * 512],
      label: [{ key: 'bytes', num: 512 }],
    }));
    const spec: ProfileSpec = { ...heapSpec, mapping: [], function: fns, location: locs, sample };
    const p = decodeProfile(encodeProfile(spec, { gzip: true, packed: true }));
    const expected = expectedProfile(spec);
    // Compare the sample locations by id, then the whole profile.
    const sampleLocs = allSampleLocations(p);
    expect(sampleLocs.map((l) => l.id)).toEqual(allSampleLocations(expected).map((l) => l.id));
    // Ids 1..600 were written in order, so location id i is at position i − 1.
    expect(Array.from(p.samples.locationIndex, (at) => at + 1)).toEqual(sampleLocs.map((l) => l.id));
    expect(p).toEqual(expected);
  });
});
