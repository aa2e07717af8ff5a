#!/usr/bin/env node
// `npm run bench`: whole-process heapgate (`node dist/cli.js diff --format json BASE CUR`) against
// `go tool pprof -top -diff_base BASE CUR` on the same files, plus micro-benchmarks behind the
// library choices and a CPU profile of heapgate on the largest case. See BENCHMARKS.md.
//
//   node scripts/bench.mjs [--write] [--quick] [--cases real,synth15k,synth400k] [--no-micro]
//                          [--no-cpu-prof] [--no-html] [--regen] [--cli PATH | --build-cli]
//
// --write        replace the figures section of BENCHMARKS.md (else the markdown is printed)
// --quick        fewer runs (a smoke test of the harness; not for published figures)
// --no-html      skip the HTML report's figures (size, write time, Chromium render time)
// --html-only    measure only the HTML report (its own section of BENCHMARKS.md)
// --regen        regenerate the synthetic profiles even if present in bench/out/
// --cli PATH     the heapgate bundle to time (default dist/cli.js, built by `npm run bundle`)
// --build-cli    bundle src/cli/index.ts into bench/out/cli/ first and time that
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from './bundle-options.mjs';
import { defineCases, fileSizes, OUT_DIR } from './bench/cases.mjs';
import { topSelfTime } from './bench/cpuprofile.mjs';
import { measureHtml } from './bench/html-report.mjs';
import { describeMachine } from './bench/machine.mjs';
import { rssMethod, runOnce, stats } from './bench/measure.mjs';
import { runMicro } from './bench/micro.mjs';
import { renderHtmlFigures, renderMarkdown, renderTerminal, writeFigures, writeHtmlFigures } from './bench/report.mjs';

/** @typedef {import('./bench/cases.mjs').BenchCase} BenchCase */
/** @typedef {import('./bench/cases.mjs').ProfilePair} ProfilePair */
/** @typedef {import('./bench/results.mjs').ToolName} ToolName */

/**
 * How to run one of the timed tools on a pair.
 * @typedef {object} Tool
 * @property {string} cmd
 * @property {(f: ProfilePair) => string[]} args
 * @property {NodeJS.ProcessEnv} env
 * @property {(status: number | null) => boolean} ok whether an exit status is a success
 */

/** The tools in the order they run, alternating within each round. */
const TOOL_NAMES = /** @type {const} */ (['heapgate', 'pprof']);

/** @param {string} msg */
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      write: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      cases: { type: 'string' },
      'no-micro': { type: 'boolean', default: false },
      'no-cpu-prof': { type: 'boolean', default: false },
      'no-html': { type: 'boolean', default: false },
      'html-only': { type: 'boolean', default: false },
      regen: { type: 'boolean', default: false },
      cli: { type: 'string' },
      'build-cli': { type: 'boolean', default: false },
    },
  });
  return values;
}

/**
 * Bundles the CLI the way scripts/build.mjs does (ESM, code splitting, the same banner) into
 * bench/out/<dir>/ — dist/ is left alone. With `sourcemap`, every file gets a `.map` so CPU
 * profiles point at the TypeScript sources. Returns the path of the entry file.
 * @param {string} [dir]
 * @param {boolean} [sourcemap]
 * @returns {Promise<string>}
 */
async function buildCli(dir = 'cli', sourcemap = false) {
  const outdir = join(OUT_DIR, dir);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { cli: 'src/cli/index.ts' },
    outdir,
    sourcemap: sourcemap ? 'linked' : false,
    ...BUNDLE_OPTIONS,
  });

  return join(outdir, 'cli.js');
}

/**
 * The pprof binary `go tool pprof` runs: timing it directly leaves out the `go` launcher.
 * @returns {string}
 */
