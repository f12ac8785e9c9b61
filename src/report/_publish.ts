// From running totals to the published report: lists every sum the tables show, suppresses small
// counts consistently across them (when asked), and writes each cell as a number or null.

import { SUBJECTS } from '../protocol/schema.js';
import { OUTCOMES, STATES, type CasesCells, type DaysCells, type ProtocolCells, type TimelyCells } from './_aggregate.js';
import { cell, suppress, type Cell, type Sum } from './_suppress.js';
import type { Totals } from './report.js';
import type { CaseCounts, Count, ProtocolReport, Report, Timeliness, WorkingDayStats } from './types.js';

const sorted = <V>(map: Map<string, V>): [string, V][] => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The months from the first to the last, `YYYY-MM`. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** @internal */
export function publish(t: Totals): Report {
  const cells: Cell[] = [];
  const sums: Sum[] = [];
  const cases = (c: CasesCells): void => {
    cells.push(c.opened, ...OUTCOMES.map((k) => c[k]));
    sums.push({ total: c.opened, parts: OUTCOMES.map((k) => c[k]) });
  };
  const timely = (c: TimelyCells): void => {
    cells.push(c.total, ...STATES.map((k) => c[k]));
    sums.push({ total: c.total, parts: STATES.map((k) => c[k]) });
  };
  // Each column of a breakdown adds up to the figure it breaks down.
  const columns = (whole: CasesCells, rows: Iterable<CasesCells>): void => {
    const list = [...rows];
    for (const k of ['opened', ...OUTCOMES] as const) sums.push({ total: whole[k], parts: list.map((r) => r[k]) });
  };
  const timelyColumns = (whole: TimelyCells, rows: Iterable<TimelyCells>): void => {
    const list = [...rows];
    for (const k of ['total', ...STATES] as const) sums.push({ total: whole[k], parts: list.map((r) => r[k]) });
  };

  const months = monthsOf(t);
  cases(t.cases);
  for (const group of [t.bySubject, t.byRaising, t.byReceiving]) {
    for (const c of group.values()) cases(c);
    columns(t.cases, group.values());
  }
  cells.push(...months.values());
  sums.push({ total: t.cases.opened, parts: [...months.values()] });
  timely(t.obligations);
  for (const c of t.bySide.values()) timely(c);
  timelyColumns(t.obligations, t.bySide.values());
  const protocols = sorted(t.protocols).map(([, p]) => p);
  columns(
    t.cases,
    protocols.map((p) => p.cases),
  );
  timelyColumns(
    t.obligations,
    protocols.map((p) => p.obligations),
  );
  for (const side of t.bySide.keys())
    sums.push(
      ...(['total', ...STATES] as const).map((k) => ({
        total: t.bySide.get(side)![k],
        parts: protocols.map((p) => p.bySide.get(side)?.[k]).filter((c): c is Cell => c !== undefined),
      })),
    );
  for (const p of protocols) protocolSums(p, cells, sums, cases, timely, timelyColumns);

  for (const c of cells) c.hidden = false;
  if (t.threshold !== null) suppress(cells, sums, t.threshold);

  return {
    period: { from: t.from, to: t.to, now: t.now },
    suppression: t.threshold === null ? null : { threshold: t.threshold },
    cases: caseCounts(t.cases),
    openedByMonth: [...months].map(([month, c]) => ({ month, opened: count(c) })),
    bySubject: SUBJECTS.filter((s) => t.bySubject.has(s)).map((subject) => ({ subject, ...caseCounts(t.bySubject.get(subject)!) })),
    byRaisingAgency: sorted(t.byRaising).map(([agency, c]) => ({ agency, ...caseCounts(c) })),
    byReceivingAgency: sorted(t.byReceiving).map(([agency, c]) => ({ agency, ...caseCounts(c) })),
    obligations: timeliness(t.obligations),
    bySide: [...t.bySide].map(([side, c]) => ({ side, ...timeliness(c) })),
    protocols: protocols.map(protocolReport),
    notCounted: {
      outsidePeriod: t.notCounted.outsidePeriod,
      unknownProtocol: t.notCounted.unknownProtocol,
      refused: Object.fromEntries(sorted(t.notCounted.refused)),
    },
  };
}

