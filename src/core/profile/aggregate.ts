/**
 * Profile → per-function table: the flat and cum of every function, per sample type, with their
 * sampling variances, computed the way `go tool pprof -top` does (google/pprof internal/graph,
 * newGraph and CreateNodes, at the default "functions" granularity).
 */
import { decodeProtobufWith, readProfile, type DecodeOptions, type SampleSink } from './decode/index.js';
import type { BenchmarkSet } from './benchmark-set.js';
import { CallTreeBuilder, type CallTree } from './call-tree.js';
import { LineAggregator, type LineTotals } from './line-totals.js';
import { RuleError } from '../errors.js';
import { capName } from './name-cap.js';
import { compileNamePattern } from './name-pattern.js';
import { checkMeasured, checkMemoryProfile } from './profile-kind.js';
import { compileOwnCode, type OwnCodePredicate, type OwnCodeSpec } from './own-code.js';
import type { Function, Mapping, Profile, ProfileTables, Samples, ValueType } from './model.js';
import { bytesLabel, SampleVariance } from './sampling.js';

/**
 * Per-function totals of one profile, keyed by function name (pprof's default node key).
 * Row `r` is the function `name[r]`; for sample type `t`:
 * - `flat[t][r]`: sum of values of the samples whose leaf frame (location[0].line[0]) is this function;
 * - `cum[t][r]`: sum of values of the samples in which this function appears anywhere, counted once
 *   per sample (recursion counted once);
 * - `flatVariance`: the sampling variance of the flat sums (see profile/sampling.ts).
 */
export interface FunctionTotals {
  readonly name: readonly string[];
  readonly flat: readonly Float64Array[];
  readonly cum: readonly Float64Array[];
  readonly flatVariance: readonly Float64Array[];
}

/** A value per name and sample type: `flat[t][r]` belongs to `name[r]`. */
export interface NamedTotals {
  readonly name: readonly string[];
  readonly flat: readonly Float64Array[];
}

/** Own-code attribution (see own-code.ts): each sample's value goes to the deepest own-code frame of its stack. */
export interface OwnTotals {
  /**
   * Per sample type, per row of the summary's `functions`: the samples whose deepest own frame is
   * that function (pprof's flat under `-show`); 0 for rows that are not own code.
   */
  readonly flat: readonly Float64Array[];
  /**
   * The same split by the sample's leaf where the leaf is another function: rows named
   * `own + OWN_LEAF_SEPARATOR + leaf`, so a report can say which library function did the allocating.
   */
  readonly leaves: NamedTotals;
  /**
   * The same by the own frame's source line, when asked for (OwnCodeSpec.lines): rows named
   * `function SEP file SEP line` (SEP is OWN_LEAF_SEPARATOR), for annotations on the lines that grew.
   */
  readonly lines?: NamedTotals;
}

/** Between the own function's and the leaf's name in OwnTotals.leaves (a NUL: no name holds one). */
export const OWN_LEAF_SEPARATOR = '\u0000';

/** Totals of the samples whose stack has a function matching `pattern` (a regex source), once per sample. */
export interface FocusTotals {
  readonly pattern: string;
  /** Per sample type. */
  readonly total: readonly number[];
  readonly variance: readonly number[];
}

/** Each run's totals, in run order, for a summary that combines several runs (see runs.ts). */
export interface RunTotals {
  /** Per run, per sample type (the summary's order): the run's total. */
  readonly total: readonly (readonly number[])[];
  /** Per run, per focus pattern (the summary's order), per sample type. */
  readonly focus: readonly (readonly (readonly number[])[])[];
}

/**
 * What the diff, the rules and the stores need of a profile: small, structured-cloneable (it crosses
 * a worker boundary), with no per-sample data left.
 */
