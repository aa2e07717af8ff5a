/** Which profiles a store with bounded growth keeps: a table of cases over metadata built from numbers. */
import { profilesToDrop } from '../../../src/core/history/retention.js';
import { commitSha, meta } from '../../adapters/baseline-fixtures.js';

const shas = (ns: number[]): string[] => ns.map(commitSha);

test.each([
  // present (commit numbers; higher = newer commit time), keep, current → dropped
  [[1, 2, 3], 5, 3, []],
  [[1, 2, 3, 4, 5], 3, 5, [2, 1]],
  [[5, 1, 4, 2, 3], 3, 5, [2, 1]],
  [[1, 2, 3], 1, 3, [2, 1]],
  // keep 0 still keeps one: the pointer's
  [[1, 2, 3], 0, 3, [2, 1]],
  // The pointer's commit is kept even when others are newer by the keys (it replaces the oldest kept).
  [[1, 2, 3, 4], 2, 1, [3, 2]],
  // No pointer yet: the newest stay.
  [[1, 2, 3], 2, undefined, [1]],
])('present %j, keep %i, current %s → drop %j', (present, keep, current, dropped) => {
  const ms = present.map((n) => meta(n));
  expect(profilesToDrop(ms, keep, current === undefined ? undefined : commitSha(current))).toEqual(shas(dropped));
});

test('ties on every key are broken by sha, so every writer drops the same profile', () => {
  const same = { commitTime: '2026-01-01T00:00:00.000Z' };
  const a = { ...meta(1, same), createdAt: '2026-01-01T00:00:00.000Z' };
  const b = { ...meta(2, same), createdAt: '2026-01-01T00:00:00.000Z' };
  expect(profilesToDrop([a, b], 1, undefined)).toEqual(profilesToDrop([b, a], 1, undefined));
});
