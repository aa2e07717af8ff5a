import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  DEFAULT_RULES_TEXT,
  compileFocus,
  formatRule,
  markdownCode,
  markdownText,
  parseRules,
  truncate,
  withContext
} from "./chunk-MI564TAB.js";
import {
  comparabilityWarnings,
  findSampleType,
  formatValueType,
  listSampleTypes,
  resolveSampleIndex,
  sameValueType,
  zScore
} from "./chunk-G2BJ626N.js";
import {
  ExitCode,
  IncompatibleProfilesError,
  RuleError,
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/core/diff.ts
function percentOf(delta, base) {
  return base === 0 ? null : 100 * delta / base;
}
function metricDelta(t, base, current, varBase, varCurrent) {
  const delta = current - base;
  return {
    sampleType: t.type,
    unit: t.unit,
    base,
    current,
    delta,
    deltaPercent: percentOf(delta, base),
    z: zScore(delta, varBase, varCurrent)
  };
}
function typeList(types) {
  return types.length === 0 ? "(none)" : types.map(formatValueType).join(", ");
}
function commonSampleTypes(base, current) {
  if (base.periodType !== void 0 && current.periodType !== void 0 && !sameValueType(base.periodType, current.periodType)) {
    throw new IncompatibleProfilesError(
      `different period types: base ${formatValueType(base.periodType)}, current ${formatValueType(current.periodType)}`
    );
  }
  const pairs = [];
  current.sampleType.forEach((t, c) => {
    const b = base.sampleType.findIndex((u) => sameValueType(u, t));
    if (b >= 0) pairs.push([b, c]);
  });
  if (pairs.length === 0) {
    throw new IncompatibleProfilesError(
      `no common sample type: base has ${typeList(base.sampleType)}; current has ${typeList(current.sampleType)}`
    );
  }
  return pairs;
}
function alignRows(base, current) {
  const baseRow = /* @__PURE__ */ new Map();
  base.functions.name.forEach((n, r) => baseRow.set(n, r));
  const matched = new Uint8Array(base.functions.name.length);
  const baseRowOf = new Int32Array(current.functions.name.length);
  current.functions.name.forEach((n, cr) => {
    const br = baseRow.get(n) ?? -1;
    baseRowOf[cr] = br;
    if (br >= 0) matched[br] = 1;
  });
  const baseOnly = [];
  matched.forEach((m, br) => {
    if (m === 0) baseOnly.push(br);
  });
  return { baseRowOf, baseOnly: Int32Array.from(baseOnly) };
}
function functionDeltas(base, current, b, c, rows) {
  const bf = base.functions;
  const cf = current.functions;
  const out = [];
  const add = (name, br, cr) => {
    const baseFlat = br < 0 ? 0 : bf.flat[b][br];
    const baseCum = br < 0 ? 0 : bf.cum[b][br];
    const currentFlat = cr < 0 ? 0 : cf.flat[c][cr];
    const currentCum = cr < 0 ? 0 : cf.cum[c][cr];
    const flatDelta = currentFlat - baseFlat;
    const cumDelta = currentCum - baseCum;
    if (flatDelta === 0 && cumDelta === 0) return;
    const varBase = br < 0 ? 0 : bf.flatVariance[b][br];
    const varCurrent = cr < 0 ? 0 : cf.flatVariance[c][cr];
    out.push({
      name,
      baseFlat,
      currentFlat,
      flatDelta,
      baseCum,
      currentCum,
      cumDelta,
      flatZ: zScore(flatDelta, varBase, varCurrent)
    });
  };
  cf.name.forEach((n, cr) => add(n, rows.baseRowOf[cr], cr));
  for (const br of rows.baseOnly) add(bf.name[br], br, -1);
  out.sort((x, y) => {
    const d = Math.abs(y.flatDelta) - Math.abs(x.flatDelta);
    if (d !== 0) return d;
    if (x.name !== y.name) return x.name < y.name ? -1 : 1;
    return Math.abs(y.cumDelta) - Math.abs(x.cumDelta);
  });
  return out;
}
function focusDeltas(base, current, pairs) {
  const patterns = [...new Set([...current.focus, ...base.focus].map((f) => f.pattern))];
  const find = (list, pattern) => list.find((f) => f.pattern === pattern);
  const out = [];
  for (const pattern of patterns) {
    const bt = find(base.focus, pattern);
    const ct = find(current.focus, pattern);
    for (const [b, c] of pairs) {
      const m = metricDelta(
        current.sampleType[c],
        bt?.total[b] ?? 0,
        ct?.total[c] ?? 0,
        bt?.variance[b] ?? 0,
        ct?.variance[c] ?? 0
      );
      out.push({ ...m, pattern });
    }
  }
  return out;
}
function diff(base, current) {
  const pairs = commonSampleTypes(base, current);
  const metrics = pairs.map(
    ([b, c]) => metricDelta(current.sampleType[c], base.total[b], current.total[c], base.variance[b], current.variance[c])
  );
  const functions = {};
  const rows = alignRows(base, current);
  for (const [b, c] of pairs) functions[current.sampleType[c].type] = functionDeltas(base, current, b, c, rows);
  const defaultType = current.sampleType[current.defaultSampleTypeIndex];
  const defaultCommon = pairs.some(([, c]) => c === current.defaultSampleTypeIndex);
  return {
    metrics,
    functions,
    focus: focusDeltas(base, current, pairs),
    defaultSampleType: defaultCommon && defaultType !== void 0 ? defaultType.type : metrics[0].sampleType,
    warnings: comparabilityWarnings(base, current)
  };
}

// src/core/report.ts
function buildReport(diff2, verdict, options) {
  if (!Number.isInteger(options.top) || options.top < 0) {
    throw new UsageError(`top must be a non-negative integer, got ${options.top}`);
  }
  const sampleType = selectSampleType(diff2, options.sampleIndex);
  const limit = options.top === 0 ? null : options.top;
  const functions = {};
  const functionCount = {};
  const totals = {};
  for (const metric of diff2.metrics) {
    const rows = diff2.functions[metric.sampleType] ?? [];
    functions[metric.sampleType] = limit === null ? rows.slice() : rows.slice(0, limit);
    functionCount[metric.sampleType] = rows.length;
    totals[metric.sampleType] = { unit: metric.unit, base: metric.base, current: metric.current };
  }
  return {
    verdict: verdict.verdict,
    confidence: verdict.confidence,
    base: options.base,
    current: options.current,
    warnings: [...diff2.warnings],
    metrics: verdict.metrics,
    sampleType,
    top: limit,
    functions,
    functionCount,
    totals
  };
}
function selectSampleType(diff2, sampleIndex) {
  if (sampleIndex === void 0) return diff2.defaultSampleType;
  const types = diff2.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  return types[resolveSampleIndex(types, sampleIndex)].type;
}
function verdictExitCode(verdict) {
  return verdict === "fail" ? ExitCode.fail : ExitCode.pass;
}

// src/core/closest.ts
function editDistance(wanted, candidate, within = false) {
  const a = wanted.toLowerCase();
  const b = candidate.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => within ? 0 : j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = row;
  }
  return within ? Math.min(...prev) : prev[b.length];
}
function rankByDistance(wanted, candidates, within = false) {
  return scored(wanted, candidates, within).map((s) => s.name);
}
function scored(wanted, candidates, within) {
  const out = [];
  for (const name of new Set(candidates)) {
    if (name !== wanted) out.push({ name, d: editDistance(wanted, name, within) });
  }
  return out.sort((x, y) => x.d - y.d || x.name.length - y.name.length || (x.name < y.name ? -1 : 1));
}
function closestNames(wanted, candidates, options = {}) {
  const cutoff = Math.max(2, Math.floor(wanted.length / 2));
  return scored(wanted, candidates, options.within ?? false).filter((s) => s.d <= cutoff).slice(0, options.limit ?? 3).map((s) => s.name);
}
function patternLiteral(pattern) {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) {
      const next = pattern[++i];
      out += /[a-zA-Z]/.test(next) ? " " : next;
    } else if (c === "." && /[*+]/.test(pattern[i + 1] ?? "")) {
      out += " ";
      i++;
    } else if (!/[\^$*+?()[\]{}|]/.test(c)) {
      out += c;
    }
  }
  return out.replace(/\s+/g, " ").trim();
}

