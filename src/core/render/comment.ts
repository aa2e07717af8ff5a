/**
 * The pull-request comment and job summary of the GitHub Action, composed on top of the report's
 * Markdown renderer: the gate's verdict first, which baseline was used (commit, branch, age, link),
 * who accepted a regression, the report itself, allocation sites new in this run, the trend of the
 * last baselines, and the command to reproduce locally. The comment ends with a hidden marker
 * naming the series, so each series (and matrix job) keeps its own sticky comment. Pure.
 */
import type { FunctionDelta } from '../compare/diff.js';
import { otherSeriesText, type GateReportContext, type NewStep, type SeriesHint } from '../verdict/gate.js';
import type { ValueType } from '../profile/model.js';
import type { Report } from '../verdict/report.js';
import { markdownCode, markdownText, truncate } from './escape.js';
import { culpritMarkdown, GITHUB_COMMENT_LIMIT, MAX_CELL_CHARS, renderMarkdown } from './markdown.js';
import { failingSampleTypes, ICON, statusCounts, valueCell, VERDICT_WORDS } from './parts.js';
import { renderTrendChart, renderTrendTable } from './trend.js';
import { formatDeltaPercent, formatSignedValue, formatValue } from './units.js';

/** New allocation sites listed at most. */
const MAX_NEW_SITES = 10;

/** Sections smaller than this are not worth printing the report into; drop optional parts first. */
const MIN_REPORT_BUDGET = 1500;

/**
 * The hidden marker that identifies the sticky comment of `series`. Series names are validated
 * (letters, digits, `.`, `_`, `-`), so the marker cannot close the HTML comment early.
 */
export function commentMarker(series: string): string {
  return `<!-- heapgate:comment series=${series.replace(/[^A-Za-z0-9._-]/g, '_')} -->`;
}

/** An age in coarse words: "less than an hour", "5 hours", "3 days". Coarse, so a rerun minutes later says the same. */
export function formatAge(ms: number): string {
  const hours = Math.floor(Math.max(0, ms) / 3_600_000);
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}

/**
 * The gate's report as Markdown, at most `budget` characters (default GitHub's comment limit): used
 * for the job summary, and (with the marker, see renderComment) for the pull-request comment.
 * When it does not fit, the mermaid chart, the trend table and the new-sites table are dropped, in
 * that order, before the report's own rows (which renderMarkdown reduces to a compact form).
 */
export function renderGateMarkdown(ctx: GateReportContext, budget: number = GITHUB_COMMENT_LIMIT): string {
  const head = [
    headerLine(ctx),
    ...baselineLines(ctx),
    ...htmlReportLines(ctx),
    ...acceptedLines(ctx),
    ...noBaselineLines(ctx),
    ...pullLinesSection(ctx),
  ];
  const tail = [
    ...updateLines(ctx),
    ...(ctx.update !== null && ctx.reproduce !== null ? [''] : []),
    ...reproduceLines(ctx),
  ];
  const optional = [newSitesSection(ctx), trendSection(ctx), chartSection(ctx)];
  for (let keep = optional.length; keep >= 0; keep--) {
    const extra = optional.slice(0, keep).filter((s) => s.length > 0);
    const fixed = join([...head, ...extra.flatMap((s) => ['', ...s]), ...(tail.length > 0 ? ['', ...tail] : [])]);
    const room = budget - fixed.length - 2;
    if (ctx.report === null) {
      if (fixed.length <= budget) return fixed;
      continue;
    }
    if (room < MIN_REPORT_BUDGET && keep > 0) continue;
    const body = reportBody(ctx.report, Math.max(0, room), ctx.baseline !== null);
    const text = join([
      ...head,
      '',
      ...body,
      ...extra.flatMap((s) => ['', ...s]),
      ...(tail.length > 0 ? ['', ...tail] : []),
    ]);
    if (text.length <= budget) return text;
  }
  return join([...head]).slice(0, budget);
}

/** The sticky comment: renderGateMarkdown within GitHub's limit, followed by the series' marker. */
export function renderComment(ctx: GateReportContext, limit: number = GITHUB_COMMENT_LIMIT): string {
  const marker = commentMarker(ctx.series);
  return `${renderGateMarkdown(ctx, limit - marker.length - 1)}${marker}\n`;
}

function join(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * The report's Markdown without its own verdict line (the gate's header replaces it); its ⚠️ warning
 * lines, which came right under that line, now come first. Passing metrics and the function tables
 * after the first are collapsed; with a baseline line above, the report's labels line (which would
 * say the same) is left out.
 */
function reportBody(report: Report, budget: number, hasBaselineLine: boolean): string[] {
  const md = renderMarkdown(report, { budget, collapse: true, labels: !hasBaselineLine });
  const lines = md.replace(/\n$/, '').split('\n').slice(1);
  return lines[0] === '' ? lines.slice(1) : lines;
}

