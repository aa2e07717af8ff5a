import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  firstLine
} from "./chunk-TQ4GEVIF.js";
import {
  SampleVariance,
  V8_HEAP_PROF_COMMENT,
  bytesLabel,
  capName,
  formatValueType,
  missFactor,
  sameValueType
} from "./chunk-KQKQYG5A.js";
import {
  DecodeError,
  ExitCode,
  HeapgateError,
  IncompatibleProfilesError,
  RuleError,
  StoreError,
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/core/profile/decode/decode-profile.ts
import { constants as zlibConstants, gunzipSync } from "node:zlib";

// src/core/profile/decode/legacy-memory-map.ts
var MASK64 = (1n << 64n) - 1n;
var S = "[\\t\\n\\f\\r ]";
var NS = "[^\\t\\n\\f\\r ]";
var X = "[0-9A-Fa-f]";
var cHex = `(?:0x)?(${X}+)`;
var cHexRange = `${S}*${cHex}(?:${S}|-)?${S}*${cHex}:?`;
var cSpaceString = `(?:${S}+(${NS}+))?`;
var cSpaceHex = `(?:${S}+(${X}+))?`;
var cSpaceAtOffset = `(?:${S}+\\(@(${X}+)\\))?`;
var cPerm = `(?:${S}+([-rwxp]+))?`;
var procMapsRE = new RegExp(`^${cHexRange}${cPerm}${cSpaceHex}${S}+${X}+:${X}+${S}+[0-9]+${cSpaceString}`);
var briefMapsRE = new RegExp(`^${cHexRange}${cPerm}${cSpaceString}${cSpaceAtOffset}${cSpaceHex}`);
var logInfoRE = new RegExp(`^[^\\[\\]]+:[0-9]+\\]${S}`);
var libRx = /([.]so$|[.]so[._][0-9]+)/;
function parseMemoryMap(lines) {
  const drafts = [];
  const attrs = [];
  for (const raw of lines) {
    const line = replaceAttrs(removeLoggingInfo(raw.endsWith("\r") ? raw.slice(0, -1) : raw), attrs);
    const m = parseMappingEntry(line);
    if (m === "unrecognized") {
      const eq = line.indexOf("=");
      if (eq >= 0) attrs.push([`$${line.slice(0, eq).trim()}`, line.slice(eq + 1).trim()]);
      continue;
    }
    if (m !== void 0) drafts.push(m);
  }
  return massage(drafts);
}
function removeLoggingInfo(line) {
  const m = logInfoRE.exec(line);
  return m === null ? line : line.slice(m[0].length);
}
function replaceAttrs(line, attrs) {
  if (attrs.length === 0) return line;
  let out = "";
  for (let i = 0; i < line.length; ) {
    const hit = attrs.find(([old]) => line.startsWith(old, i));
    if (hit === void 0) out += line[i++];
    else {
      out += hit[1];
      i += hit[0].length;
    }
  }
  return out;
}
function parseHex64(text) {
  const v = BigInt(`0x${text}`);
  return v > MASK64 ? void 0 : v;
}
function parseMappingEntry(line) {
  let start, end, perm, file, offset;
  let buildId = "";
  const p = procMapsRE.exec(line);
  if (p !== null) {
    [start, end, perm, offset, file] = [p[1], p[2], p[3] ?? "", p[4] ?? "", p[5] ?? ""];
  } else {
    const b = briefMapsRE.exec(line);
    if (b === null) return "unrecognized";
    [start, end, perm, file, offset, buildId] = [b[1], b[2], b[3] ?? "", b[4] ?? "", b[5] ?? "", b[6] ?? ""];
  }
  if (perm !== "" && !perm.includes("x")) return void 0;
  const s = parseHex64(start);
  const l = parseHex64(end);
  const o = offset === "" ? 0n : parseHex64(offset);
  if (s === void 0 || l === void 0 || o === void 0) return "unrecognized";
  return { start: s, limit: l, offset: o, file, buildId };
}
function massage(drafts) {
  const merged = [];
  for (const m of drafts) {
    const last = merged[merged.length - 1];
    if (last !== void 0 && adjacent(last, m)) {
      last.limit = m.limit;
      if (m.file !== "") last.file = m.file;
      if (m.buildId !== "") last.buildId = m.buildId;
    } else merged.push(m);
  }
  const main = merged.findIndex((m) => {
    const file = m.file.replaceAll("(deleted)", "").trim();
    return file !== "" && !libRx.test(file) && file[0] !== "[";
  });
  if (main > 0) [merged[0], merged[main]] = [merged[main], merged[0]];
  return merged;
}
function adjacent(m1, m2) {
  if (m1.file !== "" && m2.file !== "" && m1.file !== m2.file) return false;
  if (m1.buildId !== "" && m2.buildId !== "" && m1.buildId !== m2.buildId) return false;
  if (m1.limit !== m2.start) return false;
  if (m1.offset !== 0n && m2.offset !== 0n && (m1.offset + m1.limit - m1.start & MASK64) !== m2.offset) return false;
  return true;
}
function assignMappings(drafts, addresses) {
  let list = drafts;
  if (list.length > 1 && list[0].file.startsWith("/anon_hugepage") && list[0].limit === list[1].start)
    list = list.slice(1);
  const first = list[0];
  if (first !== void 0 && (first.start - first.offset & MASK64) === 0x400000n) {
    first.start = 0x400000n;
    first.offset = 0n;
  }
  let placeholder = false;
  const owner = addresses.map((a) => {
    if (a === 0n) return -1;
    const inside = list.findIndex((m) => m.start <= a && a < m.limit);
    if (inside >= 0) return inside;
    if (placeholder && a < MASK64) return -1;
    const below = list.findIndex((m) => m.offset !== 0n && (m.start - m.offset & MASK64) <= a && a < m.start);
    if (below >= 0) {
      const m = list[below];
      m.start = m.start - m.offset & MASK64;
      m.offset = 0n;
    } else placeholder = true;
    return below;
  });
  const mapping = list.map((m, i) => ({
    id: i + 1,
    memoryStart: m.start,
    memoryLimit: m.limit,
    fileOffset: m.offset,
    filename: m.file,
    buildId: m.buildId,
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false
  }));
  return { mapping, of: owner };
}

// src/core/profile/decode/location-columns.ts
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
var LO = LITTLE_ENDIAN ? 0 : 1;
var HI = 1 - LO;
var LocationColumnsBuilder = class {
  count = 0;
  id;
  idWords;
  mapping;
  address;
  addressWords;
  isFolded;
  lineStart;
  lineCount = 0;
  lineFunction;
  lineLine;
  lineColumn;
  /** `capacity`: the number of locations (exact); lines grow as needed. */
  constructor(capacity) {
    this.id = new BigUint64Array(capacity);
    this.idWords = new Uint32Array(this.id.buffer);
    this.mapping = new Int32Array(capacity);
    this.address = new BigUint64Array(capacity);
    this.addressWords = new Uint32Array(this.address.buffer);
    this.isFolded = new Uint8Array(capacity);
    this.lineStart = new Uint32Array(capacity + 1);
    const lineCapacity = capacity + (capacity >> 2) + 16;
    this.lineFunction = new Int32Array(lineCapacity);
    this.lineLine = new Float64Array(lineCapacity);
    this.lineColumn = new Float64Array(lineCapacity);
  }
  /** Appends a line to the location being built. `fn`: position in Profile.function, or -1. */
  addLine(fn, line, column2) {
    const j = this.lineCount;
    if (j === this.lineFunction.length) this.growLines();
    this.lineFunction[j] = fn;
    this.lineLine[j] = line;
    this.lineColumn[j] = column2;
    this.lineCount = j + 1;
  }
  /**
   * Closes the location being built with the lines added since the previous one. Id and address
   * are given as unsigned 32-bit halves; `mapping` is a position in Profile.mapping, or -1.
   */
  endLocation(idLo, idHi, mapping, addressLo, addressHi, isFolded) {
    const l = this.count;
    this.idWords[2 * l + LO] = idLo;
    this.idWords[2 * l + HI] = idHi;
    this.mapping[l] = mapping;
    this.addressWords[2 * l + LO] = addressLo;
    this.addressWords[2 * l + HI] = addressHi;
    this.isFolded[l] = isFolded ? 1 : 0;
    this.lineStart[l + 1] = this.lineCount;
    this.count = l + 1;
  }
  /** The columns; call once, after the last location. */
  finish() {
    const n = this.count;
    const m = this.lineCount;
    const cut = (a, length) => a.length === length ? a : a.slice(0, length);
    return {
      locations: {
        count: n,
        id: cut(this.id, n),
        mapping: cut(this.mapping, n),
        address: cut(this.address, n),
        isFolded: cut(this.isFolded, n),
        lineStart: cut(this.lineStart, n + 1)
      },
      lines: {
        count: m,
        function: cut(this.lineFunction, m),
        line: cut(this.lineLine, m),
        column: cut(this.lineColumn, m)
      }
    };
  }
  growLines() {
    const capacity = this.lineFunction.length * 2;
    const fn = new Int32Array(capacity);
    fn.set(this.lineFunction);
    const line = new Float64Array(capacity);
    line.set(this.lineLine);
    const column2 = new Float64Array(capacity);
    column2.set(this.lineColumn);
    this.lineFunction = fn;
    this.lineLine = line;
    this.lineColumn = column2;
  }
};
function halves(v) {
  return [Number(v & 0xffffffffn), Number(v >> 32n & 0xffffffffn)];
}

// src/core/profile/decode/legacy-heap.ts
function parseLegacyHeapProfile(text) {
  const lines = text.split("\n");
  const header = parseHeader(stripCR(lines[0] ?? ""));
  const sampleType = header.hasAlloc ? [
    { type: "alloc_objects", unit: "count" },
    { type: "alloc_space", unit: "bytes" },
    { type: "inuse_objects", unit: "count" },
    { type: "inuse_space", unit: "bytes" }
  ] : [
    { type: "objects", unit: "count" },
    { type: "space", unit: "bytes" }
  ];
  const b = new LegacyBuilder();
  let memoryMap = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      b.frameLine(line);
      continue;
    }
    if (MEMORY_MAP_SENTINELS.some((s2) => line.includes(s2))) {
      memoryMap = parseMemoryMap(lines.slice(n + 1));
      break;
    }
    const s = parseSample(line, n + 1, header);
    b.sample(s.value, s.blocksize, s.addrs);
  }
  return b.build(sampleType, header.period, memoryMap);
}
var heapHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap[_a-z0-9]*)\/?(\d*)/;
var growthHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] @ growthz?/;
var fragmentationHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] @ fragmentationz?/;
var heapSampleRE = /(-?\d+): *(-?\d+) *\[ *(\d+): *(\d+) *] @([ x0-9a-f]*)/;
var hexNumberRE = /0x[0-9a-f]+/g;
var MEMORY_MAP_SENTINELS = ["--- Memory map: ---", "MAPPED_LIBRARIES:"];
var MASK642 = (1n << 64n) - 1n;
var ALLOC_DROP_FRAMES = [
  "calloc",
  "cfree",
  "malloc",
  "free",
  "memalign",
  "do_memalign",
  "(__)?posix_memalign",
  "pvalloc",
  "valloc",
  "realloc",
  "tcmalloc::.*",
  "tc_calloc",
  "tc_cfree",
  "tc_malloc",
  "tc_free",
  "tc_memalign",
  "tc_posix_memalign",
  "tc_pvalloc",
  "tc_valloc",
  "tc_realloc",
  "tc_new",
  "tc_delete",
  "tc_newarray",
  "tc_deletearray",
  "tc_new_nothrow",
  "tc_newarray_nothrow",
  "malloc_zone_malloc",
  "malloc_zone_calloc",
  "malloc_zone_valloc",
  "malloc_zone_realloc",
  "malloc_zone_memalign",
  "malloc_zone_free",
  "runtime\\..*",
  "BaseArena::.*",
  "(::)?do_malloc_no_errno",
  "(::)?do_malloc_pages",
  "(::)?do_malloc",
  "DoSampledAllocation",
  "MallocedMemBlock::MallocedMemBlock",
  "_M_allocate",
  "__builtin_(vec_)?delete",
  "__builtin_(vec_)?new",
  "__gnu_cxx::new_allocator::allocate",
  "__libc_malloc",
  "__malloc_alloc_template::allocate",
  "allocate",
  "cpp_alloc",
  "operator new(\\[\\])?",
  "simple_alloc::allocate"
].join("|");
var ALLOC_KEEP_FRAMES = ["runtime\\.panic", "runtime\\.reflectcall", "runtime\\.call[0-9]*"].join("|");
function stripCR(line) {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
function parseHeader(line) {
  const h = heapHeaderRE.exec(line);
  if (h === null) {
    if (growthHeaderRE.test(line) || fragmentationHeaderRE.test(line))
      return { sampling: "", period: 1, hasAlloc: false };
    throw new DecodeError(`legacy heap profile: unrecognized header ${JSON.stringify(line.slice(0, 80))}`);
  }
  let period = 0;
  if (h[6].length > 0) {
    period = Number(h[6]);
    if (!Number.isSafeInteger(period)) throw new DecodeError(`legacy heap profile: sampling rate ${h[6]} out of range`);
  }
  const hasAlloc = h[3] !== h[1] && h[3] !== "0" || h[4] !== h[2] && h[4] !== "0";
  switch (h[5]) {
    case "heapz_v2":
    case "heap_v2":
      return { sampling: "v2", period, hasAlloc };
    case "heapprofile":
      return { sampling: "", period: 1, hasAlloc };
    case "heap":
      return { sampling: "v2", period: Math.trunc(period / 2), hasAlloc };
    default:
      throw new DecodeError(`legacy heap profile: unknown profile kind ${JSON.stringify(h[5])}`);
  }
}
function parseSample(line, lineNo, header) {
  const m = heapSampleRE.exec(line);
  if (m === null)
    throw new DecodeError(`legacy heap profile line ${lineNo}: malformed sample ${JSON.stringify(line.slice(0, 80))}`);
  const value = [];
  let blocksize = 0;
  const addValues = (countText, sizeText, label) => {
    let count = toInt(countText, lineNo);
    let size2 = toInt(sizeText, lineNo);
    if (count === 0 && size2 !== 0) {
      throw new DecodeError(`legacy heap profile line ${lineNo}: ${label} count was 0 but ${label} bytes was ${size2}`);
    }
    if (count !== 0) {
      blocksize = intDiv(size2, count);
      if (header.sampling === "v2") [count, size2] = scaleHeapSample(count, size2, header.period, lineNo);
    }
    value.push(count, size2);
  };
  if (header.hasAlloc) addValues(m[3], m[4], "allocation");
  addValues(m[1], m[2], "inuse");
  const addrs = [];
  for (const hex2 of m[5].match(hexNumberRE) ?? []) {
    const a = BigInt(hex2);
    if (a > MASK642) throw new DecodeError(`legacy heap profile line ${lineNo}: address ${hex2} exceeds 64 bits`);
    addrs.push(a);
  }
  return { value, blocksize, addrs };
}
function toInt(text, lineNo) {
  const v = Number(text);
  if (!Number.isSafeInteger(v))
    throw new DecodeError(`legacy heap profile line ${lineNo}: ${text} does not fit in a double exactly (|v| > 2^53)`);
  return v;
}
function intDiv(a, b) {
  if (Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) return Math.trunc(a / b);
  return Number(BigInt(a) / BigInt(b));
}
function scaleHeapSample(count, size2, rate, lineNo) {
  if (count === 0 || size2 === 0) return [0, 0];
  if (rate <= 1) return [count, size2];
  const avgSize = size2 / count;
  const scale = 1 / (1 - Math.exp(-avgSize / rate));
  const c = Math.trunc(count * scale);
  const s = Math.trunc(size2 * scale);
  if (!Number.isSafeInteger(c) || !Number.isSafeInteger(s)) {
    throw new DecodeError(`legacy heap profile line ${lineNo}: unsampled value does not fit in a double exactly`);
  }
  return [c, s];
}
var LegacyBuilder = class {
  locations = /* @__PURE__ */ new Map();
  locationList = [];
  /** Functions in order of first use, and their positions by `name\nfilename`. */
  functions = [];
  functionAt = /* @__PURE__ */ new Map();
  sampleLocations = [];
  locationStart = [];
  values = [];
  blocksizes = [];
  /** Call addresses of the sample whose `#` block is being read, leaf first. */
  pending;
  frames = [];
  /** Addresses the pending sample's `#` block lists, named or not. */
  listed = /* @__PURE__ */ new Set();
  sample(value, blocksize, addrs) {
    this.flush();
    this.pending = addrs.map((a) => a - 1n & MASK642);
    this.values.push(...value);
    this.blocksizes.push(blocksize);
  }
  /**
   * A `#` line: a frame of the previous sample (`#\t0xaddr\tname+0xoff\tfile:line`, or `#\t0xaddr`
   * for a frame the runtime could not name), or a comment.
   */
  frameLine(line) {
    const parts = line.split(/\t+/);
    if (parts[0] !== "#" || parts.length < 2 || !/^0x[0-9a-f]+$/.test(parts[1]) || this.pending === void 0) return;
    this.listed.add(BigInt(parts[1]) & MASK642);
    if (parts.length < 4) return;
    const colon = parts[3].lastIndexOf(":");
    const lineNo = colon < 0 ? 0 : Number(parts[3].slice(colon + 1));
    this.frames.push({
      address: BigInt(parts[1]) & MASK642,
      name: parts[2].replace(/\+0x[0-9a-f]+$/, ""),
      filename: colon < 0 ? parts[3] : parts[3].slice(0, colon),
      line: Number.isSafeInteger(lineNo) ? lineNo : 0
    });
  }
  /** Settles the pending sample's stack, then gives its unnamed locations the lines of its `#` block. */
  flush() {
    if (this.pending === void 0) return;
    const addrs = this.listed.size > 0 ? this.pending.filter((a) => this.listed.has(a)) : this.pending;
    this.locationStart.push(this.sampleLocations.length);
    for (const address of addrs) {
      let loc = this.locations.get(address);
      if (loc === void 0) {
        loc = { id: this.locationList.length + 1, address, line: void 0 };
        this.locations.set(address, loc);
        this.locationList.push(loc);
      }
      this.sampleLocations.push(loc);
    }
    this.nameLocations(this.frames);
    this.pending = void 0;
    this.frames = [];
    this.listed = /* @__PURE__ */ new Set();
  }
  /** First naming wins: a location keeps the lines of the first `#` block that lists its address. */
  nameLocations(frames) {
    for (let i = 0; i < frames.length; ) {
      let j = i + 1;
      while (j < frames.length && frames[j].address === frames[i].address) j++;
      const loc = this.locations.get(frames[i].address);
      if (loc !== void 0 && loc.line === void 0) {
        loc.line = frames.slice(i, j).map((f) => ({ fn: this.function(f.name, f.filename), line: f.line }));
      }
      i = j;
    }
  }
  /** The position of the function (name, filename) in the function list, added if new. */
  function(name2, filename) {
    const key = `${name2}
${filename}`;
    let at = this.functionAt.get(key);
    if (at === void 0) {
      at = this.functions.length;
      this.functions.push({ id: at + 1, name: name2, systemName: name2, filename, startLine: 0 });
      this.functionAt.set(key, at);
    }
    return at;
  }
  build(sampleType, period, memoryMap) {
    this.flush();
    const { mapping, of } = assignMappings(
      memoryMap,
      this.locationList.map((l) => l.address)
    );
    const columns = new LocationColumnsBuilder(this.locationList.length);
    this.locationList.forEach((l, i) => {
      for (const ln of l.line ?? []) columns.addLine(ln.fn, ln.line, 0);
      const [addressLo, addressHi] = halves(l.address);
      columns.endLocation(l.id, 0, of[i], addressLo, addressHi, false);
    });
    const { locations, lines } = columns.finish();
    const count = this.blocksizes.length;
    const locationStart = new Uint32Array(count + 1);
    locationStart.set(this.locationStart);
    locationStart[count] = this.sampleLocations.length;
    const labelStart = new Uint32Array(count + 1);
    for (let i = 0; i <= count; i++) labelStart[i] = i;
    return {
      sampleType,
      samples: {
        count,
        locationStart,
        locationIndex: Uint32Array.from(this.sampleLocations, (l) => l.id - 1),
        value: Float64Array.from(this.values),
        labelStart,
        labelKey: new Array(count).fill("bytes"),
        labelStr: new Array(count).fill(""),
        labelNum: Float64Array.from(this.blocksizes),
        labelNumUnit: new Array(count).fill("")
      },
      mapping,
      locations,
      lines,
      function: this.functions,
      dropFrames: ALLOC_DROP_FRAMES,
      keepFrames: ALLOC_KEEP_FRAMES,
      timeNanos: 0n,
      durationNanos: 0n,
      periodType: { type: "space", unit: "bytes" },
      period,
      comment: [],
      defaultSampleTypeIndex: sampleType.length - 1,
      docUrl: ""
    };
  }
};

// src/core/profile/decode/terminator-counter.ts
var TerminatorCounter = class {
  constructor(bytes) {
    this.bytes = bytes;
    const misalign = bytes.byteOffset & 3;
    this.base = -misalign;
    const start = bytes.byteOffset - misalign;
    this.words = new Uint32Array(bytes.buffer, start, Math.floor((bytes.byteLength + misalign) / 4));
  }
  bytes;
  words;
  /** Byte index in `bytes` of the first byte of `words[0]`; may be negative (alignment). */
  base;
  /** The number of bytes below 0x80 in bytes[start, end). */
  count(start, end) {
    const bytes = this.bytes;
    let c = 0;
    let p = start;
    while (p < end && (p - this.base & 3) !== 0) if (bytes[p++] < 128) c++;
    const words2 = this.words;
    let w = p - this.base >> 2;
    const wordEnd = end - this.base >> 2;
    for (; w < wordEnd; w++) {
      const high = ~words2[w] >>> 7 & 16843009;
      c += Math.imul(high, 16843009) >>> 24;
    }
    for (p = Math.max(p, wordEnd * 4 + this.base); p < end; p++) if (bytes[p] < 128) c++;
    return c;
  }
};

// src/core/profile/decode/wire-reader.ts
var TWO32 = 4294967296;
var MAX_SAFE = Number.MAX_SAFE_INTEGER;
var WireType = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 };
var WireReader = class {
  constructor(buf, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }
  buf;
  /** Next byte to read. */
  pos;
  /** End (exclusive) of the message being read. */
  end;
  /** Low and high 32 bits (unsigned) of the last varint read by the slow path. */
  lo = 0;
  hi = 0;
  /**
   * Reads one varint as an unsigned 64-bit value. Exact below 2^53; above, an approximation
   * (callers that care convert with `int64`, `uint64` or `id`, which use `lo` / `hi`).
   */
  varint() {
    const buf = this.buf;
    const pos = this.pos;
    if (this.end - pos >= 5) {
      let b = buf[pos];
      if (b < 128) {
        this.pos = pos + 1;
        return b;
      }
      let v = b & 127;
      b = buf[pos + 1];
      v |= (b & 127) << 7;
      if (b < 128) {
        this.pos = pos + 2;
        return v;
      }
      b = buf[pos + 2];
      v |= (b & 127) << 14;
      if (b < 128) {
        this.pos = pos + 3;
        return v;
      }
      b = buf[pos + 3];
      v |= (b & 127) << 21;
      if (b < 128) {
        this.pos = pos + 4;
        return v;
      }
      b = buf[pos + 4];
      if (b < 128) {
        this.pos = pos + 5;
        return v + b * 268435456;
      }
    }
    return this.varintSlow();
  }
  /** Any varint up to 10 bytes, bounds-checked; bits beyond 64 are ignored, as Go's decoder does. */
  varintSlow() {
    const buf = this.buf;
    const start = this.pos;
    const end = this.end;
    let pos = start;
    let lo = 0;
    let b;
    for (let shift = 0; shift < 28; shift += 7) {
      if (pos >= end) throw new DecodeError("truncated varint", start);
      b = buf[pos++];
      lo |= (b & 127) << shift;
      if (b < 128) return this.settle(pos, lo, 0);
    }
    if (pos >= end) throw new DecodeError("truncated varint", start);
    b = buf[pos++];
    lo |= (b & 15) << 28;
    let hi = (b & 127) >> 4;
    if (b < 128) return this.settle(pos, lo, hi);
    for (let shift = 3; shift < 38; shift += 7) {
      if (pos >= end) throw new DecodeError("truncated varint", start);
      b = buf[pos++];
      hi |= (b & 127) << shift;
      if (b < 128) return this.settle(pos, lo, hi);
    }
    throw new DecodeError("varint longer than 10 bytes", start);
  }
  settle(pos, lo, hi) {
    this.pos = pos;
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    return this.hi * TWO32 + this.lo;
  }
  /** The last varint read, which was at least 2^53, as an unsigned bigint. */
  lastBig() {
    return BigInt(this.hi) << 32n | BigInt(this.lo);
  }
  /** An int64 field as a number; DecodeError when |v| > 2^53 − 1 (it would not be exact). */
  int64(what) {
    const start = this.pos;
    const v = this.varint();
    if (v <= MAX_SAFE) return v;
    if (this.hi >= 2147483648) {
      const nlo = ~this.lo + 1 >>> 0;
      const nhi = ~this.hi + (nlo === 0 ? 1 : 0) >>> 0;
      const magnitude = nhi * TWO32 + nlo;
      if (magnitude <= MAX_SAFE) return -magnitude;
      throw new DecodeError(
        `${what} ${BigInt.asIntN(64, this.lastBig())} does not fit in a double exactly (|v| > 2^53)`,
        start
      );
    }
    throw new DecodeError(`${what} ${this.lastBig()} does not fit in a double exactly (|v| > 2^53)`, start);
  }
  /**
   * An int64 string-table index. Never throws: an index too large to be exact is out of range of
   * any string table anyway, and the caller reports it.
   */
  index() {
    const v = this.varint();
    if (v <= MAX_SAFE) return v;
    return Number(BigInt.asIntN(64, this.lastBig()));
  }
  /** A uint64 field as a bigint (addresses, mapping bounds, offsets). */
  uint64() {
    const v = this.varint();
    return v <= MAX_SAFE ? BigInt(v) : this.lastBig();
  }
  /** An int64 field as a bigint (time stamps). */
  int64Big() {
    const v = this.varint();
    return v <= MAX_SAFE ? BigInt(v) : BigInt.asIntN(64, this.lastBig());
  }
  /** A uint64 id: a number when exact, else a bigint (so Map keys stay canonical). */
  id() {
    return this.exactId(this.varint());
  }
  /** `approx`, the value `varint()` just returned, as an exact id (see `id`). */
  exactId(approx) {
    return approx <= MAX_SAFE ? approx : this.lastBig();
  }
  /** The low unsigned 32 bits of `v`, the value `varint()` just returned (exact even above 2^53). */
  low32(v) {
    return v <= MAX_SAFE ? v >>> 0 : this.lo;
  }
  /** The high unsigned 32 bits of `v`, the value `varint()` just returned (exact even above 2^53). */
  high32(v) {
    return v <= MAX_SAFE ? Math.floor(v / TWO32) : this.hi;
  }
  /**
   * Reads a field key; returns it as `field * 8 + wireType`. Field numbers fit in 29 bits, so a key
   * of 2^32 or more is malformed.
   */
  key() {
    const start = this.pos;
    const k = this.varint();
    if (k > 4294967295) throw new DecodeError("malformed field key", start);
    return k;
  }
  /**
   * Reads a length prefix and returns the end of the bytes it announces, checking them against
   * what is left before anything is allocated.
   */
  bytesEnd(what, field = -1) {
    const start = this.pos;
    const len = this.varint();
    const left = this.end - this.pos;
    if (len > left) {
      throw new DecodeError(
        `${fieldName(what, field)}: length ${len > MAX_SAFE ? this.lastBig() : len} exceeds the ${left} bytes left`,
        start
      );
    }
    return this.pos + len;
  }
  /** Skips one field's value of the given wire type; `what` and `field` name it in errors. */
  skip(wireType, context, field = -1) {
    const start = this.pos;
    const what = fieldName(context, field);
    switch (wireType) {
      case WireType.varint:
        this.varint();
        return;
      case WireType.fixed64:
        if (this.end - this.pos < 8) throw new DecodeError(`${what}: truncated fixed64`, start);
        this.pos += 8;
        return;
      case WireType.bytes:
        this.pos = this.bytesEnd(context, field);
        return;
      case WireType.fixed32:
        if (this.end - this.pos < 4) throw new DecodeError(`${what}: truncated fixed32`, start);
        this.pos += 4;
        return;
      case WireType.startGroup:
      case WireType.endGroup:
        throw new DecodeError(`${what}: groups (wire type ${wireType}) are not supported`, start);
      default:
        throw new DecodeError(`${what}: invalid wire type ${wireType}`, start);
    }
  }
};
function fieldName(context, field) {
  return field < 0 ? context : `${context} field ${field}`;
}
function wrongWireType(what, got, expected, offset) {
  return new DecodeError(`${what} has wire type ${got}, expected ${expected}`, offset);
}

