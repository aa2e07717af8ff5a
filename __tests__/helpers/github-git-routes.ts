/**
 * The local GitHub server's repository routes, from the REST reference (docs.github.com/rest/git,
 * /rest/repos/contents): what a store kept in a branch calls.
 *
 * - GET /repos/{o}/{r}: 404 for a repository the server does not hold;
 * - POST git/blobs ({content, encoding: utf-8|base64}), GET git/blobs/{sha} (base64 in 60-character
 *   lines, as GitHub sends it);
 * - POST git/trees ({base_tree, tree: [{path, mode, type, sha | content}]}; `sha: null` deletes),
 *   GET git/trees/{sha};
 * - POST git/commits ({message, tree, parents}), GET git/commits/{sha};
 * - GET git/ref/{ref}, POST git/refs ({ref, sha}: 422 "Reference already exists"),
 *   PATCH git/refs/{ref} ({sha, force}): 422 "Update is not a fast forward" unless the new commit
 *   descends from the tip (or force), 422 "Reference does not exist" when absent;
 * - GET contents/{path}?ref=: a file (base64; over `inlineLimit` bytes, 1 MB on GitHub, `content` is
 *   empty and `encoding` "none") or a directory's entries; ref is a branch or a commit sha.
 *
 * Writes need a token with `contents: write`; others get 403 "Resource not accessible by integration".
 */
import { GitInputError, type GitRepository, type TreeEdit } from './git-objects.js';

export type Send = (status: number, payload: unknown) => void;

export interface GitRequest {
  readonly method: string;
  readonly owner: string;
  readonly repo: string;
  /** The path after /repos/{o}/{r}, percent-decoded per segment ('' for the repository itself). */
  readonly rest: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly login: string;
  readonly canWrite: boolean;
}

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };
const HEX40 = /^[0-9a-f]{40}$/;

