// What `status` returns: the whole picture of a case at one moment, as plain JSON.

import type { Subject } from '../protocol/schema.js';
import type { Refusal } from './refusals.js';
import type { AllowedMove, Instant } from './types.js';

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

/** `status`'s result. */
export type StatusResult = { readonly success: true; readonly status: CaseStatus } | { readonly success: false; readonly refusal: Refusal };
