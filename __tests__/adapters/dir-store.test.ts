import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DirBaselineStore } from '../../src/adapters/dir-store.js';
import { compareNewer } from '../../src/core/history/baseline.js';
import { StoreError } from '../../src/core/errors.js';
import { commitSha, meta, profileBytes } from './baseline-fixtures.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'heapgate-dir-'));
});
afterEach(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe('layout and round trip', () => {
  test('put writes the commit files and a pointer generation under the documented names', async () => {
    const s = new DirBaselineStore({ root });
    const bytes = profileBytes(1);
    const m = meta(1, { branch: 'feature/x' });
    expect(await s.put(m, bytes)).toEqual({ object: 'created', pointer: 'moved', metadata: m });
    const branchDir = join(root, 'api-server', 'feature%2Fx');
    expect(readdirSync(join(branchDir, 'commits'))).toEqual([commitSha(1)]);
    expect(readdirSync(join(branchDir, 'commits', commitSha(1))).sort()).toEqual(['metadata.json', 'profile.pb.gz']);
    expect(readdirSync(join(branchDir, 'pointer'))).toEqual(['0000000000000001.json']);
    expect(readFileSync(join(branchDir, 'commits', commitSha(1), 'profile.pb.gz')).equals(Buffer.from(bytes))).toBe(
      true,
    );
    // Nothing is left in the temp directory.
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);

    expect(await s.pointer('api-server', 'feature/x')).toEqual({ schema: 1, current: m, history: [] });
    const got = await s.commit('api-server', 'feature/x', commitSha(1));
    expect(got?.metadata).toEqual(m);
    expect(Buffer.from(got!.profile).equals(Buffer.from(bytes))).toBe(true);
    expect(await s.branches('api-server')).toEqual(['feature/x']);
  });

  test('reads of absent things resolve to undefined, even with no directory at all', async () => {
    const s = new DirBaselineStore({ root: join(root, 'missing') });
    expect(await s.pointer('api-server', 'main')).toBeUndefined();
    expect(await s.commit('api-server', 'main', commitSha(1))).toBeUndefined();
    expect(await s.branches('api-server')).toEqual([]);
    expect(await s.series()).toEqual([]);
  });

  test('series are the directories that name one and hold something; .tmp and strays are not', async () => {
    const s = new DirBaselineStore({ root });
    await s.put(meta(1, { series: 'catalog' }), profileBytes(1));
    await s.put(meta(2, { series: 'api-server' }), profileBytes(2));
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'notes.txt'), 'x');
    mkdirSync(join(root, 'not a series'));
    writeFileSync(join(root, 'not a series', 'x'), 'x');
    expect(await s.series()).toEqual(['api-server', 'catalog']);
  });
});

describe('pointer rules', () => {
  test('the same commit twice: the first files stay, the second put is not an error', async () => {
    const s = new DirBaselineStore({ root });
    const first = profileBytes(1);
    await s.put(meta(1), first);
    const second = await s.put({ ...meta(1), runId: '99' }, profileBytes(1));
    expect(second).toEqual({ object: 'exists', pointer: 'same-commit', metadata: meta(1) });
    expect(Buffer.from((await s.commit('api-server', 'main', commitSha(1)))!.profile).equals(Buffer.from(first))).toBe(
      true,
    );
  });

  test('an older commit is stored but the pointer stays', async () => {
    const s = new DirBaselineStore({ root });
    await s.put(meta(5), profileBytes(5));
    expect((await s.put(meta(2), profileBytes(2))).pointer).toBe('older');
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(5));
    expect(await s.commit('api-server', 'main', commitSha(2))).toBeDefined();
  });

  test('history is bounded and old pointer generations are pruned', async () => {
    const s = new DirBaselineStore({ root, historyLimit: 2 });
    for (let n = 1; n <= 9; n++) await s.put(meta(n), profileBytes(n));
    const p = await s.pointer('api-server', 'main');
    expect(p?.current.sha).toBe(commitSha(9));
    expect(p?.history.map((h) => h.sha)).toEqual([commitSha(8), commitSha(7)]);
    // Generations 1..9 were written; the newest 4 (6..9) remain.
    expect(readdirSync(join(root, 'api-server', 'main', 'pointer')).sort()).toEqual(
      [6, 7, 8, 9].map((g) => `${String(g).padStart(16, '0')}.json`),
    );
  });

  test('a torn temp file or a crashed writer cannot corrupt the pointer', async () => {
    const s = new DirBaselineStore({ root });
    await s.put(meta(1), profileBytes(1));
    // Leftovers of a writer killed before publishing: temp files are never read.
    writeFileSync(join(root, '.tmp', '12345-deadbeef'), '{"schema":1,"cur');
    await s.put(meta(2), profileBytes(2));
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(2));
  });

  test('a corrupt pointer file is a StoreError naming the file', async () => {
    const s = new DirBaselineStore({ root });
    await s.put(meta(1), profileBytes(1));
    writeFileSync(join(root, 'api-server', 'main', 'pointer', '0000000000000009.json'), 'not json');
    const err = await s.pointer('api-server', 'main').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/0000000000000009\.json: pointer is not valid JSON$/);
  });
});

