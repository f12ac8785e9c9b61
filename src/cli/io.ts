// Shared plumbing for the commands: arguments, errors with exit codes, files, calendars and output.
// src/cli is the only code that touches the file system, the terminal, process.env or the clock; most
// of that touching happens here, so each command reads as a few plain steps.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type PlanOptions } from '../engine/types.js';
import { MAX_PROTOCOL_SIZE } from '../protocol/_input.js';
import { type ProtocolIssue } from '../protocol/issues.js';
import { type Protocol, type Subject } from '../protocol/schema.js';
import { REGIONS, createCalendar, type Calendar, type CalendarLike, type Region } from '../time/calendar.js';
import { parseInstant } from '../time/instant.js';

export { BIN, Failure, UsageError } from './_errors.js';
export {
  collectFiles,
  display,
  loadProtocolFile,
  MAX_SIZE_HELP,
  MAX_SIZE_OPTION,
  maxSizeFrom,
  readBytes,
  readJson,
  readText,
} from './_files.js';

import { Failure, UsageError } from './_errors.js';
import { display, loadProtocolFile } from './_files.js';

/** One command: `run` gets the arguments after the command's name and returns the exit code. */
export interface Command {
  readonly name: string;
  /** One line for the tool's own help. */
  readonly summary: string;
  /** The full `--help` text: usage, options, an example. */
  readonly help: string;
  run(argv: string[]): number | Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Every command accepts `--help`/`-h`. */
export const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** `parseArgs`, strict, with its errors turned into one-line usage errors. */
export function parseCommand<const O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]}`, true);
    const missing = /Option '([^' ]+)[^']*' argument missing/.exec(message);
    if (missing) throw new UsageError(`${missing[1]} needs a value`, true);
    const noValue = /Option '([^' ]+)[^']*' does not take an argument/.exec(message);
    if (noValue) throw new UsageError(`${noValue[1]} takes no value`, true);
    throw new UsageError(message.split('\n')[0]!, true);
  }
}

/** Exactly the positional arguments `names` (named in the message when they are not all there). */
export function expectPositionals(positionals: string[], names: readonly string[]): string[] {
  if (positionals.length < names.length)
    throw new UsageError(
      `missing ${names
        .slice(positionals.length)
        .map((n) => `<${n}>`)
        .join(' ')}`,
      true,
    );
  if (positionals.length > names.length) throw new UsageError(`unexpected argument "${positionals[names.length]}"`, true);
  return positionals;
}

// ---------------------------------------------------------------------------------------------------
// Output. Colour is minimal, and off when NO_COLOR is set or stdout is not a terminal.

const COLOUR = !process.env['NO_COLOR'] && process.stdout.isTTY === true;
const paint =
  (code: number, reset: number) =>
  (text: string): string =>
    COLOUR ? `\x1b[${code}m${text}\x1b[${reset}m` : text;
export const red = paint(31, 39);
export const yellow = paint(33, 39);
export const green = paint(32, 39);
export const dim = paint(2, 22);
export const bold = paint(1, 22);

export function print(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}

/** Left-aligned columns (colour codes take no width); the last column is not padded. */
export function table(rows: readonly (readonly string[])[], indent = ''): string[] {
  const width = (cell: string): number => cell.replace(/\x1b\[\d+m/g, '').length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  const pad = (cell: string, i: number): string => cell + ' '.repeat(widths[i]! - width(cell));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === row.length - 1 ? cell : pad(cell, i)))
        .join('  ')
        .trimEnd(),
  );
}

// ---------------------------------------------------------------------------------------------------
// Files

/** The package root: the folder above dist/ (or src/) holding this package's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && /"name":\s*"escalation-protocols"/.test(readFileSync(manifest, 'utf8'))) return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export const bundledDir = (): string => join(packageRoot(), 'protocols');

export const isScenarioFile = (file: string): boolean => /\.scenarios\.jsonc?$/.test(file);
export const isProtocolFile = (file: string): boolean => /\.jsonc?$/.test(file) && !isScenarioFile(file);

/** The ids of the bundled protocols (file names in protocols/), sorted. */
export function bundledIds(): string[] {
  if (!existsSync(bundledDir())) return [];
  return readdirSync(bundledDir())
    .filter((f) => f.endsWith('.json') && isProtocolFile(f))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

// ---------------------------------------------------------------------------------------------------
// Protocols

/** A finding with the file it is in, as `validate` reports it. */
export interface Finding {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly severity: ProtocolIssue['severity'];
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The reason, when the protocol file accepts the finding. */
  readonly accepted?: string;
}

export function toFinding(file: string, issue: ProtocolIssue): Finding {
  return {
    ...(issue.accepted === undefined ? {} : { accepted: issue.accepted }),
    file,
    line: issue.line ?? null,
    column: issue.column ?? null,
    severity: issue.severity,
    code: issue.code,
    path: issue.path,
    message: issue.message,
  };
}

export function formatFinding(f: Finding): string {
  const where = f.line === null ? f.file : `${f.file}:${f.line}:${f.column}`;
  const severity = f.severity === 'error' ? red('error') : f.severity === 'warning' ? yellow('warning') : dim('info');
  if (f.accepted) return `${where} ${dim(`${f.severity}, accepted`)} ${f.code} ${f.message} ${dim(`Accepted: ${f.accepted}`)}`;
  return `${where} ${severity} ${f.code} ${f.message}`;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** `<id|file>`: an existing file wins; otherwise a bundled id, read from `<package root>/protocols/<id>.json`. */
export function resolveProtocolPath(arg: string): string {
  if (existsSync(arg) && statSync(arg).isFile()) return arg;
  const bundled = ID.test(arg) ? join(bundledDir(), `${arg}.json`) : undefined;
  if (bundled && existsSync(bundled)) return bundled;
  if (existsSync(arg)) throw new UsageError(`${arg} is a folder; give a protocol file or the id of a bundled protocol`);
  if (bundled)
    throw new UsageError(
      `no protocol "${arg}": no such file, and no bundled protocol of that id (bundled: ${bundledIds().join(', ') || 'none'})`,
    );
  throw new UsageError(`${arg}: no such file`);
}

/** Resolves, reads and parses a protocol; an invalid one prints its errors on stderr and fails (exit 1). */
export function openProtocol(arg: string): { protocol: Protocol; file: string } {
  const file = resolveProtocolPath(arg);
  const result = loadProtocolFile(file, MAX_PROTOCOL_SIZE);
  if (!result.success) {
    for (const issue of result.issues.filter((i) => i.severity === 'error'))
      process.stderr.write(`${formatFinding(toFinding(display(file), issue))}\n`);
    throw new Failure(`${display(file)} is not a valid protocol; fix the errors above (escalation-protocols validate ${display(file)})`);
  }
  return { protocol: result.protocol, file };
}

// ---------------------------------------------------------------------------------------------------
// Calendars: --region and --closure, shared by plan, due and status.

export const CALENDAR_OPTIONS = {
  region: { type: 'string' },
  closure: { type: 'string', multiple: true },
} as const;

export const CALENDAR_HELP = `  --region R            bank holidays of ${REGIONS.join(', ')}
  --closure DATE        a day the organisation is closed, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (repeatable)`;

/** A region name or calendar as a calendar (the CLI reads `confirmedUntil` from it). */
export function resolveCalendarLike(calendar: CalendarLike | undefined, fallback: Region = 'england-and-wales'): Calendar {
  const like = calendar ?? fallback;
  return typeof like === 'string' ? createCalendar({ region: like }) : like;
}

/** The words printed under a result past the calendar's confirmed bank holidays. */
export function provisionalNote(calendar: Calendar): string {
  return `provisional: bank holidays after ${calendar.confirmedUntil} are not yet announced (${calendar.region}); a new one could move this date`;
}

/** The options `plan` and `timeline` share: when the disagreement arose, whose route, which calendar. */
export const PLAN_OPTIONS = { ...CALENDAR_OPTIONS, from: { type: 'string' }, subject: { type: 'string' } } as const;

/**
 * The protocol and `plan` options from `plan`'s and `timeline`'s arguments: `--from` required and
 * readable, `--subject` one the protocol covers, `--region` and `--closure` as a calendar.
 */
export function planArguments(
  values: { from?: string | undefined; subject?: string | undefined; region?: string | undefined; closure?: string[] | undefined },
  arg: string,
): { protocol: Protocol; options: PlanOptions } {
  if (values.from === undefined) throw new UsageError('--from is required, e.g. --from 2026-12-21', true);
  const from = parseInstant(values.from);
  if (!from.success) throw new UsageError(`--from: ${from.issues[0]!.message}`);
  const { protocol } = openProtocol(arg);
  const subject = values.subject as Subject | undefined;
  if (subject !== undefined && !protocol.scope.subjects.includes(subject)) {
    throw new UsageError(`--subject: ${protocol.id} covers ${protocol.scope.subjects.join(', ')}, not "${subject}"`);
  }
  const calendar = calendarFrom(values, protocol.scope.region);
  return { protocol, options: { from: values.from, ...(subject ? { subject } : {}), ...(calendar ? { calendar } : {}) } };
}

/**
 * A calendar from `--region` (or the default) and `--closure`. Undefined when neither is given, so
 * the engine uses the protocol's own region.
 */
export function calendarFrom(
  values: { region?: string | undefined; closure?: string[] | undefined },
  fallback: Region,
): CalendarLike | undefined {
  const { region, closure = [] } = values;
  if (region !== undefined && !(REGIONS as readonly string[]).includes(region)) {
    throw new UsageError(`--region: unknown region "${region}"; use one of ${REGIONS.join(', ')}`);
  }
  if (region === undefined && closure.length === 0) return undefined;
  const closures = closure.map((text) => {
    const match = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(text);
    if (!match) throw new UsageError(`--closure: "${text}" is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD`);
    return match[2] ? { from: match[1]!, to: match[2] } : match[1]!;
  });
  // createCalendar throws a TimeError for an impossible date or a range backwards; main reports it (exit 2).
  return createCalendar({ region: (region as Region | undefined) ?? fallback, closures });
}
