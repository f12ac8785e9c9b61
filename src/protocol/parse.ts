import { checkProtocol } from './check.js';
import { fromZod, issue, type ProtocolIssue } from './issues.js';
import { MAX_DEPTH, MAX_NODES, pointer, positionOf, readJsonc } from './jsonc.js';
import { ProtocolSchema, type Protocol } from './schema.js';

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
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
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
  try {
    const refused = guard(input);
    if (refused) return { success: false, issues: [refused] };
    const parsed = ProtocolSchema.safeParse(input);
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

/**
 * Parses a protocol file's text (JSON, with comments and trailing commas allowed) and adds a `line`
 * and `column` to every finding. Never throws.
 *
 * @param text - the file's contents
 * @returns as {@link parseProtocol}, with positions on the issues
 * @example
 * ```ts
 * const result = loadProtocol(readFileSync('protocols/swindon.json', 'utf8'));
 * if (!result.success) for (const i of result.issues) console.log(`swindon.json:${i.line}:${i.column} ${i.message}`);
 * ```
 */
export function loadProtocol(text: string): ProtocolResult {
  const source = typeof text === 'string' ? text : String(text);
  let value: unknown;
  try {
    // Plain JSON (every bundled file) goes through the native parser, several times faster; it too
    // keeps "__proto__" as an own key. Comments, trailing commas and real syntax errors fall through
    // to the JSONC reader, which also words and places the error.
    value = JSON.parse(source);
  } catch {
    const read = readJsonc(source, { positions: false });
    if (!read.ok) {
      const { line, column } = positionOf(read.lineStarts, read.offset);
      return { success: false, issues: [{ ...issue(read.code, [], `Not valid JSON: ${read.message}.`), line, column }] };
    }
    value = read.value;
  }
  const result = parseProtocol(value);
  if (result.success) return result;
  return { success: false, issues: locateIssues(source, result.issues) };
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
