// The engine's data: what an integrator stores (a case: the protocol's id and version, and events)
// and what it gets back (refusals, status, plans). All plain JSON: instants are ISO 8601 strings.

import type { Subject } from '../protocol/schema.js';
import type { CalendarLike, Closure } from '../time/calendar.js';
import type { Refusal } from './refusals.js';

/** An instant as stored in an event: ISO 8601, with an offset or `Z` (London local time without). */
export type Instant = string;

interface EventBase {
  /** When the event happened. Events must be in time order. */
  readonly at: Instant;
  /** Who recorded or did it (a name, role or agency): kept, never interpreted. */
  readonly by?: string;
  /** Free text for people: kept, never interpreted. */
  readonly note?: string;
}

/** The case starts: who disagrees with whom, about whom, and since when. */
export interface OpenedEvent extends EventBase {
  readonly type: 'opened';
  /** `child`, `adult` or `careLeaver`: chooses stage variants. */
  readonly subject: Subject;
  /** The agency raising the disagreement. */
  readonly raisingAgency: string;
  /** The agency whose decision is disputed. */
  readonly receivingAgency: string;
  /** When the disagreement was raised (the `disagreement` anchor); defaults to `at`. */
  readonly arose?: Instant;
  /**
   * When the disputed decision or action happened (the `disputedDecision` anchor, #12); when omitted
   * that anchor reads `arose`, so the two starting events are taken as one.
   */
  readonly decidedAt?: Instant;
  /** Facts of the case that conditions read, e.g. `{ "priority": "high" }` (the protocol's `facts`). */
  readonly facts?: Readonly<Record<string, string | boolean>>;
  /** A stage the protocol lets a case open at directly (a stage with `entry`); the first stage by default. */
  readonly stage?: string;
  /** Facts about the case that make preconditions apply, e.g. `conference-decision`. */
  readonly flags?: readonly string[];
  /** Preconditions confirmed as met, by id. */
  readonly preconditionsMet?: readonly string[];
}

/** The case moves up: to the next stage, or to a later stage that a skip allows. */
export interface EscalatedEvent extends EventBase {
  readonly type: 'escalated';
  /** The stage to move to; the next stage when omitted. */
  readonly to?: string;
}

/** A record the protocol names was made (a form, an entry on the child's file, a meeting). */
export interface RecordedEvent extends EventBase {
  readonly type: 'recorded';
  /** The record's id in the protocol. */
  readonly record: string;
  /** When what it records took place (e.g. the meeting), if not `at`; anchors use this. */
  readonly occurredAt?: Instant;
  /** The role whose own copy of an "each party" duty this record meets; every party's when omitted. */
  readonly party?: string;
}

/** A fact of the case recorded after it opened (or changed), e.g. a priority level (#12). */
export interface NotedEvent extends EventBase {
  readonly type: 'noted';
  /** A fact id from the protocol's `facts`. */
  readonly fact: string;
  /** Its value; true when omitted. */
  readonly value?: string | boolean;
  /** Who attended a meeting, checked against the record's `attendance` (advisory: never refused for it). */
  readonly attendees?: readonly Attendee[];
}

/** One attendee of a recorded meeting; every key is optional. */
export interface Attendee {
  readonly name?: string;
  readonly agency?: string;
  /** A role id from the protocol's `roles`, for a record whose `attendance` names roles. */
  readonly role?: string;
  /** This attendee chaired the meeting. */
  readonly chair?: boolean;
  /** This attendee is independent of the agencies in the disagreement. */
  readonly independent?: boolean;
}

/** An obligation was carried out (for obligations not met by a record or by the stage ending). */
export interface FulfilledEvent extends EventBase {
  readonly type: 'fulfilled';
  /** The obligation's id, or a bypass rule's id for its urgent action. */
  readonly obligation: string;
}

/** A bypass rule was invoked, e.g. on immediate risk of significant harm. */
export interface BypassedEvent extends EventBase {
  readonly type: 'bypassed';
  /** The bypass rule's id. */
  readonly rule: string;
}

/** The disagreement was resolved. Paperwork may still be outstanding. */
export interface ResolvedEvent extends EventBase {
  readonly type: 'resolved';
  /** What was agreed. */
  readonly outcome: string;
}

