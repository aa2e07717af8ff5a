/**
 * How many bytes of protobuf a profile file holds once decompressed, estimated cheaply (two small
 * reads), to decide whether decoding it on a worker thread pays for the worker's start-up.
 */
import { open, stat } from 'node:fs/promises';
import type { ProfileSource } from '../ports.js';

/**
 * The decompressed size of a profile from its size, first two bytes and last four: for gzip (1f 8b)
 * the trailer's ISIZE (the input length mod 2^32), never less than the compressed size; otherwise the
 * size itself.
 */
export function estimateDecodedSize(size: number, head: Uint8Array, tail: Uint8Array): number {
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (!gzip || tail.length < 4 || size < 18) return size;
  const isize =
    (tail[tail.length - 4]! | (tail[tail.length - 3]! << 8) | (tail[tail.length - 2]! << 16)) +
    tail[tail.length - 1]! * 2 ** 24;
  return Math.max(size, isize);
}

/**
 * estimateDecodedSize of a source; 0 when a file cannot be examined (reading it later says why) or
 * is not a regular file (a pipe is opened once, by the reader, so its bytes are not lost).
 */
export async function decodedSizeOf(source: ProfileSource): Promise<number> {
  if ('bytes' in source) {
    const b = source.bytes;
    return estimateDecodedSize(b.length, b.subarray(0, 2), b.subarray(Math.max(0, b.length - 4)));
  }
  let file;
  try {
    if (!(await stat(source.path)).isFile()) return 0;
    file = await open(source.path, 'r');
    const { size } = await file.stat();
    const head = new Uint8Array(2);
    const tail = new Uint8Array(4);
    await file.read(head, 0, 2, 0);
    if (size >= 4) await file.read(tail, 0, 4, size - 4);
    return estimateDecodedSize(size, head, tail);
  } catch {
    return 0;
  } finally {
    await file?.close();
  }
}
