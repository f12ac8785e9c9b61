// The report's data: what a partnership business unit publishes from many cases. Plain JSON, like
// the engine's status. A count is a number, or null where small-count suppression hid it.

import type { Subject } from '../protocol/schema.js';
import type { ProtocolRegistry } from '../protocol/registry.js';
import type { Case, EngineOptions } from '../engine/types.js';

/** A count of cases or obligations; `null` when suppressed (a count from 1 to the threshold less one). */
export type Count = number | null;

/** What happened to the cases of a group, as at `now`. `opened` is the sum of the other four. */
export interface CaseCounts {
  /** Cases counted (opened within the period). */
  readonly opened: Count;
  /** Resolved (then closed or not). */
  readonly resolved: Count;
  /** Withdrawn by the raising side. */
  readonly withdrawn: Count;
  /** Sent out of the procedure by a bypass rule (to another procedure). */
  readonly exited: Count;
  /** Still open at `now`. */
  readonly open: Count;
}

/**
 * The timeliness of obligations with a deadline. `open` holds those not yet met and not overdue
 * (pending, due soon, and any newer state of the engine such as due now); `cancelled` those a
 * withdrawal or exit ended. `total` is the sum of the five.
 */
export interface Timeliness {
  readonly met: Count;
  readonly metLate: Count;
  readonly overdue: Count;
  readonly open: Count;
  readonly cancelled: Count;
  readonly total: Count;
}

/**
 * Working days: how many values, their median, 90th percentile and maximum. The median of an even
 * number of values is the mean of the middle two; the 90th percentile is the nearest rank (the value
 * at position ⌈0.9 × n⌉ in ascending order). All null when there are no values, or fewer than the
 * suppression threshold.
 */
