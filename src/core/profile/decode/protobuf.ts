import type { Profile, ProfileTables, ValueType } from '../model.js';
import { sampleReader, type SampleReader } from './samples.js';
import { scanProfile } from './scan.js';
import { StringTable } from './strings.js';
import { decodeFunctions, decodeLocations, decodeMappings, decodeValueType } from './tables.js';
import { WireReader } from './wire-reader.js';

/**
 * Decodes an uncompressed, serialized perftools.profiles.Profile (google/pprof proto/profile.proto).
 *
 * Follows pprof's unmarshal → postDecode → CheckValid: fields may come in any order and repeated
 * scalars packed or not; unknown fields are skipped; every string index and id is resolved, and a
 * profile that pprof would reject (string_table[0] not "", an index out of range, an unknown or
 * duplicate id, id 0, a sample whose value count differs from the number of sample types) is a
 * DecodeError naming the offending item. Unlike pprof, an unknown mapping id is an error too, and a
 * line with function_id 0 is kept with no function.
 *
 * Sample numbers and label numbers must fit a double exactly (|v| ≤ 2^53 − 1), else DecodeError.
 * `sample N` in messages is the sample's 0-based position; `function N` / `location N` name wire ids.
 */
export function decodeProtobuf(bytes: Uint8Array): Profile {
  return decodeProtobufWith(bytes, (_tables, samples) => samples.columns());
}

/**
 * decodeProtobuf with the samples read by `readSamples` instead of stored: it gets the tables the
 * samples refer to, already decoded and checked, and the samples to read once (into columns, or
 * one by one into a sink); what it returns becomes `samples`. Every check and DecodeError is
 * decodeProtobuf's, in the same order.
 */
export function decodeProtobufWith<S>(
  bytes: Uint8Array,
  readSamples: (tables: ProfileTables, samples: SampleReader) => S,
): Omit<Profile, 'samples'> & { readonly samples: S } {
  const scanned = scanProfile(bytes);
  const strings = new StringTable(scanned.strings);
  const r = new WireReader(bytes);

  const sampleType: ValueType[] = [];
  for (let i = 0; i < scanned.sampleType.count; i++) {
    sampleType.push(
      decodeValueType(r, scanned.sampleType.start(i), scanned.sampleType.end(i), strings, `sample_type ${i}`),
    );
  }
  const periodType =
    scanned.periodType && decodeValueType(r, scanned.periodType.start, scanned.periodType.end, strings, 'period_type');

  const mappings = decodeMappings(bytes, scanned.mapping, strings);
  const functions = decodeFunctions(bytes, scanned.function, strings);
  const locations = decodeLocations(bytes, scanned.location, mappings.byId, functions.byId);
  const tables: ProfileTables = {
    sampleType,
    mapping: mappings.list,
    locations: locations.locations,
    lines: locations.lines,
    function: functions.list,
    periodType,
    period: scanned.period,
  };
  const samples = readSamples(tables, sampleReader(bytes, scanned.sample, sampleType.length, locations.byId, strings));

  const defaultName = strings.get(scanned.defaultSampleType, 'default_sample_type');
  return {
    sampleType,
    samples,
    mapping: mappings.list,
    locations: locations.locations,
    lines: locations.lines,
    function: functions.list,
    dropFrames: strings.get(scanned.dropFrames, 'drop_frames'),
    keepFrames: strings.get(scanned.keepFrames, 'keep_frames'),
    timeNanos: scanned.timeNanos,
    durationNanos: scanned.durationNanos,
    periodType,
    period: scanned.period,
    comment: scanned.comment.map((index, i) => strings.get(index, `comment ${i}`)),
    defaultSampleTypeIndex: defaultSampleTypeIndex(sampleType, defaultName),
    docUrl: strings.get(scanned.docUrl, 'doc_url'),
  };
}

/**
 * pprof's rule: the sample type named by default_sample_type, else the last one; -1 when there are
 * none. A name that matches no sample type falls back to the last one as well.
 */
function defaultSampleTypeIndex(sampleType: readonly ValueType[], name: string): number {
  if (name !== '') {
    const i = sampleType.findIndex((t) => t.type === name);
    if (i >= 0) return i;
  }
  return sampleType.length - 1;
}
