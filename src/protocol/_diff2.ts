// #12 part A in the diff: duties that arise from what happens, facts, modality, several owners and
// conditions, named in words. Kept beside diff.ts so that file stays one readable walk. @internal

import type { Timescale } from '../time/timescale.js';
import type { Arising, Condition, Obligation, Protocol } from './schema.js';
import { arisingInWords, conditionInWords, modalityInWords, ownersInWords, timescaleInWords } from './words.js';

type Area = 'scope' | 'stages';
export type Push2 = (area: Area, path: readonly string[], what: string, before: string | undefined, after: string | undefined) => void;

/** A condition in words, or undefined when there is none. */
export const ifWords = (c: Condition | undefined, p: Protocol): string | undefined => (c ? conditionInWords(c, p) : undefined);

/** The modality as a word, `must` when the file leaves it out. */
const verb = (m: string | undefined): string => m ?? 'must';

/** Who owes a duty, its verb and its condition: what language 2 added to an obligation. */
export function obligationParts(push: Push2, names: Protocol, where: readonly string[], what: string, a: Obligation, b: Obligation): void {
  if (a.owners !== undefined || b.owners !== undefined)
    push('stages', [...where, 'owners'], `${what}: who owes it`, ownersInWords(a, names), ownersInWords(b, names));
  push('stages', [...where, 'modality'], `${what}: must, should or may`, verb(a.modality), verb(b.modality));
  push('stages', [...where, 'if'], `${what}: the condition it is owed on`, ifWords(a.if, names), ifWords(b.if, names));
}

const arisingWords = (a: Arising, p: Protocol): string =>
  `${arisingInWords(a.on, p)}${a.if ? `, if ${conditionInWords(a.if, p)}` : ''}: ${a.action}${modalityInWords(a.modality)} (${ownersInWords(a, p)}), ${timescaleInWords(a.due as Timescale, p).replace('the start of the stage', 'that event')}`;

/** Changes to the protocol-wide lists language 2 added: `arising`, `facts`, preconditions' modality. */
export function diffLanguage2(push: Push2, names: Protocol, before: Protocol, after: Protocol): void {
  for (const pre of after.scope.preconditions) {
    const old = before.scope.preconditions.find((p) => p.id === pre.id);
    if (old)
      push(
        'scope',
        ['scope', 'preconditions', pre.id, 'modality'],
        `Precondition "${pre.id}": must or should`,
        verb(old.modality),
        verb(pre.modality),
      );
  }
  const facts = (p: Protocol) => new Map((p.facts ?? []).map((f) => [f.id, `${f.title} (${f.values?.join(', ') ?? 'yes / no'})`]));
  const [fa, fb] = [facts(before), facts(after)];
  for (const id of new Set([...fa.keys(), ...fb.keys()])) push('scope', ['facts', id], `Fact "${id}"`, fa.get(id), fb.get(id));
  const duties = (p: Protocol) => new Map((p.arising ?? []).map((a) => [a.id, arisingWords(a, names)]));
  const [da, db] = [duties(before), duties(after)];
  for (const id of new Set([...da.keys(), ...db.keys()]))
    push('stages', ['arising', id], `The duty "${id}" that arises from what happens`, da.get(id), db.get(id));
}
