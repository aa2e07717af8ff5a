/**
 * Node prints a process warning as two lines on stderr ("(node:PID) Name: message" and a hint to
 * use --trace-warnings). heapgate keeps its own output to one line per problem, so the entry
 * points replace that printer: each warning becomes one line through `write`, and the Cloud
 * Storage client's metadata-server probe (MetadataLookupWarning, raised on every run without
 * credentials off Google Cloud) is dropped: the store error that follows already says what is
 * missing and how to provide it.
 */
const REDUNDANT = new Set(['MetadataLookupWarning']);

/** Replaces Node's default warning printer with `write(line)`. Call once, from an entry point's run(). */
export function printWarningsAs(write: (line: string) => void): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error) => {
    if (REDUNDANT.has(warning.name)) return;
    write(`${warning.name}: ${warning.message.split('\n', 1)[0]}`);
  });
}
