import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  metricSeries,
  noiseOfSeries
} from "./chunk-XNLCYWZF.js";
import {
  baselineMetadata,
  seriesKindConflict
} from "./chunk-V4FWG7K5.js";
import {
  UsageError
} from "./chunk-5DEWQUHK.js";

// src/core/history/series-steps.ts
var named = (m) => ({
  sha: m.sha,
  pullRequest: m.pullRequest ?? null,
  time: m.commitTime ?? m.createdAt
});
function seriesSteps(newestFirst) {
  const newest = newestFirst[0];
  if (newest === void 0) return [];
  const metadata = [...newestFirst].reverse();
  const points = metadata.map((m) => ({
    sampleType: m.sampleType,
    total: m.total,
    period: m.period,
    runs: m.runs ?? 1
  }));
  return newest.sampleType.map((type) => {
    const series = metricSeries(points, type, newest.period, newest.runs ?? 1);
    const at = (k) => metadata[series.index[k]];
    const levels = series.levels.map((l) => {
      const values = series.values.slice(l.from, l.to);
      const sd = values.length < 2 ? null : 100 * Math.sqrt(values.reduce((s, v) => s + (v - l.mean) ** 2, 0) / (values.length - 1)) / l.mean;
      let acceptedBy = null;
      let accepted = false;
      for (let k = l.from; k < l.to; k++) {
        const a = at(k).accepted;
        if (a !== void 0) {
          accepted = true;
          acceptedBy = a.by;
        }
      }
      return {
        first: named(at(l.from)),
        last: named(at(l.to - 1)),
        baselines: l.to - l.from,
        mean: l.mean,
        sdPercent: sd,
        accepted,
        acceptedBy
      };
    });
    const steps = series.levels.slice(1).map((l, j) => ({
      at: named(at(l.from)),
      percent: 100 * (l.mean / series.levels[j].mean - 1)
    }));
    const noise = noiseOfSeries(series);
    const sigma = Math.max(series.sigma, noise.kind === "calibrated" ? noise.sdPercent / 100 / Math.SQRT2 : 0);
    return { sampleType: type.type, unit: type.unit, levels, steps, sigma, calibrated: noise.kind === "calibrated" };
  });
}
var STEP_SIGMAS = 5;
function newSteps(newestFirst, minPercent) {
  const newest = newestFirst[0];
  if (newest === void 0) return [];
  return seriesSteps(newestFirst).flatMap((t) => {
    const last = t.levels[t.levels.length - 1];
    const before = t.levels[t.levels.length - 2];
    const step = t.steps[t.steps.length - 1];
    if (last === void 0 || before === void 0 || step === void 0 || !t.calibrated) return [];
    if (last.baselines !== 2 || last.last.sha !== newest.sha) return [];
    if (Math.abs(step.percent) < minPercent) return [];
    if (Math.abs(Math.log(last.mean / before.mean)) < STEP_SIGMAS * t.sigma) return [];
    return [
      {
        sampleType: t.sampleType,
        unit: t.unit,
        percent: step.percent,
        previous: before.mean,
        previousBaselines: before.baselines,
        current: last.mean,
        sha: step.at.sha,
        pullRequest: step.at.pullRequest
      }
    ];
  });
}

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
  const conflict = seriesKindConflict((await store.pointer(run.series, run.branch))?.current, summary.sampleType);
  if (conflict !== null) throw new UsageError(conflict);
  return store.put(metadata, profile);
}

export {
  seriesSteps,
  newSteps,
  runUrl,
  storeBaseline
};
