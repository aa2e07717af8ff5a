import fc from 'fast-check';
import {
  advancePointer,
  baselineKeys,
  baselineMetadata,
  compareNewer,
  decodeBranch,
  encodeBranch,
  encodePointer,
  normalizeSha,
  parsePointer,
  validateSeries,
  type BaselineMetadata,
  type BaselineOrigin,
} from '../../../src/core/history/baseline.js';
import { goVersionFromComments } from '../../../src/core/compare/comparability.js';
import { UsageError } from '../../../src/core/errors.js';

const SUMMARY = {
  sampleType: [
    { type: 'alloc_space', unit: 'bytes' },
    { type: 'inuse_space', unit: 'bytes' },
  ],
  total: [2048, 1024],
  periodType: { type: 'space', unit: 'bytes' },
  period: 524288,
  sampleCount: 7,
  comment: [],
};

function origin(over: Partial<BaselineOrigin> = {}): BaselineOrigin {
  return {
    series: 'api-server',
    branch: 'main',
    sha: 'a'.repeat(40),
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** Metadata of commit `sha`, padded with zeros to a full 40-digit id (`a1a1a1a` → `a1a1a1a000…`). */
function m(sha: string, over: Partial<BaselineOrigin> = {}): BaselineMetadata {
  return baselineMetadata(origin({ sha: sha.padEnd(40, '0'), ...over }), SUMMARY, 100);
}

const short = (h: BaselineMetadata): string => h.sha.slice(0, 7);

describe('branch encoding', () => {
  test.each([
    ['main', 'main'],
    ['feature/x', 'feature%2Fx'],
    ['release-1.2', 'release-1%2E2'],
    ['a_b', 'a_b'],
    ['100%', '100%25'],
    ['..', '%2E%2E'],
    ['ü', '%C3%BC'],
    ['a b', 'a%20b'],
  ])('%s → %s', (branch, encoded) => {
    expect(encodeBranch(branch)).toBe(encoded);
    expect(decodeBranch(encoded)).toBe(branch);
  });

  test('round trip for any well-formed string; one path segment without dots', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60, unit: 'binary' }).filter(isWellFormed), (branch) => {
        const enc = encodeBranch(branch);
        expect(enc).toMatch(/^[A-Za-z0-9_%-]+$/);
        expect(decodeBranch(enc)).toBe(branch);
      }),
    );
  });

  test.each(['', 'a/b', '%2f', '%ZZ', '%FF', 'a.b'])('decodeBranch rejects %j', (segment) => {
    expect(() => decodeBranch(segment)).toThrow(UsageError);
  });

  test('empty and overlong branch names are rejected', () => {
    expect(() => encodeBranch('')).toThrow(UsageError);
    expect(() => encodeBranch('/'.repeat(81))).toThrow(/too long/);
    expect(encodeBranch('/'.repeat(80))).toHaveLength(240);
  });
});

function isWellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

describe('names', () => {
  test.each(['api-server', 'a', 'A.b_c-1', 'x'.repeat(100)])('series %s is valid', (s) => {
    expect(validateSeries(s)).toBe(s);
  });
  test.each(['', '-a', '.hidden', 'a/b', 'a b', 'x'.repeat(101), '..'])('series %j is rejected', (s) => {
    expect(() => validateSeries(s)).toThrow(UsageError);
  });
  test('sha is lower-cased; non-hex or short is rejected', () => {
    expect(normalizeSha('ABCDEF1'.padEnd(40, 'F'))).toBe('abcdef1'.padEnd(40, 'f'));
    expect(normalizeSha('e'.repeat(64))).toBe('e'.repeat(64));
    expect(() => normalizeSha('59354bf')).toThrow(
      'invalid commit sha "59354bf": a short commit id; give the full one (git rev-parse 59354bf); 40 or 64 hex ' +
        'digits are needed',
    );
    expect(() => normalizeSha('a'.repeat(41))).toThrow(UsageError);
    expect(() => normalizeSha('abc')).toThrow(UsageError);
    expect(() => normalizeSha('zzzzzzz')).toThrow(UsageError);
    expect(() => normalizeSha('../../etc')).toThrow(UsageError);
  });
  test('keys follow the documented layout', () => {
    const k = baselineKeys('api', 'feature/x');
    expect(k.pointer).toBe('api/feature%2Fx/latest.json');
    expect(k.commit('ABCDEF0'.padEnd(40, '0'))).toBe(`api/feature%2Fx/commits/abcdef0${'0'.repeat(33)}.pb.gz`);
  });
});