// src/core/profile/decode/samples.ts
function sampleReader(bytes, spans, sampleTypeCount, locations, strings) {
  return {
    count: spans.count,
    columns: () => {
      const sink = new SampleColumns(bytes, spans, sampleTypeCount);
      decodeEach(bytes, spans, sampleTypeCount, locations, strings, sink);
      return sink.finish();
    },
    forEach: (sink) => decodeEach(bytes, spans, sampleTypeCount, locations, strings, sink)
  };
}
function decodeEach(bytes, spans, sampleTypeCount, locations, strings, sink) {
  const count = spans.count;
  if (sampleTypeCount === 0 && count !== 0) throw new DecodeError(`profile has ${count} samples but no sample types`);
  const r = new WireReader(bytes);
  const one = new OneSample(Math.min(sampleTypeCount, longestSample(spans)));
  const labels = one.labels;
  let locationIndex = one.locationIndex;
  const value = one.value;
  const dense = locations.dense;
  const denseLength = dense.length;
  for (let i = 0; i < count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    let n = 0;
    labels.count = 0;
    let valueCount = 0;
    try {
      while (r.pos < r.end) {
        const keyAt = r.pos;
        const key = r.key();
        const field = key >>> 3;
        const wt = key & 7;
        if (field === 1) {
          if (wt === WireType.bytes) {
            const end = r.bytesEnd("location_id");
            if (n + end - r.pos > locationIndex.length) locationIndex = one.growLocations(n + end - r.pos);
            const outer = r.end;
            r.end = end;
            let pos = r.pos;
            while (pos < end) {
              let id = bytes[pos];
              if (id < 128) {
                pos++;
              } else if (end - pos >= 2 && bytes[pos + 1] < 128) {
                id = id & 127 | bytes[pos + 1] << 7;
                pos += 2;
              } else if (end - pos >= 3 && bytes[pos + 2] < 128) {
                id = id & 127 | (bytes[pos + 1] & 127) << 7 | bytes[pos + 2] << 14;
                pos += 3;
              } else {
                r.pos = pos;
                id = r.varint();
                pos = r.pos;
              }
              const at = id < denseLength ? dense[id] : -1;
              locationIndex[n++] = at >= 0 ? at : resolveLocation(r, locations, id);
            }
            r.pos = pos;
            r.end = outer;
          } else if (wt === WireType.varint) {
            const id = r.varint();
            const at = id < denseLength ? dense[id] : -1;
            if (n === locationIndex.length) locationIndex = one.growLocations(n + 1);
            locationIndex[n++] = at >= 0 ? at : resolveLocation(r, locations, id);
          } else {
            throw wrongWireType("location_id", wt, "0 or 2 (packed)", keyAt);
          }
        } else if (field === 2) {
          if (wt === WireType.bytes) {
            const end = r.bytesEnd("value");
            const outer = r.end;
            r.end = end;
            while (r.pos < end) {
              const v = r.int64("value");
              if (valueCount < sampleTypeCount) value[valueCount] = v;
              valueCount++;
            }
            r.end = outer;
          } else if (wt === WireType.varint) {
            const v = r.int64("value");
            if (valueCount < sampleTypeCount) value[valueCount] = v;
            valueCount++;
          } else {
            throw wrongWireType("value", wt, "0 or 2 (packed)", keyAt);
          }
        } else if (field === 3) {
          if (wt !== WireType.bytes) throw wrongWireType("label", wt, "2 (length-delimited)", keyAt);
          const end = r.bytesEnd("label");
          const outer = r.end;
          r.end = end;
          labels.read(r, strings);
          r.end = outer;
        } else {
          r.skip(wt, "unknown field");
        }
      }
    } catch (e) {
      if (e instanceof DecodeError) throw new DecodeError(`sample ${i}: ${e.message}`);
      throw e;
    }
    if (valueCount !== sampleTypeCount) {
      throw new DecodeError(`sample ${i} has ${valueCount} values, expected ${sampleTypeCount} sample types`);
    }
    one.locationStart[1] = n;
    one.labelStart[1] = labels.count;
    sink.add(one, 0);
  }
}
var OneSample = class {
  count = 1;
  locationStart = new Uint32Array(2);
  locationIndex = new Uint32Array(64);
  value;
  labelStart = new Uint32Array(2);
  labels = new LabelColumns(4);
  constructor(valueCapacity) {
    this.value = new Float64Array(valueCapacity);
  }
  get labelKey() {
    return this.labels.key;
  }
  get labelStr() {
    return this.labels.str;
  }
  get labelNum() {
    return this.labels.num;
  }
  get labelNumUnit() {
    return this.labels.numUnit;
  }
  /** A larger `locationIndex` (at least `size`), keeping its contents. */
  growLocations(size2) {
    const grown = new Uint32Array(Math.max(size2, this.locationIndex.length * 2));
    grown.set(this.locationIndex);
    this.locationIndex = grown;
    return grown;
  }
};
var SampleColumns = class {
  row = 0;
  n = 0;
  k;
  locationStart;
  labelStart;
  value;
  locationIndex;
  labels;
  constructor(bytes, spans, sampleTypeCount) {
    const count = spans.count;
    this.k = sampleTypeCount;
    this.locationStart = new Uint32Array(count + 1);
    this.labelStart = new Uint32Array(count + 1);
    this.value = new Float64Array(Math.min(count * sampleTypeCount, sampleBytes(spans)));
    const counts = countRefs(bytes, spans);
    this.locationIndex = new Uint32Array(counts.locationIds);
    this.labels = new LabelColumns(counts.labels);
  }
  add(s, i) {
    const row = this.row;
    const k = this.k;
    const locationIndex = this.locationIndex;
    let n = this.n;
    this.locationStart[row] = n;
    this.labelStart[row] = this.labels.count;
    for (let j = s.locationStart[i], end = s.locationStart[i + 1]; j < end; j++)
      locationIndex[n++] = s.locationIndex[j];
    for (let t = 0; t < k; t++) this.value[row * k + t] = s.value[i * k + t];
    for (let j = s.labelStart[i], end = s.labelStart[i + 1]; j < end; j++) {
      this.labels.push(s.labelKey[j], s.labelStr[j], s.labelNum[j], s.labelNumUnit[j]);
    }
    this.n = n;
    this.row = row + 1;
  }
  finish() {
    const { row: count, n, locationIndex, labels } = this;
    this.locationStart[count] = n;
    this.labelStart[count] = labels.count;
    return {
      count,
      locationStart: this.locationStart,
      locationIndex: n === locationIndex.length ? locationIndex : locationIndex.slice(0, n),
      value: this.value,
      labelStart: this.labelStart,
      labelKey: labels.trimmed(labels.key),
      labelStr: labels.trimmed(labels.str),
      labelNum: labels.num.subarray(0, labels.count),
      labelNumUnit: labels.trimmed(labels.numUnit)
    };
  }
};
function longestSample(spans) {
  let longest = 0;
  for (let i = 0; i < spans.count; i++) longest = Math.max(longest, spans.end(i) - spans.start(i));
  return longest;
}
function sampleBytes(spans) {
  let total = 0;
  for (let i = 0; i < spans.count; i++) total += spans.end(i) - spans.start(i);
  return total;
}
function countRefs(bytes, spans) {
  const r = new WireReader(bytes);
  const terminators = new TerminatorCounter(bytes);
  let locationIds = 0;
  let labels = 0;
  for (let i = 0; i < spans.count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    try {
      while (r.pos < r.end) {
        const key = r.key();
        if (key === 10) {
          const end = r.bytesEnd("location_id");
          locationIds += terminators.count(r.pos, end);
          r.pos = end;
        } else {
          if (key === 8) locationIds++;
          else if (key === 26) labels++;
          r.skip(key & 7, "field");
        }
      }
    } catch {
    }
  }
  return { locationIds, labels };
}
function resolveLocation(r, locations, approx) {
  const id = r.exactId(approx);
  const at = locations.get(id);
  if (at < 0) throw new DecodeError(`unknown location id ${id}`);
  return at;
}
var LabelColumns = class {
  count = 0;
  key;
  str;
  numUnit;
  num;
  constructor(capacity) {
    this.key = new Array(capacity);
    this.str = new Array(capacity);
    this.numUnit = new Array(capacity);
    this.num = new Float64Array(capacity);
  }
  /** Reads one Label message (the reader's end is the label's end) and appends it unless empty. */
  read(r, strings) {
    let key = 0;
    let str = 0;
    let num = 0;
    let unit = 0;
    while (r.pos < r.end) {
      const keyAt = r.pos;
      const k = r.key();
      const field = k >>> 3;
      const wt = k & 7;
      if (field >= 1 && field <= 4) {
        if (wt !== WireType.varint) throw wrongWireType(`label field ${field}`, wt, "0 (varint)", keyAt);
        if (field === 1) key = r.index();
        else if (field === 2) str = r.index();
        else if (field === 3) num = r.int64("label num");
        else unit = r.index();
      } else {
        r.skip(wt, "label", field);
      }
    }
    const keyString = strings.get(key, "label key");
    if (str !== 0) {
      this.push(keyString, strings.get(str, "label str"), 0, "");
    } else if (num !== 0 || unit !== 0) {
      this.push(keyString, "", num, strings.get(unit, "label num_unit"));
    }
  }
  /** A column cut to the labels kept (empty labels are dropped, so there may be fewer than counted). */
  trimmed(column2) {
    column2.length = this.count;
    return column2;
  }
  /** Appends a label. */
  push(key, str, num, unit) {
    if (this.count === this.num.length) this.grow();
    this.key[this.count] = key;
    this.str[this.count] = str;
    this.num[this.count] = num;
    this.numUnit[this.count] = unit;
    this.count++;
  }
  grow() {
    const grown = new Float64Array(this.num.length * 2 + 16);
    grown.set(this.num);
    this.num = grown;
  }
};

