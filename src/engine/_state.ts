// The fold's state of a case, and the small steps every move is made of. @internal throughout.

import type { BypassRule, Subject } from '../protocol/schema.js';
import { describe } from '../time/_days.js';
import { toEpochMs } from '../time/instant.js';
import { TimeError } from '../time/timeError.js';
import type { CompiledStage } from './_compile.js';
import type { RefusalCode } from './refusals.js';
import type { Attendee } from './types.js';

export interface Visit {
  readonly stage: CompiledStage;
  readonly enteredAt: number;
  leftAt: number | undefined;
}

export type Phase = 'open' | 'resolved' | 'withdrawn' | 'exited' | 'closed';

export interface State {
  readonly subject: Subject;
  readonly openedAt: number;
  readonly arose: number;
  readonly agencies: { readonly raising: string; readonly receiving: string };
  phase: Phase;
  /** How the case left "open" (kept once it is closed, so closing never changes what was owed). */
  endedAs: 'resolved' | 'withdrawn' | 'exited' | undefined;
  readonly visits: Visit[];
  /**
   * When each stage was entered and completed (epoch ms), by the stage's index; a skipped stage counts
   * as both at the moment it was skipped. Arrays, not maps: a case has a handful of stages, and a
   * sweep would otherwise build two maps per case.
   */
  readonly entered: (number | undefined)[];
  readonly completed: (number | undefined)[];
  /** Each stage's obligation ids for the case's subject, by stage index (the compiled lists, shared; #15). */
  readonly stageIds: readonly (readonly string[])[];
  /** Each stage's running list of its subject's obligation ids from the first stage (the compiled lists, shared; see activeList). */
  readonly stagePrefixes: readonly (readonly string[] | undefined)[];
  /** The protocol's stages by id (the compiled index, shared), to read `entered:<stage>` anchors. */
  readonly stageById: ReadonlyMap<string, CompiledStage>;
  /** The protocol's record ids → their place in it (the compiled index, shared): where `made` keeps each. */
  readonly recordIndex: ReadonlyMap<string, number>;
  /**
   * Each record's makings by its place in the protocol (see {@link Made}), read by id through
   * {@link madeOf}. One array rather than a map by id as well: a sweep would build a map per case.
   */
  readonly made: (Made | undefined)[];
  /**
   * The places in `made` in the order each record was first made (what `attendance` lists by); kept
   * only when the protocol checks attendance, as nothing else reads it (#15: it was grown for every case).
   */
  readonly madeOrder: number[];
  /** Obligation or rule id → when it was fulfilled (first time). Written through {@link setIn}. */
  fulfilled: ReadonlyMap<string, number>;
  /** #12 part B: a repeating obligation's id → every time it was fulfilled, in order. Written through {@link setIn}. */
  fulfilments: ReadonlyMap<string, number[]>;
  readonly bypasses: { rule: BypassRule; at: number }[];
  /**
   * The ids of the obligations that exist so far, as the lists they came in (a stage's ids when it is
   * entered, a rule's when it is invoked, an arising duty's copies): read through {@link activeIds},
   * so that a case that never names one pays for no set.
   */
  readonly activeFrom: (readonly string[])[];
  /** {@link activeFrom} as a set, brought up to date on demand; `activeSeen` lists are in it. */
  activeSet: Set<string> | undefined;
  activeSeen: number;
  exitedTo: string | undefined;
  lastAt: number;
  // #12 part A: the disputed decision (construct 6), the case's facts (4), what happened (3), warnings (5).
  /** When the disputed decision or action happened (the `disputedDecision` anchor), if the opening gave it. */
  readonly decidedAt: number | undefined;
  /** Fact id → its value: from the opening's `facts` and `flags`, then `noted` events. Written through {@link setIn}. */
  facts: ReadonlyMap<string, string | boolean>;
  /** The resolutions, escalations, withdrawals and bypasses some arising duty arises from, in order. */
  readonly happened: Happening[];
  /** How many happenings so far matched each of the protocol's arising duties, by the duty's index. */
  readonly arisingCounts: number[];
  /** Advice the case was opened or moved with despite (a `should` precondition not confirmed). */
  readonly warnings: { readonly code: string; readonly message: string; readonly event: number }[];
}

/** One thing that happened to the case that a duty can arise from (#12 construct 3). */
export interface Happening {
  readonly on: 'resolved' | 'withdrawn' | 'escalated' | 'bypassed';
  /** The stage resolved at or escalated into, or the rule invoked. */
  readonly ref: string;
  readonly at: number;
}

/** The makings of the record with this id, if it was made (none for an id the protocol does not have). */
export function madeOf(state: State, id: string): Made | undefined {
  const index = state.recordIndex.get(id);
  return index === undefined ? undefined : state.made[index];
}

/**
 * The value of a case's `fulfilled`, `fulfilments` and `facts` until their first entry: most cases
 * never have one, and a sweep would otherwise build three empty maps per case. Never written: every
 * write goes through {@link setIn}, which gives the case its own map first.
 */
export const NO_ENTRIES: ReadonlyMap<string, never> = new Map<string, never>();

type MapField = 'fulfilled' | 'fulfilments' | 'facts';
type ValueOf<K extends MapField> = State[K] extends ReadonlyMap<string, infer V> ? V : never;

