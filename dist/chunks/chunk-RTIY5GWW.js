import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  baselineMetadata
} from "./chunk-JDVDMB3A.js";

// src/app/store-baseline.ts
function runUrl(serverUrl, repository, runId) {
  return `${serverUrl}/${repository}/actions/runs/${runId}`;
}
async function storeBaseline(store, run, summary, profile) {
  const metadata = baselineMetadata(
    {
      series: run.series,
      branch: run.branch,
      sha: run.sha,
      createdAt: run.createdAt,
      ...run.commitTime !== void 0 ? { commitTime: run.commitTime } : {},
      ...run.runId !== void 0 ? { runId: run.runId } : {},
      ...run.runUrl !== void 0 ? { runUrl: run.runUrl } : {},
      ...run.pullRequest !== void 0 ? { pullRequest: run.pullRequest } : {},
      ...run.accepted !== void 0 ? { accepted: run.accepted } : {}
    },
    summary,
    profile.length
  );
  return store.put(metadata, profile);
}

export {
  runUrl,
  storeBaseline
};
