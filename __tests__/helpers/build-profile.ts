/**
 * Builds in-memory `Profile` objects for tests, without going through the wire format.
 *
 * A sample's stack is written leaf first, like `Sample.location_id`:
 *   { stack: ['malloc', 'main.work', 'main.main'], value: [2, 1024] }
 * Each stack entry is one Location:
 * - `'name'`: a location with one line calling function `name`;
 * - `{ lines: ['inlinedCallee', 'caller'] }`: a location with inline frames (earlier = inlined
 *   callee, last = the caller, as in profile.proto);
 * - `{ lines: [], mapping: '/bin/app', address: 0x1234n }`: an unsymbolized location (mapping `''`:
 *   no mapping; by default every location is in mapping `/bin/app`);
 * - a line may be `{ name, file }` to create a separate Function entry with the same name in
 *   another file (functions are shared by (name, file)).
 * Identical stack entries share one location, as a real profile's do, unless `address` differs.
 */
import type { Function, Lines, Locations, Mapping, Profile, ValueType } from '../../src/core/profile/model.js';

/** A location while the profile is built; turned into the `Locations` and `Lines` columns at the end. */
interface DraftLocation {
  readonly position: number;
  readonly mapping: Mapping | undefined;
  readonly address: bigint;
  readonly line: readonly { readonly function: Function; readonly line: number }[];
}

export type LineSpec = string | { readonly name: string; readonly file?: string };

export type FrameSpec =
  | LineSpec
  | {
      readonly lines: readonly LineSpec[];
      readonly mapping?: string;
      readonly address?: bigint;
    };

export interface LabelSpec {
  readonly key: string;
  readonly str?: string;
  readonly num?: number;
  readonly unit?: string;
}

export interface SampleSpec {
  /** Leaf first. */
  readonly stack: readonly FrameSpec[];
  /** One value per sample type. */
  readonly value: readonly number[];
  /** Shorthand for a numeric label `bytes` (Go's object size label). */
  readonly bytes?: number;
  readonly labels?: readonly LabelSpec[];
}

export interface ProfileSpec {
  /** [type, unit] pairs; defaults to Go's heap profile types. */
  readonly sampleType?: readonly (readonly [string, string])[];
  readonly samples: readonly SampleSpec[];
  /** [type, unit]; defaults to space/bytes. Pass null for a profile without a period type. */
  readonly periodType?: readonly [string, string] | null;
  /** Defaults to 524288 (Go's default MemProfileRate). */
  readonly period?: number;
  /** A sample type name; when unset the last sample type is the default (pprof's rule). */
  readonly defaultSampleType?: string;
  readonly timeNanos?: bigint;
  readonly comment?: readonly string[];
}

/** Go's heap profile sample types, in the order runtime/pprof writes them. */
export const GO_HEAP_TYPES: readonly (readonly [string, string])[] = [
  ['alloc_objects', 'count'],
  ['alloc_space', 'bytes'],
  ['inuse_objects', 'count'],
  ['inuse_space', 'bytes'],
];

function vt([type, unit]: readonly [string, string]): ValueType {
  return { type, unit };
}

