/**
 * `heapgate check CURRENT --store URL --series NAME [--branch B]`: fetch the branch's baseline
 * (falling back to the default branch) and compare CURRENT against it, like `heapgate diff`.
 */
import { createProfileLoader } from '../../adapters/profile-loader.js';
import { openStore } from '../../adapters/store-url.js';
import { noBaselineSentence, otherSeriesSentence, seedCommand } from '../../app/commands.js';
import { compareProfiles, sideOf } from '../../app/compare.js';
import { baselineSource, findBaseline, otherSeries } from '../../app/find-baseline.js';
import { historyRequest } from '../../app/history.js';
import { DEFAULT_HISTORY_WINDOW, historyWindowProblem, MIN_HISTORY_BASELINES } from '../../core/stats/run-noise.js';
import { encodeBranch, normalizeSha, validateSeries } from '../../core/history/baseline.js';
import { UsageError } from '../../core/errors.js';
import { markdownCode, terminalSafe } from '../../core/render/escape.js';
import { render, type Format } from '../../core/render/index.js';
import type { Report } from '../../core/verdict/report.js';
import type { Logger } from '../../ports.js';
import { formatOptions, parseCommandArgs, parseNonNegativeInt, required, type OptionTable } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { profileSide } from '../profile-args.js';
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
import { BRANCH_DEFAULT, branchOf, githubAccess, STORE_OPTIONS } from '../store-options.js';

const OPTIONS: OptionTable = {
  ...STORE_OPTIONS,
  branch: {
    type: 'string',
    value: 'B',
    description: `branch whose baseline to compare against (default: ${BRANCH_DEFAULT.replace(/main$/, '--default-branch')})`,
  },
  sha: {
    type: 'string',
    value: 'SHA',
    description:
      "compare against this commit's baseline (a full commit id, e.g. the pull request's merge base) instead of " +
      "the branch's latest",
  },
  'default-branch': {
    type: 'string',
    value: 'B',
    description: 'fallback when --branch has no baseline (default main)',
  },
  history: {
    type: 'string',
    value: 'N',
    description:
      `latest baselines of the branch that calibrate the run-to-run noise (their stored totals; at least ` +
      `${MIN_HISTORY_BASELINES} needed); 0 = off (default ${DEFAULT_HISTORY_WINDOW})`,
  },
  ...reportOptions('rules added to the defaults (docs/rules.md), newline or ";" separated, or @path to a file'),
};

const USAGE = `Usage: heapgate check CURRENT... --store URL --series NAME [options]

Fetches the current baseline of the series on --branch (or, when that branch has none, on the
default branch) from the store, or the baseline of commit --sha, and compares CURRENT against it,
exactly like \`heapgate diff BASELINE CURRENT\`. When there is no baseline yet it says so and exits 0
(a --sha the store has no baseline for is an error).

CURRENT is one or more paths or quoted globs ('out/*.pb.gz'). Several files are runs of the same
code: their per-run means are compared, and the spread across runs counts as noise.

A branch: store reads the repository --repo (default $GITHUB_REPOSITORY) with the token in
$GITHUB_TOKEN (e.g. GITHUB_TOKEN=$(gh auth token)). A gs:// store uses Application Default
Credentials (on a laptop: gcloud auth application-default login).

Options:
${formatOptions(OPTIONS)}

Every report shows, per metric, the history behind its limit: the baselines read, their mean
change, σ and the resulting limit (or "uncalibrated: k of ${MIN_HISTORY_BASELINES} baselines").

Exit codes: 0 pass, warn, inconclusive or no baseline, 1 fail (or inconclusive with
--on-inconclusive fail), 2 usage or input error, 3 baseline store error, 70 internal error.
`;

interface CheckArgs extends ReportArgs {
  /** Paths and globs: one profile, or several runs. */
  readonly current: readonly string[];
  readonly store: string;
  readonly series: string;
  readonly branches: readonly string[];
  readonly history: number;
  /** The baseline's commit (--sha), or null for the branches' latest. */
  readonly sha: string | null;
  readonly repo: string | undefined;
}

/** --history: the default window when not given; a window too small to calibrate is a usage error. */
function historyWindow(text: string | undefined): number {
  if (text === undefined) return DEFAULT_HISTORY_WINDOW;
  const n = parseNonNegativeInt('--history', text);
  const problem = historyWindowProblem(n);
  if (problem !== null) throw new UsageError(`--history ${problem}`);
  return n;
}

