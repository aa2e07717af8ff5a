/**
 * The report as one self-contained HTML page: the verdict and the metrics table, then, drawn by
 * the page's own script from data embedded as JSON, a differential flame graph and a heat table per
 * sample type. Inline CSS, script and SVG only; the Content-Security-Policy forbids any network
 * access, so the page opens the same from disk and from a CI artifact.
 */
import type { Report } from '../verdict/report.js';
import type { MetricResult, MetricStatus } from '../verdict/verdict.js';
import CLIENT_SCRIPT from './html-client.page.js';
import { pageData } from './html-data.js';
import { HTML_STYLE } from './html-style.js';
import { htmlText, scriptJson } from './escape.js';
import {
  benchReport,
  culprit,
  detectableCell,
  failingFunctionKeys,
  metricLabel,
  runsSentence,
  significanceRule,
  statusCounts,
  VERDICT_WORDS,
  zCell,
} from './parts.js';
import { formatDeltaPercent, formatSignedValue, formatValue, formatZ } from './units.js';

/**
 * No fetch, image, font, frame or form may reach anything: only the page's inline script and style
 * run (and SVG/data images it builds itself).
 */
export const HTML_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; " +
  "base-uri 'none'; form-action 'none'";

/** Status marks from common text fonts (the Markdown's emoji need a colour-emoji font to show). */
const MARK: Readonly<Record<MetricStatus, string>> = { pass: '✓', warn: '⚠', fail: '✗', inconclusive: '?' };

function headline(report: Report): string {
  const c = culprit(report);
  const head = `${MARK[report.verdict]} heapgate: ${report.verdict}`;
  if (c === null) return `${head} — ${VERDICT_WORDS[report.verdict]} (${statusCounts(report)})`;
  const metrics = c.metrics.map((m) => `${m.name} ${m.change}`).join(', ');
  if (c.function === null) return `${head}: ${metrics}`;
  const leaf = c.function.leaf === undefined ? '' : ` (in ${c.function.leaf})`;
  return `${head}: ${metrics} — ${c.function.name} ${c.function.change}${leaf}`;
}

function metricRow(m: MetricResult): string {
  const bench = m.benchmark === undefined ? [] : [`<td class="num">${htmlText(detectableCell(m))}</td>`];
  const cells = [
    `<td><code>${htmlText(metricLabel(m))}</code></td>`,
    `<td class="num">${htmlText(formatValue(m.base, m.unit))}</td>`,
    `<td class="num">${htmlText(formatValue(m.current, m.unit))}</td>`,
    `<td class="num">${htmlText(formatSignedValue(m.delta, m.unit))}</td>`,
    `<td class="num">${formatDeltaPercent(m.deltaPercent)}</td>`,
    `<td class="num">${m.benchmark === undefined ? formatZ(m.z) : htmlText(zCell(m))}</td>`,
    ...bench,
    `<td><code>${m.rule === null ? '—' : htmlText(m.rule)}</code></td>`,
    `<td class="status">${MARK[m.status]} ${m.status}</td>`,
  ];
  return `<tr class="${m.status}">${cells.join('')}</tr>`;
}

function metricsTable(report: Report): string {
  if (report.metrics.length === 0) return '<p>No metrics compared.</p>';
  const names = benchReport(report)
    ? ['metric', 'base', 'current', 'Δ', 'Δ%', 'p', 'runs', 'rule', 'status']
    : ['metric', 'base', 'current', 'Δ', 'Δ%', 'z', 'rule', 'status'];
  const numeric = names.length - 3;
  const head = names.map((h, i) => `<th class="${i >= 1 && i <= numeric ? 'num' : ''}">${h}</th>`).join('');
  return `<table class="metrics"><thead><tr>${head}</tr></thead><tbody>\n${report.metrics
    .map(metricRow)
    .join('\n')}\n</tbody></table>`;
}

/**
 * The HTML page of a report. Every profile-derived string (labels, warnings, sample types, rules,
 * function names) is escaped in the markup, or embedded in the JSON data (with `<` escaped) and
 * set by the script as text, so no name can add markup or script.
 */
export function renderHtml(report: Report): string {
  if (/<\/script/i.test(CLIENT_SCRIPT)) throw new Error('the page script must not contain a closing script tag');
  const title = `heapgate: ${report.verdict} — ${report.current}`;
  const warnings = report.warnings.map((w) => `<p class="warning">⚠️ ${htmlText(w)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${htmlText(HTML_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="heapgate">
<title>${htmlText(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body${benchReport(report) ? ' data-ready="true"' : ''}>
<header>
<h1 class="${report.verdict}" id="headline">${htmlText(headline(report))}</h1>
<p class="labels">Base <code>${htmlText(report.base)}</code> → current <code>${htmlText(report.current)}</code>;
a change is real when ${benchReport(report) ? 'p < 0.05' : `|z| ≥ ${report.confidence}`}.${runsNote(report)}</p>
${warnings}
</header>
<h2>Metrics</h2>
${metricsTable(report)}
${benchReport(report) ? benchTail(report) : flameTail(report)}
</body>
</html>
`;
}

/**
 * A benchmark report's end: what would make it conclusive; no flame graph (per-op numbers have no
 * stacks) and no script, so the page is ready as loaded (data-ready, which the script sets otherwise).
 */
function benchTail(report: Report): string {
  const advice = report.advice.map((a) => `<li>${htmlText(a)}</li>`).join('\n');
  const tables = failingFunctionKeys(report)
    .filter((key) => key in report.functions)
    .map((key) => benchFunctions(report, key))
    .join('\n');
  return `<p class="note">Go benchmarks (go test -bench -benchmem): base and current are the medians of the runs; a
change is real when ${htmlText(significanceRule(report))}.</p>${advice === '' ? '' : `\n<ul>\n${advice}\n</ul>`}
${tables}`;
}

/** The functions behind a benchmark metric, per op (from the -memprofiles given with the output). */
function benchFunctions(report: Report, key: string): string {
  const unit = report.totals[key]?.unit ?? '';
  const rows = (report.functions[key] ?? []).map(
    (f) =>
      `<tr><td><code>${htmlText(f.name)}</code></td><td class="num">${htmlText(formatValue(f.baseFlat, unit))}</td>` +
      `<td class="num">${htmlText(formatValue(f.currentFlat, unit))}</td>` +
      `<td class="num">${htmlText(formatSignedValue(f.flatDelta, unit))}</td></tr>`,
  );
  const rest = report.rest[key];
  const more = rest !== undefined && rest.count > 0 ? `<p class="note">${rest.count} more functions.</p>` : '';
  return (
    `<h2>Functions: <code>${htmlText(key)}</code> (per op, flat)</h2>
<table class="functions"><thead><tr><th>function</th><th class="num">base</th><th class="num">current</th>` +
    `<th class="num">Δ</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>${more}`
  );
}

/** A profile report's end: the flame graph and heat table, drawn by the page's script from the embedded data. */
function flameTail(report: Report): string {
  return `<h2>Where the memory went</h2>
<p class="note">Flame graph: each frame is a call path, its width the path's cum (samples through it) in the
profile the switch selects; click a frame to zoom, hover for its flat and cum in base and current.</p>
<main id="app"><noscript>The flame graph and the function table need JavaScript.</noscript></main>
<script type="application/json" id="heapgate-data">${scriptJson(pageData(report))}</script>
<script>${CLIENT_SCRIPT}</script>`;
}

/** The runs sentence (see runsSentence), with a leading space; empty for one run per side. */
function runsNote(report: Report): string {
  const runs = runsSentence(report);
  return runs === null ? '' : ` ${htmlText(runs)}`;
}
