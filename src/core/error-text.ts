/** How heapgate turns error messages into the one line it prints. Pure. */

/** The first line of an error's message (or of the value, stringified, when it is not an Error). */
export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n', 1)[0] ?? '';
}

/** `message` on one line: every run of control characters (newlines, ESC, ...) becomes one space. */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
