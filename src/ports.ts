/**
 * Interfaces between the application and the outside world. Adapters in src/adapters implement
 * them; tests of the application use in-memory implementations.
 */
import type { ProfileSummary } from './core/profile/aggregate.js';
import type { BaselineMetadata, BaselinePointer } from './core/history/baseline.js';
import type { OwnCodeSpec } from './core/profile/own-code.js';
import type { ChangedFiles } from './core/verdict/pull-lines.js';

/** Which side of the comparison a profile is; used in messages ("decoding base profile ..."). */
export type ProfileRole = 'base' | 'current';

/**
 * Where a profile comes from: a file to read, or bytes already in memory (e.g. a baseline fetched
 * from a store). `label` names it in messages and reports (the path as given, or a store key).
 */
export type ProfileSource =
  | { readonly role: ProfileRole; readonly label: string; readonly path: string }
  | { readonly role: ProfileRole; readonly label: string; readonly bytes: Uint8Array };

/**
 * Reads, decodes and summarizes profiles; resolves to one summary per source, in order.
 * `focus` are the function rules' patterns (SummarizeOptions.focus), the same for every source;
 * `options.tree` asks for each profile's call tree too (SummarizeOptions.tree), `options.lines` for
 * its per-line totals (SummarizeOptions.lines), `options.ownCode` for the attribution to own code
 * (SummarizeOptions.ownCode).
 * Rejects with a HeapgateError whose message starts with the step, role and label:
 * `reading base profile a.pb.gz: no such file`, `decoding current profile b.pb.gz: ...`.
 */
export type SummaryLoader = (
  sources: readonly ProfileSource[],
  focus: readonly string[],
  options?: { readonly tree?: boolean; readonly lines?: boolean; readonly ownCode?: OwnCodeSpec },
) => Promise<ProfileSummary[]>;

/** A baseline read back from a store: its metadata and the profile bytes exactly as stored. */
export interface StoredBaseline {
  readonly metadata: BaselineMetadata;
  readonly profile: Uint8Array;
}

/** What `BaselineStore.put` did. */
/** What `BaselineStore.delete` did. */
export interface DeleteBaselineResult {
  /** `removed`: the commit's object was there and is gone. `absent`: there was none. */
  readonly object: 'removed' | 'absent';
  /**
   * How the pointer changed: `absent` it did not name the commit; `history` dropped from the
   * history; `current` the history's newest is now current; `last` the branch has no baseline left.
   */
  readonly pointer: 'absent' | 'history' | 'current' | 'last';
  /** The branch's current baseline after the delete, if any. */
  readonly current?: BaselineMetadata | undefined;
}

export interface PutBaselineResult {
  /**
   * `created`: this call stored the commit's object. `exists`: an object for the commit was already
   * there and was kept (the first write wins; a second write of the same commit is not an error).
   */
  readonly object: 'created' | 'exists';
  /**
   * `moved`: the branch's pointer now names this commit. `same-commit`: it already did.
   * `older`: it names a newer commit and was left alone (pointers only move forward).
   */
  readonly pointer: 'moved' | 'same-commit' | 'older';
  /** The metadata now stored with the commit's object (the first writer's when `exists`). */
  readonly metadata: BaselineMetadata;
}

/**
 * Where baselines live: per series and branch, one immutable object per commit plus a pointer
 * naming the current baseline and the metadata of the previous ones (docs/storage.md).
 *
 * Every failure is a StoreError (exit code 3) whose one-line message names the problem and, for
 * permissions and credentials, what to grant or set up. "Not found" is not a failure: reads resolve
 * to undefined.
 */
export interface BaselineStore {
  /** Where the store is, for messages: `gs://bucket/prefix` or a directory path. */
  readonly location: string;

  /**
   * Stores `profile` as the baseline of `metadata.sha` on `metadata.branch` (create-only), then
   * offers it to the branch's pointer by compare-and-swap; the pointer moves only to a newer commit
   * (compareNewer in core/history/baseline.ts). Safe to run concurrently from many processes.
   */
  put(metadata: BaselineMetadata, profile: Uint8Array): Promise<PutBaselineResult>;

  /** The branch's pointer (current baseline metadata + bounded history), or undefined when none. */
  pointer(series: string, branch: string): Promise<BaselinePointer | undefined>;

  /** The baseline stored for `sha` on `branch`, or undefined when there is none. */
  commit(series: string, branch: string, sha: string): Promise<StoredBaseline | undefined>;

  /**
   * Removes the baseline of `sha` on `branch` (`baseline delete`): the pointer first, by the same
   * compare-and-swap as put (the history's newest takes the current's place), then the commit's
   * object. Run again after an interruption, it finishes the job.
   */
  delete(series: string, branch: string, sha: string): Promise<DeleteBaselineResult>;

  /** Branches of a series that have a pointer or commits, decoded, sorted. */
  branches(series: string): Promise<string[]>;

  /** The series the store holds (names with at least one branch directory or object), sorted. */
  series(): Promise<string[]>;
}

/** A comment on an issue or pull request, as the GitHub REST API returns it. */
export interface IssueComment {
  readonly id: number;
  readonly body: string;
  /** The comment's page (html_url). */
  readonly url: string;
  /** Login of the author, e.g. `octocat` or `github-actions[bot]`. */
  readonly author: string;
}

/**
 * A GitHub API call failed. `status` is the HTTP status (0 when there was no response);
 * `message` is GitHub's one-line message, e.g. "Resource not accessible by integration".
 * The application decides what a failure means (a 403 on commenting is a warning, not a failure).
 */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GitHubApiError';
  }
}

/**
 * Comments of one repository's issues and pull requests. Translates only: which comment is the
 * sticky one, and whether to write at all, is decided by the application. Failures reject with
 * GitHubApiError.
 */
