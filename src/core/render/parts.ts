/**
 * The small pieces the renderers share, so the terminal report, the Markdown report and the gate's
 * comment say the same thing the same way: status icons and words, the status counts, which
 * sample types fail, and value cells. Pure.
 */
import type { GateVerdict } from '../verdict/gate.js';
import type { Report } from '../verdict/report.js';
import type { MetricResult, MetricStatus } from '../verdict/verdict.js';
import type { PointName } from '../stats/reference-level.js';
import { markdownText } from './escape.js';
import { formatDeltaPercent, formatSignedValue, formatValue, formatZ } from './units.js';

/** The icon of a metric's status or of a verdict (the report's or the gate's). */
export const ICON: Readonly<Record<MetricStatus | GateVerdict, string>> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  inconclusive: '❔',
  accepted: '☑️',
  'no-baseline': '🆕',
};

/** A verdict in words, for headlines. */
export const VERDICT_WORDS: Readonly<Record<GateVerdict, string>> = {
  pass: 'no memory regression',
  warn: 'memory warning',
  fail: 'memory regression',
  inconclusive: 'cannot tell from the noise',
  accepted: 'memory regression, accepted',
  'no-baseline': 'no baseline yet',
};

/** "1 failed, 0 warned, 2 inconclusive": how many of the report's metrics have each status. */
export function statusCounts(report: Report): string {
  const n = (status: MetricStatus): number => report.metrics.filter((m) => m.status === status).length;
  return `${n('fail')} failed, ${n('warn')} warned, ${n('inconclusive')} inconclusive`;
}

/**
 * A metric's name (untrusted: the caller escapes it): the sample type, `type ~ pattern` for a
 * function rule, `BenchmarkX B/op` for a Go benchmark's metric.
 */
