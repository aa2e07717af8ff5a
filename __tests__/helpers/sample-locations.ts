/**
 * The Location objects of a sample, resolved from `Samples.locationIndex` (positions in
 * `Profile.location`), leaf first. Throws on an index outside `Profile.location`, so a test never
 * compares `undefined` by accident.
 */
import type { Location, Profile } from '../../src/core/model.js';

export function sampleLocations(profile: Profile, i: number): Location[] {
  const s = profile.samples;
  if (!Number.isInteger(i) || i < 0 || i >= s.count) throw new Error(`sampleLocations: no sample ${i} (count ${s.count})`);
  const out: Location[] = [];
  for (let j = s.locationStart[i]!; j < s.locationStart[i + 1]!; j++) {
    const at = s.locationIndex[j]!;
    const loc = profile.location[at];
    if (loc === undefined) {
      throw new Error(`sampleLocations: sample ${i} frame ${j} has locationIndex ${at}, outside Profile.location (length ${profile.location.length})`);
    }
    out.push(loc);
  }
  return out;
}

/** The Location objects of every sample frame, in `Samples.locationIndex` order. */
export function allSampleLocations(profile: Profile): Location[] {
  return Array.from({ length: profile.samples.count }, (_, i) => sampleLocations(profile, i)).flat();
}
