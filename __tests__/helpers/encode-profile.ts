/**
 * Builds serialized pprof profiles for tests from a plain spec, with protobufjs and google/pprof's
 * profile.proto (a copy next to this file): an encoder independent of heapgate's decoder.
 *
 * Spec (every field optional; strings are interned into the string table automatically, with "" at 0):
 *
 *   {
 *     sampleType: [['alloc_objects', 'count'], ['alloc_space', 'bytes']],
 *     sample: [{ locationId: [1, 2], value: [3, 4096], label: [{ key: 'bytes', num: 16 }, { key: 'k', str: 'v' }] }],
 *     mapping: [{ id: 1, memoryStart: 0x400000, memoryLimit: 0xffffffffffffffffn, fileOffset: 0, filename: 'a.out',
 *                 buildId: 'abc', hasFunctions: true }],
 *     location: [{ id: 1, mappingId: 1, address: 0x401000, isFolded: false,
 *                  line: [{ functionId: 1, line: 10, column: 2 }] }],
 *     function: [{ id: 1, name: 'main.f', systemName: 'main.f', filename: 'main.go', startLine: 3 }],
 *     dropFrames: '', keepFrames: '', timeNanos: 1700000000000000000n, durationNanos: 0,
 *     periodType: ['space', 'bytes'], period: 524288, comment: ['c'], defaultSampleType: 'alloc_space', docUrl: '',
 *   }
 *
 * Integers (`Int`) may be numbers or bigints: negative int64 values and values above 2^53 (as bigint)
 * are encoded exactly. Wherever a string is expected, `{ index: n }` writes the raw string index n
 * instead (to build out-of-range references).
 *
 * Options: `packed` (default true) encodes repeated scalars packed, as protobufjs does for proto3;
 * false writes one key per element. `stringTableFirst` (default false: last, as Go writes it) puts the
 * string table before every other field. `gzip` compresses the result. `mutateStrings` edits the
 * interned table before encoding (e.g. to break entry 0).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import protobuf from 'protobufjs';

export type Int = number | bigint;
export type Str = string | { readonly index: number };

export interface LabelSpec {
  readonly key: Str;
  readonly str?: Str;
  readonly num?: Int;
  readonly numUnit?: Str;
}
export interface SampleSpec {
  readonly locationId?: readonly Int[];
  readonly value?: readonly Int[];
  readonly label?: readonly LabelSpec[];
}
export interface MappingSpec {
  readonly id: Int;
  readonly memoryStart?: Int;
  readonly memoryLimit?: Int;
  readonly fileOffset?: Int;
  readonly filename?: Str;
  readonly buildId?: Str;
  readonly hasFunctions?: boolean;
  readonly hasFilenames?: boolean;
  readonly hasLineNumbers?: boolean;
  readonly hasInlineFrames?: boolean;
}
export interface LineSpec {
  readonly functionId: Int;
  readonly line?: Int;
  readonly column?: Int;
}
export interface LocationSpec {
  readonly id: Int;
  readonly mappingId?: Int;
  readonly address?: Int;
  readonly line?: readonly LineSpec[];
  readonly isFolded?: boolean;
}
export interface FunctionSpec {
  readonly id: Int;
  readonly name?: Str;
  readonly systemName?: Str;
  readonly filename?: Str;
  readonly startLine?: Int;
}
export interface ProfileSpec {
  readonly sampleType?: readonly (readonly [Str, Str])[];
  readonly sample?: readonly SampleSpec[];
  readonly mapping?: readonly MappingSpec[];
  readonly location?: readonly LocationSpec[];
  readonly function?: readonly FunctionSpec[];
  readonly dropFrames?: Str;
  readonly keepFrames?: Str;
  readonly timeNanos?: Int;
  readonly durationNanos?: Int;
  readonly periodType?: readonly [Str, Str];
  readonly period?: Int;
  readonly comment?: readonly Str[];
  readonly defaultSampleType?: Str;
  readonly docUrl?: Str;
}
export interface EncodeOptions {
  readonly packed?: boolean;
  readonly stringTableFirst?: boolean;
  readonly gzip?: boolean;
  readonly mutateStrings?: (table: string[]) => void;
}

const protoPath = fileURLToPath(new URL('./profile.proto', import.meta.url));
const protoSource = readFileSync(protoPath, 'utf8');

function profileType(packed: boolean): protobuf.Type {
  // proto3 packs repeated scalars by default; [packed = false] makes protobufjs write them expanded.
  const source = packed ? protoSource : protoSource.replace(/(repeated (?:u?int64) \w+ = \d+)/g, '$1 [packed = false]');
  return protobuf.parse(source).root.lookupType('perftools.profiles.Profile');
}

const types = { packed: profileType(true), unpacked: profileType(false) };

/** A 64-bit value as protobufjs's writer takes it: two's-complement halves (exact for any int64/uint64). */
interface LongBits {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
}

