import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  DEFAULT_TOP,
  FORMATS,
  formatOptions,
  parseChoice,
  parseCommandArgs,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  render
} from "./chunk-VT4XWTAS.js";
import {
  openStore
} from "./chunk-ZKWFFASW.js";
import {
  encodeBranch,
  validateSeries
} from "./chunk-CYCY775J.js";
import {
  compareProfiles,
  createProfileLoader,
  describeFsError,
  markdownCode,
  terminalSafe
} from "./chunk-DKNZ24FJ.js";
import {
  StoreError,
  UsageError
} from "./chunk-X72NLQDY.js";

// src/cli/commands/check.ts
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
var OPTIONS = {
  store: { type: "string", value: "URL", description: "baseline store: gs://bucket/prefix, a directory or a file:// URL" },
  series: { type: "string", value: "NAME", description: "baseline series, e.g. api-server" },
  branch: { type: "string", value: "B", description: "branch whose baseline to compare against (default: $GITHUB_BASE_REF, a pull request's target; else the default branch)" },
  "default-branch": { type: "string", value: "B", description: "fallback when --branch has no baseline (default main)" },
  rules: { type: "string", value: "TEXT|@FILE", description: 'rules, newline or ";" separated, or @path to a rules file' },
  format: { type: "string", value: "FORMAT", description: `report format: ${FORMATS.join(", ")} (default text)` },
  top: { type: "string", value: "N", description: "functions listed per sample type; 0 = all (default 10; json: all)" },
  "sample-index": { type: "string", value: "T", description: "sample type whose functions the text report lists (name or index)" },
  confidence: { type: "string", value: "Z", description: "the z a change must reach to count as real (default 3)" },
  output: { type: "string", value: "FILE", description: "write the report to FILE instead of standard output" },
  help: { type: "boolean", short: "h", description: "show this help" }
};
var USAGE = `Usage: heapgate check CURRENT --store URL --series NAME [options]

Fetches the current baseline of the series on --branch (or, when that branch has none, on the
default branch) from the store and compares CURRENT against it, exactly like
\`heapgate diff BASELINE CURRENT\`. When there is no baseline yet it says so and exits 0.

Options:
${formatOptions(OPTIONS)}

Exit codes: 0 pass, warn or no baseline, 1 fail, 2 usage or input error, 3 baseline store error,
70 internal error.
`;
function required(values, name, command) {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new UsageError(`${command} needs --${name} (see heapgate ${command} --help)`);
  return v;
}
async function parseCheckArgs(argv, cwd, env) {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return null;
  if (positionals.length !== 1) {
    throw new UsageError(`check takes one profile, CURRENT; got ${positionals.length} (see heapgate check --help)`);
  }
  const str = (name) => values[name];
  const format = str("format") === void 0 ? "text" : parseChoice("--format", str("format"), FORMATS);
  const fallback = str("default-branch") ?? "main";
  const branch = str("branch") ?? (env.GITHUB_BASE_REF || void 0) ?? fallback;
  for (const b of [branch, fallback]) encodeBranch(b);
  return {
    current: positionals[0],
    store: required(values, "store", "check"),
    series: validateSeries(required(values, "series", "check")),
    branches: branch === fallback ? [branch] : [branch, fallback],
    rules: str("rules") === void 0 ? void 0 : await readRules(str("rules"), cwd),
    format,
    top: str("top") === void 0 ? DEFAULT_TOP[format] : parseNonNegativeInt("--top", str("top")),
    sampleIndex: str("sample-index"),
    confidence: str("confidence") === void 0 ? void 0 : parseNonNegativeNumber("--confidence", str("confidence")),
    output: str("output")
  };
}
async function readRules(value, cwd) {
  if (!value.startsWith("@")) return { text: value, origin: "--rules" };
  const path = value.slice(1);
  if (path === "") throw new UsageError("--rules @FILE needs a file name after @");
  try {
    return { text: await readFile(resolve(cwd, path), "utf8"), origin: `rules file ${path}` };
  } catch (e) {
    throw new UsageError(`reading rules file ${path}: ${describeFsError(e)}`);
  }
}
async function findBaseline(store, series, branches) {
  for (const branch of branches) {
    const pointer = await store.pointer(series, branch);
    if (pointer === void 0) continue;
    const stored = await store.commit(series, branch, pointer.current.sha);
    if (stored === void 0) {
      throw new StoreError(
        `${store.location}: the pointer of ${series} on ${branch} names commit ${pointer.current.sha}, whose profile is missing`
      );
    }
    return { metadata: stored.metadata, profile: stored.profile, branch };
  }
  return void 0;
}
function noBaselineMessage(args, location, format) {
  const seed = `heapgate baseline put PROFILE --store ${args.store} --series ${args.series} --branch ${args.branches.at(-1)} --sha COMMIT`;
  if (format === "markdown") {
    const where2 = args.branches.map((b) => markdownCode(b, false)).join(" or ");
    return `**No baseline** for series ${markdownCode(args.series, false)} on branch ${where2} in ${markdownCode(location, false)}: nothing to compare against. Seed one from a build of the default branch: ${markdownCode(seed, false)}
`;
  }
  const where = args.branches.map((b) => JSON.stringify(b)).join(" or ");
  const text = `no baseline for series ${args.series} on branch ${where} in ${location}: nothing to compare against.
Seed one from a build of the default branch:
  ${seed}`;
  if (format === "json") return `${JSON.stringify({ baseline: null, message: text }, null, 2)}
`;
  return `${text.split("\n").map(terminalSafe).join("\n")}
`;
}
var checkCommand = {
  name: "check",
  summary: "compare a profile against the branch's stored baseline",
  usage: USAGE,
  async run(argv, io) {
    const args = await parseCheckArgs(argv, io.cwd, io.env);
    if (args === null) {
      io.stdout(USAGE);
      return 0;
    }
    const store = await openStore(args.store, { cwd: io.cwd });
    const found = await findBaseline(store, args.series, args.branches);
    let text;
    let exitCode = 0;
    if (found === void 0) {
      text = noBaselineMessage(args, store.location, args.format);
    } else {
      const outcome = await compareProfiles(
        {
          base: { role: "base", label: `baseline ${found.metadata.sha.slice(0, 12)} (${found.branch})`, bytes: found.profile },
          current: { role: "current", label: args.current, path: resolve(io.cwd, args.current) },
          rules: args.rules,
          confidence: args.confidence,
          top: args.top,
          sampleIndex: args.sampleIndex
        },
        createProfileLoader()
      );
      const noColor = io.env.NO_COLOR !== void 0 && io.env.NO_COLOR !== "";
      text = render(outcome.report, args.format, { color: args.output === void 0 && io.stdoutIsTTY && !noColor });
      exitCode = outcome.exitCode;
    }
    if (args.output === void 0) {
      io.stdout(text);
    } else {
      try {
        await writeFile(resolve(io.cwd, args.output), text);
      } catch (e) {
        throw new UsageError(`writing report ${args.output}: ${describeFsError(e).replace("cannot read", "cannot write")}`);
      }
    }
    return exitCode;
  }
};

export {
  required,
  findBaseline,
  noBaselineMessage,
  checkCommand
};
