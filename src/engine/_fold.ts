// The case as a pure fold of its events. `apply` is the single place where a move is accepted or
// refused: applyEvent, status and replay all go through `fold`, so they can never disagree. Each
// construct keeps its own logic beside this loop: the opening (_open.ts), the moves (_moves.ts),
// corrections (_voided.ts) and the point of view "now" (_asOf.ts).

import { describe } from '../time/_days.js';
import { formatLondon } from '../time/_london.js';
import { toEpochMs } from '../time/instant.js';
import { afterCut, checkCase } from './_asOf.js';
import type { Compiled } from './_compile.js';
import { MOVES, allowedMoves, escalated, move, recorded } from './_moves.js';
import { open } from './_open.js';
import { Refused, instant, refuse, type State } from './_state.js';
import { NO_VOIDS, checkVoid, voidedEvents } from './_voided.js';
import { refusal, type Refusal } from './refusals.js';
import type { Case, CaseEvent } from './types.js';

export { allowedMoves } from './_moves.js';
export type { State, Visit } from './_state.js';

const TYPES = ['opened', ...Object.keys(MOVES), 'voided'];

export interface FoldOptions {
  /** An event to fold after the case's own (applyEvent's new event). */
  readonly extra?: CaseEvent | undefined;
  /** The point of view: events dated after it do not count. */
  readonly cut?: number | undefined;
}

export interface Folded {
  readonly state: State | undefined;
  readonly refusal?: Refusal;
}

/**
 * Applies one event to a state the fold owns (mutating it), or throws Refused. `events`, `index` and
 * `voids` are what a correction is checked against (#15: arguments, not a context object per fold).
 */
function apply(
  c: Compiled,
  state: State | undefined,
  raw: Record<string, unknown>,
  at: number,
  events: readonly unknown[],
  index: number,
  voids: ReadonlyMap<number, number>,
): State {
  const type = raw.type as string;
  if (!state) {
    if (type !== 'opened') return refuse('engine/not-opened', `The first event must open the case ("type": "opened"), not "${type}".`);
    return open(c, raw, at);
  }
  if (type === 'opened')
    return refuse(
      'engine/already-opened',
      'This case is already open; a case has one "opened" event. Start a new case for a new disagreement.',
    );
  // A correction is accepted whatever the case's phase: closing a case does not make its log right.
  if (type === 'voided') checkVoid(events, index, raw, voids);
  else if (state.phase === 'closed')
    return refuse('engine/closed', 'This case is closed; no further event is accepted. Open a new case if the disagreement returns.');
  if (at < state.lastAt)
    return refuse(
      'engine/time-went-backwards',
      `This event is dated before the previous one; events must be appended in time order (the last was at ${formatLondon(state.lastAt)}).`,
    );
  // #15: a sweep's two commonest moves called from here, one call an event fewer than through `move`.
  if (type === 'recorded') recorded(c, state, raw, at);
  else if (type === 'escalated') escalated(c, state, raw, at);
  else if (type !== 'voided') move(type, c, state, raw, at);
  state.lastAt = at;
  return state;
}

/** Reads an event's shape, or throws Refused; its time is then `instant(raw.at, 'at')`. */
function read(event: unknown): Record<string, unknown> {
  if (event === null || typeof event !== 'object' || Array.isArray(event))
    return refuse('engine/invalid-event', `An event is an object with "type" and "at", got ${describe(event)}.`);
  const raw = event as Record<string, unknown>;
  const type = raw.type;
  // #15: the two types a log is mostly made of are known at a glance, without a search of the list.
  if (type !== 'recorded' && type !== 'escalated' && !TYPES.includes(type as string))
    return refuse('engine/invalid-event', `Unknown event type ${describe(raw.type)}; use one of ${TYPES.join(', ')}.`);
  return raw;
}

const readAt = (v: unknown): number => toEpochMs(v);

const NO_OPTIONS: FoldOptions = Object.freeze({});

/** Folds a case's events; returns the state, or the refusal of the first bad event. */
export function fold(c: Compiled, kase: Case, options: FoldOptions = NO_OPTIONS): Folded {
  return foldCut(c, kase, options.extra, options.cut);
}

/** {@link fold} with its options as arguments: status folds every case of a sweep (#15: no object a case). */
export function foldCut(c: Compiled, kase: Case, extra: CaseEvent | undefined, cut: number | undefined): Folded {
  const bad = checkCase(c, kase);
  if (bad) return { state: undefined, refusal: bad };
  const events: readonly unknown[] = extra === undefined ? kase.events : [...kase.events, extra];
  // Most logs correct nothing, so they are folded as if none of their events were voided, which is
  // exact while no "voided" event turns up. One that does, or a stop (the cut, a refusal) before the
  // end of a log with a "voided" event still to come, which could void what stopped it, folds again
  // knowing what is voided (#15: a sweep no longer reads every log twice).
  return foldFrom(c, events, NO_VOIDS, cut, true) ?? foldFrom(c, events, voidedEvents(events, readAt, cut), cut, false)!;
}

const isVoided = (event: unknown): boolean => (event as { type?: unknown } | null)?.type === 'voided';
const voidedFrom = (events: readonly unknown[], from: number): boolean => {
  for (let i = from; i < events.length; i++) if (isVoided(events[i])) return true;
  return false;
};

/** The fold with `voids`; undefined when they were only `assumed` (none) and that may be wrong. */
function foldFrom(
  c: Compiled,
  events: readonly unknown[],
  voids: ReadonlyMap<number, number>,
  cut: number | undefined,
  assumed: boolean,
): Folded | undefined {
  let state: State | undefined;
  // Most logs void nothing: no lookup per event in the shared empty map (#15).
  const voiding = voids !== NO_VOIDS;
  for (let i = 0; i < events.length; i++) {
    if (voiding && voids.has(i)) continue;
    try {
      const raw = read(events[i]);
      if (assumed && raw.type === 'voided') return undefined;
      const at = instant(raw.at, 'at');
      // Events not voided run forward in time, so the first one after the cut ends the case's past.
      if (afterCut(at, cut)) return assumed && voidedFrom(events, i + 1) ? undefined : { state };
      state = apply(c, state, raw, at, events, i, voids);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      if (assumed && voidedFrom(events, i + 1)) return undefined;
      return { state, refusal: refusal(error.code, error.message, i, allowedMoves(c, state)) };
    }
  }
  return { state };
}
