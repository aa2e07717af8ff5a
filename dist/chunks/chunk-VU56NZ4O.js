import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  BENCH_METRICS,
  DEFAULT_RULES_TEXT,
  ELIDED_FRAME_NAME,
  ELIDED_ROW,
  ITERATIONS_WARNING,
  LineKeyMap,
  MAX_PROFILE_SIZE_OPTION,
  OWN_LEAF_SEPARATOR,
  combineInputs,
  compileFocus,
  compileNamePattern,
  describeFsError,
  expandProfilePaths,
  fellAlone,
  formatDeltaPercent,
  formatPprofPercent,
  formatRule,
  formatSignedValue,
  formatValue,
  formatZ,
  htmlText,
  lineName,
  markdownCode,
  markdownText,
  median,
  memoryRole,
  metricSeries,
  noiseOfSeries,
  ownCodePatternProblem,
  parseChoice,
  parseMaxProfileSize,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  parseRules,
  readBounded,
  readRulesArgument,
  ruleLabel,
  runCount,
  runSpread,
  runsOf,
  scalesWithIterations,
  scriptJson,
  shownPattern,
  terminalSafe,
  topLevelName,
  truncate
} from "./chunk-BQAJM6YL.js";
import {
  comparabilityWarnings,
  findSampleType,
  formatValueType,
  listSampleTypes,
  resolveSampleIndex,
  sameValueType,
  samplerOfPair,
  zScore
} from "./chunk-KQKQYG5A.js";
import {
  ExitCode,
  HeapgateError,
  IncompatibleProfilesError,
  RuleError,
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/core/compare/line-diff.ts
function unionOf(base, current) {
  const at = new LineKeyMap();
  const baseRow = [];
  const currentRow = [];
  const key = [];
  const visit = (t, own, other) => {
    for (let r = 0; r < t.function.length; r++) {
      const u = at.getOrAdd(t.function[r], t.file[r], t.line[r], key.length);
      if (u < key.length) {
        own[u] = r;
        continue;
      }
      key.push({ function: t.function[r], file: t.file[r], line: t.line[r] });
      own.push(r);
      other.push(-1);
    }
  };
  visit(current, currentRow, baseRow);
  visit(base, baseRow, currentRow);
  const names2 = key.map(lineName);
  const order = Int32Array.from(names2.keys()).sort(
    (x, y) => names2[x] < names2[y] ? -1 : names2[x] === names2[y] ? 0 : 1
  );
  const rank = new Int32Array(key.length);
  order.forEach((u, i) => rank[u] = i);
  return { baseRow: Int32Array.from(baseRow), currentRow: Int32Array.from(currentRow), key, rank, order };
}
function deltasOf(base, current, b, c, u) {
  const n = u.key.length;
  const flatDelta = new Float64Array(n);
  const cumDelta = new Float64Array(n);
  const moved = [];
  const still = [];
  for (const i of u.order) {
    const br = u.baseRow[i];
    const cr = u.currentRow[i];
    const fd = (cr < 0 ? 0 : current.flat[c][cr]) - (br < 0 ? 0 : base.flat[b][br]);
    const cd = (cr < 0 ? 0 : current.cum[c][cr]) - (br < 0 ? 0 : base.cum[b][br]);
    if (fd === 0 && cd === 0) continue;
    flatDelta[i] = fd;
    cumDelta[i] = cd;
    (fd === 0 ? still : moved).push(i);
  }
  const rank = u.rank;
  moved.sort((x, y) => Math.abs(flatDelta[y]) - Math.abs(flatDelta[x]) || rank[x] - rank[y]);
  const row = (i) => {
    const br = u.baseRow[i];
    const cr = u.currentRow[i];
    const varBase = br < 0 ? 0 : base.flatVariance[b][br];
    const varCurrent = cr < 0 ? 0 : current.flatVariance[c][cr];
    const key = u.key[i];
    return {
      function: key.function,
      file: key.file,
      line: key.line,
      flatDelta: flatDelta[i],
      cumDelta: cumDelta[i],
      flatZ: zScore(flatDelta[i], varBase, varCurrent)
    };
  };
  return [...moved.map(row), ...still.map(row)];
}
function lineDeltas(base, current, pairs, types) {
  const union = unionOf(base, current);
  const out = {};
  for (const [b, c] of pairs) out[types[c].type] = deltasOf(base, current, b, c, union);
  return out;
}

// src/core/compare/own-diff.ts
var MAX_OWN_ROWS = 100;
function bothWays(sorted, delta, n) {
  let up = 0;
  let down = 0;
  return sorted.filter((r) => delta(r) > 0 ? up++ < n : delta(r) < 0 ? down++ < n : false);
}
function byName(table, t) {
  const out = /* @__PURE__ */ new Map();
  table.name.forEach((n, r) => out.set(n, (out.get(n) ?? 0) + table.flat[t][r]));
  return out;
}
function deltas(base, current) {
  const out = /* @__PURE__ */ new Map();
  for (const [n, v] of current) out.set(n, v - (base.get(n) ?? 0));
  for (const [n, v] of base) if (!current.has(n)) out.set(n, -v);
  return out;
}
function ownDeltas(rows, base, current, b, c) {
  const changed = rows.filter((r) => r.currentFlat !== r.baseFlat);
  const delta = (r) => r.currentFlat - r.baseFlat;
  changed.sort((x, y) => Math.abs(delta(y)) - Math.abs(delta(x)) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const kept = bothWays(changed, delta, MAX_OWN_ROWS);
  const pairs = deltas(byName(base.leaves, b), byName(current.leaves, c));
  const leafOf = topLeaves(pairs, new Map(kept.map((r) => [r.name, Math.sign(delta(r))])));
  return kept.map((r) => ({ ...r, flatDelta: delta(r), leaf: leafOf.get(r.name) ?? null }));
}
function topLeaves(pairs, signs) {
  const best = /* @__PURE__ */ new Map();
  for (const [key, d] of pairs) {
    const cut2 = key.indexOf(OWN_LEAF_SEPARATOR);
    const own = key.slice(0, cut2);
    const leaf = key.slice(cut2 + 1);
    const sign = signs.get(own);
    if (sign === void 0 || Math.sign(d) !== sign) continue;
    const was = best.get(own);
    if (was === void 0 || Math.abs(d) > Math.abs(was.flatDelta) || Math.abs(d) === Math.abs(was.flatDelta) && leaf < was.name) {
      best.set(own, { name: leaf, flatDelta: d });
    }
  }
  for (const [own, b] of best) if (b.name === own) best.delete(own);
  return best;
}
function ownLineDeltas(base, current, b, c) {
  if (base.lines === void 0 || current.lines === void 0) return [];
  const rows = [...deltas(byName(base.lines, b), byName(current.lines, c))].filter(([, d]) => d !== 0);
  rows.sort(([x, dx], [y, dy]) => Math.abs(dy) - Math.abs(dx) || (x < y ? -1 : x > y ? 1 : 0));
  return bothWays(rows, ([, d]) => d, MAX_OWN_ROWS).map(([key, flatDelta]) => {
    const [fn, file, line] = key.split(OWN_LEAF_SEPARATOR);
    return { function: fn, file: file ?? "", line: Number(line), flatDelta };
  });
}

// src/core/compare/diff.ts
function ownOf(base, current, pairs, rows) {
  const bo = base.own;
  const co = current.own;
  if (bo === void 0 || co === void 0) return {};
  const own = {};
  const ownLines = {};
  const nc = current.functions.name.length;
  for (const [b, c] of pairs) {
    const type = current.sampleType[c].type;
    const changed = [];
    for (const u of rows.byName) {
      const br = u < nc ? rows.baseRowOf[u] : rows.baseOnly[u - nc];
      const currentFlat = u < nc ? co.flat[c][u] : 0;
      const baseFlat = br < 0 ? 0 : bo.flat[b][br];
      if (currentFlat === baseFlat) continue;
      changed.push({ name: u < nc ? current.functions.name[u] : base.functions.name[br], baseFlat, currentFlat });
    }
    own[type] = ownDeltas(changed, bo, co, b, c);
    if (bo.lines !== void 0 && co.lines !== void 0) ownLines[type] = ownLineDeltas(bo, co, b, c);
  }
  return Object.keys(ownLines).length === 0 ? { own } : { own, ownLines };
}
function percentOf(delta, base) {
  return base === 0 ? null : 100 * delta / base;
}
function metricDelta(t, base, current, varBase, varCurrent, perRun) {
  const delta = current - base;
  return {
    sampleType: t.type,
    unit: t.unit,
    base,
    current,
    delta,
    deltaPercent: percentOf(delta, base),
    z: zScore(delta, varBase, varCurrent),
    variance: varBase + varCurrent,
    runs: { base: perRun.base.length, current: perRun.current.length },
    runSpread: runSpread(perRun.base, perRun.current)
  };
}
function runTotals(s, t) {
  return runsOf(s).total.map((r) => r[t]);
}
function runFocusTotals(s, pattern, t) {
  const p = s.focus.findIndex((f) => f.pattern === pattern);
  return runsOf(s).focus.map((r) => p < 0 ? 0 : r[p][t]);
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
  const names2 = [...current.functions.name, ...baseOnly.map((br) => base.functions.name[br])];
  const byName2 = Int32Array.from(names2.keys()).sort((x, y) => names2[x] < names2[y] ? -1 : 1);
  const nameRank = new Int32Array(names2.length);
  byName2.forEach((u, i) => nameRank[u] = i);
  return { baseRowOf, baseOnly: Int32Array.from(baseOnly), byName: byName2, nameRank };
}
function functionDeltas(base, current, b, c, rows) {
  const bf = base.functions;
  const cf = current.functions;
  const nc = cf.name.length;
  const bFlat = bf.flat[b];
  const bCum = bf.cum[b];
  const cFlat = cf.flat[c];
  const cCum = cf.cum[c];
  const baseRowOf = (u) => u < nc ? rows.baseRowOf[u] : rows.baseOnly[u - nc];
  const flatDelta = new Float64Array(rows.byName.length);
  const cumDelta = new Float64Array(rows.byName.length);
  const moved = [];
  const still = [];
  for (const u of rows.byName) {
    const br = baseRowOf(u);
    const fd = (u < nc ? cFlat[u] : 0) - (br < 0 ? 0 : bFlat[br]);
    const cd = (u < nc ? cCum[u] : 0) - (br < 0 ? 0 : bCum[br]);
    if (fd === 0 && cd === 0) continue;
    flatDelta[u] = fd;
    cumDelta[u] = cd;
    (fd === 0 ? still : moved).push(u);
  }
  const rank = rows.nameRank;
  moved.sort((x, y) => Math.abs(flatDelta[y]) - Math.abs(flatDelta[x]) || rank[x] - rank[y]);
  const row = (u) => {
    const br = baseRowOf(u);
    const cr = u < nc ? u : -1;
    const varBase = br < 0 ? 0 : bf.flatVariance[b][br];
    const varCurrent = cr < 0 ? 0 : cf.flatVariance[c][cr];
    return {
      name: cr < 0 ? bf.name[br] : cf.name[cr],
      baseFlat: br < 0 ? 0 : bFlat[br],
      currentFlat: cr < 0 ? 0 : cFlat[cr],
      flatDelta: flatDelta[u],
      baseCum: br < 0 ? 0 : bCum[br],
      currentCum: cr < 0 ? 0 : cCum[cr],
      cumDelta: cumDelta[u],
      flatZ: zScore(flatDelta[u], varBase, varCurrent)
    };
  };
  return [...moved.map(row), ...still.map(row)];
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
        ct?.variance[c] ?? 0,
        { base: runFocusTotals(base, pattern, b), current: runFocusTotals(current, pattern, c) }
      );
      out.push({ ...m, pattern });
    }
  }
  return out;
}
function diff(base, current) {
  const pairs = commonSampleTypes(base, current);
  const metrics = pairs.map(
    ([b, c]) => metricDelta(current.sampleType[c], base.total[b], current.total[c], base.variance[b], current.variance[c], {
      base: runTotals(base, b),
      current: runTotals(current, c)
    })
  );
  const functions = {};
  const rows = alignRows(base, current);
  for (const [b, c] of pairs) functions[current.sampleType[c].type] = functionDeltas(base, current, b, c, rows);
  const defaultType = current.sampleType[current.defaultSampleTypeIndex];
  const defaultCommon = pairs.some(([, c]) => c === current.defaultSampleTypeIndex);
  const iterations = scalesWithIterations(base) || scalesWithIterations(current);
  return {
    metrics,
    functions,
    ...base.lines !== void 0 && current.lines !== void 0 ? { lines: lineDeltas(base.lines, current.lines, pairs, current.sampleType) } : {},
    focus: focusDeltas(base, current, pairs),
    defaultSampleType: defaultCommon && defaultType !== void 0 ? defaultType.type : metrics[0].sampleType,
    warnings: [...comparabilityWarnings(base, current), ...iterations ? [ITERATIONS_WARNING] : []],
    scalesWithIterations: iterations,
    sampler: samplerOfPair(base, current),
    ...ownOf(base, current, pairs, rows)
  };
}

// src/core/compare/flame.ts
var DEFAULT_NODE_FRACTION = 1e-3;
function merge(base, current) {
  const parent = [-1];
  const name = [""];
  const children = [void 0];
  const mapSide = (tree, names2) => {
    const to = new Int32Array(tree.parent.length);
    for (let i = 1; i < tree.parent.length; i++) {
      const p = to[tree.parent[i]];
      const r = tree.row[i];
      const n = r === ELIDED_ROW ? ELIDED_FRAME_NAME : names2[r];
      let map = children[p];
      if (map === void 0) {
        map = /* @__PURE__ */ new Map();
        children[p] = map;
      }
      let m = map.get(n);
      if (m === void 0) {
        m = parent.length;
        parent.push(p);
        name.push(n);
        children.push(void 0);
        map.set(n, m);
      }
      to[i] = m;
    }
    return to;
  };
  const baseTree = base.tree;
  const currentTree = current.tree;
  const baseTo = mapSide(baseTree, base.functions.name);
  const currentTo = mapSide(currentTree, current.functions.name);
  const spread = (tree, to) => tree.value.map((v) => {
    const out = new Float64Array(parent.length);
    for (let i = 0; i < v.length; i++) out[to[i]] += v[i];
    return out;
  });
  return { parent, name, base: spread(baseTree, baseTo), current: spread(currentTree, currentTo) };
}
function settle(flat, cum) {
  return Math.abs(flat) <= Math.abs(cum) * 1e-9 ? 0 : flat;
}
function childrenOf(parent) {
  const children = parent.map(() => []);
  for (let i = 1; i < parent.length; i++) children[parent[i]].push(i);
  return children;
}
function flameGraph(tree, children, b, c, type, fraction) {
  const baseLimit = fraction * Math.abs(b[0]);
  const currentLimit = fraction * Math.abs(c[0]);
  const size = (i) => Math.max(Math.abs(b[i]), Math.abs(c[i]));
  const shown = (i) => size(i) > 0 && (Math.abs(b[i]) >= baseLimit || Math.abs(c[i]) >= currentLimit);
  const g = {
    depth: [],
    name: [],
    baseCum: [],
    currentCum: [],
    baseFlat: [],
    currentFlat: []
  };
  let kept = 0;
  const stack = [[0, 0]];
  while (stack.length > 0) {
    const [i, depth] = stack.pop();
    kept++;
    let bf = b[i];
    let cf = c[i];
    const drawn = [];
    for (const ch of children[i]) {
      bf -= b[ch];
      cf -= c[ch];
      if (shown(ch)) drawn.push(ch);
    }
    g.depth.push(depth);
    g.name.push(tree.name[i]);
    g.baseCum.push(b[i]);
    g.currentCum.push(c[i]);
    g.baseFlat.push(settle(bf, b[i]));
    g.currentFlat.push(settle(cf, c[i]));
    drawn.sort((x, y) => size(x) - size(y) || (tree.name[x] < tree.name[y] ? 1 : -1));
    for (const ch of drawn) stack.push([ch, depth + 1]);
  }
  let nonzero = 0;
  for (let i = 0; i < tree.parent.length; i++) if (size(i) > 0) nonzero++;
  return { ...type, ...g, pruned: { frames: Math.max(0, nonzero - kept), fraction } };
}
function flameGraphs(base, current, diff2, fraction = DEFAULT_NODE_FRACTION) {
  if (base.tree === void 0 || current.tree === void 0) return void 0;
  const tree = merge(base, current);
  const children = childrenOf(tree.parent);
  const out = {};
  for (const m of diff2.metrics) {
    const t = { type: m.sampleType, unit: m.unit };
    const bi = base.sampleType.findIndex((u) => sameValueType(u, t));
    const ci = current.sampleType.findIndex((u) => sameValueType(u, t));
    if (bi < 0 || ci < 0) continue;
    out[m.sampleType] = flameGraph(tree, children, tree.base[bi], tree.current[ci], m, fraction);
  }
  return out;
}

