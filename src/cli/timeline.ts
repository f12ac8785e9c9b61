// `timeline`: the plan as a Mermaid Gantt chart, to lay beside a document's worked example.

import { SUBJECTS, parseInstant, renderTimeline, type Subject } from '../index.js';
import {
  CALENDAR_HELP,
  CALENDAR_OPTIONS,
  HELP,
  UsageError,
  calendarFrom,
  expectPositionals,
  openProtocol,
  parseCommand,
  type Command,
} from './io.js';

const OPTIONS = { ...HELP, ...CALENDAR_OPTIONS, from: { type: 'string' }, subject: { type: 'string' } } as const;

export const timeline: Command = {
  name: 'timeline',
  summary: 'print the plan of a protocol as a Mermaid Gantt chart',
  help: `Usage: escalation-protocols timeline <id|file> --from <date-or-datetime> [options]

Prints a Mermaid Gantt chart of "plan": each stage as a bar from when it is entered to its due date,
if every stage runs to its limit, and the bank holidays and closures of the period marked.

Options:
  --from WHEN           YYYY-MM-DD or YYYY-MM-DDTHH:mm (London time), or with an offset (required)
  --subject S           whose route to follow: ${SUBJECTS.join(', ')} (default: the protocol's first)
${CALENDAR_HELP}
  -h, --help            this help

Example:
  escalation-protocols timeline swindon --from 2026-12-21 --closure 2026-12-29..2026-12-31`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    const [arg] = expectPositionals(positionals, ['id|file']);
    if (values.from === undefined) throw new UsageError('--from is required, e.g. --from 2026-12-21', true);
    const from = parseInstant(values.from);
    if (!from.success) throw new UsageError(`--from: ${from.issues[0]!.message}`);
    const { protocol } = openProtocol(arg!);
    const subject = values.subject as Subject | undefined;
    if (subject !== undefined && !protocol.scope.subjects.includes(subject)) {
      throw new UsageError(`--subject: ${protocol.id} covers ${protocol.scope.subjects.join(', ')}, not "${subject}"`);
    }
    const calendar = calendarFrom(values, protocol.scope.region);
    process.stdout.write(
      renderTimeline(protocol, { from: values.from, ...(subject ? { subject } : {}), ...(calendar ? { calendar } : {}) }),
    );
    return 0;
  },
};
