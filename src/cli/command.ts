/** What a CLI subcommand receives: its arguments and the process's streams, passed in (never read from globals). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  /**
   * Resolves when what was written to stdout has been taken by the reader as far as its buffer
   * needs (at once when nothing waits): a long report waits here between chunks instead of
   * queueing in memory.
   */
  readonly drained: () => Promise<void>;
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
