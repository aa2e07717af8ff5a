import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  firstLine,
  oneLine
} from "./action/chunk-BQHDFVCQ.js";
import {
  GitHubApiError,
  flaggedLines,
  grownLines,
  pullLines
} from "./action/chunk-FYW7DAO2.js";
import {
  error,
  getInput,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./action/chunk-TUJFQNM2.js";
import "./action/chunk-URI3G6QH.js";
import {
  DEFAULT_KEEP_PROFILES
} from "./action/chunk-GLH3PHQO.js";
import {
  DecodeError,
  ExitCode,
  HeapgateError,
  IncompatibleProfilesError,
  RuleError,
  SampleVariance,
  StoreError,
  UsageError,
  V8_HEAP_PROF_COMMENT,
  baselineMetadata,
  bytesLabel,
  capName,
  comparabilityWarnings,
  encodeBranch,
  findSampleType,
  formatValueType,
  listSampleTypes,
  missFactor,
  normalizeSha,
  resolveSampleIndex,
  sameValueType,
  samplerOfPair,
  seriesKindConflict,
  validateSeries,
  zScore
} from "./action/chunk-YRTTGXMW.js";
import "./action/chunk-6OLLLDAW.js";

// src/action/main.ts
import { mkdir, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join5 } from "node:path";

// src/adapters/artifact.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
function artifactUploader(env, run2) {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) return null;
  return {
    async upload(html, name2) {
      const { DefaultArtifactClient } = await import("./action/artifact-HY5BQREX.js");
      const dir = await mkdtemp(join(run2.tempDir, "heapgate-artifact-"));
      try {
        const file = join(dir, name2);
        await writeFile(file, html);
        const retention = run2.retentionDays === void 0 ? {} : { retentionDays: run2.retentionDays };
        const { id } = await new DefaultArtifactClient().uploadArtifact(name2, [file], dir, {
          skipArchive: true,
          ...retention
        });
        if (id === void 0) throw new Error("the artifact service returned no artifact id");
        const base = `${run2.serverUrl}/${run2.repository}/actions/runs/${encodeURIComponent(run2.runId)}`;
        return { url: `${base}/artifacts/${id}` };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  };
}

// src/adapters/linear-regexp.ts
import { setFlagsFromString } from "node:v8";
function enableLinearRegExp() {
  setFlagsFromString("--enable-experimental-regexp-engine");
}

// src/adapters/process-warnings.ts
var REDUNDANT = /* @__PURE__ */ new Set(["MetadataLookupWarning"]);
function printWarningsAs(write) {
  process.removeAllListeners("warning");
  process.on("warning", (warning2) => {
    if (REDUNDANT.has(warning2.name)) return;
    write(`${warning2.name}: ${warning2.message.split("\n", 1)[0]}`);
  });
}

// src/adapters/profile-loader.ts
import { Worker } from "node:worker_threads";

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
function parseHex64(text2) {
  const v = BigInt(`0x${text2}`);
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
  const main2 = merged.findIndex((m) => {
    const file = m.file.replaceAll("(deleted)", "").trim();
    return file !== "" && !libRx.test(file) && file[0] !== "[";
  });
  if (main2 > 0) [merged[0], merged[main2]] = [merged[main2], merged[0]];
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
    const cut2 = (a, length) => a.length === length ? a : a.slice(0, length);
    return {
      locations: {
        count: n,
        id: cut2(this.id, n),
        mapping: cut2(this.mapping, n),
        address: cut2(this.address, n),
        isFolded: cut2(this.isFolded, n),
        lineStart: cut2(this.lineStart, n + 1)
      },
      lines: {
        count: m,
        function: cut2(this.lineFunction, m),
        line: cut2(this.lineLine, m),
        column: cut2(this.lineColumn, m)
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
function parseLegacyHeapProfile(text2) {
  const lines = text2.split("\n");
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
    let count2 = toInt(countText, lineNo);
    let size2 = toInt(sizeText, lineNo);
    if (count2 === 0 && size2 !== 0) {
      throw new DecodeError(`legacy heap profile line ${lineNo}: ${label} count was 0 but ${label} bytes was ${size2}`);
    }
    if (count2 !== 0) {
      blocksize = intDiv(size2, count2);
      if (header.sampling === "v2") [count2, size2] = scaleHeapSample(count2, size2, header.period, lineNo);
    }
    value.push(count2, size2);
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
function toInt(text2, lineNo) {
  const v = Number(text2);
  if (!Number.isSafeInteger(v))
    throw new DecodeError(`legacy heap profile line ${lineNo}: ${text2} does not fit in a double exactly (|v| > 2^53)`);
  return v;
}
function intDiv(a, b) {
  if (Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) return Math.trunc(a / b);
  return Number(BigInt(a) / BigInt(b));
}
function scaleHeapSample(count2, size2, rate, lineNo) {
  if (count2 === 0 || size2 === 0) return [0, 0];
  if (rate <= 1) return [count2, size2];
  const avgSize = size2 / count2;
  const scale = 1 / (1 - Math.exp(-avgSize / rate));
  const c = Math.trunc(count2 * scale);
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
    const count2 = this.blocksizes.length;
    const locationStart = new Uint32Array(count2 + 1);
    locationStart.set(this.locationStart);
    locationStart[count2] = this.sampleLocations.length;
    const labelStart = new Uint32Array(count2 + 1);
    for (let i = 0; i <= count2; i++) labelStart[i] = i;
    return {
      sampleType,
      samples: {
        count: count2,
        locationStart,
        locationIndex: Uint32Array.from(this.sampleLocations, (l) => l.id - 1),
        value: Float64Array.from(this.values),
        labelStart,
        labelKey: new Array(count2).fill("bytes"),
        labelStr: new Array(count2).fill(""),
        labelNum: Float64Array.from(this.blocksizes),
        labelNumUnit: new Array(count2).fill("")
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
  const count2 = spans.count;
  if (sampleTypeCount === 0 && count2 !== 0) throw new DecodeError(`profile has ${count2} samples but no sample types`);
  const r = new WireReader(bytes);
  const one = new OneSample(Math.min(sampleTypeCount, longestSample(spans)));
  const labels = one.labels;
  let locationIndex = one.locationIndex;
  const value = one.value;
  const dense = locations.dense;
  const denseLength = dense.length;
  for (let i = 0; i < count2; i++) {
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
    const count2 = spans.count;
    this.k = sampleTypeCount;
    this.locationStart = new Uint32Array(count2 + 1);
    this.labelStart = new Uint32Array(count2 + 1);
    this.value = new Float64Array(Math.min(count2 * sampleTypeCount, sampleBytes(spans)));
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
    const { row: count2, n, locationIndex, labels } = this;
    this.locationStart[count2] = n;
    this.labelStart[count2] = labels.count;
    return {
      count: count2,
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
    let str3 = 0;
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
        else if (field === 2) str3 = r.index();
        else if (field === 3) num = r.int64("label num");
        else unit = r.index();
      } else {
        r.skip(wt, "label", field);
      }
    }
    const keyString = strings.get(key, "label key");
    if (str3 !== 0) {
      this.push(keyString, strings.get(str3, "label str"), 0, "");
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
  push(key, str3, num, unit) {
    if (this.count === this.num.length) this.grow();
    this.key[this.count] = key;
    this.str[this.count] = str3;
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
function scaledCount(size2, interval, count2 = 1) {
  return Math.floor(count2 * (1 / (1 - Math.exp(-size2 / interval))) + 0.5);
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
  const round2 = /* @__PURE__ */ new Set();
  for (const step of [1024, 1e3]) {
    for (let r = Math.floor(upper / step) * step; r >= low && r >= step; r -= step) round2.add(r);
  }
  yield* [...round2].sort((a, b) => b - a);
  for (let r = Math.floor(upper); r >= low; r--) if (!round2.has(r)) yield r;
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
function nodeObjectSize(v, count2, selfSize, interval) {
  if (v - interval > v / 64) {
    for (let k = 64; k >= 1; k--) {
      if (v % k !== 0 || scaledCount(v / k, interval) !== k) continue;
      if (v / k * scaledCount(v / k, interval, count2) === selfSize) return v / k;
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
  for (const [n, { v, count: count3 }] of single) {
    if (v < 0) continue;
    const s = nodeObjectSize(v, count3, tree.selfSize[n], interval);
    variance[n] = count3 * v * s * missFactor(s, interval);
  }
  const columns = new LocationColumnsBuilder(tree.functions.length);
  tree.functions.forEach((f, i2) => {
    columns.addLine(i2, f.startLine, tree.column[i2]);
    columns.endLocation(i2 + 1, 0, -1, 0, 0, false);
  });
  const { locations, lines } = columns.finish();
  const count2 = tree.selfSize.reduce((c, v) => c + (v > 0 ? 1 : 0), 0);
  const locationStart = new Uint32Array(count2 + 1);
  const locationIndex = new Uint32Array(tree.frames);
  const value = new Float64Array(count2);
  const labelSize = new Float64Array(count2);
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
  locationStart[count2] = at;
  const labelStart = Uint32Array.from({ length: count2 + 1 }, (_, j) => j);
  return {
    sampleType: [{ type: "inuse_space", unit: "bytes" }],
    samples: {
      count: count2,
      locationStart,
      locationIndex,
      value,
      labelStart,
      labelKey: new Array(count2).fill("bytes"),
      labelStr: new Array(count2).fill(""),
      labelNum: labelSize,
      labelNumUnit: new Array(count2).fill("")
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
  const text2 = textPrefix(bytes);
  if (text2 !== void 0) {
    try {
      return forms.protobuf(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      throw notAProfileText(text2);
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
  const text2 = textPrefix(prefix);
  if (text2 !== void 0) throw notAProfileText(text2);
  const head = Array.from(prefix.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
  throw new DecodeError(`not a pprof profile (decompressed, starts with bytes ${head}): ${bad}`);
}
function notAProfileText(text2) {
  const firstLine2 = text2.trimStart().split("\n", 1)[0].slice(0, 40);
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
function cleanPath(path3) {
  if (path3 === "") return ".";
  if (!/\/\/|(^|\/)\.\.?(\/|$)|.\/$/.test(path3)) return path3;
  const rooted = path3.startsWith("/");
  const out = [];
  for (const part of path3.split("/")) {
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
    const names2 = functions.map((f) => capName(f.name));
    const files = functions.map((f) => f.filename === "" ? "" : capName(cleanPath(f.filename)));
    const { count: count2, lineStart, mapping } = tables.locations;
    const lineFunction = tables.lines.function;
    const lineNumber = tables.lines.line;
    const locStart = new Int32Array(count2 + 1);
    const locRows = [];
    for (let l = 0; l < count2; l++) {
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
        if (names2[f] === "" && files[f] === "" && n === 0) locRows.push(row(object(), "", 0));
        else locRows.push(row(names2[f], files[f], n));
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
  const names2 = /* @__PURE__ */ new Set([...types.map((t) => t.type), periodType?.type ?? ""]);
  if (names2.has("cpu") || names2.has("samples")) return "a CPU profile";
  if (names2.has("wall")) return "a wall-clock profile";
  if (names2.has("goroutine") || names2.has("goroutines")) return "a goroutine profile";
  if (["contentions", "delay", "lock_count", "lock_duration", "lock-count", "lock-time"].some((n) => names2.has(n)))
    return "a block or mutex (contention) profile";
  if (names2.has("threadcreate")) return "a threadcreate profile";
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
function safeRelative(path3) {
  if (path3 === "" || path3.length > 4096 || /[\\\u0000-\u001f\u007f]/.test(path3)) return null;
  const parts = path3.split("/");
  return parts.some((p) => p === "" || p === "." || p === "..") ? null : path3;
}
function filePath(file) {
  if (!file.startsWith("file://")) return file;
  try {
    return decodeURIComponent(new URL(file).pathname);
  } catch {
    return null;
  }
}
function checkoutPath(file, roots) {
  const path3 = filePath(file);
  if (path3 === null) return null;
  const workspace = roots.workspace.replace(/\/+$/, "");
  if (workspace !== "" && path3.startsWith(`${workspace}/`)) return safeRelative(path3.slice(workspace.length + 1));
  for (const m of roots.modules ?? []) {
    if (path3.startsWith(`${m}/`)) return safeRelative(path3.slice(m.length + 1));
  }
  return null;
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
  const path3 = filePath(filename);
  if (path3 === null || path3.includes("/node_modules/")) return false;
  if (workspace === void 0 || workspace === "") return true;
  const root = workspace.endsWith("/") ? workspace : `${workspace}/`;
  return path3.startsWith(root);
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
  const { count: count2, lineStart, mapping } = profile.locations;
  const lineFunction = profile.lines.function;
  const multiStart = [0];
  const multiRows = [];
  const code = new Int32Array(count2);
  for (let l = 0; l < count2; l++) {
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
function focusMasks(names2, patterns) {
  const words2 = Math.ceil(patterns.length / 31);
  const masks = new Int32Array(names2.length * words2);
  names2.forEach((n, r) => {
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
    const sep2 = OWN_LEAF_SEPARATOR;
    const name2 = `${noSeparator(this.index.name[ownRow])}${sep2}${noSeparator(file)}${sep2}${lines.line[entry]}`;
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
    const names2 = this.index.name;
    const rowCount = names2.length;
    const flat = column(this.ownFlat, rowCount, k, 0, k);
    const keys = [...this.ownLeaf.keys()];
    const leaves = {
      name: keys.map((key) => {
        const own = noSeparator(names2[Math.floor(key / rowCount)]);
        return `${own}${OWN_LEAF_SEPARATOR}${noSeparator(names2[key % rowCount])}`;
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
  const summary2 = readProfile(
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
  return summary2;
}

// src/core/profile/bench-profile.ts
var BENCHMARK_LOOP = "testing.(*B).runN";
function scalesWithIterations(summary2) {
  return summary2.functions.name.includes(BENCHMARK_LOOP);
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
function runCount(summary2) {
  return summary2.runs?.total.length ?? 1;
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
function meanTree(summaries, names2, n) {
  if (summaries.some((s) => s.tree === void 0)) return void 0;
  const k = summaries[0].sampleType.length;
  const rowOf = new Map(names2.map((f, r) => [f, r]));
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
        const key = p * (names2.length + 1) + (r === ELIDED_ROW ? names2.length : r);
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
  const names2 = profile.functions.name;
  const wanted = /* @__PURE__ */ new Map();
  for (const b of set.benchmarks) {
    const top = topLevelName(b.name);
    wanted.set(b.pkg === "" ? top : `${b.pkg}.${top}`, { pkg: b.pkg, name: top });
  }
  const keys = [...wanted.keys()];
  const benchOfRow = names2.map((n) => keys.findIndex((k) => n === k || !k.includes(".") && n.endsWith(`.${k}`)));
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
      metrics[metric] = sums(tree.parent, tree.row, tree.value[t], owner, b, names2);
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
function sums(parent, row, value, owner, b, names2) {
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
  const functions = [...cum.keys()].map((r) => ({ name: names2[r], flat: flat.get(r) ?? 0, cum: cum.get(r) }));
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
  const text2 = new TextDecoder("utf-8").decode(bytes.subarray(0, SNIFF_CHARS));
  if (text2.startsWith("heap profile:")) return false;
  return text2.split("\n").some((line) => RESULT.test(line.replace(/\r$/, "")));
}
function quote(line) {
  const cut2 = line.length > 80 ? `${line.slice(0, 80)}\u2026` : line;
  return `"${cut2.replace(/[\u0000-\u001f\u007f]/g, "?")}"`;
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
function parseBenchmarks(text2) {
  const byKey = /* @__PURE__ */ new Map();
  const order = [];
  const withoutMemory = /* @__PURE__ */ new Map();
  let pkg = "";
  const lines = text2.split("\n");
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

// src/core/stats/quantile.ts
function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
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
  let text2;
  try {
    text2 = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError("Go benchmark output that is not UTF-8 text");
  }
  return benchSummary(parseBenchmarks(text2));
}

// src/core/bench/input.ts
function summarizeInput(bytes, options = {}) {
  const bench = summarizeBenchmarkText(bytes);
  if (bench !== null) return bench;
  const summary2 = summarizeEncoded(bytes, options);
  if (options.tree === true || !scalesWithIterations(summary2)) return summary2;
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
function writeString(block, at, text2) {
  for (let i = 0; i < text2.length; i++) block[at + i] = text2.charCodeAt(i);
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
  let text2 = "";
  for (let i = at; i < at + width; i++) {
    const c = bytes[i];
    if (c === 0 || c === 32 && text2 !== "") break;
    if (c !== 32) text2 += String.fromCharCode(c);
  }
  return /^[0-7]{1,12}$/.test(text2) ? parseInt(text2, 8) : Number.NaN;
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
async function readBounded(path3, maxBytes) {
  const file = await open2(path3, "r");
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
async function readProfileFile(path3, maxBytes = Number.MAX_SAFE_INTEGER) {
  let read;
  try {
    read = await readBounded(path3, maxBytes);
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
      for (const [i, run2] of runs.entries()) {
        try {
          summaries.push(summarizeInput(run2, options));
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
function summaryTransferList(summary2) {
  const buffers = /* @__PURE__ */ new Set();
  const f = summary2.functions;
  const tree = summary2.tree;
  const treeArrays = tree === void 0 ? [] : [tree.parent, tree.row, ...tree.value];
  const o = summary2.own;
  const own = o === void 0 ? [] : [...o.flat, ...o.leaves.flat, ...o.lines?.flat ?? []];
  const l = summary2.lines;
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
    const run2 = (source) => {
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
    const outcomes = await Promise.all(sources.map(run2));
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
    const settle2 = (outcome) => {
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
    worker.once("error", (e) => settle2(internal(`worker failed: ${e.message.split("\n", 1)[0]}`)));
    worker.once("exit", (code) => settle2(reported ?? internal(`worker exited with code ${code} before reporting`)));
  });
}

// src/adapters/store-url.ts
import { stat as stat2 } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
var BUCKET_RE = /^[a-z0-9](?:[a-z0-9._-]{1,61})[a-z0-9]$/;
var STORE_FORMS = "gs://BUCKET/PREFIX, branch:NAME, file:///ABSOLUTE/DIR, or a directory path such as ./baselines";
function validBranchName(name2) {
  return /^[A-Za-z0-9._/-]{1,200}$/.test(name2) && !name2.includes("..") && !name2.endsWith(".") && name2.split("/").every((seg) => seg !== "" && !seg.startsWith(".") && !seg.startsWith("-") && !seg.endsWith(".lock"));
}
function invalid(spec, why) {
  return new UsageError(`invalid --store ${JSON.stringify(spec)}: ${why}; accepted forms: ${STORE_FORMS}`);
}
function parseStoreUrl(spec, cwd) {
  if (spec.trim() === "") throw invalid(spec, "empty");
  if (/^gs:\/\//i.test(spec)) {
    const rest = spec.slice("gs://".length);
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const prefix = slash < 0 ? "" : rest.slice(slash + 1).replace(/^\/+|\/+$/g, "");
    if (bucket === "") throw invalid(spec, "the bucket name is empty");
    if (!BUCKET_RE.test(bucket)) throw invalid(spec, `${JSON.stringify(bucket)} is not a valid bucket name`);
    if (prefix !== "" && prefix.split("/").some((seg) => seg === "" || seg === "." || seg === "..")) {
      throw invalid(spec, "the prefix has an empty, '.' or '..' segment");
    }
    return { kind: "gcs", bucket, prefix };
  }
  if (/^branch:/i.test(spec)) {
    const branch = spec.slice("branch:".length);
    if (!validBranchName(branch)) {
      throw invalid(
        spec,
        `${JSON.stringify(branch)} is not a branch name heapgate accepts (letters, digits, '.', '_', '-', '/')`
      );
    }
    return { kind: "branch", branch };
  }
  if (/^file:/i.test(spec)) {
    try {
      return { kind: "dir", root: fileURLToPath(spec) };
    } catch {
      throw invalid(spec, "not a local file:// URL");
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(spec)?.[1];
  if (scheme !== void 0) {
    const hint = /^(gs|gcs)$/i.test(scheme) ? "a Cloud Storage store is written gs://BUCKET/PREFIX" : "unknown scheme";
    throw invalid(spec, `${hint} (${scheme}:)`);
  }
  return { kind: "dir", root: path.resolve(cwd, spec) };
}
var REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
async function openStore(spec, options) {
  const location = parseStoreUrl(spec, options.cwd);
  const extra = options.historyLimit !== void 0 ? { historyLimit: options.historyLimit } : {};
  if (location.kind === "branch") {
    const { token, repository, hint, baseUrl } = options.github ?? {
      token: void 0,
      repository: void 0,
      hint: ""
    };
    if (token === void 0 || token === "") {
      throw new UsageError(`store branch:${location.branch} needs a GitHub token${hint ? `: ${hint}` : ""}`);
    }
    if (repository === void 0 || !REPOSITORY_RE.test(repository)) {
      throw new UsageError(
        `store branch:${location.branch} needs the repository as owner/name${repository ? `, not ${JSON.stringify(repository)}` : ""}${hint ? `: ${hint}` : ""}`
      );
    }
    const { openBranchStore } = await import("./action/branch-store-5HZXTBYW.js");
    const keep = options.keepProfiles !== void 0 ? { keepProfiles: options.keepProfiles } : {};
    const api = baseUrl !== void 0 && baseUrl !== "" ? { baseUrl } : {};
    return openBranchStore(location.branch, { token, repository, ...api }, { ...extra, ...keep });
  }
  if (location.kind === "gcs") {
    const { openGcsStore } = await import("./action/gcs-store-VXBXY5HT.js");
    return openGcsStore(location.bucket, location.prefix, {}, extra);
  }
  await checkDirectory(location.root, options.access);
  const { DirBaselineStore } = await import("./action/dir-store-37HDGO26.js");
  return new DirBaselineStore({ root: location.root, ...extra });
}
async function isDirectory(dir) {
  try {
    return (await stat2(dir)).isDirectory();
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR") return void 0;
    throw new StoreError(`reading store directory ${dir}: ${oneLine(String(err.message))}`);
  }
}
async function checkDirectory(root, access) {
  const found = await isDirectory(root);
  if (found === true) return;
  if (found === false) throw new StoreError(`store ${root} is not a directory`);
  if (access === "read") {
    throw new StoreError(
      `store directory ${root} does not exist: check --store (a directory store is created when its first baseline is stored)`
    );
  }
  const parent = path.dirname(root);
  const parentFound = await isDirectory(parent);
  if (parentFound === false)
    throw new StoreError(`store directory ${root} cannot be created: ${parent} is not a directory`);
  if (parentFound === void 0) {
    throw new StoreError(
      `store directory ${root} cannot be created: its parent ${parent} does not exist (create it first, or check --store)`
    );
  }
}

// src/app/gate/plan.ts
var MODES = ["auto", "check", "update"];
var UPDATE_POLICIES = ["always", "on-pass"];
function baseBranchOf(config, event) {
  return config.baseBranch ?? event.defaultBranch ?? "main";
}
function planRun(config, event) {
  const base = baseBranchOf(config, event);
  const pr = event.pullRequest;
  const branches = (first) => first === base ? [first] : [first, base];
  const requested = config.baselineSha === null ? null : { sha: config.baselineSha };
  let lookup;
  let sha = event.sha;
  if (pr !== null) {
    lookup = {
      commit: requested ?? { mergeBase: { base: pr.baseSha, head: pr.headSha } },
      branches: branches(pr.baseRef)
    };
    sha = pr.headSha;
  } else {
    lookup = { commit: requested, branches: branches(event.branch ?? base) };
  }
  const ownBranch = pr !== null ? pr.headRef : event.branch ?? base;
  if (config.mode === "update") {
    return { lookup, update: { branch: ownBranch, when: "always" }, failOnRegression: false, pullRequest: pr, sha };
  }
  const onBase = pr === null && event.name === "push" && event.branch === base;
  if (config.mode === "auto" && onBase) {
    const strict = config.updateBaseline === "on-pass";
    return {
      lookup,
      update: { branch: base, when: strict ? "unless-fail" : "always" },
      failOnRegression: strict && config.failOnRegression,
      pullRequest: null,
      sha
    };
  }
  return { lookup, update: null, failOnRegression: config.failOnRegression, pullRequest: pr, sha };
}

// src/core/render/json.ts
var REPORT_SCHEMA_VERSION = 3;
function finiteOrNull(x) {
  return x !== null && Number.isFinite(x) ? x : null;
}
function jsonFunction(f) {
  return {
    name: f.name,
    baseFlat: f.baseFlat,
    currentFlat: f.currentFlat,
    flatDelta: f.flatDelta,
    baseCum: f.baseCum,
    currentCum: f.currentCum,
    cumDelta: f.cumDelta
  };
}
function jsonLine(l) {
  return { function: l.function, file: l.file, line: l.line, flatDelta: l.flatDelta, cumDelta: l.cumDelta };
}
function toJsonReport(report) {
  const functions = {};
  for (const [type, rows] of Object.entries(report.functions)) functions[type] = rows.map(jsonFunction);
  const out = { ...jsonHead(report), functions, ...jsonTail(report) };
  if (report.lines === void 0) return out;
  const lines = {};
  for (const [type, rows] of Object.entries(report.lines.lines)) lines[type] = rows.map(jsonLine);
  return { ...out, lines, lineCount: { ...report.lines.lineCount } };
}
function jsonHead(report) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: report.verdict,
    confidence: report.confidence,
    base: report.base,
    current: report.current,
    runs: { ...report.runs },
    warnings: [...report.warnings],
    sampleType: report.sampleType,
    top: report.top,
    metrics: report.metrics.map((m) => ({
      sampleType: m.sampleType,
      unit: m.unit,
      pattern: m.pattern,
      base: m.base,
      current: m.current,
      delta: m.delta,
      deltaPercent: finiteOrNull(m.deltaPercent),
      z: finiteOrNull(m.z),
      status: m.status,
      partStatus: m.partStatus,
      rule: m.rule,
      threshold: m.threshold,
      critical: m.critical,
      detectable: finiteOrNull(m.detectable),
      detectablePercent: m.base === 0 ? null : finiteOrNull(100 * m.detectable / Math.abs(m.base)),
      sources: { ...m.sources },
      runs: { ...m.runs },
      history: m.history === null ? null : { ...m.history },
      benchmark: m.benchmark === void 0 ? null : { ...m.benchmark },
      drift: m.drift === null ? null : { ...m.drift, z: finiteOrNull(m.drift.z) }
    }))
  };
}
function jsonTail(report) {
  return {
    functionCount: { ...report.functionCount },
    advice: [...report.advice],
    historyWindow: report.historyWindow,
    ...report.own === void 0 ? {} : {
      own: Object.fromEntries(
        Object.entries(report.own).map(([type, rows]) => [
          type,
          rows.map((r) => ({
            name: r.name,
            baseFlat: r.baseFlat,
            currentFlat: r.currentFlat,
            flatDelta: r.flatDelta,
            leaf: r.leaf === null ? null : { name: r.leaf.name, flatDelta: r.leaf.flatDelta }
          }))
        ])
      )
    },
    ...report.ownLines === void 0 ? {} : {
      ownLines: Object.fromEntries(
        Object.entries(report.ownLines).map(([type, rows]) => [
          type,
          rows.map((r) => ({ function: r.function, file: r.file, line: r.line, flatDelta: r.flatDelta }))
        ])
      )
    }
  };
}
var CHUNK2 = 1 << 16;

// src/core/render/gate-json.ts
var GATE_REPORT_SCHEMA_VERSION = 1;
function renderGateJson(input) {
  const doc = {
    gateSchemaVersion: GATE_REPORT_SCHEMA_VERSION,
    series: input.series,
    verdict: input.verdict,
    event: input.event,
    sha: input.sha,
    baseline: input.baseline === null ? null : { ...input.baseline, createdAt: input.baselineCreatedAt },
    accepted: input.accepted,
    update: input.update,
    message: input.message,
    report: input.report === null ? null : toJsonReport(input.report)
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/core/render/html-client.page.js
var html_client_page_default = `// The HTML report's script: draws the differential flame graph (icicle) and the heat table from the
// JSON in #heapgate-data. Every name from a profile is set with textContent or setAttribute, never
// parsed as HTML. Plain ES2020, no dependencies; the renderer inlines it as text.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var ROW = 18;
  var ROWS_SHOWN = 300;
  // ColorBrewer RdBu (colour-blind safe), shrinkage blue, growth red.
  var PALETTE = [
    '#053061',
    '#2166ac',
    '#4393c3',
    '#92c5de',
    '#d1e5f0',
    '#f7f7f7',
    '#fddbc7',
    '#f4a582',
    '#d6604d',
    '#b2182b',
    '#67001f',
  ];
  // Bounds of |\u0394| / max(base, current): 0.5 is a halving or a doubling, 0.9 a tenth or \xD710.
  var EDGES = [0.02, 0.1, 0.25, 0.5, 0.9];
  var LEGEND = [
    '\u221290\u2026100%',
    '\u221250\u202690%',
    '\u221225\u202650%',
    '\u221210\u202625%',
    '\u22122\u202610%',
    '\xB12%',
    '+2\u202611%',
    '+11\u202633%',
    '+33\u2026100%',
    '\xD72\u202610',
    '\u2265 \xD710',
  ];
  var BYTES = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

  var data = JSON.parse(document.getElementById('heapgate-data').textContent);
  var names = data.names;
  var state = { type: 0, side: 'current', zoom: 0, query: '', sortKey: 'flatDelta', sortDesc: true, showAll: false };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function group(n) {
    var s = String(Math.round(Math.abs(n)));
    return s.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
  }
  function fmt(v, unit, signed) {
    var a = Math.abs(v);
    var u = unit.toLowerCase();
    // A non-zero value under one half keeps one significant digit, as the text report shows it.
    var small = a !== 0 && a < 0.5 ? (a >= 0.01 ? String(Number(a.toPrecision(1))) : '<0.01') : '';
    var sign = a === 0 ? '' : v < 0 ? '\u2212' : signed ? '+' : '';
    if (small !== '') {
      return (
        sign + small + (u === 'bytes' || u === 'byte' || u === 'b' ? ' B' : u === 'count' || u === '' ? '' : ' ' + unit)
      );
    }
    if (u === 'bytes' || u === 'byte' || u === 'b') {
      var i = 0;
      while (i < BYTES.length - 1 && a >= Math.pow(1024, i + 1)) i++;
      return sign + (i === 0 ? group(a) : (a / Math.pow(1024, i)).toFixed(2)) + ' ' + BYTES[i];
    }
    return sign + group(a) + (u === 'count' || u === '' ? '' : ' ' + unit);
  }
  function pct(delta, base) {
    if (base === 0) return delta === 0 ? '0.0%' : 'new';
    var p = (100 * delta) / base;
    var shown = Math.abs(p).toFixed(1);
    return (shown === '0.0' ? '' : p > 0 ? '+' : '\u2212') + shown + '%';
  }
  /** Change relative to the larger side, \u22121 (vanished) \u2026 +1 (new), as a palette index. */
  function colourIndex(b, c) {
    var m = Math.max(Math.abs(b), Math.abs(c));
    var r = m === 0 ? 0 : (c - b) / m;
    var a = Math.abs(r);
    if (a < EDGES[0]) return 5;
    var step = 1;
    while (step < 5 && a >= EDGES[step]) step++;
    return r > 0 ? 5 + step : 5 - step;
  }
  function textColour(i) {
    return i <= 2 || i >= 8 ? '#fff' : '#111';
  }

  // ---- page skeleton -------------------------------------------------------------------------
  var app = document.getElementById('app');
  var tabs = el('div', 'tabs');
  tabs.setAttribute('role', 'tablist');
  data.types.forEach(function (t, i) {
    var b = el('button', 'tab', t.type + (t.status === 'fail' ? ' \u2717' : t.status === 'warn' ? ' \u26A0' : ''));
    b.setAttribute('role', 'tab');
    b.dataset.type = t.type;
    b.addEventListener('click', function () {
      state.type = i;
      state.zoom = 0;
      state.showAll = false;
      draw();
    });
    tabs.appendChild(b);
  });
  app.appendChild(tabs);

  var controls = el('div', 'controls');
  var widths = el('span', 'widths', 'Widths: ');
  var sideButtons = {};
  ['current', 'base'].forEach(function (side) {
    var b = el('button', 'side', side);
    b.id = 'side-' + side;
    b.addEventListener('click', function () {
      state.side = side;
      draw();
    });
    sideButtons[side] = b;
    widths.appendChild(b);
  });
  controls.appendChild(widths);
  var search = el('input', 'search');
  search.id = 'search';
  search.type = 'search';
  search.placeholder = 'Search functions';
  search.addEventListener('input', function () {
    state.query = search.value;
    draw();
  });
  controls.appendChild(search);
  var reset = el('button', 'reset', 'Reset zoom');
  reset.id = 'reset-zoom';
  reset.addEventListener('click', function () {
    state.zoom = 0;
    draw();
  });
  controls.appendChild(reset);
  var matches = el('span', 'matches');
  matches.id = 'matches';
  controls.appendChild(matches);
  app.appendChild(controls);

  var legend = el('div', 'legend');
  legend.appendChild(el('span', 'legend-title', 'Frame colour: change of its cum, relative to the larger side'));
  PALETTE.forEach(function (colour, i) {
    var item = el('span', 'legend-item');
    var sw = el('span', 'swatch');
    sw.style.background = colour;
    item.appendChild(sw);
    item.appendChild(document.createTextNode(LEGEND[i]));
    legend.appendChild(item);
  });
  var marked = el('span', 'legend-item');
  marked.appendChild(el('span', 'swatch marked'));
  marked.appendChild(document.createTextNode('function new or vanished'));
  legend.appendChild(marked);
  app.appendChild(legend);

  var figure = el('div', 'flame');
  var svg = document.createElementNS(SVG, 'svg');
  svg.id = 'flame';
  figure.appendChild(svg);
  app.appendChild(figure);
  var pruneNote = el('p', 'note');
  pruneNote.id = 'flame-note';
  app.appendChild(pruneNote);
  var tip = el('div', 'tooltip');
  tip.id = 'tooltip';
  tip.hidden = true;
  document.body.appendChild(tip);

  app.appendChild(el('h2', '', 'Functions'));
  var tableNote = el('p', 'note');
  tableNote.id = 'table-note';
  app.appendChild(tableNote);
  var table = el('table', 'heat');
  table.id = 'heat';
  app.appendChild(table);
  var more = el('button', 'more');
  more.id = 'show-all';
  more.addEventListener('click', function () {
    state.showAll = true;
    drawTable();
  });
  app.appendChild(more);

  // ---- the flame graph -----------------------------------------------------------------------
  function frameStatus(t) {
    if (t.fnStatus) return t.fnStatus;
    var s = {};
    var tb = t.table;
    for (var i = 0; i < tb.n.length; i++) {
      if (tb.bc[i] === 0 && tb.cc[i] !== 0) s[tb.n[i]] = 'new';
      else if (tb.cc[i] === 0 && tb.bc[i] !== 0) s[tb.n[i]] = 'vanished';
    }
    t.fnStatus = s;
    return s;
  }
  function parents(f) {
    if (f.parent) return f.parent;
    var p = new Int32Array(f.d.length);
    var stack = [];
    for (var i = 0; i < f.d.length; i++) {
      stack.length = f.d[i];
      p[i] = i === 0 ? -1 : stack[f.d[i] - 1];
      stack.push(i);
    }
    f.parent = p;
    return p;
  }
  function matchesQuery(name) {
    return state.query !== '' && name.toLowerCase().indexOf(state.query.toLowerCase()) >= 0;
  }

  function drawFlame(t) {
    var f = t.flame;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var W = Math.max(320, figure.clientWidth || 1200);
    var value = state.side === 'base' ? f.bc : f.cc;
    var parent = parents(f);
    var n = f.d.length;
    // x of each frame in value units: children laid out left to right from their parent's start.
    var x = new Float64Array(n);
    var cursor = new Float64Array(n);
    for (var i = 1; i < n; i++) {
      var p = parent[i];
      x[i] = cursor[p] + x[p];
      cursor[p] += Math.max(0, value[i]);
    }
    var z = state.zoom;
    var zEnd = z + 1;
    while (zEnd < n && f.d[zEnd] > f.d[z]) zEnd++;
    var scale = value[z] > 0 ? W / value[z] : 0;
    var onPath = {};
    for (var a = z; a >= 0; a = parent[a]) onPath[a] = true;
    var status = frameStatus(t);
    var maxDepth = 0;
    var matched = 0;
    var matchedValue = 0;
    var frag = document.createDocumentFragment();
    for (var j = 0; j < n; j++) {
      var px;
      var w;
      if (j >= z && j < zEnd) {
        px = (x[j] - x[z]) * scale;
        w = Math.max(0, value[j]) * scale;
      } else if (onPath[j]) {
        px = 0;
        w = W;
      } else continue;
      if (w < 0.5) continue;
      var name = j === 0 ? 'all' : names[f.n[j]];
      var isMatch = j > 0 && matchesQuery(name);
      if (isMatch) {
        matched++;
        var covered = false;
        for (var q = parent[j]; q > 0; q = parent[q]) if (matchesQuery(names[f.n[q]])) covered = true;
        if (!covered) matchedValue += Math.max(0, value[j]);
      }
      maxDepth = Math.max(maxDepth, f.d[j]);
      var ci = colourIndex(f.bc[j], f.cc[j]);
      var g = document.createElementNS(SVG, 'g');
      var cls = 'frame';
      if (isMatch) cls += ' match';
      else if (state.query !== '') cls += ' dim';
      var fs = j === 0 ? undefined : status[f.n[j]];
      if (fs) cls += ' fn-' + fs;
      g.setAttribute('class', cls);
      g.setAttribute('data-i', String(j));
      g.setAttribute('data-name', name);
      g.setAttribute('data-colour', String(ci - 5));
      g.setAttribute('transform', 'translate(' + px.toFixed(2) + ',' + f.d[j] * ROW + ')');
      var r = document.createElementNS(SVG, 'rect');
      r.setAttribute('width', Math.max(0.5, w - 0.5).toFixed(2));
      r.setAttribute('height', String(ROW - 1));
      r.setAttribute('fill', PALETTE[ci]);
      g.appendChild(r);
      if (w > 28) {
        var label = document.createElementNS(SVG, 'text');
        label.setAttribute('x', '3');
        label.setAttribute('y', String(ROW - 5));
        label.setAttribute('fill', textColour(ci));
        var chars = Math.floor((w - 6) / 6.6);
        var shown = (fs === 'new' ? '+ ' : fs === 'vanished' ? '\u2212 ' : '') + name.replace(/\\s+/g, ' ');
        label.textContent = shown.length > chars ? shown.slice(0, Math.max(1, chars - 1)) + '\u2026' : shown;
        g.appendChild(label);
      }
      frag.appendChild(g);
    }
    svg.appendChild(frag);
    svg.setAttribute('width', String(W));
    svg.setAttribute('height', String((maxDepth + 1) * ROW + 2));
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + ((maxDepth + 1) * ROW + 2));
    var total = value[0];
    matches.textContent =
      state.query === ''
        ? ''
        : matched +
          ' frames match' +
          (total > 0 ? ', ' + ((100 * matchedValue) / total).toFixed(1) + '% of ' + state.side : '');
    pruneNote.textContent =
      f.pruned > 0
        ? f.pruned + ' frames under ' + f.fraction * 100 + "% of their profile's total (in both) are not drawn."
        : 'All frames are drawn.';
  }

  svg.addEventListener('click', function (ev) {
    var g = ev.target.closest ? ev.target.closest('g.frame') : null;
    if (!g) return;
    state.zoom = Number(g.getAttribute('data-i'));
    draw();
  });
  svg.addEventListener('mousemove', function (ev) {
    var g = ev.target.closest ? ev.target.closest('g.frame') : null;
    if (!g) {
      tip.hidden = true;
      return;
    }
    showTip(Number(g.getAttribute('data-i')), ev.clientX, ev.clientY);
  });
  svg.addEventListener('mouseleave', function () {
    tip.hidden = true;
  });

  function tipRow(tb, label, b, c, unit) {
    var tr = el('tr');
    tr.appendChild(el('th', '', label));
    tr.appendChild(el('td', '', fmt(b, unit)));
    tr.appendChild(el('td', '', fmt(c, unit)));
    tr.appendChild(el('td', '', fmt(c - b, unit, true)));
    tr.appendChild(el('td', '', pct(c - b, b)));
    tb.appendChild(tr);
  }
  function showTip(i, cx, cy) {
    var t = data.types[state.type];
    var f = t.flame;
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    tip.appendChild(el('div', 'tip-name', i === 0 ? 'all' : names[f.n[i]]));
    var fs = i === 0 ? undefined : frameStatus(t)[f.n[i]];
    if (fs)
      tip.appendChild(el('div', 'tip-status', fs === 'new' ? 'new function: not in base' : 'vanished: not in current'));
    var tb = el('table');
    var head = el('tr');
    ['', 'base', 'current', '\u0394', '\u0394%'].forEach(function (h) {
      head.appendChild(el('th', '', h));
    });
    tb.appendChild(head);
    tipRow(tb, 'flat', f.bf[i], f.cf[i], t.unit);
    tipRow(tb, 'cum', f.bc[i], f.cc[i], t.unit);
    tip.appendChild(tb);
    tip.hidden = false;
    var left = Math.min(cx + 14, window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(0, left) + window.scrollX + 'px';
    tip.style.top = cy + 16 + window.scrollY + 'px';
  }

  // ---- the heat table ------------------------------------------------------------------------
  var COLUMNS = [
    ['name', 'function'],
    ['bf', 'flat base'],
    ['cf', 'flat current'],
    ['flatDelta', 'flat \u0394'],
    ['flatPct', 'flat \u0394%'],
    ['bc', 'cum base'],
    ['cc', 'cum current'],
    ['cumDelta', 'cum \u0394'],
    ['cumPct', 'cum \u0394%'],
  ];
  function rowsOf(t) {
    var tb = t.table;
    var rows = [];
    for (var i = 0; i < tb.n.length; i++) {
      var r = { ni: tb.n[i], name: names[tb.n[i]], bf: tb.bf[i], cf: tb.cf[i], bc: tb.bc[i], cc: tb.cc[i] };
      r.flatDelta = r.cf - r.bf;
      r.cumDelta = r.cc - r.bc;
      r.flatPct = r.bf === 0 ? (r.flatDelta === 0 ? 0 : Infinity * Math.sign(r.flatDelta)) : r.flatDelta / r.bf;
      r.cumPct = r.bc === 0 ? (r.cumDelta === 0 ? 0 : Infinity * Math.sign(r.cumDelta)) : r.cumDelta / r.bc;
      rows.push(r);
    }
    return rows;
  }
  function drawTable() {
    var t = data.types[state.type];
    var rows = rowsOf(t).filter(function (r) {
      return state.query === '' || matchesQuery(r.name);
    });
    var key = state.sortKey;
    var dir = state.sortDesc ? -1 : 1;
    rows.sort(function (a, b) {
      var x = a[key];
      var y = b[key];
      if (key === 'flatDelta' || key === 'cumDelta') {
        x = Math.abs(x);
        y = Math.abs(y);
      }
      if (x < y) return -dir;
      if (x > y) return dir;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    while (table.firstChild) table.removeChild(table.firstChild);
    var head = el('tr');
    COLUMNS.forEach(function (c) {
      var th = el(
        'th',
        c[0] === 'name' ? 'name' : 'num',
        c[1] + (state.sortKey === c[0] ? (state.sortDesc ? ' \u25BC' : ' \u25B2') : ''),
      );
      th.dataset.key = c[0];
      th.setAttribute('aria-sort', state.sortKey === c[0] ? (state.sortDesc ? 'descending' : 'ascending') : 'none');
      th.addEventListener('click', function () {
        if (state.sortKey === c[0]) state.sortDesc = !state.sortDesc;
        else {
          state.sortKey = c[0];
          state.sortDesc = c[0] !== 'name';
        }
        drawTable();
      });
      head.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    var shown = state.showAll ? rows.length : Math.min(rows.length, ROWS_SHOWN);
    var status = frameStatus(t);
    for (var i = 0; i < shown; i++) {
      var r = rows[i];
      var tr = el('tr');
      var fs = status[r.ni];
      var nameCell = el('td', 'name', r.name);
      if (fs) {
        nameCell.appendChild(el('span', 'badge', fs));
      }
      tr.appendChild(nameCell);
      [
        [fmt(r.bf, t.unit)],
        [fmt(r.cf, t.unit)],
        [fmt(r.flatDelta, t.unit, true), colourIndex(r.bf, r.cf)],
        [pct(r.flatDelta, r.bf), colourIndex(r.bf, r.cf)],
        [fmt(r.bc, t.unit)],
        [fmt(r.cc, t.unit)],
        [fmt(r.cumDelta, t.unit, true), colourIndex(r.bc, r.cc)],
        [pct(r.cumDelta, r.bc), colourIndex(r.bc, r.cc)],
      ].forEach(function (cell) {
        var td = el('td', 'num', cell[0]);
        if (cell[1] !== undefined) {
          td.style.background = PALETTE[cell[1]];
          td.style.color = textColour(cell[1]);
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    }
    table.appendChild(body);
    more.hidden = shown >= rows.length;
    more.textContent = 'Show all ' + rows.length + ' functions';
    var tb = t.table;
    tableNote.textContent =
      rows.length +
      ' functions' +
      (state.query === '' ? '' : ' matching') +
      (tb.omitted > 0
        ? '; ' +
          tb.omitted +
          ' more under ' +
          t.fraction * 100 +
          '% of the total not listed (flat \u0394 ' +
          fmt(tb.omittedFlatDelta, t.unit, true) +
          ' together).'
        : '.');
  }

  function draw() {
    var t = data.types[state.type];
    Array.prototype.forEach.call(tabs.children, function (b, i) {
      b.setAttribute('aria-selected', String(i === state.type));
    });
    sideButtons.current.setAttribute('aria-pressed', String(state.side === 'current'));
    sideButtons.base.setAttribute('aria-pressed', String(state.side === 'base'));
    if (t.flame) drawFlame(t);
    else pruneNote.textContent = 'No flame graph for this sample type.';
    drawTable();
    document.body.setAttribute('data-ready', 'true');
  }

  state.type = Math.max(0, data.defaultType);
  draw();
  window.addEventListener('resize', draw);
})();
`;

// src/core/compare/flame.ts
var DEFAULT_NODE_FRACTION = 1e-3;
function merge(base, current) {
  const parent = [-1];
  const name2 = [""];
  const children = [void 0];
  const mapSide = (tree, names2) => {
    const to = new Int32Array(tree.parent.length);
    for (let i = 1; i < tree.parent.length; i++) {
      const p = to[tree.parent[i]];
      const r = tree.row[i];
      const n = r === ELIDED_ROW ? ELIDED_FRAME_NAME : names2[r];
      let map = children[p];
      if (map === void 0) {
        map = /* @__PURE__ */ new Map();
        children[p] = map;
      }
      let m = map.get(n);
      if (m === void 0) {
        m = parent.length;
        parent.push(p);
        name2.push(n);
        children.push(void 0);
        map.set(n, m);
      }
      to[i] = m;
    }
    return to;
  };
  const baseTree = base.tree;
  const currentTree = current.tree;
  const baseTo = mapSide(baseTree, base.functions.name);
  const currentTo = mapSide(currentTree, current.functions.name);
  const spread = (tree, to) => tree.value.map((v) => {
    const out = new Float64Array(parent.length);
    for (let i = 0; i < v.length; i++) out[to[i]] += v[i];
    return out;
  });
  return { parent, name: name2, base: spread(baseTree, baseTo), current: spread(currentTree, currentTo) };
}
function settle(flat, cum) {
  return Math.abs(flat) <= Math.abs(cum) * 1e-9 ? 0 : flat;
}
function childrenOf(parent) {
  const children = parent.map(() => []);
  for (let i = 1; i < parent.length; i++) children[parent[i]].push(i);
  return children;
}
function flameGraph(tree, children, b, c, type, fraction) {
  const baseLimit = fraction * Math.abs(b[0]);
  const currentLimit = fraction * Math.abs(c[0]);
  const size2 = (i) => Math.max(Math.abs(b[i]), Math.abs(c[i]));
  const shown = (i) => size2(i) > 0 && (Math.abs(b[i]) >= baseLimit || Math.abs(c[i]) >= currentLimit);
  const g = {
    depth: [],
    name: [],
    baseCum: [],
    currentCum: [],
    baseFlat: [],
    currentFlat: []
  };
  let kept = 0;
  const stack = [[0, 0]];
  while (stack.length > 0) {
    const [i, depth] = stack.pop();
    kept++;
    let bf = b[i];
    let cf = c[i];
    const drawn = [];
    for (const ch of children[i]) {
      bf -= b[ch];
      cf -= c[ch];
      if (shown(ch)) drawn.push(ch);
    }
    g.depth.push(depth);
    g.name.push(tree.name[i]);
    g.baseCum.push(b[i]);
    g.currentCum.push(c[i]);
    g.baseFlat.push(settle(bf, b[i]));
    g.currentFlat.push(settle(cf, c[i]));
    drawn.sort((x, y) => size2(x) - size2(y) || (tree.name[x] < tree.name[y] ? 1 : -1));
    for (const ch of drawn) stack.push([ch, depth + 1]);
  }
  let nonzero = 0;
  for (let i = 0; i < tree.parent.length; i++) if (size2(i) > 0) nonzero++;
  return { ...type, ...g, pruned: { frames: Math.max(0, nonzero - kept), fraction } };
}
function flameGraphs(base, current, diff2, fraction = DEFAULT_NODE_FRACTION) {
  if (base.tree === void 0 || current.tree === void 0) return void 0;
  const tree = merge(base, current);
  const children = childrenOf(tree.parent);
  const out = {};
  for (const m of diff2.metrics) {
    const t = { type: m.sampleType, unit: m.unit };
    const bi = base.sampleType.findIndex((u) => sameValueType(u, t));
    const ci = current.sampleType.findIndex((u) => sameValueType(u, t));
    if (bi < 0 || ci < 0) continue;
    out[m.sampleType] = flameGraph(tree, children, tree.base[bi], tree.current[ci], m, fraction);
  }
  return out;
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
function terminalSafe(text2) {
  return text2.replace(CONTROL, hex).replace(INVISIBLE, unicode);
}
function markdownCode(text2, inTable) {
  let safe = terminalSafe(text2);
  if (inTable) safe = safe.replace(/\|/g, "\\|");
  if (/^ *$/.test(safe)) return safe === "" ? "` `" : `\`${safe}\``;
  let longest = 0;
  for (const run2 of safe.match(/`+/g) ?? []) longest = Math.max(longest, run2.length);
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(safe) ? " " : "";
  return `${fence}${pad}${safe}${pad}${fence}`;
}
function markdownText(text2) {
  return terminalSafe(text2).replace(/[!-/:-@[-`{-~]/g, (c) => {
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
function truncate(text2, max) {
  if (text2.length <= max) return text2;
  let end = Math.max(0, max - 1);
  const code = text2.charCodeAt(end - 1);
  if (code >= 55296 && code <= 56319) end--;
  return `${text2.slice(0, end)}\u2026`;
}
function htmlText(text2) {
  return text2.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function scriptJson(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
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
  const text2 = formatValue(value, unit);
  return value > 0 && !/^0(\.0+)?( |$)/.test(text2) ? `+${text2}` : text2;
}
function formatDeltaPercent(percent) {
  if (percent === null || !Number.isFinite(percent)) return "n/a";
  const text2 = Math.abs(percent).toFixed(1);
  if (text2 === "0.0") return "0.0%";
  return `${percent > 0 ? "+" : "-"}${text2}%`;
}
var Z_SHOWN_MAX = 99.9;
function formatZ(z) {
  if (z === null) return "exact";
  if (!Number.isFinite(z)) return z > 0 ? "inf" : "-inf";
  if (Math.abs(z) > Z_SHOWN_MAX) return `${z > 0 ? ">" : "<-"}${Z_SHOWN_MAX}`;
  const text2 = z.toFixed(1);
  return text2 === "-0.0" ? "0.0" : text2;
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

// src/core/render/parts.ts
var ICON = {
  pass: "\u2705",
  warn: "\u26A0\uFE0F",
  fail: "\u274C",
  inconclusive: "\u2754",
  accepted: "\u2611\uFE0F",
  "no-baseline": "\u{1F195}"
};
var VERDICT_WORDS = {
  pass: "no memory regression",
  warn: "memory warning",
  fail: "memory regression",
  inconclusive: "cannot tell from the noise",
  accepted: "memory regression, accepted",
  "no-baseline": "no baseline yet"
};
function statusCounts(report) {
  const n = (status) => report.metrics.filter((m) => m.status === status).length;
  return `${n("fail")} failed, ${n("warn")} warned, ${n("inconclusive")} inconclusive`;
}
function metricLabel(m) {
  if (m.benchmark !== void 0) return `${m.benchmark.name} ${m.sampleType}`;
  return m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${m.pattern}`;
}
function benchReport(report) {
  return report.metrics.some((m) => m.benchmark !== void 0);
}
function noiseHeaders(report) {
  return benchReport(report) ? ["p", "runs"] : ["z", "detectable"];
}
function formatP(p) {
  return p < 1e-3 ? "<0.001" : p.toFixed(3);
}
function zCell(m) {
  if (m.benchmark !== void 0) {
    if (m.benchmark.exact) return "exact";
    return m.benchmark.p === null ? "n/a" : formatP(m.benchmark.p);
  }
  return m.z === null && m.detectable === Number.POSITIVE_INFINITY ? "n/a" : formatZ(m.z);
}
function detectableCell(m) {
  if (m.benchmark !== void 0) return `${m.runs.base} \u2192 ${m.runs.current}`;
  if (m.detectable === 0) return "exact";
  if (m.detectable === Number.POSITIVE_INFINITY) return "unknown";
  if (m.base === 0) return `\xB1${formatValue(m.detectable, m.unit)}`;
  const percent = 100 * m.detectable / Math.abs(m.base);
  return `\xB1${percent >= 0.1 ? percent.toFixed(1) : percent.toPrecision(1)}%`;
}
function historyLines(report, name2) {
  const out = [];
  for (const m of report.metrics) {
    const h = m.history;
    if (m.pattern !== null || h === null) continue;
    if (h.kind === "uncalibrated") {
      out.push(
        h.baselines >= h.needed ? `${name2(m.sampleType)}: uncalibrated: ${h.changes} of ${h.needed - 1} changes within levels (${h.baselines} baselines in ${h.levels} levels)` : `${name2(m.sampleType)}: uncalibrated: ${h.baselines} of ${h.needed} baselines`
      );
      continue;
    }
    const levels = h.levels > 1 ? ` in ${h.levels} levels (\u03C3 from the ${h.changes} changes within them)` : "";
    out.push(
      `${name2(m.sampleType)}: ${h.baselines} baselines${levels}, mean change ${formatDeltaPercent(h.meanChangePercent)}, \u03C3 ${h.sdPercent.toFixed(1)}% \u2192 limit ${detectableCell(m)} (z \u2265 ${m.critical.toFixed(1)})`
    );
  }
  return out;
}
function baselineName(b) {
  const sha = b.sha === void 0 || !/^[0-9a-f]{7,64}$/.test(b.sha) ? null : b.sha.slice(0, 7);
  const pr = Number.isSafeInteger(b.pullRequest) ? `#${b.pullRequest}` : null;
  if (sha !== null && pr !== null) return `${sha} (${pr})`;
  return sha ?? pr ?? "an earlier baseline";
}
var MAX_LISTED_RISES = 5;
function driftLines(report, text2) {
  const out = [];
  for (const m of report.metrics) {
    const d = m.drift;
    if (d === null || d.status === "pass" && !(d.rises.length > 0 && d.delta > 0)) continue;
    const accepted = d.accepted ? `, accepted${d.acceptedBy === null ? "" : ` by ${text2(d.acceptedBy)}`}` : "";
    const since = `${text2(baselineName(d.since))}${accepted}`;
    const rises = d.rises.slice(-MAX_LISTED_RISES).map((r) => {
      const who = r.pullRequest !== void 0 ? `#${r.pullRequest}` : text2(baselineName(r));
      return `${who} ${formatDeltaPercent(r.percent)}`;
    });
    const listed = rises.length === 0 ? "" : ` (${d.rises.length > MAX_LISTED_RISES ? "\u2026, " : ""}${rises.join(", ")})`;
    const merges = `${d.merges + 1} merges`;
    const change = formatDeltaPercent(d.deltaPercent);
    const head = d.rises.length > 0 && d.delta > 0 ? `${text2(m.sampleType)} crept ${change} over ${merges} since ${since}${listed}` : `${text2(m.sampleType)} ${change} from its level since ${since}`;
    const z = `z ${formatZ(Number.isFinite(d.z) ? d.z : null)}`;
    const rule = `the +${d.percent}% drift rule`;
    const verdict = d.status === "fail" ? `over ${rule} (${z} \u2265 ${d.critical.toFixed(1)})` : d.status === "inconclusive" ? `over ${rule}, but the noise could explain it (${z} < ${d.critical.toFixed(1)})` : `within ${rule}`;
    out.push(`${head}: ${verdict}`);
  }
  return out;
}
function significanceRule(report) {
  if (benchReport(report)) return "p < 0.05 (Mann\u2013Whitney U) with \u2265 4 runs a side, or every run agrees";
  return `z \u2265 ${report.confidence}${report.historyWindow === null ? "" : ", or more with a short history"}`;
}
function failingSampleTypes(report) {
  const types = [];
  for (const m of report.metrics) {
    if ((m.status === "fail" || m.status === "warn") && !types.includes(m.sampleType)) types.push(m.sampleType);
  }
  return types;
}
function failingFunctionKeys(report) {
  if (!benchReport(report)) return failingSampleTypes(report);
  return report.metrics.filter((m) => m.status === "fail" || m.status === "warn").map(metricLabel);
}
function valueCell(text2) {
  return /^[\w .,%+±-]*$/.test(text2) ? text2 : markdownText(text2);
}
function culprit(report) {
  const fail3 = report.metrics.filter((m) => m.status === "fail");
  const flagged = fail3.length > 0 ? fail3 : report.metrics.filter((m) => m.status === "warn");
  const first = flagged[0];
  if (first === void 0) return null;
  const metrics = flagged.map((m) => {
    const own2 = m.deltaPercent === null ? formatSignedValue(m.delta, m.unit) : formatDeltaPercent(m.deltaPercent);
    const drift = m.drift !== null && m.drift.status === m.status ? m.drift : null;
    return {
      name: metricLabel(m),
      change: drift === null ? own2 : `${own2} (${formatDeltaPercent(drift.deltaPercent)} since ${baselineName(drift.since)})`
    };
  });
  const grew = first.delta >= 0;
  const way = (d) => grew ? d > 0 : d < 0;
  const own = (report.own?.[first.sampleType] ?? []).find((f) => way(f.flatDelta));
  if (own !== void 0) {
    return {
      metrics,
      function: {
        name: own.name,
        change: formatSignedValue(own.flatDelta, first.unit),
        ...own.leaf === null ? {} : { leaf: own.leaf.name }
      }
    };
  }
  const top = (report.functions[first.sampleType] ?? []).find((f) => way(f.flatDelta));
  return {
    metrics,
    function: top === void 0 ? null : { name: top.name, change: formatSignedValue(top.flatDelta, first.unit) }
  };
}
function runsSentence(report) {
  const { base, current } = report.runs;
  if (base === 1 && current === 1) return null;
  const side = (n, name2) => `${n} ${name2} run${n === 1 ? "" : "s"}`;
  return `Per-run means of ${side(base, "base")} and ${side(current, "current")}: every number is one run's average, and the spread across runs counts as noise.`;
}

// src/core/render/html-data.ts
var round = Math.round;
function names() {
  const list = [];
  const at = /* @__PURE__ */ new Map();
  return {
    list,
    index: (name2) => {
      let i = at.get(name2);
      if (i === void 0) {
        i = list.length;
        list.push(name2);
        at.set(name2, i);
      }
      return i;
    }
  };
}
function pageFlame(g, index) {
  return {
    d: [...g.depth],
    n: g.name.map(index),
    bc: g.baseCum.map(round),
    cc: g.currentCum.map(round),
    bf: g.baseFlat.map(round),
    cf: g.currentFlat.map(round),
    pruned: g.pruned.frames,
    fraction: g.pruned.fraction
  };
}
function pageData(report, fraction = DEFAULT_NODE_FRACTION) {
  const { list, index } = names();
  const types = [];
  for (const [type, total] of Object.entries(report.totals)) {
    const baseLimit = fraction * Math.abs(total.base);
    const currentLimit = fraction * Math.abs(total.current);
    const table = {
      n: [],
      bf: [],
      cf: [],
      bc: [],
      cc: []
    };
    let omitted = (report.functionCount[type] ?? 0) - (report.functions[type]?.length ?? 0);
    let omittedFlatDelta = 0;
    for (const f of report.functions[type] ?? []) {
      if (Math.abs(f.baseCum) < baseLimit && Math.abs(f.currentCum) < currentLimit) {
        omitted++;
        omittedFlatDelta += f.flatDelta;
        continue;
      }
      table.n.push(index(f.name));
      table.bf.push(round(f.baseFlat));
      table.cf.push(round(f.currentFlat));
      table.bc.push(round(f.baseCum));
      table.cc.push(round(f.currentCum));
    }
    const flame = report.flame?.[type];
    const metric = report.metrics.find((m) => m.sampleType === type && m.pattern === null);
    types.push({
      type,
      unit: total.unit,
      status: metric?.status ?? null,
      base: round(total.base),
      current: round(total.current),
      fraction,
      flame: flame === void 0 ? null : pageFlame(flame, index),
      table: { ...table, omitted, omittedFlatDelta: round(omittedFlatDelta) }
    });
  }
  const first = failingSampleTypes(report)[0] ?? report.sampleType;
  return {
    names: list,
    types,
    defaultType: Math.max(
      0,
      types.findIndex((t) => t.type === first)
    )
  };
}

// src/core/render/html-style.ts
var HTML_STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto;
  padding: 16px 24px 48px; max-width: 1600px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h1.fail { color: #b2182b; } h1.warn { color: #8a5a00; } h1.pass { color: #1a7f37; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.labels, .note { color: var(--muted); margin: 4px 0; }
.warning { background: #fff8c5; border: 1px solid #d4a72c; padding: 4px 8px; margin: 4px 0; }
code, .name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px;
  white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.metrics tr.fail td.status { color: #b2182b; font-weight: 600; }
.metrics tr.warn td.status { color: #8a5a00; font-weight: 600; }
.tabs { display: flex; gap: 4px; margin: 16px 0 8px; flex-wrap: wrap; }
button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); background: #f6f8fa; border-radius: 6px;
  cursor: pointer; }
button[aria-selected="true"], button[aria-pressed="true"] { background: #1f2328; color: #fff; border-color: #1f2328; }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.controls .search { padding: 3px 8px; min-width: 260px; font: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; color: var(--muted); font-size: 12px;
  margin: 4px 0 8px; }
.legend-item { display: inline-flex; align-items: center; gap: 4px; }
.swatch { display: inline-block; width: 16px; height: 12px; border: 1px solid #999; }
.swatch.marked { border: 2px dashed #111; }
.flame { width: 100%; overflow-x: hidden; }
.flame svg { display: block; font: 11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.frame { cursor: pointer; }
.frame text { pointer-events: none; white-space: pre; }
.frame:hover rect { stroke: #000; stroke-width: 1; }
.frame.fn-new rect, .frame.fn-vanished rect { stroke: #111; stroke-width: 1.5; stroke-dasharray: 3 2; }
.frame.dim { opacity: 0.3; }
.frame.match rect { stroke: #ff00cc; stroke-width: 2.5; }
.tooltip { position: absolute; background: #fff; border: 1px solid #888; box-shadow: 0 2px 8px rgba(0,0,0,.2);
  padding: 6px 8px; font-size: 12px; pointer-events: none; max-width: 640px; z-index: 10; }
.tooltip .tip-name { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all;
  margin-bottom: 4px; }
.tooltip td { text-align: right; font-variant-numeric: tabular-nums; }
.heat th { cursor: pointer; user-select: none; position: sticky; top: 0; background: #fff; }
.badge { font: 11px system-ui, sans-serif; margin-left: 6px; padding: 0 4px; border: 1px dashed #111;
  border-radius: 3px; }
`;

// src/core/render/html.ts
var HTML_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
var MARK = { pass: "\u2713", warn: "\u26A0", fail: "\u2717", inconclusive: "?" };
function headline(report) {
  const c = culprit(report);
  const head = `${MARK[report.verdict]} heapgate: ${report.verdict}`;
  if (c === null) return `${head} \u2014 ${VERDICT_WORDS[report.verdict]} (${statusCounts(report)})`;
  const metrics = c.metrics.map((m) => `${m.name} ${m.change}`).join(", ");
  if (c.function === null) return `${head}: ${metrics}`;
  const leaf = c.function.leaf === void 0 ? "" : ` (in ${c.function.leaf})`;
  return `${head}: ${metrics} \u2014 ${c.function.name} ${c.function.change}${leaf}`;
}
function metricRow(m) {
  const bench = m.benchmark === void 0 ? [] : [`<td class="num">${htmlText(detectableCell(m))}</td>`];
  const cells = [
    `<td><code>${htmlText(metricLabel(m))}</code></td>`,
    `<td class="num">${htmlText(formatValue(m.base, m.unit))}</td>`,
    `<td class="num">${htmlText(formatValue(m.current, m.unit))}</td>`,
    `<td class="num">${htmlText(formatSignedValue(m.delta, m.unit))}</td>`,
    `<td class="num">${formatDeltaPercent(m.deltaPercent)}</td>`,
    `<td class="num">${m.benchmark === void 0 ? formatZ(m.z) : htmlText(zCell(m))}</td>`,
    ...bench,
    `<td><code>${m.rule === null ? "\u2014" : htmlText(m.rule)}</code></td>`,
    `<td class="status">${MARK[m.status]} ${m.status}</td>`
  ];
  return `<tr class="${m.status}">${cells.join("")}</tr>`;
}
function metricsTable(report) {
  if (report.metrics.length === 0) return "<p>No metrics compared.</p>";
  const names2 = benchReport(report) ? ["metric", "base", "current", "\u0394", "\u0394%", "p", "runs", "rule", "status"] : ["metric", "base", "current", "\u0394", "\u0394%", "z", "rule", "status"];
  const numeric = names2.length - 3;
  const head = names2.map((h, i) => `<th class="${i >= 1 && i <= numeric ? "num" : ""}">${h}</th>`).join("");
  return `<table class="metrics"><thead><tr>${head}</tr></thead><tbody>
${report.metrics.map(metricRow).join("\n")}
</tbody></table>`;
}
function renderHtml(report) {
  if (/<\/script/i.test(html_client_page_default)) throw new Error("the page script must not contain a closing script tag");
  const title = `heapgate: ${report.verdict} \u2014 ${report.current}`;
  const warnings = report.warnings.map((w) => `<p class="warning">\u26A0\uFE0F ${htmlText(w)}</p>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${htmlText(HTML_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="heapgate">
<title>${htmlText(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body${benchReport(report) ? ' data-ready="true"' : ""}>
<header>
<h1 class="${report.verdict}" id="headline">${htmlText(headline(report))}</h1>
<p class="labels">Base <code>${htmlText(report.base)}</code> \u2192 current <code>${htmlText(report.current)}</code>;
a change is real when ${benchReport(report) ? "p < 0.05" : `|z| \u2265 ${report.confidence}`}.${runsNote(report)}</p>
${warnings}
</header>
<h2>Metrics</h2>
${metricsTable(report)}
${benchReport(report) ? benchTail(report) : flameTail(report)}
</body>
</html>
`;
}
function benchTail(report) {
  const advice = report.advice.map((a) => `<li>${htmlText(a)}</li>`).join("\n");
  const tables = failingFunctionKeys(report).filter((key) => key in report.functions).map((key) => benchFunctions(report, key)).join("\n");
  return `<p class="note">Go benchmarks (go test -bench -benchmem): base and current are the medians of the runs; a
change is real when ${htmlText(significanceRule(report))}.</p>${advice === "" ? "" : `
<ul>
${advice}
</ul>`}
${tables}`;
}
function benchFunctions(report, key) {
  const unit = report.totals[key]?.unit ?? "";
  const rows = (report.functions[key] ?? []).map(
    (f) => `<tr><td><code>${htmlText(f.name)}</code></td><td class="num">${htmlText(formatValue(f.baseFlat, unit))}</td><td class="num">${htmlText(formatValue(f.currentFlat, unit))}</td><td class="num">${htmlText(formatSignedValue(f.flatDelta, unit))}</td></tr>`
  );
  const rest = report.rest[key];
  const more = rest !== void 0 && rest.count > 0 ? `<p class="note">${rest.count} more functions.</p>` : "";
  return `<h2>Functions: <code>${htmlText(key)}</code> (per op, flat)</h2>
<table class="functions"><thead><tr><th>function</th><th class="num">base</th><th class="num">current</th><th class="num">\u0394</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>${more}`;
}
function flameTail(report) {
  return `<h2>Where the memory went</h2>
<p class="note">Flame graph: each frame is a call path, its width the path's cum (samples through it) in the
profile the switch selects; click a frame to zoom, hover for its flat and cum in base and current.</p>
<main id="app"><noscript>The flame graph and the function table need JavaScript.</noscript></main>
<script type="application/json" id="heapgate-data">${scriptJson(pageData(report))}</script>
<script>${html_client_page_default}</script>`;
}
function runsNote(report) {
  const runs = runsSentence(report);
  return runs === null ? "" : ` ${htmlText(runs)}`;
}

// src/core/verdict/gate.ts
var MIN_STEP_PERCENT = 2;
var MAX_SERIES_NAMED = 8;
function otherSeriesText(series, hint, quote2) {
  const branches = hint.branches ?? [];
  if (branches.length > 0) {
    const named3 = branches.slice(0, MAX_SERIES_NAMED).map(quote2);
    const more2 = branches.length > MAX_SERIES_NAMED ? ` and ${branches.length - MAX_SERIES_NAMED} more` : "";
    return `the store has series ${quote2(series)} on branch ${named3.join(", ")}${more2} only`;
  }
  if (hint.names.length === 0) return null;
  const named2 = hint.names.slice(0, MAX_SERIES_NAMED).map(quote2);
  const more = hint.names.length > MAX_SERIES_NAMED ? ` and ${hint.names.length - MAX_SERIES_NAMED} more` : "";
  const guess = hint.guess === null ? "" : `: did you mean ${quote2(hint.guess)}?`;
  return `the store has no series ${quote2(series)}; it has ${named2.join(", ")}${more}${guess}`;
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
  for (let round2 = 0; round2 < MAX_ROUNDS; round2++) {
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

// src/core/history/series-steps.ts
var named = (m) => ({
  sha: m.sha,
  pullRequest: m.pullRequest ?? null,
  time: m.commitTime ?? m.createdAt
});
function seriesSteps(newestFirst) {
  const newest = newestFirst[0];
  if (newest === void 0) return [];
  const metadata = [...newestFirst].reverse();
  const points = metadata.map((m) => ({
    sampleType: m.sampleType,
    total: m.total,
    period: m.period,
    runs: m.runs ?? 1
  }));
  return newest.sampleType.map((type) => {
    const series = metricSeries(points, type, newest.period, newest.runs ?? 1);
    const at = (k) => metadata[series.index[k]];
    const levels = series.levels.map((l) => {
      const values = series.values.slice(l.from, l.to);
      const sd = values.length < 2 ? null : 100 * Math.sqrt(values.reduce((s, v) => s + (v - l.mean) ** 2, 0) / (values.length - 1)) / l.mean;
      let acceptedBy2 = null;
      let accepted = false;
      for (let k = l.from; k < l.to; k++) {
        const a = at(k).accepted;
        if (a !== void 0) {
          accepted = true;
          acceptedBy2 = a.by;
        }
      }
      return {
        first: named(at(l.from)),
        last: named(at(l.to - 1)),
        baselines: l.to - l.from,
        mean: l.mean,
        sdPercent: sd,
        accepted,
        acceptedBy: acceptedBy2
      };
    });
    const steps = series.levels.slice(1).map((l, j) => ({
      at: named(at(l.from)),
      percent: 100 * (l.mean / series.levels[j].mean - 1)
    }));
    const noise = noiseOfSeries(series);
    const sigma = Math.max(series.sigma, noise.kind === "calibrated" ? noise.sdPercent / 100 / Math.SQRT2 : 0);
    return { sampleType: type.type, unit: type.unit, levels, steps, sigma, calibrated: noise.kind === "calibrated" };
  });
}
var STEP_SIGMAS2 = 5;
function newSteps(newestFirst, minPercent) {
  const newest = newestFirst[0];
  if (newest === void 0) return [];
  return seriesSteps(newestFirst).flatMap((t) => {
    const last = t.levels[t.levels.length - 1];
    const before = t.levels[t.levels.length - 2];
    const step = t.steps[t.steps.length - 1];
    if (last === void 0 || before === void 0 || step === void 0 || !t.calibrated) return [];
    if (last.baselines !== 2 || last.last.sha !== newest.sha) return [];
    if (Math.abs(step.percent) < minPercent) return [];
    if (Math.abs(Math.log(last.mean / before.mean)) < STEP_SIGMAS2 * t.sigma) return [];
    return [
      {
        sampleType: t.sampleType,
        unit: t.unit,
        percent: step.percent,
        previous: before.mean,
        previousBaselines: before.baselines,
        current: last.mean,
        sha: step.at.sha,
        pullRequest: step.at.pullRequest
      }
    ];
  });
}

// src/core/render/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var MAX_CELL_CHARS = 200;
var MAX_WARNING_CHARS = 500;
function renderMarkdown(report, options = {}) {
  const budget = options.budget ?? GITHUB_COMMENT_LIMIT;
  const types = functionSampleTypes(report, options.functionsFor ?? "failing");
  const fullRows = Math.max(0, ...types.map((t) => report.functions[t]?.length ?? 0));
  const collapse = options.collapse === true;
  const labels = options.labels !== false;
  for (let rows = fullRows; ; rows = Math.floor(rows / 2)) {
    const text2 = compose(report, types, rows, rows < fullRows, collapse, labels);
    if (text2.length <= budget) return text2;
    if (rows === 0) break;
  }
  const compact = compose(report, [], 0, true, collapse, labels, true);
  if (compact.length <= budget) return compact;
  return cut(compact, budget);
}
function compose(report, types, rows, reduced, collapse, labels, compact = false) {
  const parts = [verdictLine(report), ...warningLines(report)];
  if (labels) parts.push(labelsLine(report));
  const runs = runsSentence(report);
  if (runs !== null) parts.push("", `_${runs}_`);
  if (parts.at(-1) !== "") parts.push("");
  const flagged = report.metrics.filter((m) => m.status !== "pass");
  const metrics = compact ? report.metrics.filter((m) => m.status === "fail" || m.status === "warn") : report.metrics;
  if (collapse && !compact && flagged.length > 0 && flagged.length < report.metrics.length) {
    const passing = report.metrics.filter((m) => m.status === "pass");
    parts.push(...metricsTable2(flagged), "", ...details(`${passing.length} passing metrics`, metricsTable2(passing)));
  } else {
    parts.push(...metricsTable2(metrics));
  }
  if (metrics.length < report.metrics.length) {
    parts.push("", `_${report.metrics.length - metrics.length} passing or inconclusive metrics left out._`);
  }
  const noise = noiseLines(report);
  if (noise.length > 0) parts.push("", ...noise);
  types.forEach((type, i) => {
    const section = functionSection(report, type, rows);
    if (collapse && i > 0)
      parts.push("", ...details(`Function deltas: ${markdownCode(type, false)}`, section.slice(2)));
    else parts.push("", ...section);
  });
  if (reduced) {
    parts.push("", "_Rows left out to fit the size limit; run `heapgate diff` locally for the full report._");
  }
  return `${parts.join("\n")}
`;
}
function verdictLine(report) {
  const c = culpritMarkdown(report);
  const what = c === "" ? ` \u2014 ${VERDICT_WORDS[report.verdict]}` : `: ${c}`;
  return `### ${ICON[report.verdict]} heapgate: ${report.verdict}${what} (${statusCounts(report)})`;
}
function culpritMarkdown(report) {
  const c = culprit(report);
  if (c === null) return "";
  const metrics = c.metrics.map((m) => `${markdownCode(truncate(m.name, MAX_CELL_CHARS), false)} ${m.change}`);
  const fn = c.function === null ? "" : ` \u2014 ${markdownCode(truncate(c.function.name, MAX_CELL_CHARS), false)} ${valueCell(c.function.change)}` + (c.function.leaf === void 0 ? "" : ` (in ${markdownCode(truncate(c.function.leaf, MAX_CELL_CHARS), false)})`);
  return `${metrics.join(", ")}${fn}`;
}
function details(summary2, lines) {
  return [`<details><summary>${summary2}</summary>`, "", ...lines, "", "</details>"];
}
function warningLines(report) {
  const n = report.warnings.length;
  if (n === 0) return [];
  return [
    ...report.warnings.map((w, i) => `\u26A0\uFE0F ${markdownText(truncate(w, MAX_WARNING_CHARS))}${i < n - 1 ? "\\" : ""}`),
    ""
  ];
}
function labelsLine(report) {
  const label = (name2) => markdownCode(truncate(name2, MAX_CELL_CHARS), false);
  return `Base ${label(report.base)} \u2192 current ${label(report.current)}`;
}
function metricsTable2(metrics) {
  if (metrics.length === 0) return ["_No metrics compared._"];
  const [zHeader, detectableHeader] = noiseHeaders({ metrics });
  const lines = [
    `| metric | base | current | \u0394 | \u0394% | ${zHeader} | ${detectableHeader} | rule | status |`,
    "| :-- | --: | --: | --: | --: | --: | --: | :-- | :-- |"
  ];
  for (const m of metrics) {
    const name2 = m.benchmark !== void 0 ? `${markdownCode(truncate(m.benchmark.name, MAX_CELL_CHARS), true)} ${markdownCode(m.sampleType, true)}` : m.pattern === null ? markdownCode(m.sampleType, true) : `${markdownCode(m.sampleType, true)} ~ ${markdownCode(truncate(m.pattern, MAX_CELL_CHARS), true)}`;
    lines.push(
      `| ${[
        name2,
        valueCell(formatValue(m.base, m.unit)),
        valueCell(formatValue(m.current, m.unit)),
        valueCell(formatSignedValue(m.delta, m.unit)),
        formatDeltaPercent(m.deltaPercent),
        zCell(m),
        valueCell(detectableCell(m)),
        m.rule === null ? "\u2014" : markdownCode(truncate(m.rule, MAX_CELL_CHARS), true),
        `${ICON[m.status]} ${m.status}${m.status === m.partStatus ? "" : ` (own ${m.partStatus})`}`
      ].join(" | ")} |`
    );
  }
  return lines;
}
function noiseLines(report) {
  const out = [];
  const history = historyLines(report, (t) => markdownCode(t, false));
  if (history.length > 0) out.push("Run-to-run noise from the history:", "", ...history.map((h) => `- ${h}`));
  const drift = driftLines(report, (t) => markdownCode(t, false));
  if (drift.length > 0) {
    if (out.length > 0) out.push("");
    out.push("Drift from the series' reference level:", "", ...drift.map((d) => `- ${d}`));
  }
  const n = report.metrics.filter((m) => m.status === "inconclusive").length;
  if (n > 0) {
    const what = n === 1 ? "1 metric is" : `${n} metrics are`;
    if (out.length > 0) out.push("");
    out.push(
      benchReport(report) ? `${ICON.inconclusive} ${what} inconclusive: over the rule's threshold, but the runs cannot tell it from noise (the p column). To make it conclusive:` : `${ICON.inconclusive} ${what} inconclusive: the noise hides a change as large as the rule's threshold (the detectable column). To make it conclusive:`,
      "",
      ...report.advice.map((a) => `- ${markdownText(a)}`)
    );
  }
  return out;
}
function functionSampleTypes(report, which) {
  const all = Object.keys(report.functions);
  if (which === "all") return all;
  const failing = failingFunctionKeys(report).filter((t) => all.includes(t));
  return failing.length > 0 ? failing : all.includes(report.sampleType) ? [report.sampleType] : [];
}
function functionSection(report, type, maxRows) {
  const all = report.functions[type] ?? [];
  const rows = all.slice(0, maxRows);
  const total = report.totals[type];
  const unit = total?.unit ?? "";
  const baseTotal = total?.base ?? 0;
  const count2 = report.functionCount[type] ?? all.length;
  const out = [`#### Top function deltas: ${markdownCode(type, false)}`];
  if (rows.length === 0) {
    out.push("", count2 === 0 ? "_No functions._" : `_${count2} functions; rows left out._`);
    return out;
  }
  out.push("", "| flat \u0394 | flat% | cum \u0394 | cum% | function |", "| --: | --: | --: | --: | :-- |");
  for (const f of rows) {
    out.push(
      `| ${[
        valueCell(formatSignedValue(f.flatDelta, unit)),
        formatPprofPercent(f.flatDelta, baseTotal).trim(),
        valueCell(formatSignedValue(f.cumDelta, unit)),
        formatPprofPercent(f.cumDelta, baseTotal).trim(),
        markdownCode(truncate(f.name, MAX_CELL_CHARS), true)
      ].join(" | ")} |`
    );
  }
  const rest = report.rest[type];
  const hidden = count2 - rows.length;
  if (hidden > 0) {
    let flat = rest?.flatDelta ?? 0;
    for (const f of all.slice(rows.length)) flat += f.flatDelta;
    out.push(`| ${valueCell(formatSignedValue(flat, unit))} | | | | _${hidden} more functions_ |`);
  }
  out.push(
    "",
    `_${rows.length} of ${count2} functions by |flat \u0394|; percentages of the base total ${valueCell(formatValue(baseTotal, unit))}._`
  );
  return out;
}
function cut(text2, budget) {
  const note = "\n_Report cut to fit the size limit._\n";
  if (budget <= note.length) return text2.slice(0, Math.max(0, budget));
  const room = budget - note.length;
  const end = text2.lastIndexOf("\n", room);
  return `${text2.slice(0, end > 0 ? end : room)}${note}`;
}

// src/core/render/step-issue.ts
function stepIssueMarker(series, sha) {
  return `<!-- heapgate:step series=${series} sha=${sha} -->`;
}
function stepIssueTitle(series, steps) {
  const s = steps[0];
  const pr = s.pullRequest === null ? "" : ` (#${s.pullRequest})`;
  return `heapgate ${series}: memory stepped up at ${s.sha.slice(0, 7)}${pr}`;
}
function stepIssueBody(series, steps, links) {
  const s = steps[0];
  const pr = s.pullRequest === null ? "" : ` from #${s.pullRequest}`;
  const lines = [
    stepIssueMarker(series, s.sha),
    `The series \`${series}\` stepped up at commit [\`${s.sha.slice(0, 12)}\`](${links.commitUrl})${pr}:`,
    "",
    "| metric | before | after | step |",
    "| :-- | --: | --: | --: |",
    ...steps.map(
      (t) => `| ${markdownCode(truncate(t.sampleType, MAX_CELL_CHARS), true)} | ${formatValue(t.previous, t.unit)} (${t.previousBaselines} baseline${t.previousBaselines === 1 ? "" : "s"}) | ${formatValue(t.current, t.unit)} | ${formatDeltaPercent(t.percent)} |`
    ),
    "",
    "The baseline after it stayed at the new level, which confirms it. If the rise is intended, merge the next change with the accept label (or run the workflow with `mode: update`) to accept the level; drift is then measured from it."
  ];
  if (links.runUrl !== null) lines.push("", `Seen by [this run](${links.runUrl}).`);
  return `${lines.join("\n")}
`;
}

// src/core/rules/closest.ts
function editDistance(wanted, candidate, within = false) {
  const a = wanted.toLowerCase();
  const b = candidate.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => within ? 0 : j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = row;
  }
  return within ? Math.min(...prev) : prev[b.length];
}
function rankByDistance(wanted, candidates2, within = false) {
  return scored(wanted, candidates2, within).map((s) => s.name);
}
function lastWord(text2) {
  const words2 = text2.split(/[./]/).filter((w) => w !== "");
  return words2.at(-1) ?? text2;
}
function scored(wanted, candidates2, within) {
  const word = lastWord(wanted);
  const out = [];
  for (const name2 of new Set(candidates2)) {
    if (name2 !== wanted) out.push({ name: name2, d: editDistance(wanted, name2, within), w: editDistance(word, name2, true) });
  }
  return out.sort((x, y) => x.d - y.d || x.w - y.w || x.name.length - y.name.length || (x.name < y.name ? -1 : 1));
}
function closestNames(wanted, candidates2, options = {}) {
  const cutoff = Math.max(2, Math.floor(wanted.length / 2));
  return scored(wanted, candidates2, options.within ?? false).filter((s) => s.d <= cutoff).slice(0, options.limit ?? 3).map((s) => s.name);
}
function patternLiteral(pattern) {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) {
      const next = pattern[++i];
      out += /[a-zA-Z]/.test(next) ? " " : next;
    } else if (c === "." && /[*+]/.test(pattern[i + 1] ?? "")) {
      out += " ";
      i++;
    } else if (!/[\^$*+?()[\]{}|]/.test(c)) {
      out += c;
    }
  }
  return out.replace(/\s+/g, " ").trim();
}

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
function parseAmount(text2) {
  const m = new RegExp(`^${NUMBER}\\s*([A-Za-z]*)$`).exec(text2.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2];
  if (unit === "") return { value: n, inBytes: false };
  const count2 = COUNT_UNITS[unit];
  if (count2 !== void 0) return { value: Math.round(n * count2), inBytes: false };
  const bytes = BYTE_UNITS[unit.toLowerCase()];
  if (bytes !== void 0) return { value: Math.round(n * bytes), inBytes: true };
  return null;
}
function parseByteSize(text2) {
  const a = parseAmount(text2);
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
  let text2 = `${head} +${rule.percent}%`;
  if (rule.min > 0) text2 += ` min ${formatAmount({ value: rule.min, inBytes: rule.minInBytes })}`;
  if (rule.warnPercent !== null) text2 += ` warn +${rule.warnPercent}%`;
  if (rule.drift !== null) text2 += rule.drift === "off" ? " drift off" : ` drift +${rule.drift}%`;
  return text2;
}
function formatConjunction(parts) {
  return `all: ${parts.map(formatRule).join(", ")}`;
}
function entries(text2) {
  return text2.split(/\r?\n/).map((line) => {
    const hash = line.indexOf("#");
    return hash < 0 ? line : line.slice(0, hash);
  }).flatMap((line) => line.split(";")).map((e) => e.trim()).filter((e) => e !== "");
}
function parseThresholds(text2) {
  const head = new RegExp(`^\\+${NUMBER}\\s*%(?=\\s|$)`).exec(text2);
  if (!head) {
    const shown = text2 === "" ? "nothing" : `"${text2.split(/\s+/)[0]}"`;
    throw new Error(`expected a threshold like +15% or "off", found ${shown}`);
  }
  const clauses = {
    percent: Number(head[1]),
    min: 0,
    minInBytes: false,
    warnPercent: null,
    drift: null
  };
  let rest = text2.slice(head[0].length).trim();
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
  const fail3 = (why) => {
    throw new RuleError(`${ruleLabel(index, source)}: ${why}`);
  };
  const texts = body.split(PART_SEPARATOR).map((t) => t.trim());
  if (texts.length < 2 || texts.some((t) => t === "")) {
    fail3('"all:" needs at least two rules separated by ",", like "all: inuse_space +15%, alloc_objects +20%"');
  }
  const parts = texts.map((text2) => parseEntry(text2, index, origin, source));
  const off = parts.find((p) => p.off);
  if (off) fail3(`"${off.sampleType} off" cannot be part of "all:"; every part needs a threshold`);
  const drift = parts.find((p) => p.drift !== null);
  if (drift) {
    fail3(
      `"drift" cannot be part of "all:" (a conjunction is judged against the baseline only); give "${drift.sampleType}" its drift in a rule of its own`
    );
  }
  const seen = /* @__PURE__ */ new Set();
  for (const p of parts) {
    const key = JSON.stringify([p.sampleType, p.pattern]);
    if (seen.has(key)) fail3(`"${p.sampleType}" appears twice in "all:"`);
    seen.add(key);
  }
  const all = formatConjunction(parts);
  return parts.map((p) => ({ ...p, all }));
}
var QUOTED_RULE_CHARS = 120;
function ruleLabel(index, source) {
  const text2 = source.length <= QUOTED_RULE_CHARS ? source : `${source.slice(0, QUOTED_RULE_CHARS)}\u2026`;
  return `rule ${index} ("${text2}")`;
}
function parseEntry(source, index, origin, entry = source) {
  const fail3 = (why) => {
    throw new RuleError(`${ruleLabel(index, entry)}: ${why}`);
  };
  const typeMatch = /^\S+/.exec(source);
  const sampleType = typeMatch[0];
  if (!SAMPLE_TYPE.test(sampleType)) {
    fail3(
      `"${sampleType}" is not a sample type name (letters, digits, "_", ".", "/" and "-", like inuse_space or B/op)`
    );
  }
  let rest = source.slice(sampleType.length).trim();
  let pattern = null;
  const forMatch = /^for(\s+|$)/i.exec(rest);
  if (forMatch) {
    const body = rest.slice(forMatch[0].length);
    const colon = body.lastIndexOf(":");
    if (colon < 0) fail3('"for" needs a regular expression followed by ":", like "for ^main\\.cache:"');
    pattern = body.slice(0, colon).trim();
    if (pattern === "") fail3('"for" needs a regular expression before ":"');
    try {
      compileNamePattern(pattern);
    } catch (e) {
      fail3(e.message);
    }
    rest = body.slice(colon + 1).trim();
  }
  const base = { sampleType, pattern, origin, index, source: entry, all: null };
  if (/^off$/i.test(rest)) {
    if (pattern !== null)
      fail3('"off" turns off the rule for a whole sample type; remove "for ...:" or give a threshold');
    return { ...base, off: true, percent: 0, min: 0, minInBytes: false, warnPercent: null, drift: null };
  }
  if (/^off\s/i.test(rest)) fail3('"off" takes nothing after it');
  let clauses;
  try {
    clauses = parseThresholds(rest);
  } catch (e) {
    return fail3(e.message);
  }
  if (pattern !== null && clauses.drift !== null) {
    fail3('"drift" applies to a whole sample type (its series of baselines); remove it from the "for" rule');
  }
  return { ...base, off: false, ...clauses };
}
function parseRules(text2, origin = "user") {
  return entries(text2).flatMap((source, i) => {
    const all = /^all\s*:/i.exec(source);
    return all ? parseConjunction(source, source.slice(all[0].length), i + 1, origin) : [parseEntry(source, i + 1, origin)];
  });
}

// src/core/rules/resolve.ts
function defaultTargets(types, metric) {
  const t = findSampleType(types, metric);
  if (t >= 0) return [{ t, why: "" }];
  const out = [];
  types.forEach((type, i) => {
    const role = memoryRole(type);
    if (role !== null && role.why !== "" && role.metric === metric) out.push({ t: i, why: role.why });
  });
  return out;
}
function defaultRules() {
  return parseRules(DEFAULT_RULES_TEXT, "default");
}
function rulesWithDefaults(userText) {
  return [...defaultRules(), ...parseRules(userText, "user")];
}
function focusPatterns(rules) {
  return [...new Set(rules.filter((r) => !r.off && r.pattern !== null).map((r) => r.pattern))];
}
var MAX_NAME_CHARS2 = 120;
function checkFunctionRulesMatch(rules, functionNames) {
  for (const rule of rules) {
    if (rule.off || rule.pattern === null) continue;
    const [re] = compileFocus([rule.pattern]);
    if (functionNames.some((names2) => names2.some((n) => re.test(n)))) continue;
    const closest = closestNames(patternLiteral(rule.pattern), functionNames.flat(), { within: true, limit: 3 });
    const cut2 = (n) => n.length > MAX_NAME_CHARS2 ? `${n.slice(0, MAX_NAME_CHARS2)}\u2026` : n;
    const hint = closest.length === 0 ? "" : `; closest: ${closest.map(cut2).join(", ")}`;
    throw ruleError(rule, `${shownPattern(rule.pattern)} matches no function in either profile${hint}`);
  }
}
function ruleError(rule, why) {
  return new RuleError(`${ruleLabel(rule.index, rule.source)}: ${why}`);
}
function resolveRules(rules, types) {
  const user = rules.filter((r) => r.origin === "user");
  const defaults = rules.filter((r) => r.origin === "default");
  const whole = /* @__PURE__ */ new Map();
  const off = /* @__PURE__ */ new Set();
  const functionRules = [];
  const claimed = /* @__PURE__ */ new Map();
  for (const rule of user) {
    const t = findSampleType(types, rule.sampleType);
    if (rule.off && t < 0) continue;
    if (t < 0) {
      const standIns = types.filter((x) => memoryRole(x)?.metric === rule.sampleType && memoryRole(x)?.why !== "");
      const bench = BENCH_METRICS.some((m) => m.type === rule.sampleType) ? " (it is a metric of go test -bench -benchmem output, not of heap profiles)" : standIns.length > 0 ? ` (here ${standIns.map((x) => x.type).join(" and ")} stands for it: write the rule for that type)` : "";
      throw ruleError(
        rule,
        `the profiles have no sample type "${rule.sampleType}"${bench}; available: ${listSampleTypes(types)}`
      );
    }
    if (rule.minInBytes && types[t].unit !== "bytes") {
      throw ruleError(
        rule,
        `min is in bytes but ${types[t].type} is measured in ${types[t].unit}; give a plain number`
      );
    }
    const key = JSON.stringify([t, rule.pattern]);
    const earlier = claimed.get(key);
    if (earlier) throw ruleError(rule, `repeats rule ${earlier.index} ("${earlier.source}"); keep one`);
    claimed.set(key, rule);
    if (rule.off) off.add(t);
    else if (rule.pattern === null) whole.set(t, rule);
    else functionRules.push({ rule, t });
  }
  const notes = /* @__PURE__ */ new Map();
  for (const rule of defaults) {
    for (const { t, why } of defaultTargets(types, rule.sampleType)) {
      if (off.has(t) || whole.has(t)) continue;
      const own = why === "" ? rule : { ...rule, sampleType: types[t].type };
      if (why !== "") notes.set(t, ` (${rule.sampleType} default: ${why})`);
      if (rule.pattern === null) whole.set(t, own);
      else functionRules.push({ rule: own, t });
    }
  }
  const out = [];
  types.forEach((_type, t) => {
    const rule = whole.get(t);
    if (rule) out.push({ rule, sampleTypeIndex: t, text: (rule.all ?? formatRule(rule)) + (notes.get(t) ?? "") });
  });
  for (const { rule, t } of functionRules) out.push({ rule, sampleTypeIndex: t, text: rule.all ?? formatRule(rule) });
  return out;
}

// src/core/stats/student-t.ts
function normalUpperTail(z) {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return 1 - normalUpperTail(-z);
  return 0.5 * erfc(z / Math.SQRT2);
}
function erfc(x) {
  if (x < 2) {
    let sum = x;
    let term = x;
    for (let n = 1; n < 200; n++) {
      term *= -x * x / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - 2 / Math.sqrt(Math.PI) * sum;
  }
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
}
function logGamma(x) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 1e3; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * h / a;
}
function tUpperTail(t, df) {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}
function tUpperQuantile(p, df) {
  const tail = df === Number.POSITIVE_INFINITY ? normalUpperTail : (t) => tUpperTail(t, df);
  let lo = 0;
  let hi = 1;
  while (tail(hi) > p && hi < 1e8) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function criticalValue(confidence, df) {
  if (!(confidence > 0) || df === Number.POSITIVE_INFINITY) return confidence;
  return tUpperQuantile(normalUpperTail(confidence), Math.max(df, 1e-3));
}

// src/core/verdict/crossing.ts
function over(base, delta, percent) {
  if (base === 0) return delta > 0;
  return 100 * delta / base > percent;
}
function thresholdOf(base, rule) {
  return Math.max(rule.min, rule.percent / 100 * Math.abs(base));
}
function crossing(base, delta, rule, significant) {
  if (delta < rule.min) return null;
  if (over(base, delta, rule.percent)) return significant ? "fail" : "inconclusive";
  if (rule.warnPercent !== null && over(base, delta, rule.warnPercent)) return significant ? "warn" : "inconclusive";
  return null;
}

// src/core/verdict/drift.ts
function judgeDrift(m, rule, noise, reference, confidence) {
  if (rule.off || rule.drift === "off" || noise === null || noise.kind !== "calibrated" || reference === null) {
    return null;
  }
  const percent = rule.drift ?? rule.percent;
  const ref = reference.mean;
  const delta = m.current - ref;
  const sd = noise.sdPercent / 100 * ref;
  const runs = Math.max(0, m.runSpread.variance - m.variance);
  const variance = sd * sd + m.variance + runs;
  const critical = criticalValue(confidence, noise.df);
  const z = variance > 0 ? delta / Math.sqrt(variance) : delta > 0 ? Number.POSITIVE_INFINITY : 0;
  const driftRule = { ...rule, percent, warnPercent: null };
  const status = crossing(ref, delta, driftRule, z >= critical) ?? "pass";
  return {
    status,
    percent,
    reference: ref,
    baselines: reference.baselines,
    since: reference.since,
    accepted: reference.accepted,
    acceptedBy: reference.acceptedBy,
    delta,
    deltaPercent: 100 * delta / ref,
    z,
    critical,
    threshold: Math.max(rule.min, percent / 100 * ref),
    merges: reference.after,
    rises: reference.rises
  };
}

// src/core/verdict/verdict.ts
var INCONCLUSIVE_POLICIES = ["pass", "warn", "fail"];
var DEFAULT_CONFIDENCE = 3;
function noiseOf(m, history, confidence, iterations) {
  const sampling = m.variance;
  const spread = m.runSpread;
  const runs = Math.max(0, spread.variance - sampling);
  const historyVar = history !== null && history.kind === "calibrated" ? (history.sdPercent / 100 * Math.abs(m.base)) ** 2 : 0;
  const total = sampling + runs + historyVar;
  let estimated = 0;
  if (runs > 0) estimated += spread.variance * spread.variance / Math.max(spread.df, 1);
  if (historyVar > 0 && history !== null && history.kind === "calibrated") {
    estimated += historyVar * historyVar / Math.max(history.df, 1);
  }
  const df = estimated > 0 ? total * total / estimated : Number.POSITIVE_INFINITY;
  const critical = criticalValue(confidence, df);
  const z = total > 0 ? m.delta / Math.sqrt(total) : null;
  const measured = historyVar > 0 || Number.isFinite(spread.df);
  const detectable = iterations && !measured ? Number.POSITIVE_INFINITY : critical * Math.sqrt(total);
  return { sources: { sampling, runs, history: historyVar }, critical, z, detectable };
}
function judge(m, rule, noise) {
  if (rule.off) return "pass";
  const significant = noise.detectable !== Number.POSITIVE_INFINITY && (noise.z === null || noise.z >= noise.critical);
  return crossing(m.base, m.delta, rule, significant) ?? (noise.detectable > thresholdOf(m.base, rule) ? "inconclusive" : "pass");
}
function combine(parts) {
  if (parts.every((s) => s === "fail")) return "fail";
  if (parts.some((s) => s === "pass")) return "pass";
  if (parts.every((s) => s === "fail" || s === "warn")) return "warn";
  return "inconclusive";
}
var SEVERITY = ["fail", "inconclusive", "warn"];
function verdictOf(metrics) {
  return SEVERITY.find((s) => metrics.some((m) => m.status === s)) ?? "pass";
}
function evaluate(diff2, rules, options = {}) {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isFinite(confidence) || confidence < 0) {
    throw new UsageError(`confidence must be a number \u2265 0, got ${confidence}`);
  }
  const types = diff2.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  const applied = resolveRules(rules, types);
  if (applied.length === 0) {
    throw new RuleError(
      `no rule applies to any of the profiles' sample types (${listSampleTypes(types)}): a gate that cannot fail would pass every run; keep a default rule or add one for one of these types`
    );
  }
  const result = (m, pattern, rule, text2) => {
    const series = pattern === null ? options.history?.get(m.sampleType) ?? null : null;
    const history = series?.noise ?? null;
    const noise = noiseOf(m, history, confidence, diff2.scalesWithIterations);
    const drift = rule === null || series === null ? null : judgeDrift(m, rule, history, series.reference, confidence);
    const own = rule === null ? "pass" : judge(m, rule, noise);
    const fallback = rule === null || series?.baseFellAlone !== true ? null : judgeDrift(m, { ...rule, drift: null }, history, series.reference, confidence);
    const fromLevel = fallback === null ? null : fallback.status === "pass" && noise.detectable > fallback.threshold ? "inconclusive" : fallback.status;
    const parts = [fromLevel ?? own, ...drift === null ? [] : [drift.status]];
    const status = verdictOf(parts.map((s) => ({ status: s })));
    const threshold = rule === null || rule.off ? null : thresholdOf(m.base, rule);
    return { ...m, ...noise, pattern, status, partStatus: status, rule: text2, threshold, history, drift };
  };
  const metrics = diff2.metrics.map((m, t) => {
    const a = applied.find((x) => x.sampleTypeIndex === t && x.rule.pattern === null);
    return a ? result(m, null, a.rule, a.text) : result(m, null, null, null);
  });
  for (const a of applied) {
    if (a.rule.pattern === null) continue;
    const type = types[a.sampleTypeIndex];
    const f = diff2.focus.find(
      (x) => x.pattern === a.rule.pattern && x.sampleType === type.type && x.unit === type.unit
    );
    if (!f) {
      throw new Error(`no focus totals for /${a.rule.pattern}/ in ${type.type}: summarize with focusPatterns(rules)`);
    }
    metrics.push(result(f, f.pattern, a.rule, a.text));
  }
  const combined = combineConjunctions(
    metrics,
    applied.map((a) => a.rule)
  );
  return { verdict: verdictOf(combined), confidence, metrics: combined };
}
function combineConjunctions(metrics, rules) {
  const groups = new Set(rules.filter((r) => r.all !== null && !r.off).map((r) => r.all));
  let out = [...metrics];
  for (const all of groups) {
    const parts = out.filter((m) => m.rule === all);
    const status = combine(parts.map((m) => m.partStatus));
    out = out.map((m) => m.rule === all ? { ...m, status } : m);
  }
  return out;
}
function exitCodeOf(verdict, onInconclusive = "pass") {
  if (verdict === "fail") return ExitCode.fail;
  return verdict === "inconclusive" && onInconclusive === "fail" ? ExitCode.fail : ExitCode.pass;
}

// src/app/commands.ts
var NPX_HEAPGATE = ["npx", "heapgate"];
function storeArgs(target, branch) {
  return ["--store", target.store, "--series", target.series, "--branch", branch];
}
function shellQuote(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function credentialsPrefix(store) {
  if (/^gs:\/\//i.test(store)) return "gcloud auth application-default login && ";
  if (/^branch:/i.test(store)) return "GITHUB_TOKEN=$(gh auth token) ";
  return "";
}
function reproduceCommand(target, branch, program = NPX_HEAPGATE) {
  const args = [...program, "check", ...[target.profile].flat(), ...storeArgs(target, branch)];
  if (target.baselineSha) args.push("--sha", target.baselineSha);
  if (target.repository && /^branch:/i.test(target.store)) args.push("--repo", target.repository);
  if (target.rules !== null && target.rules.text.trim() !== "") {
    const lines = target.rules.text.split("\n").map((l) => l.replace(/#.*$/, "").trim());
    args.push("--rules", lines.filter((l) => l !== "").join("; "));
  }
  if (target.confidence !== null && target.confidence !== DEFAULT_CONFIDENCE) {
    args.push("--confidence", String(target.confidence));
  }
  return credentialsPrefix(target.store) + args.map(shellQuote).join(" ");
}
function seedCommand(target, branch, program = NPX_HEAPGATE) {
  const args = ["baseline", "put", ...[target.profile].flat(), ...storeArgs(target, branch)];
  return [...program, ...args, "--sha", "COMMIT"].map(shellQuote).join(" ");
}
function noBaselineSentence(series, branches, location) {
  const where = branches.map((b) => JSON.stringify(b)).join(" or ");
  return `no baseline for series ${series} on branch ${where} in ${location}: nothing to compare against.`;
}
function otherSeriesSentence(series, hint) {
  return otherSeriesText(series, hint, (s) => JSON.stringify(s));
}

// src/core/compare/line-diff.ts
function unionOf(base, current) {
  const at = new LineKeyMap();
  const baseRow = [];
  const currentRow = [];
  const key = [];
  const visit = (t, own, other) => {
    for (let r = 0; r < t.function.length; r++) {
      const u = at.getOrAdd(t.function[r], t.file[r], t.line[r], key.length);
      if (u < key.length) {
        own[u] = r;
        continue;
      }
      key.push({ function: t.function[r], file: t.file[r], line: t.line[r] });
      own.push(r);
      other.push(-1);
    }
  };
  visit(current, currentRow, baseRow);
  visit(base, baseRow, currentRow);
  const names2 = key.map(lineName);
  const order = Int32Array.from(names2.keys()).sort(
    (x, y) => names2[x] < names2[y] ? -1 : names2[x] === names2[y] ? 0 : 1
  );
  const rank = new Int32Array(key.length);
  order.forEach((u, i) => rank[u] = i);
  return { baseRow: Int32Array.from(baseRow), currentRow: Int32Array.from(currentRow), key, rank, order };
}
function deltasOf(base, current, b, c, u) {
  const n = u.key.length;
  const flatDelta = new Float64Array(n);
  const cumDelta = new Float64Array(n);
  const moved = [];
  const still = [];
  for (const i of u.order) {
    const br = u.baseRow[i];
    const cr = u.currentRow[i];
    const fd = (cr < 0 ? 0 : current.flat[c][cr]) - (br < 0 ? 0 : base.flat[b][br]);
    const cd = (cr < 0 ? 0 : current.cum[c][cr]) - (br < 0 ? 0 : base.cum[b][br]);
    if (fd === 0 && cd === 0) continue;
    flatDelta[i] = fd;
    cumDelta[i] = cd;
    (fd === 0 ? still : moved).push(i);
  }
  const rank = u.rank;
  moved.sort((x, y) => Math.abs(flatDelta[y]) - Math.abs(flatDelta[x]) || rank[x] - rank[y]);
  const row = (i) => {
    const br = u.baseRow[i];
    const cr = u.currentRow[i];
    const varBase = br < 0 ? 0 : base.flatVariance[b][br];
    const varCurrent = cr < 0 ? 0 : current.flatVariance[c][cr];
    const key = u.key[i];
    return {
      function: key.function,
      file: key.file,
      line: key.line,
      flatDelta: flatDelta[i],
      cumDelta: cumDelta[i],
      flatZ: zScore(flatDelta[i], varBase, varCurrent)
    };
  };
  return [...moved.map(row), ...still.map(row)];
}
function lineDeltas(base, current, pairs, types) {
  const union = unionOf(base, current);
  const out = {};
  for (const [b, c] of pairs) out[types[c].type] = deltasOf(base, current, b, c, union);
  return out;
}

// src/core/compare/own-diff.ts
var MAX_OWN_ROWS = 100;
function bothWays(sorted, delta, n) {
  let up = 0;
  let down = 0;
  return sorted.filter((r) => delta(r) > 0 ? up++ < n : delta(r) < 0 ? down++ < n : false);
}
function byName(table, t) {
  const out = /* @__PURE__ */ new Map();
  table.name.forEach((n, r) => out.set(n, (out.get(n) ?? 0) + table.flat[t][r]));
  return out;
}
function deltas(base, current) {
  const out = /* @__PURE__ */ new Map();
  for (const [n, v] of current) out.set(n, v - (base.get(n) ?? 0));
  for (const [n, v] of base) if (!current.has(n)) out.set(n, -v);
  return out;
}
function ownDeltas(rows, base, current, b, c) {
  const changed = rows.filter((r) => r.currentFlat !== r.baseFlat);
  const delta = (r) => r.currentFlat - r.baseFlat;
  changed.sort((x, y) => Math.abs(delta(y)) - Math.abs(delta(x)) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const kept = bothWays(changed, delta, MAX_OWN_ROWS);
  const pairs = deltas(byName(base.leaves, b), byName(current.leaves, c));
  const leafOf = topLeaves(pairs, new Map(kept.map((r) => [r.name, Math.sign(delta(r))])));
  return kept.map((r) => ({ ...r, flatDelta: delta(r), leaf: leafOf.get(r.name) ?? null }));
}
function topLeaves(pairs, signs) {
  const best = /* @__PURE__ */ new Map();
  for (const [key, d] of pairs) {
    const cut2 = key.indexOf(OWN_LEAF_SEPARATOR);
    const own = key.slice(0, cut2);
    const leaf = key.slice(cut2 + 1);
    const sign = signs.get(own);
    if (sign === void 0 || Math.sign(d) !== sign) continue;
    const was = best.get(own);
    if (was === void 0 || Math.abs(d) > Math.abs(was.flatDelta) || Math.abs(d) === Math.abs(was.flatDelta) && leaf < was.name) {
      best.set(own, { name: leaf, flatDelta: d });
    }
  }
  for (const [own, b] of best) if (b.name === own) best.delete(own);
  return best;
}
function ownLineDeltas(base, current, b, c) {
  if (base.lines === void 0 || current.lines === void 0) return [];
  const rows = [...deltas(byName(base.lines, b), byName(current.lines, c))].filter(([, d]) => d !== 0);
  rows.sort(([x, dx], [y, dy]) => Math.abs(dy) - Math.abs(dx) || (x < y ? -1 : x > y ? 1 : 0));
  return bothWays(rows, ([, d]) => d, MAX_OWN_ROWS).map(([key, flatDelta]) => {
    const [fn, file, line] = key.split(OWN_LEAF_SEPARATOR);
    return { function: fn, file: file ?? "", line: Number(line), flatDelta };
  });
}

// src/core/compare/diff.ts
function ownOf(base, current, pairs, rows) {
  const bo = base.own;
  const co = current.own;
  if (bo === void 0 || co === void 0) return {};
  const own = {};
  const ownLines = {};
  const nc = current.functions.name.length;
  for (const [b, c] of pairs) {
    const type = current.sampleType[c].type;
    const changed = [];
    for (const u of rows.byName) {
      const br = u < nc ? rows.baseRowOf[u] : rows.baseOnly[u - nc];
      const currentFlat = u < nc ? co.flat[c][u] : 0;
      const baseFlat = br < 0 ? 0 : bo.flat[b][br];
      if (currentFlat === baseFlat) continue;
      changed.push({ name: u < nc ? current.functions.name[u] : base.functions.name[br], baseFlat, currentFlat });
    }
    own[type] = ownDeltas(changed, bo, co, b, c);
    if (bo.lines !== void 0 && co.lines !== void 0) ownLines[type] = ownLineDeltas(bo, co, b, c);
  }
  return Object.keys(ownLines).length === 0 ? { own } : { own, ownLines };
}
function percentOf(delta, base) {
  return base === 0 ? null : 100 * delta / base;
}
function metricDelta(t, base, current, varBase, varCurrent, perRun) {
  const delta = current - base;
  return {
    sampleType: t.type,
    unit: t.unit,
    base,
    current,
    delta,
    deltaPercent: percentOf(delta, base),
    z: zScore(delta, varBase, varCurrent),
    variance: varBase + varCurrent,
    runs: { base: perRun.base.length, current: perRun.current.length },
    runSpread: runSpread(perRun.base, perRun.current)
  };
}
function runTotals(s, t) {
  return runsOf(s).total.map((r) => r[t]);
}
function runFocusTotals(s, pattern, t) {
  const p = s.focus.findIndex((f) => f.pattern === pattern);
  return runsOf(s).focus.map((r) => p < 0 ? 0 : r[p][t]);
}
function typeList(types) {
  return types.length === 0 ? "(none)" : types.map(formatValueType).join(", ");
}
function commonSampleTypes(base, current) {
  if (base.periodType !== void 0 && current.periodType !== void 0 && !sameValueType(base.periodType, current.periodType)) {
    throw new IncompatibleProfilesError(
      `different period types: base ${formatValueType(base.periodType)}, current ${formatValueType(current.periodType)}`
    );
  }
  const pairs = [];
  current.sampleType.forEach((t, c) => {
    const b = base.sampleType.findIndex((u) => sameValueType(u, t));
    if (b >= 0) pairs.push([b, c]);
  });
  if (pairs.length === 0) {
    throw new IncompatibleProfilesError(
      `no common sample type: base has ${typeList(base.sampleType)}; current has ${typeList(current.sampleType)}`
    );
  }
  return pairs;
}
function alignRows(base, current) {
  const baseRow = /* @__PURE__ */ new Map();
  base.functions.name.forEach((n, r) => baseRow.set(n, r));
  const matched = new Uint8Array(base.functions.name.length);
  const baseRowOf = new Int32Array(current.functions.name.length);
  current.functions.name.forEach((n, cr) => {
    const br = baseRow.get(n) ?? -1;
    baseRowOf[cr] = br;
    if (br >= 0) matched[br] = 1;
  });
  const baseOnly = [];
  matched.forEach((m, br) => {
    if (m === 0) baseOnly.push(br);
  });
  const names2 = [...current.functions.name, ...baseOnly.map((br) => base.functions.name[br])];
  const byName2 = Int32Array.from(names2.keys()).sort((x, y) => names2[x] < names2[y] ? -1 : 1);
  const nameRank = new Int32Array(names2.length);
  byName2.forEach((u, i) => nameRank[u] = i);
  return { baseRowOf, baseOnly: Int32Array.from(baseOnly), byName: byName2, nameRank };
}
function functionDeltas(base, current, b, c, rows) {
  const bf = base.functions;
  const cf = current.functions;
  const nc = cf.name.length;
  const bFlat = bf.flat[b];
  const bCum = bf.cum[b];
  const cFlat = cf.flat[c];
  const cCum = cf.cum[c];
  const baseRowOf = (u) => u < nc ? rows.baseRowOf[u] : rows.baseOnly[u - nc];
  const flatDelta = new Float64Array(rows.byName.length);
  const cumDelta = new Float64Array(rows.byName.length);
  const moved = [];
  const still = [];
  for (const u of rows.byName) {
    const br = baseRowOf(u);
    const fd = (u < nc ? cFlat[u] : 0) - (br < 0 ? 0 : bFlat[br]);
    const cd = (u < nc ? cCum[u] : 0) - (br < 0 ? 0 : bCum[br]);
    if (fd === 0 && cd === 0) continue;
    flatDelta[u] = fd;
    cumDelta[u] = cd;
    (fd === 0 ? still : moved).push(u);
  }
  const rank = rows.nameRank;
  moved.sort((x, y) => Math.abs(flatDelta[y]) - Math.abs(flatDelta[x]) || rank[x] - rank[y]);
  const row = (u) => {
    const br = baseRowOf(u);
    const cr = u < nc ? u : -1;
    const varBase = br < 0 ? 0 : bf.flatVariance[b][br];
    const varCurrent = cr < 0 ? 0 : cf.flatVariance[c][cr];
    return {
      name: cr < 0 ? bf.name[br] : cf.name[cr],
      baseFlat: br < 0 ? 0 : bFlat[br],
      currentFlat: cr < 0 ? 0 : cFlat[cr],
      flatDelta: flatDelta[u],
      baseCum: br < 0 ? 0 : bCum[br],
      currentCum: cr < 0 ? 0 : cCum[cr],
      cumDelta: cumDelta[u],
      flatZ: zScore(flatDelta[u], varBase, varCurrent)
    };
  };
  return [...moved.map(row), ...still.map(row)];
}
function focusDeltas(base, current, pairs) {
  const patterns = [...new Set([...current.focus, ...base.focus].map((f) => f.pattern))];
  const find = (list, pattern) => list.find((f) => f.pattern === pattern);
  const out = [];
  for (const pattern of patterns) {
    const bt = find(base.focus, pattern);
    const ct = find(current.focus, pattern);
    for (const [b, c] of pairs) {
      const m = metricDelta(
        current.sampleType[c],
        bt?.total[b] ?? 0,
        ct?.total[c] ?? 0,
        bt?.variance[b] ?? 0,
        ct?.variance[c] ?? 0,
        { base: runFocusTotals(base, pattern, b), current: runFocusTotals(current, pattern, c) }
      );
      out.push({ ...m, pattern });
    }
  }
  return out;
}
function diff(base, current) {
  const pairs = commonSampleTypes(base, current);
  const metrics = pairs.map(
    ([b, c]) => metricDelta(current.sampleType[c], base.total[b], current.total[c], base.variance[b], current.variance[c], {
      base: runTotals(base, b),
      current: runTotals(current, c)
    })
  );
  const functions = {};
  const rows = alignRows(base, current);
  for (const [b, c] of pairs) functions[current.sampleType[c].type] = functionDeltas(base, current, b, c, rows);
  const defaultType = current.sampleType[current.defaultSampleTypeIndex];
  const defaultCommon = pairs.some(([, c]) => c === current.defaultSampleTypeIndex);
  const iterations = scalesWithIterations(base) || scalesWithIterations(current);
  return {
    metrics,
    functions,
    ...base.lines !== void 0 && current.lines !== void 0 ? { lines: lineDeltas(base.lines, current.lines, pairs, current.sampleType) } : {},
    focus: focusDeltas(base, current, pairs),
    defaultSampleType: defaultCommon && defaultType !== void 0 ? defaultType.type : metrics[0].sampleType,
    warnings: [...comparabilityWarnings(base, current), ...iterations ? [ITERATIONS_WARNING] : []],
    scalesWithIterations: iterations,
    sampler: samplerOfPair(base, current),
    ...ownOf(base, current, pairs, rows)
  };
}

// src/core/bench/per-op.ts
function perOpDeltas(base, current, bench, metric, perOp) {
  const find = (list) => list?.find((a) => a.pkg === bench.pkg && a.name === topLevelName(bench.name))?.metrics[metric];
  const b = find(base);
  const c = find(current);
  if (b === void 0 || c === void 0 || b.total <= 0 || c.total <= 0) return null;
  const scaleB = perOp.base / b.total;
  const scaleC = perOp.current / c.total;
  const rows = /* @__PURE__ */ new Map();
  for (const f of b.functions) rows.set(f.name, { bf: f.flat * scaleB, bc: f.cum * scaleB, cf: 0, cc: 0 });
  for (const f of c.functions) {
    const r = rows.get(f.name) ?? { bf: 0, bc: 0, cf: 0, cc: 0 };
    rows.set(f.name, { ...r, cf: f.flat * scaleC, cc: f.cum * scaleC });
  }
  const out = [];
  for (const [name2, r] of rows) {
    const flatDelta = r.cf - r.bf;
    const cumDelta = r.cc - r.bc;
    if (flatDelta === 0 && cumDelta === 0) continue;
    out.push({
      name: name2,
      baseFlat: r.bf,
      currentFlat: r.cf,
      flatDelta,
      baseCum: r.bc,
      currentCum: r.cc,
      cumDelta,
      flatZ: null
    });
  }
  return out.sort((x, y) => Math.abs(y.flatDelta) - Math.abs(x.flatDelta) || (x.name < y.name ? -1 : 1));
}

// src/core/stats/mann-whitney.ts
var EXACT_MAX_RUNS = 50;
var EXACT_MAX_RUNS_WITH_TIES = 25;
function tieGroups(x, y) {
  const pooled = [...x.map((v) => ({ v, fromX: 1 })), ...y.map((v) => ({ v, fromX: 0 }))].sort((a, b) => a.v - b.v);
  const groups = [];
  let start = 0;
  while (start < pooled.length) {
    let end = start;
    let fromX = 0;
    while (end < pooled.length && pooled[end].v === pooled[start].v) fromX += pooled[end++].fromX;
    const size2 = end - start;
    groups.push({ doubledRank: start + 1 + end, size: size2, fromX });
    start = end;
  }
  return groups;
}
function binomials(n) {
  const row = [1];
  for (let k = 1; k <= n; k++) row.push(row[k - 1] * (n - k + 1) / k);
  return row;
}
function exactTails(groups, n1, observed) {
  const pooled = groups.reduce((n, g) => n + g.size, 0);
  const maxSum = pooled * (pooled + 1);
  const width = maxSum + 1;
  let ways = new Float64Array((n1 + 1) * width);
  ways[0] = 1;
  let lo = new Int32Array(n1 + 1).fill(width);
  let hi = new Int32Array(n1 + 1).fill(-1);
  lo[0] = 0;
  hi[0] = 0;
  for (const g of groups) {
    const next = new Float64Array(ways.length);
    const nextLo = new Int32Array(n1 + 1).fill(width);
    const nextHi = new Int32Array(n1 + 1).fill(-1);
    const choose = binomials(g.size);
    for (let k = 0; k <= n1; k++) {
      for (let s = lo[k]; s <= hi[k]; s++) {
        const w = ways[k * width + s];
        if (w === 0) continue;
        for (let j = 0; j <= g.size && k + j <= n1; j++) {
          const to = s + j * g.doubledRank;
          next[(k + j) * width + to] += w * choose[j];
          if (to < nextLo[k + j]) nextLo[k + j] = to;
          if (to > nextHi[k + j]) nextHi[k + j] = to;
        }
      }
    }
    ways = next;
    lo = nextLo;
    hi = nextHi;
  }
  let total = 0;
  let lower = 0;
  let upper = 0;
  for (let s = 0; s < width; s++) {
    const w = ways[n1 * width + s];
    total += w;
    if (s <= observed) lower += w;
    if (s >= observed) upper += w;
  }
  return { lower: lower / total, upper: upper / total };
}
function exactTailsNoTies(n1, n2, u) {
  const degree = n1 * n2;
  let poly = new Float64Array(degree + 1);
  poly[0] = 1;
  for (let i = 1; i <= n1; i++) {
    const next = new Float64Array(degree + 1);
    const shift = n2 + i;
    for (let k = 0; k <= degree; k++) next[k] = poly[k] - (k >= shift ? poly[k - shift] : 0);
    for (let k = i; k <= degree; k++) next[k] += next[k - i];
    const scale = i / (n2 + i);
    for (let k = 0; k <= degree; k++) next[k] = next[k] * scale;
    poly = next;
  }
  let total = 0;
  let lower = 0;
  let upper = 0;
  for (let k = 0; k <= degree; k++) {
    const w = poly[k];
    total += w;
    if (k <= u) lower += w;
    if (k >= u) upper += w;
  }
  return { lower: lower / total, upper: upper / total };
}
function normalCdf(z) {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
function mannWhitneyU(x, y) {
  if (x.length === 0 || y.length === 0) throw new Error("mannWhitneyU needs at least one value in each sample");
  if (![...x, ...y].every(Number.isFinite)) throw new Error("mannWhitneyU needs finite values");
  const n1 = x.length;
  const n2 = y.length;
  const groups = tieGroups(x, y);
  const doubledRankSum = groups.reduce((s, g) => s + g.fromX * g.doubledRank, 0);
  const u = doubledRankSum / 2 - n1 * (n1 + 1) / 2;
  if (groups.length === 1) return { u, p: 1, exact: true };
  const pooled = n1 + n2;
  const ties = groups.length < pooled;
  const limit = ties ? EXACT_MAX_RUNS_WITH_TIES : EXACT_MAX_RUNS;
  if (n1 <= limit && n2 <= limit) {
    const { lower, upper } = ties ? exactTails(groups, n1, doubledRankSum) : exactTailsNoTies(n1, n2, u);
    return { u, p: Math.min(1, 2 * Math.min(lower, upper)), exact: true };
  }
  const tieTerm = groups.reduce((s, g) => s + g.size ** 3 - g.size, 0) / (pooled * (pooled - 1));
  const sd = Math.sqrt(n1 * n2 / 12 * (pooled + 1 - tieTerm));
  const distance = Math.max(0, Math.abs(u - n1 * n2 / 2) - 0.5);
  return { u, p: Math.min(1, 2 * normalCdf(-distance / sd)), exact: false };
}

// src/core/bench/compare.ts
var BENCH_ALPHA = 0.05;
var MIN_RUNS = 4;
var MAX_NAMED = 5;
var keyOf = (b) => JSON.stringify([b.pkg, b.name]);
function allEqual(values) {
  return values.every((v) => v === values[0]);
}
function labeller(benchmarks) {
  const pkgs = /* @__PURE__ */ new Map();
  for (const b of benchmarks) pkgs.set(b.name, (pkgs.get(b.name) ?? /* @__PURE__ */ new Set()).add(b.pkg));
  return (b) => (pkgs.get(b.name)?.size ?? 0) > 1 && b.pkg !== "" ? `${b.pkg}.${b.name}` : b.name;
}
function someOf(list, label) {
  const named2 = list.slice(0, MAX_NAMED).map(label).join(", ");
  return named2 + (list.length > MAX_NAMED ? ` and ${list.length - MAX_NAMED} more` : "");
}
function onlyIn(side, list, label) {
  if (list.length === 0) return [];
  return [
    `${list.length} benchmark${list.length === 1 ? "" : "s"} only in the ${side}, not compared: ${someOf(list, label)}`
  ];
}
function skippedOf(base, current) {
  const out = /* @__PURE__ */ new Map();
  for (const s of [...current.skipped ?? [], ...base.skipped ?? []]) if (!out.has(keyOf(s))) out.set(keyOf(s), s);
  return out;
}
function skippedWarnings(skipped, label) {
  if (skipped.size === 0) return [];
  const n = skipped.size;
  return [
    `${n} benchmark${n === 1 ? "" : "s"} reported no B/op and allocs/op, not compared: ${someOf([...skipped.values()], label)} (run go test -bench with -benchmem, or call b.ReportAllocs() in them)`
  ];
}
function measure(b, c, metric, name2) {
  const xs = metric.type === "B/op" ? b.bytes : b.allocs;
  const ys = metric.type === "B/op" ? c.bytes : c.allocs;
  const base = median(xs);
  const current = median(ys);
  const p = xs.length < 2 && ys.length < 2 ? null : mannWhitneyU(xs, ys).p;
  const exact2 = allEqual(xs) && allEqual(ys) && (xs.length >= 2 && ys.length >= 2 || base === current);
  const significant = exact2 || xs.length >= MIN_RUNS && ys.length >= MIN_RUNS && p !== null && p < BENCH_ALPHA;
  return {
    sampleType: metric.type,
    unit: metric.unit,
    base,
    current,
    runs: { base: xs.length, current: ys.length },
    significant,
    benchmark: { name: name2, pkg: b.pkg, p, alpha: BENCH_ALPHA, exact: exact2 }
  };
}
function measureBenchmarks(base, current) {
  const baseByKey = new Map(base.benchmarks.map((b) => [keyOf(b), b]));
  const currentKeys = new Set(current.benchmarks.map(keyOf));
  const skipped = skippedOf(base, current);
  const label = labeller([...base.benchmarks, ...current.benchmarks, ...skipped.values()]);
  const pairs = current.benchmarks.flatMap((c) => {
    const b = baseByKey.get(keyOf(c));
    return b === void 0 ? [] : [{ b, c }];
  });
  if (pairs.length === 0) {
    const list = (s) => s.benchmarks.slice(0, MAX_NAMED).map(label).join(", ") + (s.benchmarks.length > MAX_NAMED ? ", \u2026" : "");
    throw new IncompatibleProfilesError(`no benchmark in common: base has ${list(base)}; current has ${list(current)}`);
  }
  const benchmarks = [];
  const functions = {};
  for (const { b, c } of pairs) {
    const metrics = BENCH_METRICS.map((metric) => measure(b, c, metric, label(c)));
    benchmarks.push({ name: b.name, metrics });
    for (const m of metrics) {
      const rows = perOpDeltas(base.attribution, current.attribution, c, m.sampleType, m);
      if (rows !== null) functions[`${label(c)} ${m.sampleType}`] = rows;
    }
  }
  const warnings = [
    ...onlyIn(
      "base",
      base.benchmarks.filter((b) => !currentKeys.has(keyOf(b)) && !skipped.has(keyOf(b))),
      label
    ),
    ...onlyIn(
      "current",
      current.benchmarks.filter((c) => !baseByKey.has(keyOf(c)) && !skipped.has(keyOf(c))),
      label
    ),
    ...skippedWarnings(skipped, label),
    ...procsWarnings(pairs, label),
    ...attributionWarnings(base, current)
  ];
  const names2 = [...base.benchmarks, ...current.benchmarks].map((b) => b.name);
  return { benchmarks, names: names2, functions, warnings };
}
function procsWarnings(pairs, label) {
  const differ = pairs.filter(({ b, c }) => b.procs.join(",") !== c.procs.join(","));
  if (differ.length === 0) return [];
  const first = differ[0];
  return [
    `${differ.length} benchmark${differ.length === 1 ? "" : "s"} ran with different GOMAXPROCS on the two sides (${label(first.c)}: base -${first.b.procs.join("/-")}, current -${first.c.procs.join("/-")})`
  ];
}
function attributionWarnings(base, current) {
  if (base.attribution === void 0 === (current.attribution === void 0)) return [];
  const side = base.attribution === void 0 ? "current" : "base";
  return [`a -memprofile was given with the ${side} output only: no per-function attribution`];
}

// src/core/verdict/conclusive.ts
var MANY_RUNS = 5;
function dominant(m) {
  const { sampling, runs, history } = m.sources;
  if (history >= sampling && history >= runs) return "history";
  return runs > sampling ? "runs" : "sampling";
}
function conclusiveAdvice(metrics, historyAsked, sampler = "go") {
  const inconclusive = metrics.filter((m) => m.partStatus === "inconclusive" || m.status === "inconclusive");
  if (inconclusive.length === 0) return [];
  if (inconclusive.some((m) => m.benchmark !== void 0)) return benchAdvice(inconclusive);
  const out = /* @__PURE__ */ new Set();
  for (const m of inconclusive) {
    const source = dominant(m);
    if (source === "sampling" && m.sources.sampling > 0) {
      out.add(
        sampler === "v8" ? "Record the profiles with a smaller sampling interval (node --heap-prof --heap-prof-interval 4096): V8 then takes about 128 times the samples of its default interval (512 KiB), so sampling noise shrinks." : "Record the profiles with runtime.MemProfileRate = 1 (set before the first allocation): every allocation is then counted and sampling noise is gone."
      );
      const glob2 = sampler === "v8" ? "runs/*.heapprofile" : "runs/*.pb.gz";
      out.add(
        `Or give several runs per side (several files, or a quoted glob such as '${glob2}'): their per-run means are compared, and sampling noise shrinks with \u221Aruns.`
      );
    }
    if (source === "history" || source === "runs") {
      out.add(
        sampler === "v8" ? "The runs themselves differ (GC timing, caches, timers): keep the workload fixed (inputs, sizes, request counts) and let it finish its work before the process exits and writes the profile." : "The runs themselves differ (GC timing, pools, timers): call runtime.GC() before writing the profile, and keep the workload fixed (inputs, sizes, GOMAXPROCS)."
      );
    }
    if (source === "runs" && Math.min(m.runs.base, m.runs.current) < MANY_RUNS) {
      out.add(
        `Give each side more runs (${MANY_RUNS} or more): the spread across runs is then measured well, and the means' noise shrinks with \u221Aruns.`
      );
    }
  }
  if (inconclusive.some((m) => m.detectable === Number.POSITIVE_INFINITY)) {
    out.add(
      "These are go test -bench profiles, whose totals scale with b.N: compare the go test -bench -benchmem text output instead (heapgate reads it: B/op and allocs/op per benchmark), or run both sides with the same -benchtime=Nx and let a history of baselines (heapgate check, the Action) calibrate the noise."
    );
  }
  const uncalibrated = inconclusive.some((m) => m.history?.kind === "uncalibrated");
  if (uncalibrated) {
    out.add(
      "The history has too few baselines to calibrate the run-to-run noise: it calibrates itself from 5 baselines of the branch."
    );
  } else if (!historyAsked) {
    out.add("heapgate check (or the Action) also learns the run-to-run noise from the baselines of the branch.");
  }
  return [...out];
}
function benchAdvice(inconclusive) {
  const out = [];
  const few = inconclusive.some((m) => Math.min(m.runs.base, m.runs.current) < MIN_RUNS);
  if (few) {
    out.push(
      `Run the benchmarks with go test -bench \u2026 -benchmem -count 10 on both sides: the Mann\u2013Whitney U test needs at least ${MIN_RUNS} runs a side to reach p < 0.05 (benchstat recommends 10).`
    );
  }
  if (inconclusive.some((m) => Math.min(m.runs.base, m.runs.current) >= MIN_RUNS)) {
    out.push(
      "The runs overlap (p \u2265 0.05): B/op and allocs/op that vary between runs come from allocations that depend on timing or b.N (pools, caches, amortised growth); run more (-count 20) and keep the machine quiet."
    );
  }
  return out;
}

// src/core/verdict/report-lines.ts
function reportLines(diffLines, metrics, request) {
  const flagged = new Set(metrics.filter((m) => m.status === "fail" || m.status === "warn").map((m) => m.sampleType));
  const lines = {};
  const lineCount = {};
  for (const [type, rows] of Object.entries(diffLines)) {
    if (request.flaggedOnly && !flagged.has(type)) continue;
    lines[type] = request.top === 0 ? rows.slice() : rows.slice(0, request.top);
    lineCount[type] = rows.length;
  }
  return { lines, lineCount };
}

// src/core/verdict/report.ts
var OWN_REPORT_ROWS = 20;
function buildReport(diff2, verdict, options) {
  if (!Number.isInteger(options.top) || options.top < 0) {
    throw new UsageError(`top must be a non-negative integer, got ${options.top}`);
  }
  const sampleType = selectSampleType(diff2, options.sampleIndex);
  const limit = options.top === 0 ? null : options.top;
  const functions = {};
  const functionCount = {};
  const rest = {};
  const totals = {};
  for (const metric of diff2.metrics) {
    const rows = diff2.functions[metric.sampleType] ?? [];
    const floor = options.fold === void 0 ? 0 : noiseFloor(rows, options.fold.min[metric.sampleType] ?? 0);
    const above = floor === 0 ? rows : rows.filter((f) => Math.max(Math.abs(f.flatDelta), Math.abs(f.cumDelta)) >= floor);
    const shown = limit === null ? above.slice() : above.slice(0, limit);
    functions[metric.sampleType] = shown;
    functionCount[metric.sampleType] = rows.length;
    let flatDelta = 0;
    for (const f of rows) flatDelta += f.flatDelta;
    for (const f of shown) flatDelta -= f.flatDelta;
    rest[metric.sampleType] = { count: rows.length - shown.length, flatDelta };
    totals[metric.sampleType] = { unit: metric.unit, base: metric.base, current: metric.current };
  }
  return {
    verdict: verdict.verdict,
    confidence: verdict.confidence,
    base: options.base,
    current: options.current,
    runs: diff2.metrics[0]?.runs ?? { base: 1, current: 1 },
    warnings: [...diff2.warnings],
    metrics: verdict.metrics,
    sampleType,
    top: limit,
    functions,
    functionCount,
    rest,
    totals,
    advice: conclusiveAdvice(verdict.metrics, options.historyWindow !== void 0, diff2.sampler),
    historyWindow: options.historyWindow ?? null,
    ...options.flame === void 0 ? {} : { flame: options.flame },
    ...diff2.own === void 0 ? {} : {
      own: Object.fromEntries(
        Object.entries(diff2.own).map(([t, rows]) => [t, bothWays(rows, (r) => r.flatDelta, OWN_REPORT_ROWS)])
      )
    },
    ...diff2.ownLines === void 0 ? {} : {
      ownLines: Object.fromEntries(
        Object.entries(diff2.ownLines).map(([t, rows]) => [t, bothWays(rows, (r) => r.flatDelta, OWN_REPORT_ROWS)])
      )
    },
    ...options.lines === void 0 || diff2.lines === void 0 ? {} : { lines: reportLines(diff2.lines, verdict.metrics, options.lines) }
  };
}
var FOLD_SHARE = 5e-3;
function noiseFloor(rows, min) {
  if (min <= 0) return 0;
  let sum = 0;
  for (const f of rows) sum += Math.abs(f.flatDelta);
  return Math.min(FOLD_SHARE * sum, min);
}
function selectSampleType(diff2, sampleIndex) {
  if (sampleIndex === void 0) return diff2.defaultSampleType;
  const types = diff2.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  return types[resolveSampleIndex(types, sampleIndex)].type;
}
function verdictExitCode(verdict, onInconclusive = "pass") {
  return exitCodeOf(verdict, onInconclusive);
}

// src/core/stats/reference-level.ts
function nameOf(p) {
  return {
    ...p?.sha !== void 0 ? { sha: p.sha } : {},
    ...p?.pullRequest !== void 0 ? { pullRequest: p.pullRequest } : {}
  };
}
function referenceLevel(series, points) {
  const { levels, index } = series;
  const accepted = (point) => points[point]?.accepted === true;
  const holdsAccepted = (j) => {
    for (let k = levels[j].from; k < levels[j].to; k++) if (accepted(index[k])) return true;
    return false;
  };
  const acceptor = (j) => {
    for (let k = levels[j].to - 1; k >= levels[j].from; k--) {
      const p = points[index[k]];
      if (p?.accepted === true) return p.acceptedBy ?? null;
    }
    return null;
  };
  const size2 = (j) => levels[j].to - levels[j].from;
  const rise = (j) => j > 0 && levels[j].mean > levels[j - 1].mean;
  let floor = -1;
  for (let j = levels.length - 1; j >= 0 && floor < 0; j--) if (holdsAccepted(j)) floor = j;
  let ref = -1;
  for (let j = levels.length - 1; j > floor && ref < 0; j--) if (size2(j) >= 2 && !rise(j)) ref = j;
  if (ref < 0) ref = floor >= 0 ? floor : levels.findIndex((_, j) => size2(j) >= 2);
  if (ref < 0) return null;
  const level = levels[ref];
  const rises = [];
  for (let j = ref + 1; j < levels.length; j++) {
    if (rise(j)) {
      const first = points[index[levels[j].from]];
      rises.push({ ...nameOf(first), percent: 100 * (levels[j].mean / levels[j - 1].mean - 1) });
    }
  }
  return {
    mean: level.mean,
    baselines: size2(ref),
    since: nameOf(points[index[level.to - 1]]),
    accepted: holdsAccepted(ref),
    acceptedBy: acceptor(ref),
    after: series.values.length - level.to,
    rises
  };
}

// src/core/stats/metric-history.ts
function metricHistory(points, type, period, runs) {
  const series = metricSeries(points, type, period, runs);
  return {
    noise: noiseOfSeries(series),
    reference: referenceLevel(series, points),
    ...fellAlone(series) ? { baseFellAlone: true } : {}
  };
}

// src/core/rules/bench.ts
var BENCH_DEFAULT_RULES_TEXT = ["B/op +15% min 64B", "allocs/op +20% min 1"].join("\n");
function ruleError2(rule, why) {
  return new RuleError(`${ruleLabel(rule.index, rule.source)}: ${why}`);
}
var METRIC_NAMES = BENCH_METRICS.map((m) => m.type).join(" and ");
function benchRuleResolver(rules, names2) {
  const user = rules.filter((r) => r.origin === "user");
  const defaults = parseRules(BENCH_DEFAULT_RULES_TEXT, "default");
  const claimed = /* @__PURE__ */ new Map();
  const off = /* @__PURE__ */ new Set();
  const whole = /* @__PURE__ */ new Map();
  const patterned = [];
  for (const rule of user) {
    const metric = BENCH_METRICS.find((m) => m.type === rule.sampleType);
    if (metric === void 0) {
      if (rule.off) continue;
      throw ruleError2(
        rule,
        `Go benchmark output has the metrics ${METRIC_NAMES}, not "${rule.sampleType}" (a heap profile sample type)`
      );
    }
    if (rule.drift !== null) {
      throw ruleError2(
        rule,
        "drift is judged on the series of a profile's whole sample types, not yet on Go benchmarks; remove it"
      );
    }
    if (rule.minInBytes && metric.unit !== "bytes") {
      throw ruleError2(rule, `min is in bytes but ${metric.type} counts allocations; give a plain number`);
    }
    const key = JSON.stringify([rule.sampleType, rule.pattern]);
    const earlier = claimed.get(key);
    if (earlier) throw ruleError2(rule, `repeats rule ${earlier.index} ("${earlier.source}"); keep one`);
    claimed.set(key, rule);
    if (rule.off) off.add(rule.sampleType);
    else if (rule.pattern === null) whole.set(rule.sampleType, rule);
    else {
      const re = compileNamePattern(rule.pattern);
      if (!names2.some((n) => re.test(n))) {
        const closest = closestNames(patternLiteral(rule.pattern), names2, { within: true, limit: 3 });
        const hint = closest.length === 0 ? "" : `; closest: ${closest.map((n) => n.slice(0, 120)).join(", ")}`;
        throw ruleError2(rule, `${shownPattern(rule.pattern)} matches no benchmark in either file${hint}`);
      }
      patterned.push({ rule, re });
    }
  }
  const text2 = (rule) => rule.all ?? formatRule(rule);
  return (metric, name2) => {
    const p = patterned.find((x) => x.rule.sampleType === metric && x.re.test(name2));
    if (p !== void 0) return { rule: p.rule, text: text2(p.rule) };
    const w = whole.get(metric);
    if (w !== void 0) return { rule: w, text: text2(w) };
    if (off.has(metric)) return null;
    const d = defaults.find((r) => r.sampleType === metric);
    return d === void 0 ? null : { rule: d, text: text2(d) };
  };
}

// src/core/verdict/bench-verdict.ts
function judge2(base, delta, rule, significant) {
  return rule.off ? "pass" : crossing(base, delta, rule, significant) ?? "pass";
}
function metricResult(m, applied) {
  const delta = m.current - m.base;
  const status = applied === null ? "pass" : judge2(m.base, delta, applied.rule, m.significant);
  const threshold = applied === null || applied.rule.off ? null : thresholdOf(m.base, applied.rule);
  return {
    sampleType: m.sampleType,
    unit: m.unit,
    base: m.base,
    current: m.current,
    delta,
    deltaPercent: m.base === 0 ? null : 100 * delta / m.base,
    z: null,
    variance: 0,
    pattern: null,
    status,
    partStatus: status,
    rule: applied?.text ?? null,
    sources: { sampling: 0, runs: 0, history: 0 },
    critical: 0,
    detectable: m.benchmark.exact ? 0 : Number.NaN,
    threshold,
    runs: m.runs,
    // The U test decides, not a variance: no spread is estimated.
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
    history: null,
    drift: null,
    benchmark: m.benchmark
  };
}
function combineConjunctions2(metrics, rules) {
  const size2 = /* @__PURE__ */ new Map();
  for (const r of rules) if (r.origin === "user" && r.all !== null) size2.set(r.all, (size2.get(r.all) ?? 0) + 1);
  let out = [...metrics];
  for (const [all, count2] of size2) {
    const parts = out.filter((m) => m.rule === all);
    if (parts.length === 0) continue;
    const statuses = parts.map((m) => m.partStatus);
    const status = combine(parts.length < count2 ? [...statuses, "pass"] : statuses);
    out = out.map((m) => m.rule === all ? { ...m, status } : m);
  }
  return out;
}
function judgeBenchmarks(measured, rules) {
  const ruleOf = benchRuleResolver(rules, measured.names);
  const judged = (b) => combineConjunctions2(
    b.metrics.map((m) => metricResult(m, ruleOf(m.sampleType, b.name))),
    rules
  );
  const metrics = measured.benchmarks.flatMap(judged);
  return { verdict: verdictOf(metrics), confidence: 0, metrics };
}
function compareBenchmarks(base, current, rules) {
  const measured = measureBenchmarks(base, current);
  return { verdict: judgeBenchmarks(measured, rules), warnings: measured.warnings, functions: measured.functions };
}

// src/core/verdict/bench-report.ts
var BENCH_HISTORY_NOTE = "history not used for benchmarks: the runs in each file (go test -count) are what tells a change from noise";
function buildBenchReport(comparison, options) {
  const { verdict } = comparison;
  const limit = options.top === 0 ? null : options.top;
  const functions = {};
  const functionCount = {};
  const rest = {};
  const totals = { ...options.totals };
  for (const m of verdict.metrics) {
    const key = `${m.benchmark?.name ?? ""} ${m.sampleType}`;
    const rows = comparison.functions[key];
    if (rows === void 0) continue;
    const shown = limit === null ? rows : rows.slice(0, limit);
    functions[key] = shown;
    functionCount[key] = rows.length;
    rest[key] = {
      count: rows.length - shown.length,
      flatDelta: rows.slice(shown.length).reduce((s, f) => s + f.flatDelta, 0)
    };
    totals[key] = { unit: m.unit, base: m.base, current: m.current };
  }
  return {
    verdict: verdict.verdict,
    confidence: verdict.confidence,
    base: options.base,
    current: options.current,
    // Per-file means do not apply: each metric's `runs` counts the benchmark's runs on each side.
    runs: { base: 1, current: 1 },
    warnings: [...comparison.warnings, ...options.historyAsked ? [BENCH_HISTORY_NOTE] : []],
    metrics: verdict.metrics,
    sampleType: "B/op",
    top: limit,
    functions,
    functionCount,
    rest,
    totals,
    advice: conclusiveAdvice(verdict.metrics, options.historyAsked),
    historyWindow: null
  };
}

// src/app/error-context.ts
function withContext(e, prefix) {
  if (!(e instanceof HeapgateError)) return e;
  const copy = Object.create(Object.getPrototypeOf(e));
  Object.assign(copy, e);
  Object.defineProperty(copy, "message", { value: `${prefix}${e.message}`, writable: true, configurable: true });
  Object.defineProperty(copy, "stack", {
    value: `${e.name}: ${prefix}${e.message}`,
    writable: true,
    configurable: true
  });
  return copy;
}

// src/app/compare-bench.ts
function isBenchSummary(summary2) {
  return summary2.benchmarks !== void 0;
}
function compareBenchSummaries(request, base, current) {
  const context = `comparing ${request.base.label} with ${request.current.label}: `;
  if (base.benchmarks === void 0 || current.benchmarks === void 0) {
    const [bench, profile] = base.benchmarks === void 0 ? ["current", "base"] : ["base", "current"];
    throw new IncompatibleProfilesError(
      `${context}the ${bench} is Go benchmark output (go test -bench -benchmem) but the ${profile} is a heap profile; compare benchmark output with benchmark output, and profiles with profiles`
    );
  }
  let comparison;
  try {
    comparison = compareBenchmarks(base.benchmarks, current.benchmarks, request.rules.rules);
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : withContext(e, context);
  }
  const report = buildBenchReport(comparison, {
    base: request.base.label,
    current: request.current.label,
    top: request.top ?? 0,
    historyAsked: request.history !== void 0,
    totals: Object.fromEntries(
      current.sampleType.map((t, i) => [
        t.type,
        { unit: t.unit, base: base.total[i] ?? 0, current: current.total[i] ?? 0 }
      ])
    )
  });
  const exitCode = verdictExitCode(report.verdict, request.onInconclusive ?? "pass");
  return { report, verdict: comparison.verdict, exitCode };
}

// src/app/compare.ts
function sideOf(source) {
  return { label: source.label, runs: [source] };
}
async function compareProfiles(request, load) {
  const { rules } = request.rules;
  const tree = request.flame === true;
  const sources = [...request.base.runs, ...request.current.runs];
  const summaries = await load(sources, focusPatterns(rules), {
    tree,
    lines: request.lines !== void 0,
    ...request.ownCode === void 0 ? {} : { ownCode: request.ownCode }
  });
  const nb = request.base.runs.length;
  const base = combineSide(request.base, summaries.slice(0, nb));
  const current = combineSide(request.current, summaries.slice(nb));
  if (isBenchSummary(base) || isBenchSummary(current)) {
    return { ...compareBenchSummaries(request, base, current), summaries: { base, current } };
  }
  try {
    checkFunctionRulesMatch(rules, [base.functions.name, current.functions.name]);
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : e;
  }
  let compared;
  try {
    compared = diff(base, current);
  } catch (e) {
    throw withContext(e, `comparing ${request.base.label} with ${request.current.label}: `);
  }
  let verdict;
  const history = request.history === void 0 ? void 0 : metricHistories(compared, request.history.points, current);
  try {
    verdict = evaluate(compared, rules, {
      ...request.confidence === void 0 ? {} : { confidence: request.confidence },
      ...history === void 0 ? {} : { history }
    });
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : e;
  }
  const flame = tree ? flameGraphs(base, current, compared) : void 0;
  const report = buildReport(compared, verdict, {
    base: request.base.label,
    current: request.current.label,
    top: request.top,
    ...request.sampleIndex !== void 0 ? { sampleIndex: request.sampleIndex } : {},
    ...request.history !== void 0 ? { historyWindow: request.history.window } : {},
    ...flame !== void 0 ? { flame } : {},
    ...request.lines !== void 0 ? { lines: request.lines } : {},
    ...request.fold === true ? { fold: { min: ruleMin(compared, rules) } } : {}
  });
  const exitCode = verdictExitCode(verdict.verdict, request.onInconclusive ?? "pass");
  return { report, verdict, exitCode, summaries: { base, current } };
}
function combineSide(side, summaries) {
  try {
    return combineInputs(
      summaries,
      side.runs.map((r) => r.label)
    );
  } catch (e) {
    throw withContext(e, `combining the ${side.runs[0].role} runs ${side.label}: `);
  }
}
function metricHistories(compared, points, current) {
  const out = /* @__PURE__ */ new Map();
  for (const m of compared.metrics) {
    out.set(
      m.sampleType,
      metricHistory(points, { type: m.sampleType, unit: m.unit }, current.period, runCount(current))
    );
  }
  return out;
}
function ruleMin(compared, rules) {
  const types = compared.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  const min = {};
  for (const a of resolveRules(rules, types)) {
    if (a.rule.pattern === null && !a.rule.off) min[types[a.sampleTypeIndex].type] = a.rule.min;
  }
  return min;
}

// src/app/find-baseline.ts
function baselineSource(found) {
  const label = `baseline ${found.stored.metadata.sha.slice(0, 12)} (${found.branch})`;
  return { role: "base", label, bytes: found.stored.profile };
}
async function findBaseline(ports2, series, lookup, repair) {
  const { store } = ports2;
  if (lookup.commit !== null) {
    const found = await findCommit(ports2, series, lookup);
    if (found !== void 0) return found;
  }
  for (const branch of lookup.branches) {
    const pointer = await store.pointer(series, branch);
    if (pointer === void 0) continue;
    const stored = await store.commit(series, branch, pointer.current.sha);
    if (stored === void 0) {
      const message = `${store.location}: the pointer of ${series} on ${branch} names commit ${pointer.current.sha}, whose profile is missing`;
      if (repair !== null) throw new StoreError(`${message}; ${repair}`);
      ports2.log.warning(`${message}; this run replaces it`);
      continue;
    }
    return { stored, branch, chosen: "latest", pointer };
  }
  return void 0;
}
async function findCommit(ports2, series, lookup) {
  const { store } = ports2;
  const commit = lookup.commit;
  const mergeBase = "mergeBase" in commit;
  const sha = mergeBase ? await mergeBaseOf(ports2, commit.mergeBase) : commit.sha;
  if (sha === void 0) return void 0;
  const branches = mergeBase ? [lookup.branches[0]] : [.../* @__PURE__ */ new Set([...lookup.branches, ...await store.branches(series)])];
  const chosen = mergeBase ? "merge-base" : "requested";
  for (const branch of branches) {
    const stored = await store.commit(series, branch, sha);
    if (stored !== void 0) return { stored, branch, chosen, pointer: await store.pointer(series, branch) };
  }
  if (!mergeBase)
    throw new UsageError(
      `${commit.from ?? "input baseline-sha"}: no baseline of series ${series} for commit ${sha} in ${store.location}`
    );
  return void 0;
}
async function mergeBaseOf(ports2, commits) {
  if (ports2.pulls === null) return void 0;
  try {
    return await ports2.pulls.mergeBase(commits.base, commits.head);
  } catch (e) {
    ports2.log.info(
      `could not find the merge base of the pull request (${firstLine(e)}); using the base branch's latest baseline`
    );
    return void 0;
  }
}
var MAX_BRANCHES_TRIED = 20;
async function otherSeries(ports2, series) {
  let names2;
  const branches = [];
  try {
    const all = await ports2.store.series();
    names2 = rankByDistance(series, all);
    if (all.includes(series)) {
      for (const b of (await ports2.store.branches(series)).slice(0, MAX_BRANCHES_TRIED)) {
        if (await ports2.store.pointer(series, b) !== void 0) branches.push(b);
      }
    }
  } catch (e) {
    ports2.log.info(`could not list the series in ${ports2.store.location} (${firstLine(e)})`);
    names2 = [];
  }
  return {
    names: names2,
    guess: closestNames(series, names2, { limit: 1 })[0] ?? null,
    ...branches.length > 0 ? { branches } : {}
  };
}

// src/app/history.ts
function historyRequest(pointer, window) {
  if (window <= 0) return void 0;
  const newestFirst = pointer === void 0 ? [] : [pointer.current, ...pointer.history];
  const points = newestFirst.slice(0, window).reverse().map((m) => ({
    sampleType: m.sampleType,
    total: m.total,
    period: m.period,
    runs: m.runs ?? 1,
    sha: m.sha,
    ...m.pullRequest !== void 0 ? { pullRequest: m.pullRequest } : {},
    ...m.accepted !== void 0 ? { accepted: true, acceptedBy: m.accepted.by } : {}
  }));
  return { points, window };
}

// src/app/rules-input.ts
function parseRulesInput(input) {
  const origin = input?.origin ?? "rules";
  try {
    return { rules: rulesWithDefaults(input?.text ?? ""), origin };
  } catch (e) {
    throw withContext(e, `${origin}: `);
  }
}

// src/app/store-baseline.ts
function runUrl(serverUrl, repository, runId) {
  return `${serverUrl}/${repository}/actions/runs/${runId}`;
}
async function storeBaseline(store, run2, summary2, profile) {
  const metadata = baselineMetadata(
    {
      series: run2.series,
      branch: run2.branch,
      sha: run2.sha,
      createdAt: run2.createdAt,
      ...run2.commitTime !== void 0 ? { commitTime: run2.commitTime } : {},
      ...run2.runId !== void 0 ? { runId: run2.runId } : {},
      ...run2.runUrl !== void 0 ? { runUrl: run2.runUrl } : {},
      ...run2.pullRequest !== void 0 ? { pullRequest: run2.pullRequest } : {},
      ...run2.accepted !== void 0 ? { accepted: run2.accepted } : {}
    },
    summary2,
    profile.length
  );
  const conflict = seriesKindConflict((await store.pointer(run2.series, run2.branch))?.current, summary2.sampleType);
  if (conflict !== null) throw new UsageError(conflict);
  return store.put(metadata, profile);
}

// src/core/render/trend.ts
var SPARK_BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
var MAX_TREND_POINTS = 30;
function sparkline(values) {
  const known = values.filter((v) => v !== null && Number.isFinite(v));
  if (known.length === 0) return values.map(() => " ").join("");
  const min = Math.min(...known);
  const max = Math.max(...known);
  const top = SPARK_BLOCKS.length - 1;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return " ";
    if (max === min) return SPARK_BLOCKS[3];
    return SPARK_BLOCKS[Math.round((v - min) / (max - min) * top)];
  }).join("");
}
function valueAt(point, type) {
  const i = point.sampleType.findIndex((t) => t.type === type.type && t.unit === type.unit);
  return i < 0 ? null : point.total[i] ?? null;
}
function recent(points) {
  return points.slice(Math.max(0, points.length - MAX_TREND_POINTS));
}
var MAX_TREND_STEPS = 3;
function stepsCell(points, type) {
  const stored = points.map((p) => ({ p, v: valueAt(p, type) })).filter(
    (x) => x.p.sha !== void 0 && x.v !== null && x.v > 0 && Number.isFinite(x.v)
  );
  const { levels } = segmentLevels(stored.map((x) => x.v));
  const steps = levels.slice(1).map((l, j) => {
    const at = stored[l.from].p;
    const name2 = baselineName({
      sha: at.sha,
      ...at.pullRequest !== void 0 ? { pullRequest: at.pullRequest } : {}
    });
    return `${formatDeltaPercent(100 * (l.mean / levels[j].mean - 1))} at ${name2}`;
  });
  if (steps.length === 0) return "\u2014";
  const shown = steps.slice(-MAX_TREND_STEPS);
  return `${steps.length > shown.length ? "\u2026, " : ""}${shown.join(", ")}`;
}
function renderTrendTable(points, types) {
  const shown = recent(points);
  if (shown.length < 2 || types.length === 0) return [];
  const lines = [
    `| metric | trend (${shown.length} points, oldest \u2192 newest) | oldest | newest | steps |`,
    "| :-- | :-- | --: | --: | :-- |"
  ];
  for (const type of types) {
    const values = shown.map((p) => valueAt(p, type));
    const first = values.find((v) => v !== null);
    const last = [...values].reverse().find((v) => v !== null);
    const cell = (v) => v === null || v === void 0 ? "\u2014" : formatValue(v, type.unit).replace(/\|/g, "\\|");
    lines.push(
      `| ${markdownCode(type.type, true)} | \`${sparkline(values)}\` | ${cell(first)} | ${cell(last)} | ${stepsCell(shown, type)} |`
    );
  }
  return lines;
}
function mermaidSafe(text2) {
  return text2.replace(/[^A-Za-z0-9 _.:()+-]/g, "_");
}
function renderTrendChart(points, type) {
  const shown = recent(points).filter((p) => valueAt(p, type) !== null);
  if (shown.length < 2) return [];
  const bytes = isByteUnit(type.unit);
  const scale = bytes ? 1024 * 1024 : 1;
  const unit = bytes ? "MiB" : type.unit;
  const values = shown.map((p) => {
    const v = valueAt(p, type) / scale;
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  });
  const levels = levelLine(shown, type, scale);
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${mermaidSafe(type.type)}"`,
    `  x-axis [${shown.map((p) => `"${mermaidSafe(p.label)}"`).join(", ")}]`,
    `  y-axis "${mermaidSafe(unit)}"`,
    `  line [${values.join(", ")}]`,
    ...levels === null ? [] : [`  line [${levels.join(", ")}]`],
    "```"
  ];
}
function levelLine(shown, type, scale) {
  const stored = shown.filter((p) => p.sha !== void 0);
  const values = stored.map((p) => valueAt(p, type));
  if (values.length < 2 || values.some((v) => !(v > 0 && Number.isFinite(v)))) return null;
  const { levels } = segmentLevels(values);
  if (levels.length < 2) return null;
  const at = [];
  for (const l of levels) for (let k2 = l.from; k2 < l.to; k2++) at.push(l.mean / scale);
  const newest = at[at.length - 1];
  let k = 0;
  return shown.map((p) => {
    const v = p.sha === void 0 ? newest : at[k++];
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  });
}

// src/core/render/comment.ts
var MAX_NEW_SITES = 10;
var MIN_REPORT_BUDGET = 1500;
function commentMarker(series) {
  return `<!-- heapgate:comment series=${series.replace(/[^A-Za-z0-9._-]/g, "_")} -->`;
}
function formatAge(ms) {
  const hours = Math.floor(Math.max(0, ms) / 36e5);
  if (hours < 1) return "less than an hour";
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${Math.floor(hours / 24)} days`;
}
function renderGateMarkdown(ctx, budget = GITHUB_COMMENT_LIMIT) {
  const head = [
    headerLine(ctx),
    ...baselineLines(ctx),
    ...htmlReportLines(ctx),
    ...acceptedLines(ctx),
    ...noBaselineLines(ctx),
    ...pullLinesSection(ctx)
  ];
  const tail = [
    ...updateLines(ctx),
    ...ctx.update !== null && ctx.reproduce !== null ? [""] : [],
    ...reproduceLines(ctx)
  ];
  const optional = [newSitesSection(ctx), trendSection(ctx), chartSection(ctx)];
  for (let keep = optional.length; keep >= 0; keep--) {
    const extra = optional.slice(0, keep).filter((s) => s.length > 0);
    const fixed = join2([...head, ...extra.flatMap((s) => ["", ...s]), ...tail.length > 0 ? ["", ...tail] : []]);
    const room = budget - fixed.length - 2;
    if (ctx.report === null) {
      if (fixed.length <= budget) return fixed;
      continue;
    }
    if (room < MIN_REPORT_BUDGET && keep > 0) continue;
    const body = reportBody(ctx.report, Math.max(0, room), ctx.baseline !== null);
    const text2 = join2([
      ...head,
      "",
      ...body,
      ...extra.flatMap((s) => ["", ...s]),
      ...tail.length > 0 ? ["", ...tail] : []
    ]);
    if (text2.length <= budget) return text2;
  }
  return join2([...head]).slice(0, budget);
}
function renderComment(ctx, limit = GITHUB_COMMENT_LIMIT) {
  const marker = commentMarker(ctx.series);
  return `${renderGateMarkdown(ctx, limit - marker.length - 1)}${marker}
`;
}
function join2(lines) {
  return `${lines.join("\n")}
`;
}
function reportBody(report, budget, hasBaselineLine) {
  const md = renderMarkdown(report, { budget, collapse: true, labels: !hasBaselineLine });
  const lines = md.replace(/\n$/, "").split("\n").slice(1);
  return lines[0] === "" ? lines.slice(1) : lines;
}
function headerLine(ctx) {
  const series = markdownCode(truncate(ctx.series, MAX_CELL_CHARS), false);
  const counts = ctx.report === null ? "" : ` (${statusCounts(ctx.report)})`;
  const c = ctx.report === null ? "" : culpritMarkdown(ctx.report);
  const what = c === "" ? VERDICT_WORDS[ctx.verdict] : `${VERDICT_WORDS[ctx.verdict]}: ${c}`;
  return `### ${ICON[ctx.verdict]} heapgate ${series}: ${ctx.verdict} \u2014 ${what}${counts}`;
}
function safeUrl(url) {
  return url !== null && /^https:\/\/[A-Za-z0-9.:-]+\/[A-Za-z0-9._~/%-]*$/.test(url) ? url : null;
}
function pullLinesSection(ctx) {
  const p = ctx.pullLines;
  if (p === void 0 || p.grown === 0) return [];
  if (p.changed.length === 0) {
    if (p.uncertain) return [];
    const n = p.grown;
    return [
      "",
      `None of the ${n} line${n === 1 ? "" : "s"} of your code that allocate${n === 1 ? "s" : ""} more ${n === 1 ? "is" : "are"} among the lines this pull request changed: the growth comes from code it did not touch (an indirect cause, such as a caller that now keeps more), or from noise.`
    ];
  }
  return [
    "",
    "**Lines this pull request changed that allocate more**",
    "",
    "| line | function | change |",
    "| :-- | :-- | --: |",
    ...p.changed.map(
      (l) => `| ${markdownCode(truncate(`${l.path}:${l.line}`, MAX_CELL_CHARS), true)} | ${markdownCode(truncate(l.function, MAX_CELL_CHARS), true)} | ${valueCell(`${formatSignedValue(l.flatDelta, l.unit)} ${l.sampleType}`)} |`
    )
  ];
}
function htmlReportLines(ctx) {
  const url = safeUrl(ctx.htmlReportUrl);
  if (url === null) return [];
  return [`\u{1F4CA} [The HTML report](${url}): a differential flame graph and a heat table of every function.`];
}
function baselineLines(ctx) {
  const b = ctx.baseline;
  if (b === null) return [];
  const short = markdownCode(b.sha.slice(0, 12), false);
  const commit = safeUrl(b.commitUrl) !== null ? `[${short}](${b.commitUrl})` : short;
  const why = {
    "merge-base": "the merge base of this pull request",
    latest: "the latest baseline",
    requested: "the requested commit"
  }[b.chosen];
  const age = b.ageMs === null ? "" : `, stored ${formatAge(b.ageMs)} ago`;
  const run2 = safeUrl(b.runUrl) !== null ? ` ([run](${b.runUrl}))` : "";
  return [
    `Baseline: commit ${commit} on ${markdownCode(truncate(b.branch, MAX_CELL_CHARS), false)} (${why})${age}${run2}.`
  ];
}
function acceptedLines(ctx) {
  const a = ctx.accepted;
  if (a === null) return [];
  const label = markdownCode(truncate(a.label, MAX_CELL_CHARS), false);
  const who = a.by === null ? "with" : `by ${markdownText(`@${truncate(a.by, 100)}`)} with`;
  const what = ctx.report?.verdict === "inconclusive" ? "this inconclusive result" : "this regression";
  return ["", `\u2611\uFE0F **Accepted** ${who} the ${label} label: ${what} does not fail the check.`];
}
function noBaselineLines(ctx) {
  const n = ctx.noBaseline;
  if (n === null) return [];
  const where = n.branches.map((b) => markdownCode(truncate(b, MAX_CELL_CHARS), false)).join(" or ");
  return [
    "",
    `No baseline for series ${markdownCode(ctx.series, false)} on ${where} in ${markdownCode(truncate(n.store, MAX_CELL_CHARS), false)}: nothing to compare against, so this check passes.`,
    ...otherSeriesLines(ctx.series, n.otherSeries),
    "",
    `To seed one, run this action on a push to the default branch (it stores each run as the new baseline), run the workflow by hand with \`mode: update\`, or store a profile with ${markdownCode(truncate(n.seed, 500), false)}.`
  ];
}
function otherSeriesLines(series, hint) {
  const text2 = otherSeriesText(series, hint, (s) => markdownCode(truncate(s, MAX_CELL_CHARS), false));
  return text2 === null ? [] : ["", `\u26A0\uFE0F ${text2.charAt(0).toUpperCase()}${text2.slice(1)}`];
}
function updateLines(ctx) {
  const u = ctx.update;
  if (u === null) return [];
  const branch = markdownCode(truncate(u.branch, MAX_CELL_CHARS), false);
  const sha = markdownCode(u.sha.slice(0, 12), false);
  switch (u.result) {
    case "moved":
      return [`\u{1F4CC} Stored this run (commit ${sha}) as the baseline of ${branch}.`, ...stepLines(u.steps ?? [])];
    case "same-commit":
      return [`\u{1F4CC} Commit ${sha} already is the baseline of ${branch}; the first stored profile is kept.`];
    case "older":
      return [`\u{1F4CC} Stored this run (commit ${sha}); ${branch} already has a newer baseline, which stays current.`];
    case "skipped":
      return [`\u{1F4CC} Not stored as the baseline of ${branch}: ${markdownText(u.reason ?? "not requested")}.`];
  }
}
function stepLines(steps) {
  return steps.map((s) => {
    const pr = s.pullRequest === null ? "" : ` (#${s.pullRequest})`;
    const icon = s.percent > 0 ? "\u{1F4C8}" : "\u{1F4C9}";
    return `${icon} New level of ${markdownCode(truncate(s.sampleType, MAX_CELL_CHARS), false)}: ${formatDeltaPercent(s.percent)} (${formatValue(s.previous, s.unit)} \u2192 ${formatValue(s.current, s.unit)}) at ${markdownCode(s.sha.slice(0, 12), false)}${pr}, over the level of ${s.previousBaselines} baseline${s.previousBaselines === 1 ? "" : "s"} before it; this run confirms it.`;
  });
}
function reproduceLines(ctx) {
  if (ctx.reproduce === null) return [];
  return [`Reproduce locally: ${markdownCode(truncate(ctx.reproduce, 500), false)}`];
}
function focusTypes(report) {
  const types = failingSampleTypes(report);
  return types.length > 0 ? types : [report.sampleType];
}
function newSites(report) {
  const out = [];
  for (const type of focusTypes(report)) {
    const unit = report.totals[type]?.unit ?? "";
    for (const row of report.functions[type] ?? []) {
      if (row.baseFlat === 0 && row.baseCum === 0 && row.currentFlat > 0) out.push({ type, unit, row });
    }
  }
  return out.slice(0, MAX_NEW_SITES);
}
function newSitesSection(ctx) {
  if (ctx.report === null) return [];
  const sites = newSites(ctx.report);
  if (sites.length === 0) return [];
  return [
    "#### New allocation sites",
    "",
    "| function | sample type | current flat |",
    "| :-- | :-- | --: |",
    ...sites.map(
      (s) => `| ${markdownCode(truncate(s.row.name, MAX_CELL_CHARS), true)} | ${markdownCode(s.type, true)} | ${valueCell(formatValue(s.row.currentFlat, s.unit))} |`
    )
  ];
}
function wholeTypes(report) {
  const out = [];
  for (const m of report.metrics) {
    if (m.pattern === null && !out.some((t) => t.type === m.sampleType)) out.push({ type: m.sampleType, unit: m.unit });
  }
  return out;
}
function trendSection(ctx) {
  if (ctx.report === null) return [];
  const table = renderTrendTable(ctx.trend, wholeTypes(ctx.report));
  return table.length === 0 ? [] : ["#### Trend of the last baselines", "", ...table];
}
function chartSection(ctx) {
  if (ctx.report === null) return [];
  const type = focusTypes(ctx.report)[0];
  const unit = ctx.report.totals[type]?.unit ?? "";
  const chart = renderTrendChart(ctx.trend, { type, unit });
  if (chart.length === 0) return [];
  return ["<details><summary>Trend chart</summary>", "", ...chart, "", "</details>"];
}

// src/core/render/line-annotations.ts
var MAX_LINE_ANNOTATIONS = 10;
var MAX_LINE_CANDIDATES = 50;
function lineAnnotations(report) {
  const leafOf = (type) => new Map((report.own?.[type] ?? []).map((f) => [f.name, f.leaf?.name]));
  const leaves = /* @__PURE__ */ new Map();
  return flaggedLines(report, MAX_LINE_CANDIDATES, false).map((row) => {
    if (!leaves.has(row.sampleType)) leaves.set(row.sampleType, leafOf(row.sampleType));
    const leaf = leaves.get(row.sampleType).get(row.function);
    const calls = leaf === void 0 ? "" : ` (calls ${leaf})`;
    return {
      file: row.file,
      line: row.line,
      status: row.status,
      message: `${formatSignedValue(row.flatDelta, row.unit)} ${row.sampleType} here, in ${row.function}${calls}`
    };
  });
}

// src/app/gate/sticky-comment.ts
var COMMENT_POLICIES = ["always", "on-change", "on-regression", "never"];
function wantsComment(policy, verdict, exists) {
  switch (policy) {
    case "never":
      return false;
    case "always":
      return true;
    case "on-change":
      return exists || verdict === "fail" || verdict === "warn" || verdict === "inconclusive" || verdict === "accepted";
    case "on-regression":
      return exists || verdict === "fail" || verdict === "accepted";
  }
}
function loginKey(login) {
  return login.toLowerCase().replace(/\[bot\]$/, "");
}
function findSticky(comments, identity, series) {
  const marker = commentMarker(series);
  const mine = comments.filter((c) => c.body.includes(marker) && loginKey(c.author) === loginKey(identity));
  return mine.find((c) => c.author.toLowerCase() === identity.toLowerCase()) ?? mine[0];
}
async function upsertSticky(sink, issue, series, body, policy, verdict) {
  if (policy === "never") return { action: "skipped", url: null };
  const [identity, comments] = await Promise.all([sink.identity(), sink.list(issue)]);
  const existing = findSticky(comments, identity, series);
  if (!wantsComment(policy, verdict, existing !== void 0)) return { action: "skipped", url: null };
  if (existing === void 0) {
    const created = await sink.create(issue, body);
    return { action: "created", url: created.url };
  }
  if (existing.body === body) return { action: "unchanged", url: existing.url };
  const updated = await sink.update(existing.id, body);
  return { action: "updated", url: updated.url };
}

// src/app/gate/publish.ts
async function publish(context, { plan, config, ports: ports2 }) {
  annotate(ports2.log, config.series, context.verdict, context.report, plan.failOnRegression);
  if (context.report !== null && ports2.sources) {
    await annotateLines(
      ports2.log,
      ports2.sources,
      config.series,
      context.verdict,
      context.report,
      plan.failOnRegression
    );
  }
  annotateInconclusive(ports2.log, config.series, context.report, config.onInconclusive, plan.failOnRegression);
  annotateSteps(ports2.log, config.series, context.update);
  let comment = null;
  if (plan.pullRequest !== null && config.comment !== "never") {
    if (ports2.comments !== null)
      comment = await postComment(ports2.comments, ports2.log, plan.pullRequest.number, config.comment, context);
    else ports2.log.info("no github-token: the report is in the job summary only");
  }
  const summary2 = renderGateMarkdown(context);
  try {
    await ports2.summary.append(summary2);
  } catch (e) {
    ports2.log.warning(`could not write the job summary: ${firstLine(e)}`);
  }
  return { comment, summary: summary2 };
}
function metricName(m) {
  return m.benchmark !== void 0 || m.pattern === null ? metricLabel(m) : `${m.sampleType} ~ /${m.pattern}/`;
}
function significance(m) {
  if (m.benchmark === void 0) return `z ${formatZ(m.z)}`;
  const p = zCell(m);
  return `${p === "exact" ? p : `p ${p}`}, runs ${detectableCell(m)}`;
}
function annotate(log, series, verdict, report, gating) {
  if (report === null) return;
  for (const w of report.warnings) {
    if (w === BENCH_HISTORY_NOTE) continue;
    log.warning(w, { title: `heapgate ${series}: profiles not made alike` });
  }
  for (const m of report.metrics) {
    if (m.status !== "fail" && m.status !== "warn") continue;
    const change = `${formatSignedValue(m.delta, m.unit)} (${formatDeltaPercent(m.deltaPercent)}, ${significance(m)})`;
    const text2 = `${metricName(m)} ${change} breaks rule ${m.rule ?? "(none)"}`;
    if (m.status === "warn") log.warning(text2, { title: `heapgate ${series}: memory warning` });
    else if (verdict === "accepted")
      log.warning(`${text2} (accepted)`, { title: `heapgate ${series}: accepted memory regression` });
    else if (!gating) log.warning(text2, { title: `heapgate ${series}: memory regression (not gating this run)` });
    else log.error(text2, { title: `heapgate ${series}: memory regression` });
  }
}
async function annotateLines(log, sources, series, verdict, report, gating) {
  let emitted = 0;
  for (const a of lineAnnotations(report)) {
    if (emitted >= MAX_LINE_ANNOTATIONS) return;
    const file = await sources(a.file);
    if (file === null) continue;
    emitted++;
    const error2 = a.status === "fail" && verdict !== "accepted" && gating;
    const properties = { title: `heapgate ${series}: memory grew here`, file, startLine: a.line };
    if (error2) log.error(a.message, properties);
    else log.warning(a.message, properties);
  }
}
function annotateSteps(log, series, update) {
  for (const s of update?.steps ?? []) {
    const pr = s.pullRequest === null ? "" : ` (#${s.pullRequest})`;
    const text2 = `${s.sampleType} ${formatDeltaPercent(s.percent)} at ${s.sha.slice(0, 12)}${pr}: a new level over the ${s.previousBaselines} baseline${s.previousBaselines === 1 ? "" : "s"} before it`;
    if (s.percent > 0) log.warning(text2, { title: `heapgate ${series}: new memory level` });
    else log.info(`heapgate ${series}: ${text2}`);
  }
}
function annotateInconclusive(log, series, report, policy, gating) {
  if (report === null || report.verdict !== "inconclusive" || policy === "pass") return;
  const names2 = report.metrics.filter((m) => m.status === "inconclusive").map(metricName);
  const text2 = `cannot tell ${names2.join(", ")} from the noise. ${report.advice[0] ?? ""}`.trim();
  const title = `heapgate ${series}: inconclusive`;
  if (policy === "fail" && gating) log.error(text2, { title });
  else log.warning(text2, { title });
}
async function postComment(sink, log, issue, policy, context) {
  try {
    const result = await upsertSticky(sink, issue, context.series, renderComment(context), policy, context.verdict);
    if (result.action !== "skipped") log.info(`pull request comment ${result.action}: ${result.url}`);
    return result;
  } catch (e) {
    const status = e instanceof GitHubApiError ? e.status : 0;
    const hint = status === 403 ? "; grant the workflow `pull-requests: write` (a pull request from a fork gets a read-only token)" : "";
    const answered = status > 0 ? `GitHub answered ${status}: ` : "";
    log.warning(
      `could not comment on pull request #${issue}: ${answered}${firstLine(e)}${hint}. The job summary has the report.`,
      {
        title: "heapgate: no pull request comment"
      }
    );
    return null;
  }
}

// src/app/gate/run.ts
async function runGate(config, event, current, ports2) {
  const plan = planRun(config, event);
  const rules = parseRulesInput(config.rules);
  const repair = config.mode === "update" ? null : "re-baseline with mode update";
  const found = await findBaseline(ports2, config.series, plan.lookup, repair);
  const compared = await compare(config, rules, found, current, ports2.load);
  const { verdict, accepted } = await decide(compared.report, plan.pullRequest, config, ports2);
  const update = await updateBaseline(ports2, config, event, plan, verdict, compared.current, current);
  const baseline = found === void 0 ? null : baselineInfo(found, event, ports2.clock);
  const noBaseline = found === void 0 ? await noBaselineOf(config, plan, update, ports2) : null;
  const html = config.htmlReport && compared.report !== null ? renderHtml(compared.report) : null;
  const htmlUrl = html === null ? null : await uploadReport(html, config.series, ports2);
  const context = {
    series: config.series,
    verdict,
    report: compared.report,
    baseline,
    accepted,
    trend: trendPoints(found?.pointer, compared.current),
    reproduce: found === void 0 ? null : reproduceCommand(
      {
        ...config,
        repository: event.repository,
        baselineSha: found.chosen === "latest" ? null : found.stored.metadata.sha
      },
      found.branch,
      config.program
    ),
    noBaseline,
    update,
    htmlReportUrl: htmlUrl,
    ...await pullLinesOf(compared.report, plan.pullRequest?.number ?? null, ports2)
  };
  const { comment, summary: summary2 } = await publish(context, { plan, config, ports: ports2 });
  const json = renderGateJson({
    series: config.series,
    verdict,
    event: event.name,
    sha: plan.sha,
    baseline,
    baselineCreatedAt: found?.stored.metadata.createdAt ?? null,
    accepted,
    update,
    message: found === void 0 ? noBaselineMessage(config, context.noBaseline) : null,
    report: compared.report
  });
  const deltas2 = {};
  for (const m of compared.report?.metrics ?? []) if (m.pattern === null) deltas2[m.sampleType] = m.delta;
  const failing = verdict === "fail" || verdict === "inconclusive" && config.onInconclusive === "fail";
  const exitCode = failing && plan.failOnRegression ? 1 : 0;
  return {
    verdict,
    exitCode,
    report: compared.report,
    json,
    baseline,
    comment,
    update,
    deltas: deltas2,
    summary: summary2,
    html,
    htmlUrl
  };
}
var GATE_LINES = { top: 50, flaggedOnly: true };
async function compare(config, rules, found, current, load) {
  const currentSource = { role: "current", label: config.profile.join(" "), bytes: current };
  if (found === void 0) {
    const [summary2] = await load([currentSource], focusPatterns(rules.rules));
    return { report: null, current: summary2 };
  }
  const outcome = await compareProfiles(
    {
      base: sideOf(baselineSource(found)),
      current: sideOf(currentSource),
      rules,
      ...config.confidence !== null ? { confidence: config.confidence } : {},
      top: config.top,
      history: historyRequest(found.pointer, config.history),
      onInconclusive: config.onInconclusive,
      fold: true,
      flame: config.htmlReport,
      ownCode: config.ownCode,
      lines: GATE_LINES
    },
    load
  );
  return { report: outcome.report, current: outcome.summaries.current };
}
async function pullLinesOf(report, pull, ports2) {
  const sources = ports2.sources;
  const listed = ports2.pulls?.changedLines?.bind(ports2.pulls);
  if (report === null || pull === null || !sources || listed === void 0) return {};
  const grown = grownLines(report);
  if (grown.length === 0) return {};
  const paths = /* @__PURE__ */ new Map();
  for (const g of grown) {
    const path3 = await sources(g.file);
    if (path3 !== null) paths.set(g.file, path3);
  }
  if (paths.size === 0) return {};
  try {
    return { pullLines: pullLines(grown, paths, await listed(pull)) };
  } catch (e) {
    ports2.log.warning(`could not list the files of pull request #${pull}: ${firstLine(e)}`);
    return {};
  }
}
async function decide(report, pr, config, ports2) {
  if (report === null) return { verdict: "no-baseline", accepted: null };
  const { acceptLabel } = config;
  const failing = report.verdict === "fail" || report.verdict === "inconclusive" && config.onInconclusive === "fail";
  if (!failing || pr === null || !hasLabel(pr, acceptLabel)) return { verdict: report.verdict, accepted: null };
  return { verdict: "accepted", accepted: { label: acceptLabel, by: await acceptedBy(ports2, pr, acceptLabel) } };
}
function hasLabel(pr, label) {
  const want = label.toLowerCase();
  return pr.labels.some((l) => l.toLowerCase() === want);
}
async function acceptedBy(ports2, pr, label) {
  const e = pr.labelEvent;
  if (e !== null && e.action === "labeled" && e.label.toLowerCase() === label.toLowerCase()) return e.sender;
  if (ports2.pulls === null) return null;
  try {
    return await ports2.pulls.labeledBy(pr.number, label) ?? null;
  } catch (err) {
    ports2.log.info(`could not read who added the ${label} label: ${firstLine(err)}`);
    return null;
  }
}
async function updateBaseline(ports2, config, event, plan, verdict, summary2, profile) {
  if (plan.update === null) return null;
  const { branch } = plan.update;
  if (plan.update.when === "unless-fail" && verdict === "fail") {
    return { branch, sha: plan.sha, result: "skipped", reason: "the verdict is fail and update-baseline is on-pass" };
  }
  const level = await levelOrigin(ports2, config, event, plan);
  const run2 = {
    ...level,
    series: config.series,
    branch,
    sha: plan.sha,
    createdAt: ports2.clock.now().toISOString(),
    ...event.commitTime !== null ? { commitTime: event.commitTime } : {},
    ...event.runId !== null ? { runId: event.runId, runUrl: runUrl(event.serverUrl, event.repository, event.runId) } : {}
  };
  const result = await storeBaseline(ports2.store, run2, summary2, profile);
  const sha = result.metadata.sha;
  ports2.log.info(
    `baseline ${sha.slice(0, 12)} of ${config.series} on ${branch}: object ${result.object}, pointer ${result.pointer}`
  );
  if (result.pointer === "older") return { branch, sha, result: result.pointer };
  const steps = await stepsOf(ports2, config.series, branch, config.history);
  if (config.stepIssue === true) await announceStep(ports2, config.series, event, steps);
  return { branch, sha, result: result.pointer, ...steps.length > 0 ? { steps } : {} };
}
async function announceStep(ports2, series, event, steps) {
  const rises = steps.filter((s) => s.percent > 0);
  if (rises.length === 0) return;
  if (ports2.issues === void 0 || ports2.issues === null) {
    ports2.log.warning("step-issue needs github-token: no issue opened for the new level", {
      title: `heapgate ${series}: step issue`
    });
    return;
  }
  const sha = rises[0].sha;
  const title = stepIssueTitle(series, rises);
  const body = stepIssueBody(series, rises, {
    commitUrl: `${event.serverUrl}/${event.repository}/commit/${sha}`,
    runUrl: event.runId === null ? null : runUrl(event.serverUrl, event.repository, event.runId)
  });
  try {
    const open3 = await ports2.issues.findOpen(stepIssueMarker(series, sha));
    const issue = open3 === void 0 ? await ports2.issues.create(title, body) : await ports2.issues.update(open3.number, title, body);
    ports2.log.info(
      `${open3 === void 0 ? "opened" : "updated"} issue #${issue.number} for the new level: ${issue.url}`
    );
  } catch (err) {
    const status = err instanceof GitHubApiError ? err.status : void 0;
    const hint = status === 403 ? " (grant the workflow issues: write)" : status === 410 ? " (issues are disabled)" : "";
    ports2.log.warning(`could not open or update the step issue${hint}: ${firstLine(err)}`, {
      title: `heapgate ${series}: step issue`
    });
  }
}
async function stepsOf(ports2, series, branch, window) {
  if (window <= 0) return [];
  try {
    const pointer = await ports2.store.pointer(series, branch);
    return pointer === void 0 ? [] : newSteps([pointer.current, ...pointer.history].slice(0, window), MIN_STEP_PERCENT);
  } catch (err) {
    ports2.log.info(`could not read the series of ${branch} back to look for a new step: ${firstLine(err)}`);
    return [];
  }
}
async function levelOrigin(ports2, config, event, plan) {
  if (event.name === "workflow_dispatch" && config.mode === "update") {
    return { accepted: { by: event.actor ?? "unknown", how: "update" } };
  }
  if (event.name !== "push" || ports2.pulls === null) return {};
  try {
    const pull = await ports2.pulls.mergedPullOf(plan.sha);
    if (pull === void 0) return {};
    const want = config.acceptLabel.toLowerCase();
    if (!pull.labels.some((l) => l.toLowerCase() === want)) return { pullRequest: pull.number };
    const by = await ports2.pulls.labeledBy(pull.number, config.acceptLabel) ?? "unknown";
    ports2.log.info(`#${pull.number} merged with the ${config.acceptLabel} label: its level is accepted (by ${by})`);
    return { pullRequest: pull.number, accepted: { by, how: "label" } };
  } catch (err) {
    ports2.log.info(
      `could not read the pull request of ${plan.sha.slice(0, 12)}: ${firstLine(err)}; level not accepted`
    );
    return {};
  }
}
function baselineInfo(found, event, clock) {
  const m = found.stored.metadata;
  const created = Date.parse(m.createdAt);
  return {
    sha: m.sha,
    branch: found.branch,
    chosen: found.chosen,
    commitUrl: `${event.serverUrl}/${event.repository}/commit/${m.sha}`,
    runUrl: m.runUrl ?? null,
    ageMs: Number.isNaN(created) ? null : clock.now().getTime() - created
  };
}
function trendPoints(pointer, summary2) {
  const stored = pointer === void 0 ? [] : [...pointer.history].reverse().concat([pointer.current]);
  return [
    ...stored.map((m) => ({
      label: m.sha.slice(0, 7),
      sampleType: m.sampleType,
      total: m.total,
      sha: m.sha,
      ...m.pullRequest !== void 0 ? { pullRequest: m.pullRequest } : {}
    })),
    { label: "this run", sampleType: summary2.sampleType, total: summary2.total }
  ];
}
async function uploadReport(html, series, ports2) {
  if (ports2.reports === null) return null;
  try {
    return (await ports2.reports.upload(html, `heapgate-${series}.html`)).url;
  } catch (e) {
    ports2.log.warning(`could not upload the HTML report as an artifact (${firstLine(e)}); the step goes on without it`);
    return null;
  }
}
async function noBaselineOf(config, plan, update, ports2) {
  const seeded = update !== null && update.result !== "skipped";
  const others = seeded ? { names: [], guess: null } : await otherSeries(ports2, config.series);
  const mistyped = otherSeriesSentence(config.series, others);
  const input = others.branches ? "base-branch" : "series";
  if (mistyped !== null)
    ports2.log.warning(`${mistyped} (check the ${input} input)`, { title: "heapgate: no baseline" });
  return {
    branches: plan.lookup.branches,
    store: ports2.store.location,
    seed: seedCommand(config, plan.lookup.branches.at(-1), config.program),
    otherSeries: others
  };
}
function noBaselineMessage(config, where) {
  const mistyped = otherSeriesSentence(config.series, where.otherSeries);
  const hint = mistyped === null ? "" : ` ${mistyped}.`;
  return `${noBaselineSentence(config.series, where.branches, where.store)}${hint} Seed one by running this action on a push to the default branch, by running the workflow with mode update, or with: ${where.seed}`;
}

// src/action/event.ts
function obj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}
function str(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function need(env, name2) {
  const v = env[name2];
  if (v === void 0 || v === "")
    throw new UsageError(`${name2} is not set: heapgate's action runs inside a GitHub Actions job`);
  return v;
}
function pullRequest(payload) {
  const pr = obj(payload.pull_request);
  if (pr === void 0) return null;
  const base = obj(pr.base);
  const head = obj(pr.head);
  const number = pr.number;
  if (typeof number !== "number" || base === void 0 || head === void 0 || !str(base.ref) || !str(base.sha) || !str(head.sha)) {
    throw new UsageError("the pull_request event payload lacks number, base.ref, base.sha or head.sha");
  }
  const labels = Array.isArray(pr.labels) ? pr.labels.map((l) => str(obj(l)?.name)).filter((l) => l !== void 0) : [];
  const action = payload.action;
  const label = str(obj(payload.label)?.name);
  const sender = str(obj(payload.sender)?.login);
  return {
    number,
    baseRef: str(base.ref),
    baseSha: str(base.sha),
    headSha: str(head.sha),
    headRef: str(head.ref) ?? `pull/${number}`,
    labels,
    labelEvent: (action === "labeled" || action === "unlabeled") && label !== void 0 && sender !== void 0 ? { action, label, sender } : null
  };
}
function gateEvent(env, payload) {
  const p = obj(payload) ?? {};
  const ref = env.GITHUB_REF ?? "";
  const headCommit = obj(p.head_commit);
  const runId = env.GITHUB_RUN_ID;
  return {
    name: need(env, "GITHUB_EVENT_NAME"),
    repository: need(env, "GITHUB_REPOSITORY"),
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    sha: need(env, "GITHUB_SHA"),
    branch: ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null,
    defaultBranch: str(obj(p.repository)?.default_branch) ?? null,
    runId: runId !== void 0 && /^[0-9]{1,20}$/.test(runId) ? runId : null,
    commitTime: str(headCommit?.timestamp) ?? null,
    actor: env.GITHUB_ACTOR !== void 0 && /^[A-Za-z0-9][A-Za-z0-9._[\]-]{0,99}$/.test(env.GITHUB_ACTOR) ? env.GITHUB_ACTOR : null,
    pullRequest: pullRequest(p)
  };
}
var MAX_EVENT_BYTES = 32 * 1024 * 1024;
async function loadEventPayload(env) {
  const path3 = env.GITHUB_EVENT_PATH;
  if (path3 === void 0 || path3 === "") return {};
  let read;
  try {
    read = await readBounded(path3, MAX_EVENT_BYTES);
  } catch {
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path3}: cannot read`);
  }
  if (!read.ok)
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path3}: more than ${MAX_EVENT_BYTES} bytes`);
  const text2 = read.bytes.toString("utf8");
  try {
    return JSON.parse(text2);
  } catch {
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path3}: not valid JSON`);
  }
}
async function loadGateEvent(env) {
  return gateEvent(env, await loadEventPayload(env));
}

// src/adapters/record-dir.ts
import { constants, promises as fs } from "node:fs";
import path2 from "node:path";
function recordFileNames(series) {
  validateSeries(series);
  return { manifest: `${series}.manifest.json`, profile: `${series}.profile` };
}
function describe(e) {
  const code = e?.code;
  if (code === "ELOOP") return "is a symbolic link, not a file";
  return describeFsError(e);
}
async function readCapped(file, name2, max) {
  let handle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    throw new UsageError(`record ${name2}: ${describe(e)}`);
  }
  try {
    const stat4 = await handle.stat();
    if (!stat4.isFile()) throw new UsageError(`record ${name2}: not a regular file`);
    if (stat4.size > max) throw new UsageError(`record ${name2}: ${stat4.size} bytes, more than the limit of ${max}`);
    const bytes = Buffer.alloc(stat4.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    if (at !== stat4.size || (await handle.stat()).size !== stat4.size)
      throw new UsageError(`record ${name2}: changed while being read`);
    return bytes;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`record ${name2}: ${describe(e)}`);
  } finally {
    await handle.close();
  }
}
function openRecordDirectory(dir, cwd) {
  const root = path2.resolve(cwd, dir);
  return {
    location: dir,
    async write(series, files) {
      const names2 = recordFileNames(series);
      try {
        await fs.mkdir(root, { recursive: true });
        await fs.writeFile(path2.join(root, names2.profile), files.profile);
        await fs.writeFile(path2.join(root, names2.manifest), files.manifest);
      } catch (e) {
        throw new UsageError(
          `input record: writing ${dir}: ${describeFsError(e).replace(/^cannot read/, "cannot write")}`
        );
      }
    },
    async read(series, caps) {
      const names2 = recordFileNames(series);
      const manifest = await readCapped(path2.join(root, names2.manifest), names2.manifest, caps.maxManifestBytes);
      const text2 = new TextDecoder("utf-8", { fatal: true });
      let manifestText;
      try {
        manifestText = text2.decode(manifest);
      } catch {
        throw new UsageError(`record ${names2.manifest}: not UTF-8 text`);
      }
      const profile = await readCapped(path2.join(root, names2.profile), names2.profile, caps.maxProfileBytes);
      return { manifest: manifestText, profile };
    }
  };
}

// src/core/history/record.ts
var RECORD_FORMAT = "heapgate-record";
var RECORD_VERSION = 1;
var MAX_MANIFEST_BYTES = 16 * 1024;
var MAX_RECORD_PROFILE_BYTES = 256 * 1024 * 1024;
var MAX_RECORD_DECOMPRESSED_BYTES = 256 * 1024 * 1024;
function recordLimits(maxProfileBytes) {
  return {
    file: Math.min(MAX_RECORD_PROFILE_BYTES, maxProfileBytes),
    decompressed: Math.min(MAX_RECORD_DECOMPRESSED_BYTES, maxProfileBytes)
  };
}
var DISPLAY_PATH_RE = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]{1,200}$/;
var SHA_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var EVENT_RE = /^[a-z_]{1,50}$/;
var RUN_ID_RE = /^[0-9]{1,20}$/;
function recordedProfilePath(path3) {
  const normalized = path3.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
  if (DISPLAY_PATH_RE.test(normalized)) return normalized;
  const last = normalized.split("/").pop() ?? "";
  return DISPLAY_PATH_RE.test(last) ? last : "profile";
}
function renderManifest(manifest) {
  const doc = { format: RECORD_FORMAT, version: RECORD_VERSION, ...manifest };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function fail2(problem) {
  throw new UsageError(`record manifest: ${problem}`);
}
function exact(value, where, keys) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail2(`${where} is not an object`);
  const got = Object.keys(value);
  const missing = keys.filter((k) => !Object.hasOwn(value, k));
  if (missing.length > 0) fail2(`${where} lacks ${missing.join(", ")}`);
  if (got.length !== keys.length) fail2(`${where} has fields the schema does not allow`);
  return value;
}
function text(value, where, pattern) {
  if (typeof value !== "string" || !pattern.test(value)) fail2(`${where} is not a valid value`);
  return value;
}
function nullable(value, check) {
  return value === null ? null : check(value);
}
function count(value, where, min, max) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max)
    fail2(`${where} is not a whole number from ${min} to ${max}`);
  return value;
}
function parseManifest(source) {
  if (source.length > MAX_MANIFEST_BYTES) fail2(`larger than ${MAX_MANIFEST_BYTES} bytes`);
  let parsed;
  try {
    parsed = JSON.parse(source);
  } catch {
    fail2("not valid JSON");
  }
  const doc = exact(parsed, "the document", ["format", "version", "series", "profile", "run"]);
  if (doc.format !== RECORD_FORMAT) fail2(`format is not ${RECORD_FORMAT}`);
  if (doc.version !== RECORD_VERSION) fail2(`version is not ${RECORD_VERSION} (made by another heapgate version?)`);
  if (typeof doc.series !== "string") fail2("series is not a string");
  try {
    validateSeries(doc.series);
  } catch {
    fail2("series is not a valid series name");
  }
  const profile = exact(doc.profile, "profile", ["path", "bytes"]);
  const run2 = exact(doc.run, "run", ["event", "sha", "pullRequest", "runId"]);
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    series: doc.series,
    profile: {
      path: text(profile.path, "profile.path", DISPLAY_PATH_RE),
      bytes: count(profile.bytes, "profile.bytes", 1, MAX_RECORD_PROFILE_BYTES)
    },
    run: {
      event: text(run2.event, "run.event", EVENT_RE),
      sha: text(run2.sha, "run.sha", SHA_RE),
      pullRequest: nullable(run2.pullRequest, (v) => count(v, "run.pullRequest", 1, 2 ** 31 - 1)),
      runId: nullable(run2.runId, (v) => text(v, "run.runId", RUN_ID_RE))
    }
  };
}

// src/app/record/record.ts
async function recordProfile(config, run2, profile, ports2) {
  const label = config.profile;
  const limits = recordLimits(config.maxProfileBytes);
  if (profile.length > limits.file)
    throw new UsageError(`input profile: ${label} has ${profile.length} bytes, more than a record's ${limits.file}`);
  let inner;
  try {
    inner = gunzipProfile(profile, limits.decompressed);
  } catch (e) {
    throw withContext(e, `decoding current profile ${label}: `);
  }
  await ports2.load([{ role: "current", label, bytes: inner }], []);
  const text2 = renderManifest({
    series: config.series,
    profile: { path: recordedProfilePath(config.profile), bytes: profile.length },
    run: run2
  });
  const manifest = parseManifest(text2);
  await ports2.record.write(config.series, { manifest: text2, profile });
  ports2.log.info(`heapgate ${config.series}: recorded ${label} in ${ports2.record.location}`);
  return manifest;
}

// src/core/render/commit-status.ts
var STATUS_DESCRIPTION_LIMIT = 140;
function statusContext(series) {
  return `heapgate/${series}`;
}
function statusText(text2) {
  return truncate(terminalSafe(text2.replace(/\s+/g, " ").trim()), STATUS_DESCRIPTION_LIMIT);
}
function verdictDescription(verdict, report) {
  if (verdict === "no-baseline") return statusText("no-baseline: nothing to compare against yet");
  const broken = (report?.metrics ?? []).filter((m) => m.status === "fail" || m.status === "warn");
  const parts = broken.map((m) => {
    const name2 = m.benchmark !== void 0 || m.pattern === null ? metricLabel(m) : `${m.sampleType} ~ /${m.pattern}/`;
    return `${name2} ${formatSignedValue(m.delta, m.unit)} (${formatDeltaPercent(m.deltaPercent)})`;
  });
  if (parts.length === 0) return statusText(`${verdict}: no rule broken`);
  return statusText(`${verdict}: ${parts.join("; ")}`);
}

// src/app/record/find-pull.ts
function headMatches(pull, head) {
  return pull.state === "open" && pull.headSha === head.sha && (head.repository === null || pull.headRepository?.toLowerCase() === head.repository.toLowerCase()) && (head.branch === null || pull.headRef === head.branch);
}
async function findPullRequest(commits, head, hint, log) {
  const matches = (await commits.pullsOf(head.sha)).filter((p) => headMatches(p, head));
  matches.sort((a, b) => a.number - b.number);
  const hinted = hint === null ? void 0 : matches.find((p) => p.number === hint);
  if (hint !== null && hinted === void 0) {
    log.warning(
      `the record names pull request #${hint}, which is not an open pull request with head ${head.sha.slice(0, 12)}; ignored`,
      { title: "heapgate: record does not match the run" }
    );
  }
  const chosen = hinted ?? matches[0];
  if (chosen === void 0) return void 0;
  if (matches.length > 1)
    log.info(`${matches.length} open pull requests have head ${head.sha.slice(0, 12)}: reporting on #${chosen.number}`);
  return chosen;
}

// src/app/record/report.ts
async function readRecord(record, series, maxProfileBytes) {
  const limits = recordLimits(maxProfileBytes);
  const files = await record.read(series, { maxManifestBytes: MAX_MANIFEST_BYTES, maxProfileBytes: limits.file });
  const manifest = parseManifest(files.manifest);
  if (manifest.series !== series)
    throw new UsageError(`record manifest: made for another series than ${series} (input series)`);
  if (manifest.profile.bytes !== files.profile.length)
    throw new UsageError("record profile: its size differs from the one the manifest gives (truncated or replaced?)");
  try {
    return { manifest, profile: gunzipProfile(files.profile, limits.decompressed) };
  } catch (e) {
    throw withContext(e, `decoding current profile ${manifest.profile.path} (record): `);
  }
}
function stateOf(outcome) {
  return outcome.exitCode !== 0 ? "failure" : "success";
}
async function setStatus(commits, log, event, series, state, description) {
  const targetUrl = event.runId === null ? null : `${event.serverUrl}/${event.repository}/actions/runs/${event.runId}`;
  try {
    await commits.setStatus(event.head.sha, { state, context: statusContext(series), description, targetUrl });
    log.info(`commit status ${statusContext(series)} on ${event.head.sha.slice(0, 12)}: ${state}`);
  } catch (e) {
    const status = e instanceof GitHubApiError ? e.status : 0;
    const hint = status === 403 || status === 404 ? "; grant the workflow `statuses: write`" : "";
    log.warning(`could not set the commit status ${statusContext(series)}: ${firstLine(e)}${hint}`, {
      title: "heapgate: no commit status"
    });
  }
}
async function runReport(config, event, ports2) {
  try {
    const { manifest, profile } = await readRecord(ports2.record, config.series, config.maxProfileBytes);
    if (manifest.run.sha !== event.head.sha)
      ports2.log.warning(
        `the record names commit ${manifest.run.sha.slice(0, 12)}, the run built ${event.head.sha.slice(0, 12)}; reporting on ${event.head.sha.slice(0, 12)}`,
        { title: "heapgate: record does not match the run" }
      );
    const pull = await findPullRequest(ports2.commits, event.head, manifest.run.pullRequest, ports2.log);
    if (pull === void 0)
      ports2.log.warning(
        `no open pull request has head ${event.head.sha.slice(0, 12)}: comparing with the base branch's baseline and setting the commit status, without a comment`,
        { title: "heapgate: no pull request" }
      );
    const gateEvent2 = {
      name: "workflow_run",
      repository: event.repository,
      serverUrl: event.serverUrl,
      sha: event.head.sha,
      branch: null,
      defaultBranch: event.defaultBranch,
      runId: event.runId,
      commitTime: null,
      pullRequest: pull === void 0 ? null : {
        number: pull.number,
        baseRef: pull.baseRef,
        baseSha: pull.baseSha,
        headSha: event.head.sha,
        headRef: pull.headRef,
        labels: pull.labels,
        labelEvent: null
      }
    };
    const outcome = await runGate(
      { ...config, mode: "check", profile: [manifest.profile.path] },
      gateEvent2,
      profile,
      ports2
    );
    const state = stateOf(outcome);
    await setStatus(
      ports2.commits,
      ports2.log,
      event,
      config.series,
      state,
      verdictDescription(outcome.verdict, outcome.report)
    );
    return { ...outcome, pullRequest: pull?.number ?? null, status: state };
  } catch (e) {
    await setErrorStatus(ports2, event, config.series, e);
    throw e;
  }
}
async function setErrorStatus(ports2, event, series, e) {
  await setStatus(ports2.commits, ports2.log, event, series, "error", statusText(`error: ${firstLine(e)}`));
}

// src/adapters/go-module.ts
import { join as join3 } from "node:path";

// src/core/profile/go-mod.ts
var MODULE_PATH = /^[A-Za-z0-9._~/+-]{1,300}$/;
function goModulePath(text2) {
  for (const raw of text2.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    const m = /^module\s+(?:"([^"]*)"|(\S+))$/.exec(line);
    if (m === null) continue;
    const path3 = m[1] ?? m[2];
    return MODULE_PATH.test(path3) ? path3 : void 0;
  }
  return void 0;
}

// src/adapters/go-module.ts
var MAX_GO_MOD_BYTES = 1 << 20;
async function readGoModule(dir) {
  try {
    const read = await readBounded(join3(dir, "go.mod"), MAX_GO_MOD_BYTES);
    return read.ok ? goModulePath(read.bytes.toString("utf8")) : void 0;
  } catch {
    return void 0;
  }
}
async function ownCodeIn(workspace, given) {
  const lines = given.lines === true ? { lines: true } : {};
  if (given.pattern !== void 0) return { pattern: given.pattern, workspace, ...lines };
  const module = given.module ?? await readGoModule(workspace);
  return { ...module === void 0 ? {} : { modules: [module] }, workspace, ...lines };
}

// src/action/cli-program.ts
var REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
var REF = /^[A-Za-z0-9_./-]{1,100}$/;
function cliProgram(env) {
  const repository = env.GITHUB_ACTION_REPOSITORY ?? "";
  const ref = env.GITHUB_ACTION_REF ?? "";
  if (!REPOSITORY.test(repository) || !REF.test(ref) || ref.includes("..")) return NPX_HEAPGATE;
  return ["npx", "--yes", `github:${repository}#${ref}`];
}

// src/action/gate-settings.ts
function gateSettings(config, env, ownCode) {
  return {
    baseBranch: config.baseBranch,
    updateBaseline: config.updateBaseline,
    failOnRegression: config.failOnRegression,
    baselineSha: config.baselineSha,
    series: config.series,
    store: config.store,
    rules: config.rules === null ? null : { text: config.rules, origin: "input rules" },
    comment: config.comment,
    acceptLabel: config.acceptLabel,
    confidence: config.confidence,
    top: config.top,
    history: config.history,
    onInconclusive: config.onInconclusive,
    htmlReport: config.htmlReport,
    stepIssue: config.stepIssue,
    program: cliProgram(env),
    ownCode
  };
}
function ownCodeOf(config, workspace) {
  return ownCodeIn(workspace, { pattern: config.ownCode ?? void 0, lines: true });
}
function failStepUnlessPassed(series, outcome) {
  if (outcome.exitCode === 0) return;
  const what = outcome.verdict === "inconclusive" ? "inconclusive (on-inconclusive: fail)" : "memory regression";
  setFailed(`heapgate ${series}: ${what} (see the annotations and the job summary)`);
}

// src/action/profile-path.ts
import { basename, isAbsolute, relative, resolve as resolve2, sep } from "node:path";

// src/adapters/profile-paths.ts
import * as fs2 from "node:fs/promises";
import { resolve } from "node:path";
function isGlob(pattern) {
  return /[*?[\]{}]/.test(pattern);
}
function nodeGlob() {
  const g = fs2.glob;
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
  const root = resolve(cwd);
  const matches = [];
  for await (const entry of glob2(pattern, { cwd, withFileTypes: true })) {
    if (entry.isFile()) matches.push(resolve(entry.parentPath, entry.name).slice(root.length + 1) || entry.name);
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
      (p) => readProfileFile(resolve(cwd, p), maxBytes).catch((e) => {
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

// src/action/profile-path.ts
function profilePatterns(input) {
  return input.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}
async function readRunProfiles(input, cwd, maxBytes) {
  const patterns = profilePatterns(input);
  const paths = await expandProfilePaths(patterns, cwd, "input profile");
  return {
    patterns,
    paths,
    bytes: await readRunFiles(paths, cwd, maxBytes, "input profile", (p) => `input profile: reading ${p}: `)
  };
}
function repositoryPath(path3, cwd) {
  const rel = relative(resolve2(cwd), resolve2(cwd, path3));
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return basename(path3);
  return rel.split(sep).join("/");
}
function runProfilesLabel(profiles, cwd) {
  if (profiles.paths.length === 1) return [repositoryPath(profiles.paths[0], cwd)];
  return profiles.patterns.map((p) => repositoryPath(p, cwd));
}

// src/action/workflow-run.ts
function obj2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}
function str2(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function workflowRunEvent(env, payload) {
  if (env.GITHUB_EVENT_NAME !== "workflow_run")
    throw new UsageError(
      `mode report runs in a workflow triggered by workflow_run, not ${env.GITHUB_EVENT_NAME ?? "an unknown event"} (see "Pull requests from forks" in docs/action.md)`
    );
  const repository = env.GITHUB_REPOSITORY;
  if (repository === void 0 || repository === "")
    throw new UsageError("GITHUB_REPOSITORY is not set: heapgate's action runs inside a GitHub Actions job");
  const p = obj2(payload) ?? {};
  const run2 = obj2(p.workflow_run);
  const sha = str2(run2?.head_sha);
  if (run2 === void 0 || sha === void 0 || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha))
    throw new UsageError("the workflow_run event payload lacks a valid workflow_run.head_sha");
  const runId = env.GITHUB_RUN_ID;
  return {
    repository,
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    runId: runId !== void 0 && /^[0-9]{1,20}$/.test(runId) ? runId : null,
    defaultBranch: str2(obj2(p.repository)?.default_branch) ?? null,
    head: {
      sha,
      repository: str2(obj2(run2.head_repository)?.full_name) ?? null,
      branch: str2(run2.head_branch) ?? null
    }
  };
}

// src/action/fork-modes.ts
var setOutput2 = (name2, value) => setOutput(name2, value);
var actionLog = {
  info: (m) => info(m),
  warning: (m, p) => warning(m, p ?? {}),
  error: (m, p) => error(m, p ?? {})
};
async function recordMode(config, env, cwd) {
  const event = gateEvent(env, await loadEventPayload(env));
  const profiles = await readRunProfiles(config.profile, cwd, config.maxProfileBytes);
  const bytes = profiles.bytes;
  const pr = event.pullRequest;
  await recordProfile(
    {
      series: config.series,
      profile: runProfilesLabel(profiles, cwd).join(" "),
      maxProfileBytes: config.maxProfileBytes
    },
    {
      event: event.name,
      sha: (pr?.headSha ?? event.sha).toLowerCase(),
      pullRequest: pr?.number ?? null,
      runId: event.runId
    },
    bytes,
    {
      load: createProfileLoader({ maxProfileBytes: config.maxProfileBytes }),
      record: openRecordDirectory(config.record, cwd),
      log: actionLog
    }
  );
  setOutput2("record", config.record);
  return 0;
}
async function reportMode(config, env, cwd, door) {
  const event = workflowRunEvent(env, await loadEventPayload(env));
  const token = config.githubToken;
  const { createCommitInfo } = await import("./action/github-commit-FZKXZCYO.js");
  const commits = createCommitInfo({ token, repository: event.repository });
  const record = openRecordDirectory(config.record, cwd);
  const store = await openStore(config.store, {
    cwd,
    access: "read",
    github: { token, repository: event.repository, hint: "set the github-token input (contents: read compares)" }
  }).catch(async (e) => {
    await setErrorStatus({ commits, log: actionLog }, event, config.series, e);
    throw e;
  });
  const own = await ownCodeOf(config, cwd);
  const settings = gateSettings(config, env, own);
  const outcome = await runReport({ ...settings, maxProfileBytes: config.maxProfileBytes }, event, {
    ...await door.ports(event, store, own),
    record,
    commits
  });
  await door.finish(outcome);
  setOutput2("pull-request", outcome.pullRequest === null ? "" : String(outcome.pullRequest));
  setOutput2("commit-status", outcome.status);
  info(`heapgate ${config.series}: ${outcome.verdict}`);
  failStepUnlessPassed(config.series, outcome);
  return outcome.exitCode;
}

// src/action/inputs.ts
var INPUTS = {
  profile: {
    description: "Path or glob of this run's heap profile (pprof protobuf, gzipped or not, or Go's legacy text format), or of its go test -bench -benchmem output. Several lines, or a glob matching several files, are runs of the same code: their per-run means are compared and stored together. Required, except with mode report (the profile comes from the record).",
    default: "",
    required: false
  },
  series: {
    description: 'Name of the baseline series (one per profiled program or benchmark): 1-100 letters, digits, ".", "_" or "-". Each series has its own baselines and its own pull-request comment.',
    default: "default",
    required: false
  },
  store: {
    description: "Where baselines live: branch:NAME (a branch of this repository, written with github-token; needs contents: write to store, contents: read to compare), gs://bucket/prefix (Google Cloud Storage) or a directory path.",
    default: "branch:heapgate-baselines",
    required: false
  },
  rules: {
    description: `Extra rules, one per line, in heapgate's rule syntax (e.g. "inuse_space +10% min 1MiB", "alloc_space for ^mypkg\\.: +5%"); added to the default rules.`,
    default: "",
    required: false
  },
  mode: {
    description: "auto: by event (pull_request compares, push to the base branch compares and stores); check: compare only; update: store this run as the baseline (re-baseline); record: check the profile and write it with the run's metadata into the record directory, for a fork's pull request (no store, no API); report: in a workflow_run workflow, read that record, compare, comment on the pull request and set the commit status heapgate/<series>.",
    default: "auto",
    required: false
  },
  record: {
    description: "Directory of the record (mode record writes it, mode report reads it): <series>.manifest.json and <series>.profile. Upload it with actions/upload-artifact, download it with actions/download-artifact.",
    default: "heapgate-record",
    required: false
  },
  "base-branch": {
    description: "Branch whose baselines pull requests fall back to and pushes to which become baselines. Default: the repository's default branch.",
    default: "",
    required: false
  },
  "github-token": {
    description: "Token for the pull-request comment (needs pull-requests: write) and a branch: store (contents: write to store baselines, contents: read to compare). Empty: no comment.",
    default: "${{ github.token }}",
    required: false
  },
  comment: {
    description: "When to write the sticky pull-request comment: always, on-change (the verdict is warn, fail or accepted), on-regression (the verdict is fail or accepted) or never. An existing comment is always kept up to date.",
    default: "on-change",
    required: false
  },
  "fail-on-regression": {
    description: "Fail the step when the verdict is fail (and the pull request does not carry the accept label).",
    default: "true",
    required: false
  },
  "accept-label": {
    description: "A pull-request label that accepts a regression: the step passes and the report records who accepted it.",
    default: "heapgate:accept",
    required: false
  },
  confidence: {
    description: "The z score a change must reach to count as real rather than sampling noise.",
    default: String(DEFAULT_CONFIDENCE),
    required: false
  },
  top: { description: "Functions listed per sample type in the report (0 = all).", default: "10", required: false },
  history: {
    description: `How many of the latest baselines of the branch calibrate the run-to-run noise (their stored totals, no profile download); at least ${MIN_HISTORY_BASELINES} are needed. 0 = off (sampling noise only).`,
    default: String(DEFAULT_HISTORY_WINDOW),
    required: false
  },
  "on-inconclusive": {
    description: "When the noise hides a change as large as a rule's threshold (verdict inconclusive): pass (the report says so), warn (also a warning annotation) or fail (the step fails).",
    default: "pass",
    required: false
  },
  "max-profile-size": {
    description: "Refuse a profile (this run's or a baseline) larger than this, as a file or decompressed: e.g. 1GiB, 256MiB or a number of bytes.",
    default: "1GiB",
    required: false
  },
  "keep-profiles": {
    description: "With a branch: store, how many profiles it keeps per series and branch (at least 1; the current baseline is always kept); older ones keep their metadata, so the history and the trend go on.",
    default: String(DEFAULT_KEEP_PROFILES),
    required: false
  },
  "update-baseline": {
    description: "On pushes to the base branch: always (every merged run becomes the baseline; a regression is reported but does not fail the step) or on-pass (only runs whose verdict is not fail; a fail fails the step).",
    default: "always",
    required: false
  },
  "html-report": {
    description: "Write the HTML report (differential flame graph and heat table per sample type) next to the JSON report, and upload it as a workflow artifact linked from the comment and the job summary; its path is the html-report output, its page report-url.",
    default: "true",
    required: false
  },
  "step-issue": {
    description: "On pushes to the default branch, open a GitHub issue for each new level of the series (a step up of at least 2 %), or update the open one of that step (found by a hidden marker, so re-runs never open another). Needs github-token and the permission issues: write.",
    default: "false",
    required: false
  },
  "own-code": {
    description: "A regular expression on function names that are your code, for naming the culprit of a regression. Empty: the Go packages of the workspace's go.mod module (or main and dotted package paths), and JavaScript files in the workspace outside node_modules.",
    default: "",
    required: false
  },
  "baseline-sha": {
    description: "Compare against this commit's baseline instead of the base branch's latest (e.g. from a workflow_dispatch input).",
    default: "",
    required: false
  }
};
var ACTION_MODES = [...MODES, "record", "report"];
function invalid2(name2, value, allowed) {
  return new UsageError(`input ${name2}: ${JSON.stringify(value)} is not allowed; ${allowed}`);
}
function choice(name2, value, allowed) {
  if (allowed.includes(value)) return value;
  throw invalid2(name2, value, `use one of ${allowed.join(", ")}`);
}
function bool(name2, value) {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw invalid2(name2, value, "use true or false");
}
function wrap(name2, fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`input ${name2}: ${e.message}`);
    throw e;
  }
}
function parseInputs(get) {
  const value = (name2) => {
    const raw = get(name2).trim();
    return raw !== "" ? raw : INPUTS[name2].default;
  };
  for (const name2 of Object.keys(INPUTS)) {
    if (INPUTS[name2].required && value(name2) === "")
      throw new UsageError(`input ${name2} is required: ${INPUTS[name2].description}`);
  }
  const mode = choice("mode", value("mode"), ACTION_MODES);
  if (mode !== "report" && value("profile") === "")
    throw new UsageError(`input profile is required: ${INPUTS.profile.description}`);
  if (mode === "report" && value("profile") !== "")
    throw new UsageError("input profile: not used with mode report, whose profile comes from the record");
  const confidenceText = value("confidence");
  const confidence = Number(confidenceText);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(confidenceText) || !Number.isFinite(confidence)) {
    throw invalid2("confidence", confidenceText, "use a number \u2265 0, e.g. 3");
  }
  const topText = value("top");
  if (!/^[0-9]{1,9}$/.test(topText)) throw invalid2("top", topText, "use a whole number \u2265 0 (0 = all)");
  const historyText = value("history");
  if (!/^[0-9]{1,9}$/.test(historyText)) throw invalid2("history", historyText, "use a whole number \u2265 0 (0 = off)");
  const historyProblem = historyWindowProblem(Number(historyText));
  if (historyProblem !== null) throw invalid2("history", historyText, historyProblem);
  const keepText = value("keep-profiles");
  if (!/^[0-9]{1,9}$/.test(keepText) || Number(keepText) < 1) {
    throw invalid2("keep-profiles", keepText, "use a whole number \u2265 1");
  }
  const maxProfileBytes = parseByteSize(value("max-profile-size"));
  if (maxProfileBytes === null) {
    throw invalid2("max-profile-size", value("max-profile-size"), "use a size such as 1GiB, 256MiB or 1000000");
  }
  const baseBranch = value("base-branch");
  const baselineSha = value("baseline-sha");
  const token = value("github-token");
  const githubToken = token === "" || token.startsWith("${{") ? null : token;
  if (mode === "report" && githubToken === null)
    throw new UsageError(
      "input github-token is required with mode report (it finds the pull request, comments and sets the status)"
    );
  const rules = value("rules");
  return {
    profile: value("profile"),
    series: wrap("series", () => validateSeries(value("series"))),
    store: value("store"),
    record: value("record"),
    rules: rules === "" ? null : rules,
    mode,
    baseBranch: baseBranch === "" ? null : wrap("base-branch", () => (encodeBranch(baseBranch), baseBranch)),
    githubToken,
    comment: choice("comment", value("comment"), COMMENT_POLICIES),
    failOnRegression: bool("fail-on-regression", value("fail-on-regression")),
    acceptLabel: value("accept-label"),
    confidence,
    top: Number(topText),
    history: Number(historyText),
    keepProfiles: Number(keepText),
    onInconclusive: choice("on-inconclusive", value("on-inconclusive"), INCONCLUSIVE_POLICIES),
    htmlReport: bool("html-report", value("html-report")),
    stepIssue: bool("step-issue", value("step-issue")),
    ownCode: wrap("own-code", () => ownCodeInput(value("own-code"))),
    maxProfileBytes,
    updateBaseline: choice("update-baseline", value("update-baseline"), UPDATE_POLICIES),
    baselineSha: baselineSha === "" ? null : wrap("baseline-sha", () => normalizeSha(baselineSha))
  };
}
function ownCodeInput(pattern) {
  if (pattern === "") return null;
  const problem = ownCodePatternProblem(pattern);
  if (problem !== void 0) throw new UsageError(problem);
  return pattern;
}

// src/adapters/source-files.ts
import { realpath, stat as stat3 } from "node:fs/promises";
import { join as join4 } from "node:path";
function createSourceLocator(roots) {
  let root;
  const known = /* @__PURE__ */ new Map();
  const check = async (file) => {
    const relative2 = checkoutPath(file, roots);
    if (relative2 === null) return null;
    root ??= realpath(roots.workspace).catch(() => null);
    const base = await root;
    if (base === null) return null;
    try {
      const real = await realpath(join4(base, relative2));
      if (!real.startsWith(`${base}/`) || !(await stat3(real)).isFile()) return null;
      return real.slice(base.length + 1);
    } catch {
      return null;
    }
  };
  return (file) => {
    let found = known.get(file);
    if (found === void 0) {
      found = check(file);
      known.set(file, found);
    }
    return found;
  };
}

// src/action/main.ts
var DELTA_OUTPUTS = {
  inuse_space: "inuse-space-delta",
  inuse_objects: "inuse-objects-delta",
  alloc_space: "alloc-space-delta",
  alloc_objects: "alloc-objects-delta"
};
async function gateConfig(config, env, cwd, mode, profile) {
  return { ...gateSettings(config, env, await ownCodeOf(config, cwd)), mode, profile };
}
async function ports(config, event, store, env, own) {
  const { repository } = event;
  const github = config.githubToken === null ? null : (await import("./action/github-KNGQJHWN.js")).createGitHubPorts({ token: config.githubToken, repository });
  return {
    store,
    load: createProfileLoader({ maxProfileBytes: config.maxProfileBytes }),
    comments: github?.comments ?? null,
    pulls: github?.pulls ?? null,
    issues: github?.issues ?? null,
    summary: { append: async (markdown) => void await summary.addRaw(markdown, true).write() },
    clock: { now: () => /* @__PURE__ */ new Date() },
    sources: own.workspace === void 0 ? null : createSourceLocator({ workspace: own.workspace, ...own.modules ? { modules: own.modules } : {} }),
    log: {
      info: (m) => info(m),
      warning: (m, p) => warning(m, p ?? {}),
      error: (m, p) => error(m, p ?? {})
    },
    reports: config.htmlReport && event.runId !== null ? artifactUploader(env, {
      serverUrl: event.serverUrl,
      repository,
      runId: event.runId,
      tempDir: env.RUNNER_TEMP || tmpdir()
    }) : null
  };
}
async function writeReports(outcome, series, env) {
  const dir = env.RUNNER_TEMP || process.cwd();
  await mkdir(dir, { recursive: true });
  const json = join5(dir, `heapgate-${series}.json`);
  await writeFile2(json, outcome.json);
  if (outcome.html === null) return { json, html: "" };
  const html = join5(dir, `heapgate-${series}.html`);
  await writeFile2(html, outcome.html);
  return { json, html };
}
function setOutputs(outcome, reports) {
  const set = (name2, value) => setOutput(name2, value);
  set("verdict", outcome.verdict);
  set("report", reports.json);
  set("html-report", reports.html);
  set("report-url", outcome.htmlUrl ?? "");
  set("baseline-sha", outcome.baseline?.sha ?? "");
  set("comment-url", outcome.comment?.url ?? "");
  for (const [type, name2] of Object.entries(DELTA_OUTPUTS)) {
    const d = outcome.deltas[type];
    set(name2, d === void 0 ? "" : String(d));
  }
}
async function main(env = process.env, cwd = process.cwd()) {
  enableLinearRegExp();
  try {
    const token = getInput("github-token");
    if (token !== "") setSecret(token);
    const config = parseInputs((name2) => getInput(name2));
    if (config.mode === "record") return await recordMode(config, env, cwd);
    if (config.mode === "report") {
      const finish = async (outcome2) => setOutputs(outcome2, await writeReports(outcome2, config.series, env));
      return await reportMode(config, env, cwd, {
        ports: (e, store2, own) => ports(config, e, store2, env, own),
        finish
      });
    }
    const event = await loadGateEvent(env);
    const profiles = await readRunProfiles(config.profile, cwd, config.maxProfileBytes);
    const gate = await gateConfig(config, env, cwd, config.mode, runProfilesLabel(profiles, cwd));
    const access = planRun(gate, event).update === null ? "read" : "write";
    const store = await openStore(config.store, {
      cwd,
      access,
      keepProfiles: config.keepProfiles,
      github: {
        token: config.githubToken ?? void 0,
        repository: event.repository,
        hint: "set the github-token input (contents: write stores baselines, contents: read compares)"
      }
    });
    const outcome = await runGate(gate, event, profiles.bytes, await ports(config, event, store, env, gate.ownCode));
    setOutputs(outcome, await writeReports(outcome, config.series, env));
    info(`heapgate ${config.series}: ${outcome.verdict}`);
    failStepUnlessPassed(config.series, outcome);
    return outcome.exitCode;
  } catch (e) {
    const message = e instanceof HeapgateError ? `heapgate: ${oneLine(e.message)}` : `heapgate: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}`;
    setFailed(message);
    await summarizeError(message);
    return e instanceof HeapgateError ? e.exitCode : ExitCode.internal;
  }
}
async function summarizeError(message) {
  try {
    await summary.addRaw(`### \u26D4 heapgate: error

${markdownCode(message, false)}
`, true).write();
  } catch {
  }
}
async function run() {
  printWarningsAs((line) => warning(line));
  process.exitCode = await main();
}

// src/action/index.ts
void run();
