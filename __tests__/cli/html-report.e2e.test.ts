/// <reference lib="dom" />
/**
 * The HTML report as a reviewer sees it: written by the bundled CLI, opened from disk in Chromium
 * (see helpers/browser.ts), and used — hovered, searched, switched, zoomed, sorted.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatSignedValue, formatValue } from '../../src/core/render/units.js';
import { launchBrowser, openReport, type PageProblems } from '../helpers/browser.js';
import { builtCli, runCli } from '../helpers/dist.js';
import { encodeProfile, type ProfileSpec } from '../helpers/encode-profile.js';

const REG = ['examples/regression/base.heap.pb.gz', 'examples/regression/current.heap.pb.gz'];
const CULPRIT = 'main.loadUserRecord';

/** Function names no report may interpret: markup, a script end tag, a newline, entities, U+2028. */
const HOSTILE = [
  '</script><script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  'two\nlines <b>bold</b>',
  '&lt;entity&gt; "double" \'single\' \u2028 end',
];

let cli: string;
let tmp: string;
let browser: Browser;
let regression: string;
let json: { functions: Record<string, { name: string; baseFlat: number; currentFlat: number; baseCum: number }[]> };

beforeAll(async () => {
  cli = builtCli();
  tmp = mkdtempSync(join(tmpdir(), 'heapgate-html-'));
  regression = join(tmp, 'regression.html');
  expectWritten(runCli(cli, ['diff', ...REG, '--format', 'html', '--output', regression]), regression);
  json = JSON.parse(runCli(cli, ['diff', ...REG, '--format', 'json']).stdout);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function expectClean(problems: PageProblems): void {
  expect(problems).toEqual({ console: [], errors: [], requests: [] });
}

/** A failing run that wrote its report to a file: exit 1, nothing on stdout, one line naming the file on stderr. */
function expectWritten(r: { code: number | null; stdout: string; stderr: string }, file: string): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`heapgate: fail (1 failed, 0 warned, 3 inconclusive); report written to ${file}\n`);
}

/** The frames drawn: name, colour step (−5 … +5), x, width, depth row. */
async function frames(page: Page) {
  return page.$$eval('#flame g.frame', (gs) =>
    gs.map((g) => {
      const m = /translate\(([\d.]+),(\d+)\)/.exec(g.getAttribute('transform') ?? '')!;
      return {
        i: Number(g.getAttribute('data-i')),
        name: g.getAttribute('data-name')!,
        colour: Number(g.getAttribute('data-colour')),
        x: Number(m[1]),
        y: Number(m[2]),
        width: Number(g.querySelector('rect')!.getAttribute('width')),
        className: g.getAttribute('class')!,
      };
    }),
  );
}

