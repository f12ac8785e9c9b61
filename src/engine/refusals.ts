// Every refusal code, its meaning and its category. A category says what the caller did wrong, so a
// service maps it to a response without a table of its own (docs/integrators.md, "Refusal codes").

import type { AllowedMove } from './types.js';

/**
 * Every code a refusal can carry, with its meaning. Codes are stable: never renamed or reused.
 */
export const REFUSAL_CODES = {
  'engine/invalid-case': 'The case is not { protocol: { id, version }, events: [...] }, or a due date falls outside the supported range.',
  'engine/invalid-event': 'An event is malformed: unknown type, missing or unreadable field, a time that does not exist in London.',
  'engine/invalid-options': 'An options argument is not an object of the documented shape (closures, calendar, dueSoonWorkingDays, ...).',
  'engine/wrong-protocol': 'The case was opened under another protocol id or version; evaluate it with that version.',
  'engine/protocol-changed':
    "The protocol's content differs from the content the case was opened under (same id and version, another digest).",
  'engine/unknown-protocol': 'No protocol in the registry has the id and version the case was opened under.',
  'engine/not-opened': 'The first event is not "opened".',
  'engine/already-opened': 'A second "opened" event.',
  'engine/closed': 'An event after "closed".',
  'engine/not-open':
    'An escalation, bypass, resolution or withdrawal on a case already resolved, withdrawn or exited; or closing a case still open.',
  'engine/time-went-backwards': 'An event dated before the previous one (among the events not voided).',
  'engine/event-in-future': 'An event dated later than the "now" given to applyEvent, beyond the clock tolerance.',
  'engine/before-opened': 'A "now" before the case was opened: the case did not exist then.',
  'engine/cannot-void': 'A "voided" event naming the opening, another "voided" event, an event already voided or not yet in the log.',
  'engine/unknown-stage': 'A stage id the protocol does not have.',
  'engine/unknown-record': 'A record id the protocol does not declare.',
  'engine/unknown-rule': 'A bypass rule id the protocol does not have.',
  'engine/unknown-obligation': 'An obligation that is not active in this case (its stage not reached, or its rule not invoked).',
  'engine/skip-not-allowed': 'An escalation to a stage that is neither the next one nor a skip the protocol allows.',
  'engine/cannot-resolve-here': 'A resolution at a stage whose protocol entry says "canResolve": false.',
  'engine/no-next-stage': 'An escalation from the last stage.',
  'engine/not-an-entry-stage': 'Opening at a stage that is not the first and has no "entry".',
  'engine/subject-out-of-scope': 'Opening for a subject (child, adult, care leaver) the protocol does not cover.',
  'engine/precondition-unmet': 'Opening without confirming a precondition that applies.',
  'engine/unknown-fact': 'A fact the protocol does not declare in "facts" (in an opening\'s "facts" or a "noted" event).',
  'engine/condition-unmet': 'A skip whose "if" condition does not hold in the case.',
  'engine/path-not-taken':
    'Entering a stage whose "onlyAfter" names stages the case has not been at (entered, not skipped over), e.g. Stage 4 before Stages 1-3 were exhausted.',
} as const;

/** Stable codes of refusals: the keys of {@link REFUSAL_CODES}. */
export type RefusalCode = keyof typeof REFUSAL_CODES;

/**
 * What kind of mistake a refusal reports:
 * - `malformed`: the input is not of the documented shape (a bad event, option or `now`);
 * - `notAllowedNow`: a well-formed move the protocol does not allow at this point of the case;
 * - `unknownReference`: a stage, record, rule or obligation id the protocol does not have;
 * - `invalidLog`: the stored case itself cannot be read (fix the data, not the request);
 * - `protocolMismatch`: the protocol given is not the one the case was opened under.
 */
export type RefusalCategory = 'malformed' | 'notAllowedNow' | 'unknownReference' | 'invalidLog' | 'protocolMismatch';

/** The category of every refusal code. A `status` over a stored log reports the same codes; see {@link RefusalCategory}. */
export const REFUSAL_CATEGORIES: { readonly [code in RefusalCode]: RefusalCategory } = {
  'engine/invalid-case': 'invalidLog',
  'engine/invalid-event': 'malformed',
  'engine/invalid-options': 'malformed',
  'engine/wrong-protocol': 'protocolMismatch',
  'engine/protocol-changed': 'protocolMismatch',
  'engine/unknown-protocol': 'protocolMismatch',
  'engine/not-opened': 'notAllowedNow',
  'engine/already-opened': 'notAllowedNow',
  'engine/closed': 'notAllowedNow',
  'engine/not-open': 'notAllowedNow',
  'engine/time-went-backwards': 'notAllowedNow',
  'engine/event-in-future': 'malformed',
  'engine/before-opened': 'malformed',
  'engine/cannot-void': 'notAllowedNow',
  'engine/unknown-stage': 'unknownReference',
  'engine/unknown-record': 'unknownReference',
  'engine/unknown-rule': 'unknownReference',
  'engine/unknown-obligation': 'unknownReference',
  'engine/skip-not-allowed': 'notAllowedNow',
  'engine/cannot-resolve-here': 'notAllowedNow',
  'engine/no-next-stage': 'notAllowedNow',
  'engine/not-an-entry-stage': 'notAllowedNow',
  'engine/subject-out-of-scope': 'notAllowedNow',
  'engine/precondition-unmet': 'notAllowedNow',
  'engine/unknown-fact': 'unknownReference',
  'engine/condition-unmet': 'notAllowedNow',
  'engine/path-not-taken': 'notAllowedNow',
};

/** Why a move was refused, and what is allowed instead. */
export interface Refusal {
  readonly code: RefusalCode;
  /** What kind of mistake it is (see {@link RefusalCategory}); always `REFUSAL_CATEGORIES[code]`. */
  readonly category: RefusalCategory;
  readonly message: string;
  /** Index of the offending event in the case (the new event's index for `applyEvent`); -1 when no event is at fault. */
  readonly eventIndex: number;
  /** What the protocol allows at that point. */
  readonly allowed: readonly AllowedMove[];
}

/** @internal Builds a refusal with its category. */
export function refusal(code: RefusalCode, message: string, eventIndex = -1, allowed: readonly AllowedMove[] = []): Refusal {
  return { code, category: REFUSAL_CATEGORIES[code], message, eventIndex, allowed };
}
