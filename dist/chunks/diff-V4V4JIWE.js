import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  ONE_ARGUMENT_LIST,
  compareProfiles,
  emitReport,
  loaderOptions,
  noteInconclusive,
  parseFormat,
  parseReportArgs,
  profileSide,
  render,
  reportColor,
  reportOptions,
  reportRequest,
  sidePatterns,
  verdictSummary
} from "./chunk-VU56NZ4O.js";
import {
  createProfileLoader,
  formatOptions,
  parseCommandArgs
} from "./chunk-BQAJM6YL.js";
import "./chunk-TQ4GEVIF.js";
import "./chunk-KQKQYG5A.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";
import "./chunk-KIA5R4DO.js";

// src/cli/commands/diff.ts
var OPTIONS = reportOptions(
  'rules added to the defaults (docs/rules.md), newline or ";" separated, or @path to a file'
);
var USAGE = `Usage: heapgate diff BASE CURRENT [options]

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
async function parseDiffArgs(argv, cwd) {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return null;
  if (positionals.length !== 2) {
    throw new UsageError(
      `diff takes two profiles, BASE and CURRENT; got ${positionals.length} (see heapgate diff --help)`
    );
  }
  const format = parseFormat(values);
  return { base: positionals[0], current: positionals[1], ...await parseReportArgs(values, format, cwd) };
}
var diffCommand = {
  async run(argv, io) {
    const args = await parseDiffArgs(argv, io.cwd);
    if (args === null) {
      io.stdout(USAGE);
      return 0;
    }
    const side = async (arg, role) => profileSide(await sidePatterns(arg, io.cwd), role, io.cwd, `${role} profile`, ONE_ARGUMENT_LIST);
    const base = await side(args.base, "base");
    const current = await side(args.current, "current");
    const outcome = await compareProfiles(
      {
        base,
        current,
        ...reportRequest(args)
      },
      createProfileLoader(loaderOptions(args))
    );
    const text = render(outcome.report, args.format, { color: reportColor(args, io) });
    await emitReport(text, args, io, verdictSummary(outcome.report));
    noteInconclusive(outcome.report, args, io);
    return outcome.exitCode;
  }
};
export {
  diffCommand
};
