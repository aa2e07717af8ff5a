import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  goVersionFromComments
} from "./chunk-KQKQYG5A.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/core/history/baseline.ts
var BASELINE_SCHEMA = 1;
var DEFAULT_HISTORY_LIMIT = 50;
var SERIES_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
var SHA_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var RUN_ID_RE = /^[0-9]{1,20}$/;
var ACCEPTOR_RE = /^[A-Za-z0-9][A-Za-z0-9._[\]-]{0,99}$/;
var MAX_ENCODED_BRANCH = 240;
function isSeriesName(name) {
  return SERIES_RE.test(name);
}
function validateSeries(series) {
  if (!SERIES_RE.test(series)) {
    throw new UsageError(
      `invalid series name ${JSON.stringify(series)}: use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit`
    );
  }
  return series;
}
function normalizeSha(sha) {
  const lower = sha.toLowerCase();
  if (SHA_RE.test(lower)) return lower;
  const fix = /^[0-9a-f]{4,63}$/.test(lower) ? `a short commit id; give the full one (git rev-parse ${lower})` : "not a commit id";
  throw new UsageError(`invalid commit sha ${JSON.stringify(sha)}: ${fix}; 40 or 64 hex digits are needed`);
}
function encodeBranch(branch) {
  if (branch.length === 0) throw new UsageError("invalid branch name: empty");
  let out = "";
  for (const byte of new TextEncoder().encode(branch)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  if (out.length > MAX_ENCODED_BRANCH) {
    throw new UsageError(`branch name too long (${branch.length} characters)`);
  }
  return out;
}
function decodeBranch(segment) {
  if (!/^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})+$/.test(segment)) {
    throw new UsageError(`invalid encoded branch ${JSON.stringify(segment)}`);
  }
  const bytes = [];
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === "%") {
      bytes.push(parseInt(segment.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(segment.charCodeAt(i));
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    throw new UsageError(`invalid encoded branch ${JSON.stringify(segment)}: not UTF-8`);
  }
}
function baselineKeys(series, branch) {
  const dir = `${validateSeries(series)}/${encodeBranch(branch)}`;
  return {
    commit: (sha) => `${dir}/commits/${normalizeSha(sha)}.pb.gz`,
    pointer: `${dir}/latest.json`
  };
}
function baselineMetadata(origin, summary, size) {
  validateSeries(origin.series);
  encodeBranch(origin.branch);
  if (origin.runId !== void 0 && !RUN_ID_RE.test(origin.runId)) {
    throw new UsageError(`invalid run id ${JSON.stringify(origin.runId)}: expected a decimal number`);
  }
  if (origin.pullRequest !== void 0 && !(Number.isSafeInteger(origin.pullRequest) && origin.pullRequest > 0)) {
    throw new UsageError(
      `invalid pull request number ${JSON.stringify(origin.pullRequest)}: expected a positive integer`
    );
  }
  if (origin.accepted !== void 0 && !ACCEPTOR_RE.test(origin.accepted.by)) {
    throw new UsageError(
      `invalid name of who accepted the level ${JSON.stringify(origin.accepted.by)}: use 1-100 letters, digits, '.', '_', '-', '[' or ']', starting with a letter or digit`
    );
  }
  for (const [name, t] of [
    ["created", origin.createdAt],
    ["commit", origin.commitTime]
  ]) {
    if (t !== void 0 && Number.isNaN(Date.parse(t))) {
      throw new UsageError(`invalid ${name} time ${JSON.stringify(t)}: expected an ISO 8601 date`);
    }
  }
  const goVersion = goVersionFromComments(summary.comment);
  const isSpace = summary.periodType?.type === "space" && summary.periodType.unit === "bytes";
  const producer = {
    ...goVersion !== void 0 ? { goVersion } : {},
    ...isSpace ? { memProfileRate: summary.period } : {}
  };
  return {
    schema: BASELINE_SCHEMA,
    series: origin.series,
    branch: origin.branch,
    sha: normalizeSha(origin.sha),
    createdAt: origin.createdAt,
    ...origin.commitTime !== void 0 ? { commitTime: origin.commitTime } : {},
    ...origin.runId !== void 0 ? { runId: origin.runId } : {},
    ...origin.runUrl !== void 0 ? { runUrl: origin.runUrl } : {},
    ...origin.pullRequest !== void 0 ? { pullRequest: origin.pullRequest } : {},
    ...origin.accepted !== void 0 ? { accepted: { by: origin.accepted.by, how: origin.accepted.how } } : {},
    sampleType: summary.sampleType.map((v) => ({ type: v.type, unit: v.unit })),
    total: [...summary.total],
    ...summary.runs === void 0 ? {} : { runs: summary.runs.total.length, runTotals: summary.runs.total.map((r) => [...r]) },
    ...summary.periodType !== void 0 ? { periodType: { type: summary.periodType.type, unit: summary.periodType.unit } } : {},
    period: summary.period,
    sampleCount: summary.sampleCount,
    producer,
    size
  };
}
function compareNewer(a, b) {
  if (a.sha === b.sha) return 0;
  if (a.commitTime !== void 0 && b.commitTime !== void 0) {
    const d = Date.parse(a.commitTime) - Date.parse(b.commitTime);
    if (d !== 0) return Math.sign(d);
  }
  if (a.runId !== void 0 && b.runId !== void 0) {
    const ra = BigInt(a.runId);
    const rb = BigInt(b.runId);
    if (ra !== rb) return ra > rb ? 1 : -1;
  }
  return Math.sign(Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
function advancePointer(existing, incoming, historyLimit = DEFAULT_HISTORY_LIMIT) {
  if (existing === void 0) {
    return { move: true, pointer: { schema: BASELINE_SCHEMA, current: incoming, history: [] } };
  }
  if (existing.current.sha === incoming.sha) return { move: false, reason: "same-commit" };
  if (compareNewer(incoming, existing.current) <= 0) return { move: false, reason: "older" };
  const history = [existing.current, ...existing.history].filter((m) => m.sha !== incoming.sha).slice(0, Math.max(0, historyLimit));
  return { move: true, pointer: { schema: BASELINE_SCHEMA, current: incoming, history } };
}
function baselineKind(sampleType) {
  const types = sampleType.map((t) => `${t.type}/${t.unit}`);
  if (sampleType.some((t) => t.type === "B/op"))
    return `Go benchmark output (${sampleType.map((t) => t.type).join(", ")})`;
  return `profiles of ${types.join(", ")}`;
}
function seriesKindConflict(current, incoming) {
  if (current === void 0) return null;
  const key = (types) => types.map((t) => `${t.type}/${t.unit}`).sort().join(",");
  if (key(current.sampleType) === key(incoming)) return null;
  return `series ${current.series} on branch ${current.branch} holds ${baselineKind(current.sampleType)}, but this is ${baselineKind(incoming)}: store it under another --series, or remove the series' baselines first (heapgate baseline delete)`;
}
function removeFromPointer(existing, sha) {
  if (existing === void 0) return { change: "absent" };
  if (existing.current.sha === sha) {
    const [next, ...rest] = existing.history.filter((m) => m.sha !== sha);
    if (next === void 0) return { change: "last" };
    return { change: "current", pointer: { schema: BASELINE_SCHEMA, current: next, history: rest } };
  }
  if (!existing.history.some((m) => m.sha === sha)) return { change: "absent" };
  return {
    change: "history",
    pointer: { ...existing, history: existing.history.filter((m) => m.sha !== sha) }
  };
}
function encodePointer(pointer) {
  return `${JSON.stringify(pointer, null, 1)}
`;
}
function parsePointer(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error("pointer is not valid JSON");
  }
  if (!isObject(value) || typeof value.schema !== "number") throw new Error("pointer has no schema");
  if (value.schema > BASELINE_SCHEMA) {
    throw new Error(`pointer schema ${value.schema} is newer than this heapgate understands (${BASELINE_SCHEMA})`);
  }
  if (!isMetadata(value.current) || !Array.isArray(value.history) || !value.history.every(isMetadata)) {
    throw new Error("pointer is malformed");
  }
  return value;
}
function parseMetadata(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error("baseline metadata is not valid JSON");
  }
  if (!isMetadata(value)) throw new Error("baseline metadata is malformed");
  return value;
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isMetadata(v) {
  return isObject(v) && typeof v.sha === "string" && typeof v.branch === "string" && typeof v.series === "string" && typeof v.createdAt === "string" && Array.isArray(v.sampleType) && Array.isArray(v.total) && typeof v.period === "number" && isObject(v.producer);
}

export {
  DEFAULT_HISTORY_LIMIT,
  isSeriesName,
  validateSeries,
  normalizeSha,
  encodeBranch,
  decodeBranch,
  baselineKeys,
  baselineMetadata,
  compareNewer,
  advancePointer,
  seriesKindConflict,
  removeFromPointer,
  encodePointer,
  parsePointer,
  parseMetadata
};
