/**
 * The record directory (RecordDirectory): `<dir>/<series>.manifest.json` and `<dir>/<series>.profile`.
 * File names come from the series (validated by the caller: letters, digits, `.`, `_`, `-`, so no
 * separator), never from the directory's content, which a report run reads as hostile: only those
 * two names are opened, without following links, and a file over its cap is refused after fstat,
 * before a byte is read.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { validateSeries } from '../core/history/baseline.js';
import { UsageError } from '../core/errors.js';
import type { RecordDirectory, RecordFiles } from '../ports.js';
import { describeFsError } from './fs-error.js';

/** The two file names of a series' record. */
export function recordFileNames(series: string): { readonly manifest: string; readonly profile: string } {
  validateSeries(series);
  return { manifest: `${series}.manifest.json`, profile: `${series}.profile` };
}

function describe(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  // O_NOFOLLOW on a symbolic link fails with ELOOP.
  if (code === 'ELOOP') return 'is a symbolic link, not a file';
  return describeFsError(e);
}

/** The bytes of `file`: a regular file of at most `max` bytes, opened without following a link. */
async function readCapped(file: string, name: string, max: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    throw new UsageError(`record ${name}: ${describe(e)}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UsageError(`record ${name}: not a regular file`);
    if (stat.size > max) throw new UsageError(`record ${name}: ${stat.size} bytes, more than the limit of ${max}`);
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // A file that changed size while being read is not the file that was checked.
    if (at !== stat.size || (await handle.stat()).size !== stat.size)
      throw new UsageError(`record ${name}: changed while being read`);
    return bytes;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`record ${name}: ${describe(e)}`);
  } finally {
    await handle.close();
  }
}

/** The record directory at `dir` (relative paths from `cwd`). */
export function openRecordDirectory(dir: string, cwd: string): RecordDirectory {
  const root = path.resolve(cwd, dir);
  return {
    location: dir,
    async write(series: string, files: RecordFiles): Promise<void> {
      const names = recordFileNames(series);
      try {
        await fs.mkdir(root, { recursive: true });
        await fs.writeFile(path.join(root, names.profile), files.profile);
        await fs.writeFile(path.join(root, names.manifest), files.manifest);
      } catch (e) {
        throw new UsageError(
          `input record: writing ${dir}: ${describeFsError(e).replace(/^cannot read/, 'cannot write')}`,
        );
      }
    },
    async read(series, caps): Promise<RecordFiles> {
      const names = recordFileNames(series);
      const manifest = await readCapped(path.join(root, names.manifest), names.manifest, caps.maxManifestBytes);
      const text = new TextDecoder('utf-8', { fatal: true });
      let manifestText: string;
      try {
        manifestText = text.decode(manifest);
      } catch {
        throw new UsageError(`record ${names.manifest}: not UTF-8 text`);
      }
      const profile = await readCapped(path.join(root, names.profile), names.profile, caps.maxProfileBytes);
      return { manifest: manifestText, profile };
    },
  };
}
