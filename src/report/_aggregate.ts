// The running totals of a report: one set of cells per protocol version plus the cross-protocol
// ones, updated case by case so that no case or status is kept.

import type { ObligationStatus } from '../engine/types.js';
import { ROLE_SIDES, type Protocol, type Subject } from '../protocol/schema.js';
import type { CalendarLike } from '../time/calendar.js';
import { workingDaysBetween } from '../time/workingDays.js';
import type { CaseFacts, Outcome } from './_case.js';
import { Histogram } from './_stats.js';
import { cell, type Cell } from './_suppress.js';

export const OUTCOMES = ['resolved', 'withdrawn', 'exited', 'open'] as const;
export const STATES = ['met', 'metLate', 'overdue', 'open', 'cancelled'] as const;

/** @internal */
export type CasesCells = Record<'opened' | Outcome, Cell>;
/** @internal */
export type TimelyCells = Record<(typeof STATES)[number] | 'total', Cell>;

export const casesCells = (): CasesCells => ({ opened: cell(), resolved: cell(), withdrawn: cell(), exited: cell(), open: cell() });
export const timelyCells = (): TimelyCells => ({
  met: cell(),
  metLate: cell(),
  overdue: cell(),
  open: cell(),
  cancelled: cell(),
  total: cell(),
});

/** @internal Working days and how many there were (the count is a cell of its own, for suppression). */
export interface DaysCells {
  readonly cases: Cell;
  readonly days: Histogram;
}
const daysCells = (): DaysCells => ({ cases: cell(), days: new Histogram() });

/** @internal */
export interface StageCells {
  readonly id: string;
  readonly title: string;
  readonly index: number;
  readonly reached: Cell;
  readonly highest: Cell;
  readonly openAt: Cell;
  readonly time: DaysCells;
  /** Stage owners, by subject, that a concern at this stage is raised with (for the agency log). */
  readonly raisedWith: ReadonlyMap<Subject, string>;
}

/** @internal A record missing at a stage, counted. */
export interface MissingCells {
  readonly stage: string;
  readonly record: string;
  readonly title: string;
  readonly cell: Cell;
}

/** @internal */
export interface ProtocolCells {
  readonly protocol: Protocol;
  readonly cases: CasesCells;
  readonly stages: ReadonlyMap<string, StageCells>;
  readonly toResolution: DaysCells;
  readonly obligations: TimelyCells;
  /** Keyed by stage id, '' for bypass rules' urgent actions. */
  readonly byStage: Map<string, TimelyCells>;
  readonly byObligation: Map<string, { readonly stage: string | null; readonly cells: TimelyCells }>;
  readonly bySide: Map<string, TimelyCells>;
  readonly bypasses: ReadonlyMap<string, Cell>;
  /** Records missing at a stage, in the order first seen. */
  readonly missing: MissingCells[];
  /** The same entries by stage, then record: found without building a key string for every case. */
  readonly missingByStage: Map<string, Map<string, MissingCells>>;
  readonly sideOf: ReadonlyMap<string, string>;
  readonly calendar: CalendarLike;
}

// An unstated side (#12 part B) gets its row only when an obligation has one (getOr adds it), so
// reports over files without it stay as they were.
export const sidesMap = (): Map<string, TimelyCells> =>
  new Map(ROLE_SIDES.filter((side) => side !== 'unstated').map((side) => [side, timelyCells()]));

/** @internal Empty cells for every stage, obligation, rule and side of a protocol, in the protocol's order. */
export function protocolCells(protocol: Protocol, calendar: CalendarLike): ProtocolCells {
  const roles = new Map(protocol.roles.map((r) => [r.id, r]));
  const stages = new Map<string, StageCells>();
  const byStage = new Map<string, TimelyCells>();
  const byObligation = new Map<string, { stage: string | null; cells: TimelyCells }>();
  protocol.stages.forEach((stage, index) => {
    const raisedWith = new Map<Subject, string>();
    for (const subject of protocol.scope.subjects) {
      const owners = (
        stage.variants.find((v) => v.if === undefined && (v.subjects?.includes(subject) ?? true))?.owners ?? stage.owners
      ).map((id) => roles.get(id)!);
      const receiving = owners.filter((r) => r.side === 'receiving');
      const independent = owners.filter((r) => r.side === 'independent');
      // A stage worked within the raising agency (a first talk with one's own line manager) is raised with its owners.
      const chosen = receiving.length ? receiving : independent.length ? independent : owners;
      raisedWith.set(subject, chosen.map((r) => r.title).join('; '));
    }
    stages.set(stage.id, {
      id: stage.id,
      title: stage.title,
      index,
      reached: cell(),
      highest: cell(),
      openAt: cell(),
      time: daysCells(),
      raisedWith,
    });
    byStage.set(stage.id, timelyCells());
    for (const o of [...stage.obligations, ...stage.variants.flatMap((v) => v.obligations ?? [])])
      if (!byObligation.has(o.id)) byObligation.set(o.id, { stage: stage.id, cells: timelyCells() });
  });
  if (protocol.bypass.length) byStage.set('', timelyCells());
  for (const rule of protocol.bypass) byObligation.set(rule.id, { stage: null, cells: timelyCells() });
  return {
    protocol,
    cases: casesCells(),
    stages,
    toResolution: daysCells(),
    obligations: timelyCells(),
    byStage,
    byObligation,
    bySide: sidesMap(),
    bypasses: new Map(protocol.bypass.map((r) => [r.id, cell()])),
    missing: [],
    missingByStage: new Map(),
    sideOf: new Map(protocol.roles.map((r) => [r.id, r.side])),
    calendar,
  };
}

