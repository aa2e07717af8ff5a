import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/ports.ts
var GitHubApiError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "GitHubApiError";
  }
  status;
};

// src/core/verdict/pull-lines.ts
var MAX_GROWN_LINES = 50;
var MAX_PULL_LINES = 10;
function addedLines(patch) {
  const out = [];
  let next = 0;
  for (const line of patch.split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk !== null) {
      next = Number(hunk[1]);
      continue;
    }
    if (next === 0) continue;
    if (line.startsWith("+")) out.push(next++);
    else if (line.startsWith(" ")) next++;
  }
  return out;
}
function flaggedLines(report, limit, growthOnly) {
  if (report.ownLines === void 0) return [];
  const metrics = [
    ...report.metrics.filter((m) => m.status === "fail"),
    ...report.metrics.filter((m) => m.status === "warn")
  ].filter((m) => m.pattern === null && m.benchmark === void 0 && (!growthOnly || m.delta > 0));
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const m of metrics) {
    const grew = m.delta >= 0;
    for (const row of report.ownLines[m.sampleType] ?? []) {
      if (out.length >= limit) return out;
      if (grew ? row.flatDelta <= 0 : row.flatDelta >= 0) continue;
      if (row.file === "" || !(row.line > 0)) continue;
      const key = `${row.file}\0${row.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...row, sampleType: m.sampleType, unit: m.unit, status: m.status });
    }
  }
  return out;
}
function grownLines(report) {
  return flaggedLines(report, MAX_GROWN_LINES, true);
}
function pullLines(grown, paths, changed) {
  const inCheckout = grown.map((g) => ({ ...g, path: paths.get(g.file) })).filter((g) => g.path !== void 0);
  const hits = inCheckout.filter((g) => changed.lines.get(g.path)?.has(g.line) === true);
  const uncertain = !changed.complete || inCheckout.some((g) => changed.unknown.has(g.path));
  return { changed: hits.slice(0, MAX_PULL_LINES), grown: inCheckout.length, uncertain };
}

export {
  GitHubApiError,
  addedLines,
  flaggedLines,
  grownLines,
  pullLines
};
