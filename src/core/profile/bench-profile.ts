/**
 * Profiles written by `go test -bench … -memprofile`: they sum every iteration of every benchmark,
 * so their totals scale with b.N, which differs from run to run unless `-benchtime=Nx` fixes it.
 * Their deltas are never exact, whatever the sampling rate. Pure.
 */
import type { ProfileSummary } from './aggregate.js';

/** The frame of the loop that runs a benchmark's b.N iterations (testing.(*B).runN). */
const BENCHMARK_LOOP = 'testing.(*B).runN';

/** True when the profile's stacks run through a benchmark's iteration loop. */
export function scalesWithIterations(summary: Pick<ProfileSummary, 'functions'>): boolean {
  return summary.functions.name.includes(BENCHMARK_LOOP);
}

/** The warning for a comparison of such profiles. */
export const ITERATIONS_WARNING =
  'go test -bench profiles: their totals count every iteration, and b.N differs between runs unless ' +
  '-benchtime=Nx fixes it, so these deltas are not exact; compare the go test -bench -benchmem output instead ' +
  '(heapgate reads it: B/op and allocs/op per benchmark), or ' +
  'run both with the same -benchtime=Nx and let a history of baselines calibrate the noise';
