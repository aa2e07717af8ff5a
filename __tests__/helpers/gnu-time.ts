/**
 * The bundled CLI run under GNU time (`/usr/bin/time`, installed by .ci/run): the wall time and the
 * peak resident memory the kernel counted for the process and its workers, with stdout written to
 * a file so that a runaway report is measured, not buffered by the test.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TimedRun {
  readonly code: number | null;
  /** stdout, when it was at most 1 MiB; else '' (see stdoutBytes). */
  readonly stdout: string;
  readonly stdoutBytes: number;
  /** stderr without GNU time's own lines. */
  readonly stderr: string;
  readonly seconds: number;
  readonly rssMiB: number;
}

/** Runs `node <cli> ...args` in `cwd`; `killAfterMs` bounds a run that would not end (code null). */
export function timedCli(
  cli: string,
  args: readonly string[],
  cwd: string,
  options: { readonly env?: NodeJS.ProcessEnv; readonly killAfterMs?: number } = {},
): TimedRun {
  const dir = mkdtempSync(join(tmpdir(), 'heapgate-timed-'));
  try {
    const out = join(dir, 'stdout');
    const measure = join(dir, 'time');
    const fd = openSync(out, 'w');
    let r;
    try {
      r = spawnSync('/usr/bin/time', ['-o', measure, '-f', '%e %M', process.execPath, cli, ...args], {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, ...options.env },
        stdio: ['ignore', fd, 'pipe'],
        timeout: options.killAfterMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
      });
    } finally {
      closeSync(fd);
    }
    const stdoutBytes = statSync(out).size;
    // GNU time writes "Command exited with non-zero status N" before the figures: the last line.
    const figures = (readFileSync(measure, { encoding: 'utf8', flag: 'a+' }).trim().split('\n').pop() ?? '').split(' ');
    return {
      code: r.status,
      stdout: stdoutBytes <= 1 << 20 ? readFileSync(out, 'utf8') : '',
      stdoutBytes,
      stderr: r.stderr,
      seconds: Number(figures[0]),
      rssMiB: Number(figures[1]) / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
