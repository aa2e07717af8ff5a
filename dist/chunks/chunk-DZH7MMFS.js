import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  parseChoice,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  readRulesArgument
} from "./chunk-HNDZMY6X.js";
import {
  DEFAULT_CONFIDENCE,
  DEFAULT_NODE_FRACTION,
  VERDICT_WORDS,
  culprit,
  failingSampleTypes,
  formatDeltaPercent,
  formatPprofPercent,
  formatSignedValue,
  formatValue,
  formatZ,
  parseRulesInput,
  renderJson,
  renderMarkdown,
  statusCounts
} from "./chunk-PQ5ZLR3H.js";
import {
  describeFsError,
  htmlText,
  scriptJson,
  terminalSafe
} from "./chunk-273ZE2KT.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/core/render/html-client.page.js
var html_client_page_default = "// The HTML report's script: draws the differential flame graph (icicle) and the heat table from the\n// JSON in #heapgate-data. Every name from a profile is set with textContent or setAttribute, never\n// parsed as HTML. Plain ES2020, no dependencies; the renderer inlines it as text.\n(function () {\n  'use strict';\n  var SVG = 'http://www.w3.org/2000/svg';\n  var ROW = 18;\n  var ROWS_SHOWN = 300;\n  // ColorBrewer RdBu (colour-blind safe), shrinkage blue, growth red.\n  var PALETTE = [\n    '#053061',\n    '#2166ac',\n    '#4393c3',\n    '#92c5de',\n    '#d1e5f0',\n    '#f7f7f7',\n    '#fddbc7',\n    '#f4a582',\n    '#d6604d',\n    '#b2182b',\n    '#67001f',\n  ];\n  // Bounds of |\u0394| / max(base, current): 0.5 is a halving or a doubling, 0.9 a tenth or \xD710.\n  var EDGES = [0.02, 0.1, 0.25, 0.5, 0.9];\n  var LEGEND = [\n    '\u221290\u2026100%',\n    '\u221250\u202690%',\n    '\u221225\u202650%',\n    '\u221210\u202625%',\n    '\u22122\u202610%',\n    '\xB12%',\n    '+2\u202611%',\n    '+11\u202633%',\n    '+33\u2026100%',\n    '\xD72\u202610',\n    '\u2265 \xD710',\n  ];\n  var BYTES = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];\n\n  var data = JSON.parse(document.getElementById('heapgate-data').textContent);\n  var names = data.names;\n  var state = { type: 0, side: 'current', zoom: 0, query: '', sortKey: 'flatDelta', sortDesc: true, showAll: false };\n\n  function el(tag, cls, text) {\n    var e = document.createElement(tag);\n    if (cls) e.className = cls;\n    if (text !== undefined) e.textContent = text;\n    return e;\n  }\n  function group(n) {\n    var s = String(Math.round(Math.abs(n)));\n    return s.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');\n  }\n  function fmt(v, unit, signed) {\n    var sign = v < 0 ? '\u2212' : signed && v > 0 ? '+' : '';\n    var a = Math.abs(v);\n    var u = unit.toLowerCase();\n    if (u === 'bytes' || u === 'byte' || u === 'b') {\n      var i = 0;\n      while (i < BYTES.length - 1 && a >= Math.pow(1024, i + 1)) i++;\n      return sign + (i === 0 ? group(a) : (a / Math.pow(1024, i)).toFixed(2)) + ' ' + BYTES[i];\n    }\n    return sign + group(a) + (u === 'count' || u === '' ? '' : ' ' + unit);\n  }\n  function pct(delta, base) {\n    if (base === 0) return delta === 0 ? '0.0%' : 'new';\n    var p = (100 * delta) / base;\n    return (p > 0 ? '+' : p < 0 ? '\u2212' : '') + Math.abs(p).toFixed(1) + '%';\n  }\n  /** Change relative to the larger side, \u22121 (vanished) \u2026 +1 (new), as a palette index. */\n  function colourIndex(b, c) {\n    var m = Math.max(Math.abs(b), Math.abs(c));\n    var r = m === 0 ? 0 : (c - b) / m;\n    var a = Math.abs(r);\n    if (a < EDGES[0]) return 5;\n    var step = 1;\n    while (step < 5 && a >= EDGES[step]) step++;\n    return r > 0 ? 5 + step : 5 - step;\n  }\n  function textColour(i) {\n    return i <= 2 || i >= 8 ? '#fff' : '#111';\n  }\n\n  // ---- page skeleton -------------------------------------------------------------------------\n  var app = document.getElementById('app');\n  var tabs = el('div', 'tabs');\n  tabs.setAttribute('role', 'tablist');\n  data.types.forEach(function (t, i) {\n    var b = el('button', 'tab', t.type + (t.status === 'fail' ? ' \u2717' : t.status === 'warn' ? ' \u26A0' : ''));\n    b.setAttribute('role', 'tab');\n    b.dataset.type = t.type;\n    b.addEventListener('click', function () {\n      state.type = i;\n      state.zoom = 0;\n      state.showAll = false;\n      draw();\n    });\n    tabs.appendChild(b);\n  });\n  app.appendChild(tabs);\n\n  var controls = el('div', 'controls');\n  var widths = el('span', 'widths', 'Widths: ');\n  var sideButtons = {};\n  ['current', 'base'].forEach(function (side) {\n    var b = el('button', 'side', side);\n    b.id = 'side-' + side;\n    b.addEventListener('click', function () {\n      state.side = side;\n      draw();\n    });\n    sideButtons[side] = b;\n    widths.appendChild(b);\n  });\n  controls.appendChild(widths);\n  var search = el('input', 'search');\n  search.id = 'search';\n  search.type = 'search';\n  search.placeholder = 'Search functions';\n  search.addEventListener('input', function () {\n    state.query = search.value;\n    draw();\n  });\n  controls.appendChild(search);\n  var reset = el('button', 'reset', 'Reset zoom');\n  reset.id = 'reset-zoom';\n  reset.addEventListener('click', function () {\n    state.zoom = 0;\n    draw();\n  });\n  controls.appendChild(reset);\n  var matches = el('span', 'matches');\n  matches.id = 'matches';\n  controls.appendChild(matches);\n  app.appendChild(controls);\n\n  var legend = el('div', 'legend');\n  legend.appendChild(el('span', 'legend-title', 'Frame colour: change of its cum, relative to the larger side'));\n  PALETTE.forEach(function (colour, i) {\n    var item = el('span', 'legend-item');\n    var sw = el('span', 'swatch');\n    sw.style.background = colour;\n    item.appendChild(sw);\n    item.appendChild(document.createTextNode(LEGEND[i]));\n    legend.appendChild(item);\n  });\n  var marked = el('span', 'legend-item');\n  marked.appendChild(el('span', 'swatch marked'));\n  marked.appendChild(document.createTextNode('function new or vanished'));\n  legend.appendChild(marked);\n  app.appendChild(legend);\n\n  var figure = el('div', 'flame');\n  var svg = document.createElementNS(SVG, 'svg');\n  svg.id = 'flame';\n  figure.appendChild(svg);\n  app.appendChild(figure);\n  var pruneNote = el('p', 'note');\n  pruneNote.id = 'flame-note';\n  app.appendChild(pruneNote);\n  var tip = el('div', 'tooltip');\n  tip.id = 'tooltip';\n  tip.hidden = true;\n  document.body.appendChild(tip);\n\n  app.appendChild(el('h2', '', 'Functions'));\n  var tableNote = el('p', 'note');\n  tableNote.id = 'table-note';\n  app.appendChild(tableNote);\n  var table = el('table', 'heat');\n  table.id = 'heat';\n  app.appendChild(table);\n  var more = el('button', 'more');\n  more.id = 'show-all';\n  more.addEventListener('click', function () {\n    state.showAll = true;\n    drawTable();\n  });\n  app.appendChild(more);\n\n  // ---- the flame graph -----------------------------------------------------------------------\n  function frameStatus(t) {\n    if (t.fnStatus) return t.fnStatus;\n    var s = {};\n    var tb = t.table;\n    for (var i = 0; i < tb.n.length; i++) {\n      if (tb.bc[i] === 0 && tb.cc[i] !== 0) s[tb.n[i]] = 'new';\n      else if (tb.cc[i] === 0 && tb.bc[i] !== 0) s[tb.n[i]] = 'vanished';\n    }\n    t.fnStatus = s;\n    return s;\n  }\n  function parents(f) {\n    if (f.parent) return f.parent;\n    var p = new Int32Array(f.d.length);\n    var stack = [];\n    for (var i = 0; i < f.d.length; i++) {\n      stack.length = f.d[i];\n      p[i] = i === 0 ? -1 : stack[f.d[i] - 1];\n      stack.push(i);\n    }\n    f.parent = p;\n    return p;\n  }\n  function matchesQuery(name) {\n    return state.query !== '' && name.toLowerCase().indexOf(state.query.toLowerCase()) >= 0;\n  }\n\n  function drawFlame(t) {\n    var f = t.flame;\n    while (svg.firstChild) svg.removeChild(svg.firstChild);\n    var W = Math.max(320, figure.clientWidth || 1200);\n    var value = state.side === 'base' ? f.bc : f.cc;\n    var parent = parents(f);\n    var n = f.d.length;\n    // x of each frame in value units: children laid out left to right from their parent's start.\n    var x = new Float64Array(n);\n    var cursor = new Float64Array(n);\n    for (var i = 1; i < n; i++) {\n      var p = parent[i];\n      x[i] = cursor[p] + x[p];\n      cursor[p] += Math.max(0, value[i]);\n    }\n    var z = state.zoom;\n    var zEnd = z + 1;\n    while (zEnd < n && f.d[zEnd] > f.d[z]) zEnd++;\n    var scale = value[z] > 0 ? W / value[z] : 0;\n    var onPath = {};\n    for (var a = z; a >= 0; a = parent[a]) onPath[a] = true;\n    var status = frameStatus(t);\n    var maxDepth = 0;\n    var matched = 0;\n    var matchedValue = 0;\n    var frag = document.createDocumentFragment();\n    for (var j = 0; j < n; j++) {\n      var px;\n      var w;\n      if (j >= z && j < zEnd) {\n        px = (x[j] - x[z]) * scale;\n        w = Math.max(0, value[j]) * scale;\n      } else if (onPath[j]) {\n        px = 0;\n        w = W;\n      } else continue;\n      if (w < 0.5) continue;\n      var name = j === 0 ? 'all' : names[f.n[j]];\n      var isMatch = j > 0 && matchesQuery(name);\n      if (isMatch) {\n        matched++;\n        var covered = false;\n        for (var q = parent[j]; q > 0; q = parent[q]) if (matchesQuery(names[f.n[q]])) covered = true;\n        if (!covered) matchedValue += Math.max(0, value[j]);\n      }\n      maxDepth = Math.max(maxDepth, f.d[j]);\n      var ci = colourIndex(f.bc[j], f.cc[j]);\n      var g = document.createElementNS(SVG, 'g');\n      var cls = 'frame';\n      if (isMatch) cls += ' match';\n      else if (state.query !== '') cls += ' dim';\n      var fs = j === 0 ? undefined : status[f.n[j]];\n      if (fs) cls += ' fn-' + fs;\n      g.setAttribute('class', cls);\n      g.setAttribute('data-i', String(j));\n      g.setAttribute('data-name', name);\n      g.setAttribute('data-colour', String(ci - 5));\n      g.setAttribute('transform', 'translate(' + px.toFixed(2) + ',' + f.d[j] * ROW + ')');\n      var r = document.createElementNS(SVG, 'rect');\n      r.setAttribute('width', Math.max(0.5, w - 0.5).toFixed(2));\n      r.setAttribute('height', String(ROW - 1));\n      r.setAttribute('fill', PALETTE[ci]);\n      g.appendChild(r);\n      if (w > 28) {\n        var label = document.createElementNS(SVG, 'text');\n        label.setAttribute('x', '3');\n        label.setAttribute('y', String(ROW - 5));\n        label.setAttribute('fill', textColour(ci));\n        var chars = Math.floor((w - 6) / 6.6);\n        var shown = (fs === 'new' ? '+ ' : fs === 'vanished' ? '\u2212 ' : '') + name.replace(/\\s+/g, ' ');\n        label.textContent = shown.length > chars ? shown.slice(0, Math.max(1, chars - 1)) + '\u2026' : shown;\n        g.appendChild(label);\n      }\n      frag.appendChild(g);\n    }\n    svg.appendChild(frag);\n    svg.setAttribute('width', String(W));\n    svg.setAttribute('height', String((maxDepth + 1) * ROW + 2));\n    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + ((maxDepth + 1) * ROW + 2));\n    var total = value[0];\n    matches.textContent =\n      state.query === ''\n        ? ''\n        : matched +\n          ' frames match' +\n          (total > 0 ? ', ' + ((100 * matchedValue) / total).toFixed(1) + '% of ' + state.side : '');\n    pruneNote.textContent =\n      f.pruned > 0\n        ? f.pruned + ' frames under ' + f.fraction * 100 + '% of the total (on both sides) are not drawn.'\n        : 'All frames are drawn.';\n  }\n\n  svg.addEventListener('click', function (ev) {\n    var g = ev.target.closest ? ev.target.closest('g.frame') : null;\n    if (!g) return;\n    state.zoom = Number(g.getAttribute('data-i'));\n    draw();\n  });\n  svg.addEventListener('mousemove', function (ev) {\n    var g = ev.target.closest ? ev.target.closest('g.frame') : null;\n    if (!g) {\n      tip.hidden = true;\n      return;\n    }\n    showTip(Number(g.getAttribute('data-i')), ev.clientX, ev.clientY);\n  });\n  svg.addEventListener('mouseleave', function () {\n    tip.hidden = true;\n  });\n\n  function tipRow(tb, label, b, c, unit) {\n    var tr = el('tr');\n    tr.appendChild(el('th', '', label));\n    tr.appendChild(el('td', '', fmt(b, unit)));\n    tr.appendChild(el('td', '', fmt(c, unit)));\n    tr.appendChild(el('td', '', fmt(c - b, unit, true)));\n    tr.appendChild(el('td', '', pct(c - b, b)));\n    tb.appendChild(tr);\n  }\n  function showTip(i, cx, cy) {\n    var t = data.types[state.type];\n    var f = t.flame;\n    while (tip.firstChild) tip.removeChild(tip.firstChild);\n    tip.appendChild(el('div', 'tip-name', i === 0 ? 'all' : names[f.n[i]]));\n    var fs = i === 0 ? undefined : frameStatus(t)[f.n[i]];\n    if (fs)\n      tip.appendChild(el('div', 'tip-status', fs === 'new' ? 'new function: not in base' : 'vanished: not in current'));\n    var tb = el('table');\n    var head = el('tr');\n    ['', 'base', 'current', '\u0394', '\u0394%'].forEach(function (h) {\n      head.appendChild(el('th', '', h));\n    });\n    tb.appendChild(head);\n    tipRow(tb, 'flat', f.bf[i], f.cf[i], t.unit);\n    tipRow(tb, 'cum', f.bc[i], f.cc[i], t.unit);\n    tip.appendChild(tb);\n    tip.hidden = false;\n    var left = Math.min(cx + 14, window.innerWidth - tip.offsetWidth - 8);\n    tip.style.left = Math.max(0, left) + window.scrollX + 'px';\n    tip.style.top = cy + 16 + window.scrollY + 'px';\n  }\n\n  // ---- the heat table ------------------------------------------------------------------------\n  var COLUMNS = [\n    ['name', 'function'],\n    ['bf', 'flat base'],\n    ['cf', 'flat current'],\n    ['flatDelta', 'flat \u0394'],\n    ['flatPct', 'flat \u0394%'],\n    ['bc', 'cum base'],\n    ['cc', 'cum current'],\n    ['cumDelta', 'cum \u0394'],\n    ['cumPct', 'cum \u0394%'],\n  ];\n  function rowsOf(t) {\n    var tb = t.table;\n    var rows = [];\n    for (var i = 0; i < tb.n.length; i++) {\n      var r = { ni: tb.n[i], name: names[tb.n[i]], bf: tb.bf[i], cf: tb.cf[i], bc: tb.bc[i], cc: tb.cc[i] };\n      r.flatDelta = r.cf - r.bf;\n      r.cumDelta = r.cc - r.bc;\n      r.flatPct = r.bf === 0 ? (r.flatDelta === 0 ? 0 : Infinity * Math.sign(r.flatDelta)) : r.flatDelta / r.bf;\n      r.cumPct = r.bc === 0 ? (r.cumDelta === 0 ? 0 : Infinity * Math.sign(r.cumDelta)) : r.cumDelta / r.bc;\n      rows.push(r);\n    }\n    return rows;\n  }\n  function drawTable() {\n    var t = data.types[state.type];\n    var rows = rowsOf(t).filter(function (r) {\n      return state.query === '' || matchesQuery(r.name);\n    });\n    var key = state.sortKey;\n    var dir = state.sortDesc ? -1 : 1;\n    rows.sort(function (a, b) {\n      var x = a[key];\n      var y = b[key];\n      if (key === 'flatDelta' || key === 'cumDelta') {\n        x = Math.abs(x);\n        y = Math.abs(y);\n      }\n      if (x < y) return -dir;\n      if (x > y) return dir;\n      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;\n    });\n    while (table.firstChild) table.removeChild(table.firstChild);\n    var head = el('tr');\n    COLUMNS.forEach(function (c) {\n      var th = el(\n        'th',\n        c[0] === 'name' ? 'name' : 'num',\n        c[1] + (state.sortKey === c[0] ? (state.sortDesc ? ' \u25BC' : ' \u25B2') : ''),\n      );\n      th.dataset.key = c[0];\n      th.setAttribute('aria-sort', state.sortKey === c[0] ? (state.sortDesc ? 'descending' : 'ascending') : 'none');\n      th.addEventListener('click', function () {\n        if (state.sortKey === c[0]) state.sortDesc = !state.sortDesc;\n        else {\n          state.sortKey = c[0];\n          state.sortDesc = c[0] !== 'name';\n        }\n        drawTable();\n      });\n      head.appendChild(th);\n    });\n    var thead = el('thead');\n    thead.appendChild(head);\n    table.appendChild(thead);\n    var body = el('tbody');\n    var shown = state.showAll ? rows.length : Math.min(rows.length, ROWS_SHOWN);\n    var status = frameStatus(t);\n    for (var i = 0; i < shown; i++) {\n      var r = rows[i];\n      var tr = el('tr');\n      var fs = status[r.ni];\n      var nameCell = el('td', 'name', r.name);\n      if (fs) {\n        nameCell.appendChild(el('span', 'badge', fs));\n      }\n      tr.appendChild(nameCell);\n      [\n        [fmt(r.bf, t.unit)],\n        [fmt(r.cf, t.unit)],\n        [fmt(r.flatDelta, t.unit, true), colourIndex(r.bf, r.cf)],\n        [pct(r.flatDelta, r.bf), colourIndex(r.bf, r.cf)],\n        [fmt(r.bc, t.unit)],\n        [fmt(r.cc, t.unit)],\n        [fmt(r.cumDelta, t.unit, true), colourIndex(r.bc, r.cc)],\n        [pct(r.cumDelta, r.bc), colourIndex(r.bc, r.cc)],\n      ].forEach(function (cell) {\n        var td = el('td', 'num', cell[0]);\n        if (cell[1] !== undefined) {\n          td.style.background = PALETTE[cell[1]];\n          td.style.color = textColour(cell[1]);\n        }\n        tr.appendChild(td);\n      });\n      body.appendChild(tr);\n    }\n    table.appendChild(body);\n    more.hidden = shown >= rows.length;\n    more.textContent = 'Show all ' + rows.length + ' functions';\n    var tb = t.table;\n    tableNote.textContent =\n      rows.length +\n      ' functions' +\n      (state.query === '' ? '' : ' matching') +\n      (tb.omitted > 0\n        ? '; ' +\n          tb.omitted +\n          ' more under ' +\n          t.fraction * 100 +\n          '% of the total not listed (flat \u0394 ' +\n          fmt(tb.omittedFlatDelta, t.unit, true) +\n          ' together).'\n        : '.');\n  }\n\n  function draw() {\n    var t = data.types[state.type];\n    Array.prototype.forEach.call(tabs.children, function (b, i) {\n      b.setAttribute('aria-selected', String(i === state.type));\n    });\n    sideButtons.current.setAttribute('aria-pressed', String(state.side === 'current'));\n    sideButtons.base.setAttribute('aria-pressed', String(state.side === 'base'));\n    if (t.flame) drawFlame(t);\n    else pruneNote.textContent = 'No flame graph for this sample type.';\n    drawTable();\n    document.body.setAttribute('data-ready', 'true');\n  }\n\n  state.type = Math.max(0, data.defaultType);\n  draw();\n  window.addEventListener('resize', draw);\n})();\n";

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
    const limit = fraction * Math.max(Math.abs(total.base), Math.abs(total.current));
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
      if (Math.max(Math.abs(f.baseCum), Math.abs(f.currentCum)) < limit) {
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
var MARK = { pass: "\u2713", warn: "\u26A0", fail: "\u2717", noise: "\u2248" };
function headline(report) {
  const c = culprit(report);
  const head = `${MARK[report.verdict]} heapgate: ${report.verdict}`;
  if (c === null) return `${head} \u2014 ${VERDICT_WORDS[report.verdict]} (${statusCounts(report)})`;
  const metrics = c.metrics.map((m) => `${m.name} ${m.change}`).join(", ");
  return `${head}: ${metrics}${c.function === null ? "" : ` \u2014 ${c.function.name} ${c.function.change}`}`;
}
function metricRow(m) {
  const name = m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${m.pattern}`;
  const cells = [
    `<td><code>${htmlText(name)}</code></td>`,
    `<td class="num">${htmlText(formatValue(m.base, m.unit))}</td>`,
    `<td class="num">${htmlText(formatValue(m.current, m.unit))}</td>`,
    `<td class="num">${htmlText(formatSignedValue(m.delta, m.unit))}</td>`,
    `<td class="num">${formatDeltaPercent(m.deltaPercent)}</td>`,
    `<td class="num">${formatZ(m.z)}</td>`,
    `<td><code>${m.rule === null ? "\u2014" : htmlText(m.rule)}</code></td>`,
    `<td class="status">${MARK[m.status]} ${m.status}</td>`
  ];
  return `<tr class="${m.status}">${cells.join("")}</tr>`;
}
function metricsTable(report) {
  if (report.metrics.length === 0) return "<p>No metrics compared.</p>";
  const head = ["metric", "base", "current", "\u0394", "\u0394%", "z", "rule", "status"].map((h, i) => `<th class="${i >= 1 && i <= 5 ? "num" : ""}">${h}</th>`).join("");
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
<body>
<header>
<h1 class="${report.verdict}" id="headline">${htmlText(headline(report))}</h1>
<p class="labels">Base <code>${htmlText(report.base)}</code> \u2192 current <code>${htmlText(report.current)}</code>;
a change is real when |z| \u2265 ${report.confidence}.</p>
${warnings}
</header>
<h2>Metrics</h2>
${metricsTable(report)}
<h2>Where the memory went</h2>
<p class="note">Flame graph: each frame is a call path, its width the path's cum (samples through it) in the
profile the switch selects; click a frame to zoom, hover for its flat and cum in base and current.</p>
<main id="app"><noscript>The flame graph and the function table need JavaScript.</noscript></main>
<script type="application/json" id="heapgate-data">${scriptJson(pageData(report))}</script>
<script>${html_client_page_default}</script>
</body>
</html>
`;
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
function width(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

// src/core/render/text.ts
var COLOURS = { fail: "31", warn: "33", noise: "33", pass: "32" };
function renderText(report, options) {
  const paint = (status, text) => options.color ? `\x1B[${COLOURS[status]}m${text}\x1B[0m` : text;
  const lines = [];
  lines.push(`heapgate: ${paint(report.verdict, verdictWord(report.verdict))}  ${summaryLine(report)}`);
  lines.push(`base:    ${terminalSafe(report.base)}`);
  lines.push(`current: ${terminalSafe(report.current)}`);
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
        { header: "z", align: "right" },
        { header: "rule", align: "left" },
        { header: "status", align: "left" }
      ],
      report.metrics.map(metricRow2),
      (row, col, cell) => col === 7 ? paint(report.metrics[row].status, cell) : cell
    );
    lines.push(...table);
  }
  lines.push("");
  lines.push(...functionTable(report));
  return `${lines.join("\n")}
`;
}
function verdictWord(verdict) {
  return verdict.toUpperCase();
}
function summaryLine(report) {
  return `(${statusCounts(report)}; a change is real when |z| \u2265 ${report.confidence})`;
}
function metricName(m) {
  return m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${terminalSafe(m.pattern)}`;
}
function metricRow2(m) {
  return [
    metricName(m),
    formatValue(m.base, m.unit),
    formatValue(m.current, m.unit),
    formatSignedValue(m.delta, m.unit),
    formatDeltaPercent(m.deltaPercent),
    formatZ(m.z),
    m.rule === null ? "-" : terminalSafe(m.rule),
    m.status
  ];
}
function functionTable(report) {
  const type = report.sampleType;
  const rows = report.functions[type] ?? [];
  const total = report.totals[type];
  const unit = total?.unit ?? "";
  const baseTotal = total?.base ?? 0;
  const count = report.functionCount[type] ?? rows.length;
  const out = [`Type: ${type}`];
  const shown = rows.length === count ? `all ${count} functions` : `top ${rows.length} of ${count} functions`;
  const accounted = rows.reduce((sum, f) => sum + f.flatDelta, 0);
  out.push(
    `Showing ${shown} by |flat \u0394|, accounting for ${formatSignedValue(accounted, unit)} (${formatPprofPercent(accounted, baseTotal).trim()} of the base total ${formatValue(baseTotal, unit)})`
  );
  if (rows.length === 0) return out;
  let flatSum = 0;
  const cells = rows.map((f) => {
    flatSum += f.flatDelta;
    return [
      formatSignedValue(f.flatDelta, unit),
      formatPprofPercent(f.flatDelta, baseTotal).trim(),
      formatPprofPercent(flatSum, baseTotal).trim(),
      formatSignedValue(f.cumDelta, unit),
      formatPprofPercent(f.cumDelta, baseTotal).trim(),
      terminalSafe(f.name)
    ];
  });
  out.push(
    ...layoutTable(
      [
        { header: "flat \u0394", align: "right" },
        { header: "flat%", align: "right" },
        { header: "sum%", align: "right" },
        { header: "cum \u0394", align: "right" },
        { header: "cum%", align: "right" },
        { header: "name", align: "left" }
      ],
      cells
    )
  );
  return out;
}

// src/core/render/index.ts
var FORMATS = ["text", "markdown", "json", "html"];
function render(report, format, options) {
  switch (format) {
    case "text":
      return renderText(report, { color: options.color });
    case "markdown":
      return renderMarkdown(report);
    case "json":
      return renderJson(report);
    case "html":
      return renderHtml(report);
  }
}

// src/cli/report-args.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
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
    confidence: {
      type: "string",
      value: "Z",
      description: `the z a change must reach to count as real (default ${DEFAULT_CONFIDENCE})`
    },
    output: { type: "string", value: "FILE", description: "write the report to FILE instead of standard output" },
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
    confidence,
    output: str(values, "output")
  };
}
function reportRequest(args) {
  return {
    rules: args.rules,
    confidence: args.confidence,
    top: args.top,
    sampleIndex: args.sampleIndex,
    flame: args.format === "html"
  };
}
function reportColor(args, io) {
  return args.output === void 0 && io.stdoutIsTTY && io.env.NO_COLOR === void 0;
}
async function emitReport(text, args, io) {
  if (args.output === void 0) {
    io.stdout(text);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, args.output), text);
  } catch (e) {
    const why = e.code === "ENOENT" ? "no such directory" : describeFsError(e).replace("cannot read", "cannot write");
    throw new UsageError(`writing report ${args.output}: ${why}`);
  }
}

export {
  render,
  reportOptions,
  parseFormat,
  parseReportArgs,
  reportRequest,
  reportColor,
  emitReport
};
