import { DecodeError } from '../../errors.js';
import type { Function, Lines, Locations, Mapping, ValueType } from '../model.js';
import { IdIndex } from './id-index.js';
import { LocationColumnsBuilder } from './location-columns.js';
import type { Spans } from './scan.js';
import type { StringTable } from './strings.js';
import { fieldName, WireReader, WireType, wrongWireType } from './wire-reader.js';

/**
 * Second pass over the small repeated messages (value types, mappings, functions, locations):
 * decode each, resolve its string indices and ids, and apply pprof's CheckValid rules for them
 * (no id 0, no duplicate ids, no reference to an id that is not in its table).
 */

function expectVarint(wt: number, context: string, field: number, keyAt: number): void {
  if (wt !== WireType.varint) throw wrongWireType(fieldName(context, field), wt, '0 (varint)', keyAt);
}

/** Decodes a ValueType message (sample_type entries, period_type). */
export function decodeValueType(
  r: WireReader,
  start: number,
  end: number,
  strings: StringTable,
  what: string,
): ValueType {
  r.pos = start;
  r.end = end;
  let type = 0;
  let unit = 0;
  while (r.pos < r.end) {
    const keyAt = r.pos;
    const key = r.key();
    const field = key >>> 3;
    const wt = key & 7;
    if (field === 1 || field === 2) {
      expectVarint(wt, what, field, keyAt);
      if (field === 1) type = r.index();
      else unit = r.index();
    } else {
      r.skip(wt, what, field);
    }
  }
  return { type: strings.get(type, `${what} type`), unit: strings.get(unit, `${what} unit`) };
}

/** Decodes all Mapping messages; returns them in wire order with their positions by id. */
export function decodeMappings(
  bytes: Uint8Array,
  spans: Spans,
  strings: StringTable,
): { list: Mapping[]; byId: IdIndex } {
  const r = new WireReader(bytes);
  const list: Mapping[] = [];
  const byId = new IdIndex('mapping', spans.count + 1);
  for (let i = 0; i < spans.count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    let id: number | bigint = 0;
    let memoryStart = 0n;
    let memoryLimit = 0n;
    let fileOffset = 0n;
    let filename = 0;
    let buildId = 0;
    const flags = [false, false, false, false];
    while (r.pos < r.end) {
      const keyAt = r.pos;
      const key = r.key();
      const field = key >>> 3;
      const wt = key & 7;
      if (field >= 1 && field <= 10) expectVarint(wt, 'mapping', field, keyAt);
      switch (field) {
        case 1:
          id = r.id();
          break;
        case 2:
          memoryStart = r.uint64();
          break;
        case 3:
          memoryLimit = r.uint64();
          break;
        case 4:
          fileOffset = r.uint64();
          break;
        case 5:
          filename = r.index();
          break;
        case 6:
          buildId = r.index();
          break;
        case 7:
        case 8:
        case 9:
        case 10:
          flags[field - 7] = r.varint() !== 0;
          break;
        default:
          r.skip(wt, 'mapping', field);
      }
    }
    const m: Mapping = {
      id,
      memoryStart,
      memoryLimit,
      fileOffset,
      filename: strings.get(filename, 'mapping', id, 'filename'),
      buildId: strings.get(buildId, 'mapping', id, 'build_id'),
      hasFunctions: flags[0]!,
      hasFilenames: flags[1]!,
      hasLineNumbers: flags[2]!,
      hasInlineFrames: flags[3]!,
    };
    byId.add(id, list.length);
    list.push(m);
  }
  return { list, byId };
}

/** Decodes all Function messages; returns them in wire order with their positions by id. */
export function decodeFunctions(
  bytes: Uint8Array,
  spans: Spans,
  strings: StringTable,
): { list: Function[]; byId: IdIndex } {
  const r = new WireReader(bytes);
  const list: Function[] = [];
  const byId = new IdIndex('function', spans.count + 1);
  for (let i = 0; i < spans.count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    let id: number | bigint = 0;
    let name = 0;
    let systemName = 0;
    let filename = 0;
    let startLine = 0;
    while (r.pos < r.end) {
      const keyAt = r.pos;
      const key = r.key();
      const field = key >>> 3;
      const wt = key & 7;
      if (field >= 1 && field <= 5) expectVarint(wt, 'function', field, keyAt);
      switch (field) {
        case 1:
          id = r.id();
          break;
        case 2:
          name = r.index();
          break;
        case 3:
          systemName = r.index();
          break;
        case 4:
          filename = r.index();
          break;
        case 5:
          startLine = r.int64('function start_line');
          break;
        default:
          r.skip(wt, 'function', field);
      }
    }
    const f: Function = {
      id,
      name: strings.get(name, 'function', id, 'name'),
      systemName: strings.get(systemName, 'function', id, 'system_name'),
      filename: strings.get(filename, 'function', id, 'filename'),
      startLine,
    };
    byId.add(id, list.length);
    list.push(f);
  }
  return { list, byId };
}