export interface ProfileSummary {
  readonly sampleType: readonly ValueType[];
  readonly defaultSampleTypeIndex: number;
  readonly periodType: ValueType | undefined;
  readonly period: number;
  readonly sampleCount: number;
  readonly timeNanos: bigint;
  readonly comment: readonly string[];
  /** Per sample type: the sum of all sample values, and the sampling variance of that sum. */
  readonly total: readonly number[];
  readonly variance: readonly number[];
  /** True when the profile carries no sampling noise (period ≤ 1, or samples cannot be sized). */
  readonly exact: boolean;
  readonly functions: FunctionTotals;
  readonly focus: readonly FocusTotals[];
  /** The call tree (rows are `functions` rows), when asked for with SummarizeOptions.tree. */
  readonly tree?: CallTree;
  /** Per-line totals (`pprof -lines`), when asked for with SummarizeOptions.lines. */
  readonly lines?: LineTotals;
  /**
   * Set when the input was `go test -bench -benchmem` output rather than a profile (see
   * core/bench/summary.ts): its runs, which the benchmark comparison reads instead of the totals.
   */
  readonly benchmarks?: BenchmarkSet;
  /** Function names longer than MAX_NAME_CHARS, cut (name-cap.ts); absent when none was. */
  readonly cutNames?: number;
  /** Own-code attribution, when asked for with SummarizeOptions.ownCode. */
  readonly own?: OwnTotals;
  /**
   * Set when the summary combines several runs (combineRuns): every number above is then a per-run
   * mean, and this holds each run's totals.
   */
  readonly runs?: RunTotals;
}

export interface SummarizeOptions {
  /** Regex sources of function rules; each gets a FocusTotals entry, in this order. */
  readonly focus?: readonly string[];
  /** Also build the call tree (for a flame graph); it costs a map lookup per frame. */
  readonly tree?: boolean;
  /** Also attribute each sample to its deepest own-code frame (see own-code.ts). */
  readonly ownCode?: OwnCodeSpec;
  /** Also sum per source line (line-totals.ts); it costs a second row lookup per frame. */
  readonly lines?: boolean;
}

/**
 * The row name pprof prints for one line of a location at its default (functions) granularity:
 * the function name; for a line without a function (or a function without a name) and for an
 * unsymbolized location, `[<mapping file base name>]`, or `<unknown>` without a mapping
 * (graph.NodeInfo.NameComponents after profile.Aggregate drops addresses and line numbers).
 */
export function nodeName(fn: Function | undefined, mapping: Mapping | undefined): string {
  if (fn !== undefined && fn.name !== '') return fn.name;
  const file = mapping?.filename ?? '';
  if (file === '') return '<unknown>';
  const base = file.replace(/\/+$/, '').split('/').pop() ?? '';
  return `[${base === '' ? file : base}]`;
}

/**
 * Compiles focus patterns (unanchored, matched against function names in linear time: see
 * name-pattern.ts). Throws a RuleError saying what is wrong when one does not compile.
 */
export function compileFocus(patterns: readonly string[]): RegExp[] {
  return patterns.map((p) => {
    try {
      return compileNamePattern(p);
    } catch (e) {
      throw new RuleError((e as Error).message);
    }
  });
}

/**
 * The rows each location adds to, precomputed once per location so that the summing loop reads
 * typed arrays only: `code[l]` for location `l` is the row of a location with one line (the common
 * case), or ~m for the m-th location with several lines (or none), whose rows are
 * `multiRows[multiStart[m] .. multiStart[m+1])`, line[0]'s row first.
 */
interface RowIndex {
  readonly name: string[];
  /** The row of each name. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** How many distinct function names were longer than MAX_NAME_CHARS (and cut: see capName). */
  readonly cutNames: number;
  readonly code: Int32Array;
  readonly multiStart: Int32Array;
  readonly multiRows: Int32Array;
}

