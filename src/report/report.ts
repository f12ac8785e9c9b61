// `report` and `createReport`: aggregates over many cases for a partnership, one case at a time.

import type { EngineOptions } from '../engine/types.js';
import type { Protocol, Subject } from '../protocol/schema.js';
import { formatDay, parseDay } from '../time/_days.js';
import { formatLondon } from '../time/_london.js';
import { createCalendar, type Calendar, type CalendarLike } from '../time/calendar.js';
import { toEpochMs } from '../time/instant.js';
import { TimeError } from '../time/timeError.js';
import { openedAt, readCase } from './_case.js';
import {
  addToProtocol,
  casesCells,
  countCase,
  protocolCells,
  sidesMap,
  timelyCells,
  type CasesCells,
  type ProtocolCells,
} from './_aggregate.js';
import { publish } from './_publish.js';
import { logRows } from './agencyLog.js';
import type { AddResult, AgencyLogEntry, Report, ReportBuilder, ReportCase, ReportOptions } from './types.js';

/** @internal Everything a builder keeps: cells, never cases. */
export interface Totals {
  readonly from: string | null;
  readonly to: string | null;
  readonly now: string;
  readonly threshold: number | null;
  readonly cases: CasesCells;
  readonly months: Map<string, ReturnType<typeof casesCells>['opened']>;
  readonly bySubject: Map<Subject, CasesCells>;
  readonly byRaising: Map<string, CasesCells>;
  readonly byReceiving: Map<string, CasesCells>;
  readonly obligations: ReturnType<typeof timelyCells>;
  readonly bySide: ReturnType<typeof sidesMap>;
  readonly protocols: Map<string, ProtocolCells>;
  readonly notCounted: { outsidePeriod: number; unknownProtocol: number; refused: Map<string, number> };
}

