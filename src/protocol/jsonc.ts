// A small JSON-with-comments reader that remembers where every value starts, so a finding about
// `stages/2/owner` can name its line and column. It builds plain objects with own properties only
// (a `__proto__` key is data, never a prototype) and refuses nesting deeper than MAX_DEPTH, so
// hostile input costs time linear in its length and cannot exhaust the stack.

import { UNSURE, readNatively } from './_nativeJson.js';

/** Deeper than any protocol needs; refusing beyond it keeps recursion bounded. */
export const MAX_DEPTH = 64;

/** More values than any protocol has (the largest bundled one has a few thousand); refusing beyond it bounds the work. */
export const MAX_NODES = 200_000;

/** Where a value (or, for a key that should not be there, the key itself) starts in the text. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A key written twice in one object: where each was written (offsets), and the path of the key. */
export interface DuplicateKey {
  readonly path: readonly (string | number)[];
  /** Offset of the first key, when positions were recorded; -1 otherwise. */
  readonly first: number;
  readonly second: number;
}

export type JsoncResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly positions: ReadonlyMap<string, { key?: number; value: number }>;
      readonly lineStarts: readonly number[];
      /** Keys written twice in one object (the value read is the last one's). */
      readonly duplicates: readonly DuplicateKey[];
    }
  | {
      readonly ok: false;
      readonly offset: number;
      readonly message: string;
      readonly code: 'json/syntax' | 'json/too-deep';
      readonly lineStarts: readonly number[];
    };

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
    readonly code: 'json/syntax' | 'json/too-deep' = 'json/syntax',
  ) {}
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL_AHEAD = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/** @internal Path key for the position map: the path's segments joined by "/". */
export const pointer = (path: readonly (string | number)[]): string => path.join('/');

/**
 * Reads JSON with `//` and `/* *\/` comments and trailing commas. Positions are recorded only when
 * asked for: they are needed to place findings, and cost as much again as the reading itself.
 */
