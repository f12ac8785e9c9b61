import { describe } from './_days.js';
import { resolveCalendar, type Calendar, type CalendarLike } from './calendar.js';
import { dueAfter, showDue, toDuration, type Due } from './duration.js';
import { toEpochMs, type InstantInput } from './instant.js';
import { readOptions } from './_options.js';
import { TimeError } from './timeError.js';

/**
 * When something must happen, as a protocol file writes it:
 * - `{ within: '5wd', from: 'stageEntered' }`: a duration after an anchor (the anchor names are the
 *   caller's; the engine's are listed in the protocol guide);
 * - `{ earliestOf: [...] }`: "whichever is the sooner";
 * - `{ target: ..., limit: ... }`: "within 24 hours and not longer than 5 working days";
 * - `{ none: 'timely' }`: the document gives no number, only these words; with
 *   `assume: { within: '1wd' }` a working assumption of the caller's (not of the document) makes it due;
 * - `{ target: ... }` alone: an aim with no limit ("must aim to"): never late, only the aim missed;
 * - `{ at: '6w', from: 'record:conference' }`: at that moment and not before ("six weeks post conference").
 */
export type Timescale =
  | { readonly within: string; readonly from?: string }
  | { readonly earliestOf: readonly Timescale[] }
  | { readonly target: Timescale; readonly limit?: Timescale }
  | { readonly none: string; readonly assume?: { readonly within: string; readonly from?: string } }
  | { readonly at: string; readonly from?: string };

/** @internal A due moment as numbers. */
export interface DueNumbers {
  readonly at: number;
  readonly day: number;
}

/** @internal What a timescale comes to, in numbers. */
export type Evaluation =
  | {
      readonly kind: 'due';
      readonly due: DueNumbers;
      readonly target?: DueNumbers;
      /** The due moment is the caller's working assumption for the document's words, not the document's number. */
      readonly assumed?: { readonly words: string };
      /** The due moment is also the earliest: "at", not "by". */
      readonly notBefore?: true;
    }
  | { readonly kind: 'aim'; readonly target: DueNumbers }
  | { readonly kind: 'waiting'; readonly anchors: readonly string[] }
  | { readonly kind: 'none'; readonly words: string };

const MAX_NESTING = 32;

// The paths of a top-level timescale's parts, allocated once: a sweep evaluates every obligation of
// every case, and these are only read when something is wrong.
const TOP: Readonly<Record<string, readonly string[]>> = {
  within: ['within'],
  limit: ['limit'],
  target: ['target'],
  at: ['at'],
  assume: ['assume'],
};
const at = (path: readonly (string | number)[], key: string): readonly (string | number)[] =>
  path.length === 0 && TOP[key] ? TOP[key] : [...path, key];

// The top level's path, shared rather than a new `[]` for every obligation judged (#15); an error
// still gets an array of its own, as it always has.
const ROOT: readonly (string | number)[] = Object.freeze([]);
const own = (path: readonly (string | number)[]): readonly (string | number)[] => (path === ROOT ? [] : path);

/** @internal Looks an anchor up: its instant in epoch ms, or undefined while it has not happened. */
export type AnchorLookup = (anchor: string | undefined) => number | undefined;

