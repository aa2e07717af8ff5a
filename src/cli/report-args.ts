/**
 * The options of the commands that print a report (diff, check): their table entries, defaults and
 * parsing, so both commands accept and check them the same way.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeFsError } from '../adapters/fs-error.js';
import type { ProfileLoaderOptions } from '../adapters/profile-loader.js';
import type { CompareRequest } from '../app/compare.js';
import { parseRulesInput, type ParsedRules } from '../app/rules-input.js';
import { UsageError } from '../core/errors.js';
import { FORMATS, type Format } from '../core/render/index.js';
import { statusCounts } from '../core/render/parts.js';
import { terminalSafe } from '../core/render/escape.js';
import type { Report } from '../core/verdict/report.js';
import { DEFAULT_CONFIDENCE, INCONCLUSIVE_POLICIES, type InconclusivePolicy } from '../core/verdict/verdict.js';
import type { CliIo } from './command.js';
import {
  MAX_PROFILE_SIZE_OPTION,
  parseMaxProfileSize,
  parseChoice,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  readRulesArgument,
  type OptionTable,
  type ParsedArgs,
} from './args.js';
import { ownCodePatternProblem, type OwnCodeSpec } from '../core/profile/own-code.js';
import { MODULE_PATH } from '../core/profile/go-mod.js';
import { ownCodeIn } from '../adapters/go-module.js';

/** Functions listed per sample type when --top is not given: 10 for text and markdown, all for JSON and HTML. */
const DEFAULT_TOP: Record<Format, number> = { text: 10, markdown: 10, json: 0, html: 0 };

/**
 * --rules (described as the command needs), --format, --top, --sample-index, --lines, --confidence,
 * --on-inconclusive, --output, --max-profile-size and --help, in that order.
 */
export function reportOptions(rulesDescription: string): OptionTable {
  return {
    rules: { type: 'string', value: 'TEXT|@FILE', description: rulesDescription },
    format: { type: 'string', value: 'FORMAT', description: `report format: ${FORMATS.join(', ')} (default text)` },
    top: {
      type: 'string',
      value: 'N',
      description: 'functions listed per sample type; 0 = all (default 10; json and html: all)',
    },
    'sample-index': {
      type: 'string',
      value: 'T',
      description: 'sample type whose functions the text report lists (name or index)',
    },
    lines: {
      type: 'boolean',
      description:
        'also list flat and cum deltas per source line (function file:line, as pprof -lines), --top of them per ' +
        'sample type (text and json)',
    },
    confidence: {
      type: 'string',
      value: 'Z',
      description: `the z a change must reach to count as real (default ${DEFAULT_CONFIDENCE})`,
    },
    'on-inconclusive': {
      type: 'string',
      value: 'P',
      description:
        'when the noise hides a change as large as a threshold: pass (exit 0), warn (exit 0, a line on stderr) or ' +
        'fail (exit 1); default pass',
    },
    output: {
      type: 'string',
      value: 'FILE',
      description: 'write the report to FILE instead of standard output (the verdict still goes to stderr)',
    },
    'own-code': {
      type: 'string',
      value: 'REGEX',
      description:
        "functions that are your code, for naming the culprit (default: Go packages of ./go.mod's module, " +
        'or main and dotted paths; JavaScript files here outside node_modules)',
    },
    module: {
      type: 'string',
      value: 'PATH',
      description: "your Go module's path, when ./go.mod is not the one (e.g. github.com/acme/app)",
    },
    ...MAX_PROFILE_SIZE_OPTION,
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  };
}

/** The report options, parsed and checked. */
export interface ReportArgs {
  /** The defaults plus --rules, parsed. */
  readonly rules: ParsedRules;
  readonly format: Format;
  readonly top: number;
  readonly sampleIndex: string | undefined;
  /** --lines: per-source-line rows too. */
  readonly lines: boolean;
  readonly confidence: number | undefined;
  readonly onInconclusive: InconclusivePolicy;
  readonly output: string | undefined;
  /** --max-profile-size; undefined = the loader's default. */
  readonly maxProfileBytes: number | undefined;
  /** What is own code: --own-code, --module or ./go.mod's module, and the working directory. */
  readonly ownCode: OwnCodeSpec;
}

function str(values: ParsedArgs['values'], name: string): string | undefined {
  return values[name] as string | undefined;
}

/** --format: one of FORMATS, default text. Parsed on its own so a command can check it before its other options. */
export function parseFormat(values: ParsedArgs['values']): Format {
  const format = str(values, 'format');
  return format === undefined ? 'text' : parseChoice('--format', format, FORMATS);
}

/**
 * The other report options, for a report in `format`: reads an @FILE rules file (relative to
 * `cwd`), checks --top and --confidence, then parses the rules, in that order; all before any
 * profile is read.
 */
