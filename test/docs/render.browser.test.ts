// The Mermaid flowchart of every bundled protocol, rendered by Mermaid 11 in a real headless
// Chromium, as GitHub renders the ```mermaid block of the generated pages: no syntax error, one
// node per stage (s1..sN) and per bypass rule (b1..bM), and every edge of the source drawn.
//
// Each chart's screenshot is written to a temporary folder and checked there: a real PNG whose size is
// the chart's drawn box. It is never compared pixel by pixel with the committed docs/protocols/<id>.png,
// because another machine's fonts change the pixels (and the box) without anything being wrong; and a
// test run never writes to docs/ (`npm test` leaves the tree as it found it). The committed images are
// rewritten only on demand, by `npm run docs:protocols` (scripts/generate-docs.mjs); here they need
// only exist and be PNGs, since the pages link to them.
//
// Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Without it the test is skipped locally;
// under CI=true it fails, because CI must run it (.ci/run installs Chromium).

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, declaredEdges, openFlowchartRenderer, pngSize } from '../../scripts/flowcharts.mjs';
import { BUNDLED_PROTOCOL_IDS, getProtocol, renderMermaid, renderTimeline } from '../../src/index.js';
import { everyConstruct } from '../render/_everyConstruct.js';

const ROOT = join(import.meta.dirname, '../..');
const IN_CI = ['true', '1'].includes((process.env['CI'] ?? '').toLowerCase());
const AVAILABLE = existsSync(CHROMIUM);

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
  /** A Gantt chart's bar and milestone ids. */
  readonly tasks: readonly string[];
  readonly width: number;
  readonly height: number;
  /** The chart with its padding: what the screenshot captures. */
  readonly outerWidth: number;
  readonly outerHeight: number;
}

/** A task's id after its tags: stages s1.., holidays h1.., the duties beside the stages d1.. (#12). */
const TASK = /:(?:(?:crit|milestone|active|done), )?([shd]\d+),/g;

interface Renderer {
  readonly version: string;
  render(source: string, id: string): Promise<Rendered>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

describe.runIf(IN_CI && !AVAILABLE)('browser rendering', () => {
  it('needs Chromium under CI', () => {
    expect.fail(
      `CI=true but Chromium is not at ${CHROMIUM}: install it (apt-get install -y --no-install-recommends chromium, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  });
});

describe.runIf(AVAILABLE)('the Mermaid flowcharts in headless Chromium', () => {
  let renderer: Renderer;
  let shots: string;

  beforeAll(async () => {
    renderer = (await openFlowchartRenderer()) as Renderer;
    expect(renderer.version === '' || renderer.version.startsWith('11.'), `mermaid ${renderer.version}`).toBe(true);
    shots = mkdtempSync(join(tmpdir(), 'escalation-protocols-flowcharts-'));
  }, 60_000);

  afterAll(async () => {
    await renderer?.close();
    if (shots) rmSync(shots, { recursive: true, force: true });
  });

  it.each(BUNDLED_PROTOCOL_IDS)(
    '%s renders without error, with one node per stage and every edge',
    async (id) => {
      const protocol = getProtocol(id);
      const source = renderMermaid(protocol);
      const rendered = await renderer.render(source, `chart-${id.replace(/[^a-z0-9]/g, '')}`);

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
      expect(rendered.height).toBeGreaterThan(100);

      // The screenshot, in the temporary folder: a PNG of the chart's box (one pixel of rounding either way).
      const png = await renderer.screenshot();
      const file = join(shots, `${id}.png`);
      writeFileSync(file, png);
      const size = pngSize(readFileSync(file));
      expect(size, `${file} is a PNG`).toBeDefined();
      expect(Math.abs(size!.width - rendered.outerWidth)).toBeLessThanOrEqual(1);
      expect(Math.abs(size!.height - rendered.outerHeight)).toBeLessThanOrEqual(1);

      // The committed image the page links to exists and is a PNG; its pixels are the generator's business.
      const committed = join(ROOT, 'docs/protocols', `${id}.png`);
      expect(existsSync(committed), `${committed} (npm run docs:protocols writes it)`).toBe(true);
      expect(pngSize(readFileSync(committed)), committed).toBeDefined();
    },
    60_000,
  );

  // The timeline of each generated page parses as a Gantt chart: a bar per stage with a number, a
  // milestone per stage without, and a bar per bank holiday or closure, with no error drawn.
  it.each(BUNDLED_PROTOCOL_IDS)(
    '%s: the timeline from 2026-12-21 renders as a Gantt chart',
    async (id) => {
      const source = renderTimeline(getProtocol(id), { from: '2026-12-21' });
      const rendered = await renderer.render(source, `gantt-${id.replace(/[^a-z0-9]/g, '')}`);
      expect(rendered.error).toBeNull();
      expect(rendered.errorDrawn).toBe(false);
      const declared = [...source.matchAll(TASK)].map((m) => m[1]);
      expect(declared.length).toBeGreaterThan(0);
      expect([...rendered.tasks].sort()).toEqual([...declared].sort());
    },
    60_000,
  );

  // #12: a protocol using every construct of protocol language 2 parses in Mermaid, as a flowchart
  // (every node and edge drawn) and as a timeline (each duty's bar, aim, assumption and milestone).
  it('a protocol using every construct renders its flowchart and timeline', async () => {
    const chart = renderMermaid(everyConstruct);
    const drawn = await renderer.render(chart, 'chart-everyconstruct');
    expect(drawn.error).toBeNull();
    expect(drawn.errorDrawn).toBe(false);
    const expected = ['start', ...everyConstruct.stages.map((_, i) => `s${i + 1}`), ...everyConstruct.arising!.map((_, i) => `a${i + 1}`)];
    expect([...drawn.nodes].sort()).toEqual(expected.sort());
    const edges = drawn.edges.map((e) => /^L_(.+?)_(.+?)_\d+$/.exec(e)).map((m) => `${m?.[1]}>${m?.[2]}`);
    expect([...edges].sort()).toEqual(declaredEdges(chart).sort());

    const timeline = renderTimeline(everyConstruct, { from: '2026-12-21' });
    const gantt = await renderer.render(timeline, 'gantt-everyconstruct');
    expect(gantt.error).toBeNull();
    expect(gantt.errorDrawn).toBe(false);
    const declared = [...timeline.matchAll(TASK)].map((m) => m[1]);
    expect(declared.filter((t) => t?.startsWith('d')).length).toBeGreaterThan(0);
    expect([...gantt.tasks].sort()).toEqual([...declared].sort());
  }, 60_000);
});
