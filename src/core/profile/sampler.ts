/**
 * Which sampler recorded a profile, so that advice and warnings name the knob its users turn: Go's
 * runtime.MemProfileRate, or `node --heap-prof-interval` for V8's sampling heap profiler (whose
 * profiles decode/v8-heap-profile.ts marks with a comment starting V8_HEAP_PROF_COMMENT). Pure.
 */

/** What the sampler is read from: a profile's (or summary's) comments. */
interface Commented {
  readonly comment: readonly string[];
}

/** `go`: Go's runtime (and any pprof producer that follows its sampling); `v8`: node --heap-prof. */
export type Sampler = 'go' | 'v8';

/** How a profile read from a node --heap-prof file begins its comment. */
export const V8_HEAP_PROF_COMMENT = 'node --heap-prof:';

/** The sampler of a summary, by its comments. */
export function samplerOf(summary: Commented): Sampler {
  return summary.comment.some((c) => c.startsWith(V8_HEAP_PROF_COMMENT)) ? 'v8' : 'go';
}

/** The sampler of a comparison: V8's when either side is a node --heap-prof profile. */
export function samplerOfPair(base: Commented, current: Commented): Sampler {
  return samplerOf(base) === 'v8' || samplerOf(current) === 'v8' ? 'v8' : 'go';
}
