// The editor's side of the schema, through VS Code's own JSON language service: a hover for every
// key of a bundled protocol, completions for timescales, anchors and (from the per-file schema)
// owners, and pattern errors in plain words. (test/protocol/parse.test.ts keeps schema.json current.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService, type ASTNode, type JSONSchema, TextDocument } from 'vscode-json-languageservice';
import { describe, expect, it } from 'vitest';
import { toJSONSchema } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '../..');
const URI = 'file:///protocols/swindon.json';

// The bundled files say "$schema": "../schema.json"; the editor fetches it, as VS Code would, and
// gets the schema under test.
function service(schema: Record<string, unknown>) {
  const ls = getLanguageService({ schemaRequestService: async () => JSON.stringify(schema) });
  ls.configure({
    validate: true,
    allowComments: true,
    schemas: [{ uri: 'inmemory://schema.json', fileMatch: ['*.json'], schema: schema as JSONSchema }],
  });
  return ls;
}

function open(text: string) {
  const document = TextDocument.create(URI, 'json', 1, text);
  return { document, at: (offset: number) => document.positionAt(offset) };
}

function* keys(node: ASTNode | undefined): Generator<ASTNode & { type: 'property' }> {
  if (!node) return;
  if (node.type === 'property') yield node;
  for (const child of node.children ?? []) yield* keys(child);
}

const hoverText = (hover: Awaited<ReturnType<ReturnType<typeof service>['doHover']>>): string => {
  const contents = hover?.contents;
  if (!contents) return '';
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return 'value' in contents ? contents.value : '';
};

describe('the JSON Schema for editors', () => {
  it('describes every property (description and markdownDescription), with snippets for new elements', () => {
    const schema = toJSONSchema();
    const bare: string[] = [];
    const snippets: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o['defaultSnippets']) snippets.push(at);
      for (const [key, value] of Object.entries((o['properties'] as Record<string, Record<string, unknown>>) ?? {}))
        if (!value['description'] || !value['markdownDescription']) bare.push(`${at}/${key}`);
      for (const [key, value] of Object.entries(o)) walk(value, `${at}/${key}`);
    };
    walk(schema, '');
    expect(bare).toEqual([]);
    expect(snippets.map((p) => p.split('/').at(-1))).toEqual(expect.arrayContaining(['records', 'stages', 'obligations', 'bypass']));
  });
});

describe('the JSON Schema in VS Code (vscode-json-languageservice)', () => {
  it.each(['swindon', 'north-yorkshire', 'oxfordshire'])('%s: every key shows a description on hover', async (id) => {
    const text = readFileSync(join(ROOT, 'protocols', `${id}.json`), 'utf8');
    const ls = service(toJSONSchema());
    const { document, at } = open(text);
    const json = ls.parseJSONDocument(document);
    const missing = new Set<string>();
    let checked = 0;
    const seen = new Set<string>();
    for (const property of keys(json.root)) {
      const key = property.keyNode.value;
      // Each key once per parent key: the same key in 200 obligations reads the same.
      const parent = property.parent?.parent?.type === 'property' ? property.parent.parent.keyNode.value : '';
      const shape = `${parent}.${key}`;
      if (seen.has(shape)) continue;
      seen.add(shape);
      checked++;
      const hover = await ls.doHover(document, at(property.keyNode.offset + 1), json);
      if (hoverText(hover).trim() === '') missing.add(shape);
    }
    expect(checked).toBeGreaterThan(40);
    expect([...missing]).toEqual([]);
  });

  it('completes timescales and anchors, and explains a bad timescale in words', async () => {
    const ls = service(toJSONSchema());
    const text = readFileSync(join(ROOT, 'protocols/swindon.json'), 'utf8');
    const within = text.indexOf('"within": "') + '"within": "'.length;
    const { document, at } = open(text.slice(0, within) + text.slice(text.indexOf('"', within)));
    const json = ls.parseJSONDocument(document);
    const offered = (await ls.doComplete(document, at(within), json))?.items.map((i) => i.label) ?? [];
    expect(offered).toEqual(expect.arrayContaining(['"5wd"', '"24h"', '"immediately"', '"sameWorkingDay"']));

    const broken = open(text.replace('"within": "2wd"', '"within": "2 days"'));
    const diagnostics = await ls.doValidation(broken.document, ls.parseJSONDocument(broken.document));
    const messages = diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.startsWith('Write a number and a unit: 5wd (working days)'))).toBe(true);
    expect(messages.join('\n')).not.toContain('(wd|h|d|w|mo)');
  });

  it("completes a stage's owners from the per-file schema (schema --for)", async () => {
    const text = readFileSync(join(ROOT, 'protocols/swindon.json'), 'utf8');
    const value = JSON.parse(text);
    const ls = service(toJSONSchema({ for: value }));
    const owners = text.indexOf('"owners": [') + '"owners": ['.length;
    const edited = `${text.slice(0, owners)}""${text.slice(text.indexOf(']', owners))}`;
    const { document, at } = open(edited);
    const json = ls.parseJSONDocument(document);
    const labels = (await ls.doComplete(document, at(owners + 1), json))?.items.map((i) => i.label) ?? [];
    const roles = (value.roles as { id: string }[]).map((r) => `"${r.id}"`);
    expect(labels).toEqual(expect.arrayContaining(roles));

    // A misspelt owner in a stage (not in "roles", whose ids the schema does not narrow).
    const misspelt = `${text.slice(0, owners)}"raising-line-manger", ${text.slice(owners)}`;
    const wrong = open(misspelt);
    const diagnostics = await ls.doValidation(wrong.document, ls.parseJSONDocument(wrong.document));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toMatch(/Value is not accepted/);
    // The static schema cannot know the roles, so it accepts the typo.
    const loose = service(toJSONSchema());
    expect((await loose.doValidation(wrong.document, loose.parseJSONDocument(wrong.document))).length).toBe(0);
  });
});
