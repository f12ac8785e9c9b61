// A report as Markdown for a partnership board: tables of every figure, Mermaid charts, and how the
// figures were made (which cases count, percentiles, suppression).

import { SUPPRESSED } from '../report/reportCsv.js';
import type { CaseCounts, Count, ProtocolReport, Report, Timeliness, WorkingDayStats } from '../report/types.js';
import { reportCharts } from './reportCharts.js';

/** Options for {@link renderReportMarkdown}. */
export interface ReportMarkdownOptions {
  /** The report's heading; "Resolution of professional disagreements: monitoring report" by default. */
  readonly title?: string;
  /** Leave out the Mermaid charts (tables only). */
  readonly charts?: boolean;
}

const cellText = (text: string): string =>
  text
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/[\r\n]+/g, ' ');
const c = (n: Count): string => (n === null ? SUPPRESSED : String(n));
const num = (n: number | null): string => (n === null ? '-' : String(n));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((x, i) => (i === 0 ? cellText(x) : x)).join(' | ')} |`),
  ];
}

const CASE_HEAD = ['Opened', 'Resolved', 'Withdrawn', 'Exited', 'Open'];
const caseRow = (k: CaseCounts): string[] => [c(k.opened), c(k.resolved), c(k.withdrawn), c(k.exited), c(k.open)];
const TIMELY_HEAD = ['Met on time', 'Met late', 'Overdue', 'Not yet due', 'Cancelled', 'Total'];
const timelyRow = (t: Timeliness): string[] => [c(t.met), c(t.metLate), c(t.overdue), c(t.open), c(t.cancelled), c(t.total)];
const statsRow = (s: WorkingDayStats): string[] => [c(s.cases), num(s.median), num(s.p90), num(s.max)];

const mermaid = (source: string): string[] => ['```mermaid', source, '```'];

function protocolSection(p: ProtocolReport, chart: { stagesReached: string; timeliness: string } | undefined, drawn: string): string[] {
  const out = [`## ${cellText(p.title)} (${p.id} ${p.version})`, '', ...table(['Cases', ...CASE_HEAD], [['All', ...caseRow(p.cases)]]), ''];
  out.push(
    '### Stages',
    '',
    ...table(
      ['Stage', 'Reached', 'Highest reached', 'Open at it', 'Left', 'Median working days', '90th percentile', 'Maximum'],
      p.stages.map((s) => [`${s.id}: ${s.title}`, c(s.reached), c(s.highest), c(s.openAt), ...statsRow(s.workingDays)]),
    ),
    '',
    ...table(
      ['To resolution', 'Resolved', 'Median working days', '90th percentile', 'Maximum'],
      [['From opening', ...statsRow(p.toResolution)]],
    ),
    '',
  );
  if (chart) out.push(...mermaid(chart.stagesReached), '');
  out.push(
    '### Timeliness of obligations with a deadline',
    '',
    ...table(
      ['Stage', ...TIMELY_HEAD],
      [...p.timeliness.byStage.map((s) => [s.stage ?? 'bypass rules', ...timelyRow(s)]), ['All', ...timelyRow(p.obligations)]],
    ),
    '',
  );
  if (chart) out.push(...mermaid(chart.timeliness), '', `*Green: met on time; amber: met late; red: overdue.${drawn}*`, '');
  out.push(
    ...table(
      ['Obligation', 'Stage', ...TIMELY_HEAD],
      p.timeliness.byObligation.map((o) => [o.obligation, o.stage ?? 'bypass', ...timelyRow(o)]),
    ),
    '',
    ...table(
      ["Owner's side", ...TIMELY_HEAD],
      p.timeliness.bySide.map((s) => [s.side, ...timelyRow(s)]),
    ),
    '',
  );
  if (p.bypasses.length)
    out.push(
      '### Bypass rules invoked',
      '',
      ...table(
        ['Rule', 'Cases'],
        p.bypasses.map((b) => [b.rule, c(b.cases)]),
      ),
      '',
    );
  out.push('### Required records missing', '');
  if (p.missingRecords.length === 0) out.push('None.', '');
  else
    out.push(
      ...table(
        ['Stage', 'Record', 'Cases'],
        p.missingRecords.map((m) => [m.stage, `${m.record}: ${cellText(m.title)}`, c(m.cases)]),
      ),
      '',
    );
  return out;
}

