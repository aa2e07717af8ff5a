import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { summarize } from '../../../src/core/profile/aggregate.js';
import { decodeProfile } from '../../../src/core/profile/decode/index.js';
import { diff } from '../../../src/core/compare/diff.js';
import type { FocusDelta, MetricDelta, ProfileDiff } from '../../../src/core/compare/diff.js';
import { RuleError, UsageError } from '../../../src/core/errors.js';
import { focusPatterns, parseRules, rulesWithDefaults } from '../../../src/core/rules/resolve.js';
import { evaluate } from '../../../src/core/verdict/verdict.js';
import { metricHistory } from '../../../src/core/stats/metric-history.js';
import { buildProfile } from '../../helpers/build-profile.js';

const MiB = 1024 * 1024;

/** A delta whose sampling variance gives it `z` (null or 0: exact, variance 0). */
function metric(sampleType: string, unit: string, base: number, current: number, z: number | null): MetricDelta {
  const delta = current - base;
  const variance = z === null || z === 0 ? 0 : (delta / z) ** 2;
  return {
    sampleType,
    unit,
    base,
    current,
    delta,
    deltaPercent: base === 0 ? null : (100 * delta) / base,
    z,
    variance,

    runs: { base: 1, current: 1 },
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
  };
}

/** A delta with a given sampling standard deviation. */
function withSd(sampleType: string, unit: string, base: number, current: number, sd: number): MetricDelta {
  const delta = current - base;
  const z = sd === 0 ? null : delta / sd;
  return {
    sampleType,
    unit,
    base,
    current,
    delta,
    deltaPercent: base === 0 ? null : (100 * delta) / base,
    z,
    variance: sd * sd,

    runs: { base: 1, current: 1 },
    runSpread: { variance: 0, df: Number.POSITIVE_INFINITY },
  };
}

function diffOf(metrics: MetricDelta[], focus: FocusDelta[] = [], scalesWithIterations = false): ProfileDiff {
  return {
    metrics,
    focus,
    functions: {},
    defaultSampleType: metrics[0]!.sampleType,
    warnings: [],
    scalesWithIterations,
  };
}

const RULE = 'inuse_space +15% min 256KiB warn +10%';

describe('evaluate: one rule, one metric', () => {
  it.each([
    // base, current, z, status; the percent, delta and min are stated per case
    ['+20% but delta 204.8KiB < min 256KiB', MiB, 1.2 * MiB, 10, 'pass'],
    ['+20%, delta 409.6KiB, z 5', 2 * MiB, 2.4 * MiB, 5, 'fail'],
    ['+20%, delta 409.6KiB, z exactly 3', 2 * MiB, 2.4 * MiB, 3, 'fail'],
    ['+20%, delta 409.6KiB, exact (z null)', 2 * MiB, 2.4 * MiB, null, 'fail'],
    ['+20% that sampling explains (z 2)', 2 * MiB, 2.4 * MiB, 2, 'inconclusive'],
    ['+12.5%, delta exactly min, z 5', 2 * MiB, 2.25 * MiB, 5, 'warn'],
    ['+12.5% that sampling explains (z 1)', 2 * MiB, 2.25 * MiB, 1, 'inconclusive'],
    ['exactly +15% is not over 15%: warn', 2000000, 2300000, 10, 'warn'],
    ['exactly +10% is not over 10%: pass', 3000000, 3300000, 10, 'pass'],
    ['+5%', 10 * MiB, 10.5 * MiB, 10, 'pass'],
    ['a decrease, told apart (detectable 157KiB < threshold 307KiB)', 2 * MiB, MiB, -20, 'pass'],
    ['a decrease in noise that hides +15% (detectable 629KiB)', 2 * MiB, MiB, -5, 'inconclusive'],
    ['+5% in noise that hides the threshold (detectable 3MiB > 1.5MiB)', 10 * MiB, 10.5 * MiB, 0.5, 'inconclusive'],
    ['from 0 to 1MiB, exact', 0, MiB, null, 'fail'],
    ['from 0 to 1MiB, z 1', 0, MiB, 1, 'inconclusive'],
    ['from 0 to 100KiB: under min', 0, 100 * 1024, null, 'pass'],
    ['no change', MiB, MiB, 0, 'pass'],
  ] as const)('%s → %s', (_what, base, current, z, status) => {
    const v = evaluate(diffOf([metric('inuse_space', 'bytes', base, current, z)]), parseRules(RULE));
    expect(v.metrics).toHaveLength(1);
    expect(v.metrics[0]!.status).toBe(status);
    expect(v.metrics[0]!.rule).toBe(RULE);
    expect(v.metrics[0]!.pattern).toBeNull();
    expect(v.verdict).toBe(status);
    expect(v.confidence).toBe(3);
  });

  it('uses the confidence option', () => {
    const d = diffOf([metric('inuse_space', 'bytes', 2 * MiB, 2.4 * MiB, 2.5)]);
    expect(evaluate(d, parseRules(RULE)).metrics[0]!.status).toBe('inconclusive');
    expect(evaluate(d, parseRules(RULE), { confidence: 2 }).metrics[0]!.status).toBe('fail');
    expect(evaluate(d, parseRules(RULE), { confidence: 2 }).confidence).toBe(2);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects confidence %p', (confidence) => {
    const d = diffOf([metric('inuse_space', 'bytes', 1, 1, 0)]);
    expect(() => evaluate(d, [], { confidence })).toThrow(UsageError);
  });
});

