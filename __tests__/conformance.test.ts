/**
 * Conformance with `go tool pprof`: for every committed fixture pair and every sample type, each
 * function's flat and cum delta from heapgate (decodeProfile → summarize → diff) equals what
 * `go tool pprof -top -diff_base BASE CUR` prints, to the unit, and both list the same functions.
 * Single profiles are checked the same way (summarize against `pprof -top`), so a mismatch points
 * at aggregation or at the diff. The fixtures and the commands that made them are in
 * __tests__/fixtures/README.md.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summarize } from '../src/core/profile/aggregate.js';
import type { ProfileSummary } from '../src/core/profile/aggregate.js';
import { decodeProfile } from '../src/core/profile/decode/index.js';
import { diff } from '../src/core/compare/diff.js';
import { lineName } from '../src/core/profile/line-totals.js';
import { sampleLocations } from './helpers/sample-locations.js';
import { describeWithGo } from './helpers/with-go.js';
import {
  cleanupOracle,
  parseLineName,
  parsePprofRaw,
  parsePprofTop,
  parseValue,
  pprofRaw,
  pprofTop,
} from './helpers/pprof-oracle.js';
import type { PprofTop } from './helpers/pprof-oracle.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const PATTERNS = ['builder', 'append', 'map', 'pool', 'convert', 'cache'] as const;
const RATES = ['rate1', 'rate524288'] as const;
const KINDS = ['heap', 'allocs'] as const;
const GO_TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];

interface Pair {
  readonly base: string;
  readonly current: string;
  readonly sampleTypes: readonly string[];
}

const PAIRS: Pair[] = [];
for (const pattern of PATTERNS) {
  for (const rate of RATES) {
    for (const kind of KINDS) {
      const file = (variant: string) => `go/${pattern}/${variant}.${rate}.${kind}.pb.gz`;
      PAIRS.push({ base: file('good'), current: file('regressed'), sampleTypes: GO_TYPES });
      PAIRS.push({ base: file('good'), current: file('good-rerun'), sampleTypes: GO_TYPES });
    }
  }
}
PAIRS.push({
  base: 'node/cache.good.heap.pb.gz',
  current: 'node/cache.regressed.heap.pb.gz',
  sampleTypes: ['inuse_objects', 'inuse_space'],
});
PAIRS.push({
  base: 'node/cache.good.heap.pb.gz',
  current: 'node/cache.good-rerun.heap.pb.gz',
  sampleTypes: ['inuse_objects', 'inuse_space'],
});
PAIRS.push({
  base: 'tcmalloc/good.heapprofile.pb.gz',
  current: 'tcmalloc/regressed.heapprofile.pb.gz',
  sampleTypes: GO_TYPES,
});
PAIRS.push({
  base: 'tcmalloc/good.heapz.pb.gz',
  current: 'tcmalloc/regressed.heapz.pb.gz',
  sampleTypes: ['objects', 'space'],
});
// Java Flight Recorder allocation profiles (scripts/make-jfr-fixtures.sh), in Pyroscope's layout.
const JFR_TYPES: Readonly<Record<string, readonly string[]>> = {
  'alloc-in-new-tlab': ['alloc_in_new_tlab_objects', 'alloc_in_new_tlab_bytes'],
  'alloc-outside-tlab': ['alloc_outside_tlab_objects', 'alloc_outside_tlab_bytes'],
  live: ['live'],
};
for (const [kind, sampleTypes] of Object.entries(JFR_TYPES)) {
  for (const current of ['regressed', 'good-rerun']) {
    PAIRS.push({ base: `jfr/good.${kind}.pb.gz`, current: `jfr/${current}.${kind}.pb.gz`, sampleTypes });
  }
}

const SINGLES = [...new Set(PAIRS.flatMap((p) => [p.base, p.current]))].map((file) => ({
  file,
  sampleTypes: PAIRS.find((p) => p.base === file || p.current === file)!.sampleTypes,
}));

/**
 * Legacy text heap profiles: Go's debug=1 format (written by the same run as a protobuf fixture) and
 * gperftools' heap profiler and sampled-heap formats. Without the binaries pprof cannot name their
 * functions (Go's `#` comment lines are not read; gperftools' frames get their mapped file's name at
 * most), so they are compared sample by sample (pprof's parsing and unsampling) and by totals.
 */
