/**
 * The Action's inputs: every name, description and default in one table (action.yml lists the
 * same, a test keeps them equal), parsed once into a typed, validated ActionConfig. An invalid
 * value is a UsageError naming the input and what is allowed; nothing falls back silently.
 */
import { MODES, UPDATE_POLICIES, type UpdatePolicy } from '../app/gate/plan.js';
import { COMMENT_POLICIES, type CommentPolicy } from '../app/gate/sticky-comment.js';
import { DEFAULT_KEEP_PROFILES } from '../core/history/retention.js';
import { encodeBranch, normalizeSha, validateSeries } from '../core/history/baseline.js';
import { UsageError } from '../core/errors.js';
import { parseByteSize } from '../core/rules/syntax.js';
import { DEFAULT_HISTORY_WINDOW, historyWindowProblem, MIN_HISTORY_BASELINES } from '../core/stats/run-noise.js';
import { DEFAULT_CONFIDENCE, INCONCLUSIVE_POLICIES, type InconclusivePolicy } from '../core/verdict/verdict.js';
import { ownCodePatternProblem } from '../core/profile/own-code.js';

export interface InputSpec {
  readonly description: string;
  /** The default action.yml declares ('' = none); applied here too when the value is empty. */
  readonly default: string;
  readonly required: boolean;
}