describe('evaluate: the verdict over several metrics', () => {
  const rules = parseRules('inuse_space +10% warn +5%\ninuse_objects +10% warn +5%\nalloc_space +10%');
  const d = (objects: number, space: number, alloc: number) =>
    diffOf([
      metric('alloc_space', 'bytes', 100, alloc, null),
      metric('inuse_objects', 'count', 100, objects, null),
      metric('inuse_space', 'bytes', 100, space, null),
      metric('wall', 'nanoseconds', 100, 1000, null),
    ]);

  it.each([
    [100, 100, 100, 'pass', ['pass', 'pass', 'pass', 'pass']],
    [107, 100, 100, 'warn', ['pass', 'warn', 'pass', 'pass']],
    [107, 120, 100, 'fail', ['pass', 'warn', 'fail', 'pass']],
    [100, 100, 111, 'fail', ['fail', 'pass', 'pass', 'pass']],
  ] as const)('objects %d, space %d, alloc %d → %s', (objects, space, alloc, verdict, statuses) => {
    const v = evaluate(d(objects, space, alloc), rules);
    expect(v.verdict).toBe(verdict);
    expect(v.metrics.map((m) => m.status)).toEqual(statuses);
  });

  it('reports every common sample type, with rule null where none applies', () => {
    const v = evaluate(d(100, 100, 100), rules);
    expect(v.metrics.map((m) => [m.sampleType, m.rule])).toEqual([
      ['alloc_space', 'alloc_space +10%'],
      ['inuse_objects', 'inuse_objects +10% warn +5%'],
      ['inuse_space', 'inuse_space +10% warn +5%'],
      ['wall', null],
    ]);
  });

  it('an inconclusive metric makes the verdict inconclusive, above warn and below fail', () => {
    const inconclusive = metric('inuse_space', 'bytes', 100, 200, 1);
    const rules = parseRules('inuse_space +10%\ninuse_objects +10% warn +5%\nalloc_space +10%');
    const warned = metric('inuse_objects', 'count', 100, 107, null);
    const failed = metric('alloc_space', 'bytes', 100, 120, null);
    expect(evaluate(diffOf([inconclusive]), rules.slice(0, 1)).verdict).toBe('inconclusive');
    expect(evaluate(diffOf([inconclusive, warned]), rules.slice(0, 2)).verdict).toBe('inconclusive');
    expect(evaluate(diffOf([inconclusive, warned, failed]), rules).verdict).toBe('fail');
  });

  it('rejects a user rule for a sample type the diff lacks', () => {
    expect(() => evaluate(d(100, 100, 100), parseRules('alloc_objects +10%'))).toThrow(RuleError);
  });
});

describe('evaluate: the smallest detectable change', () => {
  const rule = parseRules('inuse_space +15% min 256KiB');

  it('is critical · σ, compared with the larger of percent·base and min', () => {
    // σ 100KiB: detectable 300KiB; threshold max(15% of 1MiB = 153.6KiB, 256KiB) = 256KiB.
    const noisy = evaluate(diffOf([withSd('inuse_space', 'bytes', MiB, MiB, 100 * 1024)]), rule).metrics[0]!;
    expect(noisy).toMatchObject({ status: 'inconclusive', critical: 3, threshold: 256 * 1024 });
    expect(noisy.detectable).toBeCloseTo(300 * 1024, 6);
    expect(noisy.sources).toEqual({ sampling: (100 * 1024) ** 2, runs: 0, history: 0 });
    // σ 80KiB: detectable 240KiB, below the threshold: a pass.
    expect(evaluate(diffOf([withSd('inuse_space', 'bytes', MiB, MiB, 80 * 1024)]), rule).metrics[0]!.status).toBe(
      'pass',
    );
  });

  it('is 0 for an exact delta, which is always conclusive', () => {
    const m = evaluate(diffOf([withSd('inuse_space', 'bytes', MiB, MiB, 0)]), rule).metrics[0]!;
    expect(m).toMatchObject({ status: 'pass', detectable: 0, z: null });
  });
});

