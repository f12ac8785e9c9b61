// Reading an event from an untrusted source (a request body): a typed copy holding only the keys the
// event type has, or every issue found. Never throws.

import { didYouMean } from '../protocol/issues.js';
import { SUBJECTS } from '../protocol/schema.js';
import { describe } from '../time/_days.js';
import { toEpochMs } from '../time/instant.js';
import type { Issue } from '../time/timeError.js';
import type { CaseEvent } from './types.js';

/** Every code a {@link parseEvent} issue can carry, with its meaning. */
export const EVENT_ISSUE_CODES = {
  'event/not-an-object': 'The input is not a JSON object.',
  'event/unknown-type': '"type" is missing or not one of the event types.',
  'event/missing-key': 'A key this event type requires is absent.',
  'event/unknown-key': 'A key this event type does not have (a typo, or a field the engine would not keep).',
  'event/invalid-value': 'A value of the wrong type or outside the allowed values (an unreadable instant, empty text, an unknown subject).',
} as const;

/** What {@link parseEvent} returns. */
export type EventResult =
  | { readonly success: true; readonly event: CaseEvent }
  | { readonly success: false; readonly issues: readonly Issue[] };

type Field = 'instant' | 'text' | 'optionalText' | 'subject' | 'texts' | 'index' | 'facts' | 'factValue' | 'attendees';
type Spec = Readonly<Record<string, readonly [Field, boolean]>>;

const COMMON: Spec = { type: ['text', true], at: ['instant', true], by: ['optionalText', false], note: ['optionalText', false] };
const SPECS: Readonly<Record<string, Spec>> = {
  opened: {
    subject: ['subject', true],
    raisingAgency: ['text', true],
    receivingAgency: ['text', true],
    arose: ['instant', false],
    stage: ['text', false],
    flags: ['texts', false],
    preconditionsMet: ['texts', false],
    // #12 constructs 6 and 4: the disputed decision's time, and the case's facts.
    decidedAt: ['instant', false],
    facts: ['facts', false],
  },
  escalated: { to: ['text', false] },
  recorded: { record: ['text', true], occurredAt: ['instant', false], party: ['text', false], attendees: ['attendees', false] },
  noted: { fact: ['text', true], value: ['factValue', false] },
  fulfilled: { obligation: ['text', true] },
  bypassed: { rule: ['text', true] },
  resolved: { outcome: ['text', true] },
  withdrawn: { reason: ['optionalText', false] },
  closed: {},
  voided: { event: ['index', true], reason: ['text', true] },
};
const TYPES = Object.keys(SPECS);

function problem(kind: Field, value: unknown): string | undefined {
  switch (kind) {
    case 'instant':
      try {
        toEpochMs(value);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : 'Not an instant.';
      }
    case 'text':
      return typeof value === 'string' && value.trim() ? undefined : `Expected non-empty text, got ${describe(value)}.`;
    case 'optionalText':
      return typeof value === 'string' ? undefined : `Expected text, got ${describe(value)}.`;
    case 'subject':
      return SUBJECTS.includes(value as never)
        ? undefined
        : `Expected one of ${SUBJECTS.map((s) => `"${s}"`).join(', ')}, got ${describe(value)}.`;
    case 'texts':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? undefined
        : `Expected a list of text, got ${describe(value)}.`;
    case 'factValue':
      return typeof value === 'boolean' || (typeof value === 'string' && value.trim())
        ? undefined
        : `Expected true, false or text, got ${describe(value)}.`;
    case 'facts':
      return value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => problem('factValue', v) === undefined)
        ? undefined
        : `Expected an object of fact id → true, false or text, e.g. { "priority": "high" }, got ${describe(value)}.`;
    case 'attendees':
      return Array.isArray(value) &&
        value.every(
          (a) =>
            a !== null &&
            typeof a === 'object' &&
            !Array.isArray(a) &&
            Object.entries(a).every(([k, v]) =>
              k === 'chair' || k === 'independent'
                ? typeof v === 'boolean'
                : ['name', 'agency', 'role'].includes(k) && typeof v === 'string',
            ),
        )
        ? undefined
        : `Expected a list of attendees, each { "name", "agency", "role", "chair", "independent" } (all optional), got ${describe(value)}.`;
    case 'index':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? undefined
        : `Expected the index of an earlier event (a whole number from 0), got ${describe(value)}.`;
  }
}

/**
 * Reads an event from untrusted input, such as a request body: checks every key against the event
 * type's own, and returns a fresh, typed copy holding only those keys. Unknown keys are refused with
 * "did you mean" (a misspelt key is never silently dropped). It checks the event's shape only; whether
 * the move is allowed is for {@link applyEvent}, which reads events the same way. Never throws.
 *
 * @param input - anything, typically `JSON.parse` of a request body
 * @returns `{ success: true, event }` or `{ success: false, issues }` with `{ code, path, message }` each
 * @example
 * ```ts
 * const parsed = parseEvent(JSON.parse(body));
 * if (!parsed.success) return reply(400, parsed.issues);
 * // `receivedAt` is the server's clock, read by the application (the engine never reads one).
 * const result = applyEvent(protocol, kase, parsed.event, { now: receivedAt });
 * ```
 */
export function parseEvent(input: unknown): EventResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return fail([
      { code: 'event/not-an-object', path: [], message: `An event is an object with "type" and "at", got ${describe(input)}.` },
    ]);
  const raw = input as Record<string, unknown>;
  const type = Object.hasOwn(raw, 'type') ? raw.type : undefined;
  if (typeof type !== 'string' || !TYPES.includes(type)) {
    const hint = typeof type === 'string' ? didYouMean(type, TYPES) : '';
    return fail([
      {
        code: 'event/unknown-type',
        path: ['type'],
        message: `Unknown event type ${describe(type)}.${hint} Use one of ${TYPES.join(', ')}.`,
      },
    ]);
  }
  const spec: Spec = { ...COMMON, ...SPECS[type] };
  const keys = Object.keys(spec);
  const issues: Issue[] = [];
  const event: Record<string, unknown> = {};
  for (const key of keys) {
    const present = Object.hasOwn(raw, key) && raw[key] !== undefined;
    const [kind, required] = spec[key]!;
    if (!present) {
      if (required) issues.push({ code: 'event/missing-key', path: [key], message: `A "${type}" event needs "${key}".` });
      continue;
    }
    const value = raw[key];
    const wrong = problem(kind, value);
    if (wrong) issues.push({ code: 'event/invalid-value', path: [key], message: `"${key}": ${wrong}` });
    else
      event[key] = Array.isArray(value)
        ? Object.freeze(value.map((v) => (v !== null && typeof v === 'object' ? Object.freeze({ ...v }) : v)))
        : kind === 'facts'
          ? Object.freeze({ ...(value as object) })
          : value;
  }
  for (const key of Object.keys(raw)) {
    if (Object.hasOwn(spec, key)) continue;
    issues.push({
      code: 'event/unknown-key',
      path: [key],
      message: `A "${type}" event has no key "${key}".${didYouMean(key, keys)} Its keys are ${keys.join(', ')}.`,
    });
  }
  return issues.length ? fail(issues) : { success: true, event: Object.freeze(event) as unknown as CaseEvent };
}

const fail = (issues: Issue[]): EventResult => ({ success: false, issues });
