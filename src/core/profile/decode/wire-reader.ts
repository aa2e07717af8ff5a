import { DecodeError } from '../../errors.js';

/**
 * A protobuf wire reader over a byte array, private to decode/.
 *
 * It allocates nothing per field: varints come back as plain numbers, and a varint that does not fit
 * in 32 bits also leaves its two halves in `lo` / `hi`, from which the checked conversions build an
 * exact signed number or a bigint. One reader is reused for many messages by moving `pos` and `end`.
 */

const TWO32 = 4294967296;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export const WireType = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

export class WireReader {
  /** Next byte to read. */
  pos: number;
  /** End (exclusive) of the message being read. */
  end: number;
  /** Low and high 32 bits (unsigned) of the last varint read by the slow path. */
  lo = 0;
  hi = 0;

  constructor(
    readonly buf: Uint8Array,
    pos = 0,
    end = buf.length,
  ) {
    this.pos = pos;
    this.end = end;
  }

  /**
   * Reads one varint as an unsigned 64-bit value. Exact below 2^53; above, an approximation
   * (callers that care convert with `int64`, `uint64` or `id`, which use `lo` / `hi`).
   */
  varint(): number {
    const buf = this.buf;
    const pos = this.pos;
    // Fast path: at most 5 bytes (35 bits), all within the message; int32 arithmetic for 4.
    if (this.end - pos >= 5) {
      let b = buf[pos]!;
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
      let v = b & 0x7f;
      b = buf[pos + 1]!;
      v |= (b & 0x7f) << 7;
      if (b < 0x80) {
        this.pos = pos + 2;
        return v;
      }
      b = buf[pos + 2]!;
      v |= (b & 0x7f) << 14;
      if (b < 0x80) {
        this.pos = pos + 3;
        return v;
      }
      b = buf[pos + 3]!;
      v |= (b & 0x7f) << 21;
      if (b < 0x80) {
        this.pos = pos + 4;
        return v;
      }
      b = buf[pos + 4]!;
      if (b < 0x80) {
        this.pos = pos + 5;
        return v + b * 268435456;
      }
    }
    return this.varintSlow();
  }