describe('evaluate: go test -bench totals, which scale with b.N', () => {
  const rule = parseRules('alloc_space +20%');
  const bench = (base: number, current: number) => diffOf([withSd('alloc_space', 'bytes', base, current, 0)], [], true);

  it('are never exact: without a history every change is inconclusive, growth or not', () => {
    for (const current of [1000, 1100, 3000, 500]) {
      const m = evaluate(bench(1000, current), rule).metrics[0]!;
      expect(m).toMatchObject({ status: 'inconclusive', detectable: Number.POSITIVE_INFINITY });
    }
  });

  it('are judged once a history gives their run-to-run noise', () => {
    const noise = {
      kind: 'calibrated',
      baselines: 30,
      levels: 1,
      changes: 29,
      meanChangePercent: 0,
      sdPercent: 2,
      df: 28,
    } as const;
    const history = new Map([['alloc_space', { noise, reference: null }]]);
    expect(evaluate(bench(1000, 1500), rule, { history }).metrics[0]!.status).toBe('fail');
    expect(evaluate(bench(1000, 1010), rule, { history }).metrics[0]!.status).toBe('pass');
  });
});

describe('evaluate: run-to-run noise from the history', () => {
  const rule = parseRules('inuse_space +15%');
  const calibrated = (sdPercent: number, df: number) =>
    new Map([
      [
        'inuse_space',
        {
          noise: {
            kind: 'calibrated',
            baselines: df + 2,
            levels: 1,
            changes: df + 1,
            meanChangePercent: 0,
            sdPercent,
            df,
          } as const,
          reference: null,
        },
      ],
    ]);

  it('gives an exact delta a finite z: (σ·base)² joins the sampling variance', () => {
    const d = diffOf([withSd('inuse_space', 'bytes', 1000, 1200, 0)]);
    expect(evaluate(d, rule).metrics[0]!.status).toBe('fail');
    const m = evaluate(d, rule, { history: calibrated(10, 1000) }).metrics[0]!;
    // σ 10% of 1000 = 100: z = 200 / 100 = 2; with 1000 degrees of freedom t ≈ 3.0.
    expect(m.z).toBeCloseTo(2, 9);
    expect(m.sources.history).toBeCloseTo(100 ** 2, 6);
    expect(m.status).toBe('inconclusive');
  });

  it('raises the critical value when the history is short (Student t at the same one-sided level)', () => {
    const d = diffOf([withSd('inuse_space', 'bytes', 1000, 1400, 0)]);
    // z = 400 / 100 = 4: real with a long history, not with 7 changes (t ≈ 4.9 for 6 degrees of freedom).
    expect(evaluate(d, rule, { history: calibrated(10, 1000) }).metrics[0]!.status).toBe('fail');
    const short = evaluate(d, rule, { history: calibrated(10, 6) }).metrics[0]!;
    expect(short.critical).toBeCloseTo(4.904, 2);
    expect(short.status).toBe('inconclusive');
  });

  it('carries an uncalibrated history through without changing the noise', () => {
    const noise = { kind: 'uncalibrated', baselines: 2, needed: 5, levels: 1, changes: 1 } as const;
    const history = new Map([['inuse_space', { noise, reference: null }]]);
    const m = evaluate(diffOf([withSd('inuse_space', 'bytes', 1000, 1200, 0)]), rule, { history }).metrics[0]!;
    expect(m).toMatchObject({ status: 'fail', z: null, history: { kind: 'uncalibrated', baselines: 2, needed: 5 } });
  });
});

