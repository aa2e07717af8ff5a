import { DecodeError } from '../errors.js';
import type { Function, Line, Location, Mapping, ValueType } from '../model.js';
import { IdIndex } from './id-index.js';
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
export function decodeValueType(r: WireReader, start: number, end: number, strings: StringTable, what: string): ValueType {
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

/** Decodes all Mapping messages; returns them in wire order with an index by id. */
export function decodeMappings(bytes: Uint8Array, spans: Spans, strings: StringTable): { list: Mapping[]; byId: IdIndex<Mapping> } {
  const r = new WireReader(bytes);
  const list: Mapping[] = [];
  const byId = new IdIndex<Mapping>('mapping', spans.count + 1);
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
    byId.add(id, m);
    list.push(m);
  }
  return { list, byId };
}

/** Decodes all Function messages; returns them in wire order with an index by id. */
export function decodeFunctions(bytes: Uint8Array, spans: Spans, strings: StringTable): { list: Function[]; byId: IdIndex<Function> } {
  const r = new WireReader(bytes);
  const list: Function[] = [];
  const byId = new IdIndex<Function>('function', spans.count + 1);
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
    byId.add(id, f);
    list.push(f);
  }
  return { list, byId };
}

/**
 * Decodes all Location messages, resolving mapping_id and each line's function_id. A mapping_id
 * or function_id of 0 means "none" (undefined in the model); any other id must exist.
 */
export function decodeLocations(
  bytes: Uint8Array,
  spans: Spans,
  mappings: IdIndex<Mapping>,
  functions: IdIndex<Function>,
): { list: Location[]; byId: IdIndex<Location> } {
  const r = new WireReader(bytes);
  const lineReader = new WireReader(bytes);
  const list: Location[] = [];
  const byId = new IdIndex<Location>('location', spans.count + 1);
  for (let i = 0; i < spans.count; i++) {
    const loc = decodeLocation(r, lineReader, spans.start(i), spans.end(i), mappings, functions);
    byId.add(loc.id, loc);
    list.push(loc);
  }
  return { list, byId };
}

/** One Location message; a small function of its own, so the JIT optimizes it early. */
function decodeLocation(
  r: WireReader,
  lineReader: WireReader,
  start: number,
  end: number,
  mappings: IdIndex<Mapping>,
  functions: IdIndex<Function>,
): Location {
  r.pos = start;
  r.end = end;
  let id: number | bigint = 0;
  let mappingId: number | bigint = 0;
  let address = 0n;
  let isFolded = false;
  const line: Line[] = [];
  try {
    while (r.pos < r.end) {
      const keyAt = r.pos;
      const key = r.key();
      const field = key >>> 3;
      const wt = key & 7;
      if (field === 4) {
        if (wt !== WireType.bytes) throw wrongWireType('location field 4', wt, '2 (length-delimited)', keyAt);
        const lineEnd = r.bytesEnd('location', 4);
        line.push(decodeLine(lineReader, r.pos, lineEnd, functions));
        r.pos = lineEnd;
        continue;
      }
      if (field >= 1 && field <= 5) expectVarint(wt, 'location', field, keyAt);
      switch (field) {
        case 1:
          id = r.id();
          break;
        case 2:
          mappingId = r.id();
          break;
        case 3:
          address = r.uint64();
          break;
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
  let mapping: Mapping | undefined;
  if (mappingId !== 0) {
    mapping = mappings.get(mappingId);
    if (mapping === undefined) throw new DecodeError(`location ${id}: unknown mapping id ${mappingId}`);
  }
  return { id, mapping, address, line, isFolded };
}

/** A line's function_id that is not in the function table; the location turns it into a DecodeError with its id. */
class UnknownFunction {
  constructor(readonly functionId: number | bigint) {}
}

function decodeLine(r: WireReader, start: number, end: number, functions: IdIndex<Function>): Line {
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
  let fn: Function | undefined;
  if (functionId !== 0) {
    fn = functions.get(functionId);
    if (fn === undefined) throw new UnknownFunction(functionId);
  }
  return { function: fn, line, column };
}
