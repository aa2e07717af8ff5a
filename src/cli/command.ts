/** What a CLI subcommand receives: its arguments and the process's streams, passed in (never read from globals). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal (colour allowed unless NO_COLOR is set). */
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * A `heapgate <name> ...` subcommand (its name and summary are in main.ts's COMMANDS). `run`
 * resolves to the process exit code (see ExitCode).
 */
export interface Command {
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
