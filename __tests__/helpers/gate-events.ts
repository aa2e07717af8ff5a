/** The gate's plan config, events and pull request shared by the gate tests. */
import type { GateEvent, PlanConfig } from '../../src/app/gate/plan.js';
import { sha } from './memory-ports.js';

export const PLAN: PlanConfig = {
  mode: 'auto',
  baseBranch: null,
  updateBaseline: 'always',
  failOnRegression: true,
  baselineSha: null,
};

export function event(overrides: Partial<GateEvent> = {}): GateEvent {
  return {
    name: 'push',
    repository: 'o/r',
    serverUrl: 'https://github.com',
    sha: sha('c'),
    branch: 'main',
    defaultBranch: 'main',
    runId: '9',
    commitTime: null,
    pullRequest: null,
    ...overrides,
  };
}

export const PR = {
  number: 3,
  baseRef: 'main',
  baseSha: sha('b'),
  headSha: sha('d'),
  headRef: 'feature',
  labels: [] as string[],
  labelEvent: null,
};
