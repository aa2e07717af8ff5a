/**
 * The Profile that model.ts promises for a spec of encode-profile.ts, built from the spec alone
 * (not from the decoder): the expectation side of the round-trip tests.
 */
import type { Function, Lines, Locations, Mapping, Profile } from '../../../../src/core/profile/model.js';
import type { Int, ProfileSpec, Str } from '../../../helpers/encode-profile.js';

const str = (s: Str | undefined): string => (typeof s === 'string' ? s : '');
const id = (v: Int): number | bigint => (BigInt(v) <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : BigInt(v));
const num = (v: Int | undefined): number => Number(v ?? 0);
const big = (v: Int | undefined): bigint => BigInt(v ?? 0);

export function expectedProfile(spec: ProfileSpec): Profile {
  const mapping: Mapping[] = (spec.mapping ?? []).map((m) => ({
    id: id(m.id),
    memoryStart: big(m.memoryStart),
    memoryLimit: big(m.memoryLimit),
    fileOffset: big(m.fileOffset),
    filename: str(m.filename),
    buildId: str(m.buildId),
    hasFunctions: m.hasFunctions ?? false,
    hasFilenames: m.hasFilenames ?? false,
    hasLineNumbers: m.hasLineNumbers ?? false,
    hasInlineFrames: m.hasInlineFrames ?? false,
  }));
  const fn: Function[] = (spec.function ?? []).map((f) => ({
    id: id(f.id),
    name: str(f.name),
    systemName: str(f.systemName),
    filename: str(f.filename),
    startLine: num(f.startLine),
  }));
  // References between tables are positions in the referenced table (-1: id 0, none).
  const fnAt = new Map(fn.map((f, i) => [String(f.id), i]));
  const mappingAt = new Map(mapping.map((m, i) => [String(m.id), i]));
  const known = (at: number | undefined, what: string): number => {
    if (at === undefined) throw new Error(`expectedProfile: unknown ${what}`);
    return at;
  };
  const specLocations = spec.location ?? [];
  const specLines = specLocations.flatMap((l) => l.line ?? []);
  let lineEnd = 0;
  const locations: Locations = {
    count: specLocations.length,
    id: BigUint64Array.from(specLocations, (l) => big(l.id)),
    mapping: Int32Array.from(specLocations, (l) =>
      l.mappingId === undefined || BigInt(l.mappingId) === 0n
        ? -1
        : known(mappingAt.get(String(l.mappingId)), `mapping id ${l.mappingId}`),
    ),
    address: BigUint64Array.from(specLocations, (l) => big(l.address)),
    isFolded: Uint8Array.from(specLocations, (l) => (l.isFolded ? 1 : 0)),
    lineStart: Uint32Array.from([0, ...specLocations.map((l) => (lineEnd += (l.line ?? []).length))]),
  };
  const lines: Lines = {
    count: specLines.length,
    function: Int32Array.from(specLines, (ln) =>
      BigInt(ln.functionId) === 0n ? -1 : known(fnAt.get(String(ln.functionId)), `function id ${ln.functionId}`),
    ),
    line: Float64Array.from(specLines, (ln) => num(ln.line)),
    column: Float64Array.from(specLines, (ln) => num(ln.column)),
  };
  const positionById = new Map(specLocations.map((l, i) => [String(id(l.id)), i]));

  const samples = spec.sample ?? [];
  const types = spec.sampleType ?? [];
  const locationStart = new Uint32Array(samples.length + 1);
  const labelStart = new Uint32Array(samples.length + 1);
  const locationIndex: number[] = [];
  const value: number[] = [];
  const labelKey: string[] = [];
  const labelStr: string[] = [];
  const labelNum: number[] = [];
  const labelNumUnit: string[] = [];
  samples.forEach((s, i) => {
    locationStart[i] = locationIndex.length;
    labelStart[i] = labelKey.length;
    for (const l of s.locationId ?? []) {
      const at = positionById.get(String(l));
      if (at === undefined) throw new Error(`expectedProfile: sample ${i} uses unknown location id ${l}`);
      locationIndex.push(at);
    }
    for (const v of s.value ?? []) value.push(Number(v));
    for (const l of s.label ?? []) {
      // pprof's rule: a str makes a string label; else a num or a unit makes a numeric one; else dropped.
      if (str(l.str) !== '') {
        labelKey.push(str(l.key));
        labelStr.push(str(l.str));
        labelNum.push(0);
        labelNumUnit.push('');
      } else if (num(l.num) !== 0 || str(l.numUnit) !== '') {
        labelKey.push(str(l.key));
        labelStr.push('');
        labelNum.push(num(l.num));
        labelNumUnit.push(str(l.numUnit));
      }
    }
  });
  locationStart[samples.length] = locationIndex.length;
  labelStart[samples.length] = labelKey.length;

  const defaultIndex = types.findIndex(
    ([t]) => spec.defaultSampleType !== undefined && str(t) === str(spec.defaultSampleType),
  );
  return {
    sampleType: types.map(([type, unit]) => ({ type: str(type), unit: str(unit) })),
    samples: {
      count: samples.length,
      locationStart,
      locationIndex: Uint32Array.from(locationIndex),
      value: Float64Array.from(value),
      labelStart,
      labelKey,
      labelStr,
      labelNum: Float64Array.from(labelNum),
      labelNumUnit,
    },
    mapping,
    locations,
    lines,
    function: fn,
    dropFrames: str(spec.dropFrames),
    keepFrames: str(spec.keepFrames),
    timeNanos: big(spec.timeNanos),
    durationNanos: big(spec.durationNanos),
    periodType: spec.periodType && { type: str(spec.periodType[0]), unit: str(spec.periodType[1]) },
    period: num(spec.period),
    comment: (spec.comment ?? []).map(str),
    defaultSampleTypeIndex: defaultIndex >= 0 ? defaultIndex : types.length - 1,
    docUrl: str(spec.docUrl),
  };
}