/** The inputs, in the order action.yml lists them. */
export const INPUTS = {
  profile: {
    description:
      "Path or glob of this run's heap profile (pprof protobuf, gzipped or not, or Go's legacy text format), or " +
      'of its go test -bench -benchmem output. ' +
      'Several lines, or a glob matching several files, are runs of the same code: their per-run means are ' +
      'compared and stored together. Required, except with mode report (the profile comes from the record).',
    default: '',
    required: false,
  },
  series: {
    description:
      'Name of the baseline series (one per profiled program or benchmark): 1-100 letters, digits, ".", "_" or ' +
      '"-". Each series has its own baselines and its own pull-request comment.',
    default: 'default',
    required: false,
  },
  store: {
    description:
      'Where baselines live: branch:NAME (a branch of this repository, written with github-token; needs contents: ' +
      'write to store, contents: read to compare), gs://bucket/prefix (Google Cloud Storage) or a directory path.',
    default: 'branch:heapgate-baselines',
    required: false,
  },
  rules: {
    description:
      'Extra rules, one per line, in heapgate\'s rule syntax (e.g. "inuse_space +10% min 1MiB", "alloc_space for ' +
      '^mypkg\\.: +5%"); added to the default rules.',
    default: '',
    required: false,
  },
  mode: {
    description:
      'auto: by event (pull_request compares, push to the base branch compares and stores); check: compare only; ' +
      'update: store this run as the baseline (re-baseline); record: check the profile and write it with the ' +
      "run's metadata into the record directory, for a fork's pull request (no store, no API); report: in a " +
      'workflow_run workflow, read that record, compare, comment on the pull request and set the commit status ' +
      'heapgate/<series>.',
    default: 'auto',
    required: false,
  },
  record: {
    description:
      'Directory of the record (mode record writes it, mode report reads it): <series>.manifest.json and ' +
      '<series>.profile. Upload it with actions/upload-artifact, download it with actions/download-artifact.',
    default: 'heapgate-record',
    required: false,
  },
  'base-branch': {
    description:
      'Branch whose baselines pull requests fall back to and pushes to which become baselines. Default: the ' +
      "repository's default branch.",
    default: '',
    required: false,
  },
  'github-token': {
    description:
      'Token for the pull-request comment (needs pull-requests: write) and a branch: store (contents: write to store ' +
      'baselines, contents: read to compare). Empty: no comment.',
    default: '${{ github.token }}',
    required: false,
  },
  comment: {
    description:
      'When to write the sticky pull-request comment: always, on-change (the verdict is warn, fail or accepted), ' +
      'on-regression (the verdict is fail or accepted) or never. An existing comment is always kept up to date.',
    default: 'on-change',
    required: false,
  },
  'fail-on-regression': {
    description: 'Fail the step when the verdict is fail (and the pull request does not carry the accept label).',
    default: 'true',
    required: false,
  },
  'accept-label': {
    description:
      'A pull-request label that accepts a regression: the step passes and the report records who accepted it.',
    default: 'heapgate:accept',
    required: false,
  },
  confidence: {
    description: 'The z score a change must reach to count as real rather than sampling noise.',
    default: String(DEFAULT_CONFIDENCE),
    required: false,
  },
  top: { description: 'Functions listed per sample type in the report (0 = all).', default: '10', required: false },
  history: {
    description:
      'How many of the latest baselines of the branch calibrate the run-to-run noise (their stored totals, no ' +
      `profile download); at least ${MIN_HISTORY_BASELINES} are needed. 0 = off (sampling noise only).`,
    default: String(DEFAULT_HISTORY_WINDOW),
    required: false,
  },
  'on-inconclusive': {
    description:
      "When the noise hides a change as large as a rule's threshold (verdict inconclusive): pass (the report " +
      'says so), warn (also a warning annotation) or fail (the step fails).',
    default: 'pass',
    required: false,
  },
  'max-profile-size': {
    description:
      "Refuse a profile (this run's or a baseline) larger than this, as a file or decompressed: e.g. 1GiB, " +
      '256MiB or a number of bytes.',
    default: '1GiB',
    required: false,
  },
  'keep-profiles': {
    description:
      'With a branch: store, how many profiles it keeps per series and branch (at least 1; the current ' +
      'baseline is always kept); older ones keep their metadata, so the history and the trend go on.',
    default: String(DEFAULT_KEEP_PROFILES),
    required: false,
  },
  'update-baseline': {
    description:
      'On pushes to the base branch: always (every merged run becomes the baseline; a regression is reported but ' +
      'does not fail the step) or on-pass (only runs whose verdict is not fail; a fail fails the step).',
    default: 'always',
    required: false,
  },
  'html-report': {
    description:
      'Write the HTML report (differential flame graph and heat table per sample type) next to the JSON report, ' +
      'and upload it as a workflow artifact linked from the comment and the job summary; its path is the ' +
      'html-report output, its page report-url.',
    default: 'true',
    required: false,
  },
  'step-issue': {
    description:
      'On pushes to the default branch, open a GitHub issue for each new level of the series (a step up of at least ' +
      '2 %), or update the open one of that step (found by a hidden marker, so re-runs never open another). Needs ' +
      'github-token and the permission issues: write.',
    default: 'false',
    required: false,
  },
  'own-code': {
    description:
      'A regular expression on function names that are your code, for naming the culprit of a regression. Empty: ' +
      "the Go packages of the workspace's go.mod module (or main and dotted package paths), and JavaScript files " +
      'in the workspace outside node_modules.',
    default: '',
    required: false,
  },
  'baseline-sha': {
    description:
      "Compare against this commit's baseline instead of the base branch's latest (e.g. from a workflow_dispatch " +
      'input).',
    default: '',
    required: false,
  },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

/** The outputs, in the order action.yml lists them. */
export const OUTPUTS = {
  verdict: 'pass, warn, fail, inconclusive, no-baseline or accepted.',
  report: 'Path to the JSON report.',
  'html-report': 'Path to the HTML report (empty without a baseline or with html-report false).',
  'report-url':
    'Where the HTML report, uploaded as a workflow artifact, can be opened (empty when it was not uploaded).',
  'baseline-sha': 'Commit of the baseline compared against (empty when there was none).',
  'comment-url': 'URL of the pull-request comment (empty when none was written).',
  'pull-request': 'Mode report: number of the pull request reported on (empty when none was found).',
  'commit-status': 'Mode report: state of the heapgate/<series> commit status set (success, failure or error).',
  record: 'Mode record: the record directory written.',
  'inuse-space-delta': 'Change of inuse_space in bytes (current - baseline); empty without a baseline.',
  'inuse-objects-delta': 'Change of inuse_objects (current - baseline); empty without a baseline.',
  'alloc-space-delta': 'Change of alloc_space in bytes (current - baseline); empty without a baseline.',
  'alloc-objects-delta': 'Change of alloc_objects (current - baseline); empty without a baseline.',
} as const;

export type OutputName = keyof typeof OUTPUTS;

/** The gate's modes, and the two halves of the fork-safe flow (see src/app/record). */
export const ACTION_MODES = [...MODES, 'record', 'report'] as const;
export type ActionMode = (typeof ACTION_MODES)[number];

export interface ActionConfig {
  /** '' with mode report. */
  readonly profile: string;
  readonly series: string;
  /** '' with mode record. */
  readonly store: string;
  /** The record directory (modes record and report). */
  readonly record: string;
  /** null when empty. */
  readonly rules: string | null;
  readonly mode: ActionMode;
  /** null = the repository's default branch. */
  readonly baseBranch: string | null;
  /** null when empty: no comment. */
  readonly githubToken: string | null;
  readonly comment: CommentPolicy;
  readonly failOnRegression: boolean;
  readonly acceptLabel: string;
  readonly confidence: number;
  readonly top: number;
  readonly history: number;
  /** Profiles a branch: store keeps per series and branch. */
  readonly keepProfiles: number;
  readonly onInconclusive: InconclusivePolicy;
  readonly htmlReport: boolean;
  readonly stepIssue: boolean;
  /** Input own-code: a regex on function names; null = the default rules (profile/own-code.ts). */
  readonly ownCode: string | null;
  /** The largest profile read, as a file or decompressed. */
  readonly maxProfileBytes: number;
  readonly updateBaseline: UpdatePolicy;
  readonly baselineSha: string | null;
}

function invalid(name: InputName, value: string, allowed: string): UsageError {
  return new UsageError(`input ${name}: ${JSON.stringify(value)} is not allowed; ${allowed}`);
}

function choice<T extends string>(name: InputName, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(name, value, `use one of ${allowed.join(', ')}`);
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function bool(name: InputName, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw invalid(name, value, 'use true or false');
}

function wrap<T>(name: InputName, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`input ${name}: ${e.message}`);
    throw e;
  }
}