function monthsOf(t: Totals): Map<string, Cell> {
  const seen = [...t.months.keys()].sort();
  const first = t.from?.slice(0, 7) ?? seen[0];
  const last = (t.to ?? t.now).slice(0, 7);
  const months = new Map<string, Cell>();
  if (first === undefined) return months;
  for (const month of monthsBetween(first, last)) months.set(month, t.months.get(month) ?? cell());
  return months;
}

function protocolSums(
  p: ProtocolCells,
  cells: Cell[],
  sums: Sum[],
  cases: (c: CasesCells) => void,
  timely: (c: TimelyCells) => void,
  timelyColumns: (whole: TimelyCells, rows: Iterable<TimelyCells>) => void,
): void {
  cases(p.cases);
  const stages = [...p.stages.values()];
  for (const s of stages) {
    cells.push(s.reached, s.highest, s.openAt, s.time.cases);
    // Every stage entered has either been left (and its time counted) or is where an open case is.
    sums.push({ total: s.reached, parts: [s.time.cases, s.openAt] });
  }
  sums.push({ total: p.cases.opened, parts: stages.map((s) => s.highest) });
  sums.push({ total: p.cases.open, parts: stages.map((s) => s.openAt) });
  cells.push(p.toResolution.cases);
  sums.push({ total: p.cases.resolved, parts: [p.toResolution.cases] });
  timely(p.obligations);
  for (const c of p.byStage.values()) timely(c);
  for (const o of p.byObligation.values()) timely(o.cells);
  for (const c of p.bySide.values()) timely(c);
  timelyColumns(p.obligations, p.byStage.values());
  timelyColumns(p.obligations, p.bySide.values());
  for (const [stage, c] of p.byStage) {
    const rows = [...p.byObligation.values()].filter((o) => (o.stage ?? '') === stage).map((o) => o.cells);
    timelyColumns(c, rows);
  }
  cells.push(...p.bypasses.values(), ...p.missing.map((m) => m.cell));
}

const count = (c: Cell): Count => (c.hidden ? null : c.v);

const caseCounts = (c: CasesCells): CaseCounts => ({
  opened: count(c.opened),
  resolved: count(c.resolved),
  withdrawn: count(c.withdrawn),
  exited: count(c.exited),
  open: count(c.open),
});

const timeliness = (c: TimelyCells): Timeliness => ({
  met: count(c.met),
  metLate: count(c.metLate),
  overdue: count(c.overdue),
  open: count(c.open),
  cancelled: count(c.cancelled),
  total: count(c.total),
});

function stats(d: DaysCells): WorkingDayStats {
  const summary = d.cases.hidden ? null : d.days.summary();
  return { cases: count(d.cases), median: summary?.median ?? null, p90: summary?.p90 ?? null, max: summary?.max ?? null };
}

function protocolReport(p: ProtocolCells): ProtocolReport {
  return {
    id: p.protocol.id,
    version: p.protocol.version,
    title: p.protocol.title,
    cases: caseCounts(p.cases),
    stages: [...p.stages.values()].map((s) => ({
      id: s.id,
      title: s.title,
      reached: count(s.reached),
      highest: count(s.highest),
      openAt: count(s.openAt),
      workingDays: stats(s.time),
    })),
    toResolution: stats(p.toResolution),
    obligations: timeliness(p.obligations),
    timeliness: {
      byStage: [...p.byStage].map(([stage, c]) => ({ stage: stage === '' ? null : stage, ...timeliness(c) })),
      byObligation: [...p.byObligation].map(([obligation, o]) => ({ obligation, stage: o.stage, ...timeliness(o.cells) })),
      bySide: [...p.bySide].map(([side, c]) => ({ side, ...timeliness(c) })),
    },
    bypasses: [...p.bypasses].map(([rule, c]) => ({ rule, cases: count(c) })),
    missingRecords: [...p.missing]
      .sort(
        (a, b) => p.stages.get(a.stage)!.index - p.stages.get(b.stage)!.index || (a.record < b.record ? -1 : a.record > b.record ? 1 : 0),
      )
      .map((m) => ({ stage: m.stage, record: m.record, title: m.title, cases: count(m.cell) })),
  };
}
