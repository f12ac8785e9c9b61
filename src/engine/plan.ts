import type { Protocol } from '../protocol/schema.js';
import { timescaleInWords } from '../protocol/words.js';
import { FIRST_DAY, formatDay } from '../time/_days.js';
import { formatLondon, londonDay } from '../time/_london.js';
import { toEpochMs } from '../time/instant.js';
import { evaluate, type AnchorLookup, type Timescale } from '../time/timescale.js';
import { TimeError } from '../time/timeError.js';
import { isProvisionalDay } from '../time/workingDays.js';
import { compile } from './_compile.js';
import { OptionsError, optionsMessage, readOptions } from './_options.js';
import { arisingDuties, conditionOf, noteworthy, plannedDuty } from './_planDuties.js';
import type { Plan, PlanOptions, PlannedDuty, PlannedStage } from './types.js';

/**
 * The projected timeline of a protocol if every stage runs to its limit: each stage entered when the
 * one before it falls due, along the route of ordinary escalation, and each record made when the
 * obligation that produces it falls due. A stage whose document gives no
 * number has `dueDate: null`, and so does any later stage measured from it. Duties whose owing or
 * timing is more than a stage's limit (#12: conditional, repeating, aims, "at", assumptions, should
 * and may, and duties arising from what happens) are listed in `duties`, without moving any stage.
 *
 * @param protocol - a parsed protocol
 * @param options - `from` (when the disagreement arose), `subject`, `calendar` or `closures`
 * @returns one row per stage with owners, due date and instant, and the working-day count from `from`
 * @throws {@link TimeError} for a malformed `from`, a due date beyond the supported range, options of
 *   the wrong shape (code `engine/invalid-options`) or a subject the protocol does not cover
 *   (`engine/subject-out-of-scope`)
 * @example
 * ```ts
 * plan(swindon, { from: '2026-12-21' }).stages.map((s) => s.dueDate);
 * // ['2026-12-23', '2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', null]
 * ```
 */
export function plan(protocol: Protocol, options: PlanOptions): Plan {
  const c = compile(protocol);
  let calendar: ReturnType<typeof readOptions>['calendar'];
  try {
    ({ calendar } = readOptions(c, options ?? null, ['from', 'subject']));
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    throw new TimeError('engine/invalid-options', optionsMessage(error), error.path);
  }
  const from = toEpochMs(options.from, ['from']);
  const subject = options.subject ?? protocol.scope.subjects[0]!;
  // A subject outside the scope has no route here; the CLI refuses it too.
  if (!c.subjects.has(subject))
    throw new TimeError(
      'engine/subject-out-of-scope',
      `${protocol.id} covers ${[...c.subjects].join(', ')}, not ${JSON.stringify(subject)}; plan under the procedure for that subject.`,
      ['subject'],
    );
  const entered = new Map<string, number | undefined>();
  const completed = new Map<string, number | undefined>();
  const recordAt = new Map<string, number>();
  const fromRank = calendar.tables.rank[londonDay(from) - FIRST_DAY]!;
  const stages: PlannedStage[] = [];
  const duties: PlannedDuty[] = [];
  let enteredAt: number | undefined = from;
  for (let stage = c.stages[0]; stage; stage = stage.next) {
    entered.set(stage.id, enteredAt);
    const stageEntered = enteredAt;
    const lookup: AnchorLookup = (anchor) => {
      if (anchor === undefined || anchor === 'stageEntered') return stageEntered;
      // A plan has one starting date: the disputed decision is taken as the raising (#12).
      if (anchor === 'disagreement' || anchor === 'caseOpened' || anchor === 'disputedDecision') return from;
      const [kind, ref = ''] = anchor.split(':');
      return kind === 'entered' ? entered.get(ref) : kind === 'completed' ? completed.get(ref) : recordAt.get(ref);
    };
    // A record an obligation produces is taken as made when that obligation falls due, so a response
    // "within 10 working days" of a form is planned from the form's own deadline. Repeat until no
    // new record appears, because one obligation's record may time another in the same stage.
    const obligations = stage.obligations.get(subject) ?? [];
    const dues = new Map<(typeof obligations)[number], { at: number; day: number }>();
    for (let changed = true, pass = 0; changed && pass <= obligations.length; pass++) {
      changed = false;
      for (const o of obligations) {
        if (dues.has(o)) continue;
        const result = evaluate(o.due as Timescale, lookup, calendar);
        // A partnership's working assumption (#12 part B) is not the document's number: plans keep to those.
        if (result.kind !== 'due' || result.assumed) continue;
        dues.set(o, result.due);
        if (o.record !== undefined && !recordAt.has(o.record)) {
          recordAt.set(o.record, result.due.at);
          changed = true;
        }
      }
    }
    let due: { at: number; day: number } | undefined;
    for (const d of dues.values()) if (!due || d.at > due.at) due = d;
    // #12: conditional, repeating, aim-only, not-before, assumed and should/may duties, listed beside
    // the stage once its records are placed; the stage's own date above is untouched by them.
    for (const o of obligations) {
      const result = evaluate(o.due as Timescale, lookup, calendar);
      if (noteworthy(o, result))
        duties.push(plannedDuty(protocol, calendar, fromRank, o, stage.id, result, stageEntered, conditionOf(protocol, o)));
    }
    stages.push({
      id: stage.id,
      title: stage.stage.title,
      owners: (stage.owners.get(subject) ?? []).map((r) => r.id),
      dueDate: due ? formatDay(due.day) : null,
      dueAt: due ? formatLondon(due.at) : null,
      workingDay: due ? calendar.tables.rank[due.day - FIRST_DAY]! - fromRank : null,
      ...(due && isProvisionalDay(calendar, due.day) ? { provisional: true as const } : {}),
    });
    completed.set(stage.id, due?.at);
    enteredAt = due?.at;
  }
  // Duties arising from what happens, measured from their event where the route dates it.
  const anywhere: AnchorLookup = (anchor) => {
    if (anchor === 'disagreement' || anchor === 'caseOpened' || anchor === 'disputedDecision') return from;
    const [kind, ref = ''] = (anchor ?? '').split(':');
    return kind === 'entered' ? entered.get(ref) : kind === 'completed' ? completed.get(ref) : recordAt.get(ref);
  };
  duties.push(...arisingDuties(protocol, calendar, fromRank, anywhere, { entered, completed }));
  return {
    protocol: { id: protocol.id, version: protocol.version },
    from: formatLondon(from),
    subject,
    stages,
    ...(duties.length ? { duties } : {}),
    confirmedUntil: calendar.confirmedUntil,
    bypass: protocol.bypass.map((r) => ({
      id: r.id,
      trigger: r.trigger,
      action: r.action,
      owner: r.owner,
      timescale: timescaleInWords(r.due as Timescale, protocol),
      effect:
        r.effect.type === 'jumpTo'
          ? `jump to ${r.effect.stage}`
          : r.effect.type === 'exitTo'
            ? `exit to ${r.effect.procedure}`
            : 'urgent obligation beside the process',
    })),
  };
}
