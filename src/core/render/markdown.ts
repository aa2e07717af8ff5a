import type { FunctionDelta } from '../compare/diff.js';
import type { Report } from '../verdict/report.js';
import type { MetricResult } from '../verdict/verdict.js';
import { markdownCode, markdownText, truncate } from './escape.js';
import {
  benchReport,
  culprit,
  detectableCell,
  failingFunctionKeys,
  driftLines,
  historyLines,
  ICON,
  noiseHeaders,
  runsSentence,
  statusCounts,
  valueCell,
  VERDICT_WORDS,
  zCell,
} from './parts.js';
import { formatDeltaPercent, formatPprofPercent, formatSignedValue, formatValue } from './units.js';

/** GitHub's limit on the body of an issue or pull-request comment, in characters. */
export const GITHUB_COMMENT_LIMIT = 65536;

/** Function names and rules longer than this are cut (with "…") in Markdown cells. */
export const MAX_CELL_CHARS = 200;

/** A warning longer than this is cut (with "…"): a profile can list any number of sample types. */
const MAX_WARNING_CHARS = 500;

export interface MarkdownOptions {
  /**
   * Maximum length of the result in UTF-16 code units (what GitHub counts); default
   * GITHUB_COMMENT_LIMIT. A caller that adds a header or marker passes the space left.
   */
  readonly budget?: number;
  /**
   * Which sample types get a function table: `failing` (default) = those of failing or warning
   * metrics, or the report's sample type when none; `all` = every sample type in the report.
   */
  readonly functionsFor?: 'failing' | 'all';
  /**
   * For the PR comment and job summary: passing metrics' rows and every function table after the
   * first go inside `<details>` (they mostly repeat the first table's culprits). Default false.
   */
  readonly collapse?: boolean;
  /** The "Base … → current …" line; default true (the gate leaves it out under its baseline line). */
  readonly labels?: boolean;
}

/**
 * The report as GitHub-flavoured Markdown, for a PR comment or a job summary: the verdict on the
 * first line, a `⚠️` line per warning (profiles not made alike; kept in the compact form too), the
 * base and current labels, the metrics table, the history behind each limit and what would make
 * an inconclusive metric conclusive, then a table of function deltas per selected sample type.
 *
 * Every profile-derived string (sample types, units, function names, labels, rules, patterns,
 * warnings) is escaped, so nothing in a profile can alter the layout, inject HTML or mention anyone.
 *
 * Size: when the full report exceeds `budget`, function rows are dropped first (halving the rows per
 * table, then dropping the tables), then pass/inconclusive metric rows; as a last resort the text is cut at
 * a line boundary with a note. The result never exceeds the budget.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const budget = options.budget ?? GITHUB_COMMENT_LIMIT;
  const types = functionSampleTypes(report, options.functionsFor ?? 'failing');
  const fullRows = Math.max(0, ...types.map((t) => report.functions[t]?.length ?? 0));
  const collapse = options.collapse === true;
  const labels = options.labels !== false;
  for (let rows = fullRows; ; rows = Math.floor(rows / 2)) {
    const text = compose(report, types, rows, rows < fullRows, collapse, labels);
    if (text.length <= budget) return text;
    if (rows === 0) break;
  }
  const compact = compose(report, [], 0, true, collapse, labels, true);
  if (compact.length <= budget) return compact;
  return cut(compact, budget);
}

function compose(
  report: Report,
  types: readonly string[],
  rows: number,
  reduced: boolean,
  collapse: boolean,
  labels: boolean,
  compact = false,
): string {
  const parts: string[] = [verdictLine(report), ...warningLines(report)];
  if (labels) parts.push(labelsLine(report));
  const runs = runsSentence(report);
  if (runs !== null) parts.push('', `_${runs}_`);
  if (parts.at(-1) !== '') parts.push('');
  const flagged = report.metrics.filter((m) => m.status !== 'pass');
  const metrics = compact ? report.metrics.filter((m) => m.status === 'fail' || m.status === 'warn') : report.metrics;
  if (collapse && !compact && flagged.length > 0 && flagged.length < report.metrics.length) {
    const passing = report.metrics.filter((m) => m.status === 'pass');
    parts.push(...metricsTable(flagged), '', ...details(`${passing.length} passing metrics`, metricsTable(passing)));
  } else {
    parts.push(...metricsTable(metrics));
  }
  if (metrics.length < report.metrics.length) {
    parts.push('', `_${report.metrics.length - metrics.length} passing or inconclusive metrics left out._`);
  }
  const noise = noiseLines(report);
  if (noise.length > 0) parts.push('', ...noise);
  types.forEach((type, i) => {
    const section = functionSection(report, type, rows);
    if (collapse && i > 0)
      parts.push('', ...details(`Function deltas: ${markdownCode(type, false)}`, section.slice(2)));
    else parts.push('', ...section);
  });
  if (reduced) {
    parts.push('', '_Rows left out to fit the size limit; run `heapgate diff` locally for the full report._');
  }
  return `${parts.join('\n')}\n`;
}

function verdictLine(report: Report): string {
  const c = culpritMarkdown(report);
  const what = c === '' ? ` — ${VERDICT_WORDS[report.verdict]}` : `: ${c}`;
  return `### ${ICON[report.verdict]} heapgate: ${report.verdict}${what} (${statusCounts(report)})`;
}

/**
 * The failing (else warning) metrics and the top function, as Markdown for a headline:
 * "`inuse_space` +775.0% — `catalog.(*Cache).Put` +4.10 MiB"; '' when nothing failed or warned.
 */
