/**
 * The import graph of src/: no cycles (a module is understood, tested and bundled on its own only
 * when nothing it imports imports it back). Layer rules (what core/, app/ and adapters/ may import,
 * and which core folders sit below which) are the linter's, eslint.config.js; the last tests here
 * run the linter on imports that break them.
 */
import { ESLint } from 'eslint';
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

/** The folders of src/core from the bottom up, as the README's Layout shows them. */
const CORE_ORDER = ['profile', 'stats', 'rules', 'compare', 'bench', 'verdict', 'history', 'render'];

describe('the layers of src/core (eslint.config.js)', () => {
  const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });
  /** The layer errors for `code` linted as if it were a file of `folder` ('' = core's top level). */
  const layerErrors = async (folder: string, code: string): Promise<string[]> => {
    const dir = join(SRC, 'core', folder);
    const file = readdirSync(dir).find((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))!;
    const [result] = await eslint.lintText(code, { filePath: join(dir, file) });
    return result!.messages.map((m) => m.message);
  };
  const importOf = (from: string, folder: string): string =>
    `import * as m from '${from === '' ? './' : '../'}${folder}/x.js';\nexport const n = m;\n`;

  test('every folder of src/core has its place in the order', () => {
    const folders = readdirSync(join(SRC, 'core'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((e) => e.name).sort()).toEqual([...CORE_ORDER].sort());
  });

  test.each(CORE_ORDER.slice(0, -1).map((folder, i) => [folder, CORE_ORDER.slice(i + 1)]))(
    'core/%s may not import the folders above it (%p); they may import it',
    async (lower, uppers) => {
      for (const upper of uppers) {
        expect(await layerErrors(lower, importOf(lower, upper))).toEqual([
          expect.stringContaining(`this layer does not import`),
        ]);
        expect(await layerErrors(upper, importOf(upper, lower))).toEqual([]);
      }
    },
  );

  test("core's top-level files import no core folder, and core imports no outer layer", async () => {
    expect(await layerErrors('', importOf('', 'profile'))).toHaveLength(1);
    expect(await layerErrors('render', `import * as m from '../../app/compare.js';\nexport const n = m;\n`)).toEqual([
      expect.stringContaining('app'),
    ]);
  });
});
