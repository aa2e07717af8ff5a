/**
 * The CLI commands the reports print: one to reproduce the comparison locally, one to seed a
 * baseline by hand. Shell-quoted, since paths, store URLs and rules come from the workflow.
 */
import type { GateConfig } from './gate.js';

/** evaluate's default z; the reproduce command leaves it out. */
const DEFAULT_CONFIDENCE = 3;

/** POSIX shell quoting: plain words stay, anything else is single-quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `heapgate check` against the branch's current baseline, with the run's rules and confidence. */
export function reproduceCommand(config: GateConfig, branch: string): string {
  const args = ['npx', 'heapgate', 'check', config.profile, '--store', config.store, '--series', config.series, '--branch', branch];
  if (config.rules !== null && config.rules.text.trim() !== '') {
    // One line for the shell: `#` comments end at the line's end, so they go before lines are joined.
    args.push('--rules', config.rules.text.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '').join('; '));
  }
  if (config.confidence !== null && config.confidence !== DEFAULT_CONFIDENCE) args.push('--confidence', String(config.confidence));
  return args.map(shellQuote).join(' ');
}

/** `heapgate baseline put` of this profile on `branch`. */
export function seedCommand(config: GateConfig, branch: string): string {
  return ['npx', 'heapgate', 'baseline', 'put', config.profile, '--store', config.store, '--series', config.series, '--branch', branch, '--sha', 'COMMIT']
    .map(shellQuote)
    .join(' ');
}

/** The JSON report's message when there was no baseline: where it looked and how to seed one. */
export function noBaselineText(config: GateConfig, branches: readonly string[], location: string): string {
  return (
    `no baseline for series ${config.series} on ${branches.map((b) => JSON.stringify(b)).join(' or ')} in ${location}: nothing to compare against. ` +
    `Seed one by running this action on a push to the default branch, by running the workflow with mode update, or with: ${seedCommand(config, branches.at(-1)!)}`
  );
}