function dateOption(value: string | undefined, name: 'from' | 'to'): string | null {
  if (value === undefined) return null;
  return formatDay(parseDay(value, [name]));
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/**
 * Starts a report to which cases are added one at a time, for a stream of cases too large to hold
 * (the CLI reads an NDJSON file this way). A case counts when its protocol version is in the
 * registry, the engine accepts its log, and it was opened (London date of its `opened` event) from
 * `from` to `to` inclusive and at or before `now`. Everything about a counted case is as at `now`:
 * events after `now` do not count. Each case goes through the engine's `status`; only totals are kept.
 *
 * @param options - registry, period, `now`, suppression, agency log and what text it may include,
 *   and the engine's calendar options (closures)
 * @returns a builder: `add(case)`, then `result()` and `agencyLog()`
 * @throws {@link TimeError} for a malformed `from`, `to` or `now`, or a `suppressBelow` that is not a whole number of 2 or more
 * @example
 * ```ts
 * const builder = createReport({ registry: bundledRegistry(), from: '2027-04-01', to: '2028-03-31', now: '2028-04-01T00:00' });
 * for (const kase of cases) builder.add(kase);
 * builder.result().cases; // { opened, resolved, withdrawn, exited, open }
 * ```
 */
export function createReport(options: ReportOptions): ReportBuilder {
  const nowMs = toEpochMs(options.now, ['now']);
  const from = dateOption(options.from, 'from');
  const to = dateOption(options.to, 'to');
  const threshold = options.suppressBelow ?? null;
  if (threshold !== null && !(Number.isInteger(threshold) && threshold >= 2))
    throw new TimeError(
      'report/invalid-threshold',
      `"suppressBelow" is the smallest count shown, a whole number of 2 or more (e.g. 5), not ${String(threshold)}.`,
      ['suppressBelow'],
    );
  const totals: Totals = {
    from,
    to,
    now: formatLondon(nowMs),
    threshold,
    cases: casesCells(),
    months: new Map(),
    bySubject: new Map(),
    byRaising: new Map(),
    byReceiving: new Map(),
    obligations: timelyCells(),
    bySide: sidesMap(),
    protocols: new Map(),
    notCounted: { outsidePeriod: 0, unknownProtocol: 0, refused: new Map() },
  };
  const log: AgencyLogEntry[] = [];
  const cellsOf = new Map<Protocol, ProtocolCells>();
  const calendars = new Map<string, CalendarLike>();
  const engine: EngineOptions = {
    ...(options.calendar !== undefined && { calendar: options.calendar }),
    ...(options.closures !== undefined && { closures: options.closures }),
    ...(options.dueSoonWorkingDays !== undefined && { dueSoonWorkingDays: options.dueSoonWorkingDays }),
  };
  const calendarFor = (region: Calendar['region']): CalendarLike =>
    options.calendar ??
    (options.closures?.length ? getOr(calendars, region, () => createCalendar({ region, closures: options.closures! })) : region);
  let position = 0;

  const refuse = (code: string, message: string): AddResult => {
    totals.notCounted.refused.set(code, (totals.notCounted.refused.get(code) ?? 0) + 1);
    return { counted: false, reason: 'refused', code, message };
  };

  const add = (kase: ReportCase, ref?: string): AddResult => {
    position++;
    const id = kase?.protocol?.id;
    const version = kase?.protocol?.version;
    const opened = openedAt(kase);
    // A case dated outside the period is left before the engine reads it: a year's report over many
    // years of exports costs only the cases in the year.
    if (opened !== undefined && ((from !== null && opened.day < from) || (to !== null && opened.day > to) || opened.ms > nowMs))
      return (totals.notCounted.outsidePeriod++, { counted: false, reason: 'outsidePeriod' });
    if (typeof id !== 'string' || typeof version !== 'string' || !Array.isArray(kase?.events))
      return refuse('engine/invalid-case', 'A case is { "protocol": { "id", "version" }, "events": [...] }.');
    const protocol = options.registry.get(id, version);
    if (!protocol) {
      totals.notCounted.unknownProtocol++;
      const message = `No protocol ${id} version ${version} in the registry; add that version (registry.with(...)) to count this case.`;
      return { counted: false, reason: 'unknownProtocol', code: 'report/unknown-protocol', message };
    }
    const read = readCase(protocol, kase, nowMs, engine);
    if (!('facts' in read)) return refuse(read.code, read.message);
    const { facts } = read;
    // By the protocol object first (a registry gives the same one for every case of a version), so
    // that a case costs no new key string.
    let p = cellsOf.get(protocol);
    if (!p) {
      const key = `${protocol.id}\u0000${protocol.version}`;
      p = getOr(totals.protocols, key, () => protocolCells(protocol, calendarFor(protocol.scope.region)));
      cellsOf.set(protocol, p);
    }
    countCase(totals.cases, facts.outcome);
    getOr(totals.months, facts.openedDay.slice(0, 7), () => ({ v: 0, hidden: false })).v++;
    countCase(getOr(totals.bySubject, facts.status.subject, casesCells), facts.outcome);
    countCase(getOr(totals.byRaising, facts.raisingAgency, casesCells), facts.outcome);
    countCase(getOr(totals.byReceiving, facts.receivingAgency, casesCells), facts.outcome);
    addToProtocol(p, facts, totals);
    if (options.agencyLog)
      log.push(...logRows(p, facts, typeof kase.id === 'string' ? kase.id : (ref ?? String(position)), options.include ?? {}));
    return { counted: true };
  };

  return {
    add,
    result: () => publish(totals),
    agencyLog: () => [...log].sort((a, b) => (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0)),
  };
}

/**
 * The figures a partnership publishes about its disagreement-resolution procedures, over a set of
 * cases: cases opened in the period and how they stand at `now` (resolved, withdrawn, exited to
 * another procedure, open), by protocol version, subject and agency; the stages reached and the
 * highest reached; working days at each stage and to resolution (median, 90th percentile, maximum);
 * the timeliness of every obligation with a deadline, by stage, obligation and owner's side; bypass
 * rules invoked; required records missing. Pure: no I/O, no clock. Never contains free text, names,
 * or anything from a record marked `noChildOrFamilyDetails`.
 *
 * @param cases - stored cases (any iterable, so a generator works); each names its protocol version
 * @param options - see {@link createReport}
 * @returns the report (suppressed counts are null when `suppressBelow` is set)
 * @throws {@link TimeError} for a malformed `from`, `to` or `now`, or a bad `suppressBelow`
 * @example
 * ```ts
 * const figures = report(cases, { registry: bundledRegistry(), from: '2027-04-01', to: '2028-03-31', now: '2028-04-01T00:00' });
 * figures.protocols[0]?.stages.map((s) => [s.id, s.reached]); // Rotherham's "number of Stage 4 Challenges"
 * ```
 */
export function report(cases: Iterable<ReportCase>, options: ReportOptions): Report {
  const builder = createReport(options);
  for (const kase of cases) builder.add(kase);
  return builder.result();
}

/**
 * The agency log over a set of cases: for each agency, case and stage, the start date, who the
 * concern was raised with, and the outcome (Swindon's "own log"). Text only as `include` asks.
 *
 * @param cases - stored cases
 * @param options - as for {@link report}
 * @returns the rows, sorted by agency
 */
export function agencyLog(cases: Iterable<ReportCase>, options: ReportOptions): AgencyLogEntry[] {
  const builder = createReport({ ...options, agencyLog: true });
  for (const kase of cases) builder.add(kase);
  return builder.agencyLog();
}