/** @internal */
export function evaluate(
  timescale: Timescale,
  lookup: AnchorLookup,
  calendar: Calendar,
  path: readonly (string | number)[] = ROOT,
): Evaluation {
  // Parsed protocols are at most 64 levels deep; a hand-built timescale deeper than that is refused
  // rather than allowed to exhaust the stack.
  if (path.length > 2 * MAX_NESTING)
    throw new TimeError(
      'time/invalid-timescale',
      `The timescale nests deeper than ${MAX_NESTING} levels; no document's timescale does.`,
      path,
    );
  if (timescale === null || typeof timescale !== 'object') {
    throw new TimeError(
      'time/invalid-timescale',
      `${describe(timescale)} is not a timescale; write { "within": "5wd", "from": "stageEntered" }.`,
      own(path),
    );
  }
  if ('within' in timescale) {
    const duration = toDuration(timescale.within, at(path, 'within'));
    if (timescale.from !== undefined && typeof timescale.from !== 'string')
      throw new TimeError('time/invalid-timescale', `"from" names an anchor, such as "stageEntered", got ${describe(timescale.from)}.`, [
        ...path,
        'from',
      ]);
    const from = lookup(timescale.from);
    return from === undefined
      ? { kind: 'waiting', anchors: [timescale.from ?? 'default'] }
      : { kind: 'due', due: dueAfter(calendar, from, duration) };
  }
  if ('earliestOf' in timescale) {
    if (!Array.isArray(timescale.earliestOf) || timescale.earliestOf.length === 0)
      throw new TimeError(
        'time/invalid-timescale',
        `"earliestOf" is a list of one or more timescales, got ${describe(timescale.earliestOf)}.`,
        [...path, 'earliestOf'],
      );
    let best: Evaluation | undefined;
    let aim: Evaluation | undefined;
    const waiting: string[] = [];
    const words: string[] = [];
    timescale.earliestOf.forEach((part, i) => {
      const result = evaluate(part, lookup, calendar, [...path, 'earliestOf', i]);
      if (result.kind === 'due') {
        if (best?.kind !== 'due' || result.due.at < best.due.at) best = result;
      } else if (result.kind === 'aim') {
        // An aim has no limit, so it never beats a limit; alone it is the earliest aim.
        if (aim?.kind !== 'aim' || result.target.at < aim.target.at) aim = result;
      } else if (result.kind === 'waiting') waiting.push(...result.anchors);
      else words.push(result.words);
    });
    if (best) return best;
    if (aim) return aim;
    return waiting.length ? { kind: 'waiting', anchors: waiting } : { kind: 'none', words: words.join('; ') };
  }
  if ('target' in timescale && timescale.limit === undefined) {
    const target = evaluate(timescale.target, lookup, calendar, at(path, 'target'));
    return target.kind === 'due' ? { kind: 'aim', target: target.due } : target;
  }
  if ('at' in timescale) {
    const moment = evaluate(
      { within: timescale.at, ...(timescale.from === undefined ? {} : { from: timescale.from }) },
      lookup,
      calendar,
      at(path, 'at'),
    );
    return moment.kind === 'due' ? { ...moment, notBefore: true } : moment;
  }
  if ('target' in timescale) {
    const limit = evaluate(timescale.limit!, lookup, calendar, at(path, 'limit'));
    const target = evaluate(timescale.target, lookup, calendar, at(path, 'target'));
    const aimed = target.kind === 'due' ? target.due : target.kind === 'aim' ? target.target : undefined;
    return limit.kind === 'due' && aimed ? { ...limit, target: aimed } : limit;
  }
  if ('none' in timescale && typeof timescale.none === 'string') {
    if (timescale.assume === undefined) return { kind: 'none', words: timescale.none };
    const assumed = evaluate(timescale.assume as Timescale, lookup, calendar, at(path, 'assume'));
    return assumed.kind === 'due' ? { ...assumed, assumed: { words: timescale.none } } : assumed;
  }
  throw new TimeError(
    'time/invalid-timescale',
    `${describe(timescale)} is not a timescale; write { "within": "5wd", "from": "stageEntered" }, { "earliestOf": [...] }, { "target": ..., "limit": ... }, { "at": "6w", "from": "..." } or { "none": "the document's words" }.`,
    own(path),
  );
}

/** What {@link evaluateTimescale} returns. */
export type TimescaleResult =
  | {
      readonly kind: 'due';
      readonly due: Due;
      readonly target?: Due;
      /** Present where `due` is a working assumption for the document's words (`none` with `assume`). */
      readonly assumed?: { readonly words: string };
      /** Present where `due` is also the earliest moment (`at`). */
      readonly notBefore?: true;
    }
  | { readonly kind: 'aim'; readonly target: Due }
  | { readonly kind: 'waiting'; readonly anchors: readonly string[] }
  | { readonly kind: 'none'; readonly words: string };

/**
 * Evaluates a composite timescale against known anchor instants.
 *
 * @param timescale - the timescale as a protocol file writes it
 * @param anchors - instants by anchor name; `from` omitted in the timescale reads `anchors.default`
 * @param calendar - a calendar or region; `england-and-wales` by default
 * @returns `due` with the instant and date (and the target, where there is one); `waiting` with the
 *   anchors that have not happened yet; or `none` with the document's words where it gives no number
 * @throws {@link TimeError} for a malformed timescale, naming what is accepted (`time/invalid-timescale`),
 *   anchors that are not an object (`time/invalid-options`), or a malformed anchor instant
 * @example
 * ```ts
 * evaluateTimescale(
 *   { target: { within: '24h', from: 'arose' }, limit: { within: '5wd', from: 'arose' } },
 *   { arose: '2026-12-21T10:00' },
 * ); // { kind: 'due', due: { date: '2026-12-30', ... }, target: { date: '2026-12-22', ... } }
 * ```
 */
export function evaluateTimescale(
  timescale: Timescale,
  anchors: Readonly<Record<string, InstantInput>>,
  calendar?: CalendarLike,
): TimescaleResult {
  const cal = resolveCalendar(calendar);
  const known = readOptions(anchors, "evaluateTimescale's anchors", ['anchors']);
  const lookup: AnchorLookup = (name) => {
    const value = Object.hasOwn(known, name ?? 'default') ? known[name ?? 'default'] : undefined;
    return value === undefined ? undefined : toEpochMs(value, ['anchors', name ?? 'default']);
  };
  const result = evaluate(timescale, lookup, cal);
  const show = (d: DueNumbers): Due => showDue(cal, d);
  if (result.kind === 'aim') return { kind: 'aim', target: show(result.target) };
  if (result.kind !== 'due') return result;
  return {
    kind: 'due',
    due: show(result.due),
    ...(result.target ? { target: show(result.target) } : {}),
    ...(result.assumed ? { assumed: result.assumed } : {}),
    ...(result.notBefore ? { notBefore: true as const } : {}),
  };
}
