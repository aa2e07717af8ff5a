import { describe, expect, it } from '@jest/globals';
import { RuleError } from '../../../src/core/errors.js';
import type { ValueType } from '../../../src/core/profile/model.js';
import { formatAmount, parseAmount } from '../../../src/core/rules/syntax.js';
import {
  DEFAULT_RULES_TEXT,
  focusPatterns,
  formatRule,
  parseRules,
  resolveRules,
  rulesWithDefaults,
} from '../../../src/core/rules/resolve.js';
import { benchRuleResolver } from '../../../src/core/rules/bench.js';

const KiB = 1024;
const MiB = 1024 * 1024;

describe('parseRules: valid rules', () => {
  it.each([
    // text, percent, min, minInBytes, warnPercent, pattern, canonical text
    ['inuse_space +15% min 256KiB', 15, 256 * KiB, true, null, null, 'inuse_space +15% min 256KiB'],
    ['inuse_objects +20% min 1000 warn +10%', 20, 1000, false, 10, null, 'inuse_objects +20% min 1000 warn +10%'],
    [
      'inuse_space for ^main\\.cache: +10% min 64KiB',
      10,
      64 * KiB,
      true,
      null,
      '^main\\.cache',
      'inuse_space for ^main\\.cache: +10% min 64KiB',
    ],
    ['inuse_space +12.5%', 12.5, 0, false, null, null, 'inuse_space +12.5%'],
    ['inuse_space +0%', 0, 0, false, null, null, 'inuse_space +0%'],
    ['inuse_space +15% min 1MB', 15, MiB, true, null, null, 'inuse_space +15% min 1MiB'],
    ['inuse_space +15% min 1.5 MiB', 15, 1.5 * MiB, true, null, null, 'inuse_space +15% min 1536KiB'],
    ['inuse_space +15% min 1kb', 15, KiB, true, null, null, 'inuse_space +15% min 1KiB'],
    ['inuse_space +15% min 2GB', 15, 2 * 1024 * MiB, true, null, null, 'inuse_space +15% min 2GiB'],
    ['inuse_space +15% min 100B', 15, 100, true, null, null, 'inuse_space +15% min 100B'],
    ['inuse_objects +20% min 2k', 20, 2000, false, null, null, 'inuse_objects +20% min 2000'],
    ['inuse_objects +20% min 1.5M', 20, 1500000, false, null, null, 'inuse_objects +20% min 1500000'],
    ['inuse_space +15% warn +5% min 10B', 15, 10, true, 5, null, 'inuse_space +15% min 10B warn +5%'],
    [
      '  inuse_space   +15%   MIN 256KiB  WARN +7.5% ',
      15,
      256 * KiB,
      true,
      7.5,
      null,
      'inuse_space +15% min 256KiB warn +7.5%',
    ],
    ['inuse_space for (?:a|b):c: +5%', 5, 0, false, null, '(?:a|b):c', 'inuse_space for (?:a|b):c: +5%'],
    ['space +15% min 256 KiB warn +10%', 15, 256 * KiB, true, 10, null, 'space +15% min 256KiB warn +10%'],
  ])('%s', (text, percent, min, minInBytes, warnPercent, pattern, canonical) => {
    const [rule, ...rest] = parseRules(text);
    expect(rest).toEqual([]);
    expect(rule).toMatchObject({
      percent,
      min,
      minInBytes,
      warnPercent,
      pattern,
      off: false,
      origin: 'user',
      index: 1,
    });
    expect(rule!.source).toBe(text.trim());
    expect(formatRule(rule!)).toBe(canonical);
    // The canonical text parses back to the same thresholds.
    expect(parseRules(canonical)[0]).toMatchObject({ percent, min, warnPercent, pattern });
  });

  it('parses a conjunction into its parts, each carrying the canonical text of the whole', () => {
    const rules = parseRules('# seed\nALL: inuse_space +15% min 256KiB, alloc_objects for a{1,3}: +20%');
    expect(rules.map((r) => [r.sampleType, r.pattern, formatRule(r), r.index, r.all])).toEqual([
      [
        'inuse_space',
        null,
        'inuse_space +15% min 256KiB',
        1,
        'all: inuse_space +15% min 256KiB, alloc_objects for a{1,3}: +20%',
      ],
      [
        'alloc_objects',
        'a{1,3}',
        'alloc_objects for a{1,3}: +20%',
        1,
        'all: inuse_space +15% min 256KiB, alloc_objects for a{1,3}: +20%',
      ],
    ]);
    expect(parseRules('inuse_space +15%')[0]!.all).toBeNull();
  });

  it('parses off', () => {
    const [rule] = parseRules('alloc_objects off');
    expect(rule).toMatchObject({ sampleType: 'alloc_objects', off: true, pattern: null });
    expect(formatRule(rule!)).toBe('alloc_objects off');
  });

  it('splits lines and ";", drops comments and blanks, and numbers the rules', () => {
    const rules = parseRules(
      '# gate for the cache service\n\n  inuse_space +15% ; alloc_space off # not for now\r\n;;\n  # ' +
        'end\ninuse_objects +5%',
      'default',
    );
    expect(rules.map((r) => [r.index, r.source, r.origin])).toEqual([
      [1, 'inuse_space +15%', 'default'],
      [2, 'alloc_space off', 'default'],
      [3, 'inuse_objects +5%', 'default'],
    ]);
    expect(parseRules('')).toEqual([]);
    expect(parseRules(' # only a comment\n')).toEqual([]);
  });
});

