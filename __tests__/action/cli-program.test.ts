/**
 * How the Action's reports spell the CLI: the runner's GITHUB_ACTION_REPOSITORY and
 * GITHUB_ACTION_REF when both look like a repository and a ref, else `npx heapgate`.
 */
import { cliProgram } from '../../src/action/cli-program.js';

const DEFAULT = ['npx', 'heapgate'];

test.each([
  ['heapgate/heapgate', 'v1', ['npx', '--yes', 'github:heapgate/heapgate#v1']],
  ['Octo-Org/heap.gate_2', 'release/1.x', ['npx', '--yes', 'github:Octo-Org/heap.gate_2#release/1.x']],
  ['o/r', 'a'.repeat(40), ['npx', '--yes', `github:o/r#${'a'.repeat(40)}`]],
  ['o/r', 'a'.repeat(100), ['npx', '--yes', `github:o/r#${'a'.repeat(100)}`]],
])('%s @ %s', (repository, ref, expected) => {
  expect(cliProgram({ GITHUB_ACTION_REPOSITORY: repository, GITHUB_ACTION_REF: ref })).toEqual(expected);
});

test.each([
  ['unset (a local `uses: ./`)', undefined, undefined],
  ['empty', '', ''],
  ['no ref', 'o/r', ''],
  ['no repository', '', 'v1'],
  ['a repository without an owner', 'heapgate', 'v1'],
  ['a repository with a space', 'o /r', 'v1'],
  ['a third path part', 'o/r/x', 'v1'],
  ['a shell metacharacter in the ref', 'o/r', 'v1;rm -rf ~'],
  ['a command substitution', 'o/r', '$(id)'],
  ['a newline', 'o/r', 'v1\necho'],
  ['a dot-dot', 'o/r', '../../x/y'],
  ['a ref over 100 characters', 'o/r', 'a'.repeat(101)],
  ['an npm spec of its own', 'o/r', 'semver:^1'],
])('%s: npx heapgate', (_, repository, ref) => {
  expect(cliProgram({ GITHUB_ACTION_REPOSITORY: repository, GITHUB_ACTION_REF: ref })).toEqual(DEFAULT);
});