export interface CommentSink {
  /**
   * The login that comments written with this token are authored by: the token owner's login for a
   * personal token (GET /user), `github-actions[bot]` for the workflow's GITHUB_TOKEN (which cannot
   * read /user).
   */
  identity(): Promise<string>;
  /** Every comment on issue or pull request `issue`, all pages, oldest first. */
  list(issue: number): Promise<IssueComment[]>;
  create(issue: number, body: string): Promise<IssueComment>;
  update(commentId: number, body: string): Promise<IssueComment>;
}

/** Read-only facts about pull requests that are not in the event payload. Failures reject with GitHubApiError. */
export interface PullRequestInfo {
  /** The merge-base commit of `base` and `head` (GET compare/base...head), or undefined when GitHub cannot say. */
  mergeBase(base: string, head: string): Promise<string | undefined>;
  /** Login of whoever most recently added `label` to issue/PR `issue` (its issue events), or undefined. */
  labeledBy(issue: number, label: string): Promise<string | undefined>;
  /**
   * The merged pull request that brought commit `sha` (GET commits/{sha}/pulls, merged ones only: the
   * one whose merge commit is `sha`, else the lowest number), or undefined (a direct push).
   */
  mergedPullOf(sha: string): Promise<MergedPullRequest | undefined>;
  /** The lines pull request `pull` adds or changes (GET pulls/{n}/files, paged; from each file's patch). */
  changedLines?(pull: number): Promise<ChangedFiles>;
}

/** An issue of the repository, as the step announcements see it. */
export interface RepositoryIssue {
  readonly number: number;
  readonly url: string;
}

/**
 * The repository's issues, for announcing a series' steps (GET, POST and PATCH /repos/{o}/{r}/issues;
 * needs `issues: write`). Failures reject with GitHubApiError.
 */
export interface IssueTracker {
  /** The open issue (not a pull request) whose body holds `marker`, the lowest number; undefined when none. */
  findOpen(marker: string): Promise<RepositoryIssue | undefined>;
  create(title: string, body: string): Promise<RepositoryIssue>;
  update(issue: number, title: string, body: string): Promise<RepositoryIssue>;
}

/** A merged pull request, as a push to the default branch looks it up. */
export interface MergedPullRequest {
  readonly number: number;
  /** Its labels when it merged. */
  readonly labels: readonly string[];
}

/**
 * Where the HTML report goes for a reviewer to open: a workflow artifact of the run. Resolves to the
 * page that serves it. Failures reject with any Error; the application only warns (a report that
 * could not be uploaded never fails the gate).
 */
export interface ReportUploader {
  upload(html: string, name: string): Promise<{ readonly url: string }>;
}

/** The job summary of the current step (Markdown, shown on the run's page). */
export interface JobSummary {
  /** Appends `markdown` to the summary. */
  append(markdown: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Annotation properties: a title shown above the message, and the file and line it is shown on. */
export interface AnnotationProperties {
  readonly title?: string;
  /** A path relative to the repository's root (see SourceLocator). */
  readonly file?: string;
  readonly startLine?: number;
}

/**
 * The checkout's path of a source file as a profile records it (absolute, a module path, a file://
 * URL), when that file exists in the checkout; null otherwise (see adapters/source-files.ts).
 */
export type SourceLocator = (file: string) => Promise<string | null>;

/** Log lines and annotations. Messages must not contain secrets; adapters mask what they know is secret. */
export interface Logger {
  info(message: string): void;
  /** A warning annotation. */
  warning(message: string, properties?: AnnotationProperties): void;
  /** An error annotation (does not by itself fail the step). */
  error(message: string, properties?: AnnotationProperties): void;
}

/** A record's two files as read back (each within its size cap; see core/history/record.ts). */
export interface RecordFiles {
  /** The manifest's text. */
  readonly manifest: string;
  /** The profile file's bytes as recorded. */
  readonly profile: Uint8Array;
}

/**
 * The directory a record run writes and a report run reads (an artifact's content). Files are
 * named from the series alone (validated, plain); nothing read from the directory names a file.
 * Failures reject with a UsageError naming the file and the problem.
 */
export interface RecordDirectory {
  /** The directory, for messages. */
  readonly location: string;
  write(series: string, files: RecordFiles): Promise<void>;
  /**
   * The record of `series`: regular files only (no links), each at most its cap in bytes
   * (`maxManifestBytes`, `maxProfileBytes`), else a UsageError.
   */
  read(
    series: string,
    caps: { readonly maxManifestBytes: number; readonly maxProfileBytes: number },
  ): Promise<RecordFiles>;
}

/** An open pull request as GitHub returns it (GET commits/{sha}/pulls): trusted data. */
export interface OpenPullRequest {
  readonly number: number;
  readonly state: string;
  readonly headSha: string;
  /** `head.repo.full_name`; null when the fork was deleted. */
  readonly headRepository: string | null;
  readonly headRef: string;
  readonly baseRef: string;
  readonly baseSha: string;
  readonly labels: readonly string[];
}

/** A commit status (POST statuses/{sha}). */
export interface CommitStatus {
  readonly state: 'success' | 'failure' | 'error' | 'pending';
  readonly context: string;
  /** At most 140 characters. */
  readonly description: string;
  readonly targetUrl: string | null;
}

/** Pull requests of a commit and its statuses. Failures reject with GitHubApiError. */
export interface CommitInfo {
  /** The pull requests whose commits include `sha` (GET commits/{sha}/pulls), all pages. */
  pullsOf(sha: string): Promise<OpenPullRequest[]>;
  setStatus(sha: string, status: CommitStatus): Promise<void>;
}
