/**
 * The culprit is the user's own code, through the bundled CLI: on workloads/catalog (a Go module of
 * its own, example.com/catalog, built with and without -trimpath: __tests__/fixtures/own) and on the
 * heapload patterns, the headline and the JSON report's `own` name the deepest own-code function,
 * with the library leaf it allocated through; --module and --own-code change what is own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../core/render/json-schema.js';
import { builtCli, ROOT, runCli } from '../helpers/dist.js';
import { readFileSync } from 'node:fs';
import { goPackage } from '../../src/core/profile/own-code.js';

const CATALOG = join(ROOT, 'workloads/catalog');
const OWN = join(ROOT, '__tests__/fixtures/own');
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8'));
let cli: string;
let elsewhere: string;

beforeAll(() => {
  cli = builtCli();
  elsewhere = mkdtempSync(join(tmpdir(), 'heapgate-own-'));
});
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document whose shape the assertions check
type Json = any;

function diff(cwd: string, base: string, current: string, extra: string[] = []) {
  const r = runCli(cli, ['diff', base, current, ...extra], cwd);
  return { ...r, headline: r.stdout.split('\n')[0] ?? '' };
}

function json(cwd: string, base: string, current: string, extra: string[] = []): { code: number | null; report: Json } {
  const r = runCli(cli, ['diff', base, current, '--format', 'json', ...extra], cwd);
  const report = JSON.parse(r.stdout);
  expect(validate(report, schema)).toEqual([]);
  return { code: r.code, report };
}

describe.each(['trimpath', 'abspath'])('a module of its own, built %s', (build) => {
  const good = join(OWN, build, 'good.heap.pb.gz');
  const regressed = join(OWN, build, 'regressed.heap.pb.gz');

  test("the headline names the module's function, never a standard-library leaf", () => {
    const r = diff(CATALOG, good, regressed);
    expect(r.code).toBe(1);
    expect(r.headline).toMatch(/^heapgate: FAIL .* — example\.com\/catalog\.\S+ \+/);
  });

  test('own rows: (*Cache).Put grew, through container/list, and every own row is the module or main', () => {
    const { report } = json(CATALOG, good, regressed);
    const rows: Json[] = report.own.inuse_space;
    const put = rows.find((r) => r.name === 'example.com/catalog.(*Cache).Put');
    expect(put.flatDelta).toBeGreaterThan(1 << 20);
    expect(put.leaf.name).toBe('container/list.(*List).insertValue');
    for (const r of rows) expect(['main', 'example.com/catalog']).toContain(goPackage(r.name));
    // An own function's part holds its own flat and what library code allocated under it.
    const flat = report.functions.inuse_space.find((f: Json) => f.name === put.name);
    expect(put.flatDelta).toBeGreaterThan(flat.flatDelta);
    expect(put.flatDelta).toBeLessThanOrEqual(flat.cumDelta);
  });

  test('without a go.mod, dotted package paths are taken as own: the same culprit', () => {
    const here = diff(CATALOG, good, regressed).headline;
    expect(diff(elsewhere, good, regressed).headline).toBe(here);
  });

  test('a second run of the same code passes', () => {
    expect(diff(CATALOG, good, join(OWN, build, 'good-rerun.heap.pb.gz')).code).toBe(0);
  });
});

describe('what is own can be said', () => {
  const good = join(OWN, 'trimpath/good.heap.pb.gz');
  const regressed = join(OWN, 'trimpath/regressed.heap.pb.gz');

  test('--module of another module: only package main is own', () => {
    const { report } = json(CATALOG, good, regressed, ['--module', 'example.org/other']);
    for (const type of Object.keys(report.own))
      for (const r of report.own[type]) expect(goPackage(r.name)).toBe('main');
  });

  test('--own-code decides alone', () => {
    // The cache allocates as many list elements either way (it evicts them, or keeps them): judge what is in use.
    const r = diff(CATALOG, good, regressed, ['--own-code', '^container/list\\.', '--rules', 'alloc_space off']);
    expect(r.headline).toMatch(/ — container\/list\.\S+ \+/);
  });

  test('a bad --own-code or --module is a one-line usage error', () => {
    for (const extra of [
      ['--own-code', '('],
      ['--module', 'not a module'],
    ]) {
      const r = diff(CATALOG, good, regressed, extra);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^heapgate: --(own-code|module)/);
    }
  });
});

describe('the heapload patterns at MemProfileRate 1: the headline names the main package', () => {
  test.each([
    ['builder', 'allocs'],
    ['pool', 'heap'],
    ['convert', 'allocs'],
    ['cache', 'heap'],
    ['append', 'allocs'],
    ['map', 'allocs'],
  ])('%s (%s)', (pattern, kind) => {
    const dir = join(ROOT, '__tests__/fixtures/go', pattern);
    const r = diff(ROOT, join(dir, `good.rate1.${kind}.pb.gz`), join(dir, `regressed.rate1.${kind}.pb.gz`));
    expect(r.code).toBe(1);
    expect(r.headline).toMatch(/ — main\.\S+ [+-]/);
  });
});
