/**
 * In-memory ports for the use-case tests: a BaselineStore with the real pointer policy, a comment
 * sink, and a logger that records what it is told. No module mocks: the use cases run as they do in
 * the doors, against these.
 */
import {
  advancePointer,
  removeFromPointer,
  type BaselineMetadata,
  type BaselinePointer,
} from '../../src/core/history/baseline.js';
import {
  GitHubApiError,
  type BaselineStore,
  type CommentSink,
  type DeleteBaselineResult,
  type IssueComment,
  type Logger,
  type PutBaselineResult,
  type StoredBaseline,
} from '../../src/ports.js';

/** A 40-character commit id made of one repeated character: `sha('a')`. */
export const sha = (c: string): string => c.repeat(40);

/** A BaselineStore in memory, using the shared pointer policy. */
export class MemoryStore implements BaselineStore {
  readonly location = 'memory://';
  readonly objects = new Map<string, StoredBaseline>();
  readonly pointers = new Map<string, BaselinePointer>();
  async put(metadata: BaselineMetadata, profile: Uint8Array): Promise<PutBaselineResult> {
    const key = `${metadata.series}/${metadata.branch}/${metadata.sha}`;
    const exists = this.objects.has(key);
    if (!exists) this.objects.set(key, { metadata, profile });
    const pkey = `${metadata.series}/${metadata.branch}`;
    const decision = advancePointer(this.pointers.get(pkey), metadata);
    if (decision.move) this.pointers.set(pkey, decision.pointer);
    const pointer = decision.move ? 'moved' : decision.reason;
    return { object: exists ? 'exists' : 'created', pointer, metadata: this.objects.get(key)!.metadata };
  }
  async pointer(series: string, branch: string): Promise<BaselinePointer | undefined> {
    return this.pointers.get(`${series}/${branch}`);
  }
  async delete(series: string, branch: string, s: string): Promise<DeleteBaselineResult> {
    const pkey = `${series}/${branch}`;
    const removal = removeFromPointer(this.pointers.get(pkey), s);
    if (removal.change === 'last') this.pointers.delete(pkey);
    else if (removal.change !== 'absent') this.pointers.set(pkey, removal.pointer);
    const removed = this.objects.delete(`${pkey}/${s}`);
    const current = this.pointers.get(pkey)?.current;
    return { object: removed ? 'removed' : 'absent', pointer: removal.change, ...(current ? { current } : {}) };
  }
  async commit(series: string, branch: string, s: string): Promise<StoredBaseline | undefined> {
    return this.objects.get(`${series}/${branch}/${s}`);
  }
  async branches(series: string): Promise<string[]> {
    const keys = [...this.pointers.keys(), ...this.objects.keys()].filter((k) => k.startsWith(`${series}/`));
    return [...new Set(keys.map((k) => k.split('/')[1]!))].sort();
  }
  async series(): Promise<string[]> {
    return [...new Set([...this.pointers.keys(), ...this.objects.keys()].map((k) => k.split('/')[0]!))].sort();
  }
}

export function comment(id: number, author: string, body: string): IssueComment {
  return { id, author, body, url: `https://x/${id}` };
}

/** Comments of one pull request in memory; `fail` makes create answer with that HTTP status. */
export class MemoryComments implements CommentSink {
  readonly writes: string[] = [];
  constructor(
    public comments: IssueComment[] = [],
    private readonly me = 'github-actions[bot]',
    private readonly fail: number | null = null,
  ) {}
  async identity(): Promise<string> {
    return this.me;
  }
  async list(): Promise<IssueComment[]> {
    return this.comments;
  }
  async create(_issue: number, body: string): Promise<IssueComment> {
    if (this.fail !== null) throw new GitHubApiError('Resource not accessible by integration', this.fail);
    this.writes.push('create');
    const c = comment(100 + this.comments.length, this.me, body);
    this.comments.push(c);
    return c;
  }
  async update(id: number, body: string): Promise<IssueComment> {
    this.writes.push('update');
    const c = this.comments.find((x) => x.id === id)!;
    const u = { ...c, body };
    this.comments = this.comments.map((x) => (x.id === id ? u : x));
    return u;
  }
}

/** A Logger that records `level: message` lines. */
export function recordingLog(lines: string[]): Logger {
  return {
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  };
}