// src/core/profile/decode/scan.ts
var Spans = class {
  data = new Uint32Array(64);
  count = 0;
  push(start, end) {
    if (2 * this.count + 2 > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[2 * this.count] = start;
    this.data[2 * this.count + 1] = end;
    this.count++;
  }
  start(i) {
    return this.data[2 * i];
  }
  end(i) {
    return this.data[2 * i + 1];
  }
};
var F = {
  sampleType: 1,
  sample: 2,
  mapping: 3,
  location: 4,
  function: 5,
  stringTable: 6,
  dropFrames: 7,
  keepFrames: 8,
  timeNanos: 9,
  durationNanos: 10,
  periodType: 11,
  period: 12,
  comment: 13,
  defaultSampleType: 14,
  docUrl: 15
};
var NAMES = {
  1: "sample_type",
  2: "sample",
  3: "mapping",
  4: "location",
  5: "function",
  6: "string_table",
  7: "drop_frames",
  8: "keep_frames",
  9: "time_nanos",
  10: "duration_nanos",
  11: "period_type",
  12: "period",
  13: "comment",
  14: "default_sample_type",
  15: "doc_url"
};
function name(field) {
  return `profile field ${field} (${NAMES[field] ?? "unknown"})`;
}
var utf8 = new TextDecoder("utf-8");
function scanProfile(bytes) {
  if (bytes.length > 4294967295) throw new DecodeError(`profile of ${bytes.length} bytes exceeds the 4 GiB limit`);
  const r = new WireReader(bytes);
  const p = {
    strings: [],
    sampleType: new Spans(),
    sample: new Spans(),
    mapping: new Spans(),
    location: new Spans(),
    function: new Spans(),
    periodType: void 0,
    dropFrames: 0,
    keepFrames: 0,
    timeNanos: 0n,
    durationNanos: 0n,
    period: 0,
    comment: [],
    defaultSampleType: 0,
    docUrl: 0
  };
  while (r.pos < r.end) {
    const keyAt = r.pos;
    const key = r.key();
    const field = key >>> 3;
    const wt = key & 7;
    switch (field) {
      case F.sampleType:
      case F.sample:
      case F.mapping:
      case F.location:
      case F.function:
      case F.stringTable:
      case F.periodType: {
        if (wt !== WireType.bytes) throw wrongWireType(name(field), wt, "2 (length-delimited)", keyAt);
        const end = r.bytesEnd(NAMES[field]);
        const start = r.pos;
        r.pos = end;
        if (field === F.stringTable) p.strings.push(utf8.decode(bytes.subarray(start, end)));
        else if (field === F.periodType) p.periodType = { start, end };
        else spansOf(p, field).push(start, end);
        break;
      }
      case F.comment:
        if (wt === WireType.bytes) {
          const end = r.bytesEnd("comment");
          const outer = r.end;
          r.end = end;
          while (r.pos < end) p.comment.push(r.index());
          r.end = outer;
        } else if (wt === WireType.varint) {
          p.comment.push(r.index());
        } else {
          throw wrongWireType(name(field), wt, "0 or 2 (packed)", keyAt);
        }
        break;
      case F.dropFrames:
      case F.keepFrames:
      case F.timeNanos:
      case F.durationNanos:
      case F.period:
      case F.defaultSampleType:
      case F.docUrl:
        if (wt !== WireType.varint) throw wrongWireType(name(field), wt, "0 (varint)", keyAt);
        readScalar(r, p, field);
        break;
      default:
        r.skip(wt, "profile", field);
    }
  }
  return p;
}
function spansOf(p, field) {
  switch (field) {
    case F.sampleType:
      return p.sampleType;
    case F.sample:
      return p.sample;
    case F.mapping:
      return p.mapping;
    case F.location:
      return p.location;
    default:
      return p.function;
  }
}
function readScalar(r, p, field) {
  switch (field) {
    case F.dropFrames:
      p.dropFrames = r.index();
      return;
    case F.keepFrames:
      p.keepFrames = r.index();
      return;
    case F.timeNanos:
      p.timeNanos = r.int64Big();
      return;
    case F.durationNanos:
      p.durationNanos = r.int64Big();
      return;
    case F.period:
      p.period = r.int64("period");
      return;
    case F.defaultSampleType:
      p.defaultSampleType = r.index();
      return;
    case F.docUrl:
      p.docUrl = r.index();
      return;
    default:
      throw new DecodeError(`unexpected profile field ${field}`);
  }
}

// src/core/profile/decode/strings.ts
var StringTable = class {
  constructor(strings) {
    this.strings = strings;
    if (strings.length === 0) throw new DecodeError('string table is empty; entry 0 must be ""');
    if (strings[0] !== "") {
      throw new DecodeError(`string table entry 0 must be "", found ${JSON.stringify(strings[0].slice(0, 40))}`);
    }
  }
  strings;
  get size() {
    return this.strings.length;
  }
  /**
   * The string at `index`; DecodeError naming the reference when out of range: `what`, or
   * `what id field` (e.g. "function 7 name") when an id is given (the message is built only then).
   */
  get(index, what, id, field) {
    const s = this.strings[index];
    if (s === void 0 || !Number.isInteger(index)) {
      if (id !== void 0) what = `${what} ${id} ${field}`;
      throw new DecodeError(`${what}: string index ${index} out of range (table has ${this.strings.length} strings)`);
    }
    return s;
  }
};

// src/core/profile/decode/id-index.ts
var IdIndex = class {
  /** `denseLimit`: ids below it are stored in the array (the number of items plus one is typical). */
  constructor(kind, denseLimit) {
    this.kind = kind;
    this.dense = new Int32Array(denseLimit).fill(-1);
  }
  kind;
  /** Position by id for ids below `dense.length`, -1 where no item has the id; read directly in hot loops. */
  dense;
  sparse = /* @__PURE__ */ new Map();
  /** Records the position of the item with this id; DecodeError on id 0 or a duplicate id. */
  add(id, position) {
    if (id === 0) throw new DecodeError(`${this.kind} has reserved id 0`);
    if (this.get(id) >= 0) throw new DecodeError(`duplicate ${this.kind} id ${id}`);
    if (typeof id === "number" && id < this.dense.length) this.dense[id] = position;
    else this.sparse.set(id, position);
  }
  /** The position of the item with this id, or -1. */
  get(id) {
    if (typeof id === "number" && id < this.dense.length) return this.dense[id];
    return this.sparse.get(id) ?? -1;
  }
};

// src/core/profile/decode/tables.ts
function expectVarint(wt, context, field, keyAt) {
  if (wt !== WireType.varint) throw wrongWireType(fieldName(context, field), wt, "0 (varint)", keyAt);
}
function decodeValueType(r, start, end, strings, what) {
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
function decodeMappings(bytes, spans, strings) {
  const r = new WireReader(bytes);
  const list = [];
  const byId = new IdIndex("mapping", spans.count + 1);
  for (let i = 0; i < spans.count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    let id = 0;
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
      if (field >= 1 && field <= 10) expectVarint(wt, "mapping", field, keyAt);
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
          r.skip(wt, "mapping", field);
      }
    }
    const m = {
      id,
      memoryStart,
      memoryLimit,
      fileOffset,
      filename: strings.get(filename, "mapping", id, "filename"),
      buildId: strings.get(buildId, "mapping", id, "build_id"),
      hasFunctions: flags[0],
      hasFilenames: flags[1],
      hasLineNumbers: flags[2],
      hasInlineFrames: flags[3]
    };
    byId.add(id, list.length);
    list.push(m);
  }
  return { list, byId };
}
function decodeFunctions(bytes, spans, strings) {
  const r = new WireReader(bytes);
  const list = [];
  const byId = new IdIndex("function", spans.count + 1);
  for (let i = 0; i < spans.count; i++) {
    r.pos = spans.start(i);
    r.end = spans.end(i);
    let id = 0;
    let name2 = 0;
    let systemName = 0;
    let filename = 0;
    let startLine = 0;
    while (r.pos < r.end) {
      const keyAt = r.pos;
      const key = r.key();
      const field = key >>> 3;
      const wt = key & 7;
      if (field >= 1 && field <= 5) expectVarint(wt, "function", field, keyAt);
      switch (field) {
        case 1:
          id = r.id();
          break;
        case 2:
          name2 = r.index();
          break;
        case 3:
          systemName = r.index();
          break;
        case 4:
          filename = r.index();
          break;
        case 5:
          startLine = r.int64("function start_line");
          break;
        default:
          r.skip(wt, "function", field);
      }
    }
    const f = {
      id,
      name: strings.get(name2, "function", id, "name"),
      systemName: strings.get(systemName, "function", id, "system_name"),
      filename: strings.get(filename, "function", id, "filename"),
      startLine
    };
    byId.add(id, list.length);
    list.push(f);
  }
  return { list, byId };
}
function decodeLocations(bytes, spans, mappings, functions) {
  const r = new WireReader(bytes);
  const lineReader = new WireReader(bytes);
  const columns = new LocationColumnsBuilder(spans.count);
  const byId = new IdIndex("location", spans.count + 1);
  for (let i = 0; i < spans.count; i++) {
    byId.add(decodeLocation(r, lineReader, spans.start(i), spans.end(i), mappings, functions, columns), i);
  }
  return { ...columns.finish(), byId };
}
function decodeLocation(r, lineReader, start, end, mappings, functions, columns) {
  r.pos = start;
  r.end = end;
  let id = 0;
  let idLo = 0;
  let idHi = 0;
  let mappingId = 0;
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
        if (wt !== WireType.bytes) throw wrongWireType("location field 4", wt, "2 (length-delimited)", keyAt);
        const lineEnd = r.bytesEnd("location", 4);
        decodeLine(lineReader, r.pos, lineEnd, functions, columns);
        r.pos = lineEnd;
        continue;
      }
      if (field >= 1 && field <= 5) expectVarint(wt, "location", field, keyAt);
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
          r.skip(wt, "location", field);
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
var UnknownFunction = class extends Error {
  constructor(functionId) {
    super(`unknown function id ${functionId}`);
    this.functionId = functionId;
  }
  functionId;
};
function decodeLine(r, start, end, functions, columns) {
  r.pos = start;
  r.end = end;
  let functionId = 0;
  let line = 0;
  let column2 = 0;
  while (r.pos < r.end) {
    const keyAt = r.pos;
    const key = r.key();
    const field = key >>> 3;
    const wt = key & 7;
    if (field >= 1 && field <= 3) expectVarint(wt, "line", field, keyAt);
    switch (field) {
      case 1:
        functionId = r.id();
        break;
      case 2:
        line = r.int64("line number");
        break;
      case 3:
        column2 = r.int64("column");
        break;
      default:
        r.skip(wt, "line", field);
    }
  }
  let fn = -1;
  if (functionId !== 0) {
    fn = functions.get(functionId);
    if (fn < 0) throw new UnknownFunction(functionId);
  }
  columns.addLine(fn, line, column2);
}

// src/core/profile/decode/protobuf.ts
function decodeProtobufWith(bytes, readSamples2) {
  const scanned = scanProfile(bytes);
  const strings = new StringTable(scanned.strings);
  const r = new WireReader(bytes);
  const sampleType = [];
  for (let i = 0; i < scanned.sampleType.count; i++) {
    sampleType.push(
      decodeValueType(r, scanned.sampleType.start(i), scanned.sampleType.end(i), strings, `sample_type ${i}`)
    );
  }
  const periodType = scanned.periodType && decodeValueType(r, scanned.periodType.start, scanned.periodType.end, strings, "period_type");
  const mappings = decodeMappings(bytes, scanned.mapping, strings);
  const functions = decodeFunctions(bytes, scanned.function, strings);
  const locations = decodeLocations(bytes, scanned.location, mappings.byId, functions.byId);
  const tables = {
    sampleType,
    mapping: mappings.list,
    locations: locations.locations,
    lines: locations.lines,
    function: functions.list,
    periodType,
    period: scanned.period
  };
  const samples = readSamples2(tables, sampleReader(bytes, scanned.sample, sampleType.length, locations.byId, strings));
  const defaultName = strings.get(scanned.defaultSampleType, "default_sample_type");
  return {
    sampleType,
    samples,
    mapping: mappings.list,
    locations: locations.locations,
    lines: locations.lines,
    function: functions.list,
    dropFrames: strings.get(scanned.dropFrames, "drop_frames"),
    keepFrames: strings.get(scanned.keepFrames, "keep_frames"),
    timeNanos: scanned.timeNanos,
    durationNanos: scanned.durationNanos,
    periodType,
    period: scanned.period,
    comment: scanned.comment.map((index, i) => strings.get(index, `comment ${i}`)),
    defaultSampleTypeIndex: defaultSampleTypeIndex(sampleType, defaultName),
    docUrl: strings.get(scanned.docUrl, "doc_url")
  };
}
function defaultSampleTypeIndex(sampleType, name2) {
  if (name2 !== "") {
    const i = sampleType.findIndex((t) => t.type === name2);
    if (i >= 0) return i;
  }
  return sampleType.length - 1;
}

// src/core/profile/decode/v8-sampling.ts
var V8_DEFAULT_SAMPLING_INTERVAL = 524288;
var CHECKED_SIZES = 64;
var MAX_CHECKED_SIZE = 2 ** 32;
var WINDOW = 256;
function scaledCount(size2, interval, count = 1) {
  return Math.floor(count * (1 / (1 - Math.exp(-size2 / interval))) + 0.5);
}
function estimateInterval(sizes) {
  if (sizes.length === 0) return { interval: V8_DEFAULT_SAMPLING_INTERVAL, source: "assumed" };
  let upper = Infinity;
  for (let i = 0; i < sizes.length; i++) upper = Math.min(upper, sizes[i]);
  const checked = smallestDistinct(sizes).map((v) => ({ v, divisors: divisors(v) }));
  const consistent = (interval) => checked.every(({ v, divisors: divisors2 }) => divisors2.some((s) => s * scaledCount(s, interval) === v));
  for (const candidate of candidates(upper)) {
    if (consistent(candidate)) return { interval: candidate, source: "samples" };
  }
  return { interval: upper, source: "upper-bound" };
}
function objectSize(v, interval) {
  const small = Math.min(Math.max(1, v - interval), v / 64);
  if (v - interval <= v / 64) return small;
  let size2 = 0;
  for (let k = 1; k <= 64; k++) {
    if (v % k === 0 && scaledCount(v / k, interval) === k) size2 = v / k;
  }
  return size2 > 0 ? size2 : small;
}
function* candidates(upper) {
  const low = Math.max(1, upper - WINDOW);
  const round = /* @__PURE__ */ new Set();
  for (const step of [1024, 1e3]) {
    for (let r = Math.floor(upper / step) * step; r >= low && r >= step; r -= step) round.add(r);
  }
  yield* [...round].sort((a, b) => b - a);
  for (let r = Math.floor(upper); r >= low; r--) if (!round.has(r)) yield r;
}
function smallestDistinct(sizes) {
  const distinct = /* @__PURE__ */ new Set();
  for (let i = 0; i < sizes.length; i++) if (sizes[i] <= MAX_CHECKED_SIZE) distinct.add(sizes[i]);
  return [...distinct].sort((a, b) => a - b).slice(0, CHECKED_SIZES);
}
function divisors(v) {
  const out = [];
  for (let d = 1; d * d <= v; d++) {
    if (v % d !== 0) continue;
    out.push(d);
    if (d * d !== v) out.push(v / d);
  }
  return out;
}
function nodeObjectSize(v, count, selfSize, interval) {
  if (v - interval > v / 64) {
    for (let k = 64; k >= 1; k--) {
      if (v % k !== 0 || scaledCount(v / k, interval) !== k) continue;
      if (v / k * scaledCount(v / k, interval, count) === selfSize) return v / k;
    }
  }
  return objectSize(v, interval);
}

