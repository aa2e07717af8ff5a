/** The workflow_run event of a report run → WorkflowRunEvent: only GitHub-set fields, checked. */
import { workflowRunEvent } from '../../src/action/workflow-run.js';
import { UsageError } from '../../src/core/errors.js';

const ENV = {
  GITHUB_EVENT_NAME: 'workflow_run',
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_RUN_ID: '900',
  GITHUB_SERVER_URL: 'https://ghe.example.com/',
};
const HEAD = 'd'.repeat(40);

test('the head commit, repository and branch of the triggering run; this run for the link', () => {
  const payload = {
    workflow_run: {
      head_sha: HEAD,
      head_branch: 'feature',
      head_repository: { full_name: 'fork/app' },
      pull_requests: [{ number: 99 }],
    },
    repository: { default_branch: 'trunk' },
  };
  expect(workflowRunEvent(ENV, payload)).toEqual({
    repository: 'octo/app',
    serverUrl: 'https://ghe.example.com',
    runId: '900',
    defaultBranch: 'trunk',
    head: { sha: HEAD, repository: 'fork/app', branch: 'feature' },
  });
});

test('missing optional fields are null', () => {
  expect(workflowRunEvent({ ...ENV, GITHUB_RUN_ID: 'x' }, { workflow_run: { head_sha: HEAD } })).toMatchObject({
    runId: null,
    defaultBranch: null,
    head: { sha: HEAD, repository: null, branch: null },
  });
});

test.each<[string, Record<string, string>, unknown, RegExp]>([
  ['another event', { ...ENV, GITHUB_EVENT_NAME: 'pull_request_target' }, {}, /not pull_request_target/],
  ['no head_sha', ENV, { workflow_run: {} }, /lacks a valid workflow_run\.head_sha/],
  ['a head_sha that is no sha', ENV, { workflow_run: { head_sha: '../x' } }, /lacks a valid workflow_run\.head_sha/],
  ['no repository', { ...ENV, GITHUB_REPOSITORY: '' }, { workflow_run: { head_sha: HEAD } }, /GITHUB_REPOSITORY/],
])('%s is a UsageError', (_name, env, payload, message) => {
  expect(() => workflowRunEvent(env, payload)).toThrow(UsageError);
  expect(() => workflowRunEvent(env, payload)).toThrow(message);
});
