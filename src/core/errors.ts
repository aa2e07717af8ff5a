/**
 * Typed errors. Each carries a one-line message without the file or step; the entry point that
 * catches it prefixes the context ("decoding current profile heap.pb.gz: ") and maps it to an
 * exit code. Nothing here prints a stack trace.
 */

/** Process exit codes shared by the CLI and the Action. */
export const ExitCode = {
  pass: 0,
  fail: 1,
  /** Bad arguments, unreadable or malformed profiles, bad rules, incompatible profiles. */
  input: 2,
  /** A baseline store could not be read or written. */
  store: 3,
  /** A bug: anything that is not a HeapgateError (BSD sysexits EX_SOFTWARE). */
  internal: 70,
} as const;

export class HeapgateError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.input,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The bytes are not a profile heapgate can read; `offset` is the byte where decoding stopped, if known. */
export class DecodeError extends HeapgateError {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? message : `${message} at byte ${offset}`);
  }
}

/** The two profiles cannot be compared (different period type, no common sample type, ...). */
export class IncompatibleProfilesError extends HeapgateError {}

/** A rule does not parse or names something that does not exist. */
export class RuleError extends HeapgateError {}

/** The command line or an input is invalid. */
export class UsageError extends HeapgateError {}

/** A baseline store failed (unreachable, permission denied, missing bucket, ...). */
export class StoreError extends HeapgateError {
  constructor(message: string) {
    super(message, ExitCode.store);
  }
}
