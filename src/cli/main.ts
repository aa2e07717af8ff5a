/**
 * The `heapgate` command line: picks the subcommand, runs it, and is the one place that turns
 * errors into a one-line message on stderr and an exit code.
 *
 * Exit codes: 0 pass, warn, inconclusive or no baseline, 1 fail (or inconclusive with
 * --on-inconclusive fail), 2 usage or input error (bad arguments, unreadable or
 * malformed profile, bad rules, incompatible profiles), 3 baseline store error, 70 internal error
 * (a bug: anything that is not a HeapgateError; reported as "internal error: <message>").
 */
import { enableLinearRegExp } from '../adapters/linear-regexp.js';
import { printWarningsAs } from '../adapters/process-warnings.js';
import { oneLine } from '../core/error-text.js';
import { ExitCode, HeapgateError, UsageError } from '../core/errors.js';
import { VERSION } from '../version.js';
import type { CliIo, Command } from './command.js';

/**
 * A subcommand as the table knows it: its name and summary without loading it. `load` imports the
 * command's module on demand, so `heapgate diff` never loads the GitHub or cloud-storage code that
 * other commands need (the bundle keeps them behind these dynamic imports).
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/** The subcommands, in the order `heapgate --help` lists them. Add a command with one entry here. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'diff',
    summary: 'compare two profile files and report memory changes',
    load: async () => (await import('./commands/diff.js')).diffCommand,
  },
  {
    name: 'check',
    summary: "compare a profile against the branch's stored baseline",
    load: async () => (await import('./commands/check.js')).checkCommand,
  },
  {
    name: 'baseline',
    summary: 'store, show and list baselines (put, show, history)',
    load: async () => (await import('./commands/baseline.js')).baselineCommand,
  },
];

export function usage(commands: readonly CommandEntry[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'heapgate: stop memory regressions before they merge.',
    '',
    'Usage: heapgate <command> [arguments]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    "  -h, --help     show this help (heapgate <command> --help: the command's)",
    '  -V, --version  print the version',
    '',
    'Exit codes: 0 pass, warn, inconclusive or no baseline, 1 fail (or inconclusive with --on-inconclusive fail),',
    '2 usage or input error, 3 baseline store error, 70 internal error.',
    '',
  ].join('\n');
}

/**
 * Runs `heapgate` with `argv` (without node and the script) and resolves to the exit code. Never
 * rejects: every error is printed as one line on stderr, prefixed "heapgate: ".
 */
export async function main(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CommandEntry[] = COMMANDS,
): Promise<number> {
  enableLinearRegExp();
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      if (first === 'help' && rest[0] !== undefined) return await dispatch(rest[0], ['--help'], io, commands);
      (first === undefined ? io.stderr : io.stdout)(usage(commands));
      return first === undefined ? ExitCode.input : ExitCode.pass;
    }
    if (first === '-V' || first === '--version') {
      io.stdout(`heapgate ${VERSION}\n`);
      return 0;
    }
    if (first.startsWith('-')) {
      throw new UsageError(`unknown option ${first}; valid options before a command: --help, --version`);
    }
    return await dispatch(first, rest, io, commands);
  } catch (e) {
    return report(e, io);
  }
}

async function dispatch(
  name: string,
  argv: readonly string[],
  io: CliIo,
  commands: readonly CommandEntry[],
): Promise<number> {
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    throw new UsageError(
      `unknown command ${JSON.stringify(name)}; commands: ${commands.map((c) => c.name).join(', ')}`,
    );
  }
  const command = await entry.load();
  return await command.run(argv, io);
}

/** Prints an error as one line (messages may quote untrusted text: no control characters) and returns its exit code. */
export function report(e: unknown, io: CliIo): number {
  if (e instanceof HeapgateError) {
    io.stderr(`heapgate: ${oneLine(e.message)}\n`);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`heapgate: internal error: ${oneLine(message)}\n`);
  return ExitCode.internal;
}

/**
 * The process's streams and environment as a CliIo. When a reader closes the pipe early
 * (`heapgate diff ... | head`), further output is dropped quietly instead of crashing with EPIPE;
 * any other stdout failure is reported once, as one line.
 */
function processIo(): CliIo {
  let stdoutClosed = false;
  let stderrClosed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (stdoutClosed) return;
    stdoutClosed = true;
    if (e.code !== 'EPIPE') {
      if (!stderrClosed) process.stderr.write(`heapgate: writing standard output: ${e.code ?? e.message}\n`);
      process.exitCode = 2;
    }
  });
  process.stderr.on('error', () => {
    stderrClosed = true;
  });
  return {
    stdout: (text) => void (stdoutClosed || process.stdout.write(text)),
    drained: () =>
      stdoutClosed || !process.stdout.writableNeedDrain
        ? Promise.resolve()
        : new Promise((done) => {
            const settle = (): void => {
              process.stdout.off('drain', settle).off('error', settle).off('close', settle);
              done();
            };
            process.stdout.on('drain', settle).on('error', settle).on('close', settle);
          }),
    stderr: (text) => void (stderrClosed || process.stderr.write(text)),
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** The entry point's only call: runs the CLI and sets the exit code (without process.exit, so stdout is flushed). */
export async function run(): Promise<void> {
  const io = processIo();
  printWarningsAs((line) => io.stderr(`heapgate: warning: ${line}\n`));
  process.exitCode = await main(process.argv.slice(2), io);
}