/** The raising side withdrew the disagreement. */
export interface WithdrawnEvent extends EventBase {
  readonly type: 'withdrawn';
  readonly reason?: string;
}

/** The case is closed: no further event is accepted. */
export interface ClosedEvent extends EventBase {
  readonly type: 'closed';
}

/**
 * A correction: the event at index `event` was recorded in error. The fold ignores that event (and
 * may then accept what it had blocked); the log keeps both for the audit trail. The opening and
 * another `voided` event cannot be voided; times run forward among the events not voided.
 */
export interface VoidedEvent extends EventBase {
  readonly type: 'voided';
  /** The index in `events` of the event recorded in error (an earlier event). */
  readonly event: number;
  /** Why it was recorded in error. */
  readonly reason: string;
}

/** Anything that can happen to a case. */
export type CaseEvent =
  | OpenedEvent
  | EscalatedEvent
  | RecordedEvent
  | FulfilledEvent
  | BypassedEvent
  | ResolvedEvent
  | WithdrawnEvent
  | ClosedEvent
  | VoidedEvent
  | NotedEvent;

/** A case as an integrator stores it: which protocol version, and what has happened. */
export interface Case {
  /**
   * The protocol version the case was opened under. `digest` (from `openCase`, see `protocolDigest`)
   * pins its content too: a protocol with the same id and version but other content is refused. Cases
   * stored without a digest (0.1) are pinned by id and version only.
   */
  readonly protocol: { readonly id: string; readonly version: string; readonly digest?: string };
  readonly events: readonly CaseEvent[];
}

/** A move the protocol allows now, listed in refusals and in status. */
export type AllowedMove =
  | { readonly type: 'opened'; readonly stages: readonly string[] }
  | { readonly type: 'escalated'; readonly to: string; readonly skip: boolean }
  | { readonly type: 'recorded'; readonly records: readonly string[] }
  | { readonly type: 'fulfilled'; readonly obligations: readonly string[] }
  | { readonly type: 'bypassed'; readonly rules: readonly string[] }
  | { readonly type: 'noted'; readonly facts: readonly string[] }
  | { readonly type: 'resolved' }
  | { readonly type: 'withdrawn' }
  | { readonly type: 'closed' };

export { REFUSAL_CODES, REFUSAL_CATEGORIES, type RefusalCode, type RefusalCategory, type Refusal } from './refusals.js';

/** Options for the engine functions that compute dates. */
export interface EngineOptions {
  /** A calendar or region, replacing the protocol's own region; the protocol's region by default. */
  readonly calendar?: CalendarLike;
  /**
   * Closure days added to the protocol's own region (ignored when `calendar` is given). Pass the same
   * array object each time: the calendar built from it is kept for that array.
   */
  readonly closures?: readonly Closure[];
  /** Working days ahead within which a pending obligation counts as due soon; 1 by default. */
  readonly dueSoonWorkingDays?: number;
  /**
   * How long an `immediately` obligation stays `dueNow` after its anchor before it is overdue: a
   * duration (`"1h"`, `"0h"`, `"1wd"`, `"sameWorkingDay"`). By default `"sameWorkingDay"`: until the end
   * of the anchor's working day. This is the engine's reading, not a number from any document.
   */
  readonly immediateGrace?: string;
}

/** Options for `applyEvent`. */
export interface ApplyOptions {
  /**
   * The server's clock. An event dated later than `now` plus {@link FUTURE_TOLERANCE_MINUTES} minutes
   * is refused (`engine/event-in-future`), so a mistyped year cannot lock a case.
   */
  readonly now?: string | Date;
}

/** Minutes an event may be dated after `ApplyOptions.now`: clocks of two machines are rarely further apart. */
export const FUTURE_TOLERANCE_MINUTES = 5;

/** `applyEvent`'s result. */
export type ApplyResult = { readonly success: true; readonly case: Case } | { readonly success: false; readonly refusal: Refusal };

// What status and plan return, in files of their own; re-exported so that one import serves.
export type * from './statusTypes.js';
export type * from './planTypes.js';
