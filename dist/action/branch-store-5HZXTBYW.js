import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  parseStored
} from "./chunk-MIEEBGBT.js";
import {
  DEFAULT_KEEP_PROFILES,
  profilesToDrop
} from "./chunk-GLH3PHQO.js";
import {
  DEFAULT_HISTORY_LIMIT,
  StoreError,
  advancePointer,
  baselineKeys,
  decodeBranch,
  encodePointer,
  isSeriesName,
  normalizeSha,
  parseMetadata,
  parsePointer,
  removeFromPointer,
  validateSeries
} from "./chunk-YRTTGXMW.js";
import "./chunk-6OLLLDAW.js";

// src/adapters/branch-store-errors.ts
function statusOf(err) {
  const status = err?.status;
  return typeof status === "number" && status > 0 ? status : void 0;
}
function githubMessage(err) {
  const raw = err instanceof Error ? err.message : String(err);
  return (raw.split("\n", 1)[0] ?? "").replace(/ - https:\/\/docs\.github\.com\S*$/, "").trim();
}
function unreachedHost(err) {
  if (typeof err !== "object" || err === null || !("request" in err)) return void 0;
  const e = err;
  if (e.response !== void 0) return void 0;
  try {
    return new URL(String(e.request?.url)).host;
  } catch {
    return "the GitHub API";
  }
}
function branchStoreError(err, ctx) {
  if (err instanceof StoreError) return err;
  const host = unreachedHost(err);
  if (host !== void 0) {
    return new StoreError(
      `${ctx.verb} ${ctx.what}: cannot reach ${host}: ${githubMessage(err) || "no response"} (check the network, or GITHUB_API_URL)`
    );
  }
  const status = statusOf(err);
  const message = githubMessage(err);
  const where = `${ctx.verb} ${ctx.what}`;
  const grant = ctx.permission === "write" ? "the workflow needs `permissions: contents: write` (a personal token: the repo scope)" : "the workflow needs `permissions: contents: read` (a personal token: the repo scope)";
  if (status === 401) {
    return new StoreError(
      `${where}: bad credentials: set GITHUB_TOKEN (CLI) or the github-token input to a valid token`
    );
  }
  if (status === 403 && /rate limit/i.test(message)) {
    return new StoreError(`${where}: GitHub API rate limit exceeded (${message}); retry later or use a token`);
  }
  if (status === 403) return new StoreError(`permission denied ${where}: ${grant} (${message})`);
  if (status === 404) {
    return new StoreError(
      `${where}: repository ${ctx.repository} not found, or the token cannot see it: ${grant}; outside Actions set GITHUB_TOKEN and --repo`
    );
  }
  if (status === 409) return new StoreError(`${where}: ${message || "conflict"}: the repository needs a first commit`);
  return new StoreError(`${where}: ${message || "request failed"}${status !== void 0 ? ` (HTTP ${status})` : ""}`);
}

