// The protocol workbench (playground/), built into a temporary folder and opened from its file URL in
// Debian's headless Chromium, offline: Swindon loads, its flowchart and timeline are drawn, a
// misspelt key typed into the editor is reported on its line with the CLI's words (compared with
// `escalation-protocols validate --format json` on the same text), the finding jumps to its line,
// the fix clears it, and Swindon's bundled scenarios all pass as `escalation-protocols test` lists them.
// Nothing is requested from the network, and screenshots go to a temporary folder, never to docs/.
//
// Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH), and dist/cli.js (`npm run build`) for the
// comparison with the CLI. Without Chromium the test is skipped locally; under CI=true it fails.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlayground } from '../../playground/browser.mjs';
import { buildPlayground } from '../../playground/build.mjs';
import { CHROMIUM, pngSize } from '../../scripts/flowcharts.mjs';
import { getProtocol } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '../..');
const IN_CI = ['true', '1'].includes((process.env['CI'] ?? '').toLowerCase());
const AVAILABLE = existsSync(CHROMIUM);
const SWINDON = readFileSync(join(ROOT, 'protocols/swindon.json'), 'utf8');
const SCENARIOS = JSON.parse(readFileSync(join(ROOT, 'protocols/swindon.scenarios.json'), 'utf8')) as { scenarios: { name: string }[] };

interface Opened {
  readonly page: Page;
  readonly requested: string[];
  readonly errors: string[];
  close(): Promise<void>;
}

describe.runIf(IN_CI && !AVAILABLE)('the workbench in a browser', () => {
  it('needs Chromium under CI', () => {
    expect.fail(`CI=true but Chromium is not at ${CHROMIUM}: install it (as .ci/run does) or set CHROMIUM_PATH.`);
  });
});

/** What `escalation-protocols validate --format json` says of this text, saved as swindon.json. */
function cliFindings(folder: string, text: string): string[] {
  const cli = join(ROOT, 'dist/cli.js');
  expect(existsSync(cli), `${cli} (npm run build)`).toBe(true);
  const file = join(folder, 'swindon.json');
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [cli, 'validate', file, '--format', 'json'], { encoding: 'utf8' });
  const findings = JSON.parse(run.stdout) as {
    line: number | null;
    column: number | null;
    severity: string;
    code: string;
    message: string;
    accepted?: string;
  }[];
  return findings.map((f) =>
    f.accepted
      ? `swindon.json:${f.line}:${f.column} ${f.severity}, accepted ${f.code} ${f.message} Accepted: ${f.accepted}`
      : `swindon.json:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`,
  );
}