// src/core/bench/per-op.ts
function perOpDeltas(base, current, bench, metric, perOp) {
  const find = (list) => list?.find((a) => a.pkg === bench.pkg && a.name === topLevelName(bench.name))?.metrics[metric];
  const b = find(base);
  const c = find(current);
  if (b === void 0 || c === void 0 || b.total <= 0 || c.total <= 0) return null;
  const scaleB = perOp.base / b.total;
  const scaleC = perOp.current / c.total;
  const rows = /* @__PURE__ */ new Map();
  for (const f of b.functions) rows.set(f.name, { bf: f.flat * scaleB, bc: f.cum * scaleB, cf: 0, cc: 0 });
  for (const f of c.functions) {
    const r = rows.get(f.name) ?? { bf: 0, bc: 0, cf: 0, cc: 0 };
    rows.set(f.name, { ...r, cf: f.flat * scaleC, cc: f.cum * scaleC });
  }
  const out = [];
  for (const [name, r] of rows) {
    const flatDelta = r.cf - r.bf;
    const cumDelta = r.cc - r.bc;
    if (flatDelta === 0 && cumDelta === 0) continue;
    out.push({
      name,
      baseFlat: r.bf,
      currentFlat: r.cf,
      flatDelta,
      baseCum: r.bc,
      currentCum: r.cc,
      cumDelta,
      flatZ: null
    });
  }
  return out.sort((x, y) => Math.abs(y.flatDelta) - Math.abs(x.flatDelta) || (x.name < y.name ? -1 : 1));
}

// src/core/stats/mann-whitney.ts
var EXACT_MAX_RUNS = 50;
var EXACT_MAX_RUNS_WITH_TIES = 25;
function tieGroups(x, y) {
  const pooled = [...x.map((v) => ({ v, fromX: 1 })), ...y.map((v) => ({ v, fromX: 0 }))].sort((a, b) => a.v - b.v);
  const groups = [];
  let start = 0;
  while (start < pooled.length) {
    let end = start;
    let fromX = 0;
    while (end < pooled.length && pooled[end].v === pooled[start].v) fromX += pooled[end++].fromX;
    const size = end - start;
    groups.push({ doubledRank: start + 1 + end, size, fromX });
    start = end;
  }
  return groups;
}
function binomials(n) {
  const row = [1];
  for (let k = 1; k <= n; k++) row.push(row[k - 1] * (n - k + 1) / k);
  return row;
}
function exactTails(groups, n1, observed) {
  const pooled = groups.reduce((n, g) => n + g.size, 0);
  const maxSum = pooled * (pooled + 1);
  const width2 = maxSum + 1;
  let ways = new Float64Array((n1 + 1) * width2);
  ways[0] = 1;
  let lo = new Int32Array(n1 + 1).fill(width2);
  let hi = new Int32Array(n1 + 1).fill(-1);
  lo[0] = 0;
  hi[0] = 0;
  for (const g of groups) {
    const next = new Float64Array(ways.length);
    const nextLo = new Int32Array(n1 + 1).fill(width2);
    const nextHi = new Int32Array(n1 + 1).fill(-1);
    const choose = binomials(g.size);
    for (let k = 0; k <= n1; k++) {
      for (let s = lo[k]; s <= hi[k]; s++) {
        const w = ways[k * width2 + s];
        if (w === 0) continue;
        for (let j = 0; j <= g.size && k + j <= n1; j++) {
          const to = s + j * g.doubledRank;
          next[(k + j) * width2 + to] += w * choose[j];
          if (to < nextLo[k + j]) nextLo[k + j] = to;
          if (to > nextHi[k + j]) nextHi[k + j] = to;
        }
      }
    }
    ways = next;
    lo = nextLo;
    hi = nextHi;
  }
  let total = 0;
  let lower = 0;
  let upper = 0;
  for (let s = 0; s < width2; s++) {
    const w = ways[n1 * width2 + s];
    total += w;
    if (s <= observed) lower += w;
    if (s >= observed) upper += w;
  }
  return { lower: lower / total, upper: upper / total };
}
function exactTailsNoTies(n1, n2, u) {
  const degree = n1 * n2;
  let poly = new Float64Array(degree + 1);
  poly[0] = 1;
  for (let i = 1; i <= n1; i++) {
    const next = new Float64Array(degree + 1);
    const shift = n2 + i;
    for (let k = 0; k <= degree; k++) next[k] = poly[k] - (k >= shift ? poly[k - shift] : 0);
    for (let k = i; k <= degree; k++) next[k] += next[k - i];
    const scale = i / (n2 + i);
    for (let k = 0; k <= degree; k++) next[k] = next[k] * scale;
    poly = next;
  }
  let total = 0;
  let lower = 0;
  let upper = 0;
  for (let k = 0; k <= degree; k++) {
    const w = poly[k];
    total += w;
    if (k <= u) lower += w;
    if (k >= u) upper += w;
  }
  return { lower: lower / total, upper: upper / total };
}
function normalCdf(z) {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
function mannWhitneyU(x, y) {
  if (x.length === 0 || y.length === 0) throw new Error("mannWhitneyU needs at least one value in each sample");
  if (![...x, ...y].every(Number.isFinite)) throw new Error("mannWhitneyU needs finite values");
  const n1 = x.length;
  const n2 = y.length;
  const groups = tieGroups(x, y);
  const doubledRankSum = groups.reduce((s, g) => s + g.fromX * g.doubledRank, 0);
  const u = doubledRankSum / 2 - n1 * (n1 + 1) / 2;
  if (groups.length === 1) return { u, p: 1, exact: true };
  const pooled = n1 + n2;
  const ties = groups.length < pooled;
  const limit = ties ? EXACT_MAX_RUNS_WITH_TIES : EXACT_MAX_RUNS;
  if (n1 <= limit && n2 <= limit) {
    const { lower, upper } = ties ? exactTails(groups, n1, doubledRankSum) : exactTailsNoTies(n1, n2, u);
    return { u, p: Math.min(1, 2 * Math.min(lower, upper)), exact: true };
  }
  const tieTerm = groups.reduce((s, g) => s + g.size ** 3 - g.size, 0) / (pooled * (pooled - 1));
  const sd = Math.sqrt(n1 * n2 / 12 * (pooled + 1 - tieTerm));
  const distance = Math.max(0, Math.abs(u - n1 * n2 / 2) - 0.5);
  return { u, p: Math.min(1, 2 * normalCdf(-distance / sd)), exact: false };
}

// src/core/bench/compare.ts
var BENCH_ALPHA = 0.05;
var MIN_RUNS = 4;
var MAX_NAMED = 5;
var keyOf = (b) => JSON.stringify([b.pkg, b.name]);
function allEqual(values) {
  return values.every((v) => v === values[0]);
}
function labeller(benchmarks) {
  const pkgs = /* @__PURE__ */ new Map();
  for (const b of benchmarks) pkgs.set(b.name, (pkgs.get(b.name) ?? /* @__PURE__ */ new Set()).add(b.pkg));
  return (b) => (pkgs.get(b.name)?.size ?? 0) > 1 && b.pkg !== "" ? `${b.pkg}.${b.name}` : b.name;
}
function someOf(list, label) {
  const named = list.slice(0, MAX_NAMED).map(label).join(", ");
  return named + (list.length > MAX_NAMED ? ` and ${list.length - MAX_NAMED} more` : "");
}
function onlyIn(side, list, label) {
  if (list.length === 0) return [];
  return [
    `${list.length} benchmark${list.length === 1 ? "" : "s"} only in the ${side}, not compared: ${someOf(list, label)}`
  ];
}
function skippedOf(base, current) {
  const out = /* @__PURE__ */ new Map();
  for (const s of [...current.skipped ?? [], ...base.skipped ?? []]) if (!out.has(keyOf(s))) out.set(keyOf(s), s);
  return out;
}
function skippedWarnings(skipped, label) {
  if (skipped.size === 0) return [];
  const n = skipped.size;
  return [
    `${n} benchmark${n === 1 ? "" : "s"} reported no B/op and allocs/op, not compared: ${someOf([...skipped.values()], label)} (run go test -bench with -benchmem, or call b.ReportAllocs() in them)`
  ];
}
function measure(b, c, metric, name) {
  const xs = metric.type === "B/op" ? b.bytes : b.allocs;
  const ys = metric.type === "B/op" ? c.bytes : c.allocs;
  const base = median(xs);
  const current = median(ys);
  const p = xs.length < 2 && ys.length < 2 ? null : mannWhitneyU(xs, ys).p;
  const exact = allEqual(xs) && allEqual(ys) && (xs.length >= 2 && ys.length >= 2 || base === current);
  const significant = exact || xs.length >= MIN_RUNS && ys.length >= MIN_RUNS && p !== null && p < BENCH_ALPHA;
  return {
    sampleType: metric.type,
    unit: metric.unit,
    base,
    current,
    runs: { base: xs.length, current: ys.length },
    significant,
    benchmark: { name, pkg: b.pkg, p, alpha: BENCH_ALPHA, exact }
  };
}
function measureBenchmarks(base, current) {
  const baseByKey = new Map(base.benchmarks.map((b) => [keyOf(b), b]));
  const currentKeys = new Set(current.benchmarks.map(keyOf));
  const skipped = skippedOf(base, current);
  const label = labeller([...base.benchmarks, ...current.benchmarks, ...skipped.values()]);
  const pairs = current.benchmarks.flatMap((c) => {
    const b = baseByKey.get(keyOf(c));
    return b === void 0 ? [] : [{ b, c }];
  });
  if (pairs.length === 0) {
    const list = (s) => s.benchmarks.slice(0, MAX_NAMED).map(label).join(", ") + (s.benchmarks.length > MAX_NAMED ? ", \u2026" : "");
    throw new IncompatibleProfilesError(`no benchmark in common: base has ${list(base)}; current has ${list(current)}`);
  }
  const benchmarks = [];
  const functions = {};
  for (const { b, c } of pairs) {
    const metrics = BENCH_METRICS.map((metric) => measure(b, c, metric, label(c)));
    benchmarks.push({ name: b.name, metrics });
    for (const m of metrics) {
      const rows = perOpDeltas(base.attribution, current.attribution, c, m.sampleType, m);
      if (rows !== null) functions[`${label(c)} ${m.sampleType}`] = rows;
    }
  }
  const warnings = [
    ...onlyIn(
      "base",
      base.benchmarks.filter((b) => !currentKeys.has(keyOf(b)) && !skipped.has(keyOf(b))),
      label
    ),
    ...onlyIn(
      "current",
      current.benchmarks.filter((c) => !baseByKey.has(keyOf(c)) && !skipped.has(keyOf(c))),
      label
    ),
    ...skippedWarnings(skipped, label),
    ...procsWarnings(pairs, label),
    ...attributionWarnings(base, current)
  ];
  const names2 = [...base.benchmarks, ...current.benchmarks].map((b) => b.name);
  return { benchmarks, names: names2, functions, warnings };
}
function procsWarnings(pairs, label) {
  const differ = pairs.filter(({ b, c }) => b.procs.join(",") !== c.procs.join(","));
  if (differ.length === 0) return [];
  const first = differ[0];
  return [
    `${differ.length} benchmark${differ.length === 1 ? "" : "s"} ran with different GOMAXPROCS on the two sides (${label(first.c)}: base -${first.b.procs.join("/-")}, current -${first.c.procs.join("/-")})`
  ];
}
function attributionWarnings(base, current) {
  if (base.attribution === void 0 === (current.attribution === void 0)) return [];
  const side = base.attribution === void 0 ? "current" : "base";
  return [`a -memprofile was given with the ${side} output only: no per-function attribution`];
}

// src/core/verdict/conclusive.ts
var MANY_RUNS = 5;
function dominant(m) {
  const { sampling, runs, history } = m.sources;
  if (history >= sampling && history >= runs) return "history";
  return runs > sampling ? "runs" : "sampling";
}
function conclusiveAdvice(metrics, historyAsked, sampler = "go") {
  const inconclusive = metrics.filter((m) => m.partStatus === "inconclusive" || m.status === "inconclusive");
  if (inconclusive.length === 0) return [];
  if (inconclusive.some((m) => m.benchmark !== void 0)) return benchAdvice(inconclusive);
  const out = /* @__PURE__ */ new Set();
  for (const m of inconclusive) {
    const source = dominant(m);
    if (source === "sampling" && m.sources.sampling > 0) {
      out.add(
        sampler === "v8" ? "Record the profiles with a smaller sampling interval (node --heap-prof --heap-prof-interval 4096): V8 then takes about 128 times the samples of its default interval (512 KiB), so sampling noise shrinks." : "Record the profiles with runtime.MemProfileRate = 1 (set before the first allocation): every allocation is then counted and sampling noise is gone."
      );
      const glob = sampler === "v8" ? "runs/*.heapprofile" : "runs/*.pb.gz";
      out.add(
        `Or give several runs per side (several files, or a quoted glob such as '${glob}'): their per-run means are compared, and sampling noise shrinks with \u221Aruns.`
      );
    }
    if (source === "history" || source === "runs") {
      out.add(
        sampler === "v8" ? "The runs themselves differ (GC timing, caches, timers): keep the workload fixed (inputs, sizes, request counts) and let it finish its work before the process exits and writes the profile." : "The runs themselves differ (GC timing, pools, timers): call runtime.GC() before writing the profile, and keep the workload fixed (inputs, sizes, GOMAXPROCS)."
      );
    }
    if (source === "runs" && Math.min(m.runs.base, m.runs.current) < MANY_RUNS) {
      out.add(
        `Give each side more runs (${MANY_RUNS} or more): the spread across runs is then measured well, and the means' noise shrinks with \u221Aruns.`
      );
    }
  }
  if (inconclusive.some((m) => m.detectable === Number.POSITIVE_INFINITY)) {
    out.add(
      "These are go test -bench profiles, whose totals scale with b.N: compare the go test -bench -benchmem text output instead (heapgate reads it: B/op and allocs/op per benchmark), or run both sides with the same -benchtime=Nx and let a history of baselines (heapgate check, the Action) calibrate the noise."
    );
  }
  const uncalibrated = inconclusive.some((m) => m.history?.kind === "uncalibrated");
  if (uncalibrated) {
    out.add(
      "The history has too few baselines to calibrate the run-to-run noise: it calibrates itself from 5 baselines of the branch."
    );
  } else if (!historyAsked) {
    out.add("heapgate check (or the Action) also learns the run-to-run noise from the baselines of the branch.");
  }
  return [...out];
}
function benchAdvice(inconclusive) {
  const out = [];
  const few = inconclusive.some((m) => Math.min(m.runs.base, m.runs.current) < MIN_RUNS);
  if (few) {
    out.push(
      `Run the benchmarks with go test -bench \u2026 -benchmem -count 10 on both sides: the Mann\u2013Whitney U test needs at least ${MIN_RUNS} runs a side to reach p < 0.05 (benchstat recommends 10).`
    );
  }
  if (inconclusive.some((m) => Math.min(m.runs.base, m.runs.current) >= MIN_RUNS)) {
    out.push(
      "The runs overlap (p \u2265 0.05): B/op and allocs/op that vary between runs come from allocations that depend on timing or b.N (pools, caches, amortised growth); run more (-count 20) and keep the machine quiet."
    );
  }
  return out;
}

// src/core/rules/closest.ts
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
function lastWord(text) {
  const words = text.split(/[./]/).filter((w) => w !== "");
  return words.at(-1) ?? text;
}
function scored(wanted, candidates, within) {
  const word = lastWord(wanted);
  const out = [];
  for (const name of new Set(candidates)) {
    if (name !== wanted) out.push({ name, d: editDistance(wanted, name, within), w: editDistance(word, name, true) });
  }
  return out.sort((x, y) => x.d - y.d || x.w - y.w || x.name.length - y.name.length || (x.name < y.name ? -1 : 1));
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

// src/core/rules/resolve.ts
function defaultTargets(types, metric) {
  const t = findSampleType(types, metric);
  if (t >= 0) return [{ t, why: "" }];
  const out = [];
  types.forEach((type, i) => {
    const role = memoryRole(type);
    if (role !== null && role.why !== "" && role.metric === metric) out.push({ t: i, why: role.why });
  });
  return out;
}
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
    if (functionNames.some((names2) => names2.some((n) => re.test(n)))) continue;
    const closest = closestNames(patternLiteral(rule.pattern), functionNames.flat(), { within: true, limit: 3 });
    const cut2 = (n) => n.length > MAX_NAME_CHARS ? `${n.slice(0, MAX_NAME_CHARS)}\u2026` : n;
    const hint = closest.length === 0 ? "" : `; closest: ${closest.map(cut2).join(", ")}`;
    throw ruleError(rule, `${shownPattern(rule.pattern)} matches no function in either profile${hint}`);
  }
}
function ruleError(rule, why) {
  return new RuleError(`${ruleLabel(rule.index, rule.source)}: ${why}`);
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
    if (t < 0) {
      const standIns = types.filter((x) => memoryRole(x)?.metric === rule.sampleType && memoryRole(x)?.why !== "");
      const bench = BENCH_METRICS.some((m) => m.type === rule.sampleType) ? " (it is a metric of go test -bench -benchmem output, not of heap profiles)" : standIns.length > 0 ? ` (here ${standIns.map((x) => x.type).join(" and ")} stands for it: write the rule for that type)` : "";
      throw ruleError(
        rule,
        `the profiles have no sample type "${rule.sampleType}"${bench}; available: ${listSampleTypes(types)}`
      );
    }
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
  const notes = /* @__PURE__ */ new Map();
  for (const rule of defaults) {
    for (const { t, why } of defaultTargets(types, rule.sampleType)) {
      if (off.has(t) || whole.has(t)) continue;
      const own = why === "" ? rule : { ...rule, sampleType: types[t].type };
      if (why !== "") notes.set(t, ` (${rule.sampleType} default: ${why})`);
      if (rule.pattern === null) whole.set(t, own);
      else functionRules.push({ rule: own, t });
    }
  }
  const out = [];
  types.forEach((_type, t) => {
    const rule = whole.get(t);
    if (rule) out.push({ rule, sampleTypeIndex: t, text: (rule.all ?? formatRule(rule)) + (notes.get(t) ?? "") });
  });
  for (const { rule, t } of functionRules) out.push({ rule, sampleTypeIndex: t, text: rule.all ?? formatRule(rule) });
  return out;
}

