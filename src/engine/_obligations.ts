// Every obligation of a folded case, with its due moment and state: what status, worklist and
// nextChange all judge, computed in one place. @internal

import type { Obligation } from '../protocol/schema.js';
import { FIRST_DAY } from '../time/_days.js';
import { londonDay } from '../time/_london.js';
import type { Calendar } from '../time/calendar.js';
import { dueAfter, type Duration } from '../time/duration.js';
import { evaluate, type AnchorLookup, type DueNumbers, type Evaluation, type Timescale } from '../time/timescale.js';
import { eachArising, madeForParty } from './_arising.js';
import type { Compiled } from './_compile.js';
import { holds, stageOwed } from './_conditions.js';
import { graceEnd, notBeforeMoment } from './_dueNow.js';
import type { ReadOptions } from './_options.js';
import { BYPASSED, RECORD, STAGE_COMPLETED, STAGE_ENTERED, anchorOf, instantOf, type Plan } from './_judging.js';
import { NO_ENTRIES, lastVisit, type Made, type State, type Visit } from './_state.js';
import { judgeRepeating, type RepeatCounts } from './_repeat.js';
import type { ObligationState, OwnerSummary } from './types.js';

/** #12 part B: an aim alone is pending until its target, then has no deadline (never overdue). */
function aimState(j: Judge, target: DueNumbers): ObligationState {
  if (j.now > target.at) return 'noDeadline';
  return j.calendar.tables.rank[target.day - FIRST_DAY]! - j.todayRank <= j.dueSoon ? 'dueSoon' : 'pending';
}

export interface Judge {
  readonly now: number;
  readonly todayRank: number;
  readonly dueSoon: number;
  readonly calendar: Calendar;
  readonly grace: Duration;
}

// A sweep judges every case at one moment with one set of options (the shared defaults, unless
// given): the judge made last is reused for them, never changed by anyone (#15).
let lastJudge: Judge | undefined;
let lastOptions: ReadOptions | undefined;

export function makeJudge(now: number, options: ReadOptions): Judge {
  if (lastJudge?.now === now && options === lastOptions) return lastJudge;
  const rank = options.calendar.tables.rank[londonDay(now) - FIRST_DAY] ?? 0;
  lastOptions = options;
  return (lastJudge = { now, todayRank: rank, dueSoon: options.dueSoon, calendar: options.calendar, grace: options.grace });
}

export type Owed = Pick<Obligation, 'id' | 'action' | 'due' | 'modality' | 'if'> & {
  readonly owner: string;
  readonly record?: string | undefined;
  /** #12 construct 1: the party whose own copy of an "each" duty this is. */
  readonly party?: string | undefined;
  /** #12 construct 1: every owner of a joint duty. */
  readonly together?: readonly string[] | undefined;
  /** #12 construct 7: a repeating duty's period and end. */
  readonly every?: string | undefined;
  readonly until?: string | undefined;
};

export interface Judged {
  readonly obligation: Owed;
  readonly stage: string | null;
  readonly rule: string | null;
  readonly evaluation: Evaluation;
  readonly due: DueNumbers | undefined;
  /** Where the obligation is `immediately`: when its grace ends. */
  readonly graceEnd: number | undefined;
  readonly metAt: number | undefined;
  readonly state: ObligationState;
  /** #12 construct 3: what the duty arose from, when it arises from something that happened. */
  readonly arising?: { readonly on: string; readonly at: number } | undefined;
  /** #12 part B: a repeating duty's occurrences, counted. */
  readonly repeat?: RepeatCounts;
  /** The owner as a status shows it, where compile read it (a planned duty); else looked up by id. */
  readonly shownOwner?: OwnerSummary | undefined;
}

/** @internal Anchor lookup for an obligation of one stage visit (or of a bypass, with its instant). */
export function anchors(state: State, visit: Visit | undefined, bypassedAt?: number): AnchorLookup {
  return (text) => anchorAt(state, visit, bypassedAt, text);
}

