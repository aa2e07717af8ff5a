/**
 * Baseline policy, shared by every store: what is recorded with a baseline, how object names are
 * formed from series and branch names, which of two baselines is newer, and how the pointer object
 * (current baseline + bounded history) advances. Pure: no I/O, no clock.
 */
import type { ProfileSummary } from '../profile/aggregate.js';
import type { ValueType } from '../profile/model.js';
import { goVersionFromComments } from '../compare/comparability.js';
import { UsageError } from '../errors.js';

/** Version of the pointer and metadata JSON; bumped on an incompatible change. */
export const BASELINE_SCHEMA = 1;

/** How many previous baselines a pointer keeps besides the current one. */
export const DEFAULT_HISTORY_LIMIT = 50;

/** What produced the profile, to flag comparisons across different runtimes or sampling rates. */
export interface ProducerFingerprint {
  /** e.g. "go1.22.3", from a profile comment; absent when no comment names a Go version. */
  readonly goVersion?: string;
  /** The sampling period when the period type is space/bytes (runtime.MemProfileRate). */
  readonly memProfileRate?: number;
}

/** Everything recorded with one baseline. JSON-safe: strings, numbers, arrays, plain objects. */
export interface BaselineMetadata {
  readonly schema: number;
  readonly series: string;
  readonly branch: string;
  /** Lower-case hex commit id. */
  readonly sha: string;
  /** When the baseline was stored (ISO 8601, UTC). */
  readonly createdAt: string;
  /** Committer time of the commit (ISO 8601), when known; the primary "newer" key. */
  readonly commitTime?: string;
  /** CI run id (GitHub: github.run_id, a number that grows with every new run). */
  readonly runId?: string;
  readonly runUrl?: string;
  readonly sampleType: readonly ValueType[];
  /**
   * Per sample type, the sum of all sample values (same order as sampleType); for a baseline of
   * several runs, the per-run mean.
   */
  readonly total: readonly number[];
  /** Runs stored (a bundle of their profiles, see run-bundle.ts); absent for one. */
  readonly runs?: number;
  /** Each run's totals (per run, per sample type), when there are several. */
  readonly runTotals?: readonly (readonly number[])[];
  readonly periodType?: ValueType;
  readonly period: number;
  readonly sampleCount: number;
  readonly producer: ProducerFingerprint;
  /** Size in bytes of the stored profile object. */
  readonly size: number;
  /** The pull request the commit merged, when the run knew it. */
  readonly pullRequest?: number;
  /**
   * The baseline's level was accepted: drift is measured from it (docs/rules.md, "Drift"). `by` is
   * who accepted it (the accept label's sender, or the actor of an update run).
   */
  readonly accepted?: BaselineAcceptance;
}

/** Who accepted a baseline's level, and how. */
export interface BaselineAcceptance {
  readonly by: string;
  /** `label`: a pull request with the accept label merged; `update`: a run in update mode stored it. */
  readonly how: 'label' | 'update';
}

/**
 * The small object naming a branch's current baseline. `history` holds the metadata of the
 * baselines it replaced, newest first, at most the history limit; it is rewritten whole by each
 * compare-and-swap, so one read gives the trend without downloading any profile.
 */
export interface BaselinePointer {
  readonly schema: number;
  readonly current: BaselineMetadata;
  readonly history: readonly BaselineMetadata[];
}

/**
 * Where the commit and how the run that produced a baseline are identified (from the CI context):
 * the metadata fields that do not come from the profile. `sha` may be in any case here;
 * baselineMetadata checks it and lower-cases it.
 */
export type BaselineOrigin = Pick<
  BaselineMetadata,
  'series' | 'branch' | 'sha' | 'createdAt' | 'commitTime' | 'runId' | 'runUrl' | 'pullRequest' | 'accepted'
>;

const SERIES_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** A full commit id: SHA-1 (40 hex digits) or SHA-256 (64). */
const SHA_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const RUN_ID_RE = /^[0-9]{1,20}$/;
/** Who accepted a level: a GitHub login (or `name[bot]`), or a name given to `baseline put`. */
const ACCEPTOR_RE = /^[A-Za-z0-9][A-Za-z0-9._[\]-]{0,99}$/;
/** Longest encoded branch: one path segment must stay under the usual 255-byte file-name limit. */
const MAX_ENCODED_BRANCH = 240;