async function parseCheckArgs(argv: readonly string[], cwd: string, env: CliIo['env']): Promise<CheckArgs | null> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help === true) return null;
  if (positionals.length === 0) {
    throw new UsageError('check takes the profile to compare, CURRENT (see heapgate check --help)');
  }
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const format = parseFormat(values);
  const fallback = str('default-branch') ?? 'main';
  const branch = branchOf(str('branch'), env, fallback);
  for (const b of [branch, fallback]) encodeBranch(b);
  return {
    current: positionals,
    store: required(values, 'store', 'check'),
    series: validateSeries(required(values, 'series', 'check')),
    branches: branch === fallback ? [branch] : [branch, fallback],
    history: historyWindow(str('history')),
    sha: str('sha') === undefined ? null : normalizeSha(str('sha')!),
    repo: str('repo'),
    ...(await parseReportArgs(values, format, cwd)),
  };
}

/**
 * What check prints when there is no baseline: which branches were tried and the command that seeds
 * one. Branch names and the store URL are untrusted: escaped for the terminal or for Markdown.
 */
export function noBaselineMessage(
  args: Pick<CheckArgs, 'series' | 'branches' | 'store'>,
  location: string,
  format: Format,
): string {
  const seed = seedCommand({ store: args.store, series: args.series, profile: 'PROFILE' }, args.branches.at(-1)!, [
    'heapgate',
  ]);
  if (format === 'markdown') {
    const where = args.branches.map((b) => markdownCode(b, false)).join(' or ');
    return (
      `**No baseline** for series ${markdownCode(args.series, false)} on branch ${where} in ` +
      `${markdownCode(location, false)}: ` +
      `nothing to compare against. Seed one from a build of the default branch: ${markdownCode(seed, false)}\n`
    );
  }
  const sentence = noBaselineSentence(args.series, args.branches, location);
  const text = `${sentence}\nSeed one from a build of the default branch:\n  ${seed}`;
  if (format === 'json') return `${JSON.stringify({ baseline: null, message: text }, null, 2)}\n`;
  return `${text.split('\n').map(terminalSafe).join('\n')}\n`;
}

/** Process warnings of the lookup (none arise without a merge base or a repairing run) go to stderr. */
function stderrLog(io: CliIo): Logger {
  const line = (m: string): void => io.stderr(`heapgate: ${terminalSafe(m)}\n`);
  return { info: () => {}, warning: line, error: line };
}

export const checkCommand: Command = {
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = await parseCheckArgs(argv, io.cwd, io.env);
    if (args === null) {
      io.stdout(USAGE);
      return 0;
    }
    // Expanded first: a glob that matches nothing is an error even when there is no baseline yet.
    const current = await profileSide(args.current, 'current', io.cwd, 'current profile');
    const store = await openStore(args.store, {
      cwd: io.cwd,
      access: 'read',
      github: githubAccess({ repo: args.repo }, io.env),
    });
    const lookup = { commit: args.sha === null ? null : { sha: args.sha, from: '--sha' }, branches: args.branches };
    const log = stderrLog(io);
    const found = await findBaseline(
      { store, pulls: null, log },
      args.series,
      lookup,
      're-baseline with heapgate baseline put',
    );
    let text: Iterable<string>;
    let exitCode = 0;
    let report: Report | null = null;
    let verdict = 'no-baseline (nothing to compare against)';
    if (found === undefined) {
      const hint = await otherSeries({ store, log }, args.series);
      const mistyped = otherSeriesSentence(args.series, hint);
      if (mistyped !== null) log.warning(`${mistyped} (check ${hint.branches ? '--branch' : '--series'})`);
      text = [noBaselineMessage(args, store.location, args.format)];
    } else {
      const outcome = await compareProfiles(
        {
          base: sideOf(baselineSource(found)),
          current,
          ...reportRequest(args),
          history: historyRequest(found.pointer, args.history),
        },
        createProfileLoader(loaderOptions(args)),
      );
      text = render(outcome.report, args.format, { color: reportColor(args, io) });
      exitCode = outcome.exitCode;
      report = outcome.report;
      verdict = verdictSummary(outcome.report);
    }
    await emitReport(text, args, io, verdict);
    if (report !== null) noteInconclusive(report, args, io);
    return exitCode;
  },
};
