/**
 * The two workflows for pull requests from forks, as README.md and docs/action.md print them: the
 * same text in both, heapgate's inputs all declared by action.yml, and the record, artifact and
 * report steps wired to one another (a copy that works only if every name agrees).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUTS } from '../../src/action/inputs.js';
import { ROOT } from '../helpers/dist.js';

function yamlBlocks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** The `key: value` lines of the `with:` block of the step that uses `action` (prefix), comments dropped. */
function withOf(block: string, action: string): Record<string, string> {
  const lines = block.split('\n');
  const at = lines.findIndex((l) => l.trim().startsWith(`- uses: ${action}`));
  expect(at).toBeGreaterThanOrEqual(0);
  const indent = /^ */.exec(lines[at]!)![0].length + 2;
  expect(lines[at + 1]!.trim()).toBe('with:');
  const out: Record<string, string> = {};
  for (const line of lines.slice(at + 2)) {
    const m = /^( *)([a-z-]+): (.*)$/.exec(line);
    if (!m || m[1]!.length <= indent) break;
    out[m[2]!] = m[3]!.replace(/\s+#.*$/, '').trim();
  }
  return out;
}

function pick(file: string, mode: string): string {
  const found = yamlBlocks(file).filter((b) => b.includes(`mode: ${mode}\n`));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe.each(['record', 'report'])('the %s workflow', (mode) => {
  test('is the same in README.md and docs/action.md', () => {
    expect(pick('README.md', mode)).toBe(pick('docs/action.md', mode));
  });

  test('passes heapgate only inputs action.yml declares, and the ones its mode needs', () => {
    const inputs = withOf(pick('docs/action.md', mode), 'heapgate/heapgate@');
    for (const name of Object.keys(inputs)) expect(Object.keys(INPUTS)).toContain(name);
    expect(inputs.mode).toBe(mode);
    if (mode === 'record') {
      expect(inputs.profile).toBeDefined();
      expect(inputs.store).toBeUndefined();
    } else {
      expect(inputs.store).toBeDefined();
      expect(inputs.profile).toBeUndefined();
    }
  });
});

test('the record, its artifact and the report agree on every name; the report has the permissions it needs', () => {
  const recordFlow = pick('docs/action.md', 'record');
  const reportFlow = pick('docs/action.md', 'report');
  const recorded = withOf(recordFlow, 'heapgate/heapgate@');
  const upload = withOf(recordFlow, 'actions/upload-artifact@');
  const download = withOf(reportFlow, 'actions/download-artifact@');
  const reported = withOf(reportFlow, 'heapgate/heapgate@');

  expect(upload.path!.replace(/\/$/, '')).toBe(recorded.record);
  expect(download.name).toBe(upload.name);
  expect(download.path).toBe(reported.record);
  expect(reported.series).toBe(recorded.series);
  expect(download['run-id']).toBe('${{ github.event.workflow_run.id }}');
  expect(download['github-token']).toBe('${{ github.token }}');

  const recordName = /^name: (.+)$/m.exec(recordFlow)![1];
  expect(reportFlow).toContain(`workflows: [${recordName}]`);
  expect(recordFlow).toMatch(/^on:\n {2}pull_request:/m);
  expect(reportFlow).toMatch(/^on:\n {2}workflow_run:/m);
  // The record run gets no write permission; the report run gets what it uses, and checks out nothing.
  expect(/^permissions:\n((?: {2}.*\n)+)/m.exec(recordFlow)![1]!.trim()).toBe('contents: read');
  const perms = /^permissions:\n((?: {2}.*\n)+)/m.exec(reportFlow)![1]!;
  for (const p of ['actions: read', 'contents: read', 'pull-requests: write', 'statuses: write'])
    expect(perms).toContain(`  ${p}`);
  expect(reportFlow).not.toContain('actions/checkout');
});
