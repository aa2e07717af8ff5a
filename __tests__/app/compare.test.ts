import { readFileSync } from 'node:fs';
import { compareProfiles, sideOf, type ProfileSide } from '../../src/app/compare.js';
import { parseRulesInput } from '../../src/app/rules-input.js';
import { createProfileLoader } from '../../src/adapters/profile-loader.js';
import { DecodeError, IncompatibleProfilesError, RuleError, UsageError } from '../../src/core/errors.js';
import { pprofTop, cleanupOracle } from '../helpers/pprof-oracle.js';
import { testWithGo } from '../helpers/with-go.js';

const root = new URL('../../', import.meta.url);
const file = (rel: string): string => new URL(rel, root).pathname;
const src = (role: 'base' | 'current', rel: string): ProfileSide => sideOf({ role, label: rel, path: file(rel) });
const inline = createProfileLoader({ mode: 'inline' });
const DEFAULTS = parseRulesInput(undefined);

const REG_BASE = 'examples/regression/base.heap.pb.gz';
const REG_CUR = 'examples/regression/current.heap.pb.gz';

afterAll(() => cleanupOracle());

describe('compareProfiles on real Go profiles', () => {
  const regression = () =>
    compareProfiles(
      { base: src('base', REG_BASE), current: src('current', REG_CUR), rules: DEFAULTS, top: 10 },
      inline,
    );
  const inuseSpace = (out: Awaited<ReturnType<typeof regression>>) =>
    out.report.metrics.find((m) => m.sampleType === 'inuse_space' && m.pattern === null)!;

  test('the shipped regression fails on inuse_space', async () => {
    const out = await regression();
    expect(out.verdict.verdict).toBe('fail');
    expect(out.exitCode).toBe(1);
    expect(inuseSpace(out).status).toBe('fail');
    expect(out.report.sampleType).toBe('inuse_space');
    // Both summaries come back: their totals are the report's base and current.
    const space = inuseSpace(out);
    const i = out.summaries.current.sampleType.findIndex((t) => t.type === 'inuse_space');
    expect(out.summaries.current.total[i]).toBe(space.current);
    expect(out.summaries.base.total[out.summaries.base.sampleType.findIndex((t) => t.type === 'inuse_space')]).toBe(
      space.base,
    );
  });

  testWithGo('the shipped regression: totals and top function equal go tool pprof -top -diff_base', async () => {
    const out = await regression();
    const top = pprofTop(file(REG_CUR), 'inuse_space', file(REG_BASE));
    expect(inuseSpace(out).base).toBeCloseTo(top.total, 0);
    const first = out.report.functions.inuse_space![0]!;
    expect(first.name).toBe(top.rows[0]!.name);
    expect(Math.abs(first.flatDelta - top.rows[0]!.flat)).toBeLessThanOrEqual(1);
  });

  test('the shipped no-change pair passes', async () => {
    const out = await compareProfiles(
      {
        base: src('base', 'examples/no-change/base.allocs.pb.gz'),
        current: src('current', 'examples/no-change/current.allocs.pb.gz'),
        rules: DEFAULTS,
        top: 10,
      },
      inline,
    );
    expect(out.verdict.verdict).not.toBe('fail');
    expect(out.exitCode).toBe(0);
  });

  test('a base given as bytes (from a store) gives the same report as the file', async () => {
    const bytes = new Uint8Array(readFileSync(file(REG_BASE)));
    const fromBytes = await compareProfiles(
      {
        base: sideOf({ role: 'base', label: REG_BASE, bytes }),
        current: src('current', REG_CUR),
        rules: DEFAULTS,
        top: 0,
      },
      inline,
    );
    const fromFile = await compareProfiles(
      { base: src('base', REG_BASE), current: src('current', REG_CUR), rules: DEFAULTS, top: 0 },
      inline,
    );
    expect(fromBytes.report).toEqual(fromFile.report);
  });

  test('function rules are summarized as focus and judged', async () => {
    const out = await compareProfiles(
      {
        base: src('base', REG_BASE),
        current: src('current', REG_CUR),
        rules: parseRulesInput({ text: 'inuse_space for loadUserRecord: +5%', origin: '--rules' }),
        top: 5,
      },
      inline,
    );
    const focus = out.report.metrics.filter((m) => m.pattern === 'loadUserRecord');
    expect(focus).toHaveLength(1);
    expect(focus[0]!.sampleType).toBe('inuse_space');
    // The focus total is at least the function's own flat growth.
    const fn = out.report.functions.inuse_space!.find((f) => f.name === 'main.loadUserRecord')!;
    expect(focus[0]!.delta).toBeGreaterThanOrEqual(fn.flatDelta - 1);
  });
});

describe('compareProfiles errors carry the step and the file', () => {
  test('bad rules are a rule error naming where the rules came from, before any profile is read', () => {
    const parse = (): unknown => parseRulesInput({ text: 'inuse_space +x%', origin: 'rules file r.txt' });
    expect(parse).toThrow(RuleError);
    expect(parse).toThrow(/^rules file r\.txt: rule 1 \("inuse_space \+x%"\): /);
  });

  test('a rule on a sample type the profiles lack is a rule error', async () => {
    const p = compareProfiles(
      {
        base: src('base', REG_BASE),
        current: src('current', REG_CUR),
        rules: parseRulesInput({ text: 'cpu +5%', origin: '--rules' }),
        top: 1,
      },
      inline,
    );
    await expect(p).rejects.toBeInstanceOf(RuleError);
    await expect(p).rejects.toThrow(/^--rules: rule 1 \("cpu \+5%"\): the profiles have no sample type "cpu"/);
  });

  test('missing file', async () => {
    const p = compareProfiles(
      { base: src('base', 'nope/missing.pb.gz'), current: src('current', REG_CUR), rules: DEFAULTS, top: 1 },
      inline,
    );
    await expect(p).rejects.toBeInstanceOf(UsageError);
    await expect(p).rejects.toThrow('reading base profile nope/missing.pb.gz: no such file');
  });

  test('malformed current profile: DecodeError with its offset, prefixed', async () => {
    const bytes = new Uint8Array([0x0a, 0x80]); // field 1, length varint cut short
    const p = compareProfiles(
      {
        base: src('base', REG_BASE),
        current: sideOf({ role: 'current', label: 'cut.pb', bytes }),
        rules: DEFAULTS,
        top: 1,
      },
      inline,
    );
    await expect(p).rejects.toBeInstanceOf(DecodeError);
    await expect(p).rejects.toThrow(/^decoding current profile cut\.pb: .+ at byte \d+$/);
    const err = (await p.catch((e: unknown) => e)) as DecodeError;
    expect(typeof err.offset).toBe('number');
  });

  test('incompatible profiles', async () => {
    const p = compareProfiles(
      {
        base: src('base', REG_BASE),
        current: src('current', '__tests__/fixtures/tcmalloc/good.heapz.pb.gz'),
        rules: DEFAULTS,
        top: 1,
      },
      inline,
    );
    await expect(p).rejects.toBeInstanceOf(IncompatibleProfilesError);
    await expect(p).rejects.toThrow(
      /^comparing examples\/regression\/base\.heap\.pb\.gz with __tests__\/fixtures\/tcmalloc\/good\.heapz\.pb\.gz: /,
    );
  });

  test('both profiles fail: the base error is reported, whatever finishes first', async () => {
    const p = compareProfiles(
      { base: src('base', 'missing-a'), current: src('current', 'missing-b'), rules: DEFAULTS, top: 1 },
      inline,
    );
    await expect(p).rejects.toThrow('reading base profile missing-a: no such file');
  });
});
