/**
 * Profile paths as users give them: plain paths, and globs (`*`, `?`, `[...]`, `{a,b}`) that
 * heapgate expands itself (quoted in a shell, or in a workflow input). Several files on one side
 * are runs of the same code.
 */
import * as fs from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { MAX_RUNS, packRuns } from '../core/history/run-bundle.js';
import { readProfileFile } from './profile-file.js';

/** True when the text has glob syntax (`*`, `?`, `[...]`, `{a,b}`). */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

type GlobFunction = (
  pattern: string,
  options: { cwd: string; withFileTypes: true },
) => AsyncIterable<{ name: string; parentPath: string; isFile(): boolean }>;

/** node:fs/promises glob (Node 22 and later), or undefined on an older Node. */
function nodeGlob(): GlobFunction | undefined {
  const g = (fs as unknown as { glob?: GlobFunction }).glob;
  return typeof g === 'function' ? g : undefined;
}

/** How several files are given where a caller says nothing else: separate arguments. */
const SEVERAL_PATHS = 'give the paths as separate arguments';

/** The regular files `pattern` matches under `cwd`, relative to it, sorted. */
async function globFiles(pattern: string, cwd: string, what: string, several: string): Promise<string[]> {
  const glob = nodeGlob();
  if (glob === undefined) {
    throw new UsageError(
      `${what}: ${JSON.stringify(pattern)} is a glob, which heapgate expands on Node 22 or later; on this Node ` +
        `${several}`,
    );
  }
  const root = resolve(cwd);
  const matches: string[] = [];
  for await (const entry of glob(pattern, { cwd, withFileTypes: true })) {
    if (entry.isFile()) matches.push(resolve(entry.parentPath, entry.name).slice(root.length + 1) || entry.name);
  }
  return matches.sort();
}

/**
 * The files `patterns` name, in order (each glob's matches sorted), each once. A glob that matches
 * no file, and more than MAX_RUNS files, are UsageErrors naming `what` (e.g. `input profile`);
 * plain paths are returned as given (reading them reports a missing one). `several` says how the
 * caller takes several files, for the advice when this Node cannot expand a glob.
 */
export async function expandProfilePaths(
  patterns: readonly string[],
  cwd: string,
  what: string,
  several: string = SEVERAL_PATHS,
): Promise<string[]> {
  const out: string[] = [];
  for (const pattern of patterns) {
    if (!isGlob(pattern)) {
      out.push(pattern);
      continue;
    }
    const matches = await globFiles(pattern, cwd, what, several);
    if (matches.length === 0) throw new UsageError(`${what}: no file matches ${JSON.stringify(pattern)}`);
    out.push(...matches);
  }
  const unique = [...new Set(out)];
  if (unique.length > MAX_RUNS) {
    throw new UsageError(`${what}: ${unique.length} files; at most ${MAX_RUNS} runs per side are compared`);
  }
  return unique;
}

/**
 * The bytes of the files (paths relative to `cwd`), each at most `maxBytes`: one file's as they are,
 * several packed into one bundle of runs (core/history/run-bundle.ts) of at most `maxBytes` in all. A
 * file's error starts with `context(path)`, e.g. `input profile: reading a.pb.gz: `; the bundle's
 * size error with `what`.
 */
export async function readRunFiles(
  paths: readonly string[],
  cwd: string,
  maxBytes: number,
  what: string,
  context: (path: string) => string,
): Promise<Uint8Array> {
  const files = await Promise.all(
    paths.map((p) =>
      readProfileFile(resolve(cwd, p), maxBytes).catch((e: unknown) => {
        throw e instanceof UsageError ? new UsageError(`${context(p)}${e.message}`) : e;
      }),
    ),
  );
  if (files.length === 1) return files[0]!;
  const bytes = packRuns(files);
  if (bytes.length > maxBytes) {
    throw new UsageError(
      `${what}: the ${files.length} runs hold ${bytes.length} bytes together, more than the profile size limit ` +
        `(${maxBytes}); raise it (max-profile-size) or give fewer runs`,
    );
  }
  return bytes;
}
