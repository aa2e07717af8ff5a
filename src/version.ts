/** The bundler replaces this name with package.json's version (scripts/bundle-options.mjs `define`). */
declare const HEAPGATE_VERSION: string | undefined;

/** heapgate's version, from package.json at build time; `dev` when the sources run unbundled (tests). */
export const VERSION: string = typeof HEAPGATE_VERSION === 'string' ? HEAPGATE_VERSION : 'dev';
