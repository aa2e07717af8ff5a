import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIDENCE,
  closestNames,
  rankByDistance
} from "./chunk-22KJ6QHR.js";
import {
  firstLine
} from "./chunk-TQ4GEVIF.js";
import {
  StoreError,
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/core/verdict/gate.ts
var MIN_STEP_PERCENT = 2;
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
function credentialsPrefix(store) {
  if (/^gs:\/\//i.test(store)) return "gcloud auth application-default login && ";
  if (/^branch:/i.test(store)) return "GITHUB_TOKEN=$(gh auth token) ";
  return "";
}
function reproduceCommand(target, branch) {
  const args = [...NPX_HEAPGATE, "check", ...[target.profile].flat(), ...storeArgs(target, branch)];
  if (target.baselineSha) args.push("--sha", target.baselineSha);
  if (target.repository && /^branch:/i.test(target.store)) args.push("--repo", target.repository);
  if (target.rules !== null && target.rules.text.trim() !== "") {
    const lines = target.rules.text.split("\n").map((l) => l.replace(/#.*$/, "").trim());
    args.push("--rules", lines.filter((l) => l !== "").join("; "));
  }
  if (target.confidence !== null && target.confidence !== DEFAULT_CONFIDENCE) {
    args.push("--confidence", String(target.confidence));
  }
  return credentialsPrefix(target.store) + args.map(shellQuote).join(" ");
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

export {
  MIN_STEP_PERCENT,
  otherSeriesText,
  reproduceCommand,
  seedCommand,
  noBaselineSentence,
  otherSeriesSentence,
  baselineSource,
  findBaseline,
  otherSeries,
  historyRequest
};
