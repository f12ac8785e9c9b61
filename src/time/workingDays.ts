import { SLOT_COUNT, fillSlotYear, fitsSlots } from './_dateSlots.js';
import { FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR, civilFromDays, dateSlot, formatDay, parseDay, checkRange, describe } from './_days.js';
import { formatLondon, londonToEpoch } from './_london.js';
import { resolveCalendar, type Calendar, type CalendarLike, type CalendarTables } from './calendar.js';
import { TimeError } from './timeError.js';

// Day-number forms used by the engine; the exported functions below wrap them for `YYYY-MM-DD` strings.

/** @internal */
export function isWorkingDayNumber(calendar: Calendar, day: number): boolean {
  return calendar.tables.working[day - FIRST_DAY] === 1;
}

/** The index in `tables.workingDays` of the Nth working day after `day` (see addWorkingDayNumbers). */
function workingDayIndex(tables: CalendarTables, day: number, n: number): number {
  const { rank, working } = tables;
  const i = day - FIRST_DAY;
  return n === 0 ? (working[i] ? rank[i]! - 1 : rank[i]!) : rank[i]! + n - 1;
}

/** @internal The Nth working day after `day`; N = 0 is `day` itself when it is a working day, else the next one. */
export function addWorkingDayNumbers(calendar: Calendar, day: number, n: number): number {
  const result = calendar.tables.workingDays[workingDayIndex(calendar.tables, day, n)];
  if (result === undefined) checkRange(LAST_DAY + 1);
  return result!;
}

// What a sum on strings reads, per calendar: the working days as text by index in its `workingDays`,
// filled as they are asked for, and the slot table (see _dateSlots.ts), which takes a date's text
// straight to its rank and working bit in one read, where readDate, rank and working would be a chain
// of three dependent reads into large tables; that chain, not the arithmetic, is what a sum costs.
// The slot table (77 KB) is filled a year at a time: a date whose year is not filled yet goes the
// general way, which fills it. The calendar used last is kept at hand, so the WeakMap is consulted
// only on a change.
interface TextTables {
  readonly slots: Uint16Array;
  readonly texts: (string | undefined)[];
  /** 1 for each year (0 for 2000) whose slots are filled; all 1 when the ranks do not fit (see fitsSlots). */
  readonly filled: Uint8Array;
}
const textTables = new WeakMap<CalendarTables, TextTables>();
let lastTables: CalendarTables | undefined;
let lastText: TextTables | undefined;
let lastSlots: Uint16Array = new Uint16Array(0);
let lastTexts: (string | undefined)[] = [];

function workingDayText(tables: CalendarTables, k: number): string {
  if (tables !== lastTables) useTextsOf(tables);
  return textAt(k);
}

/** The text of working day `k` of the calendar used last (useTextsOf has run). */
function textAt(k: number): string {
  const hit = lastTexts[k];
  return hit === undefined ? newWorkingDayText(k) : hit;
}

function useTextsOf(tables: CalendarTables): void {
  let found = textTables.get(tables);
  if (found === undefined) {
    const filled = new Uint8Array(LAST_YEAR - FIRST_YEAR + 1);
    if (!fitsSlots(tables.rank)) filled.fill(1);
    found = { slots: new Uint16Array(SLOT_COUNT), texts: new Array<string | undefined>(tables.workingDays.length), filled };
    textTables.set(tables, found);
  }
  lastTables = tables;
  lastText = found;
  lastSlots = found.slots;
  lastTexts = found.texts;
}

/** Fills the slots of `day`'s year in the calendar used last, if they are not yet. */
function fillSlotsFor(tables: CalendarTables, day: number): void {
  const { filled, slots } = lastText!;
  const year = civilFromDays(day).year - FIRST_YEAR;
  if (filled[year] === 1) return;
  fillSlotYear(slots, tables.rank, tables.working, year);
  filled[year] = 1;
}

function newWorkingDayText(k: number): string {
  const day = lastTables!.workingDays[k];
  if (day === undefined) checkRange(LAST_DAY + 1);
  return (lastTexts[k] = formatDay(day!));
}

// Paths for error messages, allocated once: these functions run millions of times in a sweep.
const DATE = ['date'];
const FROM = ['from'];
const TO = ['to'];

// The check inlines into each caller; the error is built out of line.
const amount = (n: unknown): number => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : refuseAmount(n));

function refuseAmount(n: unknown): never {
  throw new TimeError('time/invalid-amount', `Expected a whole number of working days, 0 or more, got ${describe(n)}.`, ['n']);
}

/**
 * Whether a date is a working day: Monday to Friday, not a bank holiday of the calendar's region and
 * not one of its closures.
 *
 * @param date - `YYYY-MM-DD`
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns true on a working day
 * @throws {@link TimeError} for a malformed or out-of-range date
 */
export function isWorkingDay(date: string, calendar?: CalendarLike): boolean {
  return isWorkingDayNumber(resolveCalendar(calendar), parseDay(date, DATE));
}

/**
 * The first working day strictly after a date.
 *
 * @param date - `YYYY-MM-DD`
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns `YYYY-MM-DD`
 * @throws {@link TimeError} for a malformed date or a result beyond the supported range
 */
