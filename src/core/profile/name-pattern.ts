/**
 * Regular expressions over function and benchmark names (function rules' `for <regex>:`, focus),
 * compiled for V8's linear-time engine: matching takes time proportional to the name whatever the
 * pattern, so no pattern can stall the gate (`(a+)+$` against `aaaa…!` backtracks exponentially in
 * the ordinary engine). The engine is switched on by the doors (adapters/linear-regexp.ts); it
 * takes the syntax of JavaScript regular expressions without back-references, lookarounds and large
 * counted repetitions — close to Go's regexp, which pprof's -focus uses, and which has none of
 * those either.
 */

/** A pattern longer than this is refused: no name rule needs it, and the engine's size limit is far. */
export const MAX_PATTERN_CHARS = 1000;

/** How much of a refused pattern a message shows. */
const SHOWN_CHARS = 80;

/** `/pattern/` for messages, cut to SHOWN_CHARS characters with the length said. */
export function shownPattern(pattern: string): string {
  if (pattern.length <= SHOWN_CHARS) return `/${pattern}/`;
  return `/${pattern.slice(0, SHOWN_CHARS)}…/ (${pattern.length} characters, cut)`;
}

let linear = false;

/** 'l' when this process runs V8's linear-time engine, else '' (the ordinary engine). */
export function linearRegExpFlag(): string {
  if (!linear) {
    try {
      // The flag exists only while the engine is on (a literal 'l' would be a lint error).
      const flag = 'l';
      new RegExp('', flag);
      linear = true;
    } catch {
      return '';
    }
  }
  return 'l';
}

/**
 * `pattern` compiled (unanchored), in linear time where the engine is on. Throws a plain Error whose
 * message says what is wrong, with the pattern cut (the caller names the rule): too long, not
 * valid, or a construct that cannot run in linear time.
 */
export function compileNamePattern(pattern: string): RegExp {
  if (pattern.length > MAX_PATTERN_CHARS) {
    throw new Error(`regular expression ${shownPattern(pattern)} is longer than ${MAX_PATTERN_CHARS} characters`);
  }
  let re: RegExp;
  try {
    re = new RegExp(pattern, linearRegExpFlag());
    // V8 compiles on first use, per kind of string: an expression too large to compile fails here.
    re.test('');
    re.test('\u0100');
  } catch (e) {
    const message = (e as Error).message;
    const why = /Cannot be executed in linear time/.test(message)
      ? 'uses a back-reference, a lookaround or a large counted repetition, which cannot be matched in linear time'
      : (/: ([^:]+)$/.exec(message)?.[1] ?? 'does not compile');
    throw new Error(`invalid regular expression ${shownPattern(pattern)}: ${why}`, { cause: e });
  }
  return re;
}
