// `due`: one duration from one instant, the library's time arithmetic at the command line, for
// checking a date by hand ("5 working days from 21 December, with the council closed?").

import { DURATION_SYNTAX, due as computeDue, parseDuration } from '../time/duration.js';
import { parseInstant } from '../time/instant.js';
import {
  CALENDAR_HELP,
  CALENDAR_OPTIONS,
  HELP,
  UsageError,
  calendarFrom,
  expectPositionals,
  provisionalNote,
  resolveCalendarLike,
  parseCommand,
  print,
  printJson,
  type Command,
} from './io.js';

const OPTIONS = { ...HELP, ...CALENDAR_OPTIONS, json: { type: 'boolean', default: false } } as const;

export const due: Command = {
  name: 'due',
  summary: 'compute one due date: a duration from an instant',
  help: `Usage: escalation-protocols due <from> <timescale> [options]

Prints when <timescale> after <from> falls due, in UK working days and Europe/London time. Working
days, days, weeks and months print the due date; hours and "immediately" print the instant.
<from> is YYYY-MM-DD, YYYY-MM-DDTHH:mm (London time) or an ISO 8601 instant with an offset.
<timescale> is one of ${DURATION_SYNTAX.replace(/`/g, '')}.

Options:
${CALENDAR_HELP}
  --json                print { from, timescale, date, at, provisional, confirmedUntil }
  -h, --help            this help

Examples:
  escalation-protocols due 2026-12-21 5wd                          # 2026-12-30
  escalation-protocols due 2026-03-28T10:00 24h                    # 2026-03-29T11:00:00+01:00
  escalation-protocols due 2026-12-21 5wd --closure 2026-12-29..2026-12-31
  escalation-protocols due 2026-06-04 1wd --region isle-of-man     # 2026-06-08 (TT bank holiday)

A date after the region's last announced bank holidays is followed by "provisional: ..." on stderr.`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    const [fromText, timescale] = expectPositionals(positionals, ['from', 'timescale']) as [string, string];
    const from = parseInstant(fromText);
    if (!from.success) throw new UsageError(from.issues[0]!.message);
    const duration = parseDuration(timescale);
    if (!duration.success) throw new UsageError(duration.issues[0]!.message);
    const calendar = resolveCalendarLike(calendarFrom(values, 'england-and-wales'));
    const result = computeDue(fromText, duration.duration, calendar);
    const provisional = result.provisional === true;
    if (values.json)
      printJson({ from: from.instant, timescale, date: result.date, at: result.at, provisional, confirmedUntil: calendar.confirmedUntil });
    else {
      print(duration.duration.unit === 'hours' || duration.duration.unit === 'immediately' ? result.at : result.date);
      // On stderr, so that stdout stays the bare answer for scripts ($(escalation-protocols due ...)).
      if (provisional) process.stderr.write(`${provisionalNote(calendar)}\n`);
    }
    return 0;
  },
};
