/**
 * The Action's use case: plan by event → find the baseline → compare → decide (accept label) →
 * store the new baseline → publish (annotations, comment, job summary, JSON). Decisions are made
 * here and in plan.ts; every side effect goes through the ports passed in.
 */
import type { ProfileSummary } from '../../core/profile/aggregate.js';
import type { BaselineAcceptance, BaselinePointer } from '../../core/history/baseline.js';
import { firstLine } from '../../core/error-text.js';
import type {
  Acceptance,
  BaselineInfo,
  BaselineUpdate,
  GateReportContext,
  GateVerdict,
  NoBaseline,
} from '../../core/verdict/gate.js';
import { renderGateJson } from '../../core/render/gate-json.js';
import { renderHtml } from '../../core/render/html.js';
import { MIN_STEP_PERCENT, type NewStep, type TrendPoint } from '../../core/verdict/gate.js';
import { newSteps } from '../../core/history/series-steps.js';
import { stepIssueBody, stepIssueMarker, stepIssueTitle } from '../../core/render/step-issue.js';
import type { Report } from '../../core/verdict/report.js';
import { focusPatterns } from '../../core/rules/resolve.js';
import type { InconclusivePolicy } from '../../core/verdict/verdict.js';
import {
  GitHubApiError,
  type BaselineStore,
  type Clock,
  type CommentSink,
  type IssueTracker,
  type JobSummary,
  type Logger,
  type PullRequestInfo,
  type ReportUploader,
  type SourceLocator,
  type SummaryLoader,
} from '../../ports.js';
import { noBaselineSentence, otherSeriesSentence, reproduceCommand, seedCommand } from '../commands.js';
import { compareProfiles, sideOf } from '../compare.js';
import { baselineSource, findBaseline, otherSeries, type FoundBaseline } from '../find-baseline.js';
import { historyRequest } from '../history.js';
import { parseRulesInput, type ParsedRules, type RulesInput } from '../rules-input.js';
import { runUrl, storeBaseline } from '../store-baseline.js';
import { planRun, type GateEvent, type PlanConfig, type PullRequestEvent, type RunPlan } from './plan.js';
import { publish } from './publish.js';
import type { CommentPolicy, CommentResult } from './sticky-comment.js';
import type { OwnCodeSpec } from '../../core/profile/own-code.js';
import { grownLines, pullLines, type PullLines } from '../../core/verdict/pull-lines.js';

export interface GateConfig extends PlanConfig {
  readonly series: string;
  /** The store as the user gave it (for messages and the reproduce command). */
  readonly store: string;
  /**
   * The current profile's path as found, or the paths and globs of its runs (for messages and the
   * reproduce command).
   */
  readonly profile: readonly string[];
  readonly rules: RulesInput | null;
  readonly comment: CommentPolicy;
  readonly acceptLabel: string;
  /** null = the engine's default. */
  readonly confidence: number | null;
  readonly top: number;
  /** Earlier baselines read for the run-to-run noise; 0 = none. */
  readonly history: number;
  /** What an inconclusive verdict does: pass, warn (an annotation) or fail the step. */
  readonly onInconclusive: InconclusivePolicy;
  /** Render the HTML report too (it needs both call trees: one more hash lookup per frame). */
  readonly htmlReport: boolean;
  /** Open (or update) a GitHub issue for each new level a push to the default branch starts. */
  readonly stepIssue?: boolean;
  /** The words that run the CLI in the commands the reports print; absent = `npx heapgate`. */
  readonly program?: readonly string[];
  /** What is the user's own code (profile/own-code.ts); absent = no attribution, the culprit is the leaf. */
  readonly ownCode?: OwnCodeSpec;
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
  /** null when the HTML report is not uploaded (not in Actions, or not asked for). */
  readonly reports: ReportUploader | null;
  /** The repository's issues, for `step-issue`; absent or null without a token. */
  readonly issues?: IssueTracker | null;
  /** The checkout's source files, for annotations on the lines that grew; absent or null: none. */
  readonly sources?: SourceLocator | null;
}

export interface GateOutcome {
  readonly verdict: GateVerdict;
  /** 1 when the step must fail (see planRun), else 0. */
  readonly exitCode: number;
  readonly report: Report | null;
  /** The JSON report document (see core/render/gate-json.ts). */
  readonly json: string;
  /** The baseline compared against; null when none. */
  readonly baseline: BaselineInfo | null;
  readonly comment: CommentResult | null;
  readonly update: BaselineUpdate | null;
  /** Whole-profile delta per sample type (current − base); empty when there was no baseline. */
  readonly deltas: Readonly<Record<string, number>>;
  /** The job summary's Markdown. */
  readonly summary: string;
  /** The HTML report (see core/render/html.ts); null without a report or when not asked for. */
  readonly html: string | null;
  /** Where the uploaded HTML report can be opened; null when it was not uploaded. */
  readonly htmlUrl: string | null;
}

