/** How reports name the profile: relative to the checkout, so a printed command works in a clone. */
import { repositoryPath } from '../../src/action/profile-path.js';

test.each([
  ['bench/heap.pb.gz', 'bench/heap.pb.gz'],
  ['./bench/../out/heap.pb.gz', 'out/heap.pb.gz'],
  ['/home/runner/work/app/app/out/heap.pb.gz', 'out/heap.pb.gz'],
  // Outside the checkout (RUNNER_TEMP): the runner's path means nothing elsewhere, the name does.
  ['/home/runner/work/_temp/heap.pb.gz', 'heap.pb.gz'],
  ['../elsewhere/heap.pb.gz', 'heap.pb.gz'],
])('%s → %s', (path, expected) => {
  expect(repositoryPath(path, '/home/runner/work/app/app')).toBe(expected);
});
