/**
 * Profile → per-line table (`go tool pprof -top -lines`): the flat and cum of every source line,
 * per sample type, with the sampling variance of each flat. Summed in the same pass over the
 * samples as the per-function table (aggregate.ts calls LineAggregator.add beside its own sums).
 *
 * A row is what pprof keys a node by at its "lines" granularity (driver.aggregate keeps function,
 * file and line number, drops addresses and columns; graph.CreateNodes makes one node per line
 * entry of a location, inlined callees included): the function name, its file (cleaned as Go's
 * filepath.Clean does) and the line number.
 */
import type { Mapping, ProfileTables } from './model.js';
import { capName } from './name-cap.js';
import { cleanPath } from './clean-path.js';

/**
 * Per-line totals of one profile. Row `r` is the line `file[r]:line[r]` in the function
 * `function[r]`; for sample type `t`:
 * - `flat[t][r]`: sum of the values of the samples whose leaf (location[0].line[0]) is this row;
 * - `cum[t][r]`: sum of the values of the samples in which this row appears, once per sample;
 * - `flatVariance[t][r]`: the sampling variance of the flat sum (see profile/sampling.ts).
 * `function` is '' for a line whose function has no name but a file or line number, and pprof's
 * stand-in (`[<mapping base name>]`, `<unknown>`) when nothing names the frame; `file` is '' and
 * `line` 0 when the profile does not say. Names and files longer than MAX_NAME_CHARS are cut.
 */
export interface LineTotals {
  readonly function: readonly string[];
  readonly file: readonly string[];
  readonly line: readonly number[];
  readonly flat: readonly Float64Array[];
  readonly cum: readonly Float64Array[];
  readonly flatVariance: readonly Float64Array[];
}

/** One row's identity: what pprof prints for it and what the JSON report holds. */
export interface LineKey {
  readonly function: string;
  readonly file: string;
  readonly line: number;
}

/**
 * The name `pprof -top -lines` prints for a row (graph.NodeInfo.NameComponents without an
 * address): the function, then `file:line` (or the file alone when the line is 0), space-separated.
 */
export function lineName(key: LineKey): string {
  const where = key.line !== 0 ? `${key.file}:${key.line}` : key.file;
  if (key.function === '') return where === '' ? '<unknown>' : where;
  return where === '' ? key.function : `${key.function} ${where}`;
}

/**
 * Rows by function, file and line, without building a string per row: maps nested by function
 * name, then file (strings a profile repeats for every line of a function, hashed once each), then
 * line number.
 */
export class LineKeyMap {
  private readonly byFunction = new Map<string, Map<string, Map<number, number>>>();
  size = 0;

  /** The row of (fn, file, line), or undefined. */
  get(fn: string, file: string, line: number): number | undefined {
    return this.byFunction.get(fn)?.get(file)?.get(line);
  }

  /** The row of (fn, file, line); `next` (then remembered) when there was none. */
  getOrAdd(fn: string, file: string, line: number, next: number): number {
    let files = this.byFunction.get(fn);
    if (files === undefined) this.byFunction.set(fn, (files = new Map<string, Map<number, number>>()));
    let lines = files.get(file);
    if (lines === undefined) files.set(file, (lines = new Map<number, number>()));
    const r = lines.get(line);
    if (r !== undefined) return r;
    lines.set(line, next);
    this.size++;
    return next;
  }
}

/** `[<mapping file base name>]`, or `<unknown>` without a mapping file (pprof's NodeInfo.Objfile). */
function objectName(mapping: Mapping | undefined): string {
  const file = mapping?.filename ?? '';
  if (file === '') return '<unknown>';
  const base = file.replace(/\/+$/, '').split('/').pop() ?? '';
  return `[${base === '' ? file : base}]`;
}

/**
 * The running per-line sums of one profile's samples, for all sample types at once. Built from the
 * profile's tables before any sample is read; `add` is called once per sample with the sample's
 * values and variances laid out as `sv[0 .. k)` and `sv[k .. 2k)`.
 */