/** The comparison against the baseline (report null when there was none) and this run's summary. */
interface Compared {
  readonly report: Report | null;
  readonly current: ProfileSummary;
}

/**
 * Runs the gate for one profile. `current` is the profile's bytes (stored as they are when this run
 * becomes a baseline). Rejects with a HeapgateError naming the step when an input is bad or the
 * store fails; a failure to comment or to write the summary is only a warning.
 */
export async function runGate(
  config: GateConfig,
  event: GateEvent,
  current: Uint8Array,
  ports: GatePorts,
): Promise<GateOutcome> {
  const plan = planRun(config, event);
  const rules = parseRulesInput(config.rules);
  // A run that stores the new baseline repairs a pointer whose profile is missing.
  const repair = config.mode === 'update' ? null : 're-baseline with mode update';
  const found = await findBaseline(ports, config.series, plan.lookup, repair);
  const compared = await compare(config, rules, found, current, ports.load);

  const { verdict, accepted } = await decide(compared.report, plan.pullRequest, config, ports);
  const update = await updateBaseline(ports, config, event, plan, verdict, compared.current, current);

  const baseline = found === undefined ? null : baselineInfo(found, event, ports.clock);
  const noBaseline = found === undefined ? await noBaselineOf(config, plan, update, ports) : null;
  const html = config.htmlReport && compared.report !== null ? renderHtml(compared.report) : null;
  const htmlUrl = html === null ? null : await uploadReport(html, config.series, ports);
  const context: GateReportContext = {
    series: config.series,
    verdict,
    report: compared.report,
    baseline,
    accepted,
    trend: trendPoints(found?.pointer, compared.current),
    reproduce:
      found === undefined
        ? null
        : reproduceCommand(
            {
              ...config,
              repository: event.repository,
              baselineSha: found.chosen === 'latest' ? null : found.stored.metadata.sha,
            },
            found.branch,
            config.program,
          ),
    noBaseline,
    update,
    htmlReportUrl: htmlUrl,
    ...(await pullLinesOf(compared.report, plan.pullRequest?.number ?? null, ports)),
  };
  const { comment, summary } = await publish(context, { plan, config, ports });

  const json = renderGateJson({
    series: config.series,
    verdict,
    event: event.name,
    sha: plan.sha,
    baseline,
    baselineCreatedAt: found?.stored.metadata.createdAt ?? null,
    accepted,
    update,
    message: found === undefined ? noBaselineMessage(config, context.noBaseline!) : null,
    report: compared.report,
  });
  const deltas: Record<string, number> = {};
  for (const m of compared.report?.metrics ?? []) if (m.pattern === null) deltas[m.sampleType] = m.delta;
  const failing = verdict === 'fail' || (verdict === 'inconclusive' && config.onInconclusive === 'fail');
  const exitCode = failing && plan.failOnRegression ? 1 : 0;
  return {
    verdict,
    exitCode,
    report: compared.report,
    json,
    baseline,
    comment,
    update,
    deltas,
    summary,
    html,
    htmlUrl,
  };
}

/**
 * The per-line rows the gate's JSON report carries: the failing and warning sample types' first 50
 * lines, enough to name the lines that grew without making the report file large.
 */
const GATE_LINES = { top: 50, flaggedOnly: true } as const;

/** This run against the baseline found, or, without one, only this run's summary (for the new baseline). */
async function compare(
  config: GateConfig,
  rules: ParsedRules,
  found: FoundBaseline | undefined,
  current: Uint8Array,
  load: SummaryLoader,
): Promise<Compared> {
  const currentSource = { role: 'current', label: config.profile.join(' '), bytes: current } as const;
  if (found === undefined) {
    const [summary] = (await load([currentSource], focusPatterns(rules.rules))) as [ProfileSummary];
    return { report: null, current: summary };
  }
  const outcome = await compareProfiles(
    {
      base: sideOf(baselineSource(found)),
      current: sideOf(currentSource),
      rules,
      ...(config.confidence !== null ? { confidence: config.confidence } : {}),
      top: config.top,
      history: historyRequest(found.pointer, config.history),
      onInconclusive: config.onInconclusive,
      fold: true,
      flame: config.htmlReport,
      ownCode: config.ownCode,
      lines: GATE_LINES,
    },
    load,
  );
  return { report: outcome.report, current: outcome.summaries.current };
}

/**
 * The grown own-code lines this run's pull request changed, when there is a pull request, a report
 * with grown lines, the checkout's files and the pull request's files. A failure to list the files
 * is a warning: the comment then goes without the section.
 */