function headerLine(ctx: GateReportContext): string {
  const series = markdownCode(truncate(ctx.series, MAX_CELL_CHARS), false);
  const counts = ctx.report === null ? '' : ` (${statusCounts(ctx.report)})`;
  const c = ctx.report === null ? '' : culpritMarkdown(ctx.report);
  const what = c === '' ? VERDICT_WORDS[ctx.verdict] : `${VERDICT_WORDS[ctx.verdict]}: ${c}`;
  return `### ${ICON[ctx.verdict]} heapgate ${series}: ${ctx.verdict} — ${what}${counts}`;
}

function safeUrl(url: string | null): string | null {
  return url !== null && /^https:\/\/[A-Za-z0-9.:-]+\/[A-Za-z0-9._~/%-]*$/.test(url) ? url : null;
}

/**
 * "Lines this pull request changed that allocate more": the grown own-code lines in the pull
 * request's diff, or the sentence that says none of them is (the growth comes from code the pull
 * request did not touch). Nothing when no grown line is known in the checkout.
 */
function pullLinesSection(ctx: GateReportContext): string[] {
  const p = ctx.pullLines;
  if (p === undefined || p.grown === 0) return [];
  if (p.changed.length === 0) {
    // Files changed without a readable patch: whether the grown lines are among them is not known.
    if (p.uncertain) return [];
    const n = p.grown;
    return [
      '',
      `None of the ${n} line${n === 1 ? '' : 's'} of your code that allocate${n === 1 ? 's' : ''} more ` +
        `${n === 1 ? 'is' : 'are'} among the lines this pull request changed: the growth comes from code it did ` +
        'not touch (an indirect cause, such as a caller that now keeps more), or from noise.',
    ];
  }
  return [
    '',
    '**Lines this pull request changed that allocate more**',
    '',
    '| line | function | change |',
    '| :-- | :-- | --: |',
    ...p.changed.map(
      (l) =>
        `| ${markdownCode(truncate(`${l.path}:${l.line}`, MAX_CELL_CHARS), true)} | ` +
        `${markdownCode(truncate(l.function, MAX_CELL_CHARS), true)} | ` +
        `${valueCell(`${formatSignedValue(l.flatDelta, l.unit)} ${l.sampleType}`)} |`,
    ),
  ];
}

/** The link to the HTML report (a workflow artifact of the run), when it was uploaded. */
function htmlReportLines(ctx: GateReportContext): string[] {
  const url = safeUrl(ctx.htmlReportUrl);
  if (url === null) return [];
  return [`📊 [The HTML report](${url}): a differential flame graph and a heat table of every function.`];
}

function baselineLines(ctx: GateReportContext): string[] {
  const b = ctx.baseline;
  if (b === null) return [];
  const short = markdownCode(b.sha.slice(0, 12), false);
  const commit = safeUrl(b.commitUrl) !== null ? `[${short}](${b.commitUrl})` : short;
  const why = {
    'merge-base': 'the merge base of this pull request',
    latest: 'the latest baseline',
    requested: 'the requested commit',
  }[b.chosen];
  const age = b.ageMs === null ? '' : `, stored ${formatAge(b.ageMs)} ago`;
  const run = safeUrl(b.runUrl) !== null ? ` ([run](${b.runUrl}))` : '';
  return [
    `Baseline: commit ${commit} on ${markdownCode(truncate(b.branch, MAX_CELL_CHARS), false)} (${why})${age}${run}.`,
  ];
}

function acceptedLines(ctx: GateReportContext): string[] {
  const a = ctx.accepted;
  if (a === null) return [];
  const label = markdownCode(truncate(a.label, MAX_CELL_CHARS), false);
  const who = a.by === null ? 'with' : `by ${markdownText(`@${truncate(a.by, 100)}`)} with`;
  const what = ctx.report?.verdict === 'inconclusive' ? 'this inconclusive result' : 'this regression';
  return ['', `☑️ **Accepted** ${who} the ${label} label: ${what} does not fail the check.`];
}

function noBaselineLines(ctx: GateReportContext): string[] {
  const n = ctx.noBaseline;
  if (n === null) return [];
  const where = n.branches.map((b) => markdownCode(truncate(b, MAX_CELL_CHARS), false)).join(' or ');
  return [
    '',
    `No baseline for series ${markdownCode(ctx.series, false)} on ${where} in ` +
      `${markdownCode(truncate(n.store, MAX_CELL_CHARS), false)}: nothing to compare against, so this check passes.`,
    ...otherSeriesLines(ctx.series, n.otherSeries),
    '',
    `To seed one, run this action on a push to the default branch (it stores each run as the new baseline), run ` +
      `the workflow by hand with \`mode: update\`, or store a profile with ` +
      `${markdownCode(truncate(n.seed, 500), false)}.`,
  ];
}

