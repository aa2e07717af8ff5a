/** Reading a profile file whole, for every door and the profile workers alike. */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { describeFsError } from './fs-error.js';

/**
 * The bytes of the profile at `path`. Rejects with a UsageError saying why in words ("no such
 * file", "permission denied"); the caller adds which profile it was (see withContext).
 */
export async function readProfileFile(path: string): Promise<Uint8Array> {
  try {
    // A Buffer is a Uint8Array: returned as read, not copied (profiles can be tens of MB).
    return await readFile(path);
  } catch (e) {
    throw new UsageError(describeFsError(e));
  }
}
