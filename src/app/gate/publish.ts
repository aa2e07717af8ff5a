/**
 * Publishing the gate's outcome: annotations for the warnings and the failing metrics, the sticky
 * pull-request comment, and the job summary. A failure to comment or to write the summary is a
 * warning, never a failed gate: only the verdict decides that.
 */
import { BENCH_HISTORY_NOTE } from '../../core/verdict/bench-report.js';
import { firstLine } from '../../core/error-text.js';
import type { BaselineUpdate, GateReportContext, GateVerdict } from '../../core/verdict/gate.js';
import { renderComment, renderGateMarkdown } from '../../core/render/comment.js';
import { formatDeltaPercent, formatSignedValue, formatZ } from '../../core/render/units.js';
import { detectableCell, metricLabel, zCell } from '../../core/render/parts.js';
import type { Report } from '../../core/verdict/report.js';
import type { InconclusivePolicy, MetricResult } from '../../core/verdict/verdict.js';
import { GitHubApiError, type CommentSink, type JobSummary, type Logger, type SourceLocator } from '../../ports.js';
import { lineAnnotations, MAX_LINE_ANNOTATIONS } from '../../core/render/line-annotations.js';
import type { RunPlan } from './plan.js';
import { upsertSticky, type CommentPolicy, type CommentResult } from './sticky-comment.js';

export interface PublishTarget {
  readonly plan: Pick<RunPlan, 'pullRequest' | 'failOnRegression'>;
  readonly config: {
    readonly series: string;
    readonly comment: CommentPolicy;
    readonly onInconclusive: InconclusivePolicy;
  };
  readonly ports: {
    readonly comments: CommentSink | null;
    readonly summary: JobSummary;
    readonly log: Logger;
    readonly sources?: SourceLocator | null;
  };
}

/**
 * Annotates, comments (when the run is about a pull request) and appends the job summary, whose Markdown it returns.
 */
export async function publish(
  context: GateReportContext,
  { plan, config, ports }: PublishTarget,
): Promise<{ readonly comment: CommentResult | null; readonly summary: string }> {
  annotate(ports.log, config.series, context.verdict, context.report, plan.failOnRegression);
  if (context.report !== null && ports.sources) {
    await annotateLines(
      ports.log,
      ports.sources,
      config.series,
      context.verdict,
      context.report,
      plan.failOnRegression,
    );
  }
  annotateInconclusive(ports.log, config.series, context.report, config.onInconclusive, plan.failOnRegression);
  annotateSteps(ports.log, config.series, context.update);
  let comment: CommentResult | null = null;
  if (plan.pullRequest !== null && config.comment !== 'never') {
    if (ports.comments !== null)
      comment = await postComment(ports.comments, ports.log, plan.pullRequest.number, config.comment, context);
    else ports.log.info('no github-token: the report is in the job summary only');
  }
  const summary = renderGateMarkdown(context);
  try {
    await ports.summary.append(summary);
  } catch (e) {
    ports.log.warning(`could not write the job summary: ${firstLine(e)}`);
  }
  return { comment, summary };
}

function metricName(m: MetricResult): string {
  return m.benchmark !== undefined || m.pattern === null ? metricLabel(m) : `${m.sampleType} ~ /${m.pattern}/`;
}

/** `z 4.2`, or for a Go benchmark `p 0.002, runs 6 → 6` (`exact, …`), as the reports' columns say. */
function significance(m: MetricResult): string {
  if (m.benchmark === undefined) return `z ${formatZ(m.z)}`;
  const p = zCell(m);
  return `${p === 'exact' ? p : `p ${p}`}, runs ${detectableCell(m)}`;
}

/**
 * One warning annotation per report warning (the profiles were not made alike), then one annotation
 * per failing or warning metric: an error when the failure fails the step, else (accepted, or a
 * run that does not gate, such as a push that becomes the new baseline) a warning.
 */
