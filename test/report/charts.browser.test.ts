// The report's Mermaid charts rendered by Mermaid 11 in headless Chromium, as GitHub renders a
// ```mermaid block: no syntax error, and one bar per month or stage in each series. Screenshots go
// under the OS temp folder only (for a person to look at), never into the repository.
//
// Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH); skipped without it, failing under CI=true
// (as test/docs/render.browser.test.ts does).

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportMarkdown, report, reportCharts } from '../../src/index.js';
import { PERIOD, cases } from './_fixture.js';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const MERMAID = join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');
const IN_CI = ['true', '1'].includes((process.env['CI'] ?? '').toLowerCase());
const AVAILABLE = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];

interface Rendered {
  readonly error: string | null;
  readonly svg: boolean;
  readonly errorDrawn: boolean;
  /** Bars drawn, by series (Mermaid draws each `bar` line as one group of rects). */
  readonly bars: readonly number[];
}

type Element = {
  innerHTML: string;
  textContent: string | null;
  remove(): void;
  querySelector(s: string): Element | null;
  querySelectorAll(s: string): Iterable<Element>;
};
type Globals = { document: Element & { getElementById(id: string): Element | null } };

describe.runIf(IN_CI && !AVAILABLE)('report charts in the browser', () => {
  it('needs Chromium under CI', () => expect.fail(`CI=true but Chromium is not at ${CHROMIUM}`));
});

describe.runIf(AVAILABLE)('the report charts in headless Chromium', () => {
  let profile: string;
  let shots: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'escalation-protocols-chromium-'));
    shots = mkdtempSync(join(tmpdir(), 'escalation-protocols-report-charts-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, offline: true });
    await context.route('**/*', (route) => route.abort());
    page = context.pages()[0] ?? (await context.newPage());
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate(() => {
      const m = (globalThis as unknown as { mermaid: { initialize(config: unknown): void } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    for (const dir of [profile, shots]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const render = (source: string, id: string): Promise<Rendered> =>
    page.evaluate(
      async ({ source, id }) => {
        const m = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        const { document } = globalThis as unknown as Globals;
        const out = document.getElementById('out')!;
        out.innerHTML = '';
        let svg = '';
        let error: string | null = null;
        try {
          svg = (await m.render(id, source)).svg;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        for (const node of document.querySelectorAll(`#d${id}`)) node.remove();
        out.innerHTML = svg;
        const bars = [...out.querySelectorAll('g.bar-plot-0, g.bar-plot-1, g.bar-plot-2')].map(
          (g) => [...g.querySelectorAll('rect')].length,
        );
        const errorDrawn =
          out.querySelector('.error-icon, .error-text') !== null || /Syntax error|Parse error/i.test(out.textContent ?? '');
        return { error, svg: svg.startsWith('<svg'), errorDrawn, bars };
      },
      { source, id },
    );

  const r = report(cases, PERIOD);
  const charts = reportCharts(r);
  const p = r.protocols[0]!;
  const sources: [string, string, number[]][] = [
    ['opened-by-month', charts.openedByMonth, [r.openedByMonth.length]],
    ['stages-reached', charts.protocols[0]!.stagesReached, [p.stages.length]],
    ['timeliness', charts.protocols[0]!.timeliness, [4, 4, 4]], // three stages and the bypass rules, three bands
  ];

  it.each(sources)(
    '%s renders without error, one bar per column and series',
    async (name, source, bars) => {
      const rendered = await render(source, `chart${name.replace(/-/g, '')}`);
      expect(rendered.error).toBeNull();
      expect(rendered.svg).toBe(true);
      expect(rendered.errorDrawn).toBe(false);
      expect(rendered.bars).toEqual(bars);
      writeFileSync(join(shots, `${name}.png`), await page.locator('#out').screenshot());
    },
    60_000,
  );

  it('every mermaid block of the Markdown report is one of these charts', () => {
    const blocks = [...renderReportMarkdown(r).matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks).toEqual(sources.map(([, source]) => source));
  });
});
