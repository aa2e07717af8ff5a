import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  BRANCH_DEFAULT,
  STORE_OPTIONS,
  branchOf,
  githubAccess,
  openStore
} from "./chunk-ZOJFLBQK.js";
import {
  closestNames,
  compareProfiles,
  emitReport,
  loaderOptions,
  noteInconclusive,
  parseFormat,
  parseReportArgs,
  profileSide,
  rankByDistance,
  render,
  reportColor,
  reportOptions,
  reportRequest,
  sideOf,
  verdictSummary
} from "./chunk-VU56NZ4O.js";
import {
  DEFAULT_HISTORY_WINDOW,
  MIN_HISTORY_BASELINES,
  createProfileLoader,
  formatOptions,
  historyWindowProblem,
  markdownCode,
  parseCommandArgs,
  parseNonNegativeInt,
  required,
  terminalSafe
} from "./chunk-BQAJM6YL.js";
import {
  firstLine
} from "./chunk-TQ4GEVIF.js";
import {
  encodeBranch,
  normalizeSha,
  validateSeries
} from "./chunk-MKMBBUNB.js";
import "./chunk-KQKQYG5A.js";
import {
  StoreError,
  UsageError
} from "./chunk-5DEWQUHK.js";
import "./chunk-KIA5R4DO.js";

// src/core/verdict/gate.ts
var MAX_SERIES_NAMED = 8;
function otherSeriesText(series, hint, quote) {
  const branches = hint.branches ?? [];
  if (branches.length > 0) {
    const named2 = branches.slice(0, MAX_SERIES_NAMED).map(quote);
    const more2 = branches.length > MAX_SERIES_NAMED ? ` and ${branches.length - MAX_SERIES_NAMED} more` : "";
    return `the store has series ${quote(series)} on branch ${named2.join(", ")}${more2} only`;
  }
  if (hint.names.length === 0) return null;
  const named = hint.names.slice(0, MAX_SERIES_NAMED).map(quote);
  const more = hint.names.length > MAX_SERIES_NAMED ? ` and ${hint.names.length - MAX_SERIES_NAMED} more` : "";
  const guess = hint.guess === null ? "" : `: did you mean ${quote(hint.guess)}?`;
  return `the store has no series ${quote(series)}; it has ${named.join(", ")}${more}${guess}`;
}

// src/app/commands.ts
var NPX_HEAPGATE = ["npx", "heapgate"];
function storeArgs(target, branch) {
  return ["--store", target.store, "--series", target.series, "--branch", branch];
}
function shellQuote(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function seedCommand(target, branch, program = NPX_HEAPGATE) {
  const args = ["baseline", "put", ...[target.profile].flat(), ...storeArgs(target, branch)];
  return [...program, ...args, "--sha", "COMMIT"].map(shellQuote).join(" ");
}
function noBaselineSentence(series, branches, location) {
  const where = branches.map((b) => JSON.stringify(b)).join(" or ");
  return `no baseline for series ${series} on branch ${where} in ${location}: nothing to compare against.`;
}
function otherSeriesSentence(series, hint) {
  return otherSeriesText(series, hint, (s) => JSON.stringify(s));
}

// src/app/find-baseline.ts
function baselineSource(found) {
  const label = `baseline ${found.stored.metadata.sha.slice(0, 12)} (${found.branch})`;
  return { role: "base", label, bytes: found.stored.profile };
}
async function findBaseline(ports, series, lookup, repair) {
  const { store } = ports;
  if (lookup.commit !== null) {
    const found = await findCommit(ports, series, lookup);
    if (found !== void 0) return found;
  }
  for (const branch of lookup.branches) {
    const pointer = await store.pointer(series, branch);
    if (pointer === void 0) continue;
    const stored = await store.commit(series, branch, pointer.current.sha);
    if (stored === void 0) {
      const message = `${store.location}: the pointer of ${series} on ${branch} names commit ${pointer.current.sha}, whose profile is missing`;
      if (repair !== null) throw new StoreError(`${message}; ${repair}`);
      ports.log.warning(`${message}; this run replaces it`);
      continue;
    }
    return { stored, branch, chosen: "latest", pointer };
  }
  return void 0;
}
async function findCommit(ports, series, lookup) {
  const { store } = ports;
  const commit = lookup.commit;
  const mergeBase = "mergeBase" in commit;
  const sha = mergeBase ? await mergeBaseOf(ports, commit.mergeBase) : commit.sha;
  if (sha === void 0) return void 0;
  const branches = mergeBase ? [lookup.branches[0]] : [.../* @__PURE__ */ new Set([...lookup.branches, ...await store.branches(series)])];
  const chosen = mergeBase ? "merge-base" : "requested";
  for (const branch of branches) {
    const stored = await store.commit(series, branch, sha);
    if (stored !== void 0) return { stored, branch, chosen, pointer: await store.pointer(series, branch) };
  }
  if (!mergeBase)
    throw new UsageError(
      `${commit.from ?? "input baseline-sha"}: no baseline of series ${series} for commit ${sha} in ${store.location}`
    );
  return void 0;
}
async function mergeBaseOf(ports, commits) {
  if (ports.pulls === null) return void 0;
  try {
    return await ports.pulls.mergeBase(commits.base, commits.head);
  } catch (e) {
    ports.log.info(
      `could not find the merge base of the pull request (${firstLine(e)}); using the base branch's latest baseline`
    );
    return void 0;
  }
}
var MAX_BRANCHES_TRIED = 20;
async function otherSeries(ports, series) {
  let names;
  const branches = [];
  try {
    const all = await ports.store.series();
    names = rankByDistance(series, all);
    if (all.includes(series)) {
      for (const b of (await ports.store.branches(series)).slice(0, MAX_BRANCHES_TRIED)) {
        if (await ports.store.pointer(series, b) !== void 0) branches.push(b);
      }
    }
  } catch (e) {
    ports.log.info(`could not list the series in ${ports.store.location} (${firstLine(e)})`);
    names = [];
  }
  return {
    names,
    guess: closestNames(series, names, { limit: 1 })[0] ?? null,
    ...branches.length > 0 ? { branches } : {}
  };
}

// src/app/history.ts
function historyRequest(pointer, window) {
  if (window <= 0) return void 0;
  const newestFirst = pointer === void 0 ? [] : [pointer.current, ...pointer.history];
  const points = newestFirst.slice(0, window).reverse().map((m) => ({
    sampleType: m.sampleType,
    total: m.total,
    period: m.period,
    runs: m.runs ?? 1,
    sha: m.sha,
    ...m.pullRequest !== void 0 ? { pullRequest: m.pullRequest } : {},
    ...m.accepted !== void 0 ? { accepted: true, acceptedBy: m.accepted.by } : {}
  }));
  return { points, window };
}

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