function long(v: Int | undefined, unsigned: boolean): LongBits {
  if (typeof v === 'number' && !Number.isSafeInteger(v))
    throw new Error(`encode-profile: ${v} is not an exact integer; use a bigint`);
  const bits = BigInt.asUintN(64, BigInt(v ?? 0));
  return { low: Number(bits & 0xffffffffn) | 0, high: Number(bits >> 32n) | 0, unsigned };
}

class Interner {
  readonly table: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);

  get(s: Str | undefined): number {
    if (s === undefined) return 0;
    if (typeof s !== 'string') return s.index;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.table.length;
      this.table.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Encodes the spec as a serialized perftools.profiles.Profile (gzipped when `options.gzip`). */
export function encodeProfile(spec: ProfileSpec, options: EncodeOptions = {}): Uint8Array {
  const s = new Interner();
  const i64 = (v: Int | undefined) => long(v, false);
  const u64 = (v: Int | undefined) => long(v, true);
  const valueType = ([type, unit]: readonly [Str, Str]) => ({ type: i64(s.get(type)), unit: i64(s.get(unit)) });

  const message: Record<string, unknown> = {
    sampleType: (spec.sampleType ?? []).map(valueType),
    sample: (spec.sample ?? []).map((x) => ({
      locationId: (x.locationId ?? []).map(u64),
      value: (x.value ?? []).map(i64),
      label: (x.label ?? []).map((l) => ({
        key: i64(s.get(l.key)),
        str: i64(s.get(l.str)),
        num: i64(l.num),
        numUnit: i64(s.get(l.numUnit)),
      })),
    })),
    mapping: (spec.mapping ?? []).map((m) => ({
      id: u64(m.id),
      memoryStart: u64(m.memoryStart),
      memoryLimit: u64(m.memoryLimit),
      fileOffset: u64(m.fileOffset),
      filename: i64(s.get(m.filename)),
      buildId: i64(s.get(m.buildId)),
      hasFunctions: m.hasFunctions ?? false,
      hasFilenames: m.hasFilenames ?? false,
      hasLineNumbers: m.hasLineNumbers ?? false,
      hasInlineFrames: m.hasInlineFrames ?? false,
    })),
    location: (spec.location ?? []).map((l) => ({
      id: u64(l.id),
      mappingId: u64(l.mappingId),
      address: u64(l.address),
      line: (l.line ?? []).map((ln) => ({
        functionId: u64(ln.functionId),
        line: i64(ln.line),
        column: i64(ln.column),
      })),
      isFolded: l.isFolded ?? false,
    })),
    function: (spec.function ?? []).map((f) => ({
      id: u64(f.id),
      name: i64(s.get(f.name)),
      systemName: i64(s.get(f.systemName)),
      filename: i64(s.get(f.filename)),
      startLine: i64(f.startLine),
    })),
    dropFrames: i64(s.get(spec.dropFrames)),
    keepFrames: i64(s.get(spec.keepFrames)),
    timeNanos: i64(spec.timeNanos),
    durationNanos: i64(spec.durationNanos),
    period: i64(spec.period),
    comment: (spec.comment ?? []).map((c) => i64(s.get(c))),
    defaultSampleType: i64(s.get(spec.defaultSampleType)),
    docUrl: i64(s.get(spec.docUrl)),
  };
  if (spec.periodType !== undefined) message['periodType'] = valueType(spec.periodType);

  const table = [...s.table];
  options.mutateStrings?.(table);
  const type = options.packed === false ? types.unpacked : types.packed;
  const body = type.encode(message).finish();
  const strings = type.encode({ stringTable: table }).finish();
  // Concatenated encodings of the same message merge, so the string table can go first or last.
  const parts = options.stringTableFirst ? [strings, body] : [body, strings];
  const bytes = new Uint8Array(parts[0]!.length + parts[1]!.length);
  bytes.set(parts[0]!, 0);
  bytes.set(parts[1]!, parts[0]!.length);
  return options.gzip ? new Uint8Array(gzipSync(bytes)) : bytes;
}
