import type { Obligation, Protocol } from '../protocol/schema.js';
import { FIRST_DAY } from '../time/_days.js';
import { formatLondon, londonDay } from '../time/_london.js';
import type { Calendar } from '../time/calendar.js';
import { showDue } from '../time/duration.js';
import { toEpochMs } from '../time/instant.js';
import { evaluate, type AnchorLookup, type DueNumbers, type Timescale } from '../time/timescale.js';
import { TimeError } from '../time/timeError.js';
import { compile, engineCalendar, type Compiled } from './_compile.js';
import { allowedMoves, fold, type State, type Visit } from './_fold.js';
import type { Case, CaseStatus, DueAt, EngineOptions, ObligationState, ObligationStatus, RequiredRecord, StatusResult } from './types.js';

const show = (d: DueNumbers | undefined, calendar: Calendar): DueAt | null => (d ? showDue(calendar, d) : null);
const iso = (ms: number | undefined): string | null => (ms === undefined ? null : formatLondon(ms));

/** @internal Anchor lookup for an obligation of one stage visit (or of a bypass, with its instant). */
export function anchors(state: State, visit: Visit | undefined, bypassedAt?: number): AnchorLookup {
  return (anchor) => {
    if (anchor === undefined) return bypassedAt ?? visit?.enteredAt;
    switch (anchor) {
      case 'stageEntered':
        return visit?.enteredAt;
      case 'disagreement':
        return state.arose;
      case 'caseOpened':
        return state.openedAt;
      case 'bypassed':
        return bypassedAt;
    }
    const colon = anchor.indexOf(':');
    const kind = anchor.slice(0, colon);
    const ref = anchor.slice(colon + 1);
    if (kind === 'entered') return state.entered.get(ref);
    if (kind === 'completed') return state.completed.get(ref);
    return state.records.get(ref)?.[0]?.occurred;
  };
}

/**
 * When a record counting for a stage visit happened: the first one recorded at or after the stage was
 * entered. What it records may have happened earlier (a conference recorded afterwards, with
 * `occurredAt`); that earlier time is when the obligation was met.
 */
function madeFor(list: readonly { at: number; occurred: number }[] | undefined, enteredAt: number): number | undefined {
  if (!list) return undefined;
  for (const made of list) if (made.at >= enteredAt) return made.occurred;
  return undefined;
}

interface Judge {
  readonly now: number;
  readonly todayRank: number;
  readonly dueSoon: number;
  readonly calendar: Calendar;
}

function judge(j: Judge, due: DueNumbers | undefined, metAt: number | undefined, waiting: boolean, cancelled: boolean): ObligationState {
  if (metAt !== undefined) return due && metAt > due.at ? 'metLate' : 'met';
  if (cancelled) return 'cancelled';
  if (!due) return waiting ? 'waiting' : 'noDeadline';
  if (j.now > due.at) return 'overdue';
  const ahead = j.calendar.tables.rank[due.day - FIRST_DAY]! - j.todayRank;
  return ahead <= j.dueSoon ? 'dueSoon' : 'pending';
}

function obligationStatus(
  c: Compiled,
  j: Judge,
  o: Pick<Obligation, 'id' | 'action' | 'owner' | 'due'> & { record?: string | undefined },
  lookup: AnchorLookup,
  where: { stage: string | null; rule: string | null },
  metAt: number | undefined,
  cancelled: boolean,
): ObligationStatus {
  const result = evaluate(o.due as Timescale, lookup, j.calendar);
  const due = result.kind === 'due' ? result.due : undefined;
  return {
    id: o.id,
    stage: where.stage,
    rule: where.rule,
    action: o.action,
    owner: c.ownerSummaries.get(o.owner)!,
    due: show(due, j.calendar),
    target: result.kind === 'due' ? show(result.target, j.calendar) : null,
    targetMissed: result.kind === 'due' && result.target ? (metAt ?? j.now) > result.target.at : null,
    words: result.kind === 'none' ? result.words : null,
    waitingFor: result.kind === 'waiting' ? result.anchors : [],
    state: judge(j, due, metAt, result.kind === 'waiting', cancelled),
    metAt: iso(metAt),
    record: o.record ?? null,
  };
}

