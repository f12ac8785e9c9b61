// How each stage duty of a protocol is judged, read once per protocol (#15): every obligation of
// every case in a sweep read its timescale's shape, its duration's text and its anchor's name again.
// Only the common shape is planned, `{ within, from? }` on a frozen timescale whose duration reads;
// everything else (and every hand-built timescale that could still change) is judged as it always
// was, so an odd timescale fails at the same moment with the same error. What an anchor's name
// measures from, and its instant in a case, are read here for both ways of judging. @internal

import type { Subject } from '../protocol/schema.js';
import { toDuration, type Duration } from '../time/duration.js';
import type { CompiledStage } from './_compile.js';
import type { Owed } from './_obligations.js';
import type { OwnerSummary } from './types.js';
import type { State, Visit } from './_state.js';

// What a duty is measured from. NEVER is an anchor a stage duty never has (a stage or record the
// protocol lacks, or `bypassed`, which only a bypass rule's duty has).
const ENTERED = 0;
const AROSE = 1;
const DECIDED = 2;
const OPENED = 3;
const NEVER = 4;
export const STAGE_ENTERED = 5;
export const STAGE_COMPLETED = 6;
export const RECORD = 7;
export const BYPASSED = 8;
type From = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** An anchor's name read once: what it is measured from, and the stage or record it names. */
export interface Anchor {
  readonly kind: From;
  readonly ref: string;
}

// Anchors by their text: a protocol names a few dozen, and every generic obligation of every case
// reads one (planned ones read theirs at compile).
const readAnchors = new Map<string, Anchor>();
const NAMED: ReadonlyMap<string, From> = new Map<string, From>([
  ['stageEntered', ENTERED],
  ['disagreement', AROSE],
  ['disputedDecision', DECIDED],
  ['caseOpened', OPENED],
  ['bypassed', BYPASSED],
]);

/** What an anchor's name measures from. */
export function anchorOf(text: string): Anchor {
  let anchor = readAnchors.get(text);
  if (anchor) return anchor;
  const colon = text.indexOf(':');
  const prefix = text.slice(0, colon);
  // Only a name written whole is one of the named anchors; `<kind>:<ref>` is a stage's entry or
  // completion, and anything else a record's (so `stageEntered:x` waits for a record "x", as ever).
  const named = NAMED.get(text);
  anchor =
    named !== undefined
      ? { kind: named, ref: '' }
      : { kind: prefix === 'entered' ? STAGE_ENTERED : prefix === 'completed' ? STAGE_COMPLETED : RECORD, ref: text.slice(colon + 1) };
  // Bounded: a hand-built protocol could name endless anchors, and these are only a shortcut.
  if (readAnchors.size < 4096) readAnchors.set(text, anchor);
  return anchor;
}

/**
 * An anchor's instant in a case, for a duty of a stage visit (`index`: the stage's index for an
 * entry or completion, the record's place for a record); undefined until it happens. `bypassed` is
 * its caller's to answer.
 */
export function instantOf(kind: From, index: number, state: State, visit: Visit | undefined): number | undefined {
  switch (kind) {
    case ENTERED:
      return visit?.enteredAt;
    case AROSE:
      return state.arose;
    case DECIDED:
      // Without a decision time the two starting events are taken as one (0.1 cases).
      return state.decidedAt ?? state.arose;
    case OPENED:
      return state.openedAt;
    case STAGE_ENTERED:
      return state.entered[index];
    case STAGE_COMPLETED:
      return state.completed[index];
    case RECORD:
      return state.made[index]?.occurred[0];
    default:
      return undefined;
  }
}

/** One tracked obligation of a stage, with its timescale read where it is the common shape. */
export interface Plan {
  readonly owed: Owed;
  /** The timescale's duration; undefined where the obligation is judged the generic way. */
  readonly duration: Duration | undefined;
  /** The anchor's name as written (`waiting` names it, or `default` where there is none). */
  readonly from: string | undefined;
  readonly kind: From;
  /** The stage's index (entered, completed) or the record's place (record). */
  readonly index: number;
  /** Whether it is written `immediately`, graceEnd's test for a grace (see _dueNow.ts). */
  readonly immediate: boolean;
  /** The owner as a status shows it (a lookup by id a row, before). */
  readonly shownOwner: OwnerSummary | undefined;
}

