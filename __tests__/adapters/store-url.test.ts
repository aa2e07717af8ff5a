import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openStore, parseStoreUrl } from '../../src/adapters/store-url.js';
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
    ['branch:heapgate-baselines', { kind: 'branch', branch: 'heapgate-baselines' }],
    ['branch:perf/baselines_v1.2', { kind: 'branch', branch: 'perf/baselines_v1.2' }],
    ['./odd:name', { kind: 'dir', root: '/work/repo/odd:name' }],
  ])('%s', (spec, expected) => {
    expect(parseStoreUrl(spec, '/work/repo')).toEqual(expected);
  });

  test.each([
    [
      'gs://',
      /the bucket name is empty; accepted forms: gs:\/\/BUCKET\/PREFIX, branch:NAME, file:\/\/\/ABSOLUTE\/DIR, or a dir/,
    ],
    ['gs:///x', /the bucket name is empty/],
    ['gs:/my-heap-baselines/heapgate', /a Cloud Storage store is written gs:\/\/BUCKET\/PREFIX \(gs:\)/],
    ['gs:bucket', /a Cloud Storage store is written gs:\/\/BUCKET\/PREFIX/],
    ['gcs://bucket/x', /a Cloud Storage store is written gs:\/\/BUCKET\/PREFIX \(gcs:\)/],
    ['GS:/bucket', /a Cloud Storage store/],
    ['gs://UPPER/x', /not a valid bucket name/],
    ['gs://bkt/../x', /'\.\.' segment/],
    ['gs://bucket/a//b', /empty/],
    ['s3://bucket/x', /unknown scheme \(s3:\); accepted forms: gs:\/\/BUCKET\/PREFIX, branch:NAME/],
    ['branch:', /"" is not a branch name/],
    ['branch:a..b', /not a branch name/],
    ['branch:.hidden', /not a branch name/],
    ['branch:x.lock', /not a branch name/],
    ['branch:a//b', /not a branch name/],
    ['branch:-x', /not a branch name/],
    ['branch:a b', /not a branch name/],
    ['branch:a~1', /not a branch name/],
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

describe('openStore: a branch: store needs a token and a repository', () => {
  const github = (token: string | undefined, repository: string | undefined) => ({
    cwd: '/work/repo',
    access: 'read' as const,
    github: { token, repository, hint: 'set GITHUB_TOKEN and --repo' },
  });

  test.each([
    [github(undefined, 'o/r'), /^store branch:b needs a GitHub token: set GITHUB_TOKEN and --repo$/],
    [github('', 'o/r'), /needs a GitHub token/],
    [github('t', undefined), /^store branch:b needs the repository as owner\/name: set GITHUB_TOKEN/],
    [github('t', 'no-slash'), /needs the repository as owner\/name, not "no-slash"/],
    [github('t', 'o/r/x'), /not "o\/r\/x"/],
    [{ cwd: '/work/repo', access: 'read' as const }, /needs a GitHub token$/],
  ])('%#: a UsageError saying what is missing', async (options, message) => {
    const err = await openStore('branch:b', options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
  });

  test('with both it opens, naming the branch and repository', async () => {
    expect((await openStore('branch:b', github('t', 'o/r'))).location).toBe('branch:b (o/r)');
  });
});
