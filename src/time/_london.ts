// Europe/London without a time-zone database. Since 1996 (and under The Summer Time Order 2002,
// SI 2002/262) British Summer Time runs from 01:00 GMT on the last Sunday of March to 01:00 GMT on the
// last Sunday of October. Encoding that rule directly makes conversions a few integer operations,
// identical on every runtime whatever its ICU data; test/time/london.test.ts checks every transition
// from 2000 to 2099 against luxon's Europe/London.

import { DAY_COUNT, FIRST_DAY, FIRST_YEAR, LAST_YEAR, MS_PER_DAY, daysFromCivil, formatDay, weekday } from './_days.js';
import { TimeError } from './timeError.js';

const HOUR = 3_600_000;

function lastSunday(year: number, month: number, lastDayOfMonth: number): number {
  const d = daysFromCivil(year, month, lastDayOfMonth);
  return d - ((weekday(d) + 1) % 7);
}

/** Day numbers of the spring and autumn change for each year, by year - FIRST_YEAR - 1 (one year of slack either side). */
const springDays = new Int32Array(LAST_YEAR - FIRST_YEAR + 3);
const autumnDays = new Int32Array(LAST_YEAR - FIRST_YEAR + 3);
for (let y = FIRST_YEAR - 1; y <= LAST_YEAR + 1; y++) {
  springDays[y - FIRST_YEAR + 1] = lastSunday(y, 3, 31);
  autumnDays[y - FIRST_YEAR + 1] = lastSunday(y, 10, 31);
}

// The changes as instants (01:00 GMT), by the same slots, for londonOffset: every instant a status
// writes reads its offset, and #15 measured the day-then-year division chain at 17 ns a call. One
// multiplication by an average year finds the slot instead; its error of one near 1 January is
// harmless (see slotOf). Out of range the first or last slot is used, so an
// instant before 1999 or after 2100 is GMT, as it always was here.
const springMs = Float64Array.from(springDays, (day) => day * MS_PER_DAY + HOUR);
const autumnMs = Float64Array.from(autumnDays, (day) => day * MS_PER_DAY + HOUR);
const LAST_SLOT = springDays.length - 1;
const SLOT_ORIGIN_DAY = Date.UTC(FIRST_YEAR - 1, 0, 1) / MS_PER_DAY;
const SLOTS_PER_DAY = 1 / 365.2425;
const SLOT_ORIGIN_MS = SLOT_ORIGIN_DAY * MS_PER_DAY;
const SLOTS_PER_MS = SLOTS_PER_DAY / MS_PER_DAY;

// The slot of a time counted in (average) years from the first slot's 1 January. Truncation (| 0)
// rather than floor: a slot below zero is clamped to zero anyway, and every instant a Date can hold
// gives a slot well inside 32 bits; NaN gives 0, whose changes it never falls between. An error of
// one near 1 January is harmless because no change falls near it.
const slotOf = (years: number): number => {
  const slot = years | 0;
  return slot < 0 ? 0 : slot > LAST_SLOT ? LAST_SLOT : slot;
};

const yearSlot = (days: number): number => slotOf((days - SLOT_ORIGIN_DAY) * SLOTS_PER_DAY);

/** London's offset from UTC at an instant, in milliseconds: 0 (GMT) or one hour (BST). */
export function londonOffset(epochMs: number): number {
  const slot = slotOf((epochMs - SLOT_ORIGIN_MS) * SLOTS_PER_MS);
  return epochMs >= springMs[slot]! && epochMs < autumnMs[slot]! ? HOUR : 0;
}

/** The London local day number of an instant. */
export function londonDay(epochMs: number): number {
  return Math.floor((epochMs + londonOffset(epochMs)) / MS_PER_DAY);
}

/**
 * The instant of a London wall-clock time. A time the spring change skips is an error, never shifted;
 * a time the autumn change repeats is the earlier instant (still BST), as DESIGN.md fixes.
 */
export function londonToEpoch(days: number, msOfDay: number, path?: readonly (string | number)[]): number {
  // The tables read here directly, not through an object of the two changes: 120 bytes a status (#15).
  const slot = yearSlot(days);
  const spring = springDays[slot]!;
  const autumn = autumnDays[slot]!;
  if (days === spring && msOfDay >= HOUR && msOfDay < 2 * HOUR) {
    throw new TimeError(
      'time/nonexistent-local-time',
      `${formatDay(days)} ${clock(msOfDay)} does not exist in London: the clocks go forward from 01:00 to 02:00 GMT+1 that night (the spring change to British Summer Time). Use 00:59 or 02:00, or give an offset such as "+00:00".`,
      // Made here, not as a default: every due date reads this function, and a default `[]` is an array a call (#15).
      path ?? [],
    );
  }
  const bst = (days > spring || (days === spring && msOfDay >= 2 * HOUR)) && (days < autumn || (days === autumn && msOfDay < 2 * HOUR));
  return days * MS_PER_DAY + msOfDay - (bst ? HOUR : 0);
}

