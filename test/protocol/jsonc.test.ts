import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionOf, readJsonc } from '../../src/protocol/jsonc.js';

describe('readJsonc', () => {
  it('reads any JSON text exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const read = readJsonc(text);
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts comments and trailing commas', () => {
    const read = readJsonc('// top\n{ "a": [1, 2, /* two */ ], "b": "x", }\n');
    expect(read.ok && read.value).toEqual({ a: [1, 2], b: 'x' });
  });

  it('records where each value and key starts', () => {
    const read = readJsonc('{\n  "stages": [\n    { "id": "s1" }\n  ]\n}');
    if (!read.ok) return expect.unreachable();
    const at = read.positions.get('stages/0/id')!;
    expect(positionOf(read.lineStarts, at.key!)).toEqual({ line: 3, column: 7 });
    expect(positionOf(read.lineStarts, at.value)).toEqual({ line: 3, column: 13 });
  });

  it.each([
    ['{"a": 1', 'expected , or } after the value of "a"'],
    ['{"a": "x\n"}', 'a string is never closed'],
    ['{"a": "\\q"}', 'is not a JSON escape'],
    ['{"a": 1} x', 'unexpected text after the end'],
    ['/* open', 'a /* comment is never closed'],
    ['', 'the text ends where a value is expected'],
  ])('explains %j', (text, message) => {
    const read = readJsonc(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });
});
