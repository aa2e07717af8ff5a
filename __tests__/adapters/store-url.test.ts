import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseStoreUrl } from '../../src/adapters/store-url.js';
import { UsageError } from '../../src/core/errors.js';

describe('parseStoreUrl', () => {
  test.each([
    ['gs://my-bucket/heapgate/v1', { kind: 'gcs', bucket: 'my-bucket', prefix: 'heapgate/v1' }],
    ['gs://my-bucket/heapgate/', { kind: 'gcs', bucket: 'my-bucket', prefix: 'heapgate' }],
    ['gs://my-bucket', { kind: 'gcs', bucket: 'my-bucket', prefix: '' }],
    ['gs://b.example.com/x', { kind: 'gcs', bucket: 'b.example.com', prefix: 'x' }],
    ['file:///var/lib/heapgate', { kind: 'dir', root: '/var/lib/heapgate' }],
    ['file:///tmp/with%20space', { kind: 'dir', root: '/tmp/with space' }],
    ['baselines', { kind: 'dir', root: '/work/repo/baselines' }],
    ['../shared/b', { kind: 'dir', root: '/work/shared/b' }],
    ['/abs/dir', { kind: 'dir', root: '/abs/dir' }],
    ['./odd:name', { kind: 'dir', root: '/work/repo/odd:name' }],
  ])('%s', (spec, expected) => {
    expect(parseStoreUrl(spec, '/work/repo')).toEqual(expected);
  });

  test.each([
    ['gs://', /the bucket name is empty; accepted forms: gs:\/\/BUCKET\/PREFIX, file:\/\/\/ABSOLUTE\/DIR, or a dir/],
    ['gs:///x', /the bucket name is empty/],
    ['gs:/my-heap-baselines/heapgate', /a Cloud Storage store is written gs:\/\/BUCKET\/PREFIX \(gs:\)/],
    ['gs:bucket', /a Cloud Storage store is written gs:\/\/BUCKET\/PREFIX/],
    ['gcs://bucket/x', /a Cloud Storage store is written gs:\/\/BUCKET\/PREFIX \(gcs:\)/],
    ['GS:/bucket', /a Cloud Storage store/],
    ['gs://UPPER/x', /not a valid bucket name/],
    ['gs://bkt/../x', /'\.\.' segment/],
    ['gs://bucket/a//b', /empty/],
    ['s3://bucket/x', /unknown scheme \(s3:\); accepted forms: gs:\/\/BUCKET\/PREFIX/],
    ['https://storage.googleapis.com/b', /unknown scheme \(https:\)/],
    ['file://remote-host/x', /not a local file:\/\/ URL/],
    ['', /invalid --store/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseStoreUrl(spec, '/work/repo')).toThrow(UsageError);
    expect(() => parseStoreUrl(spec, '/work/repo')).toThrow(message);
  });
});

describe('openStore loads the GCS client only for gs:// stores', () => {
  let dir: string;
  let runner: string;
  beforeAll(async () => {
    // Outside the repository, @google-cloud/storage cannot be resolved from the bundle.
    dir = mkdtempSync(join(tmpdir(), 'heapgate-url-'));
    runner = join(dir, 'runner.mjs');
    await build({
      entryPoints: [join(fileURLToPath(new URL('.', import.meta.url)), 'store-url-runner.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: runner,
      external: ['@google-cloud/storage'],
      logLevel: 'error',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (spec: string) => execFileSync(process.execPath, [runner, spec], { cwd: dir, encoding: 'utf8' }).trim();

  test('a directory store opens without the client', () => {
    expect(run('baselines')).toBe(`ok ${join(dir, 'baselines')}`);
  });

  test('a gs:// store imports it (and fails here, where it cannot be found)', () => {
    expect(run('gs://bucket/prefix')).toMatch(/^error cannot load @google-cloud\/storage for gs:\/\/bucket: /);
  });
});