function buildRowIndex(profile: ProfileTables): RowIndex {
  const rowOf = new Map<string, number>();
  const name: string[] = [];
  let cutNames = 0;
  const row = (whole: string): number => {
    const n = capName(whole);
    if (n !== whole && !rowOf.has(n)) cutNames++;
    let r = rowOf.get(n);
    if (r === undefined) {
      r = name.length;
      name.push(n);
      rowOf.set(n, r);
    }
    return r;
  };
  // Rows by function and by mapping (for frames without a function name), so each function's or
  // mapping's name is looked up once rather than once per line: -2 until first seen.
  const functions = profile.function;
  const mappings = profile.mapping;
  const rowOfFunction = new Int32Array(functions.length).fill(-2);
  const rowOfMapping = new Int32Array(mappings.length + 1).fill(-2);
  const unnamedRow = (m: number): number => {
    let r = rowOfMapping[m + 1]!;
    if (r === -2) {
      r = row(nodeName(undefined, m < 0 ? undefined : mappings[m]));
      rowOfMapping[m + 1] = r;
    }
    return r;
  };
  const lineRow = (f: number, m: number): number => {
    if (f < 0) return unnamedRow(m);
    let r = rowOfFunction[f]!;
    if (r === -2) {
      // -1: the function has no name, so the row depends on the location's mapping.
      r = functions[f]!.name === '' ? -1 : row(functions[f]!.name);
      rowOfFunction[f] = r;
    }
    return r >= 0 ? r : unnamedRow(m);
  };

  const { count, lineStart, mapping } = profile.locations;
  const lineFunction = profile.lines.function;
  const multiStart: number[] = [0];
  const multiRows: number[] = [];
  const code = new Int32Array(count);
  for (let l = 0; l < count; l++) {
    const first = lineStart[l]!;
    const last = lineStart[l + 1]!;
    const m = mapping[l]!;
    if (last - first === 1) {
      code[l] = lineRow(lineFunction[first]!, m);
      continue;
    }
    if (last === first) multiRows.push(unnamedRow(m));
    for (let j = first; j < last; j++) multiRows.push(lineRow(lineFunction[j]!, m));
    multiStart.push(multiRows.length);
    code[l] = ~(multiStart.length - 2);
  }
  return {
    name,
    rowOf,
    cutNames,
    code,
    multiStart: Int32Array.from(multiStart),
    multiRows: Int32Array.from(multiRows),
  };
}

/** Per-row bit masks of the focus patterns that match the row's name: `words` Int32 words per row. */
function focusMasks(names: readonly string[], patterns: readonly RegExp[]): { masks: Int32Array; words: number } {
  const words = Math.ceil(patterns.length / 31);
  const masks = new Int32Array(names.length * words);
  names.forEach((n, r) => {
    patterns.forEach((re, p) => {
      if (re.test(n)) masks[r * words + Math.floor(p / 31)]! |= 1 << (p % 31);
    });
  });
  return { masks, words };
}

/** Columns `offset .. offset + k` of a row-major table `width` wide, one Float64Array each. */
function column(data: Float64Array, rows: number, width: number, offset: number, k: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let t = 0; t < k; t++) {
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) col[r] = data[r * width + offset + t]!;
    out.push(col);
  }
  return out;
}

/**
 * The running sums of one profile's samples, for all sample types at once: a SampleSink, so the
 * samples are added as the decoder reads them (nothing per sample is kept), or from a decoded
 * profile's columns (summarize). Row-major: a row of `flat` and `focus` holds its k values, then
 * its k variances; a row of `cum`, its k values.
 */
