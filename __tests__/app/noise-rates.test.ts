/**
 * False alarms and detections over many pairs of real, noisy Go runs (the profiles of
 * workloads/noisyload, made by scripts/make-noisy-fixtures.sh; see the fixtures README): a net/http
 * server under concurrent load, workers with sync.Pool buffers in bursts, a TTL cache with a janitor
 * goroutine, each with and without a runtime.GC() before the profile is written, at
 * MemProfileRate 1 and at the default rate. Ten runs of the same code and five of the regressed
 * code (+25 % retained per long-lived record) per configuration.
 *
 * Every comparison goes through compareProfiles, as `heapgate check` and the Action make it: the
 * history is the stored totals of 8 earlier runs of the same code (what their baselines' metadata
 * hold), the base one of them, the current run another run of the same code (a false alarm if it
 * fails) or a regressed run. Rates are counted over every such pair, for three windows of 8 runs.
 * Then, without a history, five runs a side (Welch across runs): same-code splits and regressed groups.
 */
import { join } from 'node:path';
import { createProfileLoader } from '../../src/adapters/profile-loader.js';
import { compareProfiles, sideOf, type ProfileSide } from '../../src/app/compare.js';
import { parseRulesInput } from '../../src/app/rules-input.js';
import type { ProfileSummary } from '../../src/core/profile/aggregate.js';
import type { HistoryPoint } from '../../src/core/stats/run-noise.js';
import type { VerdictKind } from '../../src/core/verdict/verdict.js';
import type { ProfileSource, SummaryLoader } from '../../src/ports.js';
import { ROOT } from '../helpers/dist.js';

const DIR = join(ROOT, '__tests__/fixtures/noisy');
const GOOD = 10;
const REGRESSED = 5;
const HISTORY = 8;
const WORKLOADS = ['server', 'pool', 'ttlcache'] as const;
const CONFIGS = WORKLOADS.flatMap((w) =>
  (['gc', 'nogc'] as const).flatMap((gc) => (['1', '524288'] as const).map((rate) => ({ w, gc, rate }))),
);

/** Summaries are made once per file: the loader remembers them by path. */
function cachingLoader(): SummaryLoader {
  const load = createProfileLoader({ mode: 'inline' });
  const cache = new Map<string, Promise<ProfileSummary>>();
  return (sources: readonly ProfileSource[], focus: readonly string[]) =>
    Promise.all(
      sources.map((s) => {
        let p = cache.get(s.label);
        if (p === undefined) {
          p = load([s], focus).then(([summary]) => summary!);
          cache.set(s.label, p);
        }
        return p;
      }),
    );
}

interface Counts {
  sameCode: Record<VerdictKind, number>;
  regressed: Record<VerdictKind, number>;
}

const zero = (): Record<VerdictKind, number> => ({ pass: 0, warn: 0, fail: 0, inconclusive: 0 });

/** Runs every pair of one configuration, with a history of HISTORY runs (or none: history 0). */
async function rates(w: string, gc: string, rate: string, withHistory: boolean): Promise<Counts> {
  const load = cachingLoader();
  const source = (role: 'base' | 'current', name: string): ProfileSource => {
    const path = join(DIR, w, `${gc}.rate${rate}`, `${name}.heap.pb.gz`);
    return { role, label: path, path };
  };
  const summary = async (name: string): Promise<HistoryPoint> => {
    const [s] = await load([source('base', name)], []);
    return { sampleType: s!.sampleType, total: s!.total, period: s!.period };
  };
  const goods = Array.from({ length: GOOD }, (_, i) => `good-${i + 1}`);
  const regressed = Array.from({ length: REGRESSED }, (_, i) => `regressed-${i + 1}`);
  const counts: Counts = { sameCode: zero(), regressed: zero() };
  const rules = parseRulesInput(undefined);
  for (let k = 0; k + HISTORY <= GOOD; k++) {
    const window = goods.slice(k, k + HISTORY);
    const points = await Promise.all(window.map(summary));
    const history = withHistory ? { points, window: 30 } : undefined;
    const outside = goods.filter((g) => !window.includes(g));
    for (const base of window) {
      for (const [current, tally] of [
        ...outside.map((c) => [c, counts.sameCode] as const),
        ...regressed.map((c) => [c, counts.regressed] as const),
      ]) {
        const outcome = await compareProfiles(
          { base: sideOf(source('base', base)), current: sideOf(source('current', current)), rules, top: 1, history },
          load,
        );
        tally[outcome.verdict.verdict]++;
      }
    }
  }
  return counts;
}

/** The first `count` ways (in lexicographic order) to choose `k` of `items`. */
function combinations<T>(items: readonly T[], k: number, count: number): T[][] {
  const out: T[][] = [];
  const pick = (start: number, chosen: T[]): void => {
    if (out.length === count) return;
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = start; i < items.length; i++) pick(i + 1, [...chosen, items[i]!]);
  };
  pick(0, []);
  return out;
}

/** Groups of runs compared per configuration, for each of same code and regressed code. */
const RUN_GROUPS = 20;

/**
 * Several runs per side, no history: RUN_GROUPS splits of the ten same-code runs into two groups of
 * five (each run on one side only), and RUN_GROUPS groups of five same-code runs against the five
 * regressed runs.
 */
