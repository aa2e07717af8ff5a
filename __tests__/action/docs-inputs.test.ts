/**
 * Every workflow in README.md and docs/*.md passes heapgate only inputs that action.yml declares
 * (actionlint cannot tell: it does not read a remote action's action.yml).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUTS } from '../../src/action/inputs.js';
import { ROOT } from '../helpers/dist.js';

const FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`),
];

/** The input names of each `uses: heapgate/heapgate@…` step's `with:` block in `markdown`'s YAML blocks. */
function heapgateInputs(markdown: string): string[][] {
  const out: string[][] = [];
  for (const [, block] of markdown.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
    const lines = block!.split('\n');
    lines.forEach((line, i) => {
      const uses = /^( *)- uses: heapgate\/heapgate@/.exec(line);
      if (!uses || lines[i + 1]?.trim() !== 'with:') return;
      const indent = uses[1]!.length + 2;
      const names: string[] = [];
      for (const l of lines.slice(i + 2)) {
        if (l.trim() === '') continue;
        // The block ends at the first line indented no deeper than `with:`; comments and the lines
        // of a multi-line value (rules: |) are deeper, and skipped.
        if (/^ */.exec(l)![0].length <= indent) break;
        const m = /^( *)([A-Za-z0-9_-]+):/.exec(l);
        if (m && m[1]!.length === indent + 2) names.push(m[2]!);
      }
      out.push(names);
    });
  }
  return out;
}

test.each(FILES)('%s: heapgate steps name only declared inputs', (file) => {
  for (const names of heapgateInputs(readFileSync(join(ROOT, file), 'utf8'))) {
    for (const name of names) expect(Object.keys(INPUTS)).toContain(name);
  }
});

test('the check sees the steps: docs/action.md has many, with the inputs its sections discuss', () => {
  const steps = heapgateInputs(readFileSync(join(ROOT, 'docs', 'action.md'), 'utf8'));
  expect(steps.length).toBeGreaterThan(10);
  const all = new Set(steps.flat());
  for (const name of ['accept-label', 'fail-on-regression', 'github-token', 'store', 'rules']) {
    expect(all.has(name)).toBe(true);
  }
});
