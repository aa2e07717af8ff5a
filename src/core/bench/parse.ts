/**
 * `go test -bench … -benchmem` output → the B/op and allocs/op of every run of every benchmark. The
 * text format is Go's benchmark format (golang.org/x/perf/benchfmt): configuration lines
 * (`goos: linux`, `pkg: example.com/app`) apply to the results after them; a result line is
 * `BenchmarkName-P  N  v1 unit1  v2 unit2 …` where `-P` is GOMAXPROCS (left out when it is 1) and N
 * the iterations; `-count N` repeats a benchmark's line N times. Anything else (PASS, ok, logs) is
 * skipped, except a failed run, which is an error: its output lacks the failed benchmarks. Pure.
 *
 * Everything here comes from a file: names are untrusted (renderers escape them) and counts capped.
 */
import { DecodeError } from '../errors.js';
import type { BenchmarkSet, SkippedBenchmark } from '../profile/benchmark-set.js';

export type { BenchmarkRuns, BenchmarkSet, SkippedBenchmark } from '../profile/benchmark-set.js';

/** More distinct benchmarks than this in one input is an error (a hostile or runaway file). */
export const MAX_BENCHMARKS = 10_000;
/** More runs of one benchmark than this is an error (-count beyond any useful value). */
export const MAX_RUNS_PER_BENCHMARK = 1000;
/** A benchmark name (or package) longer than this is an error. */
export const MAX_NAME_CHARS = 1000;

/** How much of a file is looked at to tell benchmark output from a profile. */
const SNIFF_CHARS = 1 << 20;

/**
 * A result line: a name starting with `Benchmark` followed by nothing, an upper-case letter or a
 * non-letter (benchfmt's rule: `Benchmarking` is not a benchmark), the iterations, then the rest.
 */
const RESULT = /^(Benchmark(?:[^a-z\s]\S*)?)[ \t]+(\d+)(?:[ \t]+(.*))?$/;
/** A configuration line: a key starting with a lower-case letter, no spaces, then `:`. */
const CONFIG = /^([a-z][^\s:]*):(?:[ \t]+(.*))?$/;
const PROCS_SUFFIX = /-(\d+)$/;

/**
 * True when `bytes` are Go benchmark output: text (no NUL byte, which every protobuf profile has in
 * its string table's first entry) with at least one result line. Legacy text heap profiles have
 * none. Looks at the first MiB.
 */
export function isBenchmarkText(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_CHARS));
  if (text.startsWith('heap profile:')) return false;
  return text.split('\n').some((line) => RESULT.test(line.replace(/\r$/, '')));
}

interface Building {
  readonly pkg: string;
  readonly name: string;
  readonly procs: number[];
  readonly bytes: number[];
  readonly allocs: number[];
}

/** A line quoted in an error: cut, control characters shown as `?`. */
function quote(line: string): string {
  const cut = line.length > 80 ? `${line.slice(0, 80)}…` : line;
  // eslint-disable-next-line no-control-regex
  return `"${cut.replace(/[\u0000-\u001f\u007f]/g, '?')}"`;
}

/** The unit → value pairs after the iterations; null when a value is not a number. */
function measurements(rest: string): Map<string, number> | null {
  const fields = rest.split(/[ \t]+/).filter((f) => f !== '');
  if (fields.length % 2 !== 0) return null;
  const out = new Map<string, number>();
  for (let i = 0; i < fields.length; i += 2) {
    const value = Number(fields[i]);
    if (!Number.isFinite(value) || !/^[-+]?[\d.]/.test(fields[i]!)) return null;
    out.set(fields[i + 1]!, value);
  }
  return out;
}

/**
 * Parses benchmark output. A benchmark whose lines have neither B/op nor allocs/op (no -benchmem,
 * no b.ReportAllocs()) is listed in `skipped`, not compared. Throws DecodeError (one line, with the
 * line number) on a failed run (`FAIL`, `--- FAIL`), a malformed result line, a result with one of
 * B/op and allocs/op only, when no benchmark has them (`go test` without -benchmem), negative values,
 * or more than MAX_BENCHMARKS / MAX_RUNS_PER_BENCHMARK / MAX_NAME_CHARS; and when no result line is
 * found at all.
 */
