import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../../src/core/errors.js';
import type { ValueType } from '../../../src/core/profile/model.js';
import {
  findSampleType,
  formatValueType,
  resolveSampleIndex,
  sameValueType,
  sampleTypeMatchesName,
} from '../../../src/core/profile/sample-type.js';

const vt = (type: string, unit: string): ValueType => ({ type, unit });
const GO = [
  vt('alloc_objects', 'count'),
  vt('alloc_space', 'bytes'),
  vt('inuse_objects', 'count'),
  vt('inuse_space', 'bytes'),
];
const TCMALLOC = [vt('objects', 'count'), vt('space', 'bytes')];

describe('sampleTypeMatchesName', () => {
  it.each([
    ['inuse_space', 'inuse_space', true],
    ['space', 'inuse_space', true],
    ['objects', 'inuse_objects', true],
    ['space', 'space', true],
    // The alias only strips inuse_: alloc_ requests do not match legacy types.
    ['space', 'alloc_space', false],
    ['inuse_space', 'space', false],
    ['inuse_space', 'inuse_objects', false],
    ['objects', 'inuse_', false],
  ])('type %s, name %s → %s', (type, name, expected) => {
    expect(sampleTypeMatchesName(vt(type, 'bytes'), name)).toBe(expected);
  });
});

describe('findSampleType', () => {
  it('finds by name, with the inuse_ alias, or returns -1', () => {
    expect(findSampleType(GO, 'inuse_space')).toBe(3);
    expect(findSampleType(GO, 'alloc_objects')).toBe(0);
    expect(findSampleType(TCMALLOC, 'inuse_space')).toBe(1);
    expect(findSampleType(TCMALLOC, 'inuse_objects')).toBe(0);
    expect(findSampleType(TCMALLOC, 'alloc_space')).toBe(-1);
    expect(findSampleType([], 'space')).toBe(-1);
  });
  it('takes the first type either spelling selects, as pprof does', () => {
    expect(findSampleType([vt('space', 'bytes'), vt('inuse_space', 'bytes')], 'inuse_space')).toBe(0);
  });
});

describe('sameValueType', () => {
  it('needs equal type and unit', () => {
    expect(sameValueType(vt('space', 'bytes'), vt('space', 'bytes'))).toBe(true);
    expect(sameValueType(vt('space', 'bytes'), vt('space', 'count'))).toBe(false);
    expect(sameValueType(vt('space', 'bytes'), vt('inuse_space', 'bytes'))).toBe(false);
  });
  it('formats type/unit', () => {
    expect(formatValueType(vt('inuse_space', 'bytes'))).toBe('inuse_space/bytes');
    expect(formatValueType(undefined)).toBe('(none)');
  });
});

describe('resolveSampleIndex', () => {
  it.each([
    ['inuse_space', GO, 3],
    ['alloc_space', GO, 1],
    [' alloc_space ', GO, 1],
    ['0', GO, 0],
    ['3', GO, 3],
    ['inuse_space', TCMALLOC, 1],
    ['1', TCMALLOC, 1],
  ] as const)('%j in %#', (spec, types, expected) => {
    expect(resolveSampleIndex(types, spec)).toBe(expected);
  });

  it('selects the default sample type when empty, else the last one', () => {
    expect(resolveSampleIndex(GO, '', 1)).toBe(1);
    expect(resolveSampleIndex(GO, ' ')).toBe(3);
    expect(resolveSampleIndex(GO, '', -1)).toBe(3);
  });

  it.each([
    [
      'inuse_spce',
      GO,
      'sample index "inuse_spce" must be one of: alloc_objects, alloc_space, inuse_objects, inuse_space',
    ],
    ['alloc_space', TCMALLOC, 'sample index "alloc_space" must be one of: objects, space'],
    [
      '4',
      GO,
      'sample index 4 is outside the range [0..3]; sample types: alloc_objects, alloc_space, inuse_objects, ' +
        'inuse_space',
    ],
    [
      '-1',
      GO,
      'sample index -1 is outside the range [0..3]; sample types: alloc_objects, alloc_space, inuse_objects, ' +
        'inuse_space',
    ],
    ['space', [], 'sample index "space": the profile has no sample types'],
  ] as const)('rejects %j', (spec, types, message) => {
    expect(() => resolveSampleIndex(types, spec)).toThrow(UsageError);
    expect(() => resolveSampleIndex(types, spec)).toThrow(message);
  });
});
