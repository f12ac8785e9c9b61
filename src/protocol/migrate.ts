// Rewrites a protocol (or scenario) file that 0.1 read into one this version reads the same way.
// 0.1 let a key written twice in one object stand (the last one counted), took raw control
// characters inside strings in files with comments, and read invalid UTF-8 with replacement
// characters; this version refuses all three (json/duplicate-key, json/syntax, json/invalid-utf8), so
// a partnership's existing file needs one mechanical pass. The pass works on the text, so comments,
// layout and key order survive, and it proves its own result: the file it writes reads to exactly the
// value 0.1 read.

import { firstInvalidByte } from './_input.js';
import { issue, type ProtocolIssue } from './issues.js';
import { positionOf, readJsonc } from './jsonc.js';

/** One rewrite {@link migrateProtocolText} made, at its place in the original text. */
export interface MigrationChange {
  readonly code: 'migrate/duplicate-key-removed' | 'migrate/control-character-escaped' | 'migrate/invalid-utf8-replaced';
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The result of {@link migrateProtocolText}: the rewritten text and what changed, or why it cannot be migrated. */
export type MigrationResult =
  | { readonly success: true; readonly text: string; readonly changes: readonly MigrationChange[] }
  | { readonly success: false; readonly issues: readonly ProtocolIssue[] };

const CONTROL_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 12: '\\f', 13: '\\r' };

/**
 * Rewrites the text of a file 0.1 accepted so that this version accepts it with the same meaning:
 * of a key written twice in one object only the last is kept (the one 0.1 used), a raw control
 * character inside a string becomes its escape (`\t`, `\u0007`), and bytes that are not UTF-8 become
 * U+FFFD, as 0.1's reader decoded them. A file that needs none of this comes back unchanged, with no
 * changes listed. Never throws.
 *
 * @param input - the file's text, or its bytes (needed to repair invalid UTF-8)
 * @returns `{ success: true, text, changes }`, or `{ success: false, issues }` when the text is not
 *   JSON even after these repairs (such a file never worked in 0.1 either)
 * @example
 * ```ts
 * const result = migrateProtocolText('{ "id": "a", "id": "b" }');
 * result.success && result.text; // => '{ "id": "b" }'
 * ```
 */
export function migrateProtocolText(input: string | Uint8Array): MigrationResult {
  const changes: MigrationChange[] = [];
  let text: string;
  if (input instanceof Uint8Array) {
    text = decodeLeniently(input, changes);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return { success: false, issues: [issue('schema/invalid-value', [], 'Give the text of the file, or its bytes.')] };
  }
  text = escapeControlCharacters(text, changes);

  const read = readJsonc(text, { positions: true });
  if (!read.ok) {
    const at = positionOf(read.lineStarts, read.offset);
    return { success: false, issues: [{ ...issue(read.code, [], `Not JSON even after migration: ${read.message}.`), ...at }] };
  }
  if (read.duplicates.length === 0) return { success: true, text, changes: sortByPlace(changes) };

  // Remove the earlier member of each duplicate pair, from the end of the text back, so the offsets
  // of the removals still to make stay true. A removal inside one already made is covered by it.
  const ranges = read.duplicates
    .filter((d) => d.first >= 0)
    .map((d) => ({ ...memberRange(text, d.first), key: d.path[d.path.length - 1], path: d.path, first: d.first, second: d.second }))
    .sort((a, b) => a.start - b.start);
  const kept: typeof ranges = [];
  for (const r of ranges) if (!kept.some((k) => r.start >= k.start && r.end <= k.end)) kept.push(r);
  let out = text;
  for (const r of [...kept].reverse()) out = out.slice(0, r.start) + out.slice(r.end);
  for (const r of kept) {
    const at = positionOf(read.lineStarts, r.first);
    const later = positionOf(read.lineStarts, r.second);
    changes.push({
      code: 'migrate/duplicate-key-removed',
      ...at,
      message: `"${String(r.key)}" at ${r.path.slice(0, -1).join('/') || 'the top level'} was written again at line ${later.line}; removed this earlier one, which 0.1 ignored.`,
    });
  }

  // The proof: the rewritten text has no duplicate left and reads to the value 0.1 read.
  const again = readJsonc(out, { positions: false });
  if (!again.ok || again.duplicates.length > 0 || canonical(again.value) !== canonical(read.value)) {
    return {
      success: false,
      issues: [
        issue(
          'json/duplicate-key',
          [],
          'The repeated keys could not be removed without changing what the file means; delete the earlier of each pair by hand.',
        ),
      ],
    };
  }
  return { success: true, text: out, changes: sortByPlace(changes) };
}