function pprofBinary() {
  const r = spawnSync('go', ['tool', '-n', 'pprof'], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error('`go tool -n pprof` failed: is Go installed? (Debian: apt-get install golang-go)');
  return r.stdout.trim();
}

/**
 * heapgate must produce a JSON report and exit 0 (pass) or 1 (fail); anything else aborts the bench.
 * With `refused`, it must instead refuse the files: exit 2 and a one-line decoding error.
 * @param {string} cli
 * @param {ProfilePair} files
 * @param {boolean} [refused]
 */
function checkHeapgateOutput(cli, files, refused = false) {
  const r = spawnSync(process.execPath, [cli, 'diff', '--format', 'json', files.base, files.current], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (refused) {
    if (r.status !== 2 || !/^heapgate: decoding /.test(r.stderr))
      throw new Error(`heapgate did not refuse ${files.base} (exit ${r.status}): ${r.stderr.trim().slice(0, 300)}`);
    return;
  }
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`heapgate exited with ${r.status}: ${r.stderr.trim().slice(0, 500)}`);
  JSON.parse(r.stdout);
}

/**
 * The exit statuses that count as a tool doing its job on case `c`: refusing hostile input (any
 * failure) on a refused case.
 * @param {BenchCase} c
 * @param {Tool} t
 * @returns {(status: number | null) => boolean}
 */
function okFor(c, t) {
  return c.refused ? (s) => s !== 0 && s !== null : t.ok;
}

/**
 * Times both tools on case `c`: its warm-up runs, then its timed runs.
 * @param {BenchCase} c
 * @param {Record<ToolName, Tool>} tools
 * @param {import('./bench/measure.mjs').RssMethodName} method
 * @returns {Record<ToolName, import('./bench/results.mjs').ToolFigures>}
 */
function measureCase(c, tools, method) {
  /** @type {Record<ToolName, { wall: number[], rss: (number | null)[] }>} */
  const samples = { heapgate: { wall: [], rss: [] }, pprof: { wall: [], rss: [] } };
  for (let i = 0; i < c.warmup; i++)
    for (const name of TOOL_NAMES) {
      const t = tools[name];
      runOnce(t.cmd, t.args(c.files), { env: t.env, method, okStatus: okFor(c, t) });
    }
  for (let i = 0; i < c.runs; i++) {
    // Alternate the tools so a burst of load from elsewhere hits both alike.
    for (const name of TOOL_NAMES) {
      const t = tools[name];
      const r = runOnce(t.cmd, t.args(c.files), { env: t.env, method, okStatus: okFor(c, t) });
      samples[name].wall.push(r.wallMs);
      samples[name].rss.push(r.rssKiB);
      log(`${c.id} run ${i + 1}/${c.runs} ${name}: ${(r.wallMs / 1000).toFixed(3)} s, ${r.rssKiB ?? '?'} KiB`);
    }
  }
  /** @param {{ wall: number[], rss: (number | null)[] }} s */
  const summary = (s) => ({ wall: stats(s.wall), rss: stats(s.rss), wallMs: s.wall, rssKiB: s.rss });
  return { heapgate: summary(samples.heapgate), pprof: summary(samples.pprof) };
}

/**
 * One `node --cpu-prof` run of a source-mapped bundle of the same sources (src/cli/index.ts) on
 * case `c`; returns the top self-time functions over all threads.
 * @param {BenchCase} c
 * @returns {Promise<import('./bench/results.mjs').CpuProfileResult>}
 */
async function cpuProfile(c) {
  const cli = await buildCli('cli-prof', true);
  const dir = join(OUT_DIR, `cpuprof-${c.id}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli, 'diff', '--format', 'json', c.files.base, c.files.current],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    },
  );
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`profiled heapgate run exited with ${r.status}: ${r.stderr.slice(0, 300)}`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
  return { case: c.id, wallMs, files, top: topSelfTime(files, 15) };
}

async function main() {
  const opt = options();
  const machine = describeMachine();
  const rss = rssMethod();
  if (rss.method === null) log(`peak RSS will not be measured: ${rss.hint}`);

  const cli = opt['build-cli'] ? await buildCli() : (opt.cli ?? 'dist/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} not found: run \`npm run bundle\` first (or pass --build-cli)`);
  if (opt['html-only']) {
    await htmlOnly(opt, cli, rss.method);
    return;
  }
  const pprof = pprofBinary();
  const pprofHome = mkdtempSync(join(tmpdir(), 'heapgate-bench-pprof-'));
  /** @type {Record<ToolName, Tool>} */
  const tools = {
    heapgate: {
      cmd: process.execPath,
      args: (f) => [cli, 'diff', '--format', 'json', f.base, f.current],
      env: process.env,
      ok: (s) => s === 0 || s === 1,
    },
    pprof: {
      cmd: pprof,
      args: (f) => ['-symbolize=none', '-top', '-diff_base', f.base, f.current],
      // pprof may write $HOME/pprof/ and PPROF_TMPDIR; keep both away from the user's home.
      env: { ...process.env, HOME: pprofHome, PPROF_TMPDIR: pprofHome },
      ok: (s) => s === 0,
    },
  };

  let cases = defineCases({ regenerate: opt.regen, log, quick: opt.quick });
  if (opt.cases) {
    const wanted = opt.cases.split(',');
    cases = cases.filter((c) => wanted.includes(c.id));
  }
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const commands = {
    heapgate: `node ${cli} diff --format json BASE CUR`,
    pprof:
      'go tool pprof -symbolize=none -top -diff_base BASE CUR > /dev/null ' +
      `(run as ${pprof}, HOME and PPROF_TMPDIR in a temporary directory)`,
  };
  /** @type {import('./bench/results.mjs').CaseResult[]} */
  const caseResults = [];
  try {
    for (const c of cases) {
      log(`case ${c.id}: ${c.files.base} vs ${c.files.current}`);
      checkHeapgateOutput(cli, c.files, c.refused);
      const sizes = { base: fileSizes(c.files.base), current: fileSizes(c.files.current) };
      caseResults.push({ ...c, sizes, ...measureCase(c, tools, rss.method) });
    }
  } finally {
    rmSync(pprofHome, { recursive: true, force: true });
  }

  // Fixed cost: what any run pays before reading a profile.
  const startup = {
    nodeEmpty: stats(
      Array.from({ length: 10 }, () => runOnce(process.execPath, ['-e', '0'], { method: rss.method }).wallMs),
    ),
    cliHelp: stats(
      Array.from({ length: 10 }, () => runOnce(process.execPath, [cli, '--help'], { method: rss.method }).wallMs),
    ),
  };
  /** @type {import('./bench/results.mjs').CpuProfileResult[] | undefined} */
  let cpuProfiles;
  if (!opt['no-cpu-prof']) {
    cpuProfiles = [];
    for (const c of cases.filter((k) => !k.refused)) {
      log(`cpu profile of heapgate on ${c.id}`);
      cpuProfiles.push(await cpuProfile(c));
    }
  }
  const html = opt['no-html']
    ? undefined
    : ((await measureHtml(
        cases.filter((c) => !c.refused),
        { cli, runs: opt.quick ? 1 : 3, method: rss.method, log },
      )) ?? undefined);
  const micro = opt['no-micro']
    ? undefined
    : await runMicro(
        cases.filter((c) => !c.refused),
        { runsFor: (c) => (opt.quick ? 2 : c.id === 'synth400k' ? 3 : 7), log },
      );
  // In the order results.json has always had; JSON.stringify leaves out the parts that are undefined.
  /** @type {import('./bench/results.mjs').BenchResults} */
  const results = {
    date,
    machine,
    cli,
    rssMethod: rss.describe,
    commands,
    cases: caseResults,
    startup,
    cpuProfiles,
    html,
    micro,
    machineEnd: describeMachine(),
  };

  writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(renderTerminal(results));
  const markdown = renderMarkdown(results);
  const htmlMarkdown = html === undefined ? undefined : renderHtmlFigures(html).join('\n');
  if (opt.write) {
    writeFigures('BENCHMARKS.md', markdown);
    if (htmlMarkdown !== undefined) writeHtmlFigures('BENCHMARKS.md', htmlMarkdown);
    log('BENCHMARKS.md figures updated');
  } else {
    console.log(`\n${markdown}`);
    if (htmlMarkdown !== undefined) console.log(`\n${htmlMarkdown}`);
  }
}

/**
 * `--html-only`: the HTML report's figures alone.
 * @param {ReturnType<typeof options>} opt
 * @param {string} cli
 * @param {import('./bench/measure.mjs').RssMethodName} method
 */
async function htmlOnly(opt, cli, method) {
  let cases = defineCases({ regenerate: opt.regen, log, quick: opt.quick });
  if (opt.cases) {
    const wanted = opt.cases.split(',');
    cases = cases.filter((c) => wanted.includes(c.id));
  }
  // Hostile input has no report to write: both tools refuse it (see the figures' own run).
  const html = await measureHtml(
    cases.filter((c) => !c.refused),
    { cli, runs: opt.quick ? 1 : 3, method, log },
  );
  if (html === null) throw new Error('--html-only needs Chromium');
  const markdown = renderHtmlFigures(html).join('\n');
  if (opt.write) {
    writeHtmlFigures('BENCHMARKS.md', markdown);
    log('BENCHMARKS.md HTML report figures updated');
  } else {
    console.log(markdown);
  }
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
