import type { Protocol } from '../protocol/schema.js';
import { FIRST_DAY } from '../time/_days.js';
import { formatLondon, londonToEpoch } from '../time/_london.js';
import { eachObligation } from './_obligations.js';
import type { Refusal } from './refusals.js';
import { atMoment, guarded } from './status.js';
import type { Case, EngineOptions, Instant } from './types.js';

/** What {@link nextChange} returns. */
export type NextChangeResult =
  | { readonly success: true; readonly at: Instant | null }
  | { readonly success: false; readonly refusal: Refusal };

/**
 * The next moment after `now` at which the state of any obligation of the case would change with
 * no new event: a pending one becoming due soon, one due soon or due now becoming overdue. A
 * service can schedule its next look at the case then, instead of sweeping blindly.
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the case
 * @param now - the moment to look ahead from
 * @param options - the same options as `status` (they decide "due soon" and the working days)
 * @returns `{ success: true, at }` with the instant, or `at: null` when nothing will change by
 *   itself (every obligation met, cancelled, waiting or without a deadline); or the refusal
 * @example
 * ```ts
 * const next = nextChange(swindon, kase, '2026-12-21T12:00');
 * if (next.success && next.at) scheduler.at(next.at, () => recheck(kase));
 * ```
 */
export function nextChange(protocol: Protocol, kase: Case, now: string | Date, options: EngineOptions = {}): NextChangeResult {
  const at = atMoment(protocol, kase, now, options);
  if ('code' in at) return { success: false, refusal: at };
  const { c, judge: j, state } = at;
  const { rank, workingDays } = j.calendar.tables;
  const found = guarded(() => {
    let next = Number.POSITIVE_INFINITY;
    const consider = (ms: number): void => {
      if (ms > j.now && ms < next) next = ms;
    };
    eachObligation(c, state, j, (o) => {
      if (!o.due) return;
      if (o.state === 'dueNow') consider(o.graceEnd! + 1);
      else if (o.state === 'dueSoon') consider(o.due.at + 1);
      else if (o.state === 'pending') {
        // Due soon from the start of the working day `dueSoon` working days before the due date.
        const from = rank[o.due.day - FIRST_DAY]! - j.dueSoon;
        if (from >= 1) consider(londonToEpoch(workingDays[from - 1]!, 0));
      }
    });
    return next;
  });
  if (typeof found !== 'number') return { success: false, refusal: found };
  return { success: true, at: Number.isFinite(found) ? formatLondon(found) : null };
}
