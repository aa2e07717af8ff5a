/**
 * The workflow run from the runner's environment (GITHUB_* variables) and the event payload file
 * (GITHUB_EVENT_PATH), as the GateEvent the application reads.
 */
import { readBounded } from '../adapters/bounded-read.js';
import type { GateEvent, PullRequestEvent } from '../app/gate/plan.js';
import { UsageError } from '../core/errors.js';

type Env = Readonly<Record<string, string | undefined>>;

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function need(env: Env, name: string): string {
  const v = env[name];
  if (v === undefined || v === '')
    throw new UsageError(`${name} is not set: heapgate's action runs inside a GitHub Actions job`);
  return v;
}

function pullRequest(payload: Record<string, unknown>): PullRequestEvent | null {
  const pr = obj(payload.pull_request);
  if (pr === undefined) return null;
  const base = obj(pr.base);
  const head = obj(pr.head);
  const number = pr.number;
  if (
    typeof number !== 'number' ||
    base === undefined ||
    head === undefined ||
    !str(base.ref) ||
    !str(base.sha) ||
    !str(head.sha)
  ) {
    throw new UsageError('the pull_request event payload lacks number, base.ref, base.sha or head.sha');
  }
  const labels = Array.isArray(pr.labels)
    ? pr.labels.map((l) => str(obj(l)?.name)).filter((l): l is string => l !== undefined)
    : [];
  const action = payload.action;
  const label = str(obj(payload.label)?.name);
  const sender = str(obj(payload.sender)?.login);
  return {
    number,
    baseRef: str(base.ref)!,
    baseSha: str(base.sha)!,
    headSha: str(head.sha)!,
    headRef: str(head.ref) ?? `pull/${number}`,
    labels,
    labelEvent:
      (action === 'labeled' || action === 'unlabeled') && label !== undefined && sender !== undefined
        ? { action, label, sender }
        : null,
  };
}

/**
 * The GateEvent of a run from its environment and parsed payload. Throws UsageError when a required variable is
 * missing.
 */
export function gateEvent(env: Env, payload: unknown): GateEvent {
  const p = obj(payload) ?? {};
  const ref = env.GITHUB_REF ?? '';
  const headCommit = obj(p.head_commit);
  const runId = env.GITHUB_RUN_ID;
  return {
    name: need(env, 'GITHUB_EVENT_NAME'),
    repository: need(env, 'GITHUB_REPOSITORY'),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    sha: need(env, 'GITHUB_SHA'),
    branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null,
    defaultBranch: str(obj(p.repository)?.default_branch) ?? null,
    runId: runId !== undefined && /^[0-9]{1,20}$/.test(runId) ? runId : null,
    commitTime: str(headCommit?.timestamp) ?? null,
    actor:
      env.GITHUB_ACTOR !== undefined && /^[A-Za-z0-9][A-Za-z0-9._[\]-]{0,99}$/.test(env.GITHUB_ACTOR)
        ? env.GITHUB_ACTOR
        : null,
    pullRequest: pullRequest(p),
  };
}

/** GitHub's webhook payloads are capped at 25 MB; the runner's copy is no larger. */
const MAX_EVENT_BYTES = 32 * 1024 * 1024;

/** The event payload GITHUB_EVENT_PATH names, parsed (an empty payload when unset). */
export async function loadEventPayload(env: Env): Promise<unknown> {
  const path = env.GITHUB_EVENT_PATH;
  if (path === undefined || path === '') return {};
  let read;
  try {
    read = await readBounded(path, MAX_EVENT_BYTES);
  } catch {
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path}: cannot read`);
  }
  if (!read.ok)
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path}: more than ${MAX_EVENT_BYTES} bytes`);
  const text = read.bytes.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path}: not valid JSON`);
  }
}

/** Reads GITHUB_EVENT_PATH (an empty payload when unset) and builds the GateEvent. */
export async function loadGateEvent(env: Env): Promise<GateEvent> {
  return gateEvent(env, await loadEventPayload(env));
}
