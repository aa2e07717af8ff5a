// Renders benchmark results as a terminal table and as the markdown figures section of
// BENCHMARKS.md (between the FIGURES_START / FIGURES_END markers).
import { readFileSync, writeFileSync } from 'node:fs';

/** @typedef {import('./results.mjs').BenchResults} BenchResults */
/** @typedef {import('./results.mjs').CaseResult} CaseResult */
/** @typedef {import('./results.mjs').ToolFigures} ToolFigures */
/** @typedef {import('./micro.mjs').MicroResult} MicroResult */

/**
 * A case's result against one of its targets.
 * @typedef {object} TargetCheck
 * @property {string} what
 * @property {string} value the measured value, formatted
 * @property {string} target the bound, formatted
 * @property {boolean} met false also when the value could not be measured
 */

export const FIGURES_START = '<!-- bench:figures:start (written by `npm run bench -- --write`) -->';
export const FIGURES_END = '<!-- bench:figures:end -->';

/** @param {number | null} ms */
const sec = (ms) => (ms === null ? 'n/a' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(3)} s`);
/** @param {number | null} kib */
const mib = (kib) =>
  kib === null
    ? 'n/a'
    : kib >= 1024 * 1024
      ? `${(kib / 1024 / 1024).toFixed(2)} GiB`
      : `${(kib / 1024).toFixed(0)} MiB`;
/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e5 ? 3 : 1)} MB`;
/** @param {number} x */
const ms = (x) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
/** @param {number | null} x */
const ratio = (x) => (x === null ? 'n/a' : `${x.toFixed(3)}×`);

/**
 * `a / b`, or null when either was not measured.
 * @param {number | null} a
 * @param {number | null} b
 */
const quotient = (a, b) => (a === null || b === null ? null : a / b);

/**
 * One line per verdict of a case against its targets. A median that could not be measured
 * (no runs) misses its target rather than comparing as 0.
 * @param {CaseResult} c
 * @returns {TargetCheck[]}
 */
export function checkTargets(c) {
  const h = c.heapgate;
  const p = c.pprof;
  /** @type {TargetCheck[]} */
  const out = [];
  if (c.target.wallMs !== undefined) {
    const median = h.wall.median;
    out.push({
      what: 'heapgate median wall',
      value: sec(median),
      target: `< ${sec(c.target.wallMs)}`,
      met: median !== null && median < c.target.wallMs,
    });
  }
  if (c.target.wallRatio !== undefined) {
    const r = quotient(h.wall.median, p.wall.median);
    out.push({
      what: 'wall heapgate/pprof',
      value: ratio(r),
      target: `≤ ${c.target.wallRatio}×`,
      met: r !== null && r <= c.target.wallRatio,
    });
  }
  if (c.target.rssMiB !== undefined) {
    const median = h.rss.median;
    out.push({
      what: 'heapgate median peak RSS',
      value: mib(median),
      target: `< ${c.target.rssMiB} MiB`,
      met: median !== null && median / 1024 < c.target.rssMiB,
    });
  }
  if (c.target.rssRatio !== undefined) {
    const r = quotient(h.rss.median, p.rss.median);
    out.push({
      what: 'peak RSS heapgate/pprof',
      value: ratio(r),
      target: `≤ ${c.target.rssRatio}×`,
      met: r !== null && r <= c.target.rssRatio,
    });
  }
  return out;
}

/**
 * The table rows of a case, one per tool.
 * @param {CaseResult} c
 * @returns {string[]}
 */
function caseRows(c) {
  /**
   * @param {string} tool
   * @param {ToolFigures} m
   */
  const row = (tool, m) =>
    `| ${tool} | ${sec(m.wall.median)} | ${sec(m.wall.min)} – ${sec(m.wall.max)} | ${m.wall.n} ` +
    `| ${mib(m.rss.median)} | ${mib(m.rss.max)} |`;
  return [row('heapgate', c.heapgate), row('pprof', c.pprof)];
}

/**
 * The files of a case, their sizes and, for a synthetic pair, its shape.
 * @param {CaseResult} c
 * @returns {string}
 */
