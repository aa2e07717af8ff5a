import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { summarize } from '../../src/core/aggregate.js';
import { decodeProfile } from '../../src/core/decode/index.js';
import { diff } from '../../src/core/diff.js';
import type { FocusDelta, MetricDelta, ProfileDiff } from '../../src/core/diff.js';
import { RuleError, UsageError } from '../../src/core/errors.js';
import { focusPatterns, parseRules, rulesWithDefaults } from '../../src/core/rules.js';
import { evaluate } from '../../src/core/verdict.js';
import { buildProfile } from '../helpers/build-profile.js';

const MiB = 1024 * 1024;

function metric(sampleType: string, unit: string, base: number, current: number, z: number | null): MetricDelta {
  const delta = current - base;
  return { sampleType, unit, base, current, delta, deltaPercent: base === 0 ? null : (100 * delta) / base, z };
}

function diffOf(metrics: MetricDelta[], focus: FocusDelta[] = []): ProfileDiff {
  return { metrics, focus, functions: {}, defaultSampleType: metrics[0]!.sampleType, warnings: [] };
}

const RULE = 'inuse_space +15% min 256KiB warn +10%';

describe('evaluate: one rule, one metric', () => {
  it.each([
    // base, current, z, status; the percent, delta and min are stated per case
    ['+20% but delta 204.8KiB < min 256KiB', MiB, 1.2 * MiB, 10, 'pass'],
    ['+20%, delta 409.6KiB, z 5', 2 * MiB, 2.4 * MiB, 5, 'fail'],
    ['+20%, delta 409.6KiB, z exactly 3', 2 * MiB, 2.4 * MiB, 3, 'fail'],
    ['+20%, delta 409.6KiB, exact (z null)', 2 * MiB, 2.4 * MiB, null, 'fail'],
    ['+20% that sampling explains (z 2)', 2 * MiB, 2.4 * MiB, 2, 'noise'],
    ['+12.5%, delta exactly min, z 5', 2 * MiB, 2.25 * MiB, 5, 'warn'],
    ['+12.5% that sampling explains (z 1)', 2 * MiB, 2.25 * MiB, 1, 'noise'],
    ['exactly +15% is not over 15%: warn', 2000000, 2300000, 10, 'warn'],
    ['exactly +10% is not over 10%: pass', 3000000, 3300000, 10, 'pass'],
    ['+5%', 10 * MiB, 10.5 * MiB, 10, 'pass'],
    ['a decrease', 2 * MiB, MiB, -10, 'pass'],
    ['from 0 to 1MiB, exact', 0, MiB, null, 'fail'],
    ['from 0 to 1MiB, z 1', 0, MiB, 1, 'noise'],
    ['from 0 to 100KiB: under min', 0, 100 * 1024, null, 'pass'],
    ['no change', MiB, MiB, 0, 'pass'],
  ] as const)('%s → %s', (_what, base, current, z, status) => {
    const v = evaluate(diffOf([metric('inuse_space', 'bytes', base, current, z)]), parseRules(RULE));
    expect(v.metrics).toHaveLength(1);
    expect(v.metrics[0]!.status).toBe(status);
    expect(v.metrics[0]!.rule).toBe(RULE);
    expect(v.metrics[0]!.pattern).toBeNull();
    expect(v.verdict).toBe(status === 'noise' ? 'pass' : status);
    expect(v.confidence).toBe(3);
  });

  it('uses the confidence option', () => {
    const d = diffOf([metric('inuse_space', 'bytes', 2 * MiB, 2.4 * MiB, 2.5)]);
    expect(evaluate(d, parseRules(RULE)).metrics[0]!.status).toBe('noise');
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

  it('turns noise into pass at the verdict level', () => {
    const v = evaluate(diffOf([metric('inuse_space', 'bytes', 100, 200, 1)]), parseRules('inuse_space +10%'));
    expect(v.metrics[0]!.status).toBe('noise');
    expect(v.verdict).toBe('pass');
  });

  it('rejects a user rule for a sample type the diff lacks', () => {
    expect(() => evaluate(d(100, 100, 100), parseRules('alloc_objects +10%'))).toThrow(RuleError);
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
  const dir = fileURLToPath(new URL('../fixtures/go/', import.meta.url));
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
    '%s, sampled: the regressed variant fails, or shows as noise the sampling cannot rule out',
    (workload) => {
      const v = evaluate(
        diff(load(workload, 'good', '524288'), load(workload, 'regressed', '524288')),
        rulesWithDefaults(''),
      );
      expect(v.verdict === 'fail' || v.metrics.some((m) => m.status === 'noise')).toBe(true);
    },
  );
});

describe('evaluate on real Node heap profiles (@datadog/pprof) with the default rules', () => {
  const dir = fileURLToPath(new URL('../fixtures/node/', import.meta.url));
  const load = (variant: string) => summarize(decodeProfile(readFileSync(join(dir, `cache.${variant}.heap.pb.gz`))));

  it('calls a rerun that grew past a threshold noise, and passes it', () => {
    const v = evaluate(diff(load('good'), load('good-rerun')), rulesWithDefaults(''));
    // The fixture's rerun was chosen because its totals grew past a default threshold.
    expect(v.metrics.some((m) => m.status === 'noise')).toBe(true);
    expect(v.verdict).toBe('pass');
  });

  it('fails the regressed variant', () => {
    expect(evaluate(diff(load('good'), load('regressed')), rulesWithDefaults('')).verdict).toBe('fail');
  });
});
