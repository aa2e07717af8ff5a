import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/core/errors.ts
var ExitCode = {
  pass: 0,
  fail: 1,
  /** Bad arguments, unreadable or malformed profiles, bad rules, incompatible profiles. */
  input: 2,
  /** A baseline store could not be read or written. */
  store: 3,
  /** A bug: anything that is not a HeapgateError (BSD sysexits EX_SOFTWARE). */
  internal: 70
};
var HeapgateError = class extends Error {
  constructor(message, exitCode = ExitCode.input) {
    super(message);
    this.exitCode = exitCode;
    this.name = new.target.name;
  }
  exitCode;
};
var DecodeError = class extends HeapgateError {
  constructor(message, offset) {
    super(offset === void 0 ? message : `${message} at byte ${offset}`);
    this.offset = offset;
  }
  offset;
};
var IncompatibleProfilesError = class extends HeapgateError {
};
var RuleError = class extends HeapgateError {
};
var UsageError = class extends HeapgateError {
};
var StoreError = class extends HeapgateError {
  constructor(message) {
    super(message, ExitCode.store);
  }
};

// src/core/profile/name-cap.ts
var MAX_NAME_CHARS = 4096;
var KEPT_CHARS = 4e3;
function fnv1a(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
function capName(name) {
  if (name.length <= MAX_NAME_CHARS) return name;
  return `${name.slice(0, KEPT_CHARS)}\u2026[cut: ${name.length} characters, #${fnv1a(name)}]`;
}
function cutNamesWarning(side, count) {
  if (count === void 0 || count === 0) return null;
  return `the ${side} profile has ${count} function name${count === 1 ? "" : "s"} longer than ${MAX_NAME_CHARS} characters, cut to their first ${KEPT_CHARS} (and a hash) in every report`;
}

// src/core/profile/sample-type.ts
var INUSE_PREFIX = "inuse_";
function sampleTypeMatchesName(t, name) {
  return t.type === name || name.startsWith(INUSE_PREFIX) && t.type === name.slice(INUSE_PREFIX.length);
}
function findSampleType(types, name) {
  for (let i = 0; i < types.length; i++) {
    if (sampleTypeMatchesName(types[i], name)) return i;
  }
  return -1;
}
function sameValueType(a, b) {
  return a.type === b.type && a.unit === b.unit;
}
function formatValueType(t) {
  return t === void 0 ? "(none)" : `${t.type}/${t.unit}`;
}
function listSampleTypes(types) {
  return types.length === 0 ? "(none)" : types.map((t) => t.type).join(", ");
}
function resolveSampleIndex(types, spec, defaultIndex) {
  const s = spec.trim();
  if (types.length === 0) {
    throw new UsageError(`sample index "${spec}": the profile has no sample types`);
  }
  if (s === "") {
    return defaultIndex !== void 0 && defaultIndex >= 0 && defaultIndex < types.length ? defaultIndex : types.length - 1;
  }
  if (/^[+-]?\d+$/.test(s)) {
    const i2 = Number(s);
    if (i2 < 0 || i2 >= types.length) {
      throw new UsageError(
        `sample index ${s} is outside the range [0..${types.length - 1}]; sample types: ${listSampleTypes(types)}`
      );
    }
    return i2;
  }
  const i = findSampleType(types, s);
  if (i < 0) {
    throw new UsageError(`sample index "${spec}" must be one of: ${listSampleTypes(types)}`);
  }
  return i;
}

// src/core/profile/sampling.ts
function samplingRate(profile) {
  const pt = profile.periodType;
  if (pt === void 0 || pt.unit !== "bytes" || !(pt.type === "space" || pt.type.endsWith("_space"))) return 0;
  return Number.isFinite(profile.period) && profile.period > 1 ? profile.period : 0;
}
function missFactor(size, rate) {
  if (!(size > 0) || !Number.isFinite(size) || !(rate > 1)) return 0;
  return 1 / Math.expm1(size / rate);
}
var EXACT = 0;
var BYTES = 1;
var COUNT = 2;
function kindOf(t) {
  if (t.unit === "bytes") return BYTES;
  if (t.unit === "count") return COUNT;
  return EXACT;
}
function sizingPairs(types) {
  const pairs = new Int32Array(types.length * 2).fill(-1);
  const find = (type, unit) => types.findIndex((t) => t.type === type && t.unit === unit);
  types.forEach((t, i) => {
    let space = -1;
    let objects = -1;
    if (t.type.endsWith("space") && t.unit === "bytes") {
      space = i;
      objects = find(`${t.type.slice(0, -"space".length)}objects`, "count");
    } else if (t.type.endsWith("objects") && t.unit === "count") {
      objects = i;
      space = find(`${t.type.slice(0, -"objects".length)}space`, "bytes");
    }
    if (space >= 0 && objects >= 0) {
      pairs[i * 2] = space;
      pairs[i * 2 + 1] = objects;
    }
  });
  return pairs;
}
function bytesLabel(labels, first, last) {
  for (let j = first; j < last; j++) {
    if (labels.labelKey[j] === "bytes" && labels.labelStr[j] === "") return labels.labelNum[j];
  }
  return 0;
}
var SampleVariance = class {
  /** The sampling rate in bytes, 0 when the profile is exact (then every variance is 0). */
  rate;
  k;
  kinds;
  pairs;
  constructor(profile) {
    this.rate = samplingRate(profile);
    this.k = profile.sampleType.length;
    this.kinds = new Uint8Array(profile.sampleType.map(kindOf));
    this.pairs = sizingPairs(profile.sampleType);
  }
  /**
   * Writes the variance of each of the sample's k values (`value[at .. at + k)`) to
   * `out[outAt .. outAt + k)`. `labelSize` is the sample's `bytes` label (see bytesLabel), 0 without
   * one: the sample is then sized by space/objects of the paired sample types. A sample that cannot
   * be sized, and any sample type whose unit is neither bytes nor count, gets variance 0.
   */
  compute(value, at, labelSize, out, outAt) {
    const { k, kinds, pairs, rate } = this;
    for (let t = 0; t < k; t++) {
      out[outAt + t] = 0;
      const kind = kinds[t];
      if (kind === EXACT) continue;
      let size = labelSize;
      if (!(size > 0)) {
        const sp = pairs[t * 2];
        if (sp < 0) continue;
        const objects = value[at + pairs[t * 2 + 1]];
        if (objects === 0) continue;
        size = value[at + sp] / objects;
      }
      const f = missFactor(size, rate);
      if (f === 0) continue;
      const v = Math.abs(value[at + t]);
      out[outAt + t] = kind === BYTES ? v * size * f : v * f;
    }
  }
};
function zScore(delta, varianceBase, varianceCurrent) {
  const v = varianceBase + varianceCurrent;
  if (!(v > 0)) return null;
  return delta / Math.sqrt(v);
}

// src/core/profile/sampler.ts
var V8_HEAP_PROF_COMMENT = "node --heap-prof:";
function samplerOf(summary) {
  return summary.comment.some((c) => c.startsWith(V8_HEAP_PROF_COMMENT)) ? "v8" : "go";
}
function samplerOfPair(base, current) {
  return samplerOf(base) === "v8" || samplerOf(current) === "v8" ? "v8" : "go";
}

// src/core/compare/comparability.ts
var GO_VERSION_RE = /\bgo[1-9][0-9]*\.[0-9]+(?:\.[0-9]+)?(?:(?:rc|beta)[0-9]+)?\b/;
function goVersionFromComments(comments) {
  for (const c of comments) {
    const m = GO_VERSION_RE.exec(c);
    if (m) return m[0];
  }
  return void 0;
}
function rateName(pt, sampler) {
  if (pt.type !== "space" || pt.unit !== "bytes") return `sampling period (${formatValueType(pt)})`;
  return sampler === "v8" ? "--heap-prof-interval" : "MemProfileRate";
}
function describeSides(base, current) {
  const pb = base.periodType;
  const pc = current.periodType;
  if (pb !== void 0 && pc !== void 0 && sameValueType(pb, pc)) {
    return `base ${rateName(pb, samplerOfPair(base, current))} ${base.period}, current ${current.period}`;
  }
  const one = (s) => s.periodType === void 0 ? "no sampling period" : `${rateName(s.periodType, samplerOf(s))} ${s.period}`;
  return `base ${one(base)}, current ${one(current)}`;
}
function samplingWarning(base, current) {
  const rb = samplingRate(base);
  const rc = samplingRate(current);
  if (rb === rc) return null;
  const sides = describeSides(base, current);
  if (rb > 0 && rc > 0) {
    return `sampling rates differ: ${sides} \u2014 the two sides were sampled differently`;
  }
  const lead = base.periodType !== void 0 && current.periodType !== void 0 ? "sampling rates differ" : "one profile is sampled, the other exact";
  return `${lead}: ${sides} \u2014 deltas mix sampled and exact values`;
}
function goVersionWarning(base, current) {
  const vb = goVersionFromComments(base.comment);
  const vc = goVersionFromComments(current.comment);
  if (vb === void 0 || vc === void 0 || vb === vc) return null;
  return `Go versions differ: base ${vb}, current ${vc} \u2014 the runtime and standard library may allocate differently`;
}
function missingFrom(types, other) {
  return types.filter((t) => !other.some((u) => sameValueType(t, u)));
}
function sampleTypeWarnings(base, current) {
  const out = [];
  const onlyBase = missingFrom(base.sampleType, current.sampleType);
  const onlyCurrent = missingFrom(current.sampleType, base.sampleType);
  const list = (types) => types.map(formatValueType).join(", ");
  if (onlyBase.length > 0) out.push(`sample types only in the base profile, not compared: ${list(onlyBase)}`);
  if (onlyCurrent.length > 0) out.push(`sample types only in the current profile, not compared: ${list(onlyCurrent)}`);
  return out;
}
function comparabilityWarnings(base, current) {
  return [
    samplingWarning(base, current),
    goVersionWarning(base, current),
    ...sampleTypeWarnings(base, current),
    cutNamesWarning("base", base.cutNames),
    cutNamesWarning("current", current.cutNames)
  ].filter((w) => w !== null);
}

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
  ExitCode,
  HeapgateError,
  DecodeError,
  IncompatibleProfilesError,
  RuleError,
  UsageError,
  StoreError,
  missFactor,
  bytesLabel,
  SampleVariance,
  zScore,
  V8_HEAP_PROF_COMMENT,
  samplerOfPair,
  capName,
  findSampleType,
  sameValueType,
  formatValueType,
  listSampleTypes,
  resolveSampleIndex,
  comparabilityWarnings,
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