function describeFiles(c) {
  const s = c.sizes;
  const shape = c.shape
    ? ` — ${c.shape.samples} samples, ${c.shape.locations} locations, ${c.shape.functions} functions ` +
      `(seed \`${c.shape.seed}\`)`
    : '';
  return (
    `\`${c.files.base}\` (${mb(s.base.raw)} raw, ${mb(s.base.gz)} gz) vs ` +
    `\`${c.files.current}\` (${mb(s.current.raw)} raw, ${mb(s.current.gz)} gz)${shape}`
  );
}

/**
 * The markdown figures section (without the markers).
 * @param {BenchResults} results
 * @returns {string}
 */
export function renderMarkdown(results) {
  const m = results.machine;
  /** @type {string[]} */
  const lines = [];
  lines.push(
    `Measured ${results.date} on ${m.cpuModel}, ${m.nproc} cores (nproc), ${m.memGiB} GiB, ${m.os}; ` +
      `node ${m.node}; ${m.go}.`,
  );
  lines.push(
    `Load average at start ${m.loadavg.join(' / ')}, at end ${results.machineEnd.loadavg.join(' / ')} ` +
      '(the machine is shared; medians are over alternating runs).',
  );
  lines.push(
    `heapgate: \`${results.commands.heapgate}\`; pprof: \`${results.commands.pprof}\`. Peak RSS: ${results.rssMethod}.`,
  );
  lines.push('');
  for (const c of results.cases) {
    lines.push(`### ${c.title}`);
    lines.push('');
    lines.push(describeFiles(c));
    lines.push('');
    lines.push('| tool | median wall | min – max | runs | median peak RSS | max peak RSS |');
    lines.push('|---|---:|---:|---:|---:|---:|');
    lines.push(...caseRows(c));
    lines.push('');
    for (const t of checkTargets(c))
      lines.push(`- ${t.what}: **${t.value}** (target ${t.target}) — ${t.met ? 'met' : '**missed**'}`);
    lines.push('');
  }
  const s = results.startup;
  lines.push(
    `Fixed cost, medians of 10: \`node -e 0\` ${sec(s.nodeEmpty.median)}; ` +
      `\`node ${results.cli} --help\` (loads the bundle, reads no profile) ${sec(s.cliHelp.median)}.`,
  );
  lines.push('');
  for (const cp of results.cpuProfiles ?? []) {
    lines.push(`### Where heapgate's time goes (${cp.case})`);
    lines.push('');
    lines.push(
      `\`node --cpu-prof\` on a source-mapped bundle of src/cli/index.ts, \`diff --format json\` on the ${cp.case} ` +
        'pair; all threads (main and profile workers) together, idle time left out; ' +
        `wall ${sec(cp.wallMs)} (profiling slows it). Top self time:`,
    );
    lines.push('');
    lines.push('| function | where | self | share |');
    lines.push('|---|---|---:|---:|');
    for (const f of cp.top)
      lines.push(`| \`${f.name}\` | ${f.where} | ${ms(f.selfMs)} | ${(100 * f.share).toFixed(1)} % |`);
    lines.push('');
  }
  if (results.micro) lines.push(...renderMicro(results.micro));
  return lines.join('\n');
}

/**
 * Contender `name`'s figures in `r`, where micro-entry stores them under the contender's name.
 * @param {MicroResult} r
 * @param {string} name
 * @returns {import('./micro-entry.mjs').ContenderStats}
 */
function figuresOf(r, name) {
  const s = r[name];
  if (s === undefined) throw new Error(`micro-benchmark ${r.task} on ${r.case} has no figures for ${name}`);
  return s;
}

/**
 * The micro-benchmarks' table and one line per comparison.
 * @param {import('./micro.mjs').MicroResults} micro
 * @returns {string[]}
 */
