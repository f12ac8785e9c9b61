import { checkProtocol } from './check.js';
import { fromZod } from './_fromZod.js';
import { issue, type ProtocolIssue } from './issues.js';
import { readOptions } from '../time/_options.js';
import { MAX_PROTOCOL_SIZE, protocolText } from './_input.js';
import { MAX_DEPTH, MAX_NODES, pointer, positionOf, readJsonc, type DuplicateKey } from './jsonc.js';
import { type Protocol, schemas } from './schema.js';

/** The result of {@link parseProtocol} and {@link loadProtocol}: never thrown. */
export type ProtocolResult =
  | { readonly success: true; readonly protocol: Protocol }
  | { readonly success: false; readonly issues: readonly ProtocolIssue[] };

/**
 * Thrown by {@link parseProtocolOrThrow}; keeps every finding in `.issues`.
 */
export class ProtocolError extends Error {
  /** The findings, errors first. */
  readonly issues: readonly ProtocolIssue[];

  /** @param issues - the findings that made the protocol unusable */
  constructor(issues: readonly ProtocolIssue[]) {
    const first = issues[0];
    super(
      first
        ? `${first.path.join('/') || '(root)'}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`
        : 'Invalid protocol',
    );
    this.name = 'ProtocolError';
    this.issues = issues;
  }
}

/** Refuses cycles, excessive depth and excessive size before zod recurses into the input. */
function guard(input: unknown): ProtocolIssue | undefined {
  // An object used in two places (one `due` shared by several obligations of a protocol written in
  // TypeScript) is fine; an object inside itself is a cycle. Ancestors are found by walking up (at
  // most MAX_DEPTH steps), and every visit counts towards MAX_NODES, so shared objects that multiply
  // the tree still cost bounded work.
  interface Frame {
    readonly value: unknown;
    readonly depth: number;
    readonly parent: Frame | undefined;
  }
  const stack: Frame[] = [{ value: input, depth: 0, parent: undefined }];
  let nodes = 0;
  while (stack.length) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) return issue('json/too-deep', [], `The input nests deeper than ${MAX_DEPTH} levels; no protocol needs that.`);
    for (let up = frame.parent; up; up = up.parent) {
      if (up.value === value)
        return issue('json/too-deep', [], 'The input refers to itself (a cycle); a protocol is a tree of plain JSON values.');
    }
    for (const child of Object.values(value)) {
      if (++nodes > MAX_NODES) return issue('json/too-deep', [], `The input has more than ${MAX_NODES} values; no protocol needs that.`);
      stack.push({ value: child, depth: depth + 1, parent: frame });
    }
  }
  return undefined;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // Only objects are visited: a call per string and number was a fifth of the freezing.
  for (const child of Object.values(value)) if (child !== null && typeof child === 'object') deepFreeze(child);
  return Object.freeze(value);
}

const bySeverity = (a: ProtocolIssue, b: ProtocolIssue): number => rank(a) - rank(b);
const rank = (i: ProtocolIssue): number => (i.severity === 'error' ? 0 : i.severity === 'warning' ? 1 : 2);

/**
 * Parses and checks a protocol: the schema, then the semantic checks (references, reachability,
 * owners for every subject, anchor order). Never throws. Lint is separate: {@link lintProtocol}.
 *
 * @param input - a protocol as a JSON value (e.g. from `JSON.parse`)
 * @returns `{ success: true, protocol }` (deep-frozen, defaults filled in) or `{ success: false, issues }`
 * @example
 * ```ts
 * const result = parseProtocol(JSON.parse(text));
 * if (!result.success) for (const i of result.issues) console.log(i.code, i.path.join('/'), i.message);
 * ```
 */
export function parseProtocol(input: unknown): ProtocolResult {
  return parseValue(input, false);
}

/**
 * parseProtocol's work. `read` says the value came from the JSON reader, which has already refused
 * what guard() refuses (a tree by construction, at most MAX_DEPTH deep and MAX_NODES values), so
 * the walk is skipped.
 */
