// #12 part B, who must attend a meeting: a `recorded` event may list its attendees, and a record
// type with `attendance` is checked against them. Advisory only: an unmet requirement is reported in
// status, never a refusal, because the record of what happened must always be accepted. @internal

import type { RecordType } from '../protocol/schema.js';
import { describe } from '../time/_days.js';
import { formatLondon } from '../time/_london.js';
import type { Compiled } from './_compile.js';
import { refuse, type State } from './_state.js';
import type { Attendee, AttendanceStatus } from './types.js';

const KEYS = ['name', 'agency', 'role', 'chair', 'independent'];

const NO_ATTENDEES: { attendees?: readonly Attendee[] } = Object.freeze({});

// #15: `bad` takes the value rather than closing over it, so reading no attendees (nearly every
// record) allocates nothing; the closure's context was made on every call (40 bytes each).
const bad = (value: unknown): never =>
  refuse(
    'engine/invalid-event',
    `"attendees" is a list of { "name", "agency", "role", "chair", "independent" } (each optional), got ${describe(value)}.`,
  );

/** Reads a `recorded` event's optional attendees, or refuses a malformed list. */
export function readAttendees(value: unknown): { attendees?: readonly Attendee[] } {
  if (value === undefined) return NO_ATTENDEES;
  if (!Array.isArray(value)) return bad(value);
  for (const a of value) {
    if (a === null || typeof a !== 'object' || Array.isArray(a)) bad(value);
    for (const [k, v] of Object.entries(a as object)) {
      if (!KEYS.includes(k)) bad(value);
      if ((k === 'chair' || k === 'independent') && typeof v !== 'boolean') bad(value);
      if (k !== 'chair' && k !== 'independent' && typeof v !== 'string') bad(value);
    }
  }
  return { attendees: value as Attendee[] };
}

/** What a meeting's attendees leave unmet of its record type's `attendance`, in words. */
export function unmet(type: RecordType, state: State, attendees: readonly Attendee[] | undefined): string[] {
  const rule = type.attendance!;
  if (attendees === undefined) return ['attendees not recorded, so attendance cannot be checked'];
  const out: string[] = [];
  const agencies = new Set(attendees.flatMap((a) => (a.agency ? [a.agency] : [])));
  if (rule.agencies !== undefined && agencies.size < rule.agencies)
    out.push(`at least ${rule.agencies} agencies attend (${agencies.size} recorded)`);
  if (rule.otherAgencies !== undefined) {
    const others = [...agencies].filter((a) => a !== state.agencies.raising && a !== state.agencies.receiving).length;
    if (others < rule.otherAgencies)
      out.push(`at least ${rule.otherAgencies} agencies besides the raising and receiving agencies attend (${others} recorded)`);
  }
  for (const role of rule.roles ?? []) if (!attendees.some((a) => a.role === role)) out.push(`the ${role} attends`);
  if (rule.independentChair && !attendees.some((a) => a.chair && a.independent))
    out.push('an independent chair (an attendee with "chair" and "independent")');
  return out;
}

/** Every meeting recorded whose attendance requirement is unmet, in the order recorded. */
export function attendanceUnmet(c: Compiled, state: State): AttendanceStatus[] {
  const out: AttendanceStatus[] = [];
  // Most protocols require no attendance: then there is nothing to walk.
  if (!c.hasAttendance) return out;
  for (const index of state.madeOrder) {
    const type = c.protocol.records[index]!;
    if (!type.attendance) continue;
    const id = type.id;
    const made = state.made[index]!;
    for (let i = 0; i < made.at.length; i++) {
      const missing = unmet(type, state, made.attendees?.[i]);
      if (missing.length) out.push({ record: id, at: formatLondon(made.occurred[i]!), unmet: missing });
    }
  }
  return out;
}
