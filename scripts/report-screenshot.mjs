#!/usr/bin/env node
// Screenshots an HTML report in Chromium (Debian's, via playwright-core), for the docs:
//
//   node scripts/report-screenshot.mjs REPORT.html OUT.png [--hover FUNCTION] [--width 1280]
//
// --hover points at the first flame graph frame of FUNCTION, so the picture shows its tooltip.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { hover: { type: 'string' }, width: { type: 'string', default: '1280' } },
});
const [report, out] = positionals;
if (report === undefined || out === undefined) {
  console.error('usage: report-screenshot.mjs REPORT.html OUT.png [--hover FUNCTION] [--width N]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.HEAPGATE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: 800 } });
  await page.goto(`file://${resolve(report)}`);
  await page.waitForSelector('body[data-ready="true"]');
  if (values.hover !== undefined) {
    const frame = page.locator(`#flame g.frame[data-name="${values.hover.replace(/["\\]/g, '\\$&')}"] rect`).first();
    await frame.hover({ position: { x: 40, y: 8 } });
  }
  await page.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
}
