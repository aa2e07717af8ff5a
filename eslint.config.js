// ESLint (flat config): typescript-eslint's type-checked rules for the TypeScript sources and tests,
// the recommended rules for the scripts; formatting is Prettier's (.prettierrc.json), so the rules
// that would fight it are off (eslint-config-prettier).
import eslint from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** I/O that a pure layer must not reach for: files, processes, the network, threads, the GitHub and GCS clients. */
const IO_MODULES = [
  'node:fs',
  'node:fs/*',
  'node:child_process',
  'node:net',
  'node:http',
  'node:https',
  'node:worker_threads',
];

/**
 * A config forbidding `files` to import the named src/ folders (or ports.ts), and, when `pure`, any I/O module.
 * @param {string} files a glob
 * @param {string[]} forbidden folder names under src/, or 'ports'
 * @param {boolean} pure
 * @returns {import('typescript-eslint').ConfigWithExtends}
 */
function layer(files, forbidden, pure) {
  const patterns = [
    {
      group: forbidden.map((name) => (name === 'ports' ? '**/ports.js' : `**/${name}/**`)),
      message: `this layer does not import ${forbidden.join(', ')} (see STYLE.md)`,
    },
  ];
  if (pure)
    patterns.push({ group: [...IO_MODULES, '@actions/*', '@google-cloud/*'], message: 'this layer does no I/O' });
  return { files: [files], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

/** What core/ never imports: the layers above it. */
const ABOVE_CORE = ['app', 'adapters', 'action', 'cli', 'ports'];

/**
 * The folders of src/core from the bottom up: each imports only the folders before it (and the
 * files at core/'s top level, errors.ts and error-text.ts, import none of them). README "Layout".
 */
export const CORE_FOLDERS = ['profile', 'stats', 'rules', 'compare', 'bench', 'verdict', 'history', 'render'];

/** One layer config per core folder, and one for core/'s top-level files. */
function coreLayers() {
  return [
    layer('src/core/*.ts', [...ABOVE_CORE, ...CORE_FOLDERS], true),
    ...CORE_FOLDERS.map((folder, i) =>
      layer(`src/core/${folder}/**/*.{ts,js}`, [...ABOVE_CORE, ...CORE_FOLDERS.slice(i + 1)], true),
    ),
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/out/', '.tools/', 'coverage/', '__tests__/fixtures/'] },
  eslint.configs.recommended,
  // An eslint-disable comment must still be needed, so each one that is left says something true.
  { languageOptions: { globals: globals.node }, linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_` names a value that is there only to be skipped (a loop counting code points, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The HTML report's browser script: a classic script run by the page, not a module of the CLI.
    files: ['src/**/*.page.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  // The layers (STYLE.md): core/ is pure and imports only core/; app/ reaches the world only through
  // ports.ts; adapters translate and never import the use cases or the doors.
  ...coreLayers(),
  layer('src/app/**/*.ts', ['adapters', 'action', 'cli'], true),
  layer('src/adapters/**/*.ts', ['app', 'action', 'cli'], false),
  {
    // Tests implement async ports with plain in-memory code (async without await is the point) and
    // read JSON documents (reports, API bodies) whose shape the assertions themselves check.
    files: ['__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  prettier,
  {
    // Prettier wraps code at 120 columns but leaves long strings and comments alone: those are
    // wrapped by hand, so every line reads without scrolling.
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': [
        'error',
        // A test's title is one sentence, and a regex literal cannot be split.
        {
          code: 120,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          ignorePattern: String.raw`^\s*(test|it|describe|testWithGo|describeWithGo)(\.each)?\(`,
        },
      ],
    },
  },
);
