import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  MIN_STEP_PERCENT,
  baselineSource,
  findBaseline,
  historyRequest,
  noBaselineSentence,
  otherSeries,
  otherSeriesSentence,
  otherSeriesText,
  reproduceCommand,
  seedCommand
} from "./chunks/chunk-6RSCHQ26.js";
import {
  BENCH_HISTORY_NOTE,
  DEFAULT_CONFIDENCE,
  GITHUB_COMMENT_LIMIT,
  ICON,
  INCONCLUSIVE_POLICIES,
  MAX_CELL_CHARS,
  VERDICT_WORDS,
  baselineName,
  compareProfiles,
  culpritMarkdown,
  detectableCell,
  failingSampleTypes,
  focusPatterns,
  metricLabel,
  parseRulesInput,
  renderHtml,
  renderMarkdown,
  sideOf,
  statusCounts,
  toJsonReport,
  valueCell,
  withContext,
  zCell
} from "./chunks/chunk-22KJ6QHR.js";
import {
  newSteps,
  runUrl,
  storeBaseline
} from "./chunks/chunk-47ZK6WYW.js";
import {
  openStore
} from "./chunks/chunk-J5YCEBC7.js";
import {
  DEFAULT_HISTORY_WINDOW,
  MIN_HISTORY_BASELINES,
  createProfileLoader,
  describeFsError,
  expandProfilePaths,
  formatDeltaPercent,
  formatSignedValue,
  formatValue,
  formatZ,
  gunzipProfile,
  historyWindowProblem,
  isByteUnit,
  markdownCode,
  markdownText,
  parseByteSize,
  readBounded,
  readRunFiles,
  segmentLevels,
  terminalSafe,
  truncate
} from "./chunks/chunk-XNLCYWZF.js";
import {
  GitHubApiError
} from "./chunks/chunk-QINKA3AK.js";
import {
  enableLinearRegExp,
  printWarningsAs
} from "./chunks/chunk-VCWOYZQK.js";
import {
  firstLine,
  oneLine
} from "./chunks/chunk-TQ4GEVIF.js";
import {
  error,
  getInput,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-Y4CS4XAA.js";
import "./chunks/chunk-M332AGLH.js";
import {
  DEFAULT_KEEP_PROFILES
} from "./chunks/chunk-YSXEY3E2.js";
import {
  encodeBranch,
  normalizeSha,
  validateSeries
} from "./chunks/chunk-V4FWG7K5.js";
import "./chunks/chunk-FGJDEUJW.js";
import {
  ExitCode,
  HeapgateError,
  UsageError
} from "./chunks/chunk-5DEWQUHK.js";
import "./chunks/chunk-KIA5R4DO.js";

// src/action/main.ts
import { mkdir, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// src/adapters/artifact.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
function artifactUploader(env, run2) {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) return null;
  return {
    async upload(html, name) {
      const { DefaultArtifactClient } = await import("./chunks/artifact-I67IXC35.js");
      const dir = await mkdtemp(join(run2.tempDir, "heapgate-artifact-"));
      try {
        const file = join(dir, name);
        await writeFile(file, html);
        const retention = run2.retentionDays === void 0 ? {} : { retentionDays: run2.retentionDays };
        const { id } = await new DefaultArtifactClient().uploadArtifact(name, [file], dir, {
          skipArchive: true,
          ...retention
        });
        if (id === void 0) throw new Error("the artifact service returned no artifact id");
        const base = `${run2.serverUrl}/${run2.repository}/actions/runs/${encodeURIComponent(run2.runId)}`;
        return { url: `${base}/artifacts/${id}` };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  };
}

// src/app/gate/plan.ts
var MODES = ["auto", "check", "update"];
var UPDATE_POLICIES = ["always", "on-pass"];
function baseBranchOf(config, event) {
  return config.baseBranch ?? event.defaultBranch ?? "main";
}
function planRun(config, event) {
  const base = baseBranchOf(config, event);
  const pr = event.pullRequest;
  const branches = (first) => first === base ? [first] : [first, base];
  const requested = config.baselineSha === null ? null : { sha: config.baselineSha };
  let lookup;
  let sha = event.sha;
  if (pr !== null) {
    lookup = {
      commit: requested ?? { mergeBase: { base: pr.baseSha, head: pr.headSha } },
      branches: branches(pr.baseRef)
    };
    sha = pr.headSha;
  } else {
    lookup = { commit: requested, branches: branches(event.branch ?? base) };
  }
  const ownBranch = pr !== null ? pr.headRef : event.branch ?? base;
  if (config.mode === "update") {
    return { lookup, update: { branch: ownBranch, when: "always" }, failOnRegression: false, pullRequest: pr, sha };
  }
  const onBase = pr === null && event.name === "push" && event.branch === base;
  if (config.mode === "auto" && onBase) {
    const strict = config.updateBaseline === "on-pass";
    return {
      lookup,
      update: { branch: base, when: strict ? "unless-fail" : "always" },
      failOnRegression: strict && config.failOnRegression,
      pullRequest: null,
      sha
    };
  }
  return { lookup, update: null, failOnRegression: config.failOnRegression, pullRequest: pr, sha };
}

// src/core/render/gate-json.ts
var GATE_REPORT_SCHEMA_VERSION = 1;
function renderGateJson(input) {
  const doc = {
    gateSchemaVersion: GATE_REPORT_SCHEMA_VERSION,
    series: input.series,
    verdict: input.verdict,
    event: input.event,
    sha: input.sha,
    baseline: input.baseline === null ? null : { ...input.baseline, createdAt: input.baselineCreatedAt },
    accepted: input.accepted,
    update: input.update,
    message: input.message,
    report: input.report === null ? null : toJsonReport(input.report)
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/core/render/step-issue.ts
function stepIssueMarker(series, sha) {
  return `<!-- heapgate:step series=${series} sha=${sha} -->`;
}
function stepIssueTitle(series, steps) {
  const s = steps[0];
  const pr = s.pullRequest === null ? "" : ` (#${s.pullRequest})`;
  return `heapgate ${series}: memory stepped up at ${s.sha.slice(0, 7)}${pr}`;
}
function stepIssueBody(series, steps, links) {
  const s = steps[0];
  const pr = s.pullRequest === null ? "" : ` from #${s.pullRequest}`;
  const lines = [
    stepIssueMarker(series, s.sha),
    `The series \`${series}\` stepped up at commit [\`${s.sha.slice(0, 12)}\`](${links.commitUrl})${pr}:`,
    "",
    "| metric | before | after | step |",
    "| :-- | --: | --: | --: |",
    ...steps.map(
      (t) => `| ${markdownCode(truncate(t.sampleType, MAX_CELL_CHARS), true)} | ${formatValue(t.previous, t.unit)} (${t.previousBaselines} baseline${t.previousBaselines === 1 ? "" : "s"}) | ${formatValue(t.current, t.unit)} | ${formatDeltaPercent(t.percent)} |`
    ),
    "",
    "The baseline after it stayed at the new level, which confirms it. If the rise is intended, merge the next change with the accept label (or run the workflow with `mode: update`) to accept the level; drift is then measured from it."
  ];
  if (links.runUrl !== null) lines.push("", `Seen by [this run](${links.runUrl}).`);
  return `${lines.join("\n")}
`;
}

// src/core/render/trend.ts
var SPARK_BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
var MAX_TREND_POINTS = 30;
function sparkline(values) {
  const known = values.filter((v) => v !== null && Number.isFinite(v));
  if (known.length === 0) return values.map(() => " ").join("");
  const min = Math.min(...known);
  const max = Math.max(...known);
  const top = SPARK_BLOCKS.length - 1;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return " ";
    if (max === min) return SPARK_BLOCKS[3];
    return SPARK_BLOCKS[Math.round((v - min) / (max - min) * top)];
  }).join("");
}
function valueAt(point, type) {
  const i = point.sampleType.findIndex((t) => t.type === type.type && t.unit === type.unit);
  return i < 0 ? null : point.total[i] ?? null;
}
function recent(points) {
  return points.slice(Math.max(0, points.length - MAX_TREND_POINTS));
}
var MAX_TREND_STEPS = 3;
function stepsCell(points, type) {
  const stored = points.map((p) => ({ p, v: valueAt(p, type) })).filter(
    (x) => x.p.sha !== void 0 && x.v !== null && x.v > 0 && Number.isFinite(x.v)
  );
  const { levels } = segmentLevels(stored.map((x) => x.v));
  const steps = levels.slice(1).map((l, j) => {
    const at = stored[l.from].p;
    const name = baselineName({
      sha: at.sha,
      ...at.pullRequest !== void 0 ? { pullRequest: at.pullRequest } : {}
    });
    return `${formatDeltaPercent(100 * (l.mean / levels[j].mean - 1))} at ${name}`;
  });
  if (steps.length === 0) return "\u2014";
  const shown = steps.slice(-MAX_TREND_STEPS);
  return `${steps.length > shown.length ? "\u2026, " : ""}${shown.join(", ")}`;
}
function renderTrendTable(points, types) {
  const shown = recent(points);
  if (shown.length < 2 || types.length === 0) return [];
  const lines = [
    `| metric | trend (${shown.length} points, oldest \u2192 newest) | oldest | newest | steps |`,
    "| :-- | :-- | --: | --: | :-- |"
  ];
  for (const type of types) {
    const values = shown.map((p) => valueAt(p, type));
    const first = values.find((v) => v !== null);
    const last = [...values].reverse().find((v) => v !== null);
    const cell = (v) => v === null || v === void 0 ? "\u2014" : formatValue(v, type.unit).replace(/\|/g, "\\|");
    lines.push(
      `| ${markdownCode(type.type, true)} | \`${sparkline(values)}\` | ${cell(first)} | ${cell(last)} | ${stepsCell(shown, type)} |`
    );
  }
  return lines;
}
function mermaidSafe(text2) {
  return text2.replace(/[^A-Za-z0-9 _.:()+-]/g, "_");
}
function renderTrendChart(points, type) {
  const shown = recent(points).filter((p) => valueAt(p, type) !== null);
  if (shown.length < 2) return [];
  const bytes = isByteUnit(type.unit);
  const scale = bytes ? 1024 * 1024 : 1;
  const unit = bytes ? "MiB" : type.unit;
  const values = shown.map((p) => {
    const v = valueAt(p, type) / scale;
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  });
  const levels = levelLine(shown, type, scale);
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${mermaidSafe(type.type)}"`,
    `  x-axis [${shown.map((p) => `"${mermaidSafe(p.label)}"`).join(", ")}]`,
    `  y-axis "${mermaidSafe(unit)}"`,
    `  line [${values.join(", ")}]`,
    ...levels === null ? [] : [`  line [${levels.join(", ")}]`],
    "```"
  ];
}
function levelLine(shown, type, scale) {
  const stored = shown.filter((p) => p.sha !== void 0);
  const values = stored.map((p) => valueAt(p, type));
  if (values.length < 2 || values.some((v) => !(v > 0 && Number.isFinite(v)))) return null;
  const { levels } = segmentLevels(values);
  if (levels.length < 2) return null;
  const at = [];
  for (const l of levels) for (let k2 = l.from; k2 < l.to; k2++) at.push(l.mean / scale);
  const newest = at[at.length - 1];
  let k = 0;
  return shown.map((p) => {
    const v = p.sha === void 0 ? newest : at[k++];
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  });
}

// src/core/render/comment.ts
var MAX_NEW_SITES = 10;
var MIN_REPORT_BUDGET = 1500;
function commentMarker(series) {
  return `<!-- heapgate:comment series=${series.replace(/[^A-Za-z0-9._-]/g, "_")} -->`;
}
function formatAge(ms) {
  const hours = Math.floor(Math.max(0, ms) / 36e5);
  if (hours < 1) return "less than an hour";
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${Math.floor(hours / 24)} days`;
}
function renderGateMarkdown(ctx, budget = GITHUB_COMMENT_LIMIT) {
  const head = [
    headerLine(ctx),
    ...baselineLines(ctx),
    ...htmlReportLines(ctx),
    ...acceptedLines(ctx),
    ...noBaselineLines(ctx)
  ];
  const tail = [
    ...updateLines(ctx),
    ...ctx.update !== null && ctx.reproduce !== null ? [""] : [],
    ...reproduceLines(ctx)
  ];
  const optional = [newSitesSection(ctx), trendSection(ctx), chartSection(ctx)];
  for (let keep = optional.length; keep >= 0; keep--) {
    const extra = optional.slice(0, keep).filter((s) => s.length > 0);
    const fixed = join2([...head, ...extra.flatMap((s) => ["", ...s]), ...tail.length > 0 ? ["", ...tail] : []]);
    const room = budget - fixed.length - 2;
    if (ctx.report === null) {
      if (fixed.length <= budget) return fixed;
      continue;
    }
    if (room < MIN_REPORT_BUDGET && keep > 0) continue;
    const body = reportBody(ctx.report, Math.max(0, room), ctx.baseline !== null);
    const text2 = join2([
      ...head,
      "",
      ...body,
      ...extra.flatMap((s) => ["", ...s]),
      ...tail.length > 0 ? ["", ...tail] : []
    ]);
    if (text2.length <= budget) return text2;
  }
  return join2([...head]).slice(0, budget);
}
function renderComment(ctx, limit = GITHUB_COMMENT_LIMIT) {
  const marker = commentMarker(ctx.series);
  return `${renderGateMarkdown(ctx, limit - marker.length - 1)}${marker}
`;
}
function join2(lines) {
  return `${lines.join("\n")}
`;
}
function reportBody(report, budget, hasBaselineLine) {
  const md = renderMarkdown(report, { budget, collapse: true, labels: !hasBaselineLine });
  const lines = md.replace(/\n$/, "").split("\n").slice(1);
  return lines[0] === "" ? lines.slice(1) : lines;
}
function headerLine(ctx) {
  const series = markdownCode(truncate(ctx.series, MAX_CELL_CHARS), false);
  const counts = ctx.report === null ? "" : ` (${statusCounts(ctx.report)})`;
  const c = ctx.report === null ? "" : culpritMarkdown(ctx.report);
  const what = c === "" ? VERDICT_WORDS[ctx.verdict] : `${VERDICT_WORDS[ctx.verdict]}: ${c}`;
  return `### ${ICON[ctx.verdict]} heapgate ${series}: ${ctx.verdict} \u2014 ${what}${counts}`;
}
function safeUrl(url) {
  return url !== null && /^https:\/\/[A-Za-z0-9.:-]+\/[A-Za-z0-9._~/%-]*$/.test(url) ? url : null;
}
function htmlReportLines(ctx) {
  const url = safeUrl(ctx.htmlReportUrl);
  if (url === null) return [];
  return [`\u{1F4CA} [The HTML report](${url}): a differential flame graph and a heat table of every function.`];
}
function baselineLines(ctx) {
  const b = ctx.baseline;
  if (b === null) return [];
  const short = markdownCode(b.sha.slice(0, 12), false);
  const commit = safeUrl(b.commitUrl) !== null ? `[${short}](${b.commitUrl})` : short;
  const why = {
    "merge-base": "the merge base of this pull request",
    latest: "the latest baseline",
    requested: "the requested commit"
  }[b.chosen];
  const age = b.ageMs === null ? "" : `, stored ${formatAge(b.ageMs)} ago`;
  const run2 = safeUrl(b.runUrl) !== null ? ` ([run](${b.runUrl}))` : "";
  return [
    `Baseline: commit ${commit} on ${markdownCode(truncate(b.branch, MAX_CELL_CHARS), false)} (${why})${age}${run2}.`
  ];
}
function acceptedLines(ctx) {
  const a = ctx.accepted;
  if (a === null) return [];
  const label = markdownCode(truncate(a.label, MAX_CELL_CHARS), false);
  const who = a.by === null ? "with" : `by ${markdownText(`@${truncate(a.by, 100)}`)} with`;
  const what = ctx.report?.verdict === "inconclusive" ? "this inconclusive result" : "this regression";
  return ["", `\u2611\uFE0F **Accepted** ${who} the ${label} label: ${what} does not fail the check.`];
}
function noBaselineLines(ctx) {
  const n = ctx.noBaseline;
  if (n === null) return [];
  const where = n.branches.map((b) => markdownCode(truncate(b, MAX_CELL_CHARS), false)).join(" or ");
  return [
    "",
    `No baseline for series ${markdownCode(ctx.series, false)} on ${where} in ${markdownCode(truncate(n.store, MAX_CELL_CHARS), false)}: nothing to compare against, so this check passes.`,
    ...otherSeriesLines(ctx.series, n.otherSeries),
    "",
    `To seed one, run this action on a push to the default branch (it stores each run as the new baseline), run the workflow by hand with \`mode: update\`, or store a profile with ${markdownCode(truncate(n.seed, 500), false)}.`
  ];
}
function otherSeriesLines(series, hint) {
  const text2 = otherSeriesText(series, hint, (s) => markdownCode(truncate(s, MAX_CELL_CHARS), false));
  return text2 === null ? [] : ["", `\u26A0\uFE0F ${text2.charAt(0).toUpperCase()}${text2.slice(1)}`];
}
function updateLines(ctx) {
  const u = ctx.update;
  if (u === null) return [];
  const branch = markdownCode(truncate(u.branch, MAX_CELL_CHARS), false);
  const sha = markdownCode(u.sha.slice(0, 12), false);
  switch (u.result) {
    case "moved":
      return [`\u{1F4CC} Stored this run (commit ${sha}) as the baseline of ${branch}.`, ...stepLines(u.steps ?? [])];
    case "same-commit":
      return [`\u{1F4CC} Commit ${sha} already is the baseline of ${branch}; the first stored profile is kept.`];
    case "older":
      return [`\u{1F4CC} Stored this run (commit ${sha}); ${branch} already has a newer baseline, which stays current.`];
    case "skipped":
      return [`\u{1F4CC} Not stored as the baseline of ${branch}: ${markdownText(u.reason ?? "not requested")}.`];
  }
}
function stepLines(steps) {
  return steps.map((s) => {
    const pr = s.pullRequest === null ? "" : ` (#${s.pullRequest})`;
    const icon = s.percent > 0 ? "\u{1F4C8}" : "\u{1F4C9}";
    return `${icon} New level of ${markdownCode(truncate(s.sampleType, MAX_CELL_CHARS), false)}: ${formatDeltaPercent(s.percent)} (${formatValue(s.previous, s.unit)} \u2192 ${formatValue(s.current, s.unit)}) at ${markdownCode(s.sha.slice(0, 12), false)}${pr}, over the level of ${s.previousBaselines} baseline${s.previousBaselines === 1 ? "" : "s"} before it; this run confirms it.`;
  });
}
function reproduceLines(ctx) {
  if (ctx.reproduce === null) return [];
  return [`Reproduce locally: ${markdownCode(truncate(ctx.reproduce, 500), false)}`];
}
function focusTypes(report) {
  const types = failingSampleTypes(report);
  return types.length > 0 ? types : [report.sampleType];
}
function newSites(report) {
  const out = [];
  for (const type of focusTypes(report)) {
    const unit = report.totals[type]?.unit ?? "";
    for (const row of report.functions[type] ?? []) {
      if (row.baseFlat === 0 && row.baseCum === 0 && row.currentFlat > 0) out.push({ type, unit, row });
    }
  }
  return out.slice(0, MAX_NEW_SITES);
}
function newSitesSection(ctx) {
  if (ctx.report === null) return [];
  const sites = newSites(ctx.report);
  if (sites.length === 0) return [];
  return [
    "#### New allocation sites",
    "",
    "| function | sample type | current flat |",
    "| :-- | :-- | --: |",
    ...sites.map(
      (s) => `| ${markdownCode(truncate(s.row.name, MAX_CELL_CHARS), true)} | ${markdownCode(s.type, true)} | ${valueCell(formatValue(s.row.currentFlat, s.unit))} |`
    )
  ];
}
function wholeTypes(report) {
  const out = [];
  for (const m of report.metrics) {
    if (m.pattern === null && !out.some((t) => t.type === m.sampleType)) out.push({ type: m.sampleType, unit: m.unit });
  }
  return out;
}
function trendSection(ctx) {
  if (ctx.report === null) return [];
  const table = renderTrendTable(ctx.trend, wholeTypes(ctx.report));
  return table.length === 0 ? [] : ["#### Trend of the last baselines", "", ...table];
}
function chartSection(ctx) {
  if (ctx.report === null) return [];
  const type = focusTypes(ctx.report)[0];
  const unit = ctx.report.totals[type]?.unit ?? "";
  const chart = renderTrendChart(ctx.trend, { type, unit });
  if (chart.length === 0) return [];
  return ["<details><summary>Trend chart</summary>", "", ...chart, "", "</details>"];
}

// src/app/gate/sticky-comment.ts
var COMMENT_POLICIES = ["always", "on-change", "on-regression", "never"];
function wantsComment(policy, verdict, exists) {
  switch (policy) {
    case "never":
      return false;
    case "always":
      return true;
    case "on-change":
      return exists || verdict === "fail" || verdict === "warn" || verdict === "inconclusive" || verdict === "accepted";
    case "on-regression":
      return exists || verdict === "fail" || verdict === "accepted";
  }
}
function loginKey(login) {
  return login.toLowerCase().replace(/\[bot\]$/, "");
}
function findSticky(comments, identity, series) {
  const marker = commentMarker(series);
  const mine = comments.filter((c) => c.body.includes(marker) && loginKey(c.author) === loginKey(identity));
  return mine.find((c) => c.author.toLowerCase() === identity.toLowerCase()) ?? mine[0];
}
async function upsertSticky(sink, issue, series, body, policy, verdict) {
  if (policy === "never") return { action: "skipped", url: null };
  const [identity, comments] = await Promise.all([sink.identity(), sink.list(issue)]);
  const existing = findSticky(comments, identity, series);
  if (!wantsComment(policy, verdict, existing !== void 0)) return { action: "skipped", url: null };
  if (existing === void 0) {
    const created = await sink.create(issue, body);
    return { action: "created", url: created.url };
  }
  if (existing.body === body) return { action: "unchanged", url: existing.url };
  const updated = await sink.update(existing.id, body);
  return { action: "updated", url: updated.url };
}

// src/app/gate/publish.ts
async function publish(context, { plan, config, ports: ports2 }) {
  annotate(ports2.log, config.series, context.verdict, context.report, plan.failOnRegression);
  annotateInconclusive(ports2.log, config.series, context.report, config.onInconclusive, plan.failOnRegression);
  annotateSteps(ports2.log, config.series, context.update);
  let comment = null;
  if (plan.pullRequest !== null && config.comment !== "never") {
    if (ports2.comments !== null)
      comment = await postComment(ports2.comments, ports2.log, plan.pullRequest.number, config.comment, context);
    else ports2.log.info("no github-token: the report is in the job summary only");
  }
  const summary2 = renderGateMarkdown(context);
  try {
    await ports2.summary.append(summary2);
  } catch (e) {
    ports2.log.warning(`could not write the job summary: ${firstLine(e)}`);
  }
  return { comment, summary: summary2 };
}
function metricName(m) {
  return m.benchmark !== void 0 || m.pattern === null ? metricLabel(m) : `${m.sampleType} ~ /${m.pattern}/`;
}
function significance(m) {
  if (m.benchmark === void 0) return `z ${formatZ(m.z)}`;
  const p = zCell(m);
  return `${p === "exact" ? p : `p ${p}`}, runs ${detectableCell(m)}`;
}
function annotate(log, series, verdict, report, gating) {
  if (report === null) return;
  for (const w of report.warnings) {
    if (w === BENCH_HISTORY_NOTE) continue;
    log.warning(w, { title: `heapgate ${series}: profiles not made alike` });
  }
  for (const m of report.metrics) {
    if (m.status !== "fail" && m.status !== "warn") continue;
    const change = `${formatSignedValue(m.delta, m.unit)} (${formatDeltaPercent(m.deltaPercent)}, ${significance(m)})`;
    const text2 = `${metricName(m)} ${change} breaks rule ${m.rule ?? "(none)"}`;
    if (m.status === "warn") log.warning(text2, { title: `heapgate ${series}: memory warning` });
    else if (verdict === "accepted")
      log.warning(`${text2} (accepted)`, { title: `heapgate ${series}: accepted memory regression` });
    else if (!gating) log.warning(text2, { title: `heapgate ${series}: memory regression (not gating this run)` });
    else log.error(text2, { title: `heapgate ${series}: memory regression` });
  }
}
function annotateSteps(log, series, update) {
  for (const s of update?.steps ?? []) {
    const pr = s.pullRequest === null ? "" : ` (#${s.pullRequest})`;
    const text2 = `${s.sampleType} ${formatDeltaPercent(s.percent)} at ${s.sha.slice(0, 12)}${pr}: a new level over the ${s.previousBaselines} baseline${s.previousBaselines === 1 ? "" : "s"} before it`;
    if (s.percent > 0) log.warning(text2, { title: `heapgate ${series}: new memory level` });
    else log.info(`heapgate ${series}: ${text2}`);
  }
}
function annotateInconclusive(log, series, report, policy, gating) {
  if (report === null || report.verdict !== "inconclusive" || policy === "pass") return;
  const names = report.metrics.filter((m) => m.status === "inconclusive").map(metricName);
  const text2 = `cannot tell ${names.join(", ")} from the noise. ${report.advice[0] ?? ""}`.trim();
  const title = `heapgate ${series}: inconclusive`;
  if (policy === "fail" && gating) log.error(text2, { title });
  else log.warning(text2, { title });
}
async function postComment(sink, log, issue, policy, context) {
  try {
    const result = await upsertSticky(sink, issue, context.series, renderComment(context), policy, context.verdict);
    if (result.action !== "skipped") log.info(`pull request comment ${result.action}: ${result.url}`);
    return result;
  } catch (e) {
    const status = e instanceof GitHubApiError ? e.status : 0;
    const hint = status === 403 ? "; grant the workflow `pull-requests: write` (a pull request from a fork gets a read-only token)" : "";
    const answered = status > 0 ? `GitHub answered ${status}: ` : "";
    log.warning(
      `could not comment on pull request #${issue}: ${answered}${firstLine(e)}${hint}. The job summary has the report.`,
      {
        title: "heapgate: no pull request comment"
      }
    );
    return null;
  }
}

// src/app/gate/run.ts
async function runGate(config, event, current, ports2) {
  const plan = planRun(config, event);
  const rules = parseRulesInput(config.rules);
  const repair = config.mode === "update" ? null : "re-baseline with mode update";
  const found = await findBaseline(ports2, config.series, plan.lookup, repair);
  const compared = await compare(config, rules, found, current, ports2.load);
  const { verdict, accepted } = await decide(compared.report, plan.pullRequest, config, ports2);
  const update = await updateBaseline(ports2, config, event, plan, verdict, compared.current, current);
  const baseline = found === void 0 ? null : baselineInfo(found, event, ports2.clock);
  const noBaseline = found === void 0 ? await noBaselineOf(config, plan, update, ports2) : null;
  const html = config.htmlReport && compared.report !== null ? renderHtml(compared.report) : null;
  const htmlUrl = html === null ? null : await uploadReport(html, config.series, ports2);
  const context = {
    series: config.series,
    verdict,
    report: compared.report,
    baseline,
    accepted,
    trend: trendPoints(found?.pointer, compared.current),
    reproduce: found === void 0 ? null : reproduceCommand(
      {
        ...config,
        repository: event.repository,
        baselineSha: found.chosen === "latest" ? null : found.stored.metadata.sha
      },
      found.branch
    ),
    noBaseline,
    update,
    htmlReportUrl: htmlUrl
  };
  const { comment, summary: summary2 } = await publish(context, { plan, config, ports: ports2 });
  const json = renderGateJson({
    series: config.series,
    verdict,
    event: event.name,
    sha: plan.sha,
    baseline,
    baselineCreatedAt: found?.stored.metadata.createdAt ?? null,
    accepted,
    update,
    message: found === void 0 ? noBaselineMessage(config, context.noBaseline) : null,
    report: compared.report
  });
  const deltas = {};
  for (const m of compared.report?.metrics ?? []) if (m.pattern === null) deltas[m.sampleType] = m.delta;
  const failing = verdict === "fail" || verdict === "inconclusive" && config.onInconclusive === "fail";
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
    summary: summary2,
    html,
    htmlUrl
  };
}
async function compare(config, rules, found, current, load) {
  const currentSource = { role: "current", label: config.profile.join(" "), bytes: current };
  if (found === void 0) {
    const [summary2] = await load([currentSource], focusPatterns(rules.rules));
    return { report: null, current: summary2 };
  }
  const outcome = await compareProfiles(
    {
      base: sideOf(baselineSource(found)),
      current: sideOf(currentSource),
      rules,
      ...config.confidence !== null ? { confidence: config.confidence } : {},
      top: config.top,
      history: historyRequest(found.pointer, config.history),
      onInconclusive: config.onInconclusive,
      fold: true,
      flame: config.htmlReport
    },
    load
  );
  return { report: outcome.report, current: outcome.summaries.current };
}
async function decide(report, pr, config, ports2) {
  if (report === null) return { verdict: "no-baseline", accepted: null };
  const { acceptLabel } = config;
  const failing = report.verdict === "fail" || report.verdict === "inconclusive" && config.onInconclusive === "fail";
  if (!failing || pr === null || !hasLabel(pr, acceptLabel)) return { verdict: report.verdict, accepted: null };
  return { verdict: "accepted", accepted: { label: acceptLabel, by: await acceptedBy(ports2, pr, acceptLabel) } };
}
function hasLabel(pr, label) {
  const want = label.toLowerCase();
  return pr.labels.some((l) => l.toLowerCase() === want);
}
async function acceptedBy(ports2, pr, label) {
  const e = pr.labelEvent;
  if (e !== null && e.action === "labeled" && e.label.toLowerCase() === label.toLowerCase()) return e.sender;
  if (ports2.pulls === null) return null;
  try {
    return await ports2.pulls.labeledBy(pr.number, label) ?? null;
  } catch (err) {
    ports2.log.info(`could not read who added the ${label} label: ${firstLine(err)}`);
    return null;
  }
}
async function updateBaseline(ports2, config, event, plan, verdict, summary2, profile) {
  if (plan.update === null) return null;
  const { branch } = plan.update;
  if (plan.update.when === "unless-fail" && verdict === "fail") {
    return { branch, sha: plan.sha, result: "skipped", reason: "the verdict is fail and update-baseline is on-pass" };
  }
  const level = await levelOrigin(ports2, config, event, plan);
  const run2 = {
    ...level,
    series: config.series,
    branch,
    sha: plan.sha,
    createdAt: ports2.clock.now().toISOString(),
    ...event.commitTime !== null ? { commitTime: event.commitTime } : {},
    ...event.runId !== null ? { runId: event.runId, runUrl: runUrl(event.serverUrl, event.repository, event.runId) } : {}
  };
  const result = await storeBaseline(ports2.store, run2, summary2, profile);
  const sha = result.metadata.sha;
  ports2.log.info(
    `baseline ${sha.slice(0, 12)} of ${config.series} on ${branch}: object ${result.object}, pointer ${result.pointer}`
  );
  if (result.pointer === "older") return { branch, sha, result: result.pointer };
  const steps = await stepsOf(ports2, config.series, branch, config.history);
  if (config.stepIssue === true) await announceStep(ports2, config.series, event, steps);
  return { branch, sha, result: result.pointer, ...steps.length > 0 ? { steps } : {} };
}
async function announceStep(ports2, series, event, steps) {
  const rises = steps.filter((s) => s.percent > 0);
  if (rises.length === 0) return;
  if (ports2.issues === void 0 || ports2.issues === null) {
    ports2.log.warning("step-issue needs github-token: no issue opened for the new level", {
      title: `heapgate ${series}: step issue`
    });
    return;
  }
  const sha = rises[0].sha;
  const title = stepIssueTitle(series, rises);
  const body = stepIssueBody(series, rises, {
    commitUrl: `${event.serverUrl}/${event.repository}/commit/${sha}`,
    runUrl: event.runId === null ? null : runUrl(event.serverUrl, event.repository, event.runId)
  });
  try {
    const open = await ports2.issues.findOpen(stepIssueMarker(series, sha));
    const issue = open === void 0 ? await ports2.issues.create(title, body) : await ports2.issues.update(open.number, title, body);
    ports2.log.info(
      `${open === void 0 ? "opened" : "updated"} issue #${issue.number} for the new level: ${issue.url}`
    );
  } catch (err) {
    const status = err instanceof GitHubApiError ? err.status : void 0;
    const hint = status === 403 ? " (grant the workflow issues: write)" : status === 410 ? " (issues are disabled)" : "";
    ports2.log.warning(`could not open or update the step issue${hint}: ${firstLine(err)}`, {
      title: `heapgate ${series}: step issue`
    });
  }
}
async function stepsOf(ports2, series, branch, window) {
  if (window <= 0) return [];
  try {
    const pointer = await ports2.store.pointer(series, branch);
    return pointer === void 0 ? [] : newSteps([pointer.current, ...pointer.history].slice(0, window), MIN_STEP_PERCENT);
  } catch (err) {
    ports2.log.info(`could not read the series of ${branch} back to look for a new step: ${firstLine(err)}`);
    return [];
  }
}
async function levelOrigin(ports2, config, event, plan) {
  if (event.name === "workflow_dispatch" && config.mode === "update") {
    return { accepted: { by: event.actor ?? "unknown", how: "update" } };
  }
  if (event.name !== "push" || ports2.pulls === null) return {};
  try {
    const pull = await ports2.pulls.mergedPullOf(plan.sha);
    if (pull === void 0) return {};
    const want = config.acceptLabel.toLowerCase();
    if (!pull.labels.some((l) => l.toLowerCase() === want)) return { pullRequest: pull.number };
    const by = await ports2.pulls.labeledBy(pull.number, config.acceptLabel) ?? "unknown";
    ports2.log.info(`#${pull.number} merged with the ${config.acceptLabel} label: its level is accepted (by ${by})`);
    return { pullRequest: pull.number, accepted: { by, how: "label" } };
  } catch (err) {
    ports2.log.info(
      `could not read the pull request of ${plan.sha.slice(0, 12)}: ${firstLine(err)}; level not accepted`
    );
    return {};
  }
}
function baselineInfo(found, event, clock) {
  const m = found.stored.metadata;
  const created = Date.parse(m.createdAt);
  return {
    sha: m.sha,
    branch: found.branch,
    chosen: found.chosen,
    commitUrl: `${event.serverUrl}/${event.repository}/commit/${m.sha}`,
    runUrl: m.runUrl ?? null,
    ageMs: Number.isNaN(created) ? null : clock.now().getTime() - created
  };
}
function trendPoints(pointer, summary2) {
  const stored = pointer === void 0 ? [] : [...pointer.history].reverse().concat([pointer.current]);
  return [
    ...stored.map((m) => ({
      label: m.sha.slice(0, 7),
      sampleType: m.sampleType,
      total: m.total,
      sha: m.sha,
      ...m.pullRequest !== void 0 ? { pullRequest: m.pullRequest } : {}
    })),
    { label: "this run", sampleType: summary2.sampleType, total: summary2.total }
  ];
}
async function uploadReport(html, series, ports2) {
  if (ports2.reports === null) return null;
  try {
    return (await ports2.reports.upload(html, `heapgate-${series}.html`)).url;
  } catch (e) {
    ports2.log.warning(`could not upload the HTML report as an artifact (${firstLine(e)}); the step goes on without it`);
    return null;
  }
}
async function noBaselineOf(config, plan, update, ports2) {
  const seeded = update !== null && update.result !== "skipped";
  const others = seeded ? { names: [], guess: null } : await otherSeries(ports2, config.series);
  const mistyped = otherSeriesSentence(config.series, others);
  const input = others.branches ? "base-branch" : "series";
  if (mistyped !== null)
    ports2.log.warning(`${mistyped} (check the ${input} input)`, { title: "heapgate: no baseline" });
  return {
    branches: plan.lookup.branches,
    store: ports2.store.location,
    seed: seedCommand(config, plan.lookup.branches.at(-1)),
    otherSeries: others
  };
}
function noBaselineMessage(config, where) {
  const mistyped = otherSeriesSentence(config.series, where.otherSeries);
  const hint = mistyped === null ? "" : ` ${mistyped}.`;
  return `${noBaselineSentence(config.series, where.branches, where.store)}${hint} Seed one by running this action on a push to the default branch, by running the workflow with mode update, or with: ${where.seed}`;
}

// src/action/event.ts
function obj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}
function str(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function need(env, name) {
  const v = env[name];
  if (v === void 0 || v === "")
    throw new UsageError(`${name} is not set: heapgate's action runs inside a GitHub Actions job`);
  return v;
}
function pullRequest(payload) {
  const pr = obj(payload.pull_request);
  if (pr === void 0) return null;
  const base = obj(pr.base);
  const head = obj(pr.head);
  const number = pr.number;
  if (typeof number !== "number" || base === void 0 || head === void 0 || !str(base.ref) || !str(base.sha) || !str(head.sha)) {
    throw new UsageError("the pull_request event payload lacks number, base.ref, base.sha or head.sha");
  }
  const labels = Array.isArray(pr.labels) ? pr.labels.map((l) => str(obj(l)?.name)).filter((l) => l !== void 0) : [];
  const action = payload.action;
  const label = str(obj(payload.label)?.name);
  const sender = str(obj(payload.sender)?.login);
  return {
    number,
    baseRef: str(base.ref),
    baseSha: str(base.sha),
    headSha: str(head.sha),
    headRef: str(head.ref) ?? `pull/${number}`,
    labels,
    labelEvent: (action === "labeled" || action === "unlabeled") && label !== void 0 && sender !== void 0 ? { action, label, sender } : null
  };
}
function gateEvent(env, payload) {
  const p = obj(payload) ?? {};
  const ref = env.GITHUB_REF ?? "";
  const headCommit = obj(p.head_commit);
  const runId = env.GITHUB_RUN_ID;
  return {
    name: need(env, "GITHUB_EVENT_NAME"),
    repository: need(env, "GITHUB_REPOSITORY"),
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    sha: need(env, "GITHUB_SHA"),
    branch: ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null,
    defaultBranch: str(obj(p.repository)?.default_branch) ?? null,
    runId: runId !== void 0 && /^[0-9]{1,20}$/.test(runId) ? runId : null,
    commitTime: str(headCommit?.timestamp) ?? null,
    actor: env.GITHUB_ACTOR !== void 0 && /^[A-Za-z0-9][A-Za-z0-9._[\]-]{0,99}$/.test(env.GITHUB_ACTOR) ? env.GITHUB_ACTOR : null,
    pullRequest: pullRequest(p)
  };
}
var MAX_EVENT_BYTES = 32 * 1024 * 1024;
async function loadEventPayload(env) {
  const path2 = env.GITHUB_EVENT_PATH;
  if (path2 === void 0 || path2 === "") return {};
  let read;
  try {
    read = await readBounded(path2, MAX_EVENT_BYTES);
  } catch {
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path2}: cannot read`);
  }
  if (!read.ok)
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path2}: more than ${MAX_EVENT_BYTES} bytes`);
  const text2 = read.bytes.toString("utf8");
  try {
    return JSON.parse(text2);
  } catch {
    throw new UsageError(`reading the event payload GITHUB_EVENT_PATH=${path2}: not valid JSON`);
  }
}
async function loadGateEvent(env) {
  return gateEvent(env, await loadEventPayload(env));
}