/**
 * Parses the inputs. `get(name)` returns an input's raw value ('' when unset, as getInput does);
 * surrounding whitespace is ignored, and an empty value takes the table's default.
 */
export function parseInputs(get: (name: InputName) => string): ActionConfig {
  const value = (name: InputName): string => {
    const raw = get(name).trim();
    return raw !== '' ? raw : INPUTS[name].default;
  };
  for (const name of Object.keys(INPUTS) as InputName[]) {
    if (INPUTS[name].required && value(name) === '')
      throw new UsageError(`input ${name} is required: ${INPUTS[name].description}`);
  }
  const mode = choice('mode', value('mode'), ACTION_MODES);
  if (mode !== 'report' && value('profile') === '')
    throw new UsageError(`input profile is required: ${INPUTS.profile.description}`);
  if (mode === 'report' && value('profile') !== '')
    throw new UsageError('input profile: not used with mode report, whose profile comes from the record');
  const confidenceText = value('confidence');
  const confidence = Number(confidenceText);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(confidenceText) || !Number.isFinite(confidence)) {
    throw invalid('confidence', confidenceText, 'use a number ≥ 0, e.g. 3');
  }
  const topText = value('top');
  if (!/^[0-9]{1,9}$/.test(topText)) throw invalid('top', topText, 'use a whole number ≥ 0 (0 = all)');
  const historyText = value('history');
  if (!/^[0-9]{1,9}$/.test(historyText)) throw invalid('history', historyText, 'use a whole number ≥ 0 (0 = off)');
  const historyProblem = historyWindowProblem(Number(historyText));
  if (historyProblem !== null) throw invalid('history', historyText, historyProblem);
  const keepText = value('keep-profiles');
  if (!/^[0-9]{1,9}$/.test(keepText) || Number(keepText) < 1) {
    throw invalid('keep-profiles', keepText, 'use a whole number ≥ 1');
  }
  const maxProfileBytes = parseByteSize(value('max-profile-size'));
  if (maxProfileBytes === null) {
    throw invalid('max-profile-size', value('max-profile-size'), 'use a size such as 1GiB, 256MiB or 1000000');
  }
  const baseBranch = value('base-branch');
  const baselineSha = value('baseline-sha');
  const token = value('github-token');
  // An unexpanded expression means the runner did not substitute it (not running in Actions).
  const githubToken = token === '' || token.startsWith('${{') ? null : token;
  if (mode === 'report' && githubToken === null)
    throw new UsageError(
      'input github-token is required with mode report (it finds the pull request, comments and sets the status)',
    );
  const rules = value('rules');
  return {
    profile: value('profile'),
    series: wrap('series', () => validateSeries(value('series'))),
    store: value('store'),
    record: value('record'),
    rules: rules === '' ? null : rules,
    mode,
    baseBranch: baseBranch === '' ? null : wrap('base-branch', () => (encodeBranch(baseBranch), baseBranch)),
    githubToken,
    comment: choice('comment', value('comment'), COMMENT_POLICIES),
    failOnRegression: bool('fail-on-regression', value('fail-on-regression')),
    acceptLabel: value('accept-label'),
    confidence,
    top: Number(topText),
    history: Number(historyText),
    keepProfiles: Number(keepText),
    onInconclusive: choice('on-inconclusive', value('on-inconclusive'), INCONCLUSIVE_POLICIES),
    htmlReport: bool('html-report', value('html-report')),
    stepIssue: bool('step-issue', value('step-issue')),
    ownCode: wrap('own-code', () => ownCodeInput(value('own-code'))),
    maxProfileBytes,
    updateBaseline: choice('update-baseline', value('update-baseline'), UPDATE_POLICIES),
    baselineSha: baselineSha === '' ? null : wrap('baseline-sha', () => normalizeSha(baselineSha)),
  };
}

/** Input own-code, checked: a pattern that compiles (in linear time), or null when empty. */
function ownCodeInput(pattern: string): string | null {
  if (pattern === '') return null;
  const problem = ownCodePatternProblem(pattern);
  if (problem !== undefined) throw new UsageError(problem);
  return pattern;
}
