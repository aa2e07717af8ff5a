import fc from 'fast-check';
import { TerminatorCounter } from '../../../../src/core/profile/decode/terminator-counter.js';

describe('TerminatorCounter', () => {
  test('counts the bytes below 0x80 in any range of any (mis)aligned view', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 80 }),
        fc.nat(7),
        fc.nat(7),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (data, head, tail, a, b) => {
          const buffer = new Uint8Array(head + data.length + tail);
          buffer.set(data, head);
          const view = buffer.subarray(head, head + data.length);
          const start = Math.floor(Math.min(a, b) * data.length);
          const end = Math.floor(Math.max(a, b) * data.length);
          const naive = Array.from(view.subarray(start, end)).filter((x) => x < 0x80).length;
          expect(new TerminatorCounter(view).count(start, end)).toBe(naive);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
