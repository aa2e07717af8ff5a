import { withContext } from '../../src/app/error-context.js';
import { DecodeError, ExitCode, StoreError } from '../../src/core/errors.js';

test('withContext keeps the class, exit code and fields, and prefixes the message', () => {
  const e = withContext(
    new DecodeError('truncated varint', 1234),
    'decoding current profile heap.pb.gz: ',
  ) as DecodeError;
  expect(e).toBeInstanceOf(DecodeError);
  expect(e.message).toBe('decoding current profile heap.pb.gz: truncated varint at byte 1234');
  expect(e.offset).toBe(1234);
  expect(e.exitCode).toBe(ExitCode.input);
  expect(e.name).toBe('DecodeError');
  const s = withContext(new StoreError('denied'), 'reading baseline: ') as StoreError;
  expect(s).toBeInstanceOf(StoreError);
  expect(s.exitCode).toBe(ExitCode.store);
});

test('withContext leaves non-heapgate errors alone', () => {
  const bug = new TypeError('x is undefined');
  expect(withContext(bug, 'p: ')).toBe(bug);
});
