// A protocol indexed for the engine: built once per protocol object (protocols from parseProtocol are
// frozen, so the index can never go stale) and shared by every case evaluated against it.

import { allowsNext } from '../protocol/check.js';
import type { CalendarLike } from '../time/calendar.js';
import type { Arising, BypassRule, Obligation, Protocol, RecordType, Role, Stage, Subject, Variant } from '../protocol/schema.js';
import { SUBJECTS } from '../protocol/schema.js';
import type { Owed } from './_obligations.js';
import { canMatch } from './_arising.js';
import type { Happening } from './_state.js';
import { owed } from './_parties.js';
import { protocolDigest } from '../protocol/digest.js';
import { createCalendar, resolveCalendar, type Calendar, type Closure } from '../time/calendar.js';
import type { OwnerSummary, RequiredRecord } from './types.js';
import { planStages, type Plan } from './_judging.js';

export interface CompiledStage {
  readonly id: string;
  readonly index: number;
  readonly stage: Stage;
  readonly next: CompiledStage | undefined;
  readonly skips: ReadonlySet<string>;
  readonly owners: ReadonlyMap<Subject, readonly Role[]>;
  readonly obligations: ReadonlyMap<Subject, readonly Obligation[]>;
  readonly requires: readonly RecordType[];
  /** The variants that can apply to each subject, in order (#12: a variant may depend on a fact). */
  readonly candidates: ReadonlyMap<Subject, readonly Variant[]>;
  /** Whether a variant has an `if`, so the choice is made per case, not here. */
  readonly conditional: boolean;
  /** Every obligation id a case at this stage could have (any candidate variant, each party's copy). */
  readonly obligationIds: ReadonlyMap<Subject, readonly string[]>;
  /** The tracked obligations of `obligations` (each party's copy), flattened once; for a stage that is not `conditional`. */
  readonly owed: ReadonlyMap<Subject, readonly Owed[]>;
  /** `owners` as status shows them, shared and frozen; for a stage that is not `conditional`. */
  readonly ownersShown: ReadonlyMap<Subject, readonly OwnerSummary[]>;
  /** The rows of `requires` as status shows them while not made; for a stage without `requiresIf`. */
  readonly rows: RecordRows;
  /**
   * Where an escalation that names no `to` goes: the stage `stageById` gives for `next`'s id, as a
   * `to` naming it would (#15: found once per protocol, not once per escalation). Set once, by
   * `compile`, when `stageById` exists.
   */
  escalatesTo: CompiledStage | undefined;
}

/**
 * A stage's required records as status shows each while it is not made (shared and frozen, the
 * same for every case), with each record's place in the protocol beside it (`State.made`).
 */
export interface RecordRows {
  readonly rows: readonly RequiredRecord[];
  readonly indexes: readonly number[];
}

/** @internal The {@link RecordRows} of records a stage requires. */
export function recordRows(stage: string, types: readonly RecordType[], recordIndex: ReadonlyMap<string, number>): RecordRows {
  const rows = types.map((type) =>
    Object.freeze({
      stage,
      record: type.id,
      title: type.title,
      made: false,
      at: null,
      noChildOrFamilyDetails: type.noChildOrFamilyDetails ?? false,
    }),
  );
  return { rows, indexes: types.map((type) => recordIndex.get(type.id)!) };
}

