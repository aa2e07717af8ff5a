import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  BRANCH_DEFAULT,
  STORE_OPTIONS,
  branchOf,
  githubAccess,
  openStore
} from "./chunk-ZOJFLBQK.js";
import {
  DEFAULT_MAX_PROFILE_BYTES,
  MAX_PROFILE_SIZE_OPTION,
  createProfileLoader,
  expandProfilePaths,
  formatDeltaPercent,
  formatOptions,
  formatValue,
  metricSeries,
  noiseOfSeries,
  parseChoice,
  parseCommandArgs,
  parseMaxProfileSize,
  parseNonNegativeInt,
  readRunFiles,
  required,
  terminalSafe
} from "./chunk-BQAJM6YL.js";
import "./chunk-TQ4GEVIF.js";
import {
  DEFAULT_KEEP_PROFILES
} from "./chunk-TEQ7GM6F.js";
import {
  DEFAULT_HISTORY_LIMIT,
  baselineMetadata,
  encodeBranch,
  normalizeSha,
  seriesKindConflict,
  validateSeries
} from "./chunk-MKMBBUNB.js";
import "./chunk-KQKQYG5A.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";
import "./chunk-KIA5R4DO.js";

// src/app/store-baseline.ts
function runUrl(serverUrl, repository, runId) {
  return `${serverUrl}/${repository}/actions/runs/${runId}`;
}
async function storeBaseline(store, run, summary, profile) {
  const metadata = baselineMetadata(
    {
      series: run.series,
      branch: run.branch,
      sha: run.sha,
      createdAt: run.createdAt,
      ...run.commitTime !== void 0 ? { commitTime: run.commitTime } : {},
      ...run.runId !== void 0 ? { runId: run.runId } : {},
      ...run.runUrl !== void 0 ? { runUrl: run.runUrl } : {},
      ...run.pullRequest !== void 0 ? { pullRequest: run.pullRequest } : {},
      ...run.accepted !== void 0 ? { accepted: run.accepted } : {}
    },
    summary,
    profile.length
  );
  const conflict = seriesKindConflict((await store.pointer(run.series, run.branch))?.current, summary.sampleType);
  if (conflict !== null) throw new UsageError(conflict);
  return store.put(metadata, profile);
}

// src/core/history/series-steps.ts
var named = (m) => ({
  sha: m.sha,
  pullRequest: m.pullRequest ?? null,
  time: m.commitTime ?? m.createdAt
});
function seriesSteps(newestFirst) {
  const newest = newestFirst[0];
  if (newest === void 0) return [];
  const metadata = [...newestFirst].reverse();
  const points = metadata.map((m) => ({
    sampleType: m.sampleType,
    total: m.total,
    period: m.period,
    runs: m.runs ?? 1
  }));
  return newest.sampleType.map((type) => {
    const series = metricSeries(points, type, newest.period, newest.runs ?? 1);
    const at = (k) => metadata[series.index[k]];
    const levels = series.levels.map((l) => {
      const values = series.values.slice(l.from, l.to);
      const sd = values.length < 2 ? null : 100 * Math.sqrt(values.reduce((s, v) => s + (v - l.mean) ** 2, 0) / (values.length - 1)) / l.mean;
      let acceptedBy = null;
      let accepted = false;
      for (let k = l.from; k < l.to; k++) {
        const a = at(k).accepted;
        if (a !== void 0) {
          accepted = true;
          acceptedBy = a.by;
        }
      }
      return {
        first: named(at(l.from)),
        last: named(at(l.to - 1)),
        baselines: l.to - l.from,
        mean: l.mean,
        sdPercent: sd,
        accepted,
        acceptedBy
      };
    });
    const steps = series.levels.slice(1).map((l, j) => ({
      at: named(at(l.from)),
      percent: 100 * (l.mean / series.levels[j].mean - 1)
    }));
    const noise = noiseOfSeries(series);
    const sigma = Math.max(series.sigma, noise.kind === "calibrated" ? noise.sdPercent / 100 / Math.SQRT2 : 0);
    return { sampleType: type.type, unit: type.unit, levels, steps, sigma, calibrated: noise.kind === "calibrated" };
  });
}