// src/adapters/record-dir.ts
import { constants, promises as fs } from "node:fs";
import path from "node:path";
function recordFileNames(series) {
  validateSeries(series);
  return { manifest: `${series}.manifest.json`, profile: `${series}.profile` };
}
function describe(e) {
  const code = e?.code;
  if (code === "ELOOP") return "is a symbolic link, not a file";
  return describeFsError(e);
}
async function readCapped(file, name, max) {
  let handle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    throw new UsageError(`record ${name}: ${describe(e)}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UsageError(`record ${name}: not a regular file`);
    if (stat.size > max) throw new UsageError(`record ${name}: ${stat.size} bytes, more than the limit of ${max}`);
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    if (at !== stat.size || (await handle.stat()).size !== stat.size)
      throw new UsageError(`record ${name}: changed while being read`);
    return bytes;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`record ${name}: ${describe(e)}`);
  } finally {
    await handle.close();
  }
}
function openRecordDirectory(dir, cwd) {
  const root = path.resolve(cwd, dir);
  return {
    location: dir,
    async write(series, files) {
      const names = recordFileNames(series);
      try {
        await fs.mkdir(root, { recursive: true });
        await fs.writeFile(path.join(root, names.profile), files.profile);
        await fs.writeFile(path.join(root, names.manifest), files.manifest);
      } catch (e) {
        throw new UsageError(
          `input record: writing ${dir}: ${describeFsError(e).replace(/^cannot read/, "cannot write")}`
        );
      }
    },
    async read(series, caps) {
      const names = recordFileNames(series);
      const manifest = await readCapped(path.join(root, names.manifest), names.manifest, caps.maxManifestBytes);
      const text2 = new TextDecoder("utf-8", { fatal: true });
      let manifestText;
      try {
        manifestText = text2.decode(manifest);
      } catch {
        throw new UsageError(`record ${names.manifest}: not UTF-8 text`);
      }
      const profile = await readCapped(path.join(root, names.profile), names.profile, caps.maxProfileBytes);
      return { manifest: manifestText, profile };
    }
  };
}

// src/core/history/record.ts
var RECORD_FORMAT = "heapgate-record";
var RECORD_VERSION = 1;
var MAX_MANIFEST_BYTES = 16 * 1024;
var MAX_RECORD_PROFILE_BYTES = 256 * 1024 * 1024;
var MAX_RECORD_DECOMPRESSED_BYTES = 256 * 1024 * 1024;
function recordLimits(maxProfileBytes) {
  return {
    file: Math.min(MAX_RECORD_PROFILE_BYTES, maxProfileBytes),
    decompressed: Math.min(MAX_RECORD_DECOMPRESSED_BYTES, maxProfileBytes)
  };
}
var DISPLAY_PATH_RE = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]{1,200}$/;
var SHA_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var EVENT_RE = /^[a-z_]{1,50}$/;
var RUN_ID_RE = /^[0-9]{1,20}$/;
function recordedProfilePath(path2) {
  const normalized = path2.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
  if (DISPLAY_PATH_RE.test(normalized)) return normalized;
  const last = normalized.split("/").pop() ?? "";
  return DISPLAY_PATH_RE.test(last) ? last : "profile";
}
function renderManifest(manifest) {
  const doc = { format: RECORD_FORMAT, version: RECORD_VERSION, ...manifest };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function fail(problem) {
  throw new UsageError(`record manifest: ${problem}`);
}
function exact(value, where, keys) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(`${where} is not an object`);
  const got = Object.keys(value);
  const missing = keys.filter((k) => !Object.hasOwn(value, k));
  if (missing.length > 0) fail(`${where} lacks ${missing.join(", ")}`);
  if (got.length !== keys.length) fail(`${where} has fields the schema does not allow`);
  return value;
}
function text(value, where, pattern) {
  if (typeof value !== "string" || !pattern.test(value)) fail(`${where} is not a valid value`);
  return value;
}
function nullable(value, check) {
  return value === null ? null : check(value);
}
function count(value, where, min, max) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max)
    fail(`${where} is not a whole number from ${min} to ${max}`);
  return value;
}
function parseManifest(source) {
  if (source.length > MAX_MANIFEST_BYTES) fail(`larger than ${MAX_MANIFEST_BYTES} bytes`);
  let parsed;
  try {
    parsed = JSON.parse(source);
  } catch {
    fail("not valid JSON");
  }
  const doc = exact(parsed, "the document", ["format", "version", "series", "profile", "run"]);
  if (doc.format !== RECORD_FORMAT) fail(`format is not ${RECORD_FORMAT}`);
  if (doc.version !== RECORD_VERSION) fail(`version is not ${RECORD_VERSION} (made by another heapgate version?)`);
  if (typeof doc.series !== "string") fail("series is not a string");
  try {
    validateSeries(doc.series);
  } catch {
    fail("series is not a valid series name");
  }
  const profile = exact(doc.profile, "profile", ["path", "bytes"]);
  const run2 = exact(doc.run, "run", ["event", "sha", "pullRequest", "runId"]);
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    series: doc.series,
    profile: {
      path: text(profile.path, "profile.path", DISPLAY_PATH_RE),
      bytes: count(profile.bytes, "profile.bytes", 1, MAX_RECORD_PROFILE_BYTES)
    },
    run: {
      event: text(run2.event, "run.event", EVENT_RE),
      sha: text(run2.sha, "run.sha", SHA_RE),
      pullRequest: nullable(run2.pullRequest, (v) => count(v, "run.pullRequest", 1, 2 ** 31 - 1)),
      runId: nullable(run2.runId, (v) => text(v, "run.runId", RUN_ID_RE))
    }
  };
}

// src/app/record/record.ts
async function recordProfile(config, run2, profile, ports2) {
  const label = config.profile;
  const limits = recordLimits(config.maxProfileBytes);
  if (profile.length > limits.file)
    throw new UsageError(`input profile: ${label} has ${profile.length} bytes, more than a record's ${limits.file}`);
  let inner;
  try {
    inner = gunzipProfile(profile, limits.decompressed);
  } catch (e) {
    throw withContext(e, `decoding current profile ${label}: `);
  }
  await ports2.load([{ role: "current", label, bytes: inner }], []);
  const text2 = renderManifest({
    series: config.series,
    profile: { path: recordedProfilePath(config.profile), bytes: profile.length },
    run: run2
  });
  const manifest = parseManifest(text2);
  await ports2.record.write(config.series, { manifest: text2, profile });
  ports2.log.info(`heapgate ${config.series}: recorded ${label} in ${ports2.record.location}`);
  return manifest;
}

// src/core/render/commit-status.ts
var STATUS_DESCRIPTION_LIMIT = 140;
function statusContext(series) {
  return `heapgate/${series}`;
}
function statusText(text2) {
  return truncate(terminalSafe(text2.replace(/\s+/g, " ").trim()), STATUS_DESCRIPTION_LIMIT);
}
function verdictDescription(verdict, report) {
  if (verdict === "no-baseline") return statusText("no-baseline: nothing to compare against yet");
  const broken = (report?.metrics ?? []).filter((m) => m.status === "fail" || m.status === "warn");
  const parts = broken.map((m) => {
    const name = m.benchmark !== void 0 || m.pattern === null ? metricLabel(m) : `${m.sampleType} ~ /${m.pattern}/`;
    return `${name} ${formatSignedValue(m.delta, m.unit)} (${formatDeltaPercent(m.deltaPercent)})`;
  });
  if (parts.length === 0) return statusText(`${verdict}: no rule broken`);
  return statusText(`${verdict}: ${parts.join("; ")}`);
}

// src/app/record/find-pull.ts
function headMatches(pull, head) {
  return pull.state === "open" && pull.headSha === head.sha && (head.repository === null || pull.headRepository?.toLowerCase() === head.repository.toLowerCase()) && (head.branch === null || pull.headRef === head.branch);
}
async function findPullRequest(commits, head, hint, log) {
  const matches = (await commits.pullsOf(head.sha)).filter((p) => headMatches(p, head));
  matches.sort((a, b) => a.number - b.number);
  const hinted = hint === null ? void 0 : matches.find((p) => p.number === hint);
  if (hint !== null && hinted === void 0) {
    log.warning(
      `the record names pull request #${hint}, which is not an open pull request with head ${head.sha.slice(0, 12)}; ignored`,
      { title: "heapgate: record does not match the run" }
    );
  }
  const chosen = hinted ?? matches[0];
  if (chosen === void 0) return void 0;
  if (matches.length > 1)
    log.info(`${matches.length} open pull requests have head ${head.sha.slice(0, 12)}: reporting on #${chosen.number}`);
  return chosen;
}

// src/app/record/report.ts
async function readRecord(record, series, maxProfileBytes) {
  const limits = recordLimits(maxProfileBytes);
  const files = await record.read(series, { maxManifestBytes: MAX_MANIFEST_BYTES, maxProfileBytes: limits.file });
  const manifest = parseManifest(files.manifest);
  if (manifest.series !== series)
    throw new UsageError(`record manifest: made for another series than ${series} (input series)`);
  if (manifest.profile.bytes !== files.profile.length)
    throw new UsageError("record profile: its size differs from the one the manifest gives (truncated or replaced?)");
  try {
    return { manifest, profile: gunzipProfile(files.profile, limits.decompressed) };
  } catch (e) {
    throw withContext(e, `decoding current profile ${manifest.profile.path} (record): `);
  }
}
function stateOf(outcome) {
  return outcome.exitCode !== 0 ? "failure" : "success";
}
async function setStatus(commits, log, event, series, state, description) {
  const targetUrl = event.runId === null ? null : `${event.serverUrl}/${event.repository}/actions/runs/${event.runId}`;
  try {
    await commits.setStatus(event.head.sha, { state, context: statusContext(series), description, targetUrl });
    log.info(`commit status ${statusContext(series)} on ${event.head.sha.slice(0, 12)}: ${state}`);
  } catch (e) {
    const status = e instanceof GitHubApiError ? e.status : 0;
    const hint = status === 403 || status === 404 ? "; grant the workflow `statuses: write`" : "";
    log.warning(`could not set the commit status ${statusContext(series)}: ${firstLine(e)}${hint}`, {
      title: "heapgate: no commit status"
    });
  }
}
async function runReport(config, event, ports2) {
  try {
    const { manifest, profile } = await readRecord(ports2.record, config.series, config.maxProfileBytes);
    if (manifest.run.sha !== event.head.sha)
      ports2.log.warning(
        `the record names commit ${manifest.run.sha.slice(0, 12)}, the run built ${event.head.sha.slice(0, 12)}; reporting on ${event.head.sha.slice(0, 12)}`,
        { title: "heapgate: record does not match the run" }
      );
    const pull = await findPullRequest(ports2.commits, event.head, manifest.run.pullRequest, ports2.log);
    if (pull === void 0)
      ports2.log.warning(
        `no open pull request has head ${event.head.sha.slice(0, 12)}: comparing with the base branch's baseline and setting the commit status, without a comment`,
        { title: "heapgate: no pull request" }
      );
    const gateEvent2 = {
      name: "workflow_run",
      repository: event.repository,
      serverUrl: event.serverUrl,
      sha: event.head.sha,
      branch: null,
      defaultBranch: event.defaultBranch,
      runId: event.runId,
      commitTime: null,
      pullRequest: pull === void 0 ? null : {
        number: pull.number,
        baseRef: pull.baseRef,
        baseSha: pull.baseSha,
        headSha: event.head.sha,
        headRef: pull.headRef,
        labels: pull.labels,
        labelEvent: null
      }
    };
    const outcome = await runGate(
      { ...config, mode: "check", profile: [manifest.profile.path] },
      gateEvent2,
      profile,
      ports2
    );
    const state = stateOf(outcome);
    await setStatus(
      ports2.commits,
      ports2.log,
      event,
      config.series,
      state,
      verdictDescription(outcome.verdict, outcome.report)
    );
    return { ...outcome, pullRequest: pull?.number ?? null, status: state };
  } catch (e) {
    await setErrorStatus(ports2, event, config.series, e);
    throw e;
  }
}
async function setErrorStatus(ports2, event, series, e) {
  await setStatus(ports2.commits, ports2.log, event, series, "error", statusText(`error: ${firstLine(e)}`));
}

// src/action/gate-settings.ts
function gateSettings(config) {
  return {
    baseBranch: config.baseBranch,
    updateBaseline: config.updateBaseline,
    failOnRegression: config.failOnRegression,
    baselineSha: config.baselineSha,
    series: config.series,
    store: config.store,
    rules: config.rules === null ? null : { text: config.rules, origin: "input rules" },
    comment: config.comment,
    acceptLabel: config.acceptLabel,
    confidence: config.confidence,
    top: config.top,
    history: config.history,
    onInconclusive: config.onInconclusive,
    htmlReport: config.htmlReport,
    stepIssue: config.stepIssue
  };
}
function failStepUnlessPassed(series, outcome) {
  if (outcome.exitCode === 0) return;
  const what = outcome.verdict === "inconclusive" ? "inconclusive (on-inconclusive: fail)" : "memory regression";
  setFailed(`heapgate ${series}: ${what} (see the annotations and the job summary)`);
}

// src/action/profile-path.ts
import { basename, isAbsolute, relative, resolve, sep } from "node:path";
function profilePatterns(input) {
  return input.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}
async function readRunProfiles(input, cwd, maxBytes) {
  const patterns = profilePatterns(input);
  const paths = await expandProfilePaths(patterns, cwd, "input profile");
  return {
    patterns,
    paths,
    bytes: await readRunFiles(paths, cwd, maxBytes, "input profile", (p) => `input profile: reading ${p}: `)
  };
}
function repositoryPath(path2, cwd) {
  const rel = relative(resolve(cwd), resolve(cwd, path2));
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return basename(path2);
  return rel.split(sep).join("/");
}
function runProfilesLabel(profiles, cwd) {
  if (profiles.paths.length === 1) return [repositoryPath(profiles.paths[0], cwd)];
  return profiles.patterns.map((p) => repositoryPath(p, cwd));
}

// src/action/workflow-run.ts
function obj2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}
function str2(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function workflowRunEvent(env, payload) {
  if (env.GITHUB_EVENT_NAME !== "workflow_run")
    throw new UsageError(
      `mode report runs in a workflow triggered by workflow_run, not ${env.GITHUB_EVENT_NAME ?? "an unknown event"} (see "Pull requests from forks" in docs/action.md)`
    );
  const repository = env.GITHUB_REPOSITORY;
  if (repository === void 0 || repository === "")
    throw new UsageError("GITHUB_REPOSITORY is not set: heapgate's action runs inside a GitHub Actions job");
  const p = obj2(payload) ?? {};
  const run2 = obj2(p.workflow_run);
  const sha = str2(run2?.head_sha);
  if (run2 === void 0 || sha === void 0 || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha))
    throw new UsageError("the workflow_run event payload lacks a valid workflow_run.head_sha");
  const runId = env.GITHUB_RUN_ID;
  return {
    repository,
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    runId: runId !== void 0 && /^[0-9]{1,20}$/.test(runId) ? runId : null,
    defaultBranch: str2(obj2(p.repository)?.default_branch) ?? null,
    head: {
      sha,
      repository: str2(obj2(run2.head_repository)?.full_name) ?? null,
      branch: str2(run2.head_branch) ?? null
    }
  };
}

