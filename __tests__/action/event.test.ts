/** The runner's environment and event payload → GateEvent. */
import { gateEvent } from '../../src/action/event.js';
import { UsageError } from '../../src/core/errors.js';

const ENV = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_REF: 'refs/pull/5/merge',
  GITHUB_RUN_ID: '42',
  GITHUB_SERVER_URL: 'https://ghe.example.com/',
  GITHUB_ACTOR: 'dependabot[bot]',
};

const PAYLOAD = {
  action: 'labeled',
  label: { name: 'heapgate:accept' },
  sender: { login: 'alice' },
  pull_request: {
    number: 5,
    base: { ref: 'main', sha: 'b'.repeat(40) },
    head: { ref: 'feature/x', sha: 'd'.repeat(40) },
    labels: [{ name: 'heapgate:accept' }, { name: 'perf' }, { bogus: true }],
  },
  repository: { default_branch: 'trunk' },
};

test('a labeled pull_request event', () => {
  expect(gateEvent(ENV, PAYLOAD)).toEqual({
    name: 'pull_request',
    repository: 'o/r',
    serverUrl: 'https://ghe.example.com',
    sha: 'f'.repeat(40),
    branch: null,
    defaultBranch: 'trunk',
    runId: '42',
    commitTime: null,
    actor: 'dependabot[bot]',
    pullRequest: {
      number: 5,
      baseRef: 'main',
      baseSha: 'b'.repeat(40),
      headSha: 'd'.repeat(40),
      headRef: 'feature/x',
      labels: ['heapgate:accept', 'perf'],
      labelEvent: { action: 'labeled', label: 'heapgate:accept', sender: 'alice' },
    },
  });
});

test('a push: the branch from GITHUB_REF, the commit time from head_commit; tags have no branch', () => {
  const env = { ...ENV, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/release/1.x' };
  const e = gateEvent(env, { head_commit: { timestamp: '2026-01-01T10:00:00+01:00' } });
  expect(e).toMatchObject({
    branch: 'release/1.x',
    commitTime: '2026-01-01T10:00:00+01:00',
    pullRequest: null,
    defaultBranch: null,
  });
  expect(gateEvent({ ...env, GITHUB_REF: 'refs/tags/v1' }, {}).branch).toBeNull();
});

test('the actor: GITHUB_ACTOR when it is a login, else null', () => {
  expect(gateEvent({ ...ENV, GITHUB_ACTOR: 'carol' }, {}).actor).toBe('carol');
  expect(gateEvent({ ...ENV, GITHUB_ACTOR: 'x"<script>' }, {}).actor).toBeNull();
  expect(gateEvent({ ...ENV, GITHUB_ACTOR: undefined }, {}).actor).toBeNull();
});

test('missing variables and malformed pull requests are UsageErrors', () => {
  expect(() => gateEvent({ ...ENV, GITHUB_SHA: '' }, {})).toThrow(UsageError);
  expect(() => gateEvent({ ...ENV, GITHUB_SHA: '' }, {})).toThrow(/^GITHUB_SHA is not set/);
  expect(() => gateEvent(ENV, { pull_request: { number: 1 } })).toThrow(/lacks number, base\.ref/);
});
