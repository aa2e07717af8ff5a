/** The `profile` input on disk: a path, or a glob that must match exactly one file. */
import { glob } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';

/** True when the input has glob syntax (`*`, `?`, `[...]`, `{a,b}`). */
function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * The one file `pattern` names, relative to `cwd`. A plain path is returned as given; a glob must
 * match exactly one file (UsageError listing the matches otherwise, so several profiles never pass
 * silently as one).
 */
export async function resolveProfilePath(pattern: string, cwd: string): Promise<string> {
  if (!isGlob(pattern)) return pattern;
  const matches: string[] = [];
  for await (const entry of glob(pattern, { cwd, withFileTypes: true })) {
    if (entry.isFile())
      matches.push(resolve(entry.parentPath, entry.name).slice(resolve(cwd).length + 1) || entry.name);
  }
  matches.sort();
  if (matches.length === 0) throw new UsageError(`input profile: no file matches ${JSON.stringify(pattern)}`);
  if (matches.length > 1) {
    const shown = matches.slice(0, 5).join(', ');
    throw new UsageError(
      `input profile: ${JSON.stringify(pattern)} matches ${matches.length} files ` +
        `(${shown}${matches.length > 5 ? ', ...' : ''}); give a path or glob that matches one, and a series per ` +
        `profile`,
    );
  }
  return matches[0]!;
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
