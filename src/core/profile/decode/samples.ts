import { DecodeError } from '../../errors.js';
import type { Samples } from '../model.js';
import type { IdIndex } from './id-index.js';
import type { Spans } from './scan.js';
import type { StringTable } from './strings.js';
import { TerminatorCounter } from './terminator-counter.js';
import { WireReader, WireType, wrongWireType } from './wire-reader.js';

/**
 * Takes decoded samples one at a time, in wire order: sample `i` of `samples` (its frames, values
 * and labels, laid out as in the model's `Samples`). The decoder calls it once per sample, after
 * the sample has been decoded and checked in full; the columns it passes are reused for the next
 * sample, so a sink copies what it keeps.
 */
export interface SampleSink {
  add(samples: Samples, i: number): void;
}

/**
 * The samples of a profile being decoded, to be read once: either stored as the model's columnar
 * `Samples`, or handed one by one to a sink that keeps only what it needs (a running summary).
 * Both decode with the same loop and fail with the same DecodeErrors.
 */
export interface SampleReader {
  readonly count: number;
  /** All samples as columns. */
  columns(): Samples;
  /** Decodes every sample and hands it to `sink`, in order, storing nothing per sample. */
  forEach(sink: SampleSink): void;
}

/**
 * A SampleReader over the Sample messages at `spans`. `sampleTypeCount`: the number of values each
 * sample must have; `locations`: location positions by id.
 *
 * Labels follow pprof's postDecode: a label with a str index is a string label; otherwise one with
 * a num or a num_unit is numeric; a label with neither is dropped.
 */
export function sampleReader(
  bytes: Uint8Array,
  spans: Spans,
  sampleTypeCount: number,
  locations: IdIndex,
  strings: StringTable,
): SampleReader {
  return {
    count: spans.count,
    columns: () => {
      const sink = new SampleColumns(bytes, spans, sampleTypeCount);
      decodeEach(bytes, spans, sampleTypeCount, locations, strings, sink);
      return sink.finish();
    },
    forEach: (sink) => decodeEach(bytes, spans, sampleTypeCount, locations, strings, sink),
  };
}

/** Decodes the Sample messages into the columnar `Samples` of the model (see sampleReader). */
export function decodeSamples(
  bytes: Uint8Array,
  spans: Spans,
  sampleTypeCount: number,
  locations: IdIndex,
  strings: StringTable,
): Samples {
  return sampleReader(bytes, spans, sampleTypeCount, locations, strings).columns();
}

/**
 * The one sample-decoding loop: one reader and one single-sample set of columns reused for all
 * samples, so nothing is allocated per sample; each decoded sample goes to `sink`.
 */
function decodeEach(
  bytes: Uint8Array,
  spans: Spans,
  sampleTypeCount: number,
  locations: IdIndex,
  strings: StringTable,
  sink: SampleSink,
): void {
  const count = spans.count;
  if (sampleTypeCount === 0 && count !== 0) throw new DecodeError(`profile has ${count} samples but no sample types`);
  const r = new WireReader(bytes);
  const one = new OneSample(Math.min(sampleTypeCount, longestSample(spans)));
  const labels = one.labels;
  let locationIndex: Uint32Array = one.locationIndex;
  const value = one.value;

  const dense = locations.dense;
  const denseLength = dense.length;
  for (let i = 0; i < count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    let n = 0;
    labels.count = 0;
    let valueCount = 0;
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
            // Each id takes at least one byte: room for all of them before the loop.
            if (n + end - r.pos > locationIndex.length) locationIndex = one.growLocations(n + end - r.pos);
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
            if (n === locationIndex.length) locationIndex = one.growLocations(n + 1);
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
              if (valueCount < sampleTypeCount) value[valueCount] = v;
              valueCount++;
            }
            r.end = outer;
          } else if (wt === WireType.varint) {
            const v = r.int64('value');
            if (valueCount < sampleTypeCount) value[valueCount] = v;
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
    one.locationStart[1] = n;
    one.labelStart[1] = labels.count;
    sink.add(one, 0);
  }
}

