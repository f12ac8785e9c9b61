import { civilFromDays, daysFromCivil, daysInMonth, describe, formatDay, parseDay, checkRange } from './_days.js';
import { formatLondon, londonDay } from './_london.js';
import { resolveCalendar, type Calendar, type CalendarLike } from './calendar.js';
import { toEpochMs, type InstantInput } from './instant.js';
import { readWholeNumber } from './_options.js';
import { TimeError, type Issue } from './timeError.js';
import { addWorkingDayNumbers, endOfDayEpoch, isProvisionalDay } from './workingDays.js';

/**
 * A length of time with an explicit unit, never a bare number. Written `5wd` (working days), `24h`
 * (elapsed hours), `7d` (calendar days), `6w` (weeks), `1mo` (calendar months), or the words
 * `immediately` and `sameWorkingDay`.
 */
export type Duration =
  | { readonly unit: 'workingDays' | 'hours' | 'days' | 'weeks' | 'months'; readonly amount: number }
  | { readonly unit: 'immediately' | 'sameWorkingDay' };

/** The result of {@link parseDuration}: never thrown. */
export type DurationResult =
  | { readonly success: true; readonly duration: Duration }
  | { readonly success: false; readonly issues: readonly Issue[] };

const UNITS = { wd: 'workingDays', h: 'hours', d: 'days', w: 'weeks', mo: 'months' } as const;
const SUFFIX = { workingDays: 'wd', hours: 'h', days: 'd', weeks: 'w', months: 'mo' } as const;

/** What an author may write, for error messages. */
export const DURATION_SYNTAX =
  '`5wd` (working days), `24h` (hours), `7d` (calendar days), `6w` (weeks), `1mo` (calendar months), `immediately` or `sameWorkingDay`';

const WORDS: Record<string, string> = {
  'working days': 'wd',
  'working day': 'wd',
  workingdays: 'wd',
  days: 'd',
  day: 'd',
  hours: 'h',
  hour: 'h',
  hrs: 'h',
  hr: 'h',
  weeks: 'w',
  week: 'w',
  months: 'mo',
  month: 'mo',
  m: 'mo',
};

const cache = new Map<string, Duration>();

/**
 * Reads a duration such as `5wd` without throwing.
 *
 * @param text - the duration as written in a protocol file
 * @returns `{ success: true, duration }`, or `{ success: false, issues }` with code `time/invalid-duration`
 *   and a message that suggests the accepted form (`"5 days"` → `5d` or `5wd`)
 * @example
 * ```ts
 * parseDuration('5wd'); // { success: true, duration: { unit: 'workingDays', amount: 5 } }
 * parseDuration('5 days'); // success: false, 'write "5wd" for working days or "5d" for calendar days'
 * ```
 */
export function parseDuration(text: unknown): DurationResult {
  try {
    return { success: true, duration: toDuration(text) };
  } catch (error) {
    if (error instanceof TimeError) return { success: false, issues: error.issues };
    throw error;
  }
}

/** @internal The throwing, memoised form of {@link parseDuration}. */
export function toDuration(text: unknown, path: readonly (string | number)[] = []): Duration {
  if (typeof text === 'string') {
    const hit = cache.get(text);
    if (hit) return hit;
  }
  const duration = readDuration(text, path);
  if (typeof text === 'string' && cache.size < 1000) cache.set(text, duration);
  return duration;
}

/** The largest amount the grammar can write (five digits); a Duration object may not exceed it either. */
const MAX_AMOUNT = 99_999;

/**
 * @internal A {@link Duration} object checked as strictly as its text: a known unit, and for the
 * units with an amount a whole number from 0 to 99999. Anything else is `time/invalid-duration`.
 */
export function checkDuration(value: unknown, path: readonly (string | number)[] = []): Duration {
  const d = value as { unit?: unknown; amount?: unknown } | null;
  if (d !== null && typeof d === 'object') {
    if (d.unit === 'immediately' || d.unit === 'sameWorkingDay') return value as Duration;
    const amount = d.amount;
    if (
      typeof d.unit === 'string' &&
      Object.hasOwn(SUFFIX, d.unit) &&
      typeof amount === 'number' &&
      Number.isInteger(amount) &&
      amount >= 0 &&
      amount <= MAX_AMOUNT
    )
      return value as Duration;
  }
  throw new TimeError(
    'time/invalid-duration',
    `${describe(value)} is not a duration; pass its text (${DURATION_SYNTAX}) or what parseDuration returns, e.g. { unit: 'workingDays', amount: 5 } (amounts are whole numbers 0-${MAX_AMOUNT}).`,
    path,
  );
}

