import type { Mapping } from '../model.js';

/**
 * The memory map at the end of a legacy text profile (after `MAPPED_LIBRARIES:` or
 * `--- Memory map: ---`), read the way pprof's profile/legacy_profile.go does
 * (ParseMemoryMapFromScanner: parseProcMapsFromScanner, massageMappings, remapMappingIDs).
 */

const MASK64 = (1n << 64n) - 1n;

// pprof's regular expressions, spelled for JavaScript. Go's \s and \S are ASCII-only (JavaScript's
// also take Unicode spaces), so they are written out. Both engines pick the leftmost-first match,
// so the groups capture the same text.
const S = '[\\t\\n\\f\\r ]';
const NS = '[^\\t\\n\\f\\r ]';
const X = '[0-9A-Fa-f]';
const cHex = `(?:0x)?(${X}+)`;
const cHexRange = `${S}*${cHex}(?:${S}|-)?${S}*${cHex}:?`;
const cSpaceString = `(?:${S}+(${NS}+))?`;
const cSpaceHex = `(?:${S}+(${X}+))?`;
const cSpaceAtOffset = `(?:${S}+\\(@(${X}+)\\))?`;
const cPerm = `(?:${S}+([-rwxp]+))?`;
const procMapsRE = new RegExp(`^${cHexRange}${cPerm}${cSpaceHex}${S}+${X}+:${X}+${S}+[0-9]+${cSpaceString}`);
const briefMapsRE = new RegExp(`^${cHexRange}${cPerm}${cSpaceString}${cSpaceAtOffset}${cSpaceHex}`);
const logInfoRE = new RegExp(`^[^\\[\\]]+:[0-9]+\\]${S}`);
const libRx = /([.]so$|[.]so[._][0-9]+)/;

/** One entry of the memory map, mutable while pprof's heuristics may still move its bounds. */
export interface MemoryMapEntry {
  start: bigint;
  limit: bigint;
  offset: bigint;
  file: string;
  buildId: string;
}

/**
 * The executable mappings listed by `lines` (the lines after the sentinel), in pprof's final order:
 * /proc/self/maps lines (`start-limit perms offset dev inode file`) and pprof's brief form
 * (`start-limit [perms] file [(@offset)] [buildid]`); glog prefixes (`file.cc:12] `) are removed,
 * `name=value` lines define `$name` for the lines after them, other lines are ignored, and entries
 * whose permissions lack `x` are skipped. Adjacent pieces of one file are merged and the entry
 * that looks like the main binary (not a shared library, not `[...]`) is moved first.
 */
export function parseMemoryMap(lines: readonly string[]): MemoryMapEntry[] {
  const drafts: MemoryMapEntry[] = [];
  const attrs: [string, string][] = [];
  for (const raw of lines) {
    const line = replaceAttrs(removeLoggingInfo(raw.endsWith('\r') ? raw.slice(0, -1) : raw), attrs);
    const m = parseMappingEntry(line);
    if (m === 'unrecognized') {
      const eq = line.indexOf('=');
      if (eq >= 0) attrs.push([`$${line.slice(0, eq).trim()}`, line.slice(eq + 1).trim()]);
      continue;
    }
    if (m !== undefined) drafts.push(m);
  }
  return massage(drafts);
}

function removeLoggingInfo(line: string): string {
  const m = logInfoRE.exec(line);
  return m === null ? line : line.slice(m[0].length);
}

/** Go's strings.Replacer over (old, new) pairs: left to right, at each position the earliest-defined match. */
function replaceAttrs(line: string, attrs: readonly [string, string][]): string {
  if (attrs.length === 0) return line;
  let out = '';
  for (let i = 0; i < line.length;) {
    const hit = attrs.find(([old]) => line.startsWith(old, i));
    if (hit === undefined) out += line[i++];
    else {
      out += hit[1];
      i += hit[0].length;
    }
  }
  return out;
}

function parseHex64(text: string): bigint | undefined {
  const v = BigInt(`0x${text}`);
  return v > MASK64 ? undefined : v;
}

