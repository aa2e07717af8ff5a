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
} from "./chunk-PDOCGVQA.js";
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
    var sign = v < 0 ? '\u2212' : signed && v > 0 ? '+' : '';
    var a = Math.abs(v);
    var u = unit.toLowerCase();
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
    return (p > 0 ? '+' : p < 0 ? '\u2212' : '') + Math.abs(p).toFixed(1) + '%';
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
  const c = culpritLine(report);
  lines.push(
    `heapgate: ${paint(report.verdict, verdictWord(report.verdict))}  ${c === "" ? "" : `${c}  `}${summaryLine(report)}`
  );
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
  for (const type of tableTypes(report)) lines.push("", ...functionTable(report, type));
  return `${lines.join("\n")}
`;
}
function culpritLine(report) {
  const c = culprit(report);
  if (c === null) return "";
  const metrics = c.metrics.map((m) => `${terminalSafe(m.name)} ${m.change}`).join(", ");
  return c.function === null ? metrics : `${metrics} \u2014 ${terminalSafe(c.function.name)} ${c.function.change}`;
}
function tableTypes(report) {
  const types = failingSampleTypes(report).filter((t) => t in report.functions);
  if (!types.includes(report.sampleType)) types.push(report.sampleType);
  return types;
}
function restWords(count) {
  return `${count} more function${count === 1 ? "" : "s"}`;
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
function functionTable(report, type) {
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
  const rest = report.rest[type];
  if (rest !== void 0 && rest.count > 0) {
    out.push(`\u2026 ${restWords(rest.count)}, flat \u0394 ${formatSignedValue(rest.flatDelta, unit)} together`);
  }
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
    flame: args.format === "html",
    // --top 0 asks for every function: nothing is folded then.
    fold: (args.format === "text" || args.format === "markdown") && args.top !== 0
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
