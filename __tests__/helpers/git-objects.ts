/**
 * Git's object model in memory, for the local GitHub server's Git Data API: blobs, trees and
 * commits named by their real SHA-1 (`<type> <size>\0<body>`, trees in git's order with 20-byte
 * ids), refs, ancestry (for fast-forward checks) and GitHub's tree edits (`base_tree` plus entries
 * with paths; `sha: null` deletes; directories left empty disappear, as in git).
 */
import { createHash } from 'node:crypto';

export type GitObject =
  | { readonly type: 'blob'; readonly content: Buffer }
  | { readonly type: 'tree'; readonly entries: readonly TreeEntry[] }
  | {
      readonly type: 'commit';
      readonly tree: string;
      readonly parents: readonly string[];
      readonly message: string;
      readonly author: string;
    };

export interface TreeEntry {
  readonly name: string;
  /** 100644 (file), 100755 (executable), 040000 (tree), 120000 (symlink), 160000 (submodule). */
  readonly mode: string;
  readonly type: 'blob' | 'tree' | 'commit';
  readonly sha: string;
}

/** One edit of POST git/trees: a path relative to the tree, and a blob/tree sha, or null to delete. */
export interface TreeEdit {
  readonly path: string;
  readonly mode: string;
  readonly type: 'blob' | 'tree';
  readonly sha: string | null;
}

/** A Git Data API request the server rejects with 422 (GitHub's status for these). */
export class GitInputError extends Error {}

/** Git's tree order: byte order of names, with a tree's name compared as if it ended in '/'. */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const key = (e: TreeEntry): Buffer => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name);
  return Buffer.compare(key(a), key(b));
}

