import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  emitReport,
  loaderOptions,
  noteInconclusive,
  parseFormat,
  parseReportArgs,
  profileSide,
  render,
  reportColor,
  reportOptions,
  reportRequest,
  verdictSummary
} from "./chunk-TISIJAXB.js";
import {
  BRANCH_DEFAULT,
  STORE_OPTIONS,
  branchOf,
  githubAccess
} from "./chunk-YXWNFF36.js";
import {
  formatOptions,
  parseCommandArgs,
  parseNonNegativeInt,
  required
} from "./chunk-JZERAVAP.js";
import {
  baselineSource,
  findBaseline,
  historyRequest,
  noBaselineSentence,
  otherSeries,
  otherSeriesSentence,
  seedCommand
} from "./chunk-6RSCHQ26.js";
import {
  compareProfiles,
  sideOf
} from "./chunk-22KJ6QHR.js";
import {
  openStore
} from "./chunk-J5YCEBC7.js";
import {
  DEFAULT_HISTORY_WINDOW,
  MIN_HISTORY_BASELINES,
  createProfileLoader,
  historyWindowProblem,
  markdownCode,
  terminalSafe
} from "./chunk-XNLCYWZF.js";
import "./chunk-TQ4GEVIF.js";
import {
  encodeBranch,
  normalizeSha,
  validateSeries
} from "./chunk-V4FWG7K5.js";
import "./chunk-FGJDEUJW.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";
import "./chunk-KIA5R4DO.js";

// src/cli/commands/check.ts
var OPTIONS = {
  ...STORE_OPTIONS,
  branch: {
    type: "string",
    value: "B",
    description: `branch whose baseline to compare against (default: ${BRANCH_DEFAULT.replace(/main$/, "--default-branch")})`
  },
  sha: {
    type: "string",
    value: "SHA",
    description: "compare against this commit's baseline (a full commit id, e.g. the pull request's merge base) instead of the branch's latest"
  },
  "default-branch": {
    type: "string",
    value: "B",
    description: "fallback when --branch has no baseline (default main)"
  },
  history: {
    type: "string",
    value: "N",
    description: `latest baselines of the branch that calibrate the run-to-run noise (their stored totals; at least ${MIN_HISTORY_BASELINES} needed); 0 = off (default ${DEFAULT_HISTORY_WINDOW})`
  },
  ...reportOptions('rules added to the defaults (docs/rules.md), newline or ";" separated, or @path to a file')
};
var USAGE = `Usage: heapgate check CURRENT... --store URL --series NAME [options]

Fetches the current baseline of the series on --branch (or, when that branch has none, on the
default branch) from the store, or the baseline of commit --sha, and compares CURRENT against it,
exactly like \`heapgate diff BASELINE CURRENT\`. When there is no baseline yet it says so and exits 0
(a --sha the store has no baseline for is an error).

CURRENT is one or more paths or quoted globs ('out/*.pb.gz'). Several files are runs of the same
code: their per-run means are compared, and the spread across runs counts as noise.

A branch: store reads the repository --repo (default $GITHUB_REPOSITORY) with the token in
$GITHUB_TOKEN (e.g. GITHUB_TOKEN=$(gh auth token)). A gs:// store uses Application Default
Credentials (on a laptop: gcloud auth application-default login).

Options:
${formatOptions(OPTIONS)}

Every report shows, per metric, the history behind its limit: the baselines read, their mean
change, \u03C3 and the resulting limit (or "uncalibrated: k of ${MIN_HISTORY_BASELINES} baselines").

Exit codes: 0 pass, warn, inconclusive or no baseline, 1 fail (or inconclusive with
--on-inconclusive fail), 2 usage or input error, 3 baseline store error, 70 internal error.
`;
function historyWindow(text) {
  if (text === void 0) return DEFAULT_HISTORY_WINDOW;
  const n = parseNonNegativeInt("--history", text);
  const problem = historyWindowProblem(n);
  if (problem !== null) throw new UsageError(`--history ${problem}`);
  return n;
}
async function parseCheckArgs(argv, cwd, env) {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return null;
  if (positionals.length === 0) {
    throw new UsageError("check takes the profile to compare, CURRENT (see heapgate check --help)");
  }
  const str = (name) => values[name];
  const format = parseFormat(values);
  const fallback = str("default-branch") ?? "main";
  const branch = branchOf(str("branch"), env, fallback);
  for (const b of [branch, fallback]) encodeBranch(b);
  return {
    current: positionals,
    store: required(values, "store", "check"),
    series: validateSeries(required(values, "series", "check")),
    branches: branch === fallback ? [branch] : [branch, fallback],
    history: historyWindow(str("history")),
    sha: str("sha") === void 0 ? null : normalizeSha(str("sha")),
    repo: str("repo"),
    ...await parseReportArgs(values, format, cwd)
  };
}
function noBaselineMessage(args, location, format) {
  const seed = seedCommand({ store: args.store, series: args.series, profile: "PROFILE" }, args.branches.at(-1), [
    "heapgate"
  ]);
  if (format === "markdown") {
    const where = args.branches.map((b) => markdownCode(b, false)).join(" or ");
    return `**No baseline** for series ${markdownCode(args.series, false)} on branch ${where} in ${markdownCode(location, false)}: nothing to compare against. Seed one from a build of the default branch: ${markdownCode(seed, false)}
`;
  }
  const sentence = noBaselineSentence(args.series, args.branches, location);
  const text = `${sentence}
Seed one from a build of the default branch:
  ${seed}`;
  if (format === "json") return `${JSON.stringify({ baseline: null, message: text }, null, 2)}
`;
  return `${text.split("\n").map(terminalSafe).join("\n")}
`;
}
function stderrLog(io) {
  const line = (m) => io.stderr(`heapgate: ${terminalSafe(m)}
`);
  return { info: () => {
  }, warning: line, error: line };
}
var checkCommand = {
  async run(argv, io) {
    const args = await parseCheckArgs(argv, io.cwd, io.env);
    if (args === null) {
      io.stdout(USAGE);
      return 0;
    }
    const current = await profileSide(args.current, "current", io.cwd, "current profile");
    const store = await openStore(args.store, {
      cwd: io.cwd,
      access: "read",
      github: githubAccess({ repo: args.repo }, io.env)
    });
    const lookup = { commit: args.sha === null ? null : { sha: args.sha, from: "--sha" }, branches: args.branches };
    const log = stderrLog(io);
    const found = await findBaseline(
      { store, pulls: null, log },
      args.series,
      lookup,
      "re-baseline with heapgate baseline put"
    );
    let text;
    let exitCode = 0;
    let report = null;
    let verdict = "no-baseline (nothing to compare against)";
    if (found === void 0) {
      const hint = await otherSeries({ store, log }, args.series);
      const mistyped = otherSeriesSentence(args.series, hint);
      if (mistyped !== null) log.warning(`${mistyped} (check ${hint.branches ? "--branch" : "--series"})`);
      text = [noBaselineMessage(args, store.location, args.format)];
    } else {
      const outcome = await compareProfiles(
        {
          base: sideOf(baselineSource(found)),
          current,
          ...reportRequest(args),
          history: historyRequest(found.pointer, args.history)
        },
        createProfileLoader(loaderOptions(args))
      );
      text = render(outcome.report, args.format, { color: reportColor(args, io) });
      exitCode = outcome.exitCode;
      report = outcome.report;
      verdict = verdictSummary(outcome.report);
    }
    await emitReport(text, args, io, verdict);
    if (report !== null) noteInconclusive(report, args, io);
    return exitCode;
  }
};
export {
  checkCommand,
  noBaselineMessage
};
