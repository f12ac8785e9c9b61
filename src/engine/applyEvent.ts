import type { Protocol } from '../protocol/schema.js';
import { compile } from './_compile.js';
import { allowedMoves, fold } from './_fold.js';
import type { AllowedMove, ApplyResult, Case, CaseEvent, OpenedEvent } from './types.js';

/**
 * Appends an event to a case if the protocol allows it. Strict on structure: a skip no rule allows,
 * an event on a closed case, an event dated before the last one, an unknown stage, record or rule,
 * or a second opening is refused with a typed reason and the moves allowed instead. Advisory on
 * paperwork: a missing record or a missed deadline never blocks a move. Never mutates its inputs.
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the case so far
 * @param event - the event to append
 * @returns `{ success: true, case }` with a new case object, or `{ success: false, refusal }`
 * @example
 * ```ts
 * const result = applyEvent(swindon, kase, { type: 'escalated', at: '2026-12-23T16:00', to: 'stage-2' });
 * if (!result.success) console.log(result.refusal.code, result.refusal.allowed);
 * else kase = result.case;
 * ```
 */
export function applyEvent(protocol: Protocol, kase: Case, event: CaseEvent): ApplyResult {
  const { refusal } = fold(compile(protocol), kase, event);
  if (refusal) return { success: false, refusal };
  return { success: true, case: { protocol: kase.protocol, events: [...kase.events, event] } };
}

/**
 * Starts a case: a new case object holding the protocol's id and version and the opening event.
 *
 * @param protocol - the protocol in force (see `ProtocolRegistry.inForce`)
 * @param opened - the opening event without its `type`
 * @returns `{ success: true, case }` or `{ success: false, refusal }` (subject out of scope, a
 *   precondition not confirmed, a stage the case may not open at, ...)
 * @example
 * ```ts
 * const result = openCase(swindon, {
 *   at: '2026-12-21T10:00', subject: 'child', raisingAgency: 'School', receivingAgency: "Children's Social Care",
 * });
 * ```
 */
export function openCase(protocol: Protocol, opened: Omit<OpenedEvent, 'type'>): ApplyResult {
  return applyEvent(protocol, { protocol: { id: protocol.id, version: protocol.version }, events: [] }, { ...opened, type: 'opened' });
}

/**
 * Replays a stored case to check it: every event must be a move the protocol allows.
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the stored case
 * @returns `{ success: true, case }` (the same object) or the refusal of the first bad event
 */
export function replay(protocol: Protocol, kase: Case): ApplyResult {
  const { refusal } = fold(compile(protocol), kase);
  return refusal ? { success: false, refusal } : { success: true, case: kase };
}

/**
 * The moves the protocol allows a case now.
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the case
 * @returns the allowed moves; empty for a closed case or a case whose log is refused
 */
export function allowedNow(protocol: Protocol, kase: Case): AllowedMove[] {
  const c = compile(protocol);
  const { state, refusal } = fold(c, kase);
  return refusal ? [] : allowedMoves(c, state);
}