const LEGACY = [
  { file: 'go/cache/regressed.rate524288.heap.legacy.txt', sampleTypes: GO_TYPES },
  { file: 'tcmalloc/good.heapprofile.txt', sampleTypes: GO_TYPES },
  { file: 'tcmalloc/regressed.heapprofile.txt', sampleTypes: GO_TYPES },
  { file: 'tcmalloc/good.heapz.txt', sampleTypes: ['objects', 'space'] },
  { file: 'tcmalloc/regressed.heapz.txt', sampleTypes: ['objects', 'space'] },
];

const summaries = new Map<string, ProfileSummary>();
function summaryOf(file: string): ProfileSummary {
  let s = summaries.get(file);
  if (s === undefined) {
    s = summarize(decodeProfile(readFileSync(FIXTURES + file)));
    summaries.set(file, s);
  }
  return s;
}

const lineSummaries = new Map<string, ProfileSummary>();
/** The summary with per-line totals (SummarizeOptions.lines). */
function lineSummaryOf(file: string): ProfileSummary {
  let s = lineSummaries.get(file);
  if (s === undefined) {
    s = summarize(decodeProfile(readFileSync(FIXTURES + file)), { lines: true });
    lineSummaries.set(file, s);
  }
  return s;
}

interface Row {
  readonly flat: number;
  readonly cum: number;
}

/**
 * Differences between heapgate's rows and pprof's, one line each. Rows that are 0 in both columns
 * are not compared: pprof may print such a node (its samples cancel out) and heapgate may omit it.
 */
function compareRows(ours: ReadonlyMap<string, Row>, pprof: PprofTop): string[] {
  const problems: string[] = [];
  const theirs = new Map<string, Row>();
  for (const r of pprof.rows) {
    if (theirs.has(r.name)) problems.push(`pprof printed ${JSON.stringify(r.name)} twice`);
    theirs.set(r.name, r);
  }
  for (const [name, t] of theirs) {
    if (t.flat === 0 && t.cum === 0) continue;
    const o = ours.get(name);
    if (o === undefined)
      problems.push(`${JSON.stringify(name)}: missing from heapgate; pprof flat ${t.flat} cum ${t.cum}`);
    else if (o.flat !== t.flat || o.cum !== t.cum) {
      problems.push(`${JSON.stringify(name)}: heapgate flat ${o.flat} cum ${o.cum}; pprof flat ${t.flat} cum ${t.cum}`);
    }
  }
  for (const [name, o] of ours) {
    if ((o.flat !== 0 || o.cum !== 0) && !theirs.has(name)) {
      problems.push(`${JSON.stringify(name)}: not printed by pprof; heapgate flat ${o.flat} cum ${o.cum}`);
    }
  }
  return problems;
}

/** Each sample's values as one sortable string, so two sample lists compare as multisets. */
function sampleKeys(values: readonly (readonly number[])[]): string[] {
  return values.map((row) => row.join(' ')).sort();
}

/**
 * heapgate's decoded samples, grouped the way pprof's profile.Merge groups them before printing
 * `-raw` (same locations by address and lines, same labels; values summed; all-zero samples
 * dropped), one row of the requested sample types per group.
 */
function heapgateSamples(file: string, sampleTypes: readonly string[]): number[][] {
  const p = decodeProfile(readFileSync(FIXTURES + file));
  const k = p.sampleType.length;
  const columns = sampleTypes.map((name) => p.sampleType.findIndex((v) => v.type === name));
  const s = p.samples;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < s.count; i++) {
    const locs: string[] = [];
    for (const loc of sampleLocations(p, i)) {
      const lines = loc.line.map((l) => `${l.function?.name ?? ''}:${l.line}`).join(',');
      locs.push(`${loc.mapping?.filename ?? ''}@${loc.address}:${lines}`);
    }
    const labels: string[] = [];
    for (let j = s.labelStart[i]!; j < s.labelStart[i + 1]!; j++) {
      labels.push(`${s.labelKey[j]}=${s.labelStr[j]}/${s.labelNum[j]}${s.labelNumUnit[j]}`);
    }
    const key = `${locs.join('|')}#${labels.sort().join(',')}`;
    const row = groups.get(key) ?? new Array<number>(k).fill(0);
    for (let t = 0; t < k; t++) row[t]! += s.value[i * k + t]!;
    groups.set(key, row);
  }
  return [...groups.values()].filter((row) => row.some((v) => v !== 0)).map((row) => columns.map((t) => row[t]!));
}

