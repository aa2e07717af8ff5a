/**
 * scripts/actionlint.mjs (part of `npm run lint`) run as a process: it finds workflow files and the
 * workflow snippets of README.md and docs/*.md, reports problems at the Markdown file's lines, and
 * leaves other YAML blocks alone.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/dist.js';

const run = promisify(execFile);
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'heapgate-actionlint-'));
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  mkdirSync(join(root, 'docs'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const GOOD = `name: ok
on: push
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.sha }}"
`;

async function lint(): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [join(ROOT, 'scripts', 'actionlint.mjs'), root])
    .then((r) => ({ code: 0, ...r }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);
}

test('clean workflows and snippets pass; a YAML block that is not a workflow is not linted', async () => {
  writeFileSync(join(root, '.github', 'workflows', 'ok.yml'), GOOD);
  writeFileSync(
    join(root, 'README.md'),
    `# x\n\n\`\`\`yaml\n${GOOD}\`\`\`\n\n\`\`\`yaml\nrules: [not, a, workflow\n\`\`\`\n`,
  );
  const r = await lint();
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('actionlint: 2 workflow(s) checked, no problems\n');
});

test('problems in a workflow file and in a docs snippet are reported at their lines', async () => {
  writeFileSync(join(root, '.github', 'workflows', 'bad.yml'), GOOD.replace('github.sha', 'github.shaa'));
  const snippet = GOOD.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minutes: soon');
  writeFileSync(join(root, 'docs', 'guide.md'), `# Guide\n\nText.\n\n\`\`\`yaml\n${snippet}\`\`\`\n`);
  const r = await lint();
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines.some((l) => /^\.github\/workflows\/bad\.yml:9:\d+: .*shaa/.test(l))).toBe(true);
  // The snippet starts on line 6 of guide.md; timeout-minutes is its 8th line.
  expect(lines.some((l) => /^docs\/guide\.md:13:22: expecting a single/.test(l))).toBe(true);
  expect(lines.at(-1)).toBe(`actionlint: ${lines.length - 1} problem(s) in 2 workflow(s)`);
});

test("docs/action.md's workflows for merge queues, concurrency, labels, rulesets, caches and benchmarks are all linted", async () => {
  // Only whole workflows (top-level on: and jobs:) are linted: a snippet cut down to its steps
  // would silently stop being checked, so every block of the section must count.
  const text = readFileSync(join(ROOT, 'docs', 'action.md'), 'utf8');
  const start = text.indexOf('\n## Workflows people actually run\n');
  expect(start).toBeGreaterThan(0);
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  const blocks = section.match(/^```yaml$/gm) ?? [];
  expect(blocks).toHaveLength(6);
  writeFileSync(join(root, 'docs', 'action.md'), section);
  const r = await lint();
  expect(r.stdout).toBe(`actionlint: ${blocks.length} workflow(s) checked, no problems\n`);
});
