// #12 construct 3: duties that arise from what happens (a resolution, an escalation, a withdrawal, a
// bypass), owed only once it happened and measured from it. Each happening that matches a duty's
// `on` gives one tracked obligation: the first keeps the duty's id, a later one is `<id>#2`, `#3`... @internal

import type { Arising } from '../protocol/schema.js';
import type { Compiled } from './_compile.js';
import { holds } from './_conditions.js';
import { anchors, madeFor, type Judge, type Judged, type Owed } from './_obligations.js';
import { judgeRepeating } from './_repeat.js';
import { lastVisit, madeOf, type Happening, type State, type Visit } from './_state.js';
import { expand } from './_parties.js';

// `on` is "resolved" or "resolved:<stage>" (and so on): compared without building a string per test.
const matches = (on: string, h: Happening): boolean =>
  on === h.on || (on.length === h.on.length + 1 + h.ref.length && on.startsWith(h.on) && on[h.on.length] === ':' && on.endsWith(h.ref));

/**
 * @internal Whether a duty of the protocol (its place in `arising`, a hole included) could match a
 * happening of `kind`: what `compile` lists per kind so that `happen` looks at those alone. A duty
 * whose `on` is not text is kept, so that `happen` meets it as it always has.
 */
export const canMatch = (duty: Arising | undefined, kind: Happening['on']): boolean => {
  const on: unknown = duty?.on;
  return typeof on !== 'string' || on === kind || on.startsWith(`${kind}:`);
};

/** Calls `each` for every (duty, happening) pair in the case, with the number of that occurrence. */
function occurrences(c: Compiled, state: State, each: (duty: Arising, happening: Happening, n: number) => void): void {
  const duties = c.arising;
  // Index loops: V8 left these for-ofs' iterators unoptimised, an object per case (#15).
  const happened = state.happened;
  for (let d = 0; d < duties.length; d++) {
    const duty = duties[d]!;
    let n = 0;
    for (let h = 0; h < happened.length; h++) if (matches(duty.on, happened[h]!)) each(duty, happened[h]!, ++n);
  }
}

const occurrenceId = (id: string, n: number): string => (n === 1 ? id : `${id}#${n}`);

// The tracked copies of a duty's first occurrence, kept per (frozen) duty: almost every case has one
// occurrence of each, and a sweep would otherwise build the same copies for every case.
const firstCopies = new WeakMap<Arising, readonly Owed[]>();

/** The obligations the `n`th occurrence of a duty stands for: itself, or one per party. */
function copies(duty: Arising, n: number): readonly Owed[] {
  if (n !== 1) return expand({ ...duty, id: occurrenceId(duty.id, n) });
  let hit = firstCopies.get(duty);
  if (!hit) firstCopies.set(duty, (hit = expand(duty)));
  return hit;
}

// The ids of an occurrence's copies: kept per duty for the first (the list a sweep's cases share).
const firstIds = new WeakMap<Arising, readonly string[]>();
function copyIds(duty: Arising, n: number): readonly string[] {
  if (n !== 1) return copies(duty, n).map((o) => o.id);
  let hit = firstIds.get(duty);
  if (!hit) firstIds.set(duty, (hit = copies(duty, 1).map((o) => o.id)));
  return hit;
}

/**
 * Records that something happened, and makes the duties arising from it active (so "fulfilled" can
 * name them). Each duty's count of matching happenings is kept on the case's state, so a new one
 * costs a step per duty, never a rescan (a log of 50,000 bypasses stays linear).
 */
export function happen(c: Compiled, state: State, happening: Happening): void {
  const duties = c.arising;
  const candidates = c.arisingOn[happening.on];
  let matched = false;
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    const duty = duties[i]!;
    if (!matches(duty.on, happening)) continue;
    matched = true;
    const n = (state.arisingCounts[i] = (state.arisingCounts[i] ?? 0) + 1);
    state.activeFrom.push(copyIds(duty, n));
  }
  // Only what some duty arises from is kept: `occurrences` reads nothing else, and most happenings
  // (a sweep's escalations) match none, so the list is never grown for them (#15).
  if (matched) state.happened.push(happening);
}

type Judgement = (o: Owed, lookup: ReturnType<typeof anchors>, metAt: number | undefined, cancelled: boolean) => Judged;

/** Calls `visit` for each arising duty owed in the case (its condition holding), judged by `judge`. */
export function eachArising(
  c: Compiled,
  state: State,
  visitAt: (at: number) => Visit | undefined,
  judge: Judgement,
  visit: (j: Judged) => void,
  j?: Judge,
): void {
  const stopped = state.endedAs === 'withdrawn' || state.endedAs === 'exited';
  occurrences(c, state, (duty, happening, n) => {
    if (duty.if !== undefined && !holds(duty.if, state)) return;
    // `from` omitted means from the happening itself; other anchors read as for the stage it happened at.
    const at = visitAt(happening.at);
    const lookup = anchors(state, at, happening.at);
    for (const o of copies(duty, n)) {
      // #12 part B, #7: a repeating arising duty ("on a daily basis ... until") recurs from the
      // happening until its `until`, or until a withdrawal or an exit ends the case; never because
      // a stage ended (a bypass's duty runs beside the process), nor on resolution or closing.
      if (o.every !== undefined && j !== undefined && at !== undefined) {
        const endedBy = stopped ? lastVisit(state).leftAt : undefined;
        const cancelled = stopped && happening.on === 'escalated';
        const from = { ...at, enteredAt: happening.at };
        const r = judgeRepeating(j, o as Owed & { every: string }, lookup, null, null, state, from, endedBy, cancelled);
        if (r) {
          visit({ ...r, arising: { on: duty.on, at: happening.at } });
          continue;
        }
      }
      const byRecord = o.record === undefined ? undefined : madeForParty(state, o, happening.at);
      const byEvent = state.fulfilled.get(o.id);
      const metAt = byRecord === undefined ? byEvent : byEvent === undefined ? byRecord : Math.min(byRecord, byEvent);
      // A duty arising from an escalation is part of the process a withdrawal or exit ends; one arising
      // from the withdrawal, the resolution or a bypass is still owed.
      const cancelled = stopped && happening.on === 'escalated' && metAt === undefined;
      visit({ ...judge(o, lookup, metAt, cancelled), stage: null, rule: null, arising: { on: duty.on, at: happening.at } });
    }
  });
}

/** When the record meeting a party's copy was made (a record for another party does not count). */
export function madeForParty(state: State, o: Owed, after: number): number | undefined {
  return madeFor(madeOf(state, o.record!), after, o.party);
}
