import { DecodeError } from '../errors.js';
import type { Samples } from '../model.js';
import type { IdIndex } from './id-index.js';
import type { Spans } from './scan.js';
import type { StringTable } from './strings.js';
import { TerminatorCounter } from './terminator-counter.js';
import { WireReader, WireType, wrongWireType } from './wire-reader.js';

/**
 * Decodes the Sample messages straight into the columnar `Samples` of the model: one reader reused
 * for all of them, columns sized up front by a counting pass, and nothing allocated per sample.
 *
 * Labels follow pprof's postDecode: a label with a str index is a string label; otherwise one with
 * a num or a num_unit is numeric; a label with neither is dropped.
 */
export function decodeSamples(
  bytes: Uint8Array,
  spans: Spans,
  sampleTypeCount: number,
  locations: IdIndex,
  strings: StringTable,
): Samples {
  const count = spans.count;
  if (sampleTypeCount === 0 && count !== 0) throw new DecodeError(`profile has ${count} samples but no sample types`);
  const r = new WireReader(bytes);
  const locationStart = new Uint32Array(count + 1);
  const labelStart = new Uint32Array(count + 1);
  // Every value takes at least one byte, so a valid profile needs no more than the samples' bytes;
  // capping the allocation there keeps a hostile sample_type count from requesting gigabytes. An
  // invalid profile fails on the value count check before the array's end matters.
  const value = new Float64Array(Math.min(count * sampleTypeCount, sampleBytes(spans)));
  // Sized exactly up front: growing an array of millions of references by push costs more than
  // this extra pass over the sample headers.
  const counts = countRefs(bytes, spans);
  const locationIndex = new Uint32Array(counts.locationIds);
  let n = 0;
  const labels = new LabelColumns(counts.labels);

  const dense = locations.dense;
  const denseLength = dense.length;
  for (let i = 0; i < count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    locationStart[i] = n;
    labelStart[i] = labels.count;
    let valueCount = 0;
    const valueBase = i * sampleTypeCount;
    try {
      while (r.pos < r.end) {
        const keyAt = r.pos;
        const key = r.key();
        const field = key >>> 3;
        const wt = key & 7;
        if (field === 1) {
          // The hot loop: ids are usually small and dense, so most lookups are one array read.
          if (wt === WireType.bytes) {
            const end = r.bytesEnd('location_id');
            const outer = r.end;
            r.end = end;
            let pos = r.pos;
            while (pos < end) {
              // Varints of up to three bytes (ids below 2^21) inline; the reader does the rest.
              let id = bytes[pos]!;
              if (id < 0x80) {
                pos++;
              } else if (end - pos >= 2 && bytes[pos + 1]! < 0x80) {
                id = (id & 0x7f) | (bytes[pos + 1]! << 7);
                pos += 2;
              } else if (end - pos >= 3 && bytes[pos + 2]! < 0x80) {
                id = (id & 0x7f) | ((bytes[pos + 1]! & 0x7f) << 7) | (bytes[pos + 2]! << 14);
                pos += 3;
              } else {
                r.pos = pos;
                id = r.varint();
                pos = r.pos;
              }
              const at = id < denseLength ? dense[id]! : -1;
              locationIndex[n++] = at >= 0 ? at : resolveLocation(r, locations, id);
            }
            r.pos = pos;
            r.end = outer;
          } else if (wt === WireType.varint) {
            const id = r.varint();
            const at = id < denseLength ? dense[id]! : -1;
            locationIndex[n++] = at >= 0 ? at : resolveLocation(r, locations, id);
          } else {
            throw wrongWireType('location_id', wt, '0 or 2 (packed)', keyAt);
          }
        } else if (field === 2) {
          if (wt === WireType.bytes) {
            const end = r.bytesEnd('value');
            const outer = r.end;
            r.end = end;
            while (r.pos < end) {
              const v = r.int64('value');
              if (valueCount < sampleTypeCount) value[valueBase + valueCount] = v;
              valueCount++;
            }
            r.end = outer;
          } else if (wt === WireType.varint) {
            const v = r.int64('value');
            if (valueCount < sampleTypeCount) value[valueBase + valueCount] = v;
            valueCount++;
          } else {
            throw wrongWireType('value', wt, '0 or 2 (packed)', keyAt);
          }
        } else if (field === 3) {
          if (wt !== WireType.bytes) throw wrongWireType('label', wt, '2 (length-delimited)', keyAt);
          const end = r.bytesEnd('label');
          const outer = r.end;
          r.end = end;
          labels.read(r, strings);
          r.end = outer;
        } else {
          r.skip(wt, 'unknown field');
        }
      }
    } catch (e) {
      // Messages are built only on failure, so the hot loop allocates no strings.
      if (e instanceof DecodeError) throw new DecodeError(`sample ${i}: ${e.message}`);
      throw e;
    }
    if (valueCount !== sampleTypeCount) {
      throw new DecodeError(`sample ${i} has ${valueCount} values, expected ${sampleTypeCount} sample types`);
    }
  }
  locationStart[count] = n;
  labelStart[count] = labels.count;
  return {
    count,
    locationStart,
    locationIndex: n === locationIndex.length ? locationIndex : locationIndex.slice(0, n),
    value,
    labelStart,
    labelKey: labels.trimmed(labels.key),
    labelStr: labels.trimmed(labels.str),
    labelNum: labels.num.subarray(0, labels.count),
    labelNumUnit: labels.trimmed(labels.numUnit),
  };
}

