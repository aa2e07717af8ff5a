/**
 * BaselineStore in a branch of the repository (`branch:heapgate-baselines`), written through the
 * GitHub Git Data API with @actions/github's Octokit: no checkout, no cloud account. Translation
 * only: object names, the pointer decision and which profiles to keep come from core/.
 *
 * The branch's tree has the layout of the other stores (docs/storage.md):
 * `<series>/<branch>/commits/<sha>.pb.gz`, its metadata `<sha>.json` beside it, and the pointer
 * `<series>/<branch>/latest.json`. One put is one git commit:
 *
 * 1. read the tip (ref → commit → tree) and, in that tree, the pointer and the commit's metadata;
 * 2. decide: store the object unless the commit has one (create-only: the first writer's metadata
 *    and profile stay), move the pointer only forward (advancePointer), and drop the profiles
 *    beyond the newest K of the series and branch (their metadata stays);
 * 3. blob, tree (base_tree = the tip's tree), commit (parent = the tip), then a ref update with
 *    `force: false`: GitHub accepts it only if it fast-forwards, so a writer that lost the race gets
 *    422, re-reads and decides again — a compare-and-swap on the whole tree. A missing branch is
 *    created (POST git/refs), where losing the race is also a 422.
 *
 * Reading needs `contents: read` only (fork pull requests of public repositories can compare);
 * writing needs `contents: write`.
 */
import type { getOctokit } from '@actions/github';
import {
  advancePointer,
  baselineKeys,
  decodeBranch,
  encodePointer,
  isSeriesName,
  normalizeSha,
  parseMetadata,
  parsePointer,
  removeFromPointer,
  validateSeries,
  DEFAULT_HISTORY_LIMIT,
  type BaselineMetadata,
  type BaselinePointer,
} from '../core/history/baseline.js';
import { DEFAULT_KEEP_PROFILES, profilesToDrop } from '../core/history/retention.js';
import { StoreError } from '../core/errors.js';
import type { BaselineStore, DeleteBaselineResult, PutBaselineResult, StoredBaseline } from '../ports.js';
import { branchStoreError, githubMessage, statusOf } from './branch-store-errors.js';
import { parseStored } from './stored-json.js';

type Octokit = ReturnType<typeof getOctokit>;
type Sleep = (ms: number) => Promise<void>;

export interface BranchStoreConfig {
  readonly octokit: Octokit;
  /** owner/name */
  readonly repository: string;
  /** The git branch holding the baselines, e.g. heapgate-baselines. */
  readonly branch: string;
  readonly historyLimit?: number;
  /** Profiles kept per series and branch (default DEFAULT_KEEP_PROFILES); older ones keep their metadata. */
  readonly keepProfiles?: number;
  /** Attempts of the ref update before giving up (default 20). */
  readonly maxCasAttempts?: number;
  /** How to wait after losing a race (default: a timer). */
  readonly sleep?: Sleep;
  /** Largest profile stored (default 100 MB, the largest file GitHub accepts in a repository). */
  readonly maxProfileBytes?: number;
}

/** GitHub refuses files over 100 MB in a repository (and the blobs API, blobs over 100 MB). */
const GITHUB_MAX_FILE = 100 * 1000 * 1000;

/** A tree entry as GET git/trees lists it. */
interface Entry {
  readonly path: string;
  readonly type: string;
  readonly sha: string;
}

/** The branch's tip: its commit and that commit's tree. */
interface Tip {
  readonly commit: string;
  readonly tree: string;
}

/** What one put decided to write in one commit. */
interface Plan {
  readonly object: PutBaselineResult['object'];
  readonly metadata: BaselineMetadata;
  readonly pointer: PutBaselineResult['pointer'];
  readonly files: readonly { readonly path: string; readonly content: string }[];
  readonly writeProfile: boolean;
  readonly drop: readonly string[];
}

