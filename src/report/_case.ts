// One case as the report sees it: counted or not, and if counted, its status as at `now` from the
// engine and the outcome it had reached. The engine's fold decides everything about the log, as of
// `now`; this only reads which way a closed case ended.

import { status } from '../engine/status.js';
import type { Case, CaseEvent, CaseStatus, EngineOptions } from '../engine/types.js';
import type { Protocol } from '../protocol/schema.js';
import { formatDay } from '../time/_days.js';
import { londonDay } from '../time/_london.js';
import { toEpochMs } from '../time/instant.js';

/** How a case stood at `now`. */
export type Outcome = 'resolved' | 'withdrawn' | 'exited' | 'open';

/** @internal */
export interface CaseFacts {
  readonly status: CaseStatus;
  readonly outcome: Outcome;
  /** The events that happened by `now`. */
  readonly events: readonly CaseEvent[];
  readonly raisingAgency: string;
  readonly receivingAgency: string;
  /** London date the case was opened. */
  readonly openedDay: string;
}

const epoch = (at: unknown): number | undefined => {
  try {
    return toEpochMs(at);
  } catch {
    return undefined;
  }
};

/** @internal When a case was opened (and its London date), or undefined when its log does not start with a readable time. */
export function openedAt(kase: Case): { ms: number; day: string } | undefined {
  const first = Array.isArray(kase?.events) ? (kase.events[0] as { at?: unknown } | undefined) : undefined;
  const ms = first && typeof first === 'object' ? epoch(first.at) : undefined;
  return ms === undefined ? undefined : { ms, day: formatDay(londonDay(ms)) };
}

/**
 * The events that had happened by `now`, for the outcome's wording and the agency log. Which events
 * count for the case's state is the engine's business (`status` reads the log as of `now`, voids
 * included); this only keeps the report's own lists to the same moment.
 */
function happenedBy(events: readonly CaseEvent[], nowMs: number): readonly CaseEvent[] {
  const kept = events.filter((e) => {
    const ms = epoch((e as { at?: unknown } | undefined)?.at);
    return ms === undefined || ms <= nowMs;
  });
  return kept.length === events.length ? events : kept;
}

/** @internal The status of a case at `now` through the engine, with its outcome; or the engine's refusal. */
export function readCase(
  protocol: Protocol,
  kase: Case,
  nowMs: number,
  options: EngineOptions,
): { facts: CaseFacts } | { code: string; message: string } {
  const result = status(protocol, kase, new Date(nowMs), options);
  if (!result.success) return { code: result.refusal.code, message: result.refusal.message };
  const s = result.status;
  const events = happenedBy(kase.events, nowMs);
  const opened = events[0] as CaseEvent & { raisingAgency: string; receivingAgency: string };
  return {
    facts: {
      status: s,
      outcome: outcomeOf(s, events),
      events,
      raisingAgency: opened.raisingAgency,
      receivingAgency: opened.receivingAgency,
      openedDay: s.history[0]!.enteredAt.slice(0, 10),
    },
  };
}

function outcomeOf(s: CaseStatus, events: readonly CaseEvent[]): Outcome {
  switch (s.phase) {
    case 'resolved':
    case 'withdrawn':
    case 'exited':
      return s.phase;
    case 'closed': {
      if (s.exitedTo !== null) return 'exited';
      // A case is closed only after it was resolved or withdrawn; the last such event says which.
      for (let i = events.length - 1; i >= 0; i--) {
        const type = events[i]!.type;
        if (type === 'resolved' || type === 'withdrawn') return type;
      }
      return 'resolved';
    }
    default:
      return 'open';
  }
}
