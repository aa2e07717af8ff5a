// Checked indexing for arrays whose indices are in range by construction (the generator's, the
// benchmark's statistics): a slip should fail loudly rather than turn into NaN, or into a silent 0
// once written as a varint.

// One function per kind of array, not one generic: V8 inlines an element read only while it has
// seen few kinds of array there, and one helper for all of them made the generator 45% slower.

/**
 * `array[i]` of a plain array, throwing when `i` is out of range.
 * @template T
 * @param {ArrayLike<T>} array
 * @param {number} i
 * @returns {T}
 */
export function at(array, i) {
  const v = array[i];
  if (v === undefined) throw new RangeError(`index ${i} is out of range (length ${array.length})`);
  return v;
}

/**
 * `array[i]` of an Int32Array, throwing when `i` is out of range.
 * @param {Int32Array} array
 * @param {number} i
 * @returns {number}
 */
export function atI32(array, i) {
  const v = array[i];
  if (v === undefined) throw new RangeError(`index ${i} is out of range (length ${array.length})`);
  return v;
}

/**
 * `array[i]` of a Float64Array, throwing when `i` is out of range.
 * @param {Float64Array} array
 * @param {number} i
 * @returns {number}
 */
export function atF64(array, i) {
  const v = array[i];
  if (v === undefined) throw new RangeError(`index ${i} is out of range (length ${array.length})`);
  return v;
}

/**
 * `array[i]` of a Uint8Array, throwing when `i` is out of range.
 * @param {Uint8Array} array
 * @param {number} i
 * @returns {number}
 */
export function atU8(array, i) {
  const v = array[i];
  if (v === undefined) throw new RangeError(`index ${i} is out of range (length ${array.length})`);
  return v;
}
