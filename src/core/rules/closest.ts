/**
 * "Did you mean …?": candidates ranked by how few single-character edits (insert, delete,
 * substitute; case ignored) turn the wanted text into them. With `within`, the wanted text may match
 * anywhere inside a candidate (approximate substring matching), which suits a function pattern
 * against full names such as `example.com/app/cache.(*Cache).Put`.
 */

export interface ClosestOptions {
  /** At most this many names (default 3). */
  readonly limit?: number;
  /** Match the wanted text against the best substring of each candidate, not the whole of it. */
  readonly within?: boolean;
}

/** Edit distance of `wanted` to `candidate` (whole) or to its closest substring (`within`). */
export function editDistance(wanted: string, candidate: string, within = false): number {
  const a = wanted.toLowerCase();
  const b = candidate.toLowerCase();
  // prev[j]: distance of a[0..i) to b[0..j) (or, within, to the best substring ending at j).
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => (within ? 0 : j));
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return within ? Math.min(...prev) : prev[b.length]!;
}

/**
 * Every candidate but `wanted` itself, closest first. Ties go to the candidate closer to the last
 * word of `wanted` (after its last `.` or `/`: for `main.cache`, `cache`, since a function is more
 * often misplaced in its package than misnamed), then to the shorter name, then alphabetical order.
 */
export function rankByDistance(wanted: string, candidates: Iterable<string>, within = false): string[] {
  return scored(wanted, candidates, within).map((s) => s.name);
}

/** The part of `text` after its last `.` or `/` (all of it when there is none, or nothing after). */
function lastWord(text: string): string {
  const words = text.split(/[./]/).filter((w) => w !== '');
  return words.at(-1) ?? text;
}

function scored(wanted: string, candidates: Iterable<string>, within: boolean): { name: string; d: number }[] {
  const word = lastWord(wanted);
  const out: { name: string; d: number; w: number }[] = [];
  for (const name of new Set(candidates)) {
    if (name !== wanted) out.push({ name, d: editDistance(wanted, name, within), w: editDistance(word, name, true) });
  }
  return out.sort((x, y) => x.d - y.d || x.w - y.w || x.name.length - y.name.length || (x.name < y.name ? -1 : 1));
}

/**
 * The candidates close enough to `wanted` to suggest, best first: within half of `wanted`'s length
 * (at least 2 edits). A suggestion that shares nothing with what was asked helps no one.
 */
export function closestNames(wanted: string, candidates: Iterable<string>, options: ClosestOptions = {}): string[] {
  const cutoff = Math.max(2, Math.floor(wanted.length / 2));
  return scored(wanted, candidates, options.within ?? false)
    .filter((s) => s.d <= cutoff)
    .slice(0, options.limit ?? 3)
    .map((s) => s.name);
}

/**
 * The literal text a regular expression mostly asks for, for ranking names against it: anchors,
 * quantifiers and grouping dropped, escapes undone (`^main\.cache` → `main.cache`).
 */
export function patternLiteral(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!;
      // \d, \w, \s ... stand for a class of characters, not a literal one.
      out += /[a-zA-Z]/.test(next) ? ' ' : next;
    } else if (c === '.' && /[*+]/.test(pattern[i + 1] ?? '')) {
      out += ' ';
      i++;
    } else if (!/[\^$*+?()[\]{}|]/.test(c)) {
      out += c;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
