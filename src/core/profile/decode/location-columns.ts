import type { Lines, Locations } from '../model.js';

/** Whether the host stores the low 32-bit word of a 64-bit element first (it does on x64 and arm64). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;

/**
 * Builds the `Locations` and `Lines` columns of a profile: each location's lines are appended
 * first, then the location itself closes them (a Location message may carry its lines before its
 * id). 64-bit ids and addresses are written as two unsigned 32-bit halves through a Uint32Array
 * view of the BigUint64Array, so filling them creates no bigint per location.
 */
export class LocationColumnsBuilder {
  count = 0;
  private readonly id: BigUint64Array;
  private readonly idWords: Uint32Array;
  private readonly mapping: Int32Array;
  private readonly address: BigUint64Array;
  private readonly addressWords: Uint32Array;
  private readonly isFolded: Uint8Array;
  private readonly lineStart: Uint32Array;
  private lineCount = 0;
  private lineFunction: Int32Array;
  private lineLine: Float64Array;
  private lineColumn: Float64Array;

  /** `capacity`: the number of locations (exact); lines grow as needed. */
  constructor(capacity: number) {
    this.id = new BigUint64Array(capacity);
    this.idWords = new Uint32Array(this.id.buffer);
    this.mapping = new Int32Array(capacity);
    this.address = new BigUint64Array(capacity);
    this.addressWords = new Uint32Array(this.address.buffer);
    this.isFolded = new Uint8Array(capacity);
    this.lineStart = new Uint32Array(capacity + 1);
    // Most locations have one line; inlining adds a few more.
    const lineCapacity = capacity + (capacity >> 2) + 16;
    this.lineFunction = new Int32Array(lineCapacity);
    this.lineLine = new Float64Array(lineCapacity);
    this.lineColumn = new Float64Array(lineCapacity);
  }

  /** Appends a line to the location being built. `fn`: position in Profile.function, or -1. */
  addLine(fn: number, line: number, column: number): void {
    const j = this.lineCount;
    if (j === this.lineFunction.length) this.growLines();
    this.lineFunction[j] = fn;
    this.lineLine[j] = line;
    this.lineColumn[j] = column;
    this.lineCount = j + 1;
  }

  /**
   * Closes the location being built with the lines added since the previous one. Id and address
   * are given as unsigned 32-bit halves; `mapping` is a position in Profile.mapping, or -1.
   */
  endLocation(
    idLo: number,
    idHi: number,
    mapping: number,
    addressLo: number,
    addressHi: number,
    isFolded: boolean,
  ): void {
    const l = this.count;
    this.idWords[2 * l + LO] = idLo;
    this.idWords[2 * l + HI] = idHi;
    this.mapping[l] = mapping;
    this.addressWords[2 * l + LO] = addressLo;
    this.addressWords[2 * l + HI] = addressHi;
    this.isFolded[l] = isFolded ? 1 : 0;
    this.lineStart[l + 1] = this.lineCount;
    this.count = l + 1;
  }

  /** The columns; call once, after the last location. */
  finish(): { locations: Locations; lines: Lines } {
    const n = this.count;
    const m = this.lineCount;
    type Column = Int32Array | Float64Array | Uint8Array | Uint32Array | BigUint64Array;
    const cut = <T extends Column>(a: T, length: number): T => (a.length === length ? a : a.slice(0, length)) as T;
    return {
      locations: {
        count: n,
        id: cut(this.id, n),
        mapping: cut(this.mapping, n),
        address: cut(this.address, n),
        isFolded: cut(this.isFolded, n),
        lineStart: cut(this.lineStart, n + 1),
      },
      lines: {
        count: m,
        function: cut(this.lineFunction, m),
        line: cut(this.lineLine, m),
        column: cut(this.lineColumn, m),
      },
    };
  }

  private growLines(): void {
    const capacity = this.lineFunction.length * 2;
    const fn = new Int32Array(capacity);
    fn.set(this.lineFunction);
    const line = new Float64Array(capacity);
    line.set(this.lineLine);
    const column = new Float64Array(capacity);
    column.set(this.lineColumn);
    this.lineFunction = fn;
    this.lineLine = line;
    this.lineColumn = column;
  }
}

/** The low and high unsigned 32-bit halves of a uint64 given as a bigint. */
export function halves(v: bigint): [lo: number, hi: number] {
  return [Number(v & 0xffffffffn), Number((v >> 32n) & 0xffffffffn)];
}
