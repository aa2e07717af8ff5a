/** The gate's outcome as the step's outputs and JSON report file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { GateOutcome } from '../app/gate/run.js';
import type { OutputName } from './inputs.js';

/** The output named for each default metric's delta. */
const DELTA_OUTPUTS: Readonly<Record<string, OutputName>> = {
  inuse_space: 'inuse-space-delta',
  inuse_objects: 'inuse-objects-delta',
  alloc_space: 'alloc-space-delta',
  alloc_objects: 'alloc-objects-delta',
};

/** Writes the JSON report to RUNNER_TEMP (else the working directory); resolves to its path. */
export async function writeReport(outcome: GateOutcome, series: string, env: NodeJS.ProcessEnv): Promise<string> {
  const dir = env.RUNNER_TEMP || process.cwd();
  await mkdir(dir, { recursive: true });
  const path = join(dir, `heapgate-${series}.json`);
  await writeFile(path, outcome.json);
  return path;
}

/** Sets the gate's outputs. */
export function setOutputs(outcome: GateOutcome, reportPath: string): void {
  const set = (name: OutputName, value: string): void => core.setOutput(name, value);
  set('verdict', outcome.verdict);
  set('report', reportPath);
  set('baseline-sha', outcome.baseline?.sha ?? '');
  set('comment-url', outcome.comment?.url ?? '');
  for (const [type, name] of Object.entries(DELTA_OUTPUTS)) {
    const d = outcome.deltas[type];
    set(name, d === undefined ? '' : String(d));
  }
}
