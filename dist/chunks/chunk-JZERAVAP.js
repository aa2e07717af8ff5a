import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  describeFsError,
  parseByteSize,
  readBounded
} from "./chunk-XNLCYWZF.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/cli/args.ts
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
    const args = joinNegativeValues(argv, table);
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    throw new UsageError(describeParseError(e, table));
  }
}
function joinNegativeValues(argv, table) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === "--") return [...out, ...argv.slice(i)];
    if (arg.startsWith("--") && table[arg.slice(2)]?.type === "string" && next !== void 0 && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
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
    throw new UsageError(`${option} must be an integer \u2265 0, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}
var MAX_PROFILE_SIZE_OPTION = {
  "max-profile-size": {
    type: "string",
    value: "SIZE",
    description: "refuse a profile larger than SIZE, as a file or decompressed (default 1GiB; e.g. 256MiB)"
  }
};
function parseMaxProfileSize(values) {
  const text = values["max-profile-size"];
  if (typeof text !== "string") return void 0;
  const size = parseByteSize(text);
  if (size === null) {
    throw new UsageError(
      `--max-profile-size must be a size such as 1GiB, 512MiB or 1000000, got ${JSON.stringify(text)}`
    );
  }
  return size;
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
var MAX_RULES_FILE_BYTES = 1 << 20;
async function readRulesArgument(value, cwd) {
  if (!value.startsWith("@")) return { text: value, origin: "--rules" };
  const path = value.slice(1);
  if (path === "") throw new UsageError("--rules @FILE needs a file name after @");
  let read;
  try {
    read = await readBounded(resolve(cwd, path), MAX_RULES_FILE_BYTES);
  } catch (e) {
    throw new UsageError(`reading rules file ${path}: ${describeFsError(e)}`);
  }
  if (!read.ok) throw new UsageError(`reading rules file ${path}: more than ${MAX_RULES_FILE_BYTES} bytes, the limit`);
  return { text: read.bytes.toString("utf8"), origin: `rules file ${path}` };
}

export {
  parseCommandArgs,
  required,
  parseNonNegativeInt,
  MAX_PROFILE_SIZE_OPTION,
  parseMaxProfileSize,
  parseNonNegativeNumber,
  parseChoice,
  formatOptions,
  readRulesArgument
};