/**
 * The columns of a single sample, refilled for each sample by decodeEach. `value` holds at most
 * `valueCapacity` numbers: writes past it are dropped, and a sample with more values than sample
 * types fails before it is handed on.
 */
class OneSample implements Samples {
  readonly count = 1;
  readonly locationStart = new Uint32Array(2);
  locationIndex: Uint32Array = new Uint32Array(64);
  readonly value: Float64Array;
  readonly labelStart = new Uint32Array(2);
  readonly labels = new LabelColumns(4);

  constructor(valueCapacity: number) {
    this.value = new Float64Array(valueCapacity);
  }

  get labelKey(): readonly string[] {
    return this.labels.key;
  }

  get labelStr(): readonly string[] {
    return this.labels.str;
  }

  get labelNum(): Float64Array {
    return this.labels.num;
  }

  get labelNumUnit(): readonly string[] {
    return this.labels.numUnit;
  }

  /** A larger `locationIndex` (at least `size`), keeping its contents. */
  growLocations(size: number): Uint32Array {
    const grown = new Uint32Array(Math.max(size, this.locationIndex.length * 2));
    grown.set(this.locationIndex);
    this.locationIndex = grown;
    return grown;
  }
}

/** A SampleSink that stores every sample in the model's columns, sized up front from the wire. */
class SampleColumns implements SampleSink {
  private row = 0;
  private n = 0;
  private readonly k: number;
  private readonly locationStart: Uint32Array;
  private readonly labelStart: Uint32Array;
  private readonly value: Float64Array;
  private readonly locationIndex: Uint32Array;
  private readonly labels: LabelColumns;

  constructor(bytes: Uint8Array, spans: Spans, sampleTypeCount: number) {
    const count = spans.count;
    this.k = sampleTypeCount;
    this.locationStart = new Uint32Array(count + 1);
    this.labelStart = new Uint32Array(count + 1);
    // Every value takes at least one byte, so a valid profile needs no more than the samples' bytes;
    // capping the allocation there keeps a hostile sample_type count from requesting gigabytes. An
    // invalid profile fails on the value count check before the array's end matters.
    this.value = new Float64Array(Math.min(count * sampleTypeCount, sampleBytes(spans)));
    // Sized exactly up front: growing an array of millions of references by push costs more than
    // this extra pass over the sample headers.
    const counts = countRefs(bytes, spans);
    this.locationIndex = new Uint32Array(counts.locationIds);
    this.labels = new LabelColumns(counts.labels);
  }

  add(s: Samples, i: number): void {
    const row = this.row;
    const k = this.k;
    const locationIndex = this.locationIndex;
    let n = this.n;
    this.locationStart[row] = n;
    this.labelStart[row] = this.labels.count;
    for (let j = s.locationStart[i]!, end = s.locationStart[i + 1]!; j < end; j++)
      locationIndex[n++] = s.locationIndex[j]!;
    for (let t = 0; t < k; t++) this.value[row * k + t] = s.value[i * k + t]!;
    for (let j = s.labelStart[i]!, end = s.labelStart[i + 1]!; j < end; j++) {
      this.labels.push(s.labelKey[j]!, s.labelStr[j]!, s.labelNum[j]!, s.labelNumUnit[j]!);
    }
    this.n = n;
    this.row = row + 1;
  }

  finish(): Samples {
    const { row: count, n, locationIndex, labels } = this;
    this.locationStart[count] = n;
    this.labelStart[count] = labels.count;
    return {
      count,
      locationStart: this.locationStart,
      locationIndex: n === locationIndex.length ? locationIndex : locationIndex.slice(0, n),
      value: this.value,
      labelStart: this.labelStart,
      labelKey: labels.trimmed(labels.key),
      labelStr: labels.trimmed(labels.str),
      labelNum: labels.num.subarray(0, labels.count),
      labelNumUnit: labels.trimmed(labels.numUnit),
    };
  }
}

/** The length of the longest Sample message. */
function longestSample(spans: Spans): number {
  let longest = 0;
  for (let i = 0; i < spans.count; i++) longest = Math.max(longest, spans.end(i) - spans.start(i));
  return longest;
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

  /** Appends a label. */
  push(key: string, str: string, num: number, unit: string): void {
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
