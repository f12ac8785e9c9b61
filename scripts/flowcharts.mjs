// Renders Mermaid flowcharts in headless Chromium, as GitHub renders the ```mermaid blocks of the
// generated pages. Shared by test/docs/render.browser.test.ts (which checks every chart and writes
// its screenshots to a temporary folder) and scripts/generate-docs.mjs (which, on demand through
// `npm run docs:protocols`, rewrites the committed docs/protocols/<id>.png).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const MERMAID = join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');

export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Padding around the chart in the page, in CSS pixels (the screenshot is the chart plus this, all round). */
export const PADDING = 16;

/** The edges a Mermaid source declares, as `from>to`. */
export function declaredEdges(source) {
  const edges = [];
  for (const line of source.split('\n')) {
    const match = /^\s*([A-Za-z]\w*)\s*(?:-->|-\.->|-\.-)\s*(?:\|[^|]*\|\s*)?([A-Za-z]\w*)/.exec(line);
    if (match) edges.push(`${match[1]}>${match[2]}`);
  }
  return edges;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Starts Chromium offline with Mermaid 11 loaded. `render(source, id)` draws one chart and reports
 * what was drawn; `screenshot()` captures the last one as PNG bytes; `close()` ends the browser.
 */
export async function openFlowchartRenderer() {
  const { chromium } = await import('playwright-core');
  if (!existsSync(MERMAID)) throw new Error(`${MERMAID} is missing (the mermaid devDependency)`);
  const profile = mkdtempSync(join(tmpdir(), 'escalation-protocols-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1600, height: 1000 },
    deviceScaleFactor: 1,
    offline: true,
  });
  // Nothing may come from the network: the page is set from a string and Mermaid from node_modules.
  await context.route('**/*', (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}#out{display:inline-block;padding:${PADDING}px}</style></head><body><div id="out"></div></body></html>`,
  );
  await page.addScriptTag({ path: MERMAID });
  const version = await page.evaluate(() => {
    const m = globalThis.mermaid;
    // A fixed seed: Mermaid 11 draws some shapes (the bypass rules' hexagons) with random jitter otherwise.
    m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', handDrawnSeed: 1, flowchart: { useMaxWidth: false } });
    return typeof m.version === 'string' ? m.version : '';
  });

  async function render(source, id) {
    return page.evaluate(
      async ({ source, id }) => {
        const m = globalThis.mermaid;
        const { document } = globalThis;
        const out = document.getElementById('out');
        out.innerHTML = '';
        let svg = '';
        let error = null;
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
        // A Gantt chart's bars and milestones, by task id.
        const tasks = [...out.querySelectorAll('rect.task, path.task, rect.milestone')].map((r) => r.id);
        const box = out.querySelector('svg')?.getBoundingClientRect();
        const outer = out.getBoundingClientRect();
        const errorDrawn =
          out.querySelector('.error-icon, .error-text') !== null || /Syntax error|Parse error/i.test(out.textContent ?? '');
        return {
          error,
          svg: svg.startsWith('<svg'),
          errorDrawn,
          nodes,
          edges,
          tasks,
          width: Math.round(box?.width ?? 0),
          height: Math.round(box?.height ?? 0),
          outerWidth: Math.ceil(outer.width),
          outerHeight: Math.ceil(outer.height),
        };
      },
      { source, id },
    );
  }

  return {
    version,
    render,
    screenshot: () => page.locator('#out').screenshot({ animations: 'disabled' }),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
