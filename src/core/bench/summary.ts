/**
 * Go benchmark output as a ProfileSummary, so it travels the same road as a profile (loader, worker,
 * baseline store, metadata): two "sample types", B/op and allocs/op, whose totals are the sums over
 * the benchmarks of each one's median (what a baseline's metadata and trend record), no functions,
 * and the runs themselves in `benchmarks`. Pure.
 */
import type { ProfileSummary } from '../profile/aggregate.js';
import { DecodeError, IncompatibleProfilesError } from '../errors.js';
import { BENCH_METRICS } from '../profile/benchmark-set.js';
import { scalesWithIterations } from '../profile/bench-profile.js';
import { attribute, mergeAttributions } from './attribution.js';
import { isBenchmarkText, mergeBenchmarkSets, parseBenchmarks, type BenchmarkSet } from './parse.js';
import { quantile } from '../stats/quantile.js';

/** The median of a non-empty list (the mean of the two middle values for an even count), as benchstat's centre. */
export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** The summary of a benchmark set (see the file comment). */
export function benchSummary(set: BenchmarkSet): ProfileSummary {
  let bytes = 0;
  let allocs = 0;
  let runs = 0;
  for (const b of set.benchmarks) {
    bytes += median(b.bytes);
    allocs += median(b.allocs);
    runs += b.bytes.length;
  }
  return {
    sampleType: BENCH_METRICS.map((t) => ({ ...t })),
    defaultSampleTypeIndex: 0,
    periodType: undefined,
    period: 0,
    sampleCount: runs,
    timeNanos: 0n,
    comment: [],
    total: [bytes, allocs],
    variance: [0, 0],
    exact: true,
    functions: {
      name: [],
      flat: [new Float64Array(0), new Float64Array(0)],
      cum: [new Float64Array(0), new Float64Array(0)],
      flatVariance: [new Float64Array(0), new Float64Array(0)],
    },
    focus: [],
    benchmarks: set,
  };
}

/**
 * Several files of one side (or members of a stored bundle of runs) that are benchmark output: one
 * summary whose benchmarks have every file's runs, concatenated. Throws IncompatibleProfilesError
 * when some are heap profiles: runs of one side must be of one kind.
 */
export function combineBenchSummaries(summaries: readonly ProfileSummary[], labels: readonly string[]): ProfileSummary {
  const name = (i: number): string => labels[i] ?? `run ${i + 1}`;
  const bench = summaries.findIndex((s) => s.benchmarks !== undefined);
  // A go test -bench -memprofile profile given with the output attributes its B/op and allocs/op.
  const profile = summaries.findIndex((s) => s.benchmarks === undefined && !scalesWithIterations(s));
  if (profile >= 0) {
    throw new IncompatibleProfilesError(
      `runs of one side must be of one kind: ${name(bench)} is Go benchmark output, ${name(profile)} a heap ` +
        'profile (only a go test -bench -memprofile profile of the same run may go with it)',
    );
  }
  const set = mergeBenchmarkSets(summaries.filter((s) => s.benchmarks !== undefined).map((s) => s.benchmarks!));
  const profiles = summaries.flatMap((s, i) => (s.benchmarks === undefined ? [{ s, label: name(i) }] : []));
  if (profiles.length === 0) return benchSummary(set);
  const attribution = mergeAttributions(profiles.map(({ s, label }) => attribute(s, set, label)));
  return benchSummary({ ...set, attribution });
}

/**
 * The summary of a file's bytes when they are Go benchmark output, else null (a profile: decode it
 * as one). Throws DecodeError when they are benchmark output that does not parse.
 */
export function summarizeBenchmarkText(bytes: Uint8Array): ProfileSummary | null {
  if (!isBenchmarkText(bytes)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError('Go benchmark output that is not UTF-8 text');
  }
  return benchSummary(parseBenchmarks(text));
}
