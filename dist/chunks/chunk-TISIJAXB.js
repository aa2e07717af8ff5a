import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  MAX_PROFILE_SIZE_OPTION,
  parseChoice,
  parseMaxProfileSize,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  readRulesArgument
} from "./chunk-JZERAVAP.js";
import {
  DEFAULT_CONFIDENCE,
  INCONCLUSIVE_POLICIES,
  culprit,
  detectableCell,
  driftLines,
  failingFunctionKeys,
  historyLines,
  metricLabel,
  noiseHeaders,
  parseRulesInput,
  renderHtml,
  renderJsonChunks,
  renderMarkdown,
  runsSentence,
  significanceRule,
  statusCounts,
  zCell
} from "./chunk-22KJ6QHR.js";
import {
  describeFsError,
  expandProfilePaths,
  formatDeltaPercent,
  formatPprofPercent,
  formatSignedValue,
  formatValue,
  terminalSafe
} from "./chunk-XNLCYWZF.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/core/render/table.ts
function layoutTable(columns, rows, paint = (_r, _c, cell) => cell) {
  const widths = columns.map((c) => width(c.header));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i], width(row[i] ?? ""));
  }
  const line = (cells, row) => cells.map((cell, i) => {
    const gap = " ".repeat(widths[i] - width(cell));
    const shown = row < 0 ? cell : paint(row, i, cell);
    return columns[i].align === "right" ? gap + shown : shown + gap;
  }).join("  ").trimEnd();
  return [
    line(
      columns.map((c) => c.header),
      -1
    ),
    ...rows.map((r, i) => line(r, i))
  ];
}
function* streamTable(columns, rowCount, cellsOf) {
  const widths = columns.map((c) => width(c.header));
  for (let r = 0; r < rowCount; r++) {
    const row = cellsOf(r);
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i], width(row[i] ?? ""));
  }
  const line = (cells) => cells.map((cell, i) => {
    const gap = " ".repeat(widths[i] - width(cell));
    return columns[i].align === "right" ? gap + cell : cell + gap;
  }).join("  ").trimEnd();
  yield line(columns.map((c) => c.header));
  for (let r = 0; r < rowCount; r++) yield line(cellsOf(r));
}
function width(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

// src/core/render/text.ts
var COLOURS = { fail: "31", warn: "33", inconclusive: "33", pass: "32" };
var CHUNK = 1 << 16;
function* renderTextChunks(report, options) {
  const paint = (status, text) => options.color ? `\x1B[${COLOURS[status]}m${text}\x1B[0m` : text;
  const lines = [];
  const c = culpritLine(report);
  const verdict = paint(report.verdict, verdictWord(report.verdict));
  lines.push(`heapgate: ${verdict}  ${c === "" ? "" : `${c}  `}${summaryLine(report)}`);
  lines.push(`base:    ${terminalSafe(report.base)}`);
  lines.push(`current: ${terminalSafe(report.current)}`);
  const runs = runsSentence(report);
  if (runs !== null) lines.push(runs);
  for (const w of report.warnings) lines.push(`${paint("warn", "warning:")} ${terminalSafe(w)}`);
  lines.push("");
  if (report.metrics.length === 0) {
    lines.push("No metrics compared.");
  } else {
    const table = layoutTable(
      [
        { header: "metric", align: "left" },
        { header: "base", align: "right" },
        { header: "current", align: "right" },
        { header: "\u0394", align: "right" },
        { header: "\u0394%", align: "right" },
        { header: noiseHeaders(report)[0], align: "right" },
        { header: noiseHeaders(report)[1], align: "right" },
        { header: "rule", align: "left" },
        { header: "status", align: "left" }
      ],
      report.metrics.map(metricRow),
      (row, col, cell) => col === 8 ? paint(report.metrics[row].status, cell) : cell
    );
    lines.push(...table);
  }
  const history = historyLines(report, terminalSafe);
  if (history.length > 0) lines.push("", "Run-to-run noise from the history:", ...history.map((h) => `  ${h}`));
  const drift = driftLines(report, terminalSafe);
  if (drift.length > 0) lines.push("", "Drift from the series' reference level:", ...drift.map((d) => `  ${d}`));
  if (report.advice.length > 0) {
    lines.push("", "Inconclusive: to make it conclusive:", ...report.advice.map((a) => `  - ${a}`));
  }
  let out = lines.join("\n");
  for (const type of tableTypes(report)) {
    for (const line of ["", ...functionTable(report, type)]) {
      out += `
${line}`;
      if (out.length >= CHUNK) {
        yield out;
        out = "";
      }
    }
  }
  yield `${out}
`;
}
function culpritLine(report) {
  const c = culprit(report);
  if (c === null) return "";
  const metrics = c.metrics.map((m) => `${terminalSafe(m.name)} ${m.change}`).join(", ");
  return c.function === null ? metrics : `${metrics} \u2014 ${terminalSafe(c.function.name)} ${c.function.change}`;
}
function tableTypes(report) {
  const types = failingFunctionKeys(report).filter((t) => t in report.functions);
  if (!types.includes(report.sampleType) && report.sampleType in report.functions) types.push(report.sampleType);
  return types;
}
function restWords(count) {
  return `${count} more function${count === 1 ? "" : "s"}`;
}
function verdictWord(verdict) {
  return verdict.toUpperCase();
}
function summaryLine(report) {
  return `(${statusCounts(report)}; a change is real when ${significanceRule(report)})`;
}
function metricName(m) {
  return terminalSafe(metricLabel(m));
}
function metricRow(m) {
  return [
    metricName(m),
    formatValue(m.base, m.unit),
    formatValue(m.current, m.unit),
    formatSignedValue(m.delta, m.unit),
    formatDeltaPercent(m.deltaPercent),
    zCell(m),
    detectableCell(m),
    m.rule === null ? "-" : terminalSafe(m.rule),
    m.status === m.partStatus ? m.status : `${m.status} (own ${m.partStatus})`
  ];
}
function* functionTable(report, type) {
  const rows = report.functions[type] ?? [];
  const total = report.totals[type];
  const unit = total?.unit ?? "";
  const baseTotal = total?.base ?? 0;
  const count = report.functionCount[type] ?? rows.length;
  yield `Type: ${type}`;
  if (rows.length === 0) {
    yield count === 0 ? "No function changed." : `No function shown of ${count}.`;
    return;
  }
  const shown = rows.length === count ? `all ${count} functions` : `top ${rows.length} of ${count} functions`;
  const accounted = rows.reduce((sum, f) => sum + f.flatDelta, 0);
  const ofBase = baseTotal === 0 ? `the base total is ${formatValue(0, unit)}` : `${formatPprofPercent(accounted, baseTotal).trim()} of the base total ${formatValue(baseTotal, unit)}`;
  yield `Showing ${shown} by |flat \u0394|, accounting for ${formatSignedValue(accounted, unit)} (${ofBase})`;
  const sums = new Float64Array(rows.length);
  let flatSum = 0;
  for (let i = 0; i < rows.length; i++) sums[i] = flatSum += rows[i].flatDelta;
  const cellsOf = (i) => {
    const f = rows[i];
    return [
      formatSignedValue(f.flatDelta, unit),
      formatPprofPercent(f.flatDelta, baseTotal).trim(),
      formatPprofPercent(sums[i], baseTotal).trim(),
      formatSignedValue(f.cumDelta, unit),
      formatPprofPercent(f.cumDelta, baseTotal).trim(),
      terminalSafe(f.name)
    ];
  };
  yield* streamTable(
    [
      { header: "flat \u0394", align: "right" },
      { header: "flat%", align: "right" },
      { header: "sum%", align: "right" },
      { header: "cum \u0394", align: "right" },
      { header: "cum%", align: "right" },
      { header: "name", align: "left" }
    ],
    rows.length,
    cellsOf
  );
  const rest = report.rest[type];
  if (rest !== void 0 && rest.count > 0) {
    yield `\u2026 ${restWords(rest.count)}, flat \u0394 ${formatSignedValue(rest.flatDelta, unit)} together`;
  }
}

// src/core/render/index.ts
var FORMATS = ["text", "markdown", "json", "html"];
function render(report, format, options) {
  switch (format) {
    case "text":
      return renderTextChunks(report, { color: options.color });
    case "markdown":
      return [renderMarkdown(report)];
    case "json":
      return renderJsonChunks(report);
    case "html":
      return [renderHtml(report)];
  }
}

// src/cli/profile-args.ts
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
function splitList(arg) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (c === "{") depth++;
    else if (c === "}" && depth > 0) depth--;
    else if (c === "," && depth === 0) {
      parts.push(arg.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(arg.slice(start));
  return parts.filter((p) => p !== "");
}
async function sidePatterns(arg, cwd) {
  if (!arg.includes(",") || await isFile(resolve(cwd, arg))) return [arg];
  return splitList(arg);
}
var ONE_ARGUMENT_LIST = "give the paths as one comma-separated argument (run1.pb.gz,run2.pb.gz)";
async function profileSide(patterns, role, cwd, what, several) {
  const paths = await expandProfilePaths(patterns, cwd, what, several);
  return {
    label: patterns.join(" "),
    runs: paths.map((p) => ({ role, label: p, path: resolve(cwd, p) }))
  };
}

// src/cli/report-args.ts
import { writeFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";
var DEFAULT_TOP = { text: 10, markdown: 10, json: 0, html: 0 };
function reportOptions(rulesDescription) {
  return {
    rules: { type: "string", value: "TEXT|@FILE", description: rulesDescription },
    format: { type: "string", value: "FORMAT", description: `report format: ${FORMATS.join(", ")} (default text)` },
    top: {
      type: "string",
      value: "N",
      description: "functions listed per sample type; 0 = all (default 10; json and html: all)"
    },
    "sample-index": {
      type: "string",
      value: "T",
      description: "sample type whose functions the text report lists (name or index)"
    },
    confidence: {
      type: "string",
      value: "Z",
      description: `the z a change must reach to count as real (default ${DEFAULT_CONFIDENCE})`
    },
    "on-inconclusive": {
      type: "string",
      value: "P",
      description: "when the noise hides a change as large as a threshold: pass (exit 0), warn (exit 0, a line on stderr) or fail (exit 1); default pass"
    },
    output: {
      type: "string",
      value: "FILE",
      description: "write the report to FILE instead of standard output (the verdict still goes to stderr)"
    },
    ...MAX_PROFILE_SIZE_OPTION,
    help: { type: "boolean", short: "h", description: "show this help" }
  };
}
function str(values, name) {
  return values[name];
}
function parseFormat(values) {
  const format = str(values, "format");
  return format === void 0 ? "text" : parseChoice("--format", format, FORMATS);
}
async function parseReportArgs(values, format, cwd) {
  const rulesValue = str(values, "rules");
  const rulesInput = rulesValue === void 0 ? void 0 : await readRulesArgument(rulesValue, cwd);
  const topValue = str(values, "top");
  const top = topValue === void 0 ? DEFAULT_TOP[format] : parseNonNegativeInt("--top", topValue);
  const confidenceValue = str(values, "confidence");
  const confidence = confidenceValue === void 0 ? void 0 : parseNonNegativeNumber("--confidence", confidenceValue);
  return {
    rules: parseRulesInput(rulesInput),
    format,
    top,
    sampleIndex: str(values, "sample-index"),
    confidence,
    onInconclusive: parseChoice("--on-inconclusive", str(values, "on-inconclusive") ?? "pass", INCONCLUSIVE_POLICIES),
    output: str(values, "output"),
    maxProfileBytes: parseMaxProfileSize(values)
  };
}
function verdictSummary(report) {
  return `${report.verdict} (${statusCounts(report)})`;
}
function loaderOptions(args) {
  return args.maxProfileBytes === void 0 ? {} : { maxProfileBytes: args.maxProfileBytes };
}
function reportRequest(args) {
  return {
    rules: args.rules,
    confidence: args.confidence,
    top: args.top,
    sampleIndex: args.sampleIndex,
    flame: args.format === "html",
    // --top 0 asks for every function: nothing is folded then.
    fold: (args.format === "text" || args.format === "markdown") && args.top !== 0,
    onInconclusive: args.onInconclusive
  };
}
function noteInconclusive(report, args, io) {
  if (report.verdict !== "inconclusive" || args.onInconclusive === "pass") return;
  const names = report.metrics.filter((m) => m.status === "inconclusive").map((m) => m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${m.pattern}`);
  const exit = args.onInconclusive === "fail" ? " (exit 1: --on-inconclusive fail)" : "";
  io.stderr(
    `heapgate: inconclusive${exit}: the noise hides a change as large as the threshold of ${terminalSafe(names.join(", "))}
`
  );
}
function reportColor(args, io) {
  return args.output === void 0 && io.stdoutIsTTY && io.env.NO_COLOR === void 0;
}
async function emitReport(chunks, args, io, verdict) {
  if (args.output === void 0) {
    for (const chunk of chunks) {
      io.stdout(chunk);
      await io.drained();
    }
    return;
  }
  try {
    await writeFile(resolve2(io.cwd, args.output), chunks);
    io.stderr(`heapgate: ${terminalSafe(verdict)}; report written to ${terminalSafe(args.output)}
`);
  } catch (e) {
    const why = e.code === "ENOENT" ? "no such directory" : describeFsError(e).replace("cannot read", "cannot write");
    throw new UsageError(`writing report ${args.output}: ${why}`);
  }
}

export {
  render,
  sidePatterns,
  ONE_ARGUMENT_LIST,
  profileSide,
  reportOptions,
  parseFormat,
  parseReportArgs,
  verdictSummary,
  loaderOptions,
  reportRequest,
  noteInconclusive,
  reportColor,
  emitReport
};
