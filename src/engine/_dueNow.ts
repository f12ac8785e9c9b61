// "immediately": due at its anchor, but `dueNow` (not overdue) while within a grace, by default to
// the end of the anchor's working day. This is the engine's reading: no document gives a number for
// "immediate", and a minute after the anchor is not late in any sense a practitioner would use. @internal

import { londonToEpoch } from '../time/_london.js';
import type { Calendar } from '../time/calendar.js';
import { dueAfter, type Duration } from '../time/duration.js';
import type { AnchorLookup, DueNumbers, Timescale } from '../time/timescale.js';

/**
 * When the grace of an `immediately` obligation ends, if its due moment comes from an `immediately`
 * leaf (alone, in an `earliestOf` or as a limit); undefined for every other obligation.
 */
export function graceEnd(
  timescale: Timescale,
  due: DueNumbers,
  lookup: AnchorLookup,
  calendar: Calendar,
  grace: Duration,
): number | undefined {
  return fromImmediate(timescale, due.at, lookup, 0) ? dueAfter(calendar, due.at, grace).at : undefined;
}

function fromImmediate(t: Timescale, at: number, lookup: AnchorLookup, depth: number): boolean {
  if (depth > 64 || t === null || typeof t !== 'object') return false;
  if ('within' in t) return t.within === 'immediately' && lookup(t.from) === at;
  if ('earliestOf' in t) return t.earliestOf.some((part) => fromImmediate(part, at, lookup, depth + 1));
  if ('target' in t) return t.limit !== undefined && fromImmediate(t.limit, at, lookup, depth + 1);
  // "At" a moment (#12 part B) is met within the same grace as "immediately": it cannot be done before.
  if ('at' in t) return lookup(t.from) !== undefined;
  if ('none' in t && t.assume) return fromImmediate(t.assume as Timescale, at, lookup, depth + 1);
  return false;
}

/**
 * When an "at" obligation may first be done: the start (London midnight) of the day it falls on. Its
 * due moment is that day's end, as for any calendar duration; "six weeks post conference" is a day,
 * and doing it during that day is on time, not early.
 */
export function notBeforeMoment(due: DueNumbers): number {
  return londonToEpoch(due.day, 0);
}