/** "Did you mean": the store's other series, closest first, when it has none of this one. */
function otherSeriesLines(series: string, hint: SeriesHint): string[] {
  const text = otherSeriesText(series, hint, (s) => markdownCode(truncate(s, MAX_CELL_CHARS), false));
  return text === null ? [] : ['', `⚠️ ${text.charAt(0).toUpperCase()}${text.slice(1)}`];
}

function updateLines(ctx: GateReportContext): string[] {
  const u = ctx.update;
  if (u === null) return [];
  const branch = markdownCode(truncate(u.branch, MAX_CELL_CHARS), false);
  const sha = markdownCode(u.sha.slice(0, 12), false);
  switch (u.result) {
    case 'moved':
      return [`📌 Stored this run (commit ${sha}) as the baseline of ${branch}.`, ...stepLines(u.steps ?? [])];
    case 'same-commit':
      return [`📌 Commit ${sha} already is the baseline of ${branch}; the first stored profile is kept.`];
    case 'older':
      return [`📌 Stored this run (commit ${sha}); ${branch} already has a newer baseline, which stays current.`];
    case 'skipped':
      return [`📌 Not stored as the baseline of ${branch}: ${markdownText(u.reason ?? 'not requested')}.`];
  }
}

/**
 * The new levels the stored baseline confirms: `📈 New level of \`inuse_space\`: +20.3% (48.0 MiB →
 * 57.8 MiB) at 1a2b3c4 (#44), over the level of 12 baselines before it; this run confirms it.`
 */
function stepLines(steps: readonly NewStep[]): string[] {
  return steps.map((s) => {
    const pr = s.pullRequest === null ? '' : ` (#${s.pullRequest})`;
    const icon = s.percent > 0 ? '📈' : '📉';
    return (
      `${icon} New level of ${markdownCode(truncate(s.sampleType, MAX_CELL_CHARS), false)}: ` +
      `${formatDeltaPercent(s.percent)} (${formatValue(s.previous, s.unit)} → ${formatValue(s.current, s.unit)}) at ` +
      `${markdownCode(s.sha.slice(0, 12), false)}${pr}, over the level of ${s.previousBaselines} baseline` +
      `${s.previousBaselines === 1 ? '' : 's'} before it; this run confirms it.`
    );
  });
}

function reproduceLines(ctx: GateReportContext): string[] {
  if (ctx.reproduce === null) return [];
  return [`Reproduce locally: ${markdownCode(truncate(ctx.reproduce, 500), false)}`];
}

/** Sample types whose new sites and chart are shown: the failing or warning ones, else the report's own. */
function focusTypes(report: Report): string[] {
  const types = failingSampleTypes(report);
  return types.length > 0 ? types : [report.sampleType];
}

/**
 * Allocation sites new in this run: functions in the report's rows (the top by |flat Δ|) that have
 * no value at all in the base (flat and cum 0) and allocate directly (current flat > 0).
 */
export function newSites(
  report: Report,
): { readonly type: string; readonly unit: string; readonly row: FunctionDelta }[] {
  const out: { type: string; unit: string; row: FunctionDelta }[] = [];
  for (const type of focusTypes(report)) {
    const unit = report.totals[type]?.unit ?? '';
    for (const row of report.functions[type] ?? []) {
      if (row.baseFlat === 0 && row.baseCum === 0 && row.currentFlat > 0) out.push({ type, unit, row });
    }
  }
  return out.slice(0, MAX_NEW_SITES);
}

function newSitesSection(ctx: GateReportContext): string[] {
  if (ctx.report === null) return [];
  const sites = newSites(ctx.report);
  if (sites.length === 0) return [];
  return [
    '#### New allocation sites',
    '',
    '| function | sample type | current flat |',
    '| :-- | :-- | --: |',
    ...sites.map(
      (s) =>
        `| ${markdownCode(truncate(s.row.name, MAX_CELL_CHARS), true)} | ${markdownCode(s.type, true)} | ` +
        `${valueCell(formatValue(s.row.currentFlat, s.unit))} |`,
    ),
  ];
}

/** The whole sample types of the report, each once (a benchmark report has a B/op and an allocs/op per benchmark). */
function wholeTypes(report: Report): ValueType[] {
  const out: ValueType[] = [];
  for (const m of report.metrics) {
    if (m.pattern === null && !out.some((t) => t.type === m.sampleType)) out.push({ type: m.sampleType, unit: m.unit });
  }
  return out;
}

function trendSection(ctx: GateReportContext): string[] {
  if (ctx.report === null) return [];
  const table = renderTrendTable(ctx.trend, wholeTypes(ctx.report));
  return table.length === 0 ? [] : ['#### Trend of the last baselines', '', ...table];
}

function chartSection(ctx: GateReportContext): string[] {
  if (ctx.report === null) return [];
  const type = focusTypes(ctx.report)[0]!;
  const unit = ctx.report.totals[type]?.unit ?? '';
  const chart = renderTrendChart(ctx.trend, { type, unit });
  if (chart.length === 0) return [];
  return ['<details><summary>Trend chart</summary>', '', ...chart, '', '</details>'];
}
