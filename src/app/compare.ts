/**
 * The compare use case shared by the CLI and the Action: rules → load both profiles (in parallel,
 * through the SummaryLoader port) → diff → verdict → Report. The base may be a file or bytes from a
 * baseline store (ProfileSource); nothing here reads files, the environment or the clock.
 */
import { diff, type ProfileDiff } from '../core/diff.js';
import { RuleError } from '../core/errors.js';
import { buildReport, verdictExitCode, type Report } from '../core/report.js';
import { focusPatterns, rulesWithDefaults, type Rule } from '../core/rules.js';
import { evaluate, type Verdict } from '../core/verdict.js';
import { withContext } from './error-context.js';
import type { ProfileSource, SummaryLoader } from './profile-source.js';

/** The user's rules and where they came from, for messages (`--rules`, `rules file r.txt`, `input rules`). */
export interface RulesInput {
  readonly text: string;
  readonly origin: string;
}

export interface CompareRequest {
  readonly base: ProfileSource;
  readonly current: ProfileSource;
  /** Added to the default rules (see rules.ts); undefined = the defaults only. */
  readonly rules?: RulesInput;
  /** The z a change needs to count as real; undefined = evaluate's default (3). */
  readonly confidence?: number;
  /** Functions kept per sample type in the report; 0 = all. */
  readonly top: number;
  /** The sample type the report shows first (name or index); undefined = the default one. */
  readonly sampleIndex?: string;
}

export interface CompareOutcome {
  readonly report: Report;
  readonly diff: ProfileDiff;
  readonly verdict: Verdict;
  /** 1 when the verdict is fail, else 0 (see ExitCode). */
  readonly exitCode: number;
}

/**
 * Compares `request.current` against `request.base`. Rules are parsed before any profile is read,
 * so a typo fails fast. Errors are HeapgateErrors whose message says which step failed:
 * `<origin>: rule 2 ("...")`, `reading base profile a.pb.gz: no such file`,
 * `decoding current profile b.pb.gz: ...`, `comparing a.pb.gz with b.pb.gz: ...`.
 */
export async function compareProfiles(request: CompareRequest, load: SummaryLoader): Promise<CompareOutcome> {
  const rulesPrefix = `${request.rules?.origin ?? 'rules'}: `;
  let rules: Rule[];
  try {
    rules = rulesWithDefaults(request.rules?.text ?? '');
  } catch (e) {
    throw withContext(e, rulesPrefix);
  }
  const [baseSummary, currentSummary] = await load([request.base, request.current], focusPatterns(rules));
  let compared: ProfileDiff;
  try {
    compared = diff(baseSummary!, currentSummary!);
  } catch (e) {
    throw withContext(e, `comparing ${request.base.label} with ${request.current.label}: `);
  }
  let verdict: Verdict;
  try {
    verdict = evaluate(compared, rules, request.confidence === undefined ? {} : { confidence: request.confidence });
  } catch (e) {
    throw e instanceof RuleError ? withContext(e, rulesPrefix) : e;
  }
  const report = buildReport(compared, verdict, {
    base: request.base.label,
    current: request.current.label,
    top: request.top,
    sampleIndex: request.sampleIndex,
  });
  return { report, diff: compared, verdict, exitCode: verdictExitCode(verdict.verdict) };
}
