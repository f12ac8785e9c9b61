// A date's slot: where a supported `YYYY-MM-DD` sits in a table with 32 places per month, (month
// index from January 2000) * 32 + day of month. addWorkingDays reads its input this way instead of
// through readDate: the slot table holds the day's rank and whether it is a working day, so the date
// goes to the answer's index in one read, and the days that do not exist (day 0, 30 February) are
// marked in the table rather than checked against month lengths on the way. @internal

import { DAY_COUNT, FIRST_DAY, MONTH_DAYS, MONTH_START } from './_days.js';

/** The slots of the supported months. */
export const SLOT_COUNT = MONTH_START.length * 32;

/**
 * The slot of a supported date (2000 to 2099) written as the ten characters of `text`, or 0 for
 * anything else (slot 0, "0 January 2000", holds 0 in every table: no date); the caller checks the
 * length. The characters are read once each and checked all together, without a branch per
 * character: every `x | (limit - x)` is negative exactly when x is outside 0..limit, so one sign
 * test covers them all. Ten charCodeAt calls are most of what is left of a sum on strings, so the
 * rest is kept this lean.
 */
export function dateSlot(text: string): number {
  const c0 = text.charCodeAt(0);
  const c1 = text.charCodeAt(1);
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const c4 = text.charCodeAt(4);
  const m0 = text.charCodeAt(5) - 48;
  const m1 = text.charCodeAt(6) - 48;
  const c7 = text.charCodeAt(7);
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  const month = m0 * 10 + m1 - 1;
  const day = d0 * 10 + d1;
  const fixed = (c0 ^ 50) | (c1 ^ 48) | (c4 ^ 45) | (c7 ^ 45); // '2', '0', '-', '-'
  const digits = y2 | (9 - y2) | y3 | (9 - y3) | m0 | (1 - m0) | m1 | (9 - m1) | d0 | (3 - d0) | d1 | (9 - d1);
  const ok = fixed === 0 && (digits | month | (11 - month) | (31 - day)) >= 0;
  return ok ? ((y2 * 10 + y3) * 12 + month) * 32 + day : 0;
}

/**
 * Whether a calendar's ranks fit a slot table: 16 bits are enough for any calendar built here (a
 * century has about 26,100 weekdays); only a hand-made look-alike could have more working days.
 */
export const fitsSlots = (rank: Int32Array): boolean => rank[DAY_COUNT - 1]! * 2 + 2 <= 0xffff;

/**
 * Fills one year (0 for 2000) of a calendar's slot table (zeroed, {@link SLOT_COUNT} long): rank * 2
 * + 2 on a working day, rank * 2 + 1 on any other day (rank as in `CalendarTables.rank`), and 0, as
 * allocated, in the slots of days that do not exist. So a year not yet filled sends its dates the
 * general way. A year at a time, when a date in it first goes that way: a whole table is 36,525
 * writes, some milliseconds while the code is still cold, which one sum should not pay.
 */
export function fillSlotYear(slots: Uint16Array, rank: Int32Array, working: Uint8Array, year: number): void {
  for (let k = year * 12, i = MONTH_START[k]! - FIRST_DAY; k < year * 12 + 12; k++) {
    for (let at = k * 32 + 1, end = at + MONTH_DAYS[k]!; at < end; at++, i++) slots[at] = rank[i]! * 2 + working[i]! + 1;
  }
}
