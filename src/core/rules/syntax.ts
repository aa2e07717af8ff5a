/**
 * The rule language, as written in a workflow file (see docs/rules.md):
 *
 *   <sample_type> [for <regex>:] +<percent>% [min <amount>] [warn +<percent>%] [drift +<percent>% | drift off]
 *   <sample_type> off
 *   all: <rule>, <rule>[, ...]
 *
 * One rule per line or per `;`; `#` starts a comment; blank entries are ignored. This file only
 * parses and prints rules; which rule applies to what is decided in resolve.ts.
 */
import { compileNamePattern } from '../profile/name-pattern.js';
import { RuleError } from '../errors.js';

/** One parsed rule. Thresholds are percentages of the base; `min` is in the sample type's unit. */
export interface Rule {
  /** The sample type as written (`inuse_space`; also matches a legacy `space` type). */
  readonly sampleType: string;
  /** Regex source of a function rule (`for <regex>:`), null for a rule on the whole profile. */
  readonly pattern: string | null;
  /** `<sample_type> off`: removes the default rule for the type. */
  readonly off: boolean;
  /** Fail when the increase is more than this many percent of the base. */
  readonly percent: number;
  /** ... and at least this much (0 when no `min`). */
  readonly min: number;
  /** True when `min` was written with a byte unit (B, KiB, ...): the rule then needs a bytes sample type. */
  readonly minInBytes: boolean;
  /** Warn above this percent (with the same `min`), null when no `warn`. */
  readonly warnPercent: number | null;
  /**
   * The drift clause of a whole-sample-type rule: fail when the run is more than this many percent
   * above the series' reference level (see verdict/drift.ts); null = as `percent`; 'off' = never.
   */
  readonly drift: number | 'off' | null;
  /** Where the rule comes from: the built-in defaults or the user's text. */
  readonly origin: 'default' | 'user';
  /** 1-based position among the non-empty rules of its text, for messages. */
  readonly index: number;
  /** The rule as written, trimmed, for messages (for a part of `all:`, the whole `all:` entry). */
  readonly source: string;
  /**
   * For a part of a conjunction (`all: <rule>, <rule>`), the canonical text of the whole conjunction
   * (see formatConjunction), which fails only when every part fails; null for a rule on its own.
   */
  readonly all: string | null;
}

/**
 * The rules that apply unless the user replaces or turns them off; each applies only where the profile has the metric.
 */
export const DEFAULT_RULES_TEXT = [
  'inuse_space +15% min 256KiB',
  'inuse_objects +20% min 1000',
  'alloc_space +20% min 1MiB',
  'alloc_objects +20% min 1000',
].join('\n');

const KIB = 1024;
/** Byte units. KB, MB and GB are binary like KiB, MiB and GiB, as in pprof and the Go runtime. */
const BYTE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: KIB,
  kib: KIB,
  mb: KIB ** 2,
  mib: KIB ** 2,
  gb: KIB ** 3,
  gib: KIB ** 3,
};
/** Count suffixes (case-sensitive: `M` is a million; lowercase `m` is not accepted). */
const COUNT_UNITS: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6 };

const ALLOWED_UNITS = 'B, KB/KiB, MB/MiB, GB/GiB (1 KB = 1 KiB = 1024 B) or k, M for counts';
/** A sample type name, or a Go benchmark metric (`B/op`, `allocs/op`). */
const SAMPLE_TYPE = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const NUMBER = '(\\d+(?:\\.\\d+)?|\\.\\d+)';

export interface Amount {
  readonly value: number;
  readonly inBytes: boolean;
}

/**
 * Parses an amount: a plain non-negative number, a number with a byte unit (B, KB, KiB, MB, MiB,
 * GB, GiB; case-insensitive; KB = KiB = 1024), or with a count suffix (k = 1000, M = 1,000,000).
 * Returns null when it is not one.
 */
export function parseAmount(text: string): Amount | null {
  const m = new RegExp(`^${NUMBER}\\s*([A-Za-z]*)$`).exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!;
  if (unit === '') return { value: n, inBytes: false };
  const count = COUNT_UNITS[unit];
  if (count !== undefined) return { value: Math.round(n * count), inBytes: false };
  const bytes = BYTE_UNITS[unit.toLowerCase()];
  if (bytes !== undefined) return { value: Math.round(n * bytes), inBytes: true };
  return null;
}

/**
 * A size limit written as the rules write byte amounts (`1GiB`, `512MiB`, `64KB`) or as a plain
 * number of bytes: a positive integer, or null when `text` is not one.
 */
export function parseByteSize(text: string): number | null {
  const a = parseAmount(text);
  if (a === null || !Number.isSafeInteger(a.value) || a.value <= 0) return null;
  return a.value;
}

