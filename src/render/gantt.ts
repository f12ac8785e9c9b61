import { plan } from '../engine/plan.js';
import type { PlanOptions, PlannedDuty } from '../engine/types.js';
import type { Protocol } from '../protocol/schema.js';
import { createCalendar, holidaysBetween, type CalendarLike } from '../time/calendar.js';

// Mermaid's Gantt syntax gives ":" (the end of a task's name), "#" and ";" a meaning of their own.
const taskName = (text: string): string => text.replace(/\s*[:;#]\s*/g, ' – ').replace(/\s+/g, ' ');

/** The short name a document gives a stage ("Stage 4", "Step 2"), or its whole title when it has none. */
const shortName = (title: string): string => /^((?:stage|step)\s+\d+)\s*[:\u2013-]/i.exec(title)?.[1] ?? title;

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** A duty's bar: what its date is (an aim, a moment not before, the partnership's assumption), and what it hangs on. */
function dutyName(d: PlannedDuty): string {
  const date = d.dueDate!;
  const when =
    d.timing === 'aim'
      ? `aim ${date} (an aim, no limit)`
      : d.timing === 'notBefore'
        ? `at ${date}, not before`
        : d.timing === 'assumed'
          ? `${date} (assumed – the partnership's working assumption, not the document's number)`
          : `due ${date}`;
  const verb = d.modality === 'may' ? ' (may – never overdue)' : d.modality === 'should' ? ' (should)' : '';
  return [`${d.action} – ${d.every ? `first ${when}, then ${d.every}` : when}${verb}`, d.onlyIf].filter(Boolean).join(', ');
}

/** Mermaid's task tags set the bars apart: an aim is `active`, an assumption `done`, a not-before moment a milestone. */
const dutyTag = (d: PlannedDuty): string =>
  d.timing === 'aim' ? 'active, ' : d.timing === 'assumed' ? 'done, ' : d.timing === 'notBefore' ? 'milestone, ' : '';

/**
 * The projected timeline of a protocol (see `plan`) as a Mermaid Gantt chart, to hold against a
 * document's own worked example (Swindon's "completion of Stage 4 (Day 17)"): one bar per stage from
 * when it is entered to its due date (both days included), named with the due date and its working
 * day, a milestone where the document gives no number, and the bank holidays and closures on
 * weekdays of the period marked as their own bars. Duties beside the stages (the plan's `duties`, #12)
 * get a section of their own: an aim as an `active` bar ending at the aim, a not-before moment as a
 * milestone, the partnership's working assumption as a `done` bar marked "(assumed ...)", a repeating
 * duty as its first occurrence with how it recurs, and a conditional or arising duty with what it is
 * owed only if. Those the plan cannot date are left to the Markdown page.
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
  // #12: the duties beside the stages, each marked for what its date is; an undated one has no bar.
  const dated = (result.duties ?? []).filter((d) => d.dueDate !== null);
  if (dated.length) {
    lines.push('  section Other duties (not the stage limits)');
    dated.forEach((d, i) => {
      const id = `d${i + 1}`;
      const date = d.dueDate!;
      const begin = d.fromDate !== null && d.fromDate <= date ? d.fromDate : date;
      lines.push(`  ${taskName(dutyName(d))} :${dutyTag(d)}${id}, ${d.timing === 'notBefore' ? `${date}, 0d` : `${begin}, ${date}`}`);
      if (date > last) last = date;
    });
  }
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