// src/core/profile/decode/v8-heap-profile.ts
function parseV8HeapProfile(bytes) {
  const doc = parseJson(bytes);
  const tree = walkTree(doc.head);
  const samples = readSamples(doc.samples);
  const interval = estimateInterval(samples.size);
  return build(tree, samples, interval);
}
var MAX_DEPTH = 1024;
var MAX_FRAMES = 2 ** 25;
var MAX_JSON_BYTES = 256 * 1024 * 1024;
function looksLikeJson(bytes) {
  let i = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  const n = Math.min(bytes.length, 4096);
  while (i < n && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  return bytes[i] === 123;
}
var PREFIX = "V8 heap profile";
function fail(message) {
  throw new DecodeError(`${PREFIX}: ${message}`);
}
function parseJson(bytes) {
  if (bytes.length > MAX_JSON_BYTES) {
    fail(`${bytes.length} bytes of JSON, more than the ${MAX_JSON_BYTES} heapgate parses`);
  }
  let doc;
  try {
    doc = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch (e) {
    const why = e.message.replace(/\s+/g, " ").slice(0, 160);
    fail(`invalid JSON: ${why}`);
  }
  const notOne = (what) => {
    throw new DecodeError(`not a pprof profile: ${what}`);
  };
  if (!isObject(doc)) return notOne("JSON that is not an object");
  if (!("head" in doc)) {
    if ("snapshot" in doc && "nodes" in doc) {
      notOne("a V8 heap snapshot (.heapsnapshot), not a sampling heap profile: record with node --heap-prof");
    }
    if ("nodes" in doc && "timeDeltas" in doc) {
      notOne("a V8 CPU profile (.cpuprofile), which measures no memory: record with node --heap-prof");
    }
    notOne('JSON without the "head" of a V8 heap profile (node --heap-prof writes .heapprofile files)');
  }
  return { head: doc.head, samples: doc.samples };
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function walkTree(head) {
  const tree = {
    parent: [],
    fn: [],
    depth: [],
    selfSize: [],
    at: /* @__PURE__ */ new Map(),
    functions: [],
    column: [],
    frames: 0
  };
  const functionAt = /* @__PURE__ */ new Map();
  let total = 0;
  const pending = [{ node: head, parent: -1 }];
  while (pending.length > 0) {
    const { node, parent } = pending.pop();
    const n = tree.parent.length;
    if (!isObject(node)) fail(`node ${n} (in depth-first order) is not an object`);
    const id = node.id;
    if (typeof id !== "number" || !Number.isSafeInteger(id)) fail(`node ${n}: "id" is not an integer`);
    const where = `node id ${id}`;
    if (tree.at.has(id)) fail(`${where} appears twice`);
    const selfSize = size(node.selfSize, `${where}: "selfSize"`, true);
    total += selfSize;
    if (total > Number.MAX_SAFE_INTEGER) fail(`the selfSizes sum to more than 2^53 bytes`);
    const frame = callFrame(node.callFrame, where);
    const synthetic = parent < 0 && frame.functionName === "(root)" && frame.url === "";
    const depth = parent < 0 ? synthetic ? 0 : 1 : tree.depth[parent] + 1;
    if (depth > MAX_DEPTH) fail(`the tree is deeper than ${MAX_DEPTH} frames (at ${where})`);
    if (selfSize > 0) {
      tree.frames += depth;
      if (tree.frames > MAX_FRAMES) fail(`the stacks hold more than ${MAX_FRAMES} frames in all`);
    }
    tree.at.set(id, n);
    tree.parent.push(parent);
    tree.fn.push(synthetic ? -1 : internFunction(frame, tree, functionAt));
    tree.depth.push(depth);
    tree.selfSize.push(selfSize);
    const children = node.children;
    if (children === void 0) continue;
    if (!Array.isArray(children)) fail(`${where}: "children" is not an array`);
    for (let c = children.length - 1; c >= 0; c--) pending.push({ node: children[c], parent: n });
  }
  return tree;
}
function size(v, what, zero) {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0 || v === 0 && !zero) {
    fail(
      `${what} is ${JSON.stringify(v) ?? "missing"}, not a ${zero ? "non-negative" : "positive"} integer below 2^53`
    );
  }
  return v;
}
function callFrame(v, where) {
  if (!isObject(v)) fail(`${where}: "callFrame" is not an object`);
  const { functionName, url, lineNumber, columnNumber } = v;
  if (typeof functionName !== "string") fail(`${where}: "callFrame.functionName" is not a string`);
  if (typeof url !== "string") fail(`${where}: "callFrame.url" is not a string`);
  for (const [name2, value] of [
    ["lineNumber", lineNumber],
    ["columnNumber", columnNumber]
  ]) {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < -1) {
      fail(`${where}: "callFrame.${name2}" is not an integer \u2265 -1`);
    }
  }
  return { functionName, url, lineNumber, columnNumber };
}
function frameName(f) {
  const name2 = f.functionName === "" ? "(anonymous)" : f.functionName;
  if (f.url === "") return name2;
  if (f.lineNumber < 0) return `${name2} ${f.url}`;
  return `${name2} ${f.url}:${f.lineNumber + 1}${f.columnNumber < 0 ? "" : `:${f.columnNumber + 1}`}`;
}
function internFunction(f, tree, at) {
  const name2 = frameName(f);
  let i = at.get(name2);
  if (i === void 0) {
    i = tree.functions.length;
    tree.functions.push({ id: i + 1, name: name2, systemName: name2, filename: f.url, startLine: f.lineNumber + 1 });
    tree.column.push(f.columnNumber + 1);
    at.set(name2, i);
  }
  return i;
}
function readSamples(v) {
  const out = { size: [], nodeId: [] };
  if (v === void 0) return out;
  if (!Array.isArray(v)) fail('"samples" is not an array');
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (!isObject(s)) fail(`sample ${i} is not an object`);
    out.size.push(size(s.size, `sample ${i}: "size"`, false));
    const nodeId = s.nodeId;
    if (typeof nodeId !== "number" || !Number.isSafeInteger(nodeId)) fail(`sample ${i}: "nodeId" is not an integer`);
    out.nodeId.push(nodeId);
  }
  return out;
}
function build(tree, samples, { interval, source }) {
  const nodeCount = tree.parent.length;
  const variance = new Float64Array(nodeCount);
  const sampled = new Uint8Array(nodeCount);
  const single = /* @__PURE__ */ new Map();
  for (let i2 = 0; i2 < samples.size.length; i2++) {
    const n = tree.at.get(samples.nodeId[i2]);
    if (n === void 0) continue;
    const v = samples.size[i2];
    const seen = single.get(n);
    if (seen === void 0) single.set(n, { v, count: 1 });
    else if (seen.v === v) seen.count++;
    else seen.v = -1;
    sampled[n] = 1;
  }
  const sizeOf = /* @__PURE__ */ new Map();
  for (let i2 = 0; i2 < samples.size.length; i2++) {
    const n = tree.at.get(samples.nodeId[i2]);
    if (n === void 0) continue;
    const one = single.get(n);
    if (one.v > 0) continue;
    const v = samples.size[i2];
    let s = sizeOf.get(v);
    if (s === void 0) sizeOf.set(v, s = objectSize(v, interval));
    variance[n] += v * s * missFactor(s, interval);
  }
  for (const [n, { v, count: count2 }] of single) {
    if (v < 0) continue;
    const s = nodeObjectSize(v, count2, tree.selfSize[n], interval);
    variance[n] = count2 * v * s * missFactor(s, interval);
  }
  const columns = new LocationColumnsBuilder(tree.functions.length);
  tree.functions.forEach((f, i2) => {
    columns.addLine(i2, f.startLine, tree.column[i2]);
    columns.endLocation(i2 + 1, 0, -1, 0, 0, false);
  });
  const { locations, lines } = columns.finish();
  const count = tree.selfSize.reduce((c, v) => c + (v > 0 ? 1 : 0), 0);
  const locationStart = new Uint32Array(count + 1);
  const locationIndex = new Uint32Array(tree.frames);
  const value = new Float64Array(count);
  const labelSize = new Float64Array(count);
  let i = 0;
  let at = 0;
  for (let n = 0; n < nodeCount; n++) {
    const self = tree.selfSize[n];
    if (self === 0) continue;
    locationStart[i] = at;
    for (let m = n; m >= 0; m = tree.parent[m]) if (tree.fn[m] >= 0) locationIndex[at++] = tree.fn[m];
    value[i] = self;
    labelSize[i] = sampled[n] ? effectiveSize(variance[n] / self, interval) : 1;
    i++;
  }
  locationStart[count] = at;
  const labelStart = Uint32Array.from({ length: count + 1 }, (_, j) => j);
  return {
    sampleType: [{ type: "inuse_space", unit: "bytes" }],
    samples: {
      count,
      locationStart,
      locationIndex,
      value,
      labelStart,
      labelKey: new Array(count).fill("bytes"),
      labelStr: new Array(count).fill(""),
      labelNum: labelSize,
      labelNumUnit: new Array(count).fill("")
    },
    mapping: [],
    locations,
    lines,
    function: tree.functions,
    dropFrames: "",
    keepFrames: "",
    timeNanos: 0n,
    durationNanos: 0n,
    periodType: { type: "space", unit: "bytes" },
    period: interval,
    comment: [intervalComment(interval, source, samples.size.length)],
    defaultSampleTypeIndex: 0,
    docUrl: ""
  };
}
function intervalComment(interval, source, samples) {
  const how = {
    samples: `estimated from ${samples} samples`,
    assumed: "assumed (V8's default): the profile has no samples to estimate it from",
    "upper-bound": `the upper bound of ${samples} samples, which no interval explains exactly`
  }[source];
  return `${V8_HEAP_PROF_COMMENT} V8 sampling heap profile, sampling interval ${interval} bytes ${how}`;
}
function effectiveSize(target, interval) {
  const factor = (s) => s * missFactor(s, interval);
  let lo = 1;
  let hi = 64 * interval;
  if (!(target < factor(lo))) return lo;
  if (!(target > factor(hi))) return hi;
  for (let k = 0; k < 64 && hi - lo > 1e-6 * lo; k++) {
    const mid = (lo + hi) / 2;
    if (factor(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// src/core/profile/decode/decode-profile.ts
var DEFAULT_MAX_PROFILE_BYTES = 1024 * 1024 * 1024;
var PREFIX_BYTES = 4096;
var LEGACY_HEAP_PREFIX = "heap profile:";
function readProfile(bytes, forms, options = {}) {
  if (bytes.length === 0) throw new DecodeError("empty file");
  if (isGzip(bytes)) {
    return decodeUncompressed(gunzipProfile(bytes, options.maxDecompressedBytes ?? DEFAULT_MAX_PROFILE_BYTES), forms);
  }
  if (startsWith(bytes, [40, 181, 47, 253])) {
    throw new DecodeError("zstd-compressed profiles are not supported; decompress with `zstd -d` first");
  }
  if (startsWith(bytes, [4, 34, 77, 24])) {
    throw new DecodeError("lz4-compressed profiles are not supported; decompress with `lz4 -d` first");
  }
  return decodeUncompressed(bytes, forms);
}
function gunzipProfile(bytes, maxDecompressedBytes) {
  if (!isGzip(bytes)) return bytes;
  checkFraming(gunzipPrefix(bytes, maxDecompressedBytes), maxDecompressedBytes);
  const inner = gunzip(bytes, maxDecompressedBytes);
  if (inner.length === 0) throw new DecodeError("gzip stream decompresses to an empty file");
  return inner;
}
function isGzip(bytes) {
  return bytes[0] === 31 && bytes[1] === 139;
}
function decodeUncompressed(bytes, forms) {
  if (startsWithLegacyHeader(bytes)) return forms.text(parseLegacyHeapProfile(new TextDecoder("utf-8").decode(bytes)));
  if (looksLikeJson(bytes)) return forms.text(parseV8HeapProfile(bytes));
  const text = textPrefix(bytes);
  if (text !== void 0) {
    try {
      return forms.protobuf(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      throw notAProfileText(text);
    }
  }
  if (!looksLikeProfileStart(bytes[0])) {
    try {
      return forms.protobuf(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
      throw new DecodeError(`not a pprof profile (starts with bytes ${head}): ${e.message}`);
    }
  }
  return forms.protobuf(bytes);
}
function startsWithLegacyHeader(bytes) {
  for (let j = 0; j < LEGACY_HEAP_PREFIX.length; j++) {
    if (bytes[j] !== LEGACY_HEAP_PREFIX.charCodeAt(j)) return false;
  }
  return true;
}
function textPrefix(bytes) {
  const n = Math.min(bytes.length, 256);
  let s = "";
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (!(b === 9 || b === 10 || b === 13 || b >= 32 && b < 127)) return void 0;
    s += String.fromCharCode(b);
  }
  return s;
}
function looksLikeProfileStart(b) {
  const field = b >> 3;
  const wt = b & 7;
  if (b >= 128 || field < 1 || field > 15) return false;
  if (field <= 6 || field === 11) return wt === 2;
  if (field === 13) return wt === 0 || wt === 2;
  return wt === 0;
}
function gunzipPrefix(bytes, maxOutputLength) {
  for (let n = 256; ; n *= 4) {
    const part = bytes.subarray(0, Math.min(n, bytes.length));
    let out;
    try {
      out = gunzipSync(part, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength });
    } catch (e) {
      throw gzipError(e, maxOutputLength);
    }
    if (out.length >= PREFIX_BYTES || part.length === bytes.length) return out.subarray(0, PREFIX_BYTES);
  }
}
function checkFraming(prefix, limit) {
  if (prefix.length === 0 || startsWithLegacyHeader(prefix) || looksLikeJson(prefix)) return;
  const bad = profileFramingError(prefix, limit);
  if (bad === void 0) return;
  const text = textPrefix(prefix);
  if (text !== void 0) throw notAProfileText(text);
  const head = Array.from(prefix.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
  throw new DecodeError(`not a pprof profile (decompressed, starts with bytes ${head}): ${bad}`);
}
function notAProfileText(text) {
  const firstLine2 = text.trimStart().split("\n", 1)[0].slice(0, 40);
  return new DecodeError(`not a pprof profile: text starting with ${JSON.stringify(firstLine2)}`);
}
function profileFramingError(prefix, limit) {
  let i = 0;
  while (i < prefix.length) {
    const key = prefix[i];
    if (!looksLikeProfileStart(key)) return `byte ${i} (0x${key.toString(16).padStart(2, "0")}) is no Profile field`;
    i++;
    let value = 0;
    let shift = 1;
    for (let k = 0; ; k++) {
      if (i >= prefix.length) return void 0;
      if (k === 10) return `byte ${i}: varint longer than 10 bytes`;
      const b = prefix[i++];
      value += (b & 127) * shift;
      shift *= 128;
      if (b < 128) break;
    }
    if ((key & 7) === 2) {
      if (value > limit) return `a field of ${value} bytes is larger than the limit of ${limit}`;
      i += value;
    }
  }
  return void 0;
}
function gzipError(e, maxOutputLength) {
  const code = e.code;
  if (code === "ERR_BUFFER_TOO_LARGE") {
    return new DecodeError(
      `gzip: decompresses to more than ${maxOutputLength} bytes, the limit (raise it with max-profile-size)`
    );
  }
  return new DecodeError(`gzip: ${e.message}`);
}
function gunzip(bytes, maxOutputLength) {
  try {
    return gunzipSync(bytes, { maxOutputLength, chunkSize: outputChunkSize(bytes, maxOutputLength) });
  } catch (e) {
    throw gzipError(e, maxOutputLength);
  }
}
var MIN_CHUNK = 16 * 1024;
var MAX_CHUNK = 256 * 1024 * 1024;
var MAX_DEFLATE_RATIO = 1032;
function outputChunkSize(bytes, maxOutputLength) {
  if (bytes.length < 18) return MIN_CHUNK;
  const n = bytes.length;
  const isize = (bytes[n - 4] | bytes[n - 3] << 8 | bytes[n - 2] << 16 | bytes[n - 1] << 24) >>> 0;
  const cap = Math.min(MAX_CHUNK, maxOutputLength + 1, n * MAX_DEFLATE_RATIO);
  return Math.max(MIN_CHUNK, Math.min(isize + 1, cap));
}
function startsWith(bytes, magic) {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

// src/core/stats/quantile.ts
function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

// src/core/stats/levels.ts
var PENALTY_PER_LOG_N = 3;
var MIN_SIGMA = 1e-3;
var MAX_ROUNDS = 10;
var MAD_NORMAL = 0.6744897501960817;
function segmentLevels(values) {
  for (const v of values) {
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`segmentLevels: ${v} is not a positive finite value`);
  }
  const y = values.map(Math.log);
  if (y.length === 0) return { levels: [], sigma: MIN_SIGMA };
  if (y.length === 1) return { levels: toLevels(values, [0, 1]), sigma: MIN_SIGMA };
  let sigma = Math.max(MIN_SIGMA, quartileSigma(differences(y, [0, y.length])));
  let cuts = pelt(y, sigma);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const inside = differences(y, cuts);
    if (inside.length === 0) break;
    const next = Math.max(MIN_SIGMA, medianSigma(inside));
    const again = pelt(y, next);
    sigma = next;
    if (sameCuts(again, cuts)) break;
    cuts = again;
  }
  return { levels: toLevels(values, absorbOutliers(y, cuts, sigma)), sigma };
}
function toLevels(values, cuts) {
  const out = [];
  for (let i = 1; i < cuts.length; i++) {
    const from = cuts[i - 1];
    const to = cuts[i];
    let sum = 0;
    for (let k = from; k < to; k++) sum += values[k];
    out.push({ from, to, mean: sum / (to - from) });
  }
  return out;
}
function differences(y, cuts) {
  const out = [];
  for (let i = 1; i < cuts.length; i++) {
    for (let k = cuts[i - 1] + 1; k < cuts[i]; k++) out.push(y[k] - y[k - 1]);
  }
  return out;
}
function medianSigma(diffs) {
  if (diffs.length === 0) return 0;
  const abs = diffs.map(Math.abs).sort((a, b) => a - b);
  return quantile(abs, 0.5) / MAD_NORMAL / Math.SQRT2;
}
var HALF_NORMAL_Q1 = 0.31863936396437514;
function quartileSigma(diffs) {
  if (diffs.length === 0) return 0;
  const abs = diffs.map(Math.abs).sort((a, b) => a - b);
  return quantile(abs, 0.25) / HALF_NORMAL_Q1 / Math.SQRT2;
}
function sameCuts(a, b) {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
function pelt(y, sigma) {
  const n = y.length;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i] + y[i];
    s2[i + 1] = s2[i] + y[i] * y[i];
  }
  const v = sigma * sigma;
  const cost = (a, b) => {
    const m = b - a;
    const sum = s1[b] - s1[a];
    return Math.max(0, s2[b] - s2[a] - sum * sum / m) / v;
  };
  const beta = PENALTY_PER_LOG_N * Math.log(n);
  const f = new Float64Array(n + 1);
  f[0] = -beta;
  const last = new Int32Array(n + 1);
  let candidates2 = [0];
  for (let t = 1; t <= n; t++) {
    let best = Number.POSITIVE_INFINITY;
    let arg = 0;
    const total = candidates2.map((s) => f[s] + cost(s, t) + beta);
    candidates2.forEach((s, i) => {
      if (total[i] < best) {
        best = total[i];
        arg = s;
      }
    });
    f[t] = best;
    last[t] = arg;
    candidates2 = candidates2.filter((_, i) => total[i] - beta <= best);
    candidates2.push(t);
  }
  const cuts = [n];
  for (let t = n; t > 0; t = last[t]) cuts.push(last[t]);
  return cuts.reverse();
}
var MAX_OUTLIER_RUN = 3;
function absorbOutliers(y, cuts, sigma) {
  const beta = PENALTY_PER_LOG_N * Math.log(y.length);
  const out = [...cuts];
  for (let i = 1; i + 2 < out.length; ) {
    const size2 = out[i + 1] - out[i];
    if (size2 > MAX_OUTLIER_RUN) {
      i++;
      continue;
    }
    const left = mean(y, out[i - 1], out[i]);
    const right = mean(y, out[i + 1], out[i + 2]);
    const x = mean(y, out[i], out[i + 1]);
    const nl = out[i] - out[i - 1];
    const nr = out[i + 2] - out[i + 1];
    const gain = (left - right) ** 2 * (nl * nr) / (nl + nr) / (sigma * sigma);
    const spike = Math.sign(x - left) === Math.sign(x - right) && Math.abs(right - left) < Math.min(Math.abs(x - left), Math.abs(x - right)) / 2;
    if (size2 === 1 && gain < beta || spike) {
      out.splice(i, 2);
      i = Math.max(1, i - 1);
    } else i++;
  }
  return out;
}
function mean(y, from, to) {
  let s = 0;
  for (let k = from; k < to; k++) s += y[k];
  return s / (to - from);
}

// src/core/stats/run-noise.ts
var MIN_HISTORY_BASELINES = 5;
function historyWindowProblem(n) {
  if (n === 0 || n >= MIN_HISTORY_BASELINES) return null;
  const fix = `use at least ${MIN_HISTORY_BASELINES}, or 0 to turn the history off`;
  return `${n} baselines can never calibrate the noise: ${fix}`;
}
var DEFAULT_HISTORY_WINDOW = 30;
var NORMAL_IQR = 1.3489795003921634;
function metricSeries(points, type, period, runs = 1) {
  const values = [];
  const index = [];
  points.forEach((p, i) => {
    if (p.period !== period || (p.runs ?? 1) !== runs) return;
    const t = p.sampleType.findIndex((v2) => sameValueType(v2, type));
    const v = t >= 0 ? p.total[t] : void 0;
    if (v === void 0 || !(v > 0 && Number.isFinite(v))) return;
    values.push(v);
    index.push(i);
  });
  const { levels, sigma } = segmentLevels(values);
  return { values, index, levels, sigma };
}
function changesWithinLevels(series) {
  const { values, levels } = series;
  const change = (k) => 100 * (values[k] - values[k - 1]) / values[k - 1];
  const out = [];
  levels.forEach((l, j) => {
    const before = levels[j - 1];
    if (before !== void 0 && Math.abs(Math.log(l.mean / before.mean)) < STEP_SIGMAS * series.sigma) {
      out.push(change(l.from));
    }
    if (l.to - l.from < 3) return;
    for (let k = l.from + 1; k < l.to; k++) out.push(change(k));
  });
  return out;
}
var STEP_SIGMAS = 4;
function consecutiveChanges(values) {
  const out = [];
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1];
    if (prev > 0 && Number.isFinite(values[i])) out.push(100 * (values[i] - prev) / prev);
  }
  return out;
}
function fellAlone(series) {
  const last = series.levels[series.levels.length - 1];
  const before = series.levels[series.levels.length - 2];
  return last !== void 0 && before !== void 0 && last.to - last.from === 1 && last.mean < before.mean;
}
function noiseOfSeries(series) {
  const baselines = series.values.length;
  const levels = series.levels.length;
  let changes = changesWithinLevels(series);
  if (changes.length < MIN_HISTORY_BASELINES - 1) changes = consecutiveChanges(series.values);
  if (baselines < MIN_HISTORY_BASELINES || changes.length < MIN_HISTORY_BASELINES - 1) {
    return { kind: "uncalibrated", baselines, needed: MIN_HISTORY_BASELINES, levels, changes: changes.length };
  }
  const sorted = [...changes].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  const inside = sorted.filter((c) => c >= q1 - 3 * iqr && c <= q3 + 3 * iqr);
  const mean2 = inside.reduce((s, c) => s + c, 0) / inside.length;
  return {
    kind: "calibrated",
    baselines,
    levels,
    changes: changes.length,
    meanChangePercent: mean2,
    sdPercent: Math.max(iqr / NORMAL_IQR, sdWithoutLargest(changes)),
    df: changes.length - 1
  };
}
function sdWithoutLargest(changes) {
  if (changes.length < 2) return 0;
  let largest = 0;
  for (let i = 1; i < changes.length - 1; i++) {
    if (Math.abs(changes[i]) > Math.abs(changes[largest])) largest = i;
  }
  const rest = changes.filter((_, i) => i !== largest);
  return Math.sqrt(rest.reduce((s, c) => s + c * c, 0) / rest.length);
}

// src/adapters/profile-loader.ts
import { Worker } from "node:worker_threads";

// src/adapters/profile-size.ts
import { open, stat } from "node:fs/promises";
function estimateDecodedSize(size2, head, tail) {
  const gzip = head.length >= 2 && head[0] === 31 && head[1] === 139;
  if (!gzip || tail.length < 4 || size2 < 18) return size2;
  const isize = (tail[tail.length - 4] | tail[tail.length - 3] << 8 | tail[tail.length - 2] << 16) + tail[tail.length - 1] * 2 ** 24;
  return Math.max(size2, isize);
}
async function decodedSizeOf(source) {
  if ("bytes" in source) {
    const b = source.bytes;
    return estimateDecodedSize(b.length, b.subarray(0, 2), b.subarray(Math.max(0, b.length - 4)));
  }
  let file;
  try {
    if (!(await stat(source.path)).isFile()) return 0;
    file = await open(source.path, "r");
    const { size: size2 } = await file.stat();
    const head = new Uint8Array(2);
    const tail = new Uint8Array(4);
    await file.read(head, 0, 2, 0);
    if (size2 >= 4) await file.read(tail, 0, 4, size2 - 4);
    return estimateDecodedSize(size2, head, tail);
  } catch {
    return 0;
  } finally {
    await file?.close();
  }
}

// src/core/profile/call-tree.ts
var MAX_TREE_DEPTH = 256;
var ROOT_FRAMES = 128;
var LEAF_FRAMES = MAX_TREE_DEPTH - ROOT_FRAMES - 1;
var ELIDED_ROW = -2;
var ELIDED_FRAME_NAME = `[\u2026 frames elided: the stack is deeper than ${MAX_TREE_DEPTH} frames]`;
function slotOf(parent, row) {
  let h = Math.imul(parent, 2654435761) ^ Math.imul(row + 2135587861, 2246822507);
  h ^= h >>> 15;
  h = Math.imul(h, 739982445);
  return (h ^ h >>> 13) >>> 0;
}
var CallTreeBuilder = class {
  k;
  rows;
  /**
   * The child of (parent, row), in an open-addressing hash table: slot s holds node `slotNode[s]`
   * (-1: empty), looked up by its parent and row. A Map keyed by numbers above 2^31 was the
   * slowest part of building a large profile's tree (its keys are boxed doubles).
   */
  slotNode = new Int32Array(1 << 12).fill(-1);
  mask = (1 << 12) - 1;
  parent = new Int32Array(1024);
  row = new Int32Array(1024);
  /** The child each node's last step went to (0: none yet; the root is nobody's child). */
  lastChild = new Int32Array(1024);
  /** Row-major: node i's k values at i * k. */
  value;
  count = 1;
  constructor(rows, sampleTypeCount) {
    this.rows = rows;
    this.k = sampleTypeCount;
    this.value = new Float64Array(1024 * sampleTypeCount);
    this.parent[0] = -1;
    this.row[0] = -1;
  }
  /**
   * Adds the values `sv[0 .. k)` of a sample with the stack `locationIndex[first .. last)` (leaf
   * first): to its leaf node only; finish() sums every node's values into its callers, once.
   */
  add(locationIndex, first, last, sv) {
    const { code: codeOf, multiStart, multiRows } = this.rows;
    let node = 0;
    let depth = 0;
    for (let j = last - 1; j >= first; j--) {
      const code = codeOf[locationIndex[j]];
      if (code >= 0) {
        node = this.step(node, code);
        if (++depth > MAX_TREE_DEPTH) return this.addDeep(locationIndex, first, last, sv);
        continue;
      }
      for (let e = multiStart[~code + 1] - 1; e >= multiStart[~code]; e--) {
        node = this.step(node, multiRows[e]);
        if (++depth > MAX_TREE_DEPTH) return this.addDeep(locationIndex, first, last, sv);
      }
    }
    this.addValue(node, sv);
  }
  /** add for a stack deeper than MAX_TREE_DEPTH: its rows listed first, the middle ones elided. */
  addDeep(locationIndex, first, last, sv) {
    const { code: codeOf, multiStart, multiRows } = this.rows;
    const rows = [];
    for (let j = last - 1; j >= first; j--) {
      const code = codeOf[locationIndex[j]];
      if (code >= 0) rows.push(code);
      else for (let e = multiStart[~code + 1] - 1; e >= multiStart[~code]; e--) rows.push(multiRows[e]);
    }
    let node = 0;
    for (let i = 0; i < ROOT_FRAMES; i++) node = this.step(node, rows[i]);
    node = this.step(node, ELIDED_ROW);
    for (let i = rows.length - LEAF_FRAMES; i < rows.length; i++) node = this.step(node, rows[i]);
    this.addValue(node, sv);
  }
  /** The child of `node` for function row `row`, created when new. */
  step(node, row) {
    const cached = this.lastChild[node];
    if (cached !== 0 && this.row[cached] === row) return cached;
    const slotNode = this.slotNode;
    const mask = this.mask;
    let s = slotOf(node, row) & mask;
    let next = slotNode[s];
    while (next >= 0 && (this.parent[next] !== node || this.row[next] !== row)) {
      s = s + 1 & mask;
      next = slotNode[s];
    }
    if (next < 0) {
      next = this.grow();
      this.parent[next] = node;
      this.row[next] = row;
      slotNode[s] = next;
      if (this.count * 2 > mask) this.rehash();
    }
    this.lastChild[node] = next;
    return next;
  }
  rehash() {
    const size2 = (this.mask + 1) * 2;
    const slotNode = new Int32Array(size2).fill(-1);
    const mask = size2 - 1;
    for (let i = 1; i < this.count; i++) {
      let s = slotOf(this.parent[i], this.row[i]) & mask;
      while (slotNode[s] >= 0) s = s + 1 & mask;
      slotNode[s] = i;
    }
    this.slotNode = slotNode;
    this.mask = mask;
  }
  addValue(node, sv) {
    const k = this.k;
    const value = this.value;
    for (let t = 0, o = node * k; t < k; t++) value[o + t] += sv[t];
  }
  grow() {
    const i = this.count++;
    if (i === this.parent.length) {
      const size2 = i * 2;
      const parent = new Int32Array(size2);
      parent.set(this.parent);
      this.parent = parent;
      const row = new Int32Array(size2);
      row.set(this.row);
      this.row = row;
      const lastChild = new Int32Array(size2);
      lastChild.set(this.lastChild);
      this.lastChild = lastChild;
      const value = new Float64Array(size2 * this.k);
      value.set(this.value);
      this.value = value;
    }
    return i;
  }
  /**
   * The tree, with arrays trimmed to its nodes: each node's values summed into its callers first
   * (a node is created after its caller, so one pass from the last node back gives every node its
   * cum). Call once.
   */
  finish() {
    const n = this.count;
    const k = this.k;
    const parent = this.parent;
    const v = this.value;
    for (let i = n - 1; i > 0; i--) {
      const from = i * k;
      const to = parent[i] * k;
      for (let t = 0; t < k; t++) v[to + t] += v[from + t];
    }
    const value = [];
    for (let t = 0; t < k; t++) {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = this.value[i * k + t];
      value.push(col);
    }
    return { parent: this.parent.slice(0, n), row: this.row.slice(0, n), value };
  }
};

// src/core/profile/clean-path.ts
function cleanPath(path) {
  if (path === "") return ".";
  if (!/\/\/|(^|\/)\.\.?(\/|$)|.\/$/.test(path)) return path;
  const rooted = path.startsWith("/");
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part !== "..") out.push(part);
    else if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (!rooted) out.push("..");
  }
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}

