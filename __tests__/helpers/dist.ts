/**
 * The committed bundles for end-to-end tests: dist/cli.js and dist/index.js exactly as `npm run bundle`
 * wrote them, or HEAPGATE_TEST_CLI / HEAPGATE_TEST_ACTION to test other bundles.
 *
 * Tests never build into dist/: the bundles are checked in, and a test run that rewrote them would
 * leave the tree different from what was tested. When dist/ no longer matches src/ the tests that
 * run it fail at once, instead of exercising an old bundle.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The check's outcome, once per test file: '' when dist/ is current, else the error message. */
let distProblem: string | undefined;

/**
 * Throws a one-line error when the committed dist/ differs from a fresh build of src/. The check is
 * `npm run check-dist` (it builds into a temporary directory): file times cannot tell, since a
 * checkout writes src/ and dist/ in no particular order.
 */
export function assertDistCurrent(): void {
  distProblem ??= checkDist();
  if (distProblem !== '') throw new Error(distProblem);
}

function checkDist(): string {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) return '';
  // The check's own one line: "dist/ is stale (<files>): run `npm run bundle` and commit dist/".
  const line = `${r.stderr}${r.stdout}`.trim().split('\n')[0] ?? '';
  if (line.startsWith('dist/ is stale')) return line;
  return `checking dist/ against src/ (npm run check-dist) failed: ${line || `exit ${r.status}`}`;
}

/** The CLI bundle to run: HEAPGATE_TEST_CLI, else the committed dist/cli.js once it matches src/. */
export function builtCli(): string {
  const given = process.env.HEAPGATE_TEST_CLI;
  if (given !== undefined && given !== '') return given;
  assertDistCurrent();
  return join(ROOT, 'dist', 'cli.js');
}

/**
 * The bundled file a profile worker runs: the chunk of the built CLI that holds
 * src/adapters/profile-worker.ts (code splitting puts it in a shared chunk, found by its
 * workerData key).
 */
export function builtProfileWorker(): string {
  const chunks = join(dirname(builtCli()), 'chunks');
  const hits = readdirSync(chunks)
    .map((name) => join(chunks, name))
    .filter((file) => readFileSync(file, 'utf8').includes('heapgateProfileJob'));
  if (hits.length !== 1) throw new Error(`expected one bundled chunk holding the profile worker, found ${hits.length}`);
  return hits[0]!;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <cli> ...args` in `cwd` with a clean colour environment. */
export function runCli(cli: string, args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
