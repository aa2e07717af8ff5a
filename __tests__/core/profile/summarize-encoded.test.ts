/**
 * summarizeEncoded (samples summed while they are decoded, as the profile job does) against
 * summarize(decodeProfile(bytes)) (samples stored, then summed): the same ProfileSummary, number for
 * number, on every fixture and on the synthetic generator's output, with focus patterns; and the
 * same error, class and message, on malformed bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { summarize, summarizeEncoded, type ProfileSummary } from '../../../src/core/profile/aggregate.js';
import { decodeProfile } from '../../../src/core/profile/decode/index.js';
import { RuleError } from '../../../src/core/errors.js';
import { ROOT } from '../../helpers/dist.js';
import { encodeProfile } from '../../helpers/encode-profile.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures');

/** Patterns that match some rows of every kind of fixture, several rows, or none. */
const FOCUS = ['^main\\.', 'runtime|sync', 'Method1$', 'cache', 'nothing matches this'];

function profileFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return profileFiles(path);
    return /\.(pb|pb\.gz|txt)$/.test(e.name) ? [path] : [];
  });
}

/** The summary or the error each way gives, as plain data to compare. */
function outcome(f: () => ProfileSummary): { summary: ProfileSummary } | { error: string; message: string } {
  try {
    return { summary: f() };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

function expectSameSummary(bytes: Uint8Array, focus: readonly string[]): void {
  const streamed = summarizeEncoded(bytes, { focus });
  expect(streamed).toEqual(summarize(decodeProfile(bytes), { focus }));
}

const files = profileFiles(FIXTURES).sort();

describe('summarizeEncoded equals summarize(decodeProfile(bytes))', () => {
  test('fixtures are present', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(files.map((f) => [relative(FIXTURES, f), f]))('%s', (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    expectSameSummary(bytes, []);
    expectSameSummary(bytes, FOCUS);
  });

  test('raw (not gzipped) protobuf', () => {
    const raw = gunzipSync(readFileSync(join(FIXTURES, 'go', 'cache', 'regressed.rate524288.heap.pb.gz')));
    expectSameSummary(new Uint8Array(raw), FOCUS);
  });

  test('the synthetic generator’s pair (Go-like heap profiles: labels, inlining, packed and unpacked ids)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-synth-'));
    try {
      const pair = join(dir, 'synth');
      const args = ['--samples', '3000', '--locations', '4000', '--functions', '900', '--pair', pair, '--quiet'];
      const r = spawnSync(process.execPath, ['scripts/gen-synthetic.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      for (const variant of ['base', 'current']) {
        const bytes = new Uint8Array(readFileSync(`${pair}.${variant}.pb.gz`));
        expectSameSummary(bytes, []);
        expectSameSummary(bytes, ['pkg1\\.', 'Type2\\)\\.Method[0-3]$', 'svc0[0-4]/', 'nothing']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('summarizeEncoded fails as decodeProfile then summarize do', () => {
  test('a malformed profile is the same DecodeError, and it wins over a bad focus pattern', () => {
    const whole = gunzipSync(readFileSync(join(FIXTURES, 'go', 'map', 'good.rate1.heap.pb.gz')));
    const raw = new Uint8Array(whole.subarray(0, whole.length >> 1));
    const decodeFirst = outcome(() => summarize(decodeProfile(raw), { focus: ['('] }));
    expect(decodeFirst).toMatchObject({ error: 'DecodeError' });
    expect(outcome(() => summarizeEncoded(raw, { focus: ['('] }))).toEqual(decodeFirst);
  });

  test('a bad focus pattern on a good profile is the same RuleError', () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'go', 'map', 'good.rate1.heap.pb.gz')));
    const e = outcome(() => summarizeEncoded(bytes, { focus: ['ok', '('] }));
    expect(e).toMatchObject({ error: 'RuleError' });
    expect(e).toEqual(outcome(() => summarize(decodeProfile(bytes), { focus: ['ok', '('] })));
    expect(() => summarizeEncoded(bytes, { focus: ['('] })).toThrow(RuleError);
  });

  test('mutated profiles: the same summary or the same error', () => {
    const seeds = [
      gunzipSync(readFileSync(join(FIXTURES, 'go', 'convert', 'good.rate524288.heap.pb.gz'))),
      gunzipSync(readFileSync(join(FIXTURES, 'node', 'cache.good.heap.pb.gz'))),
      encodeProfile({
        sampleType: [
          ['objects', 'count'],
          ['space', 'bytes'],
        ],
        periodType: ['space', 'bytes'],
        period: 524288,
        function: [{ id: 1, name: 'main.a' }],
        location: [{ id: 1, line: [{ functionId: 1, line: 3 }] }, { id: 2 }],
        sample: [
          { locationId: [1, 2], value: [2, 64], label: [{ key: 'bytes', num: 32 }] },
          { locationId: [2, 1, 1], value: [1, 10], label: [{ key: 'k', str: 'v' }] },
        ],
      }),
    ].map((b) => new Uint8Array(b));
    const mutation = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) });
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
        const bytes = Uint8Array.from(seeds[i]!);
        for (const m of ms) bytes[m.at % bytes.length] = m.byte;
        const stored = outcome(() => summarize(decodeProfile(bytes), { focus: ['main'] }));
        expect(outcome(() => summarizeEncoded(bytes, { focus: ['main'] }))).toEqual(stored);
      }),
      { numRuns: 300 },
    );
  });
});