/**
 * A report as Markdown: the period and how cases were counted, tables of every figure, Mermaid
 * charts (cases opened per month, stages reached, timeliness per stage) and the method notes.
 *
 * @param r - a report from {@link report}
 * @param options - a title; `charts: false` for tables only
 * @returns Markdown text
 * @example
 * ```ts
 * const markdown = renderReportMarkdown(report(cases, { registry, from: '2027-04-01', to: '2028-03-31', now: '2028-04-01T00:00' }));
 * ```
 */
export function renderReportMarkdown(r: Report, options: ReportMarkdownOptions = {}): string {
  const charts = options.charts === false ? undefined : reportCharts(r);
  const period = `${r.period.from ?? 'the first case'} to ${r.period.to ?? 'now'}`;
  const drawn = r.suppression ? ' Suppressed counts are drawn as 0.' : '';
  const out = [
    `# ${cellText(options.title ?? 'Resolution of professional disagreements: monitoring report')}`,
    '',
    `Cases opened from ${period} (London dates), as they stood at ${r.period.now}.`,
    '',
    r.suppression
      ? `Counts from 1 to ${r.suppression.threshold - 1} are suppressed and shown as ${SUPPRESSED} (threshold ${r.suppression.threshold}), and so is any count from which one could be worked out.`
      : 'Small counts are not suppressed.',
    '',
    '## All cases',
    '',
    ...table(['Cases', ...CASE_HEAD], [['All', ...caseRow(r.cases)]]),
    '',
  ];
  if (charts) out.push(...mermaid(charts.openedByMonth), drawn ? `\n*${drawn.trim()}*` : '', '');
  out.push(
    ...table(
      ['Month', 'Opened'],
      r.openedByMonth.map((m) => [m.month, c(m.opened)]),
    ),
    '',
    ...table(
      ['Subject', ...CASE_HEAD],
      r.bySubject.map((s) => [s.subject, ...caseRow(s)]),
    ),
    '',
    ...table(
      ['Raising agency', ...CASE_HEAD],
      r.byRaisingAgency.map((a) => [a.agency, ...caseRow(a)]),
    ),
    '',
    ...table(
      ['Receiving agency', ...CASE_HEAD],
      r.byReceivingAgency.map((a) => [a.agency, ...caseRow(a)]),
    ),
    '',
    ...table(["Owner's side", ...TIMELY_HEAD], [...r.bySide.map((s) => [s.side, ...timelyRow(s)]), ['All', ...timelyRow(r.obligations)]]),
    '',
  );
  for (const p of r.protocols)
    out.push(
      ...protocolSection(
        p,
        charts?.protocols.find((x) => x.id === p.id && x.version === p.version),
        drawn,
      ),
    );
  const refused = Object.entries(r.notCounted.refused).map(([code, n]) => `${n} refused by the engine (${code})`);
  out.push(
    '## Not counted',
    '',
    `${r.notCounted.outsidePeriod} opened outside the period; ${r.notCounted.unknownProtocol} under a protocol version not held${refused.length ? `; ${refused.join('; ')}` : ''}.`,
    '',
    '## How the figures are made',
    '',
    "- A case counts when it was opened (the London date of its `opened` event) within the period and at or before the report's moment; everything about it is as at that moment, and events after it do not count.",
    "- Working days are counted as the engine counts deadlines: the days after the first date up to and including the last, less weekends, bank holidays of the protocol's region and closures.",
    '- Time at a stage is over the stage visits that had ended; time to resolution runs from the day a case was opened to the day it was resolved.',
    '- The median of an even number of values is the mean of the middle two; the 90th percentile is the nearest rank, the value at position ⌈0.9 × n⌉ in ascending order.',
    '- Timeliness covers every obligation with a deadline: met on time, met late, overdue, not yet due (pending, due soon or due now), and cancelled by a withdrawal or an exit. Obligations whose document gives no number, or whose deadline waits for something that has not happened, are not counted.',
    "- No free text, person's name or outcome wording appears in this report, nor anything from a record that must hold no details of any child or family.",
  );
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
