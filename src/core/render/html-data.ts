/**
 * Report → the data the HTML report's script draws from: per sample type, the flame graph's frames
 * and the heat table's functions as columns of numbers, every name once in a shared table. Small
 * rows are left out (and counted) the way the flame graph prunes frames.
 */
import type { FlameGraph } from '../compare/flame.js';
import { DEFAULT_NODE_FRACTION } from '../compare/flame.js';
import type { Report } from '../verdict/report.js';
import type { MetricStatus } from '../verdict/verdict.js';
import { failingSampleTypes } from './parts.js';

/** A flame graph as columns: depth, name index, base/current cum and flat (see FlameGraph). */
export interface PageFlame {
  readonly d: number[];
  readonly n: number[];
  readonly bc: number[];
  readonly cc: number[];
  readonly bf: number[];
  readonly cf: number[];
  /** Frames not drawn, and the share of the total below which a frame is not. */
  readonly pruned: number;
  readonly fraction: number;
}

/** The heat table's functions (name index, flat and cum of each side), and what was left out. */
export interface PageTable {
  readonly n: number[];
  readonly bf: number[];
  readonly cf: number[];
  readonly bc: number[];
  readonly cc: number[];
  readonly omitted: number;
  readonly omittedFlatDelta: number;
}

export interface PageType {
  readonly type: string;
  readonly unit: string;
  /** The whole sample type's status (null when it has no metric of its own). */
  readonly status: MetricStatus | null;
  readonly base: number;
  readonly current: number;
  readonly fraction: number;
  readonly flame: PageFlame | null;
  readonly table: PageTable;
}

export interface PageData {
  readonly names: string[];
  readonly types: PageType[];
  /** The type shown first: the first failing one, else the report's. */
  readonly defaultType: number;
}

/**
 * Rounds to an integer: heap profile values are unsampled estimates (fractions of a byte mean
 * nothing) and integers keep the page small.
 */
const round = Math.round;

function names(): { list: string[]; index: (name: string) => number } {
  const list: string[] = [];
  const at = new Map<string, number>();
  return {
    list,
    index: (name) => {
      let i = at.get(name);
      if (i === undefined) {
        i = list.length;
        list.push(name);
        at.set(name, i);
      }
      return i;
    },
  };
}

function pageFlame(g: FlameGraph, index: (name: string) => number): PageFlame {
  return {
    d: [...g.depth],
    n: g.name.map(index),
    bc: g.baseCum.map(round),
    cc: g.currentCum.map(round),
    bf: g.baseFlat.map(round),
    cf: g.currentFlat.map(round),
    pruned: g.pruned.frames,
    fraction: g.pruned.fraction,
  };
}

/**
 * The page data of a report. `fraction`: functions whose cum is below this share of the base
 * total in the base and of the current total in the current profile are counted, not listed (the
 * flame graphs carry their own fraction).
 */
export function pageData(report: Report, fraction: number = DEFAULT_NODE_FRACTION): PageData {
  const { list, index } = names();
  const types: PageType[] = [];
  for (const [type, total] of Object.entries(report.totals)) {
    const baseLimit = fraction * Math.abs(total.base);
    const currentLimit = fraction * Math.abs(total.current);
    const table: { n: number[]; bf: number[]; cf: number[]; bc: number[]; cc: number[] } = {
      n: [],
      bf: [],
      cf: [],
      bc: [],
      cc: [],
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
      flame: flame === undefined ? null : pageFlame(flame, index),
      table: { ...table, omitted, omittedFlatDelta: round(omittedFlatDelta) },
    });
  }
  const first = failingSampleTypes(report)[0] ?? report.sampleType;
  return {
    names: list,
    types,
    defaultType: Math.max(
      0,
      types.findIndex((t) => t.type === first),
    ),
  };
}
