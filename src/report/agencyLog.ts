// Swindon's agency log: "a record for each stage of the process; start date, who the concern was
// raised with, and the outcome or resolution agreed", kept by each agency. Built from the same
// statuses as the report; free text and names only when asked, and never from a record that must
// hold no details of any child or family.

import type { CaseEvent } from '../engine/types.js';
import { toEpochMs } from '../time/instant.js';
import type { CaseFacts } from './_case.js';
import type { ProtocolCells } from './_aggregate.js';
import { toCsv } from './csv.js';
import type { AgencyLogEntry, ReportInclude } from './types.js';

const day = (instant: string): string => instant.slice(0, 10);

/** @internal The log rows of one counted case: one per stage visited, for the raising agency and for the receiving one. */
export function logRows(p: ProtocolCells, facts: CaseFacts, ref: string, include: ReportInclude): AgencyLogEntry[] {
  const s = facts.status;
  const text = include.outcomes || include.names || include.notes ? textByVisit(p, facts, include) : undefined;
  const rows: AgencyLogEntry[] = [];
  s.history.forEach((visit, i) => {
    const stage = p.stages.get(visit.stage)!;
    const last = i === s.history.length - 1;
    const outcome = last ? facts.outcome : 'escalated';
    const base = {
      case: ref,
      protocol: s.protocol.id,
      version: s.protocol.version,
      stage: visit.stage,
      stageTitle: stage.title,
      started: day(visit.enteredAt),
      raisedWith: stage.raisedWith.get(s.subject) ?? '',
      raisedWithAgency: facts.receivingAgency,
      outcome,
      ended: visit.leftAt === null ? null : day(visit.leftAt),
      to: last ? (outcome === 'exited' ? s.exitedTo : null) : s.history[i + 1]!.stage,
      ...text?.[i],
    } satisfies Omit<AgencyLogEntry, 'agency' | 'side'>;
    rows.push({ agency: facts.raisingAgency, side: 'raising', ...base }, { agency: facts.receivingAgency, side: 'receiving', ...base });
  });
  return rows;
}

/**
 * The text asked for, by stage visit: an event belongs to the last visit entered at or before it.
 * Events recording a record marked `noChildOrFamilyDetails` give nothing, whatever is asked.
 */
function textByVisit(
  p: ProtocolCells,
  facts: CaseFacts,
  include: ReportInclude,
): Pick<AgencyLogEntry, 'outcomeText' | 'names' | 'notes'>[] {
  const entered = facts.status.history.map((v) => toEpochMs(v.enteredAt));
  const names: string[][] = entered.map(() => []);
  const notes: string[][] = entered.map(() => []);
  let outcomeText: string | undefined;
  for (const event of facts.events) {
    if (event.type === 'recorded' && p.protocol.records.find((r) => r.id === event.record)?.noChildOrFamilyDetails) continue;
    const at = toEpochMs(event.at);
    let visit = 0;
    while (visit + 1 < entered.length && entered[visit + 1]! <= at) visit++;
    if (event.by !== undefined && !names[visit]!.includes(event.by)) names[visit]!.push(event.by);
    const note = noteOf(event);
    if (note !== undefined) notes[visit]!.push(note);
    if (event.type === 'resolved') outcomeText = event.outcome;
  }
  const lastIndex = entered.length - 1;
  return entered.map((_, i) => ({
    ...(include.outcomes && i === lastIndex && facts.outcome === 'resolved' && outcomeText !== undefined ? { outcomeText } : {}),
    ...(include.names ? { names: names[i]!.join('; ') } : {}),
    ...(include.notes ? { notes: notes[i]!.join(' | ') } : {}),
  }));
}

function noteOf(event: CaseEvent): string | undefined {
  const parts = [event.note, event.type === 'withdrawn' ? event.reason : undefined].filter((t): t is string => typeof t === 'string');
  return parts.length ? parts.join(' ') : undefined;
}

const COLUMNS = [
  'agency',
  'side',
  'case',
  'protocol',
  'version',
  'stage',
  'stageTitle',
  'started',
  'raisedWith',
  'raisedWithAgency',
  'outcome',
  'ended',
  'to',
] as const;

/**
 * The agency log as CSV: a header row, then one row per agency, case and stage (RFC 4180, values
 * guarded against spreadsheet formulas). Columns `outcomeText`, `names` and `notes` appear only when
 * some row has them (that is, when the report was asked to include them).
 *
 * @param rows - from {@link ReportBuilder.agencyLog} or {@link report} with `agencyLog: true`
 * @returns the CSV text
 * @example
 * ```ts
 * const builder = createReport({ registry: bundledRegistry(), now: '2027-04-01T00:00', agencyLog: true });
 * builder.add(kase);
 * agencyLogCsv(builder.agencyLog()).split('\r\n')[0]; // 'agency,side,case,protocol,...'
 * ```
 */
export function agencyLogCsv(rows: readonly AgencyLogEntry[]): string {
  const extra = (['outcomeText', 'names', 'notes'] as const).filter((k) => rows.some((r) => r[k] !== undefined));
  const header = [...COLUMNS, ...extra];
  return toCsv([header, ...rows.map((r) => header.map((k) => r[k] ?? null))]);
}
