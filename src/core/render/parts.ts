/**
 * The small pieces the renderers share, so the terminal report, the Markdown report and the gate's
 * comment say the same thing the same way: status icons and words, the status counts, which
 * sample types fail, and value cells. Pure.
 */
import type { GateVerdict } from '../gate.js';
import type { Report } from '../report.js';
import type { MetricStatus } from '../verdict.js';
import { markdownText } from './escape.js';

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
