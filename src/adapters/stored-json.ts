/** Parsing the JSON a baseline store read back (pointer, metadata), in the stores' common message form. */
import { StoreError } from '../core/errors.js';

/**
 * `parse` applied to `bytes` as UTF-8. Its error (core/history/baseline.ts parsers throw plain Errors)
 * comes back as a StoreError `reading <where>: <message>`, `where` naming the file or object.
 */
export function parseStored<T>(parse: (text: string) => T, bytes: Buffer, where: string): T {
  try {
    return parse(bytes.toString('utf8'));
  } catch (err) {
    throw new StoreError(`reading ${where}: ${(err as Error).message}`);
  }
}
