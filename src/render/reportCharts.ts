// Mermaid charts of a report (xychart-beta, which GitHub renders): cases opened per month, the
// stages reached, and the timeliness of each stage's obligations. Labels are months and stage ids
// only: never an agency's name or any text from a case.

import type { Count, ProtocolReport, Report } from '../report/types.js';

/** The charts of one report, as Mermaid sources (without the ```mermaid fence). */
export interface ReportCharts {
  /** Cases opened in each month of the period. */
  readonly openedByMonth: string;
  /** Per protocol version: cases reaching each stage, and each stage's obligations by timeliness. */
  readonly protocols: readonly {
    readonly id: string;
    readonly version: string;
    readonly stagesReached: string;
    readonly timeliness: string;
  }[];
}

// Colours for the timeliness chart's three bars, drawn over one another: met on time, met late, overdue.
const TIMELINESS_COLOURS = '#2e7d32, #f9a825, #c62828';

const n = (c: Count): number => c ?? 0;
const label = (text: string): string => `"${text.replace(/["\\\n\r]/g, ' ')}"`;

function bars(title: string, labels: readonly string[], yAxis: string, series: readonly (readonly number[])[], init?: string): string {
  const top = Math.max(1, ...series.flat());
  const lines = [
    ...(init ? [init] : []),
    'xychart-beta',
    `  title ${label(title)}`,
    `  x-axis [${(labels.length ? labels : ['none']).map(label).join(', ')}]`,
    `  y-axis ${label(yAxis)} 0 --> ${top}`,
    ...series.map((s) => `  bar [${(s.length ? s : [0]).join(', ')}]`),
  ];
  return lines.join('\n');
}

function protocolCharts(p: ProtocolReport): ReportCharts['protocols'][number] {
  const stagesReached = bars(
    `Stages reached: ${p.id} ${p.version}`,
    p.stages.map((s) => s.id),
    'Cases',
    [p.stages.map((s) => n(s.reached))],
  );
  const rows = p.timeliness.byStage;
  // Three bars per stage, drawn in order over one another, so that each shows as a band of one
  // stacked bar: met on time + met late + overdue, then met late + overdue, then overdue.
  const timeliness = bars(
    `Timeliness by stage: ${p.id} ${p.version}`,
    rows.map((r) => r.stage ?? 'bypass'),
    'Obligations',
    [rows.map((r) => n(r.met) + n(r.metLate) + n(r.overdue)), rows.map((r) => n(r.metLate) + n(r.overdue)), rows.map((r) => n(r.overdue))],
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${TIMELINESS_COLOURS}"}}}}%%`,
  );
  return { id: p.id, version: p.version, stagesReached, timeliness };
}

/**
 * The report's charts as Mermaid `xychart-beta` sources, for a Markdown report or a web page. A
 * suppressed count is drawn as 0 (say so beside the chart; {@link renderReportMarkdown} does).
 *
 * @param r - a report from {@link report}
 * @returns one chart of cases opened per month, and per protocol version the stages reached and the
 *   timeliness per stage
 * @example
 * ```ts
 * const charts = reportCharts(figures);
 * console.log('```mermaid\n' + charts.openedByMonth + '\n```');
 * ```
 */
export function reportCharts(r: Report): ReportCharts {
  return {
    openedByMonth: bars(
      'Cases opened per month',
      r.openedByMonth.map((m) => m.month),
      'Cases',
      [r.openedByMonth.map((m) => n(m.opened))],
    ),
    protocols: r.protocols.map(protocolCharts),
  };
}
