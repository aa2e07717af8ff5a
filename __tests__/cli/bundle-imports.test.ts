/**
 * `heapgate diff` must not load GitHub or cloud-storage code: everything the CLI entry and the
 * diff command reach through static imports is bundled eagerly, so none of it may come from
 * @actions/* or @google-cloud/*. Commands that need those packages are loaded with import(),
 * which this check treats as a boundary (esbuild turns it into a lazily initialized module).
 */
import { readFileSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';
import { ROOT } from '../helpers/dist.js';

const lazyBoundary: Plugin = {
  name: 'dynamic-imports-are-lazy',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** The HTML report's browser script is text to the bundle, as in scripts/bundle-options.mjs. */
const pageScriptAsText: Plugin = {
  name: 'page-script-as-text',
  setup(b) {
    b.onLoad({ filter: /\.page\.js$/ }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

async function eagerInputs(entry: string, plugins: Plugin[]): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [pageScriptAsText, ...plugins],
  });
  return Object.keys(result.metafile.inputs);
}

const FORBIDDEN = /node_modules\/(@actions|@google-cloud|@octokit|gaxios|google-auth-library)\//;

test('the CLI entry and the diff command reach no GitHub or cloud-storage code', async () => {
  const entry = await eagerInputs('src/cli/index.ts', [lazyBoundary]);
  expect(entry).toContain('src/cli/main.ts');
  // Commands sit behind import(): the boundary holds, so the table never loads a command eagerly.
  expect(entry).not.toContain('src/cli/commands/diff.ts');
  expect(entry.filter((i) => FORBIDDEN.test(i))).toEqual([]);

  const diff = await eagerInputs('src/cli/commands/diff.ts', [lazyBoundary]);
  expect(diff).toEqual(
    expect.arrayContaining([
      'src/app/compare.ts',
      'src/adapters/profile-loader.ts',
      'src/core/profile/decode/index.ts',
    ]),
  );
  expect(diff.filter((i) => FORBIDDEN.test(i))).toEqual([]);
});

test('the check can fail: a module that imports @actions/core statically is caught', async () => {
  const inputs = await eagerInputs('node_modules/@actions/core/lib/core.js', [lazyBoundary]);
  expect(inputs.filter((i) => FORBIDDEN.test(i)).length).toBeGreaterThan(0);
});