function parseValue(input: unknown, read: boolean): ProtocolResult {
  try {
    const refused = read ? undefined : guard(input);
    if (refused) return { success: false, issues: [refused] };
    const parsed = schemas().ProtocolSchema.safeParse(input);
    if (!parsed.success) return { success: false, issues: fromZod(parsed.error.issues, input).sort(bySeverity) };
    const problems = checkProtocol(parsed.data);
    if (problems.length) return { success: false, issues: problems };
    return { success: true, protocol: deepFreeze(parsed.data) };
  } catch (error) {
    // A bug of ours must not surface as a crash in an integrator's system; report it as a finding.
    return {
      success: false,
      issues: [
        issue('schema/invalid-value', [], `The protocol could not be read (${error instanceof Error ? error.message : String(error)}).`),
      ],
    };
  }
}

/**
 * The throwing form of {@link parseProtocol}, for code that treats a bad protocol as a bug.
 *
 * @param input - a protocol as a JSON value
 * @returns the parsed, checked protocol
 * @throws {@link ProtocolError} with every finding in `.issues`
 */
export function parseProtocolOrThrow(input: unknown): Protocol {
  const result = parseProtocol(input);
  if (!result.success) throw new ProtocolError(result.issues);
  return result.protocol;
}

/** What {@link loadProtocol} accepts besides the text. */
export interface LoadOptions {
  /**
   * The largest input read, in bytes for a `Uint8Array` and characters for a string; larger input is
   * refused (`json/too-large`) before any of it is read. Default {@link MAX_PROTOCOL_SIZE} (1 MiB).
   */
  readonly maxSize?: number;
}

/**
 * Parses a protocol file's text (JSON, with comments and trailing commas allowed) and adds a `line`
 * and `column` to every finding. Never throws. Input larger than the size cap, bytes that are not
 * UTF-8, raw control characters inside strings and a key written twice in one object are findings
 * (`json/too-large`, `json/invalid-utf8`, `json/syntax`, `json/duplicate-key`).
 *
 * @param text - the file's contents: its text, or its bytes (decoded as strict UTF-8)
 * @param options - `maxSize`, the size cap
 * @returns as {@link parseProtocol}, with positions on the issues
 * @example
 * ```ts
 * const result = loadProtocol(readFileSync('protocols/swindon.json'));
 * if (!result.success) for (const i of result.issues) console.log(`swindon.json:${i.line}:${i.column} ${i.message}`);
 * ```
 */
export function loadProtocol(text: string | Uint8Array, options: LoadOptions = {}): ProtocolResult {
  return loadProtocolPlaced(text, options, false).result;
}

/** @internal What {@link loadProtocolPlaced} found: the result, the text read, and a way to place more findings in it. */
export interface PlacedLoad {
  readonly result: ProtocolResult;
  /** The decoded text, when it could be decoded. */
  readonly text?: string;
  /** {@link locateIssues} on that text, without reading it again. */
  place(issues: readonly ProtocolIssue[]): ProtocolIssue[];
}

/**
 * @internal {@link loadProtocol} with the positions of the text kept, for a caller that places findings
 * of its own (the CLI's lint) afterwards: each file is then read once, not once to load and again to
 * place the findings.
 * @param text - as loadProtocol's
 * @param options - as loadProtocol's
 * @param keep - keep the positions from the first read (false: read them again if `place` is called)
 * @returns the result, and `place` for later findings
 */