describe('parseRules: drift', () => {
  it.each([
    ['inuse_space +15%', null, 'inuse_space +15%'],
    ['inuse_space +15% drift +25%', 25, 'inuse_space +15% drift +25%'],
    ['inuse_space +15% DRIFT off', 'off', 'inuse_space +15% drift off'],
    ['inuse_space +15% drift +30% min 1MiB warn +10%', 30, 'inuse_space +15% min 1MiB warn +10% drift +30%'],
    ['inuse_space +15% min 256 KiB drift +20%', 20, 'inuse_space +15% min 256KiB drift +20%'],
  ] as const)('%s', (text, drift, canonical) => {
    const [rule] = parseRules(text);
    expect(rule!.drift).toBe(drift);
    expect(formatRule(rule!)).toBe(canonical);
  });

  it('is refused on Go benchmark metrics, which have no series yet', () => {
    expect(() => benchRuleResolver(parseRules('B/op +10% drift +20%'), ['BenchmarkX'])).toThrow(
      'rule 1 ("B/op +10% drift +20%"): drift is judged on the series of a profile\'s whole sample types, not yet on ' +
        'Go benchmarks; remove it',
    );
  });
});

describe('parseRules: invalid rules', () => {
  const UNITS = 'use a number, optionally with B, KB/KiB, MB/MiB, GB/GiB (1 KB = 1 KiB = 1024 B) or k, M for counts';
  it.each([
    ['inuse_space', 'expected a threshold like +15% or "off", found nothing'],
    ['inuse_space 15%', 'expected a threshold like +15% or "off", found "15%"'],
    ['inuse_space +15', 'expected a threshold like +15% or "off", found "+15"'],
    ['inuse_space -5%', 'expected a threshold like +15% or "off", found "-5%"'],
    ['inuse_space +15% min', `min needs an amount: ${UNITS}`],
    ['inuse_space +15% min 10XB', `min "10XB" is not an amount: ${UNITS}`],
    ['inuse_space +15% min 3m', `min "3m" is not an amount: ${UNITS}`],
    ['inuse_space +15% min -3', `min "-3" is not an amount: ${UNITS}`],
    [
      'inuse_space +15% max 3',
      'unexpected "max"; after the threshold only "min <amount>", "warn +<percent>%" and "drift +<percent>%" ' +
        '(or "drift off") are allowed',
    ],
    ['inuse_space +15% warn 10%', 'warn needs a percent like +10%, found "10%"'],
    ['inuse_space +15% warn', 'warn needs a percent like +10%, found nothing'],
    ['inuse_space +15% warn +20%', 'warn +20% must be below the fail threshold +15%'],
    ['inuse_space +15% warn +15%', 'warn +15% must be below the fail threshold +15%'],
    ['inuse_space +15% min 1 min 2', '"min" given twice'],
    ['inuse_space for ^main +10%', '"for" needs a regular expression followed by ":", like "for ^main\\.cache:"'],
    ['inuse_space for : +10%', '"for" needs a regular expression before ":"'],
    [
      'inuse_space for x: off',
      '"off" turns off the rule for a whole sample type; remove "for ...:" or give a threshold',
    ],
    ['inuse_space off now', '"off" takes nothing after it'],
    [
      '+15% inuse_space',
      '"+15%" is not a sample type name (letters, digits, "_", ".", "/" and "-", like inuse_space or B/op)',
    ],
    [
      'all: inuse_space +15%',
      '"all:" needs at least two rules separated by ",", like "all: inuse_space +15%, alloc_objects +20%"',
    ],
    [
      'all: inuse_space +15%,',
      '"all:" needs at least two rules separated by ",", like "all: inuse_space +15%, alloc_objects +20%"',
    ],
    [
      'all: inuse_space +15%, alloc_objects off',
      '"alloc_objects off" cannot be part of "all:"; every part needs a threshold',
    ],
    ['all: inuse_space +15%, inuse_space +20%', '"inuse_space" appears twice in "all:"'],
    ['all: inuse_space +15%, alloc_objects 20%', 'expected a threshold like +15% or "off", found "20%"'],
    ['inuse_space +15% drift', 'drift needs a percent like +25% or "off", found nothing'],
    ['inuse_space +15% drift 25%', 'drift needs a percent like +25% or "off", found "25%"'],
    ['inuse_space +15% drift offish', 'drift needs a percent like +25% or "off", found "offish"'],
    ['inuse_space +15% drift off drift +20%', '"drift" given twice'],
    [
      'inuse_space for ^main\\.cache: +10% drift +20%',
      '"drift" applies to a whole sample type (its series of baselines); remove it from the "for" rule',
    ],
    [
      'all: inuse_space +15% drift off, alloc_objects +20%',
      '"drift" cannot be part of "all:" (a conjunction is judged against the baseline only); give "inuse_space" ' +
        'its drift in a rule of its own',
    ],
  ])('%s', (text, why) => {
    expect(() => parseRules(text)).toThrow(RuleError);
    expect(() => parseRules(text)).toThrow(`rule 1 ("${text}"): ${why}`);
  });

  it('reports the regex error of a pattern that does not compile', () => {
    expect(() => parseRules('inuse_space for ^main(: +10%')).toThrow(
      /^rule 1 \("inuse_space for \^main\(: \+10%"\): invalid regular expression \/\^main\(\/: .*(Unterminated group|missing \))/,
    );
  });

  it('names the failing rule by its position among the rules', () => {
    expect(() => parseRules('# header\ninuse_space +15%\n\ninuse_objects +20 %%')).toThrow(
      /^rule 2 \("inuse_objects \+20 %%"\)/,
    );
  });
});