export function metricLabel(m: MetricResult): string {
  if (m.benchmark !== undefined) return `${m.benchmark.name} ${m.sampleType}`;
  return m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${m.pattern}`;
}

/** True when a report compares Go benchmarks: its significance column holds p-values, not z. */
export function benchReport(report: Pick<Report, 'metrics'>): boolean {
  return report.metrics.some((m) => m.benchmark !== undefined);
}

/** The headers of the significance and detectable columns: `z`, `detectable`; `p`, `runs` for benchmarks. */
export function noiseHeaders(report: Pick<Report, 'metrics'>): readonly [string, string] {
  return benchReport(report) ? ['p', 'runs'] : ['z', 'detectable'];
}

/** A Mann–Whitney p-value: three decimals, `<0.001` below. */
export function formatP(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/**
 * The z cell: `n/a` for go test -bench totals without a history (neither exact nor sampled), else
 * formatZ. For a Go benchmark, its p-value (`exact` when every run agrees, `n/a` with one run a side).
 */
export function zCell(m: MetricResult): string {
  if (m.benchmark !== undefined) {
    if (m.benchmark.exact) return 'exact';
    return m.benchmark.p === null ? 'n/a' : formatP(m.benchmark.p);
  }
  return m.z === null && m.detectable === Number.POSITIVE_INFINITY ? 'n/a' : formatZ(m.z);
}

/**
 * The smallest change the comparison can detect, as a percent of the base (`±12.3%`), or in the
 * metric's unit when the base is 0; `exact` when nothing is noisy. For a Go benchmark, the runs
 * compared on each side (`6 → 6`).
 */
export function detectableCell(m: MetricResult): string {
  if (m.benchmark !== undefined) return `${m.runs.base} → ${m.runs.current}`;
  if (m.detectable === 0) return 'exact';
  if (m.detectable === Number.POSITIVE_INFINITY) return 'unknown';
  if (m.base === 0) return `±${formatValue(m.detectable, m.unit)}`;
  const percent = (100 * m.detectable) / Math.abs(m.base);
  return `±${percent >= 0.1 ? percent.toFixed(1) : percent.toPrecision(1)}%`;
}

/**
 * Per whole sample type with a history, the history behind its limit (its mean change and standard deviation):
 * `8 baselines, mean change +1.2%, σ 3.1% → limit ±9.4% (z ≥ 4.5)`, or `uncalibrated: 2 of 5
 * baselines`. `name` formats the (untrusted) sample type for the output format.
 */
export function historyLines(report: Report, name: (sampleType: string) => string): string[] {
  const out: string[] = [];
  for (const m of report.metrics) {
    const h = m.history;
    if (m.pattern !== null || h === null) continue;
    if (h.kind === 'uncalibrated') {
      out.push(
        h.baselines >= h.needed
          ? `${name(m.sampleType)}: uncalibrated: ${h.changes} of ${h.needed - 1} changes within levels ` +
              `(${h.baselines} baselines in ${h.levels} levels)`
          : `${name(m.sampleType)}: uncalibrated: ${h.baselines} of ${h.needed} baselines`,
      );
      continue;
    }
    const levels = h.levels > 1 ? ` in ${h.levels} levels (σ from the ${h.changes} changes within them)` : '';
    out.push(
      `${name(m.sampleType)}: ${h.baselines} baselines${levels}, mean change ` +
        `${formatDeltaPercent(h.meanChangePercent)}, σ ${h.sdPercent.toFixed(1)}% → limit ${detectableCell(m)} ` +
        `(z ≥ ${m.critical.toFixed(1)})`,
    );
  }
  return out;
}

/**
 * A baseline as reports name it: `1a2b3c4 (#41)`, `1a2b3c4`, `#41`, or `an earlier baseline`. A
 * commit id that is not hex (a store's hostile pointer) is left out, so the name is safe in any
 * output format.
 */
export function baselineName(b: PointName): string {
  const sha = b.sha === undefined || !/^[0-9a-f]{7,64}$/.test(b.sha) ? null : b.sha.slice(0, 7);
  const pr = Number.isSafeInteger(b.pullRequest) ? `#${b.pullRequest}` : null;
  if (sha !== null && pr !== null) return `${sha} (${pr})`;
  return sha ?? pr ?? 'an earlier baseline';
}

/** Rises listed in a drift line before "…". */
const MAX_LISTED_RISES = 5;

/**
 * Per whole sample type whose drift failed, could not be told, or rose since its reference level,
 * the run against that level in words: `inuse_space crept +38.0% over 12 merges since 1a2b3c4
 * (#41 +9.0%, #44 +11.0%): over the +15% drift rule (z 8.1 ≥ 3.4)`. A series at its level says
 * nothing. `text` escapes the untrusted parts (sample type, commit) for the output format.
 */
export function driftLines(report: Report, text: (untrusted: string) => string): string[] {
  const out: string[] = [];
  for (const m of report.metrics) {
    const d = m.drift;
    if (d === null || (d.status === 'pass' && !(d.rises.length > 0 && d.delta > 0))) continue;
    const accepted = d.accepted ? `, accepted${d.acceptedBy === null ? '' : ` by ${text(d.acceptedBy)}`}` : '';
    const since = `${text(baselineName(d.since))}${accepted}`;
    const rises = d.rises.slice(-MAX_LISTED_RISES).map((r) => {
      const who = r.pullRequest !== undefined ? `#${r.pullRequest}` : text(baselineName(r));
      return `${who} ${formatDeltaPercent(r.percent)}`;
    });
    const listed = rises.length === 0 ? '' : ` (${d.rises.length > MAX_LISTED_RISES ? '…, ' : ''}${rises.join(', ')})`;
    // The merges since the level, and this run's.
    const merges = `${d.merges + 1} merges`;
    const change = formatDeltaPercent(d.deltaPercent);
    const head =
      d.rises.length > 0 && d.delta > 0
        ? `${text(m.sampleType)} crept ${change} over ${merges} since ${since}${listed}`
        : `${text(m.sampleType)} ${change} from its level since ${since}`;
    const z = `z ${formatZ(Number.isFinite(d.z) ? d.z : null)}`;
    const rule = `the +${d.percent}% drift rule`;
    const verdict =
      d.status === 'fail'
        ? `over ${rule} (${z} ≥ ${d.critical.toFixed(1)})`
        : d.status === 'inconclusive'
          ? `over ${rule}, but the noise could explain it (${z} < ${d.critical.toFixed(1)})`
          : `within ${rule}`;
    out.push(`${head}: ${verdict}`);
  }
  return out;
}

/**
 * What makes a change real, for headlines: `z ≥ 3`, with `, or more with a short history` when a
 * history of baselines judged the run, or for benchmarks the U test's rule.
 */
export function significanceRule(report: Report): string {
  if (benchReport(report)) return 'p < 0.05 (Mann–Whitney U) with ≥ 4 runs a side, or every run agrees';
  return `z ≥ ${report.confidence}${report.historyWindow === null ? '' : ', or more with a short history'}`;
}

/** The sample types of the failing or warning metrics, each once, in the report's metric order. */
export function failingSampleTypes(report: Report): string[] {
  const types: string[] = [];
  for (const m of report.metrics) {
    if ((m.status === 'fail' || m.status === 'warn') && !types.includes(m.sampleType)) types.push(m.sampleType);
  }
  return types;
}

/**
 * The keys of `report.functions` whose tables a report shows first: the failing and warning sample
 * types, or for Go benchmarks the failing and warning metrics' labels (`BenchmarkX B/op`, which key
 * the functions attributed from a -memprofile).
 */
export function failingFunctionKeys(report: Report): string[] {
  if (!benchReport(report)) return failingSampleTypes(report);
  return report.metrics.filter((m) => m.status === 'fail' || m.status === 'warn').map(metricLabel);
}

/** A Markdown cell for a formatted number: plain when it is only digits, units and signs, escaped otherwise. */
export function valueCell(text: string): string {
  return /^[\w .,%+±-]*$/.test(text) ? text : markdownText(text);
}

/** What a headline names: the failing (else warning) metrics and the function that grew most in the first. */
export interface Culprit {
  /** The metric's name (sample type, `~ pattern` for a function rule) and its change ("+775.0%"). */
  readonly metrics: readonly { readonly name: string; readonly change: string }[];
  /**
   * The function with the largest flat change in the first metric's direction, and that change: the
   * user's own function when own code was attributed (its part: the samples whose deepest own frame
   * it is), else the leaf.
   */
  readonly function: {
    readonly name: string;
    readonly change: string;
    /** The library leaf under the own function whose part changed most that way; absent when none. */
    readonly leaf?: string;
  } | null;
}

/**
 * The culprit of a failing or warning report: its fail metrics (else its warn metrics) and the
 * function whose flat changed most in the direction of the first one; null when no metric failed
 * or warned. Untrusted text (names from the profile): the caller escapes it for its format.
 */
export function culprit(report: Report): Culprit | null {
  const fail = report.metrics.filter((m) => m.status === 'fail');
  const flagged = fail.length > 0 ? fail : report.metrics.filter((m) => m.status === 'warn');
  const first = flagged[0];
  if (first === undefined) return null;
  const metrics = flagged.map((m) => {
    const own = m.deltaPercent === null ? formatSignedValue(m.delta, m.unit) : formatDeltaPercent(m.deltaPercent);
    const drift = m.drift !== null && m.drift.status === m.status ? m.drift : null;
    return {
      name: metricLabel(m),
      change:
        drift === null ? own : `${own} (${formatDeltaPercent(drift.deltaPercent)} since ${baselineName(drift.since)})`,
    };
  });
  const grew = first.delta >= 0;
  const way = (d: number) => (grew ? d > 0 : d < 0);
  const own = (report.own?.[first.sampleType] ?? []).find((f) => way(f.flatDelta));
  if (own !== undefined) {
    return {
      metrics,
      function: {
        name: own.name,
        change: formatSignedValue(own.flatDelta, first.unit),
        ...(own.leaf === null ? {} : { leaf: own.leaf.name }),
      },
    };
  }
  const top = (report.functions[first.sampleType] ?? []).find((f) => way(f.flatDelta));
  return {
    metrics,
    function: top === undefined ? null : { name: top.name, change: formatSignedValue(top.flatDelta, first.unit) },
  };
}

/**
 * `Per-run means of 5 base runs and 6 current runs: every number below is one run's average.`,
 * or null when each side is one run.
 */
export function runsSentence(report: Pick<Report, 'runs'>): string | null {
  const { base, current } = report.runs;
  if (base === 1 && current === 1) return null;
  const side = (n: number, name: string): string => `${n} ${name} run${n === 1 ? '' : 's'}`;
  return (
    `Per-run means of ${side(base, 'base')} and ${side(current, 'current')}: every number is one run's ` +
    'average, and the spread across runs counts as noise.'
  );
}
