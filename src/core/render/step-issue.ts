/**
 * The GitHub issue that announces a step of a series (input `step-issue`): one per series and step
 * commit, found again by a hidden marker so a re-run updates it instead of opening another. Pure.
 */
import type { NewStep } from '../verdict/gate.js';
import { markdownCode, truncate } from './escape.js';
import { MAX_CELL_CHARS } from './markdown.js';
import { formatDeltaPercent, formatValue } from './units.js';

/** The hidden marker of the issue of `series`' step at `sha` (the series name is [A-Za-z0-9._-]). */
export function stepIssueMarker(series: string, sha: string): string {
  return `<!-- heapgate:step series=${series} sha=${sha} -->`;
}

/** `heapgate cache: memory stepped up at 1a2b3c4 (#44)`. */
export function stepIssueTitle(series: string, steps: readonly NewStep[]): string {
  const s = steps[0]!;
  const pr = s.pullRequest === null ? '' : ` (#${s.pullRequest})`;
  return `heapgate ${series}: memory stepped up at ${s.sha.slice(0, 7)}${pr}`;
}

/** The issue's body: the marker, each step, its commit and pull request, and the run that saw it. */
export function stepIssueBody(
  series: string,
  steps: readonly NewStep[],
  links: { readonly commitUrl: string; readonly runUrl: string | null },
): string {
  const s = steps[0]!;
  const pr = s.pullRequest === null ? '' : ` from #${s.pullRequest}`;
  const lines = [
    stepIssueMarker(series, s.sha),
    `The series \`${series}\` stepped up at commit [\`${s.sha.slice(0, 12)}\`](${links.commitUrl})${pr}:`,
    '',
    '| metric | before | after | step |',
    '| :-- | --: | --: | --: |',
    ...steps.map(
      (t) =>
        `| ${markdownCode(truncate(t.sampleType, MAX_CELL_CHARS), true)} | ${formatValue(t.previous, t.unit)} ` +
        `(${t.previousBaselines} baseline${t.previousBaselines === 1 ? '' : 's'}) | ` +
        `${formatValue(t.current, t.unit)} | ${formatDeltaPercent(t.percent)} |`,
    ),
    '',
    'The baseline after it stayed at the new level, which confirms it. If the rise is intended, merge the ' +
      'next change with the accept label (or run the workflow with `mode: update`) to accept the level; drift ' +
      'is then measured from it.',
  ];
  if (links.runUrl !== null) lines.push('', `Seen by [this run](${links.runUrl}).`);
  return `${lines.join('\n')}\n`;
}
