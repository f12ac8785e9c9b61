// The report as one long CSV table (one figure a row), which a spreadsheet can pivot any way.

import { toCsv } from './csv.js';
import type { CaseCounts, Count, Report, Timeliness, WorkingDayStats } from './types.js';

type Row = [protocol: string, version: string, table: string, key: string, measure: string, value: string | number];

/** How a suppressed count is written, as UK official statistics mark a confidential cell. */
export const SUPPRESSED = '[c]';

const value = (c: Count): string | number => (c === null ? SUPPRESSED : c);
const OUTCOME_KEYS = ['opened', 'resolved', 'withdrawn', 'exited', 'open'] as const;
const STATE_KEYS = ['met', 'metLate', 'overdue', 'open', 'cancelled', 'total'] as const;

/**
 * The report as CSV with the header `protocol,version,table,key,measure,value`: one row per figure
 * (cross-protocol figures have empty `protocol` and `version`). A suppressed count is `[c]`; a
 * statistic with no values (or suppressed) is empty. RFC 4180, guarded against spreadsheet formulas.
 *
 * @param r - a report from {@link report}
 * @returns the CSV text
 * @example
 * ```ts
 * reportCsv(figures).split('\r\n')[0]; // 'protocol,version,table,key,measure,value'
 * ```
 */
export function reportCsv(r: Report): string {
  const rows: Row[] = [];
  const push = (p: string, v: string, table: string, key: string, measure: string, x: string | number) =>
    rows.push([p, v, table, key, measure, x]);
  const cases = (p: string, v: string, table: string, key: string, c: CaseCounts) => {
    for (const k of OUTCOME_KEYS) push(p, v, table, key, k, value(c[k]));
  };
  const timely = (p: string, v: string, table: string, key: string, t: Timeliness) => {
    for (const k of STATE_KEYS) push(p, v, table, key, k, value(t[k]));
  };
  const stats = (p: string, v: string, table: string, key: string, s: WorkingDayStats) => {
    push(p, v, table, key, 'cases', value(s.cases));
    for (const k of ['median', 'p90', 'max'] as const) push(p, v, table, key, `workingDays.${k}`, s[k] ?? '');
  };

  push('', '', 'period', '', 'from', r.period.from ?? '');
  push('', '', 'period', '', 'to', r.period.to ?? '');
  push('', '', 'period', '', 'now', r.period.now);
  push('', '', 'suppression', '', 'threshold', r.suppression?.threshold ?? '');
  cases('', '', 'cases', '', r.cases);
  for (const m of r.openedByMonth) push('', '', 'month', m.month, 'opened', value(m.opened));
  for (const s of r.bySubject) cases('', '', 'subject', s.subject, s);
  for (const a of r.byRaisingAgency) cases('', '', 'raisingAgency', a.agency, a);
  for (const a of r.byReceivingAgency) cases('', '', 'receivingAgency', a.agency, a);
  timely('', '', 'obligations', '', r.obligations);
  for (const s of r.bySide) timely('', '', 'side', s.side, s);
  for (const p of r.protocols) {
    const [id, v] = [p.id, p.version];
    cases(id, v, 'cases', '', p.cases);
    for (const s of p.stages) {
      push(id, v, 'stage', s.id, 'reached', value(s.reached));
      push(id, v, 'stage', s.id, 'highest', value(s.highest));
      push(id, v, 'stage', s.id, 'openAt', value(s.openAt));
      stats(id, v, 'stage', s.id, s.workingDays);
    }
    stats(id, v, 'toResolution', '', p.toResolution);
    timely(id, v, 'obligations', '', p.obligations);
    for (const s of p.timeliness.byStage) timely(id, v, 'stageTimeliness', s.stage ?? 'bypass', s);
    for (const o of p.timeliness.byObligation) timely(id, v, 'obligation', o.obligation, o);
    for (const s of p.timeliness.bySide) timely(id, v, 'side', s.side, s);
    for (const b of p.bypasses) push(id, v, 'bypass', b.rule, 'cases', value(b.cases));
    for (const m of p.missingRecords) push(id, v, 'missingRecord', `${m.stage}/${m.record}`, 'cases', value(m.cases));
  }
  push('', '', 'notCounted', '', 'outsidePeriod', r.notCounted.outsidePeriod);
  push('', '', 'notCounted', '', 'unknownProtocol', r.notCounted.unknownProtocol);
  for (const [code, n] of Object.entries(r.notCounted.refused)) push('', '', 'notCounted', code, 'refused', n);
  return toCsv([['protocol', 'version', 'table', 'key', 'measure', 'value'], ...rows]);
}