/** True when `name` is a valid series name (see validateSeries). */
export function isSeriesName(name: string): boolean {
  return SERIES_RE.test(name);
}

/** Throws a UsageError unless `series` is 1–100 of [A-Za-z0-9._-], starting with a letter or digit. */
export function validateSeries(series: string): string {
  if (!SERIES_RE.test(series)) {
    throw new UsageError(
      `invalid series name ${JSON.stringify(series)}: use 1-100 letters, digits, '.', '_' or '-', starting with a ` +
        `letter or digit`,
    );
  }
  return series;
}

/**
 * Returns the sha in lower case; throws a UsageError unless it is a full commit id (40 or 64 hex
 * digits). A short one would store a baseline no full-sha lookup finds.
 */
export function normalizeSha(sha: string): string {
  const lower = sha.toLowerCase();
  if (SHA_RE.test(lower)) return lower;
  const fix = /^[0-9a-f]{4,63}$/.test(lower)
    ? `a short commit id; give the full one (git rev-parse ${lower})`
    : 'not a commit id';
  throw new UsageError(`invalid commit sha ${JSON.stringify(sha)}: ${fix}; 40 or 64 hex digits are needed`);
}

/**
 * Encodes a branch name as one path segment, reversibly: letters, digits, '-' and '_' stay; every
 * other byte of its UTF-8 form (including '/', '.', '%') becomes %XX (upper-case hex). So
 * "feature/x" → "feature%2Fx", and no two branches share a segment or nest under each other.
 */
