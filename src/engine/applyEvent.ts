import type { Protocol } from '../protocol/schema.js';
import { formatLondon } from '../time/_london.js';
import { toEpochMs } from '../time/instant.js';
import { compile } from './_compile.js';
import { allowedMoves, fold } from './_fold.js';
import { parseEvent } from './parseEvent.js';
import { refusal } from './refusals.js';
import { readNow } from './status.js';
import {
  FUTURE_TOLERANCE_MINUTES,
  type AllowedMove,
  type ApplyOptions,
  type ApplyResult,
  type Case,
  type CaseEvent,
  type OpenedEvent,
} from './types.js';

const TOLERANCE_MS = FUTURE_TOLERANCE_MINUTES * 60_000;

const fail = (r: ReturnType<typeof refusal>): ApplyResult => ({ success: false, refusal: r });

/**
 * Appends an event to a case if the protocol allows it. Strict on structure: a skip no rule allows,
 * an event on a closed case, an event dated before the last one, an unknown stage, record or rule,
 * a second opening, or an event of the wrong shape (read as {@link parseEvent} reads it) is refused
 * with a typed reason and the moves allowed instead. Advisory on paperwork: a missing record or a
 * missed deadline never blocks a move. The case stores a copy of the event as read, never the
 * caller's object. Never mutates its inputs.
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the case so far
 * @param event - the event to append; a `voided` event corrects an earlier one
 * @param options - `now`: the server's clock, to refuse events dated in the future (`engine/event-in-future`)
 * @returns `{ success: true, case }` with a new case object, or `{ success: false, refusal }`
 * @example
 * ```ts
 * const result = applyEvent(swindon, kase, { type: 'escalated', at: '2026-12-23T16:00', to: 'stage-2' }, { now: '2026-12-23T16:05' });
 * if (!result.success) console.log(result.refusal.code, result.refusal.allowed);
 * else kase = result.case;
 * ```
 */
export function applyEvent(protocol: Protocol, kase: Case, event: CaseEvent, options: ApplyOptions = {}): ApplyResult {
  const index = Array.isArray(kase?.events) ? kase.events.length : -1;
  const c = compile(protocol);
  // The moves allowed before this event, for a refusal of the event itself.
  const allowed = (): readonly AllowedMove[] => {
    const past = fold(c, kase);
    return past.refusal ? [] : allowedMoves(c, past.state);
  };
  const parsed = parseEvent(event);
  if (!parsed.success) {
    const broken = fold(c, kase).refusal;
    if (broken) return fail(broken);
    const [first, ...rest] = parsed.issues;
    const more = rest.length ? ` (and ${rest.length} more, at ${rest.map((i) => i.path.join('.') || i.code).join(', ')})` : '';
    return fail(refusal('engine/invalid-event', `${first!.message}${more}`, index, allowed()));
  }
  const copy = parsed.event;
  if (options === null || typeof options !== 'object')
    return fail(refusal('engine/invalid-options', 'Options are an object such as { "now": "2026-12-23T10:00" } or {}.', index));
  if (options.now !== undefined) {
    const now = readNow(options.now);
    if (typeof now !== 'number') return fail(refusal('engine/invalid-options', now.message, index));
    for (const key of ['at', 'occurredAt'] as const) {
      const value = (copy as unknown as Record<string, unknown>)[key];
      if (value !== undefined && toEpochMs(value) > now + TOLERANCE_MS) {
        const when = formatLondon(toEpochMs(value));
        return fail(
          refusal(
            'engine/event-in-future',
            `"${key}" is ${when}, later than now (${formatLondon(now)}); an event is recorded once it has happened. Check the date (a mistyped year?).`,
            index,
            allowed(),
          ),
        );
      }
    }
  }
  const { refusal: refused } = fold(c, kase, { extra: copy });
  if (refused && refused.eventIndex < index && copy.type === 'voided') {
    // Voiding an event can make a later one impossible (an escalation voided under a second one).
    return fail(
      refusal(
        'engine/cannot-void',
        `Voiding event ${copy.event} would leave event ${refused.eventIndex} refused: ${refused.message}`,
        index,
        refused.allowed,
      ),
    );
  }
  if (refused) return fail(refused);
  return { success: true, case: { protocol: kase.protocol, events: [...kase.events, copy] } };
}

/**
 * Starts a case: a new case object holding the protocol's id, version and content digest (see
 * `protocolDigest`), and the opening event.
 *
 * @param protocol - the protocol in force (see `ProtocolRegistry.inForce`)
 * @param opened - the opening event without its `type`
 * @param options - `now`, as for {@link applyEvent}
 * @returns `{ success: true, case }` or `{ success: false, refusal }` (subject out of scope, a
 *   precondition not confirmed, a stage the case may not open at, ...)
 * @example
 * ```ts
 * const result = openCase(swindon, {
 *   at: '2026-12-21T10:00', subject: 'child', raisingAgency: 'School', receivingAgency: "Children's Social Care",
 * });
 * ```
 */
export function openCase(protocol: Protocol, opened: Omit<OpenedEvent, 'type'>, options: ApplyOptions = {}): ApplyResult {
  const pinned = { id: protocol.id, version: protocol.version, digest: compile(protocol).digest };
  return applyEvent(protocol, { protocol: pinned, events: [] }, { ...opened, type: 'opened' }, options);
}

/**
 * Replays a stored case to check it: every event must be a move the protocol allows.
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the stored case
 * @returns `{ success: true, case }` (the same object) or the refusal of the first bad event
 */
export function replay(protocol: Protocol, kase: Case): ApplyResult {
  const { refusal: refused } = fold(compile(protocol), kase);
  return refused ? { success: false, refusal: refused } : { success: true, case: kase };
}

/**
 * The moves the protocol allows a case: after its whole log, or as of `now` (events dated after it
 * do not count).
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the case
 * @param now - a point of view; the end of the log when omitted
 * @returns the allowed moves; empty for a closed case, a case whose log is refused, or a `now` before it opened
 */
export function allowedNow(protocol: Protocol, kase: Case, now?: string | Date): AllowedMove[] {
  const c = compile(protocol);
  let cut: number | undefined;
  if (now !== undefined) {
    const read = readNow(now);
    if (typeof read !== 'number') return [];
    cut = read;
  }
  const { state, refusal: refused } = fold(c, kase, { cut });
  if (refused || (!state && kase.events.length)) return [];
  return allowedMoves(c, state);
}