// src/core/rules.ts
function defaultRules() {
  return parseRules(DEFAULT_RULES_TEXT, "default");
}
function rulesWithDefaults(userText) {
  return [...defaultRules(), ...parseRules(userText, "user")];
}
function focusPatterns(rules) {
  return [...new Set(rules.filter((r) => !r.off && r.pattern !== null).map((r) => r.pattern))];
}
var MAX_NAME_CHARS = 120;
function checkFunctionRulesMatch(rules, functionNames) {
  for (const rule of rules) {
    if (rule.off || rule.pattern === null) continue;
    const [re] = compileFocus([rule.pattern]);
    if (functionNames.some((names) => names.some((n) => re.test(n)))) continue;
    const closest = closestNames(patternLiteral(rule.pattern), functionNames.flat(), { within: true, limit: 3 });
    const cut2 = (n) => n.length > MAX_NAME_CHARS ? `${n.slice(0, MAX_NAME_CHARS)}\u2026` : n;
    const hint = closest.length === 0 ? "" : `; closest: ${closest.map(cut2).join(", ")}`;
    throw ruleError(rule, `/${rule.pattern}/ matches no function in either profile${hint}`);
  }
}
function ruleError(rule, why) {
  return new RuleError(`rule ${rule.index} ("${rule.source}"): ${why}`);
}
function resolveRules(rules, types) {
  const user = rules.filter((r) => r.origin === "user");
  const defaults = rules.filter((r) => r.origin === "default");
  const whole = /* @__PURE__ */ new Map();
  const off = /* @__PURE__ */ new Set();
  const functionRules = [];
  const claimed = /* @__PURE__ */ new Map();
  for (const rule of user) {
    const t = findSampleType(types, rule.sampleType);
    if (rule.off && t < 0) continue;
    if (t < 0)
      throw ruleError(
        rule,
        `the profiles have no sample type "${rule.sampleType}"; available: ${listSampleTypes(types)}`
      );
    if (rule.minInBytes && types[t].unit !== "bytes") {
      throw ruleError(
        rule,
        `min is in bytes but ${types[t].type} is measured in ${types[t].unit}; give a plain number`
      );
    }
    const key = JSON.stringify([t, rule.pattern]);
    const earlier = claimed.get(key);
    if (earlier) throw ruleError(rule, `repeats rule ${earlier.index} ("${earlier.source}"); keep one`);
    claimed.set(key, rule);
    if (rule.off) off.add(t);
    else if (rule.pattern === null) whole.set(t, rule);
    else functionRules.push({ rule, t });
  }
  for (const rule of defaults) {
    const t = findSampleType(types, rule.sampleType);
    if (t < 0 || off.has(t) || whole.has(t)) continue;
    if (rule.pattern === null) whole.set(t, rule);
    else functionRules.push({ rule, t });
  }
  const out = [];
  types.forEach((_type, t) => {
    const rule = whole.get(t);
    if (rule) out.push({ rule, sampleTypeIndex: t, text: formatRule(rule) });
  });
  for (const { rule, t } of functionRules) out.push({ rule, sampleTypeIndex: t, text: formatRule(rule) });
  return out;
}