/** @internal Adds one to a case outcome in a group. */
export function countCase(cells: CasesCells, outcome: Outcome): void {
  cells.opened.v++;
  cells[outcome].v++;
}

/**
 * Where an obligation's state goes. Any state other than the five named ones (pending, due soon, or
 * one a newer engine adds, such as due now) is neither met nor overdue yet: it is open.
 */
export function bucketOf(state: string): (typeof STATES)[number] {
  return state === 'met' || state === 'metLate' || state === 'overdue' || state === 'cancelled' ? state : 'open';
}

const addTimely = (cells: TimelyCells, bucket: (typeof STATES)[number]): void => {
  cells[bucket].v++;
  cells.total.v++;
};

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

const day = (instant: string): string => instant.slice(0, 10);

/** @internal Adds a counted case's stages, times, obligations, bypasses and missing records to its protocol's cells. */
export function addToProtocol(
  p: ProtocolCells,
  facts: CaseFacts,
  overall: { obligations: TimelyCells; bySide: Map<string, TimelyCells> },
): void {
  const s = facts.status;
  countCase(p.cases, facts.outcome);
  let highest: StageCells | undefined;
  for (const visit of s.history) {
    const stage = p.stages.get(visit.stage)!;
    stage.reached.v++;
    if (!highest || stage.index > highest.index) highest = stage;
    if (visit.leftAt !== null) {
      stage.time.cases.v++;
      stage.time.days.add(workingDaysBetween(day(visit.enteredAt), day(visit.leftAt), p.calendar));
    }
  }
  if (highest) highest.highest.v++;
  if (facts.outcome === 'open') p.stages.get(s.stage.id)!.openAt.v++;
  if (facts.outcome === 'resolved') {
    p.toResolution.cases.v++;
    p.toResolution.days.add(workingDaysBetween(facts.openedDay, day(s.history.at(-1)!.leftAt!), p.calendar));
  }
  for (const o of s.obligations) addObligation(p, o, overall);
  if (s.bypasses.length) for (const rule of new Set(s.bypasses.map((b) => b.rule))) p.bypasses.get(rule)!.v++;
  for (const r of s.missingRecords) missingCells(p, r.stage, r.record, r.title).cell.v++;
}

function missingCells(p: ProtocolCells, stage: string, record: string, title: string): MissingCells {
  let byRecord = p.missingByStage.get(stage);
  if (!byRecord) p.missingByStage.set(stage, (byRecord = new Map()));
  let entry = byRecord.get(record);
  if (!entry) {
    byRecord.set(record, (entry = { stage, record, title, cell: cell() }));
    p.missing.push(entry);
  }
  return entry;
}

function addObligation(
  p: ProtocolCells,
  o: ObligationStatus,
  overall: { obligations: TimelyCells; bySide: Map<string, TimelyCells> },
): void {
  // Only obligations with a deadline are timely or not; those waiting for an anchor or without a number are not counted.
  if (o.due === null) return;
  const bucket = bucketOf(o.state);
  const side = p.sideOf.get(o.owner.id) ?? 'unstated';
  addTimely(p.obligations, bucket);
  addTimely(getOr(p.byStage, o.stage ?? '', timelyCells), bucket);
  let byObligation = p.byObligation.get(o.id);
  if (!byObligation) p.byObligation.set(o.id, (byObligation = { stage: o.stage, cells: timelyCells() }));
  addTimely(byObligation.cells, bucket);
  addTimely(getOr(p.bySide, side, timelyCells), bucket);
  addTimely(overall.obligations, bucket);
  addTimely(getOr(overall.bySide, side, timelyCells), bucket);
}