async function runRates(w: string, gc: string, rate: string): Promise<Counts> {
  const load = cachingLoader();
  const side = (role: 'base' | 'current', names: readonly string[]): ProfileSide => ({
    label: names.join(','),
    runs: names.map((name) => {
      const path = join(DIR, w, `${gc}.rate${rate}`, `${name}.heap.pb.gz`);
      return { role, label: path, path };
    }),
  });
  const goods = Array.from({ length: GOOD }, (_, i) => `good-${i + 1}`);
  const regressed = Array.from({ length: REGRESSED }, (_, i) => `regressed-${i + 1}`);
  const counts: Counts = { sameCode: zero(), regressed: zero() };
  const rules = parseRulesInput(undefined);
  const compare = async (base: readonly string[], current: readonly string[]) =>
    (await compareProfiles({ base: side('base', base), current: side('current', current), rules, top: 1 }, load))
      .verdict.verdict;
  // Splits that keep good-1 in the base: each split once.
  for (const base of combinations(goods.slice(1), 4, RUN_GROUPS).map((g) => ['good-1', ...g])) {
    counts.sameCode[
      await compare(
        base,
        goods.filter((g) => !base.includes(g)),
      )
    ]++;
  }
  for (const base of combinations(goods, REGRESSED, RUN_GROUPS)) counts.regressed[await compare(base, regressed)]++;
  return counts;
}

const results = new Map<string, { history: Counts; none: Counts; runs: Counts }>();

beforeAll(async () => {
  for (const { w, gc, rate } of CONFIGS) {
    results.set(`${w} ${gc} rate ${rate}`, {
      history: await rates(w, gc, rate, true),
      none: await rates(w, gc, rate, false),
      runs: await runRates(w, gc, rate),
    });
  }
  // The table docs/noise-model.md quotes: printed, asserted below only where it is a requirement.
  const row = (c: Record<VerdictKind, number>) => `${c.fail} fail / ${c.inconclusive} inc / ${c.pass + c.warn} pass`;
  process.stdout.write(
    [...results]
      .map(
        ([k, r]) =>
          `${k.padEnd(24)} same: ${row(r.history.sameCode)} | +25%: ${row(r.history.regressed)} | ` +
          `no history, same: ${row(r.none.sameCode)} | +25%: ${row(r.none.regressed)} | ` +
          `5 runs a side, same: ${row(r.runs.sameCode)} | +25%: ${row(r.runs.regressed)}`,
      )
      .join('\n') + '\n',
  );
}, 600_000);

describe('run-to-run noise from an 8-run history, measured on noisy Go workloads', () => {
  it.each(CONFIGS.map((c) => `${c.w} ${c.gc} rate ${c.rate}`))('%s: no false alarm over 48 same-code pairs', (key) => {
    const r = results.get(key)!;
    expect(r.history.sameCode.fail + r.history.sameCode.warn).toBe(0);
    expect(Object.values(r.history.sameCode).reduce((a, b) => a + b)).toBe(48);
  });

  it.each(CONFIGS.map((c) => `${c.w} ${c.gc} rate ${c.rate}`))(
    '%s: the +25%% retention regression never passes over 120 pairs (fail, or inconclusive where the noise hides it)',
    (key) => {
      const r = results.get(key)!;
      expect(r.history.regressed.pass + r.history.regressed.warn).toBe(0);
      expect(Object.values(r.history.regressed).reduce((a, b) => a + b)).toBe(120);
    },
  );

  it('at rate 1 with a GC before the write, the server (runs within ~1 %) fails the regression every time', () => {
    expect(results.get('server gc rate 1')!.history.regressed.fail).toBe(120);
    // ... and its same-code pairs pass outright: the history tells them apart from a regression.
    expect(results.get('server gc rate 1')!.history.sameCode.pass).toBe(48);
  });

  it('without the history, exact profiles at rate 1 raise false alarms on the same code', () => {
    const falseAlarms = [...results]
      .filter(([k]) => k.endsWith('rate 1'))
      .reduce((n, [, r]) => n + r.none.sameCode.fail, 0);
    expect(falseAlarms).toBeGreaterThan(0);
  });
});

describe('five runs per side (Welch across runs), no history, on the same noisy Go workloads', () => {
  it.each(CONFIGS.map((c) => `${c.w} ${c.gc} rate ${c.rate}`))(
    `%s: no false alarm over ${RUN_GROUPS} same-code splits`,
    (key) => {
      const r = results.get(key)!.runs;
      expect(r.sameCode.fail + r.sameCode.warn).toBe(0);
      expect(Object.values(r.sameCode).reduce((a, b) => a + b)).toBe(RUN_GROUPS);
    },
  );

  it.each(CONFIGS.map((c) => `${c.w} ${c.gc} rate ${c.rate}`))(
    `%s: the +25%% retention regression never passes over ${RUN_GROUPS} groups`,
    (key) => {
      const r = results.get(key)!.runs;
      expect(r.regressed.pass + r.regressed.warn).toBe(0);
      expect(Object.values(r.regressed).reduce((a, b) => a + b)).toBe(RUN_GROUPS);
    },
  );

  it('at rate 1, five runs a side detect what one run with an 8-run history cannot', () => {
    expect(results.get('server gc rate 1')!.runs.regressed.fail).toBe(RUN_GROUPS);
    expect(results.get('ttlcache gc rate 1')!.runs.regressed.fail).toBe(RUN_GROUPS);
    // Measured: the server without a GC 14 of 20 (history: 0 of 120), the TTL cache 13 of 20 (1 of 120).
    for (const key of ['server nogc rate 1', 'ttlcache nogc rate 1']) {
      const r = results.get(key)!;
      expect(r.runs.regressed.fail / RUN_GROUPS).toBeGreaterThan(r.history.regressed.fail / 120 + 0.3);
    }
  });
});