/**
 * An amount in rule syntax, the inverse of parseAmount: a count as a plain number, a byte amount
 * with the largest binary unit that divides it (`256KiB`, `1MiB`, `1000B`).
 */
export function formatAmount(amount: Amount): string {
  const n = amount.value;
  if (!amount.inBytes) return String(n);
  for (const [unit, size] of [
    ['GiB', KIB ** 3],
    ['MiB', KIB ** 2],
    ['KiB', KIB],
  ] as const) {
    if (n >= size && n % size === 0) return `${n / size}${unit}`;
  }
  return `${n}B`;
}

/** The canonical text of a rule: what the verdict reports as the rule applied. */
export function formatRule(rule: Rule): string {
  const head = rule.pattern === null ? rule.sampleType : `${rule.sampleType} for ${rule.pattern}:`;
  if (rule.off) return `${head} off`;
  let text = `${head} +${rule.percent}%`;
  if (rule.min > 0) text += ` min ${formatAmount({ value: rule.min, inBytes: rule.minInBytes })}`;
  if (rule.warnPercent !== null) text += ` warn +${rule.warnPercent}%`;
  if (rule.drift !== null) text += rule.drift === 'off' ? ' drift off' : ` drift +${rule.drift}%`;
  return text;
}

/** The canonical text of a conjunction of parts: `all: inuse_space +15%, alloc_objects +20%`. */
export function formatConjunction(parts: readonly Rule[]): string {
  return `all: ${parts.map(formatRule).join(', ')}`;
}

/** Splits rule text into entries: lines and `;`, comments (from `#`) removed, blanks dropped. */
function entries(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const hash = line.indexOf('#');
      return hash < 0 ? line : line.slice(0, hash);
    })
    .flatMap((line) => line.split(';'))
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

type Clauses = Pick<Rule, 'percent' | 'min' | 'minInBytes' | 'warnPercent' | 'drift'>;

/**
 * Parses `+<percent>% [min <amount>] [warn +<percent>%] [drift +<percent>% | drift off]`; throws a
 * plain message on error.
 */
function parseThresholds(text: string): Clauses {
  const head = new RegExp(`^\\+${NUMBER}\\s*%(?=\\s|$)`).exec(text);
  if (!head) {
    const shown = text === '' ? 'nothing' : `"${text.split(/\s+/)[0]}"`;
    throw new Error(`expected a threshold like +15% or "off", found ${shown}`);
  }
  const clauses: { -readonly [K in keyof Clauses]: Clauses[K] } = {
    percent: Number(head[1]),
    min: 0,
    minInBytes: false,
    warnPercent: null,
    drift: null,
  };
  let rest = text.slice(head[0].length).trim();
  const seen = new Set<string>();
  while (rest !== '') {
    const word = /^\S+/.exec(rest)![0];
    const key = word.toLowerCase();
    if (key !== 'min' && key !== 'warn' && key !== 'drift') {
      throw new Error(
        `unexpected "${word}"; after the threshold only "min <amount>", "warn +<percent>%" and ` +
          '"drift +<percent>%" (or "drift off") are allowed',
      );
    }
    if (seen.has(key)) throw new Error(`"${key}" given twice`);
    seen.add(key);
    rest = rest.slice(word.length).trim();
    if (key === 'min') {
      // The amount runs up to the next clause: "min 256 KiB warn +10%".
      const m = /^(.*?)(?=\s+(?:warn|min|drift)(?:\s|$)|$)/i.exec(rest)!;
      const amountText = m[1]!.trim();
      const amount = parseAmount(amountText);
      if (amountText === '' || amount === null) {
        throw new Error(
          `min ${amountText === '' ? 'needs an amount' : `"${amountText}" is not an amount`}: use a number, ` +
            `optionally with ${ALLOWED_UNITS}`,
        );
      }
      clauses.min = amount.value;
      clauses.minInBytes = amount.inBytes;
      rest = rest.slice(m[0].length).trim();
    } else if (key === 'drift' && /^off(?=\s|$)/i.test(rest)) {
      clauses.drift = 'off';
      rest = rest.slice(3).trim();
    } else {
      const m = new RegExp(`^\\+${NUMBER}\\s*%(?=\\s|$)`).exec(rest);
      if (!m) {
        const found = rest === '' ? 'nothing' : `"${rest.split(/\s+/)[0]}"`;
        throw new Error(
          key === 'warn'
            ? `warn needs a percent like +10%, found ${found}`
            : `drift needs a percent like +25% or "off", found ${found}`,
        );
      }
      if (key === 'warn') clauses.warnPercent = Number(m[1]);
      else clauses.drift = Number(m[1]);
      rest = rest.slice(m[0].length).trim();
    }
  }
  if (clauses.warnPercent !== null && clauses.warnPercent >= clauses.percent) {
    throw new Error(`warn +${clauses.warnPercent}% must be below the fail threshold +${clauses.percent}%`);
  }
  return clauses;
}