class Aggregator implements SampleSink {
  sampleCount = 0;
  /** Samples with a value below zero: a measurement has none (see checkMeasured). */
  negativeSamples = 0;
  readonly index: RowIndex;
  private readonly k: number;
  private readonly variance: SampleVariance;
  private readonly masks: Int32Array;
  private readonly words: number;
  private readonly focusCount: number;
  readonly flat: Float64Array;
  // cum carries values only: no report uses the variance of a cum, and cum is where most of the
  // additions happen (every distinct row of every sample).
  readonly cum: Float64Array;
  readonly focus: Float64Array;
  readonly total: Float64Array;
  readonly totalVar: Float64Array;
  /** This sample's values and variances side by side, as one row of `flat` is laid out. */
  private readonly sv: Float64Array;
  /** The last sample that reached each row: a row's cum grows once per sample. */
  private readonly seen: Int32Array;
  private readonly sampleMask: Int32Array;
  private readonly tree: CallTreeBuilder | undefined;
  /** 1 for the rows of own-code functions; undefined when no own-code attribution was asked for. */
  private readonly ownRows: Uint8Array | undefined;
  /** Per row, k values: the samples whose deepest own frame is the row. */
  private readonly ownFlat: Float64Array;
  /** Per (own row, leaf row) pair, keyed own · rows + leaf: its k values. */
  private readonly ownLeaf = new Map<number, Float64Array>();
  /** Per own line (function, file, line), by its name: its id, an index into ownLineValues. */
  private readonly ownLine = new Map<string, number>();
  private readonly ownLineValues: Float64Array[] = [];
  /** Per line entry of the profile: its own line's id, -1 until first used. */
  private readonly ownLineOf: Int32Array;
  /** The tables, for the own frame's file and line. */
  private readonly tables: ProfileTables;

  /** Whether own lines are summed (OwnCodeSpec.lines). */
  private readonly ownLines: boolean;

  private readonly lines: LineAggregator | undefined;

  constructor(
    tables: ProfileTables,
    focus: readonly RegExp[],
    tree = false,
    own?: OwnCodePredicate,
    ownLines = false,
    lines = false,
  ) {
    const k = tables.sampleType.length;
    this.k = k;
    this.index = buildRowIndex(tables);
    const rowCount = this.index.name.length;
    const { masks, words } = focusMasks(this.index.name, focus);
    this.masks = masks;
    this.words = words;
    this.focusCount = focus.length;
    this.variance = new SampleVariance(tables);
    this.flat = new Float64Array(rowCount * 2 * k);
    this.cum = new Float64Array(rowCount * k);
    this.focus = new Float64Array(focus.length * 2 * k);
    this.total = new Float64Array(k);
    this.totalVar = new Float64Array(k);
    this.sv = new Float64Array(2 * k);
    this.seen = new Int32Array(rowCount).fill(-1);
    this.sampleMask = new Int32Array(words);
    this.tree = tree ? new CallTreeBuilder(this.index, k) : undefined;
    this.tables = tables;
    this.ownLines = own !== undefined && ownLines;
    this.ownLineOf = new Int32Array(this.ownLines ? tables.lines.count : 0).fill(-1);
    this.ownRows = own === undefined ? undefined : ownRowMask(tables, this.index, own);
    this.ownFlat = new Float64Array(own === undefined ? 0 : rowCount * k);
    this.lines = lines ? new LineAggregator(tables) : undefined;
  }

  add(samples: Samples, i: number): void {
    const k = this.k;
    const sv = this.sv;
    const total = this.total;
    const totalVar = this.totalVar;
    const value = samples.value;
    const at = i * k;
    const mark = this.sampleCount++;
    for (let t = 0; t < k; t++) sv[t] = value[at + t]!;
    if (this.variance.rate > 0) {
      const labelSize = bytesLabel(samples, samples.labelStart[i]!, samples.labelStart[i + 1]!);
      this.variance.compute(value, at, labelSize, sv, k);
    }
    let nonzero = false;
    let negative = false;
    for (let t = 0; t < k; t++) {
      const v = sv[t]!;
      const vv = sv[k + t]!;
      total[t]! += v;
      totalVar[t]! += vv;
      if (v !== 0 || vv !== 0) nonzero = true;
      if (v < 0) negative = true;
    }
    if (negative) this.negativeSamples++;
    const first = samples.locationStart[i]!;
    const last = samples.locationStart[i + 1]!;
    // pprof skips samples whose value is 0; adding zeros would change nothing.
    if (!nonzero || last === first) return;
    this.addFrames(samples.locationIndex, first, last, mark);
    this.tree?.add(samples.locationIndex, first, last, this.sv);
    this.lines?.add(samples.locationIndex, first, last, this.sv);
  }

