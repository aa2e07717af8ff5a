/**
 * `--lines` through the bundled CLI (dist/cli.js), on real Go profiles of workloads/heapload: the
 * per-line table and JSON rows name the source line that allocates, equal pprof's
 * `-top -lines -diff_base` rows, and the JSON validates against docs/report.schema.json; `check
 * --lines` does the same against a stored baseline of several runs (a run bundle).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../core/render/json-schema.js';
import { cleanupOracle, pprofTop } from '../helpers/pprof-oracle.js';
import { testWithGo } from '../helpers/with-go.js';
import { builtCli, ROOT, runCli } from '../helpers/dist.js';

const GO = '__tests__/fixtures/go';
const APPEND = [`${GO}/append/good.rate1.allocs.pb.gz`, `${GO}/append/regressed.rate1.allocs.pb.gz`];
const CACHE = {
  good: `${GO}/cache/good.rate1.heap.pb.gz`,
  rerun: `${GO}/cache/good-rerun.rate1.heap.pb.gz`,
  regressed: `${GO}/cache/regressed.rate1.heap.pb.gz`,
};
const APPEND_GO = 'heapgate.dev/workloads/heapload/append.go';
const CACHE_GO = 'heapgate.dev/workloads/heapload/cache.go';
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8'));

interface JsonLine {
  function: string;
  file: string;
  line: number;
  flatDelta: number;
  cumDelta: number;
}

let cli: string;
let tmp: string;
beforeAll(() => {
  cli = builtCli();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-lines-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  cleanupOracle();
});

describe('heapgate diff --lines (bundled)', () => {
  test('text: a per-line table after the function table, --top rows, the regression at its line', () => {
    const r = runCli(cli, ['diff', ...APPEND, '--lines', '--top', '3']);
    expect(r.code).toBe(1);
    const at = r.stdout.indexOf('Type: alloc_space, by source line\n');
    expect(at).toBeGreaterThan(r.stdout.indexOf('Type: alloc_space\n'));
    const table = r.stdout.slice(at).split('\n');
    expect(table[1]).toMatch(/^Showing top 3 of \d+ lines by \|flat Δ\|/);
    expect(table[2]).toMatch(/^ +flat Δ +flat% +sum% +cum Δ +cum% +function file:line$/);
    // collectSamplesNoPrealloc's `out = append(out, …)` reallocates; the good code's make is line 40.
    expect(table[3]).toMatch(new RegExp(`^ *\\+\\S+ MiB .* main\\.collectSamplesNoPrealloc ${APPEND_GO}:34$`));
    expect(table[4]).toMatch(new RegExp(`^ *-\\S+ MiB .* main\\.collectSamplesPrealloc ${APPEND_GO}:40$`));
    expect(table[6]).toMatch(/^… \d+ more lines \(--top 0 lists all\)$/);
  });

  test('without --lines there is no per-line table and no lines in the JSON', () => {
    expect(runCli(cli, ['diff', ...APPEND]).stdout).not.toContain('by source line');
    const json = JSON.parse(runCli(cli, ['diff', ...APPEND, '--format', 'json']).stdout);
    expect(json.lines).toBeUndefined();
    expect(validate(json, schema)).toEqual([]);
  });

  test('JSON: lines per sample type, valid against the schema, the top inuse_space line is the leak', () => {
    const r = runCli(cli, ['diff', CACHE.good, CACHE.regressed, '--lines', '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(validate(json, schema)).toEqual([]);
    expect(json.schemaVersion).toBe(3);
    expect(Object.keys(json.lines)).toEqual(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']);
    // loadUserRecord's `v := make([]byte, valueSize)`, kept forever by the unbounded cache.
    expect(json.lines.inuse_space[0]).toMatchObject({ function: 'main.loadUserRecord', file: CACHE_GO, line: 55 });
    expect(json.lines.inuse_space[0].flatDelta).toBeGreaterThan(40 * 1024 * 1024);
    for (const [type, rows] of Object.entries(json.lines as Record<string, JsonLine[]>)) {
      expect(json.lineCount[type]).toBe(rows.length);
    }
  });

  testWithGo('JSON rows equal go tool pprof -top -lines -diff_base, to the unit', () => {
    const r = runCli(cli, ['diff', ...APPEND, '--lines', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    for (const type of ['alloc_space', 'alloc_objects']) {
      const top = pprofTop(join(ROOT, APPEND[1]!), type, join(ROOT, APPEND[0]!), ['-lines']);
      const theirs = top.rows
        .filter((row) => row.flat !== 0 || row.cum !== 0)
        .map((row) => [row.name, row.flat, row.cum]);
      const ours = (json.lines[type] as JsonLine[]).map((l) => [
        `${l.function} ${l.file}:${l.line}`,
        l.flatDelta,
        l.cumDelta,
      ]);
      const byName = (a: unknown[], b: unknown[]) => ((a[0] as string) < (b[0] as string) ? -1 : 1);
      expect(ours.sort(byName)).toEqual(theirs.sort(byName));
    }
  });

  test('check --lines against a stored baseline of two runs: the leak at its line, per-run means', () => {
    const store = join(tmp, 'store');
    const args = ['--store', store, '--series', 'cache', '--branch', 'main'];
    const put = runCli(cli, ['baseline', 'put', CACHE.good, CACHE.rerun, ...args, '--sha', 'a'.repeat(40)]);
    expect(put.code).toBe(0);
    const r = runCli(cli, ['check', CACHE.regressed, ...args, '--lines', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const report = doc.report ?? doc;
    expect(report.runs).toEqual({ base: 2, current: 1 });
    expect(validate(report, schema)).toEqual([]);
    expect(report.lines.inuse_space[0]).toMatchObject({ function: 'main.loadUserRecord', file: CACHE_GO, line: 55 });
    const text = runCli(cli, ['check', CACHE.regressed, ...args, '--lines', '--top', '1']);
    expect(text.stdout).toMatch(new RegExp(`main\\.loadUserRecord ${CACHE_GO}:55\\n`));
  });

  test('--help of diff and check lists --lines', () => {
    for (const command of ['diff', 'check']) expect(runCli(cli, [command, '--help']).stdout).toContain('--lines');
  });
});
