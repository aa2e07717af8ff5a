/**
 * The package as a user gets it, offline and with an empty npm cache each time — so nothing can
 * come from the registry:
 * - `npm pack`, then `npm install -g` of the tarball into an empty prefix (what `npm install -g
 *   heapgate` will give once it is published);
 * - a git clone of this repository at HEAD, with the current dist/ committed on top, installed with
 *   `npm install -g git+file://…#SHA` and run with `npx --yes git+file://…#SHA` (what the reports'
 *   `npx --yes github:OWNER/REPO#REF check …` does today: npm packs the clone through "files").
 * Each installed `heapgate` compares the examples shipped in its own package. dist/ bundles every
 * runtime dependency: the package has none, and holds only what the CLI needs (not the Action's
 * bundle, not the screenshots).
 */
import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { assertDistCurrent, ROOT } from '../helpers/dist.js';
import { node20 } from '../helpers/node20.js';

const run = promisify(execFile);
let tmp: string;
let files: string[];
/** The prefix the tarball was installed into. */
let prefix: string;
/** The prefix the git clone was installed into. */
let gitPrefix: string;
/** `git+file://CLONE#SHA`: the clone with the current dist/ committed. */
let gitSpec: string;

interface PackResult {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

interface Failed {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** npm with its cache in `tmp/<cache>` (empty: an install that needed a package would have to fetch it). */
function npm(args: string[], cwd: string, cache: string) {
  return run('npm', args, {
    cwd,
    env: { ...process.env, npm_config_cache: join(tmp, cache), npm_config_update_notifier: 'false' },
    maxBuffer: 16 << 20,
  });
}

function git(args: string[], cwd: string) {
  return run('git', ['-c', 'user.name=heapgate test', '-c', 'user.email=test@example.com', ...args], { cwd });
}

/**
 * A clone of this repository at HEAD with the worktree's dist/ and package.json committed on top:
 * dist/ may be built but not committed yet, and npm installs a git dependency from its commit.
 */
async function cloneWithDist(): Promise<string> {
  const repo = join(tmp, 'repo');
  await run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, repo]);
  rmSync(join(repo, 'dist'), { recursive: true, force: true });
  cpSync(join(ROOT, 'dist'), join(repo, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(repo, 'package.json'));
  await git(['add', '--all', 'dist', 'package.json'], repo);
  await git(['commit', '--quiet', '--allow-empty', '--no-verify', '--no-gpg-sign', '-m', 'dist'], repo);
  const { stdout } = await git(['rev-parse', 'HEAD'], repo);
  return `git+${pathToFileURL(repo).href}#${stdout.trim()}`;
}

const NPM_INSTALL = ['--offline', '--no-audit', '--no-fund'];

beforeAll(async () => {
  assertDistCurrent();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-pack-'));
  const { stdout } = await npm(['pack', '--json', '--pack-destination', tmp], ROOT, 'cache-pack');
  const [packed] = JSON.parse(stdout) as PackResult[];
  files = packed!.files.map((f) => f.path).sort();
  prefix = join(tmp, 'prefix');
  await npm(['install', '-g', '--prefix', prefix, ...NPM_INSTALL, join(tmp, packed!.filename)], tmp, 'cache-tgz');
  gitSpec = await cloneWithDist();
  gitPrefix = join(tmp, 'git-prefix');
  await npm(['install', '-g', '--prefix', gitPrefix, ...NPM_INSTALL, gitSpec], tmp, 'cache-git');
}, 240_000);

afterAll(() => {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
});

/** The files below `dir`, relative to it, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** dist/cli.js and every bundle file it reaches through relative static and dynamic imports. */
function cliClosure(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"(\.\.?\/[^"]+)"/g)) {
      visit(relative(ROOT, join(ROOT, dirname(file), m[1]!)));
    }
  };
  visit('dist/cli.js');
  return [...seen].sort();
}

test('the tarball holds the CLI bundle, the examples, the docs, the README and the license, and nothing else', () => {
  expect(files).toContain('dist/cli.js');
  expect(files).toContain('LICENSE');
  expect(files).toContain('README.md');
  expect(files).toContain('docs/storage.md');
  expect(files).toContain('docs/report.schema.json');
  for (const example of ['regression/base.heap.pb.gz', 'no-change/current.allocs.pb.gz', 'README.md']) {
    expect(files).toContain(`examples/${example}`);
  }
  for (const f of files) {
    expect(f).toMatch(
      /^(dist\/cli\.js$|dist\/chunks\/[^/]+\.js$|docs\/[^/]+\.(md|json)$|examples\/|README\.md$|LICENSE$|package\.json$)/,
    );
  }
});

