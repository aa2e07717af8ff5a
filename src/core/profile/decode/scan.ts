import { DecodeError } from '../../errors.js';
import { WireReader, WireType, wrongWireType } from './wire-reader.js';

/**
 * First pass over a serialized Profile message: the top-level fields, in whatever order they come
 * (Go writes string_table last). Repeated messages are not decoded here, only located, so that the
 * second pass can resolve their string indices and ids against complete tables.
 */

/** Byte ranges [start, end) of repeated submessages, in a geometrically grown typed array. */
export class Spans {
  private data = new Uint32Array(64);
  count = 0;

  push(start: number, end: number): void {
    if (2 * this.count + 2 > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[2 * this.count] = start;
    this.data[2 * this.count + 1] = end;
    this.count++;
  }

  start(i: number): number {
    return this.data[2 * i]!;
  }

  end(i: number): number {
    return this.data[2 * i + 1]!;
  }
}

/** The top-level fields, with string-table indices still raw. */
export interface ScannedProfile {
  readonly strings: string[];
  readonly sampleType: Spans;
  readonly sample: Spans;
  readonly mapping: Spans;
  readonly location: Spans;
  readonly function: Spans;
  /** Span of period_type, or undefined when absent (the last occurrence wins, as in protobuf). */
  periodType: { start: number; end: number } | undefined;
  dropFrames: number;
  keepFrames: number;
  timeNanos: bigint;
  durationNanos: bigint;
  period: number;
  readonly comment: number[];
  defaultSampleType: number;
  docUrl: number;
}

/** Profile field numbers (google/pprof proto/profile.proto). */
const F = {
  sampleType: 1,
  sample: 2,
  mapping: 3,
  location: 4,
  function: 5,
  stringTable: 6,
  dropFrames: 7,
  keepFrames: 8,
  timeNanos: 9,
  durationNanos: 10,
  periodType: 11,
  period: 12,
  comment: 13,
  defaultSampleType: 14,
  docUrl: 15,
} as const;

/** Wire names by field number, for messages. */
const NAMES: Record<number, string> = {
  1: 'sample_type',
  2: 'sample',
  3: 'mapping',
  4: 'location',
  5: 'function',
  6: 'string_table',
  7: 'drop_frames',
  8: 'keep_frames',
  9: 'time_nanos',
  10: 'duration_nanos',
  11: 'period_type',
  12: 'period',
  13: 'comment',
  14: 'default_sample_type',
  15: 'doc_url',
};

function name(field: number): string {
  return `profile field ${field} (${NAMES[field] ?? 'unknown'})`;
}

// Strings are UTF-8 on the wire but not validated by Go; undecodable bytes become U+FFFD.
const utf8 = new TextDecoder('utf-8');

/** Scans the top-level fields of a serialized Profile. */
export function scanProfile(bytes: Uint8Array): ScannedProfile {
  // Spans hold 32-bit offsets.
  if (bytes.length > 0xffffffff) throw new DecodeError(`profile of ${bytes.length} bytes exceeds the 4 GiB limit`);
  const r = new WireReader(bytes);
  const p: ScannedProfile = {
    strings: [],
    sampleType: new Spans(),
    sample: new Spans(),
    mapping: new Spans(),
    location: new Spans(),
    function: new Spans(),
    periodType: undefined,
    dropFrames: 0,
    keepFrames: 0,
    timeNanos: 0n,
    durationNanos: 0n,
    period: 0,
    comment: [],
    defaultSampleType: 0,
    docUrl: 0,
  };
  while (r.pos < r.end) {
    const keyAt = r.pos;
    const key = r.key();
    const field = key >>> 3;
    const wt = key & 7;
    switch (field) {
      case F.sampleType:
      case F.sample:
      case F.mapping:
      case F.location:
      case F.function:
      case F.stringTable:
      case F.periodType: {
        if (wt !== WireType.bytes) throw wrongWireType(name(field), wt, '2 (length-delimited)', keyAt);
        const end = r.bytesEnd(NAMES[field]!);
        const start = r.pos;
        r.pos = end;
        if (field === F.stringTable) p.strings.push(utf8.decode(bytes.subarray(start, end)));
        else if (field === F.periodType) p.periodType = { start, end };
        else spansOf(p, field).push(start, end);
        break;
      }
      case F.comment:
        if (wt === WireType.bytes) {
          const end = r.bytesEnd('comment');
          const outer = r.end;
          r.end = end;
          while (r.pos < end) p.comment.push(r.index());
          r.end = outer;
        } else if (wt === WireType.varint) {
          p.comment.push(r.index());
        } else {
          throw wrongWireType(name(field), wt, '0 or 2 (packed)', keyAt);
        }
        break;
      case F.dropFrames:
      case F.keepFrames:
      case F.timeNanos:
      case F.durationNanos:
      case F.period:
      case F.defaultSampleType:
      case F.docUrl:
        if (wt !== WireType.varint) throw wrongWireType(name(field), wt, '0 (varint)', keyAt);
        readScalar(r, p, field);
        break;
      default:
        r.skip(wt, 'profile', field);
    }
  }
  return p;
}

function spansOf(p: ScannedProfile, field: number): Spans {
  switch (field) {
    case F.sampleType:
      return p.sampleType;
    case F.sample:
      return p.sample;
    case F.mapping:
      return p.mapping;
    case F.location:
      return p.location;
    default:
      return p.function;
  }
}

function readScalar(r: WireReader, p: ScannedProfile, field: number): void {
  switch (field) {
    case F.dropFrames:
      p.dropFrames = r.index();
      return;
    case F.keepFrames:
      p.keepFrames = r.index();
      return;
    case F.timeNanos:
      p.timeNanos = r.int64Big();
      return;
    case F.durationNanos:
      p.durationNanos = r.int64Big();
      return;
    case F.period:
      p.period = r.int64('period');
      return;
    case F.defaultSampleType:
      p.defaultSampleType = r.index();
      return;
    case F.docUrl:
      p.docUrl = r.index();
      return;
    default:
      throw new DecodeError(`unexpected profile field ${field}`);
  }
}
