/**
 * The user's Go module, read from the go.mod of a directory (the CLI's working directory, the
 * Action's workspace): what the reports take as own code. A missing or unreadable go.mod is no
 * error: the own-code rules then fall back to their guess (profile/own-code.ts).
 */
import { join } from 'node:path';
import { goModulePath } from '../core/profile/go-mod.js';
import type { OwnCodeSpec } from '../core/profile/own-code.js';
import { readBounded } from './bounded-read.js';

/** A go.mod is a few KiB; anything over this is not one worth reading. */
const MAX_GO_MOD_BYTES = 1 << 20;

/** The module path of `dir/go.mod`, or undefined when there is none (or it declares none). */
export async function readGoModule(dir: string): Promise<string | undefined> {
  try {
    const read = await readBounded(join(dir, 'go.mod'), MAX_GO_MOD_BYTES);
    return read.ok ? goModulePath(read.bytes.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What is own code for a run in `workspace`: `pattern` when given (it decides alone), else the Go
 * module `module` or, without it, the one `workspace`/go.mod declares. `lines`: sum own lines too.
 */
export async function ownCodeIn(
  workspace: string,
  given: { readonly pattern?: string | undefined; readonly module?: string | undefined; readonly lines?: boolean },
): Promise<OwnCodeSpec> {
  const lines = given.lines === true ? { lines: true } : {};
  if (given.pattern !== undefined) return { pattern: given.pattern, workspace, ...lines };
  const module = given.module ?? (await readGoModule(workspace));
  return { ...(module === undefined ? {} : { modules: [module] }), workspace, ...lines };
}
