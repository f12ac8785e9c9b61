import { BANK_HOLIDAYS, CONFIRMED_UNTIL, HOLIDAY_NAMES } from './_bankHolidays.generated.js';
import { decodeHolidayTable } from './_holidayTable.js';
import { DAY_COUNT, FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR, describe, formatDay, parseDay, readDate, weekday } from './_days.js';
import { closureDays, parseClockTime, readCalendarOptions, type ReadCalendarOptions, unknownRegion } from './_calendarOptions.js';
import { readOptions } from './_options.js';
import { REGIONS, type Region } from './_regions.js';
import { TimeError } from './timeError.js';

export { REGIONS, type Region } from './_regions.js';

/**
 * The dates the library can compute with: UK bank holidays are known (from the official record and
 * the statutory rules) for these years, and any date outside them is refused with `time/out-of-range`.
 */
export const SUPPORTED_RANGE = { from: `${FIRST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` } as const;

/** A day the organisation does not work that is not a bank holiday: one date, or an inclusive range. */
export type Closure = string | { readonly from: string; readonly to: string; readonly name?: string | undefined };

/** What {@link createCalendar} accepts. Every field is optional. */
export interface CalendarOptions {
  /** Whose bank holidays; `england-and-wales` when omitted. */
  readonly region?: Region;
  /** Extra non-working days, e.g. `{ from: '2026-12-24', to: '2026-12-31', name: 'Council closure' }`. */
  readonly closures?: readonly Closure[];
  /** Bank holidays announced after this release, e.g. `{ date: '2027-05-10', name: 'Extra bank holiday' }`. */
  readonly addHolidays?: readonly { readonly date: string; readonly name: string }[];
  /** Bank holidays that were moved or cancelled after this release (`YYYY-MM-DD`). */
  readonly removeHolidays?: readonly string[];
  /** Local time (`HH:mm`) at which a working day ends; deadlines fall then instead of 23:59:59.999. */
  readonly workingDayEnd?: string;
  /**
   * The last date (`YYYY-MM-DD`) whose holidays you know to be final, when you have loaded a newly
   * published year (e.g. `'2028-12-31'`). It only moves the bundled date forward, never back.
   */
  readonly confirmedUntil?: string;
}

/** A named non-working day, as {@link holidaysBetween} lists it. */
export interface NonWorkingDay {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** The holiday's or closure's name. */
  readonly name: string;
  /** A public bank holiday, or a closure the integrator added. */
  readonly kind: 'bank-holiday' | 'closure';
}

/** @internal Precomputed per calendar so that every working-day question is one or two array reads. */
export interface CalendarTables {
  /** 1 where the day (index from FIRST_DAY) is a working day. */
  readonly working: Uint8Array;
  /** Working days up to and including each day. */
  readonly rank: Int32Array;
  /** Day numbers of the working days, ascending. */
  readonly workingDays: Int32Array;
  /** Why each non-working weekday is one. */
  readonly named: ReadonlyMap<number, { name: string; kind: NonWorkingDay['kind'] }>;
  /** Milliseconds after local midnight at which a working day ends. */
  readonly endOfDayMs: number;
  /** Day number of {@link Calendar.confirmedUntil}: a result after it is provisional. */
  readonly confirmedUntilDay: number;
}

/**
 * Which days are working days: Monday to Friday, less a region's bank holidays and any closures.
 * Build one with {@link createCalendar} or {@link calendarFromGovUkFeed}; pass it (or just a region
 * name) to the time functions and to the engine. Building costs well under a millisecond; build it
 * once and reuse it.
 */
export interface Calendar {
  /** The region whose bank holidays it starts from. */
  readonly region: Region;
  /**
   * Set only on calendars built from another holiday source (see `escalation-protocols/territories`):
   * the territory whose holidays it holds, e.g. `JE`. Such a calendar ignores `region`'s bank holidays.
   */
  readonly territory?: string;
  /** `HH:mm` when set; otherwise deadlines fall at 23:59:59.999 local. */
  readonly workingDayEnd: string | undefined;
  /**
   * The last date (`YYYY-MM-DD`) whose bank holidays are confirmed: the end of the last year the
   * government has published (bundled), moved forward by a GOV.UK feed, by added holidays or by the
   * `confirmedUntil` option. A due date after it is `provisional`: a holiday not yet announced could move it.
   */
  readonly confirmedUntil: string;
  /** @internal */
  readonly tables: CalendarTables;
}

/** A calendar, or the name of a region for its plain calendar. */
export type CalendarLike = Calendar | Region;

const END_OF_DAY_MS = 86_400_000 - 1;

