import { join } from 'node:path';
import type { CliIo, Command } from '../../src/cli/command.js';
import { ExitCode } from '../../src/core/errors.js';
import { COMMANDS, main, type CommandEntry } from '../../src/cli/main.js';
import { DecodeError } from '../../src/core/errors.js';
import { ROOT } from '../helpers/dist.js';

function fakeIo(overrides: Partial<CliIo> = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    drained: () => Promise.resolve(),
    stdoutIsTTY: false,
    env: {},
    cwd: ROOT,
    ...overrides,
  };
  return io;
}

function entry(run: Command['run']): CommandEntry {
  return { name: 'boom', summary: 'test command', load: async () => ({ run }) };
}

const REG = ['examples/regression/base.heap.pb.gz', 'examples/regression/current.heap.pb.gz'];

describe('main', () => {
  test('no arguments: usage on stderr, exit 2', async () => {
    const io = fakeIo();
    expect(await main([], io)).toBe(2);
    expect(io.err).toContain('Usage: heapgate <command>');
    expect(io.out).toBe('');
  });

  test('help <command> shows the command usage', async () => {
    const io = fakeIo();
    expect(await main(['help', 'diff'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: heapgate diff BASE CURRENT/);
  });

  test('a typed error is one line with its exit code', async () => {
    const io = fakeIo();
    const code = await main(['boom'], io, [
      entry(async () => {
        throw new DecodeError('bad\nthing', 7);
      }),
    ]);
    expect(code).toBe(2);
    expect(io.err).toBe('heapgate: bad thing at byte 7\n');
  });

  test('an unexpected error is "internal error", one line, exit 70', async () => {
    const io = fakeIo();
    const code = await main(['boom'], io, [
      entry(async () => {
        throw new TypeError('x is not a function');
      }),
    ]);
    expect(code).toBe(ExitCode.internal);
    expect(io.err).toBe('heapgate: internal error: x is not a function\n');
  });

  test('commands are loaded only when run', async () => {
    let loaded = 0;
    const lazy: CommandEntry = {
      name: 'lazy',
      summary: 's',
      load: async () => {
        loaded++;
        return { run: async () => 0 };
      },
    };
    const io = fakeIo();
    await main(['--help'], io, [lazy, ...COMMANDS]);
    expect(loaded).toBe(0);
    expect(io.out).toMatch(/^ {2}lazy +s$/m);
    expect(await main(['lazy'], io, [lazy])).toBe(0);
    expect(loaded).toBe(1);
  });
});

describe('colour decision of heapgate diff', () => {
  test('colour on a TTY without NO_COLOR', async () => {
    const io = fakeIo({ stdoutIsTTY: true });
    expect(await main(['diff', ...REG], io)).toBe(1);
    expect(io.out).toContain('\u001b[31mFAIL\u001b[0m');
  });

  test('no colour when NO_COLOR is set, or stdout is not a TTY', async () => {
    const noColor = fakeIo({ stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    await main(['diff', ...REG], noColor);
    expect(noColor.out).not.toContain('\u001b');
    const emptyNoColor = fakeIo({ stdoutIsTTY: true, env: { NO_COLOR: '' } });
    await main(['diff', ...REG], emptyNoColor);
    expect(emptyNoColor.out).not.toContain('\u001b');
    const pipe = fakeIo();
    await main(['diff', ...REG], pipe);
    expect(pipe.out).not.toContain('\u001b');
    expect(pipe.out.replace(/\s+$/, '')).toBe(noColor.out.replace(/\s+$/, ''));
  });

  test('--output to an unwritable place is a one-line usage error', async () => {
    const io = fakeIo();
    expect(await main(['diff', ...REG, '--output', join('no-such-dir', 'x', 'r.txt')], io)).toBe(2);
    expect(io.err).toBe('heapgate: writing report no-such-dir/x/r.txt: no such directory\n');
  });
});
