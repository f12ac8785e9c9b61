import { FIRST_DAY, LAST_DAY, MS_PER_DAY, checkRange, describe, digit, formatDay, readDate } from './_days.js';
import { formatLondon, londonDay, londonToEpoch } from './_london.js';
import { TimeError, type Issue } from './timeError.js';

/**
 * Anything the library accepts as a moment in time: an ISO 8601 string (with an offset or `Z`; without
 * one it is London local time, and a bare `YYYY-MM-DD` is London midnight), a `Date`, or a luxon
 * `DateTime` (any object with `toMillis()`).
 */
export type InstantInput = string | Date | { toMillis(): number };

/** The result of {@link parseInstant}: never thrown, always one of these two. */
export type InstantResult =
  | { readonly success: true; readonly epochMs: number; readonly instant: string; readonly date: string }
  | { readonly success: false; readonly issues: readonly Issue[] };

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Converts an instant input to milliseconds since the epoch, or throws a {@link TimeError}.
 * @internal the engine's hot path; the public, non-throwing form is {@link parseInstant}.
 */
export function toEpochMs(input: unknown, path: readonly (string | number)[] = []): number {
  let epochMs: number;
  if (typeof input === 'string') {
    // The common shapes come back whole and inside the range already: skip the checks below.
    const fast = readCommonIso(input, path);
    if (!Number.isNaN(fast)) return fast;
    epochMs = readIso(input, path);
  } else if (input instanceof Date) epochMs = input.getTime();
  else if (input !== null && typeof input === 'object' && typeof (input as { toMillis?: unknown }).toMillis === 'function') {
    epochMs = millisOf(input as { toMillis(): unknown });
  } else {
    throw new TimeError(
      'time/invalid-instant',
      `Expected an instant (an ISO 8601 string such as "2026-12-21T09:30", a Date or a luxon DateTime), got ${describe(input)}.`,
      path,
    );
  }
  // A whole number of milliseconds: what a Date or a luxon DateTime always gives, and what every
  // formatter here assumes (a fraction of a millisecond would print as garbage).
  if (!Number.isSafeInteger(epochMs)) {
    throw new TimeError(
      'time/invalid-instant',
      'The instant is invalid (an Invalid Date, an invalid DateTime, or not a whole number of milliseconds); pass a real moment in time.',
      path,
    );
  }
  const day = londonDay(epochMs);
  if (day < FIRST_DAY || day > LAST_DAY) checkRange(day, path);
  return epochMs;
}

/** A luxon-like object's milliseconds; its own failure is the input's fault, so it becomes a TimeError. */
function millisOf(input: { toMillis(): unknown }): number {
  let value: unknown;
  try {
    value = input.toMillis();
  } catch {
    value = Number.NaN;
  }
  return typeof value === 'number' ? value : Number.NaN;
}