// src/core/verdict.ts
var DEFAULT_CONFIDENCE = 3;
function over(m, percent) {
  if (m.base === 0) return m.current > 0;
  return m.deltaPercent !== null && m.deltaPercent > percent;
}
function judge(m, rule, confidence) {
  if (rule.off || m.delta < rule.min) return "pass";
  const significant = m.z === null || m.z >= confidence;
  if (over(m, rule.percent)) return significant ? "fail" : "noise";
  if (rule.warnPercent !== null && over(m, rule.warnPercent)) return significant ? "warn" : "noise";
  return "pass";
}
function evaluate(diff2, rules, options = {}) {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isFinite(confidence) || confidence < 0) {
    throw new UsageError(`confidence must be a number \u2265 0, got ${confidence}`);
  }
  const types = diff2.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  const applied = resolveRules(rules, types);
  if (applied.length === 0) {
    throw new RuleError(
      `no rule applies to any of the profiles' sample types (${listSampleTypes(types)}): a gate that cannot fail would pass every run; keep a default rule or add one for one of these types`
    );
  }
  const metrics = diff2.metrics.map((m, t) => {
    const a = applied.find((x) => x.sampleTypeIndex === t && x.rule.pattern === null);
    return a ? { ...m, pattern: null, status: judge(m, a.rule, confidence), rule: a.text } : { ...m, pattern: null, status: "pass", rule: null };
  });
  for (const a of applied) {
    if (a.rule.pattern === null) continue;
    const type = types[a.sampleTypeIndex];
    const f = diff2.focus.find(
      (x) => x.pattern === a.rule.pattern && x.sampleType === type.type && x.unit === type.unit
    );
    if (!f) {
      throw new Error(`no focus totals for /${a.rule.pattern}/ in ${type.type}: summarize with focusPatterns(rules)`);
    }
    metrics.push({ ...f, status: judge(f, a.rule, confidence), rule: a.text });
  }
  const verdict = metrics.some((m) => m.status === "fail") ? "fail" : metrics.some((m) => m.status === "warn") ? "warn" : "pass";
  return { verdict, confidence, metrics };
}

