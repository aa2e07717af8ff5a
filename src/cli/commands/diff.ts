/** `heapgate diff BASE CURRENT`: compare two profile files and print the report. */
import { compareProfiles } from '../../app/compare.js';
import { createProfileLoader } from '../../adapters/profile-loader.js';
import { UsageError } from '../../core/errors.js';
import { render } from '../../core/render/index.js';
import { formatOptions, parseCommandArgs, type OptionTable } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { ONE_ARGUMENT_LIST, profileSide, sidePatterns } from '../profile-args.js';
import {
  emitReport,
  noteInconclusive,
  loaderOptions,
  parseFormat,
  parseReportArgs,
  reportColor,
  reportOptions,
  reportRequest,
  verdictSummary,
  type ReportArgs,
} from '../report-args.js';

const OPTIONS: OptionTable = reportOptions(
  'rules added to the defaults (docs/rules.md), newline or ";" separated, or @path to a file',
);

const USAGE = `Usage: heapgate diff BASE CURRENT [options]

Compares the CURRENT profile against the BASE profile (pprof format: Go, Node, tcmalloc heap
profiles, gzipped or not), applies the rules with sampling-aware noise thresholds and reports.

BASE and CURRENT are each a path, a quoted glob ('base/*.pb.gz') or a comma-separated list of
them. Several files on a side are runs of the same code: their per-run means are compared, and
the spread across runs counts as noise (give 5 or more runs each).

Options:
${formatOptions(OPTIONS)}

Exit codes: 0 pass, warn or inconclusive, 1 fail (or inconclusive with --on-inconclusive fail),
2 usage or input error, 70 internal error.
`;

interface DiffArgs extends ReportArgs {
  readonly base: string;
  readonly current: string;
}

/** Parses and validates the arguments; reads an @FILE rules file. Null means --help. */
async function parseDiffArgs(argv: readonly string[], cwd: string): Promise<DiffArgs | null> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return null;
  if (positionals.length !== 2) {
    throw new UsageError(
      `diff takes two profiles, BASE and CURRENT; got ${positionals.length} (see heapgate diff --help)`,
    );
  }
  const format = parseFormat(values);
  return { base: positionals[0]!, current: positionals[1]!, ...(await parseReportArgs(values, format, cwd)) };
}

/**
 * Resolves to 1 when the verdict is fail, 0 for pass or warn; bad arguments, files, rules or
 * profiles throw HeapgateErrors for main's top-level catch.
 */
export const diffCommand: Command = {
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = await parseDiffArgs(argv, io.cwd);
    if (args === null) {
      io.stdout(USAGE);
      return 0;
    }
    const side = async (arg: string, role: 'base' | 'current') =>
      profileSide(await sidePatterns(arg, io.cwd), role, io.cwd, `${role} profile`, ONE_ARGUMENT_LIST);
    const base = await side(args.base, 'base');
    const current = await side(args.current, 'current');
    const outcome = await compareProfiles(
      {
        base,
        current,
        ...reportRequest(args),
      },
      createProfileLoader(loaderOptions(args)),
    );
    const text = render(outcome.report, args.format, { color: reportColor(args, io) });
    await emitReport(text, args, io, verdictSummary(outcome.report));
    noteInconclusive(outcome.report, args, io);
    return outcome.exitCode;
  },
};
