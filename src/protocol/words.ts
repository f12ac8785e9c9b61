import { toDuration } from '../time/duration.js';
import type { Timescale } from '../time/timescale.js';
import type { BypassRule, Condition, Protocol, RecordType } from './schema.js';

const UNIT_WORDS = { workingDays: 'working day', hours: 'hour', days: 'calendar day', weeks: 'week', months: 'month' } as const;

/**
 * An anchor in plain words, naming stages and records by their titles.
 *
 * @param anchor - e.g. `completed:stage-1`
 * @param protocol - to look titles up
 * @returns e.g. `the completion of Stage 1: Internal Discussion`
 */
export function anchorInWords(anchor: string | undefined, protocol: Protocol): string {
  if (anchor === undefined || anchor === 'stageEntered') return 'the start of the stage';
  if (anchor === 'disagreement') return 'the disagreement arising';
  if (anchor === 'disputedDecision') return 'the disputed decision or action';
  if (anchor === 'caseOpened') return 'the case being opened';
  if (anchor === 'bypassed') return 'the rule being invoked';
  const [kind, ref = ''] = anchor.split(':');
  const stage = protocol.stages.find((s) => s.id === ref)?.title ?? ref;
  if (kind === 'entered') return `the start of ${stage}`;
  if (kind === 'completed') return `the completion of ${stage}`;
  return `the ${protocol.records.find((r) => r.id === ref)?.title ?? ref}`;
}

/** @internal A duration in words: `7 working days`, `48 hours`, `immediately`, `the same working day`. */
export function durationInWords(text: string): string {
  const d = toDuration(text);
  if (!('amount' in d)) return d.unit === 'immediately' ? 'immediately' : 'the same working day';
  return `${d.amount} ${UNIT_WORDS[d.unit]}${d.amount === 1 ? '' : 's'}`;
}

/**
 * A timescale in plain words, as a policy author would say it.
 *
 * @param timescale - a timescale from a protocol
 * @param protocol - to name anchors
 * @returns e.g. `within 5 working days of the completion of Stage 1`, or the document's own words
 * @example
 * ```ts
 * timescaleInWords({ target: { within: '24h' }, limit: { within: '5wd' } }, protocol);
 * // 'within 24 hours of the start of the stage (target), and no later than 5 working days after the start of the stage'
 * ```
 */
export function timescaleInWords(timescale: Timescale, protocol: Protocol): string {
  if ('within' in timescale) {
    const d = toDuration(timescale.within);
    const from = anchorInWords(timescale.from, protocol);
    if (!('amount' in d)) return d.unit === 'immediately' ? `immediately on ${from}` : `the same working day as ${from}`;
    return `within ${d.amount} ${UNIT_WORDS[d.unit]}${d.amount === 1 ? '' : 's'} of ${from}`;
  }
  if ('earliestOf' in timescale)
    return `whichever is sooner: ${timescale.earliestOf.map((t) => timescaleInWords(t, protocol)).join('; or ')}`;
  if ('target' in timescale && timescale.limit === undefined)
    return `aim: ${timescaleInWords(timescale.target, protocol)} (a target only; the document sets no limit)`;
  if ('target' in timescale)
    return `${timescaleInWords(timescale.target, protocol)} (target), and no later than ${timescaleInWords(timescale.limit!, protocol).replace(/^within (.*?) of /, '$1 after ')}`;
  if ('at' in timescale) return `at ${durationInWords(timescale.at)} after ${anchorInWords(timescale.from, protocol)}, not before`;
  if (timescale.assume)
    return `no number given: "${timescale.none}"; the partnership's working assumption: ${timescaleInWords(timescale.assume as Timescale, protocol)}`;
  return `no number given: "${timescale.none}"`;
}

/**
 * A timescale in the file grammar, compactly: `5wd from completed:stage-1`.
 *
 * @param timescale - a timescale from a protocol
 * @returns the grammar form, for tables beside the words
 */
export function timescaleInGrammar(timescale: Timescale): string {
  if ('within' in timescale) return timescale.from ? `${timescale.within} from ${timescale.from}` : timescale.within;
  if ('earliestOf' in timescale) return `earliestOf(${timescale.earliestOf.map(timescaleInGrammar).join(', ')})`;
  if ('target' in timescale)
    return timescale.limit
      ? `target ${timescaleInGrammar(timescale.target)}, limit ${timescaleInGrammar(timescale.limit)}`
      : `target ${timescaleInGrammar(timescale.target)}, no limit`;
  if ('at' in timescale) return `at ${timescale.at}${timescale.from ? ` from ${timescale.from}` : ''}, not before`;
  if (timescale.assume) return `none("${timescale.none}"), assumed ${timescaleInGrammar(timescale.assume as Timescale)}`;
  return `none("${timescale.none}")`;
}

/**
 * What a bypass rule does to the case, in words, naming the stage by its title.
 *
 * @param rule - a bypass rule from a protocol
 * @param protocol - to look the stage's title up
 * @returns e.g. `the case jumps to Stage 3: Senior Managers`, or `an urgent duty beside the process; the case stays at its stage`
 */
export function effectInWords(rule: BypassRule, protocol: Protocol): string {
  const { effect } = rule;
  if (effect.type === 'jumpTo') return `the case jumps to ${protocol.stages.find((s) => s.id === effect.stage)?.title ?? effect.stage}`;
  if (effect.type === 'exitTo') return `the case leaves this process for ${effect.procedure}`;
  return 'an urgent duty beside the process; the case stays at its stage';
}

