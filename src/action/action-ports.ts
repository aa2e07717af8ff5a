/** The real ports the Action runs its use cases with: the store, profile workers, GitHub, the summary, the log. */
import * as core from '@actions/core';
import { createProfileLoader } from '../adapters/profile-loader.js';
import type { GatePorts } from '../app/gate/run.js';
import type { Logger } from '../ports.js';

/** Log lines and annotations as workflow commands. */
export const actionLog: Logger = {
  info: (m) => core.info(m),
  warning: (m, p) => core.warning(m, p ?? {}),
  error: (m, p) => core.error(m, p ?? {}),
};

/** The gate's ports; GitHub's only with a token. */
export async function gatePorts(
  token: string | null,
  repository: string,
  store: GatePorts['store'],
): Promise<GatePorts> {
  // Loaded only when needed: a profile worker runs this same bundle and never needs the client.
  const github =
    token === null ? null : (await import('../adapters/github.js')).createGitHubPorts({ token, repository });
  return {
    store,
    load: createProfileLoader(),
    comments: github?.comments ?? null,
    pulls: github?.pulls ?? null,
    summary: { append: async (markdown) => void (await core.summary.addRaw(markdown, true).write()) },
    clock: { now: () => new Date() },
    log: actionLog,
  };
}
