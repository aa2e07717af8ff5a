import { DecodeError } from '../../errors.js';
import type { Function, Profile, ValueType } from '../model.js';
import { assignMappings, parseMemoryMap } from './legacy-memory-map.js';
import { halves, LocationColumnsBuilder } from './location-columns.js';
import type { MemoryMapEntry } from './legacy-memory-map.js';

/**
 * Go's legacy text heap profile (runtime/pprof `debug=1`, and older heapz/tcmalloc text), read the way
 * pprof's profile/legacy_profile.go (parseHeap) reads it:
 *
 *   heap profile: I: IB [A: AB] @ heap/<2*MemProfileRate>
 *   inuseCount: inuseBytes [allocCount: allocBytes] @ 0xaddr 0xaddr ...
 *   #	0xaddr	pkg.func+0xoff	/path/file.go:line
 *   ...
 *   # runtime.MemStats ...
 *
 * - Sample types: alloc_objects/count, alloc_space/bytes, inuse_objects/count, inuse_space/bytes
 *   when the header's alloc totals differ from its in-use totals (and are not 0), else
 *   objects/count, space/bytes. Period type space/bytes; for `@ heap/N` the period is N/2.
 * - Values are unsampled with pprof's scaleHeapSample: scale = 1/(1−e^(−avg/rate)), each value
 *   truncated to an integer; no scaling when rate ≤ 1. Each sample has the numeric label `bytes`:
 *   the sampled average object size (integer division), of the in-use pair if its count is non-zero.
 * - Stack addresses are return addresses: each is decremented by one (as pprof does) and gives one
 *   Location per distinct address, ids 1..n in order of first appearance in the kept stacks.
 * - Unlike pprof, the `#\t0xaddr\tfunc+0xoff\tfile:line` lines that debug=1 prints after each sample
 *   are used to name locations (function name without the +0x offset, file and line; consecutive
 *   lines with the same address are inlined frames, callee first). pprof ignores them and, without the
 *   binary, shows raw addresses.
 * - Go's writer leaves out of those lines exactly two kinds of frame: the runtime frames at the leaf
 *   end of a stack (runtime.mallocgc and its runtime callers, unless the whole stack is runtime)
 *   and runtime.goexit at the root; a frame it cannot name is still listed, as `#\t0xaddr`. Go's
 *   protobuf heap profile omits the same frames, and pprof's drop_frames (`runtime\..*`) would
 *   prune the leaf-end ones if it could name them. So when a sample has `#` lines, the addresses of
 *   its stack that none of them lists are dropped: flat goes to the first frame Go printed and cum
 *   has no unnamed root, as with the protobuf profile of the same run. Samples without `#` lines
 *   (gperftools) keep every frame.
 * - A memory-map section ("--- Memory map: ---" or "MAPPED_LIBRARIES:", then /proc/self/maps
 *   lines) ends the samples and gives the mappings, as pprof reads them (see legacy-memory-map.ts):
 *   executable entries only, each location assigned the mapping holding its address, so an
 *   unsymbolized frame is named after its file (`[libc.so.6]`). Locations outside every mapping,
 *   and all locations when there is no map, have no mapping (pprof adds a placeholder mapping with
 *   no file for them; it names nothing differently).
 * - drop_frames / keep_frames are set to pprof's allocator patterns for heap profiles.
 */
export function parseLegacyHeapProfile(text: string): Profile {
  const lines = text.split('\n');
  const header = parseHeader(stripCR(lines[0] ?? ''));
  const sampleType: ValueType[] = header.hasAlloc
    ? [
        { type: 'alloc_objects', unit: 'count' },
        { type: 'alloc_space', unit: 'bytes' },
        { type: 'inuse_objects', unit: 'count' },
        { type: 'inuse_space', unit: 'bytes' },
      ]
    : [
        { type: 'objects', unit: 'count' },
        { type: 'space', unit: 'bytes' },
      ];

  const b = new LegacyBuilder();
  let memoryMap: MemoryMapEntry[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      b.frameLine(line);
      continue;
    }
    if (MEMORY_MAP_SENTINELS.some((s) => line.includes(s))) {
      memoryMap = parseMemoryMap(lines.slice(n + 1));
      break;
    }
    const s = parseSample(line, n + 1, header);
    b.sample(s.value, s.blocksize, s.addrs);
  }
  return b.build(sampleType, header.period, memoryMap);
}

const heapHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap[_a-z0-9]*)\/?(\d*)/;
const growthHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] @ growthz?/;
const fragmentationHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] @ fragmentationz?/;
const heapSampleRE = /(-?\d+): *(-?\d+) *\[ *(\d+): *(\d+) *] @([ x0-9a-f]*)/;
const hexNumberRE = /0x[0-9a-f]+/g;
const MEMORY_MAP_SENTINELS = ['--- Memory map: ---', 'MAPPED_LIBRARIES:'];
const MASK64 = (1n << 64n) - 1n;

// pprof's allocRxStr and allocSkipRxStr (profile/legacy_profile.go), set on legacy heap profiles.
const ALLOC_DROP_FRAMES = [
  'calloc',
  'cfree',
  'malloc',
  'free',
  'memalign',
  'do_memalign',
  '(__)?posix_memalign',
  'pvalloc',
  'valloc',
  'realloc',
  'tcmalloc::.*',
  'tc_calloc',
  'tc_cfree',
  'tc_malloc',
  'tc_free',
  'tc_memalign',
  'tc_posix_memalign',
  'tc_pvalloc',
  'tc_valloc',
  'tc_realloc',
  'tc_new',
  'tc_delete',
  'tc_newarray',
  'tc_deletearray',
  'tc_new_nothrow',
  'tc_newarray_nothrow',
  'malloc_zone_malloc',
  'malloc_zone_calloc',
  'malloc_zone_valloc',
  'malloc_zone_realloc',
  'malloc_zone_memalign',
  'malloc_zone_free',
  'runtime\\..*',
  'BaseArena::.*',
  '(::)?do_malloc_no_errno',
  '(::)?do_malloc_pages',
  '(::)?do_malloc',
  'DoSampledAllocation',
  'MallocedMemBlock::MallocedMemBlock',
  '_M_allocate',
  '__builtin_(vec_)?delete',
  '__builtin_(vec_)?new',
  '__gnu_cxx::new_allocator::allocate',
  '__libc_malloc',
  '__malloc_alloc_template::allocate',
  'allocate',
  'cpp_alloc',
  'operator new(\\[\\])?',
  'simple_alloc::allocate',
].join('|');
const ALLOC_KEEP_FRAMES = ['runtime\\.panic', 'runtime\\.reflectcall', 'runtime\\.call[0-9]*'].join('|');

interface Header {
  /** "v2" when values are sampled and must be scaled, "" otherwise (pprof's `sampling`). */
  readonly sampling: 'v2' | '';
  readonly period: number;
  readonly hasAlloc: boolean;
}

