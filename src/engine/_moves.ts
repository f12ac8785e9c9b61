// What each event does to an open case, and the moves allowed in a state. @internal

import { happen } from './_arising.js';
import { readAttendees } from './_attendance.js';
import type { Compiled } from './_compile.js';
import { holds } from './_conditions.js';
import { noteFact } from './_facts.js';
import { admitPath, pathAllows } from './_path.js';
import { noteFulfilment } from './_repeat.js';
import { activeIds, activeList, end, lastVisit, leaveFor, instant, refuse, setIn, text, type Made, type State } from './_state.js';
import type { BypassRule } from '../protocol/schema.js';
import type { AllowedMove } from './types.js';

/** The moves that are the same for every case of a protocol, built once and frozen (a sweep lists them for every case). */
interface SharedMoves {
  readonly opening: readonly AllowedMove[];
  readonly recorded: AllowedMove;
  readonly closed: AllowedMove;
  readonly noted: AllowedMove | undefined;
  readonly bypassed: AllowedMove | undefined;
  readonly resolved: AllowedMove;
  readonly withdrawn: AllowedMove;
  /** Per stage (by index): escalating to the next stage, and skipping to each target. */
  readonly next: readonly (AllowedMove | undefined)[];
  readonly skips: readonly ReadonlyMap<string, AllowedMove>[];
}

const sharedMoves = new WeakMap<Compiled, SharedMoves>();
const frozen = (move: AllowedMove): AllowedMove => Object.freeze(move);

// The protocol asked about last, kept at hand: a sweep asks about one, and the WeakMap's lookup by
// identity was a measurable part of listing the moves (#15).
let lastCompiled: Compiled | undefined;
let lastShared: SharedMoves | undefined;

function shared(c: Compiled): SharedMoves {
  if (c === lastCompiled) return lastShared!;
  let hit = sharedMoves.get(c);
  if (!hit) sharedMoves.set(c, (hit = buildShared(c)));
  lastCompiled = c;
  lastShared = hit;
  return hit;
}

function buildShared(c: Compiled): SharedMoves {
  return {
    opening: Object.freeze([frozen({ type: 'opened', stages: Object.freeze(c.entryStages.map((s) => s.id)) })]),
    recorded: frozen({ type: 'recorded', records: c.recordIds }),
    closed: frozen({ type: 'closed' }),
    noted: c.protocol.facts?.length ? frozen({ type: 'noted', facts: Object.freeze(c.protocol.facts.map((f) => f.id)) }) : undefined,
    bypassed: c.rules.size ? frozen({ type: 'bypassed', rules: c.ruleIds }) : undefined,
    resolved: frozen({ type: 'resolved' }),
    withdrawn: frozen({ type: 'withdrawn' }),
    next: c.stages.map((s) => (s.next ? frozen({ type: 'escalated', to: s.next.id, skip: false }) : undefined)),
    skips: c.stages.map((s) => new Map([...s.skips].map((to) => [to, frozen({ type: 'escalated', to, skip: true })]))),
  };
}

/**
 * The moves the protocol allows in a state (before the first event: opening). The array is the
 * caller's; the moves in it other than "fulfilled" are shared by every case and frozen.
 */
export function allowedMoves(c: Compiled, state: State | undefined): AllowedMove[] {
  const m = shared(c);
  if (!state) return [...m.opening];
  if (state.phase === 'closed') return [];
  const fulfilled: AllowedMove = { type: 'fulfilled', obligations: activeList(state) };
  if (state.phase !== 'open') return [m.recorded, fulfilled, m.closed];
  const current = lastVisit(state).stage;
  const moves: AllowedMove[] = [];
  // Only what the escalation would accept: a stage whose path condition holds, by a skip whose condition holds.
  if (current.next && pathAllows(current.next, state)) moves.push(m.next[current.index]!);
  if (current.skips.size) {
    for (const to of current.skips) {
      const target = c.stageById.get(to);
      const condition = current.stage.skips.find((k) => k.to === to)?.if;
      if (target && pathAllows(target, state) && (condition === undefined || holds(condition, state)))
        moves.push(m.skips[current.index]!.get(to)!);
    }
  }
  moves.push(m.recorded, fulfilled);
  if (m.noted) moves.push(m.noted);
  if (m.bypassed) moves.push(m.bypassed);
  if (current.stage.canResolve) moves.push(m.resolved);
  moves.push(m.withdrawn);
  return moves;
}

