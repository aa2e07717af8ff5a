/** Profile source paths → checkout paths (source-path.ts): absolute, -trimpath module paths, file:// URLs, and what never maps. */
import { checkoutPath } from '../../../src/core/profile/source-path.js';

const roots = { workspace: '/home/runner/work/app/app', modules: ['github.com/acme/app'] };

test.each([
  ['/home/runner/work/app/app/internal/cache/cache.go', 'internal/cache/cache.go'],
  ['github.com/acme/app/internal/cache/cache.go', 'internal/cache/cache.go'],
  ['file:///home/runner/work/app/app/src/server.mjs', 'src/server.mjs'],
  ['file:///home/runner/work/app/app/src/my%20file.mjs', 'src/my file.mjs'],
])('%s → %s', (file, path) => {
  expect(checkoutPath(file, roots)).toBe(path);
});

test.each([
  ['/usr/lib/go-1.19/src/strings/builder.go'],
  ['github.com/acme/application/x.go'],
  ['github.com/other/lib@v1.2.0/f.go'],
  ['/home/runner/work/app/app2/x.go'],
  ['/home/runner/work/app/app/../secret/x.go'],
  ['github.com/acme/app/./x.go'],
  ['github.com/acme/app//x.go'],
  ['/home/runner/work/app/app/a\\b.go'],
  ['/home/runner/work/app/app/a\nb.go'],
  ['node:internal/buffer'],
  ['file://%zz'],
  [''],
])('%j maps to nothing', (file) => {
  expect(checkoutPath(file, roots)).toBeNull();
});

test('a trailing slash on the workspace changes nothing', () => {
  expect(checkoutPath('/w/a.go', { workspace: '/w/' })).toBe('a.go');
});
