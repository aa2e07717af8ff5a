/**
 * The profile worker's script. The loader starts each worker on the file this module is bundled
 * into (PROFILE_WORKER_URL: with code splitting that is a shared chunk, not the entry file), so this
 * module, not an entry point, is what runs in the worker. It is the only module that does work when
 * loaded, and only inside a thread the loader started: there it runs the job from workerData and
 * posts the outcome, moving the summary's typed-array buffers to the parent.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runProfileJob, summaryTransferList, type ProfileJob } from './profile-job.js';

/** The workerData key that marks a heapgate profile worker. */
export const WORKER_KEY = 'heapgateProfileJob';

/** The script a profile worker runs: the file holding this module. */
export const PROFILE_WORKER_URL = new URL(import.meta.url);

/** True when this thread was started by the loader to process one profile. */
export function isProfileWorker(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && WORKER_KEY in workerData;
}

async function runProfileWorker(): Promise<void> {
  const job = (workerData as Record<string, ProfileJob>)[WORKER_KEY]!;
  const outcome = await runProfileJob(job);
  parentPort!.postMessage(outcome, outcome.ok ? summaryTransferList(outcome.summary) : []);
}

if (isProfileWorker()) void runProfileWorker();