// A rule's id as the one-item list an invoked rule makes active, shared per rule.
const ruleIds = new WeakMap<BypassRule, readonly string[]>();
function idOf(rule: BypassRule): readonly string[] {
  let hit = ruleIds.get(rule);
  if (!hit) ruleIds.set(rule, (hit = Object.freeze([rule.id])));
  return hit;
}

const notOpen = (state: State): never =>
  refuse('engine/not-open', `The case is ${state.phase}; only records, fulfilled obligations and closing are accepted now.`);

type Move = (c: Compiled, state: State, raw: Record<string, unknown>, at: number) => void;

/** One entry per event type after the opening (the opening is `open`, a correction is `_voided.ts`). */
export const MOVES: Readonly<Record<string, Move>> = {
  escalated(c, state, raw, at) {
    if (state.phase !== 'open') notOpen(state);
    const current = lastVisit(state).stage;
    const to = raw.to === undefined ? current.next?.id : text(raw.to, 'to', 'escalated');
    if (to === undefined)
      return refuse(
        'engine/no-next-stage',
        `"${current.id}" is the last stage; there is no stage to escalate to. Resolve the case instead.`,
      );
    const target =
      (raw.to === undefined ? current.escalatesTo : c.stageById.get(to)) ??
      refuse('engine/unknown-stage', `No stage "${to}"; stages are ${[...c.stageById.keys()].join(', ')}.`);
    if (target !== current.next && !current.skips.has(to)) {
      refuse(
        'engine/skip-not-allowed',
        `The protocol does not allow moving from "${current.id}" to "${to}"${current.next ? `; escalate to "${current.next.id}"` : ''}${current.skips.size ? ` or skip to ${[...current.skips].map((s) => `"${s}"`).join(', ')}` : ''}.`,
      );
    }
    // #12 construct 4: a route open only while its condition holds.
    const skip = target === current.next ? undefined : current.stage.skips.find((k) => k.to === to);
    if (skip?.if !== undefined && !holds(skip.if, state))
      refuse(
        'engine/condition-unmet',
        `The skip from "${current.id}" to "${to}" is allowed only when its condition holds${skip.when ? ` (${skip.when})` : ''}; note the fact first or escalate to the next stage.`,
      );
    admitPath(target, state);
    leaveFor(c.stages, state, target, at);
    happen(c, state, { on: 'escalated', ref: target.id, at });
  },
  noted(c, state, raw) {
    noteFact(c, state, raw);
  },
  recorded(c, state, raw, at) {
    const record = text(raw.record, 'record', 'recorded');
    const index = c.recordIndex.get(record);
    if (index === undefined)
      refuse(
        'engine/unknown-record',
        `No record "${record}" in ${c.protocol.id}; records are ${[...c.records.keys()].join(', ') || '(none)'}.`,
      );
    const occurred = raw.occurredAt === undefined ? at : instant(raw.occurredAt, 'occurredAt');
    // #12 construct 1: the party whose own copy of an "each" duty the record meets (every party's when omitted).
    const party = raw.party === undefined ? undefined : text(raw.party, 'party', 'recorded');
    if (party !== undefined && !c.roles.has(party))
      refuse(
        'engine/invalid-event',
        `"party" is a role id of ${c.protocol.id}, got "${party}"; roles are ${[...c.roles.keys()].join(', ')}.`,
      );
    const { attendees } = readAttendees(raw.attendees);
    const made = state.made[index!];
    if (!made) {
      // Most records are made once: arrays of one, not empty arrays grown by a push.
      // #15: when it happened as it was recorded (most), one list is both, until a second making.
      const times = [at];
      const first: Made = { at: times, occurred: occurred === at ? times : [occurred] };
      if (party !== undefined) first.parties = [party];
      if (attendees !== undefined) first.attendees = [attendees];
      state.made[index!] = first;
      if (c.hasAttendance) state.madeOrder.push(index!);
      return;
    }
    const slot = made.at.length;
    if (made.occurred === made.at) made.occurred = made.at.slice();
    made.at.push(at);
    made.occurred.push(occurred);
    if (party !== undefined || made.parties) (made.parties ??= new Array(slot).fill(undefined)).push(party);
    if (attendees !== undefined || made.attendees) (made.attendees ??= new Array(slot).fill(undefined)).push(attendees);
  },
  fulfilled(c, state, raw, at) {
    const id = text(raw.obligation, 'obligation', 'fulfilled');
    if (!activeIds(state).has(id)) {
      refuse(
        'engine/unknown-obligation',
        `No obligation "${id}" is active in this case; name an obligation of a stage the case has reached (for its subject), or a bypass rule already invoked.`,
      );
    }
    if (!state.fulfilled.has(id)) setIn(state, 'fulfilled', id, at);
    noteFulfilment(c, state, id, at);
  },
  bypassed(c, state, raw, at) {
    if (state.phase !== 'open') notOpen(state);
    const id = text(raw.rule, 'rule', 'bypassed');
    const rule =
      c.rules.get(id) ??
      refuse('engine/unknown-rule', `No bypass rule "${id}" in ${c.protocol.id}; rules are ${[...c.rules.keys()].join(', ') || '(none)'}.`);
    state.bypasses.push({ rule, at });
    state.activeFrom.push(idOf(rule));
    happen(c, state, { on: 'bypassed', ref: rule.id, at });
    if (rule.effect.type === 'jumpTo') {
      const target = c.stageById.get(rule.effect.stage)!;
      // A jump only ever moves the case up; a case already at or past the target stays where it is.
      if (target.index > lastVisit(state).stage.index) leaveFor(c.stages, state, target, at);
    } else if (rule.effect.type === 'exitTo') {
      state.exitedTo = rule.effect.procedure;
      end(state, 'exited', at);
    }
  },
  resolved(c, state, raw, at) {
    if (state.phase !== 'open') notOpen(state);
    text(raw.outcome, 'outcome', 'resolved');
    const current = lastVisit(state).stage;
    if (!current.stage.canResolve) {
      refuse(
        'engine/cannot-resolve-here',
        `The protocol does not allow resolving at "${current.id}"${current.next ? `; escalate to "${current.next.id}"` : ''} or withdraw.`,
      );
    }
    end(state, 'resolved', at);
    happen(c, state, { on: 'resolved', ref: current.id, at });
  },
  withdrawn(c, state, _raw, at) {
    if (state.phase !== 'open') notOpen(state);
    const current = lastVisit(state).stage;
    end(state, 'withdrawn', at);
    happen(c, state, { on: 'withdrawn', ref: current.id, at });
  },
  closed(_c, state) {
    if (state.phase === 'open')
      refuse('engine/not-open', 'An open case cannot be closed directly; record "resolved" or "withdrawn" first.');
    state.phase = 'closed';
  },
};

/** The two moves a sweep's logs are mostly made of, for call sites of their own (see {@link move}). */
export const { escalated, recorded } = MOVES as { readonly escalated: Move; readonly recorded: Move };

/** Makes the move of an event of `type`, one of {@link MOVES}' keys. */
export function move(type: string, c: Compiled, state: State, raw: Record<string, unknown>, at: number): void {
  // #15: the two moves a sweep's logs are mostly made of get call sites of their own, which V8 can
  // inline; through the table, every event was a keyed load and an indirect call (measured: 4-5% of
  // the fold, 2-6% of the whole status sweep).
  if (type === 'recorded') recorded!(c, state, raw, at);
  else if (type === 'escalated') escalated!(c, state, raw, at);
  else MOVES[type]!(c, state, raw, at);
}
