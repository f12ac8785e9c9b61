import { toDuration } from '../time/duration.js';
import type { Timescale } from '../time/timescale.js';
import type { BypassRule, Protocol, RecordType } from './schema.js';

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

/**
 * Who must attend a meeting record, in words (#12 part B).
 *
 * @param a - a record's `attendance`
 * @returns e.g. `attended by at least 2 agencies besides the two in the disagreement; independently chaired`
 */
export function attendanceInWords(a: NonNullable<RecordType['attendance']>): string {
  const parts: string[] = [];
  if (a.agencies !== undefined) parts.push(`at least ${a.agencies} agencies`);
  if (a.otherAgencies !== undefined) parts.push(`at least ${a.otherAgencies} agencies besides the two in the disagreement`);
  if (a.roles?.length) parts.push(`the ${a.roles.join(', ')}`);
  const who = parts.length ? `attended by ${parts.join(' and ')}` : '';
  return [who, a.independentChair ? 'independently chaired' : ''].filter(Boolean).join('; ');
}
