// Bundles the two entry points into self-contained ESM files in dist/ (no node_modules needed at run time).
// `--check` builds into a temporary directory and fails when the committed dist/ differs.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'heapgate-dist-')) : 'dist';
const entries = { index: 'src/action/index.ts', cli: 'src/cli/index.ts' };

await build({
  entryPoints: entries,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies inside an ESM bundle need a real `require`.
  banner: {
    js: "import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);",
  },
});

if (check) {
  const stale = [];
  for (const name of readdirSync(outdir)) {
    const committed = join('dist', name);
    if (!existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(outdir, name)))) stale.push(committed);
  }
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(', ')}): run \`npm run build\` and commit dist/`);
    process.exit(1);
  }
  console.log('dist/ is up to date');
}
