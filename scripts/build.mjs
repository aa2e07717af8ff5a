// Bundles the two entry points into ESM files in dist/ that need no node_modules at run time
// (options in bundle-options.mjs), as two builds that share no chunk:
//   dist/cli.js + dist/chunks/     the CLI: the npm package ships these (package.json "files")
//   dist/index.js + dist/action/   the Action (action.yml runs dist/index.js); never packed, so the
//                                  artifact upload client and the rest of the Action's code stay out
//                                  of the package
// Chunk names carry content hashes; keeping each door's chunks in its own directory is what lets
// "files" name the CLI's set without listing them.
// `--check` builds into a temporary directory and fails when the committed dist/ differs.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BUNDLE_OPTIONS } from './bundle-options.mjs';

const check = process.argv.includes('--check');
// Always build into a fresh directory: chunk names carry content hashes, so building over the old
// dist/ would leave stale chunks behind. A normal build then swaps the new directory in.
const outdir = mkdtempSync(join(check ? tmpdir() : '.', check ? 'heapgate-dist-' : '.dist-'));

await build({ ...BUNDLE_OPTIONS, entryPoints: { cli: 'src/cli/index.ts' }, outdir });
await build({
  ...BUNDLE_OPTIONS,
  entryPoints: { index: 'src/action/index.ts' },
  outdir,
  chunkNames: 'action/[name]-[hash]',
});

/**
 * Paths of all files below `dir`, relative to it.
 * @param {string} dir
 * @returns {string[]}
 */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

if (!check) {
  chmodSync(outdir, 0o755);
  chmodSync(join(outdir, 'cli.js'), 0o755);
  const old = existsSync('dist') ? mkdtempSync('.dist-old-') : undefined;
  if (old) renameSync('dist', join(old, 'dist'));
  renameSync(outdir, 'dist');
  if (old) rmSync(old, { recursive: true, force: true });
} else {
  const stale = [];
  const built = listFiles(outdir);
  const committed = existsSync('dist') ? listFiles('dist') : [];
  for (const name of new Set([...built, ...committed])) {
    const a = join('dist', name);
    const b = join(outdir, name);
    if (!existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b))) stale.push(a);
  }
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(', ')}): run \`npm run bundle\` and commit dist/`);
    process.exit(1);
  }
  console.log('dist/ is up to date');
}