function readDuration(text: unknown, path: readonly (string | number)[]): Duration {
  if (text === 'immediately' || text === 'sameWorkingDay') return Object.freeze({ unit: text });
  const match = typeof text === 'string' ? /^(0|[1-9]\d{0,4})(wd|h|d|w|mo)$/.exec(text) : null;
  if (match) return Object.freeze({ unit: UNITS[match[2] as keyof typeof UNITS], amount: Number(match[1]) });
  throw new TimeError(
    'time/invalid-duration',
    `${describe(text)} is not a duration. ${suggest(text)}Write one of ${DURATION_SYNTAX}.`,
    path,
  );
}

function suggest(text: unknown): string {
  if (typeof text === 'number')
    return Number.isInteger(text) && text >= 0 && text < 1e5
      ? `A bare number has no unit: write "${text}wd" for working days or "${text}d" for calendar days. `
      : '';
  // Suggestions are for the short things people type ("5 days"); long or odd input gets none, and
  // the pattern below cannot backtrack (each part is matched by one quantifier only).
  if (typeof text !== 'string' || text.length > 40) return '';
  const loose = /^(\d{1,5}) ?([a-z]+(?: [a-z]+)?)$/i.exec(text.trim());
  if (!loose) return '';
  const word = loose[2]!.toLowerCase();
  const unit = Object.hasOwn(WORDS, word) ? WORDS[word] : Object.hasOwn(UNITS, word) ? word : undefined;
  if (unit === 'd') return `Write "${loose[1]}wd" for working days or "${loose[1]}d" for calendar days. `;
  return unit ? `Did you mean "${loose[1]}${unit}"? ` : '';
}

/**
 * Writes a duration back in the grammar.
 *
 * @param duration - a parsed duration
 * @returns its text: `{ unit: 'workingDays', amount: 5 }` → `5wd`
 * @throws {@link TimeError} `time/invalid-duration` for anything {@link parseDuration} could not have returned
 */
export function formatDuration(duration: Duration): string {
  checkDuration(duration, ['duration']);
  return 'amount' in duration ? `${duration.amount}${SUFFIX[duration.unit]}` : duration.unit;
}

/** @internal Adds calendar months to a day number, clamping to the month's end (31 Jan + 1mo = 28/29 Feb). */
export function addMonthsToDay(day: number, months: number): number {
  const { year, month, day: dom } = civilFromDays(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(dom, daysInMonth(y, m)));
}

/**
 * @internal The due instant (epoch ms) and due day for a duration from an anchor instant. Working
 * days, days, weeks and months fall due at the end of the resulting local day; hours are elapsed time;
 * `immediately` is the anchor itself.
 */
export function dueAfter(calendar: Calendar, fromMs: number, duration: Duration): { at: number; day: number } {
  if (duration.unit === 'immediately') return { at: fromMs, day: londonDay(fromMs) };
  if (duration.unit === 'hours') {
    const at = fromMs + duration.amount * 3_600_000;
    const day = londonDay(at);
    checkRange(day);
    return { at, day };
  }
  const start = londonDay(fromMs);
  let day: number;
  switch (duration.unit) {
    case 'sameWorkingDay':
      day = addWorkingDayNumbers(calendar, start, 0);
      break;
    case 'workingDays':
      day = addWorkingDayNumbers(calendar, start, duration.amount);
      break;
    case 'days':
      day = start + duration.amount;
      break;
    case 'weeks':
      day = start + duration.amount * 7;
      break;
    case 'months':
      day = addMonthsToDay(start, duration.amount);
      break;
  }
  checkRange(day);
  return { at: endOfDayEpoch(calendar, day), day };
}

/** When something falls due: the instant (ISO 8601 with London's offset) and its London date. */
export interface Due {
  /** e.g. `2026-12-30T23:59:59.999+00:00` */
  readonly at: string;
  /** e.g. `2026-12-30` */
  readonly date: string;
  /**
   * Present, and true, when `date` is after the calendar's `confirmedUntil`: a bank holiday not yet
   * announced could still move it. Absent otherwise.
   */
  readonly provisional?: true;
}

