/**
 * One side's input, whatever it holds: Go benchmark output or a heap profile. The reader is chosen
 * here, once, by the bytes (summarizeInput), and a side's runs are combined by the same choice
 * (combineInputs), so the loader, the stored bundles of runs and the compare use case never test
 * for benchmark output themselves. Pure.
 */
import { summarizeEncoded, type ProfileSummary, type SummarizeOptions } from '../profile/aggregate.js';
import { scalesWithIterations } from '../profile/bench-profile.js';
import type { DecodeOptions } from '../profile/decode/index.js';
import { combineRuns } from '../compare/runs.js';
import { combineBenchSummaries, summarizeBenchmarkText } from './summary.js';

/**
 * A file's summary whatever it holds: Go benchmark output (summarizeBenchmarkText), else a profile
 * (summarizeEncoded). A go test -bench profile always comes with its call tree, which the
 * attribution of B/op to functions reads when the profile is given with benchmark output; such
 * profiles are small, so summing them twice costs little.
 */
export function summarizeInput(bytes: Uint8Array, options: SummarizeOptions & DecodeOptions = {}): ProfileSummary {
  const bench = summarizeBenchmarkText(bytes);
  if (bench !== null) return bench;
  const summary = summarizeEncoded(bytes, options);
  if (options.tree === true || !scalesWithIterations(summary)) return summary;
  return summarizeEncoded(bytes, { ...options, tree: true });
}

/**
 * The runs of one side as one summary: Go benchmark output's runs of each benchmark together (the
 * comparison takes medians; see combineBenchSummaries), profiles' per-run means (combineRuns). One
 * summary is returned as it is. `labels` name the summaries in messages.
 */
export function combineInputs(summaries: readonly ProfileSummary[], labels: readonly string[]): ProfileSummary {
  if (summaries.length > 1 && summaries.some((s) => s.benchmarks !== undefined)) {
    return combineBenchSummaries(summaries, labels);
  }
  return combineRuns(summaries, labels);
}
