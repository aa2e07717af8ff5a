/**
 * Which baseline profiles a store with bounded growth keeps: the newest few per series and branch.
 * The metadata of every baseline stays, so the pointer's history and `baseline show` keep working;
 * only the profile bytes of older commits go. Pure: the store lists what it holds and applies the
 * answer.
 */
import { compareNewer, type BaselineMetadata } from './baseline.js';

/**
 * Profiles kept per series and branch by a store with bounded growth (the `branch:` store): enough
 * for the latest baseline and the merge bases of pull requests opened over the last pushes.
 */
export const DEFAULT_KEEP_PROFILES = 20;

/**
 * The commits (shas) whose profiles to drop so that at most `keep` (≥ 1) of `present` remain: the
 * oldest by compareNewer, ties broken by the time stored, then by sha, so every writer picks the
 * same ones. `current`, the commit the pointer names, is never dropped.
 */
export function profilesToDrop(
  present: readonly BaselineMetadata[],
  keep: number,
  current: string | undefined,
): string[] {
  const newestFirst = [...present].sort(
    (a, b) => compareNewer(b, a) || Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.sha < b.sha ? -1 : 1),
  );
  const kept = new Set(newestFirst.slice(0, Math.max(1, keep)).map((m) => m.sha));
  if (current !== undefined && !kept.has(current) && present.some((m) => m.sha === current)) {
    // The pointer's commit takes the place of the oldest kept one.
    const oldestKept = newestFirst.slice(0, Math.max(1, keep)).at(-1);
    if (oldestKept !== undefined && keep >= 1) kept.delete(oldestKept.sha);
    kept.add(current);
  }
  return newestFirst.filter((m) => !kept.has(m.sha)).map((m) => m.sha);
}
