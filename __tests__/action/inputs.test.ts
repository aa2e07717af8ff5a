/** The input table, action.yml, and parsing inputs into the Config. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUTS, OUTPUTS, parseInputs, type InputName } from '../../src/action/inputs.js';
import { UsageError } from '../../src/core/errors.js';
import { ROOT } from '../helpers/dist.js';

/** The entries of a top-level section of action.yml: name → its indented `key: value` lines (values unquoted). */
function section(yml: string, name: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const lines = yml.split('\n');
  let i = lines.indexOf(`${name}:`);
  expect(i).toBeGreaterThanOrEqual(0);
  let current: Record<string, string> | undefined;
  for (i++; i < lines.length && (lines[i] === '' || lines[i]!.startsWith(' ')); i++) {
    const entry = /^ {2}([a-z-]+):$/.exec(lines[i]!);
    const field = /^ {4}([a-z]+): (.*)$/.exec(lines[i]!);
    if (entry) out.set(entry[1]!, (current = {}));
    else if (field && current)
      current[field[1]!] = field[2]!.startsWith('"') ? (JSON.parse(field[2]!) as string) : field[2]!;
  }
  return out;
}

describe('action.yml', () => {
  const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');

  test('declares exactly the inputs of the table, in order, with the same descriptions, defaults and required flags', () => {
    const inputs = section(yml, 'inputs');
    expect([...inputs.keys()]).toEqual(Object.keys(INPUTS));
    for (const [name, spec] of Object.entries(INPUTS)) {
      const y = inputs.get(name)!;
      expect(y.description).toBe(spec.description);
      expect(y.required).toBe(String(spec.required));
      expect(y.default ?? '').toBe(spec.default);
    }
  });

  test('declares the outputs, one delta per default metric among them', () => {
    const outputs = section(yml, 'outputs');
    expect([...outputs.keys()]).toEqual(Object.keys(OUTPUTS));
    for (const name of [
      'verdict',
      'report',
      'baseline-sha',
      'comment-url',
      'inuse-space-delta',
      'inuse-objects-delta',
      'alloc-space-delta',
      'alloc-objects-delta',
    ]) {
      expect(outputs.has(name)).toBe(true);
    }
  });

  test('runs dist/index.js on node24, with branding', () => {
    expect(yml).toMatch(/\nruns:\n {2}using: node24\n {2}main: dist\/index\.js\n/);
    expect(yml).toMatch(/\nbranding:\n {2}icon: \S+\n {2}color: \S+\n/);
  });
});

function parse(values: Partial<Record<InputName, string>>) {
  return parseInputs((name) => values[name] ?? '');
}

const REQUIRED = { profile: 'heap.pb.gz', store: 'gs://bucket/heap' };