// src/adapters/branch-store.ts
var GITHUB_MAX_FILE = 100 * 1e3 * 1e3;
var realSleep = (ms) => new Promise((r) => setTimeout(r, ms));
var BranchBaselineStore = class {
  constructor(config) {
    this.config = config;
    [this.owner, this.repo] = config.repository.split("/", 2);
    this.ref = `heads/${config.branch}`;
    this.location = `branch:${config.branch} (${config.repository})`;
    this.historyLimit = config.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.keepProfiles = Math.max(1, config.keepProfiles ?? DEFAULT_KEEP_PROFILES);
    this.maxCasAttempts = config.maxCasAttempts ?? 20;
    this.sleep = config.sleep ?? realSleep;
  }
  config;
  location;
  owner;
  repo;
  ref;
  historyLimit;
  keepProfiles;
  maxCasAttempts;
  sleep;
  repositoryChecked = false;
  get git() {
    return this.config.octokit.rest.git;
  }
  fail(err, verb, path, permission) {
    const what = path === "" ? this.location : `${path} in ${this.location}`;
    return branchStoreError(err, { verb, what, repository: this.config.repository, permission });
  }
  /** Runs a GitHub call; a 404 resolves to undefined, any other failure is a StoreError. */
  async optional(call, path) {
    try {
      return await call();
    } catch (err) {
      if (statusOf(err) === 404) return void 0;
      throw this.fail(err, "reading", path, "read");
    }
  }
  /**
   * The branch's tip commit, or undefined when the branch does not exist yet. A 404 on the branch is
   * "no baselines" only when the repository itself is visible: a token that cannot see it (a
   * private repository without a token) is an error, never an empty store.
   */
  async tipCommit() {
    const ref = await this.optional(() => this.git.getRef({ owner: this.owner, repo: this.repo, ref: this.ref }), "");
    if (ref === void 0) {
      await this.checkRepository();
      return void 0;
    }
    return ref.data.object.sha;
  }
  /** The branch's tip with its tree, or undefined when the branch does not exist yet (see tipCommit). */
  async tip() {
    const commit = await this.tipCommit();
    if (commit === void 0) return void 0;
    const data = await this.optional(
      () => this.git.getCommit({ owner: this.owner, repo: this.repo, commit_sha: commit }),
      ""
    );
    if (data === void 0) throw new StoreError(`reading ${this.location}: the branch's commit ${commit} is missing`);
    return { commit, tree: data.data.tree.sha };
  }
  async checkRepository() {
    if (this.repositoryChecked) return;
    try {
      await this.config.octokit.rest.repos.get({ owner: this.owner, repo: this.repo });
      this.repositoryChecked = true;
    } catch (err) {
      throw this.fail(err, "reading", "", "read");
    }
  }
  /** The entries of the tree at `path` (segments) under `tree`, or undefined when there is none. */
  async listTree(tree, segments) {
    let sha = tree;
    let entries;
    for (let i = 0; ; i++) {
      const at = segments.slice(0, i).join("/");
      const r = await this.optional(() => this.git.getTree({ owner: this.owner, repo: this.repo, tree_sha: sha }), at);
      if (r === void 0) return void 0;
      if (r.data.truncated) throw new StoreError(`reading ${at || "/"} in ${this.location}: tree listing truncated`);
      entries = r.data.tree.map((e) => ({ path: e.path ?? "", type: e.type ?? "", sha: e.sha ?? "" }));
      const segment = segments[i];
      if (segment === void 0) return entries;
      const next = entries.find((e) => e.path === segment && e.type === "tree");
      if (next === void 0) return void 0;
      sha = next.sha;
    }
  }
  /** A blob's bytes (the blobs API serves up to 100 MB, base64). */
  async blob(sha, path) {
    try {
      const r = await this.git.getBlob({ owner: this.owner, repo: this.repo, file_sha: sha });
      return Buffer.from(r.data.content, r.data.encoding === "base64" ? "base64" : "utf8");
    } catch (err) {
      throw this.fail(err, "reading", path, "read");
    }
  }
  /** The file at `path` in commit `ref`, or undefined. Inline up to 1 MB (contents API), else via its blob. */
  async file(ref, path) {
    const r = await this.optional(
      () => this.config.octokit.rest.repos.getContent({ owner: this.owner, repo: this.repo, path, ref }),
      path
    );
    if (r === void 0) return void 0;
    const data = r.data;
    if (data.type !== "file" || typeof data.sha !== "string") {
      throw new StoreError(`reading ${path} in ${this.location}: not a file`);
    }
    if (data.encoding === "base64" && typeof data.content === "string") return Buffer.from(data.content, "base64");
    return this.blob(data.sha, path);
  }
  async pointer(series, branch) {
    const path = baselineKeys(series, branch).pointer;
    const tip = await this.tipCommit();
    if (tip === void 0) return void 0;
    const bytes = await this.file(tip, path);
    return bytes === void 0 ? void 0 : parseStored(parsePointer, bytes, `${path} in ${this.location}`);
  }
  async commit(series, branch, sha) {
    const profilePath = baselineKeys(series, branch).commit(normalizeSha(sha));
    const metadataPath = profilePath.replace(/\.pb\.gz$/, ".json");
    const tip = await this.tipCommit();
    if (tip === void 0) return void 0;
    const profile = await this.file(tip, profilePath);
    if (profile === void 0) return void 0;
    const meta = await this.file(tip, metadataPath);
    if (meta === void 0)
      throw new StoreError(`reading ${metadataPath} in ${this.location}: missing beside the profile`);
    return {
      metadata: parseStored(parseMetadata, meta, `${metadataPath} in ${this.location}`),
      profile: new Uint8Array(profile.buffer, profile.byteOffset, profile.byteLength)
    };
  }
  async branches(series) {
    const tip = await this.tip();
    if (tip === void 0) return [];
    const out = [];
    for (const e of await this.listTree(tip.tree, [validateSeries(series)]) ?? []) {
      if (e.type !== "tree") continue;
      try {
        out.push(decodeBranch(e.path));
      } catch {
      }
    }
    return out.sort();
  }
  async series() {
    const tip = await this.tip();
    if (tip === void 0) return [];
    const entries = await this.listTree(tip.tree, []) ?? [];
    return entries.filter((e) => e.type === "tree" && isSeriesName(e.path)).map((e) => e.path).sort();
  }
  async put(metadata, profile) {
    const keys = baselineKeys(metadata.series, metadata.branch);
    const dir = keys.pointer.replace(/\/latest\.json$/, "");
    const max = this.config.maxProfileBytes ?? GITHUB_MAX_FILE;
    if (profile.length > max) {
      throw new StoreError(
        `writing ${keys.commit(metadata.sha)} in ${this.location}: the profile has ${profile.length} bytes, more than the ${max} a file in a GitHub repository may have; use a gs:// store for profiles this large`
      );
    }
    let profileBlob;
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const tip = await this.tip();
      const plan = await this.plan(tip, dir, metadata);
      if (plan.files.length === 0 && !plan.writeProfile && plan.drop.length === 0) {
        return { object: plan.object, pointer: plan.pointer, metadata: plan.metadata };
      }
      profileBlob ??= plan.writeProfile ? await this.createBlob(profile, keys.commit(metadata.sha)) : void 0;
      const commit = await this.createCommit(tip, dir, plan, profileBlob, metadata);
      if (await this.advanceRef(tip, commit)) {
        return { object: plan.object, pointer: plan.pointer, metadata: plan.metadata };
      }
      await this.sleep(Math.random() * Math.min(1e3, 25 * 2 ** attempt));
    }
    throw new StoreError(
      `writing ${dir} in ${this.location}: branch still contended after ${this.maxCasAttempts} attempts`
    );
  }
  async delete(series, branch, sha) {
    const keys = baselineKeys(series, branch);
    const dir = keys.pointer.replace(/\/latest\.json$/, "");
    const full = normalizeSha(sha);
    for (let attempt = 0; attempt < this.maxCasAttempts; attempt++) {
      const tip = await this.tip();
      if (tip === void 0) return { object: "absent", pointer: "absent" };
      const entries = await this.listTree(tip.tree, dir.split("/"));
      const commitsTree = entries?.find((e) => e.path === "commits" && e.type === "tree");
      const commits = commitsTree === void 0 ? [] : await this.listTree(commitsTree.sha, []) ?? [];
      const pointerEntry = entries?.find((e) => e.path === "latest.json" && e.type === "blob");
      const pointerPath = `${dir}/latest.json`;
      const existing = pointerEntry === void 0 ? void 0 : parseStored(
        parsePointer,
        await this.blob(pointerEntry.sha, pointerPath),
        `${pointerPath} in ${this.location}`
      );
      const removal = removeFromPointer(existing, full);
      const files = commits.filter((e) => e.path === `${full}.pb.gz` || e.path === `${full}.json`);
      const current = removal.change === "absent" ? existing?.current : removal.change === "last" ? void 0 : removal.pointer.current;
      const result = {
        object: files.length > 0 ? "removed" : "absent",
        pointer: removal.change,
        ...current !== void 0 ? { current } : {}
      };
      if (files.length === 0 && removal.change === "absent") return result;
      const blob = (path, content) => content === null ? { path, mode: "100644", type: "blob", sha: null } : { path, mode: "100644", type: "blob", content };
      const tree = [
        ...files.map((e) => blob(`${dir}/commits/${e.path}`, null)),
        ...removal.change === "last" ? [blob(pointerPath, null)] : [],
        ...removal.change === "current" || removal.change === "history" ? [blob(pointerPath, encodePointer(removal.pointer))] : []
      ];
      let commit;
      try {
        const t = await this.git.createTree({ owner: this.owner, repo: this.repo, tree, base_tree: tip.tree });
        const c = await this.git.createCommit({
          owner: this.owner,
          repo: this.repo,
          message: `heapgate: delete ${series} ${branch} ${full.slice(0, 12)}`,
          tree: t.data.sha,
          parents: [tip.commit]
        });
        commit = c.data.sha;
      } catch (err) {
        throw this.fail(err, "deleting", dir, "write");
      }
      if (await this.advanceRef(tip, commit)) return result;
      await this.sleep(Math.random() * Math.min(1e3, 25 * 2 ** attempt));
    }
    throw new StoreError(
      `writing ${dir} in ${this.location}: branch still contended after ${this.maxCasAttempts} attempts`
    );
  }
  /** Reads the series/branch directory at `tip` and decides what this put writes. */
  async plan(tip, dir, incoming) {
    const entries = tip === void 0 ? void 0 : await this.listTree(tip.tree, dir.split("/"));
    const commitsTree = entries?.find((e) => e.path === "commits" && e.type === "tree");
    const commits = commitsTree === void 0 ? [] : await this.listTree(commitsTree.sha, []) ?? [];
    const pointerEntry = entries?.find((e) => e.path === "latest.json" && e.type === "blob");
    const pointerPath = `${dir}/latest.json`;
    const existing = pointerEntry === void 0 ? void 0 : parseStored(
      parsePointer,
      await this.blob(pointerEntry.sha, pointerPath),
      `${pointerPath} in ${this.location}`
    );
    const metaOf = async (sha) => {
      const e = commits.find((c) => c.path === `${sha}.json`);
      const path = `${dir}/commits/${sha}.json`;
      return e === void 0 ? void 0 : parseStored(parseMetadata, await this.blob(e.sha, path), `${path} in ${this.location}`);
    };
    const stored = await metaOf(incoming.sha);
    const metadata = stored ?? incoming;
    const decision = advancePointer(existing, metadata, this.historyLimit);
    const current = decision.move ? decision.pointer.current : existing?.current;
    const files = [];
    if (stored === void 0)
      files.push({ path: `${dir}/commits/${incoming.sha}.json`, content: `${JSON.stringify(incoming, null, 1)}
` });
    if (decision.move) files.push({ path: pointerPath, content: encodePointer(decision.pointer) });
    const known = /* @__PURE__ */ new Map();
    for (const m of [...existing ? [existing.current, ...existing.history] : [], metadata]) known.set(m.sha, m);
    const present = stored === void 0 ? [incoming] : [];
    for (const e of commits) {
      const sha = /^([0-9a-f]+)\.pb\.gz$/.exec(e.path)?.[1];
      if (sha === void 0) continue;
      const m = known.get(sha) ?? await metaOf(sha);
      if (m !== void 0) present.push(m);
    }
    const drop = profilesToDrop(present, this.keepProfiles, current?.sha);
    return {
      object: stored === void 0 ? "created" : "exists",
      metadata,
      pointer: decision.move ? "moved" : decision.reason,
      files,
      writeProfile: stored === void 0 && !drop.includes(incoming.sha),
      drop: drop.filter((sha) => sha !== incoming.sha || stored !== void 0)
    };
  }
  async createBlob(profile, path) {
    try {
      const content = Buffer.from(profile.buffer, profile.byteOffset, profile.byteLength).toString("base64");
      return (await this.git.createBlob({ owner: this.owner, repo: this.repo, content, encoding: "base64" })).data.sha;
    } catch (err) {
      throw this.fail(err, "writing", path, "write");
    }
  }
  /** The tree and commit of a plan, on top of `tip`; resolves to the new commit's sha. */
  async createCommit(tip, dir, plan, profileBlob, incoming) {
    const tree = [
      ...plan.files.map((f) => ({ path: f.path, mode: "100644", type: "blob", content: f.content })),
      ...plan.writeProfile && profileBlob !== void 0 ? [
        {
          path: `${dir}/commits/${incoming.sha}.pb.gz`,
          mode: "100644",
          type: "blob",
          sha: profileBlob
        }
      ] : [],
      ...plan.drop.map((sha) => ({
        path: `${dir}/commits/${sha}.pb.gz`,
        mode: "100644",
        type: "blob",
        sha: null
      }))
    ];
    try {
      const t = await this.git.createTree({
        owner: this.owner,
        repo: this.repo,
        tree,
        ...tip !== void 0 ? { base_tree: tip.tree } : {}
      });
      const message = `heapgate: ${incoming.series} ${incoming.branch} ${incoming.sha.slice(0, 12)}${plan.pointer === "moved" ? " (latest)" : ""}`;
      const c = await this.git.createCommit({
        owner: this.owner,
        repo: this.repo,
        message,
        tree: t.data.sha,
        parents: tip !== void 0 ? [tip.commit] : []
      });
      return c.data.sha;
    } catch (err) {
      throw this.fail(err, "writing", dir, "write");
    }
  }
  /**
   * Moves the branch from `tip` to `commit` if nobody else moved it; false when someone did (422).
   * A 422 while the branch is still at `tip` is no lost race: a branch protection rule or a ruleset
   * refused the update, and retrying cannot help.
   */
  async advanceRef(tip, commit) {
    try {
      if (tip === void 0) {
        await this.git.createRef({ owner: this.owner, repo: this.repo, ref: `refs/${this.ref}`, sha: commit });
      } else {
        await this.git.updateRef({ owner: this.owner, repo: this.repo, ref: this.ref, sha: commit, force: false });
      }
      return true;
    } catch (err) {
      if (statusOf(err) !== 422) throw this.fail(err, "writing", "", "write");
      if (await this.tipCommit() !== tip?.commit) return false;
      throw new StoreError(
        `writing ${this.location}: GitHub refused to move the branch (${githubMessage(err)}) though no other writer moved it: a branch protection rule or ruleset covers it; exclude the branch from the rule, or allow the token's identity to push to it`
      );
    }
  }
};
async function openBranchStore(branch, access, extra = {}) {
  const { getOctokit } = await import("./github-7YQH4YRT.js");
  const octokit = getOctokit(access.token, access.baseUrl !== void 0 ? { baseUrl: access.baseUrl } : {});
  return new BranchBaselineStore({ octokit, repository: access.repository, branch, ...extra });
}
export {
  BranchBaselineStore,
  openBranchStore
};
