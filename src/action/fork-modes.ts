/**
 * The Action's two halves of the fork-safe flow: `mode: record` (a pull_request run without
 * secrets) and `mode: report` (the workflow_run run that follows it). Each resolves to the exit code.
 */
import * as core from '@actions/core';
import { createProfileLoader } from '../adapters/profile-loader.js';
import { openRecordDirectory } from '../adapters/record-dir.js';
import { openStore } from '../adapters/store-url.js';
import { recordProfile } from '../app/record/record.js';
import type { GateEvent } from '../app/gate/plan.js';
import type { GateOutcome, GatePorts } from '../app/gate/run.js';
import { runReport, setErrorStatus } from '../app/record/report.js';
import type { Logger } from '../ports.js';
import { gateEvent, loadEventPayload } from './event.js';
import { failStepUnlessPassed, gateSettings, ownCodeOf } from './gate-settings.js';
import type { ActionConfig, OutputName } from './inputs.js';
import { readRunProfiles, runProfilesLabel } from './profile-path.js';
import { workflowRunEvent } from './workflow-run.js';
import type { OwnCodeSpec } from '../core/profile/own-code.js';

const setOutput = (name: OutputName, value: string): void => core.setOutput(name, value);

const actionLog: Logger = {
  info: (m) => core.info(m),
  warning: (m, p) => core.warning(m, p ?? {}),
  error: (m, p) => core.error(m, p ?? {}),
};

/** What a report shares with the gate's door (main.ts): its ports, and its outputs and JSON report file. */
export interface GateDoor {
  /** The ports for the event and store; `own` is what the run takes as own code (for its source files). */
  ports(
    event: Pick<GateEvent, 'repository' | 'serverUrl' | 'runId'>,
    store: GatePorts['store'],
    own: OwnCodeSpec,
  ): Promise<GatePorts>;
  finish(outcome: GateOutcome): Promise<void>;
}

/** mode record: check the profile and write the record directory. No store, no GitHub API. */
export async function recordMode(config: ActionConfig, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const event = gateEvent(env, await loadEventPayload(env));
  const profiles = await readRunProfiles(config.profile, cwd, config.maxProfileBytes);
  const bytes = profiles.bytes;
  const pr = event.pullRequest;
  await recordProfile(
    {
      series: config.series,
      profile: runProfilesLabel(profiles, cwd).join(' '),
      maxProfileBytes: config.maxProfileBytes,
    },
    {
      event: event.name,
      sha: (pr?.headSha ?? event.sha).toLowerCase(),
      pullRequest: pr?.number ?? null,
      runId: event.runId,
    },
    bytes,
    {
      load: createProfileLoader({ maxProfileBytes: config.maxProfileBytes }),
      record: openRecordDirectory(config.record, cwd),
      log: actionLog,
    },
  );
  setOutput('record', config.record);
  return 0;
}

/** mode report: read the record, compare, comment on the pull request, set the commit status. */
export async function reportMode(
  config: ActionConfig,
  env: NodeJS.ProcessEnv,
  cwd: string,
  door: GateDoor,
): Promise<number> {
  const event = workflowRunEvent(env, await loadEventPayload(env));
  const token = config.githubToken!;
  const { createCommitInfo } = await import('../adapters/github-commit.js');
  const commits = createCommitInfo({ token, repository: event.repository });
  const record = openRecordDirectory(config.record, cwd);
  const store = await openStore(config.store, {
    cwd,
    access: 'read',
    github: { token, repository: event.repository, hint: 'set the github-token input (contents: read compares)' },
  }).catch(async (e: unknown) => {
    await setErrorStatus({ commits, log: actionLog }, event, config.series, e);
    throw e;
  });
  const own = await ownCodeOf(config, cwd);
  const settings = gateSettings(config, env, own);
  const outcome = await runReport({ ...settings, maxProfileBytes: config.maxProfileBytes }, event, {
    ...(await door.ports(event, store, own)),
    record,
    commits,
  });
  await door.finish(outcome);
  setOutput('pull-request', outcome.pullRequest === null ? '' : String(outcome.pullRequest));
  setOutput('commit-status', outcome.status);
  core.info(`heapgate ${config.series}: ${outcome.verdict}`);
  failStepUnlessPassed(config.series, outcome);
  return outcome.exitCode;
}