function summaryRows(s: ProfileSummary, sampleType: string): Map<string, Row> {
  const t = s.sampleType.findIndex((v) => v.type === sampleType);
  if (t < 0) throw new Error(`heapgate's summary has no sample type ${sampleType}`);
  const rows = new Map<string, Row>();
  const { name, flat, cum } = s.functions;
  for (let r = 0; r < name.length; r++) rows.set(name[r]!, { flat: flat[t]![r]!, cum: cum[t]![r]! });
  return rows;
}

afterAll(() => cleanupOracle());

describe('pprof -top parser (test helper)', () => {
  // Laid out the way pprof's report.printTopText prints (%10s %s %s %10s %s  name[ (inline)]).
  const text = [
    'File: heapload',
    'Type: inuse_space',
    'Time: Nov 22, 2026 at 2:11am (UTC)',
    'Dropped 3 nodes (cum <= 10B)',
    'Showing nodes accounting for -1200B, 50.00% of 2400B total',
    '      flat  flat%   sum%        cum   cum%',
    '    -1500B 62.50% 62.50%     -1500B 62.50%  main.(*cache).put (inline)',
    '      300B 12.50% 50.00%       900B 37.50%  encoding/json.Marshal (partial-inline)',
    '         0     0% 50.00%     -1200B 50.00%  [libc.so.6]',
    '        7B +Inf%  +Inf%        7B +Inf%  (anonymous:L#1:C#1)',
    '',
  ].join('\n');

  it('reads the type, the total, dropped nodes and every row with signed values', () => {
    const top = parsePprofTop(text);
    expect(top.sampleType).toBe('inuse_space');
    expect(top.total).toBe(2400);
    expect(top.droppedNodes).toBe(3);
    expect(top.rows).toEqual([
      { name: 'main.(*cache).put', flat: -1500, cum: -1500, inline: 'inline' },
      { name: 'encoding/json.Marshal', flat: 300, cum: 900, inline: 'partial-inline' },
      { name: '[libc.so.6]', flat: 0, cum: -1200, inline: '' },
      { name: '(anonymous:L#1:C#1)', flat: 7, cum: 7, inline: '' },
    ]);
  });

  it('refuses scaled units, which would not be exact', () => {
    expect(() => parseValue('1.50MB')).toThrow(/not in bytes/);
    expect(parseValue('-12.50B')).toBe(-12.5);
    expect(parseValue('0')).toBe(0);
  });

  it('refuses output without the column header', () => {
    expect(() => parsePprofTop('File: x\nType: y\n')).toThrow(/header/);
  });

  it('reads -raw samples, skipping label lines and stopping at the next section', () => {
    const raw = parsePprofRaw(
      [
        'PeriodType: space bytes',
        'Period: 524288',
        'Samples:',
        'alloc_objects/count alloc_space/bytes[dflt] inuse_objects/count inuse_space/bytes',
        '          1         24          1         24: 1 2 3 4 ',
        '                bytes:[24]',
        '         24   11599872          0          0: 6 7 2 3 4 ',
        '          3         -5          0          0: ',
        'Locations',
        '     1: 0x4405c7 M=1 runtime.malg runtime/proc.go:4076 s=0',
      ].join('\n'),
    );
    expect(raw.sampleTypes).toEqual(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']);
    expect(raw.values).toEqual([
      [1, 24, 1, 24],
      [24, 11599872, 0, 0],
      [3, -5, 0, 0],
    ]);
  });
});

describe('pprof -top -lines names (test helper)', () => {
  it('takes a row name apart at its last space and last colon', () => {
    expect(parseLineName('main.(*cache).put /w/heapload/cache.go:42')).toEqual({
      function: 'main.(*cache).put',
      file: '/w/heapload/cache.go',
      line: 42,
    });
    expect(parseLineName('c:/w/x.go:7')).toEqual({ function: '', file: 'c:/w/x.go', line: 7 });
    expect(parseLineName('[libc.so.6]')).toEqual({ function: '[libc.so.6]', file: '', line: 0 });
  });

  it('is what lineName prints, taken apart', () => {
    for (const key of [
      { function: 'main.f', file: '/a/b.go', line: 3 },
      { function: '', file: '/a/b.go', line: 3 },
      { function: '<unknown>', file: '', line: 0 },
    ]) {
      expect(parseLineName(lineName(key))).toEqual(key);
    }
  });
});

describe('row comparison (test helper)', () => {
  const top = (rows: [string, number, number][]): PprofTop => ({
    sampleType: 'inuse_space',
    total: 0,
    droppedNodes: 0,
    rows: rows.map(([name, flat, cum]) => ({ name, flat, cum, inline: '' as const })),
  });
  const ours = (rows: [string, number, number][]) => new Map(rows.map(([name, flat, cum]) => [name, { flat, cum }]));

  it('accepts equal rows and ignores rows that are zero on both sides', () => {
    expect(
      compareRows(
        ours([
          ['a', 1, 2],
          ['z', 0, 0],
        ]),
        top([
          ['a', 1, 2],
          ['y', 0, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it('reports a different value, a missing row and an extra row', () => {
    expect(
      compareRows(
        ours([
          ['a', 1, 3],
          ['extra', 0, 5],
        ]),
        top([
          ['a', 1, 2],
          ['gone', -4, -4],
        ]),
      ),
    ).toEqual([
      '"a": heapgate flat 1 cum 3; pprof flat 1 cum 2',
      '"gone": missing from heapgate; pprof flat -4 cum -4',
      '"extra": not printed by pprof; heapgate flat 0 cum 5',
    ]);
  });
});

describeWithGo('conformance with go tool pprof', () => {
  describe.each([...SINGLES, ...LEGACY])('pprof -raw $file', ({ file, sampleTypes }) => {
    it('every sample (merged as pprof merges) decodes to the values pprof reads', () => {
      const raw = pprofRaw(FIXTURES + file);
      const columns = sampleTypes.map((t) => raw.sampleTypes.indexOf(t));
      expect(columns).not.toContain(-1);
      const theirs = raw.values.map((row) => columns.map((c) => row[c]!));
      expect(sampleKeys(heapgateSamples(file, sampleTypes))).toEqual(sampleKeys(theirs));
    });
  });

  describe.each(LEGACY)('pprof -top $file (legacy text)', ({ file, sampleTypes }) => {
    it.each(sampleTypes.map((t) => [t]))('%s: total as pprof parses and unsamples it', (sampleType) => {
      const s = summaryOf(file);
      const t = s.sampleType.findIndex((v) => v.type === sampleType);
      expect({ total: s.total[t] }).toEqual({ total: pprofTop(FIXTURES + file, sampleType).total });
    });
  });

  // gperftools' text profiles end with the process's memory map (MAPPED_LIBRARIES); pprof assigns
  // each address its mapping and names an unsymbolized frame after the mapped file
  // (`[libtcmalloc.so.4.5.10]`, `[libc.so.6]`, `[tcload]`); heapgate's legacy parser does the same.
  it.each([
    ['tcmalloc/good.heapz.txt', 'tcmalloc/regressed.heapz.txt', 'objects'],
    ['tcmalloc/good.heapz.txt', 'tcmalloc/regressed.heapz.txt', 'space'],
    ...['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'].map((t) => [
      'tcmalloc/good.heapprofile.txt',
      'tcmalloc/regressed.heapprofile.txt',
      t,
    ]),
  ])('pprof -top -diff_base %s %s: %s delta of every function', (base, current, sampleType) => {
    const d = diff(summaryOf(base), summaryOf(current));
    const ours = new Map<string, Row>(
      d.functions[sampleType]!.map((f) => [f.name, { flat: f.flatDelta, cum: f.cumDelta }]),
    );
    expect(compareRows(ours, pprofTop(FIXTURES + current, sampleType, FIXTURES + base))).toEqual([]);
  });

  describe.each(SINGLES)('pprof -top $file', ({ file, sampleTypes }) => {
    it.each(sampleTypes.map((t) => [t]))('%s: flat and cum of every function', (sampleType) => {
      const s = summaryOf(file);
      const top = pprofTop(FIXTURES + file, sampleType);
      expect(top.sampleType).toBe(sampleType);
      expect(top.droppedNodes).toBe(0);
      const t = s.sampleType.findIndex((v) => v.type === sampleType);
      expect({ total: s.total[t] }).toEqual({ total: top.total });
      expect(compareRows(summaryRows(s, sampleType), top)).toEqual([]);
    });
  });

  describe.each(PAIRS)('pprof -top -diff_base $base $current', ({ base, current, sampleTypes }) => {
    it.each(sampleTypes.map((t) => [t]))('%s: flat and cum delta of every function', (sampleType) => {
      const d = diff(summaryOf(base), summaryOf(current));
      const top = pprofTop(FIXTURES + current, sampleType, FIXTURES + base);
      expect(top.sampleType).toBe(sampleType);
      expect(top.droppedNodes).toBe(0);
      const fns = d.functions[sampleType];
      expect(fns).toBeDefined();
      const ours = new Map<string, Row>();
      for (const f of fns!) {
        expect(f.flatDelta).toBe(f.currentFlat - f.baseFlat);
        expect(f.cumDelta).toBe(f.currentCum - f.baseCum);
        ours.set(f.name, { flat: f.flatDelta, cum: f.cumDelta });
      }
      expect(compareRows(ours, top)).toEqual([]);
      // pprof's diff-mode total (what its percentages are relative to) is the base total, or when
      // the base is empty the sum of |value| over the current samples (report.computeTotal).
      const metric = d.metrics.find((m) => m.sampleType === sampleType)!;
      expect(metric.base === 0 ? metric.current : metric.base).toBe(top.total);
    });
  });

  describe.each(PAIRS)('pprof -top -lines -diff_base $base $current', ({ base, current, sampleTypes }) => {
    it.each(sampleTypes.map((t) => [t]))('%s: flat and cum delta of every source line', (sampleType) => {
      const d = diff(lineSummaryOf(base), lineSummaryOf(current));
      const top = pprofTop(FIXTURES + current, sampleType, FIXTURES + base, ['-lines']);
      expect(top.sampleType).toBe(sampleType);
      expect(top.droppedNodes).toBe(0);
      const rows = d.lines?.[sampleType];
      expect(rows).toBeDefined();
      const ours = new Map<string, Row>();
      for (const l of rows!) {
        const name = lineName(l);
        expect(ours.has(name)).toBe(false);
        ours.set(name, { flat: l.flatDelta, cum: l.cumDelta });
      }
      expect(compareRows(ours, top)).toEqual([]);
      // Every printed row is a line heapgate knows by its function, file and line.
      const keys = new Set(rows!.map((l) => `${l.function}|${l.file}|${l.line}`));
      const named = top.rows.filter((r) => r.flat !== 0 || r.cum !== 0).map((r) => parseLineName(r.name));
      for (const k of named) expect(keys.has(`${k.function}|${k.file}|${k.line}`)).toBe(true);
    });
  });
  // Own code: each sample's value goes to its deepest own-code frame, which is pprof's flat when
  // -show keeps only the own frames of every stack.
  const OWN_PAIRS = [
    ...PAIRS.filter((p) => p.base.startsWith('go/')).map((p) => ({ ...p, show: '^main\\.', spec: {} })),
    ...['trimpath', 'abspath'].map((build) => ({
      base: `own/${build}/good.heap.pb.gz`,
      current: `own/${build}/regressed.heap.pb.gz`,
      sampleTypes: GO_TYPES,
      show: '^(main|example\\.com/catalog)\\.',
      spec: { modules: ['example.com/catalog'] },
    })),
  ];
  describe.each(OWN_PAIRS)(
    'pprof -top -show $show -diff_base $base $current',
    ({ base, current, sampleTypes, show, spec }) => {
      it.each(sampleTypes.map((t) => [t]))('%s: the own-code part of every own function', (sampleType) => {
        const own = (file: string) => summarize(decodeProfile(readFileSync(FIXTURES + file)), { ownCode: spec });
        const d = diff(own(base), own(current));
        const top = pprofTop(FIXTURES + current, sampleType, FIXTURES + base, [`-show=${show}`]);
        expect(top.sampleType).toBe(sampleType);
        const theirs = new Map(top.rows.filter((r) => r.flat !== 0).map((r) => [r.name, r.flat]));
        const ours = new Map((d.own?.[sampleType] ?? []).map((r) => [r.name, r.flatDelta]));
        expect(ours.size).toBeLessThan(100);
        expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(theirs));
      });
    },
  );
});