/** @internal Builds the status of a folded case. */
export function describeState(c: Compiled, state: State, now: number, options: EngineOptions): CaseStatus {
  const calendar = engineCalendar(c, options);
  const todayIndex = londonDay(now) - FIRST_DAY;
  const j: Judge = { now, todayRank: calendar.tables.rank[todayIndex] ?? 0, dueSoon: options.dueSoonWorkingDays ?? 1, calendar };
  const stopped = state.phase === 'withdrawn' || state.phase === 'exited' || (state.phase === 'closed' && state.exitedTo !== undefined);
  const obligations: ObligationStatus[] = [];
  const records: RequiredRecord[] = [];

  const last = state.visits.at(-1);
  for (const visit of state.visits) {
    const lookup = anchors(state, visit);
    // Work with no record of its own is done when the stage ends by escalation or resolution; a
    // withdrawal or an exit to another procedure ends the stage without doing it.
    const endedBy = stopped && visit === last ? undefined : visit.leftAt;
    for (const o of visit.stage.obligations.get(state.subject)!) {
      const byRecord = o.record === undefined ? undefined : madeFor(state.records.get(o.record), visit.enteredAt);
      const byEvent = state.fulfilled.get(o.id);
      const metAt = o.record === undefined ? minDefined(byEvent, endedBy) : minDefined(byRecord, byEvent);
      // What was not done by a withdrawal or exit, paperwork included, is no longer owed under this
      // procedure (bypass rules' urgent actions still are, below).
      obligations.push(obligationStatus(c, j, o, lookup, { stage: visit.stage.id, rule: null }, metAt, stopped && metAt === undefined));
    }
    for (const record of visit.stage.requires) {
      const at = madeFor(state.records.get(record.id), visit.enteredAt);
      records.push({
        stage: visit.stage.id,
        record: record.id,
        title: record.title,
        made: at !== undefined,
        at: iso(at),
        noChildOrFamilyDetails: record.noChildOrFamilyDetails ?? false,
      });
    }
  }
  for (const { rule, at } of state.bypasses) {
    const lookup = anchors(state, visitAt(state, at), at);
    obligations.push(obligationStatus(c, j, rule, lookup, { stage: null, rule: rule.id }, state.fulfilled.get(rule.id), false));
  }

  const current = state.visits.at(-1)!;
  const missingRecords = records.filter((r) => !r.made);
  let overdue = 0;
  let dueSoon = 0;
  for (const o of obligations) {
    if (o.state === 'overdue') overdue++;
    else if (o.state === 'dueSoon') dueSoon++;
  }
  return {
    protocol: { id: c.protocol.id, version: c.protocol.version },
    now: formatNow(now),
    phase: state.phase,
    subject: state.subject,
    stage: {
      id: current.stage.id,
      title: current.stage.stage.title,
      enteredAt: formatLondon(current.enteredAt),
      owners: current.stage.owners.get(state.subject)!.map((r) => ({ id: r.id, title: r.title, side: r.side })),
    },
    history: state.visits.map((v) => ({ stage: v.stage.id, enteredAt: formatLondon(v.enteredAt), leftAt: iso(v.leftAt) })),
    obligations,
    records,
    missingRecords,
    allowed: allowedMoves(c, state),
    bypassRules: state.phase === 'open' ? c.bypassSummaries : [],
    bypasses: state.bypasses.map((b) => ({ rule: b.rule.id, at: formatLondon(b.at), effect: b.rule.effect.type })),
    exitedTo: state.exitedTo ?? null,
    counts: { overdue, dueSoon, missingRecords: missingRecords.length },
  };
}

function visitAt(state: State, at: number): Visit | undefined {
  let found: Visit | undefined;
  for (const visit of state.visits) if (visit.enteredAt <= at) found = visit;
  return found;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

// A sweep asks about every case at the same "now": read and write it once, not once per case.
let lastNow: unknown;
let lastNowMs = 0;
let formattedMs = Number.NaN;
let formattedText = '';

function nowToMs(now: string | Date): number {
  if (typeof now === 'string' && now === lastNow) return lastNowMs;
  const ms = toEpochMs(now, ['now']);
  if (typeof now === 'string') [lastNow, lastNowMs] = [now, ms];
  return ms;
}

function formatNow(ms: number): string {
  if (ms !== formattedMs) [formattedMs, formattedText] = [ms, formatLondon(ms)];
  return formattedText;
}

/**
 * Where a case stands at a moment: its stage and owners, every obligation with its due date and
 * state (pending, due soon, overdue, met, met late, waiting for an anchor, no deadline, cancelled),
 * the records required and missing, the moves allowed now and the bypass rules available. Missing
 * records and missed deadlines never block a move; they stay visible here after the case moves on.
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the case: protocol id and version, and its events
 * @param now - the moment to evaluate at (the engine never reads the clock)
 * @param options - calendar (closures) and how near "due soon" is
 * @returns `{ success: true, status }`, or `{ success: false, refusal }` when an event in the log is
 *   not a move the protocol allows (the refusal names its index)
 * @example
 * ```ts
 * const result = status(swindon, kase, '2027-01-05T09:00');
 * if (result.success) for (const o of result.status.obligations) console.log(o.id, o.due?.date, o.state);
 * ```
 */
export function status(protocol: Protocol, kase: Case, now: string | Date, options: EngineOptions = {}): StatusResult {
  const c = compile(protocol);
  let nowMs: number;
  try {
    nowMs = nowToMs(now);
  } catch (error) {
    if (!(error instanceof TimeError)) throw error;
    return { success: false, refusal: { code: 'engine/invalid-event', message: `"now": ${error.message}`, eventIndex: -1, allowed: [] } };
  }
  const { state, refusal } = fold(c, kase);
  if (refusal) return { success: false, refusal };
  if (!state)
    return {
      success: false,
      refusal: {
        code: 'engine/not-opened',
        message: 'The case has no events; its first event must open it.',
        eventIndex: 0,
        allowed: allowedMoves(c, undefined),
      },
    };
  try {
    return { success: true, status: describeState(c, state, nowMs, options) };
  } catch (error) {
    // A due date past the supported range, or a bad calendar option: report it, never crash a sweep.
    if (!(error instanceof TimeError)) throw error;
    return { success: false, refusal: { code: 'engine/invalid-case', message: error.message, eventIndex: -1, allowed: [] } };
  }
}
