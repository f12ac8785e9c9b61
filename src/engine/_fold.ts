// The case as a pure fold of its events. `apply` is the single place where a move is accepted or
// refused: applyEvent, status and replay all go through `fold`, so they can never disagree.

import type { BypassRule, Subject } from '../protocol/schema.js';
import { describe } from '../time/_days.js';
import { formatLondon } from '../time/_london.js';
import { toEpochMs } from '../time/instant.js';
import { TimeError } from '../time/timeError.js';
import type { Compiled, CompiledStage } from './_compile.js';
import type { AllowedMove, Case, CaseEvent, Refusal, RefusalCode } from './types.js';

export interface Visit {
  readonly stage: CompiledStage;
  readonly enteredAt: number;
  leftAt: number | undefined;
}

export interface State {
  readonly subject: Subject;
  readonly openedAt: number;
  readonly arose: number;
  phase: 'open' | 'resolved' | 'withdrawn' | 'exited' | 'closed';
  readonly visits: Visit[];
  /** When each stage was entered and completed (epoch ms); a skipped stage counts as both at the moment it was skipped. */
  readonly entered: Map<string, number>;
  readonly completed: Map<string, number>;
  /** Record id → each time it was made, in order: when it was recorded, and when what it records happened (occurredAt, else at). */
  readonly records: Map<string, { readonly at: number; readonly occurred: number }[]>;
  /** Obligation or rule id → when it was fulfilled (first time). */
  readonly fulfilled: Map<string, number>;
  readonly bypasses: { rule: BypassRule; at: number }[];
  /** Ids of the obligations that exist so far (kept as the case moves, so checking one is O(1)). */
  readonly active: Set<string>;
  exitedTo: string | undefined;
  lastAt: number;
}

const TYPES = new Set(['opened', 'escalated', 'recorded', 'fulfilled', 'bypassed', 'resolved', 'withdrawn', 'closed']);

class Refused {
  constructor(
    readonly code: RefusalCode,
    readonly message: string,
  ) {}
}

const refuse = (code: RefusalCode, message: string): never => {
  throw new Refused(code, message);
};

/** Obligations that exist in this case so far: those of the stages visited (for its subject) and of the bypass rules invoked. */
function activeObligations(state: State): string[] {
  return [...state.active];
}

/** The moves the protocol allows in a state (before the first event: opening). */
export function allowedMoves(c: Compiled, state: State | undefined): AllowedMove[] {
  if (!state) return [{ type: 'opened', stages: c.entryStages.map((s) => s.id) }];
  if (state.phase === 'closed') return [];
  const paperwork: AllowedMove[] = [
    { type: 'recorded', records: c.recordIds },
    { type: 'fulfilled', obligations: activeObligations(state) },
  ];
  if (state.phase !== 'open') return [...paperwork, { type: 'closed' }];
  const current = state.visits.at(-1)!.stage;
  const moves: AllowedMove[] = [];
  if (current.next) moves.push({ type: 'escalated', to: current.next.id, skip: false });
  for (const to of current.skips) moves.push({ type: 'escalated', to, skip: true });
  moves.push(...paperwork);
  if (c.rules.size) moves.push({ type: 'bypassed', rules: c.ruleIds });
  if (current.stage.canResolve) moves.push({ type: 'resolved' });
  moves.push({ type: 'withdrawn' });
  return moves;
}

function text(value: unknown, field: string, type: string): string {
  if (typeof value !== 'string' || !value.trim())
    refuse('engine/invalid-event', `A "${type}" event needs "${field}" as non-empty text, got ${describe(value)}.`);
  return value as string;
}

function instant(value: unknown, field: string): number {
  try {
    return toEpochMs(value, [field]);
  } catch (error) {
    if (error instanceof TimeError) return refuse('engine/invalid-event', `"${field}": ${error.message}`);
    throw error;
  }
}

function enter(state: State, stage: CompiledStage, at: number): void {
  const current = state.visits.at(-1);
  if (current) {
    current.leftAt = at;
    state.completed.set(current.stage.id, at);
  }
  state.visits.push({ stage, enteredAt: at, leftAt: undefined });
  state.entered.set(stage.id, at);
  for (const o of stage.obligations.get(state.subject)!) state.active.add(o.id);
}

function leaveFor(c: Compiled, state: State, target: CompiledStage, at: number): void {
  const from = state.visits.at(-1)!.stage.index;
  // A skipped stage is taken as entered and completed at the moment the case jumped over it, so
  // timescales measured from it ("5 working days of the completion of Stage 2") still resolve.
  for (let i = from + 1; i < target.index; i++) {
    const skipped = c.stages[i]!;
    state.entered.set(skipped.id, at);
    state.completed.set(skipped.id, at);
  }
  enter(state, target, at);
}

