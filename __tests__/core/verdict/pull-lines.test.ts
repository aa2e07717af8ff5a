/** The lines a pull request's patch adds, and which grown own-code lines are among them (pull-lines.ts). */
import { addedLines, pullLines, type GrownLine } from '../../../src/core/verdict/pull-lines.js';
import { bothWays } from '../../../src/core/compare/own-diff.js';

describe('addedLines', () => {
  test('the new-file numbers of + lines, across hunks; - lines and context counted right', () => {
    const patch = [
      '@@ -10,4 +10,5 @@ func f() {',
      ' a',
      '-b',
      '+B',
      '+B2',
      ' c',
      '@@ -40,2 +41,3 @@',
      ' x',
      '+y',
      '\\ No newline at end of file',
    ].join('\n');
    expect(addedLines(patch)).toEqual([11, 12, 42]);
  });

  test('a new file (@@ -0,0 +1,3 @@) adds every line; a one-line hunk header without counts too', () => {
    expect(addedLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')).toEqual([1, 2, 3]);
    expect(addedLines('@@ -1 +1 @@\n-a\n+b')).toEqual([1]);
  });

  test('text before the first hunk, and garbage, add nothing', () => {
    expect(addedLines('+not in a hunk\n@@ nonsense @@\n+x')).toEqual([]);
    expect(addedLines('')).toEqual([]);
  });
});

describe('pullLines', () => {
  const g = (file: string, line: number, flatDelta = 100): GrownLine => ({
    file,
    line,
    function: 'example.com/m.F',
    sampleType: 'inuse_space',
    unit: 'bytes',
    flatDelta,
  });

  test('the grown lines at changed lines of their checkout paths, in order; grown counts those in the checkout', () => {
    const grown = [g('example.com/m/a.go', 5, 300), g('example.com/m/b.go', 7, 200), g('/elsewhere/c.go', 1, 100)];
    const paths = new Map([
      ['example.com/m/a.go', 'a.go'],
      ['example.com/m/b.go', 'b.go'],
    ]);
    const lines = new Map([
      ['a.go', new Set([4, 5])],
      ['b.go', new Set([8])],
    ]);
    const p = pullLines(grown, paths, { lines, unknown: new Set(), complete: true });
    expect(p.grown).toBe(2);
    expect(p.uncertain).toBe(false);
    expect(p.changed.map((l) => `${l.path}:${l.line}`)).toEqual(['a.go:5']);
  });

  test('none in the diff: no changed line, the count says how many grew', () => {
    const p = pullLines([g('x.go', 1)], new Map([['x.go', 'x.go']]), {
      lines: new Map(),
      unknown: new Set(),
      complete: true,
    });
    expect(p).toEqual({ changed: [], grown: 1, uncertain: false });
  });

  test('a grown line in a file changed without a patch, or a partial listing, is uncertain', () => {
    const paths = new Map([['x.go', 'x.go']]);
    expect(
      pullLines([g('x.go', 1)], paths, { lines: new Map(), unknown: new Set(['x.go']), complete: true }).uncertain,
    ).toBe(true);
    expect(pullLines([g('x.go', 1)], paths, { lines: new Map(), unknown: new Set(), complete: false }).uncertain).toBe(
      true,
    );
  });
});

describe('bothWays', () => {
  test('keeps the first n that grew and the first n that shrank, in order', () => {
    const rows = [-50, -40, -30, 20, 10, 5];
    expect(bothWays(rows, (x) => x, 2)).toEqual([-50, -40, 20, 10]);
  });
});