export async function parseReportArgs(values: ParsedArgs['values'], format: Format, cwd: string): Promise<ReportArgs> {
  const rulesValue = str(values, 'rules');
  const rulesInput = rulesValue === undefined ? undefined : await readRulesArgument(rulesValue, cwd);
  const topValue = str(values, 'top');
  const top = topValue === undefined ? DEFAULT_TOP[format] : parseNonNegativeInt('--top', topValue);
  const confidenceValue = str(values, 'confidence');
  const confidence =
    confidenceValue === undefined ? undefined : parseNonNegativeNumber('--confidence', confidenceValue);
  return {
    rules: parseRulesInput(rulesInput),
    format,
    top,
    sampleIndex: str(values, 'sample-index'),
    lines: values.lines === true,
    confidence,
    onInconclusive: parseChoice('--on-inconclusive', str(values, 'on-inconclusive') ?? 'pass', INCONCLUSIVE_POLICIES),
    output: str(values, 'output'),
    maxProfileBytes: parseMaxProfileSize(values),
    ownCode: await ownCodeArgs(values, cwd),
  };
}

/** --own-code (checked: it compiles), else --module or the module of `cwd`/go.mod; the workspace is `cwd`. */
async function ownCodeArgs(values: ParsedArgs['values'], cwd: string): Promise<OwnCodeSpec> {
  const pattern = str(values, 'own-code');
  const problem = pattern === undefined ? undefined : ownCodePatternProblem(pattern);
  if (problem !== undefined) throw new UsageError(`--own-code: ${problem}`);
  const module = str(values, 'module');
  if (pattern === undefined && module !== undefined && !MODULE_PATH.test(module)) {
    throw new UsageError(
      `--module ${JSON.stringify(module.slice(0, 80))}: not a Go module path (e.g. github.com/acme/app)`,
    );
  }
  return ownCodeIn(cwd, { pattern, module });
}

/** The one line `emitReport` prints when the report goes to a file: `fail (1 failed, 0 warned, 2 inconclusive)`. */
export function verdictSummary(report: Report): string {
  return `${report.verdict} (${statusCounts(report)})`;
}

/** The profile loader's options the command line sets. */
export function loaderOptions(args: Pick<ReportArgs, 'maxProfileBytes'>): ProfileLoaderOptions {
  return args.maxProfileBytes === undefined ? {} : { maxProfileBytes: args.maxProfileBytes };
}

/** The part of the compare request the report options decide. */
export function reportRequest(
  args: ReportArgs,
): Pick<
  CompareRequest,
  'rules' | 'confidence' | 'top' | 'sampleIndex' | 'flame' | 'fold' | 'onInconclusive' | 'ownCode' | 'lines'
> {
  return {
    ownCode: args.ownCode,
    rules: args.rules,
    confidence: args.confidence,
    top: args.top,
    sampleIndex: args.sampleIndex,
    flame: args.format === 'html',
    // --top 0 asks for every function: nothing is folded then.
    fold: (args.format === 'text' || args.format === 'markdown') && args.top !== 0,
    onInconclusive: args.onInconclusive,
    lines: args.lines ? { top: args.top, flaggedOnly: false } : undefined,
  };
}

/**
 * With --on-inconclusive warn or fail, an inconclusive verdict gets a line on standard error naming
 * the metrics (the report itself says what would make it conclusive).
 */
export function noteInconclusive(report: Report, args: Pick<ReportArgs, 'onInconclusive'>, io: CliIo): void {
  if (report.verdict !== 'inconclusive' || args.onInconclusive === 'pass') return;
  const names = report.metrics
    .filter((m) => m.status === 'inconclusive')
    .map((m) => (m.pattern === null ? m.sampleType : `${m.sampleType} ~ ${m.pattern}`));
  const exit = args.onInconclusive === 'fail' ? ' (exit 1: --on-inconclusive fail)' : '';
  io.stderr(
    `heapgate: inconclusive${exit}: the noise hides a change as large as the threshold of ` +
      `${terminalSafe(names.join(', '))}\n`,
  );
}

/**
 * Whether a report is coloured: only for a person at a terminal, so not into a file (--output), not
 * into a pipe, and not when NO_COLOR is set at all (even empty: an explicit opt-out).
 */
export function reportColor(args: Pick<ReportArgs, 'output'>, io: CliIo): boolean {
  return args.output === undefined && io.stdoutIsTTY && io.env.NO_COLOR === undefined;
}

/**
 * Prints the report's chunks on standard output (waiting for the reader between chunks), or writes
 * them to --output (a usage error naming the file if that fails) and then prints `verdict`, the
 * one-line outcome, on standard error: a run whose report went to a file still says how it ended.
 */
export async function emitReport(
  chunks: Iterable<string>,
  args: Pick<ReportArgs, 'output'>,
  io: CliIo,
  verdict: string,
): Promise<void> {
  if (args.output === undefined) {
    for (const chunk of chunks) {
      io.stdout(chunk);
      await io.drained();
    }
    return;
  }
  try {
    await writeFile(resolve(io.cwd, args.output), chunks);
    io.stderr(`heapgate: ${terminalSafe(verdict)}; report written to ${terminalSafe(args.output)}\n`);
  } catch (e) {
    const why =
      (e as { code?: unknown }).code === 'ENOENT'
        ? 'no such directory'
        : describeFsError(e).replace('cannot read', 'cannot write');
    throw new UsageError(`writing report ${args.output}: ${why}`);
  }
}
