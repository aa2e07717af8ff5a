/** Finding a report's pull request from the workflow_run head; the record's number is only a hint. */
import { findPullRequest, headMatches, type RunHead } from '../../../src/app/record/find-pull.js';
import type { CommitInfo, OpenPullRequest } from '../../../src/ports.js';
import { recordingLog, sha } from '../../helpers/memory-ports.js';

const HEAD: RunHead = { sha: sha('d'), repository: 'fork/app', branch: 'feature' };

function pull(number: number, p: Partial<OpenPullRequest> = {}): OpenPullRequest {
  return {
    number,
    state: 'open',
    headSha: HEAD.sha,
    headRepository: 'fork/app',
    headRef: 'feature',
    baseRef: 'main',
    baseSha: sha('b'),
    labels: [],
    ...p,
  };
}

function commits(pulls: OpenPullRequest[]): CommitInfo {
  return {
    pullsOf: async (s) => (s === HEAD.sha ? pulls : []),
    setStatus: async () => {},
  };
}

test.each<[string, Partial<OpenPullRequest>, Partial<RunHead>, boolean]>([
  ['the same head', {}, {}, true],
  ['a closed pull request', { state: 'closed' }, {}, false],
  ['another head commit', { headSha: sha('e') }, {}, false],
  ['another head repository', { headRepository: 'someone/app' }, {}, false],
  ['the head repository in another case', { headRepository: 'Fork/App' }, {}, true],
  ['a deleted fork', { headRepository: null }, {}, false],
  ['another head branch', { headRef: 'main' }, {}, false],
  [
    'a payload without repository and branch',
    { headRepository: null, headRef: 'x' },
    { repository: null, branch: null },
    true,
  ],
])('%s: matches %s', (_name, p, h, matches) => {
  expect(headMatches(pull(7, p), { ...HEAD, ...h })).toBe(matches);
});

describe('findPullRequest', () => {
  test('the only match, whatever number the record claims; a claim that disagrees is a warning', async () => {
    const log: string[] = [];
    const found = await findPullRequest(commits([pull(9, { headSha: sha('f') }), pull(7)]), HEAD, 9, recordingLog(log));
    expect(found?.number).toBe(7);
    expect(log).toEqual([
      `warning: the record names pull request #9, which is not an open pull request with head ` +
        `${HEAD.sha.slice(0, 12)}; ignored`,
    ]);
  });

  test('among several matches, the hinted one when it agrees, else the oldest', async () => {
    const log: string[] = [];
    const several = commits([pull(12, { baseRef: 'release' }), pull(7)]);
    expect((await findPullRequest(several, HEAD, 12, recordingLog(log)))?.number).toBe(12);
    expect((await findPullRequest(several, HEAD, null, recordingLog(log)))?.number).toBe(7);
    expect(log.filter((l) => l.startsWith('warning'))).toEqual([]);
  });

  test('none: undefined', async () => {
    expect(await findPullRequest(commits([pull(7, { state: 'closed' })]), HEAD, 7, recordingLog([]))).toBeUndefined();
  });
});
