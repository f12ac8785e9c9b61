// Semantic checks: what the schema cannot see. After these pass, every reference in a protocol
// resolves, so the engine can index it without defensive code.

import type { Timescale } from '../time/timescale.js';
import { checkLanguage2 } from './_check2.js';
import { check2b } from './_check2b.js';
import { didYouMean, issue, type ProtocolIssue } from './issues.js';
import type { Obligation, Protocol, Stage } from './schema.js';

type Path = (string | number)[];

/** Every timescale leaf `{ within, from }` in a timescale, with its path. */
export function* timescaleLeaves(
  timescale: Timescale,
  path: Path,
): Generator<{ within: string; from: string | undefined; path: Path; assumed?: true }> {
  if ('within' in timescale) yield { within: timescale.within, from: timescale.from, path };
  else if ('earliestOf' in timescale)
    for (const [i, part] of timescale.earliestOf.entries()) yield* timescaleLeaves(part, [...path, 'earliestOf', i]);
  else if ('target' in timescale) {
    yield* timescaleLeaves(timescale.target, [...path, 'target']);
    if (timescale.limit) yield* timescaleLeaves(timescale.limit, [...path, 'limit']);
  }
  // #12 part B: an "at" moment and a working assumption are measured from anchors like "within".
  else if ('at' in timescale) yield { within: timescale.at, from: timescale.from, path };
  else if (timescale.assume)
    yield { within: timescale.assume.within, from: timescale.assume.from, path: [...path, 'assume'], assumed: true };
}

/** Every obligation in a protocol with where it lives: a stage (base or variant) or a bypass rule. */
export function* allObligations(
  protocol: Protocol,
): Generator<{ obligation: Obligation | Protocol['bypass'][number]; stageIndex: number | undefined; path: Path }> {
  for (const [s, stage] of protocol.stages.entries()) {
    for (const [o, obligation] of stage.obligations.entries()) yield { obligation, stageIndex: s, path: ['stages', s, 'obligations', o] };
    for (const [v, variant] of stage.variants.entries()) {
      for (const [o, obligation] of (variant.obligations ?? []).entries())
        yield { obligation, stageIndex: s, path: ['stages', s, 'variants', v, 'obligations', o] };
    }
  }
  for (const [b, rule] of protocol.bypass.entries()) yield { obligation: rule, stageIndex: undefined, path: ['bypass', b] };
}

/** The stages a case can ever be at, from entry, escalation, skips and bypass jumps. */
export function reachableStages(protocol: Protocol): Set<string> {
  const reached = new Set<string>();
  const { stages } = protocol;
  const index = new Map(stages.map((s, i) => [s.id, i]));
  // An explicit stack, not recursion: a protocol may have thousands of stages.
  const stack: number[] = [0];
  stages.forEach((stage, i) => stage.entry && stack.push(i));
  for (const rule of protocol.bypass) if (rule.effect.type === 'jumpTo') stack.push(index.get(rule.effect.stage) ?? -1);
  while (stack.length) {
    const i = stack.pop()!;
    const stage = stages[i];
    if (!stage || reached.has(stage.id)) continue;
    reached.add(stage.id);
    if (allowsNext(protocol, i)) stack.push(i + 1);
    for (const skip of stage.skips) stack.push(index.get(skip.to) ?? -1);
  }
  return reached;
}

/** Whether a stage may escalate to the one after it (the default for every stage but the last). */
export function allowsNext(protocol: Protocol, index: number): boolean {
  const stage = protocol.stages[index];
  return stage !== undefined && (stage.next ?? index < protocol.stages.length - 1) && index < protocol.stages.length - 1;
}

function duplicates(items: readonly { id: string }[], path: Path, kind: string): ProtocolIssue[] {
  const seen = new Set<string>();
  const out: ProtocolIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id))
      out.push(
        issue('check/duplicate-id', [...path, i, 'id'], `Another ${kind} already has the id "${item.id}"; give each ${kind} its own id.`),
      );
    seen.add(item.id);
  });
  return out;
}

// A field that asks for a child's or family's identifying details; a bare "Name" on a template is the
// submitting professional's (Croydon's Appendix A), so the label must also say whose. Two plain
// tests rather than one pattern with two wildcards, which would be quadratic on a long label.
const DETAIL = /\b(name|d\.?o\.?b|date of birth|address)\b/i;
const WHOSE = /\b(child|children|family|young person|parent|carer)/i;
const asksForChildDetails = (label: string): boolean => DETAIL.test(label) && WHOSE.test(label);

