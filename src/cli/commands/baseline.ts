/**
 * `heapgate baseline put|show|history|delete`: store a profile as a commit's baseline, show one, list
 * a branch's recent baselines, remove a wrong one.
 */
import { expandProfilePaths, readRunFiles } from '../../adapters/profile-paths.js';
import { createProfileLoader } from '../../adapters/profile-loader.js';
import { openStore } from '../../adapters/store-url.js';
import { runUrl as runPage, storeBaseline } from '../../app/store-baseline.js';
import {
  DEFAULT_HISTORY_LIMIT,
  encodeBranch,
  normalizeSha,
  validateSeries,
  type BaselineMetadata,
} from '../../core/history/baseline.js';
import { DEFAULT_KEEP_PROFILES } from '../../core/history/retention.js';
import { DEFAULT_MAX_PROFILE_BYTES } from '../../core/profile/decode/index.js';
import { UsageError } from '../../core/errors.js';
import { terminalSafe } from '../../core/render/escape.js';
import {
  formatOptions,
  MAX_PROFILE_SIZE_OPTION,
  parseChoice,
  parseMaxProfileSize,
  parseCommandArgs,
  parseNonNegativeInt,
  required,
  type OptionTable,
} from '../args.js';
import { seriesSteps } from '../../core/history/series-steps.js';
import { stepsJson, stepsText } from './history-steps.js';
import type { CliIo, Command } from '../command.js';
import { BRANCH_DEFAULT, branchOf, githubAccess, STORE_OPTIONS } from '../store-options.js';