function base64Lines(b: Buffer): string {
  return (b.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
}

function obj(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** Resolves a contents `ref` (branch, refs/heads/x or a commit sha) to a commit sha. */
function resolveRef(repo: GitRepository, ref: string | null): string | undefined {
  const name = ref ?? 'main';
  if (HEX40.test(name) && repo.get(name, 'commit') !== undefined) return name;
  return repo.refs.get(name.startsWith('refs/') ? name : `refs/heads/${name}`);
}

/** Answers a repository request; returns false when the route is not one of these. */
export function handleGitRequest(repo: GitRepository, req: GitRequest, send: Send, inlineLimit: number): boolean {
  const { method, rest } = req;
  const body = obj(req.body);
  const write = (fn: () => void): true => {
    if (!req.canWrite) {
      send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      });
      return true;
    }
    try {
      fn();
    } catch (e) {
      if (!(e instanceof GitInputError)) throw e;
      send(422, { message: e.message, documentation_url: 'https://docs.github.com/rest' });
    }
    return true;
  };
  let m: RegExpExecArray | null;
  if (rest === '' && method === 'GET') {
    send(200, { full_name: `${req.owner}/${req.repo}`, private: true, default_branch: 'main' });
    return true;
  }
  if (rest === 'git/blobs' && method === 'POST') {
    return write(() => {
      const { content, encoding } = body;
      if (typeof content !== 'string') throw new GitInputError('Invalid request: content is required');
      const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
      send(201, { sha: repo.put({ type: 'blob', content: bytes }) });
    });
  }
  if ((m = /^git\/blobs\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
    const blob = repo.get(m[1]!, 'blob');
    if (blob === undefined) send(404, NOT_FOUND);
    else send(200, { sha: m[1], size: blob.content.length, content: base64Lines(blob.content), encoding: 'base64' });
    return true;
  }
  if (rest === 'git/trees' && method === 'POST') {
    return write(() => {
      const entries = Array.isArray(body.tree) ? (body.tree as unknown[]).map(obj) : [];
      const edits: TreeEdit[] = entries.map((e) => {
        if (typeof e.path !== 'string' || (e.type !== 'blob' && e.type !== 'tree')) {
          throw new GitInputError('Invalid tree info');
        }
        const sha = typeof e.content === 'string' ? repo.put({ type: 'blob', content: Buffer.from(e.content) }) : e.sha;
        if (sha !== null && (typeof sha !== 'string' || !HEX40.test(sha))) throw new GitInputError('Invalid tree info');
        return { path: e.path, mode: String(e.mode), type: e.type, sha };
      });
      const base = typeof body.base_tree === 'string' ? body.base_tree : undefined;
      const sha = repo.editTree(base, edits);
      send(201, treeJson(repo, sha));
    });
  }
  if ((m = /^git\/trees\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
    if (repo.get(m[1]!, 'tree') === undefined) send(404, NOT_FOUND);
    else send(200, treeJson(repo, m[1]!));
    return true;
  }
  if (rest === 'git/commits' && method === 'POST') {
    return write(() => {
      const parents = Array.isArray(body.parents) ? body.parents.map(String) : [];
      if (typeof body.message !== 'string' || typeof body.tree !== 'string') {
        throw new GitInputError('Invalid request: message and tree are required');
      }
      const sha = repo.commit(body.tree, parents, body.message, req.login);
      send(201, commitJson(repo, sha));
    });
  }
  if ((m = /^git\/commits\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
    if (repo.get(m[1]!, 'commit') === undefined) send(404, NOT_FOUND);
    else send(200, commitJson(repo, m[1]!));
    return true;
  }
  if ((m = /^git\/ref\/(.+)$/.exec(rest)) && method === 'GET') {
    const ref = `refs/${m[1]}`;
    const sha = repo.refs.get(ref);
    if (sha === undefined) send(404, NOT_FOUND);
    else send(200, { ref, object: { sha, type: 'commit' } });
    return true;
  }
  if (rest === 'git/refs' && method === 'POST') {
    return write(() => {
      const { ref, sha } = body;
      if (typeof ref !== 'string' || !/^refs\/.+/.test(ref) || typeof sha !== 'string') {
        throw new GitInputError('Reference name must start with refs/');
      }
      if (repo.get(sha, 'commit') === undefined) throw new GitInputError('Object does not exist');
      if (repo.refs.has(ref)) throw new GitInputError('Reference already exists');
      repo.refs.set(ref, sha);
      send(201, { ref, object: { sha, type: 'commit' } });
    });
  }
  if ((m = /^git\/refs\/(.+)$/.exec(rest)) && method === 'PATCH') {
    return write(() => {
      const ref = `refs/${m![1]}`;
      const { sha, force } = body;
      const tip = repo.refs.get(ref);
      if (tip === undefined) throw new GitInputError('Reference does not exist');
      if (typeof sha !== 'string' || repo.get(sha, 'commit') === undefined) {
        throw new GitInputError('Object does not exist');
      }
      if (force !== true && !repo.isAncestor(tip, sha)) throw new GitInputError('Update is not a fast forward');
      repo.refs.set(ref, sha);
      send(200, { ref, object: { sha, type: 'commit' } });
    });
  }
  if ((m = /^contents(?:\/(.*))?$/.exec(rest)) && method === 'GET') {
    const commit = resolveRef(repo, req.query.get('ref'));
    const path = (m[1] ?? '').replace(/\/+$/, '');
    const tree = commit === undefined ? undefined : repo.get(commit, 'commit')?.tree;
    const entry = tree === undefined ? undefined : repo.lookup(tree, path);
    if (entry === undefined) {
      send(404, {
        ...NOT_FOUND,
        documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
      });
    } else if (entry.type === 'tree') {
      send(
        200,
        repo.get(entry.sha, 'tree')!.entries.map((e) => ({
          type: e.type === 'tree' ? 'dir' : 'file',
          name: e.name,
          path: path === '' ? e.name : `${path}/${e.name}`,
          sha: e.sha,
          size: e.type === 'blob' ? repo.get(e.sha, 'blob')!.content.length : 0,
        })),
      );
    } else {
      const content = repo.get(entry.sha, 'blob')!.content;
      const inline = content.length <= inlineLimit;
      send(200, {
        type: 'file',
        name: entry.name,
        path,
        sha: entry.sha,
        size: content.length,
        encoding: inline ? 'base64' : 'none',
        content: inline ? base64Lines(content) : '',
      });
    }
    return true;
  }
  return false;
}

function treeJson(repo: GitRepository, sha: string): unknown {
  return {
    sha,
    truncated: false,
    tree: repo.get(sha, 'tree')!.entries.map((e) => ({
      path: e.name,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === 'blob' ? { size: repo.get(e.sha, 'blob')!.content.length } : {}),
    })),
  };
}

function commitJson(repo: GitRepository, sha: string): unknown {
  const c = repo.get(sha, 'commit')!;
  return { sha, tree: { sha: c.tree }, parents: c.parents.map((p) => ({ sha: p })), message: c.message };
}
