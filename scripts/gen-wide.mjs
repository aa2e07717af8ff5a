#!/usr/bin/env node
// Writes a pair of wide Go heap profiles: N distinct functions, each in its own location, four to
// a stack, and every function's values differing between base and current — the shape of a report
// with N function rows per sample type (a large monorepo's binary), in a small file.
//
//   node scripts/gen-wide.mjs --functions 1000000 --pair /tmp/wide
//        # writes <prefix>.base.pb.gz and <prefix>.current.pb.gz
//
// Deterministic: no randomness, the values follow from the function's index.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { PbWriter } from './bench/pb-writer.mjs';

const USAGE = 'usage: gen-wide.mjs --functions N --pair PREFIX';
const DEPTH = 4;
/** @type {[string, string][]} */
const SAMPLE_TYPES = [
  ['alloc_objects', 'count'],
  ['alloc_space', 'bytes'],
  ['inuse_objects', 'count'],
  ['inuse_space', 'bytes'],
];

/**
 * One profile of the pair as gzipped pprof protobuf.
 * @param {number} functions
 * @param {'base' | 'current'} variant
 * @returns {Uint8Array}
 */
function wideProfile(functions, variant) {
  const out = new PbWriter(functions * 48);
  const inner = new PbWriter();
  const line = new PbWriter();
  const strings = ['', ...SAMPLE_TYPES.flat(), 'space', 'main.go'];
  const str = (/** @type {string} */ s) => strings.indexOf(s);
  for (const [type, unit] of SAMPLE_TYPES) {
    inner.reset().uintOpt(1, str(type));
    inner.uintOpt(2, str(unit));
    out.message(1, inner);
  }
  const ids = new Float64Array(DEPTH);
  const values = new Float64Array(SAMPLE_TYPES.length);
  for (let s = 0; s * DEPTH < functions; s++) {
    const depth = Math.min(DEPTH, functions - s * DEPTH);
    for (let d = 0; d < depth; d++) ids[d] = s * DEPTH + d + 1;
    // Each sample's objects change between the sides by 1 to 7: every function on its stack moves.
    const objects = 10 + (s % 13) + (variant === 'current' ? 1 + (s % 7) : 0);
    const size = 64 * (1 + (s % 5));
    values[0] = objects;
    values[1] = objects * size;
    values[2] = objects - (s % 3);
    values[3] = (objects - (s % 3)) * size;
    inner.reset().repeatedUint(1, ids, depth);
    inner.repeatedUint(2, values);
    out.message(2, inner);
  }
  const firstName = strings.length;
  for (let f = 1; f <= functions; f++) {
    line.reset().uintOpt(1, f);
    line.uintOpt(2, 10 + (f % 90));
    inner.reset().uintOpt(1, f);
    inner.uintOpt(3, 0x400000 + 16 * f);
    inner.message(4, line);
    out.message(4, inner);
  }
  for (let f = 1; f <= functions; f++) {
    inner.reset().uintOpt(1, f);
    inner.uintOpt(2, firstName + f - 1);
    inner.uintOpt(3, firstName + f - 1);
    inner.uintOpt(4, str('main.go'));
    out.message(5, inner);
  }
  const encoder = new TextEncoder();
  for (const s of strings) out.bytes(6, encoder.encode(s));
  for (let f = 1; f <= functions; f++) out.bytes(6, encoder.encode(`example.com/wide/pkg${f % 1000}.f${f}`));
  inner.reset().uintOpt(1, str('space'));
  inner.uintOpt(2, str('bytes'));
  out.message(11, inner);
  out.uintOpt(12, 524288);
  return gzipSync(out.buf.subarray(0, out.pos));
}

function main() {
  const { values } = parseArgs({ options: { functions: { type: 'string' }, pair: { type: 'string' } } });
  const functions = Number(values.functions);
  if (!Number.isSafeInteger(functions) || functions < 1 || values.pair === undefined) throw new Error(USAGE);
  mkdirSync(dirname(values.pair), { recursive: true });
  for (const variant of /** @type {const} */ (['base', 'current'])) {
    const file = `${values.pair}.${variant}.pb.gz`;
    const bytes = wideProfile(functions, variant);
    writeFileSync(file, bytes);
    console.log(JSON.stringify({ file, functions, bytes: bytes.length }));
  }
}

try {
  main();
} catch (e) {
  console.error(`gen-wide: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
