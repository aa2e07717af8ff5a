// Summarizes V8 .cpuprofile files (written by `node --cpu-prof`): total self time per function,
// the top entries first. Every thread writes its own file; pass them all to see the whole process.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Threads waiting for work are sampled as "(idle)": not time spent, so left out of totals.
const IDLE = '(idle)';

/** Maps a bundle position back to its source file (via `<bundle>.map`), cached per bundle. */
function sourceLocator() {
  const maps = new Map();
  return (url, line, column) => {
    if (!url.startsWith('file:')) return null;
    const path = fileURLToPath(url);
    if (!maps.has(path))
      maps.set(path, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : null);
    const map = maps.get(path);
    const entry = map?.findEntry(line, column);
    if (!entry || !entry.originalSource) return null;
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
 */
export function topSelfTime(files, limit = 15) {
  const byKey = new Map();
  let totalMs = 0;
  const locate = sourceLocator();
  for (const file of files) {
    const prof = JSON.parse(readFileSync(file, 'utf8'));
    const nodeById = new Map(prof.nodes.map((n) => [n.id, n]));
    // samples[i] was taken timeDeltas[i + 1] µs before the next one: attribute each interval to its node.
    for (let i = 0; i < prof.samples.length; i++) {
      const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
      const node = nodeById.get(prof.samples[i]);
      const cf = node.callFrame;
      if (cf.functionName === IDLE) continue;
      const where = cf.url
        ? (locate(cf.url, cf.lineNumber, cf.columnNumber) ?? `${cf.url.replace(/^.*\//, '')}:${cf.lineNumber + 1}`)
        : '';
      const key = `${cf.functionName || '(anonymous)'}\u0000${where}`;
      byKey.set(key, (byKey.get(key) ?? 0) + dt);
      totalMs += dt;
    }
  }
  return [...byKey]
    .map(([key, selfMs]) => {
      const [name, where] = key.split('\u0000');
      return { name, where, selfMs, share: totalMs > 0 ? selfMs / totalMs : 0 };
    })
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit);
}