const decoded = new Map<Region, ReadonlyMap<number, string>>();

/** @internal A region's bundled holidays, decoded from the table once; callers get a copy they may change. */
export function bundledHolidays(region: Region): Map<number, string> {
  let table = decoded.get(region);
  if (!table) {
    const map = new Map<number, string>();
    for (const { day, name } of decodeHolidayTable(BANK_HOLIDAYS[region])) map.set(day, HOLIDAY_NAMES[name] ?? 'Bank holiday');
    decoded.set(region, (table = map));
  }
  return new Map(table);
}

function buildTables(
  holidays: ReadonlyMap<number, string>,
  closures: ReadonlyMap<number, string>,
  endOfDayMs: number,
  confirmedUntilDay: number,
): CalendarTables {
  const working = new Uint8Array(DAY_COUNT);
  const rank = new Int32Array(DAY_COUNT);
  const named = new Map<number, { name: string; kind: NonWorkingDay['kind'] }>();
  for (const [day, name] of closures) named.set(day, { name, kind: 'closure' });
  for (const [day, name] of holidays) named.set(day, { name, kind: 'bank-holiday' });
  // Weekdays first, by index (no per-day lookups), then the named days cleared: a sweep that builds
  // a calendar per set of closures pays for a few hundred writes, not 36,525 map lookups.
  for (let i = 0, w = weekday(FIRST_DAY); i < DAY_COUNT; i++, w = w === 6 ? 0 : w + 1) if (w < 5) working[i] = 1;
  for (const day of named.keys()) if (day >= FIRST_DAY && day <= LAST_DAY) working[day - FIRST_DAY] = 0;
  let count = 0;
  for (let i = 0; i < DAY_COUNT; i++) {
    count += working[i]!;
    rank[i] = count;
  }
  const workingDays = new Int32Array(count);
  for (let i = 0, k = 0; i < DAY_COUNT; i++) if (working[i]) workingDays[k++] = FIRST_DAY + i;
  return { working, rank, workingDays, named, endOfDayMs, confirmedUntilDay };
}

const regionCalendars = new Map<Region, Calendar>();

/** @internal Resolves a {@link CalendarLike}; region calendars are built once and shared. */
let defaultCalendar: Calendar | undefined;
const CALENDAR_PATH = ['calendar'];

export function resolveCalendar(calendar: CalendarLike | undefined, path: readonly (string | number)[] = CALENDAR_PATH): Calendar {
  // The default calendar, and the calendar object passed last, without a lookup: small enough to
  // inline into the time functions, which run millions of times in a sweep.
  if (calendar === undefined) return defaultCalendar ?? (defaultCalendar = lookUpCalendar('england-and-wales', path));
  return typeof calendar === 'object' && calendar === lastChecked ? calendar : lookUpCalendar(calendar, path);
}

function lookUpCalendar(calendar: CalendarLike, path: readonly (string | number)[]): Calendar {
  if (typeof calendar === 'string') {
    const cached = regionCalendars.get(calendar);
    if (cached) return cached;
    if (!REGIONS.includes(calendar)) throw unknownRegion(calendar, path);
    const built: Calendar = Object.freeze({
      region: calendar,
      workingDayEnd: undefined,
      confirmedUntil: CONFIRMED_UNTIL[calendar],
      tables: buildTables(bundledHolidays(calendar), new Map(), END_OF_DAY_MS, readDate(CONFIRMED_UNTIL[calendar])),
    });
    regionCalendars.set(calendar, built);
    return built;
  }
  if (!isCalendar(calendar)) {
    throw new TimeError(
      'time/invalid-calendar',
      `Expected a calendar from createCalendar() or a region (${REGIONS.join(', ')}), got ${describe(calendar)}.`,
      path,
    );
  }
  lastChecked = calendar;
  return calendar;
}

// Calendars already checked: the check reads a few fields, but the engine asks for every case.
const checked = new WeakSet<object>();
let lastChecked: Calendar | undefined;

/**
 * Whether a value has every table a calendar's readers index, each of the right type and length. A
 * calendar copied with structuredClone (to a worker, say) passes; a look-alike with a stray `rank`
 * does not, because the readers would then return undefined for every day.
 */
