/**
 * One profile's journey from file (or bytes) to ProfileSummary: read → decode and summarize in one
 * pass (summarizeEncoded: samples are summed as they are decoded, never stored). Go benchmark
 * output (`go test -bench -benchmem` text) is recognised by its content and parsed instead.
 * Runs the same way in a worker thread and in the calling thread; failures are returned as data
 * (a worker cannot throw across the thread boundary) and turned back into typed errors with
 * `jobError`.
 */
import type { ProfileSummary } from '../core/profile/aggregate.js';
import { combineInputs, summarizeInput } from '../core/bench/input.js';
import {
  DecodeError,
  ExitCode,
  HeapgateError,
  IncompatibleProfilesError,
  RuleError,
  StoreError,
  UsageError,
} from '../core/errors.js';
import { firstLine } from '../core/error-text.js';
import { isRunBundle, runMemberName, unpackRuns } from '../core/history/run-bundle.js';
import type { ProfileSource } from '../ports.js';
import { readProfileFile, tooLarge } from './profile-file.js';
import type { OwnCodeSpec } from '../core/profile/own-code.js';

export interface ProfileJob {
  readonly source: ProfileSource;
  readonly focus: readonly string[];
  /** Build the call tree too (SummarizeOptions.tree). */
  readonly tree?: boolean;
  /** Attribute samples to own code too (SummarizeOptions.ownCode). */
  readonly ownCode?: OwnCodeSpec;
  /** Sum per source line too (SummarizeOptions.lines). */
  readonly lines?: boolean;
  /** The largest file, and the largest decompressed profile, read (`--max-profile-size`). */
  readonly maxBytes: number;
}

export type JobStep = 'reading' | 'decoding' | 'summarizing';

/** A failure as plain, structured-cloneable data. `name` is the error class; `internal` = not a HeapgateError. */
export interface JobFailure {
  readonly ok: false;
  readonly step: JobStep;
  readonly name: string;
  readonly message: string;
  readonly exitCode: number;
  readonly offset?: number;
  readonly internal: boolean;
}

export type JobOutcome = { readonly ok: true; readonly summary: ProfileSummary } | JobFailure;

/** Runs a job; never throws. */
export async function runProfileJob(job: ProfileJob): Promise<JobOutcome> {
  let step: JobStep = 'reading';
  try {
    const bytes = 'path' in job.source ? await readProfileFile(job.source.path, job.maxBytes) : job.source.bytes;
    step = 'decoding';
    if (bytes.length > job.maxBytes) throw new DecodeError(tooLarge(bytes.length, job.maxBytes));
    const options = {
      focus: job.focus,
      maxDecompressedBytes: job.maxBytes,
      tree: job.tree === true,
      ...(job.ownCode === undefined ? {} : { ownCode: job.ownCode }),
      lines: job.lines === true,
    };
    // A bundle of runs (a stored baseline of several) is their per-run mean, keeping each run's totals.
    if (isRunBundle(bytes)) {
      const runs = unpackRuns(bytes);
      const labels = runs.map((_, i) => runMemberName(i));
      const summaries: ProfileSummary[] = [];
      for (const [i, run] of runs.entries()) {
        try {
          summaries.push(summarizeInput(run, options));
        } catch (e) {
          return failure(e instanceof RuleError ? 'summarizing' : step, e, `run bundle member ${labels[i]!}: `);
        }
      }
      return { ok: true, summary: combineInputs(summaries, labels) };
    }
    return { ok: true, summary: summarizeInput(bytes, options) };
  } catch (e) {
    // Decoding and summing are one pass; a focus pattern that does not compile is the one failure
    // that belongs to summarizing (it is reported only once the profile has decoded).
    return failure(e instanceof RuleError ? 'summarizing' : step, e);
  }
}

function failure(step: JobStep, e: unknown, prefix = ''): JobFailure {
  if (e instanceof HeapgateError) {
    return {
      ok: false,
      step,
      name: e.name,
      message: `${prefix}${e.message}`,
      exitCode: e.exitCode,
      offset: e instanceof DecodeError ? e.offset : undefined,
      internal: false,
    };
  }
  return { ok: false, step, name: 'Error', message: firstLine(e), exitCode: ExitCode.internal, internal: true };
}

/**
 * The error a failed job stands for, with the context prefix `<step> <role> profile <label>: `,
 * of the same class it was thrown as (DecodeError stays DecodeError, keeping its offset). A
 * non-HeapgateError (a bug) comes back as a plain Error, which the entry point reports as internal.
 */
export function jobError(source: ProfileSource, f: JobFailure): Error {
  const message = `${f.step} ${source.role} profile ${source.label}: ${f.message}`;
  if (f.internal) return new Error(message);
  switch (f.name) {
    case 'DecodeError': {
      const err = new DecodeError(message);
      if (f.offset !== undefined) Object.defineProperty(err, 'offset', { value: f.offset });
      return err;
    }
    case 'IncompatibleProfilesError':
      return new IncompatibleProfilesError(message);
    case 'RuleError':
      return new RuleError(message);
    case 'UsageError':
      return new UsageError(message);
    case 'StoreError':
      return new StoreError(message);
    default:
      return new HeapgateError(message, f.exitCode);
  }
}

/** The ArrayBuffers behind a summary's typed arrays, each once: moved, not copied, to the parent thread. */
export function summaryTransferList(summary: ProfileSummary): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const f = summary.functions;
  const tree = summary.tree;
  const treeArrays = tree === undefined ? [] : [tree.parent, tree.row, ...tree.value];
  const o = summary.own;
  const own = o === undefined ? [] : [...o.flat, ...o.leaves.flat, ...(o.lines?.flat ?? [])];
  const l = summary.lines;
  const lineArrays = l === undefined ? [] : [...l.flat, ...l.cum, ...l.flatVariance];
  for (const group of [f.flat, f.cum, f.flatVariance, treeArrays, lineArrays, own]) {
    for (const a of group) {
      if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
    }
  }
  return [...buffers];
}
