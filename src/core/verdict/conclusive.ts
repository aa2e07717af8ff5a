/**
 * What would make an inconclusive comparison conclusive, as sentences for the reports: chosen from
 * the variance source that dominates each inconclusive metric. Pure.
 */
import type { MetricResult } from './verdict.js';
import { MIN_RUNS } from '../bench/compare.js';
import type { Sampler } from '../profile/sampler.js';

/** Runs per side from which the spread across them is estimated well enough to advise no more. */
const MANY_RUNS = 5;

/** The largest variance source of a metric. */
function dominant(m: MetricResult): 'sampling' | 'runs' | 'history' {
  const { sampling, runs, history } = m.sources;
  if (history >= sampling && history >= runs) return 'history';
  return runs > sampling ? 'runs' : 'sampling';
}

/**
 * One sentence per remedy that applies to some inconclusive metric, each once, most effective
 * first. Empty when no metric is inconclusive. `historyAsked` is true when the comparison looked
 * for a history (check, the Action), false for a plain diff of two files. `sampler` picks the knob
 * the sampling advice names (Go's MemProfileRate, node's --heap-prof-interval).
 */
export function conclusiveAdvice(
  metrics: readonly MetricResult[],
  historyAsked: boolean,
  sampler: Sampler = 'go',
): string[] {
  const inconclusive = metrics.filter((m) => m.partStatus === 'inconclusive' || m.status === 'inconclusive');
  if (inconclusive.length === 0) return [];
  if (inconclusive.some((m) => m.benchmark !== undefined)) return benchAdvice(inconclusive);
  const out = new Set<string>();
  for (const m of inconclusive) {
    const source = dominant(m);
    if (source === 'sampling' && m.sources.sampling > 0) {
      out.add(
        sampler === 'v8'
          ? 'Record the profiles with a smaller sampling interval (node --heap-prof --heap-prof-interval 4096): ' +
              'V8 then takes about 128 times the samples of its default interval (512 KiB), so sampling noise shrinks.'
          : 'Record the profiles with runtime.MemProfileRate = 1 (set before the first allocation): every ' +
              'allocation is then counted and sampling noise is gone.',
      );
      const glob = sampler === 'v8' ? 'runs/*.heapprofile' : 'runs/*.pb.gz';
      out.add(
        `Or give several runs per side (several files, or a quoted glob such as '${glob}'): their per-run ` +
          'means are compared, and sampling noise shrinks with √runs.',
      );
    }
    if (source === 'history' || source === 'runs') {
      out.add(
        sampler === 'v8'
          ? 'The runs themselves differ (GC timing, caches, timers): keep the workload fixed (inputs, sizes, ' +
              'request counts) and let it finish its work before the process exits and writes the profile.'
          : 'The runs themselves differ (GC timing, pools, timers): call runtime.GC() before writing the profile, ' +
              'and keep the workload fixed (inputs, sizes, GOMAXPROCS).',
      );
    }
    if (source === 'runs' && Math.min(m.runs.base, m.runs.current) < MANY_RUNS) {
      out.add(
        `Give each side more runs (${MANY_RUNS} or more): the spread across runs is then measured well, and the ` +
          "means' noise shrinks with √runs.",
      );
    }
  }
  if (inconclusive.some((m) => m.detectable === Number.POSITIVE_INFINITY)) {
    out.add(
      'These are go test -bench profiles, whose totals scale with b.N: compare the go test -bench -benchmem ' +
        'text output instead (heapgate reads it: B/op and allocs/op per benchmark), or run both sides with the ' +
        'same -benchtime=Nx and let a history of baselines (heapgate check, the Action) calibrate the noise.',
    );
  }
  const uncalibrated = inconclusive.some((m) => m.history?.kind === 'uncalibrated');
  if (uncalibrated) {
    out.add(
      'The history has too few baselines to calibrate the run-to-run noise: it calibrates itself from 5 baselines ' +
        'of the branch.',
    );
  } else if (!historyAsked) {
    out.add('heapgate check (or the Action) also learns the run-to-run noise from the baselines of the branch.');
  }
  return [...out];
}

/** What would make inconclusive Go benchmark metrics conclusive: more runs, or quieter ones. */
function benchAdvice(inconclusive: readonly MetricResult[]): string[] {
  const out: string[] = [];
  const few = inconclusive.some((m) => Math.min(m.runs.base, m.runs.current) < MIN_RUNS);
  if (few) {
    out.push(
      'Run the benchmarks with go test -bench … -benchmem -count 10 on both sides: the Mann–Whitney U test needs at ' +
        `least ${MIN_RUNS} runs a side to reach p < 0.05 (benchstat recommends 10).`,
    );
  }
  if (inconclusive.some((m) => Math.min(m.runs.base, m.runs.current) >= MIN_RUNS)) {
    out.push(
      'The runs overlap (p ≥ 0.05): B/op and allocs/op that vary between runs come from allocations that depend on ' +
        'timing or b.N (pools, caches, amortised growth); run more (-count 20) and keep the machine quiet.',
    );
  }
  return out;
}