// src/app/compare.ts
async function compareProfiles(request, load) {
  const { rules } = request.rules;
  const [base, current] = await load([request.base, request.current], focusPatterns(rules));
  try {
    checkFunctionRulesMatch(rules, [base.functions.name, current.functions.name]);
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : e;
  }
  let compared;
  try {
    compared = diff(base, current);
  } catch (e) {
    throw withContext(e, `comparing ${request.base.label} with ${request.current.label}: `);
  }
  let verdict;
  try {
    verdict = evaluate(compared, rules, request.confidence === void 0 ? {} : { confidence: request.confidence });
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : e;
  }
  const report = buildReport(compared, verdict, {
    base: request.base.label,
    current: request.current.label,
    top: request.top,
    ...request.sampleIndex !== void 0 ? { sampleIndex: request.sampleIndex } : {}
  });
  return { report, verdict, exitCode: verdictExitCode(verdict.verdict), summaries: { base, current } };
}

// src/core/render/json.ts
var REPORT_SCHEMA_VERSION = 1;
function finiteOrNull(x) {
  return x !== null && Number.isFinite(x) ? x : null;
}
function toJsonReport(report) {
  const functions = {};
  for (const [type, rows] of Object.entries(report.functions)) {
    functions[type] = rows.map((f) => ({
      name: f.name,
      baseFlat: f.baseFlat,
      currentFlat: f.currentFlat,
      flatDelta: f.flatDelta,
      baseCum: f.baseCum,
      currentCum: f.currentCum,
      cumDelta: f.cumDelta
    }));
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: report.verdict,
    confidence: report.confidence,
    base: report.base,
    current: report.current,
    warnings: [...report.warnings],
    sampleType: report.sampleType,
    top: report.top,
    metrics: report.metrics.map((m) => ({
      sampleType: m.sampleType,
      unit: m.unit,
      pattern: m.pattern,
      base: m.base,
      current: m.current,
      delta: m.delta,
      deltaPercent: finiteOrNull(m.deltaPercent),
      z: finiteOrNull(m.z),
      status: m.status,
      rule: m.rule
    })),
    functions,
    functionCount: { ...report.functionCount }
  };
}
function renderJson(report) {
  return `${JSON.stringify(toJsonReport(report), null, 2)}
`;
}

// src/app/rules-input.ts
function parseRulesInput(input) {
  const origin = input?.origin ?? "rules";
  try {
    return { rules: rulesWithDefaults(input?.text ?? ""), origin };
  } catch (e) {
    throw withContext(e, `${origin}: `);
  }
}

// src/core/render/parts.ts
var ICON = {
  pass: "\u2705",
  warn: "\u26A0\uFE0F",
  fail: "\u274C",
  noise: "\u{1F4A4}",
  accepted: "\u2611\uFE0F",
  "no-baseline": "\u{1F195}"
};
var VERDICT_WORDS = {
  pass: "no memory regression",
  warn: "memory warning",
  fail: "memory regression",
  accepted: "memory regression, accepted",
  "no-baseline": "no baseline yet"
};
function statusCounts(report) {
  const n = (status) => report.metrics.filter((m) => m.status === status).length;
  return `${n("fail")} failed, ${n("warn")} warned, ${n("noise")} within noise`;
}
function failingSampleTypes(report) {
  const types = [];
  for (const m of report.metrics) {
    if ((m.status === "fail" || m.status === "warn") && !types.includes(m.sampleType)) types.push(m.sampleType);
  }
  return types;
}
function valueCell(text) {
  return /^[\w .,%+-]*$/.test(text) ? text : markdownText(text);
}

