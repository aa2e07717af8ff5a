import { decodeProtobuf } from '../../../../src/core/profile/decode/index.js';
import { decodeErrorOf } from '../../../helpers/decode-error-of.js';
import { encodeProfile, type ProfileSpec } from '../../../helpers/encode-profile.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
/** A valid string table with only "" (field 6, empty string), to append to hand-made messages. */
const EMPTY_STRING_TABLE = [0x32, 0x00];

// Strings interned by this spec: "", "space", "bytes" (3 entries).
const base: ProfileSpec = {
  sampleType: [['space', 'bytes']],
  location: [{ id: 1 }],
  sample: [{ locationId: [1], value: [1] }],
};

describe('decodeProtobuf rejects malformed references with a message naming the item', () => {
  test('out-of-range string index in a function name', () => {
    const spec: ProfileSpec = { ...base, function: [{ id: 7, name: { index: 912 } }] };
    expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(spec))).message).toBe(
      'function 7 name: string index 912 out of range (table has 3 strings)',
    );
  });

  test('out-of-range string indices elsewhere name their field', () => {
    const cases: [ProfileSpec, string][] = [
      [{ ...base, mapping: [{ id: 2, filename: { index: 50 } }] }, 'mapping 2 filename: string index 50'],
      [{ ...base, sampleType: [['space', { index: 9 }]] }, 'sample_type 0 unit: string index 9'],
      [
        { ...base, sample: [{ locationId: [1], value: [1], label: [{ key: { index: 4 }, num: 1 }] }] },
        'sample 0: label key: string index 4',
      ],
      [{ ...base, comment: [{ index: -1 }] }, 'comment 0: string index -1'],
      [{ ...base, defaultSampleType: { index: 3 } }, 'default_sample_type: string index 3'],
    ];
    for (const [spec, message] of cases) {
      expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(spec))).message).toContain(message);
    }
  });

  test('string_table[0] must be ""', () => {
    const e = decodeErrorOf(() => decodeProtobuf(encodeProfile(base, { mutateStrings: (t) => (t[0] = 'x') })));
    expect(e.message).toBe('string table entry 0 must be "", found "x"');
    expect(decodeErrorOf(() => decodeProtobuf(bytes())).message).toBe('string table is empty; entry 0 must be ""');
  });

  test('unknown location id in a sample', () => {
    const spec: ProfileSpec = {
      ...base,
      sample: [
        { locationId: [1], value: [1] },
        { locationId: [1, 99], value: [2] },
      ],
    };
    for (const packed of [true, false]) {
      expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(spec, { packed }))).message).toBe(
        'sample 1: unknown location id 99',
      );
    }
  });

  test('location id 0 in a sample is unknown (0 is reserved)', () => {
    const spec: ProfileSpec = { ...base, sample: [{ locationId: [0], value: [1] }] };
    expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(spec, { packed: false }))).message).toBe(
      'sample 0: unknown location id 0',
    );
  });

  test('unknown function and mapping ids in a location', () => {
    expect(
      decodeErrorOf(() => decodeProtobuf(encodeProfile({ ...base, location: [{ id: 1, line: [{ functionId: 4 }] }] })))
        .message,
    ).toBe('location 1: unknown function id 4');
    expect(
      decodeErrorOf(() => decodeProtobuf(encodeProfile({ ...base, location: [{ id: 1, mappingId: 3 }] }))).message,
    ).toBe('location 1: unknown mapping id 3');
  });

  test('reserved id 0 and duplicate ids', () => {
    const cases: [ProfileSpec, string][] = [
      [{ ...base, location: [{ id: 1 }, { id: 0 }] }, 'location has reserved id 0'],
      [{ ...base, function: [{ id: 0, name: 'f' }] }, 'function has reserved id 0'],
      [{ ...base, mapping: [{ id: 0 }] }, 'mapping has reserved id 0'],
      [{ ...base, location: [{ id: 1 }, { id: 1 }] }, 'duplicate location id 1'],
      [{ ...base, function: [{ id: 2 ** 40 }, { id: 2 ** 40 }] }, 'duplicate function id 1099511627776'],
      [{ ...base, mapping: [{ id: 1n << 60n }, { id: 1n << 60n }] }, 'duplicate mapping id 1152921504606846976'],
    ];
    for (const [spec, message] of cases) {
      expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(spec))).message).toBe(message);
    }
  });

  test('a sample whose value count differs from the number of sample types', () => {
    const sample = Array.from({ length: 13 }, (_, i) => ({
      locationId: [1],
      value: i === 12 ? [1, 2, 3] : [1, 2, 3, 4],
    }));
    const spec: ProfileSpec = {
      ...base,
      sampleType: [
        ['a', 'count'],
        ['b', 'bytes'],
        ['c', 'count'],
        ['d', 'bytes'],
      ],
      sample,
    };
    for (const packed of [true, false]) {
      expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(spec, { packed }))).message).toBe(
        'sample 12 has 3 values, expected 4 sample types',
      );
    }
    const tooMany: ProfileSpec = { ...base, sample: [{ locationId: [1], value: [1, 2] }] };
    expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(tooMany))).message).toBe(
      'sample 0 has 2 values, expected 1 sample types',
    );
  });

  test('samples without sample types', () => {
    const spec: ProfileSpec = { location: [{ id: 1 }], sample: [{ locationId: [1] }] };
    expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(spec))).message).toBe(
      'profile has 1 samples but no sample types',
    );
  });

  test('a sample value beyond 2^53 is refused rather than rounded', () => {
    const spec: ProfileSpec = { ...base, sample: [{ locationId: [1], value: [(1n << 53n) + 1n] }] };
    expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(spec))).message).toMatch(
      /^sample 0: value 9007199254740993 does not fit in a double exactly \(\|v\| > 2\^53\) at byte \d+$/,
    );
    const negative: ProfileSpec = { ...base, sample: [{ locationId: [1], value: [-(1n << 60n)] }] };
    expect(decodeErrorOf(() => decodeProtobuf(encodeProfile(negative))).message).toContain(
      'value -1152921504606846976 does not fit',
    );
  });
});