// #12 part A: parties, conditions, arising duties and modality in words.

const titleOf = (protocol: Protocol, kind: 'roles' | 'stages' | 'records' | 'bypass', id: string): string => {
  const found = (protocol[kind] as readonly { id: string; title?: string; trigger?: string }[]).find((x) => x.id === id);
  return found?.title ?? found?.trigger ?? id;
};

/**
 * Who owes a duty, in words: one role, each of several, or several together.
 *
 * @param o - an obligation or arising duty (`owner`, or `owners.each` / `owners.together`)
 * @param protocol - to look role titles up
 * @returns e.g. `each of: Raising agency lead; Receiving agency lead`
 */
export function ownersInWords(
  o: { readonly owner?: string | undefined; readonly owners?: { each: string[] } | { together: string[] } | undefined },
  protocol: Protocol,
): string {
  const role = (id: string): string => titleOf(protocol, 'roles', id);
  if (o.owners && 'each' in o.owners) return `each of: ${o.owners.each.map(role).join('; ')}`;
  if (o.owners) return `together: ${o.owners.together.map(role).join(' and ')}`;
  return role(o.owner ?? '');
}

/**
 * A condition in words, naming facts, stages, rules and records by their titles.
 *
 * @param condition - a condition from a protocol (`if`)
 * @param protocol - to look titles up
 * @returns e.g. `"Priority" is "high"`, or `Stage 4 was used`
 */
export function conditionInWords(condition: Condition, protocol: Protocol): string {
  if ('fact' in condition) {
    const fact = protocol.facts?.find((f) => f.id === condition.fact)?.title ?? condition.fact;
    return condition.is === undefined || condition.is === true
      ? `"${fact}"`
      : condition.is === false
        ? `not "${fact}"`
        : `"${fact}" is "${condition.is}"`;
  }
  if ('visited' in condition) return `${titleOf(protocol, 'stages', condition.visited)} was used`;
  if ('bypassed' in condition) return `the rule "${titleOf(protocol, 'bypass', condition.bypassed)}" was invoked`;
  if ('recorded' in condition) return `the ${titleOf(protocol, 'records', condition.recorded)} was made`;
  if ('all' in condition) return condition.all.map((c) => conditionInWords(c, protocol)).join(' and ');
  if ('any' in condition) return `either ${condition.any.map((c) => conditionInWords(c, protocol)).join(' or ')}`;
  return `not (${conditionInWords(condition.not, protocol)})`;
}

/**
 * What an arising duty arises from, in words.
 *
 * @param on - e.g. `resolved`, `escalated:stage-3`, `bypassed:significant-harm`
 * @param protocol - to look titles up
 * @returns e.g. `when the case is escalated to Stage 3`
 */
export function arisingInWords(on: string, protocol: Protocol): string {
  const [kind, ref] = on.split(':') as [string, string | undefined];
  const stage = ref && titleOf(protocol, 'stages', ref);
  if (kind === 'resolved') return ref ? `when the case is resolved at ${stage}` : 'when the case is resolved';
  if (kind === 'withdrawn') return ref ? `when the case is withdrawn at ${stage}` : 'when the disagreement is withdrawn';
  if (kind === 'escalated') return ref ? `when the case is escalated to ${stage}` : 'at each escalation';
  return ref ? `when the rule "${titleOf(protocol, 'bypass', ref)}" is invoked` : 'when a bypass rule is invoked';
}

/**
 * The document's verb for a duty: nothing for `must`, `(should)` or `(may: never overdue)`.
 *
 * @param modality - `must`, `should`, `may` or undefined
 * @returns a short suffix for tables and flowcharts, empty for `must`
 */
export function modalityInWords(modality: string | undefined): string {
  return modality === 'should' ? ' (should)' : modality === 'may' ? ' (may: never overdue)' : '';
}

/**
 * Who must attend a meeting record, in words (#12 part B).
 *
 * @param a - a record's `attendance`
 * @param protocol - to name the roles by their titles; their ids are shown without it
 * @returns e.g. `attended by at least 2 agencies besides the two in the disagreement; independently chaired`
 */
export function attendanceInWords(a: NonNullable<RecordType['attendance']>, protocol?: Protocol): string {
  const parts: string[] = [];
  if (a.agencies !== undefined) parts.push(`at least ${a.agencies} agencies`);
  if (a.otherAgencies !== undefined) parts.push(`at least ${a.otherAgencies} agencies besides the two in the disagreement`);
  if (a.roles?.length) parts.push(`the ${a.roles.map((id) => (protocol ? titleOf(protocol, 'roles', id) : id)).join(', ')}`);
  const who = parts.length ? `attended by ${parts.join(' and ')}` : '';
  return [who, a.independentChair ? 'independently chaired' : ''].filter(Boolean).join('; ');
}

/**
 * How a repeating duty recurs, in words (#12 part B).
 *
 * @param o - an obligation with `every` (and perhaps `until`)
 * @param protocol - to name the `until` anchor
 * @returns e.g. `again every 1 calendar day until the Panel meeting`, or '' for a duty that does not repeat
 */
export function repeatInWords(o: { readonly every?: string | undefined; readonly until?: string | undefined }, protocol: Protocol): string {
  if (o.every === undefined) return '';
  return `again every ${durationInWords(o.every)} until ${o.until ? anchorInWords(o.until, protocol) : 'the stage ends'}`;
}