function end(state: State, phase: State['phase'], at: number): void {
  const current = state.visits.at(-1)!;
  if (current.leftAt === undefined) {
    current.leftAt = at;
    state.completed.set(current.stage.id, at);
  }
  state.phase = phase;
}

function open(c: Compiled, event: Record<string, unknown>, at: number): State {
  const subject = event.subject as Subject;
  if (!c.subjects.has(subject)) {
    refuse(
      'engine/subject-out-of-scope',
      `This protocol covers ${[...c.subjects].join(', ')}, not ${describe(subject)}; open the case under the procedure for that subject.`,
    );
  }
  text(event.raisingAgency, 'raisingAgency', 'opened');
  text(event.receivingAgency, 'receivingAgency', 'opened');
  const arose = event.arose === undefined ? at : instant(event.arose, 'arose');
  if (arose > at)
    refuse('engine/invalid-event', '"arose" is after the case was opened; the disagreement must arise before (or when) the case opens.');
  const stageId = event.stage === undefined ? c.stages[0]!.id : text(event.stage, 'stage', 'opened');
  const stage =
    c.stageById.get(stageId) ??
    refuse('engine/unknown-stage', `No stage "${stageId}" in ${c.protocol.id}; stages are ${[...c.stageById.keys()].join(', ')}.`);
  if (!c.entryStages.includes(stage)) {
    refuse(
      'engine/not-an-entry-stage',
      `A case cannot open at "${stageId}"; it may open at ${c.entryStages.map((s) => `"${s.id}"`).join(' or ')}.`,
    );
  }
  const flags = Array.isArray(event.flags) ? event.flags : [];
  const met = Array.isArray(event.preconditionsMet) ? event.preconditionsMet : [];
  for (const pre of c.protocol.scope.preconditions) {
    if ((pre.appliesWhen === undefined || flags.includes(pre.appliesWhen)) && !met.includes(pre.id)) {
      refuse(
        'engine/precondition-unmet',
        `Precondition "${pre.id}" applies: ${pre.description} Confirm it with "preconditionsMet": ["${pre.id}"] once it is met.`,
      );
    }
  }
  const state: State = {
    subject,
    openedAt: at,
    arose,
    phase: 'open',
    visits: [],
    entered: new Map(),
    completed: new Map(),
    records: new Map(),
    fulfilled: new Map(),
    bypasses: [],
    active: new Set(),
    exitedTo: undefined,
    lastAt: at,
  };
  enter(state, stage, at);
  return state;
}

