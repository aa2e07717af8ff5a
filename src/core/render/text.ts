import type { FunctionDelta } from '../compare/diff.js';
import type { Report, VerdictKind } from '../verdict/report.js';
import type { MetricResult, MetricStatus } from '../verdict/verdict.js';
import { terminalSafe } from './escape.js';
import {
  culprit,
  detectableCell,
  failingFunctionKeys,
  driftLines,
  historyLines,
  metricLabel,
  noiseHeaders,
  significanceRule,
  runsSentence,
  statusCounts,
  zCell,
} from './parts.js';
import { lineTable } from './line-table.js';
import { deltaTable } from './delta-table.js';
import { layoutTable } from './table.js';
import { formatDeltaPercent, formatSignedValue, formatValue } from './units.js';

export interface TextOptions {
  /** ANSI colours: red for fail, yellow for warn and inconclusive, green for pass. */
  readonly color: boolean;
}

const COLOURS: Record<MetricStatus, string> = { fail: '31', warn: '33', inconclusive: '33', pass: '32' };

/**
 * The terminal report: a header line with the verdict, the two profiles' names, a line
 * `warning: ...` per warning of the report (profiles not made alike), the metrics table (base,
 * current, Δ, Δ%, z, smallest detectable change, rule, status in human units), the history behind
 * each limit and what would make an inconclusive comparison conclusive, then a
 * `go tool pprof -top -diff_base`-style table of the report's functions for `report.sampleType`:
 * flat Δ, flat%, sum%, cum Δ, cum%, name, with percentages of the base total and unsigned as pprof
 * prints them; with `--lines`, each such table is followed by its sample type's per-line table
 * (line-table.ts). Profile-derived strings are printed with control characters escaped. Ends with a
 * newline.
 */
export function renderText(report: Report, options: TextOptions): string {
  return [...renderTextChunks(report, options)].join('');
}

/** Characters a chunk of the streamed report reaches before it is handed on. */
const CHUNK = 1 << 16;

/**
 * renderText's text in chunks of about 64 KiB, the function tables a line at a time: a `--top 0`
 * report of a million functions is written as it is made, never held as one string.
 */
export function* renderTextChunks(report: Report, options: TextOptions): Generator<string, void, undefined> {
  const paint = (status: MetricStatus, text: string): string =>
    options.color ? `\u001b[${COLOURS[status]}m${text}\u001b[0m` : text;
  const lines: string[] = [];
  const c = culpritLine(report);
  const verdict = paint(report.verdict, verdictWord(report.verdict));
  lines.push(`heapgate: ${verdict}  ${c === '' ? '' : `${c}  `}${summaryLine(report)}`);
  lines.push(`base:    ${terminalSafe(report.base)}`);
  lines.push(`current: ${terminalSafe(report.current)}`);
  const runs = runsSentence(report);
  if (runs !== null) lines.push(runs);
  for (const w of report.warnings) lines.push(`${paint('warn', 'warning:')} ${terminalSafe(w)}`);
  lines.push('');
  if (report.metrics.length === 0) {
    lines.push('No metrics compared.');
  } else {
    const table = layoutTable(
      [
        { header: 'metric', align: 'left' },
        { header: 'base', align: 'right' },
        { header: 'current', align: 'right' },
        { header: 'Δ', align: 'right' },
        { header: 'Δ%', align: 'right' },
        { header: noiseHeaders(report)[0], align: 'right' },
        { header: noiseHeaders(report)[1], align: 'right' },
        { header: 'rule', align: 'left' },
        { header: 'status', align: 'left' },
      ],
      report.metrics.map(metricRow),
      (row, col, cell) => (col === 8 ? paint(report.metrics[row]!.status, cell) : cell),
    );
    lines.push(...table);
  }
  const history = historyLines(report, terminalSafe);
  if (history.length > 0) lines.push('', 'Run-to-run noise from the history:', ...history.map((h) => `  ${h}`));
  const drift = driftLines(report, terminalSafe);
  if (drift.length > 0) lines.push('', "Drift from the series' reference level:", ...drift.map((d) => `  ${d}`));
  if (report.advice.length > 0) {
    lines.push('', 'Inconclusive: to make it conclusive:', ...report.advice.map((a) => `  - ${a}`));
  }
  let out = lines.join('\n');
  for (const type of tableTypes(report)) {
    for (const line of ['', ...functionTable(report, type), ...lineTable(report, type)]) {
      out += `\n${line}`;
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
    }
  }
  yield `${out}\n`;
}

/** "inuse_space +775.0% — catalog.(*Cache).Put +4.10 MiB" for a failing or warning report, else ''. */
function culpritLine(report: Report): string {
  const c = culprit(report);
  if (c === null) return '';
  const metrics = c.metrics.map((m) => `${terminalSafe(m.name)} ${m.change}`).join(', ');
  if (c.function === null) return metrics;
  const leaf = c.function.leaf === undefined ? '' : ` (in ${terminalSafe(c.function.leaf)})`;
  return `${metrics} — ${terminalSafe(c.function.name)} ${c.function.change}${leaf}`;
}

/** The failing and warning sample types first (the culprit's tables), then the report's own. */
function tableTypes(report: Report): string[] {
  const types = failingFunctionKeys(report).filter((t) => t in report.functions);
  // A benchmark comparison has no functions: no table at all.
  if (!types.includes(report.sampleType) && report.sampleType in report.functions) types.push(report.sampleType);
  return types;
}

/** "1 more function", "37 more functions". */
export function restWords(count: number): string {
  return `${count} more function${count === 1 ? '' : 's'}`;
}

function verdictWord(verdict: VerdictKind): string {
  return verdict.toUpperCase();
}

function summaryLine(report: Report): string {
  return `(${statusCounts(report)}; a change is real when ${significanceRule(report)})`;
}

function metricName(m: MetricResult): string {
  return terminalSafe(metricLabel(m));
}

function metricRow(m: MetricResult): string[] {
  return [
    metricName(m),
    formatValue(m.base, m.unit),
    formatValue(m.current, m.unit),
    formatSignedValue(m.delta, m.unit),
    formatDeltaPercent(m.deltaPercent),
    zCell(m),
    detectableCell(m),
    m.rule === null ? '-' : terminalSafe(m.rule),
    m.status === m.partStatus ? m.status : `${m.status} (own ${m.partStatus})`,
  ];
}

function* functionTable(report: Report, type: string): Generator<string, void, undefined> {
  const rows: readonly FunctionDelta[] = report.functions[type] ?? [];
  const total = report.totals[type];
  const unit = total?.unit ?? '';
  const baseTotal = total?.base ?? 0;
  const count = report.functionCount[type] ?? rows.length;
  yield `Type: ${type}`;
  yield* deltaTable(rows, {
    noun: ['function', 'functions'],
    nameHeader: 'name',
    name: (f) => f.name,
    count,
    unit,
    baseTotal,
  });
  if (rows.length === 0) return;
  const rest = report.rest[type];
  if (rest !== undefined && rest.count > 0) {
    yield `… ${restWords(rest.count)}, flat Δ ${formatSignedValue(rest.flatDelta, unit)} together`;
  }
}