describe('amounts', () => {
  it.each([
    ['0', 0, false],
    ['1000', 1000, false],
    ['.5k', 500, false],
    ['1K', 1000, false],
    ['3M', 3e6, false],
    ['1B', 1, true],
    ['1KB', 1024, true],
    ['1 KiB', 1024, true],
    ['1mib', MiB, true],
    ['1GiB', 1024 * MiB, true],
  ])('%s', (text, value, inBytes) => {
    expect(parseAmount(text)).toEqual({ value, inBytes });
  });
  it.each(['', 'KiB', '1 2', '1e3', '1TB', '-1', '1m'])('rejects %j', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
  it.each([
    [0, '0B'],
    [1023, '1023B'],
    [1024, '1KiB'],
    // Not a whole number of KiB: stays in bytes.
    [1536, '1536B'],
    [1536 * 1024, '1536KiB'],
    [3 * MiB, '3MiB'],
    [5 * 1024 * MiB, '5GiB'],
  ])('formats %d bytes as %s', (n, text) => {
    expect(formatAmount({ value: n, inBytes: true })).toBe(text);
  });
  it.each([0, 1000, 1536])('formats the count %d as a plain number that parses back', (n) => {
    expect(formatAmount({ value: n, inBytes: false })).toBe(String(n));
    expect(parseAmount(String(n))).toEqual({ value: n, inBytes: false });
  });
});

const GO: ValueType[] = [
  { type: 'alloc_objects', unit: 'count' },
  { type: 'alloc_space', unit: 'bytes' },
  { type: 'inuse_objects', unit: 'count' },
  { type: 'inuse_space', unit: 'bytes' },
];
const TCMALLOC: ValueType[] = [
  { type: 'objects', unit: 'count' },
  { type: 'space', unit: 'bytes' },
];
const applied = (text: string, types: ValueType[]) =>
  resolveRules(rulesWithDefaults(text), types).map((a) => [types[a.sampleTypeIndex]!.type, a.text, a.rule.origin]);

describe('defaults and merging', () => {
  it('exports the default rule text', () => {
    expect(DEFAULT_RULES_TEXT.split('\n')).toEqual([
      'inuse_space +15% min 256KiB',
      'inuse_objects +20% min 1000',
      'alloc_space +20% min 1MiB',
      'alloc_objects +20% min 1000',
    ]);
  });

  it('applies the defaults per sample type, in the profile order', () => {
    expect(applied('', GO)).toEqual([
      ['alloc_objects', 'alloc_objects +20% min 1000', 'default'],
      ['alloc_space', 'alloc_space +20% min 1MiB', 'default'],
      ['inuse_objects', 'inuse_objects +20% min 1000', 'default'],
      ['inuse_space', 'inuse_space +15% min 256KiB', 'default'],
    ]);
  });

  it('replaces a default with a user rule, removes it with off, and adds function rules', () => {
    const text =
      'inuse_space +5% min 1MiB\nalloc_objects off\nalloc_space off\ninuse_space for ^main\\.cache: +10% min 64KiB';
    expect(applied(text, GO)).toEqual([
      ['inuse_objects', 'inuse_objects +20% min 1000', 'default'],
      ['inuse_space', 'inuse_space +5% min 1MiB', 'user'],
      ['inuse_space', 'inuse_space for ^main\\.cache: +10% min 64KiB', 'user'],
    ]);
  });

  it('replaces the defaults of the types a conjunction names, reporting its whole text', () => {
    expect(applied('all: inuse_space +15%, alloc_objects +20%', GO)).toEqual([
      ['alloc_objects', 'all: inuse_space +15%, alloc_objects +20%', 'user'],
      ['alloc_space', 'alloc_space +20% min 1MiB', 'default'],
      ['inuse_objects', 'inuse_objects +20% min 1000', 'default'],
      ['inuse_space', 'all: inuse_space +15%, alloc_objects +20%', 'user'],
    ]);
  });

  it('applies inuse_ rules to legacy space/objects types and skips defaults the profile lacks', () => {
    expect(applied('', TCMALLOC)).toEqual([
      ['objects', 'inuse_objects +20% min 1000', 'default'],
      ['space', 'inuse_space +15% min 256KiB', 'default'],
    ]);
    // A rule written with the legacy name replaces the inuse_ default too.
    expect(applied('space +1%', TCMALLOC)).toEqual([
      ['objects', 'inuse_objects +20% min 1000', 'default'],
      ['space', 'space +1%', 'user'],
    ]);
    expect(applied('alloc_objects off', TCMALLOC)).toHaveLength(2);
  });

  it('rejects a user rule for a sample type the profiles lack, listing those they have', () => {
    expect(() => applied('inuse_space +15%\ninuse_spce +15%', GO)).toThrow(
      'rule 2 ("inuse_spce +15%"): the profiles have no sample type "inuse_spce"; available: alloc_objects, ' +
        'alloc_space, inuse_objects, inuse_space',
    );
    expect(() => applied('alloc_space +15%', TCMALLOC)).toThrow(RuleError);
  });

  it('rejects a byte amount on a count type', () => {
    expect(() => applied('inuse_objects +5% min 1KiB', GO)).toThrow(
      'rule 1 ("inuse_objects +5% min 1KiB"): min is in bytes but inuse_objects is measured in count; give a plain ' +
        'number',
    );
  });

  it('rejects two user rules for one sample type and pattern', () => {
    expect(() => applied('inuse_space +5%; inuse_space +6%', GO)).toThrow(
      'rule 2 ("inuse_space +6%"): repeats rule 1 ("inuse_space +5%"); keep one',
    );
    expect(() => applied('space +5%\ninuse_space +6%', TCMALLOC)).toThrow(/^rule 2 .*repeats rule 1/);
    expect(() => applied('inuse_space off\ninuse_space +6%', GO)).toThrow(/^rule 2 .*repeats rule 1/);
    expect(() => applied('inuse_space for a: +5%\ninuse_space for a: +6%', GO)).toThrow(/^rule 2 .*repeats rule 1/);
    // Same pattern on another type, and another pattern on the same type, are fine.
    expect(applied('inuse_space for a: +5%\nalloc_space for a: +6%\ninuse_space for b: +1%', GO)).toHaveLength(7);
  });

  it('lists the distinct focus patterns of the function rules', () => {
    expect(
      focusPatterns(rulesWithDefaults('inuse_space for a: +5%\nalloc_space for a: +6%\ninuse_space for ^b$: +1%')),
    ).toEqual(['a', '^b$']);
  });
});
