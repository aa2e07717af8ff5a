/**
 * The Action's use case: plan by event → find the baseline → compare → decide (accept label) →
 * store the new baseline → annotate, comment, summarize. Decisions are made here and in
 * gate-plan.ts; every side effect goes through the ports passed in.
 */
import type { ProfileSummary } from '../core/aggregate.js';
import { baselineMetadata, type BaselineMetadata, type BaselinePointer } from '../core/baseline.js';
import type { BaselineInfo, BaselineUpdate, GateReportContext, GateVerdict } from '../core/render/comment.js';
import { renderComment, renderGateMarkdown } from '../core/render/comment.js';
import type { TrendPoint } from '../core/render/trend.js';
import { formatDeltaPercent, formatSignedValue, formatZ } from '../core/render/units.js';
import type { Report, ReportMetric } from '../core/report.js';
import { focusPatterns, rulesWithDefaults, type Rule } from '../core/rules.js';
import { GitHubApiError, type BaselineStore, type Clock, type CommentSink, type JobSummary, type Logger, type PullRequestInfo } from '../ports.js';
import { compareProfiles, type RulesInput } from './compare.js';
import { withContext } from './error-context.js';
import { upsertSticky, type CommentPolicy, type CommentResult } from './gate-comment.js';
import { noBaselineText, reproduceCommand, seedCommand } from './gate-commands.js';
import { renderGateJson } from './gate-json.js';
import { findBaseline, type FoundBaseline } from './gate-lookup.js';
import { planRun, type GateEvent, type PlanConfig, type PullRequestEvent, type RunPlan } from './gate-plan.js';
import type { SummaryLoader } from './profile-source.js';
import { firstLine } from '../core/error-text.js';

export type { GateEvent, GateVerdict };
export { shellQuote } from './gate-commands.js';

export interface GateConfig extends PlanConfig {
  readonly series: string;
  /** The store as the user gave it (for messages and the reproduce command). */
  readonly store: string;
  /** The current profile's path as found (for messages and the reproduce command). */
  readonly profile: string;
  readonly rules: RulesInput | null;
  readonly comment: CommentPolicy;
  readonly acceptLabel: string;
  /** null = the engine's default. */
  readonly confidence: number | null;
  readonly top: number;
}

export interface GatePorts {
  readonly store: BaselineStore;
  readonly load: SummaryLoader;
  /** null when no token was given: nothing is commented. */
  readonly comments: CommentSink | null;
  readonly pulls: PullRequestInfo | null;
  readonly summary: JobSummary;
  readonly clock: Clock;
  readonly log: Logger;
}

export interface GateOutcome {
  readonly verdict: GateVerdict;
  /** 1 when the step must fail (see planRun), else 0. */
  readonly exitCode: number;
  readonly report: Report | null;
  /** The JSON report document (see gate-json.ts). */
  readonly json: string;
  /** The baseline compared against; null when none. */
  readonly baseline: BaselineInfo | null;
  readonly comment: CommentResult | null;
  readonly update: BaselineUpdate | null;
  /** Whole-profile delta per sample type (current − base); empty when there was no baseline. */
  readonly deltas: Readonly<Record<string, number>>;
  /** The job summary's Markdown. */
  readonly summary: string;
}

/**
 * Runs the gate for one profile. `current` is the profile's bytes (stored as they are when this run
 * becomes a baseline). Rejects with a HeapgateError naming the step when an input is bad or the
 * store fails; a failure to comment or to write the summary is only a warning.
 */