describe('parseInputs', () => {
  test('applies the defaults of the table', () => {
    expect(parse(REQUIRED)).toEqual({
      profile: 'heap.pb.gz',
      series: 'default',
      store: 'gs://bucket/heap',
      record: 'heapgate-record',
      rules: null,
      mode: 'auto',
      baseBranch: null,
      githubToken: null,
      comment: 'on-change',
      failOnRegression: true,
      acceptLabel: 'heapgate:accept',
      confidence: 3,
      top: 10,
      history: 30,
      onInconclusive: 'pass',
      htmlReport: true,
      stepIssue: false,
      ownCode: null,
      keepProfiles: 20,
      maxProfileBytes: 1024 ** 3,
      updateBaseline: 'always',
      baselineSha: null,
    });
    expect(parse({ ...REQUIRED, 'html-report': 'false' }).htmlReport).toBe(false);
    expect(() => parse({ ...REQUIRED, 'html-report': 'maybe' })).toThrow(
      /^input html-report: "maybe" is not allowed; use true or false$/,
    );
  });

  test('reads every value', () => {
    const config = parse({
      ...REQUIRED,
      series: 'api-server',
      rules: 'inuse_space +10%\nalloc_space off',
      mode: 'update',
      'base-branch': 'release/1.x',
      'github-token': 'ghs_x',
      comment: 'never',
      'fail-on-regression': 'False',
      'accept-label': 'mem-ok',
      confidence: '2.5',
      top: '0',
      history: '0',
      'on-inconclusive': 'fail',
      'max-profile-size': '256MiB',
      'update-baseline': 'on-pass',
      'keep-profiles': '3',
      'baseline-sha': 'ABCDEF1234567'.padEnd(40, '0'),
      'own-code': '^com\\.example\\.',
    });
    expect(config).toMatchObject({
      ownCode: '^com\\.example\\.',
      series: 'api-server',
      rules: 'inuse_space +10%\nalloc_space off',
      mode: 'update',
      baseBranch: 'release/1.x',
      githubToken: 'ghs_x',
      comment: 'never',
      failOnRegression: false,
      acceptLabel: 'mem-ok',
      confidence: 2.5,
      top: 0,
      history: 0,
      onInconclusive: 'fail',
      maxProfileBytes: 256 * 1024 ** 2,
      updateBaseline: 'on-pass',
      keepProfiles: 3,
      baselineSha: 'abcdef1234567'.padEnd(40, '0'),
    });
  });

  test.each([
    [{ mode: 'sometimes' }, 'input mode: "sometimes" is not allowed; use one of auto, check, update, record, report'],
    [{ comment: 'yes' }, 'input comment: "yes" is not allowed; use one of always, on-change, on-regression, never'],
    [{ 'update-baseline': 'never' }, 'input update-baseline: "never" is not allowed; use one of always, on-pass'],
    [{ 'fail-on-regression': 'yes' }, 'input fail-on-regression: "yes" is not allowed; use true or false'],
    [{ confidence: '-1' }, 'input confidence: "-1" is not allowed; use a number ≥ 0, e.g. 3'],
    [{ top: '2.5' }, 'input top: "2.5" is not allowed; use a whole number ≥ 0 (0 = all)'],
    [{ history: '-1' }, 'input history: "-1" is not allowed; use a whole number ≥ 0 (0 = off)'],
    [{ 'keep-profiles': '0' }, 'input keep-profiles: "0" is not allowed; use a whole number ≥ 1'],
    [{ 'keep-profiles': 'all' }, 'input keep-profiles: "all" is not allowed; use a whole number ≥ 1'],
    [{ 'on-inconclusive': 'ignore' }, 'input on-inconclusive: "ignore" is not allowed; use one of pass, warn, fail'],
    [{ series: 'my series' }, 'input series: invalid series name "my series"'],
    [{ 'own-code': '(a' }, 'input own-code: invalid regular expression'],
    [{ 'baseline-sha': 'main' }, 'input baseline-sha: invalid commit sha "main"'],
    [
      { 'baseline-sha': '59354bf' },
      'input baseline-sha: invalid commit sha "59354bf": a short commit id; give the full',
    ],
    [{ 'max-profile-size': 'lots' }, 'input max-profile-size: "lots" is not allowed; use a size such as 1GiB'],
    [{ 'max-profile-size': '0' }, 'input max-profile-size: "0" is not allowed'],
  ])('%j is a UsageError naming the input and what is allowed', (values, message) => {
    let error: unknown;
    try {
      parse({ ...REQUIRED, ...values });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message.startsWith(message)).toBe(true);
  });

  test('a missing required input is named', () => {
    expect(() => parse({ store: 'x' })).toThrow(/^input profile is required/);
  });

  test('an empty store is the branch store in heapgate-baselines', () => {
    expect(parse({ profile: 'x', store: '  ' }).store).toBe('branch:heapgate-baselines');
    expect(parse({ profile: 'x' }).store).toBe('branch:heapgate-baselines');
  });

  test('mode record needs no profile; mode report needs a token, and takes no profile', () => {
    expect(parse({ profile: 'heap.pb.gz', mode: 'record', record: 'out/rec' })).toMatchObject({
      mode: 'record',
      record: 'out/rec',
    });
    expect(parse({ mode: 'report', store: 'gs://b/p', 'github-token': 'ghs_x' })).toMatchObject({
      mode: 'report',
      profile: '',
      record: 'heapgate-record',
    });
    expect(() => parse({ mode: 'record' })).toThrow(/^input profile is required/);
    expect(() => parse({ mode: 'report', store: 'x', 'github-token': '${{ github.token }}' })).toThrow(
      /^input github-token is required with mode report/,
    );
    expect(() => parse({ mode: 'report', store: 'x', 'github-token': 't', profile: 'p' })).toThrow(
      /^input profile: not used with mode report/,
    );
  });

  test('an unexpanded token expression is no token', () => {
    expect(parse({ ...REQUIRED, 'github-token': '${{ github.token }}' }).githubToken).toBeNull();
  });
});