describe('evaluate: a base that fell alone below its level', () => {
  const SPACE = { type: 'inuse_space', unit: 'bytes' } as const;
  const points = [100, 101, 100, 101, 100, 101, 100, 80].map((t) => ({
    sampleType: [SPACE],
    total: [t * MiB],
    period: 1,
  }));
  const history = new Map([['inuse_space', metricHistory(points, SPACE, 1, 1)]]);
  const judge = (current: number, rule = 'inuse_space +15%') =>
    evaluate(diffOf([withSd('inuse_space', 'bytes', 80 * MiB, current * MiB, 0)]), parseRules(rule), { history })
      .metrics[0]!;

  it('passes a run back at the level before it (+25 % over the base that fell)', () => {
    expect(judge(100).status).toBe('pass');
    expect(judge(100, 'inuse_space +15% drift off').status).toBe('pass');
  });

  it('fails a run over the rule against that level', () => {
    expect(judge(130).status).toBe('fail');
  });

  it('cannot tell when a change of the threshold’s size would go unseen against that level', () => {
    const noisy = [100, 112, 95, 108, 90, 110, 97, 105, 50].map((t) => ({
      sampleType: [SPACE],
      total: [t * MiB],
      period: 1,
    }));
    const h = new Map([['inuse_space', metricHistory(noisy, SPACE, 1, 1)]]);
    expect(h.get('inuse_space')!.baseFellAlone).toBe(true);
    const m = evaluate(
      diffOf([withSd('inuse_space', 'bytes', 50 * MiB, 100 * MiB, 0)]),
      parseRules('inuse_space +15%'),
      {
        history: h,
      },
    ).metrics[0]!;
    expect(m.status).toBe('inconclusive');
  });
});

describe('evaluate: conjunctions (all: ...)', () => {
  const rules = parseRules('all: inuse_space +15%, alloc_objects +20% min 10');
  const d = (space: number, objects: number, zObjects: number | null = null) =>
    diffOf([
      metric('alloc_objects', 'count', 1000, objects, zObjects),
      metric('inuse_space', 'bytes', 1000, space, null),
    ]);

  it.each([
    ['both parts fail', 1200, 1300, null, 'fail', ['fail', 'fail']],
    // partStatus in the diff's order: alloc_objects, inuse_space.
    ['only inuse_space fails', 1200, 1100, null, 'pass', ['pass', 'fail']],
    ['only alloc_objects fails', 1100, 1300, null, 'pass', ['fail', 'pass']],
    [
      'inuse_space fails, alloc_objects over but not significant',
      1200,
      1300,
      1,
      'inconclusive',
      ['inconclusive', 'fail'],
    ],
  ] as const)('%s', (_what, space, objects, z, status, parts) => {
    const v = evaluate(d(space, objects, z), rules);
    expect(v.verdict).toBe(status);
    expect(v.metrics.map((m) => m.status)).toEqual([status, status]);
    expect(v.metrics.map((m) => m.partStatus)).toEqual(parts);
    expect(v.metrics.map((m) => m.rule)).toEqual([
      'all: inuse_space +15%, alloc_objects +20% min 10',
      'all: inuse_space +15%, alloc_objects +20% min 10',
    ]);
  });

  it('replaces the defaults of its sample types and keeps the others', () => {
    const v = evaluate(d(1200, 1100), rulesWithDefaults('all: inuse_space +15%, alloc_objects +20%'));
    expect(v.verdict).toBe('pass');
  });

  it('may not share a sample type with another rule of the user', () => {
    expect(() =>
      evaluate(d(1000, 1000), parseRules('all: inuse_space +15%, alloc_objects +20%\ninuse_space +5%')),
    ).toThrow(RuleError);
  });
});

describe('evaluate: function rules', () => {
  const focus: FocusDelta = {
    ...metric('inuse_space', 'bytes', 100 * 1024, 200 * 1024, null),
    pattern: '^main\\.cache',
  };
  const metrics = [metric('inuse_space', 'bytes', 10 * MiB, 10 * MiB, null)];

  it('judges the focus totals of the pattern and reports them after the sample types', () => {
    const v = evaluate(diffOf(metrics, [focus]), parseRules('inuse_space for ^main\\.cache: +10% min 64KiB'));
    expect(v.verdict).toBe('fail');
    expect(v.metrics.map((m) => [m.sampleType, m.pattern, m.status, m.rule])).toEqual([
      ['inuse_space', null, 'pass', null],
      ['inuse_space', '^main\\.cache', 'fail', 'inuse_space for ^main\\.cache: +10% min 64KiB'],
    ]);
    expect(v.metrics[1]).toMatchObject({ base: 100 * 1024, current: 200 * 1024, delta: 100 * 1024, deltaPercent: 100 });
  });

  it('applies min to the focus delta', () => {
    const v = evaluate(diffOf(metrics, [focus]), parseRules('inuse_space for ^main\\.cache: +10% min 128KiB'));
    expect(v.verdict).toBe('pass');
  });

  it('needs the focus totals in the diff', () => {
    expect(() => evaluate(diffOf(metrics, []), parseRules('inuse_space for x: +10%'))).toThrow(/no focus totals/);
  });
});