/** An anchor's instant for an obligation of a stage visit (or of a bypass, with its instant). */
function anchorAt(state: State, visit: Visit | undefined, bypassedAt: number | undefined, text: string | undefined): number | undefined {
  if (text === undefined) return bypassedAt ?? visit?.enteredAt;
  const { kind, ref } = anchorOf(text);
  if (kind === BYPASSED) return bypassedAt;
  // A stage or record named is looked up by id; one the protocol lacks has not happened.
  const index =
    kind === STAGE_ENTERED || kind === STAGE_COMPLETED
      ? state.stageById.get(ref)?.index
      : kind === RECORD
        ? state.recordIndex.get(ref)
        : -1;
  return index === undefined ? undefined : instantOf(kind, index, state, visit);
}

/**
 * When a record counting for a stage visit happened: the first one recorded at or after the stage was
 * entered. What it records may have happened earlier (a conference recorded afterwards, with
 * `occurredAt`); that earlier time is when the obligation was met.
 */
export function madeFor(made: Made | undefined, enteredAt: number, party?: string): number | undefined {
  if (!made) return undefined;
  const { at, occurred, parties } = made;
  for (let i = 0; i < at.length; i++) {
    // A record for another party does not meet this party's copy (#12 construct 1).
    if (at[i]! >= enteredAt && (party === undefined || parties?.[i] === undefined || parties[i] === party)) return occurred[i];
  }
  return undefined;
}

const minDefined = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

function judge(
  j: Judge,
  o: Owed,
  lookup: AnchorLookup,
  stage: string | null,
  rule: string | null,
  metAt: number | undefined,
  cancelled: boolean,
): Judged {
  const evaluation = evaluate(o.due as Timescale, lookup, j.calendar);
  const due = evaluation.kind === 'due' ? evaluation.due : undefined;
  const grace = due && graceEnd(o.due as Timescale, due, lookup, j.calendar, j.grace);
  return judged(j, o, stage, rule, evaluation, due, grace, metAt, cancelled, undefined);
}

/**
 * {@link judge} for a stage duty whose timescale compile read (see planStages): the same numbers
 * without reading the timescale, its duration and its anchor's name again. Undefined while its
 * anchor has not happened: `judge` says what it waits for, as it always has.
 */
function judgePlanned(
  j: Judge,
  p: Plan & { readonly duration: Duration },
  state: State,
  visit: Visit,
  metAt: number | undefined,
  cancelled: boolean,
): Judged | undefined {
  const from = instantOf(p.kind, p.index, state, visit);
  if (from === undefined) return undefined;
  const due = dueAfter(j.calendar, from, p.duration);
  // graceEnd's test for a `within` leaf: `immediately`, due at its anchor.
  const grace = p.immediate && from === due.at ? dueAfter(j.calendar, due.at, j.grace).at : undefined;
  return judged(j, p.owed, visit.stage.id, null, { kind: 'due', due }, due, grace, metAt, cancelled, p.shownOwner);
}

function judged(
  j: Judge,
  o: Owed,
  stage: string | null,
  rule: string | null,
  evaluation: Evaluation,
  due: DueNumbers | undefined,
  grace: number | undefined,
  metAt: number | undefined,
  cancelled: boolean,
  shownOwner: OwnerSummary | undefined,
): Judged {
  // Within its grace an `immediately` obligation is on time: met, or due now.
  const late = grace ?? due?.at;
  let state: ObligationState;
  if (metAt !== undefined) state = late !== undefined && metAt > late ? 'metLate' : 'met';
  else if (cancelled) state = 'cancelled';
  else if (evaluation.kind === 'aim') state = aimState(j, evaluation.target);
  else if (!due) state = evaluation.kind === 'waiting' ? 'waiting' : 'noDeadline';
  // #12 construct 5: a "may" duty is never chased, so it is never overdue, due now or due soon.
  else if (o.modality === 'may') state = 'noDeadline';
  else if (j.now > late!) state = 'overdue';
  // Due now to the end of the grace: at once for "immediately", and for "at" only from its day, never before.
  else if (grace !== undefined && j.now >= (evaluation.kind === 'due' && evaluation.notBefore ? notBeforeMoment(due) : due.at))
    state = 'dueNow';
  else state = j.calendar.tables.rank[due.day - FIRST_DAY]! - j.todayRank <= j.dueSoon ? 'dueSoon' : 'pending';
  return { obligation: o, stage, rule, evaluation, due, graceEnd: grace, metAt, state, shownOwner };
}

