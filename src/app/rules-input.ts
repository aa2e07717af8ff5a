/** The user's rules as a door hands them over, parsed once for the whole comparison. */
import { rulesWithDefaults, type Rule } from '../core/rules/resolve.js';
import { withContext } from './error-context.js';

/** The user's rules and where they came from, for messages (`--rules`, `rules file r.txt`, `input rules`). */
export interface RulesInput {
  readonly text: string;
  readonly origin: string;
}

/** The rules in force (the defaults plus the user's) and where the user's came from. */
export interface ParsedRules {
  readonly rules: readonly Rule[];
  /** Prefixes rule errors found later (a rule for a sample type the profiles lack). */
  readonly origin: string;
}

/**
 * The default rules plus `input`'s (the defaults alone when undefined or null). A rule that does not
 * parse is a RuleError prefixed with the origin: `input rules: rule 2 ("...")`.
 */
export function parseRulesInput(input: RulesInput | null | undefined): ParsedRules {
  const origin = input?.origin ?? 'rules';
  try {
    return { rules: rulesWithDefaults(input?.text ?? ''), origin };
  } catch (e) {
    throw withContext(e, `${origin}: `);
  }
}