describe('faults', () => {
  test('a root that is a file is a StoreError (exit code 3) naming the problem', async () => {
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    const err = await new DirBaselineStore({ root: file }).put(meta(1), profileBytes(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).exitCode).toBe(3);
    expect((err as Error).message).toBe(`reading ${file}: not a directory`);
  });

  const asRoot = process.getuid?.() === 0;
  (asRoot ? test.skip : test)('an unwritable directory is a StoreError (exit code 3) saying so', async () => {
    chmodSync(root, 0o555);
    const err = await new DirBaselineStore({ root }).put(meta(1), profileBytes(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).exitCode).toBe(3);
    expect((err as Error).message).toMatch(/^permission denied writing .*make the directory writable/);
  });
});

describe('concurrency', () => {
  test('in-process: 8 writers at once, pointer at the newest', async () => {
    const ns = [4, 8, 2, 6, 1, 7, 3, 5];
    const results = await Promise.all(ns.map((n) => new DirBaselineStore({ root }).put(meta(n), profileBytes(n))));
    expect(results.every((r) => r.object === 'created')).toBe(true);
    expect((await new DirBaselineStore({ root }).pointer('api-server', 'main'))?.current.sha).toBe(commitSha(8));
  });

  test('8 parallel processes, 3 commits each: every commit stored, pointer at the newest, history consistent', async () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const runner = join(root, 'runner.mjs');
    await build({
      entryPoints: [join(here, 'dir-store-runner.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      outfile: runner,
      logLevel: 'error',
    });
    const storeRoot = join(root, 'store');
    // Process p puts commits p, p+8, p+16 (in that order): 24 commits, with older ones arriving late.
    const procs = Array.from({ length: 8 }, (_, i) => i + 1).map(
      (p) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, [runner, storeRoot, String(p + 16), String(p), String(p + 8)], {
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('error', reject);
          child.on('close', (code) =>
            code === 0 ? resolve(out) : reject(new Error(`runner ${p} exited ${code}: ${err}`)),
          );
        }),
    );
    const outputs = await Promise.all(procs);
    const lines = outputs
      .flatMap((o) => o.trim().split('\n'))
      .map((l) => JSON.parse(l) as { n: number; object: string });
    expect(lines).toHaveLength(24);
    expect(lines.every((l) => l.object === 'created')).toBe(true);

    const s = new DirBaselineStore({ root: storeRoot });
    for (let n = 1; n <= 24; n++)
      expect(existsSync(join(storeRoot, 'api-server', 'main', 'commits', commitSha(n), 'profile.pb.gz'))).toBe(true);
    const p = await s.pointer('api-server', 'main');
    expect(p?.current.sha).toBe(commitSha(24));
    const chain = [p!.current, ...p!.history];
    expect(new Set(chain.map((m) => m.sha)).size).toBe(chain.length);
    for (let i = 1; i < chain.length; i++) expect(compareNewer(chain[i - 1]!, chain[i]!)).toBeGreaterThan(0);
    expect(readdirSync(join(storeRoot, '.tmp'))).toEqual([]);

    // A stale writer afterwards never moves it back.
    expect((await s.put(meta(3), profileBytes(3))).pointer).toBe('older');
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(24));
  });
});

