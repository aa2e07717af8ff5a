/** Finding the baseline to compare against: the one lookup the Action and `heapgate check` share. */
import { baselineSource, findBaseline, type BaselineLookup, type LookupPorts } from '../../src/app/find-baseline.js';
import { baselineMetadata } from '../../src/core/history/baseline.js';
import { StoreError, UsageError } from '../../src/core/errors.js';
import type { PullRequestInfo } from '../../src/ports.js';
import { MemoryStore, recordingLog, sha } from '../helpers/memory-ports.js';

const SUMMARY = {
  sampleType: [{ type: 'inuse_space', unit: 'bytes' }],
  total: [1024],
  periodType: { type: 'space', unit: 'bytes' },
  period: 524288,
  sampleCount: 1,
  comment: [],
};

/** Stores a one-byte "profile" (its content is never read here) for `c` on `branch`, committed at `hour`. */
async function put(store: MemoryStore, branch: string, c: string, hour: number): Promise<void> {
  const time = `2026-01-01T${String(hour).padStart(2, '0')}:00:00Z`;
  const origin = { series: 'api', branch, sha: sha(c), createdAt: time, commitTime: time };
  await store.put(baselineMetadata(origin, SUMMARY, 1), new Uint8Array([hour]));
}

function ports(store: MemoryStore, pulls: PullRequestInfo | null = null): LookupPorts & { lines: string[] } {
  const lines: string[] = [];
  return { store, pulls, log: recordingLog(lines), lines };
}

const mergeBaseOf = (answer: () => Promise<string | undefined>): PullRequestInfo => ({
  mergeBase: answer,
  labeledBy: async () => undefined,
  mergedPullOf: async () => undefined,
});

const PR_COMMITS = { mergeBase: { base: sha('b'), head: sha('h') } };

describe('findBaseline', () => {
  let store: MemoryStore;
  beforeEach(async () => {
    store = new MemoryStore();
    await put(store, 'main', 'a', 1);
    await put(store, 'main', 'c', 3);
    await put(store, 'release', 'd', 4);
  });

  test("the latest baseline of the first branch that has one, with the branch's pointer", async () => {
    const found = await findBaseline(ports(store), 'api', { commit: null, branches: ['feature', 'main'] }, 'advice');
    expect(found).toMatchObject({ branch: 'main', chosen: 'latest' });
    expect(found!.stored.metadata.sha).toBe(sha('c'));
    expect(found!.pointer?.current.sha).toBe(sha('c'));
    expect(await findBaseline(ports(store), 'api', { commit: null, branches: ['feature'] }, 'advice')).toBeUndefined();
    expect(await findBaseline(ports(store), 'web', { commit: null, branches: ['main'] }, 'advice')).toBeUndefined();
  });

  test('a requested commit is found on any branch of the series', async () => {
    const found = await findBaseline(ports(store), 'api', { commit: { sha: sha('d') }, branches: ['main'] }, 'advice');
    expect(found).toMatchObject({ branch: 'release', chosen: 'requested' });
    expect(found!.stored.metadata.sha).toBe(sha('d'));
  });

  test('a requested commit the store lacks is a usage error naming it and the store', async () => {
    const p = findBaseline(ports(store), 'api', { commit: { sha: sha('e') }, branches: ['main'] }, 'advice');
    await expect(p).rejects.toBeInstanceOf(UsageError);
    await expect(p).rejects.toThrow(`no baseline of series api for commit ${sha('e')} in memory://`);
  });

  test("a pull request's merge base, on the base branch only", async () => {
    const lookup: BaselineLookup = { commit: PR_COMMITS, branches: ['main'] };
    const found = await findBaseline(
      ports(
        store,
        mergeBaseOf(async () => sha('a')),
      ),
      'api',
      lookup,
      'advice',
    );
    expect(found).toMatchObject({ branch: 'main', chosen: 'merge-base' });
    expect(found!.stored.metadata.sha).toBe(sha('a'));
    // The merge base has a baseline only on another branch: the base branch's latest instead.
    const elsewhere = await findBaseline(
      ports(
        store,
        mergeBaseOf(async () => sha('d')),
      ),
      'api',
      lookup,
      'advice',
    );
    expect(elsewhere).toMatchObject({ branch: 'main', chosen: 'latest' });
  });

  test('a merge base GitHub cannot tell falls back to the latest baseline, and says why', async () => {
    const lookup: BaselineLookup = { commit: PR_COMMITS, branches: ['main'] };
    expect(await findBaseline(ports(store), 'api', lookup, 'advice')).toMatchObject({ chosen: 'latest' });
    const failing = ports(
      store,
      mergeBaseOf(async () => {
        throw new Error('Not Found\nmore');
      }),
    );
    expect(await findBaseline(failing, 'api', lookup, 'advice')).toMatchObject({ chosen: 'latest' });
    expect(failing.lines).toEqual([
      "info: could not find the merge base of the pull request (Not Found); using the base branch's latest baseline",
    ]);
  });

  describe('a pointer naming a profile the store lost', () => {
    beforeEach(() => store.objects.delete(`api/main/${sha('c')}`));

    test('is a store error ending with the advice', async () => {
      const p = findBaseline(ports(store), 'api', { commit: null, branches: ['main'] }, 're-baseline with X');
      await expect(p).rejects.toBeInstanceOf(StoreError);
      await expect(p).rejects.toThrow(
        `memory://: the pointer of api on main names commit ${sha('c')}, whose profile is missing; re-baseline with X`,
      );
    });

    test('is a warning for a run that stores the replacement, and the next branch is tried', async () => {
      const p = ports(store);
      const found = await findBaseline(p, 'api', { commit: null, branches: ['main', 'release'] }, null);
      expect(found).toMatchObject({ branch: 'release', chosen: 'latest' });
      expect(p.lines).toEqual([
        `warning: memory://: the pointer of api on main names commit ${sha('c')}, whose profile is missing; this ` +
          `run replaces it`,
      ]);
    });
  });

  test('the found baseline as the base of a comparison: labelled with its short commit and branch', async () => {
    const found = await findBaseline(ports(store), 'api', { commit: null, branches: ['main'] }, 'advice');
    const source = baselineSource(found!);
    expect(source).toEqual({
      role: 'base',
      label: `baseline ${sha('c').slice(0, 12)} (main)`,
      bytes: new Uint8Array([3]),
    });
  });
});
