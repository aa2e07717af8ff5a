import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { DecodeError } from '../../errors.js';
import type { Profile } from '../model.js';
import { parseLegacyHeapProfile } from './legacy-heap.js';
import { decodeProtobuf } from './protobuf.js';
import { looksLikeJson, parseV8HeapProfile } from './v8-heap-profile.js';

export interface DecodeOptions {
  /**
   * Cap on the gunzipped size, so a gzip bomb is a DecodeError rather than an out-of-memory crash.
   * Default DEFAULT_MAX_PROFILE_BYTES.
   */
  readonly maxDecompressedBytes?: number;
}

/** The largest profile heapgate reads by default, compressed or not (`--max-profile-size`): 1 GiB. */
export const DEFAULT_MAX_PROFILE_BYTES = 1024 * 1024 * 1024;
/** How much of a gzip stream is inflated to check its framing before the rest is. */
const PREFIX_BYTES = 4096;
const LEGACY_HEAP_PREFIX = 'heap profile:';

/**
 * Decodes a profile file's bytes, whatever its outer form, as pprof does: gzip (1f 8b) is
 * decompressed; then the bytes are Go's legacy text heap profile ("heap profile: ..."), a V8
 * sampling heap profile (JSON starting with `{`: `node --heap-prof`'s .heapprofile, see
 * v8-heap-profile.ts), or a serialized protobuf Profile. Recognized by content, never by file name.
 * zstd and lz4 frames are recognized and refused with a hint.
 * Every failure is a DecodeError with a one-line message (no file name: the caller adds it).
 */
export function decodeProfile(bytes: Uint8Array, options: DecodeOptions = {}): Profile {
  return readProfile(bytes, { protobuf: decodeProtobuf, text: (profile) => profile }, options);
}

/**
 * What readProfile does with a file once its form is known: `protobuf` gets the uncompressed
 * serialized Profile (it throws DecodeError, as decodeProtobuf does, on a malformed one), `text` the
 * Profile parsed from a legacy text heap profile or a V8 heap profile (JSON).
 */
export interface ProfileForms<T> {
  protobuf(bytes: Uint8Array): T;
  text(profile: Profile): T;
}

/**
 * decodeProfile with the last step chosen by the caller: the same detection of the outer form,
 * the same gunzip and the same DecodeErrors, but the protobuf is handed to `forms.protobuf` (which
 * may decode it without storing its samples) and a legacy text or V8 JSON profile to `forms.text`.
 */
