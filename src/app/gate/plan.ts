/**
 * What the Action does for an event, decided before anything is read: which baseline to compare
 * against, whether this run becomes the new baseline, and whether a failing verdict fails the step.
 * Pure.
 */
import type { BaselineLookup } from '../find-baseline.js';

/**
 * `auto`: by event (see planRun); `check`: compare only; `update`: compare if possible, then store this run as the
 * baseline.
 */
export const MODES = ['auto', 'check', 'update'] as const;
export type Mode = (typeof MODES)[number];

/** `always`: every run on the default branch becomes the baseline; `on-pass`: only runs whose verdict is not fail. */
export const UPDATE_POLICIES = ['always', 'on-pass'] as const;
export type UpdatePolicy = (typeof UPDATE_POLICIES)[number];

/** The pull request an event is about (pull_request and pull_request_target events). */
export interface PullRequestEvent {
  readonly number: number;
  /** The branch it merges into. */
  readonly baseRef: string;
  /** The base branch's head commit when the event fired. */
  readonly baseSha: string;
  readonly headSha: string;
  /** The branch it merges from (`head.ref`; for a fork, a branch of the fork). */
  readonly headRef: string;
  /** Names of its labels when the event fired. */
  readonly labels: readonly string[];
  /** For a `labeled`/`unlabeled` event: which label and who (payload `label.name`, `sender.login`). */
  readonly labelEvent: {
    readonly action: 'labeled' | 'unlabeled';
    readonly label: string;
    readonly sender: string;
  } | null;
}

/** The workflow run as the Action sees it (from GITHUB_* variables and the event payload). */
export interface GateEvent {
  /** GITHUB_EVENT_NAME: push, pull_request, workflow_dispatch, schedule, ... */
  readonly name: string;
  /** owner/name */
  readonly repository: string;
  /** e.g. https://github.com */
  readonly serverUrl: string;
  /** The commit this run built (GITHUB_SHA; for a pull request the head commit, see planRun). */
  readonly sha: string;
  /** The branch of refs/heads/<branch> runs (push, workflow_dispatch); null for tags and pull requests. */
  readonly branch: string | null;
  /** The repository's default branch (payload `repository.default_branch`), when the payload has it. */
  readonly defaultBranch: string | null;
  readonly runId: string | null;
  /** Committer time of the commit (push payload `head_commit.timestamp`), when known. */
  readonly commitTime: string | null;
  /** GITHUB_ACTOR: who started the run (a workflow_dispatch's user), when known. */
  readonly actor?: string | null;
  readonly pullRequest: PullRequestEvent | null;
}

export interface PlanConfig {
  readonly mode: Mode;
  /** base-branch input; null = the repository's default branch. */
  readonly baseBranch: string | null;
  readonly updateBaseline: UpdatePolicy;
  readonly failOnRegression: boolean;
  /** workflow_dispatch: compare against this commit's baseline; null = the branch's latest. */
  readonly baselineSha: string | null;
}

export interface RunPlan {
  readonly lookup: BaselineLookup;
  /**
   * Store this run as the baseline of `branch` (`when`: always, or only when the verdict is not fail); null = never.
   */
  readonly update: { readonly branch: string; readonly when: 'always' | 'unless-fail' } | null;
  /** True when a failing verdict (not accepted) fails the step. */
  readonly failOnRegression: boolean;
  /** The pull request to comment on and read labels of; null outside pull requests. */
  readonly pullRequest: PullRequestEvent | null;
  /** The commit stored as the baseline, and named in the report. */
  readonly sha: string;
}

/** The branch whose baselines the run is compared against when nothing more specific applies. */
function baseBranchOf(config: PlanConfig, event: GateEvent): string {
  return config.baseBranch ?? event.defaultBranch ?? 'main';
}

/**
 * The plan for an event:
 * - pull request: compare with the merge-base commit's baseline on the PR's base branch, else that
 *   branch's latest, else the base-branch input's latest; never store; a fail fails the step
 *   (unless accepted; decided later);
 * - push to the base branch: compare with its latest, then store this run (`always`, or `on-pass`:
 *   only when the verdict is not fail). With `always` a regression is reported but does not fail
 *   the step: what is merged is the new truth, and the pull request already had its check;
 *   with `on-pass` it fails the step, as a gate on the branch itself;
 * - push to another branch, workflow_dispatch, schedule and the rest: compare with the given
 *   commit's baseline (baseline-sha) or the base branch's latest; never store.
 * `mode: check` never stores; `mode: update` always stores (on the run's branch; for a pull request,
 * its head branch) and never fails.
 */
export function planRun(config: PlanConfig, event: GateEvent): RunPlan {
  const base = baseBranchOf(config, event);
  const pr = event.pullRequest;
  const branches = (first: string): string[] => (first === base ? [first] : [first, base]);
  const requested = config.baselineSha === null ? null : { sha: config.baselineSha };
  let lookup: BaselineLookup;
  let sha = event.sha;
  if (pr !== null) {
    lookup = {
      commit: requested ?? { mergeBase: { base: pr.baseSha, head: pr.headSha } },
      branches: branches(pr.baseRef),
    };
    sha = pr.headSha;
  } else {
    lookup = { commit: requested, branches: branches(event.branch ?? base) };
  }
  // A pull request's run is never stored as its base branch's baseline: its code is not merged.
  const ownBranch = pr !== null ? pr.headRef : (event.branch ?? base);
  if (config.mode === 'update') {
    return { lookup, update: { branch: ownBranch, when: 'always' }, failOnRegression: false, pullRequest: pr, sha };
  }
  const onBase = pr === null && event.name === 'push' && event.branch === base;
  if (config.mode === 'auto' && onBase) {
    const strict = config.updateBaseline === 'on-pass';
    return {
      lookup,
      update: { branch: base, when: strict ? 'unless-fail' : 'always' },
      failOnRegression: strict && config.failOnRegression,
      pullRequest: null,
      sha,
    };
  }
  return { lookup, update: null, failOnRegression: config.failOnRegression, pullRequest: pr, sha };
}
