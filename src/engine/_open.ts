// The opening event: scope, preconditions and the stage a case may start at. @internal

import { SUBJECTS, type Subject } from '../protocol/schema.js';
import { describe } from '../time/_days.js';
import type { Compiled, CompiledStage } from './_compile.js';
import { openingFacts } from './_facts.js';
import { admitPath } from './_path.js';
import { NO_ENTRIES, enter, instant, refuse, text, type State } from './_state.js';

const NOTHING: readonly unknown[] = Object.freeze([]);

/** Refuses a subject that is not one, or that this protocol does not cover. */
function refuseSubject(c: Compiled, subject: unknown): never {
  // A value that is no subject at all is a malformed event; a real subject this protocol does not
  // cover belongs under another procedure.
  if (!SUBJECTS.includes(subject as Subject))
    refuse('engine/invalid-event', `"subject" is one of ${SUBJECTS.map((s) => `"${s}"`).join(', ')}, got ${describe(subject)}.`);
  return refuse(
    'engine/subject-out-of-scope',
    `This protocol covers ${[...c.subjects].join(', ')}, not ${describe(subject)}; open the case under the procedure for that subject.`,
  );
}

/** The stage the opening names, or refuses a name that is no stage. */
function openingStage(c: Compiled, event: Record<string, unknown>): CompiledStage {
  // #15: the first stage found once per protocol, rather than by a lookup per case.
  if (event.stage === undefined && c.firstStage) return c.firstStage;
  // With no stages at all, `c.stages[0]!.id` fails as it always has (a hand-built protocol only).
  const stageId = event.stage === undefined ? c.stages[0]!.id : text(event.stage, 'stage', 'opened');
  return (
    c.stageById.get(stageId) ??
    refuse('engine/unknown-stage', `No stage "${stageId}" in ${c.protocol.id}; stages are ${[...c.stageById.keys()].join(', ')}.`)
  );
}

export function open(c: Compiled, event: Record<string, unknown>, at: number): State {
  const subject = event.subject as Subject;
  // A subject with lists is one this protocol covers (#15: one lookup, where the subject's two checks
  // and every stage the case entered made one each).
  const stageIds = c.stageIds.get(subject) ?? refuseSubject(c, subject);
  const raising = text(event.raisingAgency, 'raisingAgency', 'opened');
  const receiving = text(event.receivingAgency, 'receivingAgency', 'opened');
  const arose = event.arose === undefined ? at : instant(event.arose, 'arose');
  if (arose > at)
    refuse('engine/invalid-event', '"arose" is after the case was opened; the disagreement must arise before (or when) the case opens.');
  const stage = openingStage(c, event);
  if (!c.entryStages.includes(stage)) {
    refuse(
      'engine/not-an-entry-stage',
      `A case cannot open at "${stage.id}"; it may open at ${c.entryStages.map((s) => `"${s.id}"`).join(' or ')}.`,
    );
  }
  // #12 construct 6: the disputed decision or action, a second starting event beside the raising.
  const decidedAt = event.decidedAt === undefined ? undefined : instant(event.decidedAt, 'decidedAt');
  if (decidedAt !== undefined && decidedAt > at)
    refuse(
      'engine/invalid-event',
      '"decidedAt" is after the case was opened; the disputed decision comes before (or when) the case opens.',
    );
  const flags = Array.isArray(event.flags) ? event.flags : NOTHING;
  const facts = openingFacts(c, event.facts, flags);
  const met = Array.isArray(event.preconditionsMet) ? event.preconditionsMet : NOTHING;
  const warnings: State['warnings'][number][] = [];
  const preconditions = c.protocol.scope.preconditions;
  // An index loop: V8 left this for-of's iterator unoptimised, an object per case (#15).
  for (let i = 0; i < preconditions.length; i++) {
    const pre = preconditions[i]!;
    // A case with no facts (most) has none to look up (#15).
    const applies = pre.appliesWhen === undefined || (facts !== NO_ENTRIES && facts.get(pre.appliesWhen) === true);
    if (applies && !met.includes(pre.id)) {
      // #12 construct 5: what the document says "should" happen first is advice, not a gate.
      if (pre.modality === 'should') {
        warnings.push({
          code: 'engine/precondition-advised',
          message: `Precondition "${pre.id}" applies and is not confirmed: ${pre.description} The document says it should be met first; confirm it with "preconditionsMet": ["${pre.id}"] if it was.`,
          event: 0,
        });
        continue;
      }
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
    agencies: { raising, receiving },
    phase: 'open',
    endedAs: undefined,
    visits: [],
    // #15: sized up front, one slot per stage (record); a slot written into an empty array gave it 17.
    entered: new Array(c.stages.length),
    completed: new Array(c.stages.length),
    stageIds,
    stagePrefixes: c.stagePrefixes.get(subject)!,
    stageById: c.stageById,
    recordIndex: c.recordIndex,
    made: new Array(c.protocol.records.length),
    madeOrder: [],
    fulfilled: NO_ENTRIES,
    fulfilments: NO_ENTRIES,
    bypasses: [],
    activeFrom: [],
    activeSet: undefined,
    activeSeen: 0,
    exitedTo: undefined,
    lastAt: at,
    decidedAt,
    facts,
    happened: [],
    arisingCounts: [],
    warnings,
  };
  admitPath(stage, state);
  enter(state, stage, at);
  return state;
}