export function culpritMarkdown(report: Report): string {
  const c = culprit(report);
  if (c === null) return '';
  const metrics = c.metrics.map((m) => `${markdownCode(truncate(m.name, MAX_CELL_CHARS), false)} ${m.change}`);
  const fn =
    c.function === null
      ? ''
      : ` — ${markdownCode(truncate(c.function.name, MAX_CELL_CHARS), false)} ${valueCell(c.function.change)}` +
        (c.function.leaf === undefined
          ? ''
          : ` (in ${markdownCode(truncate(c.function.leaf, MAX_CELL_CHARS), false)})`);
  return `${metrics.join(', ')}${fn}`;
}

/** A collapsed block: `<details>` with a summary line, the lines, `</details>`. */
function details(summary: string, lines: readonly string[]): string[] {
  return [`<details><summary>${summary}</summary>`, '', ...lines, '', '</details>'];
}

/**
 * One `⚠️` line per warning, joined by hard line breaks (a trailing backslash) and closed by a blank
 * line: Markdown would otherwise run them and the labels line into one paragraph. Empty without
 * warnings, so the labels follow the verdict directly.
 */
function warningLines(report: Report): string[] {
  const n = report.warnings.length;
  if (n === 0) return [];
  return [
    ...report.warnings.map((w, i) => `⚠️ ${markdownText(truncate(w, MAX_WARNING_CHARS))}${i < n - 1 ? '\\' : ''}`),
    '',
  ];
}

function labelsLine(report: Report): string {
  const label = (name: string): string => markdownCode(truncate(name, MAX_CELL_CHARS), false);
  return `Base ${label(report.base)} → current ${label(report.current)}`;
}

function metricsTable(metrics: readonly MetricResult[]): string[] {
  if (metrics.length === 0) return ['_No metrics compared._'];
  const [zHeader, detectableHeader] = noiseHeaders({ metrics });
  const lines = [
    `| metric | base | current | Δ | Δ% | ${zHeader} | ${detectableHeader} | rule | status |`,
    '| :-- | --: | --: | --: | --: | --: | --: | :-- | :-- |',
  ];
  for (const m of metrics) {
    const name =
      m.benchmark !== undefined
        ? `${markdownCode(truncate(m.benchmark.name, MAX_CELL_CHARS), true)} ${markdownCode(m.sampleType, true)}`
        : m.pattern === null
          ? markdownCode(m.sampleType, true)
          : `${markdownCode(m.sampleType, true)} ~ ${markdownCode(truncate(m.pattern, MAX_CELL_CHARS), true)}`;
    lines.push(
      `| ${[
        name,
        valueCell(formatValue(m.base, m.unit)),
        valueCell(formatValue(m.current, m.unit)),
        valueCell(formatSignedValue(m.delta, m.unit)),
        formatDeltaPercent(m.deltaPercent),
        zCell(m),
        valueCell(detectableCell(m)),
        m.rule === null ? '—' : markdownCode(truncate(m.rule, MAX_CELL_CHARS), true),
        `${ICON[m.status]} ${m.status}${m.status === m.partStatus ? '' : ` (own ${m.partStatus})`}`,
      ].join(' | ')} |`,
    );
  }
  return lines;
}

