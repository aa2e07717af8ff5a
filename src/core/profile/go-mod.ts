/**
 * The module path a go.mod declares (`module github.com/acme/app`), which own-code.ts takes as the
 * user's code. Pure: the text is read by the adapter (adapters/go-module.ts).
 */

/** A module path as `go mod` accepts it, in the characters that matter here, at most 300 of them. */
export const MODULE_PATH = /^[A-Za-z0-9._~/+-]{1,300}$/;

/** The `module` directive of go.mod text (quoted or not, comments left out); undefined when none is valid. */
export function goModulePath(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^module\s+(?:"([^"]*)"|(\S+))$/.exec(line);
    if (m === null) continue;
    const path = m[1] ?? m[2]!;
    return MODULE_PATH.test(path) ? path : undefined;
  }
  return undefined;
}
