/**
 * Finding the baseline a run is compared against: a commit's (the pull request's merge base, or the
 * one asked for) when the store has it, else the current baseline of each branch in order.
 */
import type { BaselinePointer } from '../core/baseline.js';
import { StoreError, UsageError } from '../core/errors.js';
import type { BaselineInfo } from '../core/render/comment.js';
import type { BaselineStore, Logger, PullRequestInfo, StoredBaseline } from '../ports.js';
import type { BaselineLookup, PullRequestEvent } from './gate-plan.js';
import { firstLine } from '../core/error-text.js';

export interface FoundBaseline {
  readonly stored: StoredBaseline;
  readonly branch: string;
  readonly chosen: BaselineInfo['chosen'];
  /** The pointer of `branch`, for the trend; undefined when the branch has none. */
  readonly pointer: BaselinePointer | undefined;
}

export interface LookupPorts {
  readonly store: BaselineStore;
  readonly pulls: PullRequestInfo | null;
  readonly log: Logger;
}

/**
 * The baseline `lookup` names, or undefined when the store has none. A requested commit the store
 * lacks is a UsageError naming the input; a pointer naming a missing profile is a StoreError.
 * A merge base GitHub cannot tell is logged, and the branches' latest baselines are used.
 * With `repairing` (a run that will store the new baseline) a missing profile is only a warning:
 * storing this run is what repairs the pointer.
 */
export async function findBaseline(
  ports: LookupPorts,
  series: string,
  lookup: BaselineLookup,
  pr: PullRequestEvent | null,
  repairing = false,
): Promise<FoundBaseline | undefined> {
  const { store } = ports;
  const first = lookup.branches[0]!;
  if (lookup.commit !== null) {
    let sha: string | undefined;
    let chosen: BaselineInfo['chosen'] = 'requested';
    if (lookup.commit === 'merge-base') {
      sha = await mergeBase(ports, pr);
      chosen = 'merge-base';
    } else {
      sha = lookup.commit.sha;
    }
    if (sha !== undefined) {
      // A merge base lives on the base branch; a requested commit may be on any branch.
      const branches = chosen === 'merge-base' ? [first] : [...new Set([...lookup.branches, ...(await store.branches(series))])];
      for (const branch of branches) {
        const stored = await store.commit(series, branch, sha);
        if (stored !== undefined) return { stored, branch, chosen, pointer: await store.pointer(series, branch) };
      }
      if (chosen === 'requested') {
        throw new UsageError(`input baseline-sha: no baseline of series ${series} for commit ${sha} in ${store.location}`);
      }
    }
  }
  for (const branch of lookup.branches) {
    const pointer = await store.pointer(series, branch);
    if (pointer === undefined) continue;
    const stored = await store.commit(series, branch, pointer.current.sha);
    if (stored === undefined) {
      const message = `${store.location}: the pointer of ${series} on ${branch} names commit ${pointer.current.sha}, whose profile is missing`;
      if (!repairing) throw new StoreError(`${message}; re-baseline with mode update`);
      ports.log.warning(`${message}; this run replaces it`);
      continue;
    }
    return { stored, branch, chosen: 'latest', pointer };
  }
  return undefined;
}

async function mergeBase(ports: LookupPorts, pr: PullRequestEvent | null): Promise<string | undefined> {
  if (pr === null || ports.pulls === null) return undefined;
  try {
    return await ports.pulls.mergeBase(pr.baseSha, pr.headSha);
  } catch (e) {
    ports.log.info(`could not find the merge base of the pull request (${firstLine(e)}); using the base branch's latest baseline`);
    return undefined;
  }
}

