import type { FunctionDelta } from '../compare/diff.js';
import type { OwnDelta, OwnLineDelta } from '../compare/own-diff.js';
import type { LineDelta } from '../compare/line-diff.js';
import type { Report, VerdictKind } from '../verdict/report.js';
import type { RunNoise } from '../stats/run-noise.js';
import type { BenchmarkStat } from '../bench/compare.js';
import type { MetricStatus, VarianceSources } from '../verdict/verdict.js';
import type { DriftResult } from '../verdict/drift.js';

/** The version of the JSON report's schema (docs/report-schema.md); bumped on incompatible change. */
export const REPORT_SCHEMA_VERSION = 3;

/** A metric in the JSON report: MetricResult with every field present (null where absent). */
export interface JsonMetric {
  readonly sampleType: string;
  readonly unit: string;
  readonly pattern: string | null;
  readonly base: number;
  readonly current: number;
  readonly delta: number;
  readonly deltaPercent: number | null;
  readonly z: number | null;
  readonly status: MetricStatus;
  readonly partStatus: MetricStatus;
  readonly rule: string | null;
  readonly threshold: number | null;
  readonly critical: number;
  readonly detectable: number | null;
  readonly detectablePercent: number | null;
  readonly sources: VarianceSources;
  readonly runs: { readonly base: number; readonly current: number };
  readonly history: RunNoise | null;
  /** A Go benchmark's metric: its name, package, Mann–Whitney p and whether the change is exact; null for profiles. */
  readonly benchmark: BenchmarkStat | null;
  readonly drift: (Omit<DriftResult, 'z'> & { readonly z: number | null }) | null;
}

/** A function in the JSON report: FunctionDelta without flatZ. */
export type JsonFunction = Omit<FunctionDelta, 'flatZ'>;

/** A source line in the JSON report (`--lines`): LineDelta without flatZ. */
export type JsonLine = Omit<LineDelta, 'flatZ'>;

/** The JSON report, schemaVersion 3: see docs/report-schema.md and docs/report.schema.json. */
export interface JsonReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly verdict: VerdictKind;
  readonly confidence: number;
  readonly base: string;
  readonly current: string;
  /** Runs on each side; with several, every number is a per-run mean. */
  readonly runs: { readonly base: number; readonly current: number };
  /** How the two profiles were not made alike, one sentence each; [] when they were. */
  readonly warnings: readonly string[];
  readonly sampleType: string;
  readonly top: number | null;
  readonly metrics: readonly JsonMetric[];
  readonly functions: Readonly<Record<string, readonly JsonFunction[]>>;
  readonly functionCount: Readonly<Record<string, number>>;
  /** What would make the inconclusive metrics conclusive; [] when none is. */
  readonly advice: readonly string[];
  /** Earlier baselines looked at for the run-to-run noise; null when none was asked for. */
  readonly historyWindow: number | null;
  /** Per sample type, the own-code functions whose part changed most (see OwnDelta); absent without attribution. */
  readonly own?: Readonly<Record<string, readonly OwnDelta[]>>;
  /** Per sample type, the own-code source lines whose part changed most; with `own`. */
  readonly ownLines?: Readonly<Record<string, readonly OwnLineDelta[]>>;
  /** Per sample type, the changed source lines (`--lines`); absent without --lines. */
  readonly lines?: Readonly<Record<string, readonly JsonLine[]>>;
  /** Per sample type, how many lines changed before the `top` limit; absent without --lines. */
  readonly lineCount?: Readonly<Record<string, number>>;
}

/** Finite numbers pass; NaN and ±Infinity (which JSON cannot hold) become null. */
function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** A function row as the JSON report holds it (field order fixed). */
function jsonFunction(f: FunctionDelta): JsonFunction {
  return {
    name: f.name,
    baseFlat: f.baseFlat,
    currentFlat: f.currentFlat,
    flatDelta: f.flatDelta,
    baseCum: f.baseCum,
    currentCum: f.currentCum,
    cumDelta: f.cumDelta,
  };
}

/** A line row as the JSON report holds it (field order fixed). */
function jsonLine(l: LineDelta): JsonLine {
  return { function: l.function, file: l.file, line: l.line, flatDelta: l.flatDelta, cumDelta: l.cumDelta };
}

/** The report as plain data in the documented schema (field order fixed, nothing else added). */
export function toJsonReport(report: Report): JsonReport {
  const functions: Record<string, JsonFunction[]> = {};
  for (const [type, rows] of Object.entries(report.functions)) functions[type] = rows.map(jsonFunction);
  const out: JsonReport = { ...jsonHead(report), functions, ...jsonTail(report) };
  if (report.lines === undefined) return out;
  const lines: Record<string, JsonLine[]> = {};
  for (const [type, rows] of Object.entries(report.lines.lines)) lines[type] = rows.map(jsonLine);
  return { ...out, lines, lineCount: { ...report.lines.lineCount } };
}

