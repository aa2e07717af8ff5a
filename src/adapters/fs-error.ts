/** File-system errors in words, for one-line messages. */

import { firstLine } from '../core/error-text.js';

/** A one-line description of a file-system error: "no such file", "permission denied", ... */
export function describeFsError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a parent of the path is not a directory';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return typeof code === 'string' ? `cannot read (${code})` : `cannot read: ${firstLine(e)}`;
  }
}
