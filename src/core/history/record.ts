/**
 * The record a `mode: record` run leaves for a later `mode: report` run (docs/action.md, "Pull
 * requests from forks"): a profile and a small versioned JSON manifest describing the run that made
 * it. The report run reads it as hostile input (it comes from a fork's code), so the manifest is
 * checked against a strict schema, every field by type, length and pattern, and nothing in it is
 * used as a path, a URL or Markdown. Pure.
 */
import { validateSeries } from './baseline.js';
import { UsageError } from '../errors.js';

/** The manifest's `format`, naming what the document is. */
export const RECORD_FORMAT = 'heapgate-record';
/** The manifest's schema version; a report run refuses any other. */
export const RECORD_VERSION = 1;

/** A manifest is a few hundred bytes; anything near this is not one. */
export const MAX_MANIFEST_BYTES = 16 * 1024;
/** The profile file as recorded (gzipped or not). */
export const MAX_RECORD_PROFILE_BYTES = 256 * 1024 * 1024;
/**
 * The profile once gunzipped: a gzip bomb stops here, not at the runner's memory. Measured with the
 * bundled action (report mode): a 308 KiB bomb of 300 MiB of zeros is refused from its first KiB
 * (not framed as a profile) in 0.7-0.8 s at 68 MiB peak RSS; one framed as a profile (a 255 MiB
 * string, then zeros) is inflated up to this cap and refused in 2.3-3.4 s at 324 MiB peak RSS, on 2
 * shared cores. Real profiles are far smaller (the largest in BENCHMARKS.md holds 37.6 MB of protobuf).
 */
export const MAX_RECORD_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

/**
 * The caps a record's profile is held to: the record caps, or the `max-profile-size` input when it
 * is lower. The record run applies the same caps, so a record it writes is one a report accepts.
 */
export function recordLimits(maxProfileBytes: number): { readonly file: number; readonly decompressed: number } {
  return {
    file: Math.min(MAX_RECORD_PROFILE_BYTES, maxProfileBytes),
    decompressed: Math.min(MAX_RECORD_DECOMPRESSED_BYTES, maxProfileBytes),
  };
}

/** A repository-relative path of plain characters, without `..` segments: shown, never opened. */
const DISPLAY_PATH_RE = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]{1,200}$/;
const SHA_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const EVENT_RE = /^[a-z_]{1,50}$/;
const RUN_ID_RE = /^[0-9]{1,20}$/;

/** What the record says about the run that made it. Every field is a claim of that run's code. */
export interface RecordManifest {
  readonly format: typeof RECORD_FORMAT;
  readonly version: typeof RECORD_VERSION;
  readonly series: string;
  readonly profile: {
    /** The profile's path as the recording run named it, for messages and the reproduce command. */
    readonly path: string;
    /** The profile file's size; the file must have exactly this many bytes. */
    readonly bytes: number;
  };
  readonly run: {
    /** The recording run's event (GITHUB_EVENT_NAME). */
    readonly event: string;
    /** The commit it built: the pull request's head. */
    readonly sha: string;
    /** The pull request it claims to be about: at most a hint that must agree with what GitHub says. */
    readonly pullRequest: number | null;
    readonly runId: string | null;
  };
}

/**
 * The name a profile path is recorded under: the path when it is repository-relative and plain
 * (`bench/heap.pb.gz`), else its last segment when that is plain, else `profile`.
 */
export function recordedProfilePath(path: string): string {
  const normalized = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  if (DISPLAY_PATH_RE.test(normalized)) return normalized;
  const last = normalized.split('/').pop() ?? '';
  return DISPLAY_PATH_RE.test(last) ? last : 'profile';
}

/** The manifest's JSON text (two-space indented, newline-terminated). */
export function renderManifest(manifest: Omit<RecordManifest, 'format' | 'version'>): string {
  const doc: RecordManifest = { format: RECORD_FORMAT, version: RECORD_VERSION, ...manifest };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

type Json = Record<string, unknown>;

function fail(problem: string): never {
  throw new UsageError(`record manifest: ${problem}`);
}

/** `value` as an object with exactly `keys` (no more, no fewer). Messages never quote the document. */
function exact(value: unknown, where: string, keys: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${where} is not an object`);
  const got = Object.keys(value);
  const missing = keys.filter((k) => !Object.hasOwn(value, k));
  if (missing.length > 0) fail(`${where} lacks ${missing.join(', ')}`);
  if (got.length !== keys.length) fail(`${where} has fields the schema does not allow`);
  return value as Json;
}

function text(value: unknown, where: string, pattern: RegExp): string {
  if (typeof value !== 'string' || !pattern.test(value)) fail(`${where} is not a valid value`);
  return value;
}

function nullable<T>(value: unknown, check: (v: unknown) => T): T | null {
  return value === null ? null : check(value);
}

function count(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    fail(`${where} is not a whole number from ${min} to ${max}`);
  return value;
}

/**
 * Parses and checks a manifest's text. Throws a UsageError (`record manifest: ...`) naming the field
 * and the problem, never the document's content, on anything but a version-1 manifest whose every
 * field has the schema's type, length and pattern.
 */
export function parseManifest(source: string): RecordManifest {
  if (source.length > MAX_MANIFEST_BYTES) fail(`larger than ${MAX_MANIFEST_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    fail('not valid JSON');
  }
  const doc = exact(parsed, 'the document', ['format', 'version', 'series', 'profile', 'run']);
  if (doc.format !== RECORD_FORMAT) fail(`format is not ${RECORD_FORMAT}`);
  if (doc.version !== RECORD_VERSION) fail(`version is not ${RECORD_VERSION} (made by another heapgate version?)`);
  if (typeof doc.series !== 'string') fail('series is not a string');
  try {
    validateSeries(doc.series);
  } catch {
    fail('series is not a valid series name');
  }
  const profile = exact(doc.profile, 'profile', ['path', 'bytes']);
  const run = exact(doc.run, 'run', ['event', 'sha', 'pullRequest', 'runId']);
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    series: doc.series,
    profile: {
      path: text(profile.path, 'profile.path', DISPLAY_PATH_RE),
      bytes: count(profile.bytes, 'profile.bytes', 1, MAX_RECORD_PROFILE_BYTES),
    },
    run: {
      event: text(run.event, 'run.event', EVENT_RE),
      sha: text(run.sha, 'run.sha', SHA_RE),
      pullRequest: nullable(run.pullRequest, (v) => count(v, 'run.pullRequest', 1, 2 ** 31 - 1)),
      runId: nullable(run.runId, (v) => text(v, 'run.runId', RUN_ID_RE)),
    },
  };
}
