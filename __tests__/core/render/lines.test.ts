import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import type { ProfileDiff } from '../../../src/core/compare/diff.js';
import type { LineDelta } from '../../../src/core/compare/line-diff.js';
import { buildReport } from '../../../src/core/verdict/report.js';
import { renderJson, renderJsonChunks, toJsonReport } from '../../../src/core/render/json.js';
import { renderText } from '../../../src/core/render/text.js';
import { validate } from './json-schema.js';
import { KiB, sampleDiff, sampleVerdict } from './fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8'));

function line(fn: string, file: string, n: number, flatDelta: number, cumDelta: number): LineDelta {
  return { function: fn, file, line: n, flatDelta, cumDelta, flatZ: null };
}

/** sampleDiff with lines: inuse_space's grow by 768 KiB at grow.go:12, inuse_objects' by 10. */
function diffWithLines(): ProfileDiff {
  return {
    ...sampleDiff(),
    lines: {
      inuse_objects: [line('main.grow', 'w/grow.go', 12, 10, 10)],
      inuse_space: [
        line('main.grow', 'w/grow.go', 12, 768 * KiB, 768 * KiB),
        line('main.shrink', 'w/shrink.go', 7, -256 * KiB, -256 * KiB),
        line('evil\u001b[2J', 'x\n.go', 1, 1, 1),
      ],
    },
  };
}

function report(top: number, flaggedOnly = false) {
  const diff = diffWithLines();
  return buildReport(diff, sampleVerdict(diff), { base: 'a', current: 'b', top, lines: { top, flaggedOnly } });
}

describe('--lines in the reports', () => {
  test('JSON: per sample type rows {function, file, line, flatDelta, cumDelta}, their count; matches the schema', () => {
    const json = JSON.parse(renderJson(report(2)));
    expect(json.schemaVersion).toBe(3);
    expect(json.lines.inuse_space).toEqual([
      { function: 'main.grow', file: 'w/grow.go', line: 12, flatDelta: 768 * KiB, cumDelta: 768 * KiB },
      { function: 'main.shrink', file: 'w/shrink.go', line: 7, flatDelta: -256 * KiB, cumDelta: -256 * KiB },
    ]);
    expect(json.lineCount).toEqual({ inuse_objects: 1, inuse_space: 3 });
    expect(validate(json, schema)).toEqual([]);
    json.lines.inuse_space[0].line = -1;
    expect(validate(json, schema)).toEqual(['$.lines.inuse_space[0].line: below 0']);
  });

  test('JSON: absent without --lines; streamed byte for byte as JSON.stringify writes it', () => {
    const plain = buildReport(sampleDiff(), sampleVerdict(sampleDiff()), { base: 'a', current: 'b', top: 0 });
    expect(JSON.parse(renderJson(plain)).lines).toBeUndefined();
    for (const r of [report(0), report(1), plain]) {
      expect([...renderJsonChunks(r)].join('')).toBe(`${JSON.stringify(toJsonReport(r), null, 2)}\n`);
    }
  });

  test('only the failing and warning sample types when asked (the Action)', () => {
    const json = JSON.parse(renderJson(report(50, true)));
    expect(Object.keys(json.lines)).toEqual(['inuse_space']);
  });

  test('text: a pprof -top -lines table after the function table, --top rows, names escaped', () => {
    const text = renderText(report(0), { color: false });
    const at = text.indexOf('Type: inuse_space, by source line');
    expect(at).toBeGreaterThan(text.indexOf('Type: inuse_space\n'));
    const table = text.slice(at).split('\n');
    expect(table[1]).toBe(
      'Showing all 3 lines by |flat Δ|, accounting for +512.00 KiB (50.00% of the base total 1.00 MiB)',
    );
    expect(table[2]).toMatch(/^ +flat Δ +flat% +sum% +cum Δ +cum% +function file:line$/);
    expect(table[3]).toMatch(/^\+768\.00 KiB +75\.00% +75\.00% +\+768\.00 KiB +75\.00% +main\.grow w\/grow\.go:12$/);
    expect(text).not.toContain('\u001b[2J');
    expect(text).not.toContain('x\n.go');
    const top1 = renderText(report(1), { color: false });
    expect(top1).toContain('Showing top 1 of 3 lines');
    expect(top1).toContain('… 2 more lines (--top 0 lists all)');
  });
});
