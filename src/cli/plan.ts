// `plan`: the projected timeline of a protocol if every stage runs to its limit, for comparing with
// the published document ("Day 17" on a form) and for planning around holidays and closures.

import { plan as project } from '../engine/plan.js';
import { SUBJECTS } from '../protocol/schema.js';
import {
  CALENDAR_HELP,
  PLAN_OPTIONS,
  HELP,
  dim,
  expectPositionals,
  planArguments,
  parseCommand,
  print,
  printJson,
  table,
  type Command,
} from './io.js';

const OPTIONS = {
  ...HELP,
  ...PLAN_OPTIONS,
  json: { type: 'boolean', default: false },
} as const;

export const plan: Command = {
  name: 'plan',
  summary: 'project the timeline of a protocol from a date',
  help: `Usage: escalation-protocols plan <id|file> --from <date-or-datetime> [options]

Projects each stage's due date if every stage runs to its limit, from when the disagreement arose.
<id> is a bundled protocol (see "list"); anything else is a path to a protocol file.

Options:
  --from WHEN           YYYY-MM-DD or YYYY-MM-DDTHH:mm (London time), or with an offset (required)
  --subject S           whose route to follow: ${SUBJECTS.join(', ')} (default: the protocol's first)
${CALENDAR_HELP}
  --json                print { protocol, from, confirmedUntil, stages: [{ id, title, owners, dueDate, dueAt, provisional }] }
  -h, --help            this help

Example:
  escalation-protocols plan swindon --from 2026-12-21 --closure 2026-12-29..2026-12-31`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    const [arg] = expectPositionals(positionals, ['id|file']);
    const { protocol, options } = planArguments(values, arg!);
    const result = project(protocol, options);

    if (values.json) {
      printJson({
        protocol: result.protocol,
        from: result.from,
        confirmedUntil: result.confirmedUntil,
        stages: result.stages.map(({ id, title, owners, dueDate, dueAt, provisional }) => ({
          id,
          title,
          owners,
          dueDate,
          dueAt,
          provisional: provisional === true,
        })),
      });
      return 0;
    }
    print(`${protocol.title} (${protocol.id} ${protocol.version}), ${protocol.partnership}`);
    print(dim(`From ${result.from} (subject: ${result.subject}); each stage entered when the one before it falls due.`));
    print();
    // Role ids, not titles: real titles run to a line each, which would bury the dates.
    const rows = result.stages.map((s) => [
      s.id,
      s.dueDate
        ? `${s.dueDate}${s.provisional ? '*' : ''}${s.workingDay === null ? '' : dim(` (working day ${s.workingDay})`)}`
        : dim('no number'),
      s.title,
      s.owners.join(', ') || '-',
    ]);
    for (const line of table([['STAGE', 'DUE', 'TITLE', 'OWNERS'], ...rows], '  ')) print(line);
    if (result.stages.some((s) => s.provisional)) {
      print();
      print(`provisional: bank holidays after ${result.confirmedUntil} are not yet announced; dates marked * could still move`);
    }
    if (result.bypass.length) {
      print();
      print('Bypass rules:');
      for (const b of result.bypass) print(`  ${b.id}: ${b.trigger} -> ${b.action} (${b.owner}; ${b.timescale}; ${b.effect})`);
    }
    return 0;
  },
};
