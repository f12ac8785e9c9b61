// #12 construct 4: conditions on a case's facts and path, and what they choose (a stage's variant,
// records required "if Stage 4 and 5 are used"). Evaluated against the folded state, so a fact noted
// later changes what is owed from then on. @internal

import type { Condition, Obligation, RecordType, Role, Variant } from '../protocol/schema.js';
import type { Compiled, CompiledStage } from './_compile.js';
import type { Owed } from './_obligations.js';
import { owed } from './_parties.js';
import { madeOf, type State, type Visit } from './_state.js';

/** Whether a condition holds in the case as folded so far. */
export function holds(condition: Condition, state: State): boolean {
  if ('fact' in condition) return state.facts.get(condition.fact) === (condition.is ?? true);
  // A stage skipped over counts as entered for anchors, but it was not used: only visits count here.
  if ('visited' in condition) return state.visits.some((v) => v.stage.id === condition.visited);
  if ('bypassed' in condition) return state.bypasses.some((b) => b.rule.id === condition.bypassed);
  if ('recorded' in condition) return madeOf(state, condition.recorded) !== undefined;
  if ('all' in condition) return condition.all.every((c) => holds(c, state));
  if ('any' in condition) return condition.any.some((c) => holds(c, state));
  return !holds(condition.not, state);
}

/** The variant a stage uses for this case now: the first for its subject whose `if` holds. */
function variantOf(stage: CompiledStage, state: State): Variant | undefined {
  for (const v of stage.candidates.get(state.subject)!) if (v.if === undefined || holds(v.if, state)) return v;
  return undefined;
}

/** A stage's obligations for this case (its variant's, or its own). */
export function stageObligations(stage: CompiledStage, state: State): readonly Obligation[] {
  if (!stage.conditional) return stage.obligations.get(state.subject)!;
  return variantOf(stage, state)?.obligations ?? stage.stage.obligations;
}

/** A stage's tracked obligations for this case: {@link stageObligations}, each party's copy apart. */
export function stageOwed(stage: CompiledStage, state: State): readonly Owed[] {
  if (!stage.conditional) return stage.owed.get(state.subject)!;
  return stageObligations(stage, state).flatMap((o) => owed(o));
}

/** A stage's owners for this case (its variant's, or its own). */
export function stageOwners(c: Compiled, stage: CompiledStage, state: State): readonly Role[] {
  if (!stage.conditional) return stage.owners.get(state.subject)!;
  return (variantOf(stage, state)?.owners ?? stage.stage.owners).map((id) => c.roles.get(id)!);
}

/** The records a stage visit requires: always, plus those whose `if` holds. */
export function requiredRecords(c: Compiled, visit: Visit, state: State): readonly RecordType[] {
  const extra = visit.stage.stage.requiresIf;
  if (!extra?.length) return visit.stage.requires;
  return [...visit.stage.requires, ...extra.filter((r) => holds(r.if, state)).map((r) => c.records.get(r.record)!)];
}
