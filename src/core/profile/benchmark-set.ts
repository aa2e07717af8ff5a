/**
 * The data of Go benchmark output (`go test -bench -benchmem`) and the names of its two metrics,
 * apart from the code that reads (bench/parse.ts) and attributes it (bench/attribution.ts): a
 * ProfileSummary carries a BenchmarkSet, so they sit with the profile's model, and rules name the
 * metrics without reaching up into bench/.
 */
import type { ValueType } from './model.js';

/** The metrics of a Go benchmark comparison, as sample types: the names rules use. */
export const BENCH_METRICS: readonly ValueType[] = [
  { type: 'B/op', unit: 'bytes' },
  { type: 'allocs/op', unit: 'count' },
];

/** The runs of one benchmark (one package, one name), in the order of the file(s). */
export interface BenchmarkRuns {
  /** The package (the last `pkg:` line before the results), '' when none was given. */
  readonly pkg: string;
  /** The name without the GOMAXPROCS suffix: `BenchmarkAppend`, `BenchmarkMap/size=100`. */
  readonly name: string;
  /** The GOMAXPROCS suffixes seen (1 when a line had none), each once. */
  readonly procs: readonly number[];
  /** B/op of each run. */
  readonly bytes: readonly number[];
  /** allocs/op of each run (same order as bytes). */
  readonly allocs: readonly number[];
}

/** A benchmark that reported no memory metrics (no -benchmem, no b.ReportAllocs()): read, not compared. */
export interface SkippedBenchmark {
  readonly pkg: string;
  /** The name without the GOMAXPROCS suffix. */
  readonly name: string;
}

/** The benchmarks of one or more files, in order of first appearance. */
export interface BenchmarkSet {
  /** The benchmarks with B/op and allocs/op. */
  readonly benchmarks: readonly BenchmarkRuns[];
  /**
   * Benchmarks whose every result line lacks B/op and allocs/op (a file where only some benchmarks
   * call b.ReportAllocs(), or -benchmem ran on a subset), in order; absent or empty when none.
   */
  readonly skipped?: readonly SkippedBenchmark[];
  /**
   * Per-function attribution from `-memprofile`s of the same runs, when given with the output (see
   * bench/attribution.ts); absent otherwise.
   */
  readonly attribution?: readonly BenchAttribution[];
}

/** One function under a benchmark: what it allocated itself (flat) and below it (cum), in the profile's unit. */
export interface AttributedFunction {
  readonly name: string;
  readonly flat: number;
  readonly cum: number;
}

/** What one benchmark's stacks allocated, per metric (B/op, allocs/op): the total and each function's part. */
export interface BenchAttribution {
  readonly pkg: string;
  /** The benchmark's top-level function name (`BenchmarkX` for `BenchmarkX/sub`). */
  readonly name: string;
  readonly metrics: Readonly<
    Record<string, { readonly total: number; readonly functions: readonly AttributedFunction[] }>
  >;
}
