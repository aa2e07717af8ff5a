import { DecodeError } from '../errors.js';

/**
 * Objects by wire id. Ids need not be dense (any uint64 but 0): small ids go to an array, the
 * rest to a Map, as pprof's postDecode does, so the per-sample location lookup is usually an array
 * read. Ids above 2^53 are bigints, so Map keys stay canonical.
 */
export class IdIndex<T> {
  /** Objects by id for ids below `dense.length`; read directly in hot loops. */
  readonly dense: (T | undefined)[];
  private readonly sparse = new Map<number | bigint, T>();

  /** `denseLimit`: ids below it are stored in the array (the number of objects plus one is typical). */
  constructor(
    private readonly kind: string,
    denseLimit: number,
  ) {
    this.dense = new Array<T | undefined>(denseLimit).fill(undefined);
  }

  /** Adds an object; DecodeError on id 0 or a duplicate id. */
  add(id: number | bigint, value: T): void {
    if (id === 0) throw new DecodeError(`${this.kind} has reserved id 0`);
    if (this.get(id) !== undefined) throw new DecodeError(`duplicate ${this.kind} id ${id}`);
    if (typeof id === 'number' && id < this.dense.length) this.dense[id] = value;
    else this.sparse.set(id, value);
  }

  /** The object with this id, or undefined. */
  get(id: number | bigint): T | undefined {
    if (typeof id === 'number' && id < this.dense.length) return this.dense[id];
    return this.sparse.get(id);
  }
}
