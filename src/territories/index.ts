// `escalation-protocols/territories`: working-day calendars for places whose holidays the core does not
// bundle (anywhere `date-holidays` knows; the Crown Dependencies are regions of the core, exact against
// their governments' lists, and should use `createCalendar({ region })`), built from a `date-holidays`
// instance the integrator creates. A separate entry point so that neither this code nor `date-holidays`
// reaches the core bundle; `date-holidays` is an optional peer and is never imported here at run time.

import { FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR, describe, readDate } from '../time/_days.js';
import { readOptions } from '../time/_options.js';
import { calendarFromHolidayMap, type Calendar, type CalendarOptions } from '../time/calendar.js';
import { TimeError } from '../time/timeError.js';

/** One holiday as `date-holidays` lists it; only the fields read here. */
export interface DateHolidaysEntry {
  /** Local date and time, `YYYY-MM-DD hh:mm:ss`; its date part is the holiday. */
  readonly date: string;
  /** The instant it starts. Not read: `date` is already local to the territory. */
  readonly start: Date;
  /** `public`, `bank`, `school`, `optional` or `observance`. */
  readonly type: string;
  /** The holiday's name in the instance's language. */
  readonly name: string;
}

/**
 * What the adapter needs from a `date-holidays` instance (`new Holidays('JE')`): described by shape,
 * so this package does not depend on `date-holidays` at run time.
 */
export interface DateHolidaysLike {
  /**
   * The holidays of one year.
   *
   * @param year - a full year, e.g. 2026
   * @returns that year's holidays of every type
   */
  getHolidays(year: number): readonly DateHolidaysEntry[];
}

/**
 * What {@link calendarFromDateHolidays} accepts: every {@link CalendarOptions} field but `region`, and more.
 *
 * @example
 * ```ts
 * const options: DateHolidaysCalendarOptions = {
 *   territory: 'IM',
 *   addHolidays: [{ date: '2026-07-06', name: 'Tynwald Day (substitute day)' }],
 *   workingDayEnd: '17:00',
 * };
 * ```
 */
export interface DateHolidaysCalendarOptions extends Omit<CalendarOptions, 'region'> {
  /** Holiday types that are non-working days; `['public', 'bank']` when omitted. */
  readonly types?: readonly string[];
  /** Stored as the calendar's `territory`, e.g. `'JE'`; `'date-holidays'` when omitted. */
  readonly territory?: string;
}

/**
 * The holiday types that are days off unless the integrator says otherwise: `date-holidays`'s
 * `public` and `bank`. Its `observance` (Mother's Day), `optional` and `school` days are working days.
 *
 * @example
 * ```ts
 * calendarFromDateHolidays(new Holidays('IM'), { types: [...DEFAULT_HOLIDAY_TYPES, 'optional'] });
 * ```
 */
export const DEFAULT_HOLIDAY_TYPES: readonly string[] = Object.freeze(['public', 'bank']);

/**
 * Builds a working-day calendar from a `date-holidays` instance: Monday to Friday, less that
 * territory's holidays of the given types for every supported year (2000-2099), read once here. The
 * result works with every time function and the engine, like a calendar from `createCalendar`.
 * Reading a century from `date-holidays` takes a tenth of a second or more: build the calendar once,
 * at start-up, and reuse it.
 *
 * For the Isle of Man, Jersey and Guernsey use the core's regions instead (`createCalendar({ region:
 * 'isle-of-man' })`): `date-holidays` misses days there. A calendar built here has nothing confirmed
 * (every result is `provisional`) unless you pass `confirmedUntil`.
 *
 * Take the instance's dates as they are: `date-holidays` lists a holiday that falls on a weekend on
 * that weekend day and only gives a weekday substitute where its rules say so. Where it differs from
 * the official list, fix it with `addHolidays` and `removeHolidays`.
 *
 * @param holidays - an instance such as `new Holidays('JE')`, `new Holidays('GG')` or `new Holidays('IM')`
 * @param options - which holiday types count (`public` and `bank` by default), the `territory` label,
 *   and any calendar option (`closures`, `addHolidays`, `removeHolidays`, `workingDayEnd`)
 * @returns a calendar whose `territory` is the given label
 * @throws `TimeError` `time/invalid-holidays` when `holidays` is not such an instance or yields no
 *   holidays, `time/invalid-holiday-types` for a bad `types`, and the usual codes for the other options
 * @example
 * ```ts
 * import Holidays from 'date-holidays';
 * import { addWorkingDays } from 'escalation-protocols';
 * import { calendarFromDateHolidays } from 'escalation-protocols/territories';
 *
 * const jersey = calendarFromDateHolidays(new Holidays('JE'), { territory: 'JE' });
 * addWorkingDays('2025-05-08', 1, jersey); // '2025-05-12' (Liberation Day, Friday 9 May, skipped)
 * ```
 */