function isCalendar(value: unknown): value is Calendar {
  if (value === null || typeof value !== 'object') return false;
  if (checked.has(value)) return true;
  const tables = (value as { tables?: Partial<CalendarTables> }).tables;
  const ok =
    tables !== null &&
    typeof tables === 'object' &&
    tables.working instanceof Uint8Array &&
    tables.working.length === DAY_COUNT &&
    tables.rank instanceof Int32Array &&
    tables.rank.length === DAY_COUNT &&
    tables.workingDays instanceof Int32Array &&
    tables.workingDays.length === tables.rank[DAY_COUNT - 1] &&
    tables.named instanceof Map &&
    typeof tables.endOfDayMs === 'number' &&
    Number.isSafeInteger(tables.endOfDayMs) &&
    tables.endOfDayMs >= 0 &&
    tables.endOfDayMs < 86_400_000 &&
    REGIONS.includes((value as { region?: Region }).region as Region);
  if (ok) checked.add(value);
  return ok;
}

/**
 * Builds a working-day calendar: a region's bank holidays, adjusted and extended with closures.
 *
 * @param options - region, closures, holidays added or removed since this release, working-day end
 * @returns a calendar for every time function and the engine
 * @throws {@link TimeError} naming the offending option (`time/invalid-date`, `time/unknown-region`, ...)
 * @example
 * ```ts
 * const calendar = createCalendar({
 *   region: 'england-and-wales',
 *   closures: [{ from: '2026-12-24', to: '2026-12-31', name: 'Council closure' }],
 *   workingDayEnd: '17:00',
 * });
 * addWorkingDays('2026-12-21', 5, calendar); // '2027-01-06'
 * ```
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const read = readCalendarOptions(options, "createCalendar's options");
  return calendarFrom(read.region, bundledHolidays(read.region), read, readDate(CONFIRMED_UNTIL[read.region]));
}

/**
 * @internal For the territories adapter: a calendar from holidays read from another source instead of
 * a region's bundled ones, with the usual options applied on top. `region` stays `england-and-wales`.
 * Rules are not announcements, so nothing is confirmed unless the integrator says so (`confirmedUntil`).
 */
export function calendarFromHolidayMap(
  territory: string,
  holidays: Map<number, string>,
  options: Omit<CalendarOptions, 'region'> = {},
): Calendar {
  const read = readCalendarOptions({ ...readOptions(options, 'the calendar options'), region: undefined }, 'the calendar options');
  return calendarFrom('england-and-wales', holidays, read, FIRST_DAY - 1, territory);
}

/** @internal A calendar from holidays and read options, confirmed up to `confirmedDay`. */
export function calendarFrom(
  region: Region,
  holidays: Map<number, string>,
  options: ReadCalendarOptions,
  confirmedDay: number,
  territory?: string,
): Calendar {
  options.removeHolidays.forEach((date, i) => holidays.delete(parseDay(date, ['removeHolidays', i])));
  options.addHolidays.forEach((item, i) => {
    const holiday = item as { date?: unknown; name?: unknown } | null | undefined;
    const name = typeof holiday?.name === 'string' && holiday.name.trim() ? holiday.name : 'Bank holiday';
    const day = parseDay(holiday?.date, ['addHolidays', i, 'date']);
    holidays.set(day, name);
    // A holiday the integrator adds was announced, so the calendar is confirmed at least up to it.
    if (day > confirmedDay) confirmedDay = day;
  });
  if (options.confirmedUntil !== undefined) {
    const day = parseDay(options.confirmedUntil, ['confirmedUntil']);
    if (day > confirmedDay) confirmedDay = day;
  }
  const endOfDayMs = options.workingDayEnd === undefined ? END_OF_DAY_MS : parseClockTime(options.workingDayEnd, ['workingDayEnd']);
  const tables = buildTables(holidays, closureDays(options.closures), endOfDayMs, confirmedDay);
  const confirmedUntil = confirmedDay < FIRST_DAY ? formatDay(FIRST_DAY - 1) : formatDay(confirmedDay);
  return Object.freeze(
    territory === undefined
      ? { region, workingDayEnd: options.workingDayEnd, confirmedUntil, tables }
      : { region, territory, workingDayEnd: options.workingDayEnd, confirmedUntil, tables },
  );
}

/**
 * Lists the bank holidays and closures on weekdays between two dates.
 *
 * @param from - first date, `YYYY-MM-DD`, inclusive
 * @param to - last date, inclusive
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns the non-working weekdays in order, each with its name and kind
 */
export function holidaysBetween(from: string, to: string, calendar?: CalendarLike): NonWorkingDay[] {
  const { tables } = resolveCalendar(calendar);
  const start = parseDay(from, ['from']);
  const end = parseDay(to, ['to']);
  const out: NonWorkingDay[] = [];
  for (let day = start; day <= end; day++) {
    const named = tables.named.get(day);
    if (named && weekday(day) < 5) out.push({ date: formatDay(day), name: named.name, kind: named.kind });
  }
  return out;
}
