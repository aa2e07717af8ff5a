import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  compareProfiles,
  createProfileLoader,
  describeFsError,
  formatDeltaPercent,
  formatPprofPercent,
  formatSignedValue,
  formatValue,
  formatZ,
  renderJson,
  renderMarkdown,
  terminalSafe
} from "./chunk-DKNZ24FJ.js";
import {
  UsageError
} from "./chunk-X72NLQDY.js";

// src/cli/commands/diff.ts
import { writeFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";

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
  return [line(columns.map((c) => c.header), -1), ...rows.map((r, i) => line(r, i))];
}
function width(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

// src/core/render/text.ts
var COLOURS = { fail: "31", warn: "33", noise: "33", pass: "32" };
function renderText(report, options) {
  const paint = (status, text) => options.color ? `\x1B[${COLOURS[status]}m${text}\x1B[0m` : text;
  const lines = [];
  lines.push(`heapgate: ${paint(report.verdict, verdictWord(report.verdict))}  ${summaryLine(report)}`);
  lines.push(`base:    ${terminalSafe(report.base)}`);
  lines.push(`current: ${terminalSafe(report.current)}`);
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
        { header: "z", align: "right" },
        { header: "rule", align: "left" },
        { header: "status", align: "left" }
      ],
      report.metrics.map(metricRow),
      (row, col, cell) => col === 7 ? paint(report.metrics[row].status, cell) : cell
    );
    lines.push(...table);
  }
  lines.push("");
  lines.push(...functionTable(report));
  return `${lines.join("\n")}
`;
}
function verdictWord(verdict) {
  return verdict.toUpperCase();
}
function summaryLine(report) {
  const count = (s) => report.metrics.filter((m) => m.status === s).length;
  const parts = [`${count("fail")} failed`, `${count("warn")} warned`, `${count("noise")} within noise`];
  return `(${parts.join(", ")}; a change is real when |z| \u2265 ${report.confidence})`;
}
function metricName(m) {
  return m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${terminalSafe(m.pattern)}`;
}
function metricRow(m) {
  return [
    metricName(m),
    formatValue(m.base, m.unit),
    formatValue(m.current, m.unit),
    formatSignedValue(m.delta, m.unit),
    formatDeltaPercent(m.deltaPercent),
    formatZ(m.z),
    m.rule === null ? "-" : terminalSafe(m.rule),
    m.status
  ];
}
function functionTable(report) {
  const type = report.sampleType;
  const rows = report.functions[type] ?? [];
  const total = report.totals[type];
  const unit = total?.unit ?? "";
  const baseTotal = total?.base ?? 0;
  const count = report.functionCount[type] ?? rows.length;
  const out = [`Type: ${type}`];
  const shown = rows.length === count ? `all ${count} functions` : `top ${rows.length} of ${count} functions`;
  const accounted = rows.reduce((sum, f) => sum + f.flatDelta, 0);
  out.push(
    `Showing ${shown} by |flat \u0394|, accounting for ${formatSignedValue(accounted, unit)} (${formatPprofPercent(accounted, baseTotal).trim()} of the base total ${formatValue(baseTotal, unit)})`
  );
  if (rows.length === 0) return out;
  let flatSum = 0;
  const cells = rows.map((f) => {
    flatSum += f.flatDelta;
    return [
      formatSignedValue(f.flatDelta, unit),
      formatPprofPercent(f.flatDelta, baseTotal).trim(),
      formatPprofPercent(flatSum, baseTotal).trim(),
      formatSignedValue(f.cumDelta, unit),
      formatPprofPercent(f.cumDelta, baseTotal).trim(),
      terminalSafe(f.name)
    ];
  });
  out.push(
    ...layoutTable(
      [
        { header: "flat \u0394", align: "right" },
        { header: "flat%", align: "right" },
        { header: "sum%", align: "right" },
        { header: "cum \u0394", align: "right" },
        { header: "cum%", align: "right" },
        { header: "name", align: "left" }
      ],
      cells
    )
  );
  return out;
}

// src/core/render/index.ts
var FORMATS = ["text", "markdown", "json"];
function render(report, format, options) {
  switch (format) {
    case "text":
      return renderText(report, { color: options.color });
    case "markdown":
      return renderMarkdown(report);
    case "json":
      return renderJson(report);
  }
}

// src/cli/args.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
function listOptions(table) {
  return Object.keys(table).map((name) => `--${name}`).join(", ");
}
function parseCommandArgs(argv, table) {
  const options = {};
  for (const [name, spec] of Object.entries(table)) {
    options[name] = spec.short === void 0 ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    throw new UsageError(describeParseError(e, table));
  }
}
function describeParseError(e, table) {
  const code = e.code;
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted.split(/\s/)[0]}; valid options: ${listOptions(table)}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name = quoted.split(/[\s,]/).find((part) => part.startsWith("--")) ?? quoted;
      const spec = table[name.replace(/^--/, "")];
      return spec?.type === "boolean" ? `option ${name} takes no value` : `option ${name} needs a value`;
    }
    default:
      return message.split("\n", 1)[0] ?? "invalid arguments";
  }
}
function parseNonNegativeInt(option, text) {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${option} must be a non-negative integer, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}
function parseNonNegativeNumber(option, text) {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`${option} must be a number \u2265 0, got ${JSON.stringify(text)}`);
  }
  return n;
}
function parseChoice(option, text, allowed) {
  if (allowed.includes(text)) return text;
  throw new UsageError(`${option} must be one of ${allowed.join(", ")}, got ${JSON.stringify(text)}`);
}
function formatOptions(table) {
  const heads = Object.entries(table).map(([name, spec]) => {
    const short = spec.short === void 0 ? "    " : `-${spec.short}, `;
    return [`  ${short}--${name}${spec.value === void 0 ? "" : ` ${spec.value}`}`, spec.description];
  });
  const width2 = Math.max(...heads.map(([h]) => h.length));
  return heads.map(([h, d]) => `${h.padEnd(width2)}  ${d}`).join("\n");
}
async function readRulesArgument(value, cwd) {
  if (!value.startsWith("@")) return { text: value, origin: "--rules" };
  const path = value.slice(1);
  if (path === "") throw new UsageError("--rules @FILE needs a file name after @");
  try {
    return { text: await readFile(resolve(cwd, path), "utf8"), origin: `rules file ${path}` };
  } catch (e) {
    throw new UsageError(`reading rules file ${path}: ${describeFsError(e)}`);
  }
}

// src/cli/commands/diff.ts
var DEFAULT_TOP = { text: 10, markdown: 10, json: 0 };
var OPTIONS = {
  rules: { type: "string", value: "TEXT|@FILE", description: 'rules added to the defaults (docs/rules.md), newline or ";" separated, or @path to a file' },
  format: { type: "string", value: "FORMAT", description: `report format: ${FORMATS.join(", ")} (default text)` },
  top: { type: "string", value: "N", description: "functions listed per sample type; 0 = all (default 10; json: all)" },
  "sample-index": { type: "string", value: "T", description: "sample type whose functions the text report lists (name or index)" },
  confidence: { type: "string", value: "Z", description: "the z a change must reach to count as real (default 3)" },
  output: { type: "string", value: "FILE", description: "write the report to FILE instead of standard output" },
  help: { type: "boolean", short: "h", description: "show this help" }
};
var USAGE = `Usage: heapgate diff BASE CURRENT [options]

Compares the CURRENT profile against the BASE profile (pprof format: Go, Node, tcmalloc heap
profiles, gzipped or not), applies the rules with sampling-aware noise thresholds and reports.

Options:
${formatOptions(OPTIONS)}

Exit codes: 0 pass or warn, 1 fail, 2 usage or input error, 70 internal error.
`;
async function parseDiffArgs(argv, cwd) {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return null;
  if (positionals.length !== 2) {
    throw new UsageError(`diff takes two profiles, BASE and CURRENT; got ${positionals.length} (see heapgate diff --help)`);
  }
  const str = (name) => values[name];
  const format = str("format") === void 0 ? "text" : parseChoice("--format", str("format"), FORMATS);
  return {
    base: positionals[0],
    current: positionals[1],
    rules: str("rules") === void 0 ? void 0 : await readRulesArgument(str("rules"), cwd),
    format,
    top: str("top") === void 0 ? DEFAULT_TOP[format] : parseNonNegativeInt("--top", str("top")),
    sampleIndex: str("sample-index"),
    confidence: str("confidence") === void 0 ? void 0 : parseNonNegativeNumber("--confidence", str("confidence")),
    output: str("output")
  };
}
var diffCommand = {
  name: "diff",
  summary: "compare two profile files and report memory changes",
  usage: USAGE,
  async run(argv, io) {
    const args = await parseDiffArgs(argv, io.cwd);
    if (args === null) {
      io.stdout(USAGE);
      return 0;
    }
    const outcome = await compareProfiles(
      {
        base: { role: "base", label: args.base, path: resolve2(io.cwd, args.base) },
        current: { role: "current", label: args.current, path: resolve2(io.cwd, args.current) },
        rules: args.rules,
        confidence: args.confidence,
        top: args.top,
        sampleIndex: args.sampleIndex
      },
      createProfileLoader()
    );
    const color = args.output === void 0 && io.stdoutIsTTY && io.env.NO_COLOR === void 0;
    const text = render(outcome.report, args.format, { color });
    if (args.output === void 0) {
      io.stdout(text);
    } else {
      try {
        await writeFile(resolve2(io.cwd, args.output), text);
      } catch (e) {
        const why = e.code === "ENOENT" ? "no such directory" : describeFsError(e).replace("cannot read", "cannot write");
        throw new UsageError(`writing report ${args.output}: ${why}`);
      }
    }
    return outcome.exitCode;
  }
};

export {
  FORMATS,
  render,
  parseCommandArgs,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  parseChoice,
  formatOptions,
  DEFAULT_TOP,
  diffCommand
};
