/**
 * Drift: the current run against its series' reference level (stats/reference-level.ts), under a
 * whole-sample-type rule's drift clause (`drift +<percent>%`, by default the rule's own percent).
 * It fails like the comparison with the baseline does — over the percent, at least the min, and
 * significant — with the noise of the comparison with the baseline: the history's σ of a change
 * between two runs (stats/run-noise.ts) times the level, plus the pair's sampling variance and the
 * spread of several runs. Without a calibrated history there is nothing to measure drift with, and
 * it is not judged.
 */
import type { MetricDelta } from '../compare/diff.js';
import type { Rule } from '../rules/syntax.js';
import type { PointName, ReferenceLevel, SeriesRise } from '../stats/reference-level.js';
import type { RunNoise } from '../stats/run-noise.js';
import { criticalValue } from '../stats/student-t.js';
import { crossing, type MetricStatus } from './crossing.js';

/** The current run judged against its series' reference level. */
export interface DriftResult {
  /** `fail` over the drift percent and significant, `inconclusive` over it but not, else `pass`. */
  readonly status: MetricStatus;
  /** The drift percent in force. */
  readonly percent: number;
  /** Mean of the reference level and its baselines. */
  readonly reference: number;
  readonly baselines: number;
  /** The reference level's last baseline: where what followed began. */
  readonly since: PointName;
  /** The reference level holds an accepted baseline, and who accepted it (null: not known). */
  readonly accepted: boolean;
  readonly acceptedBy: string | null;
  /** current − reference, and in percent of the reference. */
  readonly delta: number;
  readonly deltaPercent: number;
  readonly z: number;
  readonly critical: number;
  /** The drift threshold as an amount: its percent of the reference, at least the rule's min. */
  readonly threshold: number;
  /** Baselines since the reference level, and the merges among them that rose the series. */
  readonly merges: number;
  readonly rises: readonly SeriesRise[];
}

/**
 * The drift of whole-sample-type metric `m` under `rule`, or null when it is not judged: the rule
 * is off or says `drift off`, the history is not calibrated, or the series has no reference level.
 */
export function judgeDrift(
  m: MetricDelta,
  rule: Rule,
  noise: RunNoise | null,
  reference: ReferenceLevel | null,
  confidence: number,
): DriftResult | null {
  if (rule.off || rule.drift === 'off' || noise === null || noise.kind !== 'calibrated' || reference === null) {
    return null;
  }
  const percent = rule.drift ?? rule.percent;
  const ref = reference.mean;
  const delta = m.current - ref;
  // As for the comparison with the baseline: the history's change between two runs, the pair's
  // sampling and the spread of several runs. One run against a level's mean varies less (by
  // σ²(1 + 1/n)/2), but real histories are heavy-tailed: a run that retained unusually much would
  // then read as drift. A creep is caught by its size, not by a finer test.
  const sd = (noise.sdPercent / 100) * ref;
  const runs = Math.max(0, m.runSpread.variance - m.variance);
  const variance = sd * sd + m.variance + runs;
  const critical = criticalValue(confidence, noise.df);
  const z = variance > 0 ? delta / Math.sqrt(variance) : delta > 0 ? Number.POSITIVE_INFINITY : 0;
  const driftRule: Rule = { ...rule, percent, warnPercent: null };
  const status = crossing(ref, delta, driftRule, z >= critical) ?? 'pass';
  return {
    status,
    percent,
    reference: ref,
    baselines: reference.baselines,
    since: reference.since,
    accepted: reference.accepted,
    acceptedBy: reference.acceptedBy,
    delta,
    deltaPercent: (100 * delta) / ref,
    z,
    critical,
    threshold: Math.max(rule.min, (percent / 100) * ref),
    merges: reference.after,
    rises: reference.rises,
  };
}
