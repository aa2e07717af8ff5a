// A small seeded PRNG (sfc32) so synthetic profiles are byte-for-byte reproducible from a seed.
// Not cryptographic; chosen for speed and a long period with four 32-bit words of state.
import { atI32 } from './at.mjs';

/** @typedef {() => number} Random a source of uniform doubles in [0, 1) */

/**
 * Returns a function yielding uniform doubles in [0, 1). The same `seed` (any 32-bit integer or a
 * string) always yields the same sequence.
 * @param {string | number} seed
 * @returns {Random}
 */
export function makeRandom(seed) {
  let h = 0x9e3779b9;
  for (const ch of String(seed)) h = Math.imul(h ^ ch.charCodeAt(0), 0x85ebca6b) >>> 0;
  let a = h ^ 0xdeadbeef;
  let b = h ^ 0x41c64e6d;
  let c = h ^ 0x12345678;
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: the state is poorly mixed right after seeding.
  for (let i = 0; i < 16; i++) next();
  return next;
}

/**
 * Uniform integer in [lo, hi] (inclusive) from `random`.
 * @param {Random} random
 * @param {number} lo
 * @param {number} hi
 * @returns {number}
 */
export function randInt(random, lo, hi) {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/**
 * A permutation of 0..n-1 (Fisher–Yates) as an Int32Array.
 * @param {Random} random
 * @param {number} n
 * @returns {Int32Array}
 */
export function permutation(random, n) {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = atI32(p, i);
    p[i] = atI32(p, j);
    p[j] = t;
  }
  return p;
}