function annotate(log: Logger, series: string, verdict: GateVerdict, report: Report | null, gating: boolean): void {
  if (report === null) return;
  for (const w of report.warnings) {
    // Not a difference between the inputs: the report says it; an annotation would mislabel it.
    if (w === BENCH_HISTORY_NOTE) continue;
    log.warning(w, { title: `heapgate ${series}: profiles not made alike` });
  }
  for (const m of report.metrics) {
    if (m.status !== 'fail' && m.status !== 'warn') continue;
    const change = `${formatSignedValue(m.delta, m.unit)} (${formatDeltaPercent(m.deltaPercent)}, ${significance(m)})`;
    const text = `${metricName(m)} ${change} breaks rule ${m.rule ?? '(none)'}`;
    if (m.status === 'warn') log.warning(text, { title: `heapgate ${series}: memory warning` });
    else if (verdict === 'accepted')
      log.warning(`${text} (accepted)`, { title: `heapgate ${series}: accepted memory regression` });
    else if (!gating) log.warning(text, { title: `heapgate ${series}: memory regression (not gating this run)` });
    else log.error(text, { title: `heapgate ${series}: memory regression` });
  }
}

/**
 * Up to MAX_LINE_ANNOTATIONS annotations on the own-code lines that grew most in the failing and
 * warning metrics (render/line-annotations.ts), each on its file and line in the checkout: an error
 * where the metric's annotation is one, else a warning. A line whose file is not in the checkout is
 * left out (the reports still name it).
 */
async function annotateLines(
  log: Logger,
  sources: SourceLocator,
  series: string,
  verdict: GateVerdict,
  report: Report,
  gating: boolean,
): Promise<void> {
  let emitted = 0;
  for (const a of lineAnnotations(report)) {
    if (emitted >= MAX_LINE_ANNOTATIONS) return;
    const file = await sources(a.file);
    if (file === null) continue;
    emitted++;
    const error = a.status === 'fail' && verdict !== 'accepted' && gating;
    const properties = { title: `heapgate ${series}: memory grew here`, file, startLine: a.line };
    if (error) log.error(a.message, properties);
    else log.warning(a.message, properties);
  }
}

/**
 * One annotation per new level the stored baseline starts: a warning for a rise (a step up of the
 * series, to look at while it is fresh), a plain log line for a fall.
 */
function annotateSteps(log: Logger, series: string, update: BaselineUpdate | null): void {
  for (const s of update?.steps ?? []) {
    const pr = s.pullRequest === null ? '' : ` (#${s.pullRequest})`;
    const text =
      `${s.sampleType} ${formatDeltaPercent(s.percent)} at ${s.sha.slice(0, 12)}${pr}: a new level over the ` +
      `${s.previousBaselines} baseline${s.previousBaselines === 1 ? '' : 's'} before it`;
    if (s.percent > 0) log.warning(text, { title: `heapgate ${series}: new memory level` });
    else log.info(`heapgate ${series}: ${text}`);
  }
}

/**
 * For an inconclusive verdict: nothing with policy `pass` (the report says it), a warning
 * annotation with `warn`, an error annotation with `fail` (the step fails when the run gates);
 * each names the inconclusive metrics and the first remedy.
 */
function annotateInconclusive(
  log: Logger,
  series: string,
  report: Report | null,
  policy: InconclusivePolicy,
  gating: boolean,
): void {
  if (report === null || report.verdict !== 'inconclusive' || policy === 'pass') return;
  const names = report.metrics.filter((m) => m.status === 'inconclusive').map(metricName);
  const text = `cannot tell ${names.join(', ')} from the noise. ${report.advice[0] ?? ''}`.trim();
  const title = `heapgate ${series}: inconclusive`;
  if (policy === 'fail' && gating) log.error(text, { title });
  else log.warning(text, { title });
}

async function postComment(
  sink: CommentSink,
  log: Logger,
  issue: number,
  policy: CommentPolicy,
  context: GateReportContext,
): Promise<CommentResult | null> {
  try {
    const result = await upsertSticky(sink, issue, context.series, renderComment(context), policy, context.verdict);
    if (result.action !== 'skipped') log.info(`pull request comment ${result.action}: ${result.url}`);
    return result;
  } catch (e) {
    const status = e instanceof GitHubApiError ? e.status : 0;
    const hint =
      status === 403
        ? '; grant the workflow `pull-requests: write` (a pull request from a fork gets a read-only token)'
        : '';
    const answered = status > 0 ? `GitHub answered ${status}: ` : '';
    log.warning(
      `could not comment on pull request #${issue}: ${answered}${firstLine(e)}${hint}. The job summary has the report.`,
      {
        title: 'heapgate: no pull request comment',
      },
    );
    return null;
  }
}
