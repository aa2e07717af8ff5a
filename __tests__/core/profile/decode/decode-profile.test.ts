import { gzipSync } from 'node:zlib';
import { decodeProfile, decodeProtobuf } from '../../../../src/core/profile/decode/index.js';
import { decodeErrorOf } from '../../../helpers/decode-error-of.js';
import { encodeProfile, type ProfileSpec } from '../../../helpers/encode-profile.js';

const spec: ProfileSpec = {
  sampleType: [['inuse_space', 'bytes']],
  function: [{ id: 1, name: 'main.f' }],
  location: [{ id: 1, line: [{ functionId: 1, line: 3 }] }],
  sample: [{ locationId: [1], value: [4096] }],
  period: 524288,
};

describe('decodeProfile', () => {
  test('raw protobuf and gzipped protobuf decode to the same profile', () => {
    const raw = encodeProfile(spec);
    const gz = encodeProfile(spec, { gzip: true });
    expect(gz[0]).toBe(0x1f);
    expect(decodeProfile(gz)).toEqual(decodeProtobuf(raw));
    expect(decodeProfile(raw)).toEqual(decodeProtobuf(raw));
  });

  test('a profile whose first field is unusual (string table first) is still protobuf', () => {
    expect(decodeProfile(encodeProfile(spec, { stringTableFirst: true })).samples.count).toBe(1);
  });

  test('empty input', () => {
    expect(decodeErrorOf(() => decodeProfile(new Uint8Array())).message).toBe('empty file');
  });

  test('truncated gzip', () => {
    const gz = encodeProfile(spec, { gzip: true });
    const e = decodeErrorOf(() => decodeProfile(gz.subarray(0, gz.length - 12)));
    expect(e.message).toBe('gzip: unexpected end of file');
  });

  test('corrupt gzip', () => {
    const gz = Uint8Array.from(encodeProfile(spec, { gzip: true }));
    gz[3] = 0xff; // reserved flag bits
    expect(decodeErrorOf(() => decodeProfile(gz)).message).toMatch(/^gzip: /);
  });

  test('a gzip bomb of zeros is refused from its first bytes, whatever the cap', () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(128 * 1024);
    expect(decodeErrorOf(() => decodeProfile(bomb)).message).toBe(
      'not a pprof profile (decompressed, starts with bytes 00 00 00 00): byte 0 (0x00) is no Profile field',
    );
  });

  test('a gzip bomb framed as a Profile stops at the decompression cap', () => {
    // Field 1 (sample_type) announcing ~1 MB: the framing holds for the first KiB, the size does not.
    const body = new Uint8Array(8 * 1024 * 1024);
    body.set([0x0a, 0xc0, 0x84, 0x3d]); // length 1,000,000
    const bomb = gzipSync(body);
    expect(decodeErrorOf(() => decodeProfile(bomb, { maxDecompressedBytes: 1024 * 1024 })).message).toBe(
      'gzip: decompresses to more than 1048576 bytes, the limit (raise it with max-profile-size)',
    );
  });

  test('a gzip bomb of text is refused from its first bytes, as text', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 'all work and no play '));
    expect(decodeErrorOf(() => decodeProfile(bomb, { maxDecompressedBytes: 1024 * 1024 })).message).toBe(
      'not a pprof profile: text starting with "all work and no play all work and no pla"',
    );
  });

  test('a field longer than the cap is refused from the framing', () => {
    const body = new Uint8Array(64 * 1024);
    body.set([0x0a, 0x80, 0x80, 0x80, 0x08]); // length 2^24
    expect(decodeErrorOf(() => decodeProfile(gzipSync(body), { maxDecompressedBytes: 1024 * 1024 })).message).toBe(
      'not a pprof profile (decompressed, starts with bytes 0a 80 80 80): a field of 16777216 bytes is larger than ' +
        'the limit of 1048576',
    );
  });

  test('gzip of nothing', () => {
    expect(decodeErrorOf(() => decodeProfile(gzipSync(new Uint8Array()))).message).toBe(
      'gzip stream decompresses to an empty file',
    );
  });

  test('zstd and lz4 frames are refused with a hint', () => {
    expect(decodeErrorOf(() => decodeProfile(Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58]))).message).toBe(
      'zstd-compressed profiles are not supported; decompress with `zstd -d` first',
    );
    expect(decodeErrorOf(() => decodeProfile(Uint8Array.from([0x04, 0x22, 0x4d, 0x18, 0x64, 0x40]))).message).toBe(
      'lz4-compressed profiles are not supported; decompress with `lz4 -d` first',
    );
  });

  test('text that is not a heap profile', () => {
    const text = new TextEncoder().encode('goroutine profile: total 4\n4 @ 0x1 0x2\n');
    expect(decodeErrorOf(() => decodeProfile(text)).message).toBe(
      'not a pprof profile: text starting with "goroutine profile: total 4"',
    );
    const json = new TextEncoder().encode('{"nodes": []}');
    expect(decodeErrorOf(() => decodeProfile(json)).message).toBe(
      'not a pprof profile: JSON without the "head" of a V8 heap profile (node --heap-prof writes .heapprofile files)',
    );
  });

  test('binary garbage names its first bytes and the wire failure', () => {
    const garbage = Uint8Array.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x00]);
    expect(decodeErrorOf(() => decodeProfile(garbage)).message).toMatch(
      /^not a pprof profile \(starts with bytes ff fe 00 13\): /,
    );
    // PNG signature.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeErrorOf(() => decodeProfile(png)).message).toMatch(
      /^not a pprof profile \(starts with bytes 89 50 4e 47\): /,
    );
  });
});
