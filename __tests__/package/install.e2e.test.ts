/**
 * The published package as a user gets it: `npm pack`, then `npm install -g` of the tarball into an
 * empty prefix with `--offline` and an empty npm cache — so nothing can come from the registry — and
 * the installed `heapgate` compares the examples. dist/ bundles every runtime dependency: the
 * package has none, and the tarball holds only what users need.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { assertDistCurrent, ROOT } from '../helpers/dist.js';

const run = promisify(execFile);
let tmp: string;
let tarball: string;
let files: string[];
let prefix: string;

interface PackResult {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/** npm with its cache in `tmp` (empty: an install that needed a package would have to fetch it). */
function npm(args: string[], cwd: string) {
  return run('npm', args, {
    cwd,
    env: { ...process.env, npm_config_cache: join(tmp, 'cache'), npm_config_update_notifier: 'false' },
    maxBuffer: 16 << 20,
  });
}

beforeAll(async () => {
  assertDistCurrent();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-pack-'));
  const { stdout } = await npm(['pack', '--json', '--pack-destination', tmp], ROOT);
  const [packed] = JSON.parse(stdout) as PackResult[];
  tarball = join(tmp, packed!.filename);
  files = packed!.files.map((f) => f.path).sort();
  prefix = join(tmp, 'prefix');
  await npm(['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], tmp);
}, 180_000);

afterAll(() => {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds dist, docs, the README, the license and package.json, and no tests or sources', () => {
  expect(files).toContain('dist/cli.js');
  expect(files).toContain('dist/index.js');
  expect(files).toContain('LICENSE');
  expect(files).toContain('README.md');
  expect(files).toContain('docs/storage.md');
  for (const f of files) expect(f).toMatch(/^(dist\/|docs\/|README\.md$|LICENSE$|package\.json$)/);
});

test('the package is publishable and declares no runtime dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  expect(pkg.private).toBeUndefined();
  expect(pkg.dependencies).toBeUndefined();
  expect(pkg.engines).toEqual({ node: '>=20' });
});

test('installed globally from the tarball: heapgate alone, and it compares the examples', async () => {
  const modules = join(prefix, 'lib', 'node_modules');
  expect(readdirSync(modules)).toEqual(['heapgate']);
  expect(existsSync(join(modules, 'heapgate', 'node_modules'))).toBe(false);
  const bin = join(prefix, 'bin', 'heapgate');
  accessSync(bin, constants.X_OK);

  const version = await run(bin, ['--version'], { cwd: tmp });
  const { version: expected } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(version.stdout).toBe(`heapgate ${expected}\n`);

  const examples = join(ROOT, 'examples');
  const diff = await run(bin, [
    'diff',
    join(examples, 'regression', 'base.heap.pb.gz'),
    join(examples, 'regression', 'current.heap.pb.gz'),
  ]).catch((e: { code: number; stdout: string; stderr: string }) => e);
  expect('code' in diff ? diff.code : 0).toBe(1);
  expect(diff.stdout).toMatch(/^heapgate: FAIL/);
  expect(diff.stderr).toBe('');

  const same = await run(bin, [
    'diff',
    join(examples, 'no-change', 'base.allocs.pb.gz'),
    join(examples, 'no-change', 'current.allocs.pb.gz'),
  ]);
  expect(same.stdout).toMatch(/^heapgate: (PASS|WARN)/);
});

/** A Node 20 on the PATH (CI machines have one besides Node 24), or undefined. */
async function node20(): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const v = await run(candidate, ['--version']).catch(() => undefined);
    if (v?.stdout.startsWith('v20.')) return candidate;
  }
  return undefined;
}

test('engines says Node 20: the installed CLI runs there (when a Node 20 is on the PATH)', async () => {
  const node = await node20();
  if (node === undefined) return;
  const cli = join(prefix, 'lib', 'node_modules', 'heapgate', 'dist', 'cli.js');
  const examples = join(ROOT, 'examples', 'regression');
  const diff = await run(node, [cli, 'diff', join(examples, 'base.heap.pb.gz'), join(examples, 'current.heap.pb.gz')])
    .then(() => ({ code: 0, stdout: '', stderr: '' }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);
  expect(diff.code).toBe(1);
  expect(diff.stdout).toMatch(/^heapgate: FAIL/);
  expect(diff.stderr).toBe('');
  // The Cloud Storage client needs Node 22: a gs:// store says so instead of failing obscurely.
  const gs = await run(node, [cli, 'baseline', 'history', '--store', 'gs://bucket/p', '--series', 'a', '--branch', 'm'])
    .then(() => ({ code: 0, stderr: '' }))
    .catch((e: { code: number; stderr: string }) => e);
  expect(gs.code).toBe(3);
  expect(gs.stderr).toMatch(/^heapgate: gs:\/\/bucket needs Node 22 or newer/);
});