// src/action/fork-modes.ts
var setOutput2 = (name, value) => setOutput(name, value);
var actionLog = {
  info: (m) => info(m),
  warning: (m, p) => warning(m, p ?? {}),
  error: (m, p) => error(m, p ?? {})
};
async function recordMode(config, env, cwd) {
  const event = gateEvent(env, await loadEventPayload(env));
  const profiles = await readRunProfiles(config.profile, cwd, config.maxProfileBytes);
  const bytes = profiles.bytes;
  const pr = event.pullRequest;
  await recordProfile(
    {
      series: config.series,
      profile: runProfilesLabel(profiles, cwd).join(" "),
      maxProfileBytes: config.maxProfileBytes
    },
    {
      event: event.name,
      sha: (pr?.headSha ?? event.sha).toLowerCase(),
      pullRequest: pr?.number ?? null,
      runId: event.runId
    },
    bytes,
    {
      load: createProfileLoader({ maxProfileBytes: config.maxProfileBytes }),
      record: openRecordDirectory(config.record, cwd),
      log: actionLog
    }
  );
  setOutput2("record", config.record);
  return 0;
}
async function reportMode(config, env, cwd, door) {
  const event = workflowRunEvent(env, await loadEventPayload(env));
  const token = config.githubToken;
  const { createCommitInfo } = await import("./chunks/github-commit-O5UGKKVE.js");
  const commits = createCommitInfo({ token, repository: event.repository });
  const record = openRecordDirectory(config.record, cwd);
  const store = await openStore(config.store, {
    cwd,
    access: "read",
    github: { token, repository: event.repository, hint: "set the github-token input (contents: read compares)" }
  }).catch(async (e) => {
    await setErrorStatus({ commits, log: actionLog }, event, config.series, e);
    throw e;
  });
  const outcome = await runReport({ ...gateSettings(config), maxProfileBytes: config.maxProfileBytes }, event, {
    ...await door.ports(event, store),
    record,
    commits
  });
  await door.finish(outcome);
  setOutput2("pull-request", outcome.pullRequest === null ? "" : String(outcome.pullRequest));
  setOutput2("commit-status", outcome.status);
  info(`heapgate ${config.series}: ${outcome.verdict}`);
  failStepUnlessPassed(config.series, outcome);
  return outcome.exitCode;
}

