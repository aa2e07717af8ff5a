import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  describeFsError
} from "./chunk-YONIK7PZ.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

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
function required(values, name, command) {
  const v = values[name];
  if (typeof v !== "string" || v === "")
    throw new UsageError(`${command} needs --${name} (see heapgate ${command} --help)`);
  return v;
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
  const width = Math.max(...heads.map(([h]) => h.length));
  return heads.map(([h, d]) => `${h.padEnd(width)}  ${d}`).join("\n");
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

export {
  parseCommandArgs,
  required,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  parseChoice,
  formatOptions,
  readRulesArgument
};
