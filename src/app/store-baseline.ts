/**
 * Storing a profile as a commit's baseline, for the Action (a run on the default branch) and
 * `heapgate baseline put` alike: its metadata from the run and the profile's summary, then the
 * store's create-only put and forward-only pointer move.
 */
import {
  baselineMetadata,
  seriesKindConflict,
  type BaselineAcceptance,
  type BaselineSummary,
} from '../core/history/baseline.js';
import { UsageError } from '../core/errors.js';
import type { BaselineStore, PutBaselineResult } from '../ports.js';

/** The run a baseline comes from: what is known of the commit and the CI run besides the profile. */
export interface BaselineRun {
  readonly series: string;
  readonly branch: string;
  readonly sha: string;
  /** When the baseline is stored (ISO 8601). */
  readonly createdAt: string;
  /** Committer time (ISO 8601), when known: orders baselines. */
  readonly commitTime?: string | undefined;
  readonly runId?: string | undefined;
  /** The CI run's page; see runUrl. */
  readonly runUrl?: string | undefined;
  /** The pull request the commit merged, when known. */
  readonly pullRequest?: number | undefined;
  /** The run's level is accepted: drift is measured from it from now on. */
  readonly accepted?: BaselineAcceptance | undefined;
}

/** The page of a GitHub Actions run: `<server>/<owner>/<repo>/actions/runs/<id>`. */
export function runUrl(serverUrl: string, repository: string, runId: string): string {
  return `${serverUrl}/${repository}/actions/runs/${runId}`;
}

/**
 * Stores `profile` (its bytes as given; `summary` is its decoded summary) as the baseline of
 * `run.sha` on `run.branch`. Rejects with a UsageError for invalid run fields or a profile of
 * another kind than the branch's current baseline (Go benchmark output into a series of heap
 * profiles), a StoreError when the store fails.
 */
export async function storeBaseline(
  store: BaselineStore,
  run: BaselineRun,
  summary: BaselineSummary,
  profile: Uint8Array,
): Promise<PutBaselineResult> {
  const metadata = baselineMetadata(
    {
      series: run.series,
      branch: run.branch,
      sha: run.sha,
      createdAt: run.createdAt,
      ...(run.commitTime !== undefined ? { commitTime: run.commitTime } : {}),
      ...(run.runId !== undefined ? { runId: run.runId } : {}),
      ...(run.runUrl !== undefined ? { runUrl: run.runUrl } : {}),
      ...(run.pullRequest !== undefined ? { pullRequest: run.pullRequest } : {}),
      ...(run.accepted !== undefined ? { accepted: run.accepted } : {}),
    },
    summary,
    profile.length,
  );
  const conflict = seriesKindConflict((await store.pointer(run.series, run.branch))?.current, summary.sampleType);
  if (conflict !== null) throw new UsageError(conflict);
  return store.put(metadata, profile);
}
