/**
 * A small local GitHub REST server: just what heapgate's Action calls, for the real @actions/github
 * Octokit client pointed at it with GITHUB_API_URL (Octokit sends through undici's fetch, which
 * nock cannot see). Written from the REST API reference (docs.github.com/rest):
 *
 * - GET /user: the token's user; an installation token (GITHUB_TOKEN) gets 403 "Resource not
 *   accessible by integration", as on github.com;
 * - POST /graphql with a `viewer { login __typename }` query: the token's identity; for an
 *   installation token the app's bot, whose GraphQL login lacks the `[bot]` suffix REST shows;
 * - GET /repos/{o}/{r}/issues/{n}/comments with per_page (default 30, max 100) and page, and a Link
 *   header (rel="next", rel="last");
 * - POST /repos/{o}/{r}/issues/{n}/comments, PATCH /repos/{o}/{r}/issues/comments/{id}: authored by
 *   the token's identity (`github-actions[bot]` for an installation token); a body over 65,536
 *   characters is 422;
 * - GET /repos/{o}/{r}/compare/{base}...{head}: merge_base_commit from `mergeBases`;
 * - GET /repos/{o}/{r}/issues/{n}/events (paginated like comments);
 * - GET /repos/{o}/{r}/issues?state=open|closed|all (issues and, as on GitHub, pull requests with a
 *   `pull_request` key; paginated), POST /repos/{o}/{r}/issues (title required; 410 when issues are
 *   disabled with `issuesDisabled`), PATCH /repos/{o}/{r}/issues/{n} (title, body, state);
 * - GET /repos/{o}/{r}/commits/{sha}/pulls: the pull requests of `pulls` whose commits include the
 *   sha, open and closed alike (as GitHub lists a commit not yet on the default branch), paginated;
 * - GET /repos/{o}/{r}/pulls/{n}/files: the files of `pullFiles` (filename, status, additions,
 *   deletions, changes, patch when given: GitHub leaves it out for binary and very large diffs),
 *   paginated, at most 3,000 files as GitHub lists; 404 for a pull request it has no files for;
 * - POST /repos/{o}/{r}/statuses/{sha}: a commit status (state error|failure|pending|success,
 *   context default "default", description at most 140 characters, target_url); anything else is 422;
 *   kept in `statuses`;
 * - the repository routes of a store kept in a branch (Git Data API and contents; see
 *   github-git-routes.ts) for repositories added with `repository()`;
 * - faults: a status and message for matching requests (e.g. 403 on creating comments, as a fork
 *   PR's read-only token gets);
 * - every request is recorded (method, path, query, body, authorization header).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitRepository } from './git-objects.js';
import { handleGitRequest } from './github-git-routes.js';

export const BOT_LOGIN = 'github-actions[bot]';

export interface ServerComment {
  id: number;
  issue: number;
  body: string;
  author: string;
  authorType: 'User' | 'Bot';
  created: number;
  updated: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly authorization: string | undefined;
}

export interface IssueEvent {
  readonly event: string;
  readonly label?: { readonly name: string };
  readonly actor: { readonly login: string };
}

/** A pull request as the server holds it; `commits` are the shas it contains (default: its head). */
export interface ServerPull {
  readonly number: number;
  state: 'open' | 'closed';
  readonly head: { sha: string; readonly ref: string; readonly repo: string | null };
  readonly base: { readonly ref: string; sha: string };
  readonly labels?: readonly string[];
  commits?: string[];
  /** When it merged (ISO 8601) and its merge commit; a merged pull request is closed. */
  mergedAt?: string;
  mergeCommitSha?: string;
}

/** An issue as the server holds it (numbers shared with pull requests, as on GitHub). */
export interface ServerIssue {
  readonly number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  readonly author: string;
}

export interface ServerStatus {
  readonly repo: string;
  readonly sha: string;
  readonly state: string;
  readonly context: string;
  readonly description: string | null;
  readonly targetUrl: string | null;
  readonly creator: string;
}

const STATUS_STATES = ['error', 'failure', 'pending', 'success'];

interface FaultRule {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly message: string;
  remaining: number;
}

/**
 * A token: an installation token of a GitHub App (GITHUB_TOKEN is the `github-actions` app's: a bot,
 * no /user) or a user's personal token.
 */
export type TokenKind = (
  { readonly kind: 'installation'; readonly app?: string } | { readonly kind: 'user'; readonly login: string }
) & {
  /** The token's `contents` permission (default write); a fork pull request's GITHUB_TOKEN has read. */
  readonly contents?: 'read' | 'write';
};