/** JSON with every object's keys sorted: removing an earlier copy of a key moves where the key stands, not what it holds. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function sortByPlace(changes: MigrationChange[]): MigrationChange[] {
  return changes.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Bytes as UTF-8, with U+FFFD for each bad sequence (what 0.1's `readFileSync(file, 'utf8')` gave). */
function decodeLeniently(bytes: Uint8Array, changes: MigrationChange[]): string {
  const first = firstInvalidByte(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (first < bytes.length) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, first));
    const lineStart = before.lastIndexOf('\n') + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (before.charCodeAt(i) === 10) line++;
    changes.push({
      code: 'migrate/invalid-utf8-replaced',
      line,
      column: before.length - lineStart + 1,
      message: 'Bytes that are not UTF-8 (from here on) became U+FFFD, as 0.1 read them; check the characters there and retype them.',
    });
  }
  return text;
}

/** Raw control characters inside strings written as escapes; comments and everything else untouched. */
function escapeControlCharacters(text: string, changes: MigrationChange[]): string {
  let out = '';
  let run = 0;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let k = i; k < stop; k++) if (text.charCodeAt(k) === 10) line++, (lineStart = k + 1);
      i = stop;
    } else if (c === 34) {
      // A string: up to its closing quote, or the end of the line (an unclosed string is the reader's to report).
      i++;
      while (i < text.length) {
        const s = text.charCodeAt(i);
        if (s === 34 || s === 10) break;
        if (s === 92) {
          i += 2;
          continue;
        }
        if (s < 32) {
          out += text.slice(run, i) + (CONTROL_ESCAPES[s] ?? `\\u${s.toString(16).padStart(4, '0')}`);
          run = i + 1;
          changes.push({
            code: 'migrate/control-character-escaped',
            line,
            column: i - lineStart + 1,
            message: `A raw control character (U+${s.toString(16).toUpperCase().padStart(4, '0')}) inside a string is now written as its escape.`,
          });
        }
        i++;
      }
      if (text.charCodeAt(i) === 34) i++;
    } else {
      i++;
    }
  }
  return out + text.slice(run);
}

/**
 * The text of the object member whose key starts at `keyAt`, with the comma after it, and with its
 * line when the member has a line of its own (so no blank line is left behind).
 */
function memberRange(text: string, keyAt: number): { start: number; end: number } {
  let at = skipString(text, keyAt);
  at = skipSpace(text, at);
  at = skipSpace(text, at + 1); // the colon
  at = skipValue(text, at);
  const afterValue = skipSpace(text, at);
  // The earlier of two equal keys always has a later member after it in the same object, so a comma follows.
  let end = text[afterValue] === ',' ? afterValue + 1 : at;
  let start = keyAt;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const ownLine = start === 0 || text[start - 1] === '\n';
  if (ownLine) {
    let k = end;
    while (text[k] === ' ' || text[k] === '\t' || text[k] === '\r') k++;
    if (text[k] === '\n') end = k + 1;
    else {
      // Something follows on the line (a comment): it keeps the member's indentation.
      start = keyAt;
      end = k;
    }
  } else {
    start = keyAt;
    while (text[end] === ' ' || text[end] === '\t') end++;
  }
  return { start, end };
}

function skipString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') i++;
    else if (c === '/' && text[i + 1] === '/') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else return i;
  }
}

/** The end of the JSON value starting at `at` (the text has already been read, so it is well formed). */
function skipValue(text: string, at: number): number {
  const c = text[at];
  if (c === '"') return skipString(text, at);
  if (c !== '{' && c !== '[') {
    let i = at;
    while (i < text.length && !/[\s,}\]/]/.test(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      i = skipSpace(text, i);
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return i;
}
