/**
 * The commit status a report run sets on a pull request's head commit (`heapgate/<series>`): its
 * state and a one-line plain-text description that carries the verdict. GitHub caps a status
 * description at 140 characters. Pure.
 */
import type { GateVerdict } from '../verdict/gate.js';
import type { Report } from '../verdict/report.js';
import { terminalSafe, truncate } from './escape.js';
import { metricLabel } from './parts.js';
import { formatDeltaPercent, formatSignedValue } from './units.js';

/** GitHub's limit on a commit status description. */
export const STATUS_DESCRIPTION_LIMIT = 140;

export type CommitState = 'success' | 'failure' | 'error' | 'pending';

/** The status context of a series: `heapgate/<series>` (series names are plain: see validateSeries). */
export function statusContext(series: string): string {
  return `heapgate/${series}`;
}

/** Plain text on one line, at most STATUS_DESCRIPTION_LIMIT characters. */
export function statusText(text: string): string {
  return truncate(terminalSafe(text.replace(/\s+/g, ' ').trim()), STATUS_DESCRIPTION_LIMIT);
}

/**
 * The description of a decided run: the verdict, then for fail, warn and accepted the metrics that
 * broke their rules (`fail: inuse_space +19.1 MiB (+1905%)`), cut to the limit.
 */
export function verdictDescription(verdict: GateVerdict, report: Report | null): string {
  if (verdict === 'no-baseline') return statusText('no-baseline: nothing to compare against yet');
  const broken = (report?.metrics ?? []).filter((m) => m.status === 'fail' || m.status === 'warn');
  const parts = broken.map((m) => {
    const name = m.benchmark !== undefined || m.pattern === null ? metricLabel(m) : `${m.sampleType} ~ /${m.pattern}/`;
    return `${name} ${formatSignedValue(m.delta, m.unit)} (${formatDeltaPercent(m.deltaPercent)})`;
  });
  if (parts.length === 0) return statusText(`${verdict}: no rule broken`);
  return statusText(`${verdict}: ${parts.join('; ')}`);
}
