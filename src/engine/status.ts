import type { Protocol } from '../protocol/schema.js';
import { formatLondon } from '../time/_london.js';
import { toEpochMs } from '../time/instant.js';
import { TimeError } from '../time/timeError.js';
import { beforeOpened } from './_asOf.js';
import { compile, type Compiled } from './_compile.js';
import { describeState } from './_describe.js';
import { allowedMoves, foldCut, type State } from './_fold.js';
import { makeJudge, type Judge } from './_obligations.js';
import { OptionsError, optionsMessage, readOptions } from './_options.js';
import { refusal, type Refusal } from './refusals.js';
import type { Case, EngineOptions, StatusResult } from './types.js';

// A sweep asks about every case at the same "now": read and write it once, not once per case.
let lastNow: unknown;
let lastNowMs = 0;
let formattedMs = Number.NaN;
let formattedText = '';

/** @internal Reads a `now` argument, or returns the refusal. */
export function readNow(now: unknown): number | Refusal {
  if (typeof now === 'string' && now === lastNow) return lastNowMs;
  try {
    const ms = toEpochMs(now, ['now']);
    if (typeof now === 'string') [lastNow, lastNowMs] = [now, ms];
    return ms;
  } catch (error) {
    if (!(error instanceof TimeError)) throw error;
    return refusal('engine/invalid-event', `"now": ${error.message}`);
  }
}

/** @internal `now` as status shows it, formatted once per sweep. */
export function formatNow(ms: number): string {
  if (ms !== formattedMs) [formattedMs, formattedText] = [ms, formatLondon(ms)];
  return formattedText;
}

/** @internal A case folded as of `now`, with what judging its obligations needs; or the refusal. */
export interface AtMoment {
  readonly c: Compiled;
  readonly state: State;
  readonly judge: Judge;
}

/** @internal The shared first half of status, worklist and nextChange. */
export function atMoment(
  protocol: Protocol,
  kase: Case,
  now: unknown,
  options: unknown,
  extraKeys?: readonly string[],
): AtMoment | Refusal {
  const c = compile(protocol);
  const nowMs = readNow(now);
  if (typeof nowMs !== 'number') return nowMs;
  let read: ReturnType<typeof readOptions>;
  try {
    read = readOptions(c, options, extraKeys);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    return refusal('engine/invalid-options', optionsMessage(error));
  }
  const { state, refusal: refused } = foldCut(c, kase, undefined, nowMs);
  if (refused) return refused;
  if (!state) {
    return kase.events.length
      ? beforeOpened(kase.events[0], nowMs)
      : refusal('engine/not-opened', 'The case has no events; its first event must open it.', 0, allowedMoves(c, undefined));
  }
  return { c, state, judge: makeJudge(nowMs, read) };
}

/** @internal Runs `body`, reporting a due date out of range as a refusal rather than crashing a sweep. */
export function guarded<T>(body: () => T): T | Refusal {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof TimeError)) throw error;
    return refusal('engine/invalid-case', error.message);
  }
}

/**
 * Where a case stands at a moment: its stage and owners, every obligation with its due date, state
 * (pending, due soon, due now, overdue, met, met late, waiting for an anchor, no deadline, cancelled),
 * owner, side and agency, the records required and missing, the moves allowed then and the bypass
 * rules available. `now` is a point of view: events dated after it do not count, so the status at
 * any past moment is exact. Missing records and missed deadlines never block a move; they stay
 * visible here after the case moves on.
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the case: protocol id and version, and its events
 * @param now - the moment to evaluate at (the engine never reads the clock); not before the opening
 * @param options - calendar or closures, how near "due soon" is, the grace of "immediately"
 * @returns `{ success: true, status }`, or `{ success: false, refusal }` when an event in the log is
 *   not a move the protocol allows (the refusal names its index), `now` is before the case opened
 *   (`engine/before-opened`), or an option is of the wrong shape (`engine/invalid-options`)
 * @example
 * ```ts
 * const result = status(swindon, kase, '2027-01-05T09:00');
 * if (result.success) for (const o of result.status.obligations) console.log(o.id, o.due?.date, o.state);
 * ```
 */
export function status(protocol: Protocol, kase: Case, now: string | Date, options: EngineOptions = {}): StatusResult {
  const at = atMoment(protocol, kase, now, options);
  if ('code' in at) return { success: false, refusal: at };
  // guarded(), written out: a sweep calls this for every case, and the closure would be one more object each.
  try {
    return { success: true, status: describeState(at.c, at.state, at.judge, formatNow(at.judge.now)) };
  } catch (error) {
    if (!(error instanceof TimeError)) throw error;
    return { success: false, refusal: refusal('engine/invalid-case', error.message) };
  }
}
