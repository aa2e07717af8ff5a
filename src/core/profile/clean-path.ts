/**
 * Go's path/filepath.Clean for slash-separated paths, which pprof applies to every function's file
 * name before it keys a node by it (graph.nodeInfo): so `a//b/../c.go` and `a/c.go` are one file.
 */

/**
 * The shortest path equal to `path` by purely lexical processing (Go's filepath.Clean on Unix):
 * repeated slashes become one, `.` elements go, `..` removes the element before it (a rooted path
 * does not climb above `/`), no trailing slash except for `/`; `.` when nothing is left.
 */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  // Fast path: most profiles' file names are clean already.
  if (!/\/\/|(^|\/)\.\.?(\/|$)|.\/$/.test(path)) return path;
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') out.push(part);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!rooted) out.push('..');
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}