export function encodeBranch(branch: string): string {
  if (branch.length === 0) throw new UsageError('invalid branch name: empty');
  let out = '';
  for (const byte of new TextEncoder().encode(branch)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (out.length > MAX_ENCODED_BRANCH) {
    throw new UsageError(`branch name too long (${branch.length} characters)`);
  }
  return out;
}

/** Inverse of encodeBranch; throws a UsageError on a segment encodeBranch cannot have produced. */
export function decodeBranch(segment: string): string {
  if (!/^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})+$/.test(segment)) {
    throw new UsageError(`invalid encoded branch ${JSON.stringify(segment)}`);
  }
  const bytes: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === '%') {
      bytes.push(parseInt(segment.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(segment.charCodeAt(i));
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    throw new UsageError(`invalid encoded branch ${JSON.stringify(segment)}: not UTF-8`);
  }
}

/** Object names of a series/branch, relative to the store's prefix. */
export interface BaselineKeys {
  /** `<series>/<branch>/commits/<sha>.pb.gz` */
  readonly commit: (sha: string) => string;
  /** `<series>/<branch>/latest.json` */
  readonly pointer: string;
}

/** The store layout (docs/storage.md); validates the series and encodes the branch. */
export function baselineKeys(series: string, branch: string): BaselineKeys {
  const dir = `${validateSeries(series)}/${encodeBranch(branch)}`;
  return {
    commit: (sha) => `${dir}/commits/${normalizeSha(sha)}.pb.gz`,
    pointer: `${dir}/latest.json`,
  };
}

/** What a baseline's metadata records of its profile's summary. */
export type BaselineSummary = Pick<
  ProfileSummary,
  'sampleType' | 'total' | 'periodType' | 'period' | 'sampleCount' | 'comment' | 'runs'
>;

/** Builds the metadata of a baseline from where it came from and its profile's summary. */
export function baselineMetadata(origin: BaselineOrigin, summary: BaselineSummary, size: number): BaselineMetadata {
  validateSeries(origin.series);
  encodeBranch(origin.branch);
  if (origin.runId !== undefined && !RUN_ID_RE.test(origin.runId)) {
    throw new UsageError(`invalid run id ${JSON.stringify(origin.runId)}: expected a decimal number`);
  }
  if (origin.pullRequest !== undefined && !(Number.isSafeInteger(origin.pullRequest) && origin.pullRequest > 0)) {
    throw new UsageError(
      `invalid pull request number ${JSON.stringify(origin.pullRequest)}: expected a positive integer`,
    );
  }
  if (origin.accepted !== undefined && !ACCEPTOR_RE.test(origin.accepted.by)) {
    throw new UsageError(
      `invalid name of who accepted the level ${JSON.stringify(origin.accepted.by)}: use 1-100 letters, digits, ` +
        "'.', '_', '-', '[' or ']', starting with a letter or digit",
    );
  }
  for (const [name, t] of [
    ['created', origin.createdAt],
    ['commit', origin.commitTime],
  ] as const) {
    if (t !== undefined && Number.isNaN(Date.parse(t))) {
      throw new UsageError(`invalid ${name} time ${JSON.stringify(t)}: expected an ISO 8601 date`);
    }
  }
  const goVersion = goVersionFromComments(summary.comment);
  const isSpace = summary.periodType?.type === 'space' && summary.periodType.unit === 'bytes';
  const producer: ProducerFingerprint = {
    ...(goVersion !== undefined ? { goVersion } : {}),
    ...(isSpace ? { memProfileRate: summary.period } : {}),
  };
  return {
    schema: BASELINE_SCHEMA,
    series: origin.series,
    branch: origin.branch,
    sha: normalizeSha(origin.sha),
    createdAt: origin.createdAt,
    ...(origin.commitTime !== undefined ? { commitTime: origin.commitTime } : {}),
    ...(origin.runId !== undefined ? { runId: origin.runId } : {}),
    ...(origin.runUrl !== undefined ? { runUrl: origin.runUrl } : {}),
    ...(origin.pullRequest !== undefined ? { pullRequest: origin.pullRequest } : {}),
    ...(origin.accepted !== undefined ? { accepted: { by: origin.accepted.by, how: origin.accepted.how } } : {}),
    sampleType: summary.sampleType.map((v) => ({ type: v.type, unit: v.unit })),
    total: [...summary.total],
    ...(summary.runs === undefined
      ? {}
      : { runs: summary.runs.total.length, runTotals: summary.runs.total.map((r) => [...r]) }),
    ...(summary.periodType !== undefined
      ? { periodType: { type: summary.periodType.type, unit: summary.periodType.unit } }
      : {}),
    period: summary.period,
    sampleCount: summary.sampleCount,
    producer,
    size,
  };
}

/**
 * Orders two baselines of the same branch: > 0 when `a` is newer than `b`, < 0 when older, 0 when
 * neither can be said to be newer (same commit, or no key both have). Keys, in order:
 * 1. commit time, when both have one and they differ;
 * 2. run id (numerically: GitHub run ids grow with each new workflow run), when both have one;
 * 3. the time the baseline was stored.
 * Baselines of the same commit are never newer than each other.
 */
export function compareNewer(a: BaselineMetadata, b: BaselineMetadata): number {
  if (a.sha === b.sha) return 0;
  if (a.commitTime !== undefined && b.commitTime !== undefined) {
    const d = Date.parse(a.commitTime) - Date.parse(b.commitTime);
    if (d !== 0) return Math.sign(d);
  }
  if (a.runId !== undefined && b.runId !== undefined) {
    const ra = BigInt(a.runId);
    const rb = BigInt(b.runId);
    if (ra !== rb) return ra > rb ? 1 : -1;
  }
  return Math.sign(Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** The outcome of offering a new baseline to a pointer. */
export type PointerDecision =
  | { readonly move: true; readonly pointer: BaselinePointer }
  | { readonly move: false; readonly reason: 'same-commit' | 'older' };

/**
 * Decides whether `incoming` becomes the current baseline. The pointer only moves forward: it moves
 * when there is no pointer yet or `incoming` is newer (compareNewer > 0) than the current one; the
 * replaced current becomes the head of the history, which keeps at most `historyLimit` entries and
 * never two entries for one commit.
 */
export function advancePointer(
  existing: BaselinePointer | undefined,
  incoming: BaselineMetadata,
  historyLimit: number = DEFAULT_HISTORY_LIMIT,
): PointerDecision {
  if (existing === undefined) {
    return { move: true, pointer: { schema: BASELINE_SCHEMA, current: incoming, history: [] } };
  }
  if (existing.current.sha === incoming.sha) return { move: false, reason: 'same-commit' };
  if (compareNewer(incoming, existing.current) <= 0) return { move: false, reason: 'older' };
  const history = [existing.current, ...existing.history]
    .filter((m) => m.sha !== incoming.sha)
    .slice(0, Math.max(0, historyLimit));
  return { move: true, pointer: { schema: BASELINE_SCHEMA, current: incoming, history } };
}

/** "Go benchmark output (B/op, allocs/op)" or "profiles of inuse_space/bytes, …": what a baseline holds. */
export function baselineKind(sampleType: readonly ValueType[]): string {
  const types = sampleType.map((t) => `${t.type}/${t.unit}`);
  if (sampleType.some((t) => t.type === 'B/op'))
    return `Go benchmark output (${sampleType.map((t) => t.type).join(', ')})`;
  return `profiles of ${types.join(', ')}`;
}

/**
 * Why `incoming` cannot join the series whose current baseline is `current`, or null when it can:
 * every later comparison of the series would be refused if its sample types differed.
 */
export function seriesKindConflict(
  current: BaselineMetadata | undefined,
  incoming: readonly ValueType[],
): string | null {
  if (current === undefined) return null;
  const key = (types: readonly ValueType[]) =>
    types
      .map((t) => `${t.type}/${t.unit}`)
      .sort()
      .join(',');
  if (key(current.sampleType) === key(incoming)) return null;
  return (
    `series ${current.series} on branch ${current.branch} holds ${baselineKind(current.sampleType)}, ` +
    `but this is ${baselineKind(incoming)}: store it under another --series, or remove the series' ` +
    `baselines first (heapgate baseline delete)`
  );
}

/** The outcome of removing a commit from a pointer (`baseline delete`). */
export type PointerRemoval =
  | { readonly change: 'absent' }
  | { readonly change: 'history' | 'current'; readonly pointer: BaselinePointer }
  | { readonly change: 'last' };

/**
 * The pointer without `sha`: dropped from the history, or, when it is the current baseline, the
 * newest of the history takes its place ('last' when there is none: the branch has no baseline
 * left). 'absent' when the pointer does not name the commit.
 */
export function removeFromPointer(existing: BaselinePointer | undefined, sha: string): PointerRemoval {
  if (existing === undefined) return { change: 'absent' };
  if (existing.current.sha === sha) {
    const [next, ...rest] = existing.history.filter((m) => m.sha !== sha);
    if (next === undefined) return { change: 'last' };
    return { change: 'current', pointer: { schema: BASELINE_SCHEMA, current: next, history: rest } };
  }
  if (!existing.history.some((m) => m.sha === sha)) return { change: 'absent' };
  return {
    change: 'history',
    pointer: { ...existing, history: existing.history.filter((m) => m.sha !== sha) },
  };
}

/** Serializes a pointer (stable key order is not needed: readers parse it). */
export function encodePointer(pointer: BaselinePointer): string {
  return `${JSON.stringify(pointer, null, 1)}\n`;
}

/**
 * Parses a pointer object; a store maps the thrown message into its own StoreError. Checks the
 * shape enough that later code can rely on it, and rejects pointers of a newer schema.
 */
export function parsePointer(text: string): BaselinePointer {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('pointer is not valid JSON');
  }
  if (!isObject(value) || typeof value.schema !== 'number') throw new Error('pointer has no schema');
  if (value.schema > BASELINE_SCHEMA) {
    throw new Error(`pointer schema ${value.schema} is newer than this heapgate understands (${BASELINE_SCHEMA})`);
  }
  if (!isMetadata(value.current) || !Array.isArray(value.history) || !value.history.every(isMetadata)) {
    throw new Error('pointer is malformed');
  }
  return value as unknown as BaselinePointer;
}

/** Parses one metadata object (as stored beside a commit object); throws a plain Error when malformed. */
export function parseMetadata(text: string): BaselineMetadata {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('baseline metadata is not valid JSON');
  }
  if (!isMetadata(value)) throw new Error('baseline metadata is malformed');
  return value;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMetadata(v: unknown): v is BaselineMetadata {
  return (
    isObject(v) &&
    typeof v.sha === 'string' &&
    typeof v.branch === 'string' &&
    typeof v.series === 'string' &&
    typeof v.createdAt === 'string' &&
    Array.isArray(v.sampleType) &&
    Array.isArray(v.total) &&
    typeof v.period === 'number' &&
    isObject(v.producer)
  );
}
