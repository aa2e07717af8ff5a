import { readFileSync } from 'node:fs';
import { buildReport } from '../../../src/core/verdict/report.js';
import { renderJson, renderJsonChunks, toJsonReport } from '../../../src/core/render/json.js';
import type { Report } from '../../../src/core/verdict/report.js';
import { validate } from './json-schema.js';
import { fn, sampleDiff, sampleVerdict } from './fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8'));

function report(top: number, warnings: string[] = []) {
  const diff = sampleDiff([fn('we"ird\n\u0000name', 0, 1, 0, 1)], warnings);
  return buildReport(diff, sampleVerdict(diff), { base: 'a.pb.gz', current: 'b.pb.gz', top });
}

describe('renderJson', () => {
  test('matches docs/report.schema.json', () => {
    const json = JSON.parse(renderJson(report(2)));
    expect(validate(json, schema)).toEqual([]);
  });

  test("warnings: an array of the report's strings, as they are; [] when none; both match the schema", () => {
    const warnings = [
      'sampling rates differ: base MemProfileRate 524288, current 1 — deltas mix sampled and exact values',
      'odd "type"\n/count',
    ];
    const json = JSON.parse(renderJson(report(2, warnings)));
    expect(json.warnings).toEqual(warnings);
    expect(validate(json, schema)).toEqual([]);
    const none = JSON.parse(renderJson(report(2)));
    expect(none.warnings).toEqual([]);
    expect(validate(none, schema)).toEqual([]);
  });

  test('the schema wants warnings to be strings, and (added within version 1) does not require them', () => {
    const json = JSON.parse(renderJson(report(2)));
    json.warnings = ['ok', 3];
    expect(validate(json, schema)).toEqual(['$.warnings[1]: expected string, got integer']);
    delete json.warnings;
    expect(validate(json, schema)).toEqual([]);
  });

  test('history: calibrated or uncalibrated objects, anything else is refused', () => {
    const json = JSON.parse(renderJson(report(2)));
    json.metrics[0].history = { kind: 'calibrated', baselines: 8, meanChangePercent: 1.5, sdPercent: 4, df: 6 };
    json.metrics[1].history = { kind: 'uncalibrated', baselines: 2, needed: 5 };
    expect(validate(json, schema)).toEqual([]);
    json.metrics[1].history = { kind: 'uncalibrated', baselines: 2 };
    expect(validate(json, schema)).toEqual(["$.metrics[1].history: matches 0 of oneOf's 3 schemas, not 1"]);
  });

  test('the validator catches a broken report', () => {
    const json = JSON.parse(renderJson(report(2)));
    delete json.metrics[0].status;
    json.verdict = 'maybe';
    json.functions.inuse_space[0].extra = 1;
    expect(validate(json, schema)).toEqual([
      '$.verdict: "maybe" not in ["pass","warn","fail","inconclusive"]',
      '$.metrics[0]: missing status',
      '$.functions.inuse_space[0]: unexpected property extra',
    ]);
  });

  test('fields, nulls and limits', () => {
    const json = JSON.parse(renderJson(report(2)));
    expect(json.schemaVersion).toBe(3);
    expect(json.verdict).toBe('fail');
    expect([json.base, json.current]).toEqual(['a.pb.gz', 'b.pb.gz']);
    const focus = json.metrics[2];
    expect(focus).toEqual({
      sampleType: 'inuse_space',
      unit: 'bytes',
      pattern: 'main\\.grow',
      base: 0,
      current: 786432,
      delta: 786432,
      deltaPercent: null,
      z: null,
      status: 'pass',
      partStatus: 'pass',
      rule: null,
      threshold: null,
      critical: 3,
      detectable: 0,
      detectablePercent: null,
      sources: { sampling: 0, runs: 0, history: 0 },
      runs: { base: 1, current: 1 },
      history: null,
      benchmark: null,
      drift: null,
    });
    expect(json.metrics[0]).toMatchObject({ status: 'inconclusive', threshold: 5, detectablePercent: 10 });
    expect(json.metrics[0].detectable).toBeCloseTo(100, 9);
    expect(json.advice.length).toBeGreaterThan(0);
    expect(json.historyWindow).toBeNull();
    expect(json.metrics[0].pattern).toBeNull();
    expect(json.functions.inuse_space).toEqual([
      {
        name: 'main.grow',
        baseFlat: 0,
        currentFlat: 786432,
        flatDelta: 786432,
        baseCum: 0,
        currentCum: 786432,
        cumDelta: 786432,
      },
      {
        name: 'main.shrink',
        baseFlat: 524288,
        currentFlat: 262144,
        flatDelta: -262144,
        baseCum: 524288,
        currentCum: 262144,
        cumDelta: -262144,
      },
    ]);
    expect(json.functionCount).toEqual({ inuse_objects: 2, inuse_space: 4 });
    expect(json.top).toBe(2);
  });

  test('top 0 lists every function; names survive JSON escaping', () => {
    const json = JSON.parse(renderJson(report(0)));
    expect(json.top).toBeNull();
    expect(json.functions.inuse_space).toHaveLength(4);
    expect(json.functions.inuse_space.map((f: { name: string }) => f.name)).toContain('we"ird\n\u0000name');
  });
});

test('the example in docs/report-schema.md matches the schema', () => {
  const doc = readFileSync(new URL('../../../docs/report-schema.md', import.meta.url), 'utf8');
  const block = /```json\n([\s\S]*?)\n```/.exec(doc);
  expect(block).not.toBeNull();
  expect(validate(JSON.parse(block![1]!), schema)).toEqual([]);
});

describe('renderJsonChunks: the report streamed', () => {
  const whole = (r: Report): string => `${JSON.stringify(toJsonReport(r), null, 2)}\n`;
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => fn(`pkg.f${i}"\u2028\u0001é`, i, 2 * i + 0.5, -0, i === 3 ? NaN : 3 * i));

  test('is byte for byte JSON.stringify of the report, two-space indented, with a newline', () => {
    const diff = sampleDiff(many(50), ['a "warning"']);
    for (const top of [0, 1, 2]) {
      const r = buildReport(diff, sampleVerdict(diff), { base: 'a.pb.gz', current: 'b.pb.gz', top });
      expect([...renderJsonChunks(r)].join('')).toBe(whole(r));
    }
  });

  test('empty function lists and no function tables at all are written as JSON.stringify writes them', () => {
    const r = report(2);
    const empty: Report = { ...r, functions: { inuse_space: [], alloc_space: [] } };
    expect(renderJson(empty)).toBe(whole(empty));
    expect(renderJson(empty)).toContain('"inuse_space": []');
    const none: Report = { ...r, functions: {} };
    expect(renderJson(none)).toBe(whole(none));
    expect(renderJson(none)).toContain('"functions": {},');
  });

  test('a large report comes in chunks of about 64 KiB, each ending where the next row begins', () => {
    const diff = sampleDiff(many(20_000));
    const r = buildReport(diff, sampleVerdict(diff), { base: 'a.pb.gz', current: 'b.pb.gz', top: 0 });
    const chunks = [...renderJsonChunks(r)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(1 << 16);
      expect(c.length).toBeLessThan((1 << 16) + 1024);
      expect(c.endsWith('}')).toBe(true);
    }
    expect(chunks.join('')).toBe(whole(r));
  });
});
