// The benchmark results document: what bench.mjs measures, writes to bench/out/results.json and
// hands to report.mjs to render. Types only.

/** @typedef {'heapgate' | 'pprof'} ToolName */

/**
 * One tool's measurements on a case.
 * @typedef {object} ToolFigures
 * @property {import('./measure.mjs').Stats} wall wall time in ms
 * @property {import('./measure.mjs').Stats} rss peak RSS in KiB
 * @property {number[]} wallMs every timed run, in order
 * @property {(number | null)[]} rssKiB every timed run, in order; null when not measured
 */

/**
 * A case with its file sizes and both tools' figures.
 * @typedef {import('./cases.mjs').BenchCase & {
 *   sizes: { base: import('./cases.mjs').FileSizes, current: import('./cases.mjs').FileSizes },
 * } & Record<ToolName, ToolFigures>} CaseResult
 */

/**
 * Where heapgate's time went on one case.
 * @typedef {object} CpuProfileResult
 * @property {string} case
 * @property {number} wallMs of the profiled run (profiling slows it)
 * @property {string[]} files the .cpuprofile files, one per thread
 * @property {import('./cpuprofile.mjs').SelfTime[]} top
 */

/**
 * @typedef {object} BenchResults
 * @property {string} date ISO 8601, to the second
 * @property {import('./machine.mjs').Machine} machine at the start
 * @property {string} cli the heapgate bundle timed
 * @property {string} rssMethod how peak RSS was measured, in words
 * @property {Record<ToolName, string>} commands what each tool ran
 * @property {CaseResult[]} cases
 * @property {{ nodeEmpty: import('./measure.mjs').Stats, cliHelp: import('./measure.mjs').Stats }} startup
 *   the fixed cost of starting node, and of loading the bundle
 * @property {CpuProfileResult[]} [cpuProfiles] absent with --no-cpu-prof
 * @property {import('./html-report.mjs').HtmlResult[]} [html] absent with --no-html or without Chromium
 * @property {import('./micro.mjs').MicroResults} [micro] absent with --no-micro
 * @property {import('./machine.mjs').Machine} machineEnd at the end (load averages change)
 */

export {};
