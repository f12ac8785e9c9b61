// Shared plumbing for the commands: arguments, errors with exit codes, files, calendars and output.
// src/cli is the only code that touches the file system, the terminal, process.env or the clock; most
// of that touching happens here, so each command reads as a few plain steps.

import {
  type Dirent,
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  MAX_PROTOCOL_SIZE,
  REGIONS,
  createCalendar,
  loadProtocol,
  type Calendar,
  type CalendarLike,
  type Protocol,
  type ProtocolIssue,
  type ProtocolResult,
  type Region,
} from '../index.js';

export const BIN = 'escalation-protocols';

/** A mistake in how the tool was called (unknown flag, missing file, bad argument): exit 2. */
export class UsageError extends Error {
  /** Whether to point at `--help` after the message. */
  readonly showHelp: boolean;
  constructor(message: string, showHelp = false) {
    super(message);
    this.showHelp = showHelp;
  }
}

/** The input was read and is invalid (a broken protocol, a refused case): exit 1. */
export class Failure extends Error {}

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

/** A path as the user would write it: relative to the current folder when inside it. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
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

/** Why a file could not be read, as a usage error (exit 2). */
function unreadable(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`${file}: no such file`);
  if (code === 'EISDIR') return new UsageError(`${file} is a folder; give a file`);
  return new UsageError(`${file}: cannot read it (${code ?? 'unknown error'})`);
}

/**
 * A file's bytes, or `{ size }` alone when it is larger than `maxSize` (checked on the open file
 * before reading, so a huge file costs nothing). A missing or unreadable file is a usage error.
 */
export function readBytes(file: string, maxSize = Number.POSITIVE_INFINITY): { bytes?: Uint8Array; size: number } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const { size } = fstatSync(fd);
    if (size > maxSize) return { size };
    // Read to the end rather than trusting size: a file may grow, and /proc-like files report 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(size + 1 - total, 65_536));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxSize) return { size: total };
    }
    return { bytes: Buffer.concat(chunks, total), size: total };
  } catch (error) {
    throw unreadable(file, error);
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file as strict UTF-8; a missing or unreadable file is a usage error, bytes that are not UTF-8 invalid input. */
export function readText(file: string): string {
  const { bytes = new Uint8Array(0) } = readBytes(file);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new Failure(`${display(file)}: not UTF-8 text; save it as UTF-8`);
  }
}

/** `--max-size`, shared by validate and test: the size cap for protocol files, in bytes. */
export const MAX_SIZE_OPTION = { 'max-size': { type: 'string' } } as const;

export const MAX_SIZE_HELP = `  --max-size BYTES      refuse protocol files larger than this (default ${MAX_PROTOCOL_SIZE}, 1 MiB)`;

export function maxSizeFrom(value: string | undefined): number {
  if (value === undefined) return MAX_PROTOCOL_SIZE;
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new UsageError(`--max-size must be a whole number of bytes, not "${value}"`);
  return Number(value);
}

/**
 * Reads and loads a protocol file under the size cap. A file over the cap is refused before it is
 * read, with the same finding loadProtocol gives; bytes are decoded by loadProtocol, strictly.
 */
export function loadProtocolFile(file: string, maxSize: number): ProtocolResult & { text?: string } {
  const { bytes, size } = readBytes(file, maxSize);
  if (!bytes) {
    const message = `The file is ${size.toLocaleString('en-GB')} bytes, more than the cap of ${maxSize.toLocaleString('en-GB')}; no protocol needs that. If this one does, raise the cap with --max-size.`;
    return { success: false, issues: [{ code: 'json/too-large', path: [], message, severity: 'error' }] };
  }
  const result = loadProtocol(bytes, { maxSize });
  let text: string | undefined;
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = undefined;
  }
  return text === undefined ? result : { ...result, text };
}

/** Reads a JSON file whose content is data for a command (a case): bad JSON makes it invalid (exit 1). */
export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Failure(`${display(file)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Files named on the command line, and the files `keep` accepts directly inside folders named there.
 * Folders are not searched recursively: protocols/ is flat, and a deeper search would pick up case
 * files and other JSON that happens to sit below. A symbolic link in a folder is followed when it
 * leads to a file (the operating system resolves the chain, refusing loops); one that leads to a
 * folder, nowhere or round in a loop is reported on stderr and skipped. A file reached twice (named
 * and linked, say) is checked once.
 */
export function collectFiles(paths: readonly string[], keep: (file: string) => boolean): { explicit: string[]; found: string[] } {
  const explicit: string[] = [];
  const found: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (!isDirectory) {
      explicit.push(path);
      continue;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      throw new UsageError(`${path}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
    for (const entry of entries) {
      if (!keep(entry.name)) continue;
      const file = join(path, entry.name);
      if (entry.isFile()) found.push(file);
      else if (entry.isSymbolicLink()) {
        let target: ReturnType<typeof statSync> | undefined;
        try {
          target = statSync(file);
        } catch {
          target = undefined;
        }
        if (target?.isFile()) found.push(file);
        else
          process.stderr.write(
            `skipping ${file}: a symbolic link to ${target ? 'something that is not a file' : 'nothing (broken, or a loop)'}\n`,
          );
      }
    }
  }
  const seen = new Set<string>();
  const once = (file: string): boolean => {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      real = resolve(file);
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  return { explicit: explicit.filter(once), found: found.sort().filter(once) };
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
