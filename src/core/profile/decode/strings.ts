import { DecodeError } from '../../errors.js';

/** The profile's string table, with the index check every resolution goes through. */
export class StringTable {
  constructor(private readonly strings: readonly string[]) {
    if (strings.length === 0) throw new DecodeError('string table is empty; entry 0 must be ""');
    if (strings[0] !== '') {
      throw new DecodeError(`string table entry 0 must be "", found ${JSON.stringify(strings[0]!.slice(0, 40))}`);
    }
  }

  get size(): number {
    return this.strings.length;
  }

  /**
   * The string at `index`; DecodeError naming the reference when out of range: `what`, or
   * `what id field` (e.g. "function 7 name") when an id is given (the message is built only then).
   */
  get(index: number, what: string, id?: number | bigint, field?: string): string {
    const s = this.strings[index];
    if (s === undefined || !Number.isInteger(index)) {
      if (id !== undefined) what = `${what} ${id} ${field}`;
      throw new DecodeError(`${what}: string index ${index} out of range (table has ${this.strings.length} strings)`);
    }
    return s;
  }
}