// src/core/profile/line-totals.ts
function lineName(key) {
  const where = key.line !== 0 ? `${key.file}:${key.line}` : key.file;
  if (key.function === "") return where === "" ? "<unknown>" : where;
  return where === "" ? key.function : `${key.function} ${where}`;
}
var LineKeyMap = class {
  byFunction = /* @__PURE__ */ new Map();
  size = 0;
  /** The row of (fn, file, line), or undefined. */
  get(fn, file, line) {
    return this.byFunction.get(fn)?.get(file)?.get(line);
  }
  /** The row of (fn, file, line); `next` (then remembered) when there was none. */
  getOrAdd(fn, file, line, next) {
    let files = this.byFunction.get(fn);
    if (files === void 0) this.byFunction.set(fn, files = /* @__PURE__ */ new Map());
    let lines = files.get(file);
    if (lines === void 0) files.set(file, lines = /* @__PURE__ */ new Map());
    const r = lines.get(line);
    if (r !== void 0) return r;
    lines.set(line, next);
    this.size++;
    return next;
  }
};
function objectName(mapping) {
  const file = mapping?.filename ?? "";
  if (file === "") return "<unknown>";
  const base = file.replace(/\/+$/, "").split("/").pop() ?? "";
  return `[${base === "" ? file : base}]`;
}
var LineAggregator = class {
  k;
  fn = [];
  file = [];
  line = [];
  /** Location `l`'s rows are `locRows[locStart[l] .. locStart[l + 1])`, line[0]'s first. */
  locStart;
  locRows;
  /** Row-major: a row's k flat values then its k variances. */
  flat;
  cum;
  /** The last sample that reached each row: a row's cum grows once per sample. */
  seen;
  mark = 0;
  constructor(tables) {
    this.k = tables.sampleType.length;
    const { locStart, locRows } = this.buildRows(tables);
    this.locStart = locStart;
    this.locRows = locRows;
    const rows = this.fn.length;
    this.flat = new Float64Array(rows * 2 * this.k);
    this.cum = new Float64Array(rows * this.k);
    this.seen = new Int32Array(rows).fill(-1);
  }
  buildRows(tables) {
    const rowOf = new LineKeyMap();
    const row = (fn, file, line) => {
      const r = rowOf.getOrAdd(fn, file, line, this.fn.length);
      if (r === this.fn.length) {
        this.fn.push(fn);
        this.file.push(file);
        this.line.push(line);
      }
      return r;
    };
    const functions = tables.function;
    const names = functions.map((f) => capName(f.name));
    const files = functions.map((f) => f.filename === "" ? "" : capName(cleanPath(f.filename)));
    const { count, lineStart, mapping } = tables.locations;
    const lineFunction = tables.lines.function;
    const lineNumber = tables.lines.line;
    const locStart = new Int32Array(count + 1);
    const locRows = [];
    for (let l = 0; l < count; l++) {
      const first = lineStart[l];
      const last = lineStart[l + 1];
      const m = mapping[l];
      const object = () => objectName(m < 0 ? void 0 : tables.mapping[m]);
      if (last === first) locRows.push(row(object(), "", 0));
      for (let j = first; j < last; j++) {
        const f = lineFunction[j];
        if (f < 0) {
          locRows.push(row(object(), "", 0));
          continue;
        }
        const n = lineNumber[j];
        if (names[f] === "" && files[f] === "" && n === 0) locRows.push(row(object(), "", 0));
        else locRows.push(row(names[f], files[f], n));
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
  add(locationIndex, first, last, sv) {
    const k = this.k;
    const { locStart, locRows, cum, seen } = this;
    const mark = this.mark++;
    for (let j = first; j < last; j++) {
      const l = locationIndex[j];
      for (let e = locStart[l], stop = locStart[l + 1]; e < stop; e++) {
        const r = locRows[e];
        if (seen[r] === mark) continue;
        seen[r] = mark;
        for (let c = 0, o = r * k; c < k; c++) cum[o + c] += sv[c];
      }
    }
    const leaf = locRows[locStart[locationIndex[first]]];
    const width = 2 * k;
    const flat = this.flat;
    for (let c = 0, o = leaf * width; c < width; c++) flat[o + c] += sv[c];
  }
  /** The totals of the samples added, one column per sample type. */
  finish() {
    const k = this.k;
    const rows = this.fn.length;
    const columns = (data, width, offset) => Array.from({ length: k }, (_, t) => {
      const col = new Float64Array(rows);
      for (let r = 0; r < rows; r++) col[r] = data[r * width + offset + t];
      return col;
    });
    return {
      function: this.fn,
      file: this.file,
      line: this.line,
      flat: columns(this.flat, 2 * k, 0),
      cum: columns(this.cum, k, 0),
      flatVariance: columns(this.flat, 2 * k, k)
    };
  }
};

// src/core/profile/name-pattern.ts
var MAX_PATTERN_CHARS = 1e3;
var SHOWN_CHARS = 80;
function shownPattern(pattern) {
  if (pattern.length <= SHOWN_CHARS) return `/${pattern}/`;
  return `/${pattern.slice(0, SHOWN_CHARS)}\u2026/ (${pattern.length} characters, cut)`;
}
var linear = false;
function linearRegExpFlag() {
  if (!linear) {
    try {
      const flag = "l";
      new RegExp("", flag);
      linear = true;
    } catch {
      return "";
    }
  }
  return "l";
}
function compileNamePattern(pattern) {
  if (pattern.length > MAX_PATTERN_CHARS) {
    throw new Error(`regular expression ${shownPattern(pattern)} is longer than ${MAX_PATTERN_CHARS} characters`);
  }
  let re;
  try {
    re = new RegExp(pattern, linearRegExpFlag());
    re.test("");
    re.test("\u0100");
  } catch (e) {
    const message = e.message;
    const why = /Cannot be executed in linear time/.test(message) ? "uses a back-reference, a lookaround or a large counted repetition, which cannot be matched in linear time" : /: ([^:]+)$/.exec(message)?.[1] ?? "does not compile";
    throw new Error(`invalid regular expression ${shownPattern(pattern)}: ${why}`, { cause: e });
  }
  return re;
}

// src/core/profile/memory-types.ts
var GO_METRICS = /* @__PURE__ */ new Set(["inuse_space", "inuse_objects", "alloc_space", "alloc_objects"]);
var LEGACY = { space: "inuse_space", objects: "inuse_objects" };
var KNOWN = [
  jfr("alloc_in_new_tlab_bytes", "bytes", "alloc_space", "allocations in new TLABs"),
  jfr("alloc_in_new_tlab_objects", "count", "alloc_objects", "allocations in new TLABs"),
  jfr("alloc_outside_tlab_bytes", "bytes", "alloc_space", "allocations outside TLABs"),
  jfr("alloc_outside_tlab_objects", "count", "alloc_objects", "allocations outside TLABs"),
  jfr("live", "count", "inuse_objects", "live objects (old-object samples)"),
  dotnet("alloc-size", "bytes", "alloc_space", "allocations"),
  dotnet("alloc-samples", "count", "alloc_objects", "sampled allocations"),
  dotnet("inuse-space", "bytes", "inuse_space", "live heap"),
  dotnet("inuse-objects", "count", "inuse_objects", "live objects")
];
function jfr(type, unit, metric, what) {
  return { type, unit, role: { metric, why: `JFR ${what}` } };
}
function dotnet(type, unit, metric, what) {
  return { type, unit, role: { metric, why: `.NET ${what}` } };
}
function words(type) {
  return type.toLowerCase().split(/[^a-z0-9]+/);
}
function namesInUse(w) {
  if (w.some((x) => x === "inuse" || x === "live" || x === "heap" || x === "retained")) return true;
  return w.some((x, i) => x === "in" && w[i + 1] === "use");
}
function memoryRole(t) {
  if (GO_METRICS.has(t.type)) return { metric: t.type, why: "" };
  const legacy = LEGACY[t.type];
  if (legacy !== void 0) return { metric: legacy, why: "" };
  const known = KNOWN.find((k) => k.type === t.type && k.unit === t.unit);
  if (known !== void 0) return known.role;
  if (t.unit !== "bytes" && t.unit !== "count") return null;
  const space = t.unit === "bytes";
  const w = words(t.type);
  const inUse = namesInUse(w);
  if (!inUse && !w.some((x) => x.startsWith("alloc"))) return null;
  const metric = inUse ? space ? "inuse_space" : "inuse_objects" : space ? "alloc_space" : "alloc_objects";
  return { metric, why: `${t.unit}, named for ${inUse ? "memory in use" : "allocation"}` };
}

// src/core/profile/profile-kind.ts
var NotMemoryProfileError = class extends HeapgateError {
};
function isMemoryProfile(types) {
  return types.some((t) => memoryRole(t) !== null || t.unit === "bytes");
}
function profileKind(types, periodType) {
  const names = /* @__PURE__ */ new Set([...types.map((t) => t.type), periodType?.type ?? ""]);
  if (names.has("cpu") || names.has("samples")) return "a CPU profile";
  if (names.has("wall")) return "a wall-clock profile";
  if (names.has("goroutine") || names.has("goroutines")) return "a goroutine profile";
  if (["contentions", "delay", "lock_count", "lock_duration", "lock-count", "lock-time"].some((n) => names.has(n)))
    return "a block or mutex (contention) profile";
  if (names.has("threadcreate")) return "a threadcreate profile";
  return "a profile";
}
function checkMemoryProfile(types, periodType) {
  if (types.length === 0 || isMemoryProfile(types)) return;
  const listed = types.length === 0 ? "" : ` (sample types ${types.map(formatValueType).join(", ")})`;
  throw new NotMemoryProfileError(
    `${profileKind(types, periodType)}${listed}, not a memory profile: heapgate needs a heap profile, written with runtime.GC() then pprof.WriteHeapProfile, or by go test -memprofile`
  );
}
function checkMeasured(negativeSamples, sampleCount) {
  if (negativeSamples === 0) return;
  throw new NotMemoryProfileError(
    `${negativeSamples} of ${sampleCount} samples have negative values: this is a difference of two profiles (as pprof -diff_base writes), not a measurement; give heapgate the profiles it was made from`
  );
}

// src/core/profile/source-path.ts
function filePath(file) {
  if (!file.startsWith("file://")) return file;
  try {
    return decodeURIComponent(new URL(file).pathname);
  } catch {
    return null;
  }
}

// src/core/profile/own-code.ts
var JS_FILE = /^file:\/\/|\.(?:[cm]?js|ts)$/;
var MODULE_CACHE = /\/pkg\/mod\/|@v\d|(?:^|\/)vendor\//;
function goPackage(name2) {
  const bracket = name2.indexOf("[");
  const plain = bracket < 0 ? name2 : name2.slice(0, bracket);
  const slash = plain.lastIndexOf("/");
  const dot = plain.indexOf(".", slash + 1);
  const pkg = dot < 0 ? plain : plain.slice(0, dot);
  return pkg.includes("%") ? pkg.replace(/%([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))) : pkg;
}
function ownGo(name2, filename, modules) {
  if (MODULE_CACHE.test(filename)) return false;
  const pkg = goPackage(name2);
  if (pkg === "main") return true;
  if (modules.length > 0) return modules.some((m) => pkg === m || pkg.startsWith(`${m}/`));
  const first = pkg.split("/")[0];
  return pkg.includes("/") && first.includes(".");
}
function ownJs(filename, workspace) {
  if (filename.startsWith("node:")) return false;
  const path = filePath(filename);
  if (path === null || path.includes("/node_modules/")) return false;
  if (workspace === void 0 || workspace === "") return true;
  const root = workspace.endsWith("/") ? workspace : `${workspace}/`;
  return path.startsWith(root);
}
function ownCodePatternProblem(pattern) {
  try {
    compileNamePattern(pattern);
    return void 0;
  } catch (e) {
    return e.message;
  }
}
function compileOwnCode(spec) {
  if (spec.pattern !== void 0 && spec.pattern !== "") {
    let re;
    try {
      re = compileNamePattern(spec.pattern);
    } catch (e) {
      throw new RuleError(`own-code: ${e.message}`);
    }
    return (name2) => re.test(name2);
  }
  const modules = spec.modules ?? [];
  return (name2, filename) => JS_FILE.test(filename) ? ownJs(filename, spec.workspace) : ownGo(name2, filename, modules);
}

// src/core/profile/aggregate.ts
var OWN_LEAF_SEPARATOR = "\0";
function nodeName(fn, mapping) {
  if (fn !== void 0 && fn.name !== "") return fn.name;
  const file = mapping?.filename ?? "";
  if (file === "") return "<unknown>";
  const base = file.replace(/\/+$/, "").split("/").pop() ?? "";
  return `[${base === "" ? file : base}]`;
}
function compileFocus(patterns) {
  return patterns.map((p) => {
    try {
      return compileNamePattern(p);
    } catch (e) {
      throw new RuleError(e.message);
    }
  });
}
function buildRowIndex(profile) {
  const rowOf = /* @__PURE__ */ new Map();
  const name2 = [];
  let cutNames = 0;
  const row = (whole) => {
    const n = capName(whole);
    if (n !== whole && !rowOf.has(n)) cutNames++;
    let r = rowOf.get(n);
    if (r === void 0) {
      r = name2.length;
      name2.push(n);
      rowOf.set(n, r);
    }
    return r;
  };
  const functions = profile.function;
  const mappings = profile.mapping;
  const rowOfFunction = new Int32Array(functions.length).fill(-2);
  const rowOfMapping = new Int32Array(mappings.length + 1).fill(-2);
  const unnamedRow = (m) => {
    let r = rowOfMapping[m + 1];
    if (r === -2) {
      r = row(nodeName(void 0, m < 0 ? void 0 : mappings[m]));
      rowOfMapping[m + 1] = r;
    }
    return r;
  };
  const lineRow = (f, m) => {
    if (f < 0) return unnamedRow(m);
    let r = rowOfFunction[f];
    if (r === -2) {
      r = functions[f].name === "" ? -1 : row(functions[f].name);
      rowOfFunction[f] = r;
    }
    return r >= 0 ? r : unnamedRow(m);
  };
  const { count, lineStart, mapping } = profile.locations;
  const lineFunction = profile.lines.function;
  const multiStart = [0];
  const multiRows = [];
  const code = new Int32Array(count);
  for (let l = 0; l < count; l++) {
    const first = lineStart[l];
    const last = lineStart[l + 1];
    const m = mapping[l];
    if (last - first === 1) {
      code[l] = lineRow(lineFunction[first], m);
      continue;
    }
    if (last === first) multiRows.push(unnamedRow(m));
    for (let j = first; j < last; j++) multiRows.push(lineRow(lineFunction[j], m));
    multiStart.push(multiRows.length);
    code[l] = ~(multiStart.length - 2);
  }
  return {
    name: name2,
    rowOf,
    cutNames,
    code,
    multiStart: Int32Array.from(multiStart),
    multiRows: Int32Array.from(multiRows)
  };
}
function focusMasks(names, patterns) {
  const words2 = Math.ceil(patterns.length / 31);
  const masks = new Int32Array(names.length * words2);
  names.forEach((n, r) => {
    patterns.forEach((re, p) => {
      if (re.test(n)) masks[r * words2 + Math.floor(p / 31)] |= 1 << p % 31;
    });
  });
  return { masks, words: words2 };
}
function column(data, rows, width, offset, k) {
  const out = [];
  for (let t = 0; t < k; t++) {
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) col[r] = data[r * width + offset + t];
    out.push(col);
  }
  return out;
}
var Aggregator = class {
  sampleCount = 0;
  /** Samples with a value below zero: a measurement has none (see checkMeasured). */
  negativeSamples = 0;
  index;
  k;
  variance;
  masks;
  words;
  focusCount;
  flat;
  // cum carries values only: no report uses the variance of a cum, and cum is where most of the
  // additions happen (every distinct row of every sample).
  cum;
  focus;
  total;
  totalVar;
  /** This sample's values and variances side by side, as one row of `flat` is laid out. */
  sv;
  /** The last sample that reached each row: a row's cum grows once per sample. */
  seen;
  sampleMask;
  tree;
  /** 1 for the rows of own-code functions; undefined when no own-code attribution was asked for. */
  ownRows;
  /** Per row, k values: the samples whose deepest own frame is the row. */
  ownFlat;
  /** Per (own row, leaf row) pair, keyed own · rows + leaf: its k values. */
  ownLeaf = /* @__PURE__ */ new Map();
  /** Per own line (function, file, line), by its name: its id, an index into ownLineValues. */
  ownLine = /* @__PURE__ */ new Map();
  ownLineValues = [];
  /** Per line entry of the profile: its own line's id, -1 until first used. */
  ownLineOf;
  /** The tables, for the own frame's file and line. */
  tables;
  /** Whether own lines are summed (OwnCodeSpec.lines). */
  ownLines;
  lines;
  constructor(tables, focus, tree = false, own, ownLines = false, lines = false) {
    const k = tables.sampleType.length;
    this.k = k;
    this.index = buildRowIndex(tables);
    const rowCount = this.index.name.length;
    const { masks, words: words2 } = focusMasks(this.index.name, focus);
    this.masks = masks;
    this.words = words2;
    this.focusCount = focus.length;
    this.variance = new SampleVariance(tables);
    this.flat = new Float64Array(rowCount * 2 * k);
    this.cum = new Float64Array(rowCount * k);
    this.focus = new Float64Array(focus.length * 2 * k);
    this.total = new Float64Array(k);
    this.totalVar = new Float64Array(k);
    this.sv = new Float64Array(2 * k);
    this.seen = new Int32Array(rowCount).fill(-1);
    this.sampleMask = new Int32Array(words2);
    this.tree = tree ? new CallTreeBuilder(this.index, k) : void 0;
    this.tables = tables;
    this.ownLines = own !== void 0 && ownLines;
    this.ownLineOf = new Int32Array(this.ownLines ? tables.lines.count : 0).fill(-1);
    this.ownRows = own === void 0 ? void 0 : ownRowMask(tables, this.index, own);
    this.ownFlat = new Float64Array(own === void 0 ? 0 : rowCount * k);
    this.lines = lines ? new LineAggregator(tables) : void 0;
  }
  add(samples, i) {
    const k = this.k;
    const sv = this.sv;
    const total = this.total;
    const totalVar = this.totalVar;
    const value = samples.value;
    const at = i * k;
    const mark = this.sampleCount++;
    for (let t = 0; t < k; t++) sv[t] = value[at + t];
    if (this.variance.rate > 0) {
      const labelSize = bytesLabel(samples, samples.labelStart[i], samples.labelStart[i + 1]);
      this.variance.compute(value, at, labelSize, sv, k);
    }
    let nonzero = false;
    let negative = false;
    for (let t = 0; t < k; t++) {
      const v = sv[t];
      const vv = sv[k + t];
      total[t] += v;
      totalVar[t] += vv;
      if (v !== 0 || vv !== 0) nonzero = true;
      if (v < 0) negative = true;
    }
    if (negative) this.negativeSamples++;
    const first = samples.locationStart[i];
    const last = samples.locationStart[i + 1];
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
  addFrames(locationIndex, first, last, mark) {
    const k = this.k;
    const width = 2 * k;
    const sv = this.sv;
    const cum = this.cum;
    const seen = this.seen;
    const { code: codeOf, multiStart, multiRows } = this.index;
    const focusCount = this.focusCount;
    const words2 = this.words;
    const masks = this.masks;
    const sampleMask = this.sampleMask;
    const ownRows = this.ownRows;
    let ownRow = -1;
    let ownEntry = -1;
    if (focusCount > 0) sampleMask.fill(0);
    for (let j = first; j < last; j++) {
      const code = codeOf[locationIndex[j]];
      let e = code;
      let stop = code + 1;
      if (code < 0) {
        e = multiStart[~code];
        stop = multiStart[~code + 1];
      }
      for (; e < stop; e++) {
        const r = code < 0 ? multiRows[e] : e;
        if (seen[r] === mark) continue;
        seen[r] = mark;
        if (ownRow < 0 && ownRows !== void 0 && ownRows[r] === 1) {
          ownRow = r;
          const loc = locationIndex[j];
          const { lineStart } = this.tables.locations;
          ownEntry = lineStart[loc] === lineStart[loc + 1] ? -1 : lineStart[loc] + (code < 0 ? e - multiStart[~code] : 0);
        }
        const o = r * k;
        for (let c = 0; c < k; c++) cum[o + c] += sv[c];
        if (focusCount > 0) {
          for (let w = 0; w < words2; w++) sampleMask[w] |= masks[r * words2 + w];
        }
      }
    }
    const leafCode = codeOf[locationIndex[first]];
    const leaf = leafCode >= 0 ? leafCode : multiRows[multiStart[~leafCode]];
    const flat = this.flat;
    for (let c = 0, o = leaf * width; c < width; c++) flat[o + c] += sv[c];
    if (ownRow >= 0) this.addOwn(ownRow, leaf, ownEntry);
    if (focusCount > 0) {
      const focus = this.focus;
      for (let p = 0; p < focusCount; p++) {
        if ((sampleMask[Math.floor(p / 31)] & 1 << p % 31) === 0) continue;
        for (let c = 0; c < width; c++) focus[p * width + c] += sv[c];
      }
    }
  }
  /** Adds the sample in `sv` to its own row, to the (own, leaf) pair and to the own frame's line. */
  addOwn(ownRow, leaf, entry) {
    const k = this.k;
    const sv = this.sv;
    const ownFlat = this.ownFlat;
    for (let c = 0, o = ownRow * k; c < k; c++) ownFlat[o + c] += sv[c];
    if (leaf !== ownRow) {
      const key = ownRow * this.index.name.length + leaf;
      let pair = this.ownLeaf.get(key);
      if (pair === void 0) {
        pair = new Float64Array(k);
        this.ownLeaf.set(key, pair);
      }
      for (let c = 0; c < k; c++) pair[c] += sv[c];
    }
    if (!this.ownLines || entry < 0) return;
    let id = this.ownLineOf[entry];
    if (id < 0) id = this.ownLineOf[entry] = this.ownLineId(ownRow, entry);
    const line = this.ownLineValues[id];
    for (let c = 0; c < k; c++) line[c] += sv[c];
  }
  /** The id of the own line of a line entry (its function's row, file and line), made on first use. */
  ownLineId(ownRow, entry) {
    const { lines, function: functions } = this.tables;
    const file = capName(functions[lines.function[entry]]?.filename ?? "");
    const sep = OWN_LEAF_SEPARATOR;
    const name2 = `${noSeparator(this.index.name[ownRow])}${sep}${noSeparator(file)}${sep}${lines.line[entry]}`;
    let id = this.ownLine.get(name2);
    if (id === void 0) {
      id = this.ownLineValues.length;
      this.ownLine.set(name2, id);
      this.ownLineValues.push(new Float64Array(this.k));
    }
    return id;
  }
  /** The own-code attribution of the samples added: only rows and pairs that received a sample. */
  ownTotals() {
    const k = this.k;
    const names = this.index.name;
    const rowCount = names.length;
    const flat = column(this.ownFlat, rowCount, k, 0, k);
    const keys = [...this.ownLeaf.keys()];
    const leaves = {
      name: keys.map((key) => {
        const own = noSeparator(names[Math.floor(key / rowCount)]);
        return `${own}${OWN_LEAF_SEPARATOR}${noSeparator(names[key % rowCount])}`;
      }),
      flat: Array.from({ length: k }, (_, t) => Float64Array.from(keys, (key) => this.ownLeaf.get(key)[t]))
    };
    if (!this.ownLines) return { flat, leaves };
    const lineNames = [...this.ownLine.keys()];
    const lines = {
      name: lineNames,
      flat: Array.from(
        { length: k },
        (_, t) => Float64Array.from(lineNames, (n) => this.ownLineValues[this.ownLine.get(n)][t])
      )
    };
    return { flat, leaves, lines };
  }
  /** The summary of the samples added, with the rest of the profile's header. */
  summary(profile, patterns) {
    checkMemoryProfile(profile.sampleType, profile.periodType);
    checkMeasured(this.negativeSamples, this.sampleCount);
    const k = this.k;
    const width = 2 * k;
    const rowCount = this.index.name.length;
    const { flat, cum, focus, total, totalVar } = this;
    return {
      sampleType: profile.sampleType.map((t) => ({ type: t.type, unit: t.unit })),
      defaultSampleTypeIndex: profile.defaultSampleTypeIndex,
      periodType: profile.periodType === void 0 ? void 0 : { ...profile.periodType },
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
        flatVariance: column(flat, rowCount, width, k, k)
      },
      focus: patterns.map((pattern, p) => ({
        pattern,
        total: Array.from(focus.subarray(p * width, p * width + k)),
        variance: Array.from(focus.subarray(p * width + k, p * width + width))
      })),
      ...this.tree === void 0 ? {} : { tree: this.tree.finish() },
      ...this.lines === void 0 ? {} : { lines: this.lines.finish() },
      ...this.index.cutNames > 0 ? { cutNames: this.index.cutNames } : {},
      ...this.ownRows === void 0 ? {} : { own: this.ownTotals() }
    };
  }
};
function noSeparator(name2) {
  return name2.includes(OWN_LEAF_SEPARATOR) ? name2.replaceAll(OWN_LEAF_SEPARATOR, "\uFFFD") : name2;
}
function ownRowMask(tables, index, own) {
  const mask = new Uint8Array(index.name.length);
  for (const fn of tables.function) {
    if (fn.name === "") continue;
    const r = index.rowOf.get(capName(fn.name));
    if (r !== void 0 && own(fn.name, fn.filename)) mask[r] = 1;
  }
  return mask;
}
function summarizeStored(profile, regexps, patterns, tree, own, ownLines = false, lines = false) {
  const aggregator = new Aggregator(profile, regexps, tree, own, ownLines, lines);
  for (let i = 0; i < profile.samples.count; i++) aggregator.add(profile.samples, i);
  return aggregator.summary(profile, patterns);
}
function summarizeEncoded(bytes, options = {}) {
  let patterns = options.focus ?? [];
  let regexps = [];
  let focusError;
  let own;
  try {
    regexps = compileFocus(patterns);
    own = options.ownCode === void 0 ? void 0 : compileOwnCode(options.ownCode);
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
            options.lines === true
          );
          samples.forEach(aggregator);
          return aggregator;
        });
        return decoded.samples.summary(decoded, patterns);
      },
      text: (profile) => summarizeStored(profile, regexps, patterns, options.tree === true, own, options.ownCode?.lines, options.lines)
    },
    options
  );
  if (focusError !== void 0) throw focusError;
  return summary;
}

