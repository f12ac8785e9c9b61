import { plan } from '../engine/plan.js';
import type { PlanOptions } from '../engine/types.js';
import type { Protocol } from '../protocol/schema.js';
import { createCalendar, holidaysBetween, type CalendarLike } from '../time/calendar.js';

// Mermaid's Gantt syntax gives ":" (the end of a task's name), "#" and ";" a meaning of their own.
const taskName = (text: string): string => text.replace(/\s*[:;#]\s*/g, ' – ').replace(/\s+/g, ' ');

/** The short name a document gives a stage ("Stage 4", "Step 2"), or its whole title when it has none. */
const shortName = (title: string): string => /^((?:stage|step)\s+\d+)\s*[:–-]/i.exec(title)?.[1] ?? title;

const DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * The projected timeline of a protocol (see `plan`) as a Mermaid Gantt chart, to hold against a
 * document's own worked example (Swindon's "completion of Stage 4 (Day 17)"): one bar per stage from
 * when it is entered to its due date (both days included), named with the due date and its working
 * day, a milestone where the document gives no number, and the bank holidays and closures on
 * weekdays of the period marked as their own bars.
 *
 * @param protocol - a parsed protocol
 * @param options - as for `plan`: `from` (when the disagreement arose), `subject`, `calendar`, `closures`
 * @returns Mermaid source, starting `gantt`
 * @throws {@link TimeError} for a malformed `from` or a due date beyond the supported range
 * @example
 * ```ts
 * renderTimeline(getProtocol('swindon'), { from: '2026-12-21' });
 * // gantt ... Stage 4 – due 2027-01-18 (working day 17) :s4, 2027-01-11, 2027-01-18
 * ```
 */
export function renderTimeline(protocol: Protocol, options: PlanOptions): string {
  const result = plan(protocol, options);
  const start = DATE.exec(result.from)![0];
  const lines = [
    'gantt',
    `  title ${taskName(`${protocol.partnership}, from ${start}, if every stage runs to its limit`)}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %d %b',
    '  inclusiveEndDates',
    '  todayMarker off',
    `  section ${taskName(`Stages (${result.subject === 'careLeaver' ? 'care leaver' : result.subject})`)}`,
  ];
  let entered: string | null = start;
  let last = start;
  result.stages.forEach((stage, i) => {
    const id = `s${i + 1}`;
    const name = shortName(stage.title);
    if (stage.dueDate === null || entered === null) {
      const at = entered ?? last;
      lines.push(`  ${taskName(`${name} – no number given`)} :milestone, ${id}, ${at}, 0d`);
      entered = null;
      return;
    }
    const day = stage.workingDay === null ? '' : ` (working day ${stage.workingDay})`;
    lines.push(`  ${taskName(`${name} – due ${stage.dueDate}${day}`)} :${id}, ${entered}, ${stage.dueDate}`);
    entered = last = stage.dueDate;
  });
  const calendar: CalendarLike =
    options.calendar ??
    (options.closures?.length ? createCalendar({ region: protocol.scope.region, closures: options.closures }) : protocol.scope.region);
  const closed = holidaysBetween(start, last, calendar);
  if (closed.length) {
    lines.push('  section Not working days');
    closed.forEach((day, i) => {
      lines.push(
        `  ${taskName(`${day.name}${day.kind === 'closure' && !/closure/i.test(day.name) ? ' (closure)' : ''}`)} :crit, h${i + 1}, ${day.date}, ${day.date}`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}
