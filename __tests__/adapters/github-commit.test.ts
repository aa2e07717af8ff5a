/** The commit adapter (a commit's pull requests, commit statuses): the real Octokit client against the local server. */
import { createCommitInfo } from '../../src/adapters/github-commit.js';
import { GitHubApiError } from '../../src/ports.js';
import { BOT_LOGIN, GitHubServer } from '../helpers/github-server.js';

const server = new GitHubServer();
const TOKEN = 'ghs_commit_token_789';
const sha = (c: string): string => c.repeat(40);

beforeAll(async () => {
  await server.start();
  server.tokens.set(TOKEN, { kind: 'installation' });
});

afterAll(async () => {
  await server.stop();
});

const info = () => createCommitInfo({ token: TOKEN, repository: 'o/r', baseUrl: server.url });

test("pullsOf lists every page of a commit's pull requests, with head, base and labels", async () => {
  for (let n = 1; n <= 120; n++)
    server.pulls.push({
      number: n,
      state: n % 2 === 0 ? 'open' : 'closed',
      head: { sha: sha('1'), ref: `b${n}`, repo: n === 1 ? null : 'fork/r' },
      base: { ref: 'main', sha: sha('2') },
      labels: n === 2 ? ['heapgate:accept'] : [],
    });
  server.pulls.push({
    number: 500,
    state: 'open',
    head: { sha: sha('3'), ref: 'x', repo: 'o/r' },
    base: { ref: 'main', sha: sha('2') },
  });
  const pulls = await info().pullsOf(sha('1'));
  expect(pulls).toHaveLength(120);
  expect(pulls[0]).toEqual({
    number: 1,
    state: 'closed',
    headSha: sha('1'),
    headRepository: null,
    headRef: 'b1',
    baseRef: 'main',
    baseSha: sha('2'),
    labels: [],
  });
  expect(pulls[1]).toMatchObject({ number: 2, state: 'open', headRepository: 'fork/r', labels: ['heapgate:accept'] });
  const pages = server.requests.filter((q) => q.path === `/repos/o/r/commits/${sha('1')}/pulls`);
  expect(pages.map((q) => q.query.get('page') ?? '1')).toEqual(['1', '2']);
});

test('setStatus posts state, context, description and target URL', async () => {
  await info().setStatus(sha('4'), {
    state: 'failure',
    context: 'heapgate/cache',
    description: 'fail: inuse_space +1 MiB (+10.0%)',
    targetUrl: 'https://github.com/o/r/actions/runs/1',
  });
  await info().setStatus(sha('4'), {
    state: 'success',
    context: 'heapgate/cache',
    description: 'pass',
    targetUrl: null,
  });
  expect(server.statusesOf(sha('4'))).toEqual([
    {
      repo: 'o/r',
      sha: sha('4'),
      state: 'failure',
      context: 'heapgate/cache',
      description: 'fail: inuse_space +1 MiB (+10.0%)',
      targetUrl: 'https://github.com/o/r/actions/runs/1',
      creator: BOT_LOGIN,
    },
    expect.objectContaining({ state: 'success', targetUrl: null }),
  ]);
});

test('a refused status is a GitHubApiError with the status', async () => {
  server.fail('POST', /\/statuses\//, 403, 'Resource not accessible by integration', 1);
  const e = await info()
    .setStatus(sha('5'), { state: 'error', context: 'heapgate/x', description: 'error', targetUrl: null })
    .catch((err: unknown) => err);
  expect(e).toBeInstanceOf(GitHubApiError);
  expect((e as GitHubApiError).status).toBe(403);
  const long = await info()
    .setStatus(sha('5'), { state: 'error', context: 'heapgate/x', description: 'x'.repeat(141), targetUrl: null })
    .catch((err: unknown) => err);
  expect((long as GitHubApiError).status).toBe(422);
});
