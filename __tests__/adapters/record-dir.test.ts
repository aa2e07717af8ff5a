/** The record directory on disk: the two names a series gives, caps checked before reading, no links followed. */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecordDirectory, recordFileNames } from '../../src/adapters/record-dir.js';
import { UsageError } from '../../src/core/errors.js';

const CAPS = { maxManifestBytes: 100, maxProfileBytes: 1000 };
const tmp = (): string => mkdtempSync(join(tmpdir(), 'heapgate-record-dir-'));

test('write creates the directory; read gives back the same files', async () => {
  const root = join(tmp(), 'nested', 'heapgate-record');
  const dir = openRecordDirectory(root, '/');
  const profile = new Uint8Array([1, 2, 3]);
  await dir.write('cache', { manifest: '{"a":1}', profile });
  expect(readdirSync(root).sort()).toEqual(['cache.manifest.json', 'cache.profile']);
  const back = await dir.read('cache', CAPS);
  expect(back.manifest).toBe('{"a":1}');
  expect([...back.profile]).toEqual([1, 2, 3]);
});

test('a relative directory is taken from cwd', async () => {
  const cwd = tmp();
  await openRecordDirectory('rec', cwd).write('s', { manifest: '{}', profile: new Uint8Array([9]) });
  expect(readdirSync(join(cwd, 'rec'))).toContain('s.profile');
});

test('the file names come from a validated series only', () => {
  expect(recordFileNames('a.b_c-1')).toEqual({ manifest: 'a.b_c-1.manifest.json', profile: 'a.b_c-1.profile' });
  expect(() => recordFileNames('../x')).toThrow(UsageError);
  expect(() => recordFileNames('a/b')).toThrow(UsageError);
});

async function readError(root: string): Promise<string> {
  const e = await openRecordDirectory(root, '/')
    .read('cache', CAPS)
    .catch((err: unknown) => err);
  expect(e).toBeInstanceOf(UsageError);
  return (e as Error).message;
}

test.each<[string, (root: string) => void, string]>([
  ['a missing manifest', () => {}, 'record cache.manifest.json: no such file'],
  [
    'a manifest over its cap',
    (root) => writeFileSync(join(root, 'cache.manifest.json'), 'x'.repeat(101)),
    'record cache.manifest.json: 101 bytes, more than the limit of 100',
  ],
  [
    'a manifest that is not UTF-8',
    (root) => writeFileSync(join(root, 'cache.manifest.json'), Buffer.from([0xff, 0xfe, 0x00])),
    'record cache.manifest.json: not UTF-8 text',
  ],
  [
    'a profile over its cap',
    (root) => {
      writeFileSync(join(root, 'cache.manifest.json'), '{}');
      writeFileSync(join(root, 'cache.profile'), Buffer.alloc(1001));
    },
    'record cache.profile: 1001 bytes, more than the limit of 1000',
  ],
  [
    'a profile that is a directory',
    (root) => {
      writeFileSync(join(root, 'cache.manifest.json'), '{}');
      mkdirSync(join(root, 'cache.profile'));
    },
    'record cache.profile: not a regular file',
  ],
  [
    'a manifest that is a link',
    (root) => {
      writeFileSync(join(root, 'elsewhere'), '{}');
      symlinkSync(join(root, 'elsewhere'), join(root, 'cache.manifest.json'));
    },
    'record cache.manifest.json: is a symbolic link, not a file',
  ],
])('%s is refused', async (_name, make, message) => {
  const root = tmp();
  make(root);
  expect(await readError(root)).toBe(message);
});
