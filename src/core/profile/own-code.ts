/**
 * Which frames are the user's own code, so that a report names the user's function rather than the
 * library leaf that did the allocating (pprof's flat goes to the leaf: strings.(*Builder).grow,
 * container/list.(*List).insertValue). Decided per function by its name and file:
 *
 * - `pattern` (the `--own-code` option, a regex on function names) decides alone when given;
 * - a JavaScript frame (a `file://` URL or a path ending .js/.mjs/.cjs/.ts) is own unless it is in
 *   `node_modules` or one of node's `node:` internals, and, when `workspace` is known, only under it;
 * - a Go frame is own when its package is `main` or in one of `modules` (the `module` line of the
 *   workspace's go.mod); with no module known, any package whose path's first element has a dot
 *   (`github.com/…`, `example.com/…`). Never a file of the module cache (`/pkg/mod/`, a `@v1.2.3`
 *   version in a -trimpath path), of a `vendor/` directory, or of GOROOT (standard packages have
 *   no dot: `strings`, `runtime`).
 *
 * Other producers (JFR, .NET) need `pattern`. Pure: the spec is data, compiled here.
 */
import { compileNamePattern } from './name-pattern.js';
import { RuleError } from '../errors.js';
import { filePath } from './source-path.js';

/** What decides own code; every field optional (see the file comment). */
export interface OwnCodeSpec {
  /** A regex source on function names (unanchored); overrides the rest. */
  readonly pattern?: string;
  /** Go module paths whose packages are own (go.mod `module` lines). */
  readonly modules?: readonly string[];
  /** The checkout's absolute path: JavaScript files outside it are not own. */
  readonly workspace?: string;
  /** Also sum the own frames' source lines (for annotations; costs a map entry per line). */
  readonly lines?: boolean;
}

/** Decides whether a function (name, file) is own code. */
export type OwnCodePredicate = (name: string, filename: string) => boolean;

const JS_FILE = /^file:\/\/|\.(?:[cm]?js|ts)$/;
/** The module cache: GOPATH's pkg/mod, or a -trimpath path with a module version (`x.org/y@v1.2.3/`). */
const MODULE_CACHE = /\/pkg\/mod\/|@v\d|(?:^|\/)vendor\//;

/**
 * The Go package path of a function name: `github.com/acme/app/cache.(*Cache).Put` →
 * `github.com/acme/app/cache`, `main.run.func1` → `main`. Type parameters (`F[...]`) are left out
 * first, as they may hold other packages' paths.
 */
export function goPackage(name: string): string {
  const bracket = name.indexOf('[');
  const plain = bracket < 0 ? name : name.slice(0, bracket);
  const slash = plain.lastIndexOf('/');
  const dot = plain.indexOf('.', slash + 1);
  const pkg = dot < 0 ? plain : plain.slice(0, dot);
  // A dot in the last element is escaped in symbol names (gopkg.in/yaml%2ev3): unescape %xx.
  return pkg.includes('%')
    ? pkg.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : pkg;
}

function ownGo(name: string, filename: string, modules: readonly string[]): boolean {
  if (MODULE_CACHE.test(filename)) return false;
  const pkg = goPackage(name);
  if (pkg === 'main') return true;
  if (modules.length > 0) return modules.some((m) => pkg === m || pkg.startsWith(`${m}/`));
  const first = pkg.split('/')[0]!;
  return pkg.includes('/') && first.includes('.');
}

function ownJs(filename: string, workspace: string | undefined): boolean {
  if (filename.startsWith('node:')) return false;
  const path = filePath(filename);
  if (path === null || path.includes('/node_modules/')) return false;
  if (workspace === undefined || workspace === '') return true;
  const root = workspace.endsWith('/') ? workspace : `${workspace}/`;
  return path.startsWith(root);
}

/** What is wrong with an own-code pattern (too long, not valid, not linear-time), or undefined when it compiles. */
export function ownCodePatternProblem(pattern: string): string | undefined {
  try {
    compileNamePattern(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The predicate of a spec. Throws RuleError when `pattern` does not compile (naming it). */
export function compileOwnCode(spec: OwnCodeSpec): OwnCodePredicate {
  if (spec.pattern !== undefined && spec.pattern !== '') {
    let re: RegExp;
    try {
      re = compileNamePattern(spec.pattern);
    } catch (e) {
      throw new RuleError(`own-code: ${(e as Error).message}`);
    }
    return (name) => re.test(name);
  }
  const modules = spec.modules ?? [];
  return (name, filename) =>
    JS_FILE.test(filename) ? ownJs(filename, spec.workspace) : ownGo(name, filename, modules);
}
