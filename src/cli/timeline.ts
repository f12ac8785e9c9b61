// `timeline`: the plan as a Mermaid Gantt chart, to lay beside a document's worked example.

import { SUBJECTS } from '../protocol/schema.js';
import { renderTimeline } from '../render/gantt.js';
import { CALENDAR_HELP, PLAN_OPTIONS, HELP, expectPositionals, planArguments, parseCommand, type Command } from './io.js';

const OPTIONS = { ...HELP, ...PLAN_OPTIONS } as const;

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
    const { protocol, options } = planArguments(values, arg!);
    process.stdout.write(renderTimeline(protocol, options));
    return 0;
  },
};
