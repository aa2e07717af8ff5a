import { DecodeError } from '../../src/core/errors.js';

/** The DecodeError thrown by `f`, or a failure if it returns or throws anything else. */
export function decodeErrorOf(f: () => unknown): DecodeError {
  try {
    f();
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw new Error(`expected a DecodeError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a DecodeError, but decoding succeeded');
}
