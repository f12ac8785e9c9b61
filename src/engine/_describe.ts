// A folded case as the status an integrator shows. @internal

import { formatLondon } from '../time/_london.js';
import { notBeforeMoment } from './_dueNow.js';
import type { Calendar } from '../time/calendar.js';
import { showDue } from '../time/duration.js';
import type { DueNumbers } from '../time/timescale.js';
import { attendanceUnmet } from './_attendance.js';
import { recordRows, type Compiled } from './_compile.js';
import { requiredRecords, stageOwners } from './_conditions.js';
import { allowedMoves } from './_moves.js';
import { eachObligation, madeFor, type Judge, type Judged } from './_obligations.js';
import { lastVisit, type State } from './_state.js';
import { DAY_COUNT, FIRST_DAY } from '../time/_days.js';
import { endOfDayEpoch } from '../time/workingDays.js';
import type { CaseStatus, DueAt, ObligationStatus, RequiredRecord } from './types.js';

// A due date past the calendar's confirmed holidays is marked provisional. Due dates at the end of a
// day (nearly all of them) are shared, frozen, per calendar and day: a sweep shows the same few
// hundred due dates for every case, and each would otherwise be two new strings and an object.
// The list is dense, one slot per supported day (filled, not grown: an array grown at a far index
// becomes a hash table), and the calendar used last is kept at hand, as a sweep uses one. A filled
// slot keeps the instant it was made for, so a repeat is known by one comparison, without working
// out the day's end again (#15); the instants live in the filled slots only, not in a second table
// of every day per calendar.
interface Shown {
  readonly at: number;
  readonly due: DueAt;
}
const shownByDay = new WeakMap<Calendar, (Shown | undefined)[]>();
let lastCalendar: Calendar | undefined;
let lastShown: (Shown | undefined)[] = [];
function show(d: DueNumbers | undefined, calendar: Calendar): DueAt | null {
  if (!d) return null;
  if (calendar !== lastCalendar) {
    let days = shownByDay.get(calendar);
    if (!days) shownByDay.set(calendar, (days = new Array<Shown | undefined>(DAY_COUNT).fill(undefined)));
    lastCalendar = calendar;
    lastShown = days;
  }
  const i = d.day - FIRST_DAY;
  const hit = lastShown[i];
  if (hit !== undefined && hit.at === d.at) return hit.due;
  if (!(i >= 0 && i < DAY_COUNT) || d.at !== endOfDayEpoch(calendar, d.day)) return showDue(calendar, d);
  const due = Object.freeze(showDue(calendar, d));
  lastShown[i] = { at: d.at, due };
  return due;
}
const iso = (ms: number | undefined): string | null => (ms === undefined ? null : formatLondon(ms));

/** The agency on a side of the case: the raising or receiving agency; none for an independent role or an unstated side. */
export function agencyOf(state: State, side: string): string | null {
  return side === 'raising' ? state.agencies.raising : side === 'receiving' ? state.agencies.receiving : null;
}

function obligationStatus(c: Compiled, state: State, j: Judged, now: number, calendar: Calendar): ObligationStatus {
  const { obligation: o, evaluation: e } = j;
  // #15: a planned duty's owner was read at compile; a lookup by id a row was 1.5% of a sweep.
  const owner = j.shownOwner ?? c.ownerSummaries.get(o.owner)!;
  const status: ObligationStatus = {
    id: o.id,
    stage: j.stage,
    rule: j.rule,
    action: o.action,
    owner,
    agency: agencyOf(state, owner.side),
    due: show(j.due, calendar),
    target: e.kind === 'due' ? show(e.target, calendar) : e.kind === 'aim' ? show(e.target, calendar) : null,
    targetMissed: e.kind === 'due' && e.target ? (j.metAt ?? now) > e.target.at : e.kind === 'aim' ? (j.metAt ?? now) > e.target.at : null,
    waitingFor: e.kind === 'waiting' ? e.anchors : NONE,
    state: j.state,
    metAt: iso(j.metAt),
    record: o.record ?? null,
    // #12 part B: the partnership's assumption, "at" moments and repeating duties.
    assumed: e.kind === 'due' && e.assumed !== undefined,
    words: e.kind === 'none' ? e.words : e.kind === 'due' && e.assumed ? e.assumed.words : null,
    notBefore: e.kind === 'due' && e.notBefore === true,
    early: e.kind === 'due' && e.notBefore ? j.metAt !== undefined && j.metAt < notBeforeMoment(e.due) : null,
    repeat: j.repeat ? { ...j.repeat, lastMissed: show(j.repeat.lastMissed, calendar) } : null,
  };
  // Joint owners, a modality and the happening a duty arose from are shown after its record, where
  // they have always been: the rarer shape, rebuilt around them. Every other duty is the one literal.
  if (!o.together && o.modality !== 'should' && o.modality !== 'may' && !j.arising) return status;
  const { assumed, words, notBefore, early, repeat, ...head } = status;
  return {
    ...head,
    ...(o.together ? { together: o.together.map((id) => c.ownerSummaries.get(id)!) } : {}),
    ...(o.modality === 'should' || o.modality === 'may' ? { modality: o.modality } : {}),
    ...(j.arising ? { arising: { on: j.arising.on, at: formatLondon(j.arising.at) } } : {}),
    assumed,
    words,
    notBefore,
    early,
    repeat,
  };
}