describe('evaluate end to end on built profiles', () => {
  it('fails a cache that doubled and passes the rest, with the defaults', () => {
    const types = [
      ['inuse_objects', 'count'],
      ['inuse_space', 'bytes'],
    ] as const;
    const profile = (cacheObjects: number) =>
      buildProfile({
        sampleType: types,
        periodType: null,
        samples: [
          { stack: ['main.(*Cache).put', 'main.main'], value: [cacheObjects, cacheObjects * 4096] },
          { stack: ['main.handle', 'main.main'], value: [10000, 10000 * 4096] },
        ],
      });
    const rules = rulesWithDefaults('inuse_space for Cache: +50% min 1MiB');
    const focus = focusPatterns(rules);
    const d = diff(summarize(profile(1000), { focus }), summarize(profile(2000), { focus }));
    const v = evaluate(d, rules);
    // Totals: 11000 → 12000 objects (+9.1%), 45056000 → 49152000 bytes (+9.1%): under both defaults.
    // Cache: 4096000 → 8192000 bytes (+100%, delta 4096000 ≥ 1MiB): fails.
    expect(v.metrics.map((m) => [m.sampleType, m.pattern, m.status])).toEqual([
      ['inuse_objects', null, 'pass'],
      ['inuse_space', null, 'pass'],
      ['inuse_space', 'Cache', 'fail'],
    ]);
    expect(v.metrics[1]!.rule).toBe('inuse_space +15% min 256KiB');
    expect(v.verdict).toBe('fail');
  });
});

describe('evaluate on real Go heap profiles with the default rules', () => {
  const dir = fileURLToPath(new URL('../../fixtures/go/', import.meta.url));
  const workloads = readdirSync(dir).sort();
  const load = (workload: string, variant: string, rate: string) =>
    summarize(decodeProfile(readFileSync(join(dir, workload, `${variant}.rate${rate}.heap.pb.gz`))));
  const cases = workloads.flatMap((w) => ['1', '524288'].map((rate) => [w, rate] as const));

  it.each(cases)('%s at rate %s: a rerun of the same program does not fail', (workload, rate) => {
    const v = evaluate(diff(load(workload, 'good', rate), load(workload, 'good-rerun', rate)), rulesWithDefaults(''));
    expect(v.verdict).not.toBe('fail');
  });

  it.each(workloads)('%s, every allocation recorded: the regressed variant fails', (workload) => {
    const v = evaluate(diff(load(workload, 'good', '1'), load(workload, 'regressed', '1')), rulesWithDefaults(''));
    expect(v.verdict).toBe('fail');
  });

  it.each(workloads)(
    '%s, sampled: the regressed variant fails, or reads inconclusive when the sampling cannot rule it out',
    (workload) => {
      const v = evaluate(
        diff(load(workload, 'good', '524288'), load(workload, 'regressed', '524288')),
        rulesWithDefaults(''),
      );
      expect(['fail', 'inconclusive']).toContain(v.verdict);
    },
  );
});

describe('evaluate on real Node heap profiles (@datadog/pprof) with the default rules', () => {
  const dir = fileURLToPath(new URL('../../fixtures/node/', import.meta.url));
  const load = (variant: string) => summarize(decodeProfile(readFileSync(join(dir, `cache.${variant}.heap.pb.gz`))));

  it('calls a rerun that grew past a threshold inconclusive, never fail', () => {
    const v = evaluate(diff(load('good'), load('good-rerun')), rulesWithDefaults(''));
    // The fixture's rerun was chosen because its totals grew past a default threshold.
    expect(v.metrics.some((m) => m.partStatus === 'inconclusive' && m.deltaPercent! > 15)).toBe(true);
    expect(v.verdict).toBe('inconclusive');
  });

  it('fails the regressed variant', () => {
    expect(evaluate(diff(load('good'), load('regressed')), rulesWithDefaults('')).verdict).toBe('fail');
  });
});
