/**
 * Profile arguments of the CLI: a path, a quoted glob, or (for diff's BASE and CURRENT, which are
 * one argument each) a comma-separated list of them. Several files on one side are runs of the
 * same code, compared by their per-run means.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expandProfilePaths } from '../adapters/profile-paths.js';
import type { ProfileSide } from '../app/compare.js';
import type { ProfileRole } from '../ports.js';

/** True when `path` names an existing file (so a comma in its name is part of the name). */
async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Splits at the commas outside `{...}` (a glob's alternatives keep theirs). */
function splitList(arg: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(arg.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(arg.slice(start));
  return parts.filter((p) => p !== '');
}

/**
 * The paths and globs of one side's argument: the argument itself when it names a file, else its
 * comma-separated parts (commas inside a glob's `{a,b}` belong to the glob).
 */
export async function sidePatterns(arg: string, cwd: string): Promise<string[]> {
  if (!arg.includes(',') || (await isFile(resolve(cwd, arg)))) return [arg];
  return splitList(arg);
}

/** How diff's BASE and CURRENT take several files, for the advice when this Node cannot expand a glob. */
export const ONE_ARGUMENT_LIST = 'give the paths as one comma-separated argument (run1.pb.gz,run2.pb.gz)';

/**
 * The side named by `patterns` (paths and globs, each glob expanded): `label` names it in reports,
 * `what` in errors (e.g. `base profile`), `several` how this argument takes several files.
 */
export async function profileSide(
  patterns: readonly string[],
  role: ProfileRole,
  cwd: string,
  what: string,
  several?: string,
): Promise<ProfileSide> {
  const paths = await expandProfilePaths(patterns, cwd, what, several);
  return {
    label: patterns.join(' '),
    runs: paths.map((p) => ({ role, label: p, path: resolve(cwd, p) })),
  };
}