const NONE: readonly string[] = Object.freeze([]);

/** Builds the status of a folded case; `nowText` is `now` formatted (a sweep formats it once). */
export function describeState(c: Compiled, state: State, j: Judge, nowText: string): CaseStatus {
  const obligations: ObligationStatus[] = [];
  let overdue = 0;
  let dueSoon = 0;
  let dueNow = 0;
  eachObligation(c, state, j, (judged) => {
    obligations.push(obligationStatus(c, state, judged, j.now, j.calendar));
    if (judged.state === 'overdue') overdue++;
    else if (judged.state === 'dueSoon') dueSoon++;
    else if (judged.state === 'dueNow') dueNow++;
  });
  const records: RequiredRecord[] = [];
  const missingRecords: RequiredRecord[] = [];
  // Mapped, not pushed: an array grown by push from empty has room for 16.
  const history = state.visits.map((visit) => ({
    stage: visit.stage.id,
    enteredAt: formatLondon(visit.enteredAt),
    leftAt: iso(visit.leftAt),
  }));
  for (const visit of state.visits) {
    // A stage whose requirements have conditions has rows of its own for each case.
    const { rows, indexes } = visit.stage.stage.requiresIf?.length
      ? recordRows(visit.stage.id, requiredRecords(c, visit, state), c.recordIndex)
      : visit.stage.rows;
    for (let i = 0; i < rows.length; i++) {
      const unmade = rows[i]!;
      const at = madeFor(state.made[indexes[i]!], visit.enteredAt);
      if (at === undefined) {
        records.push(unmade);
        missingRecords.push(unmade);
      } else
        records.push({
          stage: unmade.stage,
          record: unmade.record,
          title: unmade.title,
          made: true,
          at: formatLondon(at),
          noChildOrFamilyDetails: unmade.noChildOrFamilyDetails,
        });
    }
  }
  const current = lastVisit(state);
  const status: CaseStatus = {
    protocol: c.pin,
    now: nowText,
    phase: state.phase,
    subject: state.subject,
    stage: {
      id: current.stage.id,
      title: current.stage.stage.title,
      enteredAt: formatLondon(current.enteredAt),
      owners: current.stage.conditional
        ? stageOwners(c, current.stage, state).map((r) => c.ownerSummaries.get(r.id)!)
        : current.stage.ownersShown.get(state.subject)!,
    },
    agencies: state.agencies,
    history,
    obligations,
    records,
    missingRecords,
    allowed: allowedMoves(c, state),
    bypassRules: state.phase === 'open' ? c.bypassSummaries : [],
    bypasses: state.bypasses.map((b) => ({ rule: b.rule.id, at: formatLondon(b.at), effect: b.rule.effect.type })),
    exitedTo: state.exitedTo ?? null,
    attendance: attendanceUnmet(c, state),
    counts: { overdue, dueSoon, dueNow, missingRecords: missingRecords.length },
  };
  if (!state.warnings.length) return status;
  // Warnings sit before attendance, where they have always been shown.
  const { attendance, counts, ...before } = status;
  return { ...before, warnings: state.warnings, attendance, counts };
}