export async function runGate(config: GateConfig, event: GateEvent, current: Uint8Array, ports: GatePorts): Promise<GateOutcome> {
  const plan = planRun(config, event);
  const rules = parseRules(config.rules);
  const found = await findBaseline(ports, config.series, plan.lookup, plan.pullRequest, config.mode === 'update');

  let report: Report | null = null;
  let summary: ProfileSummary;
  if (found !== undefined) {
    const captured: ProfileSummary[] = [];
    const load: SummaryLoader = async (sources, focus) => {
      const out = await ports.load(sources, focus);
      captured.push(...out);
      return out;
    };
    const outcome = await compareProfiles(
      {
        base: { role: 'base', label: `baseline ${found.stored.metadata.sha.slice(0, 12)} (${found.branch})`, bytes: found.stored.profile },
        current: { role: 'current', label: config.profile, bytes: current },
        ...(config.rules !== null ? { rules: config.rules } : {}),
        ...(config.confidence !== null ? { confidence: config.confidence } : {}),
        top: config.top,
      },
      load,
    );
    report = outcome.report;
    summary = captured[1]!;
  } else {
    [summary] = (await ports.load([{ role: 'current', label: config.profile, bytes: current }], focusPatterns(rules))) as [ProfileSummary];
  }

  let verdict: GateVerdict = report === null ? 'no-baseline' : report.verdict;
  let accepted: GateReportContext['accepted'] = null;
  if (verdict === 'fail' && plan.pullRequest !== null && hasLabel(plan.pullRequest, config.acceptLabel)) {
    verdict = 'accepted';
    accepted = { label: config.acceptLabel, by: await acceptedBy(ports, plan.pullRequest, config.acceptLabel) };
  }

  const update = await updateBaseline(ports, config, event, plan, verdict, summary, current);
  const baseline = found === undefined ? null : baselineInfo(found, event, ports.clock);
  annotate(ports.log, config.series, verdict, report, plan.failOnRegression);

  const ctx: GateReportContext = {
    series: config.series,
    verdict,
    report,
    baseline,
    accepted,
    trend: trendPoints(found?.pointer, summary),
    reproduce: found === undefined ? null : reproduceCommand(config, found.branch),
    noBaseline:
      found === undefined
        ? { branches: plan.lookup.branches, store: ports.store.location, seed: seedCommand(config, plan.lookup.branches.at(-1)!) }
        : null,
    update,
  };

  let comment: CommentResult | null = null;
  if (plan.pullRequest !== null && config.comment !== 'never') {
    if (ports.comments !== null) comment = await postComment(ports.comments, ports.log, plan.pullRequest.number, config, ctx);
    else ports.log.info('no github-token: the report is in the job summary only');
  }
  const markdown = renderGateMarkdown(ctx);
  try {
    await ports.summary.append(markdown);
  } catch (e) {
    ports.log.warning(`could not write the job summary: ${firstLine(e)}`);
  }

  const deltas: Record<string, number> = {};
  for (const m of report?.metrics ?? []) if (m.pattern === null) deltas[m.sampleType] = m.delta;
  const json = renderGateJson({
    series: config.series,
    verdict,
    event: event.name,
    sha: plan.sha,
    baseline,
    baselineCreatedAt: found?.stored.metadata.createdAt ?? null,
    accepted,
    update,
    message: found === undefined ? noBaselineText(config, plan.lookup.branches, ports.store.location) : null,
    report,
  });
  const exitCode = verdict === 'fail' && plan.failOnRegression ? 1 : 0;
  return { verdict, exitCode, report, json, baseline, comment, update, deltas, summary: markdown };
}

function parseRules(input: RulesInput | null): Rule[] {
  try {
    return rulesWithDefaults(input?.text ?? '');
  } catch (e) {
    throw withContext(e, `${input?.origin ?? 'rules'}: `);
  }
}

function hasLabel(pr: PullRequestEvent, label: string): boolean {
  // GitHub label names are unique regardless of case.
  const want = label.toLowerCase();
  return pr.labels.some((l) => l.toLowerCase() === want);
}

/**
 * Who added the accept label: the sender of this very `labeled` event when it is for that label
 * (no API call), else the latest `labeled` issue event for it. Unknown (null) when GitHub cannot say.
 */
async function acceptedBy(ports: GatePorts, pr: PullRequestEvent, label: string): Promise<string | null> {
  const e = pr.labelEvent;
  if (e !== null && e.action === 'labeled' && e.label.toLowerCase() === label.toLowerCase()) return e.sender;
  if (ports.pulls === null) return null;
  try {
    return (await ports.pulls.labeledBy(pr.number, label)) ?? null;
  } catch (err) {
    ports.log.info(`could not read who added the ${label} label: ${firstLine(err)}`);
    return null;
  }
}

