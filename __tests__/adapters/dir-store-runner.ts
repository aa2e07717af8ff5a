/**
 * Child-process runner for the directory store's concurrency test, bundled with esbuild by the
 * test: `node runner.mjs <root> <n>...` puts commit n of the test history for each n, in order,
 * and prints one JSON result per line.
 */
import { DirBaselineStore } from '../../src/adapters/dir-store.js';
import { meta, profileBytes } from './baseline-fixtures.js';

const [root, ...ns] = process.argv.slice(2);
const store = new DirBaselineStore({ root: root! });
for (const n of ns.map(Number)) {
  const r = await store.put(meta(n), profileBytes(n));
  process.stdout.write(`${JSON.stringify({ n, object: r.object, pointer: r.pointer })}\n`);
}
