// #12 part A checks: several owners, conditions, duties arising from what happens. Each finding has
// a path, so `validate` prints its line and column. @internal

import type { Timescale } from '../time/timescale.js';
import { timescaleLeaves } from './check.js';
import { didYouMean, issue, type ProtocolIssue } from './issues.js';
import type { Condition, Obligation, Protocol } from './schema.js';

type Path = (string | number)[];

/** The reference checks check.ts already has, shared so both speak alike. */
export interface Refs {
  role(id: string | undefined, path: Path): void;
  stage(id: string, path: Path): number | undefined;
  record(id: string, path: Path): void;
  anchor(from: string | undefined, path: Path): void;
}

/** Checks what language 2 adds; `refs` reports unknown roles, stages and records as check.ts does. */
export function checkLanguage2(protocol: Protocol, refs: Refs): ProtocolIssue[] {
  const out: ProtocolIssue[] = [];
  const ruleIds = protocol.bypass.map((r) => r.id);
  const facts = new Map((protocol.facts ?? []).map((f) => [f.id, f]));

  const condition = (c: Condition | undefined, path: Path, atStage?: number): void => {
    if (c === undefined) return;
    if ('fact' in c) {
      const fact = facts.get(c.fact);
      if (!fact)
        out.push(
          issue(
            'check/unknown-fact',
            [...path, 'fact'],
            `No fact "${c.fact}" in "facts".${didYouMean(c.fact, [...facts.keys()])} Declare it there (id, title, values).`,
          ),
        );
      else if (c.is !== undefined && (fact.values ? !fact.values.includes(c.is as string) : typeof c.is !== 'boolean'))
        out.push(
          issue(
            'check/unknown-fact',
            [...path, 'is'],
            `Fact "${c.fact}" is ${fact.values ? `one of ${fact.values.map((v) => `"${v}"`).join(', ')}` : 'true or false'}, not ${JSON.stringify(c.is)}.`,
          ),
        );
    } else if ('visited' in c) {
      const target = refs.stage(c.visited, [...path, 'visited']);
      if (atStage !== undefined && target !== undefined && target > atStage)
        out.push(
          issue(
            'check/impossible-condition',
            [...path, 'visited'],
            `A case at "${protocol.stages[atStage]!.id}" cannot have used the later "${c.visited}" (cases only move up); name an earlier stage.`,
          ),
        );
    } else if ('bypassed' in c) rule(c.bypassed, [...path, 'bypassed']);
    else if ('recorded' in c) refs.record(c.recorded, [...path, 'recorded']);
    else if ('all' in c) c.all.forEach((x, i) => condition(x, [...path, 'all', i], atStage));
    else if ('any' in c) c.any.forEach((x, i) => condition(x, [...path, 'any', i], atStage));
    else condition(c.not, [...path, 'not'], atStage);
  };
  const rule = (id: string, path: Path): void => {
    if (!ruleIds.includes(id))
      out.push(
        issue('check/unknown-rule', path, `No bypass rule "${id}".${didYouMean(id, ruleIds)} Rules: ${ruleIds.join(', ') || '(none)'}.`),
      );
  };
  const duty = (o: Pick<Obligation, 'owner' | 'owners' | 'if'>, path: Path): void => {
    // Neither is the 0.1 mistake of a missing owner, reported as it always was.
    if (o.owner === undefined && o.owners === undefined)
      out.push(issue('schema/missing-key', [...path, 'owner'], 'Missing "owner": add the id of one of the roles declared in "roles".'));
    else if (o.owner !== undefined && o.owners !== undefined)
      out.push(issue('check/owner-or-owners', [...path, 'owners'], 'Give "owner" (one role) or "owners" (several), not both.'));
    if (o.owners) {
      const list = 'each' in o.owners ? o.owners.each : o.owners.together;
      const key = 'each' in o.owners ? 'each' : 'together';
      list.forEach((id, i) => refs.role(id, [...path, 'owners', key, i]));
    }
    condition(o.if, [...path, 'if']);
  };

  const seen = new Set<string>();
  (protocol.facts ?? []).forEach((f, i) => {
    if (seen.has(f.id)) out.push(issue('check/duplicate-id', ['facts', i, 'id'], `Another fact already has the id "${f.id}".`));
    seen.add(f.id);
  });
  protocol.stages.forEach((st, s) => {
    st.obligations.forEach((o, i) => duty(o, ['stages', s, 'obligations', i]));
    st.variants.forEach((v, k) => {
      const at: Path = ['stages', s, 'variants', k];
      if (!v.subjects && !v.if)
        out.push(issue('check/variant-subject', at, 'A variant says whom it is for: give "subjects", "if", or both.'));
      condition(v.if, [...at, 'if']);
      (v.obligations ?? []).forEach((o, i) => duty(o, [...at, 'obligations', i]));
    });
    st.skips.forEach((k, i) => condition(k.if, ['stages', s, 'skips', i, 'if'], s));
    (st.requiresIf ?? []).forEach((r, i) => {
      refs.record(r.record, ['stages', s, 'requiresIf', i, 'record']);
      condition(r.if, ['stages', s, 'requiresIf', i, 'if']);
    });
  });

  // Loops, not flatMap over spread copies: this set was an eighth of the semantic checks' time.
  const obligationIds = new Set<string>();
  for (const s of protocol.stages) {
    for (const o of s.obligations) obligationIds.add(o.id);
    for (const v of s.variants) for (const o of v.obligations ?? []) obligationIds.add(o.id);
  }
  (protocol.arising ?? []).forEach((a, i) => {
    const path: Path = ['arising', i];
    if (obligationIds.has(a.id) || ruleIds.includes(a.id))
      out.push(
        issue(
          'check/duplicate-id',
          [...path, 'id'],
          `Another obligation or rule already has the id "${a.id}"; obligation ids are unique across the protocol.`,
        ),
      );
    obligationIds.add(a.id);
    duty(a, path);
    if (a.record !== undefined) refs.record(a.record, [...path, 'record']);
    const [kind, ref] = a.on.split(':') as [string, string | undefined];
    if (ref !== undefined) {
      if (kind === 'bypassed') rule(ref, [...path, 'on']);
      else {
        const s = refs.stage(ref, [...path, 'on']);
        const impossible =
          s === undefined
            ? undefined
            : kind === 'resolved' && !protocol.stages[s]!.canResolve
              ? `"${ref}" cannot be resolved ("canResolve": false)`
              : kind === 'escalated' && s === 0
                ? `no case is escalated into the first stage "${ref}"`
                : undefined;
        if (impossible) out.push(issue('check/impossible-condition', [...path, 'on'], `This duty could never arise: ${impossible}.`));
      }
    }
    for (const leaf of timescaleLeaves(a.due as Timescale, [...path, 'due'])) {
      if (leaf.from === 'stageEntered')
        out.push(
          issue(
            'check/anchor-order',
            [...leaf.path, 'from'],
            'A duty that arises from an event is measured from that event: leave "from" out, or name an anchor such as "disagreement".',
          ),
        );
      else refs.anchor(leaf.from, [...leaf.path, 'from']);
    }
  });
  return out;
}
