import { WireReader } from '../../../../src/core/profile/decode/wire-reader.js';
import { DecodeError } from '../../../../src/core/errors.js';

/** LEB128 of a uint64 (two's complement for negatives), as protobuf writes varints. */
function varint(v: bigint): number[] {
  let u = BigInt.asUintN(64, v);
  const out: number[] = [];
  do {
    const b = Number(u & 0x7fn);
    u >>= 7n;
    out.push(u === 0n ? b : b | 0x80);
  } while (u !== 0n);
  return out;
}

const reader = (v: bigint) => new WireReader(Uint8Array.from(varint(v)));
const U64_MAX = (1n << 64n) - 1n;

describe('WireReader', () => {
  test.each([
    0n,
    1n,
    127n,
    128n,
    16383n,
    16384n,
    (1n << 28n) - 1n,
    1n << 28n,
    (1n << 32n) - 1n,
    1n << 32n,
    (1n << 53n) - 1n,
  ])('varint %p decodes exactly and consumes its bytes', (v) => {
    const r = reader(v);
    expect(r.varint()).toBe(Number(v));
    expect(r.pos).toBe(varint(v).length);
  });

  test('the varint fast path does not read past the message end', () => {
    // 0x80 0x01 is 128, but the message ends after the first byte.
    const r = new WireReader(Uint8Array.from([0x80, 0x01, 0x00, 0x00, 0x00]), 0, 1);
    expect(() => r.varint()).toThrow(new DecodeError('truncated varint', 0));
  });

  test('int64: negatives are 10-byte varints and decode to negative numbers', () => {
    expect(varint(-1n)).toHaveLength(10);
    for (const v of [-1n, -2n, -1024n, -(1n << 32n), -((1n << 53n) - 1n)]) expect(reader(v).int64('v')).toBe(Number(v));
  });

  test('int64: beyond ±(2^53 − 1) is a DecodeError naming the exact value', () => {
    expect(() => reader(1n << 53n).int64('sample value')).toThrow(
      new DecodeError('sample value 9007199254740992 does not fit in a double exactly (|v| > 2^53)', 0),
    );
    expect(() => reader(-(1n << 53n)).int64('v')).toThrow(
      new DecodeError('v -9007199254740992 does not fit in a double exactly (|v| > 2^53)', 0),
    );
    expect(() => reader(1n << 63n).int64('v')).toThrow(/v -9223372036854775808 does not fit/);
  });

  test('uint64 and int64Big are exact bigints across the whole range', () => {
    for (const v of [0n, 1n << 53n, (1n << 53n) + 1n, 0xffffffffff600000n, U64_MAX]) expect(reader(v).uint64()).toBe(v);
    expect(reader((1n << 63n) - 1n).int64Big()).toBe((1n << 63n) - 1n);
    expect(reader(-5n).int64Big()).toBe(-5n);
  });

  test('id: a number up to 2^53 − 1, a bigint above', () => {
    expect(reader((1n << 53n) - 1n).id()).toBe(2 ** 53 - 1);
    expect(reader(1n << 53n).id()).toBe(1n << 53n);
    expect(reader(U64_MAX).id()).toBe(U64_MAX);
  });

  test('bits beyond 64 in a 10th byte are ignored, as Go does; an 11th byte is an error', () => {
    const ten = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    expect(new WireReader(ten).uint64()).toBe(U64_MAX);
    const eleven = Uint8Array.from([...new Array<number>(10).fill(0x80), 0x01]);
    expect(() => new WireReader(eleven).varint()).toThrow(new DecodeError('varint longer than 10 bytes', 0));
  });

  test('bytesEnd checks the length against what is left of the message', () => {
    const r = new WireReader(Uint8Array.from([0x03, 1, 2, 3, 4]), 0, 3);
    expect(() => r.bytesEnd('thing')).toThrow(new DecodeError('thing: length 3 exceeds the 2 bytes left', 0));
    expect(new WireReader(Uint8Array.from([0x03, 1, 2, 3])).bytesEnd('thing')).toBe(4);
  });
});
