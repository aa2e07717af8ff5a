/**
 * Function names are untrusted and unbounded (one 100 MiB name fits in a 101 KB gzipped profile):
 * a name longer than MAX_NAME_CHARS is cut where the profile is summarized, so every report, the
 * flame graph and the stored summaries stay bounded. The cut keeps the first KEPT_CHARS characters
 * and a hash of the whole name, so two long names that share a beginning stay two rows.
 */

/** Names up to this many characters (UTF-16 code units) are kept whole. */
export const MAX_NAME_CHARS = 4096;

/** Of a longer name, this many characters stay, then the marker. */
const KEPT_CHARS = 4000;

/** 32-bit FNV-1a of the name's code units, as 8 hex digits: cheap, stable, enough to tell names apart. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `name` itself, or its first KEPT_CHARS characters and `…[cut: N characters, #hash]`. */
export function capName(name: string): string {
  if (name.length <= MAX_NAME_CHARS) return name;
  return `${name.slice(0, KEPT_CHARS)}…[cut: ${name.length} characters, #${fnv1a(name)}]`;
}

/** The report's sentence about names cut in a profile; null when none was. */
export function cutNamesWarning(side: string, count: number | undefined): string | null {
  if (count === undefined || count === 0) return null;
  return (
    `the ${side} profile has ${count} function name${count === 1 ? '' : 's'} longer than ${MAX_NAME_CHARS} ` +
    `characters, cut to their first ${KEPT_CHARS} (and a hash) in every report`
  );
}
