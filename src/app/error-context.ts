import { HeapgateError } from '../core/errors.js';

/**
 * The same error with `prefix` in front of its message: same class (so `instanceof` and the exit
 * code still hold), same own fields (a DecodeError keeps its offset). Anything that is not a
 * HeapgateError is returned unchanged: it is a bug, reported as an internal error.
 */
export function withContext(e: unknown, prefix: string): unknown {
  if (!(e instanceof HeapgateError)) return e;
  const copy = Object.create(Object.getPrototypeOf(e) as object) as HeapgateError;
  Object.assign(copy, e);
  Object.defineProperty(copy, 'message', { value: `${prefix}${e.message}`, writable: true, configurable: true });
  Object.defineProperty(copy, 'stack', {
    value: `${e.name}: ${prefix}${e.message}`,
    writable: true,
    configurable: true,
  });
  return copy;
}
