/**
 * Which of Go's four memory metrics a sample type of another producer stands for, so that its
 * profiles get the default rule of that metric. Go names its heap profile's types inuse_space,
 * inuse_objects, alloc_space and alloc_objects; other producers name the same measurements their
 * own way:
 *
 * - Java Flight Recorder, converted to pprof by Pyroscope's and Grafana's JFR parsers (and read the
 *   same way from async-profiler's JFR files): `alloc_in_new_tlab_bytes`/bytes with
 *   `alloc_in_new_tlab_objects`/count (one sample per new TLAB, weighed by the TLAB's size),
 *   `alloc_outside_tlab_bytes`/`_objects` (one per allocation outside a TLAB), and `live`/count
 *   (JFR's old-object samples: objects still alive).
 * - .NET (Datadog's and Pyroscope's CLR profilers): `alloc-size`/bytes, `alloc-samples`/count,
 *   `inuse-space`/bytes, `inuse-objects`/count.
 * - Anything else is read by its unit and its name: bytes or count with "alloc" in the name is an
 *   allocation metric; with "inuse", "in_use", "live", "heap" or "retained" a metric of memory in
 *   use. CPU, wall time, goroutine, block, mutex, lock and exception types match none of these, so
 *   such profiles stay refused (see profile-kind.ts).
 */
import type { ValueType } from './model.js';

/** Go's memory metrics: the sample types the default rules are written for. */
export type MemoryMetric = 'inuse_space' | 'inuse_objects' | 'alloc_space' | 'alloc_objects';

/** What a sample type measures, in Go's terms, and how that was decided. */
export interface MemoryRole {
  readonly metric: MemoryMetric;
  /** Why, for the reports: the producer convention, or the unit and name. */
  readonly why: string;
}

const GO_METRICS: ReadonlySet<string> = new Set(['inuse_space', 'inuse_objects', 'alloc_space', 'alloc_objects']);
/** Legacy heap profiles (Go's text format, tcmalloc, Node's @datadog/pprof) name in-use types space and objects. */
const LEGACY: Readonly<Record<string, MemoryMetric>> = { space: 'inuse_space', objects: 'inuse_objects' };

/** Producer conventions: sample type and unit → metric, with the producer named. */
const KNOWN: readonly { readonly type: string; readonly unit: string; readonly role: MemoryRole }[] = [
  jfr('alloc_in_new_tlab_bytes', 'bytes', 'alloc_space', 'allocations in new TLABs'),
  jfr('alloc_in_new_tlab_objects', 'count', 'alloc_objects', 'allocations in new TLABs'),
  jfr('alloc_outside_tlab_bytes', 'bytes', 'alloc_space', 'allocations outside TLABs'),
  jfr('alloc_outside_tlab_objects', 'count', 'alloc_objects', 'allocations outside TLABs'),
  jfr('live', 'count', 'inuse_objects', 'live objects (old-object samples)'),
  dotnet('alloc-size', 'bytes', 'alloc_space', 'allocations'),
  dotnet('alloc-samples', 'count', 'alloc_objects', 'sampled allocations'),
  dotnet('inuse-space', 'bytes', 'inuse_space', 'live heap'),
  dotnet('inuse-objects', 'count', 'inuse_objects', 'live objects'),
];

function jfr(type: string, unit: string, metric: MemoryMetric, what: string) {
  return { type, unit, role: { metric, why: `JFR ${what}` } };
}

function dotnet(type: string, unit: string, metric: MemoryMetric, what: string) {
  return { type, unit, role: { metric, why: `.NET ${what}` } };
}

/** The words of a sample type's name: `alloc_in_new_tlab_bytes` → alloc, in, new, tlab, bytes. */
function words(type: string): string[] {
  return type.toLowerCase().split(/[^a-z0-9]+/);
}

function namesInUse(w: readonly string[]): boolean {
  if (w.some((x) => x === 'inuse' || x === 'live' || x === 'heap' || x === 'retained')) return true;
  return w.some((x, i) => x === 'in' && w[i + 1] === 'use');
}

/**
 * The Go metric a sample type stands for, or null when it is no memory measurement heapgate knows.
 * Go's own names (and the legacy `space`/`objects`) stand for themselves with `why` empty.
 */
export function memoryRole(t: ValueType): MemoryRole | null {
  if (GO_METRICS.has(t.type)) return { metric: t.type as MemoryMetric, why: '' };
  const legacy = LEGACY[t.type];
  if (legacy !== undefined) return { metric: legacy, why: '' };
  const known = KNOWN.find((k) => k.type === t.type && k.unit === t.unit);
  if (known !== undefined) return known.role;
  if (t.unit !== 'bytes' && t.unit !== 'count') return null;
  const space = t.unit === 'bytes';
  const w = words(t.type);
  const inUse = namesInUse(w);
  if (!inUse && !w.some((x) => x.startsWith('alloc'))) return null;
  const metric: MemoryMetric = inUse
    ? space
      ? 'inuse_space'
      : 'inuse_objects'
    : space
      ? 'alloc_space'
      : 'alloc_objects';
  return { metric, why: `${t.unit}, named for ${inUse ? 'memory in use' : 'allocation'}` };
}