  /**
   * Adds the sample in `sv` to the cum of every row on its stack (`locationIndex[first .. last)`),
   * once per row, to the flat of its leaf and to the focus totals its rows match. Kept apart from
   * `add` so that V8 compiles it as a small function of typed arrays.
   */
  private addFrames(locationIndex: Uint32Array, first: number, last: number, mark: number): void {
    const k = this.k;
    const width = 2 * k;
    const sv = this.sv;
    const cum = this.cum;
    const seen = this.seen;
    const { code: codeOf, multiStart, multiRows } = this.index;
    const focusCount = this.focusCount;
    const words = this.words;
    const masks = this.masks;
    const sampleMask = this.sampleMask;
    const ownRows = this.ownRows;
    // The deepest own frame: the first own row met leaf first, a location's inlined lines first;
    // ownEntry is its entry in the profile's lines (for its file and line).
    let ownRow = -1;
    let ownEntry = -1;
    // pprof walks root to leaf, lines last to first; the order does not change the sums.
    if (focusCount > 0) sampleMask.fill(0);
    for (let j = first; j < last; j++) {
      const code = codeOf[locationIndex[j]!]!;
      let e = code;
      let stop = code + 1;
      if (code < 0) {
        e = multiStart[~code]!;
        stop = multiStart[~code + 1]!;
      }
      for (; e < stop; e++) {
        const r = code < 0 ? multiRows[e]! : e;
        if (seen[r] === mark) continue;
        seen[r] = mark;
        if (ownRow < 0 && ownRows !== undefined && ownRows[r] === 1) {
          ownRow = r;
          const loc = locationIndex[j]!;
          const { lineStart } = this.tables.locations;
          // A location without lines (its row is the mapping's name) has no file or line.
          ownEntry =
            lineStart[loc] === lineStart[loc + 1] ? -1 : lineStart[loc]! + (code < 0 ? e - multiStart[~code]! : 0);
        }
        const o = r * k;
        for (let c = 0; c < k; c++) cum[o + c]! += sv[c]!;
        if (focusCount > 0) {
          for (let w = 0; w < words; w++) sampleMask[w]! |= masks[r * words + w]!;
        }
      }
    }
    // Flat goes to the leaf frame: location[0].line[0].
    const leafCode = codeOf[locationIndex[first]!]!;
    const leaf = leafCode >= 0 ? leafCode : multiRows[multiStart[~leafCode]!]!;
    const flat = this.flat;
    for (let c = 0, o = leaf * width; c < width; c++) flat[o + c]! += sv[c]!;
    if (ownRow >= 0) this.addOwn(ownRow, leaf, ownEntry);
    if (focusCount > 0) {
      const focus = this.focus;
      for (let p = 0; p < focusCount; p++) {
        if ((sampleMask[Math.floor(p / 31)]! & (1 << (p % 31))) === 0) continue;
        for (let c = 0; c < width; c++) focus[p * width + c]! += sv[c]!;
      }
    }
  }

  /** Adds the sample in `sv` to its own row, to the (own, leaf) pair and to the own frame's line. */
  private addOwn(ownRow: number, leaf: number, entry: number): void {
    const k = this.k;
    const sv = this.sv;
    const ownFlat = this.ownFlat;
    for (let c = 0, o = ownRow * k; c < k; c++) ownFlat[o + c]! += sv[c]!;
    if (leaf !== ownRow) {
      const key = ownRow * this.index.name.length + leaf;
      let pair = this.ownLeaf.get(key);
      if (pair === undefined) {
        pair = new Float64Array(k);
        this.ownLeaf.set(key, pair);
      }
      for (let c = 0; c < k; c++) pair[c]! += sv[c]!;
    }
    if (!this.ownLines || entry < 0) return;
    let id = this.ownLineOf[entry]!;
    if (id < 0) id = this.ownLineOf[entry] = this.ownLineId(ownRow, entry);
    const line = this.ownLineValues[id]!;
    for (let c = 0; c < k; c++) line[c]! += sv[c]!;
  }

