/**
 * The trend of a series: whole-profile totals of the last baselines (from a store pointer's
 * history, which needs no profile download) and of this run, as a Unicode sparkline per metric and
 * as a mermaid line chart. Pure.
 */
import type { ValueType } from '../profile/model.js';
import type { TrendPoint } from '../verdict/gate.js';
import { segmentLevels } from '../stats/levels.js';
import { markdownCode } from './escape.js';
import { baselineName } from './parts.js';
import { formatDeltaPercent, formatValue, isByteUnit } from './units.js';

/** Eight block heights, lowest first. */
export const SPARK_BLOCKS = '▁▂▃▄▅▆▇█';

/** Metrics shown in a trend: at most this many points (the newest). */
const MAX_TREND_POINTS = 30;

/**
 * One character per value, oldest first: the lowest value is ▁, the highest █, the others scaled
 * linearly between (rounded to the nearest of the eight heights). When all values are equal every
 * point is ▄. A missing value (null) is a space.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return values.map(() => ' ').join('');
  const min = Math.min(...known);
  const max = Math.max(...known);
  const top = SPARK_BLOCKS.length - 1;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (max === min) return SPARK_BLOCKS[3]!;
      return SPARK_BLOCKS[Math.round(((v - min) / (max - min)) * top)]!;
    })
    .join('');
}

/** The value of `type` (matched by name and unit) at a point, or null when the point lacks it. */
function valueAt(point: TrendPoint, type: ValueType): number | null {
  const i = point.sampleType.findIndex((t) => t.type === type.type && t.unit === type.unit);
  return i < 0 ? null : (point.total[i] ?? null);
}

/** The newest MAX_TREND_POINTS points, oldest first, from points given oldest first. */
function recent(points: readonly TrendPoint[]): readonly TrendPoint[] {
  return points.slice(Math.max(0, points.length - MAX_TREND_POINTS));
}

/** Steps named per metric in the trend table: the newest ones. */
const MAX_TREND_STEPS = 3;

/**
 * The steps between the levels of the stored baselines among `points` (stats/levels.ts), newest
 * last, as `+20.1% at 1a2b3c4 (#44)`; this run (no commit) is not part of the series yet.
 */
function stepsCell(points: readonly TrendPoint[], type: ValueType): string {
  const stored = points
    .map((p) => ({ p, v: valueAt(p, type) }))
    .filter(
      (x): x is { p: TrendPoint; v: number } =>
        x.p.sha !== undefined && x.v !== null && x.v > 0 && Number.isFinite(x.v),
    );
  const { levels } = segmentLevels(stored.map((x) => x.v));
  const steps = levels.slice(1).map((l, j) => {
    const at = stored[l.from]!.p;
    const name = baselineName({
      sha: at.sha!,
      ...(at.pullRequest !== undefined ? { pullRequest: at.pullRequest } : {}),
    });
    return `${formatDeltaPercent(100 * (l.mean / levels[j]!.mean - 1))} at ${name}`;
  });
  if (steps.length === 0) return '—';
  const shown = steps.slice(-MAX_TREND_STEPS);
  return `${steps.length > shown.length ? '…, ' : ''}${shown.join(', ')}`;
}

/**
 * A Markdown table with one row per metric: the sparkline over `points` (oldest first), the first
 * and last value, and the steps between the levels of the stored baselines. Empty when there are
 * fewer than two points (nothing to show a trend of). Sample type names are escaped.
 */
export function renderTrendTable(points: readonly TrendPoint[], types: readonly ValueType[]): string[] {
  const shown = recent(points);
  if (shown.length < 2 || types.length === 0) return [];
  const lines = [
    `| metric | trend (${shown.length} points, oldest → newest) | oldest | newest | steps |`,
    '| :-- | :-- | --: | --: | :-- |',
  ];
  for (const type of types) {
    const values = shown.map((p) => valueAt(p, type));
    const first = values.find((v) => v !== null);
    const last = [...values].reverse().find((v) => v !== null);
    const cell = (v: number | null | undefined): string =>
      v === null || v === undefined ? '—' : formatValue(v, type.unit).replace(/\|/g, '\\|');
    lines.push(
      `| ${markdownCode(type.type, true)} | \`${sparkline(values)}\` | ${cell(first)} | ${cell(last)} | ` +
        `${stepsCell(shown, type)} |`,
    );
  }
  return lines;
}

/** Mermaid accepts these in quoted titles and labels; anything else is replaced. */
function mermaidSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.:()+-]/g, '_');
}

/**
 * A mermaid `xychart-beta` line chart of one metric over `points` (oldest first), in MiB for byte
 * units, as a fenced code block; empty when fewer than two points have the metric. Labels and
 * the title are reduced to characters mermaid cannot misread.
 */
export function renderTrendChart(points: readonly TrendPoint[], type: ValueType): string[] {
  const shown = recent(points).filter((p) => valueAt(p, type) !== null);
  if (shown.length < 2) return [];
  const bytes = isByteUnit(type.unit);
  const scale = bytes ? 1024 * 1024 : 1;
  const unit = bytes ? 'MiB' : type.unit;
  const values = shown.map((p) => {
    const v = valueAt(p, type)! / scale;
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  });
  const levels = levelLine(shown, type, scale);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidSafe(type.type)}"`,
    `  x-axis [${shown.map((p) => `"${mermaidSafe(p.label)}"`).join(', ')}]`,
    `  y-axis "${mermaidSafe(unit)}"`,
    `  line [${values.join(', ')}]`,
    ...(levels === null ? [] : [`  line [${levels.join(', ')}]`]),
    '```',
  ];
}

/**
 * A second line for the chart: each stored baseline at the mean of its level (stats/levels.ts), so
 * the steps between levels show as steps; this run (no commit) at the newest level. Null when the
 * stored baselines hold a single level (nothing to mark) or a value that is not positive.
 */
function levelLine(shown: readonly TrendPoint[], type: ValueType, scale: number): string[] | null {
  const stored = shown.filter((p) => p.sha !== undefined);
  const values = stored.map((p) => valueAt(p, type)!);
  if (values.length < 2 || values.some((v) => !(v > 0 && Number.isFinite(v)))) return null;
  const { levels } = segmentLevels(values);
  if (levels.length < 2) return null;
  const at: number[] = [];
  for (const l of levels) for (let k = l.from; k < l.to; k++) at.push(l.mean / scale);
  const newest = at[at.length - 1]!;
  let k = 0;
  return shown.map((p) => {
    const v = p.sha === undefined ? newest : at[k++]!;
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  });
}
