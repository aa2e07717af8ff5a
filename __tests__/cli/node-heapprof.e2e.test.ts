/**
 * Node's own heap profiles through the bundled CLI: `.heapprofile` files that `node --heap-prof`
 * wrote for workloads/node/heap-prof-service.mjs (scripts/make-node-heapprof-fixtures.sh), read by
 * content, compared with heapgate's sampling-noise model, and refused in one line when broken.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { builtCli, runCli, ROOT } from '../helpers/dist.js';

const FIXTURES = join(ROOT, '__tests__/fixtures/node-heapprof');
let cli: string;
let tmp: string;
beforeAll(() => {
  cli = builtCli();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-heapprof-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fixture(variant: string, interval: number): string {
  return join(FIXTURES, `${variant}.interval${interval}.heapprofile.gz`);
}

interface JsonReport {
  readonly verdict: string;
  readonly warnings: string[];
  readonly metrics: { sampleType: string; status: string; base: number; current: number; deltaPercent: number }[];
  readonly functions: Record<string, { name: string; flatDelta: number }[]>;
}

function diffJson(base: string, current: string): { code: number | null; report: JsonReport; stderr: string } {
  const r = runCli(cli, ['diff', base, current, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** Σ selfSize over the profile's tree, walked here with a stack of its own, from the JSON itself. */
function selfSizeTotal(file: string): number {
  const doc = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { head: TreeNode };
  let total = 0;
  const pending = [doc.head];
  while (pending.length > 0) {
    const n = pending.pop()!;
    total += n.selfSize;
    pending.push(...n.children);
  }
  return total;
}

interface TreeNode {
  readonly selfSize: number;
  readonly children: TreeNode[];
}

const WORKLOAD_FRAME = /^renderPage file:\/\/\/\S*\/workloads\/node\/heap-prof-service\.mjs:42:20$/;

describe.each([32768, 524288])('node --heap-prof at interval %i', (interval) => {
  test('the leaking cache fails on inuse_space, led by the workload function that allocates the pages', () => {
    const { code, report, stderr } = diffJson(fixture('good', interval), fixture('leak', interval));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report.verdict).toBe('fail');
    const metric = report.metrics.find((m) => m.sampleType === 'inuse_space')!;
    expect(metric.status).toBe('fail');
    expect(metric.deltaPercent).toBeGreaterThan(1000);
    expect(report.functions.inuse_space![0]!.name).toMatch(WORKLOAD_FRAME);
    expect(report.warnings).toEqual([]);
  });

  test('a second run of the good code does not fail, and both runs read as sampled alike', () => {
    const { code, report, stderr } = diffJson(fixture('good', interval), fixture('good-rerun', interval));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report.metrics.find((m) => m.sampleType === 'inuse_space')!.status).not.toBe('fail');
    // The interval is estimated per file: a difference would be a "sampling rates differ" warning.
    expect(report.warnings).toEqual([]);
  });

  test("the report's totals are the sum of the tree's selfSizes", () => {
    const { report } = diffJson(fixture('good', interval), fixture('leak', interval));
    const metric = report.metrics.find((m) => m.sampleType === 'inuse_space')!;
    expect(metric.base).toBe(selfSizeTotal(fixture('good', interval)));
    expect(metric.current).toBe(selfSizeTotal(fixture('leak', interval)));
  });
});

describe("advice and warnings in node's terms", () => {
  test("an inconclusive rerun advises --heap-prof-interval, never Go's MemProfileRate", () => {
    const r = runCli(cli, ['diff', fixture('good', 524288), fixture('good-rerun', 524288), '--format', 'json']);
    const report = JSON.parse(r.stdout) as JsonReport & { advice: string[] };
    expect(report.verdict).toBe('inconclusive');
    expect(report.advice.join(' ')).toContain('node --heap-prof --heap-prof-interval 4096');
    expect(report.advice.join(' ')).toContain("'runs/*.heapprofile'");
    expect(report.advice.join(' ')).not.toMatch(/MemProfileRate|runtime\.GC|GOMAXPROCS/);
  });

  test('profiles of two intervals are compared with a warning that names the interval', () => {
    const { report } = diffJson(fixture('good', 32768), fixture('good-rerun', 524288));
    expect(report.warnings.join(' ')).toMatch(/--heap-prof-interval 32768, current 524288/);
    expect(report.warnings.join(' ')).not.toContain('MemProfileRate');
  });
});

describe('broken and foreign files', () => {
  function expectOneLine(file: string, pattern: RegExp): void {
    const r = runCli(cli, ['diff', fixture('good', 32768), file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }

  const json = (): string => gunzipSync(readFileSync(fixture('leak', 32768))).toString('utf8');

  test('a truncated .heapprofile is one line naming the file', () => {
    const file = join(tmp, 'truncated.heapprofile');
    writeFileSync(file, json().slice(0, 4000));
    expectOneLine(file, /: V8 heap profile: invalid JSON: /);
  });

  test('a truncated gzipped .heapprofile too', () => {
    const file = join(tmp, 'truncated.heapprofile.gz');
    const gz = readFileSync(fixture('leak', 32768));
    writeFileSync(file, gz.subarray(0, gz.length >> 1));
    expectOneLine(file, /gzip|invalid JSON/);
  });

  test('a heap profile with a negative size is refused, naming the node', () => {
    const file = join(tmp, 'negative.heapprofile');
    writeFileSync(file, json().replace(/"selfSize":([1-9]\d*)/, '"selfSize":-$1'));
    expectOneLine(file, /: V8 heap profile: node id \d+: "selfSize" is -\d+, not a non-negative integer/);
  });

  test('plain JSON that is not a heap profile is refused as such', () => {
    const file = join(tmp, 'package.json');
    writeFileSync(file, JSON.stringify({ name: 'service', version: '1.0.0', dependencies: {} }, null, 2));
    expectOneLine(file, /: not a pprof profile: JSON without the "head" of a V8 heap profile/);
  });

  test('a heap snapshot is named, with what to record instead', () => {
    const file = join(tmp, 'Heap.heapsnapshot');
    writeFileSync(file, JSON.stringify({ snapshot: { meta: {} }, nodes: [], edges: [], strings: [] }));
    expectOneLine(
      file,
      /a V8 heap snapshot \(\.heapsnapshot\), not a sampling heap profile: record with node --heap-prof/,
    );
  });
});