// A property read later gives what it gives now only if it is an own value of a frozen object.
const fixedValue = (o: object, key: string): boolean => {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d !== undefined && 'value' in d;
};

function plan(
  o: Owed,
  stageById: ReadonlyMap<string, CompiledStage>,
  recordIndex: ReadonlyMap<string, number>,
  shownOwner: OwnerSummary | undefined,
): Plan {
  const generic: Plan = {
    owed: o,
    duration: undefined,
    from: undefined,
    kind: NEVER,
    index: -1,
    immediate: false,
    shownOwner,
  };
  try {
    const p = planned(o, stageById, recordIndex);
    return p ? { ...p, shownOwner } : generic;
  } catch {
    // A hand-built timescale that throws when looked at (a proxy) throws where it is judged, as ever.
    return generic;
  }
}

function planned(
  o: Owed,
  stageById: ReadonlyMap<string, CompiledStage>,
  recordIndex: ReadonlyMap<string, number>,
): Omit<Plan, 'shownOwner'> | undefined {
  const t: unknown = o.due;
  if (t === null || typeof t !== 'object' || !Object.isFrozen(t) || !fixedValue(t, 'within')) return undefined;
  // `from` absent is read through the prototype: only Object.prototype's (or none) is left to chance.
  const proto: unknown = Object.getPrototypeOf(t);
  if (proto !== null && proto !== Object.prototype) return undefined;
  if (Object.hasOwn(t, 'from') ? !fixedValue(t, 'from') : 'from' in t) return undefined;
  const { within, from } = t as { within: unknown; from?: unknown };
  if (from !== undefined && typeof from !== 'string') return undefined;
  // A duration that does not read is judged the generic way, which throws its error where it always has.
  const duration: Duration = toDuration(within);
  // Read as anchorAt reads it, then the stage or record it names looked up once.
  const anchor = from === undefined ? undefined : anchorOf(from);
  let kind: From = anchor?.kind ?? ENTERED;
  let index = -1;
  if (kind === STAGE_ENTERED || kind === STAGE_COMPLETED) index = stageById.get(anchor!.ref)?.index ?? -1;
  else if (kind === RECORD) index = recordIndex.get(anchor!.ref) ?? -1;
  if (kind === BYPASSED || ((kind === STAGE_ENTERED || kind === STAGE_COMPLETED || kind === RECORD) && index < 0)) kind = NEVER;
  return { owed: o, duration, from, kind, index, immediate: within === 'immediately' };
}

/**
 * Per subject, by stage index: the plans of each stage's tracked obligations, in `owed`'s order;
 * undefined for a conditional stage (its obligations are chosen per case).
 */
export function planStages(
  subjects: readonly Subject[],
  stages: readonly CompiledStage[],
  stageById: ReadonlyMap<string, CompiledStage>,
  recordIndex: ReadonlyMap<string, number>,
  ownerSummaries: ReadonlyMap<string, OwnerSummary>,
): ReadonlyMap<Subject, readonly (readonly Plan[] | undefined)[]> {
  const out = new Map<Subject, readonly (readonly Plan[] | undefined)[]>();
  // One plan per tracked obligation, whichever subjects share it.
  const byOwed = new Map<Owed, Plan>();
  const planOf = (o: Owed): Plan => {
    let hit = byOwed.get(o);
    if (!hit) byOwed.set(o, (hit = plan(o, stageById, recordIndex, ownerSummaries.get(o.owner))));
    return hit;
  };
  for (const subject of subjects) {
    out.set(
      subject,
      stages.map((s) => (s.conditional ? undefined : s.owed.get(subject)?.map(planOf))),
    );
  }
  return out;
}