export interface Compiled {
  readonly protocol: Protocol;
  readonly stages: readonly CompiledStage[];
  readonly stageById: ReadonlyMap<string, CompiledStage>;
  readonly entryStages: readonly CompiledStage[];
  readonly roles: ReadonlyMap<string, Role>;
  readonly records: ReadonlyMap<string, RecordType>;
  /** Record id → its place in `protocol.records`, where a case keeps its makings (`State.made`). */
  readonly recordIndex: ReadonlyMap<string, number>;
  readonly rules: ReadonlyMap<string, BypassRule>;
  /** Obligation id → the stage it belongs to (any variant). */
  readonly obligationStage: ReadonlyMap<string, CompiledStage>;
  readonly subjects: ReadonlySet<Subject>;
  /**
   * Per subject the protocol covers (each one of `SUBJECTS`): each stage's `obligationIds` for it, by
   * the stage's index. A case reads its subject's once (#15: not a lookup per stage it enters).
   */
  readonly stageIds: ReadonlyMap<Subject, readonly (readonly string[])[]>;
  /** The stage a case opens at when its opening names none: `stageById`'s for the first stage's id. */
  readonly firstStage: CompiledStage | undefined;
  readonly calendar: Calendar;
  /** Shared, frozen lists for status and refusals, built once rather than per case. */
  readonly recordIds: readonly string[];
  readonly obligationIds: readonly string[];
  readonly ruleIds: readonly string[];
  readonly bypassSummaries: readonly { readonly id: string; readonly trigger: string; readonly action: string }[];
  /** Role id → { id, title, side } as status shows an owner, shared and frozen. */
  readonly ownerSummaries: ReadonlyMap<string, OwnerSummary>;
  /** The protocol's id and version as status shows them, shared and frozen. */
  readonly pin: { readonly id: string; readonly version: string };
  /** The protocol's arising duties (none: empty), the list `arisingOn` indexes, read once at compile. */
  readonly arising: readonly Arising[];
  /**
   * For each kind of happening, the places in `arising` of the duties that can arise from one:
   * those whose `on` is that kind or `<kind>:...`, and any whose `on` is not text (see canMatch).
   * #15: an escalation, in most protocols, looks at no duty at all.
   */
  readonly arisingOn: Readonly<Record<Happening['on'], readonly number[]>>;
  /** Whether any record type has an `attendance` requirement (most protocols have none). */
  readonly hasAttendance: boolean;
  /** The protocol's content digest, computed on first use (most sweeps never need it twice). */
  readonly digest: string;
  /**
   * Per subject, by stage index k: the obligation ids of stages 0..k, in order, as one list (what a
   * case that entered them in turn, with nothing else made active, lists as active); undefined where
   * that list repeats an id (#15).
   */
  readonly stagePrefixes: ReadonlyMap<Subject, readonly (readonly string[] | undefined)[]>;
  // judging (#15)
  /** Per subject, by stage index: how each tracked obligation of the stage is judged (see planStages). */
  readonly plans: ReadonlyMap<Subject, readonly (readonly Plan[] | undefined)[]>;
}

const cache = new WeakMap<Protocol, Compiled>();
const NO_DUTIES: readonly Arising[] = Object.freeze([]);

/** @internal */
export function compile(protocol: Protocol): Compiled {
  const hit = cache.get(protocol);
  if (hit) return hit;
  const roles = new Map(protocol.roles.map((r) => [r.id, r]));
  const records = new Map(protocol.records.map((r) => [r.id, r]));
  const recordIndex = new Map(protocol.records.map((r, i) => [r.id, i]));
  const ownerSummaries = new Map(protocol.roles.map((r) => [r.id, Object.freeze({ id: r.id, title: r.title, side: r.side })]));
  const stages: CompiledStage[] = new Array(protocol.stages.length);
  const obligationStage = new Map<string, CompiledStage>();
  // Built back to front so each stage can point at the one after it.
  for (let index = protocol.stages.length - 1; index >= 0; index--) {
    const stage = protocol.stages[index]!;
    const owners = new Map<Subject, Role[]>();
    const obligations = new Map<Subject, Obligation[]>();
    const candidates = new Map<Subject, Variant[]>();
    const obligationIds = new Map<Subject, string[]>();
    const owedBySubject = new Map<Subject, readonly Owed[]>();
    const ownersShown = new Map<Subject, readonly OwnerSummary[]>();
    for (const subject of protocol.scope.subjects) {
      const mine = stage.variants.filter((v) => v.subjects === undefined || v.subjects.includes(subject));
      const variant = mine.find((v) => v.if === undefined);
      owners.set(
        subject,
        (variant?.owners ?? stage.owners).map((id) => roles.get(id)!),
      );
      ownersShown.set(subject, Object.freeze((variant?.owners ?? stage.owners).map((id) => ownerSummaries.get(id)!)));
      obligations.set(subject, variant?.obligations ?? stage.obligations);
      owedBySubject.set(
        subject,
        (variant?.obligations ?? stage.obligations).flatMap((o) => owed(o)),
      );
      candidates.set(subject, mine);
      const all = [...stage.obligations, ...mine.flatMap((v) => v.obligations ?? [])];
      obligationIds.set(subject, [...new Set(all.flatMap((o) => owed(o).map((x) => x.id)))]);
    }
    const requires = stage.requires.map((id) => records.get(id)!);
    const compiled: CompiledStage = {
      id: stage.id,
      index,
      stage,
      next: allowsNext(protocol, index) ? stages[index + 1] : undefined,
      skips: new Set(stage.skips.map((s) => s.to)),
      owners,
      obligations,
      requires,
      candidates,
      conditional: stage.variants.some((v) => v.if !== undefined),
      obligationIds,
      owed: owedBySubject,
      ownersShown,
      rows: recordRows(stage.id, requires, recordIndex),
      escalatesTo: undefined,
    };
    stages[index] = compiled;
    for (const o of [...stage.obligations, ...stage.variants.flatMap((v) => v.obligations ?? [])]) obligationStage.set(o.id, compiled);
  }
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const arising = protocol.arising ?? NO_DUTIES;
  // Through stageById, not `stage.next` itself: with two stages of one id (a hand-built protocol)
  // the case has always gone to the last of them, as its per-case lookup by id did (#15).
  for (const stage of stages) stage.escalatesTo = stage.next && stageById.get(stage.next.id);
  const stageIds = new Map(
    protocol.scope.subjects.filter((s) => SUBJECTS.includes(s)).map((s) => [s, stages.map((stage) => stage.obligationIds.get(s)!)]),
  );
  const compiled: Compiled = {
    protocol,
    stages,
    stageById,
    entryStages: stages.filter((s) => s.index === 0 || s.stage.entry !== undefined),
    roles,
    records,
    recordIndex,
    rules: new Map(protocol.bypass.map((r) => [r.id, r])),
    obligationStage,
    subjects: new Set(protocol.scope.subjects),
    stageIds,
    stagePrefixes: new Map([...stageIds].map(([subject, lists]) => [subject, prefixLists(lists)])),
    // By id for the same reason as escalatesTo.
    firstStage: stages.length ? stageById.get(stages[0]!.id) : undefined,
    calendar: resolveCalendar(protocol.scope.region),
    recordIds: Object.freeze([...records.keys()]),
    obligationIds: Object.freeze([...obligationStage.keys()]),
    ruleIds: Object.freeze(protocol.bypass.map((r) => r.id)),
    bypassSummaries: Object.freeze(protocol.bypass.map((r) => Object.freeze({ id: r.id, trigger: r.trigger, action: r.action }))),
    ownerSummaries,
    pin: Object.freeze({ id: protocol.id, version: protocol.version }),
    arising,
    arisingOn: {
      resolved: dutiesOn(arising, 'resolved'),
      withdrawn: dutiesOn(arising, 'withdrawn'),
      escalated: dutiesOn(arising, 'escalated'),
      bypassed: dutiesOn(arising, 'bypassed'),
    },
    hasAttendance: protocol.records.some((r) => r.attendance !== undefined),
    get digest() {
      return protocolDigest(protocol);
    },
    // judging (#15)
    plans: planStages(protocol.scope.subjects, stages, stageById, recordIndex, ownerSummaries),
  };
  cache.set(protocol, compiled);
  return compiled;
}

