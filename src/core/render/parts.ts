/**
 * The small pieces the renderers share, so the terminal report, the Markdown report and the gate's
 * comment say the same thing the same way: status icons and words, the status counts, which
 * sample types fail, and value cells. Pure.
 */
import type { GateVerdict } from '../gate.js';
import type { Report } from '../report.js';
import type { MetricStatus } from '../verdict.js';
import { markdownText } from './escape.js';
import { formatDeltaPercent, formatSignedValue } from './units.js';

/** The icon of a metric's status or of a verdict (the report's or the gate's). */
export const ICON: Readonly<Record<MetricStatus | GateVerdict, string>> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  noise: '💤',
  accepted: '☑️',
  'no-baseline': '🆕',
};

/** A verdict in words, for headlines. */
export const VERDICT_WORDS: Readonly<Record<GateVerdict, string>> = {
  pass: 'no memory regression',
  warn: 'memory warning',
  fail: 'memory regression',
  accepted: 'memory regression, accepted',
  'no-baseline': 'no baseline yet',
};

/** "1 failed, 0 warned, 2 within noise": how many of the report's metrics have each status. */
export function statusCounts(report: Report): string {
  const n = (status: MetricStatus): number => report.metrics.filter((m) => m.status === status).length;
  return `${n('fail')} failed, ${n('warn')} warned, ${n('noise')} within noise`;
}

/** The sample types of the failing or warning metrics, each once, in the report's metric order. */
export function failingSampleTypes(report: Report): string[] {
  const types: string[] = [];
  for (const m of report.metrics) {
    if ((m.status === 'fail' || m.status === 'warn') && !types.includes(m.sampleType)) types.push(m.sampleType);
  }
  return types;
}

/** A Markdown cell for a formatted number: plain when it is only digits, units and signs, escaped otherwise. */
export function valueCell(text: string): string {
  return /^[\w .,%+-]*$/.test(text) ? text : markdownText(text);
}

/** What a headline names: the failing (else warning) metrics and the function that grew most in the first. */
export interface Culprit {
  /** The metric's name (sample type, `~ pattern` for a function rule) and its change ("+775.0%"). */
  readonly metrics: readonly { readonly name: string; readonly change: string }[];
  /** The function with the largest flat change in the first metric's direction, and that change. */
  readonly function: { readonly name: string; readonly change: string } | null;
}

/**
 * The culprit of a failing or warning report: its fail metrics (else its warn metrics) and the
 * function whose flat changed most in the direction of the first one; null when no metric failed
 * or warned. Untrusted text (names from the profile): the caller escapes it for its format.
 */
export function culprit(report: Report): Culprit | null {
  const fail = report.metrics.filter((m) => m.status === 'fail');
  const flagged = fail.length > 0 ? fail : report.metrics.filter((m) => m.status === 'warn');
  const first = flagged[0];
  if (first === undefined) return null;
  const metrics = flagged.map((m) => ({
    name: m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${m.pattern}`,
    change: m.deltaPercent === null ? formatSignedValue(m.delta, m.unit) : formatDeltaPercent(m.deltaPercent),
  }));
  const grew = first.delta >= 0;
  const top = (report.functions[first.sampleType] ?? []).find((f) => (grew ? f.flatDelta > 0 : f.flatDelta < 0));
  return {
    metrics,
    function: top === undefined ? null : { name: top.name, change: formatSignedValue(top.flatDelta, first.unit) },
  };
}
