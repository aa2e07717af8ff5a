/** Reading a profile file whole, for every door and the profile workers alike. */
import { UsageError } from '../core/errors.js';
import { readBounded } from './bounded-read.js';
import { describeFsError } from './fs-error.js';

/**
 * The message for a profile larger than the limit (`--max-profile-size`, Action input
 * `max-profile-size`); `size` undefined when the input is not a regular file (a pipe, a device).
 */
export function tooLarge(size: number | undefined, maxBytes: number): string {
  const held = size === undefined ? 'not a regular file, and' : `${size} bytes,`;
  return `${held} more than the limit of ${maxBytes} bytes (raise it with max-profile-size)`;
}

/**
 * The bytes of the profile at `path`, at most `maxBytes` of them: a regular file over it is refused
 * before reading, a pipe or a device once the cap is passed. Rejects with a UsageError saying why in
 * words ("no such file", "permission denied", too large); the caller adds which profile it was (see
 * withContext).
 */
export async function readProfileFile(path: string, maxBytes: number = Number.MAX_SAFE_INTEGER): Promise<Uint8Array> {
  let read;
  try {
    read = await readBounded(path, maxBytes);
  } catch (e) {
    throw new UsageError(describeFsError(e));
  }
  if (!read.ok) throw new UsageError(tooLarge(read.size, maxBytes));
  // A Buffer is a Uint8Array: returned as read, not copied (profiles can be tens of MB).
  return read.bytes;
}