/** Applies one event to a state the fold owns (mutating it), or throws Refused. */
function apply(c: Compiled, state: State | undefined, event: CaseEvent): State {
  if (event === null || typeof event !== 'object' || Array.isArray(event))
    return refuse('engine/invalid-event', `An event is an object with "type" and "at", got ${describe(event)}.`);
  const raw = event as unknown as Record<string, unknown>;
  if (!TYPES.has(raw.type as string))
    return refuse('engine/invalid-event', `Unknown event type ${describe(raw.type)}; use one of ${[...TYPES].join(', ')}.`);
  const at = instant(raw.at, 'at');
  if (!state) {
    if (event.type !== 'opened')
      return refuse('engine/not-opened', `The first event must open the case ("type": "opened"), not "${event.type}".`);
    return open(c, raw, at);
  }
  if (event.type === 'opened')
    return refuse(
      'engine/already-opened',
      'This case is already open; a case has one "opened" event. Start a new case for a new disagreement.',
    );
  if (state.phase === 'closed')
    return refuse('engine/closed', 'This case is closed; no further event is accepted. Open a new case if the disagreement returns.');
  if (at < state.lastAt)
    return refuse(
      'engine/time-went-backwards',
      `This event is dated before the previous one; events must be appended in time order (the last was at ${formatLondon(state.lastAt)}).`,
    );
  const notOpen = (): never =>
    refuse('engine/not-open', `The case is ${state.phase}; only records, fulfilled obligations and closing are accepted now.`);
  switch (event.type) {
    case 'escalated': {
      if (state.phase !== 'open') notOpen();
      const current = state.visits.at(-1)!.stage;
      const to = raw.to === undefined ? current.next?.id : text(raw.to, 'to', 'escalated');
      if (to === undefined)
        return refuse(
          'engine/no-next-stage',
          `"${current.id}" is the last stage; there is no stage to escalate to. Resolve the case instead.`,
        );
      const target =
        c.stageById.get(to) ?? refuse('engine/unknown-stage', `No stage "${to}"; stages are ${[...c.stageById.keys()].join(', ')}.`);
      if (target !== current.next && !current.skips.has(to)) {
        refuse(
          'engine/skip-not-allowed',
          `The protocol does not allow moving from "${current.id}" to "${to}"${current.next ? `; escalate to "${current.next.id}"` : ''}${current.skips.size ? ` or skip to ${[...current.skips].map((s) => `"${s}"`).join(', ')}` : ''}.`,
        );
      }
      leaveFor(c, state, target, at);
      break;
    }
    case 'recorded': {
      const record = text(raw.record, 'record', 'recorded');
      if (!c.records.has(record))
        refuse(
          'engine/unknown-record',
          `No record "${record}" in ${c.protocol.id}; records are ${[...c.records.keys()].join(', ') || '(none)'}.`,
        );
      const occurred = raw.occurredAt === undefined ? at : instant(raw.occurredAt, 'occurredAt');
      const list = state.records.get(record);
      if (list) list.push({ at, occurred });
      else state.records.set(record, [{ at, occurred }]);
      break;
    }
    case 'fulfilled': {
      const id = text(raw.obligation, 'obligation', 'fulfilled');
      if (!state.active.has(id)) {
        refuse(
          'engine/unknown-obligation',
          `No obligation "${id}" is active in this case; name an obligation of a stage the case has reached (for its subject), or a bypass rule already invoked.`,
        );
      }
      if (!state.fulfilled.has(id)) state.fulfilled.set(id, at);
      break;
    }
    case 'bypassed': {
      if (state.phase !== 'open') notOpen();
      const id = text(raw.rule, 'rule', 'bypassed');
      const rule =
        c.rules.get(id) ??
        refuse(
          'engine/unknown-rule',
          `No bypass rule "${id}" in ${c.protocol.id}; rules are ${[...c.rules.keys()].join(', ') || '(none)'}.`,
        );
      state.bypasses.push({ rule, at });
      state.active.add(rule.id);
      if (rule.effect.type === 'jumpTo') {
        const target = c.stageById.get(rule.effect.stage)!;
        // A jump only ever moves the case up; a case already at or past the target stays where it is.
        if (target.index > state.visits.at(-1)!.stage.index) leaveFor(c, state, target, at);
      } else if (rule.effect.type === 'exitTo') {
        state.exitedTo = rule.effect.procedure;
        end(state, 'exited', at);
      }
      break;
    }
    case 'resolved':
      if (state.phase !== 'open') notOpen();
      text(raw.outcome, 'outcome', 'resolved');
      if (!state.visits.at(-1)!.stage.stage.canResolve) {
        const current = state.visits.at(-1)!.stage;
        refuse(
          'engine/cannot-resolve-here',
          `The protocol does not allow resolving at "${current.id}"${current.next ? `; escalate to "${current.next.id}"` : ''} or withdraw.`,
        );
      }
      end(state, 'resolved', at);
      break;
    case 'withdrawn':
      if (state.phase !== 'open') notOpen();
      end(state, 'withdrawn', at);
      break;
    case 'closed':
      if (state.phase === 'open')
        refuse('engine/not-open', 'An open case cannot be closed directly; record "resolved" or "withdrawn" first.');
      state.phase = 'closed';
      break;
  }
  state.lastAt = at;
  return state;
}

/** Folds a case's events; returns the state, or the refusal of the first bad event. */
export function fold(c: Compiled, kase: Case, extra?: CaseEvent): { state: State | undefined; refusal?: Refusal } {
  if (kase === null || typeof kase !== 'object' || !Array.isArray(kase.events)) {
    return {
      state: undefined,
      refusal: {
        code: 'engine/invalid-case',
        message: 'A case is { "protocol": { "id", "version" }, "events": [...] }.',
        eventIndex: -1,
        allowed: [],
      },
    };
  }
  if (kase.protocol?.id !== c.protocol.id || kase.protocol?.version !== c.protocol.version) {
    return {
      state: undefined,
      refusal: {
        code: 'engine/wrong-protocol',
        message: `This case was opened under ${describe(kase.protocol?.id)} version ${describe(kase.protocol?.version)}, not ${c.protocol.id} version ${c.protocol.version}; evaluate it with the version it was opened under (registry.get(id, version)).`,
        eventIndex: -1,
        allowed: [],
      },
    };
  }
  let state: State | undefined;
  const events = extra ? [...kase.events, extra] : kase.events;
  for (let i = 0; i < events.length; i++) {
    try {
      state = apply(c, state, events[i]!);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      return { state, refusal: { code: error.code, message: error.message, eventIndex: i, allowed: allowedMoves(c, state) } };
    }
  }
  return { state };
}