// src/action/inputs.ts
var INPUTS = {
  profile: {
    description: "Path or glob of this run's heap profile (pprof protobuf, gzipped or not, or Go's legacy text format), or of its go test -bench -benchmem output. Several lines, or a glob matching several files, are runs of the same code: their per-run means are compared and stored together. Required, except with mode report (the profile comes from the record).",
    default: "",
    required: false
  },
  series: {
    description: 'Name of the baseline series (one per profiled program or benchmark): 1-100 letters, digits, ".", "_" or "-". Each series has its own baselines and its own pull-request comment.',
    default: "default",
    required: false
  },
  store: {
    description: "Where baselines live: branch:NAME (a branch of this repository, written with github-token; needs contents: write to store, contents: read to compare), gs://bucket/prefix (Google Cloud Storage) or a directory path.",
    default: "branch:heapgate-baselines",
    required: false
  },
  rules: {
    description: `Extra rules, one per line, in heapgate's rule syntax (e.g. "inuse_space +10% min 1MiB", "alloc_space for ^mypkg\\.: +5%"); added to the default rules.`,
    default: "",
    required: false
  },
  mode: {
    description: "auto: by event (pull_request compares, push to the base branch compares and stores); check: compare only; update: store this run as the baseline (re-baseline); record: check the profile and write it with the run's metadata into the record directory, for a fork's pull request (no store, no API); report: in a workflow_run workflow, read that record, compare, comment on the pull request and set the commit status heapgate/<series>.",
    default: "auto",
    required: false
  },
  record: {
    description: "Directory of the record (mode record writes it, mode report reads it): <series>.manifest.json and <series>.profile. Upload it with actions/upload-artifact, download it with actions/download-artifact.",
    default: "heapgate-record",
    required: false
  },
  "base-branch": {
    description: "Branch whose baselines pull requests fall back to and pushes to which become baselines. Default: the repository's default branch.",
    default: "",
    required: false
  },
  "github-token": {
    description: "Token for the pull-request comment (needs pull-requests: write) and a branch: store (contents: write to store baselines, contents: read to compare). Empty: no comment.",
    default: "${{ github.token }}",
    required: false
  },
  comment: {
    description: "When to write the sticky pull-request comment: always, on-change (the verdict is warn, fail or accepted), on-regression (the verdict is fail or accepted) or never. An existing comment is always kept up to date.",
    default: "on-change",
    required: false
  },
  "fail-on-regression": {
    description: "Fail the step when the verdict is fail (and the pull request does not carry the accept label).",
    default: "true",
    required: false
  },
  "accept-label": {
    description: "A pull-request label that accepts a regression: the step passes and the report records who accepted it.",
    default: "heapgate:accept",
    required: false
  },
  confidence: {
    description: "The z score a change must reach to count as real rather than sampling noise.",
    default: String(DEFAULT_CONFIDENCE),
    required: false
  },
  top: { description: "Functions listed per sample type in the report (0 = all).", default: "10", required: false },
  history: {
    description: `How many of the latest baselines of the branch calibrate the run-to-run noise (their stored totals, no profile download); at least ${MIN_HISTORY_BASELINES} are needed. 0 = off (sampling noise only).`,
    default: String(DEFAULT_HISTORY_WINDOW),
    required: false
  },
  "on-inconclusive": {
    description: "When the noise hides a change as large as a rule's threshold (verdict inconclusive): pass (the report says so), warn (also a warning annotation) or fail (the step fails).",
    default: "pass",
    required: false
  },
  "max-profile-size": {
    description: "Refuse a profile (this run's or a baseline) larger than this, as a file or decompressed: e.g. 1GiB, 256MiB or a number of bytes.",
    default: "1GiB",
    required: false
  },
  "keep-profiles": {
    description: "With a branch: store, how many profiles it keeps per series and branch (at least 1; the current baseline is always kept); older ones keep their metadata, so the history and the trend go on.",
    default: String(DEFAULT_KEEP_PROFILES),
    required: false
  },
  "update-baseline": {
    description: "On pushes to the base branch: always (every merged run becomes the baseline; a regression is reported but does not fail the step) or on-pass (only runs whose verdict is not fail; a fail fails the step).",
    default: "always",
    required: false
  },
  "html-report": {
    description: "Write the HTML report (differential flame graph and heat table per sample type) next to the JSON report, and upload it as a workflow artifact linked from the comment and the job summary; its path is the html-report output, its page report-url.",
    default: "true",
    required: false
  },
  "step-issue": {
    description: "On pushes to the default branch, open a GitHub issue for each new level of the series (a step up of at least 2 %), or update the open one of that step (found by a hidden marker, so re-runs never open another). Needs github-token and the permission issues: write.",
    default: "false",
    required: false
  },
  "baseline-sha": {
    description: "Compare against this commit's baseline instead of the base branch's latest (e.g. from a workflow_dispatch input).",
    default: "",
    required: false
  }
};
var ACTION_MODES = [...MODES, "record", "report"];
function invalid(name, value, allowed) {
  return new UsageError(`input ${name}: ${JSON.stringify(value)} is not allowed; ${allowed}`);
}
function choice(name, value, allowed) {
  if (allowed.includes(value)) return value;
  throw invalid(name, value, `use one of ${allowed.join(", ")}`);
}
function bool(name, value) {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw invalid(name, value, "use true or false");
}
function wrap(name, fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`input ${name}: ${e.message}`);
    throw e;
  }
}
function parseInputs(get) {
  const value = (name) => {
    const raw = get(name).trim();
    return raw !== "" ? raw : INPUTS[name].default;
  };
  for (const name of Object.keys(INPUTS)) {
    if (INPUTS[name].required && value(name) === "")
      throw new UsageError(`input ${name} is required: ${INPUTS[name].description}`);
  }
  const mode = choice("mode", value("mode"), ACTION_MODES);
  if (mode !== "report" && value("profile") === "")
    throw new UsageError(`input profile is required: ${INPUTS.profile.description}`);
  if (mode === "report" && value("profile") !== "")
    throw new UsageError("input profile: not used with mode report, whose profile comes from the record");
  const confidenceText = value("confidence");
  const confidence = Number(confidenceText);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(confidenceText) || !Number.isFinite(confidence)) {
    throw invalid("confidence", confidenceText, "use a number \u2265 0, e.g. 3");
  }
  const topText = value("top");
  if (!/^[0-9]{1,9}$/.test(topText)) throw invalid("top", topText, "use a whole number \u2265 0 (0 = all)");
  const historyText = value("history");
  if (!/^[0-9]{1,9}$/.test(historyText)) throw invalid("history", historyText, "use a whole number \u2265 0 (0 = off)");
  const historyProblem = historyWindowProblem(Number(historyText));
  if (historyProblem !== null) throw invalid("history", historyText, historyProblem);
  const keepText = value("keep-profiles");
  if (!/^[0-9]{1,9}$/.test(keepText) || Number(keepText) < 1) {
    throw invalid("keep-profiles", keepText, "use a whole number \u2265 1");
  }
  const maxProfileBytes = parseByteSize(value("max-profile-size"));
  if (maxProfileBytes === null) {
    throw invalid("max-profile-size", value("max-profile-size"), "use a size such as 1GiB, 256MiB or 1000000");
  }
  const baseBranch = value("base-branch");
  const baselineSha = value("baseline-sha");
  const token = value("github-token");
  const githubToken = token === "" || token.startsWith("${{") ? null : token;
  if (mode === "report" && githubToken === null)
    throw new UsageError(
      "input github-token is required with mode report (it finds the pull request, comments and sets the status)"
    );
  const rules = value("rules");
  return {
    profile: value("profile"),
    series: wrap("series", () => validateSeries(value("series"))),
    store: value("store"),
    record: value("record"),
    rules: rules === "" ? null : rules,
    mode,
    baseBranch: baseBranch === "" ? null : wrap("base-branch", () => (encodeBranch(baseBranch), baseBranch)),
    githubToken,
    comment: choice("comment", value("comment"), COMMENT_POLICIES),
    failOnRegression: bool("fail-on-regression", value("fail-on-regression")),
    acceptLabel: value("accept-label"),
    confidence,
    top: Number(topText),
    history: Number(historyText),
    keepProfiles: Number(keepText),
    onInconclusive: choice("on-inconclusive", value("on-inconclusive"), INCONCLUSIVE_POLICIES),
    htmlReport: bool("html-report", value("html-report")),
    stepIssue: bool("step-issue", value("step-issue")),
    maxProfileBytes,
    updateBaseline: choice("update-baseline", value("update-baseline"), UPDATE_POLICIES),
    baselineSha: baselineSha === "" ? null : wrap("baseline-sha", () => normalizeSha(baselineSha))
  };
}