export function readJsonc(text: string, options: { readonly positions?: boolean } = {}): JsoncResult {
  const track = options.positions ?? true;
  if (!track) {
    const value = readNatively(text, MAX_DEPTH, MAX_NODES);
    if (value !== UNSURE) {
      // Line starts are for placing findings, which a clean read has none of: found on first use.
      let lines: readonly number[] | undefined;
      return {
        ok: true,
        value,
        positions: new Map(),
        duplicates: [],
        get lineStarts() {
          lines ??= lineStartsOf(text);
          return lines;
        },
      };
    }
  }
  const lineStarts = lineStartsOf(text);
  const positions = new Map<string, { key?: number; value: number }>();
  const duplicates: DuplicateKey[] = [];
  // The path of the value being read, kept as segments only to name a duplicate key exactly.
  const trail: (string | number)[] = [];
  let at = 0;

  const skip = (): void => {
    for (;;) {
      const c = text[at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') at++;
      else if (c === '/' && text[at + 1] === '/') while (at < text.length && text[at] !== '\n') at++;
      else if (c === '/' && text[at + 1] === '*') {
        const end = text.indexOf('*/', at + 2);
        if (end < 0) throw new SyntaxProblem(at, 'a /* comment is never closed; add */');
        at = end + 2;
      } else return;
    }
  };

  const string = (): string => {
    const start = at;
    at++;
    let out = '';
    let run = at; // start of the current run of plain characters, copied with one slice
    for (;;) {
      // The run of plain characters is skipped with a local index: a loop on the shared `at` was
      // most of the reader's time.
      let i = at;
      let code = text.charCodeAt(i);
      while (code >= 32 && code !== 34 && code !== 92) code = text.charCodeAt(++i);
      at = i;
      if (Number.isNaN(code) || code === 10) throw new SyntaxProblem(start, 'a string is never closed; add the closing "');
      // JSON allows no raw control character in a string (RFC 8259, section 7); a tab or a stray
      // byte pasted into a quote must be written as an escape, so the text says what it holds.
      if (code < 32)
        throw new SyntaxProblem(
          at,
          `a raw control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) is inside a string; write it as an escape such as \\t or \\u${code.toString(16).padStart(4, '0')}, or delete it`,
        );
      if (code === 34) {
        out += text.slice(run, at);
        at++;
        return out;
      }
      out += text.slice(run, at);
      const e = text[at + 1];
      if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        at += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16));
        at += 6;
      } else throw new SyntaxProblem(at, `"\\${e ?? ''}" is not a JSON escape`);
      run = at;
    }
  };

  // `where` is the value's path as pointer() writes it; building strings, not arrays, keeps this linear.
  let nodes = 0;
  const value = (where: string, depth: number, key?: number): unknown => {
    if (++nodes > MAX_NODES)
      throw new SyntaxProblem(at, `the input has more than ${MAX_NODES} values; no protocol needs that`, 'json/too-deep');
    if (depth > MAX_DEPTH)
      throw new SyntaxProblem(at, `the input nests deeper than ${MAX_DEPTH} levels; no protocol needs that`, 'json/too-deep');
    skip();
    if (track) positions.set(where, key === undefined ? { value: at } : { key, value: at });
    const c = text[at];
    if (c === '{') {
      at++;
      const object: Record<string, unknown> = {};
      for (;;) {
        skip();
        if (text[at] === '}') {
          at++;
          return object;
        }
        if (text[at] !== '"') throw new SyntaxProblem(at, 'expected a "key" in double quotes or }');
        const keyAt = at;
        const name = string();
        skip();
        if (text[at] !== ':') throw new SyntaxProblem(at, `expected : after "${name}"`);
        at++;
        const childWhere = where === '' ? name : `${where}/${name}`;
        if (Object.hasOwn(object, name)) {
          const first = track ? (positions.get(childWhere)?.key ?? -1) : -1;
          duplicates.push({ path: [...trail, name], first, second: keyAt });
        }
        trail.push(name);
        const child = value(childWhere, depth + 1, keyAt);
        trail.pop();
        // "__proto__" is the one key whose assignment would set the prototype instead of a property;
        // it must stay an ordinary key, so it alone is defined rather than assigned.
        if (name === '__proto__')
          Object.defineProperty(object, name, { value: child, enumerable: true, writable: true, configurable: true });
        else object[name] = child;
        skip();
        if (text[at] === ',') at++;
        else if (text[at] !== '}') throw new SyntaxProblem(at, `expected , or } after the value of "${name}"`);
      }
    }
    if (c === '[') {
      at++;
      const array: unknown[] = [];
      for (;;) {
        skip();
        if (text[at] === ']') {
          at++;
          return array;
        }
        trail.push(array.length);
        array.push(value(where === '' ? String(array.length) : `${where}/${array.length}`, depth + 1));
        trail.pop();
        skip();
        if (text[at] === ',') at++;
        else if (text[at] !== ']') throw new SyntaxProblem(at, 'expected , or ] in the list');
      }
    }
    if (c === '"') return string();
    LITERAL.lastIndex = at;
    let literal = LITERAL.exec(text);
    // The reader has always looked at most 64 characters ahead for a literal; a longer number is
    // read as before (and refused), so nothing the reader accepts has changed.
    if (literal && literal[0].length > 64) literal = LITERAL_AHEAD.exec(text.slice(at, at + 64));
    if (literal) {
      at += literal[0].length;
      return literal[0] === 'true' ? true : literal[0] === 'false' ? false : literal[0] === 'null' ? null : Number(literal[0]);
    }
    throw new SyntaxProblem(
      at,
      c === undefined ? 'the text ends where a value is expected' : `unexpected ${JSON.stringify(c)} where a value is expected`,
    );
  };

  try {
    const result = value('', 0);
    skip();
    if (at < text.length) throw new SyntaxProblem(at, 'unexpected text after the end of the protocol');
    return { ok: true, value: result, positions, lineStarts, duplicates };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, offset: error.offset, message: error.message, code: error.code, lineStarts };
    throw error;
  }
}

/** The offset at which each line starts. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** @internal 1-based line and column of an offset. */
export function positionOf(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}
