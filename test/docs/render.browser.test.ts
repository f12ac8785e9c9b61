// The Mermaid flowchart of every bundled protocol, rendered by Mermaid 11 in a real headless
// Chromium, as GitHub renders the ```mermaid block of the generated pages: no syntax error, one
// node per stage (s1..sN) and per bypass rule (b1..bM), and every edge of the source drawn. A PNG of
// each is saved to docs/protocols/<id>.png for reviewers (rewritten only when it changes).
//
// Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Without it the test is skipped locally;
// under CI=true it fails, because CI must run it (.ci/run installs Chromium).

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_PROTOCOL_IDS, getProtocol, renderMermaid, renderTimeline } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const MERMAID = join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');
const IN_CI = ['true', '1'].includes((process.env['CI'] ?? '').toLowerCase());
const AVAILABLE = existsSync(CHROMIUM);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Rendered {
  readonly error: string | null;
  /** Whether an <svg> came back. */
  readonly svg: boolean;
  /** Mermaid's error diagram: elements of class error-icon / error-text, or its words. */
  readonly errorDrawn: boolean;
  /** Mermaid's node ids without their `flowchart-` prefix and `-<n>` suffix: `s1`, `b2`, `start`, ... */
  readonly nodes: readonly string[];
  /** Edge element ids, `L_<from>_<to>_<n>`. */
  readonly edges: readonly string[];
  readonly width: number;
  readonly height: number;
}

// The little of the DOM the page script uses, typed here: the project compiles without the DOM library.
interface PageElement {
  id: string;
  innerHTML: string;
  readonly textContent: string | null;
  remove(): void;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}
type PageGlobals = { document: PageElement & { getElementById(id: string): PageElement | null } };

/** The edges the Mermaid source declares, as `from>to`. */
function declaredEdges(source: string): string[] {
  const edges: string[] = [];
  for (const line of source.split('\n')) {
    const match = /^\s*([A-Za-z]\w*)\s*(?:-->|-\.->|-\.-)\s*(?:\|[^|]*\|\s*)?([A-Za-z]\w*)/.exec(line);
    if (match) edges.push(`${match[1]}>${match[2]}`);
  }
  return edges;
}

