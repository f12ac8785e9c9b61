// #12 construct 4: the facts of a case, given when it opens ("facts", and "flags" as yes/no facts)
// or noted later by a "noted" event. A protocol that declares `facts` has them checked. @internal

import { describe } from '../time/_days.js';
import type { Compiled } from './_compile.js';
import { NO_ENTRIES, refuse, setIn, text, type State } from './_state.js';

type Value = string | boolean;

/** Refuses a fact the protocol does not declare (when it declares any) or a value it does not list. */
function checkFact(c: Compiled, fact: string, value: unknown): Value {
  if (typeof value !== 'boolean' && (typeof value !== 'string' || !value.trim()))
    refuse('engine/invalid-event', `The value of fact "${fact}" is true, false or text, got ${describe(value)}.`);
  const declared = c.protocol.facts;
  if (!declared) return value as Value;
  const found = declared.find((f) => f.id === fact);
  if (!found) refuse('engine/unknown-fact', `No fact "${fact}" in ${c.protocol.id}; facts are ${declared.map((f) => f.id).join(', ')}.`);
  const allowed: readonly Value[] = found!.values ?? [true, false];
  if (!allowed.includes(value as Value))
    refuse('engine/invalid-event', `Fact "${fact}" is one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}.`);
  return value as Value;
}

/** The facts an opening event gives: its `facts` object, and each of its `flags` as true. */
export function openingFacts(c: Compiled, given: unknown, flags: readonly unknown[]): ReadonlyMap<string, Value> {
  if (given === undefined && flags.length === 0) return NO_ENTRIES;
  const facts = new Map<string, Value>();
  // Flags predate declared facts (0.1 preconditions' `appliesWhen`), so they are never refused.
  for (const flag of flags) if (typeof flag === 'string') facts.set(flag, true);
  if (given === undefined) return facts;
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    refuse('engine/invalid-event', `"facts" is an object of fact id → value, e.g. { "priority": "high" }, got ${describe(given)}.`);
  for (const [fact, value] of Object.entries(given as Record<string, unknown>)) facts.set(fact, checkFact(c, fact, value));
  return facts;
}

/** The "noted" event: a fact of the case recorded after it opened (or corrected). */
export function noteFact(c: Compiled, state: State, raw: Record<string, unknown>): void {
  const fact = text(raw.fact, 'fact', 'noted');
  setIn(state, 'facts', fact, checkFact(c, fact, raw.value === undefined ? true : raw.value));
}
