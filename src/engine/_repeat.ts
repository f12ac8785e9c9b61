// #12 part B, repeating and continuous duties ("on a daily basis until", "continue to monitor"): an
// obligation with `every` falls due first by its `due`, then again `every` after each due moment,
// until its `until` anchor (or the end of its stage). Occurrence k is met by a fulfilment (a
// `fulfilled` event or its record) after the previous due moment and by its own.
//
// Status shows one entry per duty, however long the case is open: the occurrence to do next, with
// counts of those met and missed. The work is one step per elapsed period (a daily duty open three
// years is about 1,100 steps), never one object per occurrence. @internal

import { FIRST_DAY } from '../time/_days.js';
import { dueAfter, toDuration } from '../time/duration.js';
import { evaluate, type AnchorLookup, type DueNumbers, type Timescale } from '../time/timescale.js';
import type { Compiled } from './_compile.js';
import type { Judge, Judged, Owed } from './_obligations.js';
import { madeOf, setIn, type State, type Visit } from './_state.js';
import type { ObligationState } from './types.js';

/** @internal Steps taken by the last call, so tests can count the work without reading the clock. */
export const repeatWork = { steps: 0 };

/** What status shows of a repeating duty's occurrences. */
export interface RepeatCounts {
  readonly every: string;
  readonly until: string | null;
  /** Occurrences whose due moment has passed (or the repetition ended). */
  readonly occurrences: number;
  readonly met: number;
  readonly missed: number;
  readonly lastMissed: DueNumbers | undefined;
  /** The repetition stopped (its `until` anchor happened, or its stage ended). */
  readonly ended: boolean;
}

/** Keeps every time an obligation was fulfilled, for repeating duties. */
export function noteFulfilment(_c: Compiled, state: State, id: string, at: number): void {
  const list = state.fulfilments.get(id);
  if (list) list.push(at);
  else setIn(state, 'fulfilments', id, [at]);
}

/** Judges a repeating obligation of one visit; undefined while its first occurrence has no due moment. */
export function judgeRepeating(
  j: Judge,
  o: Owed & { readonly every: string; readonly until?: string | undefined },
  lookup: AnchorLookup,
  stage: string | null,
  rule: string | null,
  state: State,
  visit: Visit,
  endedBy: number | undefined,
  cancelled: boolean,
): (Judged & { readonly repeat: RepeatCounts }) | undefined {
  const first = evaluate(o.due as Timescale, lookup, j.calendar);
  if (first.kind !== 'due') return undefined;
  const step = toDuration(o.every);
  // check/repeat-every refuses these in a file; a hand-built protocol must not loop for ever.
  if (!('amount' in step) || step.amount === 0) return undefined;
  const untilAt = o.until === undefined ? undefined : lookup(o.until);
  const end = untilAt === undefined ? endedBy : endedBy === undefined ? untilAt : Math.min(untilAt, endedBy);
  const times = [...(state.fulfilments.get(o.id) ?? [])];
  const made = o.record === undefined ? undefined : madeOf(state, o.record);
  if (made) for (let i = 0; i < made.at.length; i++) if (made.at[i]! >= visit.enteredAt) times.push(made.occurred[i]!);
  times.sort((a, b) => a - b);
  const horizon = end === undefined ? j.now : Math.min(end, j.now);
  let prev = visit.enteredAt;
  let due = first.due;
  let p = 0;
  let met = 0;
  let missed = 0;
  let lastMissed: DueNumbers | undefined;
  let lastWindowMissed = false;
  repeatWork.steps = 0;
  while (due.at <= horizon) {
    while (p < times.length && times[p]! <= prev) p++;
    lastWindowMissed = !(p < times.length && times[p]! <= due.at);
    if (lastWindowMissed) {
      missed++;
      lastMissed = due;
    } else met++;
    prev = due.at;
    due = dueAfter(j.calendar, due.at, step);
    repeatWork.steps++;
  }
  while (p < times.length && times[p]! <= prev) p++;
  const doneSince = p < times.length && times[p]! <= j.now;
  const ended = end !== undefined && end <= j.now;
  const repeat: RepeatCounts = { every: o.every, until: o.until ?? null, occurrences: met + missed, met, missed, lastMissed, ended };
  const lastTime = times.length ? times[times.length - 1] : undefined;
  let s: ObligationState;
  let shown: DueNumbers | undefined = due;
  let metAt: number | undefined;
  if (ended) {
    // What was not done by a withdrawal is no longer owed; otherwise the duty is over, and the
    // occurrences missed along the way are what is late about it.
    shown = undefined;
    metAt = lastTime ?? end;
    s = cancelled && lastTime === undefined ? 'cancelled' : missed ? 'metLate' : 'met';
    if (s === 'cancelled') metAt = undefined;
  } else if (lastWindowMissed && !doneSince) {
    shown = lastMissed;
    s = 'overdue';
  } else {
    // This occurrence already done: the next one is what is owed.
    if (doneSince) shown = dueAfter(j.calendar, due.at, step);
    const rank = j.calendar.tables.rank;
    s = rank[shown.day - FIRST_DAY]! - j.todayRank <= j.dueSoon ? 'dueSoon' : 'pending';
  }
  return {
    obligation: o,
    stage,
    rule,
    evaluation: shown ? { kind: 'due', due: shown } : first,
    due: shown,
    graceEnd: undefined,
    metAt,
    state: s,
    repeat,
  };
}
