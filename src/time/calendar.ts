import { BANK_HOLIDAYS, CONFIRMED_UNTIL, HOLIDAY_NAMES } from './_bankHolidays.generated.js';
import { DAY_COUNT, FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR, describe, formatDay, parseDay, readDate, weekday } from './_days.js';
import { readList, readOptions, readText } from './_options.js';
import { TimeError, type Issue } from './timeError.js';

/**
 * The bank-holiday regions: the three GOV.UK divisions (Wales shares England's list, as GOV.UK
 * publishes it) and the three Crown Dependencies, each from its own government's lists.
 */
export const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland', 'isle-of-man', 'jersey', 'guernsey'] as const;

/** One of {@link REGIONS}. */
export type Region = (typeof REGIONS)[number];

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

/** A region's bundled holidays, decoded from the table once; callers get a copy they may change. */
function bundledHolidays(region: Region): Map<number, string> {
  let table = decoded.get(region);
  if (!table) {
    const map = new Map<number, string>();
    for (const entry of BANK_HOLIDAYS[region].split(' ')) {
      const colon = entry.indexOf(':');
      map.set(readDate(entry.slice(0, colon)), HOLIDAY_NAMES[Number(entry.slice(colon + 1))] ?? 'Bank holiday');
    }
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
  let count = 0;
  for (let i = 0; i < DAY_COUNT; i++) {
    const day = FIRST_DAY + i;
    if (weekday(day) < 5 && !named.has(day)) {
      working[i] = 1;
      count++;
    }
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
  if (calendar === undefined) return (defaultCalendar ??= resolveCalendar('england-and-wales', path));
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
  return calendar;
}

// Calendars already checked: the check reads a few fields, but the engine asks for every case.
const checked = new WeakSet<object>();

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

function unknownRegion(region: unknown, path: readonly (string | number)[]): TimeError {
  return new TimeError(
    'time/unknown-region',
    `Unknown region ${describe(region)}; use one of ${REGIONS.map((r) => `"${r}"`).join(', ')} (Wales shares England's bank holidays).`,
    path,
  );
}

/** @internal Parses `HH:mm` to milliseconds after midnight. */
export function parseClockTime(text: unknown, path: readonly (string | number)[]): number {
  const match = typeof text === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text) : null;
  if (!match)
    throw new TimeError(
      'time/invalid-time-of-day',
      `Expected a time of day as "HH:mm" (for example "17:00"), got ${describe(text)}.`,
      path,
    );
  return (Number(match[1]) * 60 + Number(match[2])) * 60_000;
}

function closureDays(closures: readonly unknown[]): Map<number, string> {
  const days = new Map<number, string>();
  closures.forEach((item, i) => {
    const closure = item as Closure;
    if (typeof closure === 'string') {
      days.set(parseDay(closure, ['closures', i]), 'Closure');
      return;
    }
    if (closure === null || typeof closure !== 'object') {
      throw new TimeError(
        'time/invalid-closure',
        `A closure is a date "YYYY-MM-DD" or { "from": "2026-12-24", "to": "2026-12-31" }, got ${describe(closure)}.`,
        ['closures', i],
      );
    }
    const from = parseDay(closure.from, ['closures', i, 'from']);
    const to = parseDay(closure.to, ['closures', i, 'to']);
    if (closure.name !== undefined && typeof closure.name !== 'string')
      throw new TimeError('time/invalid-closure', `A closure's "name" is text, got ${describe(closure.name)}.`, ['closures', i, 'name']);
    if (to < from)
      throw new TimeError(
        'time/invalid-closure',
        `The closure ends (${closure.to}) before it starts (${closure.from}); swap "from" and "to".`,
        ['closures', i],
      );
    for (let day = from; day <= to; day++) days.set(day, closure.name ?? 'Closure');
  });
  return days;
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

/** Calendar options once read: every field of its type, the region resolved. */
interface ReadCalendarOptions {
  readonly region: Region;
  readonly closures: readonly unknown[];
  readonly addHolidays: readonly unknown[];
  readonly removeHolidays: readonly unknown[];
  readonly workingDayEnd: string | undefined;
  readonly confirmedUntil: string | undefined;
}

/**
 * @internal Reads {@link CalendarOptions} of any shape: each field must be absent or of its type
 * (`time/invalid-options`), and the region known (`time/unknown-region`). The items of the lists are
 * checked where they are used, with their own codes.
 */
export function readCalendarOptions(value: unknown, what: string, path: readonly (string | number)[] = []): ReadCalendarOptions {
  const options = readOptions(value, what, path);
  const region = options['region'] ?? 'england-and-wales';
  if (!REGIONS.includes(region as Region)) throw unknownRegion(region, [...path, 'region']);
  return {
    region: region as Region,
    closures: readList(options, 'closures', '["2026-12-24", { "from": "2026-12-28", "to": "2026-12-31" }]', path) ?? [],
    addHolidays: readList(options, 'addHolidays', '[{ "date": "2027-05-10", "name": "Extra bank holiday" }]', path) ?? [],
    removeHolidays: readList(options, 'removeHolidays', '["2027-05-03"]', path) ?? [],
    workingDayEnd: readText(options, 'workingDayEnd', '"17:00"', path),
    confirmedUntil: readText(options, 'confirmedUntil', '"2028-12-31"', path),
  };
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

function calendarFrom(
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

const GOV_UK_DIVISIONS = { 'england-and-wales': true, scotland: true, 'northern-ireland': true } as const;

/** The result of {@link calendarFromGovUkFeed}. */
export type CalendarResult =
  | { readonly success: true; readonly calendar: Calendar }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Builds a calendar from the official GOV.UK bank-holidays feed (`https://www.gov.uk/bank-holidays.json`)
 * that the integrator fetches. For every year the feed covers, its dates replace the bundled ones;
 * other years keep the bundled tables. Never throws.
 *
 * @param feed - the parsed JSON of the feed
 * @param options - the division to read (`region`, `england-and-wales` by default) and any other calendar options
 * @returns `{ success: true, calendar }` or `{ success: false, issues }` naming what in the feed is wrong
 * @example
 * ```ts
 * const feed = await (await fetch('https://www.gov.uk/bank-holidays.json')).json();
 * const result = calendarFromGovUkFeed(feed, { region: 'scotland' });
 * if (result.success) addWorkingDays('2026-06-12', 1, result.calendar);
 * ```
 */
export function calendarFromGovUkFeed(feed: unknown, options: CalendarOptions = {}): CalendarResult {
  let read: ReadCalendarOptions;
  try {
    read = readCalendarOptions(options, "calendarFromGovUkFeed's options");
  } catch (error) {
    if (error instanceof TimeError) return { success: false, issues: error.issues };
    throw error;
  }
  const region = read.region;
  if (!(region in GOV_UK_DIVISIONS)) {
    const message = `GOV.UK's feed covers England and Wales, Scotland and Northern Ireland, not "${region}"; for its newly announced days use createCalendar({ region: '${region}', addHolidays, confirmedUntil }).`;
    return { success: false, issues: [{ code: 'time/invalid-feed', path: ['region'], message }] };
  }
  const fail = (message: string, path: (string | number)[]): CalendarResult => ({
    success: false,
    issues: [{ code: 'time/invalid-feed', path, message }],
  });
  const division = feed !== null && typeof feed === 'object' ? (feed as Record<string, unknown>)[region] : undefined;
  const events = division !== null && typeof division === 'object' ? (division as { events?: unknown }).events : undefined;
  if (!Array.isArray(events))
    return fail(`The feed has no "${region}.events" list; pass the JSON of https://www.gov.uk/bank-holidays.json as it is.`, [
      region,
      'events',
    ]);
  const fromFeed = new Map<number, string>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as { date?: unknown; title?: unknown } | null;
    const day = typeof event?.date === 'string' && event.date.length === 10 ? readDate(event.date) : Number.NaN;
    if (Number.isNaN(day)) return fail(`Event ${i} has no "date" as "YYYY-MM-DD".`, [region, 'events', i, 'date']);
    if (day >= FIRST_DAY && day <= LAST_DAY) fromFeed.set(day, typeof event?.title === 'string' ? event.title : 'Bank holiday');
  }
  // The feed is the authority for the years it covers, whole: a holiday it moved must not linger.
  const yearOf = (day: number): string => formatDay(day).slice(0, 4);
  const feedYears = new Set([...fromFeed.keys()].map(yearOf));
  const holidays = new Map([...bundledHolidays(region)].filter(([day]) => !feedYears.has(yearOf(day))));
  for (const [day, name] of fromFeed) holidays.set(day, name);
  // GOV.UK publishes whole years: the feed confirms every year it lists, to its last day.
  let confirmedDay = readDate(CONFIRMED_UNTIL[region]);
  const lastYear = Math.max(...[...feedYears].map(Number));
  if (Number.isFinite(lastYear)) confirmedDay = Math.max(confirmedDay, Math.min(LAST_DAY, readDate(`${lastYear}-12-31`)));
  try {
    return { success: true, calendar: calendarFrom(region, holidays, read, confirmedDay) };
  } catch (error) {
    if (error instanceof TimeError) return { success: false, issues: error.issues };
    throw error;
  }
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