/**
 * Checks what the schema cannot: unique ids, references that resolve, reachability, a way to finish,
 * owners for every subject, and anchors that come before what they time.
 *
 * @param protocol - a protocol that passed the schema
 * @returns error findings; empty when the protocol is sound
 */
export function checkProtocol(protocol: Protocol): ProtocolIssue[] {
  const out: ProtocolIssue[] = [];
  const roleIds = protocol.roles.map((r) => r.id);
  const stageIds = protocol.stages.map((s) => s.id);
  const recordIds = protocol.records.map((r) => r.id);
  const roles = new Set(roleIds);
  const records = new Set(recordIds);
  const stageIndex = new Map(stageIds.map((id, i) => [id, i]));

  out.push(
    ...duplicates(protocol.roles, ['roles'], 'role'),
    ...duplicates(protocol.records, ['records'], 'record'),
    ...duplicates(protocol.stages, ['stages'], 'stage'),
  );
  out.push(...duplicates(protocol.bypass, ['bypass'], 'bypass rule'));
  const seenObligations = new Set<string>();
  for (const { obligation, stageIndex: at, path } of allObligations(protocol)) {
    if (at === undefined) continue;
    if (seenObligations.has(obligation.id))
      out.push(
        issue(
          'check/duplicate-id',
          [...path, 'id'],
          `Another obligation already has the id "${obligation.id}"; obligation ids are unique across the protocol.`,
        ),
      );
    seenObligations.add(obligation.id);
  }

  const role = (id: string | undefined, path: Path): void => {
    if (id !== undefined && !roles.has(id))
      out.push(
        issue('check/unknown-role', path, `No role "${id}" in "roles".${didYouMean(id, roleIds)} Declared roles: ${roleIds.join(', ')}.`),
      );
  };
  const stage = (id: string, path: Path): number | undefined => {
    const found = stageIndex.get(id);
    if (found === undefined)
      out.push(issue('check/unknown-stage', path, `No stage "${id}".${didYouMean(id, stageIds)} Stages: ${stageIds.join(', ')}.`));
    return found;
  };
  const record = (id: string, path: Path): void => {
    if (!records.has(id))
      out.push(
        issue(
          'check/unknown-record',
          path,
          `No record "${id}" in "records".${didYouMean(id, recordIds)} Declare it there, or use one of: ${recordIds.join(', ') || '(none declared)'}.`,
        ),
      );
  };

  if (protocol.reviewBy !== undefined && protocol.reviewBy < protocol.effectiveFrom) {
    out.push(
      issue(
        'check/review-before-effective',
        ['reviewBy'],
        `"reviewBy" (${protocol.reviewBy}) is before "effectiveFrom" (${protocol.effectiveFrom}); check both dates against the document.`,
      ),
    );
  }

  protocol.records.forEach((rec, r) => {
    if (!rec.noChildOrFamilyDetails) return;
    (rec.fields ?? []).forEach((field, f) => {
      if (asksForChildDetails(field.label))
        out.push(
          issue(
            'check/forbidden-field',
            ['records', r, 'fields', f],
            `"${rec.title}" must hold no details of any child or family, but field "${field.label}" asks for them; remove the field or drop "noChildOrFamilyDetails".`,
          ),
        );
    });
  });

  const scopeSubjects = new Set(protocol.scope.subjects);
  protocol.stages.forEach((st, s) => {
    st.owners.forEach((owner, o) => role(owner, ['stages', s, 'owners', o]));
    st.requires.forEach((rec, r) => record(rec, ['stages', s, 'requires', r]));
    role(st.entry?.by, ['stages', s, 'entry', 'by']);
    if (st.next === true && s === protocol.stages.length - 1)
      out.push(
        issue(
          'check/no-next-stage',
          ['stages', s, 'next'],
          `"${st.id}" is the last stage, so there is no next stage; remove "next" or add the stage that follows.`,
        ),
      );
    st.skips.forEach((skip, k) => {
      role(skip.by, ['stages', s, 'skips', k, 'by']);
      const target = stage(skip.to, ['stages', s, 'skips', k, 'to']);
      if (target !== undefined && target <= s)
        out.push(
          issue(
            'check/skip-backwards',
            ['stages', s, 'skips', k, 'to'],
            `A skip from "${st.id}" must go to a later stage, not "${skip.to}"; to go back, resolve and open a new case.`,
          ),
        );
    });
    const covered = new Set<string>();
    st.variants.forEach((variant, v) => {
      variant.owners.forEach((owner, o) => role(owner, ['stages', s, 'variants', v, 'owners', o]));
      (variant.subjects ?? []).forEach((subject, j) => {
        if (!scopeSubjects.has(subject))
          out.push(
            issue(
              'check/variant-subject',
              ['stages', s, 'variants', v, 'subjects', j],
              `"${subject}" is not in the protocol's scope (${[...scopeSubjects].join(', ')}); add it to "scope.subjects" or remove it here.`,
            ),
          );
        else if (covered.has(subject) && variant.if === undefined)
          out.push(
            issue(
              'check/variant-subject',
              ['stages', s, 'variants', v, 'subjects', j],
              `Another variant of "${st.id}" already covers "${subject}"; each subject may have one variant.`,
            ),
          );
        if (variant.if === undefined) covered.add(subject);
      });
    });
    for (const variant of st.variants) if (!variant.subjects && !variant.if) for (const x of scopeSubjects) covered.add(x);
    if (st.owners.length === 0) {
      const missing = [...scopeSubjects].filter((subject) => !covered.has(subject));
      if (missing.length)
        out.push(
          issue(
            'check/no-owner',
            ['stages', s, 'owners'],
            `"${st.id}" has no owner for ${missing.join(', ')}: add "owners" (role ids) or a variant for ${missing.length === 1 ? 'that subject' : 'those subjects'}.`,
          ),
        );
    }
  });

  out.push(...checkLanguage2(protocol, { role, stage, record, anchor: (from, path) => checkAnchor(from, undefined, path) }));
  for (const { obligation, stageIndex: at, path } of allObligations(protocol)) {
    role(obligation.owner, [...path, 'owner']);
    if ('record' in obligation && obligation.record !== undefined) record(obligation.record, [...path, 'record']);
    for (const leaf of timescaleLeaves(obligation.due as Timescale, [...path, 'due'])) checkAnchor(leaf.from, at, [...leaf.path, 'from']);
  }
  protocol.bypass.forEach((rule, b) => {
    if (rule.effect.type === 'jumpTo') stage(rule.effect.stage, ['bypass', b, 'effect', 'stage']);
  });
  if (protocol.ceiling)
    for (const leaf of timescaleLeaves(protocol.ceiling as Timescale, ['ceiling']))
      checkAnchor(leaf.from, undefined, [...leaf.path, 'from'], true);

  function checkAnchor(from: string | undefined, at: number | undefined, path: Path, isCeiling = false): void {
    if (from === undefined) return;
    const [kind, ref] = from.split(':') as [string, string | undefined];
    if (kind === 'record' && ref) return record(ref, path);
    if (kind === 'bypassed' && at !== undefined) {
      out.push(
        issue(
          'check/anchor-order',
          path,
          '"bypassed" is only known for a bypass rule\'s own obligation; measure a stage obligation from "stageEntered" or another anchor.',
        ),
      );
    }
    if (kind === 'stageEntered' && isCeiling) {
      out.push(
        issue(
          'check/anchor-order',
          path,
          'The ceiling belongs to no stage, so "stageEntered" means nothing there; measure it from "disagreement" or "caseOpened".',
        ),
      );
    }
    if ((kind === 'entered' || kind === 'completed') && ref) {
      const target = stage(ref, path);
      if (target === undefined || at === undefined) return;
      const tooLate = kind === 'entered' ? target > at : target >= at;
      if (tooLate) {
        out.push(
          issue(
            'check/anchor-order',
            path,
            `An obligation of "${protocol.stages[at]!.id}" cannot be measured from "${from}", which happens later; use "stageEntered", "disagreement" or an earlier stage.`,
          ),
        );
      }
    }
  }

  check2b(protocol, out, { role, stage, anchor: (from, at, path) => checkAnchor(from, at, path) });

  const reached = reachableStages(protocol);
  protocol.stages.forEach((st: Stage, s) => {
    if (!reached.has(st.id))
      out.push(
        issue(
          'check/unreachable-stage',
          ['stages', s],
          `No escalation, skip, entry or bypass leads to "${st.id}": set "next" on the stage before it, or add a skip or "entry".`,
        ),
      );
  });
  if (!protocol.stages.some((st) => st.canResolve)) {
    out.push(
      issue(
        'check/no-finish',
        ['stages'],
        'No stage can be resolved ("canResolve": false everywhere), so no case could ever finish; allow resolution at the final stage at least.',
      ),
    );
  }
  return out;
}
