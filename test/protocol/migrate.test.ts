// Files 0.1 accepted keep working through `migrateProtocolText` (DEVELOPERS: "a protocol file ... that
// worked in 0.1 keeps working, or a command migrates it"). 0.1 read plain JSON with JSON.parse, which
// keeps the last of a repeated key, and JSON with comments with a reader that did the same and let raw
// control characters through; the migrated file must read to exactly what 0.1 read, and load now.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProtocol, loadProtocol, migrateProtocolText } from '../../src/index.js';
import { readJsonc } from '../../src/protocol/jsonc.js';

const swindonText = JSON.stringify(getProtocol('swindon'), null, 2);
const migrated = (input: string | Uint8Array) => {
  const result = migrateProtocolText(input);
  if (!result.success) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result;
};

describe('a file that needs nothing', () => {
  it('comes back unchanged, with no changes listed', () => {
    const result = migrated(swindonText);
    expect(result.text).toBe(swindonText);
    expect(result.changes).toEqual([]);
  });
});

describe('a key written twice in one object', () => {
  it('keeps the last, as 0.1 did, and the file then loads to what 0.1 read', () => {
    const twice = swindonText.replace('"title": ', '"title": "An old title",\n  "title": ');
    expect(loadProtocol(twice).success).toBe(false);
    const result = migrated(twice);
    expect(result.text).toBe(swindonText);
    expect(result.changes).toEqual([
      {
        code: 'migrate/duplicate-key-removed',
        line: 4,
        column: 3,
        message: '"title" at the top level was written again at line 5; removed this earlier one, which 0.1 ignored.',
      },
    ]);
    const loaded = loadProtocol(result.text);
    expect(loaded.success).toBe(true);
    // JSON.parse is how 0.1 read a plain JSON file: the last of a repeated key wins, here Swindon's own title.
    expect(JSON.parse(twice).title).toBe(getProtocol('swindon').title);
    if (loaded.success) expect(loaded.protocol).toEqual(getProtocol('swindon'));
  });

  it('removes every earlier copy, at any depth, keeping comments (a comment after a removed member stays) and the other members', () => {
    const text = `{
  // the procedure
  "a": 1,
  "b": { "x": 1, "x": 2, "y": [1, { "z": true, "z": false }] },
  "a": 2, /* again */
  "a": 3
}`;
    const result = migrated(text);
    expect(result.text).toBe(`{
  // the procedure
  "b": { "x": 2, "y": [1, { "z": false }] },
  /* again */
  "a": 3
}`);
    expect(result.changes.map((c) => [c.line, c.column])).toEqual([
      [3, 3],
      [4, 10],
      [4, 37],
      [5, 3],
    ]);
  });

  it('drops a nested duplicate with the earlier member that holds it', () => {
    const text = '{ "s": { "k": 1, "k": 2 }, "s": { "k": 3 } }';
    const result = migrated(text);
    expect(result.text).toBe('{ "s": { "k": 3 } }');
    expect(readJsonc(result.text, { positions: false })).toMatchObject({ ok: true, value: { s: { k: 3 } }, duplicates: [] });
  });
});

describe('raw control characters inside strings', () => {
  it('are written as their escapes; comments and text outside strings are untouched', () => {
    const text = '{\n  // a\ttabbed comment\n  "title": "Stage\tone\u0007"\n}';
    const result = migrated(text);
    expect(result.text).toBe('{\n  // a\ttabbed comment\n  "title": "Stage\\tone\\u0007"\n}');
    expect(result.changes.map((c) => [c.code, c.line, c.column])).toEqual([
      ['migrate/control-character-escaped', 3, 18],
      ['migrate/control-character-escaped', 3, 22],
    ]);
    const read = readJsonc(result.text, { positions: false });
    expect(read.ok && read.value).toEqual({ title: 'Stage\tone\u0007' });
  });
});

describe('bytes that are not UTF-8', () => {
  it('become U+FFFD, as 0.1 decoded them, with the place of the first', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{\n  "title": "caf'), 0xe9, ...new TextEncoder().encode('"\n}')]);
    const result = migrated(bytes);
    expect(result.text).toBe('{\n  "title": "caf\uFFFD"\n}');
    expect(result.changes).toEqual([expect.objectContaining({ code: 'migrate/invalid-utf8-replaced', line: 2, column: 16 })]);
  });
});

describe('what cannot be migrated', () => {
  it('text that is not JSON at all is refused with its place, as 0.1 refused it', () => {
    const result = migrateProtocolText('{ "a": }');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]).toMatchObject({ code: 'json/syntax', line: 1, column: 8 });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array(), fc.anything()), (input) => {
        const result = migrateProtocolText(input as string);
        expect(typeof result.success).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('the migrated text reads to what 0.1 read', () => {
  // Objects written with keys from a small alphabet, so repeats are common; JSON.parse gives 0.1's value.
  const key = fc.constantFrom('a', 'b', 'c');
  const leaf = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 3 }));
  const { value } = fc.letrec<{ value: string; object: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      leaf.map((v) => JSON.stringify(v)),
      tie('object'),
      fc.array(tie('value'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    ),
    object: fc
      .array(fc.tuple(key, tie('value'), fc.constantFrom(' ', '\n  ', ' /* c */ ')), { maxLength: 5 })
      .map((members) => `{${members.map(([k, v, gap]) => `${gap}"${k}": ${v}`).join(',')} }`),
  }));

  it('for any object with repeated keys: no repeat left, the same value, and a second pass changes nothing', () => {
    fc.assert(
      fc.property(value, (text) => {
        const result = migrated(text);
        const read = readJsonc(result.text, { positions: false });
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.duplicates).toEqual([]);
        expect(read.value).toEqual(JSON.parse(text.replaceAll('/* c */', '')));
        expect(migrated(result.text).changes).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