  /** Any varint up to 10 bytes, bounds-checked; bits beyond 64 are ignored, as Go's decoder does. */
  private varintSlow(): number {
    const buf = this.buf;
    const start = this.pos;
    const end = this.end;
    let pos = start;
    let lo = 0;
    let b: number;
    for (let shift = 0; shift < 28; shift += 7) {
      if (pos >= end) throw new DecodeError('truncated varint', start);
      b = buf[pos++]!;
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) return this.settle(pos, lo, 0);
    }
    if (pos >= end) throw new DecodeError('truncated varint', start);
    b = buf[pos++]!;
    lo |= (b & 0x0f) << 28;
    let hi = (b & 0x7f) >> 4;
    if (b < 0x80) return this.settle(pos, lo, hi);
    for (let shift = 3; shift < 38; shift += 7) {
      if (pos >= end) throw new DecodeError('truncated varint', start);
      b = buf[pos++]!;
      hi |= (b & 0x7f) << shift;
      if (b < 0x80) return this.settle(pos, lo, hi);
    }
    throw new DecodeError('varint longer than 10 bytes', start);
  }

  private settle(pos: number, lo: number, hi: number): number {
    this.pos = pos;
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    return this.hi * TWO32 + this.lo;
  }

  /** The last varint read, which was at least 2^53, as an unsigned bigint. */
  private lastBig(): bigint {
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  /** An int64 field as a number; DecodeError when |v| > 2^53 − 1 (it would not be exact). */
  int64(what: string): number {
    const start = this.pos;
    const v = this.varint();
    if (v <= MAX_SAFE) return v;
    if (this.hi >= 0x80000000) {
      // Two's complement: negate the 64-bit value to get the magnitude.
      const nlo = (~this.lo + 1) >>> 0;
      const nhi = (~this.hi + (nlo === 0 ? 1 : 0)) >>> 0;
      const magnitude = nhi * TWO32 + nlo;
      if (magnitude <= MAX_SAFE) return -magnitude;
      throw new DecodeError(
        `${what} ${BigInt.asIntN(64, this.lastBig())} does not fit in a double exactly (|v| > 2^53)`,
        start,
      );
    }
    throw new DecodeError(`${what} ${this.lastBig()} does not fit in a double exactly (|v| > 2^53)`, start);
  }

  /**
   * An int64 string-table index. Never throws: an index too large to be exact is out of range of
   * any string table anyway, and the caller reports it.
   */
  index(): number {
    const v = this.varint();
    if (v <= MAX_SAFE) return v;
    return Number(BigInt.asIntN(64, this.lastBig()));
  }

  /** A uint64 field as a bigint (addresses, mapping bounds, offsets). */
  uint64(): bigint {
    const v = this.varint();
    return v <= MAX_SAFE ? BigInt(v) : this.lastBig();
  }

  /** An int64 field as a bigint (time stamps). */
  int64Big(): bigint {
    const v = this.varint();
    return v <= MAX_SAFE ? BigInt(v) : BigInt.asIntN(64, this.lastBig());
  }

  /** A uint64 id: a number when exact, else a bigint (so Map keys stay canonical). */
  id(): number | bigint {
    return this.exactId(this.varint());
  }

  /** `approx`, the value `varint()` just returned, as an exact id (see `id`). */
  exactId(approx: number): number | bigint {
    return approx <= MAX_SAFE ? approx : this.lastBig();
  }

  /** The low unsigned 32 bits of `v`, the value `varint()` just returned (exact even above 2^53). */
  low32(v: number): number {
    return v <= MAX_SAFE ? v >>> 0 : this.lo;
  }

  /** The high unsigned 32 bits of `v`, the value `varint()` just returned (exact even above 2^53). */
  high32(v: number): number {
    return v <= MAX_SAFE ? Math.floor(v / TWO32) : this.hi;
  }

  /**
   * Reads a field key; returns it as `field * 8 + wireType`. Field numbers fit in 29 bits, so a key
   * of 2^32 or more is malformed.
   */
  key(): number {
    const start = this.pos;
    const k = this.varint();
    if (k > 0xffffffff) throw new DecodeError('malformed field key', start);
    return k;
  }

  /**
   * Reads a length prefix and returns the end of the bytes it announces, checking them against
   * what is left before anything is allocated.
   */
  bytesEnd(what: string, field = -1): number {
    const start = this.pos;
    const len = this.varint();
    const left = this.end - this.pos;
    if (len > left) {
      throw new DecodeError(
        `${fieldName(what, field)}: length ${len > MAX_SAFE ? this.lastBig() : len} exceeds the ${left} bytes left`,
        start,
      );
    }
    return this.pos + len;
  }

  /** Skips one field's value of the given wire type; `what` and `field` name it in errors. */
  skip(wireType: number, context: string, field = -1): void {
    const start = this.pos;
    const what = fieldName(context, field);
    switch (wireType) {
      case WireType.varint:
        this.varint();
        return;
      case WireType.fixed64:
        if (this.end - this.pos < 8) throw new DecodeError(`${what}: truncated fixed64`, start);
        this.pos += 8;
        return;
      case WireType.bytes:
        this.pos = this.bytesEnd(context, field);
        return;
      case WireType.fixed32:
        if (this.end - this.pos < 4) throw new DecodeError(`${what}: truncated fixed32`, start);
        this.pos += 4;
        return;
      case WireType.startGroup:
      case WireType.endGroup:
        throw new DecodeError(`${what}: groups (wire type ${wireType}) are not supported`, start);
      default:
        throw new DecodeError(`${what}: invalid wire type ${wireType}`, start);
    }
  }
}

/** "sample field 4", or just the context when no field number is given; built only for errors. */
export function fieldName(context: string, field: number): string {
  return field < 0 ? context : `${context} field ${field}`;
}

/** DecodeError for a known field with the wrong wire type. */
export function wrongWireType(what: string, got: number, expected: string, offset: number): DecodeError {
  return new DecodeError(`${what} has wire type ${got}, expected ${expected}`, offset);
}
