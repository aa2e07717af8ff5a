import {
  compileNamePattern,
  linearRegExpFlag,
  MAX_PATTERN_CHARS,
  shownPattern,
} from '../../../src/core/profile/name-pattern.js';

describe('name patterns run in linear time', () => {
  test('the engine is on in this process (jest setup, as in the doors)', () => {
    expect(linearRegExpFlag()).toBe('l');
    expect(compileNamePattern('^main\\.').flags).toBe('l');
  });

  test('a pattern that backtracks exponentially in the ordinary engine ends at once', () => {
    const re = compileNamePattern('(a+)+$');
    const started = process.hrtime.bigint();
    expect(re.test(`${'a'.repeat(5000)}!`)).toBe(false);
    // Not a timing assertion of speed: an exponential run would not end at all.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(10);
  });

  test.each([
    ['^main\\.\\(\\*Cache\\)\\.Put$', 'main.(*Cache).Put', true],
    ['strings\\.\\(\\*Builder\\)', 'strings.(*Builder).grow', true],
    ['^runtime\\.', 'main.f', false],
    ['[', '', null],
  ])('/%s/ against %s', (pattern, name, matches) => {
    if (matches === null) expect(() => compileNamePattern(pattern)).toThrow(/^invalid regular expression \/\[\/: /);
    else expect(compileNamePattern(pattern).test(name)).toBe(matches);
  });

  test.each([
    ['(a)\\1', 'back-reference'],
    ['main(?=\\.)', 'lookaround'],
    ['a{100000}', 'large counted repetition'],
  ])('/%s/ is refused: it cannot run in linear time', (pattern, _what) => {
    expect(() => compileNamePattern(pattern)).toThrow(
      `invalid regular expression /${pattern}/: uses a back-reference, a lookaround or a large counted repetition, ` +
        'which cannot be matched in linear time',
    );
  });

  test('a pattern over the length limit is refused with the pattern cut', () => {
    const long = 'a'.repeat(40_000);
    let message = '';
    try {
      compileNamePattern(long);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      `regular expression /${'a'.repeat(80)}…/ (40000 characters, cut) is longer than ${MAX_PATTERN_CHARS} characters`,
    );
    expect(shownPattern('abc')).toBe('/abc/');
  });
});