/**
 * Decodes all Location messages into the `Locations` and `Lines` columns, resolving mapping_id and
 * each line's function_id to positions. A mapping_id or function_id of 0 means "none" (-1 in the
 * columns); any other id must exist. Returns the locations' positions by id for the samples.
 */
export function decodeLocations(
  bytes: Uint8Array,
  spans: Spans,
  mappings: IdIndex,
  functions: IdIndex,
): { locations: Locations; lines: Lines; byId: IdIndex } {
  const r = new WireReader(bytes);
  const lineReader = new WireReader(bytes);
  const columns = new LocationColumnsBuilder(spans.count);
  const byId = new IdIndex('location', spans.count + 1);
  for (let i = 0; i < spans.count; i++) {
    byId.add(decodeLocation(r, lineReader, spans.start(i), spans.end(i), mappings, functions, columns), i);
  }
  return { ...columns.finish(), byId };
}

/**
 * One Location message, appended to `columns`; returns its id. A small function of its own, so
 * the JIT optimizes it early.
 */
function decodeLocation(
  r: WireReader,
  lineReader: WireReader,
  start: number,
  end: number,
  mappings: IdIndex,
  functions: IdIndex,
  columns: LocationColumnsBuilder,
): number | bigint {
  r.pos = start;
  r.end = end;
  let id: number | bigint = 0;
  let idLo = 0;
  let idHi = 0;
  let mappingId: number | bigint = 0;
  let addressLo = 0;
  let addressHi = 0;
  let isFolded = false;
  try {
    while (r.pos < r.end) {
      const keyAt = r.pos;
      const key = r.key();
      const field = key >>> 3;
      const wt = key & 7;
      if (field === 4) {
        if (wt !== WireType.bytes) throw wrongWireType('location field 4', wt, '2 (length-delimited)', keyAt);
        const lineEnd = r.bytesEnd('location', 4);
        decodeLine(lineReader, r.pos, lineEnd, functions, columns);
        r.pos = lineEnd;
        continue;
      }
      if (field >= 1 && field <= 5) expectVarint(wt, 'location', field, keyAt);
      switch (field) {
        case 1: {
          const v = r.varint();
          id = r.exactId(v);
          idLo = r.low32(v);
          idHi = r.high32(v);
          break;
        }
        case 2:
          mappingId = r.id();
          break;
        case 3: {
          const v = r.varint();
          addressLo = r.low32(v);
          addressHi = r.high32(v);
          break;
        }
        case 5:
          isFolded = r.varint() !== 0;
          break;
        default:
          r.skip(wt, 'location', field);
      }
    }
  } catch (e) {
    if (e instanceof UnknownFunction) throw new DecodeError(`location ${id}: unknown function id ${e.functionId}`);
    throw e;
  }
  let mapping = -1;
  if (mappingId !== 0) {
    mapping = mappings.get(mappingId);
    if (mapping < 0) throw new DecodeError(`location ${id}: unknown mapping id ${mappingId}`);
  }
  columns.endLocation(idLo, idHi, mapping, addressLo, addressHi, isFolded);
  return id;
}

/** A line's function_id that is not in the function table; the location turns it into a DecodeError with its id. */
class UnknownFunction extends Error {
  constructor(readonly functionId: number | bigint) {
    super(`unknown function id ${functionId}`);
  }
}

function decodeLine(
  r: WireReader,
  start: number,
  end: number,
  functions: IdIndex,
  columns: LocationColumnsBuilder,
): void {
  r.pos = start;
  r.end = end;
  let functionId: number | bigint = 0;
  let line = 0;
  let column = 0;
  while (r.pos < r.end) {
    const keyAt = r.pos;
    const key = r.key();
    const field = key >>> 3;
    const wt = key & 7;
    if (field >= 1 && field <= 3) expectVarint(wt, 'line', field, keyAt);
    switch (field) {
      case 1:
        functionId = r.id();
        break;
      case 2:
        line = r.int64('line number');
        break;
      case 3:
        column = r.int64('column');
        break;
      default:
        r.skip(wt, 'line', field);
    }
  }
  let fn = -1;
  if (functionId !== 0) {
    fn = functions.get(functionId);
    if (fn < 0) throw new UnknownFunction(functionId);
  }
  columns.addLine(fn, line, column);
}
