// A calendar's slot table: by a date's slot (`dateSlot` in _days.ts: (month index from January
// 2000) * 32 + day of month), the day's rank and whether it is a working day. addWorkingDays reads
// its input to a slot and goes to the answer's index in one read; the days that do not exist
// (day 0, 30 February) are marked in the table rather than checked against month lengths on the
// way. @internal

import { DAY_COUNT, FIRST_DAY, MONTH_DAYS, MONTH_START } from './_days.js';

/** The slots of the supported months. */
export const SLOT_COUNT = MONTH_START.length * 32;

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
