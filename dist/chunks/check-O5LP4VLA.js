import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  emitReport,
  parseFormat,
  parseReportArgs,
  render,
  reportColor,
  reportOptions,
  reportRequest
} from "./chunk-HEWGNYEL.js";
import {
  STORE_OPTIONS
} from "./chunk-V4WKM56Y.js";
import {
  formatOptions,
  parseCommandArgs,
  required
} from "./chunk-XTUDGM5N.js";
import {
  compareProfiles
} from "./chunk-D7XJXS3V.js";
import {
  openStore
} from "./chunk-KXUDPKBV.js";
import {
  encodeBranch,
  validateSeries
} from "./chunk-PUAFY5AB.js";
import {
  createProfileLoader,
  markdownCode,
  terminalSafe
} from "./chunk-6ARNZAIU.js";
import "./chunk-O6NGIT5X.js";
import "./chunk-TQ4GEVIF.js";
import {
  StoreError,
  UsageError
} from "./chunk-X72NLQDY.js";
import "./chunk-KIA5R4DO.js";

// src/cli/commands/check.ts
import { resolve } from "node:path";
var OPTIONS = {
  ...STORE_OPTIONS,
  branch: { type: "string", value: "B", description: "branch whose baseline to compare against (default: $GITHUB_BASE_REF, a pull request's target; else the default branch)" },
  "default-branch": { type: "string", value: "B", description: "fallback when --branch has no baseline (default main)" },
  ...reportOptions('rules, newline or ";" separated, or @path to a rules file')
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
async function parseCheckArgs(argv, cwd, env) {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return null;
  if (positionals.length !== 1) {
    throw new UsageError(`check takes one profile, CURRENT; got ${positionals.length} (see heapgate check --help)`);
  }
  const str = (name) => values[name];
  const format = parseFormat(values);
  const fallback = str("default-branch") ?? "main";
  const branch = str("branch") ?? (env.GITHUB_BASE_REF || void 0) ?? fallback;
  for (const b of [branch, fallback]) encodeBranch(b);
  return {
    current: positionals[0],
    store: required(values, "store", "check"),
    series: validateSeries(required(values, "series", "check")),
    branches: branch === fallback ? [branch] : [branch, fallback],
    ...await parseReportArgs(values, format, cwd)
  };
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
          ...reportRequest(args)
        },
        createProfileLoader()
      );
      text = render(outcome.report, args.format, { color: reportColor(args, io) });
      exitCode = outcome.exitCode;
    }
    await emitReport(text, args, io);
    return exitCode;
  }
};
export {
  checkCommand,
  findBaseline,
  noBaselineMessage
};
