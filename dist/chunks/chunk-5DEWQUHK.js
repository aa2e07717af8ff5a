import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/core/errors.ts
var ExitCode = {
  pass: 0,
  fail: 1,
  /** Bad arguments, unreadable or malformed profiles, bad rules, incompatible profiles. */
  input: 2,
  /** A baseline store could not be read or written. */
  store: 3,
  /** A bug: anything that is not a HeapgateError (BSD sysexits EX_SOFTWARE). */
  internal: 70
};
var HeapgateError = class extends Error {
  constructor(message, exitCode = ExitCode.input) {
    super(message);
    this.exitCode = exitCode;
    this.name = new.target.name;
  }
  exitCode;
};
var DecodeError = class extends HeapgateError {
  constructor(message, offset) {
    super(offset === void 0 ? message : `${message} at byte ${offset}`);
    this.offset = offset;
  }
  offset;
};
var IncompatibleProfilesError = class extends HeapgateError {
};
var RuleError = class extends HeapgateError {
};
var UsageError = class extends HeapgateError {
};
var StoreError = class extends HeapgateError {
  constructor(message) {
    super(message, ExitCode.store);
  }
};

export {
  ExitCode,
  HeapgateError,
  DecodeError,
  IncompatibleProfilesError,
  RuleError,
  UsageError,
  StoreError
};
