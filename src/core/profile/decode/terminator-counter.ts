/**
 * Counts the bytes below 0x80 in a range (each ends a varint), four at a time through a 32-bit
 * view of the same buffer: the high bits of the inverted word, shifted down, summed by multiplication.
 */
export class TerminatorCounter {
  private readonly words: Uint32Array;
  /** Byte index in `bytes` of the first byte of `words[0]`; may be negative (alignment). */
  private readonly base: number;

  constructor(private readonly bytes: Uint8Array) {
    const misalign = bytes.byteOffset & 3;
    this.base = -misalign;
    const start = bytes.byteOffset - misalign;
    this.words = new Uint32Array(bytes.buffer, start, Math.floor((bytes.byteLength + misalign) / 4));
  }

  /** The number of bytes below 0x80 in bytes[start, end). */
  count(start: number, end: number): number {
    const bytes = this.bytes;
    let c = 0;
    let p = start;
    while (p < end && ((p - this.base) & 3) !== 0) if (bytes[p++]! < 0x80) c++;
    const words = this.words;
    let w = (p - this.base) >> 2;
    const wordEnd = (end - this.base) >> 2;
    for (; w < wordEnd; w++) {
      const high = (~words[w]! >>> 7) & 0x01010101;
      c += Math.imul(high, 0x01010101) >>> 24;
    }
    for (p = Math.max(p, wordEnd * 4 + this.base); p < end; p++) if (bytes[p]! < 0x80) c++;
    return c;
  }
}
