// The protocol workbench: the editor, its findings, and beside it the flowchart, the timeline, the
// Markdown page and the scenario runner. Everything runs in the page through the library's public
// API (src/index.ts); nothing is fetched or sent (index.html's Content-Security-Policy forbids it).

import { BUNDLED_PROTOCOL_IDS, REGIONS, toLondonDate, type Protocol, type Region } from '../../src/index.js';
import { check, findingLine, summaryLine } from './check.js';
import { createEditor } from './editor.js';
import { runScenarioText } from './scenarios.js';
import { drawFlowchart, drawMarkdown, drawTimeline, parseClosures } from './views.js';

/** The bundled protocols' files as written, `<name>.json` -> text (playground/build.mjs defines it). */
declare const PROTOCOL_FILES: Record<string, string>;

const BLANK = `{
  "id": "my-partnership",
  "title": "Resolving professional disagreements",
  "partnership": "My Safeguarding Partnership",
  "version": "1",
  "effectiveFrom": "2026-01-01",
  "reviewBy": "2027-12-31",
  "source": { "title": "Resolving professional disagreements", "publisher": "My Safeguarding Partnership" },
  "scope": { "subjects": ["child"] },
  "roles": [
    { "id": "practitioner", "title": "Practitioner", "side": "raising" },
    { "id": "manager", "title": "Manager", "side": "receiving" }
  ],
  "stages": [
    {
      "id": "stage-1",
      "title": "Stage 1: practitioners talk",
      "owners": ["practitioner"],
      "obligations": [
        { "id": "talk", "action": "Talk the disagreement through", "owner": "practitioner", "due": { "within": "2wd", "from": "disagreement" } }
      ]
    }
  ]
}
`;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const today = toLondonDate(new Date());

let fileName = 'swindon.json';
let current: Protocol | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

const editor = createEditor($('editor'), PROTOCOL_FILES['swindon.json'] ?? BLANK, () => {
  clearTimeout(timer);
  timer = setTimeout(update, 250);
});

/** Resolves once the findings and pictures are of the editor's current text (for the tests). */
let settled: Promise<void> = Promise.resolve();

function update(): void {
  settled = refresh();
}

async function refresh(): Promise<void> {
  const mine = ++generation;
  const { protocol, issues } = check(editor.text(), today);
  editor.showFindings(issues);
  const list = $('findings');
  list.replaceChildren(
    ...issues.map((issue) => {
      const item = document.createElement('li');
      item.className = issue.accepted ? 'accepted' : issue.severity;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = findingLine(fileName, issue);
      button.title = issue.line === undefined ? 'The whole file' : `Go to line ${issue.line}`;
      button.addEventListener('click', () => editor.goTo(issue.line ?? 1, issue.column ?? 1));
      item.append(button);
      return item;
    }),
  );
  $('findings-summary').textContent = summaryLine(issues);
  const views = ['flowchart', 'timeline', 'markdown'].map((id) => $(id));
  for (const view of views) view.classList.toggle('stale', protocol === null && view.childElementCount > 0);
  $('stale-note').hidden = protocol !== null;
  if (protocol === null) return;
  current = protocol;
  $('file-name').textContent = fileName;
  await drawAll(protocol, mine);
}

async function drawAll(protocol: Protocol, mine: number): Promise<void> {
  const closures = parseClosures($<HTMLInputElement>('closures').value);
  $('closures').setAttribute('aria-invalid', String(closures.error !== null));
  $('closures-hint').textContent =
    closures.error ?? 'Days the agencies are closed besides bank holidays: dates, or ranges "from to to", separated by commas.';
  const from = $<HTMLInputElement>('from').value || today;
  const region = ($<HTMLSelectElement>('region').value || protocol.scope.region) as Region;
  await drawFlowchart($('flowchart'), protocol);
  if (mine !== generation) return;
  await drawTimeline($('timeline'), protocol, { from, region, closures: closures.closures });
  drawMarkdown($('markdown'), protocol);
}

function open(name: string, text: string): void {
  fileName = name;
  $('file-name').textContent = name;
  editor.setText(text);
  // The region follows the protocol's own, as the CLI's plan does, until the author picks another.
  const region = /"region"\s*:\s*"([a-z-]+)"/.exec(text)?.[1];
  $<HTMLSelectElement>('region').value = REGIONS.includes(region as Region) ? (region as string) : 'england-and-wales';
  const scenarios = PROTOCOL_FILES[name.replace(/\.jsonc?$/, '.scenarios.json')];
  $<HTMLButtonElement>('bundled-scenarios').disabled = scenarios === undefined;
  clearTimeout(timer);
  update();
}

function setUp(): void {
  const picker = $<HTMLSelectElement>('start-from');
  for (const id of BUNDLED_PROTOCOL_IDS) picker.add(new Option(`${id} (bundled)`, id));
  picker.add(new Option('A blank skeleton', ''));
  const region = $<HTMLSelectElement>('region');
  for (const r of REGIONS) region.add(new Option(r, r));
  $('start').addEventListener('click', () => {
    const id = picker.value;
    if (id === '') open('my-partnership.json', BLANK);
    else open(`${id}.json`, PROTOCOL_FILES[`${id}.json`] ?? '');
  });
  $<HTMLInputElement>('load-file').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) open(file.name, await file.text());
  });
  $('download').addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([editor.text()], { type: 'application/json' }));
    link.download = current ? `${current.id}.json` : fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });
  for (const id of ['from', 'region', 'closures'])
    $(id).addEventListener('change', () => {
      if (current) settled = drawAll(current, generation);
    });
  $('bundled-scenarios').addEventListener('click', () => {
    $<HTMLTextAreaElement>('scenarios').value = PROTOCOL_FILES[fileName.replace(/\.jsonc?$/, '.scenarios.json')] ?? '';
    runScenarios();
  });
  $<HTMLInputElement>('load-scenarios').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    $<HTMLTextAreaElement>('scenarios').value = await file.text();
    runScenarios(file.name);
  });
  $('run-scenarios').addEventListener('click', () => runScenarios());
  open(fileName, editor.text());
}

let scenarioFile = 'scenarios.json';
function runScenarios(name?: string): void {
  if (name) scenarioFile = name;
  else if ($<HTMLTextAreaElement>('scenarios').value === PROTOCOL_FILES[fileName.replace(/\.jsonc?$/, '.scenarios.json')])
    scenarioFile = fileName.replace(/\.jsonc?$/, '.scenarios.json');
  const { protocol } = check(editor.text(), today);
  const outcome = runScenarioText(scenarioFile, $<HTMLTextAreaElement>('scenarios').value, protocol);
  $('scenario-results').replaceChildren(
    ...outcome.lines.map((line) => {
      const span = document.createElement('span');
      span.className = line.kind;
      span.textContent = `${line.text}\n`;
      return span;
    }),
  );
}

setUp();

/** For tests and for scripting the page from the console. */
const api = {
  /** Replaces the editor's text; resolves once findings and pictures are updated. */
  async setText(text: string): Promise<void> {
    clearTimeout(timer);
    editor.setText(text);
    clearTimeout(timer);
    update();
    await settled;
  },
  text: (): string => editor.text(),
  /** Puts the cursor at a character offset and focuses the editor. */
  focusAt(offset: number): void {
    editor.view.dispatch({ selection: { anchor: offset } });
    editor.view.focus();
  },
  /** Resolves once the last change's findings and pictures are drawn. */
  settled: async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settled;
  },
};
(globalThis as unknown as { playground: typeof api }).playground = api;
