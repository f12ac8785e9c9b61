// The compiled bank-holiday tables' encoding (scripts/generate-holidays.mjs writes it). Each holiday
// is three characters of a URL-safe base-64 alphabet: two for the days since the previous holiday
// (or since the day before the supported range begins), one for the index of its name. About a
// fifth of the size of `YYYY-MM-DD:n` text, which matters in a browser bundle; decoded once per
// region, on first use. @internal

import { FIRST_DAY } from './_days.js';

/** The 64 digits, in value order. The generator uses the same string. */
export const TABLE_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const VALUE = new Map([...TABLE_DIGITS].map((c, i) => [c, i]));

/** A region's table as day numbers with the index of each holiday's name, in date order. */
export function decodeHolidayTable(table: string): { day: number; name: number }[] {
  const out: { day: number; name: number }[] = [];
  let day = FIRST_DAY - 1;
  for (let i = 0; i + 2 < table.length; i += 3) {
    day += VALUE.get(table[i]!)! * 64 + VALUE.get(table[i + 1]!)!;
    out.push({ day, name: VALUE.get(table[i + 2]!)! });
  }
  return out;
}