function renderMicro(micro) {
  const lines = ['### Micro-benchmarks', ''];
  lines.push(
    'In-process, one warm-up then alternating runs; medians (min – max). ' +
      '"Retained" is the heap still held by the result after a forced GC.',
  );
  lines.push('');
  lines.push('| job | input | contender | median | min – max | runs | retained |');
  lines.push('|---|---|---|---:|---:|---:|---:|');
  for (const r of micro.results) {
    const input =
      r.task === 'load'
        ? `${r.case} pair`
        : `${r.case} ${r.task === 'gunzip' ? mb(r.gzBytes) + ' gz' : mb(r.rawBytes) + ' raw'}`;
    for (const name of r.contenders) {
      const s = figuresOf(r, name);
      const retained = r.task === 'decode' ? `${s.retainedMiB.toFixed(0)} MiB` : '';
      lines.push(
        `| ${r.task} | ${input} | ${name} | ${ms(s.median)} | ${ms(s.min)} – ${ms(s.max)} | ${s.n} | ${retained} |`,
      );
    }
  }
  lines.push('');
  for (const r of micro.results) {
    const [a, b] = r.contenders;
    const medianA = figuresOf(r, a).median;
    const medianB = figuresOf(r, b).median;
    lines.push(
      `- ${r.task}, ${r.case}: ${b} / ${a} = ${(medianB / medianA).toFixed(2)} (${medianA < medianB ? a : b} faster)`,
    );
  }
  lines.push('');
  return lines;
}

/**
 * Replaces the figures section of `file` (between the markers) with `markdown`.
 * @param {string} file
 * @param {string} markdown
 */
export function writeFigures(file, markdown) {
  writeBetween(file, FIGURES_START, FIGURES_END, markdown);
}

/**
 * Replaces the HTML report's figures (between the bench:html markers) in `file`.
 * @param {string} file
 * @param {string} markdown
 */
export function writeHtmlFigures(file, markdown) {
  writeBetween(
    file,
    '<!-- bench:html:start (written by `npm run bench -- --write`) -->',
    '<!-- bench:html:end -->',
    markdown,
  );
}

/**
 * @param {string} file
 * @param {string} startMarker
 * @param {string} endMarker
 * @param {string} markdown
 */
function writeBetween(file, startMarker, endMarker, markdown) {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`${file} has no markers ${startMarker} … ${endMarker}`);
  writeFileSync(file, `${text.slice(0, start + startMarker.length)}\n${markdown}\n${text.slice(end)}`);
}

/**
 * A compact terminal table of the cases.
 * @param {BenchResults} results
 * @returns {string}
 */
export function renderTerminal(results) {
  const out = [];
  /**
   * @param {string | number} s
   * @param {number} n
   */
  const pad = (s, n) => String(s).padEnd(n);
  out.push(
    `${pad('case', 24)}${pad('tool', 10)}${pad('median', 10)}${pad('min–max', 20)}${pad('runs', 6)}peak RSS (median)`,
  );
  for (const c of results.cases) {
    for (const tool of /** @type {const} */ (['heapgate', 'pprof'])) {
      const m = c[tool];
      out.push(
        pad(tool === 'heapgate' ? c.title : '', 24) +
          pad(tool, 10) +
          pad(sec(m.wall.median), 10) +
          pad(`${sec(m.wall.min)}–${sec(m.wall.max)}`, 20) +
          pad(m.wall.n, 6) +
          mib(m.rss.median),
      );
    }
    for (const t of checkTargets(c))
      out.push(`${pad('', 24)}${t.what}: ${t.value} (target ${t.target}) ${t.met ? 'met' : 'MISSED'}`);
  }
  return out.join('\n');
}

/**
 * The HTML report's figures: size, time to write it, time for Chromium to draw it.
 * @param {import('./html-report.mjs').HtmlResult[]} html
 * @returns {string[]}
 */
export function renderHtmlFigures(html) {
  const lines = [];
  lines.push(
    `Written by \`node CLI diff --format html --output FILE BASE CUR\`; drawn in Chromium ${html[0]?.browser ?? ''} ` +
      '(headless, 1400×900): from navigation start until the page has drawn its flame graph and heat table. ' +
      `Load average before each case: ${html.map((h) => `${h.case} ${(h.loadavg ?? []).join(' / ')}`).join('; ')}.`,
  );
  lines.push('');
  lines.push('| case | size | write: median wall | write: peak RSS | render: median | min – max | frames drawn |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const h of html) {
    lines.push(
      `| ${h.case} | ${(h.bytes / 1e6).toFixed(2)} MB | ${sec(h.writeMs.median)} | ${mib(h.writeRssKiB.median)} | ` +
        `${sec(h.renderMs.median)} | ${sec(h.renderMs.min)} – ${sec(h.renderMs.max)} | ${h.frames} |`,
    );
  }
  lines.push('');
  return lines;
}
