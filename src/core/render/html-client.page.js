// The HTML report's script: draws the differential flame graph (icicle) and the heat table from the
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
  // Bounds of |Δ| / max(base, current): 0.5 is a halving or a doubling, 0.9 a tenth or ×10.
  var EDGES = [0.02, 0.1, 0.25, 0.5, 0.9];
  var LEGEND = [
    '−90…100%',
    '−50…90%',
    '−25…50%',
    '−10…25%',
    '−2…10%',
    '±2%',
    '+2…11%',
    '+11…33%',
    '+33…100%',
    '×2…10',
    '≥ ×10',
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
    return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  function fmt(v, unit, signed) {
    var a = Math.abs(v);
    var u = unit.toLowerCase();
    // A non-zero value under one half keeps one significant digit, as the text report shows it.
    var small = a !== 0 && a < 0.5 ? (a >= 0.01 ? String(Number(a.toPrecision(1))) : '<0.01') : '';
    var sign = a === 0 ? '' : v < 0 ? '−' : signed ? '+' : '';
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
    return (shown === '0.0' ? '' : p > 0 ? '+' : '−') + shown + '%';
  }
  /** Change relative to the larger side, −1 (vanished) … +1 (new), as a palette index. */
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
    var b = el('button', 'tab', t.type + (t.status === 'fail' ? ' ✗' : t.status === 'warn' ? ' ⚠' : ''));
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
        var shown = (fs === 'new' ? '+ ' : fs === 'vanished' ? '− ' : '') + name.replace(/\s+/g, ' ');
        label.textContent = shown.length > chars ? shown.slice(0, Math.max(1, chars - 1)) + '…' : shown;
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
    ['', 'base', 'current', 'Δ', 'Δ%'].forEach(function (h) {
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
    ['flatDelta', 'flat Δ'],
    ['flatPct', 'flat Δ%'],
    ['bc', 'cum base'],
    ['cc', 'cum current'],
    ['cumDelta', 'cum Δ'],
    ['cumPct', 'cum Δ%'],
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
        c[1] + (state.sortKey === c[0] ? (state.sortDesc ? ' ▼' : ' ▲') : ''),
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
          '% of the total not listed (flat Δ ' +
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