describe('the commit and its metadata are one unit', () => {
  test("8 writers of one commit with different profiles, 40 rounds: the metadata read back is always its own profile's", async () => {
    for (let round = 0; round < 40; round++) {
      const n = round + 1;
      // Writer i stores 64 + i bytes and says so: a torn pair would show a size that disagrees.
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          new DirBaselineStore({ root }).put(meta(n, { size: 64 + i }), profileBytes(n, 64 + i)),
        ),
      );
      expect(results.filter((r) => r.object === 'created')).toHaveLength(1);
      const got = (await new DirBaselineStore({ root }).commit('api-server', 'main', commitSha(n)))!;
      expect(got.profile.length).toBe(got.metadata.size);
      expect(new Set(results.map((r) => r.metadata.size))).toEqual(new Set([got.metadata.size]));
      const pointer = await new DirBaselineStore({ root }).pointer('api-server', 'main');
      expect(pointer?.current.size).toBe(got.metadata.size);
    }
  });

  test('baselines an earlier version wrote (<sha>.pb.gz beside <sha>.json) are read; a torn pair is refused and superseded by a put', async () => {
    const s = new DirBaselineStore({ root });
    const commits = join(root, 'api-server', 'main', 'commits');
    mkdirSync(commits, { recursive: true });
    const bytes = profileBytes(1);
    writeFileSync(join(commits, `${commitSha(1)}.pb.gz`), bytes);
    writeFileSync(join(commits, `${commitSha(1)}.json`), JSON.stringify(meta(1)));
    expect((await s.commit('api-server', 'main', commitSha(1)))?.metadata).toEqual(meta(1));
    expect((await s.put(meta(1, { runId: '7' }), profileBytes(1))).object).toBe('exists');

    // Torn the way concurrent or killed puts of the earlier layout left it: sizes disagree.
    writeFileSync(join(commits, `${commitSha(2)}.pb.gz`), profileBytes(2, 80));
    writeFileSync(join(commits, `${commitSha(2)}.json`), JSON.stringify(meta(2)));
    await expect(s.commit('api-server', 'main', commitSha(2))).rejects.toThrow(
      /\.pb\.gz: .*\.pb\.gz has 80 bytes but .*\.json says 64, left by an interrupted or concurrent put .*baseline delete --sha 000000020000$/,
    );
    // Metadata without its profile (killed between the two files): not stored; a put stores both.
    writeFileSync(join(commits, `${commitSha(3)}.json`), JSON.stringify(meta(3, { size: 999 })));
    for (const n of [2, 3]) {
      expect((await s.put(meta(n), profileBytes(n))).object).toBe('created');
      const got = (await s.commit('api-server', 'main', commitSha(n)))!;
      expect([got.metadata.size, got.profile.length]).toEqual([64, 64]);
    }
  });

  test('a writer killed before its rename leaves nothing a reader sees; the next put stores the pair', async () => {
    const s = new DirBaselineStore({ root });
    mkdirSync(join(root, '.tmp', '999-killed'), { recursive: true });
    writeFileSync(join(root, '.tmp', '999-killed', 'metadata.json'), JSON.stringify(meta(1, { size: 5 })));
    expect(await s.commit('api-server', 'main', commitSha(1))).toBeUndefined();
    expect((await s.put(meta(1), profileBytes(1))).object).toBe('created');
    expect((await s.commit('api-server', 'main', commitSha(1)))?.metadata.size).toBe(64);
  });
});

