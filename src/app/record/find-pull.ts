/**
 * The pull request a report run is about, found from trusted facts only: the workflow_run event's
 * head commit, head repository and head branch, and GitHub's list of pull requests containing that
 * commit. A number the record names is a hint: used to choose among several matches when it agrees,
 * ignored with a warning when it does not.
 */
import type { CommitInfo, Logger, OpenPullRequest } from '../../ports.js';

/** The triggering run's head, from the workflow_run event (set by GitHub, not by the run's code). */
export interface RunHead {
  readonly sha: string;
  /** `workflow_run.head_repository.full_name`; null when the payload lacks it. */
  readonly repository: string | null;
  /** `workflow_run.head_branch`; null when the payload lacks it. */
  readonly branch: string | null;
}

/** True when `pull` is open and its head is exactly the run's head. */
export function headMatches(pull: OpenPullRequest, head: RunHead): boolean {
  return (
    pull.state === 'open' &&
    pull.headSha === head.sha &&
    (head.repository === null || pull.headRepository?.toLowerCase() === head.repository.toLowerCase()) &&
    (head.branch === null || pull.headRef === head.branch)
  );
}

/**
 * The open pull request whose head is the run's head: the hinted one when it is among them, else the
 * oldest (lowest number). Undefined when there is none (e.g. the run was not for a pull request).
 */
export async function findPullRequest(
  commits: CommitInfo,
  head: RunHead,
  hint: number | null,
  log: Logger,
): Promise<OpenPullRequest | undefined> {
  const matches = (await commits.pullsOf(head.sha)).filter((p) => headMatches(p, head));
  matches.sort((a, b) => a.number - b.number);
  const hinted = hint === null ? undefined : matches.find((p) => p.number === hint);
  if (hint !== null && hinted === undefined) {
    log.warning(
      `the record names pull request #${hint}, which is not an open pull request with head ${head.sha.slice(0, 12)}` +
        `; ignored`,
      { title: 'heapgate: record does not match the run' },
    );
  }
  const chosen = hinted ?? matches[0];
  if (chosen === undefined) return undefined;
  if (matches.length > 1)
    log.info(`${matches.length} open pull requests have head ${head.sha.slice(0, 12)}: reporting on #${chosen.number}`);
  return chosen;
}
