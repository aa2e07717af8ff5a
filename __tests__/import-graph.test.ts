/**
 * The import graph of src/: no cycles (a module is understood, tested and bundled on its own only
 * when nothing it imports imports it back). Layer rules (what core/, app/ and adapters/ may import)
 * are the linter's: see eslint.config.js.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { ROOT } from './helpers/dist.js';

const SRC = join(ROOT, 'src');

/** Relative imports (static, re-exports and dynamic `import()`) of every .ts file below src/, as paths from src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && e.name.endsWith('.ts'),
  );
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)\.js'/g)].map((m) =>
      relative(SRC, normalize(join(dirname(file), `${m[1]!}.ts`))),
    );
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

/** One cycle of the graph as a path a → … → a, or null when it has none. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined && graph.has(next)) {
        const cycle = visit(next);
        if (cycle !== null) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (state.get(node) === undefined) {
      const cycle = visit(node);
      if (cycle !== null) return cycle;
    }
  }
  return null;
}

describe('the import graph of src/', () => {
  test('finds imports of every kind (the check below is not vacuous)', () => {
    const graph = importGraph();
    expect(graph.get('cli/main.ts')).toEqual(expect.arrayContaining(['core/errors.ts', 'version.ts']));
    expect(graph.get('cli/main.ts')).toEqual(expect.arrayContaining(['cli/commands/diff.ts'])); // dynamic import()
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
  });

  test('has no cycle', () => {
    expect(findCycle(importGraph())).toBeNull();
  });
});
