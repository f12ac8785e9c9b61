// #12 part B checks: path conditions (onlyAfter), repeating duties (every, until) and attendance
// roles. Called from checkProtocol with its reference helpers, so findings read like the others.
// @internal

import { toDuration } from '../time/duration.js';
import { issue, type ProtocolIssue } from './issues.js';
import type { Protocol } from './schema.js';

type Path = (string | number)[];

interface Helpers {
  readonly role: (id: string | undefined, path: Path) => void;
  readonly stage: (id: string, path: Path) => number | undefined;
  readonly anchor: (from: string | undefined, at: number | undefined, path: Path) => void;
}

/** @internal */
export function check2b(protocol: Protocol, out: ProtocolIssue[], h: Helpers): void {
  protocol.stages.forEach((st, s) => {
    const after = st.onlyAfter;
    if (!after) return;
    if (st.entry !== undefined || s === 0)
      out.push(
        issue(
          'check/path-order',
          ['stages', s, 'onlyAfter'],
          `A case can open at "${st.id}", where it has been at no other stage, so "onlyAfter" could never be met on opening; remove "entry" or "onlyAfter".`,
        ),
      );
    after.stages.forEach((id, i) => {
      const at = h.stage(id, ['stages', s, 'onlyAfter', 'stages', i]);
      if (at !== undefined && at >= s)
        out.push(
          issue(
            'check/path-order',
            ['stages', s, 'onlyAfter', 'stages', i],
            `"${st.id}" cannot require "${id}" to have been visited first: it is not an earlier stage. Name stages before "${st.id}".`,
          ),
        );
    });
  });
  const repeat = (o: { every?: string | undefined; until?: string | undefined }, s: number | undefined, path: Path): void => {
    if (o.until !== undefined) h.anchor(o.until, s, [...path, 'until']);
    if (o.every === undefined) return;
    const d = toDuration(o.every);
    if (!('amount' in d) || d.amount === 0)
      out.push(
        issue(
          'check/repeat-every',
          [...path, 'every'],
          `A duty cannot recur "${o.every}" apart; write how often it recurs as an amount, e.g. "1d" for "on a daily basis".`,
        ),
      );
  };
  for (const [s, st] of protocol.stages.entries()) {
    const lists: [Path, typeof st.obligations][] = [[['stages', s, 'obligations'], st.obligations]];
    st.variants.forEach((v, i) => lists.push([['stages', s, 'variants', i, 'obligations'], v.obligations ?? []]));
    for (const [base, list] of lists) list.forEach((o, i) => repeat(o, s, [...base, i]));
  }
  // An arising duty belongs to no stage, so its `until` has no stage order to check.
  (protocol.arising ?? []).forEach((a, i) => repeat(a, undefined, ['arising', i]));
  protocol.records.forEach((r, i) => {
    r.attendance?.roles?.forEach((id, k) => h.role(id, ['records', i, 'attendance', 'roles', k]));
  });
}
