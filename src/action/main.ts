/**
 * The Action's entry: inputs → ActionConfig → the gate (src/app/gate/run.ts) with the real ports →
 * outputs, the JSON report file and the exit code. The one place that turns errors into a failed
 * step with a one-line message.
 *
 * Exit codes (see ExitCode): 0 pass, warn, accepted or no baseline; 1 a failing verdict; 2 a bad
 * input (profile, rules, inputs); 3 the baseline store failed; 70 an internal error.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { artifactUploader } from '../adapters/artifact.js';
import { enableLinearRegExp } from '../adapters/linear-regexp.js';
import { printWarningsAs } from '../adapters/process-warnings.js';
import { createProfileLoader } from '../adapters/profile-loader.js';
import { openStore } from '../adapters/store-url.js';
import { planRun, type GateEvent } from '../app/gate/plan.js';
import { runGate, type GateConfig, type GateOutcome, type GatePorts } from '../app/gate/run.js';
import { oneLine } from '../core/error-text.js';
import { ExitCode, HeapgateError } from '../core/errors.js';
import { markdownCode } from '../core/render/escape.js';
import type { Mode } from '../app/gate/plan.js';
import { loadGateEvent } from './event.js';
import { recordMode, reportMode } from './fork-modes.js';
import { failStepUnlessPassed, gateSettings, ownCodeOf } from './gate-settings.js';
import { parseInputs, type ActionConfig, type OutputName } from './inputs.js';
import { readRunProfiles, runProfilesLabel } from './profile-path.js';
import { createSourceLocator } from '../adapters/source-files.js';
import type { OwnCodeSpec } from '../core/profile/own-code.js';

/** The output named for each default metric's delta. */
const DELTA_OUTPUTS: Readonly<Record<string, OutputName>> = {
  inuse_space: 'inuse-space-delta',
  inuse_objects: 'inuse-objects-delta',
  alloc_space: 'alloc-space-delta',
  alloc_objects: 'alloc-objects-delta',
};

async function gateConfig(
  config: ActionConfig,
  env: NodeJS.ProcessEnv,
  cwd: string,
  mode: Mode,
  profile: readonly string[],
): Promise<GateConfig> {
  return { ...gateSettings(config, env, await ownCodeOf(config, cwd)), mode, profile };
}

async function ports(
  config: Pick<ActionConfig, 'githubToken' | 'maxProfileBytes' | 'htmlReport'>,
  event: Pick<GateEvent, 'repository' | 'serverUrl' | 'runId'>,
  store: GatePorts['store'],
  env: NodeJS.ProcessEnv,
  own: OwnCodeSpec,
): Promise<GatePorts> {
  const { repository } = event;
  // Loaded only when needed: a profile worker runs this same bundle and never needs the client.
  const github =
    config.githubToken === null
      ? null
      : (await import('../adapters/github.js')).createGitHubPorts({ token: config.githubToken, repository });
  return {
    store,
    load: createProfileLoader({ maxProfileBytes: config.maxProfileBytes }),
    comments: github?.comments ?? null,
    pulls: github?.pulls ?? null,
    issues: github?.issues ?? null,
    summary: { append: async (markdown) => void (await core.summary.addRaw(markdown, true).write()) },
    clock: { now: () => new Date() },
    sources:
      own.workspace === undefined
        ? null
        : createSourceLocator({ workspace: own.workspace, ...(own.modules ? { modules: own.modules } : {}) }),
    log: {
      info: (m) => core.info(m),
      warning: (m, p) => core.warning(m, p ?? {}),
      error: (m, p) => core.error(m, p ?? {}),
    },
    reports:
      config.htmlReport && event.runId !== null
        ? artifactUploader(env, {
            serverUrl: event.serverUrl,
            repository,
            runId: event.runId,
            tempDir: env.RUNNER_TEMP || tmpdir(),
          })
        : null,
  };
}

/** Writes the JSON report and, when there is one, the HTML report; resolves to their paths ('' = none). */
async function writeReports(
  outcome: GateOutcome,
  series: string,
  env: NodeJS.ProcessEnv,
): Promise<{ json: string; html: string }> {
  const dir = env.RUNNER_TEMP || process.cwd();
  await mkdir(dir, { recursive: true });
  const json = join(dir, `heapgate-${series}.json`);
  await writeFile(json, outcome.json);
  if (outcome.html === null) return { json, html: '' };
  const html = join(dir, `heapgate-${series}.html`);
  await writeFile(html, outcome.html);
  return { json, html };
}

function setOutputs(outcome: GateOutcome, reports: { json: string; html: string }): void {
  const set = (name: OutputName, value: string): void => core.setOutput(name, value);
  set('verdict', outcome.verdict);
  set('report', reports.json);
  set('html-report', reports.html);
  set('report-url', outcome.htmlUrl ?? '');
  set('baseline-sha', outcome.baseline?.sha ?? '');
  set('comment-url', outcome.comment?.url ?? '');
  for (const [type, name] of Object.entries(DELTA_OUTPUTS)) {
    const d = outcome.deltas[type];
    set(name, d === undefined ? '' : String(d));
  }
}

/** Runs the Action once and resolves to the process exit code; never rejects. */
export async function main(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<number> {
  enableLinearRegExp();
  try {
    // Masked before anything else can fail and print it.
    const token = core.getInput('github-token');
    if (token !== '') core.setSecret(token);
    const config = parseInputs((name) => core.getInput(name));
    if (config.mode === 'record') return await recordMode(config, env, cwd);
    if (config.mode === 'report') {
      const finish = async (outcome: GateOutcome): Promise<void> =>
        setOutputs(outcome, await writeReports(outcome, config.series, env));
      return await reportMode(config, env, cwd, {
        ports: (e, store, own) => ports(config, e, store, env, own),
        finish,
      });
    }
    const event = await loadGateEvent(env);
    const profiles = await readRunProfiles(config.profile, cwd, config.maxProfileBytes);
    const gate = await gateConfig(config, env, cwd, config.mode, runProfilesLabel(profiles, cwd));
    // A run that may store its profile may create a directory store; one that only compares needs it.
    const access = planRun(gate, event).update === null ? 'read' : 'write';
    const store = await openStore(config.store, {
      cwd,
      access,
      keepProfiles: config.keepProfiles,
      github: {
        token: config.githubToken ?? undefined,
        repository: event.repository,
        hint: 'set the github-token input (contents: write stores baselines, contents: read compares)',
      },
    });
    const outcome = await runGate(gate, event, profiles.bytes, await ports(config, event, store, env, gate.ownCode!));
    setOutputs(outcome, await writeReports(outcome, config.series, env));
    core.info(`heapgate ${config.series}: ${outcome.verdict}`);
    failStepUnlessPassed(config.series, outcome);
    return outcome.exitCode;
  } catch (e) {
    const message =
      e instanceof HeapgateError
        ? `heapgate: ${oneLine(e.message)}`
        : `heapgate: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}`;
    core.setFailed(message);
    await summarizeError(message);
    return e instanceof HeapgateError ? e.exitCode : ExitCode.internal;
  }
}

/** The job summary says why the step failed too (best effort: the error is already reported). */
async function summarizeError(message: string): Promise<void> {
  try {
    await core.summary.addRaw(`### ⛔ heapgate: error\n\n${markdownCode(message, false)}\n`, true).write();
  } catch {
    // No summary file (not running in Actions): the annotation is enough.
  }
}

/**
 * The entry point's only call: runs the Action and sets the exit code.
 */
export async function run(): Promise<void> {
  printWarningsAs((line) => core.warning(line));
  process.exitCode = await main();
}