/** The total length of all Sample messages. */
function sampleBytes(spans: Spans): number {
  let total = 0;
  for (let i = 0; i < spans.count; i++) total += spans.end(i) - spans.start(i);
  return total;
}

/**
 * The number of location ids and labels in all samples, to size the columns before filling them: a
 * varint ends at each byte below 0x80, so packed ids are counted without decoding them. Malformed
 * samples are counted as far as they parse; decodeSamples reports their errors.
 */
function countRefs(bytes: Uint8Array, spans: Spans): { locationIds: number; labels: number } {
  const r = new WireReader(bytes);
  const terminators = new TerminatorCounter(bytes);
  let locationIds = 0;
  let labels = 0;
  for (let i = 0; i < spans.count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    try {
      while (r.pos < r.end) {
        const key = r.key();
        if (key === 0x0a) {
          const end = r.bytesEnd('location_id');
          locationIds += terminators.count(r.pos, end);
          r.pos = end;
        } else {
          if (key === 0x08) locationIds++;
          else if (key === 0x1a) labels++;
          r.skip(key & 7, 'field');
        }
      }
    } catch {
      // Left to decodeSamples.
    }
  }
  return { locationIds, labels };
}

/**
 * The slow path of the per-frame lookup, for ids beyond the dense array (sparse or 64-bit ids):
 * the exact id of the last varint read (`approx` is its value as a number), resolved to a
 * position; DecodeError on an unknown id.
 */
function resolveLocation(r: WireReader, locations: IdIndex, approx: number): number {
  const id = r.exactId(approx);
  const at = locations.get(id);
  if (at < 0) throw new DecodeError(`unknown location id ${id}`);
  return at;
}

/** The label columns of `Samples`, sized for the number of Label messages and filled in order. */
class LabelColumns {
  count = 0;
  readonly key: string[];
  readonly str: string[];
  readonly numUnit: string[];
  num: Float64Array;

  constructor(capacity: number) {
    this.key = new Array<string>(capacity);
    this.str = new Array<string>(capacity);
    this.numUnit = new Array<string>(capacity);
    this.num = new Float64Array(capacity);
  }

  /** Reads one Label message (the reader's end is the label's end) and appends it unless empty. */
  read(r: WireReader, strings: StringTable): void {
    let key = 0;
    let str = 0;
    let num = 0;
    let unit = 0;
    while (r.pos < r.end) {
      const keyAt = r.pos;
      const k = r.key();
      const field = k >>> 3;
      const wt = k & 7;
      if (field >= 1 && field <= 4) {
        if (wt !== WireType.varint) throw wrongWireType(`label field ${field}`, wt, '0 (varint)', keyAt);
        if (field === 1) key = r.index();
        else if (field === 2) str = r.index();
        else if (field === 3) num = r.int64('label num');
        else unit = r.index();
      } else {
        r.skip(wt, 'label', field);
      }
    }
    const keyString = strings.get(key, 'label key');
    if (str !== 0) {
      this.push(keyString, strings.get(str, 'label str'), 0, '');
    } else if (num !== 0 || unit !== 0) {
      this.push(keyString, '', num, strings.get(unit, 'label num_unit'));
    }
  }

  /** A column cut to the labels kept (empty labels are dropped, so there may be fewer than counted). */
  trimmed(column: string[]): string[] {
    column.length = this.count;
    return column;
  }

  private push(key: string, str: string, num: number, unit: string): void {
    // Only a malformed profile can have more labels than counted; it fails later, but stay in bounds.
    if (this.count === this.num.length) this.grow();
    this.key[this.count] = key;
    this.str[this.count] = str;
    this.num[this.count] = num;
    this.numUnit[this.count] = unit;
    this.count++;
  }

  private grow(): void {
    const grown = new Float64Array(this.num.length * 2 + 16);
    grown.set(this.num);
    this.num = grown;
  }
}
