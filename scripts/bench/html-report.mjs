// The HTML report's cost: `heapgate diff --format html` (wall time, peak RSS, file size) and the
// time Chromium takes to open the file and draw it (navigation start to the page's data-ready
// mark: parse, JSON.parse, flame graph and heat table drawn). Debian's chromium, driven by
// playwright-core, as the browser tests do.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { runOnce, stats } from './measure.mjs';

/** @typedef {import('./cases.mjs').BenchCase} BenchCase */

/**
 * @typedef {object} HtmlResult
 * @property {string} case
 * @property {number} bytes the report's size
 * @property {import('./measure.mjs').Stats} writeMs `diff --format html --output` wall time
 * @property {import('./measure.mjs').Stats} writeRssKiB its peak RSS
 * @property {import('./measure.mjs').Stats} renderMs navigation start → drawn, in Chromium
 * @property {number} frames flame graph frames drawn for the sample type shown first
 * @property {string} browser
 * @property {number[]} loadavg the machine's load averages (1, 5, 15 min) before the case
 */

const CHROMIUM = process.env.HEAPGATE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Measures the HTML report of each case: `runs` writes and `runs` loads in a fresh page each.
 * Null when there is no Chromium (the report then says so).
 * @param {BenchCase[]} cases
 * @param {{ cli: string, runs: number, method: import('./measure.mjs').RssMethodName, log: (m: string) => void }} o
 * @returns {Promise<HtmlResult[] | null>}
 */
export async function measureHtml(cases, { cli, runs, method, log }) {
  if (!existsSync(CHROMIUM)) {
    log(`no Chromium at ${CHROMIUM}: HTML report render times not measured`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'heapgate-bench-html-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  /** @type {HtmlResult[]} */
  const out = [];
  try {
    for (const c of cases) {
      log(`HTML report of ${c.id}`);
      const load = loadavg().map((l) => Math.round(l * 100) / 100);
      const file = join(dir, `${c.id}.html`);
      const args = [cli, 'diff', '--format', 'html', '--output', file, c.files.base, c.files.current];
      const writes = Array.from({ length: runs }, () =>
        runOnce(process.execPath, args, { method, okStatus: (s) => s === 0 || s === 1 }),
      );
      /** @type {number[]} */
      const renders = [];
      let frames = 0;
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        /** @type {string[]} */
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`file://${file}`);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
        renders.push(await page.evaluate(() => performance.now()));
        frames = await page.$$eval('#flame g.frame', (g) => g.length);
        await page.close();
        if (errors.length > 0) throw new Error(`the ${c.id} report failed in Chromium: ${errors[0]}`);
      }
      out.push({
        case: c.id,
        bytes: statSync(file).size,
        writeMs: stats(writes.map((w) => w.wallMs)),
        writeRssKiB: stats(writes.map((w) => w.rssKiB)),
        renderMs: stats(renders),
        frames,
        browser: browser.version(),
        loadavg: load,
      });
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