export function nextWorkingDay(date: string, calendar?: CalendarLike): string {
  const { tables } = resolveCalendar(calendar);
  return workingDayText(tables, workingDayIndex(tables, parseDay(date, DATE), 1));
}

/**
 * "Within N working days of X": the Nth working day after X's date. X's own day never counts, and a
 * weekend or holiday X counts from the next working day. N = 0 is "the same working day": X itself
 * when it is a working day, otherwise the next one.
 *
 * @param date - X, `YYYY-MM-DD`
 * @param n - working days, a whole number 0 or more
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns the due date, `YYYY-MM-DD`
 * @throws {@link TimeError} for a malformed date, a negative or fractional N, or a result past 2099
 * @example
 * ```ts
 * addWorkingDays('2026-12-21', 5);              // '2026-12-30' (Christmas, Boxing Day substitute skipped)
 * addWorkingDays('2026-06-12', 1, 'scotland');  // '2026-06-16'
 * ```
 */
export function addWorkingDays(date: string, n: number, calendar?: CalendarLike): string {
  // In the order the checks ran before: the calendar, the date, then N. The fast path takes a
  // supported date and an N below 65,536 (a century has about 26,100 working days, so any larger N
  // is out of range): `n & 0xffff` is integer arithmetic, where Number.isSafeInteger is float, and -0
  // passes as it does there. Anything else goes the general way, which checks in that order.
  const { tables } = resolveCalendar(calendar);
  if (tables !== lastTables) useTextsOf(tables);
  const slot = typeof date === 'string' && date.length === 10 ? lastSlots[dateSlot(date)]! : 0;
  if (slot === 0 || typeof n !== 'number' || (n & 0xffff) !== n) return addWorkingDaysToDay(tables, date, n);
  // The slot holds rank * 2 + working + 1, so the index is workingDayIndex's without the day number.
  // Written with subtractions only: a negated 0 would be -0, a float, and make the index one.
  const v = slot - 1;
  const k = n === 0 ? (v >> 1) - (v & 1) : (v >> 1) + n - 1;
  // textAt by hand: the general way's feedback can use up V8's inlining budget before it is reached.
  const hit = lastTexts[k];
  return hit === undefined ? newWorkingDayText(k) : hit;
}

/**
 * addWorkingDays for what its fast path did not take (the date's year is not in the slot table yet,
 * the date is not a supported one, or N is not a small whole number): parseDay reads the date again,
 * or throws its error, then N is checked.
 */
function addWorkingDaysToDay(tables: CalendarTables, date: unknown, n: unknown): string {
  const day = parseDay(date, DATE);
  const k = workingDayIndex(tables, day, amount(n));
  fillSlotsFor(tables, day);
  return textAt(k);
}

/**
 * How many working days fall after `from` up to and including `to`; negative when `to` is earlier.
 * For any date d and N ≥ 1, `workingDaysBetween(d, addWorkingDays(d, N)) === N`.
 *
 * @param from - `YYYY-MM-DD`, not counted
 * @param to - `YYYY-MM-DD`, counted
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns the count of working days in (from, to]
 */
export function workingDaysBetween(from: string, to: string, calendar?: CalendarLike): number {
  const { rank } = resolveCalendar(calendar).tables;
  return rank[parseDay(to, TO) - FIRST_DAY]! - rank[parseDay(from, FROM) - FIRST_DAY]!;
}

/** @internal The instant a calendar's day ends, in epoch milliseconds. */
export function endOfDayEpoch(calendar: Calendar, day: number): number {
  return londonToEpoch(day, calendar.tables.endOfDayMs);
}

/**
 * The instant a day ends for deadlines: 23:59:59.999 London time, or the calendar's working-day end.
 *
 * @param date - `YYYY-MM-DD`
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns an ISO 8601 instant with London's offset, e.g. `2026-12-30T23:59:59.999+00:00`
 */
export function endOfDay(date: string, calendar?: CalendarLike): string {
  return formatLondon(endOfDayEpoch(resolveCalendar(calendar), parseDay(date, DATE)));
}

/** @internal Whether a day is past the calendar's confirmed holidays. */
export function isProvisionalDay(calendar: Calendar, day: number): boolean {
  return day > calendar.tables.confirmedUntilDay;
}

/**
 * Whether a date is past its calendar's confirmed bank holidays, so that a holiday not yet announced
 * could still change a result on or before it: the test behind every `provisional: true`.
 *
 * @param date - `YYYY-MM-DD`
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns true when `date` is after the calendar's `confirmedUntil`
 * @throws {@link TimeError} for a malformed or out-of-range date
 * @example
 * ```ts
 * isProvisional('2027-06-04', 'isle-of-man'); // true: the 2027 TT holiday is not yet announced
 * isProvisional('2026-06-05', 'isle-of-man'); // false
 * ```
 */
export function isProvisional(date: string, calendar?: CalendarLike): boolean {
  return isProvisionalDay(resolveCalendar(calendar), parseDay(date, DATE));
}
