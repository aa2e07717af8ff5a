/**
 * A report of a million functions per sample type, written through a pipe to a reader that takes
 * its time: the JSON report is streamed (never one string, which Node caps at 2^29 characters), so
 * the bundled CLI writes it whole and valid, in bounded memory. jq is the validator (a parser that
 * is not ours), GNU time the memory gauge.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, ROOT } from '../helpers/dist.js';

const FUNCTIONS = 1_000_000;
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-wide-'));
  const gen = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/gen-wide.mjs'), '--functions', String(FUNCTIONS), '--pair', join(tmp, 'wide')],
    { encoding: 'utf8' },
  );
  if (gen.status !== 0) throw new Error(`gen-wide failed: ${gen.stderr}`);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the JSON report of a 1M-function pair is valid JSON with every function, in under 2 GB', () => {
  const script = [
    'set -u',
    "FILTER='[.schemaVersion, .verdict, .functionCount, (.functions | map_values(length)),'",
    "FILTER+=' (.functions.inuse_space[0] | keys)]'",
    '/usr/bin/time -o "$TMP/rss" -f "%M" "$NODE" "$CLI" diff --format json \\',
    '  "$TMP/wide.base.pb.gz" "$TMP/wide.current.pb.gz" 2>"$TMP/err" |',
    '  jq -c "$FILTER"',
    'echo "${PIPESTATUS[0]} ${PIPESTATUS[1]}" >"$TMP/status"',
  ].join('\n');
  const r = spawnSync('bash', ['-c', script], {
    encoding: 'utf8',
    env: { ...process.env, TMP: tmp, NODE: process.execPath, CLI: builtCli() },
    maxBuffer: 1 << 20,
  });
  expect(r.stderr).toBe('');
  const [heapgate, jq] = readFileSync(join(tmp, 'status'), 'utf8').trim().split(' ').map(Number);
  // Every function grew: the verdict fails (exit 1), and the report says so in full.
  expect(readFileSync(join(tmp, 'err'), 'utf8')).toBe('');
  expect([heapgate, jq]).toEqual([1, 0]);
  const all = { alloc_objects: FUNCTIONS, alloc_space: FUNCTIONS, inuse_objects: FUNCTIONS, inuse_space: FUNCTIONS };
  expect(JSON.parse(r.stdout)).toEqual([
    3,
    'fail',
    all,
    all,
    ['baseCum', 'baseFlat', 'cumDelta', 'currentCum', 'currentFlat', 'flatDelta', 'name'],
  ]);
  // Peak resident memory of the CLI process and its workers, as the kernel counts it (KiB).
  // GNU time writes "Command exited with non-zero status 1" first: the figure is the last line.
  const rssKiB = Number(readFileSync(join(tmp, 'rss'), 'utf8').trim().split('\n').pop());
  expect(rssKiB).toBeGreaterThan(0);
  expect(rssKiB / 1024 / 1024).toBeLessThan(2);
}, 300_000);
