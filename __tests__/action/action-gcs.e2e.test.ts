/**
 * The bundled action against the Cloud Storage test server (STORAGE_EMULATOR_HOST): a push seeds a
 * baseline in the bucket, a pull request compares against it, and a store that refuses access is
 * one clear error (exit code 3) naming what to grant.
 */
import { GcsServer } from '../helpers/gcs-server.js';
import { builtAction, runAction, type ActionResult } from './run-action.js';

const FIXTURES = '__tests__/fixtures/go/cache';
const sha = (c: string): string => c.repeat(40);

let action: string;
let gcs: GcsServer;

beforeAll(async () => {
  action = builtAction();
  gcs = await GcsServer.start();
  gcs.createBucket('heap-baselines');
});

afterAll(async () => {
  await gcs.stop();
});

function run(eventName: string, payload: unknown, commit: string, profile: string): Promise<ActionResult> {
  return runAction(action, {
    eventName,
    payload,
    sha: commit,
    inputs: { profile: `${FIXTURES}/${profile}`, store: 'gs://heap-baselines/ci', series: 'cache', comment: 'never' },
    env: { STORAGE_EMULATOR_HOST: gcs.endpoint, GCLOUD_PROJECT: 'test-project' },
  });
}

const push = {
  ref: 'refs/heads/main',
  repository: { default_branch: 'main' },
  head_commit: { timestamp: '2026-01-01T10:00:00Z' },
};
const pullRequest = {
  action: 'opened',
  number: 4,
  pull_request: { number: 4, base: { ref: 'main', sha: sha('a') }, head: { ref: 'f', sha: sha('d') }, labels: [] },
  repository: { default_branch: 'main' },
};

test('a push seeds the bucket; a regressed pull request fails against it', async () => {
  const seeded = await run('push', push, sha('a'), 'good.rate1.heap.pb.gz');
  expect(seeded.code).toBe(0);
  expect(seeded.outputs.verdict).toBe('no-baseline');
  expect(gcs.names('heap-baselines')).toEqual(
    expect.arrayContaining([`ci/cache/main/commits/${sha('a')}.pb.gz`, 'ci/cache/main/latest.json']),
  );
  const failed = await run('pull_request', pullRequest, sha('e'), 'regressed.rate1.heap.pb.gz');
  expect(failed.code).toBe(1);
  expect(failed.outputs.verdict).toBe('fail');
  expect(failed.outputs['baseline-sha']).toBe(sha('a'));
});

test('a bucket that refuses reads is one error with exit code 3', async () => {
  gcs.deny('storage.objects.get');
  gcs.deny('storage.objects.list');
  try {
    const r = await run('pull_request', pullRequest, sha('e'), 'good-rerun.rate1.heap.pb.gz');
    expect(r.code).toBe(3);
    const errors = r.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^heapgate: .*gs:\/\/heap-baselines\/ci.*/);
    expect(errors[0]!.message).toMatch(/permission|denied|403/i);
  } finally {
    gcs.allowAll();
  }
});