const PAD2 = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));
const pad = (n: number): string => PAD2[n] ?? String(n);

function clock(msOfDay: number): string {
  return `${pad(Math.floor(msOfDay / HOUR))}:${pad(Math.floor((msOfDay % HOUR) / 60_000))}`;
}

// Instants already formatted, direct-mapped by a hash of the milliseconds: a status writes each event
// time two or three times (stage, history, records, when a duty was met), so most repeat calls are a
// hit. Small on purpose (#15): every string held here outlives the next minor collection and is
// copied into the old generation, so a large cache of a sweep's ever-new event times cost more in
// collection than it saved in formatting. The hash mixes in the high bits because end-of-day instants
// share their low bits (86,400,000 is a multiple of 1,024).
const SLOTS = 64;
const cachedMs = new Float64Array(SLOTS).fill(Number.NaN);
const cachedText: string[] = new Array<string>(SLOTS).fill('');

/** ISO 8601 with London's offset: `2026-03-29T11:00:00+01:00`, with milliseconds only when there are some. */
export function formatLondon(epochMs: number): string {
  const slot = ((epochMs | 0) ^ ((epochMs / 4_194_304) | 0)) & (SLOTS - 1);
  if (cachedMs[slot] === epochMs) return cachedText[slot]!;
  const text = writeLondon(epochMs);
  cachedMs[slot] = epochMs;
  cachedText[slot] = text;
  return text;
}

// An instant is written in four pieces, three joins: `YYYY-MM-DDT`, `HH:MM`, `:SS`, and the
// fraction with the offset. #15 measured the sweep's writing at over 100 ns an instant, three times
// its cost in a tight loop: the tables of the pieces it read (8,192 hour prefixes, 3,600 minute and
// second pairs) were out of cache between one case and the next. These tables are smaller and the
// pieces of one sweep few: a day prefix per day of its events (the days are consecutive), 1,440
// hours and minutes, 60 seconds. They fill on first use, so that importing the library builds none
// of their strings; the day prefixes' table (a slot per supported day) is itself made on first use.
const ZONES = ['+00:00', '+01:00'];
let dayPrefixes: string[] | undefined;
const HOUR_MINUTE: string[] = new Array<string>(1440).fill('');
const SECOND: string[] = new Array<string>(60).fill('');
const FRACTION_ZONE: string[] = new Array<string>(2000).fill('');
const hourMinute = (i: number): string => HOUR_MINUTE[i] || (HOUR_MINUTE[i] = `${PAD2[(i / 60) | 0]}:${PAD2[i % 60]}`);
const second = (i: number): string => SECOND[i] || (SECOND[i] = `:${PAD2[i]}`);
const fractionZone = (i: number): string => FRACTION_ZONE[i] || (FRACTION_ZONE[i] = `.${String(i >> 1).padStart(3, '0')}${ZONES[i & 1]}`);

/** `YYYY-MM-DDT` for a local day number. */
function dayPrefix(days: number): string {
  const i = days - FIRST_DAY;
  if (!(i >= 0 && i < DAY_COUNT)) return `${formatDay(days)}T`;
  const table = (dayPrefixes ??= new Array<string>(DAY_COUNT).fill(''));
  return table[i] || (table[i] = `${formatDay(days)}T`);
}

function writeLondon(epochMs: number): string {
  const offset = londonOffset(epochMs);
  const local = epochMs + offset;
  const days = Math.floor(local / MS_PER_DAY);
  // Within a day, in 32-bit integers: the divisions by constants become multiplications.
  const msOfDay = (local - days * MS_PER_DAY) | 0;
  const secondOfDay = (msOfDay / 1000) | 0;
  const millis = msOfDay - secondOfDay * 1000;
  const minuteOfDay = (secondOfDay / 60) | 0;
  const bst = offset ? 1 : 0;
  const head = dayPrefix(days) + hourMinute(minuteOfDay) + second(secondOfDay - minuteOfDay * 60);
  return millis === 0 ? head + ZONES[bst]! : head + fractionZone(millis * 2 + bst);
}