function stripCR(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** pprof's parseHeap header branch and parseHeapHeader. */
function parseHeader(line: string): Header {
  const h = heapHeaderRE.exec(line);
  if (h === null) {
    if (growthHeaderRE.test(line) || fragmentationHeaderRE.test(line))
      return { sampling: '', period: 1, hasAlloc: false };
    throw new DecodeError(`legacy heap profile: unrecognized header ${JSON.stringify(line.slice(0, 80))}`);
  }
  let period = 0;
  if (h[6]!.length > 0) {
    period = Number(h[6]);
    if (!Number.isSafeInteger(period)) throw new DecodeError(`legacy heap profile: sampling rate ${h[6]} out of range`);
  }
  const hasAlloc = (h[3] !== h[1] && h[3] !== '0') || (h[4] !== h[2] && h[4] !== '0');
  switch (h[5]) {
    case 'heapz_v2':
    case 'heap_v2':
      return { sampling: 'v2', period, hasAlloc };
    case 'heapprofile':
      return { sampling: '', period: 1, hasAlloc };
    case 'heap':
      return { sampling: 'v2', period: Math.trunc(period / 2), hasAlloc };
    default:
      throw new DecodeError(`legacy heap profile: unknown profile kind ${JSON.stringify(h[5])}`);
  }
}

/** pprof's parseHeapSample: values [alloc count, alloc bytes,] inuse count, inuse bytes, unsampled. */
function parseSample(
  line: string,
  lineNo: number,
  header: Header,
): { value: number[]; blocksize: number; addrs: bigint[] } {
  const m = heapSampleRE.exec(line);
  if (m === null)
    throw new DecodeError(`legacy heap profile line ${lineNo}: malformed sample ${JSON.stringify(line.slice(0, 80))}`);
  const value: number[] = [];
  let blocksize = 0;
  const addValues = (countText: string, sizeText: string, label: string): void => {
    let count = toInt(countText, lineNo);
    let size = toInt(sizeText, lineNo);
    if (count === 0 && size !== 0) {
      throw new DecodeError(`legacy heap profile line ${lineNo}: ${label} count was 0 but ${label} bytes was ${size}`);
    }
    if (count !== 0) {
      blocksize = intDiv(size, count);
      if (header.sampling === 'v2') [count, size] = scaleHeapSample(count, size, header.period, lineNo);
    }
    value.push(count, size);
  };
  if (header.hasAlloc) addValues(m[3]!, m[4]!, 'allocation');
  addValues(m[1]!, m[2]!, 'inuse');
  const addrs: bigint[] = [];
  for (const hex of m[5]!.match(hexNumberRE) ?? []) {
    const a = BigInt(hex);
    if (a > MASK64) throw new DecodeError(`legacy heap profile line ${lineNo}: address ${hex} exceeds 64 bits`);
    addrs.push(a);
  }
  return { value, blocksize, addrs };
}

function toInt(text: string, lineNo: number): number {
  const v = Number(text);
  if (!Number.isSafeInteger(v))
    throw new DecodeError(`legacy heap profile line ${lineNo}: ${text} does not fit in a double exactly (|v| > 2^53)`);
  return v;
}

/** Go's int64 division: truncated toward zero, exact (BigInt when a double quotient could round). */
function intDiv(a: number, b: number): number {
  if (Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) return Math.trunc(a / b);
  return Number(BigInt(a) / BigInt(b));
}

/**
 * pprof's scaleHeapSample, with the same float64 operations in the same order; the int64
 * conversion truncates toward zero.
 */
function scaleHeapSample(count: number, size: number, rate: number, lineNo: number): [number, number] {
  if (count === 0 || size === 0) return [0, 0];
  if (rate <= 1) return [count, size];
  const avgSize = size / count;
  const scale = 1 / (1 - Math.exp(-avgSize / rate));
  const c = Math.trunc(count * scale);
  const s = Math.trunc(size * scale);
  if (!Number.isSafeInteger(c) || !Number.isSafeInteger(s)) {
    throw new DecodeError(`legacy heap profile line ${lineNo}: unsampled value does not fit in a double exactly`);
  }
  return [c, s];
}

/** A line of a legacy location: `fn` is the position of its function in the function list. */
interface LegacyLine {
  readonly fn: number;
  readonly line: number;
}

interface LegacyLocation {
  readonly id: number;
  readonly address: bigint;
  line: LegacyLine[] | undefined;
}

interface Frame {
  readonly address: bigint;
  readonly name: string;
  readonly filename: string;
  readonly line: number;
}

/**
 * Accumulates samples, locations and the frame names of `#` lines, then builds the Profile. A
 * sample's stack is settled when its `#` block has been read, that is, at the next sample or at
 * the end.
 */
class LegacyBuilder {
  private readonly locations = new Map<bigint, LegacyLocation>();
  private readonly locationList: LegacyLocation[] = [];
  /** Functions in order of first use, and their positions by `name\nfilename`. */
  private readonly functions: Function[] = [];
  private readonly functionAt = new Map<string, number>();
  private readonly sampleLocations: LegacyLocation[] = [];
  private readonly locationStart: number[] = [];
  private readonly values: number[] = [];
  private readonly blocksizes: number[] = [];
  /** Call addresses of the sample whose `#` block is being read, leaf first. */
  private pending: bigint[] | undefined;
  private frames: Frame[] = [];
  /** Addresses the pending sample's `#` block lists, named or not. */
  private listed = new Set<bigint>();

  sample(value: number[], blocksize: number, addrs: bigint[]): void {
    this.flush();
    // Stack addresses are return addresses; minus one lands on the call instruction.
    this.pending = addrs.map((a) => (a - 1n) & MASK64);
    this.values.push(...value);
    this.blocksizes.push(blocksize);
  }

  /**
   * A `#` line: a frame of the previous sample (`#\t0xaddr\tname+0xoff\tfile:line`, or `#\t0xaddr`
   * for a frame the runtime could not name), or a comment.
   */
  frameLine(line: string): void {
    const parts = line.split(/\t+/);
    if (parts[0] !== '#' || parts.length < 2 || !/^0x[0-9a-f]+$/.test(parts[1]!) || this.pending === undefined) return;
    this.listed.add(BigInt(parts[1]!) & MASK64);
    if (parts.length < 4) return;
    const colon = parts[3]!.lastIndexOf(':');
    const lineNo = colon < 0 ? 0 : Number(parts[3]!.slice(colon + 1));
    this.frames.push({
      address: BigInt(parts[1]!) & MASK64,
      name: parts[2]!.replace(/\+0x[0-9a-f]+$/, ''),
      filename: colon < 0 ? parts[3]! : parts[3]!.slice(0, colon),
      line: Number.isSafeInteger(lineNo) ? lineNo : 0,
    });
  }

  /** Settles the pending sample's stack, then gives its unnamed locations the lines of its `#` block. */
  private flush(): void {
    if (this.pending === undefined) return;
    // The frames Go's writer hid (see the file comment).
    const addrs = this.listed.size > 0 ? this.pending.filter((a) => this.listed.has(a)) : this.pending;
    this.locationStart.push(this.sampleLocations.length);
    for (const address of addrs) {
      let loc = this.locations.get(address);
      if (loc === undefined) {
        loc = { id: this.locationList.length + 1, address, line: undefined };
        this.locations.set(address, loc);
        this.locationList.push(loc);
      }
      this.sampleLocations.push(loc);
    }
    this.nameLocations(this.frames);
    this.pending = undefined;
    this.frames = [];
    this.listed = new Set();
  }

  /** First naming wins: a location keeps the lines of the first `#` block that lists its address. */
  private nameLocations(frames: readonly Frame[]): void {
    for (let i = 0; i < frames.length;) {
      let j = i + 1;
      while (j < frames.length && frames[j]!.address === frames[i]!.address) j++;
      const loc = this.locations.get(frames[i]!.address);
      if (loc !== undefined && loc.line === undefined) {
        loc.line = frames.slice(i, j).map((f) => ({ fn: this.function(f.name, f.filename), line: f.line }));
      }
      i = j;
    }
  }

  /** The position of the function (name, filename) in the function list, added if new. */
  private function(name: string, filename: string): number {
    const key = `${name}\n${filename}`;
    let at = this.functionAt.get(key);
    if (at === undefined) {
      at = this.functions.length;
      this.functions.push({ id: at + 1, name, systemName: name, filename, startLine: 0 });
      this.functionAt.set(key, at);
    }
    return at;
  }

  build(sampleType: ValueType[], period: number, memoryMap: MemoryMapEntry[]): Profile {
    this.flush();
    const { mapping, of } = assignMappings(
      memoryMap,
      this.locationList.map((l) => l.address),
    );
    const columns = new LocationColumnsBuilder(this.locationList.length);
    this.locationList.forEach((l, i) => {
      for (const ln of l.line ?? []) columns.addLine(ln.fn, ln.line, 0);
      const [addressLo, addressHi] = halves(l.address);
      columns.endLocation(l.id, 0, of[i]!, addressLo, addressHi, false);
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
        labelKey: new Array<string>(count).fill('bytes'),
        labelStr: new Array<string>(count).fill(''),
        labelNum: Float64Array.from(this.blocksizes),
        labelNumUnit: new Array<string>(count).fill(''),
      },
      mapping,
      locations,
      lines,
      function: this.functions,
      dropFrames: ALLOC_DROP_FRAMES,
      keepFrames: ALLOC_KEEP_FRAMES,
      timeNanos: 0n,
      durationNanos: 0n,
      periodType: { type: 'space', unit: 'bytes' },
      period,
      comment: [],
      defaultSampleTypeIndex: sampleType.length - 1,
      docUrl: '',
    };
  }
}