/** Sets `key` in one of the case's lazily made maps. */
export function setIn<K extends MapField>(state: State, field: K, key: string, value: ValueOf<K>): void {
  let map = state[field] as ReadonlyMap<string, ValueOf<K>>;
  if (map === NO_ENTRIES) state[field] = (map = new Map()) as State[K];
  (map as Map<string, ValueOf<K>>).set(key, value);
}

export class Refused {
  constructor(
    readonly code: RefusalCode,
    readonly message: string,
  ) {}
}

export const refuse = (code: RefusalCode, message: string): never => {
  throw new Refused(code, message);
};

export function text(value: unknown, field: string, type: string): string {
  // Text that starts with a printable ASCII character cannot trim to nothing: no trim is needed to know.
  if (typeof value === 'string' && value.charCodeAt(0) > 32 && value.charCodeAt(0) < 127) return value;
  if (typeof value !== 'string' || !value.trim())
    refuse('engine/invalid-event', `A "${type}" event needs "${field}" as non-empty text, got ${describe(value)}.`);
  return value as string;
}

// An event's instant fields are read with no path: a refusal keeps only the error's message, which
// names the field itself (#15: no lookup of the field's path per instant).
const NO_PATH: readonly string[] = Object.freeze([]);

export function instant(value: unknown, field: string): number {
  try {
    return toEpochMs(value, NO_PATH);
  } catch (error) {
    if (error instanceof TimeError) return refuse('engine/invalid-event', `"${field}": ${error.message}`);
    throw error;
  }
}

/** The visit the case is in (or ended in); an open case always has one. #15: an index, not `at(-1)`'s call. */
export const lastVisit = (state: State): Visit => state.visits[state.visits.length - 1]!;

export function enter(state: State, stage: CompiledStage, at: number): void {
  const visits = state.visits;
  const current = visits.length ? visits[visits.length - 1] : undefined;
  if (current) {
    current.leftAt = at;
    state.completed[current.stage.index] = at;
  }
  state.visits.push({ stage, enteredAt: at, leftAt: undefined });
  state.entered[stage.index] = at;
  state.activeFrom.push(state.stageIds[stage.index]!);
}

/** The ids of the obligations that exist so far, as a set (for checking a "fulfilled" event). */
export function activeIds(state: State): ReadonlySet<string> {
  const set = (state.activeSet ??= new Set());
  for (; state.activeSeen < state.activeFrom.length; state.activeSeen++) for (const id of state.activeFrom[state.activeSeen]!) set.add(id);
  return set;
}

/** The ids of the obligations that exist so far, each once, in the order they came to exist. */
export function activeList(state: State): string[] {
  if (state.activeSet) return [...activeIds(state)];
  // #15: a case whose active lists are its first stages' own, in order (opened at the first stage,
  // escalated one at a time, nothing else made active: most), has them as one list compile made.
  const from = state.activeFrom;
  const prefix = from.length ? state.stagePrefixes[from.length - 1] : undefined;
  if (prefix !== undefined && sameLists(from, state.stageIds)) return prefix.slice();
  const out: string[] = [];
  for (const ids of state.activeFrom) for (const id of ids) out.push(id);
  // Ids are unique within a protocol, but a hand-built one may repeat an id, and a rule invoked
  // twice is listed twice: the set then keeps the first of each, as listing it always has.
  return hasRepeat(out) ? [...activeIds(state)] : out;
}

// The same lists, not lists with the same ids: each is one the case was given, so the same list has
// the same ids whichever stage it is, and the concatenation is the same.
function sameLists(from: readonly (readonly string[])[], stages: readonly (readonly string[])[]): boolean {
  for (let i = 0; i < from.length; i++) if (from[i] !== stages[i]) return false;
  return true;
}

// A short list is checked pairwise, which allocates nothing; a long one through a set.
function hasRepeat(ids: readonly string[]): boolean {
  if (ids.length > 32) return new Set(ids).size < ids.length;
  for (let i = 1; i < ids.length; i++) for (let k = 0; k < i; k++) if (ids[i] === ids[k]) return true;
  return false;
}

export function leaveFor(stages: readonly CompiledStage[], state: State, target: CompiledStage, at: number): void {
  const from = lastVisit(state).stage.index;
  // A skipped stage is taken as entered and completed at the moment the case jumped over it, so
  // timescales measured from it ("5 working days of the completion of Stage 2") still resolve.
  for (let i = from + 1; i < target.index; i++) {
    const skipped = stages[i]!;
    state.entered[skipped.index] = at;
    state.completed[skipped.index] = at;
  }
  enter(state, target, at);
}

export function end(state: State, phase: 'resolved' | 'withdrawn' | 'exited', at: number): void {
  const current = lastVisit(state);
  if (current.leftAt === undefined) {
    current.leftAt = at;
    state.completed[current.stage.index] = at;
  }
  state.phase = phase;
  state.endedAs = phase;
} /**
 * Each time one record was made, in order, as parallel arrays: when it was recorded, when what it
 * records happened (occurredAt, else at), and its party and attendees (slot i is the i-th making;
 * the last two arrays are made only once a record has either). #15: an object per making, alive for
 * the whole fold, made the cost per event grow with the length of the log (the collector copied them).
 */
export interface Made {
  readonly at: number[];
  /** The same list as `at` while every making happened when it was recorded, and until a second one (#15). */
  occurred: number[];
  parties?: (string | undefined)[];
  attendees?: (readonly Attendee[] | undefined)[];
}
