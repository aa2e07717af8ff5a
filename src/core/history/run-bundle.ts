/**
 * Several runs of one side stored as one object: a POSIX ustar archive of the run profiles, each
 * exactly as given (`tar xf` opens it; each member is a profile `go tool pprof` reads). Stores keep
 * one object per commit, so a baseline of N runs is one bundle. Pure.
 *
 * Reading treats the archive as untrusted: every header's checksum, size and type are checked, the
 * members must lie inside the bytes, and member names are never used (they are `run-001.pprof`,
 * `run-002.pprof`, ... when written here).
 */
import { DecodeError } from '../errors.js';

/** The most runs one side may have (files given, or members of a bundle). */
export const MAX_RUNS = 100;

const BLOCK = 512;
const MAGIC_AT = 257;
const USTAR = 'ustar';

/** True when the bytes start with a ustar header (the magic at offset 257). */
export function isRunBundle(bytes: Uint8Array): boolean {
  if (bytes.length < BLOCK) return false;
  for (let i = 0; i < USTAR.length; i++) if (bytes[MAGIC_AT + i] !== USTAR.charCodeAt(i)) return false;
  return true;
}

function writeString(block: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) block[at + i] = text.charCodeAt(i);
}

/** An octal field of `width` bytes: digits, zero-padded, then NUL. */
function writeOctal(block: Uint8Array, at: number, width: number, value: number): void {
  writeString(block, at, value.toString(8).padStart(width - 1, '0'));
  block[at + width - 1] = 0;
}

function checksum(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

/** The member name of run `i` (0-based). */
export function runMemberName(i: number): string {
  return `run-${String(i + 1).padStart(3, '0')}.pprof`;
}

/** Packs run profiles (at least 2, at most MAX_RUNS) into a ustar archive. */
export function packRuns(profiles: readonly Uint8Array[]): Uint8Array {
  if (profiles.length < 2 || profiles.length > MAX_RUNS) {
    throw new RangeError(`a run bundle holds 2 to ${MAX_RUNS} profiles, not ${profiles.length}`);
  }
  const size = profiles.reduce((s, p) => s + BLOCK + Math.ceil(p.length / BLOCK) * BLOCK, 0) + 2 * BLOCK;
  const out = new Uint8Array(size);
  let at = 0;
  profiles.forEach((p, i) => {
    const header = out.subarray(at, at + BLOCK);
    writeString(header, 0, runMemberName(i));
    writeOctal(header, 100, 8, 0o644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, p.length);
    writeOctal(header, 136, 12, 0);
    header[156] = 0x30; // '0': a regular file
    writeString(header, MAGIC_AT, `${USTAR}\u000000`);
    writeOctal(header, 148, 7, checksum(header));
    header[155] = 0x20;
    out.set(p, at + BLOCK);
    at += BLOCK + Math.ceil(p.length / BLOCK) * BLOCK;
  });
  return out;
}

/** An octal field's value (NUL- or space-terminated, leading spaces allowed); NaN when it is not one. */
function readOctal(bytes: Uint8Array, at: number, width: number): number {
  let text = '';
  for (let i = at; i < at + width; i++) {
    const c = bytes[i]!;
    if (c === 0 || (c === 0x20 && text !== '')) break;
    if (c !== 0x20) text += String.fromCharCode(c);
  }
  return /^[0-7]{1,12}$/.test(text) ? parseInt(text, 8) : Number.NaN;
}

function isZeroBlock(bytes: Uint8Array, at: number): boolean {
  for (let i = at; i < at + BLOCK; i++) if (bytes[i] !== 0) return false;
  return true;
}

/**
 * The run profiles of a bundle (views into `bytes`, in archive order). Throws a DecodeError naming
 * the problem when the archive is malformed, holds anything but regular files, or holds fewer than
 * one or more than MAX_RUNS members.
 */
export function unpackRuns(bytes: Uint8Array): Uint8Array[] {
  const runs: Uint8Array[] = [];
  let at = 0;
  while (at + BLOCK <= bytes.length && !isZeroBlock(bytes, at)) {
    const n = runs.length + 1;
    if (readOctal(bytes, at + 148, 8) !== checksum(bytes.subarray(at, at + BLOCK))) {
      throw new DecodeError(`run bundle: member ${n} has a bad header checksum`);
    }
    const type = bytes[at + 156]!;
    if (type !== 0x30 && type !== 0) throw new DecodeError(`run bundle: member ${n} is not a regular file`);
    const size = readOctal(bytes, at + 124, 12);
    const start = at + BLOCK;
    if (!Number.isFinite(size) || start + size > bytes.length) {
      throw new DecodeError(`run bundle: member ${n} is truncated or has a bad size`);
    }
    if (runs.length === MAX_RUNS) throw new DecodeError(`run bundle: more than ${MAX_RUNS} runs`);
    runs.push(bytes.subarray(start, start + size));
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  if (runs.length === 0) throw new DecodeError('run bundle: no runs in the archive');
  return runs;
}