export function parseBenchmarks(text: string): BenchmarkSet {
  const byKey = new Map<string, Building>();
  const order: Building[] = [];
  /** Benchmarks seen without B/op and allocs/op, by key, with the line of the first. */
  const withoutMemory = new Map<string, { pkg: string; name: string; line: number }>();
  let pkg = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const at = `line ${i + 1}`;
    if (/^(FAIL|--- FAIL:)(\s|$)/.test(line)) {
      throw new DecodeError(`${at}: the benchmark run failed (${quote(line)}); fix it and run it again`);
    }
    const config = CONFIG.exec(line);
    if (config !== null) {
      if (config[1] === 'pkg') pkg = (config[2] ?? '').trim();
      if (pkg.length > MAX_NAME_CHARS) throw new DecodeError(`${at}: package name over ${MAX_NAME_CHARS} characters`);
      continue;
    }
    const result = RESULT.exec(line);
    if (result === null) continue;
    const fullName = result[1]!;
    if (fullName.length > MAX_NAME_CHARS)
      throw new DecodeError(`${at}: benchmark name over ${MAX_NAME_CHARS} characters`);
    const values = measurements(result[3] ?? '');
    if (values === null) {
      throw new DecodeError(`${at}: malformed benchmark result ${quote(line)}: expected "<value> <unit>" pairs`);
    }
    const bytes = values.get('B/op');
    const allocs = values.get('allocs/op');
    const suffix = PROCS_SUFFIX.exec(fullName);
    const name = suffix === null ? fullName : fullName.slice(0, suffix.index);
    const procs = suffix === null ? 1 : Number(suffix[1]);
    const key = JSON.stringify([pkg, name]);
    if (bytes === undefined && allocs === undefined) {
      // No -benchmem for this one: read past it; an error only when no benchmark has memory metrics.
      if (!withoutMemory.has(key)) {
        if (withoutMemory.size + order.length >= MAX_BENCHMARKS) {
          throw new DecodeError(`${at}: more than ${MAX_BENCHMARKS} benchmarks`);
        }
        withoutMemory.set(key, { pkg, name, line: i + 1 });
      }
      continue;
    }
    if (bytes === undefined || allocs === undefined) {
      throw new DecodeError(
        `${at}: ${quote(fullName)} has ${bytes === undefined ? 'allocs/op but no B/op' : 'B/op but no allocs/op'}`,
      );
    }
    if (bytes < 0 || allocs < 0) throw new DecodeError(`${at}: negative B/op or allocs/op in ${quote(line)}`);
    let b = byKey.get(key);
    if (b === undefined) {
      if (order.length + withoutMemory.size >= MAX_BENCHMARKS) {
        throw new DecodeError(`${at}: more than ${MAX_BENCHMARKS} benchmarks`);
      }
      b = { pkg, name, procs: [], bytes: [], allocs: [] };
      byKey.set(key, b);
      order.push(b);
    }
    if (b.bytes.length >= MAX_RUNS_PER_BENCHMARK) {
      throw new DecodeError(`${at}: more than ${MAX_RUNS_PER_BENCHMARK} runs of ${quote(name)}; use a smaller -count`);
    }
    if (!b.procs.includes(procs)) b.procs.push(procs);
    b.bytes.push(bytes);
    b.allocs.push(allocs);
  }
  const skipped = [...withoutMemory].filter(([key]) => !byKey.has(key)).map(([, s]) => s);
  if (order.length === 0 && skipped.length > 0) {
    const first = skipped[0]!;
    const more = skipped.length > 1 ? ` and ${skipped.length - 1} more` : '';
    throw new DecodeError(
      `line ${first.line}: no benchmark reports B/op and allocs/op (${quote(first.name)}${more}): ` +
        'run go test -bench with -benchmem (or call b.ReportAllocs())',
    );
  }
  if (order.length === 0)
    throw new DecodeError('no benchmark results (lines like "BenchmarkX-8  1000  123 ns/op ...")');
  if (skipped.length === 0) return { benchmarks: order };
  return { benchmarks: order, skipped: skipped.map(({ pkg, name }) => ({ pkg, name })) };
}

/** The runs of several sets (several files of one side): the runs of each benchmark concatenated, in order. */
export function mergeBenchmarkSets(sets: readonly BenchmarkSet[]): BenchmarkSet {
  const byKey = new Map<string, Building>();
  const order: Building[] = [];
  for (const set of sets) {
    for (const r of set.benchmarks) {
      const key = JSON.stringify([r.pkg, r.name]);
      let b = byKey.get(key);
      if (b === undefined) {
        b = { pkg: r.pkg, name: r.name, procs: [], bytes: [], allocs: [] };
        byKey.set(key, b);
        order.push(b);
      }
      for (const p of r.procs) if (!b.procs.includes(p)) b.procs.push(p);
      b.bytes.push(...r.bytes);
      b.allocs.push(...r.allocs);
    }
  }
  const skipped = new Map<string, SkippedBenchmark>();
  for (const s of sets.flatMap((set) => set.skipped ?? [])) {
    const key = JSON.stringify([s.pkg, s.name]);
    if (!byKey.has(key) && !skipped.has(key)) skipped.set(key, s);
  }
  return skipped.size === 0 ? { benchmarks: order } : { benchmarks: order, skipped: [...skipped.values()] };
}
