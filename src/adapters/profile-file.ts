/** Reading a profile file whole, for every door and the profile workers alike. */
import { open } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { describeFsError } from './fs-error.js';

/** The message for a profile larger than the limit (`--max-profile-size`, Action input `max-profile-size`). */
export function tooLarge(size: number, maxBytes: number): string {
  return `${size} bytes, more than the limit of ${maxBytes} bytes (raise it with max-profile-size)`;
}

/**
 * The bytes of the profile at `path`, refused before reading when the file holds more than
 * `maxBytes`. Rejects with a UsageError saying why in words ("no such file", "permission denied",
 * too large); the caller adds which profile it was (see withContext).
 */
export async function readProfileFile(path: string, maxBytes: number = Number.MAX_SAFE_INTEGER): Promise<Uint8Array> {
  let file;
  try {
    file = await open(path, 'r');
    const { size } = await file.stat();
    if (size > maxBytes) throw new UsageError(tooLarge(size, maxBytes));
    // A Buffer is a Uint8Array: returned as read, not copied (profiles can be tens of MB).
    return await file.readFile();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(describeFsError(e));
  } finally {
    await file?.close();
  }
}