  /** The id of the own line of a line entry (its function's row, file and line), made on first use. */
  private ownLineId(ownRow: number, entry: number): number {
    const { lines, function: functions } = this.tables;
    // A file name is untrusted like a function name: cut the same way (name-cap.ts).
    const file = capName(functions[lines.function[entry]!]?.filename ?? '');
    const sep = OWN_LEAF_SEPARATOR;
    const name = `${noSeparator(this.index.name[ownRow]!)}${sep}${noSeparator(file)}${sep}${lines.line[entry]!}`;
    let id = this.ownLine.get(name);
    if (id === undefined) {
      id = this.ownLineValues.length;
      this.ownLine.set(name, id);
      this.ownLineValues.push(new Float64Array(this.k));
    }
    return id;
  }

  /** The own-code attribution of the samples added: only rows and pairs that received a sample. */
  private ownTotals(): OwnTotals {
    const k = this.k;
    const names = this.index.name;
    const rowCount = names.length;
    const flat = column(this.ownFlat, rowCount, k, 0, k);
    const keys = [...this.ownLeaf.keys()];
    const leaves: NamedTotals = {
      name: keys.map((key) => {
        const own = noSeparator(names[Math.floor(key / rowCount)]!);
        return `${own}${OWN_LEAF_SEPARATOR}${noSeparator(names[key % rowCount]!)}`;
      }),
      flat: Array.from({ length: k }, (_, t) => Float64Array.from(keys, (key) => this.ownLeaf.get(key)![t]!)),
    };
    if (!this.ownLines) return { flat, leaves };
    const lineNames = [...this.ownLine.keys()];
    const lines: NamedTotals = {
      name: lineNames,
      flat: Array.from({ length: k }, (_, t) =>
        Float64Array.from(lineNames, (n) => this.ownLineValues[this.ownLine.get(n)!]![t]!),
      ),
    };
    return { flat, leaves, lines };
  }

  /** The summary of the samples added, with the rest of the profile's header. */
  summary(
    profile: ProfileTables & Pick<Profile, 'defaultSampleTypeIndex' | 'timeNanos' | 'comment'>,
    patterns: readonly string[],
  ): ProfileSummary {
    // Once the whole profile has decoded, so a malformed one is a DecodeError whichever way it was
    // summarized; then a CPU or goroutine profile is refused by name.
    checkMemoryProfile(profile.sampleType, profile.periodType);
    checkMeasured(this.negativeSamples, this.sampleCount);
    const k = this.k;
    const width = 2 * k;
    const rowCount = this.index.name.length;
    const { flat, cum, focus, total, totalVar } = this;
    return {
      sampleType: profile.sampleType.map((t) => ({ type: t.type, unit: t.unit })),
      defaultSampleTypeIndex: profile.defaultSampleTypeIndex,
      periodType: profile.periodType === undefined ? undefined : { ...profile.periodType },
      period: profile.period,
      sampleCount: this.sampleCount,
      timeNanos: profile.timeNanos,
      comment: [...profile.comment],
      total: Array.from(total),
      variance: Array.from(totalVar),
      exact: totalVar.every((v) => v === 0),
      functions: {
        name: this.index.name,
        flat: column(flat, rowCount, width, 0, k),
        cum: column(cum, rowCount, k, 0, k),
        flatVariance: column(flat, rowCount, width, k, k),
      },
      focus: patterns.map((pattern, p) => ({
        pattern,
        total: Array.from(focus.subarray(p * width, p * width + k)),
        variance: Array.from(focus.subarray(p * width + k, p * width + width)),
      })),
      ...(this.tree === undefined ? {} : { tree: this.tree.finish() }),
      ...(this.lines === undefined ? {} : { lines: this.lines.finish() }),
      ...(this.index.cutNames > 0 ? { cutNames: this.index.cutNames } : {}),
      ...(this.ownRows === undefined ? {} : { own: this.ownTotals() }),
    };
  }
}

/** A name as a part of a joined key: the separator (a NUL, which no real name holds) replaced. */
function noSeparator(name: string): string {
  return name.includes(OWN_LEAF_SEPARATOR) ? name.replaceAll(OWN_LEAF_SEPARATOR, '\ufffd') : name;
}

