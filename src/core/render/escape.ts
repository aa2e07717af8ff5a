/**
 * Escapers for strings that come from profiles, file names, branch names or rules: all untrusted.
 * A function name can hold `|`, backticks, `*`, `_`, `<script>`, `@mentions` or newlines; none of
 * them may change the structure of a Markdown table, inject HTML, ping a user, or move a terminal's
 * cursor.
 */

// C0 controls, DEL and C1 controls (ESC starts terminal escape sequences; CR/LF break tables).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Characters that reorder or hide text (bidi overrides and isolates, line/paragraph separators).
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function hex(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

function unicode(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A string made safe to print on a terminal: control characters (ESC, CR, LF, BEL, ...) and
 * bidi overrides are shown as `\xNN` / `\uNNNN` escapes instead of being interpreted.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, hex).replace(INVISIBLE, unicode);
}

/**
 * A Markdown inline code span showing `text` literally, safe inside a GFM table cell:
 * - the fence is one backtick longer than the longest backtick run in the text, padded with a
 *   space when the text starts or ends with a backtick or space (CommonMark strips one of each);
 * - inside a table cell (`inTable`), `|` is written `\|`, which GFM removes there even within code
 *   spans; outside tables a backslash would show, so `|` is left alone;
 * - control characters (newlines included) and bidi overrides become visible `\xNN` escapes.
 * Inside a code span no HTML, emphasis, link, autolink or @mention is interpreted.
 * An empty string becomes an empty-looking but valid span.
 */
export function markdownCode(text: string, inTable: boolean): string {
  let safe = terminalSafe(text);
  if (inTable) safe = safe.replace(/\|/g, '\\|');
  // CommonMark keeps a span of spaces only as it is; "` `" shows one space.
  if (/^ *$/.test(safe)) return safe === '' ? '` `' : `\`${safe}\``;
  let longest = 0;
  for (const run of safe.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(safe) ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/**
 * Plain Markdown text that renders as `text` and nothing else: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows this for all of them), `<`, `>` and `&` become entities, `@`
 * is followed by a zero-width joiner so no one is mentioned, and control characters become visible
 * escapes. Safe in a table cell.
 */
export function markdownText(text: string): string {
  return terminalSafe(text).replace(/[!-/:-@[-`{-~]/g, (c) => {
    switch (c) {
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '&':
        return '&amp;';
      case '@':
        return '@\u200d';
      default:
        return `\\${c}`;
    }
  });
}

/** Cuts `text` to at most `max` characters (code units), marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not split a surrogate pair.
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Text as HTML character data or a quoted attribute value: `& < > " '` become character references. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A value as JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&` become \u
 * escapes, so no string in it can close the element (`</script>`) or open a comment (`<!--`);
 * U+2028 and U+2029 too, which some JavaScript parsers take for line ends. JSON.parse reads it back
 * unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