export class GitHubServer {
  readonly comments: ServerComment[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly tokens = new Map<string, TokenKind>();
  /** `${base}...${head}` → merge-base sha. */
  readonly mergeBases = new Map<string, string>();
  readonly issueEvents = new Map<number, IssueEvent[]>();
  readonly pulls: ServerPull[] = [];
  /** Pull request number → its changed files, for GET pulls/{n}/files. */
  readonly pullFiles = new Map<number, readonly { readonly filename: string; readonly patch?: string }[]>();
  readonly issues: ServerIssue[] = [];
  /** POST issues answers 410 Gone, as for a repository with issues turned off. */
  issuesDisabled = false;
  readonly statuses: ServerStatus[] = [];
  /** Repositories with git objects, by owner/name (see repository()). */
  readonly repositories = new Map<string, GitRepository>();
  /** Largest file the contents API returns inline (1 MB on GitHub); larger ones need git/blobs. */
  contentsInlineLimit = 1024 * 1024;
  /** Called before each request is answered (e.g. to delay it and widen race windows). */
  beforeAnswer: ((method: string, path: string) => Promise<void>) | undefined;
  private faults: FaultRule[] = [];
  private nextId = 1000;
  private clock = 0;
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<void> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Adds a comment as someone else would have written it (for pagination and hijack tests). */
  seedComment(issue: number, author: string, body: string, authorType: 'User' | 'Bot' = 'User'): ServerComment {
    const c: ServerComment = {
      id: this.nextId++,
      issue,
      body,
      author,
      authorType,
      created: ++this.clock,
      updated: this.clock,
    };
    this.comments.push(c);
    return c;
  }

  /** The repository `fullName` (owner/name), created empty on first use. */
  repository(fullName: string): GitRepository {
    let repo = this.repositories.get(fullName);
    if (repo === undefined) {
      repo = new GitRepository();
      this.repositories.set(fullName, repo);
    }
    return repo;
  }

  commentsOn(issue: number): ServerComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  /** Matching requests answer `status` with `message`, `times` times (default: always). */
  fail(method: string, path: RegExp, status: number, message: string, times = Infinity): void {
    this.faults.push({ method, path, status, message, remaining: times });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private identity(auth: string | undefined): { login: string; type: 'User' | 'Bot'; canWrite: boolean } | undefined {
    const token = auth?.replace(/^(token|bearer) /i, '');
    const kind = token === undefined ? undefined : this.tokens.get(token);
    if (kind === undefined) return undefined;
    const canWrite = kind.contents !== 'read';
    return kind.kind === 'installation'
      ? { login: `${kind.app ?? 'github-actions'}[bot]`, type: 'Bot', canWrite }
      : { login: kind.login, type: 'User', canWrite };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization,
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    await this.beforeAnswer?.(method, url.pathname);
    const fault = this.faults.find((f) => f.remaining > 0 && f.method === method && f.path.test(url.pathname));
    if (fault !== undefined) {
      fault.remaining--;
      send(fault.status, {
        message: fault.message,
        documentation_url: 'https://docs.github.com/rest',
        status: String(fault.status),
      });
      return;
    }
    const who = this.identity(req.headers.authorization);
    if (who === undefined) {
      send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      return;
    }
    let m: RegExpExecArray | null;
    if (method === 'POST' && url.pathname === '/graphql') {
      const query = (body as { query?: unknown } | undefined)?.query;
      if (typeof query !== 'string' || !/\bviewer\s*\{/.test(query)) {
        return send(200, { data: null, errors: [{ message: 'this test server answers only viewer queries' }] });
      }
      send(200, { data: { viewer: { login: who.login.replace(/\[bot\]$/, ''), __typename: who.type } } });
      return;
    }
    if (method === 'GET' && url.pathname === '/user') {
      if (who.type === 'Bot')
        send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        });
      else send(200, { login: who.login, type: 'User' });
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const issue = Number(m[3]);
      if (method === 'GET') {
        this.page(
          url,
          res,
          this.commentsOn(issue).map((c) => this.commentJson(c, m![1]!, m![2]!)),
        );
        return;
      }
      if (method === 'POST') {
        const b = (body as { body?: unknown } | undefined)?.body;
        if (typeof b !== 'string') return send(422, { message: 'Invalid request: body is required' });
        if (b.length > 65536)
          return send(422, {
            message: 'Validation Failed',
            errors: [{ message: 'body is too long (maximum is 65536 characters)' }],
          });
        const c = this.seedComment(issue, who.login, b, who.type);
        send(201, this.commentJson(c, m[1]!, m[2]!));
        return;
      }
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)) && method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m![3]));
      if (c === undefined) return send(404, { message: 'Not Found' });
      const b = (body as { body?: unknown } | undefined)?.body;
      if (typeof b !== 'string') return send(422, { message: 'Invalid request: body is required' });
      if (b.length > 65536) return send(422, { message: 'Validation Failed' });
      c.body = b;
      c.updated = ++this.clock;
      send(200, this.commentJson(c, m[1]!, m[2]!));
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/compare\/(.+)$/.exec(url.pathname)) && method === 'GET') {
      const sha = this.mergeBases.get(decodeURIComponent(m[3]!));
      if (sha === undefined) return send(404, { message: 'Not Found' });
      send(200, { status: 'ahead', merge_base_commit: { sha }, commits: [], files: [] });
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(url.pathname))) {
      const [owner, repo] = [m[1]!, m[2]!];
      if (method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        const rows = [
          ...this.issues.map((i) => ({ n: i.number, json: this.issueJson(i, owner, repo), state: i.state })),
          ...this.pulls.map((p) => ({
            n: p.number,
            json: { number: p.number, title: `pull ${p.number}`, body: '', state: p.state, pull_request: {} },
            state: p.state,
          })),
        ]
          .filter((r) => state === 'all' || r.state === state)
          .sort((a, b) => b.n - a.n)
          .map((r) => r.json);
        this.page(url, res, rows);
        return;
      }
      if (method === 'POST') {
        if (this.issuesDisabled) return send(410, { message: 'Issues are disabled for this repo' });
        const b = (body ?? {}) as { title?: unknown; body?: unknown };
        if (typeof b.title !== 'string' || b.title === '')
          return send(422, { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] });
        if (b.body !== undefined && typeof b.body !== 'string') return send(422, { message: 'Validation Failed' });
        if (typeof b.body === 'string' && b.body.length > 65536) return send(422, { message: 'Validation Failed' });
        const number = Math.max(0, ...this.issues.map((i) => i.number), ...this.pulls.map((p) => p.number)) + 1;
        const issue: ServerIssue = { number, title: b.title, body: b.body ?? '', state: 'open', author: who.login };
        this.issues.push(issue);
        send(201, this.issueJson(issue, owner, repo));
        return;
      }
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(url.pathname)) && method === 'PATCH') {
      const issue = this.issues.find((i) => i.number === Number(m![3]));
      if (issue === undefined) return send(404, { message: 'Not Found' });
      const b = (body ?? {}) as { title?: unknown; body?: unknown; state?: unknown };
      if (typeof b.body === 'string') {
        if (b.body.length > 65536) return send(422, { message: 'Validation Failed' });
        issue.body = b.body;
      }
      if (typeof b.title === 'string') issue.title = b.title;
      if (b.state === 'open' || b.state === 'closed') issue.state = b.state;
      send(200, this.issueJson(issue, m[1]!, m[2]!));
      return;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/events$/.exec(url.pathname)) && method === 'GET') {
      this.page(url, res, this.issueEvents.get(Number(m[3])) ?? []);
      return;
    }
    if (this.handleCommitRoutes(method, url, body, who.login, res)) return;
    if ((m = /^\/repos\/([^/]+)\/([^/]+)(?:\/(.*))?$/.exec(url.pathname))) {
      const repo = this.repositories.get(`${m[1]}/${m[2]}`);
      if (repo === undefined)
        return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      const request = {
        method,
        owner: m[1]!,
        repo: m[2]!,
        rest: decodeURIComponent(m[3] ?? ''),
        query: url.searchParams,
        body,
        login: who.login,
        canWrite: who.canWrite,
      };
      if (handleGitRequest(repo, request, send, this.contentsInlineLimit)) return;
    }
    send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  /** The statuses of `sha`, oldest first. */
  statusesOf(sha: string): ServerStatus[] {
    return this.statuses.filter((st) => st.sha === sha);
  }

  /** A commit's pull requests and statuses; false when the request is for neither. */
  private handleCommitRoutes(
    method: string,
    url: URL,
    body: unknown,
    login: string,
    res: http.ServerResponse,
  ): boolean {
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
    };
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/.exec(url.pathname)) && method === 'GET') {
      const [owner, repo, sha] = [m[1]!, m[2]!, m[3]!];
      const rows = this.pulls
        .filter((p) => (p.commits ?? [p.head.sha]).includes(sha))
        .map((p) => this.pullJson(p, owner, repo));
      this.page(url, res, rows);
      return true;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/.exec(url.pathname)) && method === 'GET') {
      const [owner, repo, number] = [m[1]!, m[2]!, Number(m[3])];
      const files = this.pullFiles.get(number);
      if (files === undefined) return (send(404, { message: 'Not Found' }), true);
      const rows = files.slice(0, 3000).map((f) => {
        const lines = (f.patch ?? '').split('\n');
        const additions = lines.filter((l) => l.startsWith('+')).length;
        const deletions = lines.filter((l) => l.startsWith('-')).length;
        const blob = `https://github.com/${owner}/${repo}/blob/${'0'.repeat(40)}/${f.filename}`;
        return {
          sha: '0'.repeat(40),
          filename: f.filename,
          status: 'modified',
          additions,
          deletions,
          changes: additions + deletions,
          blob_url: blob,
          raw_url: blob.replace('/blob/', '/raw/'),
          contents_url: `${this.url}/repos/${owner}/${repo}/contents/${f.filename}`,
          ...(f.patch === undefined ? {} : { patch: f.patch }),
        };
      });
      this.page(url, res, rows);
      return true;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/statuses\/([^/]+)$/.exec(url.pathname)) && method === 'POST') {
      const b = (body ?? {}) as { state?: unknown; context?: unknown; description?: unknown; target_url?: unknown };
      if (typeof b.state !== 'string' || !STATUS_STATES.includes(b.state))
        return (send(422, { message: 'Validation Failed', errors: [{ field: 'state', code: 'invalid' }] }), true);
      if (b.description !== undefined && b.description !== null && typeof b.description !== 'string')
        return (send(422, { message: 'Validation Failed', errors: [{ field: 'description', code: 'invalid' }] }), true);
      if (typeof b.description === 'string' && b.description.length > 140)
        return (
          send(422, {
            message: 'Validation Failed',
            errors: [
              { field: 'description', code: 'custom', message: 'description is too long (maximum is 140 characters)' },
            ],
          }),
          true
        );
      const status: ServerStatus = {
        repo: `${m[1]}/${m[2]}`,
        sha: m[3]!,
        state: b.state,
        context: typeof b.context === 'string' && b.context !== '' ? b.context : 'default',
        description: typeof b.description === 'string' ? b.description : null,
        targetUrl: typeof b.target_url === 'string' ? b.target_url : null,
        creator: login,
      };
      this.statuses.push(status);
      send(201, {
        id: this.nextId++,
        state: status.state,
        context: status.context,
        description: status.description,
        target_url: status.targetUrl,
        creator: { login },
      });
      return true;
    }
    return false;
  }

  private pullJson(p: ServerPull, owner: string, repo: string): unknown {
    const headRepo = p.head.repo === null ? null : { full_name: p.head.repo, fork: p.head.repo !== `${owner}/${repo}` };
    return {
      number: p.number,
      state: p.state,
      html_url: `https://github.com/${owner}/${repo}/pull/${p.number}`,
      head: {
        sha: p.head.sha,
        ref: p.head.ref,
        label: `${p.head.repo?.split('/')[0] ?? 'unknown'}:${p.head.ref}`,
        repo: headRepo,
      },
      base: { sha: p.base.sha, ref: p.base.ref, repo: { full_name: `${owner}/${repo}` } },
      labels: (p.labels ?? []).map((name) => ({ name })),
      merged_at: p.mergedAt ?? null,
      merge_commit_sha: p.mergeCommitSha ?? null,
    };
  }

  private issueJson(i: ServerIssue, owner: string, repo: string): unknown {
    return {
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      html_url: `https://github.com/${owner}/${repo}/issues/${i.number}`,
      user: { login: i.author },
    };
  }

  private commentJson(c: ServerComment, owner: string, repo: string): unknown {
    return {
      id: c.id,
      body: c.body,
      html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
      user: { login: c.author, type: c.authorType },
      created_at: new Date(c.created * 1000).toISOString(),
      updated_at: new Date(c.updated * 1000).toISOString(),
    };
  }

  /** GitHub's pagination: per_page (default 30, max 100), page (from 1), Link header with next and last. */
  private page(url: URL, res: http.ServerResponse, rows: readonly unknown[]): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(rows.length / perPage));
    const link = (p: number): string => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return u.toString();
    };
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (page < last) headers.link = `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"`;
    res.writeHead(200, headers);
    res.end(JSON.stringify(rows.slice((page - 1) * perPage, page * perPage)));
  }
}
