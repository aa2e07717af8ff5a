/** Checks a decoded Profile against pprof's own reading of the same file (see pprof-raw.ts). */
import type { Profile } from '../../../../src/core/profile/model.js';
import type { RawProfile } from './pprof-raw.js';
import { sampleLocations } from '../../../helpers/sample-locations.js';

/** pprof's numeric-label text for sample `i`: "key:[v v]" or "key:[v unit]", keys sorted. */
function numLabelText(p: Profile, i: number): string {
  const s = p.samples;
  const byKey = new Map<string, { values: number[]; units: string[] }>();
  for (let j = s.labelStart[i]!; j < s.labelStart[i + 1]!; j++) {
    if (s.labelStr[j] !== '') continue;
    const e = byKey.get(s.labelKey[j]!) ?? { values: [], units: [] };
    e.values.push(s.labelNum[j]!);
    if (s.labelNumUnit[j] !== '') e.units.push(s.labelNumUnit[j]!);
    byKey.set(s.labelKey[j]!, e);
  }
  return [...byKey]
    .map(([k, e]) => {
      const withUnits = e.units.length === e.values.length;
      return `${k}:[${e.values.map((v, n) => (withUnits ? `${v} ${e.units[n]}` : `${v}`)).join(' ')}]`;
    })
    .sort()
    .join(' ');
}

/** One frame of a stack key: the address, and with `lines` each line's function, file and number. */
function frame(address: bigint, lines: readonly string[]): string {
  return lines.length === 0 ? address.toString(16) : `${address.toString(16)}[${lines.join(', ')}]`;
}

/**
 * Asserts that `p` has pprof's period, sample types and samples (merged as pprof merges them):
 * values per stack and numeric labels, a stack being its locations' addresses and, with `lines`,
 * their function names, files and line numbers. With `onlyKnownAddresses`, pprof's stacks are first
 * cut to the addresses `p` has a location for: Go's debug=1 text hides frames (runtime allocation
 * frames, runtime.goexit) that heapgate drops and pprof keeps, as it cannot name any frame there.
 */
export function expectMatchesPprof(
  p: Profile,
  raw: RawProfile,
  options: { lines: boolean; onlyKnownAddresses?: boolean },
): void {
  expect(p.sampleType.map((t) => `${t.type}/${t.unit}`)).toEqual(raw.sampleType);
  expect(p.periodType && `${p.periodType.type} ${p.periodType.unit}`).toEqual(raw.periodType);
  expect(p.period).toBe(raw.period);
  if (raw.defaultType !== undefined) expect(p.sampleType[p.defaultSampleTypeIndex]!.type).toBe(raw.defaultType);
  // pprof merges the profile it loads (profile.Merge): samples whose values are all zero are
  // dropped, and samples with the same stack and labels are summed into one. Do the same here,
  // keyed by stack and label text, and compare the sums.
  const n = p.sampleType.length;
  const kept: number[] = [];
  for (let i = 0; i < p.samples.count; i++) {
    if (p.samples.value.subarray(i * n, (i + 1) * n).some((v) => v !== 0)) kept.push(i);
  }
  const merge = (entries: { key: string; value: number[] }[]) => {
    const sums = new Map<string, number[]>();
    for (const e of entries) {
      const sum = sums.get(e.key);
      if (sum === undefined) sums.set(e.key, [...e.value]);
      else e.value.forEach((v, t) => (sum[t]! += v));
    }
    return [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
  const ours = merge(
    kept.map((i) => ({
      key: `${sampleLocations(p, i)
        .map((l) =>
          frame(
            l.address,
            options.lines ? l.line.map((x) => `${x.function?.name} ${x.function?.filename}:${x.line}`) : [],
          ),
        )
        .join(' ')} | ${numLabelText(p, i)}`,
      value: Array.from(p.samples.value.subarray(i * n, (i + 1) * n)),
    })),
  );
  const known = new Set(p.locations.address);
  const theirs = merge(
    raw.samples.map((s) => ({
      key: `${s.locationId
        .map((id) => raw.locations.get(id)!)
        .filter((l) => !options.onlyKnownAddresses || known.has(l.address))
        .map((l) => frame(l.address, options.lines ? l.lines : []))
        .join(' ')} | ${s.numLabels}`,
      value: s.value,
    })),
  );
  expect(ours.length).toBe(theirs.length);
  expect(ours).toEqual(theirs);
}
