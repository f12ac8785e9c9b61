// Calendars from the GOV.UK bank-holidays feed, which an integrator fetches: newly announced days
// without a release of this library.

import { CONFIRMED_UNTIL } from './_bankHolidays.generated.js';
import { type ReadCalendarOptions, readCalendarOptions } from './_calendarOptions.js';
import { FIRST_DAY, formatDay, LAST_DAY, readDate } from './_days.js';
import { bundledHolidays, type Calendar, type CalendarOptions, calendarFrom } from './calendar.js';
import { type Issue, TimeError } from './timeError.js';

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
