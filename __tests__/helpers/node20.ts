/** A Node 20 on the PATH besides the Node 24 the tests run on (CI machines have both), for engines' lower bound. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The path of the first `node` on the PATH whose version is 20.x, or undefined when there is none. */
export function node20(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const v = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (v.status === 0 && v.stdout.startsWith('v20.')) return candidate;
  }
  return undefined;
}
