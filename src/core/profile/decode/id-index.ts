import { DecodeError } from '../../errors.js';

/**
 * Positions in a table by wire id. Ids need not be dense (any uint64 but 0): small ids go to an
 * Int32Array, the rest to a Map, as pprof's postDecode does, so the per-frame location lookup is
 * usually one typed-array read. Ids above 2^53 are bigints, so Map keys stay canonical.
 */
export class IdIndex {
  /** Position by id for ids below `dense.length`, -1 where no item has the id; read directly in hot loops. */
  readonly dense: Int32Array;
  private readonly sparse = new Map<number | bigint, number>();

  /** `denseLimit`: ids below it are stored in the array (the number of items plus one is typical). */
  constructor(
    private readonly kind: string,
    denseLimit: number,
  ) {
    this.dense = new Int32Array(denseLimit).fill(-1);
  }

  /** Records the position of the item with this id; DecodeError on id 0 or a duplicate id. */
  add(id: number | bigint, position: number): void {
    if (id === 0) throw new DecodeError(`${this.kind} has reserved id 0`);
    if (this.get(id) >= 0) throw new DecodeError(`duplicate ${this.kind} id ${id}`);
    if (typeof id === 'number' && id < this.dense.length) this.dense[id] = position;
    else this.sparse.set(id, position);
  }

  /** The position of the item with this id, or -1. */
  get(id: number | bigint): number {
    if (typeof id === 'number' && id < this.dense.length) return this.dense[id]!;
    return this.sparse.get(id) ?? -1;
  }
}
