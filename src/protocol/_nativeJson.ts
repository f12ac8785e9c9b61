// The fast path of the protocol reader (jsonc.ts, #15): a text of plain JSON is read by the native
// parser, and what JSON.parse hides is checked after it, so that the reader itself runs only for
// texts with comments, trailing commas or something to report. @internal

/** {@link readNatively}'s answer when it cannot vouch for the text: the reader must read it. */
export const UNSURE: unique symbol = Symbol('unsure');

/**
 * The value of a text the reader would accept with nothing to report, read by the native parser
 * (several times faster), or UNSURE. JSON.parse accepts a subset of what the reader does (no
 * comments, no trailing commas, no byte-order mark) and builds the same value, own `__proto__`
 * keys included; what it hides (a key written twice, which it drops silently, nesting past
 * `maxDepth`, more than `maxNodes` values, a number longer than the reader reads) is checked here,
 * and any of them, like any text JSON.parse refuses, leaves the reading, and the wording of what
 * is wrong, to the reader.
 */
export function readNatively(text: string, maxDepth: number, maxNodes: number): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return UNSURE;
  }
  const written = keysWritten(text);
  if (written < 0) return UNSURE;
  const tally: Tally = { nodes: 0, keys: 0, maxDepth, maxNodes };
  if (!within(value, 0, tally)) return UNSURE;
  // Each key JSON.parse dropped is one fewer key in the value than in the text.
  return tally.keys === written ? value : UNSURE;
}

/**
 * How many keys a text JSON.parse accepted writes, or -1 when it may have a number longer than the
 * reader's 64 characters. Outside strings such a text holds only punctuation, whitespace, numbers
 * and true/false/null, and every colon there follows a key; so each string is passed with indexOf,
 * a key is a string followed by a colon, and only a stretch between strings long enough to hold
 * such a number (rare: long runs of closing brackets) is looked at character by character.
 */
function keysWritten(text: string): number {
  let keys = 0;
  let at = text.indexOf('"');
  if (longLiteral(text, 0, at < 0 ? text.length : at)) return -1;
  while (at >= 0) {
    let end = text.indexOf('"', at + 1);
    while (end > 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
    // Cannot happen in text JSON.parse accepted; if it did, the reader decides.
    if (end < 0) return -1;
    let after = end + 1;
    let c = text.charCodeAt(after);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++after);
    if (c === 58) keys++;
    at = text.indexOf('"', after);
    if (longLiteral(text, after, at < 0 ? text.length : at)) return -1;
  }
  return keys;
}

/** Whether text[from, to) may hold a literal longer than 64 characters (it can only if it is that long). */
function longLiteral(text: string, from: number, to: number): boolean {
  if (to - from <= 64) return false;
  let run = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44 || c === 58 || c === 91 || c === 93 || c === 123 || c === 125) run = 0;
    else if (++run > 64) return true;
  }
  return false;
}

/** Whether the quote at `at` is escaped: preceded by an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let before = at - 1;
  while (text.charCodeAt(before) === 92) before--;
  return (at - 1 - before) % 2 === 1;
}

interface Tally {
  nodes: number;
  keys: number;
  readonly maxDepth: number;
  readonly maxNodes: number;
}

/** Counts values and keys; false past the reader's depth or size limit, as it would refuse. Recursion stops at that depth. */
function within(value: unknown, depth: number, tally: Tally): boolean {
  if (++tally.nodes > tally.maxNodes || depth > tally.maxDepth) return false;
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const child of value) if (!within(child, depth + 1, tally)) return false;
    return true;
  }
  // Own keys only (Object.keys): an enumerable key someone added to Object.prototype must not count.
  const keys = Object.keys(value);
  tally.keys += keys.length;
  for (const key of keys) if (!within((value as Record<string, unknown>)[key], depth + 1, tally)) return false;
  return true;
}
