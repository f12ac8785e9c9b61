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

/** A recorded meeting whose attendance requirement is unmet: advisory, shown in status. */
export interface AttendanceStatus {
  readonly record: string;
  /** When the meeting took place. */
  readonly at: Instant;
  /** What the record's `attendance` asks that the attendees do not show, in words. */
  readonly unmet: readonly string[];
}

/** A repeating duty's occurrences, as status counts them (one entry per duty, however long the case runs). */
export interface RepeatStatus {
  /** How often it recurs, e.g. `1d`. */
  readonly every: string;
  /** The anchor that stops it; null where it stops when its stage ends. */
  readonly until: string | null;
  /** Occurrences whose due moment has passed. */
  readonly occurrences: number;
  readonly met: number;
  readonly missed: number;
  /** The due moment of the last occurrence missed. */
  readonly lastMissed: DueAt | null;
  /** Whether the repetition has stopped. */
  readonly ended: boolean;
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

/** When something falls due, as an instant and a London date. */
export interface DueAt {
  readonly at: Instant;
  readonly date: string;
  /** Present, and true, when `date` is after the calendar's `confirmedUntil`: an unannounced holiday could move it. */
  readonly provisional?: true;
}

/** Where an obligation stands. */
export type ObligationState = 'pending' | 'dueSoon' | 'dueNow' | 'overdue' | 'met' | 'metLate' | 'waiting' | 'noDeadline' | 'cancelled';

/** A role as status shows it: which side it is on. */
export interface OwnerSummary {
  readonly id: string;
  readonly title: string;
  /** `raising`, `receiving`, `independent`, or `unstated` where the document does not say (no agency is inferred). */
  readonly side: string;
}

/** One obligation of a case, with its deadline and state. */
export interface ObligationStatus {
  readonly id: string;
  /** The stage it belongs to, or null for a bypass rule's urgent action. */
  readonly stage: string | null;
  /** The bypass rule that added it, if any. */
  readonly rule: string | null;
  readonly action: string;
  readonly owner: OwnerSummary;
  /** The agency on the owner's side (the case's raising or receiving agency); null for an independent owner or an unstated side. */
  readonly agency: string | null;
  /** The limit; null while an anchor is awaited or where the document gives no number. */
  readonly due: DueAt | null;
  /** The earlier target beside the limit, where the document gives one. */
  readonly target: DueAt | null;
  /** Whether the target (not the limit) was missed: met after it, or still unmet past it; null without a target. */
  readonly targetMissed: boolean | null;
  /** The document's words, where it gives no number. */
  readonly words: string | null;
  /** The anchors not yet reached, when `state` is `waiting`. */
  readonly waitingFor: readonly string[];
  readonly state: ObligationState;
  /** When it was met, if it was. */
  readonly metAt: Instant | null;
  /** The record that meets it, if one does. */
  readonly record: string | null;
  /** #12: every owner of a joint duty (present only for `owners.together`). */
  readonly together?: readonly OwnerSummary[];
  /** #12: `should` or `may` where the document softens the duty (absent for `must`); a `may` duty is never overdue. */
  readonly modality?: 'should' | 'may';
  /** #12: what the duty arose from (`resolved`, `escalated:stage-3` ...) and when; absent for a stage's or rule's duty. */
  readonly arising?: { readonly on: string; readonly at: Instant };
  /** True where `due` is the partnership's working assumption for the document's `words`, not the document's number. */
  readonly assumed: boolean;
  /** True where `due` is also the earliest moment ("at", not "by"). */
  readonly notBefore: boolean;
  /** For a `notBefore` obligation: whether it was met before its moment; null otherwise. */
  readonly early: boolean | null;
  /** For a repeating duty: its occurrences counted; `due` and `state` are those of the occurrence owed now. */
  readonly repeat: RepeatStatus | null;
}

/** Advice a case carries: something the document says should happen that was not confirmed. */
export interface CaseWarning {
  /** A stable code, e.g. `engine/precondition-advised`. */
  readonly code: string;
  readonly message: string;
  /** The index of the event that drew it. */
  readonly event: number;
}

/** A record a stage requires, and whether it was made while the case was at that stage. */
export interface RequiredRecord {
  readonly stage: string;
  readonly record: string;
  readonly title: string;
  readonly made: boolean;
  readonly at: Instant | null;
  /** The document forbids details of any child or family in it. */
  readonly noChildOrFamilyDetails: boolean;
}

/** Everything an integrator needs to show about a case at one moment. */
export interface CaseStatus {
  readonly protocol: { readonly id: string; readonly version: string };
  readonly now: Instant;
  /** `open`, `resolved`, `withdrawn`, `exited` (to another procedure by a bypass rule) or `closed`. */
  readonly phase: 'open' | 'resolved' | 'withdrawn' | 'exited' | 'closed';
  readonly subject: Subject;
  readonly stage: {
    readonly id: string;
    readonly title: string;
    readonly enteredAt: Instant;
    readonly owners: readonly OwnerSummary[];
  };
  /** The two agencies of the opening event. */
  readonly agencies: { readonly raising: string; readonly receiving: string };
  /** Stages visited, in order, with when the case entered and left each. */
  readonly history: readonly { readonly stage: string; readonly enteredAt: Instant; readonly leftAt: Instant | null }[];
  readonly obligations: readonly ObligationStatus[];
  readonly records: readonly RequiredRecord[];
  /** Required records not made; a convenience view of `records`. */
  readonly missingRecords: readonly RequiredRecord[];
  readonly allowed: readonly AllowedMove[];
  /** Bypass rules that can be invoked now. */
  readonly bypassRules: readonly { readonly id: string; readonly trigger: string; readonly action: string }[];
  /** Bypass rules invoked, in order. */
  readonly bypasses: readonly { readonly rule: string; readonly at: Instant; readonly effect: string }[];
  /** Where a bypass rule sent the case out of this procedure. */
  readonly exitedTo: string | null;
  /** Advice the case carries (a `should` precondition not confirmed); present only when there is some. */
  readonly warnings?: readonly CaseWarning[];
  /** Meetings recorded whose attendance requirement is unmet (advisory). */
  readonly attendance: readonly AttendanceStatus[];
  /** Counts for dashboards. */
  readonly counts: { readonly overdue: number; readonly dueSoon: number; readonly dueNow: number; readonly missingRecords: number };
}

/** `applyEvent`'s result. */
export type ApplyResult = { readonly success: true; readonly case: Case } | { readonly success: false; readonly refusal: Refusal };

/** `status`'s result. */
export type StatusResult = { readonly success: true; readonly status: CaseStatus } | { readonly success: false; readonly refusal: Refusal };

/** Options for `plan`. */
export interface PlanOptions extends EngineOptions {
  /** When the disagreement arose: a date (London midnight) or instant. */
  readonly from: string;
  /** Whose variant to follow; the first subject in the protocol's scope by default. */
  readonly subject?: Subject;
}

/** One stage of a projected timeline. */
export interface PlannedStage {
  readonly id: string;
  readonly title: string;
  readonly owners: readonly string[];
  /** The stage's limit if every earlier stage ran to its own; null where the document gives no number. */
  readonly dueDate: string | null;
  readonly dueAt: Instant | null;
  /** Working days from the disagreement to `dueDate` ("Day 17" on Swindon's form). */
  readonly workingDay: number | null;
  /** Present, and true, when `dueDate` is after the calendar's `confirmedUntil`. */
  readonly provisional?: true;
}

/**
 * A duty a plan shows beside the stages (#12): one whose owing or timing is not a stage's plain limit.
 * Projected along the same route, it never moves a stage's date.
 */
export interface PlannedDuty {
  /** The obligation's id, or the arising duty's. */
  readonly id: string;
  /** The stage it belongs to; null for a duty that arises from what happens (the protocol's `arising`). */
  readonly stage: string | null;
  readonly action: string;
  /** Who owes it (role ids): one, each of several, or several together. */
  readonly owners: readonly string[];
  /**
   * How its date reads: `limit` (due by it), `aim` (a target with no limit: the date is the aim, never a
   * deadline), `notBefore` (an "at": due then and not before), `assumed` (the partnership's working
   * assumption for the document's words, never the document's number), `none` (no number, no
   * assumption) or `waiting` (measured from something the plan does not date).
   */
  readonly timing: 'limit' | 'aim' | 'notBefore' | 'assumed' | 'none' | 'waiting';
  /** The timescale in words, as the Markdown page and flowchart say it. */
  readonly words: string;
  /** When it is measured from along the plan: the stage's planned entry, or the planned event it arises from; null when unknown. */
  readonly fromDate: string | null;
  /** Its date along the plan (the aim, the moment, the assumed or the limit date); null where the plan cannot date it. */
  readonly dueDate: string | null;
  readonly dueAt: Instant | null;
  /** Working days from the disagreement to `dueDate`. */
  readonly workingDay: number | null;
  /** What it is owed only if, in words: its condition, or the event it arises from ("...; measured from it"). */
  readonly onlyIf?: string;
  /** How it recurs, in words ("again every 1 calendar day until ..."), for a repeating duty. */
  readonly every?: string;
  /** The document's verb when not "must": a `may` duty is never overdue. */
  readonly modality?: 'should' | 'may';
  /** Present, and true, when `dueDate` is after the calendar's `confirmedUntil`. */
  readonly provisional?: true;
}

/** The projected timeline of a protocol. */
export interface Plan {
  readonly protocol: { readonly id: string; readonly version: string };
  readonly from: Instant;
  readonly subject: Subject;
  readonly stages: readonly PlannedStage[];
  /**
   * Present only when the protocol has such duties (#12): conditional, repeating, aim-only, not-before,
   * assumed, `should`/`may` obligations of the route's stages, and every duty that arises from what
   * happens. An arising duty is dated only when its event is on the plan's route (an escalation into a
   * stage, taken at that stage's planned entry; a resolution at a stage, taken at its planned end).
   */
  readonly duties?: readonly PlannedDuty[];
  /** The calendar's last confirmed date; a stage due after it is marked `provisional`. */
  readonly confirmedUntil: string;
  readonly bypass: readonly {
    readonly id: string;
    readonly trigger: string;
    readonly action: string;
    readonly owner: string;
    readonly timescale: string;
    readonly effect: string;
  }[];
}
