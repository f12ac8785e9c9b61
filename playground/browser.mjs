// Opens the built workbench in Debian's headless Chromium, launched as scripts/flowcharts.mjs launches
// it (same flags, offline, every network request aborted and recorded). Shared by the browser test
// (test/playground/playground.browser.test.ts) and `npm run playground:screenshot`.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARGS, CHROMIUM } from '../scripts/flowcharts.mjs';

/**
 * @param {string} url - the file URL of the built index.html
 * @returns {Promise<{ page: import('playwright-core').Page, requested: string[], errors: string[], close(): Promise<void> }>}
 */
export async function openPlayground(url, viewport = { width: 1600, height: 1100 }) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'escalation-protocols-playground-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    deviceScaleFactor: 1,
    offline: true,
  });
  // The page's own files come from disk (file:); anything else would leave the page, and is refused.
  const requested = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith('file:')) return route.continue();
    requested.push(target);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => globalThis.playground !== undefined);
  await page.evaluate(() => globalThis.playground.settled());
  return {
    page,
    requested,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
