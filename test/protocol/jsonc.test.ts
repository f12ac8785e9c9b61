import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NODES, positionOf, readJsonc } from '../../src/protocol/jsonc.js';

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

// #15: plain JSON read without positions goes through JSON.parse, with the reader's own checks for
// what JSON.parse hides; anything else is left to the reader. The reading with positions never takes
// that path, so the two readings must agree on everything but the offset of a duplicate's first key.
describe('readJsonc without positions (the native path)', () => {
  const same = (text: string) => {
    const fast = readJsonc(text, { positions: false });
    const slow = readJsonc(text);
    expect(fast.ok).toBe(slow.ok);
    if (fast.ok && slow.ok) {
      expect(fast.value).toEqual(slow.value);
      expect(fast.duplicates.map(({ path, second }) => ({ path, second }))).toEqual(
        slow.duplicates.map(({ path, second }) => ({ path, second })),
      );
      expect(fast.lineStarts).toEqual(slow.lineStarts);
    } else if (!fast.ok && !slow.ok) expect([fast.offset, fast.code, fast.message]).toEqual([slow.offset, slow.code, slow.message]);
    return fast;
  };
  // Keys from a small set (so keys repeat often), written with escapes that end in a backslash or
  // hide a quote or a colon, or that spell another key ("\u0061" is "a").
  const key = fc.constantFrom('a', 'b', '\\u0061', 'a\\"b', 'a\\\\', ':', '', '__proto__', 'x y');
  const text: fc.Arbitrary<string> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('1', '-0.5e3', 'true', 'null', '"s"', '"a\\"b: c"', '"\\\\"'),
      fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `"${k}": ${v}`).join(',\n ')}}`),
    ),
  })).value as fc.Arbitrary<string>;

  it('agrees with the reading with positions on any text, keys written twice included', () => {
    fc.assert(
      fc.property(text, (t) => {
        same(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a key written twice however it is spelt', () => {
    for (const t of [
      '{"a": 1, "\\u0061": 2}',
      '{"a\\"b": 1, "a\\"b": 2}',
      '{"a\\\\": 1, "a\\\\": 2}',
      '{"__proto__": 1, "__proto__": 2}',
    ]) {
      const read = same(t);
      expect(read.ok && read.duplicates.length, t).toBe(1);
    }
  });

  it('refuses what the reader refuses: too deep, too many values, a number longer than 64 characters', () => {
    expect(same(`${'['.repeat(65)}${']'.repeat(65)}`).ok).toBe(true);
    expect(same(`${'['.repeat(66)}${']'.repeat(66)}`).ok).toBe(false);
    expect(same(`[${'0,'.repeat(MAX_NODES - 2)}0]`).ok).toBe(true);
    expect(same(`[${'0,'.repeat(MAX_NODES - 1)}0]`).ok).toBe(false);
    expect(same(`{"a": ${'1'.repeat(64)}}`).ok).toBe(true);
    expect(same(`{"a": ${'1'.repeat(65)}}`).ok).toBe(false);
    expect(same(`[1.${'0'.repeat(70)}]`).ok).toBe(false);
    // A long run of closing brackets is looked at too, and holds no number.
    expect(same(`${'['.repeat(60)}1${']'.repeat(60)}`).ok).toBe(true);
  });

  it('keeps "__proto__" an own key, not the prototype', () => {
    const read = same('{"__proto__": {"polluted": true}}');
    if (!read.ok) return expect.unreachable();
    const value = read.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