// src/core/profile/bench-profile.ts
var BENCHMARK_LOOP = "testing.(*B).runN";
function scalesWithIterations(summary) {
  return summary.functions.name.includes(BENCHMARK_LOOP);
}
var ITERATIONS_WARNING = "go test -bench profiles: their totals count every iteration, and b.N differs between runs unless -benchtime=Nx fixes it, so these deltas are not exact; compare the go test -bench -benchmem output instead (heapgate reads it: B/op and allocs/op per benchmark), or run both with the same -benchtime=Nx and let a history of baselines calibrate the noise";

// src/core/compare/line-runs.ts
function meanLines(sides, runs, n) {
  if (sides.length === 0 || sides.some((s) => s === void 0)) return void 0;
  const all = sides;
  const k = all[0].flat.length;
  const rowOf = new LineKeyMap();
  const fn = [];
  const file = [];
  const line = [];
  const rowsOf = all.map(
    (s) => s.function.map((f, r) => {
      const row = rowOf.getOrAdd(f, s.file[r], s.line[r], fn.length);
      if (row === fn.length) {
        fn.push(f);
        file.push(s.file[r]);
        line.push(s.line[r]);
      }
      return row;
    })
  );
  const columns = () => Array.from({ length: k }, () => new Float64Array(fn.length));
  const flat = columns();
  const cum = columns();
  const flatVariance = columns();
  all.forEach((s, i) => {
    const w = runs[i];
    rowsOf[i].forEach((row, r) => {
      for (let t = 0; t < k; t++) {
        flat[t][row] += s.flat[t][r] * w / n;
        cum[t][row] += s.cum[t][r] * w / n;
        flatVariance[t][row] += s.flatVariance[t][r] * w * w / (n * n);
      }
    });
  });
  return { function: fn, file, line, flat, cum, flatVariance };
}

// src/core/compare/runs.ts
function runCount(summary) {
  return summary.runs?.total.length ?? 1;
}
function runsOf(s) {
  return s.runs ?? { total: [s.total], focus: [s.focus.map((f) => f.total)] };
}
function checkAlike(first, other, label, firstLabel) {
  const types = (s) => s.sampleType.map(formatValueType).join(", ");
  if (other.sampleType.length !== first.sampleType.length || other.sampleType.some((t, i) => !sameValueType(t, first.sampleType[i]))) {
    throw new IncompatibleProfilesError(
      `runs of one side must be profiles of one kind: ${label} has ${types(other)}, ${firstLabel} has ${types(first)}`
    );
  }
  if (other.period !== first.period) {
    throw new IncompatibleProfilesError(
      `runs of one side must be sampled alike: ${label} has period ${other.period}, ${firstLabel} ${first.period}`
    );
  }
}
function meanFunctions(summaries, n) {
  const k = summaries[0].sampleType.length;
  const rowOf = /* @__PURE__ */ new Map();
  const name2 = [];
  for (const s of summaries) {
    for (const f of s.functions.name) {
      if (!rowOf.has(f)) {
        rowOf.set(f, name2.length);
        name2.push(f);
      }
    }
  }
  const columns = () => Array.from({ length: k }, () => new Float64Array(name2.length));
  const flat = columns();
  const cum = columns();
  const flatVariance = columns();
  for (const s of summaries) {
    s.functions.name.forEach((f, r) => {
      const row = rowOf.get(f);
      for (let t = 0; t < k; t++) {
        flat[t][row] += s.functions.flat[t][r] * runCount(s) / n;
        cum[t][row] += s.functions.cum[t][r] * runCount(s) / n;
        flatVariance[t][row] += s.functions.flatVariance[t][r] * runCount(s) ** 2 / (n * n);
      }
    });
  }
  return { name: name2, flat, cum, flatVariance };
}
function meanNamed(tables, k, n) {
  const rowOf = /* @__PURE__ */ new Map();
  const name2 = [];
  for (const { table } of tables) {
    for (const f of table.name) {
      if (!rowOf.has(f)) {
        rowOf.set(f, name2.length);
        name2.push(f);
      }
    }
  }
  const flat = Array.from({ length: k }, () => new Float64Array(name2.length));
  for (const { table, runs } of tables) {
    table.name.forEach((f, r) => {
      const row = rowOf.get(f);
      for (let t = 0; t < k; t++) flat[t][row] += table.flat[t][r] * runs / n;
    });
  }
  return { name: name2, flat };
}
function meanOwn(summaries, k, n) {
  if (summaries.some((s) => s.own === void 0)) return void 0;
  const table = (s, f) => ({ table: f(s.own), runs: runCount(s) });
  const flat = meanNamed(
    summaries.map((s) => ({ table: { name: s.functions.name, flat: s.own.flat }, runs: runCount(s) })),
    k,
    n
  ).flat;
  const leaves = meanNamed(
    summaries.map((s) => table(s, (o) => o.leaves)),
    k,
    n
  );
  if (summaries.some((s) => s.own.lines === void 0)) return { flat, leaves };
  const lines = meanNamed(
    summaries.map((s) => table(s, (o) => o.lines)),
    k,
    n
  );
  return { flat, leaves, lines };
}
function meanTree(summaries, names, n) {
  if (summaries.some((s) => s.tree === void 0)) return void 0;
  const k = summaries[0].sampleType.length;
  const rowOf = new Map(names.map((f, r) => [f, r]));
  const nodeOf = /* @__PURE__ */ new Map();
  const parent = [-1];
  const row = [-1];
  const value = Array.from({ length: k }, () => [0]);
  for (const s of summaries) {
    const tree = s.tree;
    const w = runCount(s) / n;
    const merged = new Int32Array(tree.parent.length);
    for (let i = 0; i < tree.parent.length; i++) {
      let node = 0;
      if (i > 0) {
        const p = merged[tree.parent[i]];
        const own = tree.row[i];
        const r = own === ELIDED_ROW ? ELIDED_ROW : rowOf.get(s.functions.name[own]);
        const key = p * (names.length + 1) + (r === ELIDED_ROW ? names.length : r);
        const found = nodeOf.get(key);
        if (found === void 0) {
          node = parent.length;
          parent.push(p);
          row.push(r);
          for (const col of value) col.push(0);
          nodeOf.set(key, node);
        } else {
          node = found;
        }
      }
      merged[i] = node;
      for (let t = 0; t < k; t++) value[t][node] += tree.value[t][i] * w;
    }
  }
  return { parent: Int32Array.from(parent), row: Int32Array.from(row), value: value.map((c) => Float64Array.from(c)) };
}
function combineRuns(summaries, labels) {
  const first = summaries[0];
  if (first === void 0) throw new RangeError("combineRuns needs at least one summary");
  if (summaries.length === 1) return first;
  summaries.forEach((s, i) => checkAlike(first, s, labels[i] ?? `run ${i + 1}`, labels[0] ?? "run 1"));
  const k = first.sampleType.length;
  const all = summaries.map(runsOf);
  const total = all.flatMap((r) => r.total);
  const n = total.length;
  const mean2 = (pick) => Array.from({ length: k }, (_, t) => summaries.reduce((sum, s) => sum + pick(s)[t] * runCount(s), 0) / n);
  const meanVariance = (pick) => Array.from({ length: k }, (_, t) => summaries.reduce((sum, s) => sum + pick(s)[t] * runCount(s) ** 2, 0) / n ** 2);
  const patterns = first.focus.map((f) => f.pattern);
  const focusOf = (s, p) => s.focus[p];
  const focus = patterns.map((pattern, p) => ({
    pattern,
    total: mean2((s) => focusOf(s, p).total),
    variance: meanVariance((s) => focusOf(s, p).variance)
  }));
  const functions = meanFunctions(summaries, n);
  const tree = meanTree(summaries, functions.name, n);
  const lines = meanLines(
    summaries.map((s) => s.lines),
    summaries.map(runCount),
    n
  );
  const variance = meanVariance((s) => s.variance);
  const cutNames = Math.max(0, ...summaries.map((s) => s.cutNames ?? 0));
  const own = meanOwn(summaries, k, n);
  return {
    sampleType: first.sampleType,
    defaultSampleTypeIndex: first.defaultSampleTypeIndex,
    periodType: first.periodType,
    period: first.period,
    sampleCount: summaries.reduce((sum, s) => sum + s.sampleCount, 0),
    timeNanos: first.timeNanos,
    comment: first.comment,
    total: mean2((s) => s.total),
    variance,
    exact: summaries.every((s) => s.exact),
    functions,
    focus,
    ...tree === void 0 ? {} : { tree },
    ...lines === void 0 ? {} : { lines },
    ...cutNames > 0 ? { cutNames } : {},
    ...own === void 0 ? {} : { own },
    runs: { total, focus: all.flatMap((r) => r.focus) }
  };
}
function sampleVariance(values) {
  const n = values.length;
  const mean2 = values.reduce((s, v) => s + v, 0) / n;
  return values.reduce((s, v) => s + (v - mean2) ** 2, 0) / (n - 1);
}
function runSpread(base, current) {
  const nb = base.length;
  const nc = current.length;
  if (nb < 2 && nc < 2) return { variance: 0, df: Number.POSITIVE_INFINITY };
  if (nb < 2 || nc < 2) {
    const side = nb < 2 ? current : base;
    return { variance: sampleVariance(side) * (1 / nb + 1 / nc), df: side.length - 1 };
  }
  const vb = sampleVariance(base) / nb;
  const vc = sampleVariance(current) / nc;
  const variance = vb + vc;
  const denominator = vb * vb / (nb - 1) + vc * vc / (nc - 1);
  return { variance, df: denominator > 0 ? variance * variance / denominator : Number.POSITIVE_INFINITY };
}

// src/core/profile/benchmark-set.ts
var BENCH_METRICS = [
  { type: "B/op", unit: "bytes" },
  { type: "allocs/op", unit: "count" }
];

