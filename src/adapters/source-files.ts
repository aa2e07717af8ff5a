/**
 * Which source files of a profile are files of the checkout (core/profile/source-path.ts maps the
 * path; this checks it): a regular file, reached without leaving the workspace through a link.
 * Nothing is read from the files.
 */
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkoutPath, type SourceRoots } from '../core/profile/source-path.js';
import type { SourceLocator } from '../ports.js';

/** A SourceLocator over the checkout at `roots.workspace`. */
export function createSourceLocator(roots: SourceRoots): SourceLocator {
  let root: Promise<string | null> | undefined;
  const known = new Map<string, Promise<string | null>>();
  const check = async (file: string): Promise<string | null> => {
    const relative = checkoutPath(file, roots);
    if (relative === null) return null;
    root ??= realpath(roots.workspace).catch(() => null);
    const base = await root;
    if (base === null) return null;
    try {
      const real = await realpath(join(base, relative));
      if (!real.startsWith(`${base}/`) || !(await stat(real)).isFile()) return null;
      return real.slice(base.length + 1);
    } catch {
      return null;
    }
  };
  return (file) => {
    let found = known.get(file);
    if (found === undefined) {
      found = check(file);
      known.set(file, found);
    }
    return found;
  };
}