describe('decodeProtobuf rejects malformed wire data with the byte offset', () => {
  test('a length prefix of 2^31 in a 20-byte message fails at once, without allocating it', () => {
    // field 2 (sample), wire type 2, length 2^31 = varint 80 80 80 80 08, then 14 bytes.
    const data = bytes(0x12, 0x80, 0x80, 0x80, 0x80, 0x08, ...new Array<number>(14).fill(0));
    const started = performance.now();
    const e = decodeErrorOf(() => decodeProtobuf(data));
    expect(performance.now() - started).toBeLessThan(50);
    expect(e.message).toBe('sample: length 2147483648 exceeds the 14 bytes left at byte 1');
    expect(e.offset).toBe(1);
  });

  test('many sample types times many samples does not size an allocation', () => {
    // 100,000 empty sample_type entries (0a 00) and 100,000 empty samples (12 00): 10^10 values
    // if taken at face value; the samples hold none.
    const n = 100_000;
    const data = new Uint8Array(4 * n + 2);
    for (let i = 0; i < n; i++) data.set([0x0a, 0x00], 2 * i);
    for (let i = 0; i < n; i++) data.set([0x12, 0x00], 2 * n + 2 * i);
    data.set(EMPTY_STRING_TABLE, 4 * n);
    expect(decodeErrorOf(() => decodeProtobuf(data)).message).toBe(
      'sample 0 has 0 values, expected 100000 sample types',
    );
  });

  test('a length prefix of 2^64 − 1 is reported exactly', () => {
    const data = bytes(0x22, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00);
    expect(decodeErrorOf(() => decodeProtobuf(data)).message).toBe(
      'location: length 18446744073709551615 exceeds the 1 bytes left at byte 1',
    );
  });

  test('nested length prefixes are checked against their message, not the file', () => {
    // An empty sample_type (0a 00), then a sample (field 2) of 4 bytes holding a packed location_id
    // (0a) that claims 10 bytes: the file has enough bytes after it, the sample does not.
    const data = bytes(
      0x0a,
      0x00,
      0x12,
      0x04,
      0x0a,
      0x0a,
      0x01,
      0x02,
      ...EMPTY_STRING_TABLE,
      0x32,
      0x08,
      ...new Array<number>(8).fill(0x61),
    );
    expect(decodeErrorOf(() => decodeProtobuf(data)).message).toBe(
      'sample 0: location_id: length 10 exceeds the 2 bytes left at byte 5',
    );
  });

  test('a truncated varint', () => {
    // field 9 (time_nanos), varint 0xff 0xff with no terminating byte.
    expect(decodeErrorOf(() => decodeProtobuf(bytes(0x48, 0xff, 0xff))).message).toBe('truncated varint at byte 1');
    // A truncated key.
    expect(decodeErrorOf(() => decodeProtobuf(bytes(...EMPTY_STRING_TABLE, 0x80))).message).toBe(
      'truncated varint at byte 2',
    );
  });

  test('a varint longer than 10 bytes', () => {
    const data = bytes(0x48, ...new Array<number>(10).fill(0xff), 0x01, ...EMPTY_STRING_TABLE);
    expect(decodeErrorOf(() => decodeProtobuf(data)).message).toBe('varint longer than 10 bytes at byte 1');
  });

  test('a known field with the wrong wire type', () => {
    // sample_type (field 1) as a varint.
    expect(decodeErrorOf(() => decodeProtobuf(bytes(0x08, 0x01, ...EMPTY_STRING_TABLE))).message).toBe(
      'profile field 1 (sample_type) has wire type 0, expected 2 (length-delimited) at byte 0',
    );
    // period (field 12) as fixed64.
    expect(
      decodeErrorOf(() => decodeProtobuf(bytes(0x61, 1, 2, 3, 4, 5, 6, 7, 8, ...EMPTY_STRING_TABLE))).message,
    ).toBe('profile field 12 (period) has wire type 1, expected 0 (varint) at byte 0');
    // A location whose id (field 1) is length-delimited: location (field 4) of 2 bytes: 0a 00.
    expect(decodeErrorOf(() => decodeProtobuf(bytes(0x22, 0x02, 0x0a, 0x00, ...EMPTY_STRING_TABLE))).message).toBe(
      'location field 1 has wire type 2, expected 0 (varint) at byte 2',
    );
  });

  test('unknown fields are skipped for wire types 0, 1, 2 and 5', () => {
    // Field 20 as varint (a0 01), field 21 fixed64 (a9 01), field 22 bytes (b2 01), field 23 fixed32 (bd 01).
    const data = bytes(
      0xa0,
      0x01,
      0x05,
      0xa9,
      0x01,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      0xb2,
      0x01,
      0x02,
      0xaa,
      0xbb,
      0xbd,
      0x01,
      1,
      2,
      3,
      4,
      ...EMPTY_STRING_TABLE,
    );
    expect(decodeProtobuf(data).samples.count).toBe(0);
  });

  test('groups (wire types 3 and 4) and wire types 6 and 7 are errors', () => {
    expect(decodeErrorOf(() => decodeProtobuf(bytes(0xa3, 0x01, ...EMPTY_STRING_TABLE))).message).toBe(
      'profile field 20: groups (wire type 3) are not supported at byte 2',
    );
    expect(decodeErrorOf(() => decodeProtobuf(bytes(0xa4, 0x01, ...EMPTY_STRING_TABLE))).message).toBe(
      'profile field 20: groups (wire type 4) are not supported at byte 2',
    );
    expect(decodeErrorOf(() => decodeProtobuf(bytes(0xa6, 0x01, ...EMPTY_STRING_TABLE))).message).toBe(
      'profile field 20: invalid wire type 6 at byte 2',
    );
  });

  test('truncated fixed-width unknown fields', () => {
    expect(decodeErrorOf(() => decodeProtobuf(bytes(...EMPTY_STRING_TABLE, 0xa9, 0x01, 1, 2))).message).toBe(
      'profile field 21: truncated fixed64 at byte 4',
    );
    expect(decodeErrorOf(() => decodeProtobuf(bytes(...EMPTY_STRING_TABLE, 0xbd, 0x01, 1))).message).toBe(
      'profile field 23: truncated fixed32 at byte 4',
    );
  });
});
