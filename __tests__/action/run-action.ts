/**
 * Runs the bundled action (dist/index.js) the way the GitHub runner does: inputs as INPUT_<NAME>
 * variables (upper-cased, spaces to underscores, hyphens kept), the event payload in a file named by
 * GITHUB_EVENT_PATH, outputs and the job summary written to the files named by GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY. Asynchronous, so a server in the test process can answer the action.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDistCurrent, ROOT } from '../helpers/dist.js';

/** The action bundle to run: HEAPGATE_TEST_ACTION, else the committed dist/index.js once it matches src/. */
export function builtAction(): string {
  const given = process.env.HEAPGATE_TEST_ACTION;
  if (given !== undefined && given !== '') return given;
  assertDistCurrent();
  return join(ROOT, 'dist', 'index.js');
}

export interface ActionRun {
  readonly inputs: Readonly<Record<string, string>>;
  readonly eventName: string;
  readonly payload: unknown;
  readonly sha: string;
  readonly ref?: string;
  readonly runId?: string;
  readonly apiUrl?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

export interface ActionResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** Workflow commands (::error ...::message) found on stdout. */
  readonly commands: readonly { readonly command: string; readonly message: string }[];
}

/** Parses the GITHUB_OUTPUT file: `name<<DELIM\nvalue\nDELIM` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** The `::command props::message` lines of a log, with the message unescaped (%0A, %0D, %25). */
export function workflowCommands(stdout: string): { command: string; message: string }[] {
  const out: { command: string; message: string }[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (m)
      out.push({ command: m[1]!, message: m[2]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%') });
  }
  return out;
}

export async function runAction(action: string, run: ActionRun): Promise<ActionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'heapgate-action-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(run.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: run.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: run.sha,
    GITHUB_REF: run.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: run.runId ?? '100',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: run.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: dir,
    ...run.env,
  };
  for (const [name, value] of Object.entries(run.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const child = spawn(process.execPath, [action], { cwd: run.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    commands: workflowCommands(stdout),
  };
}
