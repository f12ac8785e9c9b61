// `status`: where a case stands at a moment, for a person reading it: the stage and its owners,
// every obligation with its due date and state, records still missing, and the moves allowed now.

import { status as caseStatus } from '../engine/status.js';
import { type AllowedMove, type Case, type ObligationStatus } from '../engine/types.js';
import { parseInstant } from '../time/instant.js';
import {
  CALENDAR_HELP,
  CALENDAR_OPTIONS,
  Failure,
  HELP,
  UsageError,
  bold,
  calendarFrom,
  provisionalNote,
  resolveCalendarLike,
  dim,
  display,
  expectPositionals,
  green,
  openProtocol,
  parseCommand,
  print,
  printJson,
  readJson,
  red,
  table,
  yellow,
  type Command,
} from './io.js';

const OPTIONS = { ...HELP, ...CALENDAR_OPTIONS, now: { type: 'string' }, json: { type: 'boolean', default: false } } as const;

export const status: Command = {
  name: 'status',
  summary: "show a case's stage, deadlines, missing records and allowed moves",
  help: `Usage: escalation-protocols status <id|file> <case.json> --now <datetime> [options]

Evaluates a case (a JSON file: { "protocol": { "id", "version" }, "events": [...] }) against its
protocol at a moment. Exit 1 when the case's events are not moves the protocol allows.

Options:
  --now WHEN            the moment to evaluate at: YYYY-MM-DDTHH:mm (London time) or ISO 8601 (required)
${CALENDAR_HELP}
  --json                print the status object the library returns
  -h, --help            this help

Example:
  escalation-protocols status swindon case-1234.json --now 2027-01-05T09:00`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    const [arg, caseFile] = expectPositionals(positionals, ['id|file', 'case.json']) as [string, string];
    if (values.now === undefined) throw new UsageError('--now is required, e.g. --now 2027-01-05T09:00', true);
    const now = parseInstant(values.now);
    if (!now.success) throw new UsageError(`--now: ${now.issues[0]!.message}`);
    const { protocol } = openProtocol(arg);
    const kase = readJson(caseFile) as Case;
    const calendar = calendarFrom(values, protocol.scope.region);
    const result = caseStatus(protocol, kase, values.now, calendar ? { calendar } : {});
    if (!result.success) {
      const { refusal } = result;
      const where = refusal.eventIndex >= 0 ? `event ${refusal.eventIndex + 1}: ` : '';
      throw new Failure(`${display(caseFile)}: ${where}${refusal.code}: ${refusal.message}`);
    }
    const s = result.status;
    if (values.json) {
      printJson(s);
      return 0;
    }
    print(
      `${bold(`${s.stage.id}: ${s.stage.title}`)}  ${dim(`(${s.protocol.id} ${s.protocol.version}, case ${s.phase}, ${s.subject}, at ${s.now})`)}`,
    );
    print(`Entered ${s.stage.enteredAt}; owners: ${s.stage.owners.map((o) => `${o.title} (${o.side})`).join(', ')}`);
    if (s.exitedTo) print(`Exited to: ${s.exitedTo}`);
    for (const w of s.warnings ?? []) print(yellow(`Warning: ${w.message}`));
    print();
    print('Obligations:');
    if (s.obligations.length === 0) print(dim('  none'));
    const rows = s.obligations.map((o) => [
      o.id + (o.modality ? dim(` (${o.modality})`) : ''),
      o.stage ?? (o.rule ? `bypass ${o.rule}` : `on ${o.arising?.on}`),
      o.together ? o.together.map((t) => t.title).join(' + ') : o.owner.title,
      deadline(o),
      paint(o),
    ]);
    for (const line of table(rows, '  ')) print(line);
    if (s.obligations.some((o) => o.due?.provisional || o.target?.provisional)) {
      print(provisionalNote(resolveCalendarLike(calendar, protocol.scope.region)));
    }
    print();
    print('Missing records:');
    if (s.missingRecords.length === 0) print(dim('  none'));
    for (const line of table(
      s.missingRecords.map((r) => [
        `${r.stage}/${r.record}`,
        r.title + (r.noChildOrFamilyDetails ? dim(' (no details of any child or family)') : ''),
      ]),
      '  ',
    ))
      print(line);
    print();
    print('Allowed now:');
    if (s.allowed.length === 0) print(dim('  nothing (the case is closed)'));
    for (const move of s.allowed) print(`  ${describeMove(move)}`);
    return 0;
  },
};

function deadline(o: ObligationStatus): string {
  if (o.words !== null) return `"${o.words}" (no number)`;
  if (o.due === null) return o.waitingFor.length ? `waiting for ${o.waitingFor.join(', ')}` : '-';
  return o.target ? `target ${o.target.date}, due ${o.due.date}` : `due ${o.due.date}`;
}

function paint(o: ObligationStatus): string {
  const state = o.metAt ? `${o.state} ${dim(o.metAt)}` : o.state;
  if (o.state === 'overdue' || o.state === 'metLate') return red(state);
  if (o.state === 'dueSoon' || o.state === 'dueNow') return yellow(state);
  if (o.state === 'met') return green(state);
  return state;
}

function describeMove(move: AllowedMove): string {
  switch (move.type) {
    case 'escalated':
      return `escalate to ${move.to}${move.skip ? ' (a skip the protocol allows)' : ''}`;
    case 'recorded':
      return `record: ${move.records.join(', ')}`;
    case 'fulfilled':
      return `fulfil: ${move.obligations.join(', ')}`;
    case 'bypassed':
      return `bypass: ${move.rules.join(', ')}`;
    case 'opened':
      return `open at: ${move.stages.join(', ')}`;
    case 'noted':
      return `note a fact: ${move.facts.join(', ')}`;
    case 'resolved':
      return 'resolve';
    case 'withdrawn':
      return 'withdraw';
    case 'closed':
      return 'close';
  }
}
