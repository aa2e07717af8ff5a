/** Bundles of runs: a ustar archive that tar itself reads, and that hostile bytes cannot misuse. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecodeError } from '../../../src/core/errors.js';
import { isRunBundle, MAX_RUNS, packRuns, runMemberName, unpackRuns } from '../../../src/core/history/run-bundle.js';

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('packRuns / unpackRuns', () => {
  const runs = [bytes(1, 1), bytes(511, 2), bytes(512, 3), bytes(513, 4), bytes(70_000, 5)];

  it('round-trips the runs in order, byte for byte', () => {
    const bundle = packRuns(runs);
    expect(isRunBundle(bundle)).toBe(true);
    expect(unpackRuns(bundle).map((r) => Buffer.from(r))).toEqual(runs.map((r) => Buffer.from(r)));
  });

  it('writes an archive GNU tar lists and extracts to the same files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-bundle-'));
    try {
      writeFileSync(join(dir, 'runs.tar'), packRuns(runs));
      const listed = execFileSync('tar', ['-tf', 'runs.tar'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
      expect(listed).toEqual(runs.map((_, i) => runMemberName(i)));
      execFileSync('tar', ['-xf', 'runs.tar'], { cwd: dir });
      runs.forEach((r, i) => expect(readFileSync(join(dir, runMemberName(i)))).toEqual(Buffer.from(r)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads an archive GNU tar wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heapgate-bundle-'));
    try {
      writeFileSync(join(dir, 'a.pb.gz'), runs[1]!);
      writeFileSync(join(dir, 'b.pb.gz'), runs[4]!);
      execFileSync('tar', ['--format=ustar', '-cf', 'runs.tar', 'a.pb.gz', 'b.pb.gz'], { cwd: dir });
      const read = unpackRuns(readFileSync(join(dir, 'runs.tar')));
      expect(read.map((r) => Buffer.from(r))).toEqual([Buffer.from(runs[1]!), Buffer.from(runs[4]!)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('packs 2 to MAX_RUNS runs only', () => {
    expect(() => packRuns([bytes(3, 0)])).toThrow(RangeError);
    expect(() => packRuns(Array.from({ length: MAX_RUNS + 1 }, () => bytes(3, 0)))).toThrow(RangeError);
  });

  it('profiles are not bundles', () => {
    expect(isRunBundle(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toBe(false);
    expect(isRunBundle(new Uint8Array(1024))).toBe(false);
  });
});

describe('unpackRuns on hostile archives: a DecodeError naming the problem', () => {
  const good = () => packRuns([bytes(600, 1), bytes(10, 2)]);

  it('a header whose checksum does not add up', () => {
    const b = good();
    b[0] = b[0]! ^ 1;
    expect(() => unpackRuns(b)).toThrow(new DecodeError('run bundle: member 1 has a bad header checksum'));
  });

  it('a size past the end of the bytes', () => {
    expect(() => unpackRuns(good().subarray(0, 1024))).toThrow('run bundle: member 1 is truncated or has a bad size');
  });

  it('a member that is not a regular file (a link)', () => {
    const b = good();
    b[156] = 0x32; // '2': a symbolic link
    // Re-seal the checksum so only the type is wrong.
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i]!;
    b.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
    expect(() => unpackRuns(b)).toThrow('run bundle: member 1 is not a regular file');
  });

  it('an archive with no member', () => {
    const b = new Uint8Array(1024);
    b.set(new TextEncoder().encode('ustar'), 257);
    expect(() => unpackRuns(b)).toThrow('run bundle: member 1 has a bad header checksum');
    expect(() => unpackRuns(packRuns([bytes(1, 0), bytes(1, 0)]).subarray(0, 0))).toThrow('no runs');
  });

  it('more than MAX_RUNS members', () => {
    const many = packRuns(Array.from({ length: MAX_RUNS }, () => bytes(1, 0)));
    const one = packRuns([bytes(1, 0), bytes(1, 0)]).subarray(0, 1024);
    const b = new Uint8Array(many.length - 1024 + one.length + 1024);
    b.set(many.subarray(0, many.length - 1024));
    b.set(one, many.length - 1024);
    expect(() => unpackRuns(b)).toThrow(`run bundle: more than ${MAX_RUNS} runs`);
  });
});
