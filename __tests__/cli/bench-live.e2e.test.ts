/**
 * The Go benchmarks of workloads/gobench run live (go test -bench . -benchmem at -count 4 and a
 * fixed -benchtime, so it takes seconds) and compared by the bundled CLI: what the committed
 * fixtures show must hold for output written on this machine now, with this Go.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, ROOT, runCli } from '../helpers/dist.js';
import { testWithGo } from '../helpers/with-go.js';

let tmp: string | undefined;
afterAll(() => {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
});

/** `go test -bench` output of workloads/gobench in `variant`, offline and without touching the user's caches. */
function bench(binary: string, variant: 'good' | 'regressed', file: string): string {
  const r = spawnSync(
    binary,
    ['-test.run', '^$', '-test.bench', '.', '-test.benchmem', '-test.count', '4', '-test.benchtime', '300x'],
    { cwd: tmp, encoding: 'utf8', env: { PATH: process.env.PATH, HEAPGATE_VARIANT: variant, GOMAXPROCS: '2' } },
  );
  if (r.status !== 0) throw new Error(`benchmarks failed: ${r.stderr}`);
  writeFileSync(file, r.stdout);
  return file;
}

testWithGo(
  'live go test -bench output: a rerun passes, the regressed variant fails naming each regressed benchmark',
  () => {
    tmp = mkdtempSync(join(tmpdir(), 'heapgate-gobench-'));
    const binary = join(tmp, 'gobench.test');
    const env = {
      PATH: process.env.PATH,
      HOME: tmp,
      GOCACHE: join(tmp, 'gocache'),
      GOPATH: join(tmp, 'gopath'),
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOSUMDB: 'off',
      GOFLAGS: '-mod=mod',
      GOWORK: 'off',
    };
    const build = spawnSync('go', ['test', '-c', '-o', binary, './gobench'], {
      cwd: join(ROOT, 'workloads'),
      encoding: 'utf8',
      env,
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const good = bench(binary, 'good', join(tmp, 'good.txt'));
    const rerun = bench(binary, 'good', join(tmp, 'rerun.txt'));
    const regressed = bench(binary, 'regressed', join(tmp, 'regressed.txt'));
    const cli = builtCli();

    const same = runCli(cli, ['diff', good, rerun]);
    expect(same.stdout).toMatch(/^heapgate: PASS/);
    expect(same.code).toBe(0);

    const r = runCli(cli, ['diff', good, regressed, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      metrics: { sampleType: string; status: string; benchmark: { name: string } }[];
    };
    const failing = [...new Set(report.metrics.filter((m) => m.status === 'fail').map((m) => m.benchmark.name))].sort();
    expect(failing).toEqual(['BenchmarkAppend', 'BenchmarkBuilder', 'BenchmarkConvert', 'BenchmarkMapHint']);
  },
  120000,
);
