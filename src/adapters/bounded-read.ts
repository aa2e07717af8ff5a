/**
 * Reading a whole file with a cap on the bytes read, not on what `stat` says: a FIFO, a device
 * (`/dev/zero`) or a file that grows while it is read stops at the cap like a large regular file.
 */
import { open } from 'node:fs/promises';

/** Read this much at a time from a file whose size `stat` cannot tell. */
const CHUNK = 1 << 20;

/** What readBounded found: the bytes, or that there were more than the cap. */
export type BoundedRead =
  { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly size: number | undefined };

/**
 * The bytes of `path`, at most `maxBytes` of them. A regular file larger than the cap is refused
 * before a byte is read (`size` its length); anything else is read in chunks and refused once one
 * byte more than the cap has arrived (`size` undefined: not known). Rejects with the file system's
 * error (ENOENT, EACCES, EISDIR, ...) for the caller to put in words.
 */
export async function readBounded(path: string, maxBytes: number): Promise<BoundedRead> {
  const file = await open(path, 'r');
  try {
    const st = await file.stat();
    if (st.isFile() && st.size > maxBytes) return { ok: false, size: st.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the cap is enough to know the file is over it.
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await file.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, size: st.isFile() ? Math.max(total, st.size) : undefined };
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } finally {
    await file.close();
  }
}