// src/core/render/units.ts
var BINARY_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
function isByteUnit(unit) {
  const u = unit.toLowerCase();
  return u === "bytes" || u === "byte" || u === "b";
}
function groupThousands(value) {
  const rounded = Math.round(Math.abs(value));
  const digits = Number.isFinite(rounded) ? rounded.toFixed(0) : String(rounded);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return (value < 0 && rounded !== 0 ? "-" : "") + out;
}
function formatBytes(value) {
  const abs = Math.abs(value);
  let i = 0;
  while (i < BINARY_UNITS.length - 1 && abs >= 1024 ** (i + 1)) i++;
  if (i === 0) return `${groupThousands(value)} B`;
  const scaled = abs / 1024 ** i;
  return `${value < 0 ? "-" : ""}${scaled.toFixed(2)} ${BINARY_UNITS[i]}`;
}
function formatValue(value, unit) {
  if (isByteUnit(unit)) return formatBytes(value);
  if (unit === "count" || unit === "") return groupThousands(value);
  return `${groupThousands(value)} ${unit}`;
}
function formatSignedValue(value, unit) {
  const text = formatValue(value, unit);
  return value > 0 && !/^0(\.0+)?( |$)/.test(text) ? `+${text}` : text;
}
function formatDeltaPercent(percent) {
  if (percent === null || !Number.isFinite(percent)) return "n/a";
  const text = Math.abs(percent).toFixed(1);
  if (text === "0.0") return "0.0%";
  return `${percent > 0 ? "+" : "-"}${text}%`;
}
function formatZ(z) {
  if (z === null) return "exact";
  if (!Number.isFinite(z)) return z > 0 ? "inf" : "-inf";
  const text = z.toFixed(1);
  return text === "-0.0" ? "0.0" : text;
}
function formatPprofPercent(value, total) {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return "  100%";
  if (ratio >= 1) return `${ratio.toFixed(2).padStart(5)}%`;
  return `${goFormatG2(ratio).padStart(5)}%`;
}
function goFormatG2(x) {
  if (x === 0) return "0";
  const exp = Math.floor(Math.log10(Number(x.toPrecision(2))));
  if (exp < -4) {
    const [mantissa, e] = x.toExponential(1).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const n = Number(e);
    return `${trimmed}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  return String(Number(x.toPrecision(2)));
}

// src/core/render/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var MAX_CELL_CHARS = 200;
var MAX_WARNING_CHARS = 500;
function renderMarkdown(report, options = {}) {
  const budget = options.budget ?? GITHUB_COMMENT_LIMIT;
  const types = functionSampleTypes(report, options.functionsFor ?? "failing");
  const fullRows = Math.max(0, ...types.map((t) => report.functions[t]?.length ?? 0));
  for (let rows = fullRows; ; rows = Math.floor(rows / 2)) {
    const text = compose(report, types, rows, rows < fullRows);
    if (text.length <= budget) return text;
    if (rows === 0) break;
  }
  const compact = compose(report, [], 0, true, true);
  if (compact.length <= budget) return compact;
  return cut(compact, budget);
}
function compose(report, types, rows, reduced, compact = false) {
  const parts = [verdictLine(report), ...warningLines(report), labelsLine(report), ""];
  const metrics = compact ? report.metrics.filter((m) => m.status === "fail" || m.status === "warn") : report.metrics;
  parts.push(...metricsTable(metrics));
  if (metrics.length < report.metrics.length) {
    parts.push("", `_${report.metrics.length - metrics.length} passing or noise metrics left out._`);
  }
  const noise = noiseLine(report);
  if (noise !== null) parts.push("", noise);
  for (const type of types) parts.push("", ...functionSection(report, type, rows));
  if (reduced) {
    parts.push("", "_Rows left out to fit the size limit; run `heapgate diff` locally for the full report._");
  }
  return `${parts.join("\n")}
`;
}
function verdictLine(report) {
  const words = VERDICT_WORDS[report.verdict];
  return `### ${ICON[report.verdict]} heapgate: ${report.verdict} \u2014 ${words} (${statusCounts(report)})`;
}
function warningLines(report) {
  const n = report.warnings.length;
  if (n === 0) return [];
  return [
    ...report.warnings.map((w, i) => `\u26A0\uFE0F ${markdownText(truncate(w, MAX_WARNING_CHARS))}${i < n - 1 ? "\\" : ""}`),
    ""
  ];
}
function labelsLine(report) {
  const label = (name) => markdownCode(truncate(name, MAX_CELL_CHARS), false);
  return `Base ${label(report.base)} \u2192 current ${label(report.current)}`;
}
function metricsTable(metrics) {
  if (metrics.length === 0) return ["_No metrics compared._"];
  const lines = [
    "| metric | base | current | \u0394 | \u0394% | z | rule | status |",
    "| :-- | --: | --: | --: | --: | --: | :-- | :-- |"
  ];
  for (const m of metrics) {
    const name = m.pattern === null ? markdownCode(m.sampleType, true) : `${markdownCode(m.sampleType, true)} ~ ${markdownCode(truncate(m.pattern, MAX_CELL_CHARS), true)}`;
    lines.push(
      `| ${[
        name,
        valueCell(formatValue(m.base, m.unit)),
        valueCell(formatValue(m.current, m.unit)),
        valueCell(formatSignedValue(m.delta, m.unit)),
        formatDeltaPercent(m.deltaPercent),
        formatZ(m.z),
        m.rule === null ? "\u2014" : markdownCode(truncate(m.rule, MAX_CELL_CHARS), true),
        `${ICON[m.status]} ${m.status}`
      ].join(" | ")} |`
    );
  }
  return lines;
}
function noiseLine(report) {
  const noise = report.metrics.filter((m) => m.status === "noise").length;
  if (noise === 0) return null;
  const changes = noise === 1 ? "1 change crosses a threshold but is" : `${noise} changes cross a threshold but are`;
  return `\u{1F4A4} ${changes} within sampling noise (|z| < ${report.confidence}): heap profiles record a sample per ~512 KiB allocated, so identical runs differ.`;
}
function functionSampleTypes(report, which) {
  const all = Object.keys(report.functions);
  if (which === "all") return all;
  const failing = failingSampleTypes(report).filter((t) => all.includes(t));
  return failing.length > 0 ? failing : all.includes(report.sampleType) ? [report.sampleType] : [];
}
function functionSection(report, type, maxRows) {
  const all = report.functions[type] ?? [];
  const rows = all.slice(0, maxRows);
  const total = report.totals[type];
  const unit = total?.unit ?? "";
  const baseTotal = total?.base ?? 0;
  const count = report.functionCount[type] ?? all.length;
  const out = [`#### Top function deltas: ${markdownCode(type, false)}`];
  if (rows.length === 0) {
    out.push("", count === 0 ? "_No functions._" : `_${count} functions; rows left out._`);
    return out;
  }
  out.push("", "| flat \u0394 | flat% | cum \u0394 | cum% | function |", "| --: | --: | --: | --: | :-- |");
  for (const f of rows) {
    out.push(
      `| ${[
        valueCell(formatSignedValue(f.flatDelta, unit)),
        formatPprofPercent(f.flatDelta, baseTotal).trim(),
        valueCell(formatSignedValue(f.cumDelta, unit)),
        formatPprofPercent(f.cumDelta, baseTotal).trim(),
        markdownCode(truncate(f.name, MAX_CELL_CHARS), true)
      ].join(" | ")} |`
    );
  }
  out.push(
    "",
    `_${rows.length} of ${count} functions by |flat \u0394|; percentages of the base total ${valueCell(formatValue(baseTotal, unit))}._`
  );
  return out;
}
function cut(text, budget) {
  const note = "\n_Report cut to fit the size limit._\n";
  if (budget <= note.length) return text.slice(0, Math.max(0, budget));
  const room = budget - note.length;
  const end = text.lastIndexOf("\n", room);
  return `${text.slice(0, end > 0 ? end : room)}${note}`;
}

export {
  toJsonReport,
  renderJson,
  rankByDistance,
  closestNames,
  focusPatterns,
  DEFAULT_CONFIDENCE,
  compareProfiles,
  parseRulesInput,
  ICON,
  VERDICT_WORDS,
  statusCounts,
  failingSampleTypes,
  valueCell,
  isByteUnit,
  formatValue,
  formatSignedValue,
  formatDeltaPercent,
  formatZ,
  formatPprofPercent,
  GITHUB_COMMENT_LIMIT,
  MAX_CELL_CHARS,
  renderMarkdown
};
