/**
 * Other producers' memory profiles through the bundled CLI: Java Flight Recorder allocation
 * profiles made here (workloads/java, scripts/make-jfr-fixtures.sh) and .NET allocation and
 * live-heap profiles in the layout of Datadog's and Pyroscope's CLR profilers get the default rule
 * of the Go metric they stand for, and the report says which default applied and why; CPU, wall,
 * lock and contention profiles of the same producers stay refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, runCli, ROOT } from '../helpers/dist.js';
import { encodeProfile } from '../helpers/encode-profile.js';

const JFR = join(ROOT, '__tests__/fixtures/jfr');
let cli: string;
let tmp: string;
beforeAll(() => {
  cli = builtCli();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-producers-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function jfr(variant: string, kind: string): string {
  return join(JFR, `${variant}.${kind}.pb.gz`);
}

interface JsonMetric {
  readonly sampleType: string;
  readonly status: string;
  readonly rule: string | null;
}

function metrics(stdout: string): JsonMetric[] {
  return (JSON.parse(stdout) as { metrics: JsonMetric[] }).metrics;
}

/** A profile of `types` with two functions, the second's values scaled by `grow` in the current run. */
function writeProfile(name: string, types: [string, string][], values: number[], period?: [string, string]): string {
  const file = join(tmp, name);
  writeFileSync(
    file,
    encodeProfile(
      {
        sampleType: types,
        ...(period ? { periodType: period, period: 0 } : {}),
        function: [
          { id: 1, name: 'Shop.Cart.Add', systemName: 'Shop.Cart.Add', filename: 'Cart.cs' },
          { id: 2, name: 'Shop.Program.Main', systemName: 'Shop.Program.Main', filename: 'Program.cs' },
        ],
        location: [
          { id: 1, line: [{ functionId: 1, line: 12 }] },
          { id: 2, line: [{ functionId: 2, line: 5 }] },
        ],
        sample: [{ locationId: [1, 2], value: values }],
      },
      { gzip: true },
    ),
  );
  return file;
}

describe('Java Flight Recorder allocation profiles (Pyroscope layout)', () => {
  test('a regression in new-TLAB allocations fails under the alloc_space default, named with why', () => {
    const r = runCli(cli, [
      'diff',
      jfr('good', 'alloc-in-new-tlab'),
      jfr('regressed', 'alloc-in-new-tlab'),
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const bytes = metrics(r.stdout).find((m) => m.sampleType === 'alloc_in_new_tlab_bytes')!;
    expect(bytes.status).toBe('fail');
    expect(bytes.rule).toBe(
      'alloc_in_new_tlab_bytes +20% min 1MiB (alloc_space default: JFR allocations in new TLABs)',
    );
    const objects = metrics(r.stdout).find((m) => m.sampleType === 'alloc_in_new_tlab_objects')!;
    expect(objects.rule).toMatch(/^alloc_in_new_tlab_objects \+20% min 1000 \(alloc_objects default: JFR/);
  });

  test('a second run of unchanged code passes, in text with the default named', () => {
    const r = runCli(cli, ['diff', jfr('good', 'alloc-in-new-tlab'), jfr('good-rerun', 'alloc-in-new-tlab')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^heapgate: PASS/);
    expect(r.stdout).toContain('(alloc_space default: JFR allocations in new TLABs)');
  });

  test('allocations outside TLABs and live objects are memory profiles with defaults, not refused', () => {
    for (const kind of ['alloc-outside-tlab', 'live']) {
      const r = runCli(cli, ['diff', jfr('good', kind), jfr('good-rerun', kind), '--format', 'json']);
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.code);
      for (const m of metrics(r.stdout)) expect(m.rule).toMatch(/ default: JFR /);
    }
  });

  test('the live profile fails under a rule of the user for its own type', () => {
    const r = runCli(cli, ['diff', jfr('good', 'live'), jfr('regressed', 'live'), '--rules', 'live +20%']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^heapgate: FAIL {2}live \+/);
  });

  test("a user rule for the Go name says which of the profile's types stands for it", () => {
    const r = runCli(cli, [
      'diff',
      jfr('good', 'alloc-in-new-tlab'),
      jfr('regressed', 'alloc-in-new-tlab'),
      '--rules',
      'alloc_space +30%',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('(here alloc_in_new_tlab_bytes stands for it: write the rule for that type)');
  });

  test('turning the stand-in default off leaves the objects default only', () => {
    const r = runCli(cli, [
      'diff',
      jfr('good', 'alloc-in-new-tlab'),
      jfr('regressed', 'alloc-in-new-tlab'),
      '--rules',
      'alloc_in_new_tlab_bytes off',
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    const bytes = metrics(r.stdout).find((m) => m.sampleType === 'alloc_in_new_tlab_bytes')!;
    expect(bytes.rule).toBeNull();
    expect(r.code).toBe(0);
  });
});

describe('.NET allocation and live-heap profiles (Datadog and Pyroscope CLR layout)', () => {
  test.each([
    [
      [
        ['alloc-samples', 'count'],
        ['alloc-size', 'bytes'],
      ],
      'alloc-size',
      'alloc_space default: .NET allocations',
    ],
    [
      [
        ['inuse-objects', 'count'],
        ['inuse-space', 'bytes'],
      ],
      'inuse-space',
      'inuse_space default: .NET live heap',
    ],
  ] as [[string, string][], string, string][])(
    '%j: the bytes type fails under its default',
    (types, bytesType, why) => {
      const name = bytesType.replace(/\W/g, '');
      const base = writeProfile(`${name}.base.pb.gz`, types, [1000, 64 << 20]);
      const current = writeProfile(`${name}.current.pb.gz`, types, [1010, 96 << 20]);
      const r = runCli(cli, ['diff', base, current, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const m = metrics(r.stdout).find((x) => x.sampleType === bytesType)!;
      expect(m.status).toBe('fail');
      expect(m.rule).toContain(`(${why})`);
    },
  );
});

describe('profiles that measure no memory stay refused', () => {
  test.each([
    ['JFR CPU', [['cpu', 'nanoseconds']], ['cpu', 'nanoseconds'], 'a CPU profile'],
    ['JFR wall clock', [['wall', 'nanoseconds']], ['wall', 'nanoseconds'], 'a wall-clock profile'],
    [
      'JFR lock',
      [
        ['lock_count', 'count'],
        ['lock_duration', 'nanoseconds'],
      ],
      undefined,
      'contention',
    ],
    [
      'Go mutex',
      [
        ['contentions', 'count'],
        ['delay', 'nanoseconds'],
      ],
      ['contentions', 'count'],
      'contention',
    ],
    ['.NET exceptions', [['exception', 'count']], undefined, 'not a memory profile'],
    ['goroutines', [['goroutine', 'count']], ['goroutine', 'count'], 'a goroutine profile'],
  ] as [string, [string, string][], [string, string] | undefined, string][])(
    '%s: exit 2, one line, naming what it is',
    (label, types, period, what) => {
      const values = types.map(() => 5);
      const file = writeProfile(`${label.replace(/\W/g, '')}.pb.gz`, types, values, period);
      const r = runCli(cli, ['diff', file, file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('not a memory profile');
      expect(r.stderr).toContain(what);
    },
  );
});