/** The fields before `functions`. */
function jsonHead(report: Report): Omit<JsonReport, 'functions' | keyof JsonTail> {
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
      detectablePercent: m.base === 0 ? null : finiteOrNull((100 * m.detectable) / Math.abs(m.base)),
      sources: { ...m.sources },
      runs: { ...m.runs },
      history: m.history === null ? null : { ...m.history },
      benchmark: m.benchmark === undefined ? null : { ...m.benchmark },
      drift: m.drift === null ? null : { ...m.drift, z: finiteOrNull(m.drift.z) },
    })),
  };
}

type JsonTail = Pick<JsonReport, 'functionCount' | 'advice' | 'historyWindow' | 'own' | 'ownLines'>;

/** The fields after `functions`. */
function jsonTail(report: Report): JsonTail {
  return {
    functionCount: { ...report.functionCount },
    advice: [...report.advice],
    historyWindow: report.historyWindow,
    ...(report.own === undefined
      ? {}
      : {
          own: Object.fromEntries(
            Object.entries(report.own).map(([type, rows]) => [
              type,
              rows.map((r) => ({
                name: r.name,
                baseFlat: r.baseFlat,
                currentFlat: r.currentFlat,
                flatDelta: r.flatDelta,
                leaf: r.leaf === null ? null : { name: r.leaf.name, flatDelta: r.leaf.flatDelta },
              })),
            ]),
          ),
        }),
    ...(report.ownLines === undefined
      ? {}
      : {
          ownLines: Object.fromEntries(
            Object.entries(report.ownLines).map(([type, rows]) => [
              type,
              rows.map((r) => ({ function: r.function, file: r.file, line: r.line, flatDelta: r.flatDelta })),
            ]),
          ),
        }),
  };
}

/** The JSON report as text: two-space indented, ending with a newline. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/** Characters a chunk of the streamed report reaches before it is handed on. */
const CHUNK = 1 << 16;

/** A number as JSON.stringify writes it (null for NaN and ±Infinity, 0 for -0). */
function num(x: number): string {
  return Number.isFinite(x) ? (x === 0 ? '0' : String(x)) : 'null';
}

/** One function row at the depth JSON.stringify(…, null, 2) puts it (inside functions → type → array). */
function functionText(f: FunctionDelta): string {
  return (
    `      {\n        "name": ${JSON.stringify(f.name)},\n        "baseFlat": ${num(f.baseFlat)},\n` +
    `        "currentFlat": ${num(f.currentFlat)},\n        "flatDelta": ${num(f.flatDelta)},\n` +
    `        "baseCum": ${num(f.baseCum)},\n        "currentCum": ${num(f.currentCum)},\n` +
    `        "cumDelta": ${num(f.cumDelta)}\n      }`
  );
}

/** One line row at the depth JSON.stringify(…, null, 2) puts it (inside lines → type → array). */
function lineText(l: LineDelta): string {
  return (
    `      {\n        "function": ${JSON.stringify(l.function)},\n        "file": ${JSON.stringify(l.file)},\n` +
    `        "line": ${num(l.line)},\n        "flatDelta": ${num(l.flatDelta)},\n` +
    `        "cumDelta": ${num(l.cumDelta)}\n      }`
  );
}

/**
 * The members of one level into the top object, as JSON.stringify(…, null, 2) writes them
 * (undefined ones left out).
 */
function members(fields: object): string[] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')}`);
}

/**
 * The JSON report as text in chunks of about 64 KiB, byte for byte what renderJson returns
 * (JSON.stringify(toJsonReport(report), null, 2) and a newline), without ever holding more than a
 * chunk and one row: a report of a million functions is written as it is made.
 */
export function* renderJsonChunks(report: Report): Generator<string, void, undefined> {
  const head = members(jsonHead(report));
  let out = `{\n${head.join(',\n')},\n  "functions": `;
  for (const chunk of rowsByType(report.functions, functionText)) {
    out += chunk;
    if (out.length >= CHUNK) {
      yield out;
      out = '';
    }
  }
  const tail = members(jsonTail(report));
  out += `,\n${tail.join(',\n')}`;
  if (report.lines !== undefined) {
    out += ',\n  "lines": ';
    for (const chunk of rowsByType(report.lines.lines, lineText)) {
      out += chunk;
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
    }
    out += `,\n${members({ lineCount: report.lines.lineCount }).join(',\n')}`;
  }
  yield `${out}\n}\n`;
}

/** An object of sample type → rows as JSON.stringify(…, null, 2) writes it one level in, a row at a time. */
function* rowsByType<R>(
  byType: Readonly<Record<string, readonly R[]>>,
  rowText: (row: R) => string,
): Generator<string, void, undefined> {
  const types = Object.entries(byType);
  if (types.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [t, [type, rows]] of types.entries()) {
    yield `${t === 0 ? '' : ','}\n    ${JSON.stringify(type)}: `;
    if (rows.length === 0) {
      yield '[]';
      continue;
    }
    yield '[';
    for (let i = 0; i < rows.length; i++) yield `${i === 0 ? '' : ','}\n${rowText(rows[i]!)}`;
    yield '\n    ]';
  }
  yield '\n  }';
}
