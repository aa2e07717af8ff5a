import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

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

export {
  capName,
  findSampleType,
  sameValueType,
  formatValueType,
  listSampleTypes,
  resolveSampleIndex,
  missFactor,
  bytesLabel,
  SampleVariance,
  zScore,
  V8_HEAP_PROF_COMMENT,
  samplerOfPair,
  goVersionFromComments,
  comparabilityWarnings
};
