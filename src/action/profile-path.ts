/** The `profile` input on disk: paths and globs, one file or several runs of the same code. */
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { expandProfilePaths, readRunFiles } from '../adapters/profile-paths.js';

/** This run's profile input, read. */
export interface RunProfiles {
  /** The input's paths and globs, one per line, as given (for messages and the reproduce command). */
  readonly patterns: readonly string[];
  /** The files they name, relative to the workspace. */
  readonly paths: readonly string[];
  /** One file's bytes as they are, or several runs packed into a bundle (see core/history/run-bundle.ts). */
  readonly bytes: Uint8Array;
}

/** The input's lines: each a path or a glob. */
export function profilePatterns(input: string): string[] {
  return input
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * Reads the profiles the `profile` input names, each at most `maxBytes`: one file, or several (a
 * glob matching several, or several lines), which are runs of the same code and are packed into one
 * bundle of at most `maxBytes` in all. A glob matching nothing is a UsageError.
 */
export async function readRunProfiles(input: string, cwd: string, maxBytes: number): Promise<RunProfiles> {
  const patterns = profilePatterns(input);
  const paths = await expandProfilePaths(patterns, cwd, 'input profile');
  return {
    patterns,
    paths,
    bytes: await readRunFiles(paths, cwd, maxBytes, 'input profile', (p) => `input profile: reading ${p}: `),
  };
}

/**
 * How reports name the profile: relative to the repository checkout (`cwd`, the workspace) so a
 * "reproduce locally" command works in a clone; a file outside it (e.g. in RUNNER_TEMP) by its
 * name alone, since the runner's absolute path means nothing on a laptop.
 */
export function repositoryPath(path: string, cwd: string): string {
  const rel = relative(resolve(cwd), resolve(cwd, path));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return basename(path);
  return rel.split(sep).join('/');
}

/** How reports name the input: its one file, or its patterns (each relative to the checkout). */
export function runProfilesLabel(profiles: RunProfiles, cwd: string): readonly string[] {
  if (profiles.paths.length === 1) return [repositoryPath(profiles.paths[0]!, cwd)];
  return profiles.patterns.map((p) => repositoryPath(p, cwd));
}
