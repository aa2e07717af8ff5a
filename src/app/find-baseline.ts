/**
 * Finding the baseline a run is compared against, for the Action and `heapgate check` alike: a
 * commit's (one asked for, or a pull request's merge base) when the store has it, else the current
 * baseline of each branch in order.
 */
import type { BaselinePointer } from '../core/history/baseline.js';
import { closestNames, rankByDistance } from '../core/rules/closest.js';
import { firstLine } from '../core/error-text.js';
import { StoreError, UsageError } from '../core/errors.js';
import type { BaselineInfo, SeriesHint } from '../core/verdict/gate.js';
import type { BaselineStore, Logger, ProfileSource, PullRequestInfo, StoredBaseline } from '../ports.js';

/** Where to look for the baseline: a commit first (when set), then the current baseline of each branch in order. */
export interface BaselineLookup {
  /**
   * `{ sha }`: that commit's baseline, on any branch (an error when the store has none);
   * `{ mergeBase }`: the baseline of the merge base of a pull request's base and head commits, on
   * the first branch (the branches' latest when GitHub cannot tell it or the store lacks it);
   * null: the branches' latest.
   */
  readonly commit:
    | {
        readonly sha: string;
        /** Where the sha came from, for the error when the store lacks it (default `input baseline-sha`). */
        readonly from?: string;
      }
    | { readonly mergeBase: { readonly base: string; readonly head: string } }
    | null;
  /** At least one branch. */
  readonly branches: readonly string[];
}

export interface FoundBaseline {
  readonly stored: StoredBaseline;
  readonly branch: string;
  readonly chosen: BaselineInfo['chosen'];
  /** The pointer of `branch`, for the trend; undefined when the branch has none. */
  readonly pointer: BaselinePointer | undefined;
}

/** The baseline's profile as the base of a comparison, labelled `baseline <commit> (<branch>)`. */
export function baselineSource(found: FoundBaseline): ProfileSource {
  const label = `baseline ${found.stored.metadata.sha.slice(0, 12)} (${found.branch})`;
  return { role: 'base', label, bytes: found.stored.profile };
}

export interface LookupPorts {
  readonly store: BaselineStore;
  /** Needed for a merge base; null when there is no GitHub API to ask. */
  readonly pulls: PullRequestInfo | null;
  readonly log: Logger;
}

/**
 * The baseline `lookup` names, or undefined when the store has none. A requested commit the store
 * lacks is a UsageError; a merge base GitHub cannot tell is logged, and the branches' latest
 * baselines are used. A pointer naming a missing profile is a StoreError ending with `repair` (how
 * to re-baseline), or, with `repair` null (this run stores the new baseline, which repairs the
 * pointer), only a warning.
 */
export async function findBaseline(
  ports: LookupPorts,
  series: string,
  lookup: BaselineLookup,
  repair: string | null,
): Promise<FoundBaseline | undefined> {
  const { store } = ports;
  if (lookup.commit !== null) {
    const found = await findCommit(ports, series, lookup);
    if (found !== undefined) return found;
  }
  for (const branch of lookup.branches) {
    const pointer = await store.pointer(series, branch);
    if (pointer === undefined) continue;
    const stored = await store.commit(series, branch, pointer.current.sha);
    if (stored === undefined) {
      const message =
        `${store.location}: the pointer of ${series} on ${branch} names commit ${pointer.current.sha}, ` +
        'whose profile is missing';
      if (repair !== null) throw new StoreError(`${message}; ${repair}`);
      ports.log.warning(`${message}; this run replaces it`);
      continue;
    }
    return { stored, branch, chosen: 'latest', pointer };
  }
  return undefined;
}

async function findCommit(
  ports: LookupPorts,
  series: string,
  lookup: BaselineLookup,
): Promise<FoundBaseline | undefined> {
  const { store } = ports;
  const commit = lookup.commit!;
  const mergeBase = 'mergeBase' in commit;
  const sha = mergeBase ? await mergeBaseOf(ports, commit.mergeBase) : commit.sha;
  if (sha === undefined) return undefined;
  // A merge base lives on the base branch; a requested commit may be on any branch.
  const branches = mergeBase
    ? [lookup.branches[0]!]
    : [...new Set([...lookup.branches, ...(await store.branches(series))])];
  const chosen = mergeBase ? 'merge-base' : 'requested';
  for (const branch of branches) {
    const stored = await store.commit(series, branch, sha);
    if (stored !== undefined) return { stored, branch, chosen, pointer: await store.pointer(series, branch) };
  }
  if (!mergeBase)
    throw new UsageError(
      `${commit.from ?? 'input baseline-sha'}: no baseline of series ${series} for commit ${sha} in ${store.location}`,
    );
  return undefined;
}

async function mergeBaseOf(
  ports: LookupPorts,
  commits: { readonly base: string; readonly head: string },
): Promise<string | undefined> {
  if (ports.pulls === null) return undefined;
  try {
    return await ports.pulls.mergeBase(commits.base, commits.head);
  } catch (e) {
    ports.log.info(
      `could not find the merge base of the pull request (${firstLine(e)}); using the base branch's latest baseline`,
    );
    return undefined;
  }
}

/** Branches of a series whose pointers a hint reads at most. */
const MAX_BRANCHES_TRIED = 20;

/**
 * The store's series other than `series`, closest first, for a "did you mean" when it has no
 * baseline of `series`, and the branches that hold a baseline of `series` when it is there on
 * other branches (the looked-up ones have none).
 * Only a hint: a store that cannot be listed (no list permission) yields none.
 */
export async function otherSeries(ports: Pick<LookupPorts, 'store' | 'log'>, series: string): Promise<SeriesHint> {
  let names: string[];
  const branches: string[] = [];
  try {
    const all = await ports.store.series();
    names = rankByDistance(series, all);
    // The series is there, on branches other than those looked at: name them.
    if (all.includes(series)) {
      for (const b of (await ports.store.branches(series)).slice(0, MAX_BRANCHES_TRIED)) {
        if ((await ports.store.pointer(series, b)) !== undefined) branches.push(b);
      }
    }
  } catch (e) {
    ports.log.info(`could not list the series in ${ports.store.location} (${firstLine(e)})`);
    names = [];
  }
  return {
    names,
    guess: closestNames(series, names, { limit: 1 })[0] ?? null,
    ...(branches.length > 0 ? { branches } : {}),
  };
}
