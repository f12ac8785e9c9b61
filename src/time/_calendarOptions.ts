// Calendar options read defensively: each field absent or of its type, closures and clock times
// parsed with a path to the offending value. @internal

import { describe, parseDay } from './_days.js';
import { readList, readOptions, readText } from './_options.js';
import type { Closure } from './calendar.js';
import { REGIONS, type Region, unknownRegion } from './_regions.js';
import { TimeError } from './timeError.js';

export { unknownRegion };

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

/** @internal Closure days by day number, each with its name. */
export function closureDays(closures: readonly unknown[]): Map<number, string> {
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

/** Calendar options once read: every field of its type, the region resolved. */
/** @internal */
export interface ReadCalendarOptions {
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
