/** The test GCS server itself, driven by the real client: the API behaviour the store relies on. */
import { Storage } from '@google-cloud/storage';
import { GcsServer } from './gcs-server.js';
import { crc32c, crc32cBase64, md5Base64 } from './gcs/crc32c.js';

let server: GcsServer;
let storage: Storage;
beforeAll(async () => {
  server = await GcsServer.start();
  server.createBucket('bkt');
  storage = new Storage({ apiEndpoint: server.endpoint, projectId: 'p', retryOptions: { autoRetry: false } });
});
afterAll(() => server.stop());

const reasonOf = (e: unknown) => (e as { errors?: { reason?: string }[] }).errors?.[0]?.reason;

test('CRC-32C check value: "123456789" → 0xE3069283 (RFC 3720 B.4)', () => {
  expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  // The client's own implementation agrees on other data.
  const data = Buffer.from('heapgate baseline');
  const c = storage.crc32cGenerator();
  c.update(data);
  expect(crc32cBase64(data)).toBe(c.toString());
});

test('insert, metadata with hashes and generation, download, overwrite, delete', async () => {
  const f = storage.bucket('bkt').file('a/b.txt');
  await f.save('one', { resumable: false });
  const [m1] = await f.getMetadata();
  expect(m1).toMatchObject({
    name: 'a/b.txt',
    size: '3',
    md5Hash: md5Base64(Buffer.from('one')),
    crc32c: crc32cBase64(Buffer.from('one')),
  });
  await f.save('two', { resumable: false, preconditionOpts: { ifGenerationMatch: Number(m1.generation) } });
  const [m2] = await f.getMetadata();
  expect(BigInt(m2.generation!)).toBeGreaterThan(BigInt(m1.generation!));
  expect((await f.download())[0].toString()).toBe('two');
  // The replaced generation is gone.
  const err = await storage
    .bucket('bkt')
    .file('a/b.txt', { generation: m1.generation })
    .download()
    .catch((e: unknown) => e);
  expect((err as { code: number }).code).toBe(404);
  await f.delete();
  expect((await f.exists())[0]).toBe(false);
});

test('preconditions: ifGenerationMatch=0 on an existing object and a stale generation are 412 conditionNotMet', async () => {
  const f = storage.bucket('bkt').file('p.txt');
  await f.save('x', { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } });
  for (const gen of [0, 1]) {
    const err = await f
      .save('y', { resumable: false, preconditionOpts: { ifGenerationMatch: gen } })
      .catch((e: unknown) => e);
    expect((err as { code: number }).code).toBe(412);
    expect(reasonOf(err)).toBe('conditionNotMet');
  }
  const err = await f.getMetadata({ ifMetagenerationMatch: 5 }).catch((e: unknown) => e);
  expect((err as { code: number }).code).toBe(412);
  expect((await f.download())[0].toString()).toBe('x');
});

test('404 notFound for a missing object and for a missing bucket', async () => {
  const e1 = await storage
    .bucket('bkt')
    .file('nope')
    .getMetadata()
    .catch((e: unknown) => e);
  expect([(e1 as { code: number }).code, reasonOf(e1)]).toEqual([404, 'notFound']);
  const e2 = await storage
    .bucket('nobucket')
    .file('x')
    .getMetadata()
    .catch((e: unknown) => e);
  expect((e2 as Error).message).toBe('The specified bucket does not exist.');
});

test('listing: prefix and delimiter, pages of maxResults', async () => {
  const b = storage.bucket('bkt');
  for (const n of ['l/a/1', 'l/a/2', 'l/b/1', 'l/c', 'l/d', 'l/e']) await b.file(n).save('.', { resumable: false });
  const seen: string[] = [];
  let query: object | null = { prefix: 'l/', delimiter: '/', maxResults: 2, autoPaginate: false };
  let pages = 0;
  while (query) {
    const [files, next, resp]: [{ name: string }[], object | null, unknown] = await b.getFiles(query);
    pages++;
    seen.push(...files.map((f) => f.name), ...((resp as { prefixes?: string[] }).prefixes ?? []));
    query = next;
  }
  expect(seen.sort()).toEqual(['l/a/', 'l/b/', 'l/c', 'l/d', 'l/e']);
  expect(pages).toBe(3);
});
