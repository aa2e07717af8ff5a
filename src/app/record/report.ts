/**
 * `mode: report`, the second half of the fork-safe flow: in a workflow_run run (secrets, a token
 * that may comment and set statuses) read the record the pull request's run left, as hostile input,
 * find the pull request from the event's trusted fields, run the gate on the recorded profile
 * (compare only, never store), and set the commit status `heapgate/<series>` on the head commit so
 * a required status blocks the merge as the same-repository check does. Whatever fails after the
 * event is known sets an `error` status (best effort) before the error is reported.
 */
import { gunzipProfile } from '../../core/profile/decode/index.js';
import { firstLine } from '../../core/error-text.js';
import { UsageError } from '../../core/errors.js';
import { statusContext, statusText, verdictDescription, type CommitState } from '../../core/render/commit-status.js';
import { MAX_MANIFEST_BYTES, parseManifest, recordLimits, type RecordManifest } from '../../core/history/record.js';
import { GitHubApiError, type CommitInfo, type Logger, type RecordDirectory } from '../../ports.js';
import { withContext } from '../error-context.js';
import { runGate, type GateConfig, type GateOutcome, type GatePorts } from '../gate/run.js';
import type { GateEvent } from '../gate/plan.js';
import { findPullRequest, type RunHead } from './find-pull.js';

/** The report run's own facts and the triggering run's head, from the workflow_run event. */
export interface WorkflowRunEvent {
  readonly repository: string;
  readonly serverUrl: string;
  /** This (report) run's id, for the status's link; null when unknown. */
  readonly runId: string | null;
  readonly defaultBranch: string | null;
  readonly head: RunHead;
}

export interface ReportConfig extends Omit<GateConfig, 'profile' | 'mode'> {
  /** The `max-profile-size` input; the record's own caps apply when they are lower (see recordLimits). */
  readonly maxProfileBytes: number;
}

export interface ReportPorts extends GatePorts {
  readonly record: RecordDirectory;
  readonly commits: CommitInfo;
}

export interface ReportOutcome extends GateOutcome {
  /** The pull request reported on; null when no open pull request has the head commit. */
  readonly pullRequest: number | null;
  readonly status: CommitState;
}

/** Reads and checks the record of `series`; its profile comes back gunzipped (within the cap). */
async function readRecord(
  record: RecordDirectory,
  series: string,
  maxProfileBytes: number,
): Promise<{ readonly manifest: RecordManifest; readonly profile: Uint8Array }> {
  const limits = recordLimits(maxProfileBytes);
  const files = await record.read(series, { maxManifestBytes: MAX_MANIFEST_BYTES, maxProfileBytes: limits.file });
  const manifest = parseManifest(files.manifest);
  if (manifest.series !== series)
    throw new UsageError(`record manifest: made for another series than ${series} (input series)`);
  if (manifest.profile.bytes !== files.profile.length)
    throw new UsageError('record profile: its size differs from the one the manifest gives (truncated or replaced?)');
  try {
    return { manifest, profile: gunzipProfile(files.profile, limits.decompressed) };
  } catch (e) {
    throw withContext(e, `decoding current profile ${manifest.profile.path} (record): `);
  }
}

/** The state of a decided run: failure when the gate fails the run, else success. */
function stateOf(outcome: GateOutcome): CommitState {
  return outcome.exitCode !== 0 ? 'failure' : 'success';
}

async function setStatus(
  commits: CommitInfo,
  log: Logger,
  event: WorkflowRunEvent,
  series: string,
  state: CommitState,
  description: string,
): Promise<void> {
  const targetUrl = event.runId === null ? null : `${event.serverUrl}/${event.repository}/actions/runs/${event.runId}`;
  try {
    await commits.setStatus(event.head.sha, { state, context: statusContext(series), description, targetUrl });
    log.info(`commit status ${statusContext(series)} on ${event.head.sha.slice(0, 12)}: ${state}`);
  } catch (e) {
    const status = e instanceof GitHubApiError ? e.status : 0;
    const hint = status === 403 || status === 404 ? '; grant the workflow `statuses: write`' : '';
    log.warning(`could not set the commit status ${statusContext(series)}: ${firstLine(e)}${hint}`, {
      title: 'heapgate: no commit status',
    });
  }
}

/**
 * Reports on the pull request whose run left the record: see the file comment. Resolves with the
 * gate's outcome; rejects (after setting an error status) with the error that stopped it.
 */
export async function runReport(
  config: ReportConfig,
  event: WorkflowRunEvent,
  ports: ReportPorts,
): Promise<ReportOutcome> {
  try {
    const { manifest, profile } = await readRecord(ports.record, config.series, config.maxProfileBytes);
    if (manifest.run.sha !== event.head.sha)
      ports.log.warning(
        `the record names commit ${manifest.run.sha.slice(0, 12)}, the run built ${event.head.sha.slice(0, 12)}; ` +
          `reporting on ${event.head.sha.slice(0, 12)}`,
        { title: 'heapgate: record does not match the run' },
      );
    const pull = await findPullRequest(ports.commits, event.head, manifest.run.pullRequest, ports.log);
    if (pull === undefined)
      ports.log.warning(
        `no open pull request has head ${event.head.sha.slice(0, 12)}: comparing with the base branch's ` +
          `baseline and setting the commit status, without a comment`,
        { title: 'heapgate: no pull request' },
      );
    const gateEvent: GateEvent = {
      name: 'workflow_run',
      repository: event.repository,
      serverUrl: event.serverUrl,
      sha: event.head.sha,
      branch: null,
      defaultBranch: event.defaultBranch,
      runId: event.runId,
      commitTime: null,
      pullRequest:
        pull === undefined
          ? null
          : {
              number: pull.number,
              baseRef: pull.baseRef,
              baseSha: pull.baseSha,
              headSha: event.head.sha,
              headRef: pull.headRef,
              labels: pull.labels,
              labelEvent: null,
            },
    };
    // Compare only: a pull request's code never becomes a baseline.
    const outcome = await runGate(
      { ...config, mode: 'check', profile: [manifest.profile.path] },
      gateEvent,
      profile,
      ports,
    );
    const state = stateOf(outcome);
    await setStatus(
      ports.commits,
      ports.log,
      event,
      config.series,
      state,
      verdictDescription(outcome.verdict, outcome.report),
    );
    return { ...outcome, pullRequest: pull?.number ?? null, status: state };
  } catch (e) {
    await setErrorStatus(ports, event, config.series, e);
    throw e;
  }
}

/** Sets the `error` status for a report that `e` stopped (best effort: a failure to set it only warns). */
export async function setErrorStatus(
  ports: { readonly commits: CommitInfo; readonly log: Logger },
  event: WorkflowRunEvent,
  series: string,
  e: unknown,
): Promise<void> {
  await setStatus(ports.commits, ports.log, event, series, 'error', statusText(`error: ${firstLine(e)}`));
}
