// A minimal protobuf wire writer for the synthetic profile generator: varints, length-delimited
// fields and packed repeated varints, written into one growing byte buffer. Hand-written because
// reflective encoders allocate an object per message, which is slow for 400k samples.
import { atF64 } from './at.mjs';

const WIRE_VARINT = 0;
const WIRE_LEN = 2;

/**
 * Number of bytes of the varint encoding of a non-negative integer `n` (n ≤ 2^53).
 * @param {number} n
 * @returns {number}
 */
export function varintSize(n) {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

export class PbWriter {
  /** @param {number} [initialCapacity] bytes to allocate up front; the buffer doubles as needed */
  constructor(initialCapacity = 1 << 16) {
    this.buf = new Uint8Array(initialCapacity);
    this.pos = 0;
  }

  /** @param {number} extra bytes about to be written */
  ensure(extra) {
    if (this.pos + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /**
   * A non-negative integer up to 2^53 as a varint.
   * @param {number} n
   */
  varint(n) {
    this.ensure(10);
    const buf = this.buf;
    let pos = this.pos;
    // Above 2^31 the bitwise operators would truncate: divide instead.
    while (n > 0x7fffffff) {
      buf[pos++] = (n % 128) | 0x80;
      n = Math.floor(n / 128);
    }
    while (n >= 0x80) {
      buf[pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[pos++] = n;
    this.pos = pos;
  }

  /**
   * A uint64 given as a bigint (for values beyond 2^53 such as time stamps).
   * @param {bigint} v
   */
  varintBig(v) {
    this.ensure(10);
    while (v >= 0x80n) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
  }

  /**
   * @param {number} field
   * @param {number} wire the wire type (WIRE_VARINT, WIRE_LEN)
   */
  tag(field, wire) {
    this.varint(field * 8 + wire);
  }

  /**
   * A varint field, omitted when zero (proto3 default, as Go's `*Opt` helpers do).
   * @param {number} field
   * @param {number} n
   */
  uintOpt(field, n) {
    if (n === 0) return;
    this.tag(field, WIRE_VARINT);
    this.varint(n);
  }

  /**
   * A bool field, omitted when false.
   * @param {number} field
   * @param {boolean} b
   */
  bool(field, b) {
    if (!b) return;
    this.tag(field, WIRE_VARINT);
    this.varint(1);
  }

  /**
   * A length-delimited field.
   * @param {number} field
   * @param {Uint8Array} bytes
   */
  bytes(field, bytes) {
    this.tag(field, WIRE_LEN);
    this.varint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /**
   * An embedded message: `inner` holds its encoded body.
   * @param {number} field
   * @param {PbWriter} inner
   */
  message(field, inner) {
    this.bytes(field, inner.buf.subarray(0, inner.pos));
  }

  /**
   * Repeated non-negative varints `values[0..count)`: packed when there are more than two, else one
   * field per value — Go's encoder does exactly this, so decoders see both forms.
   * @param {number} field
   * @param {Float64Array} values integers up to 2^53, which a Float64Array holds exactly
   * @param {number} [count]
   */
  repeatedUint(field, values, count = values.length) {
    if (count <= 2) {
      for (let i = 0; i < count; i++) {
        this.tag(field, WIRE_VARINT);
        this.varint(atF64(values, i));
      }
      return;
    }
    let size = 0;
    for (let i = 0; i < count; i++) size += varintSize(atF64(values, i));
    this.tag(field, WIRE_LEN);
    this.varint(size);
    for (let i = 0; i < count; i++) this.varint(atF64(values, i));
  }

  /** Empties the buffer for the next message, keeping its capacity. */
  reset() {
    this.pos = 0;
    return this;
  }

  /** @returns {Uint8Array} a copy of the bytes written */
  finish() {
    return this.buf.slice(0, this.pos);
  }
}