describe('links and special files inside the store are never followed', () => {
  test('a dangling symlink as the newest pointer generation is a store error, at once', async () => {
    const s = new DirBaselineStore({ root });
    await s.put(meta(1), profileBytes(1));
    symlinkSync(join(root, 'nowhere'), join(root, 'api-server', 'main', 'pointer', '0000000000000002.json'));
    const started = Date.now();
    for (const call of [() => s.pointer('api-server', 'main'), () => s.put(meta(2), profileBytes(2))]) {
      await expect(call()).rejects.toThrow(
        /pointer\/0000000000000002\.json: a symbolic link; heapgate never follows links inside a store$/,
      );
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a generation number beyond what heapgate writes is a store error, not a loop', async () => {
    const s = new DirBaselineStore({ root });
    await s.put(meta(1), profileBytes(1));
    // 9999999999999999 is above 2^53: as a number it would name another file.
    writeFileSync(join(root, 'api-server', 'main', 'pointer', '9999999999999999.json'), '{}');
    await expect(s.pointer('api-server', 'main')).rejects.toThrow(
      /9999999999999999\.json: not a pointer generation heapgate wrote$/,
    );
  });

  test('a commit file linked to /etc/passwd is refused without reading it', async () => {
    const s = new DirBaselineStore({ root });
    await s.put(meta(1), profileBytes(1));
    const profile = join(root, 'api-server', 'main', 'commits', commitSha(1), 'profile.pb.gz');
    rmSync(profile);
    symlinkSync('/etc/passwd', profile);
    const err = (await s.commit('api-server', 'main', commitSha(1)).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toMatch(/profile\.pb\.gz: a symbolic link/);
    expect(err.message).not.toMatch(/root/);
  });

  test('a linked branch directory or a FIFO where a file should be is a store error', async () => {
    const s = new DirBaselineStore({ root });
    await s.put(meta(1), profileBytes(1));
    renameSync(join(root, 'api-server', 'main'), join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'api-server', 'main'));
    await expect(s.pointer('api-server', 'main')).rejects.toThrow(/api-server\/main: a symbolic link/);
    await expect(s.put(meta(2), profileBytes(2))).rejects.toThrow(/api-server\/main: a symbolic link/);
    rmSync(join(root, 'api-server', 'main'));
    renameSync(join(root, 'elsewhere'), join(root, 'api-server', 'main'));
    const metaFile = join(root, 'api-server', 'main', 'commits', commitSha(1), 'metadata.json');
    rmSync(metaFile);
    spawnSync('mkfifo', [metaFile]);
    await expect(s.commit('api-server', 'main', commitSha(1))).rejects.toThrow(/metadata\.json: not a regular file$/);
  });
});

describe('delete', () => {
  test('the history, the current (the next newest takes its place), the last (a put starts afresh)', async () => {
    const s = new DirBaselineStore({ root });
    for (const n of [1, 2, 3]) await s.put(meta(n), profileBytes(n));
    expect(await s.delete('api-server', 'main', commitSha(2))).toMatchObject({ object: 'removed', pointer: 'history' });
    expect((await s.pointer('api-server', 'main'))?.history.map((m) => m.sha)).toEqual([commitSha(1)]);
    expect(await s.delete('api-server', 'main', commitSha(3))).toEqual({
      object: 'removed',
      pointer: 'current',
      current: meta(1),
    });
    expect(await s.commit('api-server', 'main', commitSha(3))).toBeUndefined();
    expect(await s.delete('api-server', 'main', commitSha(3))).toEqual({
      object: 'absent',
      pointer: 'absent',
      current: meta(1),
    });
    expect(await s.delete('api-server', 'main', commitSha(1))).toEqual({ object: 'removed', pointer: 'last' });
    expect(await s.pointer('api-server', 'main')).toBeUndefined();
    expect(readdirSync(join(root, 'api-server', 'main', 'commits'))).toEqual([]);
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    // A put after the last delete starts a new pointer above the tombstone.
    expect((await s.put(meta(1), profileBytes(1))).pointer).toBe('moved');
    expect((await s.pointer('api-server', 'main'))?.current.sha).toBe(commitSha(1));
  });

  test("an earlier version's pair is deleted too", async () => {
    const s = new DirBaselineStore({ root });
    const commits = join(root, 'api-server', 'main', 'commits');
    mkdirSync(commits, { recursive: true });
    writeFileSync(join(commits, `${commitSha(4)}.pb.gz`), profileBytes(4, 70));
    writeFileSync(join(commits, `${commitSha(4)}.json`), JSON.stringify(meta(4)));
    expect((await s.delete('api-server', 'main', commitSha(4))).object).toBe('removed');
    expect(readdirSync(commits)).toEqual([]);
  });
});