// src/core/bench/attribution.ts
var SOURCE_TYPE = { "B/op": "alloc_space", "allocs/op": "alloc_objects" };
function topLevelName(name2) {
  const slash = name2.indexOf("/");
  return slash < 0 ? name2 : name2.slice(0, slash);
}
function attribute(profile, set, label) {
  const tree = profile.tree;
  if (tree === void 0) throw new Error("attribute needs a summary with its call tree");
  const names = profile.functions.name;
  const wanted = /* @__PURE__ */ new Map();
  for (const b of set.benchmarks) {
    const top = topLevelName(b.name);
    wanted.set(b.pkg === "" ? top : `${b.pkg}.${top}`, { pkg: b.pkg, name: top });
  }
  const keys = [...wanted.keys()];
  const benchOfRow = names.map((n) => keys.findIndex((k) => n === k || !k.includes(".") && n.endsWith(`.${k}`)));
  const nodes = tree.parent.length;
  const owner = new Int32Array(nodes).fill(-1);
  for (let i = 1; i < nodes; i++) {
    const up = owner[tree.parent[i]];
    owner[i] = up >= 0 ? up : benchOfRow[tree.row[i]] ?? -1;
  }
  const out = [];
  const types = Object.entries(SOURCE_TYPE).map(([metric, type]) => ({
    metric,
    t: profile.sampleType.findIndex((s) => s.type === type)
  }));
  if (types.every((x) => x.t < 0)) {
    throw new IncompatibleProfilesError(`${label} has neither alloc_space nor alloc_objects to attribute B/op with`);
  }
  keys.forEach((key, b) => {
    const metrics = {};
    for (const { metric, t } of types) {
      if (t < 0) continue;
      metrics[metric] = sums(tree.parent, tree.row, tree.value[t], owner, b, names);
    }
    if (Object.values(metrics).some((m) => m.total > 0)) out.push({ ...wanted.get(key), metrics });
  });
  if (out.length === 0) {
    throw new IncompatibleProfilesError(
      `${label} has no stacks under the benchmarks of the output it was given with: give the -memprofile of the same go test run`
    );
  }
  return out;
}
function sums(parent, row, value, owner, b, names) {
  const nodes = parent.length;
  const children = new Float64Array(nodes);
  for (let i = 1; i < nodes; i++) children[parent[i]] += value[i];
  const flat = /* @__PURE__ */ new Map();
  const cum = /* @__PURE__ */ new Map();
  let total = 0;
  for (let i = 1; i < nodes; i++) {
    if (owner[i] !== b) continue;
    const r = row[i];
    const own = value[i] - children[i];
    if (own !== 0) flat.set(r, (flat.get(r) ?? 0) + own);
    total += own;
    let up = parent[i];
    while (up > 0 && owner[up] === b && row[up] !== r) up = parent[up];
    if (!(up > 0 && owner[up] === b)) cum.set(r, (cum.get(r) ?? 0) + value[i]);
  }
  const functions = [...cum.keys()].map((r) => ({ name: names[r], flat: flat.get(r) ?? 0, cum: cum.get(r) }));
  return { total, functions };
}
function mergeAttributions(lists) {
  const byKey = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const a of list) {
      const key = JSON.stringify([a.pkg, a.name]);
      const entry = byKey.get(key) ?? { pkg: a.pkg, name: a.name, metrics: /* @__PURE__ */ new Map() };
      byKey.set(key, entry);
      for (const [metric, m] of Object.entries(a.metrics)) {
        const into = entry.metrics.get(metric) ?? { total: 0, fn: /* @__PURE__ */ new Map() };
        entry.metrics.set(metric, into);
        into.total += m.total;
        for (const f of m.functions) {
          const old = into.fn.get(f.name);
          into.fn.set(f.name, { name: f.name, flat: (old?.flat ?? 0) + f.flat, cum: (old?.cum ?? 0) + f.cum });
        }
      }
    }
  }
  return [...byKey.values()].map((e) => ({
    pkg: e.pkg,
    name: e.name,
    metrics: Object.fromEntries([...e.metrics].map(([k, m]) => [k, { total: m.total, functions: [...m.fn.values()] }]))
  }));
}

// src/core/bench/parse.ts
var MAX_BENCHMARKS = 1e4;
var MAX_RUNS_PER_BENCHMARK = 1e3;
var MAX_NAME_CHARS = 1e3;
var SNIFF_CHARS = 1 << 20;
var RESULT = /^(Benchmark(?:[^a-z\s]\S*)?)[ \t]+(\d+)(?:[ \t]+(.*))?$/;
var CONFIG = /^([a-z][^\s:]*):(?:[ \t]+(.*))?$/;
var PROCS_SUFFIX = /-(\d+)$/;
function isBenchmarkText(bytes) {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, SNIFF_CHARS));
  if (text.startsWith("heap profile:")) return false;
  return text.split("\n").some((line) => RESULT.test(line.replace(/\r$/, "")));
}
function quote(line) {
  const cut = line.length > 80 ? `${line.slice(0, 80)}\u2026` : line;
  return `"${cut.replace(/[\u0000-\u001f\u007f]/g, "?")}"`;
}
function measurements(rest) {
  const fields = rest.split(/[ \t]+/).filter((f) => f !== "");
  if (fields.length % 2 !== 0) return null;
  const out = /* @__PURE__ */ new Map();
  for (let i = 0; i < fields.length; i += 2) {
    const value = Number(fields[i]);
    if (!Number.isFinite(value) || !/^[-+]?[\d.]/.test(fields[i])) return null;
    out.set(fields[i + 1], value);
  }
  return out;
}
function parseBenchmarks(text) {
  const byKey = /* @__PURE__ */ new Map();
  const order = [];
  const withoutMemory = /* @__PURE__ */ new Map();
  let pkg = "";
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    const at = `line ${i + 1}`;
    if (/^(FAIL|--- FAIL:)(\s|$)/.test(line)) {
      throw new DecodeError(`${at}: the benchmark run failed (${quote(line)}); fix it and run it again`);
    }
    const config = CONFIG.exec(line);
    if (config !== null) {
      if (config[1] === "pkg") pkg = (config[2] ?? "").trim();
      if (pkg.length > MAX_NAME_CHARS) throw new DecodeError(`${at}: package name over ${MAX_NAME_CHARS} characters`);
      continue;
    }
    const result = RESULT.exec(line);
    if (result === null) continue;
    const fullName = result[1];
    if (fullName.length > MAX_NAME_CHARS)
      throw new DecodeError(`${at}: benchmark name over ${MAX_NAME_CHARS} characters`);
    const values = measurements(result[3] ?? "");
    if (values === null) {
      throw new DecodeError(`${at}: malformed benchmark result ${quote(line)}: expected "<value> <unit>" pairs`);
    }
    const bytes = values.get("B/op");
    const allocs = values.get("allocs/op");
    const suffix = PROCS_SUFFIX.exec(fullName);
    const name2 = suffix === null ? fullName : fullName.slice(0, suffix.index);
    const procs = suffix === null ? 1 : Number(suffix[1]);
    const key = JSON.stringify([pkg, name2]);
    if (bytes === void 0 && allocs === void 0) {
      if (!withoutMemory.has(key)) {
        if (withoutMemory.size + order.length >= MAX_BENCHMARKS) {
          throw new DecodeError(`${at}: more than ${MAX_BENCHMARKS} benchmarks`);
        }
        withoutMemory.set(key, { pkg, name: name2, line: i + 1 });
      }
      continue;
    }
    if (bytes === void 0 || allocs === void 0) {
      throw new DecodeError(
        `${at}: ${quote(fullName)} has ${bytes === void 0 ? "allocs/op but no B/op" : "B/op but no allocs/op"}`
      );
    }
    if (bytes < 0 || allocs < 0) throw new DecodeError(`${at}: negative B/op or allocs/op in ${quote(line)}`);
    let b = byKey.get(key);
    if (b === void 0) {
      if (order.length + withoutMemory.size >= MAX_BENCHMARKS) {
        throw new DecodeError(`${at}: more than ${MAX_BENCHMARKS} benchmarks`);
      }
      b = { pkg, name: name2, procs: [], bytes: [], allocs: [] };
      byKey.set(key, b);
      order.push(b);
    }
    if (b.bytes.length >= MAX_RUNS_PER_BENCHMARK) {
      throw new DecodeError(`${at}: more than ${MAX_RUNS_PER_BENCHMARK} runs of ${quote(name2)}; use a smaller -count`);
    }
    if (!b.procs.includes(procs)) b.procs.push(procs);
    b.bytes.push(bytes);
    b.allocs.push(allocs);
  }
  const skipped = [...withoutMemory].filter(([key]) => !byKey.has(key)).map(([, s]) => s);
  if (order.length === 0 && skipped.length > 0) {
    const first = skipped[0];
    const more = skipped.length > 1 ? ` and ${skipped.length - 1} more` : "";
    throw new DecodeError(
      `line ${first.line}: no benchmark reports B/op and allocs/op (${quote(first.name)}${more}): run go test -bench with -benchmem (or call b.ReportAllocs())`
    );
  }
  if (order.length === 0)
    throw new DecodeError('no benchmark results (lines like "BenchmarkX-8  1000  123 ns/op ...")');
  if (skipped.length === 0) return { benchmarks: order };
  return { benchmarks: order, skipped: skipped.map(({ pkg: pkg2, name: name2 }) => ({ pkg: pkg2, name: name2 })) };
}
function mergeBenchmarkSets(sets) {
  const byKey = /* @__PURE__ */ new Map();
  const order = [];
  for (const set of sets) {
    for (const r of set.benchmarks) {
      const key = JSON.stringify([r.pkg, r.name]);
      let b = byKey.get(key);
      if (b === void 0) {
        b = { pkg: r.pkg, name: r.name, procs: [], bytes: [], allocs: [] };
        byKey.set(key, b);
        order.push(b);
      }
      for (const p of r.procs) if (!b.procs.includes(p)) b.procs.push(p);
      b.bytes.push(...r.bytes);
      b.allocs.push(...r.allocs);
    }
  }
  const skipped = /* @__PURE__ */ new Map();
  for (const s of sets.flatMap((set) => set.skipped ?? [])) {
    const key = JSON.stringify([s.pkg, s.name]);
    if (!byKey.has(key) && !skipped.has(key)) skipped.set(key, s);
  }
  return skipped.size === 0 ? { benchmarks: order } : { benchmarks: order, skipped: [...skipped.values()] };
}

// src/core/bench/summary.ts
function median(values) {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5
  );
}
function benchSummary(set) {
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
    periodType: void 0,
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
      flatVariance: [new Float64Array(0), new Float64Array(0)]
    },
    focus: [],
    benchmarks: set
  };
}
function combineBenchSummaries(summaries, labels) {
  const name2 = (i) => labels[i] ?? `run ${i + 1}`;
  const bench = summaries.findIndex((s) => s.benchmarks !== void 0);
  const profile = summaries.findIndex((s) => s.benchmarks === void 0 && !scalesWithIterations(s));
  if (profile >= 0) {
    throw new IncompatibleProfilesError(
      `runs of one side must be of one kind: ${name2(bench)} is Go benchmark output, ${name2(profile)} a heap profile (only a go test -bench -memprofile profile of the same run may go with it)`
    );
  }
  const set = mergeBenchmarkSets(summaries.filter((s) => s.benchmarks !== void 0).map((s) => s.benchmarks));
  const profiles = summaries.flatMap((s, i) => s.benchmarks === void 0 ? [{ s, label: name2(i) }] : []);
  if (profiles.length === 0) return benchSummary(set);
  const attribution = mergeAttributions(profiles.map(({ s, label }) => attribute(s, set, label)));
  return benchSummary({ ...set, attribution });
}
function summarizeBenchmarkText(bytes) {
  if (!isBenchmarkText(bytes)) return null;
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError("Go benchmark output that is not UTF-8 text");
  }
  return benchSummary(parseBenchmarks(text));
}

// src/core/bench/input.ts
function summarizeInput(bytes, options = {}) {
  const bench = summarizeBenchmarkText(bytes);
  if (bench !== null) return bench;
  const summary = summarizeEncoded(bytes, options);
  if (options.tree === true || !scalesWithIterations(summary)) return summary;
  return summarizeEncoded(bytes, { ...options, tree: true });
}
function combineInputs(summaries, labels) {
  if (summaries.length > 1 && summaries.some((s) => s.benchmarks !== void 0)) {
    return combineBenchSummaries(summaries, labels);
  }
  return combineRuns(summaries, labels);
}

// src/core/history/run-bundle.ts
var MAX_RUNS = 100;
var BLOCK = 512;
var MAGIC_AT = 257;
var USTAR = "ustar";
function isRunBundle(bytes) {
  if (bytes.length < BLOCK) return false;
  for (let i = 0; i < USTAR.length; i++) if (bytes[MAGIC_AT + i] !== USTAR.charCodeAt(i)) return false;
  return true;
}
function writeString(block, at, text) {
  for (let i = 0; i < text.length; i++) block[at + i] = text.charCodeAt(i);
}
function writeOctal(block, at, width, value) {
  writeString(block, at, value.toString(8).padStart(width - 1, "0"));
  block[at + width - 1] = 0;
}
function checksum(header) {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
  return sum;
}
function runMemberName(i) {
  return `run-${String(i + 1).padStart(3, "0")}.pprof`;
}
function packRuns(profiles) {
  if (profiles.length < 2 || profiles.length > MAX_RUNS) {
    throw new RangeError(`a run bundle holds 2 to ${MAX_RUNS} profiles, not ${profiles.length}`);
  }
  const size2 = profiles.reduce((s, p) => s + BLOCK + Math.ceil(p.length / BLOCK) * BLOCK, 0) + 2 * BLOCK;
  const out = new Uint8Array(size2);
  let at = 0;
  profiles.forEach((p, i) => {
    const header = out.subarray(at, at + BLOCK);
    writeString(header, 0, runMemberName(i));
    writeOctal(header, 100, 8, 420);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, p.length);
    writeOctal(header, 136, 12, 0);
    header[156] = 48;
    writeString(header, MAGIC_AT, `${USTAR}\x0000`);
    writeOctal(header, 148, 7, checksum(header));
    header[155] = 32;
    out.set(p, at + BLOCK);
    at += BLOCK + Math.ceil(p.length / BLOCK) * BLOCK;
  });
  return out;
}
function readOctal(bytes, at, width) {
  let text = "";
  for (let i = at; i < at + width; i++) {
    const c = bytes[i];
    if (c === 0 || c === 32 && text !== "") break;
    if (c !== 32) text += String.fromCharCode(c);
  }
  return /^[0-7]{1,12}$/.test(text) ? parseInt(text, 8) : Number.NaN;
}
function isZeroBlock(bytes, at) {
  for (let i = at; i < at + BLOCK; i++) if (bytes[i] !== 0) return false;
  return true;
}
function unpackRuns(bytes) {
  const runs = [];
  let at = 0;
  while (at + BLOCK <= bytes.length && !isZeroBlock(bytes, at)) {
    const n = runs.length + 1;
    if (readOctal(bytes, at + 148, 8) !== checksum(bytes.subarray(at, at + BLOCK))) {
      throw new DecodeError(`run bundle: member ${n} has a bad header checksum`);
    }
    const type = bytes[at + 156];
    if (type !== 48 && type !== 0) throw new DecodeError(`run bundle: member ${n} is not a regular file`);
    const size2 = readOctal(bytes, at + 124, 12);
    const start = at + BLOCK;
    if (!Number.isFinite(size2) || start + size2 > bytes.length) {
      throw new DecodeError(`run bundle: member ${n} is truncated or has a bad size`);
    }
    if (runs.length === MAX_RUNS) throw new DecodeError(`run bundle: more than ${MAX_RUNS} runs`);
    runs.push(bytes.subarray(start, start + size2));
    at = start + Math.ceil(size2 / BLOCK) * BLOCK;
  }
  if (runs.length === 0) throw new DecodeError("run bundle: no runs in the archive");
  return runs;
}

// src/adapters/bounded-read.ts
import { open as open2 } from "node:fs/promises";
var CHUNK = 1 << 20;
async function readBounded(path, maxBytes) {
  const file = await open2(path, "r");
  try {
    const st = await file.stat();
    if (st.isFile() && st.size > maxBytes) return { ok: false, size: st.size };
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await file.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, size: st.isFile() ? Math.max(total, st.size) : void 0 };
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } finally {
    await file.close();
  }
}

// src/adapters/fs-error.ts
function describeFsError(e) {
  const code = e?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory, not a file";
    case "ENOTDIR":
      return "a parent of the path is not a directory";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    default:
      return typeof code === "string" ? `cannot read (${code})` : `cannot read: ${firstLine(e)}`;
  }
}

// src/adapters/profile-file.ts
function tooLarge(size2, maxBytes) {
  const held = size2 === void 0 ? "not a regular file, and" : `${size2} bytes,`;
  return `${held} more than the limit of ${maxBytes} bytes (raise it with max-profile-size)`;
}
async function readProfileFile(path, maxBytes = Number.MAX_SAFE_INTEGER) {
  let read;
  try {
    read = await readBounded(path, maxBytes);
  } catch (e) {
    throw new UsageError(describeFsError(e));
  }
  if (!read.ok) throw new UsageError(tooLarge(read.size, maxBytes));
  return read.bytes;
}

// src/adapters/profile-job.ts
async function runProfileJob(job) {
  let step = "reading";
  try {
    const bytes = "path" in job.source ? await readProfileFile(job.source.path, job.maxBytes) : job.source.bytes;
    step = "decoding";
    if (bytes.length > job.maxBytes) throw new DecodeError(tooLarge(bytes.length, job.maxBytes));
    const options = {
      focus: job.focus,
      maxDecompressedBytes: job.maxBytes,
      tree: job.tree === true,
      ...job.ownCode === void 0 ? {} : { ownCode: job.ownCode },
      lines: job.lines === true
    };
    if (isRunBundle(bytes)) {
      const runs = unpackRuns(bytes);
      const labels = runs.map((_, i) => runMemberName(i));
      const summaries = [];
      for (const [i, run] of runs.entries()) {
        try {
          summaries.push(summarizeInput(run, options));
        } catch (e) {
          return failure(e instanceof RuleError ? "summarizing" : step, e, `run bundle member ${labels[i]}: `);
        }
      }
      return { ok: true, summary: combineInputs(summaries, labels) };
    }
    return { ok: true, summary: summarizeInput(bytes, options) };
  } catch (e) {
    return failure(e instanceof RuleError ? "summarizing" : step, e);
  }
}
function failure(step, e, prefix = "") {
  if (e instanceof HeapgateError) {
    return {
      ok: false,
      step,
      name: e.name,
      message: `${prefix}${e.message}`,
      exitCode: e.exitCode,
      offset: e instanceof DecodeError ? e.offset : void 0,
      internal: false
    };
  }
  return { ok: false, step, name: "Error", message: firstLine(e), exitCode: ExitCode.internal, internal: true };
}
function jobError(source, f) {
  const message = `${f.step} ${source.role} profile ${source.label}: ${f.message}`;
  if (f.internal) return new Error(message);
  switch (f.name) {
    case "DecodeError": {
      const err = new DecodeError(message);
      if (f.offset !== void 0) Object.defineProperty(err, "offset", { value: f.offset });
      return err;
    }
    case "IncompatibleProfilesError":
      return new IncompatibleProfilesError(message);
    case "RuleError":
      return new RuleError(message);
    case "UsageError":
      return new UsageError(message);
    case "StoreError":
      return new StoreError(message);
    default:
      return new HeapgateError(message, f.exitCode);
  }
}
function summaryTransferList(summary) {
  const buffers = /* @__PURE__ */ new Set();
  const f = summary.functions;
  const tree = summary.tree;
  const treeArrays = tree === void 0 ? [] : [tree.parent, tree.row, ...tree.value];
  const o = summary.own;
  const own = o === void 0 ? [] : [...o.flat, ...o.leaves.flat, ...o.lines?.flat ?? []];
  const l = summary.lines;
  const lineArrays = l === void 0 ? [] : [...l.flat, ...l.cum, ...l.flatVariance];
  for (const group of [f.flat, f.cum, f.flatVariance, treeArrays, lineArrays, own]) {
    for (const a of group) {
      if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
    }
  }
  return [...buffers];
}

// src/adapters/profile-worker.ts
import { isMainThread, parentPort, workerData } from "node:worker_threads";
var WORKER_KEY = "heapgateProfileJob";
var PROFILE_WORKER_URL = new URL(import.meta.url);
function isProfileWorker() {
  return !isMainThread && typeof workerData === "object" && workerData !== null && WORKER_KEY in workerData;
}
async function runProfileWorker() {
  const job = workerData[WORKER_KEY];
  const outcome = await runProfileJob(job);
  parentPort.postMessage(outcome, outcome.ok ? summaryTransferList(outcome.summary) : []);
}
if (isProfileWorker()) void runProfileWorker();

// src/adapters/profile-loader.ts
var MIN_WORKER_BYTES = 9 * 1024 * 1024;
function defaultLoadMode() {
  return /\.m?js$/.test(new URL(import.meta.url).pathname) ? "auto" : "inline";
}
function workersPayOff(sizes, minWorkerBytes = MIN_WORKER_BYTES) {
  return sizes.length > 1 && sizes.every((size2) => size2 >= minWorkerBytes);
}
function createProfileLoader(options = {}) {
  const mode = options.mode ?? defaultLoadMode();
  const url = options.workerUrl ?? PROFILE_WORKER_URL;
  const maxBytes = options.maxProfileBytes ?? DEFAULT_MAX_PROFILE_BYTES;
  return async (sources, focus, request = {}) => {
    const useWorkers = mode === "worker" || mode === "auto" && workersPayOff(await Promise.all(sources.map(decodedSizeOf)), options.minWorkerBytes);
    const run = (source) => {
      const job = {
        source,
        focus: [...focus],
        maxBytes,
        tree: request.tree === true,
        ...request.ownCode === void 0 ? {} : { ownCode: request.ownCode },
        lines: request.lines === true
      };
      return useWorkers ? runInWorker(url, job) : runProfileJob(job);
    };
    const outcomes = await Promise.all(sources.map(run));
    const summaries = [];
    outcomes.forEach((outcome, i) => {
      if (!outcome.ok) throw jobError(sources[i], outcome);
      summaries.push(outcome.summary);
    });
    return summaries;
  };
}
function runInWorker(url, job) {
  return new Promise((resolve3) => {
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      resolve3(outcome);
    };
    const internal = (message) => ({
      ok: false,
      step: "decoding",
      name: "Error",
      message,
      exitCode: ExitCode.internal,
      internal: true
    });
    const worker = new Worker(url, { workerData: { [WORKER_KEY]: job } });
    let reported;
    worker.once("message", (outcome) => reported = outcome);
    worker.once("error", (e) => settle(internal(`worker failed: ${e.message.split("\n", 1)[0]}`)));
    worker.once("exit", (code) => settle(reported ?? internal(`worker exited with code ${code} before reporting`)));
  });
}

