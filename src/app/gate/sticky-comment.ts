/**
 * The sticky pull-request comment: one per series, found by its hidden marker among the comments
 * written by the token's own identity (so nobody can hijack it by pasting the marker into a comment
 * of their own), edited in place, and left alone when its text is already right.
 */
import type { GateVerdict } from '../../core/verdict/gate.js';
import { commentMarker } from '../../core/render/comment.js';
import type { CommentSink, IssueComment } from '../../ports.js';

/**
 * `always`; `on-change`: when the verdict is warn, fail, inconclusive or accepted; `on-regression`: when it
 * is fail (or accepted);
 * `never`.
 */
export const COMMENT_POLICIES = ['always', 'on-change', 'on-regression', 'never'] as const;
export type CommentPolicy = (typeof COMMENT_POLICIES)[number];

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface CommentResult {
  readonly action: CommentAction;
  /** The comment's page; null when skipped and none exists. */
  readonly url: string | null;
}

/**
 * Whether the policy wants a comment for this verdict. An existing sticky comment is always kept
 * up to date (unless the policy is `never`), so a fixed pull request does not keep showing an old
 * regression.
 */
export function wantsComment(policy: CommentPolicy, verdict: GateVerdict, exists: boolean): boolean {
  switch (policy) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'on-change':
      return exists || verdict === 'fail' || verdict === 'warn' || verdict === 'inconclusive' || verdict === 'accepted';
    case 'on-regression':
      return exists || verdict === 'fail' || verdict === 'accepted';
  }
}

/**
 * A login as compared: lower case (GitHub's logins are case-insensitive) without a trailing `[bot]`,
 * which one source reports for an app's bot and another leaves out (GraphQL `viewer.login` is
 * `github-actions` for the token REST calls `github-actions[bot]`).
 */
export function loginKey(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '');
}

/**
 * The sticky comment of `series` among `comments`: the oldest one authored by `identity` (see
 * loginKey) whose body contains the series' marker; an exact login match wins over one that needed
 * the `[bot]` suffix removed.
 */
export function findSticky(
  comments: readonly IssueComment[],
  identity: string,
  series: string,
): IssueComment | undefined {
  const marker = commentMarker(series);
  const mine = comments.filter((c) => c.body.includes(marker) && loginKey(c.author) === loginKey(identity));
  return mine.find((c) => c.author.toLowerCase() === identity.toLowerCase()) ?? mine[0];
}

/**
 * Creates, updates or leaves the sticky comment of `series` on pull request `issue`, per `policy`.
 * `body` must contain the series' marker (renderComment adds it). Rejects with the sink's errors.
 */
export async function upsertSticky(
  sink: CommentSink,
  issue: number,
  series: string,
  body: string,
  policy: CommentPolicy,
  verdict: GateVerdict,
): Promise<CommentResult> {
  if (policy === 'never') return { action: 'skipped', url: null };
  const [identity, comments] = await Promise.all([sink.identity(), sink.list(issue)]);
  const existing = findSticky(comments, identity, series);
  if (!wantsComment(policy, verdict, existing !== undefined)) return { action: 'skipped', url: null };
  if (existing === undefined) {
    const created = await sink.create(issue, body);
    return { action: 'created', url: created.url };
  }
  if (existing.body === body) return { action: 'unchanged', url: existing.url };
  const updated = await sink.update(existing.id, body);
  return { action: 'updated', url: updated.url };
}