test("the tarball's bundles are exactly what dist/cli.js imports: no Action code, no screenshot", () => {
  expect(files.filter((f) => f.startsWith('dist/'))).toEqual(cliClosure());
  // The Action's bundle and its chunks (the artifact upload client among them) stay in the repository.
  expect(existsSync(join(ROOT, 'dist', 'index.js'))).toBe(true);
  const artifact = readdirSync(join(ROOT, 'dist', 'action')).filter((n) => n.startsWith('artifact-'));
  expect(artifact).toHaveLength(1);
  expect(files).not.toContain('dist/index.js');
  expect(files.filter((f) => f.startsWith('dist/action/') || f.includes('artifact-'))).toEqual([]);
  expect(existsSync(join(ROOT, 'docs', 'html-report.png'))).toBe(true);
  expect(files.filter((f) => /\.(png|jpe?g|gif|svg)$/.test(f))).toEqual([]);
});

test('the package declares no runtime dependencies and no script that makes npm prepare a git install', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    private?: boolean;
    dependencies?: unknown;
    engines?: unknown;
    scripts: Record<string, string>;
  };
  expect(pkg.private).toBeUndefined();
  expect(pkg.dependencies).toBeUndefined();
  expect(pkg.engines).toEqual({ node: '>=20' });
  // npm installs every devDependency of a git dependency (then packs it) when one of these exists:
  // `npx github:…` would download hundreds of MB, and an offline install would fail.
  for (const name of ['build', 'prepare', 'prepack', 'preinstall', 'install', 'postinstall']) {
    expect(pkg.scripts[name]).toBeUndefined();
  }
});

/** Runs an installed heapgate's diff on a pair of its own package's examples. */
async function diffExamples(bin: string, pkg: string, pair: 'regression' | 'no-change') {
  const [base, current] =
    pair === 'regression' ? ['base.heap.pb.gz', 'current.heap.pb.gz'] : ['base.allocs.pb.gz', 'current.allocs.pb.gz'];
  const examples = join(pkg, 'examples', pair);
  return run(bin, ['diff', join(examples, base), join(examples, current)], { cwd: tmp })
    .then((r) => ({ code: 0, ...r }))
    .catch((e: Failed) => e);
}

/** What an installed package must do: print its version, fail on the regression, not on the noise. */
async function expectWorkingCli(bin: string, pkg: string): Promise<void> {
  accessSync(bin, constants.X_OK);
  expect(existsSync(join(pkg, 'node_modules'))).toBe(false);
  const version = await run(bin, ['--version'], { cwd: tmp });
  const { version: expected } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(version.stdout).toBe(`heapgate ${expected}\n`);

  const diff = await diffExamples(bin, pkg, 'regression');
  expect(diff.code).toBe(1);
  expect(diff.stdout).toMatch(/^heapgate: FAIL/);
  expect(diff.stderr).toBe('');
  const same = await diffExamples(bin, pkg, 'no-change');
  expect(same.code).toBe(0);
  expect(same.stdout).toMatch(/^heapgate: (PASS|WARN|INCONCLUSIVE)/);
}

test('installed globally from the tarball: heapgate alone, and it compares its own examples', async () => {
  const modules = join(prefix, 'lib', 'node_modules');
  expect(readdirSync(modules)).toEqual(['heapgate']);
  await expectWorkingCli(join(prefix, 'bin', 'heapgate'), join(modules, 'heapgate'));
});

test('installed from a git commit: the same files as the tarball, and it compares its own examples', async () => {
  const pkg = join(gitPrefix, 'lib', 'node_modules', 'heapgate');
  // A real directory: npm links a git dependency it failed to prepare to a clone it then deletes.
  expect(statSync(pkg, { throwIfNoEntry: false })?.isDirectory()).toBe(true);
  expect(listFiles(pkg)).toEqual(files);
  await expectWorkingCli(join(gitPrefix, 'bin', 'heapgate'), pkg);
});

test("run with npx from a git commit, as the reports' reproduce command runs it", async () => {
  const clone = join(tmp, 'repo', 'examples', 'regression');
  const npx = await npm(
    [
      'exec',
      '--yes',
      ...NPM_INSTALL,
      gitSpec,
      '--',
      'diff',
      join(clone, 'base.heap.pb.gz'),
      join(clone, 'current.heap.pb.gz'),
    ],
    tmp,
    'cache-npx',
  )
    .then((r) => ({ code: 0, ...r }))
    .catch((e: Failed) => e);
  expect(npx.code).toBe(1);
  expect(npx.stdout).toMatch(/^heapgate: FAIL/);
}, 60_000);

test('engines says Node 20: the installed CLI runs there (when a Node 20 is on the PATH)', async () => {
  const node = node20();
  if (node === undefined) return;
  const cli = join(prefix, 'lib', 'node_modules', 'heapgate', 'dist', 'cli.js');
  const examples = join(ROOT, 'examples', 'regression');
  const diff = await run(node, [cli, 'diff', join(examples, 'base.heap.pb.gz'), join(examples, 'current.heap.pb.gz')])
    .then(() => ({ code: 0, stdout: '', stderr: '' }))
    .catch((e: Failed) => e);
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
