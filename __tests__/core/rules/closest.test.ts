/** "Did you mean": the ranking behind the closest function names and series in error messages. */
import { closestNames, patternLiteral, rankByDistance } from '../../../src/core/rules/closest.js';

const GO_TEST_NAMES = [
  'main.main',
  'runtime.main',
  'testing.tRunner',
  'example.com/app/cache.(*Cache).Put',
  'example.com/app/cache.New',
  'example.com/app/cache.TestFill',
];

test('a function rule written for package main finds the module-path functions of its last word first', () => {
  // `main.cache` is as far from `main.main` (4 edits) as from the best substring of the cache
  // functions' names; the last word, `cache`, is what tells them apart.
  const wanted = patternLiteral('^main\\.cache');
  expect(wanted).toBe('main.cache');
  expect(closestNames(wanted, GO_TEST_NAMES, { within: true, limit: 3 })).toEqual([
    'example.com/app/cache.New',
    'example.com/app/cache.TestFill',
    'example.com/app/cache.(*Cache).Put',
  ]);
});

test('a mistyped series ranks the typo first, then the shorter names', () => {
  expect(rankByDistance('cahce', ['api-server', 'cache', 'caches'])).toEqual(['cache', 'caches', 'api-server']);
  expect(closestNames('cahce', ['api-server', 'cache', 'caches'], { limit: 1 })).toEqual(['cache']);
});

test('nothing close enough is suggested', () => {
  expect(closestNames('inventory', ['api', 'web'])).toEqual([]);
});
