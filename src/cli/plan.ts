// `plan`: the projected timeline of a protocol if every stage runs to its limit, for comparing with
// the published document ("Day 17" on a form) and for planning around holidays and closures.

import { SUBJECTS, parseInstant, plan as project, type Subject } from '../index.js';
import {
  CALENDAR_HELP,
  CALENDAR_OPTIONS,
  HELP,
  UsageError,
  calendarFrom,
  dim,
  expectPositionals,
  openProtocol,
  parseCommand,
  print,
  printJson,
  table,
  type Command,
} from './io.js';

const OPTIONS = {
  ...HELP,
  ...CALENDAR_OPTIONS,
  from: { type: 'string' },
  subject: { type: 'string' },
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
    if (values.from === undefined) throw new UsageError('--from is required, e.g. --from 2026-12-21', true);
    const from = parseInstant(values.from);
    if (!from.success) throw new UsageError(`--from: ${from.issues[0]!.message}`);
    const { protocol } = openProtocol(arg!);
    const subject = values.subject as Subject | undefined;
    if (subject !== undefined && !protocol.scope.subjects.includes(subject)) {
      throw new UsageError(`--subject: ${protocol.id} covers ${protocol.scope.subjects.join(', ')}, not "${subject}"`);
    }
    const calendar = calendarFrom(values, protocol.scope.region);
    const result = project(protocol, { from: values.from, ...(subject ? { subject } : {}), ...(calendar ? { calendar } : {}) });

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
