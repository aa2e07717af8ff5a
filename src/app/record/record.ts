/**
 * `mode: record`, the first half of the fork-safe flow: in a pull_request run with no secrets and a
 * read-only token, check that the profile decodes, then leave it and a manifest of the run in the
 * record directory for the workflow to upload as an artifact. No store, no GitHub API.
 */
import { gunzipProfile } from '../../core/profile/decode/index.js';
import { UsageError } from '../../core/errors.js';
import {
  parseManifest,
  recordLimits,
  recordedProfilePath,
  renderManifest,
  type RecordManifest,
} from '../../core/history/record.js';
import type { Logger, RecordDirectory, SummaryLoader } from '../../ports.js';
import { withContext } from '../error-context.js';

/** The run being recorded, as its event tells it. */
export interface RecordedRun {
  readonly event: string;
  /** The commit built: a pull request's head, else GITHUB_SHA. */
  readonly sha: string;
  readonly pullRequest: number | null;
  readonly runId: string | null;
}

export interface RecordPorts {
  readonly load: SummaryLoader;
  readonly record: RecordDirectory;
  readonly log: Logger;
}

/**
 * Decodes `profile` in full (with the same caps a report run applies, so a record it would refuse
 * fails here, in the run that made it), then writes the profile as it is and its manifest.
 * Rejects with a UsageError or DecodeError naming the profile.
 */
export async function recordProfile(
  config: { readonly series: string; readonly profile: string; readonly maxProfileBytes: number },
  run: RecordedRun,
  profile: Uint8Array,
  ports: RecordPorts,
): Promise<RecordManifest> {
  const label = config.profile;
  const limits = recordLimits(config.maxProfileBytes);
  if (profile.length > limits.file)
    throw new UsageError(`input profile: ${label} has ${profile.length} bytes, more than a record's ${limits.file}`);
  let inner: Uint8Array;
  try {
    inner = gunzipProfile(profile, limits.decompressed);
  } catch (e) {
    throw withContext(e, `decoding current profile ${label}: `);
  }
  await ports.load([{ role: 'current', label, bytes: inner }], []);
  const text = renderManifest({
    series: config.series,
    profile: { path: recordedProfilePath(config.profile), bytes: profile.length },
    run,
  });
  // Checked as a report run will check it: what this run writes must pass the same schema.
  const manifest = parseManifest(text);
  await ports.record.write(config.series, { manifest: text, profile });
  ports.log.info(`heapgate ${config.series}: recorded ${label} in ${ports.record.location}`);
  return manifest;
}
