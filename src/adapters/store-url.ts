/**
 * Chooses a baseline store from its `--store` value: `gs://bucket/prefix` for Cloud Storage,
 * `branch:NAME` for a branch of the GitHub repository, a `file://` URL or a path (relative to the
 * working directory) for a directory. The GCS and GitHub adapters and their client libraries are
 * imported only when such a store is opened.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneLine } from '../core/error-text.js';
import { StoreError, UsageError } from '../core/errors.js';
import type { BaselineStore } from '../ports.js';

export type StoreLocation =
  | { readonly kind: 'gcs'; readonly bucket: string; readonly prefix: string }
  | { readonly kind: 'dir'; readonly root: string }
  | { readonly kind: 'branch'; readonly branch: string };

/** GCS bucket names: 3-63 of [a-z0-9._-], starting and ending with a letter or digit. */
const BUCKET_RE = /^[a-z0-9](?:[a-z0-9._-]{1,61})[a-z0-9]$/;

/** The forms a `--store` value may take, quoted in every store usage error. */
export const STORE_FORMS =
  'gs://BUCKET/PREFIX, branch:NAME, file:///ABSOLUTE/DIR, or a directory path such as ./baselines';

/**
 * A git branch name heapgate accepts for `branch:NAME`: letters, digits, '.', '_', '-' and '/'
 * between segments, within git's ref rules (no segment starting with '.' or '-' or ending with
 * '.lock', no '..', no empty segment).
 */
function validBranchName(name: string): boolean {
  return (
    /^[A-Za-z0-9._/-]{1,200}$/.test(name) &&
    !name.includes('..') &&
    !name.endsWith('.') &&
    name.split('/').every((seg) => seg !== '' && !seg.startsWith('.') && !seg.startsWith('-') && !seg.endsWith('.lock'))
  );
}

function invalid(spec: string, why: string): UsageError {
  return new UsageError(`invalid --store ${JSON.stringify(spec)}: ${why}; accepted forms: ${STORE_FORMS}`);
}

/**
 * Parses a `--store` value; throws a UsageError naming what is allowed. Anything that looks like a
 * URL but is not one of the accepted forms (`gs:/x`, `gs:bucket`, `gcs://`, `s3://`) is an error,
 * never a directory of that name: a mistyped bucket must not quietly become a fresh local store.
 * A directory whose name holds a colon is written `./name:with:colons`.
 */
