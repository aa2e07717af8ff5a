/** `heapgate diff BASE CURRENT`: compare two profile files and print the report. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareProfiles, type RulesInput } from '../../app/compare.js';
import { createProfileLoader } from '../../adapters/profile-loader.js';
import { describeFsError } from '../../adapters/fs-error.js';
import { UsageError } from '../../core/errors.js';
import { FORMATS, render, type Format } from '../../core/render/index.js';
import {
  formatOptions,
  parseChoice,
  parseCommandArgs,
  parseNonNegativeInt,
  parseNonNegativeNumber,
  readRulesArgument,
  type OptionTable,
} from '../args.js';
import type { CliIo, Command } from '../command.js';

/** Functions listed per sample type when --top is not given: 10 for text and markdown, all for JSON. */
export const DEFAULT_TOP: Record<Format, number> = { text: 10, markdown: 10, json: 0 };

const OPTIONS: OptionTable = {
  rules: { type: 'string', value: 'TEXT|@FILE', description: 'rules added to the defaults (docs/rules.md), newline or ";" separated, or @path to a file' },
  format: { type: 'string', value: 'FORMAT', description: `report format: ${FORMATS.join(', ')} (default text)` },
  top: { type: 'string', value: 'N', description: 'functions listed per sample type; 0 = all (default 10; json: all)' },
  'sample-index': { type: 'string', value: 'T', description: 'sample type whose functions the text report lists (name or index)' },
  confidence: { type: 'string', value: 'Z', description: 'the z a change must reach to count as real (default 3)' },
  output: { type: 'string', value: 'FILE', description: 'write the report to FILE instead of standard output' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

const USAGE = `Usage: heapgate diff BASE CURRENT [options]

Compares the CURRENT profile against the BASE profile (pprof format: Go, Node, tcmalloc heap
profiles, gzipped or not), applies the rules with sampling-aware noise thresholds and reports.

Options:
${formatOptions(OPTIONS)}

Exit codes: 0 pass or warn, 1 fail, 2 usage or input error, 70 internal error.
`;

interface DiffArgs {
  readonly base: string;
  readonly current: string;
  readonly rules: RulesInput | undefined;
  readonly format: Format;
  readonly top: number;
  readonly sampleIndex: string | undefined;
  readonly confidence: number | undefined;
  readonly output: string | undefined;
}

/** Parses and validates the arguments; reads an @FILE rules file. Null means --help. */
async function parseDiffArgs(argv: readonly string[], cwd: string): Promise<DiffArgs | null> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return null;
  if (positionals.length !== 2) {
    throw new UsageError(`diff takes two profiles, BASE and CURRENT; got ${positionals.length} (see heapgate diff --help)`);
  }
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const format = str('format') === undefined ? 'text' : parseChoice('--format', str('format')!, FORMATS);
  return {
    base: positionals[0]!,
    current: positionals[1]!,
    rules: str('rules') === undefined ? undefined : await readRulesArgument(str('rules')!, cwd),
    format,
    top: str('top') === undefined ? DEFAULT_TOP[format] : parseNonNegativeInt('--top', str('top')!),
    sampleIndex: str('sample-index'),
    confidence: str('confidence') === undefined ? undefined : parseNonNegativeNumber('--confidence', str('confidence')!),
    output: str('output'),
  };
}

/**
 * Resolves to 1 when the verdict is fail, 0 for pass or warn; bad arguments, files, rules or
 * profiles throw HeapgateErrors for main's top-level catch.
 */
export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare two profile files and report memory changes',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = await parseDiffArgs(argv, io.cwd);
    if (args === null) {
      io.stdout(USAGE);
      return 0;
    }
    const outcome = await compareProfiles(
      {
        base: { role: 'base', label: args.base, path: resolve(io.cwd, args.base) },
        current: { role: 'current', label: args.current, path: resolve(io.cwd, args.current) },
        rules: args.rules,
        confidence: args.confidence,
        top: args.top,
        sampleIndex: args.sampleIndex,
      },
      createProfileLoader(),
    );
    // Colour only for a person at a terminal: not into a file, a pipe, or when NO_COLOR is set at all.
    const color = args.output === undefined && io.stdoutIsTTY && io.env.NO_COLOR === undefined;
    const text = render(outcome.report, args.format, { color });
    if (args.output === undefined) {
      io.stdout(text);
    } else {
      try {
        await writeFile(resolve(io.cwd, args.output), text);
      } catch (e) {
        const why = (e as { code?: unknown }).code === 'ENOENT' ? 'no such directory' : describeFsError(e).replace('cannot read', 'cannot write');
        throw new UsageError(`writing report ${args.output}: ${why}`);
      }
    }
    return outcome.exitCode;
  },
};
