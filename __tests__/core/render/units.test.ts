import {
  formatBytes,
  formatDeltaPercent,
  formatPprofPercent,
  formatSignedValue,
  formatValue,
  formatZ,
  groupThousands,
} from '../../../src/core/render/units.js';

describe('units', () => {
  test.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1,023 B'],
    [1024, '1.00 KiB'],
    [1536, '1.50 KiB'],
    [3.25 * 1024 * 1024, '3.25 MiB'],
    [-1536, '-1.50 KiB'],
    [5 * 1024 ** 3, '5.00 GiB'],
  ])('formatBytes(%p) = %p', (value, text) => {
    expect(formatBytes(value)).toBe(text);
  });

  test.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
    [-1000, '-1,000'],
    [12.6, '13'],
  ])('groupThousands(%p) = %p', (value, text) => {
    expect(groupThousands(value)).toBe(text);
  });

  test('formatValue picks bytes, counts and other units', () => {
    expect(formatValue(2048, 'bytes')).toBe('2.00 KiB');
    expect(formatValue(12345, 'count')).toBe('12,345');
    expect(formatValue(1500, 'nanoseconds')).toBe('1,500 nanoseconds');
  });

  test('formatSignedValue marks increases, not zero', () => {
    expect(formatSignedValue(2048, 'bytes')).toBe('+2.00 KiB');
    expect(formatSignedValue(-5, 'count')).toBe('-5');
    expect(formatSignedValue(0, 'bytes')).toBe('0 B');
    expect(formatSignedValue(0.2, 'count')).toBe('+0.2');
  });

  test('a non-zero value that would round to 0 keeps one significant digit, never reading as 0', () => {
    expect(formatValue(0.4, 'bytes')).toBe('0.4 B');
    expect(formatSignedValue(0.04, 'bytes')).toBe('+0.04 B');
    expect(formatSignedValue(-0.3, 'count')).toBe('-0.3');
    expect(formatSignedValue(0.004, 'bytes')).toBe('+<0.01 B');
    expect(formatValue(0.2, 'nanoseconds')).toBe('0.2 nanoseconds');
    expect(formatValue(0.5, 'bytes')).toBe('1 B');
  });

  test('formatDeltaPercent and formatZ', () => {
    expect(formatDeltaPercent(50)).toBe('+50.0%');
    expect(formatDeltaPercent(-3.04)).toBe('-3.0%');
    expect(formatDeltaPercent(0.01)).toBe('0.0%');
    expect(formatDeltaPercent(null)).toBe('n/a');
    expect(formatZ(null)).toBe('exact');
    expect(formatZ(6.25)).toBe('6.3');
    expect(formatZ(-0.01)).toBe('0.0');
  });

  test('formatZ shows at most ±99.9: beyond, the score says only "far past any threshold"', () => {
    expect(formatZ(99.9)).toBe('99.9');
    expect(formatZ(150)).toBe('>99.9');
    expect(formatZ(-21176.7)).toBe('<-99.9');
    expect(formatZ(Number.POSITIVE_INFINITY)).toBe('inf');
  });

  // Expected strings are Go's fmt output for pprof's measurement.Percentage:
  // "%5.2f%%" from 1 %, "%5.2g%%" below, "  100%" within 0.05 of 100.
  test.each([
    [1, 3, '33.33%'],
    [-1, 4, '25.00%'],
    [1, 1, '  100%'],
    [9996, 10000, '  100%'],
    [1, 1000, '  0.1%'],
    [1, 3000, '0.033%'],
    [0, 10, '    0%'],
    [5, 0, '    0%'],
    [3, 2, '150.00%'],
    [1, 1e7, '1e-05%'],
  ])('formatPprofPercent(%p, %p) = %p', (value, total, text) => {
    expect(formatPprofPercent(value, total)).toBe(text);
  });
});