export function parseStoreUrl(spec: string, cwd: string): StoreLocation {
  if (spec.trim() === '') throw invalid(spec, 'empty');
  if (/^gs:\/\//i.test(spec)) {
    const rest = spec.slice('gs://'.length);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const prefix = slash < 0 ? '' : rest.slice(slash + 1).replace(/^\/+|\/+$/g, '');
    if (bucket === '') throw invalid(spec, 'the bucket name is empty');
    if (!BUCKET_RE.test(bucket)) throw invalid(spec, `${JSON.stringify(bucket)} is not a valid bucket name`);
    if (prefix !== '' && prefix.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) {
      throw invalid(spec, "the prefix has an empty, '.' or '..' segment");
    }
    return { kind: 'gcs', bucket, prefix };
  }
  if (/^branch:/i.test(spec)) {
    const branch = spec.slice('branch:'.length);
    if (!validBranchName(branch)) {
      throw invalid(
        spec,
        `${JSON.stringify(branch)} is not a branch name heapgate accepts (letters, digits, '.', '_', '-', '/')`,
      );
    }
    return { kind: 'branch', branch };
  }
  if (/^file:/i.test(spec)) {
    try {
      return { kind: 'dir', root: fileURLToPath(spec) };
    } catch {
      throw invalid(spec, 'not a local file:// URL');
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(spec)?.[1];
  if (scheme !== undefined) {
    const hint = /^(gs|gcs)$/i.test(scheme) ? 'a Cloud Storage store is written gs://BUCKET/PREFIX' : 'unknown scheme';
    throw invalid(spec, `${hint} (${scheme}:)`);
  }
  return { kind: 'dir', root: path.resolve(cwd, spec) };
}

export interface OpenStoreOptions {
  readonly cwd: string;
  /**
   * `read`: a directory store must exist (a missing one is an error, not an empty store). `write`:
   * it may be created, but only directly below an existing directory.
   */
  readonly access: 'read' | 'write';
  /** How many previous baselines a pointer keeps (default DEFAULT_HISTORY_LIMIT). */
  readonly historyLimit?: number;
  /** Profiles a branch: store keeps per series and branch (default DEFAULT_KEEP_PROFILES). */
  readonly keepProfiles?: number;
  /** Needed by branch: stores only. */
  readonly github?: GitHubAccess;
}

/** The repository and token a `branch:` store needs. */
export interface GitHubAccess {
  /** Undefined or empty: none given (an error when a branch: store is opened). */
  readonly token: string | undefined;
  /** owner/name; undefined: none given. */
  readonly repository: string | undefined;
  /** How the caller names where the token and repository come from, for the error when one is missing. */
  readonly hint: string;
  /** The REST API's base URL; default GITHUB_API_URL of the process, else https://api.github.com. */
  readonly baseUrl?: string;
}

const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** Opens the store a `--store` value names. */
export async function openStore(spec: string, options: OpenStoreOptions): Promise<BaselineStore> {
  const location = parseStoreUrl(spec, options.cwd);
  const extra = options.historyLimit !== undefined ? { historyLimit: options.historyLimit } : {};
  if (location.kind === 'branch') {
    const { token, repository, hint, baseUrl } = options.github ?? {
      token: undefined,
      repository: undefined,
      hint: '',
    };
    if (token === undefined || token === '') {
      throw new UsageError(`store branch:${location.branch} needs a GitHub token${hint ? `: ${hint}` : ''}`);
    }
    if (repository === undefined || !REPOSITORY_RE.test(repository)) {
      throw new UsageError(
        `store branch:${location.branch} needs the repository as owner/name` +
          `${repository ? `, not ${JSON.stringify(repository)}` : ''}${hint ? `: ${hint}` : ''}`,
      );
    }
    const { openBranchStore } = await import('./branch-store.js');
    const keep = options.keepProfiles !== undefined ? { keepProfiles: options.keepProfiles } : {};
    const api = baseUrl !== undefined && baseUrl !== '' ? { baseUrl } : {};
    return openBranchStore(location.branch, { token, repository, ...api }, { ...extra, ...keep });
  }
  if (location.kind === 'gcs') {
    const { openGcsStore } = await import('./gcs-store.js');
    return openGcsStore(location.bucket, location.prefix, {}, extra);
  }
  await checkDirectory(location.root, options.access);
  const { DirBaselineStore } = await import('./dir-store.js');
  return new DirBaselineStore({ root: location.root, ...extra });
}

async function isDirectory(dir: string): Promise<boolean | undefined> {
  try {
    return (await stat(dir)).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new StoreError(`reading store directory ${dir}: ${oneLine(String((err as Error).message))}`);
  }
}

/** A directory store that is not there is a misconfiguration, never an empty store. */
async function checkDirectory(root: string, access: OpenStoreOptions['access']): Promise<void> {
  const found = await isDirectory(root);
  if (found === true) return;
  if (found === false) throw new StoreError(`store ${root} is not a directory`);
  if (access === 'read') {
    throw new StoreError(
      `store directory ${root} does not exist: check --store (a directory store is created when its first ` +
        'baseline is stored)',
    );
  }
  const parent = path.dirname(root);
  const parentFound = await isDirectory(parent);
  if (parentFound === false)
    throw new StoreError(`store directory ${root} cannot be created: ${parent} is not a directory`);
  if (parentFound === undefined) {
    throw new StoreError(
      `store directory ${root} cannot be created: its parent ${parent} does not exist ` +
        '(create it first, or check --store)',
    );
  }
}