export function readProfile<T>(bytes: Uint8Array, forms: ProfileForms<T>, options: DecodeOptions = {}): T {
  if (bytes.length === 0) throw new DecodeError('empty file');
  if (isGzip(bytes)) {
    return decodeUncompressed(gunzipProfile(bytes, options.maxDecompressedBytes ?? DEFAULT_MAX_PROFILE_BYTES), forms);
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
 * The serialized profile inside a file's bytes: gunzipped when they start with the gzip magic, else
 * the bytes themselves. A DecodeError when the stream's first KiB are not framed as a profile, or
 * beyond `maxDecompressedBytes` (so a gzip bomb stops there). readProfile's first step; exported
 * for callers that keep the inflated bytes (a record's profile, decoded later); they decode as the
 * file would.
 */
export function gunzipProfile(bytes: Uint8Array, maxDecompressedBytes: number): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  // A gzip bomb is mostly one repeated byte: the first few KiB tell, before gigabytes are inflated.
  checkFraming(gunzipPrefix(bytes, maxDecompressedBytes), maxDecompressedBytes);
  const inner = gunzip(bytes, maxDecompressedBytes);
  if (inner.length === 0) throw new DecodeError('gzip stream decompresses to an empty file');
  return inner;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function decodeUncompressed<T>(bytes: Uint8Array, forms: ProfileForms<T>): T {
  if (startsWithLegacyHeader(bytes)) return forms.text(parseLegacyHeapProfile(new TextDecoder('utf-8').decode(bytes)));
  if (looksLikeJson(bytes)) return forms.text(parseV8HeapProfile(bytes));
  const text = textPrefix(bytes);
  if (text !== undefined) {
    // Other text: protobuf is still tried (a printable prefix is possible, if unlikely), but a
    // failure is reported as what the file looks like, not as a wire-format detail.
    try {
      return forms.protobuf(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      throw notAProfileText(text);
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

/**
 * The first PREFIX_BYTES (or fewer, for a shorter stream) of a gzip stream's content, inflating only
 * as much input as that takes: a growing slice of the input is inflated with Z_SYNC_FLUSH, which
 * returns what a truncated stream holds so far instead of failing.
 */
function gunzipPrefix(bytes: Uint8Array, maxOutputLength: number): Uint8Array {
  for (let n = 256; ; n *= 4) {
    const part = bytes.subarray(0, Math.min(n, bytes.length));
    let out: Uint8Array;
    try {
      out = gunzipSync(part, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength });
    } catch (e) {
      throw gzipError(e, maxOutputLength);
    }
    if (out.length >= PREFIX_BYTES || part.length === bytes.length) return out.subarray(0, PREFIX_BYTES);
  }
}

/**
 * Refuses, from its first bytes, a decompressed stream that is neither a legacy text heap profile,
 * nor JSON (a V8 heap profile, checked once parsed), nor framed as a protobuf Profile: every
 * top-level field key must be one a Profile has, and every length must fit under the limit. Text is
 * reported as what it looks like, as decodeUncompressed does.
 */
function checkFraming(prefix: Uint8Array, limit: number): void {
  if (prefix.length === 0 || startsWithLegacyHeader(prefix) || looksLikeJson(prefix)) return;
  const bad = profileFramingError(prefix, limit);
  if (bad === undefined) return;
  const text = textPrefix(prefix);
  if (text !== undefined) throw notAProfileText(text);
  const head = Array.from(prefix.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new DecodeError(`not a pprof profile (decompressed, starts with bytes ${head}): ${bad}`);
}

function notAProfileText(text: string): DecodeError {
  const firstLine = text.trimStart().split('\n', 1)[0]!.slice(0, 40);
  return new DecodeError(`not a pprof profile: text starting with ${JSON.stringify(firstLine)}`);
}

/** Why `prefix` cannot start a serialized Profile, or undefined when its top-level framing holds. */
function profileFramingError(prefix: Uint8Array, limit: number): string | undefined {
  let i = 0;
  while (i < prefix.length) {
    const key = prefix[i]!;
    if (!looksLikeProfileStart(key)) return `byte ${i} (0x${key.toString(16).padStart(2, '0')}) is no Profile field`;
    i++;
    let value = 0;
    let shift = 1;
    for (let k = 0; ; k++) {
      if (i >= prefix.length) return undefined;
      if (k === 10) return `byte ${i}: varint longer than 10 bytes`;
      const b = prefix[i++]!;
      value += (b & 0x7f) * shift;
      shift *= 128;
      if (b < 0x80) break;
    }
    if ((key & 7) === 2) {
      if (value > limit) return `a field of ${value} bytes is larger than the limit of ${limit}`;
      i += value;
    }
  }
  return undefined;
}

function gzipError(e: unknown, maxOutputLength: number): DecodeError {
  const code = (e as { code?: unknown }).code;
  if (code === 'ERR_BUFFER_TOO_LARGE') {
    return new DecodeError(
      `gzip: decompresses to more than ${maxOutputLength} bytes, the limit (raise it with max-profile-size)`,
    );
  }
  return new DecodeError(`gzip: ${(e as Error).message}`);
}

function gunzip(bytes: Uint8Array, maxOutputLength: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength, chunkSize: outputChunkSize(bytes, maxOutputLength) });
  } catch (e) {
    throw gzipError(e, maxOutputLength);
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
