/**
 * The bundled CLI on Node 20 (package.json's engines), which has no fs.glob: a quoted glob is a
 * one-line usage error whose advice fits the command (diff takes one argument a side, so a
 * comma-separated list; check takes the paths as separate arguments), and that advice works.
 * Skipped when no Node 20 is on the PATH (CI installs Node 24 beside the machine's Node 20).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { builtCli, ROOT } from '../helpers/dist.js';
import { node20 } from '../helpers/node20.js';

const node = node20();
const RUNS = join(ROOT, '__tests__/fixtures/gobench');
const maybe = node === undefined ? test.skip : test;

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(node!, [builtCli(), ...args], { cwd: RUNS, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

maybe('diff with a quoted glob advises a comma-separated list, and that list works', () => {
  const glob = run(['diff', 'good.count*.bench', 'regressed.count6.bench']);
  expect(glob.code).toBe(2);
  expect(glob.stderr.trim().split('\n')).toEqual([
    'heapgate: base profile: "good.count*.bench" is a glob, which heapgate expands on Node 22 or later; on this ' +
      'Node give the paths as one comma-separated argument (run1.pb.gz,run2.pb.gz)',
  ]);
  const list = run(['diff', 'good.count6.bench,good.count1.bench', 'regressed.count6.bench']);
  expect(list.code).toBe(1);
  expect(list.stdout).toMatch(/^heapgate: FAIL/);
  expect(list.stdout).toContain('base:    good.count6.bench good.count1.bench');
});

maybe('check with a quoted glob advises separate arguments', () => {
  const r = run(['check', 'good.count*.bench', '--store', join(ROOT, 'no-such-store'), '--series', 's']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('on this Node give the paths as separate arguments');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});
