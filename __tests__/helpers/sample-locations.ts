/**
 * Object views of a Profile's columnar locations and lines, for tests that compare them with
 * pprof's output or with a spec: one `LocationView` per location, its mapping and its lines'
 * functions resolved to the Profile's own Mapping and Function objects. Views are built on demand
 * from the columns (the decoder creates no such objects), so each call returns fresh objects.
 */
import type { Function, Mapping, Profile } from '../../src/core/profile/model.js';

export interface LineView {
  readonly function: Function | undefined;
  readonly line: number;
  readonly column: number;
}

export interface LocationView {
  /** A number when exact (≤ 2^53 − 1), else a bigint, as wire ids are given elsewhere in the model. */
  readonly id: number | bigint;
  readonly mapping: Mapping | undefined;
  readonly address: bigint;
  /** Earlier entries are inlined callees; the last is the caller. */
  readonly line: LineView[];
  readonly isFolded: boolean;
}

/** Location `l` (its position in `Profile.locations`) as an object; throws when there is no such location. */
export function locationView(profile: Profile, l: number): LocationView {
  const locs = profile.locations;
  if (!Number.isInteger(l) || l < 0 || l >= locs.count) {
    throw new Error(`locationView: no location at position ${l} (count ${locs.count})`);
  }
  const line: LineView[] = [];
  for (let j = locs.lineStart[l]!; j < locs.lineStart[l + 1]!; j++) {
    const f = profile.lines.function[j]!;
    line.push({
      function: f < 0 ? undefined : at(profile.function, f, 'function'),
      line: profile.lines.line[j]!,
      column: profile.lines.column[j]!,
    });
  }
  const m = locs.mapping[l]!;
  const id = locs.id[l]!;
  return {
    id: id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : id,
    mapping: m < 0 ? undefined : at(profile.mapping, m, 'mapping'),
    address: locs.address[l]!,
    line,
    isFolded: locs.isFolded[l] === 1,
  };
}

/** Every location as an object, in `Profile.locations` order. */
export function allLocations(profile: Profile): LocationView[] {
  return Array.from({ length: profile.locations.count }, (_, l) => locationView(profile, l));
}

/**
 * The locations of sample `i`, resolved from `Samples.locationIndex` (positions in
 * `Profile.locations`), leaf first. Throws on an index outside `Profile.locations`, so a test never
 * compares `undefined` by accident.
 */
export function sampleLocations(profile: Profile, i: number): LocationView[] {
  const s = profile.samples;
  if (!Number.isInteger(i) || i < 0 || i >= s.count)
    throw new Error(`sampleLocations: no sample ${i} (count ${s.count})`);
  const out: LocationView[] = [];
  for (let j = s.locationStart[i]!; j < s.locationStart[i + 1]!; j++) {
    const l = s.locationIndex[j]!;
    if (l >= profile.locations.count) {
      const count = profile.locations.count;
      throw new Error(
        `sampleLocations: sample ${i} frame ${j}: locationIndex ${l} is outside Profile.locations (${count})`,
      );
    }
    out.push(locationView(profile, l));
  }
  return out;
}

/** The locations of every sample frame, in `Samples.locationIndex` order. */
export function allSampleLocations(profile: Profile): LocationView[] {
  return Array.from({ length: profile.samples.count }, (_, i) => sampleLocations(profile, i)).flat();
}

/** `list[i]`, or an error naming the table when a column points outside it. */
function at<T>(list: readonly T[], i: number, what: string): T {
  const v = list[i];
  if (v === undefined) throw new Error(`${what} position ${i} is outside Profile.${what} (length ${list.length})`);
  return v;
}