/** pprof's parseMappingEntry: a MemoryMapEntry, undefined for a non-executable entry, or 'unrecognized'. */
function parseMappingEntry(line: string): MemoryMapEntry | undefined | 'unrecognized' {
  let start: string, end: string, perm: string, file: string, offset: string;
  let buildId = '';
  const p = procMapsRE.exec(line);
  if (p !== null) {
    [start, end, perm, offset, file] = [p[1]!, p[2]!, p[3] ?? '', p[4] ?? '', p[5] ?? ''];
  } else {
    const b = briefMapsRE.exec(line);
    if (b === null) return 'unrecognized';
    [start, end, perm, file, offset, buildId] = [b[1]!, b[2]!, b[3] ?? '', b[4] ?? '', b[5] ?? '', b[6] ?? ''];
  }
  if (perm !== '' && !perm.includes('x')) return undefined;
  const s = parseHex64(start);
  const l = parseHex64(end);
  const o = offset === '' ? 0n : parseHex64(offset);
  if (s === undefined || l === undefined || o === undefined) return 'unrecognized';
  return { start: s, limit: l, offset: o, file, buildId };
}

/** pprof's massageMappings: merge split pieces of one file, then move the main binary first. */
function massage(drafts: MemoryMapEntry[]): MemoryMapEntry[] {
  const merged: MemoryMapEntry[] = [];
  for (const m of drafts) {
    const last = merged[merged.length - 1];
    if (last !== undefined && adjacent(last, m)) {
      last.limit = m.limit;
      if (m.file !== '') last.file = m.file;
      if (m.buildId !== '') last.buildId = m.buildId;
    } else merged.push(m);
  }
  const main = merged.findIndex((m) => {
    const file = m.file.replaceAll('(deleted)', '').trim();
    return file !== '' && !libRx.test(file) && file[0] !== '[';
  });
  if (main > 0) [merged[0], merged[main]] = [merged[main]!, merged[0]!];
  return merged;
}

function adjacent(m1: MemoryMapEntry, m2: MemoryMapEntry): boolean {
  if (m1.file !== '' && m2.file !== '' && m1.file !== m2.file) return false;
  if (m1.buildId !== '' && m2.buildId !== '' && m1.buildId !== m2.buildId) return false;
  if (m1.limit !== m2.start) return false;
  if (m1.offset !== 0n && m2.offset !== 0n && ((m1.offset + m1.limit - m1.start) & MASK64) !== m2.offset) return false;
  return true;
}

/**
 * pprof's remapMappingIDs: gives each address (in order of first appearance) the first mapping
 * whose [memoryStart, memoryLimit) holds it, after pprof's fixes for mis-reported main binaries:
 * a leading `/anon_hugepage` entry directly followed by another is dropped; a first mapping whose
 * start minus offset is 0x400000 gets start 0x400000 and offset 0; an address just below a mapping
 * with a non-zero offset (within the offset) extends that mapping down by its offset, offset 0,
 * unless an earlier address already fell outside every mapping. Address 0 and addresses outside
 * every mapping get none (pprof gives them a placeholder mapping with no file, which names frames
 * no differently). Mapping ids are 1..n in the final order. `of[i]` is the position in `mapping`
 * of the mapping of `addresses[i]`, -1 for none.
 */
export function assignMappings(
  drafts: MemoryMapEntry[],
  addresses: readonly bigint[],
): { mapping: Mapping[]; of: number[] } {
  let list = drafts;
  if (list.length > 1 && list[0]!.file.startsWith('/anon_hugepage') && list[0]!.limit === list[1]!.start)
    list = list.slice(1);
  const first = list[0];
  if (first !== undefined && ((first.start - first.offset) & MASK64) === 0x400000n) {
    first.start = 0x400000n;
    first.offset = 0n;
  }
  // pprof appends its placeholder mapping [0, 2^64-1) to the list the first time an address falls
  // outside every mapping; from then on it holds all such addresses before the workaround below
  // is tried.
  let placeholder = false;
  const owner = addresses.map((a): number => {
    if (a === 0n) return -1;
    const inside = list.findIndex((m) => m.start <= a && a < m.limit);
    if (inside >= 0) return inside;
    if (placeholder && a < MASK64) return -1;
    // pprof's workaround for legacy writers that leave out the first piece of a split mapping.
    const below = list.findIndex((m) => m.offset !== 0n && ((m.start - m.offset) & MASK64) <= a && a < m.start);
    if (below >= 0) {
      const m = list[below]!;
      m.start = (m.start - m.offset) & MASK64;
      m.offset = 0n;
    } else placeholder = true;
    return below;
  });
  const mapping: Mapping[] = list.map((m, i) => ({
    id: i + 1,
    memoryStart: m.start,
    memoryLimit: m.limit,
    fileOffset: m.offset,
    filename: m.file,
    buildId: m.buildId,
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
  }));
  return { mapping, of: owner };
}
