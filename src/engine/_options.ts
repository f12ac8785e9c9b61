// Engine option arguments read exactly: an argument of the wrong shape is a refusal
// (`engine/invalid-options`), never a TypeError from deep inside. @internal

import { describe } from '../time/_days.js';
import { resolveCalendar, type Calendar } from '../time/calendar.js';
import { toDuration, type Duration } from '../time/duration.js';
import { TimeError } from '../time/timeError.js';
import { engineCalendar, type Compiled } from './_compile.js';
import type { EngineOptions } from './types.js';

const KNOWN = ['calendar', 'closures', 'dueSoonWorkingDays', 'immediateGrace'];

/** What every engine call needs from its options, read once. */
export interface ReadOptions {
  readonly calendar: Calendar;
  readonly dueSoon: number;
  readonly grace: Duration;
}

const SAME_WORKING_DAY = toDuration('sameWorkingDay');

// The options of a call that gives none, per protocol: a sweep reads them for every case.
const defaults = new WeakMap<Compiled, ReadOptions>();
function defaultsOf(c: Compiled): ReadOptions {
  let hit = defaults.get(c);
  if (!hit) defaults.set(c, (hit = Object.freeze({ calendar: c.calendar, dueSoon: 1, grace: SAME_WORKING_DAY })));
  return hit;
}

// A shared default: `= []` would be a new array every call (#15).
const NO_KEYS: readonly string[] = Object.freeze([]);

export class OptionsError {
  constructor(
    readonly message: string,
    readonly path: readonly (string | number)[],
  ) {}
}

const fail = (message: string, path: (string | number)[]): never => {
  throw new OptionsError(message, path);
};

function checkClosures(closures: unknown): void {
  if (!Array.isArray(closures)) fail(`"closures" is a list of dates or { "from", "to" } ranges, got ${describe(closures)}.`, ['closures']);
  (closures as unknown[]).forEach((closure, i) => {
    if (typeof closure === 'string') return;
    const ok =
      closure !== null &&
      typeof closure === 'object' &&
      typeof (closure as { from?: unknown }).from === 'string' &&
      typeof (closure as { to?: unknown }).to === 'string' &&
      ['string', 'undefined'].includes(typeof (closure as { name?: unknown }).name);
    if (!ok)
      fail(`A closure is a date "YYYY-MM-DD" or { "from": "2026-12-24", "to": "2026-12-31" }, got ${describe(closure)}.`, ['closures', i]);
  });
}

/**
 * Reads `options` (any value) for an engine call on `c`, or throws {@link OptionsError}. Extra keys
 * are allowed here: `plan` and `worklist` pass their own options through.
 */
export function readOptions(c: Compiled, options: unknown, extraKeys: readonly string[] = NO_KEYS): ReadOptions {
  if (options === undefined) return defaultsOf(c);
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    fail(`Options are an object such as { "closures": [...] } or {}, got ${describe(options)}.`, []);
  const o = options as Record<string, unknown>;
  const keys = Object.keys(o);
  // No options given (`{}`, the default of every engine call) reads as none: the same shared answer.
  if (keys.length === 0 && Object.getPrototypeOf(o) === Object.prototype) return defaultsOf(c);
  for (const key of keys)
    if (!KNOWN.includes(key) && !extraKeys.includes(key))
      fail(`Unknown option "${key}"; options are ${[...KNOWN, ...extraKeys].join(', ')}.`, [key]);
  if (o.closures !== undefined) checkClosures(o.closures);
  const dueSoon = o.dueSoonWorkingDays ?? 1;
  if (typeof dueSoon !== 'number' || !Number.isInteger(dueSoon) || dueSoon < 0 || dueSoon > 260)
    fail(`"dueSoonWorkingDays" is a whole number of working days from 0 to 260, got ${describe(dueSoon)}.`, ['dueSoonWorkingDays']);
  try {
    const grace = o.immediateGrace === undefined ? SAME_WORKING_DAY : toDuration(o.immediateGrace, ['immediateGrace']);
    if (o.calendar !== undefined) resolveCalendar(o.calendar as never, ['calendar']);
    const calendar = engineCalendar(c, o as EngineOptions);
    return { calendar, dueSoon: dueSoon as number, grace };
  } catch (error) {
    if (error instanceof TimeError) return fail(error.message, [...error.path]);
    throw error;
  }
}

/** The message of an {@link OptionsError}, naming the option. */
export const optionsMessage = (error: OptionsError): string =>
  error.path.length ? `Option "${error.path.join('.')}": ${error.message}` : error.message;