export function calendarFromDateHolidays(holidays: DateHolidaysLike, options: DateHolidaysCalendarOptions = {}): Calendar {
  if (holidays === null || typeof holidays !== 'object' || typeof (holidays as { getHolidays?: unknown }).getHolidays !== 'function') {
    throw new TimeError(
      'time/invalid-holidays',
      `Expected a date-holidays instance such as new Holidays('JE'), got ${describe(holidays)}.`,
      ['holidays'],
    );
  }
  const {
    types: typesOption,
    territory = 'date-holidays',
    ...calendarOptions
  } = readOptions(options, "calendarFromDateHolidays' options") as DateHolidaysCalendarOptions;
  const types = holidayTypes(typesOption);
  if (typeof territory !== 'string' || !territory.trim()) {
    throw new TimeError('time/invalid-territory', `Expected "territory" to be a label such as "JE", got ${describe(territory)}.`, [
      'territory',
    ]);
  }
  const days = readHolidays(holidays, types);
  if (days.size === 0) {
    throw new TimeError(
      'time/invalid-holidays',
      `The date-holidays instance lists no holidays of type ${[...types].map((t) => `"${t}"`).join(' or ')} in ${FIRST_YEAR}-${LAST_YEAR}; create it with a country, e.g. new Holidays('JE').`,
      ['holidays'],
    );
  }
  return calendarFromHolidayMap(territory, days, calendarOptions);
}

function holidayTypes(types: unknown): ReadonlySet<string> {
  if (types === undefined) return new Set(DEFAULT_HOLIDAY_TYPES);
  if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === 'string')) {
    throw new TimeError(
      'time/invalid-holiday-types',
      `Expected "types" to be a non-empty list of date-holidays types such as ["public", "bank"], got ${describe(types)}.`,
      ['types'],
    );
  }
  return new Set(types as string[]);
}

/** Day number → name for each holiday of a counted type; names of holidays sharing a day are joined. */
function readHolidays(holidays: DateHolidaysLike, types: ReadonlySet<string>): Map<number, string> {
  const days = new Map<number, string>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const list: unknown = holidays.getHolidays(year);
    if (!Array.isArray(list)) {
      throw new TimeError('time/invalid-holidays', `getHolidays(${year}) returned ${describe(list)}, not a list of holidays.`, [
        'holidays',
        year,
      ]);
    }
    list.forEach((entry: Partial<DateHolidaysEntry> | null, i) => {
      if (!types.has(entry?.type as string)) return;
      // `date` is local to the territory, unlike `start`, which is an instant.
      const day = typeof entry?.date === 'string' ? readDate(entry.date) : Number.NaN;
      if (Number.isNaN(day)) {
        throw new TimeError(
          'time/invalid-holidays',
          `Holiday ${i} of ${year} has no "date" starting "YYYY-MM-DD", got ${describe(entry?.date)}.`,
          ['holidays', year, i, 'date'],
        );
      }
      if (day < FIRST_DAY || day > LAST_DAY) return;
      const name = typeof entry?.name === 'string' && entry.name.trim() ? entry.name : 'Holiday';
      const before = days.get(day);
      days.set(day, before === undefined || before === name ? name : `${before}; ${name}`);
    });
  }
  return days;
}