/** The rows whose function (name and file) is own code, as a mask. Rows of unnamed frames never are. */
function ownRowMask(tables: ProfileTables, index: RowIndex, own: OwnCodePredicate): Uint8Array {
  const mask = new Uint8Array(index.name.length);
  for (const fn of tables.function) {
    if (fn.name === '') continue;
    const r = index.rowOf.get(capName(fn.name));
    if (r !== undefined && own(fn.name, fn.filename)) mask[r] = 1;
  }
  return mask;
}

/**
 * Summarizes a profile per sample type, the way `go tool pprof -top -nodefraction=0` does at its
 * default granularity (functions, inlined frames expanded):
 * - `total[t]`: the sum of all sample values of type t (samples without locations included);
 * - rows are keyed by function name (see nodeName); two Function entries with one name are one row;
 * - `flat`: the value of each sample goes to the row of its leaf frame, location[0].line[0]
 *   (samples with no location have no flat);
 * - `cum`: the value of each sample goes once to every row on its stack, however many times the
 *   row appears (recursion and repeated inlined frames are counted once);
 * - variances: the sampling variance of the totals, of each flat and of each focus total (see
 *   profile/sampling.ts), 0 when exact;
 * - `focus[i]`: totals of the samples that have at least one frame whose row name matches
 *   `options.focus[i]` (a JavaScript regular expression, unanchored), counted once per sample.
 * A row whose flat and cum are both 0 in a sample type is one pprof would not list for that type.
 * Throws RuleError when a focus pattern does not compile.
 */
export function summarize(profile: Profile, options: SummarizeOptions = {}): ProfileSummary {
  const patterns = options.focus ?? [];
  const own = options.ownCode === undefined ? undefined : compileOwnCode(options.ownCode);
  const tree = options.tree === true;
  return summarizeStored(profile, compileFocus(patterns), patterns, tree, own, options.ownCode?.lines, options.lines);
}

function summarizeStored(
  profile: Profile,
  regexps: readonly RegExp[],
  patterns: readonly string[],
  tree: boolean,
  own: OwnCodePredicate | undefined,
  ownLines = false,
  lines = false,
): ProfileSummary {
  const aggregator = new Aggregator(profile, regexps, tree, own, ownLines, lines);
  for (let i = 0; i < profile.samples.count; i++) aggregator.add(profile.samples, i);
  return aggregator.summary(profile, patterns);
}

/**
 * `summarize(decodeProfile(bytes, options), options)`, without storing the samples: a protobuf
 * profile's samples are added to the sums as they are decoded, so memory holds the file and its
 * tables but no per-sample columns. Same result, same checks, same errors: a DecodeError when the
 * file does not decode (it wins over a bad focus pattern, as it does when decoding comes first),
 * then RuleError when a focus pattern does not compile.
 */
export function summarizeEncoded(bytes: Uint8Array, options: SummarizeOptions & DecodeOptions = {}): ProfileSummary {
  let patterns = options.focus ?? [];
  let regexps: RegExp[] = [];
  let focusError: RuleError | undefined;
  let own: OwnCodePredicate | undefined;
  try {
    regexps = compileFocus(patterns);
    own = options.ownCode === undefined ? undefined : compileOwnCode(options.ownCode);
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    focusError = e;
    patterns = [];
  }
  const summary = readProfile(
    bytes,
    {
      protobuf: (raw) => {
        const decoded = decodeProtobufWith(raw, (tables, samples) => {
          const aggregator = new Aggregator(
            tables,
            regexps,
            options.tree === true,
            own,
            options.ownCode?.lines === true,
            options.lines === true,
          );
          samples.forEach(aggregator);
          return aggregator;
        });
        return decoded.samples.summary(decoded, patterns);
      },
      text: (profile) =>
        summarizeStored(profile, regexps, patterns, options.tree === true, own, options.ownCode?.lines, options.lines),
    },
    options,
  );
  if (focusError !== undefined) throw focusError;
  return summary;
}