async function pullLinesOf(
  report: Report | null,
  pull: number | null,
  ports: Pick<GatePorts, 'pulls' | 'sources' | 'log'>,
): Promise<{ pullLines?: PullLines }> {
  const sources = ports.sources;
  const listed = ports.pulls?.changedLines?.bind(ports.pulls);
  if (report === null || pull === null || !sources || listed === undefined) return {};
  const grown = grownLines(report);
  if (grown.length === 0) return {};
  const paths = new Map<string, string>();
  for (const g of grown) {
    const path = await sources(g.file);
    if (path !== null) paths.set(g.file, path);
  }
  if (paths.size === 0) return {};
  try {
    return { pullLines: pullLines(grown, paths, await listed(pull)) };
  } catch (e) {
    ports.log.warning(`could not list the files of pull request #${pull}: ${firstLine(e)}`);
    return {};
  }
}

/**
 * The gate's verdict: the report's, `accepted` for a pull request with the accept label whose
 * verdict would fail the step (fail, or inconclusive under `on-inconclusive: fail`), `no-baseline`
 * without a report.
 */
async function decide(
  report: Report | null,
  pr: PullRequestEvent | null,
  config: Pick<GateConfig, 'acceptLabel' | 'onInconclusive'>,
  ports: GatePorts,
): Promise<{ readonly verdict: GateVerdict; readonly accepted: Acceptance | null }> {
  if (report === null) return { verdict: 'no-baseline', accepted: null };
  const { acceptLabel } = config;
  const failing = report.verdict === 'fail' || (report.verdict === 'inconclusive' && config.onInconclusive === 'fail');
  if (!failing || pr === null || !hasLabel(pr, acceptLabel)) return { verdict: report.verdict, accepted: null };
  return { verdict: 'accepted', accepted: { label: acceptLabel, by: await acceptedBy(ports, pr, acceptLabel) } };
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
  const level = await levelOrigin(ports, config, event, plan);
  const run = {
    ...level,
    series: config.series,
    branch,
    sha: plan.sha,
    createdAt: ports.clock.now().toISOString(),
    ...(event.commitTime !== null ? { commitTime: event.commitTime } : {}),
    ...(event.runId !== null
      ? { runId: event.runId, runUrl: runUrl(event.serverUrl, event.repository, event.runId) }
      : {}),
  };
  const result = await storeBaseline(ports.store, run, summary, profile);
  const sha = result.metadata.sha;
  ports.log.info(
    `baseline ${sha.slice(0, 12)} of ${config.series} on ${branch}: object ${result.object}, pointer ${result.pointer}`,
  );
  // A re-run of the same commit (same-commit) finds the same step again, and updates its issue.
  if (result.pointer === 'older') return { branch, sha, result: result.pointer };
  const steps = await stepsOf(ports, config.series, branch, config.history);
  if (config.stepIssue === true) await announceStep(ports, config.series, event, steps);
  return { branch, sha, result: result.pointer, ...(steps.length > 0 ? { steps } : {}) };
}

/**
 * `step-issue`: opens the issue of this step of the series (its rises only), or updates the open
 * one with its marker. Needs `issues: write`; a refusal is a warning that says so, never a failure.
 */
async function announceStep(
  ports: GatePorts,
  series: string,
  event: GateEvent,
  steps: readonly NewStep[],
): Promise<void> {
  const rises = steps.filter((s) => s.percent > 0);
  if (rises.length === 0) return;
  if (ports.issues === undefined || ports.issues === null) {
    ports.log.warning('step-issue needs github-token: no issue opened for the new level', {
      title: `heapgate ${series}: step issue`,
    });
    return;
  }
  const sha = rises[0]!.sha;
  const title = stepIssueTitle(series, rises);
  const body = stepIssueBody(series, rises, {
    commitUrl: `${event.serverUrl}/${event.repository}/commit/${sha}`,
    runUrl: event.runId === null ? null : runUrl(event.serverUrl, event.repository, event.runId),
  });
  try {
    const open = await ports.issues.findOpen(stepIssueMarker(series, sha));
    const issue =
      open === undefined ? await ports.issues.create(title, body) : await ports.issues.update(open.number, title, body);
    ports.log.info(
      `${open === undefined ? 'opened' : 'updated'} issue #${issue.number} for the new level: ${issue.url}`,
    );
  } catch (err) {
    const status = err instanceof GitHubApiError ? err.status : undefined;
    const hint =
      status === 403 ? ' (grant the workflow issues: write)' : status === 410 ? ' (issues are disabled)' : '';
    ports.log.warning(`could not open or update the step issue${hint}: ${firstLine(err)}`, {
      title: `heapgate ${series}: step issue`,
    });
  }
}

