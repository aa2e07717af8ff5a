/** Jest in ESM mode (the @actions packages are ESM-only); ts-jest transpiles without type-checking,
 * `npm run typecheck` does that once for the whole tree. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }],
    // The HTML report's browser script is imported as text, as the build does (scripts/bundle-options.mjs).
    '\\.page\\.js$': '<rootDir>/__tests__/helpers/text-transform.cjs',
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // Name patterns run in V8's linear-time engine, as in the doors (src/adapters/linear-regexp.ts).
  setupFiles: ['<rootDir>/__tests__/helpers/linear-regexp-setup.ts'],
  testTimeout: 60000,
};
