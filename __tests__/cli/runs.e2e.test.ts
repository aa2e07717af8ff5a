/**
 * Several runs per side through the bundled CLI as a process: quoted globs, lists, a baseline of
 * several runs stored as a tar and compared against, on real noisy Go profiles (workloads/noisyload).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDistCurrent, builtCli, ROOT, runCli } from '../helpers/dist.js';

const SERVER = '__tests__/fixtures/noisy/server/gc.rate1';
const SAMPLED = '__tests__/fixtures/noisy/server/gc.rate524288';
const SHA_A = 'a'.repeat(40);
let cli: string;
let store: string;

interface JsonReport {
  verdict: string;
  base: string;
  runs: { base: number; current: number };
  metrics: { sampleType: string; status: string; runs: unknown; sources: { runs: number } }[];
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

beforeAll(() => {
  assertDistCurrent();
  cli = builtCli();
  store = mkdtempSync(join(tmpdir(), 'heapgate-runs-'));
});
afterAll(() => rmSync(store, { recursive: true, force: true }));

describe('heapgate diff with several runs per side', () => {
  test('quoted globs: per-run means of each side, the runs counted and their spread used', () => {
    const r = runCli(cli, [
      'diff',
      `${SERVER}/good-[1-5].heap.pb.gz`,
      `${SERVER}/regressed-*.heap.pb.gz`,
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.runs).toEqual({ base: 5, current: 5 });
    const space = report.metrics.find((m) => m.sampleType === 'inuse_space')!;
    expect(space).toMatchObject({ status: 'fail', runs: { base: 5, current: 5 } });
    expect(report.metrics.some((m) => m.sources.runs > 0)).toBe(true);
  });

  test('a comma-separated list (with a brace glob in it) is the same side as the glob', () => {
    const list = `${SERVER}/good-1.heap.pb.gz,${SERVER}/good-{2,3}.heap.pb.gz,${SERVER}/good-[45].heap.pb.gz`;
    const a = runCli(cli, ['diff', list, `${SERVER}/good-{6,7,8,9,10}.heap.pb.gz`, '--format', 'json']);
    const b = runCli(cli, [
      'diff',
      `${SERVER}/good-[1-5].heap.pb.gz`,
      `${SERVER}/good-{6,7,8,9,10}.heap.pb.gz`,
      '--format',
      'json',
    ]);
    expect(a.code).toBe(0);
    const strip = (r: JsonReport) => ({ ...r, base: '' });
    expect(strip(json(a.stdout))).toEqual(strip(json(b.stdout)));
    expect(json(a.stdout).runs).toEqual({ base: 5, current: 5 });
  });

  test('the text and HTML reports say the numbers are per-run means', () => {
    const text = runCli(cli, ['diff', `${SERVER}/good-[1-5].heap.pb.gz`, `${SERVER}/good-10.heap.pb.gz`]);
    expect(text.stdout).toContain('Per-run means of 5 base runs and 1 current run');
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-runs-html-'));
    try {
      const out = join(dir, 'r.html');
      const html = runCli(cli, [
        'diff',
        `${SERVER}/good-[1-5].heap.pb.gz`,
        `${SERVER}/good-[6-9].heap.pb.gz`,
        '--format',
        'html',
        '--output',
        out,
      ]);
      expect(html.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('Per-run means of 5 base runs and 4 current runs');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a glob that matches nothing: one line, exit 2', () => {
    const r = runCli(cli, ['diff', `${SERVER}/nothing-*.pb.gz`, `${SERVER}/good-1.heap.pb.gz`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`heapgate: base profile: no file matches "${SERVER}/nothing-*.pb.gz"\n`);
  });

  test('runs sampled differently on one side: one line naming both', () => {
    const r = runCli(cli, [
      'diff',
      `${SERVER}/good-1.heap.pb.gz,${SAMPLED}/good-1.heap.pb.gz`,
      `${SERVER}/good-2.heap.pb.gz`,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `heapgate: combining the base runs ${SERVER}/good-1.heap.pb.gz ${SAMPLED}/good-1.heap.pb.gz: runs of one side ` +
        `must be sampled alike: ${SAMPLED}/good-1.heap.pb.gz has period 524288, ${SERVER}/good-1.heap.pb.gz 1\n`,
    );
  });
});

describe('a baseline of several runs', () => {
  test('baseline put stores the runs as one tar; show lists them; check compares runs with runs', () => {
    const put = runCli(cli, [
      'baseline',
      'put',
      `${SERVER}/good-[1-5].heap.pb.gz`,
      '--store',
      store,
      '--series',
      'server',
      '--branch',
      'main',
      '--sha',
      SHA_A,
    ]);
    expect(put.stderr).toBe('');
    expect(put.code).toBe(0);
    const show = runCli(cli, ['baseline', 'show', '--store', store, '--series', 'server', '--branch', 'main']);
    expect(show.stdout).toContain('runs:         5 (totals are per-run means)');
    const shown = JSON.parse(
      runCli(cli, ['baseline', 'show', '--store', store, '--series', 'server', '--branch', 'main', '--format', 'json'])
        .stdout,
    ) as { runs: number; runTotals: number[][]; total: number[] };
    expect(shown.runTotals).toHaveLength(5);
    shown.total.forEach((t, i) => expect(t).toBeCloseTo(shown.runTotals.reduce((s, r) => s + r[i]!, 0) / 5, 3));

    // The stored object is a tar GNU tar lists: one member per run, each the file as given.
    const objects = listFiles(store).filter((f) => statSync(f).size > 10_000);
    expect(objects).toHaveLength(1);
    const members = execFileSync('tar', ['-tvf', objects[0]!], { encoding: 'utf8' }).trim().split('\n');
    expect(members).toHaveLength(5);
    const sizes = [1, 2, 3, 4, 5].map((i) => statSync(join(ROOT, SERVER, `good-${i}.heap.pb.gz`)).size);
    members.forEach((m, i) => expect(m).toContain(` ${sizes[i]} `));

    const same = runCli(cli, [
      'check',
      `${SERVER}/good-[6-9].heap.pb.gz`,
      `${SERVER}/good-10.heap.pb.gz`,
      '--store',
      store,
      '--series',
      'server',
      '--format',
      'json',
    ]);
    expect(same.code).toBe(0);
    expect(json(same.stdout).runs).toEqual({ base: 5, current: 5 });
    const regressed = runCli(cli, [
      'check',
      `${SERVER}/regressed-*.heap.pb.gz`,
      '--store',
      store,
      '--series',
      'server',
    ]);
    expect(regressed.code).toBe(1);
    expect(regressed.stdout).toMatch(/^heapgate: FAIL\s+inuse_space \+\d/);
    expect(regressed.stdout).toContain('Per-run means of 5 base runs and 5 current runs');
  });

  test('check expands its glob first: one that matches nothing is an error even without a baseline', () => {
    const r = runCli(cli, ['check', `${SERVER}/nothing-*.pb.gz`, '--store', store, '--series', 'nothing-here']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`heapgate: current profile: no file matches "${SERVER}/nothing-*.pb.gz"\n`);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(e.parentPath, e.name)) : [join(e.parentPath, e.name)],
  );
}