// src/cli/commands/history-steps.ts
function stepsJson(series, branch, steps) {
  return `${JSON.stringify({ series, branch, sampleTypes: steps }, null, 2)}
`;
}
var commit = (b) => `${b.sha.slice(0, 12)}${b.pullRequest === null ? "" : ` (#${b.pullRequest})`}`;
function stepsText(steps) {
  const out = [];
  for (const t of steps) {
    const n = (k, word) => `${k} ${word}${k === 1 ? "" : "s"}`;
    out.push(`${t.sampleType} (${t.unit}): ${n(t.levels.length, "level")}, ${n(t.steps.length, "step")}`);
    t.levels.forEach((l, i) => {
      if (i > 0) {
        const s = t.steps[i - 1];
        out.push(`  step ${formatDeltaPercent(s.percent)} at ${commit(s.at)}, ${s.at.time}`);
      }
      const sd = l.sdPercent === null ? "-" : `${l.sdPercent.toFixed(1)}%`;
      const accepted = l.accepted ? `, accepted${l.acceptedBy === null ? "" : ` by ${l.acceptedBy}`}` : "";
      out.push(
        `  level ${i + 1}: ${commit(l.first)} \u2026 ${commit(l.last)}, ${n(l.baselines, "baseline")}, mean ${formatValue(l.mean, t.unit)}, \u03C3 within ${sd}${accepted}`
      );
    });
  }
  return `${out.join("\n")}
`;
}

// src/cli/commands/baseline.ts
var FORMAT_AND_HELP = {
  format: { type: "string", value: "FORMAT", description: "text or json (default text)" },
  help: { type: "boolean", short: "h", description: "show this help" }
};
var PUT = {
  ...STORE_OPTIONS,
  branch: { type: "string", value: "B", description: `branch the commit belongs to (default: ${BRANCH_DEFAULT})` },
  sha: { type: "string", value: "SHA", description: "commit id (default: $GITHUB_SHA)" },
  "commit-time": {
    type: "string",
    value: "ISO",
    description: "committer time, e.g. $(git show -s --format=%cI); orders baselines"
  },
  "run-id": { type: "string", value: "ID", description: "CI run id (default: $GITHUB_RUN_ID)" },
  "run-url": {
    type: "string",
    value: "URL",
    description: "CI run URL (default: built from $GITHUB_SERVER_URL, $GITHUB_REPOSITORY)"
  },
  "pull-request": { type: "string", value: "N", description: "the pull request the commit merged (named in reports)" },
  "accepted-by": {
    type: "string",
    value: "NAME",
    description: "accept this baseline's level: drift is measured from it from now on (NAME is recorded)"
  },
  "history-limit": {
    type: "string",
    value: "N",
    description: `previous baselines kept in the pointer (default ${DEFAULT_HISTORY_LIMIT})`
  },
  "keep-profiles": {
    type: "string",
    value: "N",
    description: `branch: stores: profiles kept per series and branch, older ones keep only their metadata (default ${DEFAULT_KEEP_PROFILES})`
  },
  ...MAX_PROFILE_SIZE_OPTION,
  ...FORMAT_AND_HELP
};
var SHOW = {
  ...STORE_OPTIONS,
  branch: {
    type: "string",
    value: "B",
    description: `show the current baseline of this branch (default: ${BRANCH_DEFAULT})`
  },
  sha: {
    type: "string",
    value: "SHA",
    description: "show this commit's baseline (searched on --branch, else on every branch)"
  },
  ...FORMAT_AND_HELP
};
var HISTORY = {
  ...STORE_OPTIONS,
  branch: { type: "string", value: "B", description: `branch (default: ${BRANCH_DEFAULT})` },
  limit: { type: "string", value: "N", description: "at most N baselines, newest first (default: all kept)" },
  steps: {
    type: "boolean",
    description: "the series' levels (first and last commit, mean, \u03C3 within) and the steps between them"
  },
  ...FORMAT_AND_HELP
};
var DELETE = {
  ...STORE_OPTIONS,
  branch: {
    type: "string",
    value: "B",
    description: `branch the commit's baseline is on (default: ${BRANCH_DEFAULT})`
  },
  sha: { type: "string", value: "SHA", description: "the commit whose baseline to remove (required, the full id)" },
  ...FORMAT_AND_HELP
};
var PUT_USAGE = `  heapgate baseline put PROFILE... --store URL --series NAME --branch B --sha SHA [options]
      Stores PROFILE as the baseline of commit SHA on branch B (the first upload of a commit
      wins), and makes it the branch's current baseline unless a newer commit's already is.
      Several paths or quoted globs are runs of the same code, stored together as one tar of
      the run profiles (with each run's totals in the metadata).
${indent(formatOptions(PUT))}`;
var SHOW_USAGE = `  heapgate baseline show --store URL --series NAME [--branch B | --sha SHA] [--format F]
      The metadata of a branch's current baseline, or of a commit's.
${indent(formatOptions(SHOW))}`;
var HISTORY_USAGE = `  heapgate baseline history --store URL --series NAME [--branch B] [--limit N] [--steps]
                            [--format F]
      The current and previous baselines' metadata and totals, newest first (one read); with
      --steps, the levels of each sample type's series and the steps between them, oldest first.
${indent(formatOptions(HISTORY))}`;
var DELETE_USAGE = `  heapgate baseline delete --store URL --series NAME --branch B --sha SHA [--format F]
      Removes a wrong baseline: the commit leaves the branch's pointer first (when it was the
      current baseline, the newest before it takes its place), then its stored profile goes.
      Run again after an interruption, it finishes the job. Exit 2 when nothing was there.
${indent(formatOptions(DELETE))}`;
var EXIT_CODES = `Exit codes: 0 done (also when nothing is found), 2 usage or input error, 3 baseline store error,
70 internal error.
`;
function usage(sub) {
  return `Usage:

${sub}

${EXIT_CODES}`;
}
var USAGE = `Usage: heapgate baseline <put|show|history|delete> [options]

${PUT_USAGE}

${SHOW_USAGE}

${HISTORY_USAGE}

${DELETE_USAGE}

${EXIT_CODES}`;
function indent(text) {
  return text.split("\n").map((l) => `  ${l}`).join("\n");
}
function outFormat(values) {
  const f = values.format;
  return f === void 0 ? "text" : parseChoice("--format", f, ["text", "json"]);
}
function clean(text) {
  return text.split("\n").map(terminalSafe).join("\n");
}
function parsePositiveKeep(n) {
  if (n < 1) throw new UsageError("invalid --keep-profiles 0: keep at least 1 (the current baseline)");
  return n;
}
function fromEnv(values, name, env, envName) {
  const v = values[name];
  if (typeof v === "string" && v !== "") return v;
  const e = env[envName];
  return e === void 0 || e === "" ? void 0 : e;
}
async function put(argv, io) {
  const { values, positionals } = parseCommandArgs(argv, PUT);
  if (values.help === true) return help(io, PUT_USAGE);
  if (positionals.length === 0) {
    throw new UsageError("baseline put takes the profile to store, PROFILE (see heapgate baseline put --help)");
  }
  const format = outFormat(values);
  const branch = branchOf(values.branch, io.env);
  const sha = fromEnv(values, "sha", io.env, "GITHUB_SHA");
  if (sha === void 0) throw new UsageError("baseline put needs --sha (or GITHUB_SHA)");
  const runId = fromEnv(values, "run-id", io.env, "GITHUB_RUN_ID");
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = io.env;
  const runUrl2 = values["run-url"] ?? (runId !== void 0 && server && repo ? runUrl(server, repo, runId) : void 0);
  const historyLimit = values["history-limit"] === void 0 ? void 0 : parseNonNegativeInt("--history-limit", values["history-limit"]);
  const keepProfiles = values["keep-profiles"] === void 0 ? void 0 : parsePositiveKeep(parseNonNegativeInt("--keep-profiles", values["keep-profiles"]));
  const pullRequest = values["pull-request"] === void 0 ? void 0 : parseNonNegativeInt("--pull-request", values["pull-request"]);
  if (pullRequest === 0) throw new UsageError("--pull-request must be a pull request number (1 or more)");
  const acceptedBy = values["accepted-by"];
  const series = validateSeries(required(values, "series", "baseline put"));
  const storeUrl = required(values, "store", "baseline put");
  encodeBranch(branch);
  normalizeSha(sha);
  const maxProfileBytes = parseMaxProfileSize(values);
  const store = await openStore(storeUrl, {
    cwd: io.cwd,
    access: "write",
    github: githubAccess(values, io.env),
    ...historyLimit !== void 0 ? { historyLimit } : {},
    ...keepProfiles !== void 0 ? { keepProfiles } : {}
  });
  const paths = await expandProfilePaths(positionals, io.cwd, "profile");
  const file = positionals.join(" ");
  const bytes = await readRunFiles(
    paths,
    io.cwd,
    maxProfileBytes ?? DEFAULT_MAX_PROFILE_BYTES,
    "profile",
    (p) => `reading profile ${p}: `
  );
  const loader = createProfileLoader(maxProfileBytes === void 0 ? {} : { maxProfileBytes });
  const [summary] = await loader([{ role: "current", label: file, bytes }], []);
  const run = {
    series,
    branch,
    sha,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    commitTime: values["commit-time"],
    runId,
    runUrl: runUrl2,
    pullRequest,
    ...acceptedBy !== void 0 ? { accepted: { by: acceptedBy, how: "update" } } : {}
  };
  const result = await storeBaseline(store, run, summary, bytes);
  if (format === "json") {
    io.stdout(`${JSON.stringify({ store: store.location, ...result }, null, 2)}
`);
  } else {
    const pointer = {
      moved: `now the current baseline of ${branch}`,
      "same-commit": `already the current baseline of ${branch}`,
      older: `kept; ${branch} already has a newer baseline`
    }[result.pointer];
    const object = result.object === "created" ? "stored" : "already stored (first upload kept)";
    io.stdout(
      clean(`baseline ${result.metadata.sha.slice(0, 12)} of ${series} in ${store.location}: ${object}; ${pointer}
`)
    );
  }
  return 0;
}
function producer(p) {
  const rate = p.memProfileRate !== void 0 ? `MemProfileRate=${p.memProfileRate}` : void 0;
  return [p.goVersion, rate].filter(Boolean).join(", ");
}
function describe(m) {
  const lines = [
    `series:       ${m.series}`,
    `branch:       ${m.branch}`,
    `commit:       ${m.sha}`,
    ...m.commitTime !== void 0 ? [`commit time:  ${m.commitTime}`] : [],
    `stored:       ${m.createdAt}`,
    ...m.runId !== void 0 ? [`run:          ${m.runId}${m.runUrl !== void 0 ? ` ${m.runUrl}` : ""}`] : [],
    `period:       ${m.period}${m.periodType ? ` ${m.periodType.type}/${m.periodType.unit}` : ""}`,
    `producer:     ${producer(m.producer) || "unknown"}`,
    `samples:      ${m.sampleCount}`,
    `size:         ${m.size} bytes`,
    ...m.runs !== void 0 ? [`runs:         ${m.runs} (totals are per-run means)`] : [],
    "totals:",
    ...m.sampleType.map((t, i) => `  ${t.type}: ${m.total[i]} ${t.unit}`)
  ];
  return clean(`${lines.join("\n")}
`);
}
async function show(argv, io) {
  const { values, positionals } = parseCommandArgs(argv, SHOW);
  if (values.help === true) return help(io, SHOW_USAGE);
  if (positionals.length !== 0) throw new UsageError("baseline show takes no positional arguments");
  const format = outFormat(values);
  const series = validateSeries(required(values, "series", "baseline show"));
  const sha = values.sha === void 0 ? void 0 : normalizeSha(values.sha);
  const branch = sha !== void 0 && values.branch === void 0 ? void 0 : branchOf(values.branch, io.env);
  if (branch !== void 0) encodeBranch(branch);
  const store = await openStore(required(values, "store", "baseline show"), {
    cwd: io.cwd,
    access: "read",
    github: githubAccess(values, io.env)
  });
  let metadata;
  if (sha !== void 0) {
    for (const b of branch !== void 0 ? [branch] : await store.branches(series)) {
      metadata = (await store.commit(series, b, sha))?.metadata;
      if (metadata !== void 0) break;
    }
  } else {
    metadata = (await store.pointer(series, branch))?.current;
  }
  if (metadata === void 0) {
    const what = sha !== void 0 ? `commit ${sha}` : `branch ${JSON.stringify(branch)}`;
    const message = `no baseline for series ${series} at ${what} in ${store.location}`;
    io.stdout(format === "json" ? `${JSON.stringify({ baseline: null, message }, null, 2)}
` : clean(`${message}
`));
    return 0;
  }
  io.stdout(format === "json" ? `${JSON.stringify(metadata, null, 2)}
` : describe(metadata));
  return 0;
}
async function history(argv, io) {
  const { values, positionals } = parseCommandArgs(argv, HISTORY);
  if (values.help === true) return help(io, HISTORY_USAGE);
  if (positionals.length !== 0) throw new UsageError("baseline history takes no positional arguments");
  const format = outFormat(values);
  const series = validateSeries(required(values, "series", "baseline history"));
  const branch = branchOf(values.branch, io.env);
  encodeBranch(branch);
  const limit = values.limit === void 0 ? Infinity : parseNonNegativeInt("--limit", values.limit);
  const store = await openStore(required(values, "store", "baseline history"), {
    cwd: io.cwd,
    access: "read",
    github: githubAccess(values, io.env)
  });
  const pointer = await store.pointer(series, branch);
  const entries = pointer === void 0 ? [] : [pointer.current, ...pointer.history].slice(0, limit);
  if (values.steps === true) {
    const steps = seriesSteps(entries);
    if (format === "json") io.stdout(stepsJson(series, branch, steps));
    else if (entries.length === 0) {
      io.stdout(clean(`no baselines for series ${series} on branch ${JSON.stringify(branch)} in ${store.location}
`));
    } else io.stdout(clean(stepsText(steps)));
    return 0;
  }
  if (format === "json") {
    io.stdout(`${JSON.stringify(entries, null, 2)}
`);
    return 0;
  }
  if (entries.length === 0) {
    io.stdout(clean(`no baselines for series ${series} on branch ${JSON.stringify(branch)} in ${store.location}
`));
    return 0;
  }
  io.stdout(historyTable(entries));
  return 0;
}
async function remove(argv, io) {
  const { values, positionals } = parseCommandArgs(argv, DELETE);
  if (values.help === true) return help(io, DELETE_USAGE);
  if (positionals.length !== 0) throw new UsageError("baseline delete takes no positional arguments");
  const format = outFormat(values);
  const series = validateSeries(required(values, "series", "baseline delete"));
  const sha = normalizeSha(required(values, "sha", "baseline delete"));
  const branch = branchOf(values.branch, io.env);
  encodeBranch(branch);
  const store = await openStore(required(values, "store", "baseline delete"), {
    cwd: io.cwd,
    access: "write",
    github: githubAccess(values, io.env)
  });
  const result = await store.delete(series, branch, sha);
  if (result.object === "absent" && result.pointer === "absent") {
    throw new UsageError(
      `no baseline of commit ${sha.slice(0, 12)} on branch ${JSON.stringify(branch)} of series ${series} in ${store.location}: nothing deleted`
    );
  }
  if (format === "json") {
    io.stdout(`${JSON.stringify({ store: store.location, series, branch, sha, ...result }, null, 2)}
`);
    return 0;
  }
  const pointer = {
    absent: "it was not in the pointer",
    history: "dropped from the history",
    current: `the current baseline is now ${result.current?.sha.slice(0, 12) ?? "?"}`,
    last: `${branch} has no baseline left`
  }[result.pointer];
  const object = result.object === "removed" ? "deleted" : "had no stored profile";
  io.stdout(
    clean(`baseline ${sha.slice(0, 12)} of ${series} on ${branch} in ${store.location}: ${object}; ${pointer}
`)
  );
  return 0;
}
function historyTable(entries) {
  const types = entries[0].sampleType;
  const anyCommitTime = entries.some((m) => m.commitTime !== void 0);
  const time = anyCommitTime ? "commit time" : "stored at";
  const header = ["commit", time, "run", ...types.map((t) => `${t.type} (${t.unit})`)];
  const rows = entries.map((m) => [
    m.sha.slice(0, 12),
    m.commitTime ?? (anyCommitTime ? `${m.createdAt} (stored)` : m.createdAt),
    m.runId ?? "",
    ...types.map((t) => {
      const i = m.sampleType.findIndex((u) => u.type === t.type && u.unit === t.unit);
      return i < 0 ? "-" : String(m.total[i]);
    })
  ]);
  const width = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, c) => c < 3 ? cell.padEnd(width[c]) : cell.padStart(width[c])).join("  ").trimEnd();
  return clean(`${[line(header), ...rows.map(line)].join("\n")}
`);
}
function help(io, sub) {
  io.stdout(usage(sub));
  return 0;
}
var SUBCOMMANDS = {
  put,
  show,
  history,
  delete: remove
};
var baselineCommand = {
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === void 0 || sub === "--help" || sub === "-h") {
      (sub === void 0 ? io.stderr : io.stdout)(USAGE);
      return sub === void 0 ? 2 : 0;
    }
    const fn = SUBCOMMANDS[sub];
    if (fn === void 0) {
      throw new UsageError(`unknown baseline subcommand ${JSON.stringify(sub)}; use put, show, history or delete`);
    }
    return fn(rest, io);
  }
};
export {
  baselineCommand
};
