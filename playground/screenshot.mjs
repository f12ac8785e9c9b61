#!/usr/bin/env node
// `npm run playground:screenshot`: builds the workbench, opens Swindon in headless Chromium and writes
// docs/playground.png, the README's picture. Run on demand only; the test never writes it.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlayground } from './build.mjs';
import { openPlayground } from './browser.mjs';

const { url } = await buildPlayground();
const browser = await openPlayground(url, { width: 1440, height: 1000 });
try {
  const { page } = browser;
  await page.selectOption('#start-from', 'swindon');
  await page.click('#start');
  await page.evaluate(() => globalThis.playground.settled());
  await page.click('#bundled-scenarios');
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  const file = join(import.meta.dirname, '../docs/playground.png');
  writeFileSync(file, await page.screenshot({ animations: 'disabled', fullPage: true }));
  console.log(`wrote ${file}`);
} finally {
  await browser.close();
}
