/**
 * Loads profiles in parallel: one worker thread per profile, each doing read → decode → summarize
 * and posting the ProfileSummary back (typed-array buffers transferred, not copied).
 *
 * A worker runs the bundled file that holds profile-worker.ts (see there), so the bundles need no
 * separate worker script.
 *
 * Where threads run is decided explicitly:
 * - `inline` when this module is not running from a JavaScript bundle (TypeScript sources under
 *   jest, where `import.meta.url` is a `.ts` file a worker cannot load): profiles are decoded in the
 *   calling thread, one after the other;
 * - `auto` from a bundle: a worker per profile when every profile holds at least `minWorkerBytes`
 *   of protobuf (starting a worker, which loads the whole bundle again, costs more than decoding a
 *   small profile), in-thread otherwise;
 * - `worker` always uses workers (tests, benchmarks).
 */
import { Worker } from 'node:worker_threads';
import type { ProfileSummary } from '../core/profile/aggregate.js';
import { DEFAULT_MAX_PROFILE_BYTES } from '../core/profile/decode/index.js';
import { ExitCode } from '../core/errors.js';
import type { ProfileSource, SummaryLoader } from '../ports.js';
import { decodedSizeOf } from './profile-size.js';
import { jobError, runProfileJob, type JobOutcome, type ProfileJob } from './profile-job.js';
import { PROFILE_WORKER_URL, WORKER_KEY } from './profile-worker.js';

export type LoadMode = 'worker' | 'inline' | 'auto';

/**
 * In `auto` mode, profiles with less protobuf than this (after gunzip, see profile-size.ts) are
 * decoded in-thread. Measured with samples summed while decoding, on 2 cores shared with other work
 * (synthetic pairs with 160k locations; `diff` wall time, workers vs one after the other): 6.4 MB
 * per profile 1.22 vs 1.09 s, 8.2 MB 1.36 vs 1.31 s, 9.75 MB 1.27 vs 1.55 s, 12.8 MB 2.15 vs 2.31 s,
 * 37.6 MB 3.3 vs 4.6 s. They break even between 8.2 and 9.75 MB per profile; each worker costs its
 * start-up (~0.1 s) and 25-45 MiB of peak memory.
 */
export const MIN_WORKER_BYTES = 9 * 1024 * 1024;

export interface ProfileLoaderOptions {
  /** Default: defaultLoadMode(). */
  readonly mode?: LoadMode;
  /** The script a worker runs; default: the bundled file holding profile-worker.ts. */
  readonly workerUrl?: URL;
  /** For `auto`; default MIN_WORKER_BYTES. */
  readonly minWorkerBytes?: number;
  /** The largest profile read, as a file and decompressed (`--max-profile-size`); default DEFAULT_MAX_PROFILE_BYTES. */
  readonly maxProfileBytes?: number;
}

/**
 * `auto` when this module was loaded from a `.js`/`.mjs` file (the bundle, which can be run as a
 * worker); `inline` otherwise (e.g. TypeScript sources run by ts-jest).
 */
export function defaultLoadMode(): LoadMode {
  return /\.m?js$/.test(new URL(import.meta.url).pathname) ? 'auto' : 'inline';
}

/**
 * Whether `auto` uses workers for profiles of these sizes: only when every one is at least
 * `minWorkerBytes`, because running in parallel saves the smaller profile's decoding time and costs
 * a worker start-up. A single profile never gets a worker.
 */
export function workersPayOff(sizes: readonly number[], minWorkerBytes: number = MIN_WORKER_BYTES): boolean {
  return sizes.length > 1 && sizes.every((size) => size >= minWorkerBytes);
}

/**
 * A SummaryLoader: all sources are loaded concurrently (in worker mode, each on its own thread).
 * If several fail, the first source's error wins, so messages do not depend on timing.
 */
export function createProfileLoader(options: ProfileLoaderOptions = {}): SummaryLoader {
  const mode = options.mode ?? defaultLoadMode();
  const url = options.workerUrl ?? PROFILE_WORKER_URL;
  const maxBytes = options.maxProfileBytes ?? DEFAULT_MAX_PROFILE_BYTES;
  return async (sources, focus, request = {}) => {
    const useWorkers =
      mode === 'worker' ||
      (mode === 'auto' && workersPayOff(await Promise.all(sources.map(decodedSizeOf)), options.minWorkerBytes));
    const run = (source: ProfileSource): Promise<JobOutcome> => {
      const job: ProfileJob = {
        source,
        focus: [...focus],
        maxBytes,
        tree: request.tree === true,
        ...(request.ownCode === undefined ? {} : { ownCode: request.ownCode }),
        lines: request.lines === true,
      };
      return useWorkers ? runInWorker(url, job) : runProfileJob(job);
    };
    const outcomes = await Promise.all(sources.map(run));
    const summaries: ProfileSummary[] = [];
    outcomes.forEach((outcome, i) => {
      if (!outcome.ok) throw jobError(sources[i]!, outcome);
      summaries.push(outcome.summary);
    });
    return summaries;
  };
}

function runInWorker(url: URL, job: ProfileJob): Promise<JobOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: JobOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const internal = (message: string): JobOutcome => ({
      ok: false,
      step: 'decoding',
      name: 'Error',
      message,
      exitCode: ExitCode.internal,
      internal: true,
    });
    const worker = new Worker(url, { workerData: { [WORKER_KEY]: job } });
    // Settled when the thread has exited, not when it reports: its heap is then freed before the
    // caller goes on to diff and render, rather than while it does.
    let reported: JobOutcome | undefined;
    worker.once('message', (outcome: JobOutcome) => (reported = outcome));
    worker.once('error', (e: Error) => settle(internal(`worker failed: ${e.message.split('\n', 1)[0]}`)));
    worker.once('exit', (code) => settle(reported ?? internal(`worker exited with code ${code} before reporting`)));
  });
}
