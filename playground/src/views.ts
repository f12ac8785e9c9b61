// The pictures beside the editor: the flowchart (renderMermaid), the timeline (plan and
// renderTimeline, from a chosen date and region, with closures) and the Markdown page
// (renderMarkdown). Drawn only from a valid protocol; while the file is invalid they keep the last
// good picture, greyed (the caller marks them stale).

import {
  createCalendar,
  plan,
  renderMarkdown,
  renderMermaid,
  renderTimeline,
  type Closure,
  type Protocol,
  type Region,
} from '../../src/index.js';
import { markdownToHtml } from './markdown.js';

interface Mermaid {
  initialize(config: Record<string, unknown>): void;
  render(id: string, source: string): Promise<{ svg: string }>;
}

declare global {
  // mermaid.js (Mermaid's browser build, copied beside the page) sets it.
  var mermaid: Mermaid;
}

let initialised = false;
let drawn = 0;

async function draw(target: HTMLElement, source: string, title: string): Promise<void> {
  if (!initialised) {
    // strict: labels from the file are text, never HTML; a fixed seed, as scripts/flowcharts.mjs draws them.
    globalThis.mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'default',
      handDrawnSeed: 1,
      flowchart: { useMaxWidth: false },
    });
    initialised = true;
  }
  const id = `chart${++drawn}`;
  try {
    const { svg } = await globalThis.mermaid.render(id, source);
    target.innerHTML = svg;
    const element = target.querySelector('svg');
    element?.setAttribute('role', 'img');
    element?.setAttribute('aria-label', title);
  } catch (error) {
    target.textContent = `Mermaid could not draw this: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    document.getElementById(`d${id}`)?.remove();
  }
}

export async function drawFlowchart(target: HTMLElement, protocol: Protocol): Promise<void> {
  await draw(target, renderMermaid(protocol), `Flowchart of ${protocol.title}`);
}

/** "2026-12-24, 2026-12-27 to 2026-12-31" as closures; a part that is not a date or range is an error. */
export function parseClosures(text: string): { closures: Closure[]; error: string | null } {
  const closures: Closure[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const range = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:to|–|-{1,2})\s*(\d{4}-\d{2}-\d{2}))?$/.exec(part);
    if (!range) return { closures: [], error: `"${part}" is not a date (YYYY-MM-DD) or a range ("2026-12-24 to 2026-12-31")` };
    closures.push(range[2] ? { from: range[1]!, to: range[2], name: 'Closure' } : range[1]!);
  }
  return { closures, error: null };
}

export interface TimelineChoice {
  readonly from: string;
  readonly region: Region;
  readonly closures: readonly Closure[];
}

export async function drawTimeline(target: HTMLElement, protocol: Protocol, choice: TimelineChoice): Promise<void> {
  let calendar: ReturnType<typeof createCalendar>;
  try {
    calendar = createCalendar({ region: choice.region, closures: choice.closures });
  } catch (error) {
    target.textContent = `The closures are wrong: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  let source: string;
  let stages: ReturnType<typeof plan>['stages'];
  try {
    stages = plan(protocol, { from: choice.from, calendar }).stages;
    source = renderTimeline(protocol, { from: choice.from, calendar });
  } catch (error) {
    target.textContent = `No timeline from ${choice.from}: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  const chart = document.createElement('div');
  // The same dates in words, for a screen reader and for copying.
  const list = document.createElement('ol');
  list.className = 'plan-list';
  for (const stage of stages) {
    const item = document.createElement('li');
    item.textContent =
      stage.dueDate === null
        ? `${stage.title}: no number given`
        : `${stage.title}: due ${stage.dueDate}${stage.workingDay === null ? '' : ` (working day ${stage.workingDay})`}${stage.provisional ? ', provisional' : ''}`;
    list.append(item);
  }
  await draw(chart, source, `Timeline of ${protocol.title} from ${choice.from}`);
  target.replaceChildren(chart, list);
}

export function drawMarkdown(target: HTMLElement, protocol: Protocol): void {
  target.innerHTML = markdownToHtml(renderMarkdown(protocol));
}
