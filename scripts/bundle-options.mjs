// The esbuild options of heapgate's bundles, shared by the build (scripts/build.mjs) and the
// benchmarks that bundle the sources themselves (scripts/bench.mjs).
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * The HTML report's browser script (src/core/render/*.page.js) is imported as its text, to be
 * inlined into the page, not bundled as code (jest.config.js does the same for the tests).
 * @returns {import('esbuild').Plugin}
 */
function pageScriptAsText() {
  return {
    name: 'page-script-as-text',
    setup(build) {
      build.onLoad({ filter: /\.page\.js$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8'),
        loader: 'text',
      }));
    },
  };
}

/** @type {import('esbuild').BuildOptions} */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Code splitting puts what is reached only through `import()` (the GCS client, the GitHub client)
  // into chunks of its own, so `heapgate diff` and each profile worker start without compiling them.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node24',
  legalComments: 'none',
  // The version, from package.json, in one place (src/version.ts).
  define: { HEAPGATE_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
  plugins: [pageScriptAsText()],
  // CommonJS dependencies inside an ESM bundle need a real `require`.
  banner: {
    js:
      "import { createRequire as __heapgateCreateRequire } from 'node:module'; " +
      'const require = __heapgateCreateRequire(import.meta.url);',
  },
};