describe('metadata', () => {
  test('records origin, totals, period and the producer fingerprint', () => {
    const md = baselineMetadata(
      origin({
        commitTime: '2026-01-01T00:00:00Z',
        runId: '123',
        runUrl: 'https://x/runs/123',
        sha: 'ABCDEF0'.padEnd(40, '0'),
      }),
      { ...SUMMARY, comment: ['built by go1.22.3 linux/amd64'] },
      4096,
    );
    expect(md).toEqual({
      schema: 1,
      series: 'api-server',
      branch: 'main',
      sha: 'abcdef0'.padEnd(40, '0'),
      createdAt: '2026-01-01T00:00:00.000Z',
      commitTime: '2026-01-01T00:00:00Z',
      runId: '123',
      runUrl: 'https://x/runs/123',
      sampleType: SUMMARY.sampleType,
      total: [2048, 1024],
      periodType: { type: 'space', unit: 'bytes' },
      period: 524288,
      sampleCount: 7,
      producer: { goVersion: 'go1.22.3', memProfileRate: 524288 },
      size: 4096,
    });
    // JSON-safe: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(md))).toEqual(md);
  });

  test('no MemProfileRate unless the period is space/bytes; no Go version without a comment naming one', () => {
    const md = baselineMetadata(
      origin(),
      { ...SUMMARY, periodType: { type: 'cpu', unit: 'nanoseconds' }, period: 10_000_000 },
      1,
    );
    expect(md.producer).toEqual({});
  });

  test.each([
    [['go version go1.21rc2'], 'go1.21rc2'],
    [['gopher', 'runtime go1.19.13'], 'go1.19.13'],
    [['golang'], undefined],
    [[], undefined],
  ])('goVersionFromComments(%j) = %s', (comments, v) => {
    expect(goVersionFromComments(comments)).toBe(v);
  });

  test.each([
    [{ runId: 'abc' }, /invalid run id/],
    [{ commitTime: 'yesterday' }, /invalid commit time/],
    [{ series: 'a/b' }, /invalid series/],
    [{ branch: '' }, /invalid branch/],
    [{ sha: 'xyz' }, /invalid commit sha/],
  ])('rejects %j', (over, message) => {
    expect(() => baselineMetadata(origin(over), SUMMARY, 1)).toThrow(message);
  });
});

describe('compareNewer', () => {
  test('commit time decides first', () => {
    const a = m('a1a1a1a', { commitTime: '2026-01-02T00:00:00Z', runId: '1' });
    const b = m('b2b2b2b', { commitTime: '2026-01-01T00:00:00Z', runId: '9' });
    expect(compareNewer(a, b)).toBe(1);
    expect(compareNewer(b, a)).toBe(-1);
  });
  test('equal or missing commit times fall back to the run id, numerically', () => {
    const t = '2026-01-01T00:00:00Z';
    expect(
      compareNewer(m('a1a1a1a', { commitTime: t, runId: '10' }), m('b2b2b2b', { commitTime: t, runId: '9' })),
    ).toBe(1);
    expect(compareNewer(m('a1a1a1a', { runId: '10' }), m('b2b2b2b', { runId: '9' }))).toBe(1);
    expect(
      compareNewer(m('a1a1a1a', { runId: '99999999999999999999' }), m('b2b2b2b', { runId: '99999999999999999998' })),
    ).toBe(1);
  });
  test('then the time the baseline was stored', () => {
    expect(compareNewer(m('a1a1a1a', { createdAt: '2026-01-02T00:00:00Z' }), m('b2b2b2b'))).toBe(1);
    expect(compareNewer(m('a1a1a1a'), m('b2b2b2b'))).toBe(0);
  });
  test('the same commit is never newer than itself', () => {
    expect(compareNewer(m('a1a1a1a', { runId: '2' }), m('a1a1a1a', { runId: '1' }))).toBe(0);
  });
});

describe('advancePointer', () => {
  const at = (sha: string, minute: number) =>
    m(sha, { commitTime: `2026-01-01T00:${String(minute).padStart(2, '0')}:00Z` });

  test('the first baseline creates the pointer', () => {
    expect(advancePointer(undefined, at('a000001', 1))).toEqual({
      move: true,
      pointer: { schema: 1, current: at('a000001', 1), history: [] },
    });
  });

  test('moves forward only', () => {
    const p = { schema: 1, current: at('a000005', 5), history: [] };
    expect(advancePointer(p, at('a000003', 3))).toEqual({ move: false, reason: 'older' });
    expect(advancePointer(p, at('a000005', 5))).toEqual({ move: false, reason: 'same-commit' });
    const next = advancePointer(p, at('a000006', 6));
    expect(next).toEqual({
      move: true,
      pointer: { schema: 1, current: at('a000006', 6), history: [at('a000005', 5)] },
    });
  });

  test('history is newest first, bounded, with no commit twice', () => {
    let p = advancePointer(undefined, at('a000001', 1));
    for (let i = 2; i <= 10; i++) {
      if (!p.move) throw new Error('expected a move');
      p = advancePointer(p.pointer, at(`a00000${i === 10 ? 'a' : i}`, i), 3);
    }
    if (!p.move) throw new Error('expected a move');
    expect(p.pointer.history.map(short)).toEqual(['a000009', 'a000008', 'a000007']);
    // An entry for the incoming commit already in history (a re-run after its pointer moved on
    // cannot be newer, but a hand-edited pointer could hold one) is not duplicated.
    const odd = { schema: 1, current: at('b000001', 1), history: [at('c000009', 9)] };
    const moved = advancePointer(odd, at('c000009', 9));
    expect(moved.move && moved.pointer.history.map(short)).toEqual(['b000001']);
  });
});

describe('pointer encoding', () => {
  test('round trip', () => {
    const p = { schema: 1, current: m('a1a1a1a'), history: [m('b2b2b2b')] };
    expect(parsePointer(encodePointer(p))).toEqual(p);
  });
  test.each([
    ['{', /not valid JSON/],
    ['[]', /no schema/],
    ['{"schema":2,"current":{},"history":[]}', /schema 2 is newer/],
    ['{"schema":1,"current":{"sha":"x"},"history":[]}', /malformed/],
  ])('rejects %s', (text, message) => {
    expect(() => parsePointer(text)).toThrow(message);
  });
});
