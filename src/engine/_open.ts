// The opening event: scope, preconditions and the stage a case may start at. @internal

import { SUBJECTS, type Subject } from '../protocol/schema.js';
import { describe } from '../time/_days.js';
import type { Compiled } from './_compile.js';
import { admitPath } from './_path.js';
import { enter, instant, refuse, text, type State } from './_state.js';

export function open(c: Compiled, event: Record<string, unknown>, at: number): State {
  const subject = event.subject as Subject;
  // A value that is no subject at all is a malformed event; a real subject this protocol does not
  // cover belongs under another procedure.
  if (!SUBJECTS.includes(subject))
    refuse('engine/invalid-event', `"subject" is one of ${SUBJECTS.map((s) => `"${s}"`).join(', ')}, got ${describe(subject)}.`);
  if (!c.subjects.has(subject)) {
    refuse(
      'engine/subject-out-of-scope',
      `This protocol covers ${[...c.subjects].join(', ')}, not ${describe(subject)}; open the case under the procedure for that subject.`,
    );
  }
  const raising = text(event.raisingAgency, 'raisingAgency', 'opened');
  const receiving = text(event.receivingAgency, 'receivingAgency', 'opened');
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
    agencies: { raising, receiving },
    phase: 'open',
    endedAs: undefined,
    visits: [],
    entered: new Map(),
    completed: new Map(),
    records: new Map(),
    fulfilled: new Map(),
    fulfilments: new Map(),
    bypasses: [],
    active: new Set(),
    exitedTo: undefined,
    lastAt: at,
  };
  admitPath(stage, state);
  enter(state, stage, at);
  return state;
}