// src/core/stats/student-t.ts
function normalUpperTail(z) {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return 1 - normalUpperTail(-z);
  return 0.5 * erfc(z / Math.SQRT2);
}
function erfc(x) {
  if (x < 2) {
    let sum = x;
    let term = x;
    for (let n = 1; n < 200; n++) {
      term *= -x * x / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - 2 / Math.sqrt(Math.PI) * sum;
  }
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
}
function logGamma(x) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 1e3; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * h / a;
}
function tUpperTail(t, df) {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}
function tUpperQuantile(p, df) {
  const tail = df === Number.POSITIVE_INFINITY ? normalUpperTail : (t) => tUpperTail(t, df);
  let lo = 0;
  let hi = 1;
  while (tail(hi) > p && hi < 1e8) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function criticalValue(confidence, df) {
  if (!(confidence > 0) || df === Number.POSITIVE_INFINITY) return confidence;
  return tUpperQuantile(normalUpperTail(confidence), Math.max(df, 1e-3));
}

// src/core/verdict/crossing.ts
function over(base, delta, percent) {
  if (base === 0) return delta > 0;
  return 100 * delta / base > percent;
}
function thresholdOf(base, rule) {
  return Math.max(rule.min, rule.percent / 100 * Math.abs(base));
}
function crossing(base, delta, rule, significant) {
  if (delta < rule.min) return null;
  if (over(base, delta, rule.percent)) return significant ? "fail" : "inconclusive";
  if (rule.warnPercent !== null && over(base, delta, rule.warnPercent)) return significant ? "warn" : "inconclusive";
  return null;
}

// src/core/verdict/drift.ts
function judgeDrift(m, rule, noise, reference, confidence) {
  if (rule.off || rule.drift === "off" || noise === null || noise.kind !== "calibrated" || reference === null) {
    return null;
  }
  const percent = rule.drift ?? rule.percent;
  const ref = reference.mean;
  const delta = m.current - ref;
  const sd = noise.sdPercent / 100 * ref;
  const runs = Math.max(0, m.runSpread.variance - m.variance);
  const variance = sd * sd + m.variance + runs;
  const critical = criticalValue(confidence, noise.df);
  const z = variance > 0 ? delta / Math.sqrt(variance) : delta > 0 ? Number.POSITIVE_INFINITY : 0;
  const driftRule = { ...rule, percent, warnPercent: null };
  const status = crossing(ref, delta, driftRule, z >= critical) ?? "pass";
  return {
    status,
    percent,
    reference: ref,
    baselines: reference.baselines,
    since: reference.since,
    accepted: reference.accepted,
    acceptedBy: reference.acceptedBy,
    delta,
    deltaPercent: 100 * delta / ref,
    z,
    critical,
    threshold: Math.max(rule.min, percent / 100 * ref),
    merges: reference.after,
    rises: reference.rises
  };
}

// src/core/verdict/verdict.ts
var INCONCLUSIVE_POLICIES = ["pass", "warn", "fail"];
var DEFAULT_CONFIDENCE = 3;
function noiseOf(m, history, confidence, iterations) {
  const sampling = m.variance;
  const spread = m.runSpread;
  const runs = Math.max(0, spread.variance - sampling);
  const historyVar = history !== null && history.kind === "calibrated" ? (history.sdPercent / 100 * Math.abs(m.base)) ** 2 : 0;
  const total = sampling + runs + historyVar;
  let estimated = 0;
  if (runs > 0) estimated += spread.variance * spread.variance / Math.max(spread.df, 1);
  if (historyVar > 0 && history !== null && history.kind === "calibrated") {
    estimated += historyVar * historyVar / Math.max(history.df, 1);
  }
  const df = estimated > 0 ? total * total / estimated : Number.POSITIVE_INFINITY;
  const critical = criticalValue(confidence, df);
  const z = total > 0 ? m.delta / Math.sqrt(total) : null;
  const measured = historyVar > 0 || Number.isFinite(spread.df);
  const detectable = iterations && !measured ? Number.POSITIVE_INFINITY : critical * Math.sqrt(total);
  return { sources: { sampling, runs, history: historyVar }, critical, z, detectable };
}
function judge(m, rule, noise) {
  if (rule.off) return "pass";
  const significant = noise.detectable !== Number.POSITIVE_INFINITY && (noise.z === null || noise.z >= noise.critical);
  return crossing(m.base, m.delta, rule, significant) ?? (noise.detectable > thresholdOf(m.base, rule) ? "inconclusive" : "pass");
}
function combine(parts) {
  if (parts.every((s) => s === "fail")) return "fail";
  if (parts.some((s) => s === "pass")) return "pass";
  if (parts.every((s) => s === "fail" || s === "warn")) return "warn";
  return "inconclusive";
}
var SEVERITY = ["fail", "inconclusive", "warn"];
function verdictOf(metrics) {
  return SEVERITY.find((s) => metrics.some((m) => m.status === s)) ?? "pass";
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
  const result = (m, pattern, rule, text) => {
    const series = pattern === null ? options.history?.get(m.sampleType) ?? null : null;
    const history = series?.noise ?? null;
    const noise = noiseOf(m, history, confidence, diff2.scalesWithIterations);
    const drift = rule === null || series === null ? null : judgeDrift(m, rule, history, series.reference, confidence);
    const own = rule === null ? "pass" : judge(m, rule, noise);
    const fallback = rule === null || series?.baseFellAlone !== true ? null : judgeDrift(m, { ...rule, drift: null }, history, series.reference, confidence);
    const fromLevel = fallback === null ? null : fallback.status === "pass" && noise.detectable > fallback.threshold ? "inconclusive" : fallback.status;
    const parts = [fromLevel ?? own, ...drift === null ? [] : [drift.status]];
    const status = verdictOf(parts.map((s) => ({ status: s })));
    const threshold = rule === null || rule.off ? null : thresholdOf(m.base, rule);
    return { ...m, ...noise, pattern, status, partStatus: status, rule: text, threshold, history, drift };
  };
  const metrics = diff2.metrics.map((m, t) => {
    const a = applied.find((x) => x.sampleTypeIndex === t && x.rule.pattern === null);
    return a ? result(m, null, a.rule, a.text) : result(m, null, null, null);
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
    metrics.push(result(f, f.pattern, a.rule, a.text));
  }
  const combined = combineConjunctions(
    metrics,
    applied.map((a) => a.rule)
  );
  return { verdict: verdictOf(combined), confidence, metrics: combined };
}
function combineConjunctions(metrics, rules) {
  const groups = new Set(rules.filter((r) => r.all !== null && !r.off).map((r) => r.all));
  let out = [...metrics];
  for (const all of groups) {
    const parts = out.filter((m) => m.rule === all);
    const status = combine(parts.map((m) => m.partStatus));
    out = out.map((m) => m.rule === all ? { ...m, status } : m);
  }
  return out;
}
function exitCodeOf(verdict, onInconclusive = "pass") {
  if (verdict === "fail") return ExitCode.fail;
  return verdict === "inconclusive" && onInconclusive === "fail" ? ExitCode.fail : ExitCode.pass;
}

// src/core/verdict/report-lines.ts
function reportLines(diffLines, metrics, request) {
  const flagged = new Set(metrics.filter((m) => m.status === "fail" || m.status === "warn").map((m) => m.sampleType));
  const lines = {};
  const lineCount = {};
  for (const [type, rows] of Object.entries(diffLines)) {
    if (request.flaggedOnly && !flagged.has(type)) continue;
    lines[type] = request.top === 0 ? rows.slice() : rows.slice(0, request.top);
    lineCount[type] = rows.length;
  }
  return { lines, lineCount };
}

// src/core/verdict/report.ts
var OWN_REPORT_ROWS = 20;
function buildReport(diff2, verdict, options) {
  if (!Number.isInteger(options.top) || options.top < 0) {
    throw new UsageError(`top must be a non-negative integer, got ${options.top}`);
  }
  const sampleType = selectSampleType(diff2, options.sampleIndex);
  const limit = options.top === 0 ? null : options.top;
  const functions = {};
  const functionCount = {};
  const rest = {};
  const totals = {};
  for (const metric of diff2.metrics) {
    const rows = diff2.functions[metric.sampleType] ?? [];
    const floor = options.fold === void 0 ? 0 : noiseFloor(rows, options.fold.min[metric.sampleType] ?? 0);
    const above = floor === 0 ? rows : rows.filter((f) => Math.max(Math.abs(f.flatDelta), Math.abs(f.cumDelta)) >= floor);
    const shown = limit === null ? above.slice() : above.slice(0, limit);
    functions[metric.sampleType] = shown;
    functionCount[metric.sampleType] = rows.length;
    let flatDelta = 0;
    for (const f of rows) flatDelta += f.flatDelta;
    for (const f of shown) flatDelta -= f.flatDelta;
    rest[metric.sampleType] = { count: rows.length - shown.length, flatDelta };
    totals[metric.sampleType] = { unit: metric.unit, base: metric.base, current: metric.current };
  }
  return {
    verdict: verdict.verdict,
    confidence: verdict.confidence,
    base: options.base,
    current: options.current,
    runs: diff2.metrics[0]?.runs ?? { base: 1, current: 1 },
    warnings: [...diff2.warnings],
    metrics: verdict.metrics,
    sampleType,
    top: limit,
    functions,
    functionCount,
    rest,
    totals,
    advice: conclusiveAdvice(verdict.metrics, options.historyWindow !== void 0, diff2.sampler),
    historyWindow: options.historyWindow ?? null,
    ...options.flame === void 0 ? {} : { flame: options.flame },
    ...diff2.own === void 0 ? {} : {
      own: Object.fromEntries(
        Object.entries(diff2.own).map(([t, rows]) => [t, bothWays(rows, (r) => r.flatDelta, OWN_REPORT_ROWS)])
      )
    },
    ...diff2.ownLines === void 0 ? {} : {
      ownLines: Object.fromEntries(
        Object.entries(diff2.ownLines).map(([t, rows]) => [t, bothWays(rows, (r) => r.flatDelta, OWN_REPORT_ROWS)])
      )
    },
    ...options.lines === void 0 || diff2.lines === void 0 ? {} : { lines: reportLines(diff2.lines, verdict.metrics, options.lines) }
  };
}
var FOLD_SHARE = 5e-3;
function noiseFloor(rows, min) {
  if (min <= 0) return 0;
  let sum = 0;
  for (const f of rows) sum += Math.abs(f.flatDelta);
  return Math.min(FOLD_SHARE * sum, min);
}
function selectSampleType(diff2, sampleIndex) {
  if (sampleIndex === void 0) return diff2.defaultSampleType;
  const types = diff2.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  return types[resolveSampleIndex(types, sampleIndex)].type;
}
function verdictExitCode(verdict, onInconclusive = "pass") {
  return exitCodeOf(verdict, onInconclusive);
}

// src/core/stats/reference-level.ts
function nameOf(p) {
  return {
    ...p?.sha !== void 0 ? { sha: p.sha } : {},
    ...p?.pullRequest !== void 0 ? { pullRequest: p.pullRequest } : {}
  };
}
function referenceLevel(series, points) {
  const { levels, index } = series;
  const accepted = (point) => points[point]?.accepted === true;
  const holdsAccepted = (j) => {
    for (let k = levels[j].from; k < levels[j].to; k++) if (accepted(index[k])) return true;
    return false;
  };
  const acceptor = (j) => {
    for (let k = levels[j].to - 1; k >= levels[j].from; k--) {
      const p = points[index[k]];
      if (p?.accepted === true) return p.acceptedBy ?? null;
    }
    return null;
  };
  const size = (j) => levels[j].to - levels[j].from;
  const rise = (j) => j > 0 && levels[j].mean > levels[j - 1].mean;
  let floor = -1;
  for (let j = levels.length - 1; j >= 0 && floor < 0; j--) if (holdsAccepted(j)) floor = j;
  let ref = -1;
  for (let j = levels.length - 1; j > floor && ref < 0; j--) if (size(j) >= 2 && !rise(j)) ref = j;
  if (ref < 0) ref = floor >= 0 ? floor : levels.findIndex((_, j) => size(j) >= 2);
  if (ref < 0) return null;
  const level = levels[ref];
  const rises = [];
  for (let j = ref + 1; j < levels.length; j++) {
    if (rise(j)) {
      const first = points[index[levels[j].from]];
      rises.push({ ...nameOf(first), percent: 100 * (levels[j].mean / levels[j - 1].mean - 1) });
    }
  }
  return {
    mean: level.mean,
    baselines: size(ref),
    since: nameOf(points[index[level.to - 1]]),
    accepted: holdsAccepted(ref),
    acceptedBy: acceptor(ref),
    after: series.values.length - level.to,
    rises
  };
}

// src/core/stats/metric-history.ts
function metricHistory(points, type, period, runs) {
  const series = metricSeries(points, type, period, runs);
  return {
    noise: noiseOfSeries(series),
    reference: referenceLevel(series, points),
    ...fellAlone(series) ? { baseFellAlone: true } : {}
  };
}

// src/core/rules/bench.ts
var BENCH_DEFAULT_RULES_TEXT = ["B/op +15% min 64B", "allocs/op +20% min 1"].join("\n");
function ruleError2(rule, why) {
  return new RuleError(`${ruleLabel(rule.index, rule.source)}: ${why}`);
}
var METRIC_NAMES = BENCH_METRICS.map((m) => m.type).join(" and ");
function benchRuleResolver(rules, names2) {
  const user = rules.filter((r) => r.origin === "user");
  const defaults = parseRules(BENCH_DEFAULT_RULES_TEXT, "default");
  const claimed = /* @__PURE__ */ new Map();
  const off = /* @__PURE__ */ new Set();
  const whole = /* @__PURE__ */ new Map();
  const patterned = [];
  for (const rule of user) {
    const metric = BENCH_METRICS.find((m) => m.type === rule.sampleType);
    if (metric === void 0) {
      if (rule.off) continue;
      throw ruleError2(
        rule,
        `Go benchmark output has the metrics ${METRIC_NAMES}, not "${rule.sampleType}" (a heap profile sample type)`
      );
    }
    if (rule.drift !== null) {
      throw ruleError2(
        rule,
        "drift is judged on the series of a profile's whole sample types, not yet on Go benchmarks; remove it"
      );
    }
    if (rule.minInBytes && metric.unit !== "bytes") {
      throw ruleError2(rule, `min is in bytes but ${metric.type} counts allocations; give a plain number`);
    }
    const key = JSON.stringify([rule.sampleType, rule.pattern]);
    const earlier = claimed.get(key);
    if (earlier) throw ruleError2(rule, `repeats rule ${earlier.index} ("${earlier.source}"); keep one`);
    claimed.set(key, rule);
    if (rule.off) off.add(rule.sampleType);
    else if (rule.pattern === null) whole.set(rule.sampleType, rule);
    else {
      const re = compileNamePattern(rule.pattern);
      if (!names2.some((n) => re.test(n))) {
        const closest = closestNames(patternLiteral(rule.pattern), names2, { within: true, limit: 3 });
        const hint = closest.length === 0 ? "" : `; closest: ${closest.map((n) => n.slice(0, 120)).join(", ")}`;
        throw ruleError2(rule, `${shownPattern(rule.pattern)} matches no benchmark in either file${hint}`);
      }
      patterned.push({ rule, re });
    }
  }
  const text = (rule) => rule.all ?? formatRule(rule);
  return (metric, name) => {
    const p = patterned.find((x) => x.rule.sampleType === metric && x.re.test(name));
    if (p !== void 0) return { rule: p.rule, text: text(p.rule) };
    const w = whole.get(metric);
    if (w !== void 0) return { rule: w, text: text(w) };
    if (off.has(metric)) return null;
    const d = defaults.find((r) => r.sampleType === metric);
    return d === void 0 ? null : { rule: d, text: text(d) };
  };
}

// src/core/verdict/bench-verdict.ts
function judge2(base, delta, rule, significant) {
  return rule.off ? "pass" : crossing(base, delta, rule, significant) ?? "pass";
}
function metricResult(m, applied) {
  const delta = m.current - m.base;
  const status = applied === null ? "pass" : judge2(m.base, delta, applied.rule, m.significant);
  const threshold = applied === null || applied.rule.off ? null : thresholdOf(m.base, applied.rule);
  return {
    sampleType: m.sampleType,
    unit: m.unit,
    base: m.base,
    current: m.current,
    delta,
    deltaPercent: m.base === 0 ? null : 100 * delta / m.base,
    z: null,
    variance: 0,
    pattern: null,
    status,
    partStatus: status,
    rule: applied?.text ?? null,
    sources: { sampling: 0, runs: 0, history: 0 },
    critical: 0,
    detectable: m.benchmark.exact ? 0 : Number.NaN,
    threshold,
    runs: m.runs,
    // The U test decides, not a variance: no spread is estimated.
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
    history: null,
    drift: null,
    benchmark: m.benchmark
  };
}
function combineConjunctions2(metrics, rules) {
  const size = /* @__PURE__ */ new Map();
  for (const r of rules) if (r.origin === "user" && r.all !== null) size.set(r.all, (size.get(r.all) ?? 0) + 1);
  let out = [...metrics];
  for (const [all, count] of size) {
    const parts = out.filter((m) => m.rule === all);
    if (parts.length === 0) continue;
    const statuses = parts.map((m) => m.partStatus);
    const status = combine(parts.length < count ? [...statuses, "pass"] : statuses);
    out = out.map((m) => m.rule === all ? { ...m, status } : m);
  }
  return out;
}
function judgeBenchmarks(measured, rules) {
  const ruleOf = benchRuleResolver(rules, measured.names);
  const judged = (b) => combineConjunctions2(
    b.metrics.map((m) => metricResult(m, ruleOf(m.sampleType, b.name))),
    rules
  );
  const metrics = measured.benchmarks.flatMap(judged);
  return { verdict: verdictOf(metrics), confidence: 0, metrics };
}
function compareBenchmarks(base, current, rules) {
  const measured = measureBenchmarks(base, current);
  return { verdict: judgeBenchmarks(measured, rules), warnings: measured.warnings, functions: measured.functions };
}

// src/core/verdict/bench-report.ts
var BENCH_HISTORY_NOTE = "history not used for benchmarks: the runs in each file (go test -count) are what tells a change from noise";
function buildBenchReport(comparison, options) {
  const { verdict } = comparison;
  const limit = options.top === 0 ? null : options.top;
  const functions = {};
  const functionCount = {};
  const rest = {};
  const totals = { ...options.totals };
  for (const m of verdict.metrics) {
    const key = `${m.benchmark?.name ?? ""} ${m.sampleType}`;
    const rows = comparison.functions[key];
    if (rows === void 0) continue;
    const shown = limit === null ? rows : rows.slice(0, limit);
    functions[key] = shown;
    functionCount[key] = rows.length;
    rest[key] = {
      count: rows.length - shown.length,
      flatDelta: rows.slice(shown.length).reduce((s, f) => s + f.flatDelta, 0)
    };
    totals[key] = { unit: m.unit, base: m.base, current: m.current };
  }
  return {
    verdict: verdict.verdict,
    confidence: verdict.confidence,
    base: options.base,
    current: options.current,
    // Per-file means do not apply: each metric's `runs` counts the benchmark's runs on each side.
    runs: { base: 1, current: 1 },
    warnings: [...comparison.warnings, ...options.historyAsked ? [BENCH_HISTORY_NOTE] : []],
    metrics: verdict.metrics,
    sampleType: "B/op",
    top: limit,
    functions,
    functionCount,
    rest,
    totals,
    advice: conclusiveAdvice(verdict.metrics, options.historyAsked),
    historyWindow: null
  };
}

// src/app/error-context.ts
function withContext(e, prefix) {
  if (!(e instanceof HeapgateError)) return e;
  const copy = Object.create(Object.getPrototypeOf(e));
  Object.assign(copy, e);
  Object.defineProperty(copy, "message", { value: `${prefix}${e.message}`, writable: true, configurable: true });
  Object.defineProperty(copy, "stack", {
    value: `${e.name}: ${prefix}${e.message}`,
    writable: true,
    configurable: true
  });
  return copy;
}

// src/app/compare-bench.ts
function isBenchSummary(summary) {
  return summary.benchmarks !== void 0;
}
function compareBenchSummaries(request, base, current) {
  const context = `comparing ${request.base.label} with ${request.current.label}: `;
  if (base.benchmarks === void 0 || current.benchmarks === void 0) {
    const [bench, profile] = base.benchmarks === void 0 ? ["current", "base"] : ["base", "current"];
    throw new IncompatibleProfilesError(
      `${context}the ${bench} is Go benchmark output (go test -bench -benchmem) but the ${profile} is a heap profile; compare benchmark output with benchmark output, and profiles with profiles`
    );
  }
  let comparison;
  try {
    comparison = compareBenchmarks(base.benchmarks, current.benchmarks, request.rules.rules);
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : withContext(e, context);
  }
  const report = buildBenchReport(comparison, {
    base: request.base.label,
    current: request.current.label,
    top: request.top ?? 0,
    historyAsked: request.history !== void 0,
    totals: Object.fromEntries(
      current.sampleType.map((t, i) => [
        t.type,
        { unit: t.unit, base: base.total[i] ?? 0, current: current.total[i] ?? 0 }
      ])
    )
  });
  const exitCode = verdictExitCode(report.verdict, request.onInconclusive ?? "pass");
  return { report, verdict: comparison.verdict, exitCode };
}

// src/app/compare.ts
function sideOf(source) {
  return { label: source.label, runs: [source] };
}
async function compareProfiles(request, load) {
  const { rules } = request.rules;
  const tree = request.flame === true;
  const sources = [...request.base.runs, ...request.current.runs];
  const summaries = await load(sources, focusPatterns(rules), {
    tree,
    lines: request.lines !== void 0,
    ...request.ownCode === void 0 ? {} : { ownCode: request.ownCode }
  });
  const nb = request.base.runs.length;
  const base = combineSide(request.base, summaries.slice(0, nb));
  const current = combineSide(request.current, summaries.slice(nb));
  if (isBenchSummary(base) || isBenchSummary(current)) {
    return { ...compareBenchSummaries(request, base, current), summaries: { base, current } };
  }
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
  const history = request.history === void 0 ? void 0 : metricHistories(compared, request.history.points, current);
  try {
    verdict = evaluate(compared, rules, {
      ...request.confidence === void 0 ? {} : { confidence: request.confidence },
      ...history === void 0 ? {} : { history }
    });
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, `${request.rules.origin}: `) : e;
  }
  const flame = tree ? flameGraphs(base, current, compared) : void 0;
  const report = buildReport(compared, verdict, {
    base: request.base.label,
    current: request.current.label,
    top: request.top,
    ...request.sampleIndex !== void 0 ? { sampleIndex: request.sampleIndex } : {},
    ...request.history !== void 0 ? { historyWindow: request.history.window } : {},
    ...flame !== void 0 ? { flame } : {},
    ...request.lines !== void 0 ? { lines: request.lines } : {},
    ...request.fold === true ? { fold: { min: ruleMin(compared, rules) } } : {}
  });
  const exitCode = verdictExitCode(verdict.verdict, request.onInconclusive ?? "pass");
  return { report, verdict, exitCode, summaries: { base, current } };
}
function combineSide(side, summaries) {
  try {
    return combineInputs(
      summaries,
      side.runs.map((r) => r.label)
    );
  } catch (e) {
    throw withContext(e, `combining the ${side.runs[0].role} runs ${side.label}: `);
  }
}
function metricHistories(compared, points, current) {
  const out = /* @__PURE__ */ new Map();
  for (const m of compared.metrics) {
    out.set(
      m.sampleType,
      metricHistory(points, { type: m.sampleType, unit: m.unit }, current.period, runCount(current))
    );
  }
  return out;
}
function ruleMin(compared, rules) {
  const types = compared.metrics.map((m) => ({ type: m.sampleType, unit: m.unit }));
  const min = {};
  for (const a of resolveRules(rules, types)) {
    if (a.rule.pattern === null && !a.rule.off) min[types[a.sampleTypeIndex].type] = a.rule.min;
  }
  return min;
}

// src/core/render/html-client.page.js
var html_client_page_default = `// The HTML report's script: draws the differential flame graph (icicle) and the heat table from the
// JSON in #heapgate-data. Every name from a profile is set with textContent or setAttribute, never
// parsed as HTML. Plain ES2020, no dependencies; the renderer inlines it as text.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var ROW = 18;
  var ROWS_SHOWN = 300;
  // ColorBrewer RdBu (colour-blind safe), shrinkage blue, growth red.
  var PALETTE = [
    '#053061',
    '#2166ac',
    '#4393c3',
    '#92c5de',
    '#d1e5f0',
    '#f7f7f7',
    '#fddbc7',
    '#f4a582',
    '#d6604d',
    '#b2182b',
    '#67001f',
  ];
  // Bounds of |\u0394| / max(base, current): 0.5 is a halving or a doubling, 0.9 a tenth or \xD710.
  var EDGES = [0.02, 0.1, 0.25, 0.5, 0.9];
  var LEGEND = [
    '\u221290\u2026100%',
    '\u221250\u202690%',
    '\u221225\u202650%',
    '\u221210\u202625%',
    '\u22122\u202610%',
    '\xB12%',
    '+2\u202611%',
    '+11\u202633%',
    '+33\u2026100%',
    '\xD72\u202610',
    '\u2265 \xD710',
  ];
  var BYTES = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

  var data = JSON.parse(document.getElementById('heapgate-data').textContent);
  var names = data.names;
  var state = { type: 0, side: 'current', zoom: 0, query: '', sortKey: 'flatDelta', sortDesc: true, showAll: false };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function group(n) {
    var s = String(Math.round(Math.abs(n)));
    return s.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
  }
  function fmt(v, unit, signed) {
    var a = Math.abs(v);
    var u = unit.toLowerCase();
    // A non-zero value under one half keeps one significant digit, as the text report shows it.
    var small = a !== 0 && a < 0.5 ? (a >= 0.01 ? String(Number(a.toPrecision(1))) : '<0.01') : '';
    var sign = a === 0 ? '' : v < 0 ? '\u2212' : signed ? '+' : '';
    if (small !== '') {
      return (
        sign + small + (u === 'bytes' || u === 'byte' || u === 'b' ? ' B' : u === 'count' || u === '' ? '' : ' ' + unit)
      );
    }
    if (u === 'bytes' || u === 'byte' || u === 'b') {
      var i = 0;
      while (i < BYTES.length - 1 && a >= Math.pow(1024, i + 1)) i++;
      return sign + (i === 0 ? group(a) : (a / Math.pow(1024, i)).toFixed(2)) + ' ' + BYTES[i];
    }
    return sign + group(a) + (u === 'count' || u === '' ? '' : ' ' + unit);
  }
  function pct(delta, base) {
    if (base === 0) return delta === 0 ? '0.0%' : 'new';
    var p = (100 * delta) / base;
    var shown = Math.abs(p).toFixed(1);
    return (shown === '0.0' ? '' : p > 0 ? '+' : '\u2212') + shown + '%';
  }
  /** Change relative to the larger side, \u22121 (vanished) \u2026 +1 (new), as a palette index. */
  function colourIndex(b, c) {
    var m = Math.max(Math.abs(b), Math.abs(c));
    var r = m === 0 ? 0 : (c - b) / m;
    var a = Math.abs(r);
    if (a < EDGES[0]) return 5;
    var step = 1;
    while (step < 5 && a >= EDGES[step]) step++;
    return r > 0 ? 5 + step : 5 - step;
  }
  function textColour(i) {
    return i <= 2 || i >= 8 ? '#fff' : '#111';
  }

  // ---- page skeleton -------------------------------------------------------------------------
  var app = document.getElementById('app');
  var tabs = el('div', 'tabs');
  tabs.setAttribute('role', 'tablist');
  data.types.forEach(function (t, i) {
    var b = el('button', 'tab', t.type + (t.status === 'fail' ? ' \u2717' : t.status === 'warn' ? ' \u26A0' : ''));
    b.setAttribute('role', 'tab');
    b.dataset.type = t.type;
    b.addEventListener('click', function () {
      state.type = i;
      state.zoom = 0;
      state.showAll = false;
      draw();
    });
    tabs.appendChild(b);
  });
  app.appendChild(tabs);

  var controls = el('div', 'controls');
  var widths = el('span', 'widths', 'Widths: ');
  var sideButtons = {};
  ['current', 'base'].forEach(function (side) {
    var b = el('button', 'side', side);
    b.id = 'side-' + side;
    b.addEventListener('click', function () {
      state.side = side;
      draw();
    });
    sideButtons[side] = b;
    widths.appendChild(b);
  });
  controls.appendChild(widths);
  var search = el('input', 'search');
  search.id = 'search';
  search.type = 'search';
  search.placeholder = 'Search functions';
  search.addEventListener('input', function () {
    state.query = search.value;
    draw();
  });
  controls.appendChild(search);
  var reset = el('button', 'reset', 'Reset zoom');
  reset.id = 'reset-zoom';
  reset.addEventListener('click', function () {
    state.zoom = 0;
    draw();
  });
  controls.appendChild(reset);
  var matches = el('span', 'matches');
  matches.id = 'matches';
  controls.appendChild(matches);
  app.appendChild(controls);

  var legend = el('div', 'legend');
  legend.appendChild(el('span', 'legend-title', 'Frame colour: change of its cum, relative to the larger side'));
  PALETTE.forEach(function (colour, i) {
    var item = el('span', 'legend-item');
    var sw = el('span', 'swatch');
    sw.style.background = colour;
    item.appendChild(sw);
    item.appendChild(document.createTextNode(LEGEND[i]));
    legend.appendChild(item);
  });
  var marked = el('span', 'legend-item');
  marked.appendChild(el('span', 'swatch marked'));
  marked.appendChild(document.createTextNode('function new or vanished'));
  legend.appendChild(marked);
  app.appendChild(legend);

  var figure = el('div', 'flame');
  var svg = document.createElementNS(SVG, 'svg');
  svg.id = 'flame';
  figure.appendChild(svg);
  app.appendChild(figure);
  var pruneNote = el('p', 'note');
  pruneNote.id = 'flame-note';
  app.appendChild(pruneNote);
  var tip = el('div', 'tooltip');
  tip.id = 'tooltip';
  tip.hidden = true;
  document.body.appendChild(tip);

  app.appendChild(el('h2', '', 'Functions'));
  var tableNote = el('p', 'note');
  tableNote.id = 'table-note';
  app.appendChild(tableNote);
  var table = el('table', 'heat');
  table.id = 'heat';
  app.appendChild(table);
  var more = el('button', 'more');
  more.id = 'show-all';
  more.addEventListener('click', function () {
    state.showAll = true;
    drawTable();
  });
  app.appendChild(more);

  // ---- the flame graph -----------------------------------------------------------------------
  function frameStatus(t) {
    if (t.fnStatus) return t.fnStatus;
    var s = {};
    var tb = t.table;
    for (var i = 0; i < tb.n.length; i++) {
      if (tb.bc[i] === 0 && tb.cc[i] !== 0) s[tb.n[i]] = 'new';
      else if (tb.cc[i] === 0 && tb.bc[i] !== 0) s[tb.n[i]] = 'vanished';
    }
    t.fnStatus = s;
    return s;
  }
  function parents(f) {
    if (f.parent) return f.parent;
    var p = new Int32Array(f.d.length);
    var stack = [];
    for (var i = 0; i < f.d.length; i++) {
      stack.length = f.d[i];
      p[i] = i === 0 ? -1 : stack[f.d[i] - 1];
      stack.push(i);
    }
    f.parent = p;
    return p;
  }
  function matchesQuery(name) {
    return state.query !== '' && name.toLowerCase().indexOf(state.query.toLowerCase()) >= 0;
  }

  function drawFlame(t) {
    var f = t.flame;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var W = Math.max(320, figure.clientWidth || 1200);
    var value = state.side === 'base' ? f.bc : f.cc;
    var parent = parents(f);
    var n = f.d.length;
    // x of each frame in value units: children laid out left to right from their parent's start.
    var x = new Float64Array(n);
    var cursor = new Float64Array(n);
    for (var i = 1; i < n; i++) {
      var p = parent[i];
      x[i] = cursor[p] + x[p];
      cursor[p] += Math.max(0, value[i]);
    }
    var z = state.zoom;
    var zEnd = z + 1;
    while (zEnd < n && f.d[zEnd] > f.d[z]) zEnd++;
    var scale = value[z] > 0 ? W / value[z] : 0;
    var onPath = {};
    for (var a = z; a >= 0; a = parent[a]) onPath[a] = true;
    var status = frameStatus(t);
    var maxDepth = 0;
    var matched = 0;
    var matchedValue = 0;
    var frag = document.createDocumentFragment();
    for (var j = 0; j < n; j++) {
      var px;
      var w;
      if (j >= z && j < zEnd) {
        px = (x[j] - x[z]) * scale;
        w = Math.max(0, value[j]) * scale;
      } else if (onPath[j]) {
        px = 0;
        w = W;
      } else continue;
      if (w < 0.5) continue;
      var name = j === 0 ? 'all' : names[f.n[j]];
      var isMatch = j > 0 && matchesQuery(name);
      if (isMatch) {
        matched++;
        var covered = false;
        for (var q = parent[j]; q > 0; q = parent[q]) if (matchesQuery(names[f.n[q]])) covered = true;
        if (!covered) matchedValue += Math.max(0, value[j]);
      }
      maxDepth = Math.max(maxDepth, f.d[j]);
      var ci = colourIndex(f.bc[j], f.cc[j]);
      var g = document.createElementNS(SVG, 'g');
      var cls = 'frame';
      if (isMatch) cls += ' match';
      else if (state.query !== '') cls += ' dim';
      var fs = j === 0 ? undefined : status[f.n[j]];
      if (fs) cls += ' fn-' + fs;
      g.setAttribute('class', cls);
      g.setAttribute('data-i', String(j));
      g.setAttribute('data-name', name);
      g.setAttribute('data-colour', String(ci - 5));
      g.setAttribute('transform', 'translate(' + px.toFixed(2) + ',' + f.d[j] * ROW + ')');
      var r = document.createElementNS(SVG, 'rect');
      r.setAttribute('width', Math.max(0.5, w - 0.5).toFixed(2));
      r.setAttribute('height', String(ROW - 1));
      r.setAttribute('fill', PALETTE[ci]);
      g.appendChild(r);
      if (w > 28) {
        var label = document.createElementNS(SVG, 'text');
        label.setAttribute('x', '3');
        label.setAttribute('y', String(ROW - 5));
        label.setAttribute('fill', textColour(ci));
        var chars = Math.floor((w - 6) / 6.6);
        var shown = (fs === 'new' ? '+ ' : fs === 'vanished' ? '\u2212 ' : '') + name.replace(/\\s+/g, ' ');
        label.textContent = shown.length > chars ? shown.slice(0, Math.max(1, chars - 1)) + '\u2026' : shown;
        g.appendChild(label);
      }
      frag.appendChild(g);
    }
    svg.appendChild(frag);
    svg.setAttribute('width', String(W));
    svg.setAttribute('height', String((maxDepth + 1) * ROW + 2));
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + ((maxDepth + 1) * ROW + 2));
    var total = value[0];
    matches.textContent =
      state.query === ''
        ? ''
        : matched +
          ' frames match' +
          (total > 0 ? ', ' + ((100 * matchedValue) / total).toFixed(1) + '% of ' + state.side : '');
    pruneNote.textContent =
      f.pruned > 0
        ? f.pruned + ' frames under ' + f.fraction * 100 + "% of their profile's total (in both) are not drawn."
        : 'All frames are drawn.';
  }

  svg.addEventListener('click', function (ev) {
    var g = ev.target.closest ? ev.target.closest('g.frame') : null;
    if (!g) return;
    state.zoom = Number(g.getAttribute('data-i'));
    draw();
  });
  svg.addEventListener('mousemove', function (ev) {
    var g = ev.target.closest ? ev.target.closest('g.frame') : null;
    if (!g) {
      tip.hidden = true;
      return;
    }
    showTip(Number(g.getAttribute('data-i')), ev.clientX, ev.clientY);
  });
  svg.addEventListener('mouseleave', function () {
    tip.hidden = true;
  });

  function tipRow(tb, label, b, c, unit) {
    var tr = el('tr');
    tr.appendChild(el('th', '', label));
    tr.appendChild(el('td', '', fmt(b, unit)));
    tr.appendChild(el('td', '', fmt(c, unit)));
    tr.appendChild(el('td', '', fmt(c - b, unit, true)));
    tr.appendChild(el('td', '', pct(c - b, b)));
    tb.appendChild(tr);
  }
  function showTip(i, cx, cy) {
    var t = data.types[state.type];
    var f = t.flame;
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    tip.appendChild(el('div', 'tip-name', i === 0 ? 'all' : names[f.n[i]]));
    var fs = i === 0 ? undefined : frameStatus(t)[f.n[i]];
    if (fs)
      tip.appendChild(el('div', 'tip-status', fs === 'new' ? 'new function: not in base' : 'vanished: not in current'));
    var tb = el('table');
    var head = el('tr');
    ['', 'base', 'current', '\u0394', '\u0394%'].forEach(function (h) {
      head.appendChild(el('th', '', h));
    });
    tb.appendChild(head);
    tipRow(tb, 'flat', f.bf[i], f.cf[i], t.unit);
    tipRow(tb, 'cum', f.bc[i], f.cc[i], t.unit);
    tip.appendChild(tb);
    tip.hidden = false;
    var left = Math.min(cx + 14, window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(0, left) + window.scrollX + 'px';
    tip.style.top = cy + 16 + window.scrollY + 'px';
  }

  // ---- the heat table ------------------------------------------------------------------------
  var COLUMNS = [
    ['name', 'function'],
    ['bf', 'flat base'],
    ['cf', 'flat current'],
    ['flatDelta', 'flat \u0394'],
    ['flatPct', 'flat \u0394%'],
    ['bc', 'cum base'],
    ['cc', 'cum current'],
    ['cumDelta', 'cum \u0394'],
    ['cumPct', 'cum \u0394%'],
  ];
  function rowsOf(t) {
    var tb = t.table;
    var rows = [];
    for (var i = 0; i < tb.n.length; i++) {
      var r = { ni: tb.n[i], name: names[tb.n[i]], bf: tb.bf[i], cf: tb.cf[i], bc: tb.bc[i], cc: tb.cc[i] };
      r.flatDelta = r.cf - r.bf;
      r.cumDelta = r.cc - r.bc;
      r.flatPct = r.bf === 0 ? (r.flatDelta === 0 ? 0 : Infinity * Math.sign(r.flatDelta)) : r.flatDelta / r.bf;
      r.cumPct = r.bc === 0 ? (r.cumDelta === 0 ? 0 : Infinity * Math.sign(r.cumDelta)) : r.cumDelta / r.bc;
      rows.push(r);
    }
    return rows;
  }
  function drawTable() {
    var t = data.types[state.type];
    var rows = rowsOf(t).filter(function (r) {
      return state.query === '' || matchesQuery(r.name);
    });
    var key = state.sortKey;
    var dir = state.sortDesc ? -1 : 1;
    rows.sort(function (a, b) {
      var x = a[key];
      var y = b[key];
      if (key === 'flatDelta' || key === 'cumDelta') {
        x = Math.abs(x);
        y = Math.abs(y);
      }
      if (x < y) return -dir;
      if (x > y) return dir;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    while (table.firstChild) table.removeChild(table.firstChild);
    var head = el('tr');
    COLUMNS.forEach(function (c) {
      var th = el(
        'th',
        c[0] === 'name' ? 'name' : 'num',
        c[1] + (state.sortKey === c[0] ? (state.sortDesc ? ' \u25BC' : ' \u25B2') : ''),
      );
      th.dataset.key = c[0];
      th.setAttribute('aria-sort', state.sortKey === c[0] ? (state.sortDesc ? 'descending' : 'ascending') : 'none');
      th.addEventListener('click', function () {
        if (state.sortKey === c[0]) state.sortDesc = !state.sortDesc;
        else {
          state.sortKey = c[0];
          state.sortDesc = c[0] !== 'name';
        }
        drawTable();
      });
      head.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    var shown = state.showAll ? rows.length : Math.min(rows.length, ROWS_SHOWN);
    var status = frameStatus(t);
    for (var i = 0; i < shown; i++) {
      var r = rows[i];
      var tr = el('tr');
      var fs = status[r.ni];
      var nameCell = el('td', 'name', r.name);
      if (fs) {
        nameCell.appendChild(el('span', 'badge', fs));
      }
      tr.appendChild(nameCell);
      [
        [fmt(r.bf, t.unit)],
        [fmt(r.cf, t.unit)],
        [fmt(r.flatDelta, t.unit, true), colourIndex(r.bf, r.cf)],
        [pct(r.flatDelta, r.bf), colourIndex(r.bf, r.cf)],
        [fmt(r.bc, t.unit)],
        [fmt(r.cc, t.unit)],
        [fmt(r.cumDelta, t.unit, true), colourIndex(r.bc, r.cc)],
        [pct(r.cumDelta, r.bc), colourIndex(r.bc, r.cc)],
      ].forEach(function (cell) {
        var td = el('td', 'num', cell[0]);
        if (cell[1] !== undefined) {
          td.style.background = PALETTE[cell[1]];
          td.style.color = textColour(cell[1]);
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    }
    table.appendChild(body);
    more.hidden = shown >= rows.length;
    more.textContent = 'Show all ' + rows.length + ' functions';
    var tb = t.table;
    tableNote.textContent =
      rows.length +
      ' functions' +
      (state.query === '' ? '' : ' matching') +
      (tb.omitted > 0
        ? '; ' +
          tb.omitted +
          ' more under ' +
          t.fraction * 100 +
          '% of the total not listed (flat \u0394 ' +
          fmt(tb.omittedFlatDelta, t.unit, true) +
          ' together).'
        : '.');
  }

  function draw() {
    var t = data.types[state.type];
    Array.prototype.forEach.call(tabs.children, function (b, i) {
      b.setAttribute('aria-selected', String(i === state.type));
    });
    sideButtons.current.setAttribute('aria-pressed', String(state.side === 'current'));
    sideButtons.base.setAttribute('aria-pressed', String(state.side === 'base'));
    if (t.flame) drawFlame(t);
    else pruneNote.textContent = 'No flame graph for this sample type.';
    drawTable();
    document.body.setAttribute('data-ready', 'true');
  }

  state.type = Math.max(0, data.defaultType);
  draw();
  window.addEventListener('resize', draw);
})();
`;

// src/core/render/parts.ts
var ICON = {
  pass: "\u2705",
  warn: "\u26A0\uFE0F",
  fail: "\u274C",
  inconclusive: "\u2754",
  accepted: "\u2611\uFE0F",
  "no-baseline": "\u{1F195}"
};
var VERDICT_WORDS = {
  pass: "no memory regression",
  warn: "memory warning",
  fail: "memory regression",
  inconclusive: "cannot tell from the noise",
  accepted: "memory regression, accepted",
  "no-baseline": "no baseline yet"
};
function statusCounts(report) {
  const n = (status) => report.metrics.filter((m) => m.status === status).length;
  return `${n("fail")} failed, ${n("warn")} warned, ${n("inconclusive")} inconclusive`;
}
function metricLabel(m) {
  if (m.benchmark !== void 0) return `${m.benchmark.name} ${m.sampleType}`;
  return m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${m.pattern}`;
}
function benchReport(report) {
  return report.metrics.some((m) => m.benchmark !== void 0);
}
function noiseHeaders(report) {
  return benchReport(report) ? ["p", "runs"] : ["z", "detectable"];
}
function formatP(p) {
  return p < 1e-3 ? "<0.001" : p.toFixed(3);
}
function zCell(m) {
  if (m.benchmark !== void 0) {
    if (m.benchmark.exact) return "exact";
    return m.benchmark.p === null ? "n/a" : formatP(m.benchmark.p);
  }
  return m.z === null && m.detectable === Number.POSITIVE_INFINITY ? "n/a" : formatZ(m.z);
}
function detectableCell(m) {
  if (m.benchmark !== void 0) return `${m.runs.base} \u2192 ${m.runs.current}`;
  if (m.detectable === 0) return "exact";
  if (m.detectable === Number.POSITIVE_INFINITY) return "unknown";
  if (m.base === 0) return `\xB1${formatValue(m.detectable, m.unit)}`;
  const percent = 100 * m.detectable / Math.abs(m.base);
  return `\xB1${percent >= 0.1 ? percent.toFixed(1) : percent.toPrecision(1)}%`;
}
function historyLines(report, name) {
  const out = [];
  for (const m of report.metrics) {
    const h = m.history;
    if (m.pattern !== null || h === null) continue;
    if (h.kind === "uncalibrated") {
      out.push(
        h.baselines >= h.needed ? `${name(m.sampleType)}: uncalibrated: ${h.changes} of ${h.needed - 1} changes within levels (${h.baselines} baselines in ${h.levels} levels)` : `${name(m.sampleType)}: uncalibrated: ${h.baselines} of ${h.needed} baselines`
      );
      continue;
    }
    const levels = h.levels > 1 ? ` in ${h.levels} levels (\u03C3 from the ${h.changes} changes within them)` : "";
    out.push(
      `${name(m.sampleType)}: ${h.baselines} baselines${levels}, mean change ${formatDeltaPercent(h.meanChangePercent)}, \u03C3 ${h.sdPercent.toFixed(1)}% \u2192 limit ${detectableCell(m)} (z \u2265 ${m.critical.toFixed(1)})`
    );
  }
  return out;
}
function baselineName(b) {
  const sha = b.sha === void 0 || !/^[0-9a-f]{7,64}$/.test(b.sha) ? null : b.sha.slice(0, 7);
  const pr = Number.isSafeInteger(b.pullRequest) ? `#${b.pullRequest}` : null;
  if (sha !== null && pr !== null) return `${sha} (${pr})`;
  return sha ?? pr ?? "an earlier baseline";
}
var MAX_LISTED_RISES = 5;
function driftLines(report, text) {
  const out = [];
  for (const m of report.metrics) {
    const d = m.drift;
    if (d === null || d.status === "pass" && !(d.rises.length > 0 && d.delta > 0)) continue;
    const accepted = d.accepted ? `, accepted${d.acceptedBy === null ? "" : ` by ${text(d.acceptedBy)}`}` : "";
    const since = `${text(baselineName(d.since))}${accepted}`;
    const rises = d.rises.slice(-MAX_LISTED_RISES).map((r) => {
      const who = r.pullRequest !== void 0 ? `#${r.pullRequest}` : text(baselineName(r));
      return `${who} ${formatDeltaPercent(r.percent)}`;
    });
    const listed = rises.length === 0 ? "" : ` (${d.rises.length > MAX_LISTED_RISES ? "\u2026, " : ""}${rises.join(", ")})`;
    const merges = `${d.merges + 1} merges`;
    const change = formatDeltaPercent(d.deltaPercent);
    const head = d.rises.length > 0 && d.delta > 0 ? `${text(m.sampleType)} crept ${change} over ${merges} since ${since}${listed}` : `${text(m.sampleType)} ${change} from its level since ${since}`;
    const z = `z ${formatZ(Number.isFinite(d.z) ? d.z : null)}`;
    const rule = `the +${d.percent}% drift rule`;
    const verdict = d.status === "fail" ? `over ${rule} (${z} \u2265 ${d.critical.toFixed(1)})` : d.status === "inconclusive" ? `over ${rule}, but the noise could explain it (${z} < ${d.critical.toFixed(1)})` : `within ${rule}`;
    out.push(`${head}: ${verdict}`);
  }
  return out;
}
function significanceRule(report) {
  if (benchReport(report)) return "p < 0.05 (Mann\u2013Whitney U) with \u2265 4 runs a side, or every run agrees";
  return `z \u2265 ${report.confidence}${report.historyWindow === null ? "" : ", or more with a short history"}`;
}
function failingSampleTypes(report) {
  const types = [];
  for (const m of report.metrics) {
    if ((m.status === "fail" || m.status === "warn") && !types.includes(m.sampleType)) types.push(m.sampleType);
  }
  return types;
}
function failingFunctionKeys(report) {
  if (!benchReport(report)) return failingSampleTypes(report);
  return report.metrics.filter((m) => m.status === "fail" || m.status === "warn").map(metricLabel);
}
function valueCell(text) {
  return /^[\w .,%+±-]*$/.test(text) ? text : markdownText(text);
}
function culprit(report) {
  const fail = report.metrics.filter((m) => m.status === "fail");
  const flagged = fail.length > 0 ? fail : report.metrics.filter((m) => m.status === "warn");
  const first = flagged[0];
  if (first === void 0) return null;
  const metrics = flagged.map((m) => {
    const own2 = m.deltaPercent === null ? formatSignedValue(m.delta, m.unit) : formatDeltaPercent(m.deltaPercent);
    const drift = m.drift !== null && m.drift.status === m.status ? m.drift : null;
    return {
      name: metricLabel(m),
      change: drift === null ? own2 : `${own2} (${formatDeltaPercent(drift.deltaPercent)} since ${baselineName(drift.since)})`
    };
  });
  const grew = first.delta >= 0;
  const way = (d) => grew ? d > 0 : d < 0;
  const own = (report.own?.[first.sampleType] ?? []).find((f) => way(f.flatDelta));
  if (own !== void 0) {
    return {
      metrics,
      function: {
        name: own.name,
        change: formatSignedValue(own.flatDelta, first.unit),
        ...own.leaf === null ? {} : { leaf: own.leaf.name }
      }
    };
  }
  const top = (report.functions[first.sampleType] ?? []).find((f) => way(f.flatDelta));
  return {
    metrics,
    function: top === void 0 ? null : { name: top.name, change: formatSignedValue(top.flatDelta, first.unit) }
  };
}
function runsSentence(report) {
  const { base, current } = report.runs;
  if (base === 1 && current === 1) return null;
  const side = (n, name) => `${n} ${name} run${n === 1 ? "" : "s"}`;
  return `Per-run means of ${side(base, "base")} and ${side(current, "current")}: every number is one run's average, and the spread across runs counts as noise.`;
}

// src/core/render/html-data.ts
var round = Math.round;
function names() {
  const list = [];
  const at = /* @__PURE__ */ new Map();
  return {
    list,
    index: (name) => {
      let i = at.get(name);
      if (i === void 0) {
        i = list.length;
        list.push(name);
        at.set(name, i);
      }
      return i;
    }
  };
}
function pageFlame(g, index) {
  return {
    d: [...g.depth],
    n: g.name.map(index),
    bc: g.baseCum.map(round),
    cc: g.currentCum.map(round),
    bf: g.baseFlat.map(round),
    cf: g.currentFlat.map(round),
    pruned: g.pruned.frames,
    fraction: g.pruned.fraction
  };
}
function pageData(report, fraction = DEFAULT_NODE_FRACTION) {
  const { list, index } = names();
  const types = [];
  for (const [type, total] of Object.entries(report.totals)) {
    const baseLimit = fraction * Math.abs(total.base);
    const currentLimit = fraction * Math.abs(total.current);
    const table = {
      n: [],
      bf: [],
      cf: [],
      bc: [],
      cc: []
    };
    let omitted = (report.functionCount[type] ?? 0) - (report.functions[type]?.length ?? 0);
    let omittedFlatDelta = 0;
    for (const f of report.functions[type] ?? []) {
      if (Math.abs(f.baseCum) < baseLimit && Math.abs(f.currentCum) < currentLimit) {
        omitted++;
        omittedFlatDelta += f.flatDelta;
        continue;
      }
      table.n.push(index(f.name));
      table.bf.push(round(f.baseFlat));
      table.cf.push(round(f.currentFlat));
      table.bc.push(round(f.baseCum));
      table.cc.push(round(f.currentCum));
    }
    const flame = report.flame?.[type];
    const metric = report.metrics.find((m) => m.sampleType === type && m.pattern === null);
    types.push({
      type,
      unit: total.unit,
      status: metric?.status ?? null,
      base: round(total.base),
      current: round(total.current),
      fraction,
      flame: flame === void 0 ? null : pageFlame(flame, index),
      table: { ...table, omitted, omittedFlatDelta: round(omittedFlatDelta) }
    });
  }
  const first = failingSampleTypes(report)[0] ?? report.sampleType;
  return {
    names: list,
    types,
    defaultType: Math.max(
      0,
      types.findIndex((t) => t.type === first)
    )
  };
}

// src/core/render/html-style.ts
var HTML_STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto;
  padding: 16px 24px 48px; max-width: 1600px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h1.fail { color: #b2182b; } h1.warn { color: #8a5a00; } h1.pass { color: #1a7f37; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.labels, .note { color: var(--muted); margin: 4px 0; }
.warning { background: #fff8c5; border: 1px solid #d4a72c; padding: 4px 8px; margin: 4px 0; }
code, .name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px;
  white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.metrics tr.fail td.status { color: #b2182b; font-weight: 600; }
.metrics tr.warn td.status { color: #8a5a00; font-weight: 600; }
.tabs { display: flex; gap: 4px; margin: 16px 0 8px; flex-wrap: wrap; }
button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); background: #f6f8fa; border-radius: 6px;
  cursor: pointer; }
button[aria-selected="true"], button[aria-pressed="true"] { background: #1f2328; color: #fff; border-color: #1f2328; }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.controls .search { padding: 3px 8px; min-width: 260px; font: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; color: var(--muted); font-size: 12px;
  margin: 4px 0 8px; }
.legend-item { display: inline-flex; align-items: center; gap: 4px; }
.swatch { display: inline-block; width: 16px; height: 12px; border: 1px solid #999; }
.swatch.marked { border: 2px dashed #111; }
.flame { width: 100%; overflow-x: hidden; }
.flame svg { display: block; font: 11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.frame { cursor: pointer; }
.frame text { pointer-events: none; white-space: pre; }
.frame:hover rect { stroke: #000; stroke-width: 1; }
.frame.fn-new rect, .frame.fn-vanished rect { stroke: #111; stroke-width: 1.5; stroke-dasharray: 3 2; }
.frame.dim { opacity: 0.3; }
.frame.match rect { stroke: #ff00cc; stroke-width: 2.5; }
.tooltip { position: absolute; background: #fff; border: 1px solid #888; box-shadow: 0 2px 8px rgba(0,0,0,.2);
  padding: 6px 8px; font-size: 12px; pointer-events: none; max-width: 640px; z-index: 10; }
.tooltip .tip-name { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all;
  margin-bottom: 4px; }
.tooltip td { text-align: right; font-variant-numeric: tabular-nums; }
.heat th { cursor: pointer; user-select: none; position: sticky; top: 0; background: #fff; }
.badge { font: 11px system-ui, sans-serif; margin-left: 6px; padding: 0 4px; border: 1px dashed #111;
  border-radius: 3px; }
`;

// src/core/render/html.ts
var HTML_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
var MARK = { pass: "\u2713", warn: "\u26A0", fail: "\u2717", inconclusive: "?" };
function headline(report) {
  const c = culprit(report);
  const head = `${MARK[report.verdict]} heapgate: ${report.verdict}`;
  if (c === null) return `${head} \u2014 ${VERDICT_WORDS[report.verdict]} (${statusCounts(report)})`;
  const metrics = c.metrics.map((m) => `${m.name} ${m.change}`).join(", ");
  if (c.function === null) return `${head}: ${metrics}`;
  const leaf = c.function.leaf === void 0 ? "" : ` (in ${c.function.leaf})`;
  return `${head}: ${metrics} \u2014 ${c.function.name} ${c.function.change}${leaf}`;
}
function metricRow(m) {
  const bench = m.benchmark === void 0 ? [] : [`<td class="num">${htmlText(detectableCell(m))}</td>`];
  const cells = [
    `<td><code>${htmlText(metricLabel(m))}</code></td>`,
    `<td class="num">${htmlText(formatValue(m.base, m.unit))}</td>`,
    `<td class="num">${htmlText(formatValue(m.current, m.unit))}</td>`,
    `<td class="num">${htmlText(formatSignedValue(m.delta, m.unit))}</td>`,
    `<td class="num">${formatDeltaPercent(m.deltaPercent)}</td>`,
    `<td class="num">${m.benchmark === void 0 ? formatZ(m.z) : htmlText(zCell(m))}</td>`,
    ...bench,
    `<td><code>${m.rule === null ? "\u2014" : htmlText(m.rule)}</code></td>`,
    `<td class="status">${MARK[m.status]} ${m.status}</td>`
  ];
  return `<tr class="${m.status}">${cells.join("")}</tr>`;
}
function metricsTable(report) {
  if (report.metrics.length === 0) return "<p>No metrics compared.</p>";
  const names2 = benchReport(report) ? ["metric", "base", "current", "\u0394", "\u0394%", "p", "runs", "rule", "status"] : ["metric", "base", "current", "\u0394", "\u0394%", "z", "rule", "status"];
  const numeric = names2.length - 3;
  const head = names2.map((h, i) => `<th class="${i >= 1 && i <= numeric ? "num" : ""}">${h}</th>`).join("");
  return `<table class="metrics"><thead><tr>${head}</tr></thead><tbody>
${report.metrics.map(metricRow).join("\n")}
</tbody></table>`;
}
function renderHtml(report) {
  if (/<\/script/i.test(html_client_page_default)) throw new Error("the page script must not contain a closing script tag");
  const title = `heapgate: ${report.verdict} \u2014 ${report.current}`;
  const warnings = report.warnings.map((w) => `<p class="warning">\u26A0\uFE0F ${htmlText(w)}</p>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${htmlText(HTML_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="heapgate">
<title>${htmlText(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body${benchReport(report) ? ' data-ready="true"' : ""}>
<header>
<h1 class="${report.verdict}" id="headline">${htmlText(headline(report))}</h1>
<p class="labels">Base <code>${htmlText(report.base)}</code> \u2192 current <code>${htmlText(report.current)}</code>;
a change is real when ${benchReport(report) ? "p < 0.05" : `|z| \u2265 ${report.confidence}`}.${runsNote(report)}</p>
${warnings}
</header>
<h2>Metrics</h2>
${metricsTable(report)}
${benchReport(report) ? benchTail(report) : flameTail(report)}
</body>
</html>
`;
}
function benchTail(report) {
  const advice = report.advice.map((a) => `<li>${htmlText(a)}</li>`).join("\n");
  const tables = failingFunctionKeys(report).filter((key) => key in report.functions).map((key) => benchFunctions(report, key)).join("\n");
  return `<p class="note">Go benchmarks (go test -bench -benchmem): base and current are the medians of the runs; a
change is real when ${htmlText(significanceRule(report))}.</p>${advice === "" ? "" : `
<ul>
${advice}
</ul>`}
${tables}`;
}
function benchFunctions(report, key) {
  const unit = report.totals[key]?.unit ?? "";
  const rows = (report.functions[key] ?? []).map(
    (f) => `<tr><td><code>${htmlText(f.name)}</code></td><td class="num">${htmlText(formatValue(f.baseFlat, unit))}</td><td class="num">${htmlText(formatValue(f.currentFlat, unit))}</td><td class="num">${htmlText(formatSignedValue(f.flatDelta, unit))}</td></tr>`
  );
  const rest = report.rest[key];
  const more = rest !== void 0 && rest.count > 0 ? `<p class="note">${rest.count} more functions.</p>` : "";
  return `<h2>Functions: <code>${htmlText(key)}</code> (per op, flat)</h2>
<table class="functions"><thead><tr><th>function</th><th class="num">base</th><th class="num">current</th><th class="num">\u0394</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>${more}`;
}
function flameTail(report) {
  return `<h2>Where the memory went</h2>
<p class="note">Flame graph: each frame is a call path, its width the path's cum (samples through it) in the
profile the switch selects; click a frame to zoom, hover for its flat and cum in base and current.</p>
<main id="app"><noscript>The flame graph and the function table need JavaScript.</noscript></main>
<script type="application/json" id="heapgate-data">${scriptJson(pageData(report))}</script>
<script>${html_client_page_default}</script>`;
}
function runsNote(report) {
  const runs = runsSentence(report);
  return runs === null ? "" : ` ${htmlText(runs)}`;
}

// src/core/render/json.ts
var REPORT_SCHEMA_VERSION = 3;
function finiteOrNull(x) {
  return x !== null && Number.isFinite(x) ? x : null;
}
function jsonHead(report) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: report.verdict,
    confidence: report.confidence,
    base: report.base,
    current: report.current,
    runs: { ...report.runs },
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
      partStatus: m.partStatus,
      rule: m.rule,
      threshold: m.threshold,
      critical: m.critical,
      detectable: finiteOrNull(m.detectable),
      detectablePercent: m.base === 0 ? null : finiteOrNull(100 * m.detectable / Math.abs(m.base)),
      sources: { ...m.sources },
      runs: { ...m.runs },
      history: m.history === null ? null : { ...m.history },
      benchmark: m.benchmark === void 0 ? null : { ...m.benchmark },
      drift: m.drift === null ? null : { ...m.drift, z: finiteOrNull(m.drift.z) }
    }))
  };
}
function jsonTail(report) {
  return {
    functionCount: { ...report.functionCount },
    advice: [...report.advice],
    historyWindow: report.historyWindow,
    ...report.own === void 0 ? {} : {
      own: Object.fromEntries(
        Object.entries(report.own).map(([type, rows]) => [
          type,
          rows.map((r) => ({
            name: r.name,
            baseFlat: r.baseFlat,
            currentFlat: r.currentFlat,
            flatDelta: r.flatDelta,
            leaf: r.leaf === null ? null : { name: r.leaf.name, flatDelta: r.leaf.flatDelta }
          }))
        ])
      )
    },
    ...report.ownLines === void 0 ? {} : {
      ownLines: Object.fromEntries(
        Object.entries(report.ownLines).map(([type, rows]) => [
          type,
          rows.map((r) => ({ function: r.function, file: r.file, line: r.line, flatDelta: r.flatDelta }))
        ])
      )
    }
  };
}
var CHUNK = 1 << 16;
function num(x) {
  return Number.isFinite(x) ? x === 0 ? "0" : String(x) : "null";
}
function functionText(f) {
  return `      {
        "name": ${JSON.stringify(f.name)},
        "baseFlat": ${num(f.baseFlat)},
        "currentFlat": ${num(f.currentFlat)},
        "flatDelta": ${num(f.flatDelta)},
        "baseCum": ${num(f.baseCum)},
        "currentCum": ${num(f.currentCum)},
        "cumDelta": ${num(f.cumDelta)}
      }`;
}
function lineText(l) {
  return `      {
        "function": ${JSON.stringify(l.function)},
        "file": ${JSON.stringify(l.file)},
        "line": ${num(l.line)},
        "flatDelta": ${num(l.flatDelta)},
        "cumDelta": ${num(l.cumDelta)}
      }`;
}
function members(fields) {
  return Object.entries(fields).filter(([, v]) => v !== void 0).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, "\n  ")}`);
}
function* renderJsonChunks(report) {
  const head = members(jsonHead(report));
  let out = `{
${head.join(",\n")},
  "functions": `;
  for (const chunk of rowsByType(report.functions, functionText)) {
    out += chunk;
    if (out.length >= CHUNK) {
      yield out;
      out = "";
    }
  }
  const tail = members(jsonTail(report));
  out += `,
${tail.join(",\n")}`;
  if (report.lines !== void 0) {
    out += ',\n  "lines": ';
    for (const chunk of rowsByType(report.lines.lines, lineText)) {
      out += chunk;
      if (out.length >= CHUNK) {
        yield out;
        out = "";
      }
    }
    out += `,
${members({ lineCount: report.lines.lineCount }).join(",\n")}`;
  }
  yield `${out}
}
`;
}
function* rowsByType(byType, rowText) {
  const types = Object.entries(byType);
  if (types.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (const [t, [type, rows]] of types.entries()) {
    yield `${t === 0 ? "" : ","}
    ${JSON.stringify(type)}: `;
    if (rows.length === 0) {
      yield "[]";
      continue;
    }
    yield "[";
    for (let i = 0; i < rows.length; i++) yield `${i === 0 ? "" : ","}
${rowText(rows[i])}`;
    yield "\n    ]";
  }
  yield "\n  }";
}

// src/core/render/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var MAX_CELL_CHARS = 200;
var MAX_WARNING_CHARS = 500;
function renderMarkdown(report, options = {}) {
  const budget = options.budget ?? GITHUB_COMMENT_LIMIT;
  const types = functionSampleTypes(report, options.functionsFor ?? "failing");
  const fullRows = Math.max(0, ...types.map((t) => report.functions[t]?.length ?? 0));
  const collapse = options.collapse === true;
  const labels = options.labels !== false;
  for (let rows = fullRows; ; rows = Math.floor(rows / 2)) {
    const text = compose(report, types, rows, rows < fullRows, collapse, labels);
    if (text.length <= budget) return text;
    if (rows === 0) break;
  }
  const compact = compose(report, [], 0, true, collapse, labels, true);
  if (compact.length <= budget) return compact;
  return cut(compact, budget);
}
function compose(report, types, rows, reduced, collapse, labels, compact = false) {
  const parts = [verdictLine(report), ...warningLines(report)];
  if (labels) parts.push(labelsLine(report));
  const runs = runsSentence(report);
  if (runs !== null) parts.push("", `_${runs}_`);
  if (parts.at(-1) !== "") parts.push("");
  const flagged = report.metrics.filter((m) => m.status !== "pass");
  const metrics = compact ? report.metrics.filter((m) => m.status === "fail" || m.status === "warn") : report.metrics;
  if (collapse && !compact && flagged.length > 0 && flagged.length < report.metrics.length) {
    const passing = report.metrics.filter((m) => m.status === "pass");
    parts.push(...metricsTable2(flagged), "", ...details(`${passing.length} passing metrics`, metricsTable2(passing)));
  } else {
    parts.push(...metricsTable2(metrics));
  }
  if (metrics.length < report.metrics.length) {
    parts.push("", `_${report.metrics.length - metrics.length} passing or inconclusive metrics left out._`);
  }
  const noise = noiseLines(report);
  if (noise.length > 0) parts.push("", ...noise);
  types.forEach((type, i) => {
    const section = functionSection(report, type, rows);
    if (collapse && i > 0)
      parts.push("", ...details(`Function deltas: ${markdownCode(type, false)}`, section.slice(2)));
    else parts.push("", ...section);
  });
  if (reduced) {
    parts.push("", "_Rows left out to fit the size limit; run `heapgate diff` locally for the full report._");
  }
  return `${parts.join("\n")}
`;
}
function verdictLine(report) {
  const c = culpritMarkdown(report);
  const what = c === "" ? ` \u2014 ${VERDICT_WORDS[report.verdict]}` : `: ${c}`;
  return `### ${ICON[report.verdict]} heapgate: ${report.verdict}${what} (${statusCounts(report)})`;
}
function culpritMarkdown(report) {
  const c = culprit(report);
  if (c === null) return "";
  const metrics = c.metrics.map((m) => `${markdownCode(truncate(m.name, MAX_CELL_CHARS), false)} ${m.change}`);
  const fn = c.function === null ? "" : ` \u2014 ${markdownCode(truncate(c.function.name, MAX_CELL_CHARS), false)} ${valueCell(c.function.change)}` + (c.function.leaf === void 0 ? "" : ` (in ${markdownCode(truncate(c.function.leaf, MAX_CELL_CHARS), false)})`);
  return `${metrics.join(", ")}${fn}`;
}
function details(summary, lines) {
  return [`<details><summary>${summary}</summary>`, "", ...lines, "", "</details>"];
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
function metricsTable2(metrics) {
  if (metrics.length === 0) return ["_No metrics compared._"];
  const [zHeader, detectableHeader] = noiseHeaders({ metrics });
  const lines = [
    `| metric | base | current | \u0394 | \u0394% | ${zHeader} | ${detectableHeader} | rule | status |`,
    "| :-- | --: | --: | --: | --: | --: | --: | :-- | :-- |"
  ];
  for (const m of metrics) {
    const name = m.benchmark !== void 0 ? `${markdownCode(truncate(m.benchmark.name, MAX_CELL_CHARS), true)} ${markdownCode(m.sampleType, true)}` : m.pattern === null ? markdownCode(m.sampleType, true) : `${markdownCode(m.sampleType, true)} ~ ${markdownCode(truncate(m.pattern, MAX_CELL_CHARS), true)}`;
    lines.push(
      `| ${[
        name,
        valueCell(formatValue(m.base, m.unit)),
        valueCell(formatValue(m.current, m.unit)),
        valueCell(formatSignedValue(m.delta, m.unit)),
        formatDeltaPercent(m.deltaPercent),
        zCell(m),
        valueCell(detectableCell(m)),
        m.rule === null ? "\u2014" : markdownCode(truncate(m.rule, MAX_CELL_CHARS), true),
        `${ICON[m.status]} ${m.status}${m.status === m.partStatus ? "" : ` (own ${m.partStatus})`}`
      ].join(" | ")} |`
    );
  }
  return lines;
}
function noiseLines(report) {
  const out = [];
  const history = historyLines(report, (t) => markdownCode(t, false));
  if (history.length > 0) out.push("Run-to-run noise from the history:", "", ...history.map((h) => `- ${h}`));
  const drift = driftLines(report, (t) => markdownCode(t, false));
  if (drift.length > 0) {
    if (out.length > 0) out.push("");
    out.push("Drift from the series' reference level:", "", ...drift.map((d) => `- ${d}`));
  }
  const n = report.metrics.filter((m) => m.status === "inconclusive").length;
  if (n > 0) {
    const what = n === 1 ? "1 metric is" : `${n} metrics are`;
    if (out.length > 0) out.push("");
    out.push(
      benchReport(report) ? `${ICON.inconclusive} ${what} inconclusive: over the rule's threshold, but the runs cannot tell it from noise (the p column). To make it conclusive:` : `${ICON.inconclusive} ${what} inconclusive: the noise hides a change as large as the rule's threshold (the detectable column). To make it conclusive:`,
      "",
      ...report.advice.map((a) => `- ${markdownText(a)}`)
    );
  }
  return out;
}
function functionSampleTypes(report, which) {
  const all = Object.keys(report.functions);
  if (which === "all") return all;
  const failing = failingFunctionKeys(report).filter((t) => all.includes(t));
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
  const rest = report.rest[type];
  const hidden = count - rows.length;
  if (hidden > 0) {
    let flat = rest?.flatDelta ?? 0;
    for (const f of all.slice(rows.length)) flat += f.flatDelta;
    out.push(`| ${valueCell(formatSignedValue(flat, unit))} | | | | _${hidden} more functions_ |`);
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

// src/core/render/table.ts
function layoutTable(columns, rows, paint = (_r, _c, cell) => cell) {
  const widths = columns.map((c) => width(c.header));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i], width(row[i] ?? ""));
  }
  const line = (cells, row) => cells.map((cell, i) => {
    const gap = " ".repeat(widths[i] - width(cell));
    const shown = row < 0 ? cell : paint(row, i, cell);
    return columns[i].align === "right" ? gap + shown : shown + gap;
  }).join("  ").trimEnd();
  return [
    line(
      columns.map((c) => c.header),
      -1
    ),
    ...rows.map((r, i) => line(r, i))
  ];
}
function* streamTable(columns, rowCount, cellsOf) {
  const widths = columns.map((c) => width(c.header));
  for (let r = 0; r < rowCount; r++) {
    const row = cellsOf(r);
    for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i], width(row[i] ?? ""));
  }
  const line = (cells) => cells.map((cell, i) => {
    const gap = " ".repeat(widths[i] - width(cell));
    return columns[i].align === "right" ? gap + cell : cell + gap;
  }).join("  ").trimEnd();
  yield line(columns.map((c) => c.header));
  for (let r = 0; r < rowCount; r++) yield line(cellsOf(r));
}
function width(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

// src/core/render/delta-table.ts
function* deltaTable(rows, o) {
  const [one, many] = o.noun;
  const { count, unit, baseTotal } = o;
  if (rows.length === 0) {
    yield count === 0 ? `No ${one} changed.` : `No ${one} shown of ${count}.`;
    return;
  }
  const shown = rows.length === count ? `all ${count} ${many}` : `top ${rows.length} of ${count} ${many}`;
  const accounted = rows.reduce((sum, r) => sum + r.flatDelta, 0);
  const ofBase = baseTotal === 0 ? `the base total is ${formatValue(0, unit)}` : `${formatPprofPercent(accounted, baseTotal).trim()} of the base total ${formatValue(baseTotal, unit)}`;
  yield `Showing ${shown} by |flat \u0394|, accounting for ${formatSignedValue(accounted, unit)} (${ofBase})`;
  const sums = new Float64Array(rows.length);
  let flatSum = 0;
  for (let i = 0; i < rows.length; i++) sums[i] = flatSum += rows[i].flatDelta;
  const cellsOf = (i) => {
    const r = rows[i];
    return [
      formatSignedValue(r.flatDelta, unit),
      formatPprofPercent(r.flatDelta, baseTotal).trim(),
      formatPprofPercent(sums[i], baseTotal).trim(),
      formatSignedValue(r.cumDelta, unit),
      formatPprofPercent(r.cumDelta, baseTotal).trim(),
      terminalSafe(o.name(r))
    ];
  };
  yield* streamTable(
    [
      { header: "flat \u0394", align: "right" },
      { header: "flat%", align: "right" },
      { header: "sum%", align: "right" },
      { header: "cum \u0394", align: "right" },
      { header: "cum%", align: "right" },
      { header: o.nameHeader, align: "left" }
    ],
    rows.length,
    cellsOf
  );
}

// src/core/render/line-table.ts
function moreLines(count) {
  return `${count} more line${count === 1 ? "" : "s"}`;
}
function* lineTable(report, type) {
  const rows = report.lines?.lines[type];
  if (rows === void 0) return;
  const total = report.totals[type];
  const unit = total?.unit ?? "";
  const baseTotal = total?.base ?? 0;
  const count = report.lines?.lineCount[type] ?? rows.length;
  yield "";
  yield `Type: ${type}, by source line`;
  yield* deltaTable(rows, {
    noun: ["line", "lines"],
    nameHeader: "function file:line",
    name: lineName,
    count,
    unit,
    baseTotal
  });
  if (rows.length === 0) return;
  if (count > rows.length) yield `\u2026 ${moreLines(count - rows.length)} (--top 0 lists all)`;
}

// src/core/render/text.ts
var COLOURS = { fail: "31", warn: "33", inconclusive: "33", pass: "32" };
var CHUNK2 = 1 << 16;
function* renderTextChunks(report, options) {
  const paint = (status, text) => options.color ? `\x1B[${COLOURS[status]}m${text}\x1B[0m` : text;
  const lines = [];
  const c = culpritLine(report);
  const verdict = paint(report.verdict, verdictWord(report.verdict));
  lines.push(`heapgate: ${verdict}  ${c === "" ? "" : `${c}  `}${summaryLine(report)}`);
  lines.push(`base:    ${terminalSafe(report.base)}`);
  lines.push(`current: ${terminalSafe(report.current)}`);
  const runs = runsSentence(report);
  if (runs !== null) lines.push(runs);
  for (const w of report.warnings) lines.push(`${paint("warn", "warning:")} ${terminalSafe(w)}`);
  lines.push("");
  if (report.metrics.length === 0) {
    lines.push("No metrics compared.");
  } else {
    const table = layoutTable(
      [
        { header: "metric", align: "left" },
        { header: "base", align: "right" },
        { header: "current", align: "right" },
        { header: "\u0394", align: "right" },
        { header: "\u0394%", align: "right" },
        { header: noiseHeaders(report)[0], align: "right" },
        { header: noiseHeaders(report)[1], align: "right" },
        { header: "rule", align: "left" },
        { header: "status", align: "left" }
      ],
      report.metrics.map(metricRow2),
      (row, col, cell) => col === 8 ? paint(report.metrics[row].status, cell) : cell
    );
    lines.push(...table);
  }
  const history = historyLines(report, terminalSafe);
  if (history.length > 0) lines.push("", "Run-to-run noise from the history:", ...history.map((h) => `  ${h}`));
  const drift = driftLines(report, terminalSafe);
  if (drift.length > 0) lines.push("", "Drift from the series' reference level:", ...drift.map((d) => `  ${d}`));
  if (report.advice.length > 0) {
    lines.push("", "Inconclusive: to make it conclusive:", ...report.advice.map((a) => `  - ${a}`));
  }
  let out = lines.join("\n");
  for (const type of tableTypes(report)) {
    for (const line of ["", ...functionTable(report, type), ...lineTable(report, type)]) {
      out += `
${line}`;
      if (out.length >= CHUNK2) {
        yield out;
        out = "";
      }
    }
  }
  yield `${out}
`;
}
function culpritLine(report) {
  const c = culprit(report);
  if (c === null) return "";
  const metrics = c.metrics.map((m) => `${terminalSafe(m.name)} ${m.change}`).join(", ");
  if (c.function === null) return metrics;
  const leaf = c.function.leaf === void 0 ? "" : ` (in ${terminalSafe(c.function.leaf)})`;
  return `${metrics} \u2014 ${terminalSafe(c.function.name)} ${c.function.change}${leaf}`;
}
function tableTypes(report) {
  const types = failingFunctionKeys(report).filter((t) => t in report.functions);
  if (!types.includes(report.sampleType) && report.sampleType in report.functions) types.push(report.sampleType);
  return types;
}
function restWords(count) {
  return `${count} more function${count === 1 ? "" : "s"}`;
}
function verdictWord(verdict) {
  return verdict.toUpperCase();
}
function summaryLine(report) {
  return `(${statusCounts(report)}; a change is real when ${significanceRule(report)})`;
}
function metricName(m) {
  return terminalSafe(metricLabel(m));
}
function metricRow2(m) {
  return [
    metricName(m),
    formatValue(m.base, m.unit),
    formatValue(m.current, m.unit),
    formatSignedValue(m.delta, m.unit),
    formatDeltaPercent(m.deltaPercent),
    zCell(m),
    detectableCell(m),
    m.rule === null ? "-" : terminalSafe(m.rule),
    m.status === m.partStatus ? m.status : `${m.status} (own ${m.partStatus})`
  ];
}
function* functionTable(report, type) {
  const rows = report.functions[type] ?? [];
  const total = report.totals[type];
  const unit = total?.unit ?? "";
  const baseTotal = total?.base ?? 0;
  const count = report.functionCount[type] ?? rows.length;
  yield `Type: ${type}`;
  yield* deltaTable(rows, {
    noun: ["function", "functions"],
    nameHeader: "name",
    name: (f) => f.name,
    count,
    unit,
    baseTotal
  });
  if (rows.length === 0) return;
  const rest = report.rest[type];
  if (rest !== void 0 && rest.count > 0) {
    yield `\u2026 ${restWords(rest.count)}, flat \u0394 ${formatSignedValue(rest.flatDelta, unit)} together`;
  }
}

// src/core/render/index.ts
var FORMATS = ["text", "markdown", "json", "html"];
function render(report, format, options) {
  switch (format) {
    case "text":
      return renderTextChunks(report, { color: options.color });
    case "markdown":
      return [renderMarkdown(report)];
    case "json":
      return renderJsonChunks(report);
    case "html":
      return [renderHtml(report)];
  }
}

// src/cli/profile-args.ts
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
function splitList(arg) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (c === "{") depth++;
    else if (c === "}" && depth > 0) depth--;
    else if (c === "," && depth === 0) {
      parts.push(arg.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(arg.slice(start));
  return parts.filter((p) => p !== "");
}
async function sidePatterns(arg, cwd) {
  if (!arg.includes(",") || await isFile(resolve(cwd, arg))) return [arg];
  return splitList(arg);
}
var ONE_ARGUMENT_LIST = "give the paths as one comma-separated argument (run1.pb.gz,run2.pb.gz)";
async function profileSide(patterns, role, cwd, what, several) {
  const paths = await expandProfilePaths(patterns, cwd, what, several);
  return {
    label: patterns.join(" "),
    runs: paths.map((p) => ({ role, label: p, path: resolve(cwd, p) }))
  };
}

// src/cli/report-args.ts
import { writeFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";

// src/app/rules-input.ts
function parseRulesInput(input) {
  const origin = input?.origin ?? "rules";
  try {
    return { rules: rulesWithDefaults(input?.text ?? ""), origin };
  } catch (e) {
    throw withContext(e, `${origin}: `);
  }
}

// src/core/profile/go-mod.ts
var MODULE_PATH = /^[A-Za-z0-9._~/+-]{1,300}$/;
function goModulePath(text) {
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    const m = /^module\s+(?:"([^"]*)"|(\S+))$/.exec(line);
    if (m === null) continue;
    const path = m[1] ?? m[2];
    return MODULE_PATH.test(path) ? path : void 0;
  }
  return void 0;
}

// src/adapters/go-module.ts
import { join } from "node:path";
var MAX_GO_MOD_BYTES = 1 << 20;
async function readGoModule(dir) {
  try {
    const read = await readBounded(join(dir, "go.mod"), MAX_GO_MOD_BYTES);
    return read.ok ? goModulePath(read.bytes.toString("utf8")) : void 0;
  } catch {
    return void 0;
  }
}
async function ownCodeIn(workspace, given) {
  const lines = given.lines === true ? { lines: true } : {};
  if (given.pattern !== void 0) return { pattern: given.pattern, workspace, ...lines };
  const module = given.module ?? await readGoModule(workspace);
  return { ...module === void 0 ? {} : { modules: [module] }, workspace, ...lines };
}

// src/cli/report-args.ts
var DEFAULT_TOP = { text: 10, markdown: 10, json: 0, html: 0 };
function reportOptions(rulesDescription) {
  return {
    rules: { type: "string", value: "TEXT|@FILE", description: rulesDescription },
    format: { type: "string", value: "FORMAT", description: `report format: ${FORMATS.join(", ")} (default text)` },
    top: {
      type: "string",
      value: "N",
      description: "functions listed per sample type; 0 = all (default 10; json and html: all)"
    },
    "sample-index": {
      type: "string",
      value: "T",
      description: "sample type whose functions the text report lists (name or index)"
    },
    lines: {
      type: "boolean",
      description: "also list flat and cum deltas per source line (function file:line, as pprof -lines), --top of them per sample type (text and json)"
    },
    confidence: {
      type: "string",
      value: "Z",
      description: `the z a change must reach to count as real (default ${DEFAULT_CONFIDENCE})`
    },
    "on-inconclusive": {
      type: "string",
      value: "P",
      description: "when the noise hides a change as large as a threshold: pass (exit 0), warn (exit 0, a line on stderr) or fail (exit 1); default pass"
    },
    output: {
      type: "string",
      value: "FILE",
      description: "write the report to FILE instead of standard output (the verdict still goes to stderr)"
    },
    "own-code": {
      type: "string",
      value: "REGEX",
      description: "functions that are your code, for naming the culprit (default: Go packages of ./go.mod's module, or main and dotted paths; JavaScript files here outside node_modules)"
    },
    module: {
      type: "string",
      value: "PATH",
      description: "your Go module's path, when ./go.mod is not the one (e.g. github.com/acme/app)"
    },
    ...MAX_PROFILE_SIZE_OPTION,
    help: { type: "boolean", short: "h", description: "show this help" }
  };
}
function str(values, name) {
  return values[name];
}
function parseFormat(values) {
  const format = str(values, "format");
  return format === void 0 ? "text" : parseChoice("--format", format, FORMATS);
}
async function parseReportArgs(values, format, cwd) {
  const rulesValue = str(values, "rules");
  const rulesInput = rulesValue === void 0 ? void 0 : await readRulesArgument(rulesValue, cwd);
  const topValue = str(values, "top");
  const top = topValue === void 0 ? DEFAULT_TOP[format] : parseNonNegativeInt("--top", topValue);
  const confidenceValue = str(values, "confidence");
  const confidence = confidenceValue === void 0 ? void 0 : parseNonNegativeNumber("--confidence", confidenceValue);
  return {
    rules: parseRulesInput(rulesInput),
    format,
    top,
    sampleIndex: str(values, "sample-index"),
    lines: values.lines === true,
    confidence,
    onInconclusive: parseChoice("--on-inconclusive", str(values, "on-inconclusive") ?? "pass", INCONCLUSIVE_POLICIES),
    output: str(values, "output"),
    maxProfileBytes: parseMaxProfileSize(values),
    ownCode: await ownCodeArgs(values, cwd)
  };
}
async function ownCodeArgs(values, cwd) {
  const pattern = str(values, "own-code");
  const problem = pattern === void 0 ? void 0 : ownCodePatternProblem(pattern);
  if (problem !== void 0) throw new UsageError(`--own-code: ${problem}`);
  const module = str(values, "module");
  if (pattern === void 0 && module !== void 0 && !MODULE_PATH.test(module)) {
    throw new UsageError(
      `--module ${JSON.stringify(module.slice(0, 80))}: not a Go module path (e.g. github.com/acme/app)`
    );
  }
  return ownCodeIn(cwd, { pattern, module });
}
function verdictSummary(report) {
  return `${report.verdict} (${statusCounts(report)})`;
}
function loaderOptions(args) {
  return args.maxProfileBytes === void 0 ? {} : { maxProfileBytes: args.maxProfileBytes };
}
function reportRequest(args) {
  return {
    ownCode: args.ownCode,
    rules: args.rules,
    confidence: args.confidence,
    top: args.top,
    sampleIndex: args.sampleIndex,
    flame: args.format === "html",
    // --top 0 asks for every function: nothing is folded then.
    fold: (args.format === "text" || args.format === "markdown") && args.top !== 0,
    onInconclusive: args.onInconclusive,
    lines: args.lines ? { top: args.top, flaggedOnly: false } : void 0
  };
}
function noteInconclusive(report, args, io) {
  if (report.verdict !== "inconclusive" || args.onInconclusive === "pass") return;
  const names2 = report.metrics.filter((m) => m.status === "inconclusive").map((m) => m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${m.pattern}`);
  const exit = args.onInconclusive === "fail" ? " (exit 1: --on-inconclusive fail)" : "";
  io.stderr(
    `heapgate: inconclusive${exit}: the noise hides a change as large as the threshold of ${terminalSafe(names2.join(", "))}
`
  );
}
function reportColor(args, io) {
  return args.output === void 0 && io.stdoutIsTTY && io.env.NO_COLOR === void 0;
}
async function emitReport(chunks, args, io, verdict) {
  if (args.output === void 0) {
    for (const chunk of chunks) {
      io.stdout(chunk);
      await io.drained();
    }
    return;
  }
  try {
    await writeFile(resolve2(io.cwd, args.output), chunks);
    io.stderr(`heapgate: ${terminalSafe(verdict)}; report written to ${terminalSafe(args.output)}
`);
  } catch (e) {
    const why = e.code === "ENOENT" ? "no such directory" : describeFsError(e).replace("cannot read", "cannot write");
    throw new UsageError(`writing report ${args.output}: ${why}`);
  }
}

export {
  rankByDistance,
  closestNames,
  sideOf,
  compareProfiles,
  render,
  sidePatterns,
  ONE_ARGUMENT_LIST,
  profileSide,
  reportOptions,
  parseFormat,
  parseReportArgs,
  verdictSummary,
  loaderOptions,
  reportRequest,
  noteInconclusive,
  reportColor,
  emitReport
};
