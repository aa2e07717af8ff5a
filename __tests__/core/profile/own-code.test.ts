/**
 * Own code: which frames are the user's (own-code.ts), and the attribution of each sample to its
 * deepest own frame (aggregate.ts), on real Go profiles of workloads/heapload and on built ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeEncoded, OWN_LEAF_SEPARATOR } from '../../../src/core/profile/aggregate.js';
import { compileOwnCode, goPackage } from '../../../src/core/profile/own-code.js';
import { RuleError } from '../../../src/core/errors.js';
import { ROOT } from '../../helpers/dist.js';
import { buildProfile } from '../../helpers/build-profile.js';
import { summarize } from '../../../src/core/profile/aggregate.js';

describe('goPackage', () => {
  test.each([
    ['main.main', 'main'],
    ['main.(*server).handle.func1', 'main'],
    ['github.com/acme/app/internal/cache.(*Cache).Put', 'github.com/acme/app/internal/cache'],
    ['strings.(*Builder).grow', 'strings'],
    ['container/list.(*List).insertValue', 'container/list'],
    ['example.com/m.F[go.shape.struct { X github.com/x/y.T }]', 'example.com/m'],
    ['gopkg.in/yaml%2ev3.(*parser).parse', 'gopkg.in/yaml.v3'],
    ['example.com/app%2ev2.Run', 'example.com/app.v2'],
  ])('%s → %s', (name, pkg) => {
    expect(goPackage(name)).toBe(pkg);
  });
});

describe('compileOwnCode', () => {
  const guess = compileOwnCode({});
  const module = compileOwnCode({ modules: ['github.com/acme/app'] });

  test('Go: main and dotted module paths are own; the standard library and the module cache are not', () => {
    expect(guess('main.loadUserRecord', '/home/runner/work/app/main.go')).toBe(true);
    expect(guess('github.com/acme/app/cache.(*Cache).Put', 'github.com/acme/app/cache/cache.go')).toBe(true);
    expect(guess('strings.(*Builder).grow', '/usr/lib/go-1.19/src/strings/builder.go')).toBe(false);
    expect(guess('runtime.mallocgc', '/usr/lib/go-1.19/src/runtime/malloc.go')).toBe(false);
    expect(guess('github.com/x/lib.F', '/root/go/pkg/mod/github.com/x/lib@v1.2.0/f.go')).toBe(false);
    expect(guess('github.com/x/lib.F', 'github.com/x/lib@v1.2.0/f.go')).toBe(false);
    expect(guess('github.com/x/lib.F', '/home/runner/work/app/app/vendor/github.com/x/lib/f.go')).toBe(false);
    expect(guess('github.com/x/lib.F', 'vendor/github.com/x/lib/f.go')).toBe(false);
  });

  test('Go: a module whose last element has a dot (escaped %2e in symbols) is recognised', () => {
    const dotted = compileOwnCode({ modules: ['example.com/app.v2'] });
    expect(dotted('example.com/app%2ev2.Run', 'x.go')).toBe(true);
    expect(dotted('example.com/app.v2/cache.(*C).Put', 'x.go')).toBe(true);
  });

  test('Go with the module known: only its packages (and main)', () => {
    expect(module('github.com/acme/app/cache.(*Cache).Put', 'x.go')).toBe(true);
    expect(module('github.com/acme/app.Run', 'x.go')).toBe(true);
    expect(module('github.com/acme/application.Run', 'x.go')).toBe(false);
    expect(module('github.com/other/lib.F', 'x.go')).toBe(false);
    expect(module('main.main', 'x.go')).toBe(true);
  });

  test('JavaScript: files outside node_modules and node: internals, under the workspace when known', () => {
    const ws = compileOwnCode({ workspace: '/home/runner/work/app/app' });
    expect(guess('handler', 'file:///srv/app/server.mjs')).toBe(true);
    expect(guess('parse', 'file:///srv/app/node_modules/qs/lib/parse.js')).toBe(false);
    expect(guess('Buffer.alloc', 'node:buffer')).toBe(false);
    expect(ws('handler', 'file:///home/runner/work/app/app/src/server.mjs')).toBe(true);
    expect(ws('handler', 'file:///home/runner/work/app/app2/server.mjs')).toBe(false);
    expect(ws('handler', 'file:///home/runner/work/app/app/src/my%20file.mjs')).toBe(true);
    // Hostile URLs: a malformed escape is not own (and throws nothing); an escaped node_modules is still it.
    expect(ws('f', 'file:///home/runner/work/app/app/a%E0.js')).toBe(false);
    expect(guess('f', 'file:///srv/app/node%5Fmodules/x.js')).toBe(false);
  });

  test('a pattern decides alone; a broken one is a RuleError naming own-code', () => {
    const java = compileOwnCode({ pattern: '^com\\.example\\.' });
    expect(java('com.example.AllocLoad.handle', 'AllocLoad.java')).toBe(true);
    expect(java('java.util.Arrays.copyOf', 'Arrays.java')).toBe(false);
    expect(java('main.main', 'main.go')).toBe(false);
    expect(() => compileOwnCode({ pattern: '(' })).toThrow(RuleError);
    expect(() => compileOwnCode({ pattern: '(' })).toThrow(/^own-code: invalid regular expression/);
  });
});

describe('own-code attribution on real profiles', () => {
  const file = (p: string) => readFileSync(join(ROOT, '__tests__/fixtures/go', p));

  test.each(['builder', 'cache', 'pool', 'convert'])(
    '%s: every sample with an own frame goes to exactly one own function; the pairs split it by leaf',
    (pattern) => {
      const s = summarizeEncoded(file(`${pattern}/regressed.rate1.allocs.pb.gz`), { ownCode: { lines: true } });
      const own = s.own!;
      const names = s.functions.name;
      const owning = names.filter((_, r) => own.flat.some((col) => col[r] !== 0));
      expect(owning.length).toBeGreaterThan(0);
      for (const name of owning) expect(goPackage(name)).toBe('main');
      for (let t = 0; t < s.sampleType.length; t++) {
        const ownSum = own.flat[t]!.reduce((a, b) => a + b, 0);
        const lineSum = own.lines!.flat[t]!.reduce((a, b) => a + b, 0);
        expect(lineSum).toBeCloseTo(ownSum, 6);
        // Samples without an own frame (the runtime's own allocations) are left out, never added twice.
        expect(ownSum).toBeLessThanOrEqual(s.total[t]! + 1e-6);
        // What the workload allocated is most of what the program allocated.
        if (s.sampleType[t]!.type.startsWith('alloc_')) expect(ownSum).toBeGreaterThan(0.5 * s.total[t]!);
        // Each own function's part is at most its cum (it is on the stack of every sample it gets),
        // and its pairs with other leaves are at most its part.
        names.forEach((name, r) => {
          expect(own.flat[t]![r]!).toBeLessThanOrEqual(s.functions.cum[t]![r]! + 1e-6);
          const pairs = own.leaves.name.reduce(
            (sum, n, i) => (n.startsWith(`${name}${OWN_LEAF_SEPARATOR}`) ? sum + own.leaves.flat[t]![i]! : sum),
            0,
          );
          expect(pairs).toBeLessThanOrEqual(own.flat[t]![r]! + 1e-6);
        });
      }
      for (const name of own.leaves.name) expect(name.split(OWN_LEAF_SEPARATOR)).toHaveLength(2);
    },
  );

  test('without ownCode, no attribution is made', () => {
    expect(summarizeEncoded(file('builder/good.rate1.allocs.pb.gz')).own).toBeUndefined();
  });
});

test("an own frame's file name is cut like a function name: a hostile 1 MiB file name stays small", () => {
  const file = 'x'.repeat(1 << 20);
  const profile = buildProfile({
    samples: [{ stack: [{ lines: [{ name: 'main.f', file }] }], value: [1, 64, 1, 64], bytes: 64 }],
    period: 1,
  });
  const s = summarize(profile, { ownCode: { lines: true } });
  expect(s.own!.lines!.name).toHaveLength(1);
  expect(s.own!.lines!.name[0]!.length).toBeLessThan(4200);
});

test('a location without lines, own by its row name, is attributed without a file or line', () => {
  const profile = buildProfile({
    samples: [
      { stack: [{ lines: [], mapping: 'libx.so' }], value: [1, 64, 1, 64], bytes: 64 },
      { stack: [{ lines: [{ name: 'main.f', file: 'f.go' }] }], value: [1, 32, 1, 32], bytes: 32 },
      // A function named like the mapping's row makes that row own code (a hostile or odd profile).
      { stack: [{ lines: [{ name: '[libx.so]', file: 'x.c' }] }], value: [1, 16, 1, 16], bytes: 16 },
    ],
    period: 1,
  });
  const s = summarize(profile, { ownCode: { pattern: '^(\\[libx\\.so\\]|main\\.f)$', lines: true } });
  const row = s.functions.name.indexOf('[libx.so]');
  expect(s.own!.flat[1]![row]).toBe(64 + 16);
  // The lineless location adds no line; the named one does.
  expect(s.own!.lines!.name.map((n) => n.split('\u0000').slice(0, 2).join(' ')).sort()).toEqual([
    '[libx.so] x.c',
    'main.f f.go',
  ]);
  expect(s.own!.lines!.flat[1]!.reduce((a, b) => a + b, 0)).toBe(32 + 16);
});
