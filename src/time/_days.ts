// Day numbers: whole days since 1970-01-01, the one integer every date computation here works on.
// Strings are parsed once at the edge and formatted once on the way out; everything between is integer
// arithmetic and table lookups, which is what keeps working-day sums near the cost of a bare array read.

import { TimeError } from './timeError.js';

/** First and last years whose bank holidays the library knows; see {@link SUPPORTED_RANGE}. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

export const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to the given proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const FIRST_DAY = daysFromCivil(FIRST_YEAR, 1, 1);
export const LAST_DAY = daysFromCivil(LAST_YEAR, 12, 31);
export const DAY_COUNT = LAST_DAY - FIRST_DAY + 1;

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : MONTH_LENGTHS[month - 1]!;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

// Filled with '' rather than left holey: a packed array's read is cheaper, and this is read by every
// working-day sum on strings.
const formatted: string[] = new Array<string>(DAY_COUNT).fill('');

/** `YYYY-MM-DD` for a day number; memoised inside the supported range, where nearly every call lands. */
export function formatDay(days: number): string {
  const i = days - FIRST_DAY;
  // Small enough to inline into every caller; formatting itself is left to formatNewDay.
  const hit = i >= 0 && i < DAY_COUNT ? formatted[i]! : '';
  return hit === '' ? formatNewDay(days) : hit;
}

function formatNewDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  const text = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  const i = days - FIRST_DAY;
  if (i >= 0 && i < DAY_COUNT) formatted[i] = text;
  return text;
}

/** The digit at `at`, or -1 for anything else (a negative sum of digits then cannot cancel it out). */
export const digit = (text: string, at: number): number => {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

// Day number of 1 January for each supported year, and days before each month, so reading a date
// is two table reads instead of Hinnant's divisions.
const YEAR_START = new Int32Array(LAST_YEAR - FIRST_YEAR + 2);
for (let y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) YEAR_START[y - FIRST_YEAR] = daysFromCivil(y, 1, 1);
const BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

// The supported years' months by (year - 2000) * 12 + month - 1: the day number of each month's first
// day and its length. 1,200 entries (6 KB), so reading a supported date is one index and two reads.
/** @internal */
export const MONTH_START = new Int32Array((LAST_YEAR - FIRST_YEAR + 1) * 12);
/** @internal */
export const MONTH_DAYS = new Uint8Array(MONTH_START.length);
for (let y = FIRST_YEAR, k = 0; y <= LAST_YEAR; y++) {
  for (let m = 1; m <= 12; m++, k++) {
    MONTH_START[k] = YEAR_START[y - FIRST_YEAR]! + BEFORE_MONTH[m - 1]! + (m > 2 && isLeapYear(y) ? 1 : 0);
    MONTH_DAYS[k] = daysInMonth(y, m);
  }
}

/**
 * The slot of a supported date (2000 to 2099) written as the ten characters of `text`: (month index
 * from January 2000) * 32 + day of month, or 0 for anything else (slot 0, "0 January 2000", is no
 * date; a day 0 or a day past its month's end is the caller's to refuse); the caller checks the
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
 * Reads `YYYY-MM-DD` at the start of `text` by hand, because this sits on the hot path of every
 * working-day sum and every event time a sweep reads. Returns NaN for anything that is not a real
 * calendar date.
 */
export function readDate(text: string): number {
  if (text.length < 10) return Number.NaN;
  // The supported years, 2000 to 2099, through the date's slot and the month tables above.
  const slot = dateSlot(text);
  const month = slot >> 5;
  const day = slot & 31;
  if (day >= 1 && day <= MONTH_DAYS[month]!) return MONTH_START[month]! + day - 1;
  return readAnyDate(text);
}

/** {@link readDate} for any year 0000 to 9999 (the fast path above takes the supported ones). */
function readAnyDate(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = digit(text, 0);
  const y1 = digit(text, 1);
  const y2 = digit(text, 2);
  const y3 = digit(text, 3);
  const m0 = digit(text, 5);
  const m1 = digit(text, 6);
  const d0 = digit(text, 8);
  const d1 = digit(text, 9);
  // Each digit is checked on its own: a sum of scaled digits lets one bad character be cancelled by
  // another ('300x' read as 2990 once did).
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return Number.NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  if (day > daysInMonth(year, month)) return Number.NaN;
  const leap = month > 2 && isLeapYear(year) ? 1 : 0;
  const start = year >= FIRST_YEAR && year <= LAST_YEAR ? YEAR_START[year - FIRST_YEAR]! : daysFromCivil(year, 1, 1);
  return start + BEFORE_MONTH[month - 1]! + leap + day - 1;
}

const NO_PATH: readonly (string | number)[] = [];

/** A `YYYY-MM-DD` string in the supported range as a day number, or a {@link TimeError}. */
export function parseDay(text: unknown, path: readonly (string | number)[] = NO_PATH): number {
  // The common case kept small enough to inline into its callers; every refusal is made below.
  if (typeof text === 'string' && text.length === 10) {
    const days = readDate(text);
    if (days >= FIRST_DAY && days <= LAST_DAY) return days;
  }
  return parseDayOrThrow(text, path);
}

/** {@link parseDay} for anything its fast path did not take: reads the date again, or throws its error. */
function parseDayOrThrow(text: unknown, path: readonly (string | number)[]): number {
  if (typeof text !== 'string' || text.length !== 10) {
    throw new TimeError('time/invalid-date', `Expected a date as "YYYY-MM-DD" (for example "2026-12-21"), got ${describe(text)}.`, path);
  }
  const days = readDate(text);
  if (Number.isNaN(days)) {
    throw new TimeError(
      'time/invalid-date',
      `"${text}" is not a calendar date; write it as "YYYY-MM-DD" (for example "2026-12-21").`,
      path,
    );
  }
  checkRange(days, path);
  return days;
}

/** Throws `time/out-of-range` for a day the bank-holiday tables do not cover. */
export function checkRange(days: number, path: readonly (string | number)[] = NO_PATH): void {
  if (!(days >= FIRST_DAY && days <= LAST_DAY)) {
    // A day millions of years away (or not a number at all) has no date worth printing.
    const shown = Number.isSafeInteger(days) && Math.abs(days) < 1e8 ? formatDay(days) : 'The date';
    throw new TimeError(
      'time/out-of-range',
      `${shown} is outside the supported range ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31, where UK bank holidays are known; use a date inside it.`,
      path,
    );
  }
}

/** A short, safe rendering of an unexpected value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : String(value);
}
