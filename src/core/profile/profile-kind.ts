/**
 * Whether a profile measures memory. A memory gate handed a CPU, goroutine, block, mutex or
 * threadcreate profile would find no rule for any of its sample types and pass every run; it is
 * refused instead, by name, with how to write a heap profile.
 */
import { HeapgateError } from '../errors.js';
import { memoryRole } from './memory-types.js';
import type { ValueType } from './model.js';
import { formatValueType } from './sample-type.js';

/** A profile heapgate cannot judge: it holds no memory sample type. */
export class NotMemoryProfileError extends HeapgateError {}

/**
 * True when some sample type is a memory measurement: one of Go's memory metrics or a type another
 * producer writes for one (see memory-types.ts), or any type in bytes.
 */
export function isMemoryProfile(types: readonly ValueType[]): boolean {
  return types.some((t) => memoryRole(t) !== null || t.unit === 'bytes');
}

/** What a profile without memory sample types is, from its sample and period types, as pprof's writers name them. */
export function profileKind(types: readonly ValueType[], periodType: ValueType | undefined): string {
  const names = new Set([...types.map((t) => t.type), periodType?.type ?? '']);
  if (names.has('cpu') || names.has('samples')) return 'a CPU profile';
  if (names.has('wall')) return 'a wall-clock profile';
  if (names.has('goroutine') || names.has('goroutines')) return 'a goroutine profile';
  if (['contentions', 'delay', 'lock_count', 'lock_duration', 'lock-count', 'lock-time'].some((n) => names.has(n)))
    return 'a block or mutex (contention) profile';
  if (names.has('threadcreate')) return 'a threadcreate profile';
  return 'a profile';
}

/**
 * Throws NotMemoryProfileError unless `types` hold a memory measurement. A profile with no sample
 * types at all is left to the decoder's and the diff's own checks (it is malformed, or empty).
 */
export function checkMemoryProfile(types: readonly ValueType[], periodType: ValueType | undefined): void {
  if (types.length === 0 || isMemoryProfile(types)) return;
  const listed = types.length === 0 ? '' : ` (sample types ${types.map(formatValueType).join(', ')})`;
  throw new NotMemoryProfileError(
    `${profileKind(types, periodType)}${listed}, not a memory profile: heapgate needs a heap profile, written ` +
      'with runtime.GC() then pprof.WriteHeapProfile, or by go test -memprofile',
  );
}

/**
 * Throws NotMemoryProfileError when samples hold negative values: memory in use or allocated is
 * never below zero, so such a profile is a difference of two (`go tool pprof -diff_base … -proto`),
 * and judging it as a measurement would compare a change with a level.
 */
export function checkMeasured(negativeSamples: number, sampleCount: number): void {
  if (negativeSamples === 0) return;
  throw new NotMemoryProfileError(
    `${negativeSamples} of ${sampleCount} samples have negative values: this is a difference of two profiles ` +
      '(as pprof -diff_base writes), not a measurement; give heapgate the profiles it was made from',
  );
}