function visitAt(state: State, at: number): Visit | undefined {
  let found: Visit | undefined;
  for (const visit of state.visits) if (visit.enteredAt <= at) found = visit;
  return found;
}

/** One anchor lookup for every visit of a case, reading the visit being judged. */
interface Cursor {
  visit: Visit | undefined;
  readonly lookup: AnchorLookup;
}

function cursorOf(state: State): Cursor {
  const cursor: Cursor = { visit: undefined, lookup: (text) => anchorAt(state, cursor.visit, undefined, text) };
  return cursor;
}

/** Calls `visit` for every obligation of the case: its stages' in order, then its bypass rules'. */
export function eachObligation(c: Compiled, state: State, j: Judge, visit: (judged: Judged) => void): void {
  // Withdrawal and exit end the process; closing afterwards keeps what they ended (it never revives it).
  const stopped = state.endedAs === 'withdrawn' || state.endedAs === 'exited';
  const last = lastVisit(state);
  // One lookup for every visit, reading the visit being judged: a closure and an object a visit
  // were a measurable share of a status's allocation (#15). Made only for a duty that is not planned,
  // and no closure here: a planned case allocates nothing for it.
  let cursor: Cursor | undefined;
  const plans = c.plans.get(state.subject);
  const fulfilled = state.fulfilled;
  for (const v of state.visits) {
    // Work with no record of its own is done when the stage ends by escalation or resolution; a
    // withdrawal or an exit to another procedure ends the stage without doing it.
    const endedBy = stopped && v === last ? undefined : v.leftAt;
    // #15: a stage that is not conditional has its duties planned at compile, in stageOwed's order.
    const stagePlans = plans?.[v.stage.index];
    const owed = stagePlans ?? stageOwed(v.stage, state);
    for (let i = 0; i < owed.length; i++) {
      const p = stagePlans?.[i];
      const o = p ? p.owed : (owed[i] as Owed);
      if (o.if !== undefined && !holds(o.if, state)) continue;
      const byRecord = o.record === undefined ? undefined : madeForParty(state, o, v.enteredAt);
      // Most cases have fulfilled nothing by an event: no lookup in the shared empty map (#15).
      const byEvent = fulfilled === NO_ENTRIES ? undefined : fulfilled.get(o.id);
      if (o.every !== undefined) {
        cursor ??= cursorOf(state);
        cursor.visit = v;
        const repeating = judgeRepeating(j, o as Owed & { every: string }, cursor.lookup, v.stage.id, null, state, v, endedBy, stopped);
        if (repeating) {
          visit(repeating);
          continue;
        }
      }
      const metAt = o.record === undefined ? minDefined(byEvent, endedBy) : minDefined(byRecord, byEvent);
      // What was not done by a withdrawal or exit, paperwork included, is no longer owed under this
      // procedure (bypass rules' urgent actions still are, below).
      const cancelled = stopped && metAt === undefined;
      const planned = p?.duration ? judgePlanned(j, p as Plan & { duration: Duration }, state, v, metAt, cancelled) : undefined;
      if (planned) visit(planned);
      else {
        cursor ??= cursorOf(state);
        cursor.visit = v;
        visit(judge(j, o, cursor.lookup, v.stage.id, null, metAt, cancelled));
      }
    }
  }
  for (const { rule, at } of state.bypasses) {
    visit(judge(j, rule, anchors(state, visitAt(state, at), at), null, rule.id, state.fulfilled.get(rule.id), false));
  }
  // Most cases have had nothing happen that a duty arises from: happen() counts each duty's matching
  // happenings as they come, so with no count there is nothing to look for (#15: occurrences' scan
  // of every duty against every happening was 2% of a sweep).
  if (state.arisingCounts.length) judgeArising(c, state, j, visit);
}

/** The duties that arose from what happened, in {@link eachObligation}'s order (its closures apart, made only here). */
function judgeArising(c: Compiled, state: State, j: Judge, visit: (judged: Judged) => void): void {
  eachArising(
    c,
    state,
    (at) => visitAt(state, at),
    (o, lookup, metAt, cancelled) => judge(j, o, lookup, null, null, metAt, cancelled),
    visit,
    j, // #12 part B: repeating arising duties are judged by judgeRepeating, as stage duties are.
  );
}