/** Last in every subcommand's table: the output format (read by outFormat) and --help. */
const FORMAT_AND_HELP: OptionTable = {
  format: { type: 'string', value: 'FORMAT', description: 'text or json (default text)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

const PUT: OptionTable = {
  ...STORE_OPTIONS,
  branch: { type: 'string', value: 'B', description: `branch the commit belongs to (default: ${BRANCH_DEFAULT})` },
  sha: { type: 'string', value: 'SHA', description: 'commit id (default: $GITHUB_SHA)' },
  'commit-time': {
    type: 'string',
    value: 'ISO',
    description: 'committer time, e.g. $(git show -s --format=%cI); orders baselines',
  },
  'run-id': { type: 'string', value: 'ID', description: 'CI run id (default: $GITHUB_RUN_ID)' },
  'run-url': {
    type: 'string',
    value: 'URL',
    description: 'CI run URL (default: built from $GITHUB_SERVER_URL, $GITHUB_REPOSITORY)',
  },
  'pull-request': { type: 'string', value: 'N', description: 'the pull request the commit merged (named in reports)' },
  'accepted-by': {
    type: 'string',
    value: 'NAME',
    description: "accept this baseline's level: drift is measured from it from now on (NAME is recorded)",
  },
  'history-limit': {
    type: 'string',
    value: 'N',
    description: `previous baselines kept in the pointer (default ${DEFAULT_HISTORY_LIMIT})`,
  },
  'keep-profiles': {
    type: 'string',
    value: 'N',
    description:
      'branch: stores: profiles kept per series and branch, older ones keep only their metadata ' +
      `(default ${DEFAULT_KEEP_PROFILES})`,
  },
  ...MAX_PROFILE_SIZE_OPTION,
  ...FORMAT_AND_HELP,
};

const SHOW: OptionTable = {
  ...STORE_OPTIONS,
  branch: {
    type: 'string',
    value: 'B',
    description: `show the current baseline of this branch (default: ${BRANCH_DEFAULT})`,
  },
  sha: {
    type: 'string',
    value: 'SHA',
    description: "show this commit's baseline (searched on --branch, else on every branch)",
  },
  ...FORMAT_AND_HELP,
};

const HISTORY: OptionTable = {
  ...STORE_OPTIONS,
  branch: { type: 'string', value: 'B', description: `branch (default: ${BRANCH_DEFAULT})` },
  limit: { type: 'string', value: 'N', description: 'at most N baselines, newest first (default: all kept)' },
  steps: {
    type: 'boolean',
    description: "the series' levels (first and last commit, mean, σ within) and the steps between them",
  },
  ...FORMAT_AND_HELP,
};

const DELETE: OptionTable = {
  ...STORE_OPTIONS,
  branch: {
    type: 'string',
    value: 'B',
    description: `branch the commit's baseline is on (default: ${BRANCH_DEFAULT})`,
  },
  sha: { type: 'string', value: 'SHA', description: 'the commit whose baseline to remove (required, the full id)' },
  ...FORMAT_AND_HELP,
};

const PUT_USAGE = `  heapgate baseline put PROFILE... --store URL --series NAME --branch B --sha SHA [options]
      Stores PROFILE as the baseline of commit SHA on branch B (the first upload of a commit
      wins), and makes it the branch's current baseline unless a newer commit's already is.
      Several paths or quoted globs are runs of the same code, stored together as one tar of
      the run profiles (with each run's totals in the metadata).
${indent(formatOptions(PUT))}`;

const SHOW_USAGE = `  heapgate baseline show --store URL --series NAME [--branch B | --sha SHA] [--format F]
      The metadata of a branch's current baseline, or of a commit's.
${indent(formatOptions(SHOW))}`;

const HISTORY_USAGE = `  heapgate baseline history --store URL --series NAME [--branch B] [--limit N] [--steps]
                            [--format F]
      The current and previous baselines' metadata and totals, newest first (one read); with
      --steps, the levels of each sample type's series and the steps between them, oldest first.
${indent(formatOptions(HISTORY))}`;

const DELETE_USAGE = `  heapgate baseline delete --store URL --series NAME --branch B --sha SHA [--format F]
      Removes a wrong baseline: the commit leaves the branch's pointer first (when it was the
      current baseline, the newest before it takes its place), then its stored profile goes.
      Run again after an interruption, it finishes the job. Exit 2 when nothing was there.
${indent(formatOptions(DELETE))}`;

const EXIT_CODES = `Exit codes: 0 done (also when nothing is found), 2 usage or input error, 3 baseline store error,
70 internal error.
`;

/** The usage of one subcommand, for its --help. */
function usage(sub: string): string {
  return `Usage:\n\n${sub}\n\n${EXIT_CODES}`;
}

const USAGE = `Usage: heapgate baseline <put|show|history|delete> [options]

${PUT_USAGE}

${SHOW_USAGE}

${HISTORY_USAGE}

${DELETE_USAGE}

${EXIT_CODES}`;

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

type Values = Readonly<Record<string, string | boolean | undefined>>;
type OutFormat = 'text' | 'json';

function outFormat(values: Values): OutFormat {
  const f = values.format as string | undefined;
  return f === undefined ? 'text' : parseChoice('--format', f, ['text', 'json'] as const);
}

/** Terminal output quotes untrusted strings (sample type names, branches): escaped line by line. */
function clean(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/** At least the profile the pointer names is kept. */
function parsePositiveKeep(n: number): number {
  if (n < 1) throw new UsageError('invalid --keep-profiles 0: keep at least 1 (the current baseline)');
  return n;
}

function fromEnv(values: Values, name: string, env: CliIo['env'], envName: string): string | undefined {
  const v = values[name];
  if (typeof v === 'string' && v !== '') return v;
  const e = env[envName];
  return e === undefined || e === '' ? undefined : e;
}

async function put(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, PUT);
  if (values.help === true) return help(io, PUT_USAGE);
  if (positionals.length === 0) {
    throw new UsageError('baseline put takes the profile to store, PROFILE (see heapgate baseline put --help)');
  }
  const format = outFormat(values);
  const branch = branchOf(values.branch, io.env);
  const sha = fromEnv(values, 'sha', io.env, 'GITHUB_SHA');
  if (sha === undefined) throw new UsageError('baseline put needs --sha (or GITHUB_SHA)');
  const runId = fromEnv(values, 'run-id', io.env, 'GITHUB_RUN_ID');
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = io.env;
  const runUrl =
    (values['run-url'] as string | undefined) ??
    (runId !== undefined && server && repo ? runPage(server, repo, runId) : undefined);
  const historyLimit =
    values['history-limit'] === undefined
      ? undefined
      : parseNonNegativeInt('--history-limit', values['history-limit'] as string);
  const keepProfiles =
    values['keep-profiles'] === undefined
      ? undefined
      : parsePositiveKeep(parseNonNegativeInt('--keep-profiles', values['keep-profiles'] as string));
  const pullRequest =
    values['pull-request'] === undefined
      ? undefined
      : parseNonNegativeInt('--pull-request', values['pull-request'] as string);
  if (pullRequest === 0) throw new UsageError('--pull-request must be a pull request number (1 or more)');
  const acceptedBy = values['accepted-by'] as string | undefined;
  const series = validateSeries(required(values, 'series', 'baseline put'));
  const storeUrl = required(values, 'store', 'baseline put');
  encodeBranch(branch);
  normalizeSha(sha);

  const maxProfileBytes = parseMaxProfileSize(values);
  const store = await openStore(storeUrl, {
    cwd: io.cwd,
    access: 'write',
    github: githubAccess(values, io.env),
    ...(historyLimit !== undefined ? { historyLimit } : {}),
    ...(keepProfiles !== undefined ? { keepProfiles } : {}),
  });

  const paths = await expandProfilePaths(positionals, io.cwd, 'profile');
  const file = positionals.join(' ');
  const bytes = await readRunFiles(
    paths,
    io.cwd,
    maxProfileBytes ?? DEFAULT_MAX_PROFILE_BYTES,
    'profile',
    (p) => `reading profile ${p}: `,
  );
  // Decoding checks the profile before it becomes anyone's baseline, and yields the totals. A worker
  // gets a clone of the bytes (the loader transfers only summaries back), so these stay intact.
  const loader = createProfileLoader(maxProfileBytes === undefined ? {} : { maxProfileBytes });
  const [summary] = await loader([{ role: 'current', label: file, bytes }], []);
  const run = {
    series,
    branch,
    sha,
    createdAt: new Date().toISOString(),
    commitTime: values['commit-time'] as string | undefined,
    runId,
    runUrl,
    pullRequest,
    ...(acceptedBy !== undefined ? { accepted: { by: acceptedBy, how: 'update' as const } } : {}),
  };
  const result = await storeBaseline(store, run, summary!, bytes);
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ store: store.location, ...result }, null, 2)}\n`);
  } else {
    const pointer = {
      moved: `now the current baseline of ${branch}`,
      'same-commit': `already the current baseline of ${branch}`,
      older: `kept; ${branch} already has a newer baseline`,
    }[result.pointer];
    const object = result.object === 'created' ? 'stored' : 'already stored (first upload kept)';
    io.stdout(
      clean(`baseline ${result.metadata.sha.slice(0, 12)} of ${series} in ${store.location}: ${object}; ${pointer}\n`),
    );
  }
  return 0;
}

/** "go1.22.1, MemProfileRate=524288": what is known of the program that wrote the profile. */
function producer(p: BaselineMetadata['producer']): string {
  const rate = p.memProfileRate !== undefined ? `MemProfileRate=${p.memProfileRate}` : undefined;
  return [p.goVersion, rate].filter(Boolean).join(', ');
}

function describe(m: BaselineMetadata): string {
  const lines = [
    `series:       ${m.series}`,
    `branch:       ${m.branch}`,
    `commit:       ${m.sha}`,
    ...(m.commitTime !== undefined ? [`commit time:  ${m.commitTime}`] : []),
    `stored:       ${m.createdAt}`,
    ...(m.runId !== undefined ? [`run:          ${m.runId}${m.runUrl !== undefined ? ` ${m.runUrl}` : ''}`] : []),
    `period:       ${m.period}${m.periodType ? ` ${m.periodType.type}/${m.periodType.unit}` : ''}`,
    `producer:     ${producer(m.producer) || 'unknown'}`,
    `samples:      ${m.sampleCount}`,
    `size:         ${m.size} bytes`,
    ...(m.runs !== undefined ? [`runs:         ${m.runs} (totals are per-run means)`] : []),
    'totals:',
    ...m.sampleType.map((t, i) => `  ${t.type}: ${m.total[i]} ${t.unit}`),
  ];
  return clean(`${lines.join('\n')}\n`);
}

async function show(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, SHOW);
  if (values.help === true) return help(io, SHOW_USAGE);
  if (positionals.length !== 0) throw new UsageError('baseline show takes no positional arguments');
  const format = outFormat(values);
  const series = validateSeries(required(values, 'series', 'baseline show'));
  const sha = values.sha === undefined ? undefined : normalizeSha(values.sha as string);
  // A commit is searched on every branch unless one is named; a branch's baseline on the default one.
  const branch = sha !== undefined && values.branch === undefined ? undefined : branchOf(values.branch, io.env);
  if (branch !== undefined) encodeBranch(branch);
  const store = await openStore(required(values, 'store', 'baseline show'), {
    cwd: io.cwd,
    access: 'read',
    github: githubAccess(values, io.env),
  });
  let metadata: BaselineMetadata | undefined;
  if (sha !== undefined) {
    for (const b of branch !== undefined ? [branch] : await store.branches(series)) {
      metadata = (await store.commit(series, b, sha))?.metadata;
      if (metadata !== undefined) break;
    }
  } else {
    metadata = (await store.pointer(series, branch!))?.current;
  }
  if (metadata === undefined) {
    const what = sha !== undefined ? `commit ${sha}` : `branch ${JSON.stringify(branch)}`;
    const message = `no baseline for series ${series} at ${what} in ${store.location}`;
    io.stdout(format === 'json' ? `${JSON.stringify({ baseline: null, message }, null, 2)}\n` : clean(`${message}\n`));
    return 0;
  }
  io.stdout(format === 'json' ? `${JSON.stringify(metadata, null, 2)}\n` : describe(metadata));
  return 0;
}

async function history(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, HISTORY);
  if (values.help === true) return help(io, HISTORY_USAGE);
  if (positionals.length !== 0) throw new UsageError('baseline history takes no positional arguments');
  const format = outFormat(values);
  const series = validateSeries(required(values, 'series', 'baseline history'));
  const branch = branchOf(values.branch, io.env);
  encodeBranch(branch);
  const limit = values.limit === undefined ? Infinity : parseNonNegativeInt('--limit', values.limit as string);
  const store = await openStore(required(values, 'store', 'baseline history'), {
    cwd: io.cwd,
    access: 'read',
    github: githubAccess(values, io.env),
  });
  const pointer = await store.pointer(series, branch);
  const entries = pointer === undefined ? [] : [pointer.current, ...pointer.history].slice(0, limit);
  if (values.steps === true) {
    const steps = seriesSteps(entries);
    if (format === 'json') io.stdout(stepsJson(series, branch, steps));
    else if (entries.length === 0) {
      io.stdout(clean(`no baselines for series ${series} on branch ${JSON.stringify(branch)} in ${store.location}\n`));
    } else io.stdout(clean(stepsText(steps)));
    return 0;
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    io.stdout(clean(`no baselines for series ${series} on branch ${JSON.stringify(branch)} in ${store.location}\n`));
    return 0;
  }
  io.stdout(historyTable(entries));
  return 0;
}

async function remove(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, DELETE);
  if (values.help === true) return help(io, DELETE_USAGE);
  if (positionals.length !== 0) throw new UsageError('baseline delete takes no positional arguments');
  const format = outFormat(values);
  const series = validateSeries(required(values, 'series', 'baseline delete'));
  // Never $GITHUB_SHA: what to remove is always said.
  const sha = normalizeSha(required(values, 'sha', 'baseline delete'));
  const branch = branchOf(values.branch, io.env);
  encodeBranch(branch);
  const store = await openStore(required(values, 'store', 'baseline delete'), {
    cwd: io.cwd,
    access: 'write',
    github: githubAccess(values, io.env),
  });
  const result = await store.delete(series, branch, sha);
  if (result.object === 'absent' && result.pointer === 'absent') {
    throw new UsageError(
      `no baseline of commit ${sha.slice(0, 12)} on branch ${JSON.stringify(branch)} of series ${series} in ` +
        `${store.location}: nothing deleted`,
    );
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ store: store.location, series, branch, sha, ...result }, null, 2)}\n`);
    return 0;
  }
  const pointer = {
    absent: 'it was not in the pointer',
    history: 'dropped from the history',
    current: `the current baseline is now ${result.current?.sha.slice(0, 12) ?? '?'}`,
    last: `${branch} has no baseline left`,
  }[result.pointer];
  const object = result.object === 'removed' ? 'deleted' : 'had no stored profile';
  io.stdout(
    clean(`baseline ${sha.slice(0, 12)} of ${series} on ${branch} in ${store.location}: ${object}; ${pointer}\n`),
  );
  return 0;
}