const two = (text: string, at: number): number => {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/** Milliseconds in the first three digits of a fraction of a second; digits past the millisecond are dropped. */
const FRACTION_SCALE = [100, 10, 1];

/**
 * The shapes integrators store nearly always (`2026-12-21T10:00`, `...:00Z`, `...:00.000Z`,
 * `...:00.12Z`, `...:00+01:00`), read without a regex: a sweep reads every event's instant. Anything
 * else, or anything odd in these, falls through to the full reader and its error messages; this
 * function only ever accepts what that reader would read the same way.
 */
function readCommonIso(text: string, path: readonly (string | number)[]): number {
  const n = text.length;
  if (n < 16 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return Number.NaN;
  const days = readDate(text);
  const hours = two(text, 11);
  const minutes = two(text, 14);
  let seconds = 0;
  let millis = 0;
  let at = 16;
  if (n > 16 && text.charCodeAt(16) === 58) {
    seconds = two(text, 17);
    at = 19;
    if (n > 19 && text.charCodeAt(19) === 46) {
      // One to nine digits, each checked: the character after the last digit is the zone's business.
      at = 20;
      for (let c = digit(text, at); c >= 0 && at < 29; c = digit(text, ++at)) if (at < 23) millis += c * FRACTION_SCALE[at - 20]!;
      if (at === 20) return Number.NaN;
    }
  }
  if (Number.isNaN(days) || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return Number.NaN;
  const msOfDay = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  if (at === n) {
    if (days < FIRST_DAY || days > LAST_DAY) return Number.NaN;
    return londonToEpoch(days, msOfDay, path);
  }
  // With an offset, the London date may be a day either side of the written one: the ends of the
  // range are left to the full reader and toEpochMs's check, so what this returns is always in range.
  if (days <= FIRST_DAY || days >= LAST_DAY) return Number.NaN;
  if (at + 1 === n && text.charCodeAt(at) === 90) return days * MS_PER_DAY + msOfDay;
  if (at + 6 === n && text.charCodeAt(at + 3) === 58) {
    const sign = text.charCodeAt(at) === 43 ? 1 : text.charCodeAt(at) === 45 ? -1 : 0;
    const oh = two(text, at + 1);
    const om = two(text, at + 4);
    if (sign !== 0 && oh >= 0 && oh <= 23 && om >= 0 && om <= 59) return days * MS_PER_DAY + msOfDay - sign * (oh * 60 + om) * 60_000;
  }
  return Number.NaN;
}

function readIso(text: string, path: readonly (string | number)[]): number {
  const match = ISO.exec(text);
  const days = match ? readDate(match[1]!) : Number.NaN;
  if (!match || Number.isNaN(days)) {
    throw new TimeError(
      'time/invalid-instant',
      `${describe(text)} is not an ISO 8601 date or date-time; write "2026-12-21", "2026-12-21T09:30" (London time) or "2026-12-21T09:30:00Z".`,
      path,
    );
  }
  const [, , hh = '0', mm = '0', ss = '0', fraction = '', zone] = match;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw new TimeError(
      'time/invalid-instant',
      `${describe(text)} has a time of day out of range; hours run 00-23, minutes and seconds 00-59.`,
      path,
    );
  }
  // Integer arithmetic on the digits, not Number('0.' + fraction) * 1000, which is off by one for some.
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const msOfDay = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  if (zone === undefined) {
    checkRange(days, path);
    return londonToEpoch(days, msOfDay, path);
  }
  return days * MS_PER_DAY + msOfDay - zoneOffset(text, zone, path);
}

function zoneOffset(text: string, zone: string, path: readonly (string | number)[]): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  if (hours > 23 || minutes > 59) {
    throw new TimeError(
      'time/invalid-instant',
      `${describe(text)} has a UTC offset out of range; offsets run from -23:59 to +23:59 (for example "+01:00"), or write "Z" for UTC.`,
      path,
    );
  }
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * Reads an instant without throwing.
 *
 * @param input - an ISO 8601 string, a `Date` or a luxon `DateTime`
 * @returns `{ success: true, epochMs, instant, date }` with the instant in London's offset and its
 *   London date, or `{ success: false, issues }` (codes `time/invalid-instant`,
 *   `time/nonexistent-local-time`, `time/out-of-range`)
 * @example
 * ```ts
 * parseInstant('2026-10-25T01:30'); // the earlier of the two 01:30s: instant '2026-10-25T01:30:00+01:00'
 * parseInstant('2026-03-29T01:30'); // success: false, code 'time/nonexistent-local-time'
 * ```
 */
export function parseInstant(input: unknown): InstantResult {
  try {
    const epochMs = toEpochMs(input);
    return { success: true, epochMs, instant: formatLondon(epochMs), date: formatDay(londonDay(epochMs)) };
  } catch (error) {
    if (error instanceof TimeError) return { success: false, issues: error.issues };
    throw error;
  }
}

/**
 * The London date of an instant.
 *
 * @param input - an instant
 * @returns its `YYYY-MM-DD` date in Europe/London
 * @throws {@link TimeError} for input {@link parseInstant} would refuse
 */
export function toLondonDate(input: InstantInput): string {
  return formatDay(londonDay(toEpochMs(input)));
}

/**
 * An instant written in ISO 8601 with London's offset at that moment.
 *
 * @param input - an instant
 * @returns e.g. `2026-03-29T11:00:00+01:00`; milliseconds appear only when not zero
 * @throws {@link TimeError} for input {@link parseInstant} would refuse
 */
export function toLondonInstant(input: InstantInput): string {
  return formatLondon(toEpochMs(input));
}
