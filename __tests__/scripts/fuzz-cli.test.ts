/**
 * The short pass of scripts/fuzz-cli.mjs that every test run makes: 150 mutated profiles, texts,
 * benchmark files and stored run bundles (seed 18), each through the bundled CLI as a process. The
 * script fails on any run that does not end with a report or one clean error line. The long pass:
 * `node scripts/fuzz-cli.mjs --count 2000` (about 90 s; see README).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { builtCli, ROOT } from '../helpers/dist.js';

test('150 mutated inputs through the bundled CLI: every one a report or a one-line error, none a crash or a hang', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/fuzz-cli.mjs'), '--count', '150', '--cli', builtCli()], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^fuzz seed 18: 150 of 150 cases run; /);
  expect(r.stdout).not.toContain('FAIL');
  // Each kind of input was exercised, and most mutations were refused cleanly (exit 2).
  for (const kind of ['profile', 'gzip-inner', 'text', 'bench', 'bundle'])
    expect(r.stdout).toContain(`${kind} exit 2:`);
  expect(r.status).toBe(0);
}, 300_000);
