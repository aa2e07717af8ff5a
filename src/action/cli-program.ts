/**
 * How the Action's reports spell the CLI: `npx --yes github:OWNER/REPO#REF` when the runner says
 * which repository and ref the step's action came from (GITHUB_ACTION_REPOSITORY, GITHUB_ACTION_REF),
 * so "reproduce locally" runs the same heapgate before it is on npm: npm installs it from that
 * commit's dist/ and package.json "bin". Else (a local `uses: ./`, or values that do not look like a
 * repository and a ref) the reports keep `npx heapgate`.
 */
import { NPX_HEAPGATE } from '../app/commands.js';

/** owner/name as GitHub spells them. */
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/** A tag, branch or commit: nothing a shell or npm's spec parser reads specially. */
const REF = /^[A-Za-z0-9_./-]{1,100}$/;

/**
 * The words that run this action's CLI in a printed command. The values come from the runner but
 * end up in a command people paste into a shell, so anything unexpected falls back to `npx heapgate`.
 */
export function cliProgram(env: NodeJS.ProcessEnv): readonly string[] {
  const repository = env.GITHUB_ACTION_REPOSITORY ?? '';
  const ref = env.GITHUB_ACTION_REF ?? '';
  if (!REPOSITORY.test(repository) || !REF.test(ref) || ref.includes('..')) return NPX_HEAPGATE;
  return ['npx', '--yes', `github:${repository}#${ref}`];
}