describe('heapgate diff --format html (a real Go regression, in Chromium)', () => {
  test('is one self-contained file whose Content-Security-Policy forbids network access', () => {
    const html = readFileSync(regression, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  test('loads with no console message, page error or request, and the headline names the failing metric and the culprit', async () => {
    const { page, problems } = await openReport(browser, regression);
    expect(await page.textContent('#headline')).toBe(`✗ heapgate: fail: inuse_space +2132.5% — ${CULPRIT} +49.55 MiB`);
    // The failing sample type is the one shown first.
    expect(await page.getAttribute('button.tab[aria-selected="true"]', 'data-type')).toBe('inuse_space');
    expectClean(problems);
    await page.close();
  });

  test('the culprit is the widest growth frame: the largest width of its own (not covered by callees) among frames that grew', async () => {
    const { page, problems } = await openReport(browser, regression);
    const drawn = await frames(page);
    const own = drawn.map((f) => {
      const children = drawn.filter((c) => c.y === f.y + 18 && c.x >= f.x - 0.01 && c.x < f.x + f.width);
      return { ...f, own: f.width - children.reduce((s, c) => s + c.width, 0) };
    });
    const growth = own.filter((f) => f.colour > 0 && f.i > 0).sort((a, b) => b.own - a.own);
    expect(growth[0]!.name).toBe(CULPRIT);
    expect(growth[0]!.colour).toBe(5);
    // The heat table's first row (by |flat Δ|) is the same function.
    expect(await page.textContent('#heat tbody tr:first-child td.name')).toBe(CULPRIT);
    expectClean(problems);
    await page.close();
  });

  test("a frame's tooltip shows its flat and cum in base and current and their Δ, as the JSON report has them", async () => {
    const { page, problems } = await openReport(browser, regression);
    const f = json.functions.inuse_space!.find((x) => x.name === CULPRIT)!;
    await page.hover(`#flame g.frame[data-name="${CULPRIT}"] rect`);
    const rows = await page.$$eval('#tooltip tr', (trs) =>
      trs.map((tr) => Array.from(tr.children, (c) => c.textContent)),
    );
    expect(await page.textContent('#tooltip .tip-name')).toBe(CULPRIT);
    expect(rows[1]).toEqual([
      'flat',
      formatValue(f.baseFlat, 'bytes'),
      formatValue(f.currentFlat, 'bytes'),
      formatSignedValue(f.currentFlat - f.baseFlat, 'bytes'),
      `+${((100 * (f.currentFlat - f.baseFlat)) / f.baseFlat).toFixed(1)}%`,
    ]);
    expect(rows[2]![0]).toBe('cum');
    expect(rows[2]![1]).toBe(formatValue(f.baseCum, 'bytes'));
    expectClean(problems);
    await page.close();
  });

  test('search highlights the matching frames, dims the rest and filters the table', async () => {
    const { page, problems } = await openReport(browser, regression);
    await page.fill('#search', 'loaduser');
    const drawn = await frames(page);
    expect(drawn.filter((f) => f.className.includes('match')).map((f) => f.name)).toEqual([CULPRIT]);
    expect(drawn.filter((f) => f.className.includes('dim')).length).toBe(drawn.length - 1);
    expect(await page.textContent('#matches')).toMatch(/^1 frames match, \d+\.\d% of current$/);
    expect(await page.$$eval('#heat tbody tr', (trs) => trs.length)).toBe(1);
    expectClean(problems);
    await page.close();
  });

  test("the base/current switch redraws the frames at the base profile's widths; click zooms into a frame", async () => {
    const { page, problems } = await openReport(browser, regression);
    const current = await frames(page);
    const newFn = current.find((f) => f.className.includes('fn-new'));
    expect(newFn?.name).toBe('main.(*unboundedCache).put');
    await page.click('#side-base');
    expect(await page.getAttribute('#side-base', 'aria-pressed')).toBe('true');
    const base = await frames(page);
    const root = base.find((f) => f.i === 0)!;
    const culprit = base.find((f) => f.name === CULPRIT)!;
    const f = json.functions.inuse_space!.find((x) => x.name === CULPRIT)!;
    const baseTotal = await page.evaluate(() => {
      type Data = { types: { type: string; flame: { bc: number[] } }[] };
      const d = JSON.parse(document.getElementById('heapgate-data')!.textContent) as Data;
      return d.types.find((t) => t.type === 'inuse_space')!.flame.bc[0]!;
    });
    // In the base profile the culprit held 1.5 of 2.5 MiB; in the current one, nearly everything.
    expect(culprit.width / root.width).toBeCloseTo(f.baseCum / baseTotal, 2);
    expect(culprit.width).toBeLessThan(current.find((c) => c.name === CULPRIT)!.width * 0.7);
    // A function only the current profile has takes no width at the base's; zoomed into its
    // sibling, it is not drawn either.
    expect(base.some((b) => b.name === newFn!.name)).toBe(false);

    await page.click('#side-current');
    await page.click(`#flame g.frame[data-name="${CULPRIT}"] rect`);
    const zoomed = await frames(page);
    const lookup = zoomed.find((z) => z.name === CULPRIT)!;
    expect(lookup.x).toBe(0);
    expect(lookup.width).toBeCloseTo(root.width, 0);
    expect(zoomed.some((z) => z.name === 'main.(*unboundedCache).put')).toBe(false);
    await page.click('#reset-zoom');
    expect((await frames(page)).some((z) => z.name === 'main.(*unboundedCache).put')).toBe(true);
    expectClean(problems);
    await page.close();
  });

  test('the heat table sorts by a clicked column, and the other way on a second click', async () => {
    const { page, problems } = await openReport(browser, regression);
    const column = async (n: number) =>
      page.$$eval(`#heat tbody tr td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent));
    await page.click('#heat th[data-key="name"]');
    const names = await column(1);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
    await page.click('#heat th[data-key="name"]');
    expect(await column(1)).toEqual([...names].reverse());
    expect(await page.getAttribute('#heat th[data-key="name"]', 'aria-sort')).toBe('descending');
    expectClean(problems);
    await page.close();
  });
});

/** A pair whose functions carry HOSTILE names; all change, the first most, so it is the culprit. */
function hostilePair(): [string, string] {
  const spec = (grow: number): ProfileSpec => {
    const other = grow === 10 ? 10 : 20;
    return {
      sampleType: [
        ['inuse_objects', 'count'],
        ['inuse_space', 'bytes'],
      ],
      periodType: ['space', 'bytes'],
      period: 1,
      function: [{ id: 1, name: 'main.main' }, ...HOSTILE.map((name, i) => ({ id: i + 2, name }))],
      location: [1, 2, 3, 4, 5].map((id) => ({ id, line: [{ functionId: id }] })),
      sample: [
        { locationId: [2, 1], value: [grow, grow * 1024] },
        { locationId: [3, 1], value: [other, other * 1024] },
        { locationId: [4, 2, 1], value: [other, other * 1024] },
        { locationId: [5, 1], value: [other, other * 1024] },
      ],
    };
  };
  const base = join(tmp, 'hostile.base.pb');
  const current = join(tmp, 'hostile.current.pb');
  writeFileSync(base, encodeProfile(spec(10)));
  writeFileSync(current, encodeProfile(spec(1000)));
  return [base, current];
}

describe('hostile function names in the HTML report', () => {
  test('render as text: no markup, no script, every name exactly as in the profile', async () => {
    const [base, current] = hostilePair();
    const out = join(tmp, 'hostile.html');
    const r = runCli(cli, ['diff', base, current, '--format', 'html', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^heapgate: fail \(\d failed, .*; report written to .*hostile\.html\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const { page, problems } = await openReport(browser, out);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$('img, b, #app script')).toHaveLength(0);
    const drawn = (await frames(page)).map((f) => f.name);
    for (const name of HOSTILE) expect(drawn).toContain(name);
    const cells = await page.$$eval('#heat td.name', (tds) => tds.map((td) => td.firstChild!.textContent));
    expect([...cells].sort()).toEqual([...HOSTILE, 'main.main'].sort());
    // The hostile leaf is named as what the user's main.main allocated through.
    expect(await page.textContent('#headline')).toContain(`— main.main +1,020 (in ${HOSTILE[0]})`);
    await page.hover(`#flame g.frame[data-i="${(await frames(page)).find((f) => f.name === HOSTILE[2])!.i}"] rect`);
    expect(await page.textContent('#tooltip .tip-name')).toBe(HOSTILE[2]);
    expectClean(problems);
    await page.close();
  });
});

test('heapgate check writes the same HTML report against a stored baseline', async () => {
  const store = join(tmp, 'store');
  const sha = 'a'.repeat(40);
  const put = runCli(cli, [
    'baseline',
    'put',
    REG[0]!,
    '--store',
    store,
    '--series',
    'api',
    '--branch',
    'main',
    '--sha',
    sha,
  ]);
  expect(put.code).toBe(0);
  const out = join(tmp, 'check.html');
  const r = runCli(cli, ['check', REG[1]!, '--store', store, '--series', 'api', '--format', 'html', '--output', out]);
  expectWritten(r, out);
  const { page, problems } = await openReport(browser, out);
  expect(await page.textContent('#headline')).toBe(`✗ heapgate: fail: inuse_space +2132.5% — ${CULPRIT} +49.55 MiB`);
  expect((await frames(page)).some((f) => f.name === CULPRIT)).toBe(true);
  expectClean(problems);
  await page.close();
});

test('several runs a side: the page says so, loads clean, and draws the mean call trees with the culprit first', async () => {
  const dir = '__tests__/fixtures/noisy/server/gc.rate1';
  const sides = [`${dir}/good-[1-5].heap.pb.gz`, `${dir}/regressed-*.heap.pb.gz`];
  const out = join(tmp, 'runs.html');
  const r = runCli(cli, ['diff', ...sides, '--format', 'html', '--output', out]);
  expect(r.code).toBe(1);
  const report = JSON.parse(runCli(cli, ['diff', ...sides, '--format', 'json']).stdout) as typeof json;
  const culprit = report.functions.inuse_space![0]!;
  const { page, problems } = await openReport(browser, out);
  expect(await page.textContent('p.labels')).toContain('Per-run means of 5 base runs and 5 current runs');
  expect(await page.textContent('#heat tbody tr:first-child td.name')).toBe(culprit.name);
  const drawn = await frames(page);
  expect(drawn.some((f) => f.name === culprit.name && f.colour > 0)).toBe(true);
  // Means of runs have changes under one unit and under 0.05 %: none reads as a signed zero.
  const cells = await page.$$eval('#heat td.num', (tds) => tds.map((td) => td.textContent ?? ''));
  expect(cells.length).toBeGreaterThan(100);
  expect(cells.filter((c) => /^[−+]0(\.0)?(%| B)?$/.test(c))).toEqual([]);
  expect(cells.some((c) => /^[−+]?0\.0%$/.test(c))).toBe(true);
  expectClean(problems);
  await page.close();
});

test('the report of a regression stays small', () => {
  // The real regression's page is mostly its own script and style.
  expect(statSync(regression).size).toBeLessThan(64 * 1024);
});