/**
 * A comma that starts the next part of `all:`: followed by a word (the next part's sample type), or
 * ending the text. Commas elsewhere (inside a part's regex, `{1,3}`) are kept.
 */
const PART_SEPARATOR = /,\s*(?=[A-Za-z_][A-Za-z0-9_./-]*(?:\s|$))|,\s*$/;

/** `all: <rule>, <rule>[, ...]`: its parts, each parsed as a rule of its own and marked with the conjunction. */
function parseConjunction(source: string, body: string, index: number, origin: Rule['origin']): Rule[] {
  const fail = (why: string): never => {
    throw new RuleError(`${ruleLabel(index, source)}: ${why}`);
  };
  const texts = body.split(PART_SEPARATOR).map((t) => t.trim());
  if (texts.length < 2 || texts.some((t) => t === '')) {
    fail('"all:" needs at least two rules separated by ",", like "all: inuse_space +15%, alloc_objects +20%"');
  }
  const parts = texts.map((text) => parseEntry(text, index, origin, source));
  const off = parts.find((p) => p.off);
  if (off) fail(`"${off.sampleType} off" cannot be part of "all:"; every part needs a threshold`);
  const drift = parts.find((p) => p.drift !== null);
  if (drift) {
    fail(
      `"drift" cannot be part of "all:" (a conjunction is judged against the baseline only); give ` +
        `"${drift.sampleType}" its drift in a rule of its own`,
    );
  }
  const seen = new Set<string>();
  for (const p of parts) {
    const key = JSON.stringify([p.sampleType, p.pattern]);
    if (seen.has(key)) fail(`"${p.sampleType}" appears twice in "all:"`);
    seen.add(key);
  }
  const all = formatConjunction(parts);
  return parts.map((p) => ({ ...p, all }));
}

/** How much of a rule's text an error quotes. */
const QUOTED_RULE_CHARS = 120;

/** `rule 2 ("inuse_space +10%")`, the rule's text cut to QUOTED_RULE_CHARS for messages. */
export function ruleLabel(index: number, source: string): string {
  const text = source.length <= QUOTED_RULE_CHARS ? source : `${source.slice(0, QUOTED_RULE_CHARS)}…`;
  return `rule ${index} ("${text}")`;
}

function parseEntry(source: string, index: number, origin: Rule['origin'], entry: string = source): Rule {
  const fail = (why: string): never => {
    throw new RuleError(`${ruleLabel(index, entry)}: ${why}`);
  };
  const typeMatch = /^\S+/.exec(source)!;
  const sampleType = typeMatch[0];
  if (!SAMPLE_TYPE.test(sampleType)) {
    fail(
      `"${sampleType}" is not a sample type name (letters, digits, "_", ".", "/" and "-", like inuse_space or B/op)`,
    );
  }
  let rest = source.slice(sampleType.length).trim();
  let pattern: string | null = null;
  const forMatch = /^for(\s+|$)/i.exec(rest);
  if (forMatch) {
    // The regex runs to the last ':' (it may itself contain ':'); thresholds never do.
    const body = rest.slice(forMatch[0].length);
    const colon = body.lastIndexOf(':');
    if (colon < 0) fail('"for" needs a regular expression followed by ":", like "for ^main\\.cache:"');
    pattern = body.slice(0, colon).trim();
    if (pattern === '') fail('"for" needs a regular expression before ":"');
    try {
      compileNamePattern(pattern);
    } catch (e) {
      fail((e as Error).message);
    }
    rest = body.slice(colon + 1).trim();
  }
  const base = { sampleType, pattern, origin, index, source: entry, all: null };
  if (/^off$/i.test(rest)) {
    if (pattern !== null)
      fail('"off" turns off the rule for a whole sample type; remove "for ...:" or give a threshold');
    return { ...base, off: true, percent: 0, min: 0, minInBytes: false, warnPercent: null, drift: null };
  }
  if (/^off\s/i.test(rest)) fail('"off" takes nothing after it');
  let clauses: Clauses;
  try {
    clauses = parseThresholds(rest);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (pattern !== null && clauses.drift !== null) {
    fail('"drift" applies to a whole sample type (its series of baselines); remove it from the "for" rule');
  }
  return { ...base, off: false, ...clauses };
}

/**
 * Parses rule text. Throws RuleError naming the rule (its position and text) and the problem.
 * Does not check sample types against a profile, nor duplicates: see resolve.ts.
 */
export function parseRules(text: string, origin: Rule['origin'] = 'user'): Rule[] {
  return entries(text).flatMap((source, i) => {
    const all = /^all\s*:/i.exec(source);
    return all
      ? parseConjunction(source, source.slice(all[0].length), i + 1, origin)
      : [parseEntry(source, i + 1, origin)];
  });
}
