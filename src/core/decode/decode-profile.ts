import { gunzipSync } from 'node:zlib';
import { DecodeError } from '../errors.js';
import type { Profile } from '../model.js';
import { parseLegacyHeapProfile } from './legacy-heap.js';
import { decodeProtobuf } from './protobuf.js';

export interface DecodeOptions {
  /** Cap on the gunzipped size, so a gzip bomb is a DecodeError rather than an out-of-memory crash. Default 2 GiB. */
  readonly maxDecompressedBytes?: number;
}

const DEFAULT_MAX_DECOMPRESSED = 2 * 1024 * 1024 * 1024;
const LEGACY_HEAP_PREFIX = 'heap profile:';

/**
 * Decodes a profile file's bytes, whatever its outer form, as pprof does: gzip (1f 8b) is
 * decompressed; then the bytes are either Go's legacy text heap profile ("heap profile: ...") or a
 * serialized protobuf Profile. zstd and lz4 frames are recognized and refused with a hint.
 * Every failure is a DecodeError with a one-line message (no file name: the caller adds it).
 */
export function decodeProfile(bytes: Uint8Array, options: DecodeOptions = {}): Profile {
  return readProfile(bytes, { protobuf: decodeProtobuf, text: (profile) => profile }, options);
}

/**
 * What readProfile does with a file once its form is known: `protobuf` gets the uncompressed
 * serialized Profile (it throws DecodeError, as decodeProtobuf does, on a malformed one), `text` the
 * Profile parsed from a legacy text heap profile.
 */
export interface ProfileForms<T> {
  protobuf(bytes: Uint8Array): T;
  text(profile: Profile): T;
}

/**
 * decodeProfile with the last step chosen by the caller: the same detection of the outer form,
 * the same gunzip and the same DecodeErrors, but the protobuf is handed to `forms.protobuf` (which
 * may decode it without storing its samples) and a legacy text profile to `forms.text`.
 */
export function readProfile<T>(bytes: Uint8Array, forms: ProfileForms<T>, options: DecodeOptions = {}): T {
  if (bytes.length === 0) throw new DecodeError('empty file');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const inner = gunzip(bytes, options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED);
    if (inner.length === 0) throw new DecodeError('gzip stream decompresses to an empty file');
    return decodeUncompressed(inner, forms);
  }
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) {
    throw new DecodeError('zstd-compressed profiles are not supported; decompress with `zstd -d` first');
  }
  if (startsWith(bytes, [0x04, 0x22, 0x4d, 0x18])) {
    throw new DecodeError('lz4-compressed profiles are not supported; decompress with `lz4 -d` first');
  }
  return decodeUncompressed(bytes, forms);
}

/**
 * The serialized profile inside a file's bytes: gunzipped when they start with the gzip magic (a
 * DecodeError beyond `maxDecompressedBytes`, so a gzip bomb stops there), else the bytes themselves.
 * For callers that bound a hostile file's size more tightly than decodeProfile's default; the result
 * decodes as the file would.
 */
export function gunzipProfile(bytes: Uint8Array, maxDecompressedBytes: number): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inner = gunzip(bytes, maxDecompressedBytes);
  if (inner.length === 0) throw new DecodeError('gzip stream decompresses to an empty file');
  return inner;
}

function decodeUncompressed<T>(bytes: Uint8Array, forms: ProfileForms<T>): T {
  if (startsWithLegacyHeader(bytes)) return forms.text(parseLegacyHeapProfile(new TextDecoder('utf-8').decode(bytes)));
  const text = textPrefix(bytes);
  if (text !== undefined) {
    // Other text: protobuf is still tried (a printable prefix is possible, if unlikely), but a
    // failure is reported as what the file looks like, not as a wire-format detail.
    try {
      return forms.protobuf(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      const firstLine = text.trimStart().split('\n', 1)[0]!.slice(0, 40);
      throw new DecodeError(`not a pprof profile: text starting with ${JSON.stringify(firstLine)}`);
    }
  }
  if (!looksLikeProfileStart(bytes[0]!)) {
    try {
      return forms.protobuf(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new DecodeError(`not a pprof profile (starts with bytes ${head}): ${e.message}`);
    }
  }
  return forms.protobuf(bytes);
}

/** True when the bytes start with "heap profile:", the header line of every legacy heap format. */
function startsWithLegacyHeader(bytes: Uint8Array): boolean {
  for (let j = 0; j < LEGACY_HEAP_PREFIX.length; j++) {
    if (bytes[j] !== LEGACY_HEAP_PREFIX.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * The first bytes as text when they are all printable ASCII or whitespace (a protobuf Profile
 * practically never is: its first byte is a field key such as 0x0a), else undefined.
 */
function textPrefix(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 256);
  let s = '';
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (!(b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f))) return undefined;
    s += String.fromCharCode(b);
  }
  return s;
}

/** True when the byte is the key of a Profile field 1–15 with its proper wire type. */
function looksLikeProfileStart(b: number): boolean {
  const field = b >> 3;
  const wt = b & 7;
  if (b >= 0x80 || field < 1 || field > 15) return false;
  if (field <= 6 || field === 11) return wt === 2;
  if (field === 13) return wt === 0 || wt === 2;
  return wt === 0;
}

function gunzip(bytes: Uint8Array, maxOutputLength: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength, chunkSize: outputChunkSize(bytes, maxOutputLength) });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new DecodeError(`gzip: decompressed size exceeds the limit of ${maxOutputLength} bytes`);
    }
    throw new DecodeError(`gzip: ${(e as Error).message}`);
  }
}

const MIN_CHUNK = 16 * 1024;
const MAX_CHUNK = 256 * 1024 * 1024;
/** Deflate cannot compress better than about 1032:1, so no honest stream announces more than this per input byte. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * The output chunk size for gunzipSync: the decompressed size the gzip trailer announces (ISIZE,
 * the last four bytes), plus one. With the default 16 KiB chunks, node:zlib collects thousands of
 * chunks and then concatenates them, so a large profile briefly occupies twice its size; one chunk
 * that fits the output is returned as it is. ISIZE is only a hint (it is the size modulo 2^32 of
 * the last gzip member, and a hostile file may lie), so it is clamped: a wrong hint costs chunks,
 * never correctness.
 */
function outputChunkSize(bytes: Uint8Array, maxOutputLength: number): number {
  if (bytes.length < 18) return MIN_CHUNK;
  const n = bytes.length;
  const isize = (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0;
  const cap = Math.min(MAX_CHUNK, maxOutputLength + 1, n * MAX_DEFLATE_RATIO);
  return Math.max(MIN_CHUNK, Math.min(isize + 1, cap));
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
