/**
 * Chooses a baseline store from its `--store` value: `gs://bucket/prefix` for Cloud Storage, a
 * `file://` URL or a path (relative to the working directory) for a directory. The GCS adapter and
 * its client library are imported only when a gs:// store is opened.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../core/errors.js';
import type { BaselineStore } from '../ports.js';

export type StoreLocation =
  | { readonly kind: 'gcs'; readonly bucket: string; readonly prefix: string }
  | { readonly kind: 'dir'; readonly root: string };

/** GCS bucket names: 3-63 of [a-z0-9._-], starting and ending with a letter or digit. */
const BUCKET_RE = /^[a-z0-9](?:[a-z0-9._-]{1,61})[a-z0-9]$/;

const ALLOWED = 'expected gs://bucket/prefix, a file:// URL or a directory path';

/** Parses a `--store` value; throws a UsageError naming what is allowed. */
export function parseStoreUrl(spec: string, cwd: string): StoreLocation {
  if (spec.trim() === '') throw new UsageError(`invalid --store "": ${ALLOWED}`);
  if (/^gs:\/\//i.test(spec)) {
    const rest = spec.slice('gs://'.length);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const prefix = slash < 0 ? '' : rest.slice(slash + 1).replace(/^\/+|\/+$/g, '');
    if (!BUCKET_RE.test(bucket)) {
      throw new UsageError(
        `invalid --store ${JSON.stringify(spec)}: ${JSON.stringify(bucket)} is not a valid bucket name`,
      );
    }
    if (prefix !== '' && prefix.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) {
      throw new UsageError(`invalid --store ${JSON.stringify(spec)}: the prefix has an empty, '.' or '..' segment`);
    }
    return { kind: 'gcs', bucket, prefix };
  }
  if (/^file:/i.test(spec)) {
    try {
      return { kind: 'dir', root: fileURLToPath(spec) };
    } catch {
      throw new UsageError(`invalid --store ${JSON.stringify(spec)}: not a local file:// URL`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new UsageError(`invalid --store ${JSON.stringify(spec)}: ${ALLOWED}`);
  }
  return { kind: 'dir', root: path.resolve(cwd, spec) };
}

export interface OpenStoreOptions {
  readonly cwd: string;
  /** How many previous baselines a pointer keeps (default DEFAULT_HISTORY_LIMIT). */
  readonly historyLimit?: number;
}

/** Opens the store a `--store` value names. */
export async function openStore(spec: string, options: OpenStoreOptions): Promise<BaselineStore> {
  const location = parseStoreUrl(spec, options.cwd);
  const extra = options.historyLimit !== undefined ? { historyLimit: options.historyLimit } : {};
  if (location.kind === 'gcs') {
    const { openGcsStore } = await import('./gcs-store.js');
    return openGcsStore(location.bucket, location.prefix, {}, extra);
  }
  const { DirBaselineStore } = await import('./dir-store.js');
  return new DirBaselineStore({ root: location.root, ...extra });
}
