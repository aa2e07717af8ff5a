/**
 * `heapgate baseline history --steps`: the levels and steps of a series (core/history/series-steps.ts)
 * as text, one block per sample type, or as JSON (docs/storage.md, "Levels and steps").
 */
import type { SampleTypeSteps, StepBaseline } from '../../core/history/series-steps.js';
import { formatDeltaPercent, formatValue } from '../../core/render/units.js';

/** The JSON of --steps --format json. */
export function stepsJson(series: string, branch: string, steps: readonly SampleTypeSteps[]): string {
  return `${JSON.stringify({ series, branch, sampleTypes: steps }, null, 2)}\n`;
}

const commit = (b: StepBaseline): string =>
  `${b.sha.slice(0, 12)}${b.pullRequest === null ? '' : ` (#${b.pullRequest})`}`;

/** One block per sample type: its levels, oldest first, with the step into each. */
export function stepsText(steps: readonly SampleTypeSteps[]): string {
  const out: string[] = [];
  for (const t of steps) {
    const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    out.push(`${t.sampleType} (${t.unit}): ${n(t.levels.length, 'level')}, ${n(t.steps.length, 'step')}`);
    t.levels.forEach((l, i) => {
      if (i > 0) {
        const s = t.steps[i - 1]!;
        out.push(`  step ${formatDeltaPercent(s.percent)} at ${commit(s.at)}, ${s.at.time}`);
      }
      const sd = l.sdPercent === null ? '-' : `${l.sdPercent.toFixed(1)}%`;
      const accepted = l.accepted ? `, accepted${l.acceptedBy === null ? '' : ` by ${l.acceptedBy}`}` : '';
      out.push(
        `  level ${i + 1}: ${commit(l.first)} … ${commit(l.last)}, ${n(l.baselines, 'baseline')}, mean ` +
          `${formatValue(l.mean, t.unit)}, σ within ${sd}${accepted}`,
      );
    });
  }
  return `${out.join('\n')}\n`;
}