describe.runIf(IN_CI && !AVAILABLE)('browser rendering', () => {
  it('needs Chromium under CI', () => {
    expect.fail(
      `CI=true but Chromium is not at ${CHROMIUM}: install it (apt-get install -y --no-install-recommends chromium, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  });
});

describe.runIf(AVAILABLE)('the Mermaid flowcharts in headless Chromium', () => {
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    expect(existsSync(MERMAID), `${MERMAID} (the mermaid devDependency)`).toBe(true);
    profile = mkdtempSync(join(tmpdir(), 'escalation-protocols-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1600, height: 1000 },
      deviceScaleFactor: 1,
      offline: true,
    });
    // Nothing may come from the network: the page is set from a string and Mermaid from node_modules.
    await context.route('**/*', (route) => route.abort());
    page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}#out{display:inline-block;padding:16px}</style></head><body><div id="out"></div></body></html>',
    );
    await page.addScriptTag({ path: MERMAID });
    const version = await page.evaluate(() => {
      const m = (globalThis as unknown as { mermaid: { initialize(config: unknown): void; version?: string } }).mermaid;
      // A fixed seed: Mermaid 11 draws some shapes (the bypass rules' hexagons) with random jitter otherwise.
      m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', handDrawnSeed: 1, flowchart: { useMaxWidth: false } });
      return typeof m.version === 'string' ? m.version : '';
    });
    expect(version === '' || version.startsWith('11.'), `mermaid ${version}`).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function render(source: string, id: string): Promise<Rendered> {
    return page.evaluate(
      async ({ source, id }) => {
        const m = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        const { document } = globalThis as unknown as PageGlobals;
        const out = document.getElementById('out')!;
        out.innerHTML = '';
        let svg = '';
        let error: string | null = null;
        try {
          svg = (await m.render(id, source)).svg;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        // Mermaid leaves an error diagram in the body when it fails; remove it for the next render.
        for (const node of document.querySelectorAll(`#d${id}`)) node.remove();
        out.innerHTML = svg;
        const nodes = [...out.querySelectorAll('g.node')].map((g) => /^flowchart-(.+)-\d+$/.exec(g.id)?.[1] ?? `?${g.id}`);
        const edges = [...out.querySelectorAll('path[id^="L_"]')].map((p) => p.id);
        const box = out.querySelector('svg')?.getBoundingClientRect();
        const errorDrawn =
          out.querySelector('.error-icon, .error-text') !== null || /Syntax error|Parse error/i.test(out.textContent ?? '');
        return {
          error,
          svg: svg.startsWith('<svg'),
          errorDrawn,
          nodes,
          edges,
          width: Math.round(box?.width ?? 0),
          height: Math.round(box?.height ?? 0),
        };
      },
      { source, id },
    );
  }

  it.each(BUNDLED_PROTOCOL_IDS)(
    '%s renders without error, with one node per stage and every edge',
    async (id) => {
      const protocol = getProtocol(id);
      const source = renderMermaid(protocol);
      const rendered = await render(source, `chart-${id.replace(/[^a-z0-9]/g, '')}`);

      expect(rendered.error).toBeNull();
      expect(rendered.svg).toBe(true);
      expect(rendered.errorDrawn).toBe(false);

      const stages = rendered.nodes.filter((n) => /^s\d+$/.test(n)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
      expect(stages).toEqual(protocol.stages.map((_, i) => `s${i + 1}`));
      const rules = rendered.nodes.filter((n) => /^b\d+$/.test(n)).sort();
      expect(rules).toEqual(protocol.bypass.map((_, i) => `b${i + 1}`).sort());
      expect(rendered.nodes).toContain('start');
      expect(rendered.nodes.filter((n) => n.startsWith('?'))).toEqual([]);

      const drawn = rendered.edges.map((e) => /^L_(.+?)_(.+?)_\d+$/.exec(e)).map((m) => `${m?.[1]}>${m?.[2]}`);
      expect([...drawn].sort()).toEqual(declaredEdges(source).sort());

      expect(rendered.width).toBeGreaterThan(100);
      const png = await page.locator('#out').screenshot({ animations: 'disabled' });
      const file = join(ROOT, 'docs/protocols', `${id}.png`);
      if (!existsSync(file) || !readFileSync(file).equals(png)) writeFileSync(file, png);
    },
    60_000,
  );

  // The timeline of each generated page parses as a Gantt chart: a bar per stage with a number, a
  // milestone per stage without, and a bar per bank holiday or closure, with no error drawn.
  it.each(BUNDLED_PROTOCOL_IDS)(
    '%s: the timeline from 2026-12-21 renders as a Gantt chart',
    async (id) => {
      const source = renderTimeline(getProtocol(id), { from: '2026-12-21' });
      const drawn = await page.evaluate(
        async ({ source, id }) => {
          const m = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
          const { document } = globalThis as unknown as PageGlobals;
          const out = document.getElementById('out')!;
          out.innerHTML = '';
          try {
            out.innerHTML = (await m.render(id, source)).svg;
          } catch (e) {
            return { error: e instanceof Error ? e.message : String(e), tasks: [] as string[] };
          }
          for (const node of document.querySelectorAll(`#d${id}`)) node.remove();
          return { error: null, tasks: [...out.querySelectorAll('rect.task, path.task, rect.milestone')].map((r) => r.id) };
        },
        { source, id: `gantt-${id.replace(/[^a-z0-9]/g, '')}` },
      );
      expect(drawn.error).toBeNull();
      const declared = [...source.matchAll(/:(?:crit, |milestone, )?([sh]\d+),/g)].map((m) => m[1]);
      expect([...drawn.tasks].sort()).toEqual([...declared].sort());
    },
    60_000,
  );
});
