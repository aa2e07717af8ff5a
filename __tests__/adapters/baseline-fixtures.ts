/** Metadata and profile bytes for store tests, built from plain numbers. */
import { randomBytes } from 'node:crypto';
import { baselineMetadata, type BaselineMetadata } from '../../src/core/history/baseline.js';

export const GO_HEAP_TYPES = [
  { type: 'alloc_objects', unit: 'count' },
  { type: 'alloc_space', unit: 'bytes' },
  { type: 'inuse_objects', unit: 'count' },
  { type: 'inuse_space', unit: 'bytes' },
];

/** Commit `n` of a test history: sha derived from n, commit time n minutes after a fixed start. */
export function commitSha(n: number): string {
  return n.toString(16).padStart(8, '0').repeat(5);
}

export function meta(
  n: number,
  opts: { series?: string; branch?: string; size?: number; runId?: string; commitTime?: string } = {},
): BaselineMetadata {
  return baselineMetadata(
    {
      series: opts.series ?? 'api-server',
      branch: opts.branch ?? 'main',
      sha: commitSha(n),
      createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + n * 1000).toISOString(),
      commitTime: opts.commitTime ?? new Date(Date.UTC(2026, 0, 1, 0, n, 0)).toISOString(),
      ...(opts.runId !== undefined ? { runId: opts.runId } : {}),
      runUrl: `https://github.com/o/r/actions/runs/${1000 + n}`,
    },
    {
      sampleType: GO_HEAP_TYPES,
      total: [n, n * 100, n * 2, n * 200],
      periodType: { type: 'space', unit: 'bytes' },
      period: 524288,
      sampleCount: n,
      comment: [],
    },
    opts.size ?? 64,
  );
}

/** Distinct bytes for commit n (random tail, so two writes of one commit differ). */
export function profileBytes(n: number, size = 64): Uint8Array {
  const b = new Uint8Array(randomBytes(size));
  b[0] = 0x1f;
  b[1] = 0x8b;
  b[2] = n & 0xff;
  return b;
}