async function updateBaseline(
  ports: GatePorts,
  config: GateConfig,
  event: GateEvent,
  plan: RunPlan,
  verdict: GateVerdict,
  summary: ProfileSummary,
  profile: Uint8Array,
): Promise<BaselineUpdate | null> {
  if (plan.update === null) return null;
  const { branch } = plan.update;
  if (plan.update.when === 'unless-fail' && verdict === 'fail') {
    return { branch, sha: plan.sha, result: 'skipped', reason: 'the verdict is fail and update-baseline is on-pass' };
  }
  const runUrl = event.runId === null ? undefined : `${event.serverUrl}/${event.repository}/actions/runs/${event.runId}`;
  const metadata: BaselineMetadata = baselineMetadata(
    {
      series: config.series,
      branch,
      sha: plan.sha,
      createdAt: ports.clock.now().toISOString(),
      ...(event.commitTime !== null ? { commitTime: event.commitTime } : {}),
      ...(event.runId !== null ? { runId: event.runId } : {}),
      ...(runUrl !== undefined ? { runUrl } : {}),
    },
    summary,
    profile.length,
  );
  const result = await ports.store.put(metadata, profile);
  ports.log.info(`baseline ${metadata.sha.slice(0, 12)} of ${config.series} on ${branch}: object ${result.object}, pointer ${result.pointer}`);
  return { branch, sha: metadata.sha, result: result.pointer };
}

function baselineInfo(found: FoundBaseline, event: GateEvent, clock: Clock): BaselineInfo {
  const m = found.stored.metadata;
  const created = Date.parse(m.createdAt);
  return {
    sha: m.sha,
    branch: found.branch,
    chosen: found.chosen,
    commitUrl: `${event.serverUrl}/${event.repository}/commit/${m.sha}`,
    runUrl: m.runUrl ?? null,
    ageMs: Number.isNaN(created) ? null : clock.now().getTime() - created,
  };
}

/** Baselines of the branch oldest first, then this run. */
function trendPoints(pointer: BaselinePointer | undefined, summary: ProfileSummary): TrendPoint[] {
  const stored = pointer === undefined ? [] : [...pointer.history].reverse().concat([pointer.current]);
  return [
    ...stored.map((m) => ({ label: m.sha.slice(0, 7), sampleType: m.sampleType, total: m.total })),
    { label: 'this run', sampleType: summary.sampleType, total: summary.total },
  ];
}

function metricName(m: ReportMetric): string {
  return m.pattern === null ? m.sampleType : `${m.sampleType} ~ /${m.pattern}/`;
}

/**
 * One warning annotation per report warning (the profiles were not made alike), then one annotation
 * per failing or warning metric: an error when the failure fails the step, else (accepted, or a
 * run that does not gate, such as a push that becomes the new baseline) a warning.
 */
function annotate(log: Logger, series: string, verdict: GateVerdict, report: Report | null, gating: boolean): void {
  if (report === null) return;
  for (const w of report.warnings) log.warning(w, { title: `heapgate ${series}: profiles not made alike` });
  for (const m of report.metrics) {
    if (m.status !== 'fail' && m.status !== 'warn') continue;
    const text = `${metricName(m)} ${formatSignedValue(m.delta, m.unit)} (${formatDeltaPercent(m.deltaPercent)}, z ${formatZ(m.z)}) breaks rule ${m.rule ?? '(none)'}`;
    if (m.status === 'warn') log.warning(text, { title: `heapgate ${series}: memory warning` });
    else if (verdict === 'accepted') log.warning(`${text} (accepted)`, { title: `heapgate ${series}: accepted memory regression` });
    else if (!gating) log.warning(text, { title: `heapgate ${series}: memory regression (not gating this run)` });
    else log.error(text, { title: `heapgate ${series}: memory regression` });
  }
}

async function postComment(
  sink: CommentSink,
  log: Logger,
  issue: number,
  config: GateConfig,
  ctx: GateReportContext,
): Promise<CommentResult | null> {
  try {
    const result = await upsertSticky(sink, issue, config.series, renderComment(ctx), config.comment, ctx.verdict);
    if (result.action !== 'skipped') log.info(`pull request comment ${result.action}: ${result.url}`);
    return result;
  } catch (e) {
    const status = e instanceof GitHubApiError ? e.status : 0;
    const hint =
      status === 403
        ? '; grant the workflow `pull-requests: write` (a pull request from a fork gets a read-only token)'
        : '';
    log.warning(
      `could not comment on pull request #${issue}: ${status > 0 ? `GitHub answered ${status}: ` : ''}${firstLine(e)}${hint}. The job summary has the report.`,
      { title: 'heapgate: no pull request comment' },
    );
    return null;
  }
}

