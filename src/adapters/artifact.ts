/**
 * ReportUploader over the Actions artifact service (@actions/artifact): the HTML report goes up as
 * a single-file artifact, not zipped, so the run's page opens it as it is. The client and its Azure
 * blob library are loaded only when a report is uploaded.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportUploader } from '../ports.js';

export interface ArtifactRun {
  /** GITHUB_SERVER_URL, e.g. https://github.com */
  readonly serverUrl: string;
  /** owner/name */
  readonly repository: string;
  readonly runId: string;
  /** Where the report is written before it is uploaded (RUNNER_TEMP). */
  readonly tempDir: string;
  /** Days the artifact is kept; undefined = the repository's default. */
  readonly retentionDays?: number;
}

/** The artifact uploader of this run; null outside Actions (no ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL). */
export function artifactUploader(env: NodeJS.ProcessEnv, run: ArtifactRun): ReportUploader | null {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) return null;
  return {
    async upload(html, name) {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const dir = await mkdtemp(join(run.tempDir, 'heapgate-artifact-'));
      try {
        // `name` is heapgate-<series>.html: a validated series, never a path from the profile.
        const file = join(dir, name);
        await writeFile(file, html);
        const retention = run.retentionDays === undefined ? {} : { retentionDays: run.retentionDays };
        const { id } = await new DefaultArtifactClient().uploadArtifact(name, [file], dir, {
          skipArchive: true,
          ...retention,
        });
        if (id === undefined) throw new Error('the artifact service returned no artifact id');
        const base = `${run.serverUrl}/${run.repository}/actions/runs/${encodeURIComponent(run.runId)}`;
        return { url: `${base}/artifacts/${id}` };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
