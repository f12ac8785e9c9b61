// zod's issues as protocol findings: a stable code, the path, and a message that says what to write
// instead (the closest known key for a typo, a hint for a missing key, the units a duration takes).
// @internal

import type * as z from 'zod';
import { describe } from '../time/_days.js';
import { parseDuration } from '../time/duration.js';
import { closest, didYouMean, distance, issue, type IssueCode, type ProtocolIssue } from './issues.js';

/** The bypass effect types, for messages (kept beside the schema's discriminated union). */
const EFFECT_TYPES = ['addObligation', 'jumpTo', 'exitTo'];

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What to write for a missing key, by its name. */
const HINTS: Record<string, string> = {
  id: 'a lower-case id such as "stage-1"',
  title: 'the title as the document gives it',
  owner: 'the id of one of the roles declared in "roles"',
  owners: 'a list of role ids from "roles"',
  due: 'a timescale such as { "within": "5wd", "from": "stageEntered" }, or { "none": "the document\'s words" } where it gives no number',
  within: 'a duration such as "5wd", "24h", "7d", "6w", "1mo", "immediately" or "sameWorkingDay"',
  quote: 'the sentence this encodes, copied verbatim from the document',
  side: '"raising", "receiving", "independent" or "unstated" (the document does not say)',
  kind: 'one of the record kinds',
  effect: '{ "type": "addObligation" }, { "type": "jumpTo", "stage": "<stage id>" } or { "type": "exitTo", "procedure": "..." }',
  subjects: 'a list such as ["child"]',
  effectiveFrom: 'the date the procedure took effect, "YYYY-MM-DD"',
};

function keyName(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((key) => typeof key === 'string');
  return typeof last === 'string' ? last : 'value';
}

type ZodIssue = z.core.$ZodIssue;

function unknownKeyDistance(issues: readonly ZodIssue[]): number {
  let total = 0;
  for (const i of issues) {
    if (i.code !== 'unrecognized_keys') continue;
    const known = knownKeys(i);
    for (const key of i.keys) total += key.length > 64 ? 99 : Math.min(...known.map((k) => distance(key, k)), 99);
  }
  return total;
}

function knownKeys(i: ZodIssue): string[] {
  try {
    return (JSON.parse(i.message) as { known: string[] }).known;
  } catch {
    return [];
  }
}

/** @internal Turns zod's issues into protocol findings with stable codes and a sentence on what to write. */
export function fromZod(issues: readonly ZodIssue[], root: unknown, prefix: readonly PropertyKey[] = []): ProtocolIssue[] {
  const mapped = issues.flatMap((i) => mapOne(i, root, [...prefix, ...i.path]));
  // A misspelt required key shows up twice, as missing and as unknown; the unknown-key finding
  // already says "did you mean", so the missing-key one is noise.
  const misspelt = new Set<string>();
  for (const found of mapped) {
    const meant = knownFor.get(found);
    if (meant !== undefined) misspelt.add([...found.path.slice(0, -1), meant].join('/'));
  }
  return mapped.filter((i) => !(i.code === 'schema/missing-key' && misspelt.has(i.path.join('/'))));
}

/** The key an unknown-key finding most likely meant, kept beside the finding rather than parsed back out of its message. */
const knownFor = new WeakMap<ProtocolIssue, string>();

function mapOne(i: ZodIssue, root: unknown, path: PropertyKey[]): ProtocolIssue[] {
  const at = path.filter((key): key is string | number => typeof key !== 'symbol');
  const value = valueAt(root, path);
  switch (i.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(i).filter((k) => k !== '$schema');
      return i.keys.map((key) => {
        const found = issue(
          'schema/unknown-key',
          [...at, key],
          `Unknown key "${key}".${didYouMean(key, known)} Keys allowed here: ${known.join(', ')}.`,
        );
        const meant = closest(key, known);
        if (meant !== undefined) knownFor.set(found, meant);
        return found;
      });
    }
    case 'invalid_type':
      if (keyName(path) === 'within' && value !== undefined) {
        const duration = parseDuration(value);
        if (!duration.success) return [issue('schema/invalid-duration', at, duration.issues[0]!.message)];
      }
      if (value === undefined) {
        const name = keyName(path);
        return [issue('schema/missing-key', at, `Missing "${name}": add ${HINTS[name] ?? `a ${i.expected}`}.`)];
      }
      return [
        issue(
          'schema/invalid-type',
          at,
          `Expected ${i.expected === 'object' ? 'an object' : `a ${i.expected}`} for "${keyName(path)}", got ${describe(value)}.`,
        ),
      ];
    case 'invalid_value': {
      const allowed = i.values.map((v) => JSON.stringify(v));
      const hint = typeof value === 'string' ? didYouMean(value, i.values.map(String)) : '';
      return [
        issue(
          'schema/invalid-value',
          at,
          `${describe(value)} is not allowed for "${keyName(path)}".${hint} Use one of ${allowed.join(', ')}.`,
        ),
      ];
    }
    case 'invalid_format':
      return [issue('schema/invalid-format', at, `${describe(value)} is not valid for "${keyName(path)}": ${i.message}.`)];
    case 'too_small':
      return [
        issue(
          'schema/too-small',
          at,
          i.origin === 'array'
            ? `"${keyName(path)}" needs at least ${i.minimum} item${i.minimum === 1 ? '' : 's'}.`
            : `"${keyName(path)}" must be at least ${i.minimum}${i.origin === 'string' ? ' character long' : ''}.`,
        ),
      ];
    case 'too_big':
      return [issue('schema/too-big', at, `"${keyName(path)}" must be at most ${i.maximum}.`)];
    case 'invalid_union': {
      if (i.errors.length === 0 && keyName(path) === 'type') {
        return [
          issue(
            'schema/invalid-value',
            at,
            `${describe(value)} is not an effect type.${didYouMean(String(value), EFFECT_TYPES)} Use one of ${EFFECT_TYPES.map((t) => `"${t}"`).join(', ')}.`,
          ),
        ];
      }
      if (i.errors.length === 0) {
        return [
          issue(
            'schema/invalid-value',
            at,
            `${describe(value)} is not one of the accepted forms for "${keyName(path)}".${'note' in i && i.note ? ` ${i.note}.` : ''}`,
          ),
        ];
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return [
          issue(
            'schema/invalid-timescale',
            at,
            `Expected a timescale object for "${keyName(path)}", got ${describe(value)}: write { "within": "5wd", "from": "stageEntered" }, { "earliestOf": [...] }, { "target": ..., "limit": ... } or { "none": "the document's words" }.`,
          ),
        ];
      }
      // The branch an author most likely meant: fewest and nearest unknown keys, then fewest issues.
      const ranked = [...i.errors].sort((a, b) => unknownKeyDistance(a) - unknownKeyDistance(b) || a.length - b.length);
      return fromZod(ranked[0]!, root, path);
    }
    case 'custom': {
      const code = (i.params as { code?: IssueCode } | undefined)?.code ?? 'schema/invalid-value';
      return [issue(code, at, i.message)];
    }
    default:
      return [issue('schema/invalid-value', at, `${describe(value)} is not valid for "${keyName(path)}": ${i.message}.`)];
  }
}
