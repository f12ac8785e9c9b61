// #12 construct 1: duties of each party (one tracked obligation per role) or of several together
// (one obligation, several owners). @internal

import type { Obligation } from '../protocol/schema.js';
import type { Owed } from './_obligations.js';

/** The id a party's own copy of an "each" duty carries: `<obligation id>/<role id>`. */
export const partyId = (id: string, role: string): string => `${id}/${role}`;

/** The obligations one protocol duty stands for: itself, or one per party for `owners.each`. */
export function expand(
  o: Pick<Obligation, 'id' | 'action' | 'owner' | 'owners' | 'due' | 'record' | 'modality' | 'if'> &
    Partial<Pick<Obligation, 'every' | 'until'>>,
): Owed[] {
  // Every key the judging reads travels with each copy: a repeating duty of each party repeats for each.
  const base = { action: o.action, due: o.due, record: o.record, modality: o.modality, if: o.if, every: o.every, until: o.until };
  if (o.owners && 'each' in o.owners) return o.owners.each.map((role) => ({ ...base, id: partyId(o.id, role), owner: role, party: role }));
  if (o.owners) return [{ ...base, id: o.id, owner: o.owners.together[0]!, together: o.owners.together }];
  return [{ ...base, id: o.id, owner: o.owner! }];
}

const cache = new WeakMap<object, Owed[]>();

/** {@link expand}, computed once per protocol duty (protocols are frozen). */
export function owed(o: Parameters<typeof expand>[0]): readonly Owed[] {
  let hit = cache.get(o);
  if (!hit) cache.set(o, (hit = expand(o)));
  return hit;
}
