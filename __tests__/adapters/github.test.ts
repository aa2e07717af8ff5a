/** The GitHub adapter: the real Octokit client against the local GitHub REST server. */
import { createGitHubPorts } from '../../src/adapters/github.js';
import { GitHubApiError } from '../../src/ports.js';
import { BOT_LOGIN, GitHubServer } from '../helpers/github-server.js';

const server = new GitHubServer();
const APP = 'ghs_app_token_123';
const USER = 'ghp_user_token_456';

beforeAll(async () => {
  await server.start();
  server.tokens.set(APP, { kind: 'installation' });
  server.tokens.set(USER, { kind: 'user', login: 'octocat' });
});

afterAll(async () => {
  await server.stop();
});

const ports = (token: string) => createGitHubPorts({ token, repository: 'o/r', baseUrl: server.url });

test('identity: the bot for an installation token, the user for a personal one', async () => {
  expect(await ports(APP).comments.identity()).toBe(BOT_LOGIN);
  expect(await ports(USER).comments.identity()).toBe('octocat');
});

test('list follows every page, oldest first', async () => {
  for (let i = 0; i < 250; i++) server.seedComment(1, 'someone', `c${i}`);
  const all = await ports(APP).comments.list(1);
  expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `c${i}`));
  expect(all[0]).toMatchObject({ author: 'someone', url: `https://github.com/o/r/pull/1#issuecomment-${all[0]!.id}` });
});

test('create and update return the comment as GitHub stores it', async () => {
  const p = ports(APP).comments;
  const created = await p.create(2, 'hello');
  expect(created).toMatchObject({ body: 'hello', author: BOT_LOGIN });
  const updated = await p.update(created.id, 'bye');
  expect(updated).toMatchObject({ id: created.id, body: 'bye' });
  expect(server.commentsOn(2).map((c) => c.body)).toEqual(['bye']);
});

test("a 403 is a GitHubApiError with the status and GitHub's message, without the token", async () => {
  server.fail('POST', /\/issues\/3\/comments$/, 403, 'Resource not accessible by integration', 1);
  const error = await ports(APP)
    .comments.create(3, 'x')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GitHubApiError);
  expect((error as GitHubApiError).status).toBe(403);
  expect((error as GitHubApiError).message).toBe('Resource not accessible by integration');
  expect(JSON.stringify(error)).not.toContain(APP);
});

test('mergeBase reads the compare API; labeledBy the latest labeled event of the label', async () => {
  server.mergeBases.set('base1...head1', 'm'.repeat(40));
  const p = ports(APP).pulls;
  expect(await p.mergeBase('base1', 'head1')).toBe('m'.repeat(40));
  await expect(p.mergeBase('nope', 'head1')).rejects.toMatchObject({ status: 404 });
  server.issueEvents.set(4, [
    { event: 'labeled', label: { name: 'Accept' }, actor: { login: 'first' } },
    { event: 'labeled', label: { name: 'accept' }, actor: { login: 'second' } },
    { event: 'labeled', label: { name: 'other' }, actor: { login: 'third' } },
  ]);
  expect(await p.labeledBy(4, 'accept')).toBe('second');
  expect(await p.labeledBy(4, 'missing')).toBeUndefined();
});
