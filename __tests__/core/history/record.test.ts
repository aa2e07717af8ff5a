/** The record manifest: what a record run writes, and the strict check a report run applies to it. */
import { UsageError } from '../../../src/core/errors.js';
import {
  MAX_MANIFEST_BYTES,
  parseManifest,
  recordedProfilePath,
  renderManifest,
  type RecordManifest,
} from '../../../src/core/history/record.js';

const VALID: Omit<RecordManifest, 'format' | 'version'> = {
  series: 'cache',
  profile: { path: 'bench/heap.pb.gz', bytes: 1234 },
  run: { event: 'pull_request', sha: 'd'.repeat(40), pullRequest: 7, runId: '500' },
};

describe('recordedProfilePath', () => {
  test.each([
    ['bench/heap.pb.gz', 'bench/heap.pb.gz'],
    ['./bench/heap.pb.gz', 'bench/heap.pb.gz'],
    ['bench\\heap.pb.gz', 'bench/heap.pb.gz'],
    ['/home/runner/work/_temp/heap.pb.gz', 'heap.pb.gz'],
    ['../outside/heap.pb.gz', 'heap.pb.gz'],
    ['profiles/my heap.pb.gz', 'profile'],
    ['a/..', 'profile'],
  ])('%j is recorded as %j', (path, recorded) => {
    expect(recordedProfilePath(path)).toBe(recorded);
  });
});

describe('parseManifest', () => {
  test('reads back what renderManifest writes, nulls included', () => {
    expect(parseManifest(renderManifest(VALID))).toEqual({ format: 'heapgate-record', version: 1, ...VALID });
    const none = { ...VALID, run: { ...VALID.run, pullRequest: null, runId: null } };
    expect(parseManifest(renderManifest(none)).run).toEqual(none.run);
  });

  const doc = (): Record<string, unknown> => JSON.parse(renderManifest(VALID)) as Record<string, unknown>;
  const withProfile = (p: Record<string, unknown>): Record<string, unknown> => ({
    ...doc(),
    profile: { ...VALID.profile, ...p },
  });
  const withRun = (r: Record<string, unknown>): Record<string, unknown> => ({ ...doc(), run: { ...VALID.run, ...r } });

  test.each<[string, unknown, string]>([
    ['an array', [], 'the document is not an object'],
    ['null', null, 'the document is not an object'],
    ['a missing field', (({ run: _, ...rest }) => rest)(doc()), 'the document lacks run'],
    ['an extra field', { ...doc(), extra: 1 }, 'the document has fields the schema does not allow'],
    ['another format', { ...doc(), format: 'other' }, 'format is not heapgate-record'],
    ['version 2', { ...doc(), version: 2 }, 'version is not 1 (made by another heapgate version?)'],
    ['version "1"', { ...doc(), version: '1' }, 'version is not 1 (made by another heapgate version?)'],
    ['a series with a slash', { ...doc(), series: 'a/b' }, 'series is not a valid series name'],
    ['a numeric series', { ...doc(), series: 5 }, 'series is not a string'],
    ['an absolute path', withProfile({ path: '/etc/passwd' }), 'profile.path is not a valid value'],
    ['a .. segment', withProfile({ path: 'a/../../b' }), 'profile.path is not a valid value'],
    ['a newline', withProfile({ path: 'a\n::error::x' }), 'profile.path is not a valid value'],
    ['a mention', withProfile({ path: '@team' }), 'profile.path is not a valid value'],
    ['a URL', withProfile({ path: 'https://evil.example/x' }), 'profile.path is not a valid value'],
    ['a long path', withProfile({ path: 'a'.repeat(201) }), 'profile.path is not a valid value'],
    ['zero bytes', withProfile({ bytes: 0 }), 'profile.bytes is not a whole number from 1 to 268435456'],
    ['fractional bytes', withProfile({ bytes: 1.5 }), 'profile.bytes is not a whole number from 1 to 268435456'],
    ['an extra profile field', withProfile({ url: 'x' }), 'profile has fields the schema does not allow'],
    ['an upper-case sha', withRun({ sha: 'D'.repeat(40) }), 'run.sha is not a valid value'],
    ['a short sha', withRun({ sha: 'd'.repeat(12) }), 'run.sha is not a valid value'],
    ['a negative number', withRun({ pullRequest: -1 }), 'run.pullRequest is not a whole number from 1 to 2147483647'],
    ['a number as text', withRun({ pullRequest: '7' }), 'run.pullRequest is not a whole number from 1 to 2147483647'],
    ['a run id with letters', withRun({ runId: '12a' }), 'run.runId is not a valid value'],
    ['an event with spaces', withRun({ event: 'pull request' }), 'run.event is not a valid value'],
  ])('%s is refused, naming the field and never quoting the document', (_name, value, problem) => {
    let error: unknown;
    try {
      parseManifest(JSON.stringify(value));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`record manifest: ${problem}`);
  });

  test('text that is not JSON, and text over the cap', () => {
    expect(() => parseManifest('{"format":')).toThrow(/^record manifest: not valid JSON$/);
    expect(() => parseManifest(' '.repeat(MAX_MANIFEST_BYTES + 1))).toThrow(
      new UsageError(`record manifest: larger than ${MAX_MANIFEST_BYTES} bytes`),
    );
  });

  test('a __proto__ key is a field like any other, not a prototype', () => {
    const text = renderManifest(VALID).replace('{', '{"__proto__": {"series": "x"},');
    expect(() => parseManifest(text)).toThrow('record manifest: the document has fields the schema does not allow');
  });
});
