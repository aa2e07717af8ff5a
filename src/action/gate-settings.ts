/**
 * What the gate's door (main.ts) and mode report (fork-modes.ts) both take from the inputs: the
 * gate's settings, and how a step that must fail says why.
 */
import * as core from '@actions/core';
import type { GateConfig } from '../app/gate/run.js';
import { ownCodeIn } from '../adapters/go-module.js';
import type { OwnCodeSpec } from '../core/profile/own-code.js';
import { cliProgram } from './cli-program.js';
import type { ActionConfig } from './inputs.js';

/**
 * The gate's settings from the inputs, and how the reports spell the CLI (from the runner's
 * environment); the door adds the mode and the profile.
 */
export function gateSettings(
  config: ActionConfig,
  env: NodeJS.ProcessEnv,
  ownCode: OwnCodeSpec,
): Omit<GateConfig, 'profile' | 'mode'> {
  return {
    baseBranch: config.baseBranch,
    updateBaseline: config.updateBaseline,
    failOnRegression: config.failOnRegression,
    baselineSha: config.baselineSha,
    series: config.series,
    store: config.store,
    rules: config.rules === null ? null : { text: config.rules, origin: 'input rules' },
    comment: config.comment,
    acceptLabel: config.acceptLabel,
    confidence: config.confidence,
    top: config.top,
    history: config.history,
    onInconclusive: config.onInconclusive,
    htmlReport: config.htmlReport,
    stepIssue: config.stepIssue,
    program: cliProgram(env),
    ownCode,
  };
}

/**
 * What is the user's own code: input own-code, else the module of the workspace's go.mod (and
 * JavaScript files under the workspace). Read once per run.
 */
export function ownCodeOf(config: Pick<ActionConfig, 'ownCode'>, workspace: string): Promise<OwnCodeSpec> {
  // Lines too: the Action annotates the own-code lines that grew.
  return ownCodeIn(workspace, { pattern: config.ownCode ?? undefined, lines: true });
}

/** Fails the step when the outcome's exit code says so, naming why: a regression, or an inconclusive verdict. */
export function failStepUnlessPassed(series: string, outcome: { verdict: string; exitCode: number }): void {
  if (outcome.exitCode === 0) return;
  const what = outcome.verdict === 'inconclusive' ? 'inconclusive (on-inconclusive: fail)' : 'memory regression';
  core.setFailed(`heapgate ${series}: ${what} (see the annotations and the job summary)`);
}
