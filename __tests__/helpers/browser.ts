/**
 * A real Chromium for the HTML report's tests: Debian's `chromium` package (installed by .ci/run),
 * driven by playwright-core; HEAPGATE_CHROMIUM names another binary. No browser is downloaded.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.HEAPGATE_CHROMIUM ?? '/usr/bin/chromium';

/** Launches the browser; fails with a one-line hint when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set HEAPGATE_CHROMIUM)`);
  }
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** What a page did that a report must never do: console errors and warnings, uncaught errors, requests. */
export interface PageProblems {
  readonly console: string[];
  readonly errors: string[];
  /** Every request but the page's own file. */
  readonly requests: string[];
}

/** Opens `file` (an absolute path) in a new page and waits until the report has drawn itself. */
export async function openReport(
  browser: Browser,
  file: string,
  viewport = { width: 1400, height: 900 },
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport });
  const problems: PageProblems = { console: [], errors: [], requests: [] };
  const url = `file://${file}`;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.console.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('request', (r) => {
    if (r.url() !== url) problems.requests.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, problems };
}
