/**
 * A profile's source file → the path of that file in the checkout, for annotations on the lines
 * that grew. Go records absolute build paths (`/home/runner/work/app/app/cache/cache.go`) or, built
 * with -trimpath, module paths (`github.com/acme/app/cache/cache.go`); Node records `file://` URLs.
 * Pure: the candidate is checked against the files that exist by the adapter
 * (adapters/source-files.ts); a file that maps to nothing is shown as it is and never annotated.
 */

/** Where the checkout is and which Go modules it holds (go.mod at its root). */
export interface SourceRoots {
  /** The checkout's absolute path. */
  readonly workspace: string;
  /** Module paths whose files are at the checkout's root (`module` of ./go.mod). */
  readonly modules?: readonly string[];
}

/** A relative path that stays inside the checkout: no empty, `.` or `..` segment, no backslash or control character. */
function safeRelative(path: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (path === '' || path.length > 4096 || /[\\\u0000-\u001f\u007f]/.test(path)) return null;
  const parts = path.split('/');
  return parts.some((p) => p === '' || p === '.' || p === '..') ? null : path;
}

/** The path a `file://` URL names, decoded; the file as it is when it is no such URL; null when it does not decode. */
export function filePath(file: string): string | null {
  if (!file.startsWith('file://')) return file;
  try {
    return decodeURIComponent(new URL(file).pathname);
  } catch {
    return null;
  }
}

/** The path relative to the checkout that `file` (as a profile records it) would be; null when none. */
export function checkoutPath(file: string, roots: SourceRoots): string | null {
  const path = filePath(file);
  if (path === null) return null;
  const workspace = roots.workspace.replace(/\/+$/, '');
  if (workspace !== '' && path.startsWith(`${workspace}/`)) return safeRelative(path.slice(workspace.length + 1));
  for (const m of roots.modules ?? []) {
    if (path.startsWith(`${m}/`)) return safeRelative(path.slice(m.length + 1));
  }
  return null;
}
