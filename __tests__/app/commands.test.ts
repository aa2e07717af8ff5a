/** The commands the reports print, as a shell would read them. */
import { execFileSync } from 'node:child_process';
import { noBaselineSentence, reproduceCommand, seedCommand, shellQuote } from '../../src/app/commands.js';

/** The words a POSIX shell makes of `command` (printed one per line by printf). */
function shellWords(command: string): string[] {
  const out = execFileSync('sh', ['-c', `set -- ${command}; printf '%s\\n' "$@"`], { encoding: 'utf8' });
  return out.replace(/\n$/, '').split('\n');
}

const TARGET = { store: 'gs://b/heap gate', series: 'api', profile: "it's here/heap.pb.gz" };

describe('shellQuote', () => {
  test('plain words stay, anything else is single-quoted', () => {
    expect(shellQuote('gs://b/p')).toBe('gs://b/p');
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellWords(shellQuote("a 'b' $c `d` \\e"))).toEqual(["a 'b' $c `d` \\e"]);
  });
});

describe('the commands', () => {
  test('seed: every argument survives the shell as given, the commit left to fill in', () => {
    const cmd = seedCommand(TARGET, 'feature/$(reboot)');
    expect(shellWords(cmd)).toEqual([
      'npx',
      'heapgate',
      'baseline',
      'put',
      "it's here/heap.pb.gz",
      '--store',
      'gs://b/heap gate',
      '--series',
      'api',
      '--branch',
      'feature/$(reboot)',
      '--sha',
      'COMMIT',
    ]);
    expect(seedCommand({ ...TARGET, profile: 'PROFILE' }, 'main', ['heapgate'])).toBe(
      "heapgate baseline put PROFILE --store 'gs://b/heap gate' --series api --branch main --sha COMMIT",
    );
  });

  test('reproduce: rules on one line without comments; the default confidence left out', () => {
    const rules = { text: 'inuse_space +10%  # tighter\n\nalloc_objects off', origin: 'input rules' };
    const cmd = reproduceCommand({ ...TARGET, store: 'dir', rules, confidence: 3 }, 'main');
    expect(shellWords(cmd).slice(-2)).toEqual(['--rules', 'inuse_space +10%; alloc_objects off']);
    const strict = reproduceCommand({ ...TARGET, store: 'dir', rules: null, confidence: 2.5 }, 'main');
    expect(shellWords(strict).slice(-4)).toEqual(['--branch', 'main', '--confidence', '2.5']);
  });

  test('reproduce: a merge base pinned with --sha, a branch store with --repo and a token from gh', () => {
    const target = { store: 'branch:heapgate-baselines', series: 'api', profile: 'bench/heap.pb.gz', rules: null };
    const cmd = reproduceCommand(
      { ...target, confidence: null, baselineSha: 'a'.repeat(40), repository: 'o/r' },
      'main',
    );
    expect(cmd).toBe(
      'GITHUB_TOKEN=$(gh auth token) npx heapgate check bench/heap.pb.gz --store branch:heapgate-baselines ' +
        `--series api --branch main --sha ${'a'.repeat(40)} --repo o/r`,
    );
    // The repository is only needed by a branch store.
    expect(reproduceCommand({ ...target, store: 'base', confidence: null, repository: 'o/r' }, 'main')).toBe(
      'npx heapgate check bench/heap.pb.gz --store base --series api --branch main',
    );
  });

  test('reproduce: gs:// stores log in with gcloud first', () => {
    const cmd = reproduceCommand({ ...TARGET, rules: null, confidence: null }, 'main');
    expect(cmd.startsWith('gcloud auth application-default login && npx heapgate check ')).toBe(true);
    expect(shellWords(cmd.replace(/^.*&& /, ''))).toContain('gs://b/heap gate');
  });

  test('no baseline: the branches quoted as JSON strings', () => {
    expect(noBaselineSentence('api', ['dev', 'main'], 'gs://b/p')).toBe(
      'no baseline for series api on branch "dev" or "main" in gs://b/p: nothing to compare against.',
    );
  });
});