export interface WorkingDayStats {
  readonly cases: Count;
  readonly median: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

/** One row of a breakdown of cases by agency. */
export interface AgencyCounts extends CaseCounts {
  /** The agency's name as the integrator stored it in the `opened` event. */
  readonly agency: string;
}

/** One stage of a protocol: how many cases reached it, stopped at it, and how long they stayed. */
export interface StageFigures {
  readonly id: string;
  readonly title: string;
  /** Cases that entered the stage (a stage jumped over is not reached). */
  readonly reached: Count;
  /** Cases for which it is the highest stage reached. */
  readonly highest: Count;
  /** Cases still open at it at `now`. */
  readonly openAt: Count;
  /** Working days from entering to leaving the stage, over the visits that had ended by `now`. */
  readonly workingDays: WorkingDayStats;
}

/** Timeliness of one stage's obligations; `stage` is null for the urgent actions of bypass rules. */
export interface StageTimeliness extends Timeliness {
  readonly stage: string | null;
}

/** Timeliness of one obligation (or of a bypass rule's urgent action, whose id is the rule's). */
export interface ObligationTimeliness extends Timeliness {
  readonly obligation: string;
  readonly stage: string | null;
}

/** Timeliness by the side of the obligation's owner. */
export interface SideTimeliness extends Timeliness {
  readonly side: string;
}

/** Everything about the cases of one protocol version. */
export interface ProtocolReport {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly cases: CaseCounts;
  /** Every stage in the protocol's order. */
  readonly stages: readonly StageFigures[];
  /** Working days from the day the case was opened to the day it was resolved, over resolved cases. */
  readonly toResolution: WorkingDayStats;
  /** Every obligation with a deadline, by state. */
  readonly obligations: Timeliness;
  readonly timeliness: {
    readonly byStage: readonly StageTimeliness[];
    readonly byObligation: readonly ObligationTimeliness[];
    readonly bySide: readonly SideTimeliness[];
  };
  /** Cases in which each bypass rule was invoked (once or more). */
  readonly bypasses: readonly { readonly rule: string; readonly cases: Count }[];
  /** Required records not made at `now`, by stage and record (the current stage's included). */
  readonly missingRecords: readonly { readonly stage: string; readonly record: string; readonly title: string; readonly cases: Count }[];
}

/** Why a case was not counted, with how many. */
export interface NotCounted {
  /** Opened before `from` or after `to` (or after `now`). */
  readonly outsidePeriod: number;
  /** The case names a protocol version the registry does not hold. */
  readonly unknownProtocol: number;
  /** The engine refused the case's log: counts by refusal code. */
  readonly refused: Readonly<Record<string, number>>;
}

/** `report`'s result. */
export interface Report {
  readonly period: { readonly from: string | null; readonly to: string | null; readonly now: string };
  /** The suppression threshold when on: counts from 1 to `threshold - 1` are null. */
  readonly suppression: { readonly threshold: number } | null;
  readonly cases: CaseCounts;
  /** Cases opened in each month of the period (London dates), every month listed. */
  readonly openedByMonth: readonly { readonly month: string; readonly opened: Count }[];
  readonly bySubject: readonly ({ readonly subject: Subject } & CaseCounts)[];
  readonly byRaisingAgency: readonly AgencyCounts[];
  readonly byReceivingAgency: readonly AgencyCounts[];
  /** Every obligation with a deadline, over all protocols. */
  readonly obligations: Timeliness;
  readonly bySide: readonly SideTimeliness[];
  readonly protocols: readonly ProtocolReport[];
  readonly notCounted: NotCounted;
}

/** What a report may include beyond figures; all off by default. */
export interface ReportInclude {
  /** The wording of resolutions' outcomes (`resolved.outcome`). */
  readonly outcomes?: boolean;
  /** People's names (`by` on events). */
  readonly names?: boolean;
  /** Free-text notes (`note` on events, `reason` on withdrawals). */
  readonly notes?: boolean;
}

/** Options for {@link report} and {@link createReport}. */
export interface ReportOptions extends EngineOptions {
  /** Where each case's protocol version is looked up (`registry.get(id, version)`). */
  readonly registry: ProtocolRegistry;
  /** First London date of the period (`YYYY-MM-DD`), inclusive; unbounded when omitted. */
  readonly from?: string;
  /** Last London date of the period, inclusive; unbounded when omitted (cases opened after `now` never count). */
  readonly to?: string;
  /** The moment outcomes and deadlines are judged at; events after it do not count. */
  readonly now: string | Date;
  /** Suppress counts from 1 to `suppressBelow - 1` (and what would reveal them); off when omitted. */
  readonly suppressBelow?: number;
  /** Keep the agency log (one row per case, stage and agency). */
  readonly agencyLog?: boolean;
  /** Text to include in the agency log; none by default. */
  readonly include?: ReportInclude;
}

/** A stored case, optionally with the integrator's own reference for it. */
export type ReportCase = Case & { readonly id?: string };

/** What happened to one case given to {@link ReportBuilder.add}. */
export type AddResult =
  | { readonly counted: true }
  | { readonly counted: false; readonly reason: 'outsidePeriod' }
  | { readonly counted: false; readonly reason: 'unknownProtocol' | 'refused'; readonly code: string; readonly message: string };

/** One row of an agency's log: a case at a stage, as Swindon asks each agency to record it. */
export interface AgencyLogEntry {
  /** The agency whose log this row is in. */
  readonly agency: string;
  /** That agency's side in the case. */
  readonly side: 'raising' | 'receiving';
  /** The case's `id` if stored, else its position in the input (1-based). */
  readonly case: string;
  readonly protocol: string;
  readonly version: string;
  readonly stage: string;
  readonly stageTitle: string;
  /** The London date the case entered the stage. */
  readonly started: string;
  /** Who the concern was raised with, by title: the stage's owners on the receiving side, else its independent ones, else all its owners. */
  readonly raisedWith: string;
  /** The receiving agency. */
  readonly raisedWithAgency: string;
  /** How the stage ended, as at `now`: `escalated`, `resolved`, `withdrawn`, `exited` or `open`. */
  readonly outcome: 'escalated' | 'resolved' | 'withdrawn' | 'exited' | 'open';
  /** The London date the stage ended, or null while open. */
  readonly ended: string | null;
  /** The stage escalated to, or the procedure exited to; null otherwise. */
  readonly to: string | null;
  /** The outcome's wording (only with `include.outcomes`, on the stage where it was resolved). */
  readonly outcomeText?: string;
  /** Names on the stage's events (only with `include.names`). */
  readonly names?: string;
  /** Notes on the stage's events (only with `include.notes`). */
  readonly notes?: string;
}

/** An incremental report: add cases one at a time (a stream), then read the result. */
export interface ReportBuilder {
  /**
   * Counts one case (or says why not). Keeps only aggregates, never the case or its status.
   * @param kase - a stored case
   * @param ref - how the agency log names it; the case's `id`, else its position
   * @returns whether it was counted
   */
  add(kase: ReportCase, ref?: string): AddResult;
  /**
   * The report over the cases added so far.
   * @returns the report
   */
  result(): Report;
  /**
   * The agency log over the cases added so far, sorted by agency (empty unless `agencyLog` was set).
   * @returns the rows
   */
  agencyLog(): AgencyLogEntry[];
}
