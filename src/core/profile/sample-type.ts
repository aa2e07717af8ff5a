/**
 * Sample types: matching them between profiles and resolving a user's `--sample-index`.
 *
 * pprof looks a sample type up by name and accepts `inuse_space` / `inuse_objects` for the legacy
 * `space` / `objects` types that tcmalloc and older heap profiles carry (profile/index.go,
 * SampleIndexByName). Between two profiles, a sample type is "the same" when type and unit are
 * equal, as in pprof's merge compatibility check.
 */
import { UsageError } from '../errors.js';
import type { ValueType } from './model.js';

const INUSE_PREFIX = 'inuse_';

/**
 * True when `name` selects sample type `t` the way pprof's sample index lookup does:
 * `t.type === name` or `t.type === name` without its `inuse_` prefix.
 */
export function sampleTypeMatchesName(t: ValueType, name: string): boolean {
  return t.type === name || (name.startsWith(INUSE_PREFIX) && t.type === name.slice(INUSE_PREFIX.length));
}

/** Index of the first sample type that `name` selects (see sampleTypeMatchesName), or -1. */
export function findSampleType(types: readonly ValueType[], name: string): number {
  for (let i = 0; i < types.length; i++) {
    if (sampleTypeMatchesName(types[i]!, name)) return i;
  }
  return -1;
}

/** True when two sample types are the same measurement: equal type and equal unit. */
export function sameValueType(a: ValueType, b: ValueType): boolean {
  return a.type === b.type && a.unit === b.unit;
}

/** `type/unit`, as used in messages. */
export function formatValueType(t: ValueType | undefined): string {
  return t === undefined ? '(none)' : `${t.type}/${t.unit}`;
}

/** The sample type names, for "must be one of" messages. */
export function listSampleTypes(types: readonly ValueType[]): string {
  return types.length === 0 ? '(none)' : types.map((t) => t.type).join(', ');
}

/**
 * Resolves a user's `--sample-index` to an index into `types`, as pprof does: empty selects
 * `defaultIndex` (the profile's default sample type; the last type when not given), a decimal
 * index must be in [0, types.length), anything else is a name (with the `inuse_` alias). Throws a
 * UsageError that lists the available types when nothing matches.
 */
export function resolveSampleIndex(types: readonly ValueType[], spec: string, defaultIndex?: number): number {
  const s = spec.trim();
  if (types.length === 0) {
    throw new UsageError(`sample index "${spec}": the profile has no sample types`);
  }
  if (s === '') {
    return defaultIndex !== undefined && defaultIndex >= 0 && defaultIndex < types.length
      ? defaultIndex
      : types.length - 1;
  }
  if (/^[+-]?\d+$/.test(s)) {
    const i = Number(s);
    if (i < 0 || i >= types.length) {
      throw new UsageError(
        `sample index ${s} is outside the range [0..${types.length - 1}]; sample types: ${listSampleTypes(types)}`,
      );
    }
    return i;
  }
  const i = findSampleType(types, s);
  if (i < 0) {
    throw new UsageError(`sample index "${spec}" must be one of: ${listSampleTypes(types)}`);
  }
  return i;
}
