/** Storing a baseline: the one path the Action's default-branch runs and `heapgate baseline put` share. */
import { runUrl, storeBaseline } from '../../src/app/store-baseline.js';
import { UsageError } from '../../src/core/errors.js';
import { MemoryStore, sha } from '../helpers/memory-ports.js';

const SUMMARY = {
  sampleType: [
    { type: 'inuse_objects', unit: 'count' },
    { type: 'inuse_space', unit: 'bytes' },
  ],
  total: [3, 4096],
  periodType: { type: 'space', unit: 'bytes' },
  period: 1,
  sampleCount: 2,
  comment: ['go version go1.22.1'],
};

const RUN = { series: 'api', branch: 'main', sha: sha('A'), createdAt: '2026-01-01T00:00:00Z' };

describe('storeBaseline', () => {
  test("records the run, the profile's totals and producer, and moves the branch's pointer", async () => {
    const store = new MemoryStore();
    const profile = new Uint8Array([1, 2, 3]);
    const run = {
      ...RUN,
      commitTime: '2025-12-31T23:00:00Z',
      runId: '42',
      runUrl: runUrl('https://github.com', 'o/r', '42'),
    };
    const result = await storeBaseline(store, run, SUMMARY, profile);
    expect(result).toMatchObject({ object: 'created', pointer: 'moved' });
    expect(result.metadata).toMatchObject({
      sha: sha('a'),
      commitTime: '2025-12-31T23:00:00Z',
      runId: '42',
      runUrl: 'https://github.com/o/r/actions/runs/42',
      total: [3, 4096],
      producer: { goVersion: 'go1.22.1', memProfileRate: 1 },
      size: 3,
    });
    expect(store.objects.get(`api/main/${sha('a')}`)?.profile).toBe(profile);
    expect((await store.pointer('api', 'main'))?.current.sha).toBe(sha('a'));
  });

  test('a second run of the same commit keeps the first upload', async () => {
    const store = new MemoryStore();
    await storeBaseline(store, RUN, SUMMARY, new Uint8Array([1]));
    const again = await storeBaseline(
      store,
      { ...RUN, createdAt: '2026-01-02T00:00:00Z' },
      SUMMARY,
      new Uint8Array([2]),
    );
    expect(again).toMatchObject({ object: 'exists', pointer: 'same-commit' });
    expect(again.metadata.createdAt).toBe(RUN.createdAt);
  });

  test('invalid run fields are usage errors, and nothing is stored', async () => {
    const store = new MemoryStore();
    await expect(storeBaseline(store, { ...RUN, runId: '4x' }, SUMMARY, new Uint8Array())).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(storeBaseline(store, { ...RUN, sha: 'xyz' }, SUMMARY, new Uint8Array())).rejects.toBeInstanceOf(
      UsageError,
    );
    expect(store.objects.size).toBe(0);
  });
});
