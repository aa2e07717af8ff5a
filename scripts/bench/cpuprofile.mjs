// Summarizes V8 .cpuprofile files (written by `node --cpu-prof`): total self time per function,
// the top entries first. Every thread writes its own file; pass them all to see the whole process.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Threads waiting for work are sampled as "(idle)": not time spent, so left out of totals.
const IDLE = '(idle)';

/**
 * One function's share of the sampled time.
 * @typedef {object} SelfTime
 * @property {string} name the function's name, `(anonymous)` when it has none
 * @property {string} where file:line (1-based), empty for native code
 * @property {number} selfMs
 * @property {number} share of all sampled, non-idle time, 0–1
 */

/**
 * Maps a bundle position back to its source file (via `<bundle>.map`), cached per bundle.
 * @returns {(url: string, line: number, column: number) => string | null} `file:line` (1-based) of
 *   the 0-based position in `url`, null when no source map covers it
 */
function sourceLocator() {
  /** @type {Map<string, SourceMap | null>} */
  const maps = new Map();
  return (url, line, column) => {
    if (!url.startsWith('file:')) return null;
    const path = fileURLToPath(url);
    if (!maps.has(path))
      maps.set(path, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : null);
    const map = maps.get(path);
    // findEntry gives an empty object for a position the map does not cover.
    const entry = map?.findEntry(line, column);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return null;
    const source = entry.originalSource.startsWith('file:')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(path), entry.originalSource);
    return `${relative(process.cwd(), source)}:${entry.originalLine + 1}`;
  };
}

/**
 * Self time per function over all `files`, in ms, sorted descending: [{ name, where, selfMs, share }].
 * `where` is file:line (1-based), mapped to the TypeScript source when the bundle has a `.map` next
 * to it; share is the fraction of all sampled, non-idle time.
 * @param {readonly string[]} files
 * @param {number} [limit]
 * @returns {SelfTime[]}
 */
export function topSelfTime(files, limit = 15) {
  /** @type {Map<string, Omit<SelfTime, 'share'>>} keyed by name and where */
  const byKey = new Map();
  let totalMs = 0;
  const locate = sourceLocator();
  for (const file of files) {
    /** @type {import('node:inspector').Profiler.Profile} */
    const prof = JSON.parse(readFileSync(file, 'utf8'));
    const nodeById = new Map(prof.nodes.map((n) => [n.id, n]));
    const samples = prof.samples ?? [];
    const timeDeltas = prof.timeDeltas ?? [];
    // samples[i] was taken timeDeltas[i + 1] µs before the next one: attribute each interval to its node.
    for (const [i, id] of samples.entries()) {
      const dt = (timeDeltas[i + 1] ?? 0) / 1000;
      const node = nodeById.get(id);
      if (node === undefined) throw new Error(`${file}: sample ${i} is of node ${id}, which the profile lacks`);
      const cf = node.callFrame;
      if (cf.functionName === IDLE) continue;
      const where = cf.url
        ? (locate(cf.url, cf.lineNumber, cf.columnNumber) ?? `${cf.url.replace(/^.*\//, '')}:${cf.lineNumber + 1}`)
        : '';
      const name = cf.functionName || '(anonymous)';
      const key = `${name}\u0000${where}`;
      const entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, { name, where, selfMs: dt });
      else entry.selfMs += dt;
      totalMs += dt;
    }
  }
  return [...byKey.values()]
    .map((e) => ({ ...e, share: totalMs > 0 ? e.selfMs / totalMs : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit);
}