/** Builds a Profile from a compact description; see the file comment for the stack notation. */
export function buildProfile(spec: ProfileSpec): Profile {
  const sampleType = (spec.sampleType ?? GO_HEAP_TYPES).map(vt);
  const functions = new Map<string, Function>();
  const mappings = new Map<string, Mapping>();
  const locations = new Map<string, DraftLocation>();

  const functionFor = (l: LineSpec): Function => {
    const name = typeof l === 'string' ? l : l.name;
    const file = typeof l === 'string' ? `${name.split('.')[0] || 'main'}.go` : (l.file ?? 'main.go');
    const key = JSON.stringify([name, file]);
    let f = functions.get(key);
    if (!f) {
      f = { id: functions.size + 1, name, systemName: name, filename: file, startLine: 1 };
      functions.set(key, f);
    }
    return f;
  };
  const mappingFor = (file: string): Mapping => {
    let m = mappings.get(file);
    if (!m) {
      m = {
        id: mappings.size + 1,
        memoryStart: 0x400000n,
        memoryLimit: 0x800000n,
        fileOffset: 0n,
        filename: file,
        buildId: '',
        hasFunctions: true,
        hasFilenames: true,
        hasLineNumbers: true,
        hasInlineFrames: true,
      };
      mappings.set(file, m);
    }
    return m;
  };
  const locationFor = (frame: FrameSpec): DraftLocation => {
    const key = JSON.stringify(frame, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    let loc = locations.get(key);
    if (!loc) {
      const lines: readonly LineSpec[] = typeof frame === 'object' && 'lines' in frame ? frame.lines : [frame];
      const mappingFile = typeof frame === 'object' && 'lines' in frame ? frame.mapping : undefined;
      const address =
        typeof frame === 'object' && 'lines' in frame && frame.address !== undefined
          ? frame.address
          : 0x401000n + BigInt(locations.size) * 16n;
      loc = {
        position: locations.size,
        mapping:
          mappingFile === undefined ? mappingFor('/bin/app') : mappingFile === '' ? undefined : mappingFor(mappingFile),
        address,
        line: lines.map((l, i) => ({ function: functionFor(l), line: 10 + i })),
      };
      locations.set(key, loc);
    }
    return loc;
  };

  const n = spec.samples.length;
  const k = sampleType.length;
  const locationStart = new Uint32Array(n + 1);
  // The location of every sample frame, leaf first; turned into positions in `locations` below.
  const frames: DraftLocation[] = [];
  const value = new Float64Array(n * k);
  const labelStart = new Uint32Array(n + 1);
  const labelKey: string[] = [];
  const labelStr: string[] = [];
  const labelNum: number[] = [];
  const labelNumUnit: string[] = [];
  spec.samples.forEach((s, i) => {
    if (s.value.length !== k) {
      throw new Error(`buildProfile: sample ${i} has ${s.value.length} values for ${k} sample types`);
    }
    locationStart[i] = frames.length;
    for (const frame of s.stack) frames.push(locationFor(frame));
    s.value.forEach((v, t) => (value[i * k + t] = v));
    labelStart[i] = labelKey.length;
    const labels: LabelSpec[] = [...(s.labels ?? [])];
    if (s.bytes !== undefined) labels.push({ key: 'bytes', num: s.bytes, unit: 'bytes' });
    for (const l of labels) {
      labelKey.push(l.key);
      labelStr.push(l.str ?? '');
      labelNum.push(l.str === undefined ? (l.num ?? 0) : 0);
      labelNumUnit.push(l.str === undefined ? (l.unit ?? '') : '');
    }
  });
  locationStart[n] = frames.length;
  labelStart[n] = labelKey.length;
  const locationIndex = Uint32Array.from(frames, (l) => l.position);
  const drafts = [...locations.values()];
  const { locationColumns, lineColumns } = columns(drafts, [...mappings.values()], [...functions.values()]);

  const defaultIndex =
    spec.defaultSampleType === undefined
      ? sampleType.length - 1
      : sampleType.findIndex((t) => t.type === spec.defaultSampleType);
  return {
    sampleType,
    samples: {
      count: n,
      locationStart,
      locationIndex,
      value,
      labelStart,
      labelKey,
      labelStr,
      labelNum: Float64Array.from(labelNum),
      labelNumUnit,
    },
    mapping: [...mappings.values()],
    locations: locationColumns,
    lines: lineColumns,
    function: [...functions.values()],
    dropFrames: '',
    keepFrames: '',
    timeNanos: spec.timeNanos ?? 0n,
    durationNanos: 0n,
    periodType: spec.periodType === null ? undefined : vt(spec.periodType ?? ['space', 'bytes']),
    period: spec.period ?? 524288,
    comment: spec.comment ?? [],
    defaultSampleTypeIndex: defaultIndex < 0 ? sampleType.length - 1 : defaultIndex,
    docUrl: '',
  };
}

/** The columns of the draft locations (ids 1..n in order); mappings and functions become positions in their lists. */
function columns(
  drafts: readonly DraftLocation[],
  mappings: readonly Mapping[],
  functions: readonly Function[],
): { locationColumns: Locations; lineColumns: Lines } {
  const lines = drafts.flatMap((l) => l.line);
  const lineStart = [0];
  for (const l of drafts) lineStart.push(lineStart.at(-1)! + l.line.length);
  return {
    locationColumns: {
      count: drafts.length,
      id: BigUint64Array.from(drafts, (l) => BigInt(l.position + 1)),
      mapping: Int32Array.from(drafts, (l) => (l.mapping === undefined ? -1 : mappings.indexOf(l.mapping))),
      address: BigUint64Array.from(drafts, (l) => l.address),
      isFolded: new Uint8Array(drafts.length),
      lineStart: Uint32Array.from(lineStart),
    },
    lineColumns: {
      count: lines.length,
      function: Int32Array.from(lines, (ln) => functions.indexOf(ln.function)),
      line: Float64Array.from(lines, (ln) => ln.line),
      column: new Float64Array(lines.length),
    },
  };
}