const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class BranchBaselineStore implements BaselineStore {
  readonly location: string;
  private readonly owner: string;
  private readonly repo: string;
  private readonly ref: string;
  private readonly historyLimit: number;
  private readonly keepProfiles: number;
  private readonly maxCasAttempts: number;
  private readonly sleep: Sleep;
  private repositoryChecked = false;

  constructor(private readonly config: BranchStoreConfig) {
    [this.owner, this.repo] = config.repository.split('/', 2) as [string, string];
    this.ref = `heads/${config.branch}`;
    this.location = `branch:${config.branch} (${config.repository})`;
    this.historyLimit = config.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.keepProfiles = Math.max(1, config.keepProfiles ?? DEFAULT_KEEP_PROFILES);
    this.maxCasAttempts = config.maxCasAttempts ?? 20;
    this.sleep = config.sleep ?? realSleep;
  }

  private get git() {
    return this.config.octokit.rest.git;
  }

  private fail(err: unknown, verb: string, path: string, permission: 'read' | 'write'): StoreError {
    const what = path === '' ? this.location : `${path} in ${this.location}`;
    return branchStoreError(err, { verb, what, repository: this.config.repository, permission });
  }

  /** Runs a GitHub call; a 404 resolves to undefined, any other failure is a StoreError. */
  private async optional<T>(call: () => Promise<T>, path: string): Promise<T | undefined> {
    try {
      return await call();
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw this.fail(err, 'reading', path, 'read');
    }
  }

  /**
   * The branch's tip commit, or undefined when the branch does not exist yet. A 404 on the branch is
   * "no baselines" only when the repository itself is visible: a token that cannot see it (a
   * private repository without a token) is an error, never an empty store.
   */
  private async tipCommit(): Promise<string | undefined> {
    const ref = await this.optional(() => this.git.getRef({ owner: this.owner, repo: this.repo, ref: this.ref }), '');
    if (ref === undefined) {
      await this.checkRepository();
      return undefined;
    }
    return ref.data.object.sha;
  }

  /** The branch's tip with its tree, or undefined when the branch does not exist yet (see tipCommit). */
  private async tip(): Promise<Tip | undefined> {
    const commit = await this.tipCommit();
    if (commit === undefined) return undefined;
    const data = await this.optional(
      () => this.git.getCommit({ owner: this.owner, repo: this.repo, commit_sha: commit }),
      '',
    );
    if (data === undefined) throw new StoreError(`reading ${this.location}: the branch's commit ${commit} is missing`);
    return { commit, tree: data.data.tree.sha };
  }

  private async checkRepository(): Promise<void> {
    if (this.repositoryChecked) return;
    try {
      await this.config.octokit.rest.repos.get({ owner: this.owner, repo: this.repo });
      this.repositoryChecked = true;
    } catch (err) {
      throw this.fail(err, 'reading', '', 'read');
    }
  }

  /** The entries of the tree at `path` (segments) under `tree`, or undefined when there is none. */
  private async listTree(tree: string, segments: readonly string[]): Promise<Entry[] | undefined> {
    let sha = tree;
    let entries: Entry[] | undefined;
    for (let i = 0; ; i++) {
      const at = segments.slice(0, i).join('/');
      const r = await this.optional(() => this.git.getTree({ owner: this.owner, repo: this.repo, tree_sha: sha }), at);
      if (r === undefined) return undefined;
      if (r.data.truncated) throw new StoreError(`reading ${at || '/'} in ${this.location}: tree listing truncated`);
      entries = r.data.tree.map((e) => ({ path: e.path ?? '', type: e.type ?? '', sha: e.sha ?? '' }));
      const segment = segments[i];
      if (segment === undefined) return entries;
      const next = entries.find((e) => e.path === segment && e.type === 'tree');
      if (next === undefined) return undefined;
      sha = next.sha;
    }
  }

  /** A blob's bytes (the blobs API serves up to 100 MB, base64). */
  private async blob(sha: string, path: string): Promise<Buffer> {
    try {
      const r = await this.git.getBlob({ owner: this.owner, repo: this.repo, file_sha: sha });
      return Buffer.from(r.data.content, r.data.encoding === 'base64' ? 'base64' : 'utf8');
    } catch (err) {
      throw this.fail(err, 'reading', path, 'read');
    }
  }

  /** The file at `path` in commit `ref`, or undefined. Inline up to 1 MB (contents API), else via its blob. */
  private async file(ref: string, path: string): Promise<Buffer | undefined> {
    const r = await this.optional(
      () => this.config.octokit.rest.repos.getContent({ owner: this.owner, repo: this.repo, path, ref }),
      path,
    );
    if (r === undefined) return undefined;
    const data = r.data as { type?: string; encoding?: string; content?: string; sha?: string };
    if (data.type !== 'file' || typeof data.sha !== 'string') {
      throw new StoreError(`reading ${path} in ${this.location}: not a file`);
    }
    if (data.encoding === 'base64' && typeof data.content === 'string') return Buffer.from(data.content, 'base64');
    return this.blob(data.sha, path);
  }

  async pointer(series: string, branch: string): Promise<BaselinePointer | undefined> {
    const path = baselineKeys(series, branch).pointer;
    const tip = await this.tipCommit();
    if (tip === undefined) return undefined;
    const bytes = await this.file(tip, path);
    return bytes === undefined ? undefined : parseStored(parsePointer, bytes, `${path} in ${this.location}`);
  }

  async commit(series: string, branch: string, sha: string): Promise<StoredBaseline | undefined> {
    const profilePath = baselineKeys(series, branch).commit(normalizeSha(sha));
    const metadataPath = profilePath.replace(/\.pb\.gz$/, '.json');
    const tip = await this.tipCommit();
    if (tip === undefined) return undefined;
    const profile = await this.file(tip, profilePath);
    if (profile === undefined) return undefined;
    const meta = await this.file(tip, metadataPath);
    if (meta === undefined)
      throw new StoreError(`reading ${metadataPath} in ${this.location}: missing beside the profile`);
    return {
      metadata: parseStored(parseMetadata, meta, `${metadataPath} in ${this.location}`),
      profile: new Uint8Array(profile.buffer, profile.byteOffset, profile.byteLength),
    };
  }

  async branches(series: string): Promise<string[]> {
    const tip = await this.tip();
    if (tip === undefined) return [];
    const out: string[] = [];
    for (const e of (await this.listTree(tip.tree, [validateSeries(series)])) ?? []) {
      if (e.type !== 'tree') continue;
      try {
        out.push(decodeBranch(e.path));
      } catch {
        // Not a heapgate branch directory: ignore it.
      }
    }
    return out.sort();
  }

  async series(): Promise<string[]> {
    const tip = await this.tip();
    if (tip === undefined) return [];
    const entries = (await this.listTree(tip.tree, [])) ?? [];
    return entries
      .filter((e) => e.type === 'tree' && isSeriesName(e.path))
      .map((e) => e.path)
      .sort();
  }

  async put(metadata: BaselineMetadata, profile: Uint8Array): Promise<PutBaselineResult> {
    const keys = baselineKeys(metadata.series, metadata.branch);
    const dir = keys.pointer.replace(/\/latest\.json$/, '');
    const max = this.config.maxProfileBytes ?? GITHUB_MAX_FILE;
    if (profile.length > max) {
      throw new StoreError(
        `writing ${keys.commit(metadata.sha)} in ${this.location}: the profile has ${profile.length} bytes, ` +
          `more than the ${max} a file in a GitHub repository may have; use a gs:// store for profiles this large`,
      );
    }
    let profileBlob: string | undefined;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const tip = await this.tip();
      const plan = await this.plan(tip, dir, metadata);
      if (plan.files.length === 0 && !plan.writeProfile && plan.drop.length === 0) {
        return { object: plan.object, pointer: plan.pointer, metadata: plan.metadata };
      }
      profileBlob ??= plan.writeProfile ? await this.createBlob(profile, keys.commit(metadata.sha)) : undefined;
      const commit = await this.createCommit(tip, dir, plan, profileBlob, metadata);
      if (await this.advanceRef(tip, commit)) {
        return { object: plan.object, pointer: plan.pointer, metadata: plan.metadata };
      }
      // Another writer moved the branch first: a short jittered pause, then re-read and decide again.
      await this.sleep(Math.random() * Math.min(1000, 25 * 2 ** attempt));
    }
    throw new StoreError(
      `writing ${dir} in ${this.location}: branch still contended after ${this.maxCasAttempts} attempts`,
    );
  }

  async delete(series: string, branch: string, sha: string): Promise<DeleteBaselineResult> {
    const keys = baselineKeys(series, branch);
    const dir = keys.pointer.replace(/\/latest\.json$/, '');
    const full = normalizeSha(sha);
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const tip = await this.tip();
      if (tip === undefined) return { object: 'absent', pointer: 'absent' };
      const entries = await this.listTree(tip.tree, dir.split('/'));
      const commitsTree = entries?.find((e) => e.path === 'commits' && e.type === 'tree');
      const commits = commitsTree === undefined ? [] : ((await this.listTree(commitsTree.sha, [])) ?? []);
      const pointerEntry = entries?.find((e) => e.path === 'latest.json' && e.type === 'blob');
      const pointerPath = `${dir}/latest.json`;
      const existing =
        pointerEntry === undefined
          ? undefined
          : parseStored(
              parsePointer,
              await this.blob(pointerEntry.sha, pointerPath),
              `${pointerPath} in ${this.location}`,
            );
      const removal = removeFromPointer(existing, full);
      const files = commits.filter((e) => e.path === `${full}.pb.gz` || e.path === `${full}.json`);
      const current =
        removal.change === 'absent'
          ? existing?.current
          : removal.change === 'last'
            ? undefined
            : removal.pointer.current;
      const result: DeleteBaselineResult = {
        object: files.length > 0 ? 'removed' : 'absent',
        pointer: removal.change,
        ...(current !== undefined ? { current } : {}),
      };
      if (files.length === 0 && removal.change === 'absent') return result;
      // One commit removes the files and rewrites (or, for the last baseline, removes) the pointer.
      const blob = (path: string, content: string | null) =>
        content === null
          ? { path, mode: '100644' as const, type: 'blob' as const, sha: null }
          : { path, mode: '100644' as const, type: 'blob' as const, content };
      const tree = [
        ...files.map((e) => blob(`${dir}/commits/${e.path}`, null)),
        ...(removal.change === 'last' ? [blob(pointerPath, null)] : []),
        ...(removal.change === 'current' || removal.change === 'history'
          ? [blob(pointerPath, encodePointer(removal.pointer))]
          : []),
      ];
      let commit: string;
      try {
        const t = await this.git.createTree({ owner: this.owner, repo: this.repo, tree, base_tree: tip.tree });
        const c = await this.git.createCommit({
          owner: this.owner,
          repo: this.repo,
          message: `heapgate: delete ${series} ${branch} ${full.slice(0, 12)}`,
          tree: t.data.sha,
          parents: [tip.commit],
        });
        commit = c.data.sha;
      } catch (err) {
        throw this.fail(err, 'deleting', dir, 'write');
      }
      if (await this.advanceRef(tip, commit)) return result;
      await this.sleep(Math.random() * Math.min(1000, 25 * 2 ** attempt));
    }
    throw new StoreError(
      `writing ${dir} in ${this.location}: branch still contended after ${this.maxCasAttempts} attempts`,
    );
  }

  /** Reads the series/branch directory at `tip` and decides what this put writes. */
  private async plan(tip: Tip | undefined, dir: string, incoming: BaselineMetadata): Promise<Plan> {
    const entries = tip === undefined ? undefined : await this.listTree(tip.tree, dir.split('/'));
    const commitsTree = entries?.find((e) => e.path === 'commits' && e.type === 'tree');
    const commits = commitsTree === undefined ? [] : ((await this.listTree(commitsTree.sha, [])) ?? []);
    const pointerEntry = entries?.find((e) => e.path === 'latest.json' && e.type === 'blob');
    const pointerPath = `${dir}/latest.json`;
    const existing =
      pointerEntry === undefined
        ? undefined
        : parseStored(
            parsePointer,
            await this.blob(pointerEntry.sha, pointerPath),
            `${pointerPath} in ${this.location}`,
          );
    const metaOf = async (sha: string): Promise<BaselineMetadata | undefined> => {
      const e = commits.find((c) => c.path === `${sha}.json`);
      const path = `${dir}/commits/${sha}.json`;
      return e === undefined
        ? undefined
        : parseStored(parseMetadata, await this.blob(e.sha, path), `${path} in ${this.location}`);
    };
    // Create-only: a commit that has metadata keeps it (and its profile, if still kept).
    const stored = await metaOf(incoming.sha);
    const metadata = stored ?? incoming;
    const decision = advancePointer(existing, metadata, this.historyLimit);
    const current = decision.move ? decision.pointer.current : existing?.current;
    const files: { path: string; content: string }[] = [];
    if (stored === undefined)
      files.push({ path: `${dir}/commits/${incoming.sha}.json`, content: `${JSON.stringify(incoming, null, 1)}\n` });
    if (decision.move) files.push({ path: pointerPath, content: encodePointer(decision.pointer) });
    // Bounded growth: the newest K profiles stay; metadata comes from the pointer where it can.
    const known = new Map<string, BaselineMetadata>();
    for (const m of [...(existing ? [existing.current, ...existing.history] : []), metadata]) known.set(m.sha, m);
    const present: BaselineMetadata[] = stored === undefined ? [incoming] : [];
    for (const e of commits) {
      const sha = /^([0-9a-f]+)\.pb\.gz$/.exec(e.path)?.[1];
      if (sha === undefined) continue;
      const m = known.get(sha) ?? (await metaOf(sha));
      // A profile whose metadata cannot be read cannot be ordered: it is left alone.
      if (m !== undefined) present.push(m);
    }
    const drop = profilesToDrop(present, this.keepProfiles, current?.sha);
    return {
      object: stored === undefined ? 'created' : 'exists',
      metadata,
      pointer: decision.move ? 'moved' : decision.reason,
      files,
      writeProfile: stored === undefined && !drop.includes(incoming.sha),
      drop: drop.filter((sha) => sha !== incoming.sha || stored !== undefined),
    };
  }

  private async createBlob(profile: Uint8Array, path: string): Promise<string> {
    try {
      const content = Buffer.from(profile.buffer, profile.byteOffset, profile.byteLength).toString('base64');
      return (await this.git.createBlob({ owner: this.owner, repo: this.repo, content, encoding: 'base64' })).data.sha;
    } catch (err) {
      throw this.fail(err, 'writing', path, 'write');
    }
  }

  /** The tree and commit of a plan, on top of `tip`; resolves to the new commit's sha. */
  private async createCommit(
    tip: Tip | undefined,
    dir: string,
    plan: Plan,
    profileBlob: string | undefined,
    incoming: BaselineMetadata,
  ): Promise<string> {
    const tree = [
      ...plan.files.map((f) => ({ path: f.path, mode: '100644' as const, type: 'blob' as const, content: f.content })),
      ...(plan.writeProfile && profileBlob !== undefined
        ? [
            {
              path: `${dir}/commits/${incoming.sha}.pb.gz`,
              mode: '100644' as const,
              type: 'blob' as const,
              sha: profileBlob,
            },
          ]
        : []),
      ...plan.drop.map((sha) => ({
        path: `${dir}/commits/${sha}.pb.gz`,
        mode: '100644' as const,
        type: 'blob' as const,
        sha: null,
      })),
    ];
    try {
      const t = await this.git.createTree({
        owner: this.owner,
        repo: this.repo,
        tree,
        ...(tip !== undefined ? { base_tree: tip.tree } : {}),
      });
      const message =
        `heapgate: ${incoming.series} ${incoming.branch} ${incoming.sha.slice(0, 12)}` +
        `${plan.pointer === 'moved' ? ' (latest)' : ''}`;
      const c = await this.git.createCommit({
        owner: this.owner,
        repo: this.repo,
        message,
        tree: t.data.sha,
        parents: tip !== undefined ? [tip.commit] : [],
      });
      return c.data.sha;
    } catch (err) {
      throw this.fail(err, 'writing', dir, 'write');
    }
  }

  /**
   * Moves the branch from `tip` to `commit` if nobody else moved it; false when someone did (422).
   * A 422 while the branch is still at `tip` is no lost race: a branch protection rule or a ruleset
   * refused the update, and retrying cannot help.
   */
  private async advanceRef(tip: Tip | undefined, commit: string): Promise<boolean> {
    try {
      if (tip === undefined) {
        await this.git.createRef({ owner: this.owner, repo: this.repo, ref: `refs/${this.ref}`, sha: commit });
      } else {
        await this.git.updateRef({ owner: this.owner, repo: this.repo, ref: this.ref, sha: commit, force: false });
      }
      return true;
    } catch (err) {
      if (statusOf(err) !== 422) throw this.fail(err, 'writing', '', 'write');
      if ((await this.tipCommit()) !== tip?.commit) return false;
      throw new StoreError(
        `writing ${this.location}: GitHub refused to move the branch (${githubMessage(err)}) though no other ` +
          'writer moved it: a branch protection rule or ruleset covers it; exclude the branch from the rule, or ' +
          "allow the token's identity to push to it",
      );
    }
  }
}

export interface BranchStoreAccess {
  /** A token with contents: read (reads) or write (puts). */
  readonly token: string;
  /** owner/name */
  readonly repository: string;
  /** The REST API's base URL; default GITHUB_API_URL, else https://api.github.com. */
  readonly baseUrl?: string;
}

/** Opens the store on `branch` of a repository, loading @actions/github now (and only now). */
export async function openBranchStore(
  branch: string,
  access: BranchStoreAccess,
  extra: Omit<BranchStoreConfig, 'octokit' | 'repository' | 'branch'> = {},
): Promise<BranchBaselineStore> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(access.token, access.baseUrl !== undefined ? { baseUrl: access.baseUrl } : {});
  return new BranchBaselineStore({ octokit, repository: access.repository, branch, ...extra });
}