export function loadProtocolPlaced(text: string | Uint8Array, options: LoadOptions = {}, keep = true): PlacedLoad {
  const unplaced = { place: (issues: readonly ProtocolIssue[]) => [...issues] };
  let maxSize: number;
  try {
    const cap = readOptions(options, "loadProtocol's options")['maxSize'] ?? MAX_PROTOCOL_SIZE;
    if (typeof cap !== 'number' || !(cap >= 0)) throw new TypeError(`"maxSize" must be a number of bytes, not ${String(cap)}`);
    maxSize = cap;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      result: { success: false, issues: [issue('schema/invalid-value', [], `loadProtocol's options are wrong: ${message}`)] },
      ...unplaced,
    };
  }
  const input = protocolText(text, maxSize);
  if (!input.ok) return { result: { success: false, issues: [input.issue] }, ...unplaced };
  const source = input.text;
  // The project's reader, not JSON.parse alone: it bounds depth and size, and it sees what JSON.parse
  // hides (a key written twice, whose first value JSON.parse silently drops). Plain JSON read
  // without positions goes through JSON.parse and those checks (jsonc.ts).
  const read = readJsonc(source, { positions: keep });
  if (!read.ok) {
    const { line, column } = positionOf(read.lineStarts, read.offset);
    return {
      result: { success: false, issues: [{ ...issue(read.code, [], `Not valid JSON: ${read.message}.`), line, column }] },
      text: source,
      ...unplaced,
    };
  }
  // Positions are read once, when first needed, and kept.
  let placed: typeof read | undefined = keep ? read : undefined;
  const positioned = (): typeof read => {
    if (placed) return placed;
    const again = readJsonc(source);
    placed = again.ok ? again : read;
    return placed;
  };
  const place = (issues: readonly ProtocolIssue[]): ProtocolIssue[] => (issues.length ? locate(issues, positioned()) : []);
  if (read.duplicates.length) {
    // Rare, so the text is read again with positions (unless it was) to place the first of each pair.
    const withKeys = positioned();
    return {
      result: { success: false, issues: withKeys.duplicates.map((d) => duplicateKey(d, withKeys.lineStarts)) },
      text: source,
      place,
    };
  }
  const result = parseValue(read.value, true);
  return { result: result.success ? result : { success: false, issues: place(result.issues) }, text: source, place };
}

function duplicateKey(d: DuplicateKey, lineStarts: readonly number[]): ProtocolIssue {
  const first = positionOf(lineStarts, d.first);
  const second = positionOf(lineStarts, d.second);
  const key = String(d.path.at(-1));
  return {
    ...issue(
      'json/duplicate-key',
      d.path,
      `"${key}" is written twice in this object: at line ${first.line}, column ${first.column} and again here, at line ${second.line}, column ${second.column}. Only one can count; keep the one you mean and delete the other.`,
    ),
    ...second,
  };
}

/**
 * Gives findings about a protocol file (from {@link lintProtocol}, or your own checks) the `line` and
 * `column` of the value each one's `path` names in the file's text, or of its nearest ancestor.
 *
 * @param text - the file's contents, as given to {@link loadProtocol}
 * @param issues - findings whose paths refer to that file
 * @returns the findings with positions; unchanged when the text is not JSON
 * @example
 * ```ts
 * const result = loadProtocol(text);
 * if (result.success) for (const f of locateIssues(text, lintProtocol(result.protocol))) console.log(f.line, f.code);
 * ```
 */
export function locateIssues(text: string, issues: readonly ProtocolIssue[]): ProtocolIssue[] {
  if (issues.length === 0) return [];
  const read = readJsonc(text);
  return read.ok ? locate(issues, read) : [...issues];
}

/** Adds line and column to findings from a text-loaded value. */
function locate(
  issues: readonly ProtocolIssue[],
  read: { positions: ReadonlyMap<string, { key?: number; value: number }>; lineStarts: readonly number[] },
): ProtocolIssue[] {
  return issues.map((found) => {
    // An unknown key points at the key itself; anything else at its value, or the nearest ancestor that exists.
    for (let depth = found.path.length; depth >= 0; depth--) {
      const at = read.positions.get(pointer(found.path.slice(0, depth)));
      if (!at) continue;
      const offset = found.code === 'schema/unknown-key' || depth < found.path.length ? (at.key ?? at.value) : at.value;
      return { ...found, ...positionOf(read.lineStarts, offset) };
    }
    return found;
  });
}
