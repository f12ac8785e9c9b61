import type { Protocol } from '../protocol/schema.js';
import { compile } from './_compile.js';
import { allowedMoves, fold } from './_fold.js';
import { refusal, type Refusal } from './refusals.js';
import type { Case, CaseStatus } from './types.js';

/** What {@link phaseOf} returns. */
export type PhaseResult =
  | { readonly success: true; readonly phase: CaseStatus['phase']; readonly stage: string }
  | { readonly success: false; readonly refusal: Refusal };

/**
 * Where a case is after its whole log, without a `now`: its phase (open, resolved, withdrawn, exited,
 * closed) and stage. Cheap enough to call after every event, to keep a phase column beside the log
 * (and so know which cases a sweep must load).
 *
 * @param protocol - the protocol version the case was opened under
 * @param kase - the case
 * @returns `{ success: true, phase, stage }` or the refusal of the first bad event
 * @example
 * ```ts
 * const where = phaseOf(swindon, kase);
 * if (where.success) db.run('UPDATE cases SET phase = ?, stage = ? WHERE id = ?', where.phase, where.stage, id);
 * ```
 */
export function phaseOf(protocol: Protocol, kase: Case): PhaseResult {
  const c = compile(protocol);
  const { state, refusal: refused } = fold(c, kase);
  if (refused) return { success: false, refusal: refused };
  if (!state)
    return {
      success: false,
      refusal: refusal('engine/not-opened', 'The case has no events; its first event must open it.', 0, allowedMoves(c, undefined)),
    };
  return { success: true, phase: state.phase, stage: state.visits.at(-1)!.stage.id };
}