// src/action/main.ts
var DELTA_OUTPUTS = {
  inuse_space: "inuse-space-delta",
  inuse_objects: "inuse-objects-delta",
  alloc_space: "alloc-space-delta",
  alloc_objects: "alloc-objects-delta"
};
function gateConfig(config, mode, profile) {
  return { ...gateSettings(config), mode, profile };
}
async function ports(config, event, store, env) {
  const { repository } = event;
  const github = config.githubToken === null ? null : (await import("./chunks/github-JIYZLG2E.js")).createGitHubPorts({ token: config.githubToken, repository });
  return {
    store,
    load: createProfileLoader({ maxProfileBytes: config.maxProfileBytes }),
    comments: github?.comments ?? null,
    pulls: github?.pulls ?? null,
    issues: github?.issues ?? null,
    summary: { append: async (markdown) => void await summary.addRaw(markdown, true).write() },
    clock: { now: () => /* @__PURE__ */ new Date() },
    log: {
      info: (m) => info(m),
      warning: (m, p) => warning(m, p ?? {}),
      error: (m, p) => error(m, p ?? {})
    },
    reports: config.htmlReport && event.runId !== null ? artifactUploader(env, {
      serverUrl: event.serverUrl,
      repository,
      runId: event.runId,
      tempDir: env.RUNNER_TEMP || tmpdir()
    }) : null
  };
}
async function writeReports(outcome, series, env) {
  const dir = env.RUNNER_TEMP || process.cwd();
  await mkdir(dir, { recursive: true });
  const json = join3(dir, `heapgate-${series}.json`);
  await writeFile2(json, outcome.json);
  if (outcome.html === null) return { json, html: "" };
  const html = join3(dir, `heapgate-${series}.html`);
  await writeFile2(html, outcome.html);
  return { json, html };
}
function setOutputs(outcome, reports) {
  const set = (name, value) => setOutput(name, value);
  set("verdict", outcome.verdict);
  set("report", reports.json);
  set("html-report", reports.html);
  set("report-url", outcome.htmlUrl ?? "");
  set("baseline-sha", outcome.baseline?.sha ?? "");
  set("comment-url", outcome.comment?.url ?? "");
  for (const [type, name] of Object.entries(DELTA_OUTPUTS)) {
    const d = outcome.deltas[type];
    set(name, d === void 0 ? "" : String(d));
  }
}
async function main(env = process.env, cwd = process.cwd()) {
  enableLinearRegExp();
  try {
    const token = getInput("github-token");
    if (token !== "") setSecret(token);
    const config = parseInputs((name) => getInput(name));
    if (config.mode === "record") return await recordMode(config, env, cwd);
    if (config.mode === "report") {
      const finish = async (outcome2) => setOutputs(outcome2, await writeReports(outcome2, config.series, env));
      return await reportMode(config, env, cwd, { ports: (e, store2) => ports(config, e, store2, env), finish });
    }
    const event = await loadGateEvent(env);
    const profiles = await readRunProfiles(config.profile, cwd, config.maxProfileBytes);
    const gate = gateConfig(config, config.mode, runProfilesLabel(profiles, cwd));
    const access = planRun(gate, event).update === null ? "read" : "write";
    const store = await openStore(config.store, {
      cwd,
      access,
      keepProfiles: config.keepProfiles,
      github: {
        token: config.githubToken ?? void 0,
        repository: event.repository,
        hint: "set the github-token input (contents: write stores baselines, contents: read compares)"
      }
    });
    const outcome = await runGate(gate, event, profiles.bytes, await ports(config, event, store, env));
    setOutputs(outcome, await writeReports(outcome, config.series, env));
    info(`heapgate ${config.series}: ${outcome.verdict}`);
    failStepUnlessPassed(config.series, outcome);
    return outcome.exitCode;
  } catch (e) {
    const message = e instanceof HeapgateError ? `heapgate: ${oneLine(e.message)}` : `heapgate: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}`;
    setFailed(message);
    await summarizeError(message);
    return e instanceof HeapgateError ? e.exitCode : ExitCode.internal;
  }
}
async function summarizeError(message) {
  try {
    await summary.addRaw(`### \u26D4 heapgate: error

${markdownCode(message, false)}
`, true).write();
  } catch {
  }
}
async function run() {
  printWarningsAs((line) => warning(line));
  process.exitCode = await main();
}

// src/action/index.ts
void run();