/**
 * The history behind each limit (a bullet per sample type), then, when some metric is inconclusive,
 * one line saying so and a bullet per remedy.
 */
function noiseLines(report: Report): string[] {
  const out: string[] = [];
  const history = historyLines(report, (t) => markdownCode(t, false));
  if (history.length > 0) out.push('Run-to-run noise from the history:', '', ...history.map((h) => `- ${h}`));
  const drift = driftLines(report, (t) => markdownCode(t, false));
  if (drift.length > 0) {
    if (out.length > 0) out.push('');
    out.push("Drift from the series' reference level:", '', ...drift.map((d) => `- ${d}`));
  }
  const n = report.metrics.filter((m) => m.status === 'inconclusive').length;
  if (n > 0) {
    const what = n === 1 ? '1 metric is' : `${n} metrics are`;
    if (out.length > 0) out.push('');
    out.push(
      benchReport(report)
        ? `${ICON.inconclusive} ${what} inconclusive: over the rule's threshold, but the runs cannot tell it from ` +
            'noise (the p column). To make it conclusive:'
        : `${ICON.inconclusive} ${what} inconclusive: the noise hides a change as large as the rule's threshold ` +
            '(the detectable column). To make it conclusive:',
      '',
      ...report.advice.map((a) => `- ${markdownText(a)}`),
    );
  }
  return out;
}

function functionSampleTypes(report: Report, which: 'failing' | 'all'): string[] {
  const all = Object.keys(report.functions);
  if (which === 'all') return all;
  const failing = failingFunctionKeys(report).filter((t) => all.includes(t));
  return failing.length > 0 ? failing : all.includes(report.sampleType) ? [report.sampleType] : [];
}

function functionSection(report: Report, type: string, maxRows: number): string[] {
  const all: readonly FunctionDelta[] = report.functions[type] ?? [];
  const rows = all.slice(0, maxRows);
  const total = report.totals[type];
  const unit = total?.unit ?? '';
  const baseTotal = total?.base ?? 0;
  const count = report.functionCount[type] ?? all.length;
  const out = [`#### Top function deltas: ${markdownCode(type, false)}`];
  if (rows.length === 0) {
    out.push('', count === 0 ? '_No functions._' : `_${count} functions; rows left out._`);
    return out;
  }
  out.push('', '| flat Δ | flat% | cum Δ | cum% | function |', '| --: | --: | --: | --: | :-- |');
  for (const f of rows) {
    out.push(
      `| ${[
        valueCell(formatSignedValue(f.flatDelta, unit)),
        formatPprofPercent(f.flatDelta, baseTotal).trim(),
        valueCell(formatSignedValue(f.cumDelta, unit)),
        formatPprofPercent(f.cumDelta, baseTotal).trim(),
        markdownCode(truncate(f.name, MAX_CELL_CHARS), true),
      ].join(' | ')} |`,
    );
  }
  const rest = report.rest[type];
  const hidden = count - rows.length;
  if (hidden > 0) {
    // The report's own rest, or, when rows were cut to fit the size limit, what was cut too.
    let flat = rest?.flatDelta ?? 0;
    for (const f of all.slice(rows.length)) flat += f.flatDelta;
    out.push(`| ${valueCell(formatSignedValue(flat, unit))} | | | | _${hidden} more functions_ |`);
  }
  out.push(
    '',
    `_${rows.length} of ${count} functions by |flat Δ|; percentages of the base total ` +
      `${valueCell(formatValue(baseTotal, unit))}._`,
  );
  return out;
}

/** Cuts at the last line break that leaves room for the note, so no table row is split. */
function cut(text: string, budget: number): string {
  const note = '\n_Report cut to fit the size limit._\n';
  if (budget <= note.length) return text.slice(0, Math.max(0, budget));
  const room = budget - note.length;
  const end = text.lastIndexOf('\n', room);
  return `${text.slice(0, end > 0 ? end : room)}${note}`;
}