/**
 * The new levels the baseline just stored confirms, over the latest `window` baselines (the
 * history's; 0: none), in one read of the pointer it moved. A store that cannot be read again only
 * loses the announcement: the baseline is stored.
 */
async function stepsOf(ports: GatePorts, series: string, branch: string, window: number): Promise<NewStep[]> {
  if (window <= 0) return [];
  try {
    const pointer = await ports.store.pointer(series, branch);
    return pointer === undefined
      ? []
      : newSteps([pointer.current, ...pointer.history].slice(0, window), MIN_STEP_PERCENT);
  } catch (err) {
    ports.log.info(`could not read the series of ${branch} back to look for a new step: ${firstLine(err)}`);
    return [];
  }
}

/**
 * What a new baseline records of how it came: the pull request a push merged, and whether its level
 * is accepted — the pull request carried the accept label when it merged (by whoever added it), or
 * a workflow_dispatch run in mode update stored it (by its actor). Drift is measured from an
 * accepted level on. A lookup GitHub cannot answer leaves the level unaccepted, and says so.
 */
async function levelOrigin(
  ports: GatePorts,
  config: GateConfig,
  event: GateEvent,
  plan: RunPlan,
): Promise<{ pullRequest?: number; accepted?: BaselineAcceptance }> {
  if (event.name === 'workflow_dispatch' && config.mode === 'update') {
    return { accepted: { by: event.actor ?? 'unknown', how: 'update' } };
  }
  if (event.name !== 'push' || ports.pulls === null) return {};
  try {
    const pull = await ports.pulls.mergedPullOf(plan.sha);
    if (pull === undefined) return {};
    const want = config.acceptLabel.toLowerCase();
    if (!pull.labels.some((l) => l.toLowerCase() === want)) return { pullRequest: pull.number };
    const by = (await ports.pulls.labeledBy(pull.number, config.acceptLabel)) ?? 'unknown';
    ports.log.info(`#${pull.number} merged with the ${config.acceptLabel} label: its level is accepted (by ${by})`);
    return { pullRequest: pull.number, accepted: { by, how: 'label' } };
  } catch (err) {
    ports.log.info(
      `could not read the pull request of ${plan.sha.slice(0, 12)}: ${firstLine(err)}; level not accepted`,
    );
    return {};
  }
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
    ...stored.map((m) => ({
      label: m.sha.slice(0, 7),
      sampleType: m.sampleType,
      total: m.total,
      sha: m.sha,
      ...(m.pullRequest !== undefined ? { pullRequest: m.pullRequest } : {}),
    })),
    { label: 'this run', sampleType: summary.sampleType, total: summary.total },
  ];
}

/**
 * Uploads the HTML report as a workflow artifact, before the comment that links it is written. A
 * failed upload is a warning: the report is still in the html-report output's file.
 */
async function uploadReport(html: string, series: string, ports: GatePorts): Promise<string | null> {
  if (ports.reports === null) return null;
  try {
    return (await ports.reports.upload(html, `heapgate-${series}.html`)).url;
  } catch (e) {
    ports.log.warning(`could not upload the HTML report as an artifact (${firstLine(e)}); the step goes on without it`);
    return null;
  }
}

/**
 * Where the gate looked when it found no baseline, and how to seed one. Unless this run seeded the
 * series, the store's other series are named too (a warning annotation with the closest): a
 * mistyped series name would otherwise pass every run as "no baseline".
 */
async function noBaselineOf(
  config: GateConfig,
  plan: RunPlan,
  update: BaselineUpdate | null,
  ports: GatePorts,
): Promise<NoBaseline> {
  const seeded = update !== null && update.result !== 'skipped';
  const others = seeded ? { names: [], guess: null } : await otherSeries(ports, config.series);
  const mistyped = otherSeriesSentence(config.series, others);
  const input = others.branches ? 'base-branch' : 'series';
  if (mistyped !== null)
    ports.log.warning(`${mistyped} (check the ${input} input)`, { title: 'heapgate: no baseline' });
  return {
    branches: plan.lookup.branches,
    store: ports.store.location,
    seed: seedCommand(config, plan.lookup.branches.at(-1)!, config.program),
    otherSeries: others,
  };
}

/** The JSON report's message when there was no baseline: where it looked and how to seed one. */
function noBaselineMessage(config: GateConfig, where: NonNullable<GateReportContext['noBaseline']>): string {
  const mistyped = otherSeriesSentence(config.series, where.otherSeries);
  const hint = mistyped === null ? '' : ` ${mistyped}.`;
  return (
    `${noBaselineSentence(config.series, where.branches, where.store)}${hint} Seed one by running this action on a ` +
    `push to the default branch, by running the workflow with mode update, or with: ${where.seed}`
  );
}
