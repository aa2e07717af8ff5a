/**
 * The CLI commands the reports print: one to reproduce a comparison locally, one to seed a
 * baseline by hand, and the sentence that says there was no baseline. Shell-quoted, since paths,
 * store URLs, branches and rules come from the workflow or the command line.
 */
import { otherSeriesText, type SeriesHint } from '../core/verdict/gate.js';
import { DEFAULT_CONFIDENCE } from '../core/verdict/verdict.js';
import type { RulesInput } from './rules-input.js';

/** What a command names: the store and series, and the profile to compare or store. */
export interface CommandTarget {
  /** The store as the user gave it. */
  readonly store: string;
  readonly series: string;
  /** A path, a placeholder such as PROFILE, or several paths and globs (runs). */
  readonly profile: string | readonly string[];
}

/**
 * How the reports spell the CLI unless the door knows better (the Action: `npx --yes
 * github:OWNER/REPO#REF`, see src/action/cli-program.ts): `npx heapgate`, once it is on npm.
 */
export const NPX_HEAPGATE: readonly string[] = ['npx', 'heapgate'];

/** The options naming the store, series and branch, as both commands take them. */
function storeArgs(target: CommandTarget, branch: string): string[] {
  return ['--store', target.store, '--series', target.series, '--branch', branch];
}

/** POSIX shell quoting: plain words stay, anything else is single-quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** What a reproduce command names besides the target: the run's rules and confidence, the baseline's commit. */
export interface ReproduceTarget extends CommandTarget {
  readonly rules: RulesInput | null;
  readonly confidence: number | null;
  /** The baseline's commit when it was not the branch's latest (a merge base, a requested commit). */
  readonly baselineSha?: string | null;
  /** owner/name, for a branch: store. */
  readonly repository?: string | null;
}

/**
 * What a laptop needs before the CLI can read the store, as a shell prefix: Application Default
 * Credentials for gs:// (`gcloud auth application-default login`), a token for branch: (from the
 * GitHub CLI); nothing for a directory.
 */
function credentialsPrefix(store: string): string {
  if (/^gs:\/\//i.test(store)) return 'gcloud auth application-default login && ';
  if (/^branch:/i.test(store)) return 'GITHUB_TOKEN=$(gh auth token) ';
  return '';
}

/**
 * `heapgate check` against the baseline the run compared with: `branch`'s, pinned with `--sha` when
 * it was a merge base or a requested commit; the run's rules and confidence (left out when default);
 * preceded by what gives the laptop access to the store. `program` is the words that run the CLI.
 */
export function reproduceCommand(
  target: ReproduceTarget,
  branch: string,
  program: readonly string[] = NPX_HEAPGATE,
): string {
  const args = [...program, 'check', ...[target.profile].flat(), ...storeArgs(target, branch)];
  if (target.baselineSha) args.push('--sha', target.baselineSha);
  if (target.repository && /^branch:/i.test(target.store)) args.push('--repo', target.repository);
  if (target.rules !== null && target.rules.text.trim() !== '') {
    // One line for the shell: `#` comments end at the line's end, so they go before lines are joined.
    const lines = target.rules.text.split('\n').map((l) => l.replace(/#.*$/, '').trim());
    args.push('--rules', lines.filter((l) => l !== '').join('; '));
  }
  if (target.confidence !== null && target.confidence !== DEFAULT_CONFIDENCE) {
    args.push('--confidence', String(target.confidence));
  }
  return credentialsPrefix(target.store) + args.map(shellQuote).join(' ');
}

/** `heapgate baseline put` of the target's profile as the baseline of a commit (COMMIT, to fill in) on `branch`. */
export function seedCommand(target: CommandTarget, branch: string, program: readonly string[] = NPX_HEAPGATE): string {
  const args = ['baseline', 'put', ...[target.profile].flat(), ...storeArgs(target, branch)];
  return [...program, ...args, '--sha', 'COMMIT'].map(shellQuote).join(' ');
}

/**
 * `no baseline for series api on branch "dev" or "main" in gs://b/p: nothing to compare against.` (untrusted: escape
 * where shown)
 */
export function noBaselineSentence(series: string, branches: readonly string[], location: string): string {
  const where = branches.map((b) => JSON.stringify(b)).join(' or ');
  return `no baseline for series ${series} on branch ${where} in ${location}: nothing to compare against.`;
}

/**
 * `the store has no series "Catalog"; it has "catalog", "api": did you mean "catalog"?` — or null when
 * it holds no other series (untrusted: escape where shown).
 */
export function otherSeriesSentence(series: string, hint: SeriesHint): string | null {
  return otherSeriesText(series, hint, (s) => JSON.stringify(s));
}