function serialize(o: GitObject): Buffer {
  if (o.type === 'blob') return o.content;
  if (o.type === 'tree') {
    return Buffer.concat(
      [...o.entries]
        .sort(treeOrder)
        .flatMap((e) => [Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
    );
  }
  const lines = [`tree ${o.tree}`, ...o.parents.map((p) => `parent ${p}`), `author ${o.author}`];
  return Buffer.from(`${lines.join('\n')}\ncommitter ${o.author}\n\n${o.message}`);
}

export class GitRepository {
  readonly objects = new Map<string, GitObject>();
  /** Full ref name (refs/heads/x) → commit sha. */
  readonly refs = new Map<string, string>();
  private time = 1_767_225_600;

  /** Stores an object and returns its id, as `git hash-object -w` would. */
  put(o: GitObject): string {
    const body = serialize(o);
    const sha = createHash('sha1')
      .update(Buffer.concat([Buffer.from(`${o.type} ${body.length}\0`), body]))
      .digest('hex');
    this.objects.set(sha, o.type === 'tree' ? { type: 'tree', entries: [...o.entries].sort(treeOrder) } : o);
    return sha;
  }

  /** An object's body as git hashes and stores it (without the `<type> <size>\0` header). */
  body(sha: string): Buffer {
    const o = this.objects.get(sha);
    if (o === undefined) throw new Error(`no object ${sha}`);
    return serialize(o);
  }

  get<T extends GitObject['type']>(sha: string, type: T): Extract<GitObject, { type: T }> | undefined {
    const o = this.objects.get(sha);
    return o?.type === type ? (o as Extract<GitObject, { type: T }>) : undefined;
  }

  /** A commit with the given tree and parents, by `who`, one second after the previous one. */
  commit(tree: string, parents: readonly string[], message: string, who: string): string {
    if (this.get(tree, 'tree') === undefined) throw new GitInputError('Tree SHA does not exist');
    for (const p of parents)
      if (this.get(p, 'commit') === undefined) throw new GitInputError('Parent SHA does not exist');
    return this.put({
      type: 'commit',
      tree,
      parents,
      message,
      author: `${who} <${who}@users.noreply.github.com> ${++this.time} +0000`,
    });
  }

  /** Whether `ancestor` is `sha` or reachable from it through parents. */
  isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const todo = [sha];
    while (todo.length > 0) {
      const s = todo.pop()!;
      if (s === ancestor) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      todo.push(...(this.get(s, 'commit')?.parents ?? []));
    }
    return false;
  }

  /** Applies `edits` to `base` (a tree sha, or undefined for an empty tree) and returns the new tree's sha. */
  editTree(base: string | undefined, edits: readonly TreeEdit[]): string {
    let root: TreeEntry[] = [];
    if (base !== undefined) {
      const t = this.get(base, 'tree');
      if (t === undefined) throw new GitInputError('Invalid tree info: base_tree does not exist');
      root = [...t.entries];
    }
    for (const edit of edits) root = this.edit(root, edit.path.split('/'), edit);
    return this.put({ type: 'tree', entries: root });
  }

  private edit(entries: TreeEntry[], segments: readonly string[], edit: TreeEdit): TreeEntry[] {
    const [name, ...rest] = segments;
    if (name === undefined || name === '' || name === '.' || name === '..') {
      throw new GitInputError(`Invalid tree info: path ${JSON.stringify(edit.path)}`);
    }
    const others = entries.filter((e) => e.name !== name);
    const existing = entries.find((e) => e.name === name);
    if (rest.length === 0) {
      if (edit.sha === null) return others;
      if (this.objects.get(edit.sha)?.type !== edit.type) {
        throw new GitInputError(`Invalid tree info: ${edit.sha} is not a ${edit.type}`);
      }
      return [...others, { name, mode: edit.mode, type: edit.type, sha: edit.sha }];
    }
    if (existing !== undefined && existing.type !== 'tree') {
      throw new GitInputError(`Invalid tree info: ${name} is not a directory`);
    }
    const inner = existing === undefined ? [] : [...this.get(existing.sha, 'tree')!.entries];
    if (existing === undefined && edit.sha === null) return entries;
    const edited = this.edit(inner, rest, edit);
    if (edited.length === 0) return others;
    return [...others, { name, mode: '040000', type: 'tree', sha: this.put({ type: 'tree', entries: edited }) }];
  }

  /** The entry at `path` in the tree `tree` ('' = the tree itself, as a tree entry), or undefined. */
  lookup(tree: string, path: string): TreeEntry | undefined {
    let current: TreeEntry = { name: '', mode: '040000', type: 'tree', sha: tree };
    for (const segment of path.split('/').filter((s) => s !== '')) {
      if (current.type !== 'tree') return undefined;
      const next = this.get(current.sha, 'tree')?.entries.find((e) => e.name === segment);
      if (next === undefined) return undefined;
      current = next;
    }
    return current;
  }

  /** The files (blobs) under a tree, by path: what a checkout of it would hold. */
  files(tree: string, prefix = ''): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    for (const e of this.get(tree, 'tree')?.entries ?? []) {
      const path = `${prefix}${e.name}`;
      if (e.type === 'tree') for (const [p, b] of this.files(e.sha, `${path}/`)) out.set(p, b);
      else if (e.type === 'blob') out.set(path, this.get(e.sha, 'blob')!.content);
    }
    return out;
  }

  /** Every blob reachable from `ref`'s commit and its ancestors: what a clone of the branch downloads. */
  reachableBlobs(ref: string): Set<string> {
    const blobs = new Set<string>();
    const seen = new Set<string>();
    const walkTree = (sha: string): void => {
      if (seen.has(sha)) return;
      seen.add(sha);
      for (const e of this.get(sha, 'tree')?.entries ?? []) {
        if (e.type === 'tree') walkTree(e.sha);
        else if (e.type === 'blob') blobs.add(e.sha);
      }
    };
    const todo = [this.refs.get(ref)].filter((s): s is string => s !== undefined);
    while (todo.length > 0) {
      const c = this.get(todo.pop()!, 'commit');
      if (c === undefined) continue;
      walkTree(c.tree);
      todo.push(...c.parents.filter((p) => !seen.has(p)));
      for (const p of c.parents) seen.add(p);
    }
    return blobs;
  }
}
