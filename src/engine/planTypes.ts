// What `plan` returns: the projected timeline of a protocol if every stage runs to its limit.

import type { Subject } from '../protocol/schema.js';
import type { EngineOptions, Instant } from './types.js';

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
