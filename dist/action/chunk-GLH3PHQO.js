import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  compareNewer
} from "./chunk-YRTTGXMW.js";

// src/core/history/retention.ts
var DEFAULT_KEEP_PROFILES = 20;
function profilesToDrop(present, keep, current) {
  const newestFirst = [...present].sort(
    (a, b) => compareNewer(b, a) || Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.sha < b.sha ? -1 : 1)
  );
  const kept = new Set(newestFirst.slice(0, Math.max(1, keep)).map((m) => m.sha));
  if (current !== void 0 && !kept.has(current) && present.some((m) => m.sha === current)) {
    const oldestKept = newestFirst.slice(0, Math.max(1, keep)).at(-1);
    if (oldestKept !== void 0 && keep >= 1) kept.delete(oldestKept.sha);
    kept.add(current);
  }
  return newestFirst.filter((m) => !kept.has(m.sha)).map((m) => m.sha);
}

export {
  DEFAULT_KEEP_PROFILES,
  profilesToDrop
};
