/**
 * The workflow_run event of a report run (mode report), from the runner's environment and the
 * event payload: this run's repository and id, and the triggering run's head (commit, repository,
 * branch), which GitHub sets and the triggering run's code cannot change.
 */
import type { WorkflowRunEvent } from '../app/record/report.js';
import { UsageError } from '../core/errors.js';

type Env = Readonly<Record<string, string | undefined>>;

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The WorkflowRunEvent of a run. Throws a UsageError when the run was not triggered by workflow_run
 * or the payload lacks `workflow_run.head_sha`.
 */
export function workflowRunEvent(env: Env, payload: unknown): WorkflowRunEvent {
  if (env.GITHUB_EVENT_NAME !== 'workflow_run')
    throw new UsageError(
      `mode report runs in a workflow triggered by workflow_run, not ${env.GITHUB_EVENT_NAME ?? 'an unknown event'}` +
        ' (see "Pull requests from forks" in docs/action.md)',
    );
  const repository = env.GITHUB_REPOSITORY;
  if (repository === undefined || repository === '')
    throw new UsageError("GITHUB_REPOSITORY is not set: heapgate's action runs inside a GitHub Actions job");
  const p = obj(payload) ?? {};
  const run = obj(p.workflow_run);
  const sha = str(run?.head_sha);
  if (run === undefined || sha === undefined || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha))
    throw new UsageError('the workflow_run event payload lacks a valid workflow_run.head_sha');
  const runId = env.GITHUB_RUN_ID;
  return {
    repository,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    runId: runId !== undefined && /^[0-9]{1,20}$/.test(runId) ? runId : null,
    defaultBranch: str(obj(p.repository)?.default_branch) ?? null,
    head: {
      sha,
      repository: str(obj(run.head_repository)?.full_name) ?? null,
      branch: str(run.head_branch) ?? null,
    },
  };
}
