// A minimal protobuf wire writer for the synthetic profile generator: varints, length-delimited
// fields and packed repeated varints, written into one growing byte buffer. Hand-written because
// reflective encoders allocate an object per message, which is slow for 400k samples.

const WIRE_VARINT = 0;
const WIRE_LEN = 2;

/** Number of bytes of the varint encoding of a non-negative integer `n` (n ≤ 2^53). */
export function varintSize(n) {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

export class PbWriter {
  constructor(initialCapacity = 1 << 16) {
    this.buf = new Uint8Array(initialCapacity);
    this.pos = 0;
  }

  ensure(extra) {
    if (this.pos + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** A non-negative integer up to 2^53 as a varint. */
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

  /** A uint64 given as a bigint (for values beyond 2^53 such as time stamps). */
  varintBig(v) {
    this.ensure(10);
    while (v >= 0x80n) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
  }

  tag(field, wire) {
    this.varint(field * 8 + wire);
  }

  /** A varint field, omitted when zero (proto3 default, as Go's `*Opt` helpers do). */
  uintOpt(field, n) {
    if (n === 0) return;
    this.tag(field, WIRE_VARINT);
    this.varint(n);
  }

  bool(field, b) {
    if (!b) return;
    this.tag(field, WIRE_VARINT);
    this.varint(1);
  }

  bytes(field, bytes) {
    this.tag(field, WIRE_LEN);
    this.varint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** An embedded message: `inner` holds its encoded body. */
  message(field, inner) {
    this.bytes(field, inner.buf.subarray(0, inner.pos));
  }

  /**
   * Repeated non-negative varints `values[0..count)`: packed when there are more than two, else one
   * field per value — Go's encoder does exactly this, so decoders see both forms.
   */
  repeatedUint(field, values, count = values.length) {
    if (count <= 2) {
      for (let i = 0; i < count; i++) {
        this.tag(field, WIRE_VARINT);
        this.varint(values[i]);
      }
      return;
    }
    let size = 0;
    for (let i = 0; i < count; i++) size += varintSize(values[i]);
    this.tag(field, WIRE_LEN);
    this.varint(size);
    for (let i = 0; i < count; i++) this.varint(values[i]);
  }

  reset() {
    this.pos = 0;
    return this;
  }

  finish() {
    return this.buf.slice(0, this.pos);
  }
}
