// What loadProtocol refuses before a protocol is even parsed (issue #18, "Also found"): a key written
// twice, raw control characters in strings, bytes that are not UTF-8, and input past the size cap.

import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, MAX_PROTOCOL_SIZE, getProtocol, loadProtocol, type ProtocolResult } from '../../src/index.js';

const swindon = getProtocol('swindon');
const text = JSON.stringify(swindon, null, 2);
const issues = (result: ProtocolResult) =>
  result.success ? [] : result.issues.map(({ code, path, line, column }) => ({ code, path, line, column }));

describe('a key written twice in one object', () => {
  it('is a json/duplicate-key finding at the second, naming the first', () => {
    const twice = text.replace('"title": ', '"title": "First title",\n  "title": ');
    const result = loadProtocol(twice);
    expect(issues(result)).toEqual([{ code: 'json/duplicate-key', path: ['title'], line: 5, column: 3 }]);
    if (!result.success) expect(result.issues[0]!.message).toContain('at line 4, column 3 and again here, at line 5, column 3');
  });

  it('is found at any depth and with comments, each pair once', () => {
    const nested = text
      .replace('"id": "stage-1",', '"id": "stage-1", // first\n      "id": "stage-1b",')
      .replace('"region": ', '"region": "scotland", "region": ');
    const found = issues(loadProtocol(`// a comment\n${nested}`));
    expect(found.map((f) => [f.code, f.path])).toEqual([
      ['json/duplicate-key', ['scope', 'region']],
      ['json/duplicate-key', ['stages', 0, 'id']],
    ]);
    expect(found.every((f) => typeof f.line === 'number' && typeof f.column === 'number')).toBe(true);
  });

  it('has a code documented in ISSUE_CODES', () => {
    expect(ISSUE_CODES['json/duplicate-key'].severity).toBe('error');
  });
});

// #15: plain JSON is read natively and positions are found only when there is a finding to place;
// they must be the text's own, at its first and last values as anywhere.
describe('positions found only for findings', () => {
  /** Line and column of an offset, counted here independently of the reader. */
  const at = (t: string, offset: number) => {
    const before = t.slice(0, offset).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };

  it('place a finding at the first value and at the last key of the file', () => {
    const first = text.replace(/^\{\n {2}"\$schema": "[^"]*"/, '{\n  "$schema": 5');
    expect(issues(loadProtocol(first))).toEqual([{ code: 'schema/invalid-type', path: ['$schema'], ...at(first, first.indexOf('5')) }]);
    const last = text.replace(/\n}$/, ',\n  "zzz": 1\n}');
    expect(issues(loadProtocol(last))).toEqual([{ code: 'schema/unknown-key', path: ['zzz'], ...at(last, last.lastIndexOf('"zzz"')) }]);
  });

  it('place a key written twice when it is the last key of the file', () => {
    const twice = text.replace(/\n}$/, ',\n  "zzz": ["a"],\n  "zzz": ["b"]\n}');
    const result = loadProtocol(twice);
    expect(issues(result)).toEqual([{ code: 'json/duplicate-key', path: ['zzz'], ...at(twice, twice.lastIndexOf('"zzz"')) }]);
    const { line, column } = at(twice, twice.indexOf('"zzz"'));
    if (!result.success) expect(result.issues[0]!.message).toContain(`at line ${line}, column ${column} and again here`);
  });
});

describe('raw control characters in strings', () => {
  it('are refused with their position, whether or not the file has comments', () => {
    for (const [name, c] of [
      ['tab', '\t'],
      ['NUL', '\u0000'],
      ['escape', '\u001b'],
      ['carriage return', '\r'],
    ]) {
      const bad = text.replace('"title": "', `"title": "Professional${c}`);
      expect(issues(loadProtocol(bad)), name).toEqual([{ code: 'json/syntax', path: [], line: 4, column: 25 }]);
      expect(issues(loadProtocol(`// comment\n${bad}`)), name).toEqual([{ code: 'json/syntax', path: [], line: 5, column: 25 }]);
    }
    const result = loadProtocol(text.replace('"title": "', '"title": "a\tb'));
    if (!result.success) expect(result.issues[0]!.message).toContain('U+0009');
  });

  it('written as escapes they are fine', () => {
    expect(loadProtocol(text.replace('"title": "', '"title": "a\\tb ')).success).toBe(true);
  });
});

describe('bytes', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('valid UTF-8 (with or without a byte-order mark) is read', () => {
    expect(loadProtocol(bytes(text)).success).toBe(true);
    expect(loadProtocol(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)])).success).toBe(true);
    expect(loadProtocol(bytes(text.replace('"title": "', '"title": "Café – ✓ 😀 '))).success).toBe(true);
  });

  it('invalid UTF-8 is refused at the first bad byte, with its line and column', () => {
    const lines = text.split('\n');
    const prefix = bytes(`${lines.slice(0, 2).join('\n')}\n  "title": "é`);
    for (const bad of [[0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf5, 0x80, 0x80, 0x80]]) {
      const file = new Uint8Array([...prefix, ...bad, ...bytes(`${text.slice(text.indexOf('"title": "') + 10)}`)]);
      expect(issues(loadProtocol(file)), bad.join(' ')).toEqual([{ code: 'json/invalid-utf8', path: [], line: 3, column: 14 }]);
    }
  });
});

describe('the size cap', () => {
  it('is 1 MiB by default and refuses larger input before reading it', () => {
    expect(MAX_PROTOCOL_SIZE).toBe(1_048_576);
    const padded = ' '.repeat(MAX_PROTOCOL_SIZE) + text;
    expect(issues(loadProtocol(padded))).toEqual([{ code: 'json/too-large', path: [], line: undefined, column: undefined }]);
    expect(issues(loadProtocol('['.repeat(50 * MAX_PROTOCOL_SIZE)))[0]?.code).toBe('json/too-large');
    expect(issues(loadProtocol(new Uint8Array(2 * MAX_PROTOCOL_SIZE)))[0]?.code).toBe('json/too-large');
  });

  it('can be raised, or lowered', () => {
    const padded = ' '.repeat(MAX_PROTOCOL_SIZE) + text;
    expect(loadProtocol(padded, { maxSize: 2 * MAX_PROTOCOL_SIZE }).success).toBe(true);
    expect(issues(loadProtocol(text, { maxSize: 100 }))[0]?.code).toBe('json/too-large');
    expect(loadProtocol(text, { maxSize: text.length }).success).toBe(true);
  });

  it('options of the wrong shape are a finding, not a throw', () => {
    for (const options of [null, 'big', { maxSize: 'x' }, { maxSize: Number.NaN }])
      expect(loadProtocol(text, options as never).success, String(options)).toBe(false);
  });
});