/**
 * One row per baseline: commit, commit time, run, then the total of each sample type of the newest.
 * A baseline stored without a commit time shows when it was stored, marked `(stored)`; the column is
 * `stored at` when none has a commit time.
 */
function historyTable(entries: readonly BaselineMetadata[]): string {
  const types = entries[0]!.sampleType;
  const anyCommitTime = entries.some((m) => m.commitTime !== undefined);
  const time = anyCommitTime ? 'commit time' : 'stored at';
  const header = ['commit', time, 'run', ...types.map((t) => `${t.type} (${t.unit})`)];
  const rows = entries.map((m) => [
    m.sha.slice(0, 12),
    m.commitTime ?? (anyCommitTime ? `${m.createdAt} (stored)` : m.createdAt),
    m.runId ?? '',
    ...types.map((t) => {
      const i = m.sampleType.findIndex((u) => u.type === t.type && u.unit === t.unit);
      return i < 0 ? '-' : String(m.total[i]);
    }),
  ]);
  const width = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c < 3 ? cell.padEnd(width[c]!) : cell.padStart(width[c]!)))
      .join('  ')
      .trimEnd();
  return clean(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}

function help(io: CliIo, sub: string): number {
  io.stdout(usage(sub));
  return 0;
}

const SUBCOMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> = {
  put,
  show,
  history,
  delete: remove,
};

export const baselineCommand: Command = {
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      (sub === undefined ? io.stderr : io.stdout)(USAGE);
      return sub === undefined ? 2 : 0;
    }
    const fn = SUBCOMMANDS[sub];
    if (fn === undefined) {
      throw new UsageError(`unknown baseline subcommand ${JSON.stringify(sub)}; use put, show, history or delete`);
    }
    return fn(rest, io);
  },
};