export class LineAggregator {
  private readonly k: number;
  private readonly fn: string[] = [];
  private readonly file: string[] = [];
  private readonly line: number[] = [];
  /** Location `l`'s rows are `locRows[locStart[l] .. locStart[l + 1])`, line[0]'s first. */
  private readonly locStart: Int32Array;
  private readonly locRows: Int32Array;
  /** Row-major: a row's k flat values then its k variances. */
  private readonly flat: Float64Array;
  private readonly cum: Float64Array;
  /** The last sample that reached each row: a row's cum grows once per sample. */
  private readonly seen: Int32Array;
  private mark = 0;

  constructor(tables: ProfileTables) {
    this.k = tables.sampleType.length;
    const { locStart, locRows } = this.buildRows(tables);
    this.locStart = locStart;
    this.locRows = locRows;
    const rows = this.fn.length;
    this.flat = new Float64Array(rows * 2 * this.k);
    this.cum = new Float64Array(rows * this.k);
    this.seen = new Int32Array(rows).fill(-1);
  }

  private buildRows(tables: ProfileTables): { locStart: Int32Array; locRows: Int32Array } {
    const rowOf = new LineKeyMap();
    const row = (fn: string, file: string, line: number): number => {
      const r = rowOf.getOrAdd(fn, file, line, this.fn.length);
      if (r === this.fn.length) {
        this.fn.push(fn);
        this.file.push(file);
        this.line.push(line);
      }
      return r;
    };
    // Each function's capped name and cleaned, capped file, once.
    const functions = tables.function;
    const names = functions.map((f) => capName(f.name));
    const files = functions.map((f) => (f.filename === '' ? '' : capName(cleanPath(f.filename))));
    const { count, lineStart, mapping } = tables.locations;
    const lineFunction = tables.lines.function;
    const lineNumber = tables.lines.line;
    const locStart = new Int32Array(count + 1);
    const locRows: number[] = [];
    for (let l = 0; l < count; l++) {
      const first = lineStart[l]!;
      const last = lineStart[l + 1]!;
      const m = mapping[l]!;
      const object = (): string => objectName(m < 0 ? undefined : tables.mapping[m]);
      // An unsymbolized location is one node named after its mapping (CreateNodes' empty line).
      if (last === first) locRows.push(row(object(), '', 0));
      for (let j = first; j < last; j++) {
        const f = lineFunction[j]!;
        if (f < 0) {
          locRows.push(row(object(), '', 0));
          continue;
        }
        const n = lineNumber[j]!;
        // A function without a name is known by its file and line, else by its mapping.
        if (names[f] === '' && files[f] === '' && n === 0) locRows.push(row(object(), '', 0));
        else locRows.push(row(names[f]!, files[f]!, n));
      }
      locStart[l + 1] = locRows.length;
    }
    return { locStart, locRows: Int32Array.from(locRows) };
  }

  /**
   * Adds one sample (its stack `locationIndex[first .. last)`, leaf first, non-empty; its values
   * and variances in `sv`) to the cum of every row on the stack, once per row, and to the flat of
   * its leaf line.
   */
  add(locationIndex: Uint32Array, first: number, last: number, sv: Float64Array): void {
    const k = this.k;
    const { locStart, locRows, cum, seen } = this;
    const mark = this.mark++;
    for (let j = first; j < last; j++) {
      const l = locationIndex[j]!;
      for (let e = locStart[l]!, stop = locStart[l + 1]!; e < stop; e++) {
        const r = locRows[e]!;
        if (seen[r] === mark) continue;
        seen[r] = mark;
        for (let c = 0, o = r * k; c < k; c++) cum[o + c]! += sv[c]!;
      }
    }
    const leaf = locRows[locStart[locationIndex[first]!]!]!;
    const width = 2 * k;
    const flat = this.flat;
    for (let c = 0, o = leaf * width; c < width; c++) flat[o + c]! += sv[c]!;
  }

  /** The totals of the samples added, one column per sample type. */
  finish(): LineTotals {
    const k = this.k;
    const rows = this.fn.length;
    const columns = (data: Float64Array, width: number, offset: number): Float64Array[] =>
      Array.from({ length: k }, (_, t) => {
        const col = new Float64Array(rows);
        for (let r = 0; r < rows; r++) col[r] = data[r * width + offset + t]!;
        return col;
      });
    return {
      function: this.fn,
      file: this.file,
      line: this.line,
      flat: columns(this.flat, 2 * k, 0),
      cum: columns(this.cum, k, 0),
      flatVariance: columns(this.flat, 2 * k, k),
    };
  }
}