/**
 * Each running concatenation of `lists`; undefined from the first that repeats an id. Not frozen:
 * never handed out, only copied, and V8 copies a frozen array on a slow path.
 */
function prefixLists(lists: readonly (readonly string[])[]): (readonly string[] | undefined)[] {
  const out: (readonly string[] | undefined)[] = [];
  const seen = new Set<string>();
  let ids: string[] | undefined = [];
  for (const list of lists) {
    for (const id of list) {
      if (ids && seen.has(id)) ids = undefined;
      seen.add(id);
      ids?.push(id);
    }
    out.push(ids && [...ids]);
  }
  return out;
}

/** The places in `arising` of the duties that could match a happening of `kind` (see canMatch). */
function dutiesOn(arising: readonly Arising[], kind: Happening['on']): readonly number[] {
  const out: number[] = [];
  // An index loop, not forEach: a hole in a hand-built list is a place too.
  for (let i = 0; i < arising.length; i++) if (canMatch(arising[i], kind)) out.push(i);
  return Object.freeze(out);
}

const byContent = new Map<string, Calendar>();
const CONTENT_CACHE_SIZE = 64;

/** The closures as a key: their content, so a new array with the same days finds the same calendar. */
function closuresKey(region: string, closures: readonly Closure[]): string {
  let key = region;
  for (const closure of closures) {
    key += typeof closure === 'string' ? `\u0000${closure}` : `\u0000${closure?.from}\u0001${closure?.to}\u0001${closure?.name ?? ''}`;
  }
  return key;
}

/**
 * @internal The calendar an engine call uses: the one given, or the protocol's region plus any
 * closures. Options are checked by `_options.ts` first. Calendars with closures are kept by content
 * (the last 64 sets of closures), never by array identity: a sweep that loads the same closures
 * afresh for each case builds one calendar, and an array changed in place is never served stale.
 */
export function engineCalendar(
  c: Compiled,
  options: { readonly calendar?: CalendarLike | undefined; readonly closures?: readonly Closure[] | undefined },
): Calendar {
  if (options.calendar !== undefined) return resolveCalendar(options.calendar);
  const closures = options.closures;
  if (!closures?.length) return c.calendar;
  const region = c.calendar.region;
  const key = closuresKey(region, closures);
  let calendar = byContent.get(key);
  if (!calendar) {
    calendar = createCalendar({ region, closures });
    if (byContent.size >= CONTENT_CACHE_SIZE) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, calendar);
  }
  return calendar;
}