/** @internal A due date as the API shows it, marked provisional past the calendar's confirmed date. */
export function showDue(calendar: Calendar, due: { at: number; day: number }): Due {
  const shown = { at: formatLondon(due.at), date: formatDay(due.day) };
  return isProvisionalDay(calendar, due.day) ? { ...shown, provisional: true } : shown;
}

/**
 * Applies one duration to one instant, with the semantics in DESIGN.md "Time semantics".
 *
 * @param from - the anchor instant (a date alone is London midnight; only its date matters for days)
 * @param duration - a {@link Duration} or its text, e.g. `5wd`
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns the due instant and date
 * @throws {@link TimeError} for a malformed input (`time/invalid-duration` for a duration that is
 *   neither its text nor a {@link Duration}) or a due date beyond 2099
 * @example
 * ```ts
 * due('2026-12-21', '17wd');        // { date: '2027-01-18', at: '2027-01-18T23:59:59.999+00:00' }
 * due('2026-03-28T10:00', '24h');   // { date: '2026-03-29', at: '2026-03-29T11:00:00+01:00' }
 * ```
 */
export function due(from: InstantInput, duration: Duration | string, calendar?: CalendarLike): Due {
  const parsed = typeof duration === 'string' ? toDuration(duration, ['duration']) : checkDuration(duration, ['duration']);
  const resolved = resolveCalendar(calendar);
  return showDue(resolved, dueAfter(resolved, toEpochMs(from, ['from']), parsed));
}

/**
 * Adds elapsed hours: 24 hours across the October change is 24 real hours (a wall-clock 23 hours later).
 *
 * @param from - an instant
 * @param hours - whole or fractional hours, may be negative; the result is rounded to the millisecond
 * @returns the instant with London's offset
 * @throws {@link TimeError} `time/invalid-amount` for hours that are not a finite number,
 *   `time/out-of-range` for a result outside 2000-2099, and the instant codes for `from`
 */
export function addHours(from: InstantInput, hours: number): string {
  const start = toEpochMs(from, ['from']);
  if (typeof hours !== 'number' || !Number.isFinite(hours))
    throw new TimeError('time/invalid-amount', `Expected a number of hours, got ${describe(hours)}.`, ['hours']);
  const at = start + Math.round(hours * 3_600_000);
  checkRange(Number.isSafeInteger(at) ? londonDay(at) : Number.NaN, ['hours']);
  return formatLondon(at);
}

/**
 * Adds calendar days to a date.
 *
 * @param date - `YYYY-MM-DD`
 * @param days - a whole number, may be negative
 * @returns `YYYY-MM-DD`
 * @throws {@link TimeError} `time/invalid-date`, `time/invalid-amount` for days that are not a whole
 *   number, `time/out-of-range` for a result outside 2000-2099
 */
export function addDays(date: string, days: number): string {
  const day = parseDay(date, ['date']) + readWholeNumber(days, 'days', ['days']);
  checkRange(day, ['days']);
  return formatDay(day);
}

/**
 * Adds weeks (seven calendar days each) to a date.
 *
 * @param date - `YYYY-MM-DD`
 * @param weeks - a whole number, may be negative
 * @returns `YYYY-MM-DD`
 * @throws {@link TimeError} as {@link addDays}
 */
export function addWeeks(date: string, weeks: number): string {
  const day = parseDay(date, ['date']) + readWholeNumber(weeks, 'weeks', ['weeks']) * 7;
  checkRange(day, ['weeks']);
  return formatDay(day);
}

/**
 * Adds calendar months to a date; a day past the new month's end clamps to it.
 *
 * @param date - `YYYY-MM-DD`
 * @param months - a whole number, may be negative
 * @returns `YYYY-MM-DD`, e.g. `addMonths('2027-01-31', 1)` is `2027-02-28`
 * @throws {@link TimeError} as {@link addDays}
 */
export function addMonths(date: string, months: number): string {
  const start = parseDay(date, ['date']);
  const count = readWholeNumber(months, 'months', ['months']);
  // Past 1200 months either way the result is outside 2000-2099 whatever the start; stopping here
  // keeps the month arithmetic inside exact integers.
  const day = Math.abs(count) > 1200 ? Number.NaN : addMonthsToDay(start, count);
  checkRange(day, ['months']);
  return formatDay(day);
}