describe.runIf(AVAILABLE)('the protocol workbench in headless Chromium', () => {
  let browser: Opened;
  let page: Page;
  let temp: string;

  const findings = (): Promise<string[]> => page.locator('[data-testid="findings"] li').allInnerTexts();
  const settled = (): Promise<void> =>
    page.evaluate(() => (globalThis as unknown as { playground: { settled(): Promise<void> } }).playground.settled());
  const text = (): Promise<string> => page.evaluate(() => (globalThis as unknown as { playground: { text(): string } }).playground.text());

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'escalation-protocols-playground-'));
    const { url } = await buildPlayground(join(temp, 'page'));
    expect(url.startsWith('file://')).toBe(true);
    browser = (await openPlayground(url)) as Opened;
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, 60_000);

  it('loads Swindon from the picker and draws its flowchart and its timeline from 2026-12-21', async () => {
    await page.selectOption('#start-from', 'swindon');
    await page.click('#start');
    await settled();
    expect(await text()).toBe(SWINDON);

    const protocol = getProtocol('swindon');
    const nodes = await page
      .locator('[data-testid="flowchart"] svg g.node')
      .evaluateAll((gs) => gs.map((g) => /^flowchart-(.+)-\d+$/.exec(g.id)?.[1]));
    expect(nodes.filter((n) => /^s\d+$/.test(n ?? ''))).toEqual(protocol.stages.map((_, i) => `s${i + 1}`));

    await page.fill('#from', '2026-12-21');
    await page.dispatchEvent('#from', 'change');
    await settled();
    const timeline = page.locator('[data-testid="timeline"]');
    expect(await timeline.locator('svg').count()).toBe(1);
    // Stage 4 due on Swindon's "Day 17", in the chart and in the words under it, with the bank holidays marked.
    expect(await timeline.locator('svg').textContent()).toContain('Stage 4 – due 2027-01-18 (working day 17)');
    expect(await timeline.locator('svg').textContent()).toContain('Christmas Day');
    expect(await timeline.locator('li').allInnerTexts()).toContain(
      'Stage 4: Heads / Leads/ Directors / of Service: due 2027-01-18 (working day 17)',
    );

    // A closure is marked too.
    await page.fill('#closures', '2026-12-24');
    await page.dispatchEvent('#closures', 'change');
    await settled();
    expect(await timeline.locator('svg').textContent()).toContain('Closure');
    expect(await timeline.locator('li').allInnerTexts()).toContain('Stage 2: Inter-agency Discussion: due 2027-01-05 (working day 7)');
    await page.fill('#closures', '');
    await page.dispatchEvent('#closures', 'change');
    await settled();

    expect(await findings()).toEqual(cliFindings(temp, SWINDON));
  }, 60_000);

  it('reports a misspelt key as it is typed, on its line with "did you mean", and clears it when fixed', async () => {
    const before = await findings();
    const content = page.locator('[data-testid="editor"] .cm-content');
    await content.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"titel": "x",');
    await page.keyboard.press('Escape');
    await settled();
    const typed = await text();
    expect(typed.split('\n')[1]?.trim()).toBe('"titel": "x",');

    const now = await findings();
    expect(now).toEqual(cliFindings(temp, typed));
    expect(now[0]).toMatch(/^swindon\.json:2:3 error schema\/unknown-key Unknown key "titel"\. Did you mean "title"\?/);
    expect(await page.locator('[data-testid="editor"] .cm-lint-marker-error').count()).toBeGreaterThan(0);
    // The pictures keep the last good version, greyed.
    expect(await page.locator('[data-testid="flowchart"].stale svg').count()).toBe(1);
    expect(await page.locator('[data-testid="timeline"].stale svg').count()).toBe(1);

    // The finding jumps to its line.
    await page.keyboard.press('Control+End');
    await page.locator('[data-testid="findings"] button').first().click();
    expect(await page.locator('[data-testid="editor"] .cm-activeLine').innerText()).toContain('"titel"');

    // The fix: the typed line deleted.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Backspace');
    await settled();
    expect(await text()).toBe(SWINDON);
    expect(await findings()).toEqual(before);
    expect((await findings()).filter((f) => / error /.test(f))).toEqual([]);
    expect(await page.locator('[data-testid="flowchart"].stale').count()).toBe(0);
  }, 60_000);

  it("completes a reference with the file's own role ids, and explains a key on hover", async () => {
    const file = SWINDON.replace('"owner": "raising-line-manager"', '"owner": ""');
    expect(file).not.toBe(SWINDON);
    await page.evaluate(
      (t) => (globalThis as unknown as { playground: { setText(t: string): Promise<void> } }).playground.setText(t),
      file,
    );
    const at = file.indexOf('"owner": ""') + '"owner": "'.length;
    await page.evaluate((o) => (globalThis as unknown as { playground: { focusAt(o: number): void } }).playground.focusAt(o), at);
    await page.keyboard.press('Control+Space');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await options.first().waitFor();
    const roles = getProtocol('swindon').roles.map((r) => r.id);
    expect((await options.allInnerTexts()).map((o) => o.replace(/^"|"$/g, '').trim())).toEqual(expect.arrayContaining(roles));
    await page.keyboard.press('Escape');

    await page.evaluate(
      (o) => (globalThis as unknown as { playground: { focusAt(o: number): void } }).playground.focusAt(o),
      file.indexOf('"reviewBy"'),
    );
    await page
      .locator('[data-testid="editor"] .cm-line', { hasText: '"reviewBy"' })
      .first()
      .hover({ position: { x: 45, y: 6 } });
    const hover = page.locator('.cm-tooltip-hover');
    await hover.waitFor();
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema.json'), 'utf8')) as { properties: { reviewBy: { description: string } } };
    expect(await hover.innerText()).toContain(schema.properties.reviewBy.description.slice(0, 30));
    await page.evaluate(
      (t) => (globalThis as unknown as { playground: { setText(t: string): Promise<void> } }).playground.setText(t),
      SWINDON,
    );
  }, 60_000);

  it("runs Swindon's bundled scenarios, pasted, to all passed, listed as the CLI's test lists them", async () => {
    await page.fill('#scenarios', readFileSync(join(ROOT, 'protocols/swindon.scenarios.json'), 'utf8'));
    await page.click('#run-scenarios');
    const lines = (await page.locator('[data-testid="scenario-results"]').innerText()).trim().split('\n');
    expect(lines[0]).toBe('swindon.scenarios.json');
    expect(lines.slice(1, -1).map((l) => l.replace(/ \(\d+ checks\)$/, ''))).toEqual(SCENARIOS.scenarios.map((s) => `  ✓ ${s.name}`));
    expect(lines.at(-1)).toBe(`${SCENARIOS.scenarios.length} passed, 0 failed`);

    // A scenario that expects the wrong date fails, with where, expected and actual.
    const wrong = readFileSync(join(ROOT, 'protocols/swindon.scenarios.json'), 'utf8').replace(
      '"stage-4": "2027-01-18"',
      '"stage-4": "2027-01-19"',
    );
    await page.fill('#scenarios', wrong);
    await page.click('#run-scenarios');
    const failed = await page.locator('[data-testid="scenario-results"]').innerText();
    expect(failed).toContain('expected: "2027-01-19"');
    expect(failed).toContain('actual:   "2027-01-18"');
    expect(failed.trim().split('\n').at(-1)).toBe(`${SCENARIOS.scenarios.length - 1} passed, 1 failed`);
  }, 60_000);

  it('starts from a blank skeleton with no errors, and nothing left the page', async () => {
    await page.selectOption('#start-from', '');
    await page.click('#start');
    await settled();
    expect(await page.locator('#findings-summary').innerText()).toMatch(/^1 file checked: 0 errors/);
    expect(await page.locator('[data-testid="flowchart"] svg').count()).toBe(1);
    expect(await page.getByText('Nothing leaves this page.').count()).toBe(1);

    const shots = join(temp, 'shots');
    mkdirSync(shots);
    const file = join(shots, 'playground.png');
    writeFileSync(file, await page.screenshot());
    expect(pngSize(readFileSync(file))?.width).toBe(1600);

    expect(browser.requested).toEqual([]);
    expect(browser.errors).toEqual([]);
  }, 60_000);
});
