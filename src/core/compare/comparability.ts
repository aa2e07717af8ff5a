/**
 * Whether two profiles were made the same way. A diff of profiles recorded at different sampling
 * rates, by different Go releases, or with different sample types is still computed, but its
 * deltas can mislead: part of a change may come from how the profiles were made, not from the
 * code. These are the warnings a comparison carries for that. Pure.
 */
import { cutNamesWarning } from '../profile/name-cap.js';
import type { ProfileSummary } from '../profile/aggregate.js';
import type { ValueType } from '../profile/model.js';
import { formatValueType, sameValueType } from '../profile/sample-type.js';
import { samplingRate } from '../profile/sampling.js';
import { samplerOf, samplerOfPair, type Sampler } from '../profile/sampler.js';

const GO_VERSION_RE = /\bgo[1-9][0-9]*\.[0-9]+(?:\.[0-9]+)?(?:(?:rc|beta)[0-9]+)?\b/;

/** The Go version named in a profile comment, if any (e.g. a comment "go1.22.3 linux/amd64"). */
export function goVersionFromComments(comments: readonly string[]): string | undefined {
  for (const c of comments) {
    const m = GO_VERSION_RE.exec(c);
    if (m) return m[0];
  }
  return undefined;
}

/** What of a summary the checks read. */
export type ComparedSummary = Pick<ProfileSummary, 'sampleType' | 'periodType' | 'period' | 'comment' | 'cutNames'>;

/** The rate's name for its users: Go's or node's when the period type is space/bytes, else the period type. */
function rateName(pt: ValueType, sampler: Sampler): string {
  if (pt.type !== 'space' || pt.unit !== 'bytes') return `sampling period (${formatValueType(pt)})`;
  return sampler === 'v8' ? '--heap-prof-interval' : 'MemProfileRate';
}

/** "base MemProfileRate 524288, current 1": the name once when both sides share it. */
function describeSides(base: ComparedSummary, current: ComparedSummary): string {
  const pb = base.periodType;
  const pc = current.periodType;
  if (pb !== undefined && pc !== undefined && sameValueType(pb, pc)) {
    return `base ${rateName(pb, samplerOfPair(base, current))} ${base.period}, current ${current.period}`;
  }
  const one = (s: ComparedSummary): string =>
    s.periodType === undefined ? 'no sampling period' : `${rateName(s.periodType, samplerOf(s))} ${s.period}`;
  return `base ${one(base)}, current ${one(current)}`;
}

/**
 * The sampling warning, or null. Whether a profile is sampled is decided by its rate
 * (profile/sampling.ts `samplingRate`), not by the summary's `exact`: a sampled profile whose samples
 * cannot be sized (an empty one, say) has no variance, yet its values are still scaled estimates.
 * Both rates 0 (e.g. MemProfileRate 0 and 1, or no period at all) means both are exact: no warning.
 */
function samplingWarning(base: ComparedSummary, current: ComparedSummary): string | null {
  const rb = samplingRate(base);
  const rc = samplingRate(current);
  if (rb === rc) return null;
  const sides = describeSides(base, current);
  if (rb > 0 && rc > 0) {
    // Both are unbiased estimates, but their noise differs: a delta may come from sampling, not code.
    return `sampling rates differ: ${sides} — the two sides were sampled differently`;
  }
  // One side records every allocation, the other one per `rate` bytes on average, scaled up.
  const lead =
    base.periodType !== undefined && current.periodType !== undefined
      ? 'sampling rates differ'
      : 'one profile is sampled, the other exact';
  return `${lead}: ${sides} — deltas mix sampled and exact values`;
}

function goVersionWarning(base: ComparedSummary, current: ComparedSummary): string | null {
  const vb = goVersionFromComments(base.comment);
  const vc = goVersionFromComments(current.comment);
  if (vb === undefined || vc === undefined || vb === vc) return null;
  return `Go versions differ: base ${vb}, current ${vc} — the runtime and standard library may allocate differently`;
}

function missingFrom(types: readonly ValueType[], other: readonly ValueType[]): ValueType[] {
  return types.filter((t) => !other.some((u) => sameValueType(t, u)));
}

function sampleTypeWarnings(base: ComparedSummary, current: ComparedSummary): string[] {
  const out: string[] = [];
  const onlyBase = missingFrom(base.sampleType, current.sampleType);
  const onlyCurrent = missingFrom(current.sampleType, base.sampleType);
  const list = (types: readonly ValueType[]): string => types.map(formatValueType).join(', ');
  if (onlyBase.length > 0) out.push(`sample types only in the base profile, not compared: ${list(onlyBase)}`);
  if (onlyCurrent.length > 0) out.push(`sample types only in the current profile, not compared: ${list(onlyCurrent)}`);
  return out;
}

/**
 * Warnings, one sentence each, about the ways `base` and `current` were not made alike; empty when
 * they were. In this order:
 * - sampling: their sampling rates (see profile/sampling.ts `samplingRate`; space/bytes periods are
 *   Go's MemProfileRate) differ, including one profile sampled and the other exact;
 * - Go version: both comments name a Go version (goVersionFromComments) and the versions differ;
 * - sample types (matched by type and unit) that only the base has, then only the current has:
 *   those are left out of the comparison;
 * - function names too long to show whole, cut (profile/name-cap.ts), base then current.
 * Sample type names come from the profiles: renderers must escape the warnings.
 */
export function comparabilityWarnings(base: ComparedSummary, current: ComparedSummary): string[] {
  return [
    samplingWarning(base, current),
    goVersionWarning(base, current),
    ...sampleTypeWarnings(base, current),
    cutNamesWarning('base', base.cutNames),
    cutNamesWarning('current', current.cutNames),
  ].filter((w): w is string => w !== null);
}
