/**
 * runRecord and runReport with in-memory ports and the real Go cache fixtures (decoded in this
 * thread): what is recorded, the status for each outcome, and an error status for whatever stops a
 * report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfileLoader } from '../../../src/adapters/profile-loader.js';
import { runGate } from '../../../src/app/gate/run.js';
import { recordProfile } from '../../../src/app/record/record.js';
import {
  runReport,
  type ReportConfig,
  type ReportPorts,
  type WorkflowRunEvent,
} from '../../../src/app/record/report.js';
import { StoreError } from '../../../src/core/errors.js';
import {
  GitHubApiError,
  type CommitInfo,
  type CommitStatus,
  type OpenPullRequest,
  type RecordDirectory,
  type RecordFiles,
} from '../../../src/ports.js';
import { ROOT } from '../../helpers/dist.js';
import { event, PLAN } from '../../helpers/gate-events.js';
import { MemoryComments, MemoryStore, recordingLog, sha } from '../../helpers/memory-ports.js';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(ROOT, '__tests__/fixtures/go/cache', name)));
const GOOD = fixture('good.rate1.heap.pb.gz');
const REGRESSED = fixture('regressed.rate1.heap.pb.gz');
const HEAD = sha('d');

class MemoryRecord implements RecordDirectory {
  readonly location = 'memory-record';
  readonly files = new Map<string, RecordFiles>();
  async write(series: string, files: RecordFiles): Promise<void> {
    this.files.set(series, files);
  }
  async read(series: string): Promise<RecordFiles> {
    const f = this.files.get(series);
    if (f === undefined) throw new Error(`no record of ${series}`);
    return f;
  }
}

class MemoryCommits implements CommitInfo {
  readonly statuses: { sha: string; status: CommitStatus }[] = [];
  constructor(
    private readonly pulls: OpenPullRequest[],
    private readonly statusFailure: number | null = null,
  ) {}
  async pullsOf(): Promise<OpenPullRequest[]> {
    return this.pulls;
  }
  async setStatus(s: string, status: CommitStatus): Promise<void> {
    if (this.statusFailure !== null)
      throw new GitHubApiError('Resource not accessible by integration', this.statusFailure);
    this.statuses.push({ sha: s, status });
  }
}

const PULL: OpenPullRequest = {
  number: 7,
  state: 'open',
  headSha: HEAD,
  headRepository: 'fork/app',
  headRef: 'feature',
  baseRef: 'main',
  baseSha: sha('b'),
  labels: [],
};

const EVENT: WorkflowRunEvent = {
  repository: 'octo/app',
  serverUrl: 'https://github.com',
  runId: '900',
  defaultBranch: 'main',
  head: { sha: HEAD, repository: 'fork/app', branch: 'feature' },
};

const CONFIG: ReportConfig = {
  ...PLAN,
  series: 'cache',
  store: 'memory://',
  rules: null,
  comment: 'always',
  acceptLabel: 'heapgate:accept',
  confidence: null,
  top: 5,
  history: 30,
  onInconclusive: 'pass',
  htmlReport: false,
  maxProfileBytes: 1024 ** 3,
};

async function setup(profile: Uint8Array, commits = new MemoryCommits([PULL])) {
  const store = new MemoryStore();
  const log: string[] = [];
  const comments = new MemoryComments();
  const record = new MemoryRecord();
  const ports: ReportPorts = {
    store,
    load: createProfileLoader({ mode: 'inline' }),
    comments,
    pulls: { mergeBase: async () => undefined, labeledBy: async () => undefined, mergedPullOf: async () => undefined },
    summary: { append: async () => {} },
    clock: { now: () => new Date('2026-01-02T00:00:00Z') },
    log: recordingLog(log),
    reports: null,
    record,
    commits,
  };
  const seeded = await runGate(
    { ...CONFIG, mode: 'auto', profile: ['heap.pb.gz'] },
    event({ sha: sha('a'), commitTime: '2026-01-01T10:00:00Z' }),
    GOOD,
    ports,
  );
  expect(seeded.update?.result).toBe('moved');
  await recordProfile(
    { series: 'cache', profile: 'bench/heap.pb.gz', maxProfileBytes: 1024 ** 3 },
    { event: 'pull_request', sha: HEAD, pullRequest: 7, runId: '500' },
    profile,
    ports,
  );
  return { ports, log, comments, record, commits, store };
}

test('record: the profile as given, and a manifest of the run', async () => {
  const { record } = await setup(REGRESSED);
  const files = record.files.get('cache')!;
  expect(files.profile).toBe(REGRESSED);
  expect(JSON.parse(files.manifest)).toMatchObject({
    series: 'cache',
    profile: { path: 'bench/heap.pb.gz', bytes: REGRESSED.length },
    run: { sha: HEAD, pullRequest: 7 },
  });
});

test('report: a regression comments on the pull request and sets a failure status linking to the run', async () => {
  const { ports, comments, commits, store } = await setup(REGRESSED);
  const out = await runReport(CONFIG, EVENT, ports);
  expect(out).toMatchObject({ verdict: 'fail', exitCode: 1, pullRequest: 7, status: 'failure' });
  expect(comments.writes).toEqual(['create']);
  expect(commits.statuses).toHaveLength(1);
  expect(commits.statuses[0]).toMatchObject({
    sha: HEAD,
    status: { state: 'failure', context: 'heapgate/cache', targetUrl: 'https://github.com/octo/app/actions/runs/900' },
  });
  expect(commits.statuses[0]!.status.description).toMatch(/^fail: .*inuse_space \+/);
  // Compared only: nothing of the pull request's is stored.
  expect(await store.branches('cache')).toEqual(['main']);
});

test('report: fail-on-regression false reports the fail in a success status', async () => {
  const { ports, commits } = await setup(REGRESSED);
  const out = await runReport({ ...CONFIG, failOnRegression: false }, EVENT, ports);
  expect(out).toMatchObject({ verdict: 'fail', exitCode: 0, status: 'success' });
  expect(commits.statuses[0]!.status.description).toMatch(/^fail: /);
});

test('report: the accept label on the pull request (as GitHub lists it) accepts a regression', async () => {
  const { ports, commits } = await setup(REGRESSED, new MemoryCommits([{ ...PULL, labels: ['heapgate:accept'] }]));
  const out = await runReport(CONFIG, EVENT, ports);
  expect(out).toMatchObject({ verdict: 'accepted', exitCode: 0, status: 'success' });
  expect(commits.statuses[0]!.status.description).toMatch(/^accepted: /);
});

test('report: a store failure is an error status, then the error', async () => {
  const { ports, commits } = await setup(GOOD);
  const broken: ReportPorts = {
    ...ports,
    store: { ...ports.store, pointer: () => Promise.reject(new StoreError('gs://b: permission denied')) },
  };
  await expect(runReport(CONFIG, EVENT, broken)).rejects.toThrow('gs://b: permission denied');
  expect(commits.statuses.map((s) => s.status)).toEqual([
    {
      state: 'error',
      context: 'heapgate/cache',
      description: 'error: gs://b: permission denied',
      targetUrl: 'https://github.com/octo/app/actions/runs/900',
    },
  ]);
});

test('report: a status GitHub refuses is a warning naming statuses: write; the verdict still decides', async () => {
  const { ports, log } = await setup(REGRESSED, new MemoryCommits([PULL], 403));
  const out = await runReport(CONFIG, EVENT, ports);
  expect(out.exitCode).toBe(1);
  expect(log).toContain(
    'warning: could not set the commit status heapgate/cache: Resource not accessible by integration; grant the ' +
      'workflow `statuses: write`',
  );
});

test('report: a record of another series is refused', async () => {
  const { ports, commits } = await setup(GOOD);
  await expect(runReport({ ...CONFIG, series: 'other' }, EVENT, { ...ports })).rejects.toThrow('no record of other');
  (ports.record as MemoryRecord).files.set('other', (ports.record as MemoryRecord).files.get('cache')!);
  await expect(runReport({ ...CONFIG, series: 'other' }, EVENT, ports)).rejects.toThrow(
    'record manifest: made for another series than other (input series)',
  );
  expect(commits.statuses.map((s) => s.status.state)).toEqual(['error', 'error']);
});
