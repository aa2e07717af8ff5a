/**
 * The bundled CLI for end-to-end tests: `npm run build` (the same build CI checks in) when
 * dist/cli.js is missing or older than a source file, or HEAPGATE_TEST_CLI to test another bundle.
 *
 * Jest runs test files in parallel processes; a lock directory makes one of them build while the
 * others wait, so no test runs a bundle that is being rewritten.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCK = join(tmpdir(), `heapgate-build-${ROOT.replace(/[^A-Za-z0-9]/g, '_')}.lock`);
const STALE_LOCK_MS = 120_000;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock<T>(fn: () => T): T {
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline || Date.now() - mtime(LOCK) > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function builtCli(): string {
  const given = process.env.HEAPGATE_TEST_CLI;
  if (given !== undefined && given !== '') return given;
  const cli = join(ROOT, 'dist', 'cli.js');
  withLock(() => {
    if (mtime(cli) > newestSource(join(ROOT, 'src'))) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stderr}${r.stdout}`);
  });
  return cli;
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
