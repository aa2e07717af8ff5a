/**
 * Command-line parsing on top of node:util parseArgs: every parse failure becomes a one-line
 * UsageError that names the option and lists the valid ones, and numeric values are validated.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RulesInput } from '../app/rules-input.js';
import { readBounded } from '../adapters/bounded-read.js';
import { describeFsError } from '../adapters/fs-error.js';
import { UsageError } from '../core/errors.js';
import { parseByteSize } from '../core/rules/syntax.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** For usage text: the value's placeholder (string options). */
  readonly value?: string;
  readonly description: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** `--name` list of a table, for messages: "--rules, --format, --help". */
function listOptions(table: OptionTable): string {
  return Object.keys(table)
    .map((name) => `--${name}`)
    .join(', ');
}

/**
 * Parses `argv` strictly against `table`. Throws UsageError for an unknown option (listing the valid
 * ones), a missing value, or a value given to a boolean option. Positionals are returned as given.
 */
export function parseCommandArgs(argv: readonly string[], table: OptionTable): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(table)) {
    options[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  try {
    const args = joinNegativeValues(argv, table);
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    throw new UsageError(describeParseError(e, table));
  }
}

/**
 * `--top -1` as `--top=-1`: parseArgs would take `-1` for an option and say `--top` has no value;
 * joined, the option's own check says what is wrong with the number.
 */
function joinNegativeValues(argv: readonly string[], table: OptionTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg === '--') return [...out, ...argv.slice(i)];
    if (arg.startsWith('--') && table[arg.slice(2)]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function describeParseError(e: unknown, table: OptionTable): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted.split(/\s/)[0]}; valid options: ${listOptions(table)}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = quoted.split(/[\s,]/).find((part) => part.startsWith('--')) ?? quoted;
      const spec = table[name.replace(/^--/, '')];
      return spec?.type === 'boolean' ? `option ${name} takes no value` : `option ${name} needs a value`;
    }
    default:
      return message.split('\n', 1)[0] ?? 'invalid arguments';
  }
}

/** A required string option; UsageError naming it (and the command's help) otherwise. */
export function required(values: ParsedArgs['values'], name: string, command: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '')
    throw new UsageError(`${command} needs --${name} (see heapgate ${command} --help)`);
  return v;
}

/** A non-negative integer option value ("--top 0" is valid); UsageError otherwise. */
export function parseNonNegativeInt(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${option} must be an integer ≥ 0, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** The option every command that reads profiles takes: the largest profile it reads. */
export const MAX_PROFILE_SIZE_OPTION: OptionTable = {
  'max-profile-size': {
    type: 'string',
    value: 'SIZE',
    description: 'refuse a profile larger than SIZE, as a file or decompressed (default 1GiB; e.g. 256MiB)',
  },
};

/** --max-profile-size: a byte amount (`1GiB`, `512MiB`, a plain number of bytes); undefined when not given. */
export function parseMaxProfileSize(values: ParsedArgs['values']): number | undefined {
  const text = values['max-profile-size'];
  if (typeof text !== 'string') return undefined;
  const size = parseByteSize(text);
  if (size === null) {
    throw new UsageError(
      `--max-profile-size must be a size such as 1GiB, 512MiB or 1000000, got ${JSON.stringify(text)}`,
    );
  }
  return size;
}

/** A finite number ≥ 0 option value; UsageError otherwise. */
export function parseNonNegativeNumber(option: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`${option} must be a number ≥ 0, got ${JSON.stringify(text)}`);
  }
  return n;
}

/** One of `allowed`; UsageError listing them otherwise. */
export function parseChoice<T extends string>(option: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`);
}

/** Usage lines for the options of a table, aligned. */
export function formatOptions(table: OptionTable): string {
  const heads = Object.entries(table).map(([name, spec]) => {
    const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
    return [`  ${short}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`, spec.description] as const;
  });
  const width = Math.max(...heads.map(([h]) => h.length));
  return heads.map(([h, d]) => `${h.padEnd(width)}  ${d}`).join('\n');
}

/** A rules file is a few lines; one larger than this is not one. */
const MAX_RULES_FILE_BYTES = 1 << 20;

/**
 * A `--rules` value: rule text as given, or `@path` read from a file (relative to `cwd`). The
 * origin names it in rule errors (`--rules`, `rules file r.txt`). UsageError when the file cannot
 * be read.
 */
export async function readRulesArgument(value: string, cwd: string): Promise<RulesInput> {
  if (!value.startsWith('@')) return { text: value, origin: '--rules' };
  const path = value.slice(1);
  if (path === '') throw new UsageError('--rules @FILE needs a file name after @');
  let read;
  try {
    read = await readBounded(resolve(cwd, path), MAX_RULES_FILE_BYTES);
  } catch (e) {
    throw new UsageError(`reading rules file ${path}: ${describeFsError(e)}`);
  }
  if (!read.ok) throw new UsageError(`reading rules file ${path}: more than ${MAX_RULES_FILE_BYTES} bytes, the limit`);
  return { text: read.bytes.toString('utf8'), origin: `rules file ${path}` };
}
