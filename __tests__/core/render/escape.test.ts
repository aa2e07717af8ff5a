import { markdownCode, markdownText, terminalSafe, truncate } from '../../../src/core/render/escape.js';

describe('terminalSafe', () => {
  test('shows control characters instead of sending them', () => {
    expect(terminalSafe('a\u001b[31mred\u0007\r\nb')).toBe('a\\x1b[31mred\\x07\\x0d\\x0ab');
    expect(terminalSafe('evil\u202etxt.exe')).toBe('evil\\u202etxt.exe');
    expect(terminalSafe('main.(*T).Method')).toBe('main.(*T).Method');
  });
});

describe('markdownCode', () => {
  test.each([
    ['main.foo', false, '`main.foo`'],
    ['a|b', true, '`a\\|b`'],
    ['a|b', false, '`a|b`'],
    ['x`y', false, '``x`y``'],
    ['``', false, '``` `` ```'],
    ['`lead', false, '`` `lead ``'],
    ['<script>alert(1)</script>', false, '`<script>alert(1)</script>`'],
    ['line1\nline2', false, '`line1\\x0aline2`'],
    ['', false, '` `'],
  ])('markdownCode(%j, %p) = %j', (input, inTable, out) => {
    expect(markdownCode(input, inTable)).toBe(out);
  });
});

describe('markdownText', () => {
  test('escapes punctuation, HTML and mentions', () => {
    expect(markdownText('*a_b* [x](y) <b>&</b> @octocat |')).toBe(
      '\\*a\\_b\\* \\[x\\]\\(y\\) &lt;b&gt;&amp;&lt;\\/b&gt; @\u200doctocat \\|',
    );
    expect(markdownText('plain words 123')).toBe('plain words 123');
    expect(markdownText('a\nb')).toBe('a\\\\x0ab');
  });
});

describe('truncate', () => {
  test('cuts with an ellipsis, never splitting a surrogate pair', () => {
    expect(truncate('abcdef', 10)).toBe('abcdef');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });
});
