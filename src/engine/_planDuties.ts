// #12: the duties a plan lists beside its stages. They are evaluated along the route the stages
// already took and never feed back into a stage's date, so a protocol's stage dates stay what they
// were before these constructs existed. @internal

import type { Arising, Obligation, Protocol } from '../protocol/schema.js';
import { arisingInWords, conditionInWords, repeatInWords, timescaleInWords } from '../protocol/words.js';
import { FIRST_DAY, formatDay } from '../time/_days.js';
import { formatLondon, londonDay } from '../time/_london.js';
import { evaluate, type AnchorLookup, type Evaluation, type Timescale } from '../time/timescale.js';
import { isProvisionalDay } from '../time/workingDays.js';
import type { Calendar } from '../time/calendar.js';
import type { PlannedDuty } from './types.js';

type Duty = Obligation | Arising;

const ownersOf = (o: Duty): string[] =>
  o.owners ? ('each' in o.owners ? o.owners.each : o.owners.together) : o.owner === undefined ? [] : [o.owner];

/** Whether a stage's obligation needs a row of its own: anything but a plain "must, by a limit". */
export function noteworthy(o: Obligation, result: Evaluation): boolean {
  if (o.if !== undefined || o.every !== undefined || (o.modality !== undefined && o.modality !== 'must')) return true;
  return result.kind === 'aim' || (result.kind === 'due' && (result.assumed !== undefined || result.notBefore === true));
}

/** One row: the duty, how it was evaluated, from when, and what it is owed only if. */
export function plannedDuty(
  protocol: Protocol,
  calendar: Calendar,
  fromRank: number,
  o: Duty,
  stage: string | null,
  result: Evaluation,
  fromAt: number | undefined,
  onlyIf: string | undefined,
): PlannedDuty {
  const due = result.kind === 'due' ? result.due : result.kind === 'aim' ? result.target : undefined;
  const timing: PlannedDuty['timing'] =
    result.kind === 'aim'
      ? 'aim'
      : result.kind === 'due'
        ? result.assumed
          ? 'assumed'
          : result.notBefore
            ? 'notBefore'
            : 'limit'
        : result.kind === 'none'
          ? 'none'
          : 'waiting';
  const every = 'every' in o ? repeatInWords(o, protocol) : '';
  const words = timescaleInWords(o.due as Timescale, protocol);
  return {
    id: o.id,
    stage,
    action: o.action,
    owners: ownersOf(o),
    timing,
    words: stage === null ? words.replace('the start of the stage', 'that event') : words,
    fromDate: fromAt === undefined ? null : formatDay(londonDay(fromAt)),
    dueDate: due ? formatDay(due.day) : null,
    dueAt: due ? formatLondon(due.at) : null,
    workingDay: due ? calendar.tables.rank[due.day - FIRST_DAY]! - fromRank : null,
    ...(onlyIf ? { onlyIf } : {}),
    ...(every ? { every } : {}),
    ...(o.modality === 'should' || o.modality === 'may' ? { modality: o.modality } : {}),
    ...(due && isProvisionalDay(calendar, due.day) ? { provisional: true as const } : {}),
  };
}

/** A stage obligation's condition in words, or undefined. */
export const conditionOf = (protocol: Protocol, o: Obligation): string | undefined =>
  o.if ? `owed only if ${conditionInWords(o.if, protocol)}` : undefined;

/**
 * The duties arising from what happens. One is dated only when its event is on the plan's route: an
 * escalation into a stage (at that stage's planned entry) or a resolution at a stage (at its planned
 * end, as if resolved when it falls due). Any other is listed undated, owed only if it happens.
 */
export function arisingDuties(
  protocol: Protocol,
  calendar: Calendar,
  fromRank: number,
  lookup: AnchorLookup,
  route: { readonly entered: ReadonlyMap<string, number | undefined>; readonly completed: ReadonlyMap<string, number | undefined> },
): PlannedDuty[] {
  const first = protocol.stages[0]?.id;
  return (protocol.arising ?? []).map((a) => {
    const [kind, ref] = a.on.split(':') as [string, string | undefined];
    const eventAt =
      ref === undefined
        ? undefined
        : kind === 'escalated' && ref !== first
          ? route.entered.get(ref)
          : kind === 'resolved'
            ? route.completed.get(ref)
            : undefined;
    const measured = (anchor: string | undefined): number | undefined =>
      anchor === undefined || anchor === 'stageEntered' ? eventAt : lookup(anchor);
    const result: Evaluation = evaluate(a.due as Timescale, measured, calendar);
    const when = arisingInWords(a.on, protocol);
    const onlyIf = `owed only ${when}${a.if ? `, and only if ${conditionInWords(a.if, protocol)}` : ''}; measured from it`;
    return plannedDuty(protocol, calendar, fromRank, a, null, result, eventAt, onlyIf);
  });
}