// src/core/render/escape.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
var INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
function hex(c) {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
}
function unicode(c) {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function terminalSafe(text) {
  return text.replace(CONTROL, hex).replace(INVISIBLE, unicode);
}
function markdownCode(text, inTable) {
  let safe = terminalSafe(text);
  if (inTable) safe = safe.replace(/\|/g, "\\|");
  if (/^ *$/.test(safe)) return safe === "" ? "` `" : `\`${safe}\``;
  let longest = 0;
  for (const run of safe.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(safe) ? " " : "";
  return `${fence}${pad}${safe}${pad}${fence}`;
}
function markdownText(text) {
  return terminalSafe(text).replace(/[!-/:-@[-`{-~]/g, (c) => {
    switch (c) {
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case "&":
        return "&amp;";
      case "@":
        return "@\u200D";
      default:
        return `\\${c}`;
    }
  });
}
function truncate(text, max) {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 55296 && code <= 56319) end--;
  return `${text.slice(0, end)}\u2026`;
}
function htmlText(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function scriptJson(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

// src/cli/args.ts
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// src/core/rules/syntax.ts
var DEFAULT_RULES_TEXT = [
  "inuse_space +15% min 256KiB",
  "inuse_objects +20% min 1000",
  "alloc_space +20% min 1MiB",
  "alloc_objects +20% min 1000"
].join("\n");
var KIB = 1024;
var BYTE_UNITS = {
  b: 1,
  kb: KIB,
  kib: KIB,
  mb: KIB ** 2,
  mib: KIB ** 2,
  gb: KIB ** 3,
  gib: KIB ** 3
};
var COUNT_UNITS = { k: 1e3, K: 1e3, M: 1e6 };
var ALLOWED_UNITS = "B, KB/KiB, MB/MiB, GB/GiB (1 KB = 1 KiB = 1024 B) or k, M for counts";
var SAMPLE_TYPE = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
var NUMBER = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
function parseAmount(text) {
  const m = new RegExp(`^${NUMBER}\\s*([A-Za-z]*)$`).exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2];
  if (unit === "") return { value: n, inBytes: false };
  const count = COUNT_UNITS[unit];
  if (count !== void 0) return { value: Math.round(n * count), inBytes: false };
  const bytes = BYTE_UNITS[unit.toLowerCase()];
  if (bytes !== void 0) return { value: Math.round(n * bytes), inBytes: true };
  return null;
}
function parseByteSize(text) {
  const a = parseAmount(text);
  if (a === null || !Number.isSafeInteger(a.value) || a.value <= 0) return null;
  return a.value;
}
function formatAmount(amount) {
  const n = amount.value;
  if (!amount.inBytes) return String(n);
  for (const [unit, size2] of [
    ["GiB", KIB ** 3],
    ["MiB", KIB ** 2],
    ["KiB", KIB]
  ]) {
    if (n >= size2 && n % size2 === 0) return `${n / size2}${unit}`;
  }
  return `${n}B`;
}
function formatRule(rule) {
  const head = rule.pattern === null ? rule.sampleType : `${rule.sampleType} for ${rule.pattern}:`;
  if (rule.off) return `${head} off`;
  let text = `${head} +${rule.percent}%`;
  if (rule.min > 0) text += ` min ${formatAmount({ value: rule.min, inBytes: rule.minInBytes })}`;
  if (rule.warnPercent !== null) text += ` warn +${rule.warnPercent}%`;
  if (rule.drift !== null) text += rule.drift === "off" ? " drift off" : ` drift +${rule.drift}%`;
  return text;
}
function formatConjunction(parts) {
  return `all: ${parts.map(formatRule).join(", ")}`;
}
function entries(text) {
  return text.split(/\r?\n/).map((line) => {
    const hash = line.indexOf("#");
    return hash < 0 ? line : line.slice(0, hash);
  }).flatMap((line) => line.split(";")).map((e) => e.trim()).filter((e) => e !== "");
}
function parseThresholds(text) {
  const head = new RegExp(`^\\+${NUMBER}\\s*%(?=\\s|$)`).exec(text);
  if (!head) {
    const shown = text === "" ? "nothing" : `"${text.split(/\s+/)[0]}"`;
    throw new Error(`expected a threshold like +15% or "off", found ${shown}`);
  }
  const clauses = {
    percent: Number(head[1]),
    min: 0,
    minInBytes: false,
    warnPercent: null,
    drift: null
  };
  let rest = text.slice(head[0].length).trim();
  const seen = /* @__PURE__ */ new Set();
  while (rest !== "") {
    const word = /^\S+/.exec(rest)[0];
    const key = word.toLowerCase();
    if (key !== "min" && key !== "warn" && key !== "drift") {
      throw new Error(
        `unexpected "${word}"; after the threshold only "min <amount>", "warn +<percent>%" and "drift +<percent>%" (or "drift off") are allowed`
      );
    }
    if (seen.has(key)) throw new Error(`"${key}" given twice`);
    seen.add(key);
    rest = rest.slice(word.length).trim();
    if (key === "min") {
      const m = /^(.*?)(?=\s+(?:warn|min|drift)(?:\s|$)|$)/i.exec(rest);
      const amountText = m[1].trim();
      const amount = parseAmount(amountText);
      if (amountText === "" || amount === null) {
        throw new Error(
          `min ${amountText === "" ? "needs an amount" : `"${amountText}" is not an amount`}: use a number, optionally with ${ALLOWED_UNITS}`
        );
      }
      clauses.min = amount.value;
      clauses.minInBytes = amount.inBytes;
      rest = rest.slice(m[0].length).trim();
    } else if (key === "drift" && /^off(?=\s|$)/i.test(rest)) {
      clauses.drift = "off";
      rest = rest.slice(3).trim();
    } else {
      const m = new RegExp(`^\\+${NUMBER}\\s*%(?=\\s|$)`).exec(rest);
      if (!m) {
        const found = rest === "" ? "nothing" : `"${rest.split(/\s+/)[0]}"`;
        throw new Error(
          key === "warn" ? `warn needs a percent like +10%, found ${found}` : `drift needs a percent like +25% or "off", found ${found}`
        );
      }
      if (key === "warn") clauses.warnPercent = Number(m[1]);
      else clauses.drift = Number(m[1]);
      rest = rest.slice(m[0].length).trim();
    }
  }
  if (clauses.warnPercent !== null && clauses.warnPercent >= clauses.percent) {
    throw new Error(`warn +${clauses.warnPercent}% must be below the fail threshold +${clauses.percent}%`);
  }
  return clauses;
}
var PART_SEPARATOR = /,\s*(?=[A-Za-z_][A-Za-z0-9_./-]*(?:\s|$))|,\s*$/;
function parseConjunction(source, body, index, origin) {
  const fail2 = (why) => {
    throw new RuleError(`${ruleLabel(index, source)}: ${why}`);
  };
  const texts = body.split(PART_SEPARATOR).map((t) => t.trim());
  if (texts.length < 2 || texts.some((t) => t === "")) {
    fail2('"all:" needs at least two rules separated by ",", like "all: inuse_space +15%, alloc_objects +20%"');
  }
  const parts = texts.map((text) => parseEntry(text, index, origin, source));
  const off = parts.find((p) => p.off);
  if (off) fail2(`"${off.sampleType} off" cannot be part of "all:"; every part needs a threshold`);
  const drift = parts.find((p) => p.drift !== null);
  if (drift) {
    fail2(
      `"drift" cannot be part of "all:" (a conjunction is judged against the baseline only); give "${drift.sampleType}" its drift in a rule of its own`
    );
  }
  const seen = /* @__PURE__ */ new Set();
  for (const p of parts) {
    const key = JSON.stringify([p.sampleType, p.pattern]);
    if (seen.has(key)) fail2(`"${p.sampleType}" appears twice in "all:"`);
    seen.add(key);
  }
  const all = formatConjunction(parts);
  return parts.map((p) => ({ ...p, all }));
}
var QUOTED_RULE_CHARS = 120;
function ruleLabel(index, source) {
  const text = source.length <= QUOTED_RULE_CHARS ? source : `${source.slice(0, QUOTED_RULE_CHARS)}\u2026`;
  return `rule ${index} ("${text}")`;
}
function parseEntry(source, index, origin, entry = source) {
  const fail2 = (why) => {
    throw new RuleError(`${ruleLabel(index, entry)}: ${why}`);
  };
  const typeMatch = /^\S+/.exec(source);
  const sampleType = typeMatch[0];
  if (!SAMPLE_TYPE.test(sampleType)) {
    fail2(
      `"${sampleType}" is not a sample type name (letters, digits, "_", ".", "/" and "-", like inuse_space or B/op)`
    );
  }
  let rest = source.slice(sampleType.length).trim();
  let pattern = null;
  const forMatch = /^for(\s+|$)/i.exec(rest);
  if (forMatch) {
    const body = rest.slice(forMatch[0].length);
    const colon = body.lastIndexOf(":");
    if (colon < 0) fail2('"for" needs a regular expression followed by ":", like "for ^main\\.cache:"');
    pattern = body.slice(0, colon).trim();
    if (pattern === "") fail2('"for" needs a regular expression before ":"');
    try {
      compileNamePattern(pattern);
    } catch (e) {
      fail2(e.message);
    }
    rest = body.slice(colon + 1).trim();
  }
  const base = { sampleType, pattern, origin, index, source: entry, all: null };
  if (/^off$/i.test(rest)) {
    if (pattern !== null)
      fail2('"off" turns off the rule for a whole sample type; remove "for ...:" or give a threshold');
    return { ...base, off: true, percent: 0, min: 0, minInBytes: false, warnPercent: null, drift: null };
  }
  if (/^off\s/i.test(rest)) fail2('"off" takes nothing after it');
  let clauses;
  try {
    clauses = parseThresholds(rest);
  } catch (e) {
    return fail2(e.message);
  }
  if (pattern !== null && clauses.drift !== null) {
    fail2('"drift" applies to a whole sample type (its series of baselines); remove it from the "for" rule');
  }
  return { ...base, off: false, ...clauses };
}
function parseRules(text, origin = "user") {
  return entries(text).flatMap((source, i) => {
    const all = /^all\s*:/i.exec(source);
    return all ? parseConjunction(source, source.slice(all[0].length), i + 1, origin) : [parseEntry(source, i + 1, origin)];
  });
}

// src/cli/args.ts
function listOptions(table) {
  return Object.keys(table).map((name2) => `--${name2}`).join(", ");
}
function parseCommandArgs(argv, table) {
  const options = {};
  for (const [name2, spec] of Object.entries(table)) {
    options[name2] = spec.short === void 0 ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  try {
    const args = joinNegativeValues(argv, table);
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    throw new UsageError(describeParseError(e, table));
  }
}
function joinNegativeValues(argv, table) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === "--") return [...out, ...argv.slice(i)];
    if (arg.startsWith("--") && table[arg.slice(2)]?.type === "string" && next !== void 0 && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}
function describeParseError(e, table) {
  const code = e.code;
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted.split(/\s/)[0]}; valid options: ${listOptions(table)}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name2 = quoted.split(/[\s,]/).find((part) => part.startsWith("--")) ?? quoted;
      const spec = table[name2.replace(/^--/, "")];
      return spec?.type === "boolean" ? `option ${name2} takes no value` : `option ${name2} needs a value`;
    }
    default:
      return message.split("\n", 1)[0] ?? "invalid arguments";
  }
}
function required(values, name2, command) {
  const v = values[name2];
  if (typeof v !== "string" || v === "")
    throw new UsageError(`${command} needs --${name2} (see heapgate ${command} --help)`);
  return v;
}
function parseNonNegativeInt(option, text) {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${option} must be an integer \u2265 0, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}
var MAX_PROFILE_SIZE_OPTION = {
  "max-profile-size": {
    type: "string",
    value: "SIZE",
    description: "refuse a profile larger than SIZE, as a file or decompressed (default 1GiB; e.g. 256MiB)"
  }
};
function parseMaxProfileSize(values) {
  const text = values["max-profile-size"];
  if (typeof text !== "string") return void 0;
  const size2 = parseByteSize(text);
  if (size2 === null) {
    throw new UsageError(
      `--max-profile-size must be a size such as 1GiB, 512MiB or 1000000, got ${JSON.stringify(text)}`
    );
  }
  return size2;
}
function parseNonNegativeNumber(option, text) {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`${option} must be a number \u2265 0, got ${JSON.stringify(text)}`);
  }
  return n;
}
function parseChoice(option, text, allowed) {
  if (allowed.includes(text)) return text;
  throw new UsageError(`${option} must be one of ${allowed.join(", ")}, got ${JSON.stringify(text)}`);
}
function formatOptions(table) {
  const heads = Object.entries(table).map(([name2, spec]) => {
    const short = spec.short === void 0 ? "    " : `-${spec.short}, `;
    return [`  ${short}--${name2}${spec.value === void 0 ? "" : ` ${spec.value}`}`, spec.description];
  });
  const width = Math.max(...heads.map(([h]) => h.length));
  return heads.map(([h, d]) => `${h.padEnd(width)}  ${d}`).join("\n");
}
var MAX_RULES_FILE_BYTES = 1 << 20;
async function readRulesArgument(value, cwd) {
  if (!value.startsWith("@")) return { text: value, origin: "--rules" };
  const path = value.slice(1);
  if (path === "") throw new UsageError("--rules @FILE needs a file name after @");
  let read;
  try {
    read = await readBounded(resolve(cwd, path), MAX_RULES_FILE_BYTES);
  } catch (e) {
    throw new UsageError(`reading rules file ${path}: ${describeFsError(e)}`);
  }
  if (!read.ok) throw new UsageError(`reading rules file ${path}: more than ${MAX_RULES_FILE_BYTES} bytes, the limit`);
  return { text: read.bytes.toString("utf8"), origin: `rules file ${path}` };
}

// src/adapters/profile-paths.ts
import * as fs from "node:fs/promises";
import { resolve as resolve2 } from "node:path";
function isGlob(pattern) {
  return /[*?[\]{}]/.test(pattern);
}
function nodeGlob() {
  const g = fs.glob;
  return typeof g === "function" ? g : void 0;
}
var SEVERAL_PATHS = "give the paths as separate arguments";
async function globFiles(pattern, cwd, what, several) {
  const glob2 = nodeGlob();
  if (glob2 === void 0) {
    throw new UsageError(
      `${what}: ${JSON.stringify(pattern)} is a glob, which heapgate expands on Node 22 or later; on this Node ${several}`
    );
  }
  const root = resolve2(cwd);
  const matches = [];
  for await (const entry of glob2(pattern, { cwd, withFileTypes: true })) {
    if (entry.isFile()) matches.push(resolve2(entry.parentPath, entry.name).slice(root.length + 1) || entry.name);
  }
  return matches.sort();
}
async function expandProfilePaths(patterns, cwd, what, several = SEVERAL_PATHS) {
  const out = [];
  for (const pattern of patterns) {
    if (!isGlob(pattern)) {
      out.push(pattern);
      continue;
    }
    const matches = await globFiles(pattern, cwd, what, several);
    if (matches.length === 0) throw new UsageError(`${what}: no file matches ${JSON.stringify(pattern)}`);
    out.push(...matches);
  }
  const unique = [...new Set(out)];
  if (unique.length > MAX_RUNS) {
    throw new UsageError(`${what}: ${unique.length} files; at most ${MAX_RUNS} runs per side are compared`);
  }
  return unique;
}
async function readRunFiles(paths, cwd, maxBytes, what, context) {
  const files = await Promise.all(
    paths.map(
      (p) => readProfileFile(resolve2(cwd, p), maxBytes).catch((e) => {
        throw e instanceof UsageError ? new UsageError(`${context(p)}${e.message}`) : e;
      })
    )
  );
  if (files.length === 1) return files[0];
  const bytes = packRuns(files);
  if (bytes.length > maxBytes) {
    throw new UsageError(
      `${what}: the ${files.length} runs hold ${bytes.length} bytes together, more than the profile size limit (${maxBytes}); raise it (max-profile-size) or give fewer runs`
    );
  }
  return bytes;
}

// src/core/render/units.ts
var BINARY_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
function isByteUnit(unit) {
  const u = unit.toLowerCase();
  return u === "bytes" || u === "byte" || u === "b";
}
function groupThousands(value) {
  const rounded = Math.round(Math.abs(value));
  const digits = Number.isFinite(rounded) ? rounded.toFixed(0) : String(rounded);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return (value < 0 && rounded !== 0 ? "-" : "") + out;
}
function formatBytes(value) {
  const abs = Math.abs(value);
  let i = 0;
  while (i < BINARY_UNITS.length - 1 && abs >= 1024 ** (i + 1)) i++;
  if (i === 0) return `${groupThousands(value)} B`;
  const scaled = abs / 1024 ** i;
  return `${value < 0 ? "-" : ""}${scaled.toFixed(2)} ${BINARY_UNITS[i]}`;
}
function underOneHalf(value) {
  const abs = Math.abs(value);
  const digits = abs >= 0.01 ? String(Number(abs.toPrecision(1))) : "<0.01";
  return `${value < 0 ? "-" : ""}${digits}`;
}
function formatValue(value, unit) {
  if (value !== 0 && Math.abs(value) < 0.5) {
    const digits = underOneHalf(value);
    return isByteUnit(unit) ? `${digits} B` : unit === "count" || unit === "" ? digits : `${digits} ${unit}`;
  }
  if (isByteUnit(unit)) return formatBytes(value);
  if (unit === "count" || unit === "") return groupThousands(value);
  return `${groupThousands(value)} ${unit}`;
}
function formatSignedValue(value, unit) {
  const text = formatValue(value, unit);
  return value > 0 && !/^0(\.0+)?( |$)/.test(text) ? `+${text}` : text;
}
function formatDeltaPercent(percent) {
  if (percent === null || !Number.isFinite(percent)) return "n/a";
  const text = Math.abs(percent).toFixed(1);
  if (text === "0.0") return "0.0%";
  return `${percent > 0 ? "+" : "-"}${text}%`;
}
var Z_SHOWN_MAX = 99.9;
function formatZ(z) {
  if (z === null) return "exact";
  if (!Number.isFinite(z)) return z > 0 ? "inf" : "-inf";
  if (Math.abs(z) > Z_SHOWN_MAX) return `${z > 0 ? ">" : "<-"}${Z_SHOWN_MAX}`;
  const text = z.toFixed(1);
  return text === "-0.0" ? "0.0" : text;
}
function formatPprofPercent(value, total) {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return "  100%";
  if (ratio >= 1) return `${ratio.toFixed(2).padStart(5)}%`;
  return `${goFormatG2(ratio).padStart(5)}%`;
}
function goFormatG2(x) {
  if (x === 0) return "0";
  const exp = Math.floor(Math.log10(Number(x.toPrecision(2))));
  if (exp < -4) {
    const [mantissa, e] = x.toExponential(1).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const n = Number(e);
    return `${trimmed}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  return String(Number(x.toPrecision(2)));
}

export {
  scalesWithIterations,
  ITERATIONS_WARNING,
  ELIDED_ROW,
  ELIDED_FRAME_NAME,
  lineName,
  LineKeyMap,
  runCount,
  runsOf,
  runSpread,
  DEFAULT_MAX_PROFILE_BYTES,
  shownPattern,
  compileNamePattern,
  memoryRole,
  ownCodePatternProblem,
  OWN_LEAF_SEPARATOR,
  compileFocus,
  topLevelName,
  BENCH_METRICS,
  median,
  DEFAULT_RULES_TEXT,
  formatRule,
  ruleLabel,
  parseRules,
  MIN_HISTORY_BASELINES,
  historyWindowProblem,
  DEFAULT_HISTORY_WINDOW,
  metricSeries,
  fellAlone,
  noiseOfSeries,
  combineInputs,
  readBounded,
  describeFsError,
  createProfileLoader,
  terminalSafe,
  markdownCode,
  markdownText,
  truncate,
  htmlText,
  scriptJson,
  formatValue,
  formatSignedValue,
  formatDeltaPercent,
  formatZ,
  formatPprofPercent,
  parseCommandArgs,
  required,
  parseNonNegativeInt,
  MAX_PROFILE_SIZE_OPTION,
  parseMaxProfileSize,
  parseNonNegativeNumber,
  parseChoice,
  formatOptions,
  readRulesArgument,
  expandProfilePaths,
  readRunFiles
};
