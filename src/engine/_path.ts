// #12 part B, path conditions on entry: a stage with `onlyAfter` is entered only once the case has
// been at each named stage. A stage jumped over by a skip was never worked, so it does not count
// ("will have required the Conference Chair to have exhausted Stages 1-3"). A bypass jump on risk is
// not held back: the document's condition is about the ordinary route. @internal

import type { CompiledStage } from './_compile.js';
import { refuse, type State } from './_state.js';

const NONE: readonly string[] = Object.freeze([]);

/** The stages `target`'s `onlyAfter` names that the case has not been at (none when it has no condition). */
function missingStages(target: CompiledStage, state: State): readonly string[] {
  const needed = target.stage.onlyAfter?.stages;
  if (!needed) return NONE;
  const visited = new Set(state.visits.map((v) => v.stage.id));
  return needed.filter((id) => !visited.has(id));
}

/** Whether the case may enter `target` now as far as its path goes: what `allowed` offers and `admitPath` accepts. */
export const pathAllows = (target: CompiledStage, state: State): boolean => missingStages(target, state).length === 0;

/** Refuses entering `target` (by opening or escalation) when a stage its `onlyAfter` names was not visited. */
export function admitPath(target: CompiledStage, state: State): void {
  const missing = missingStages(target, state);
  const needed = target.stage.onlyAfter?.stages ?? NONE;
  if (missing.length)
    refuse(
      'engine/path-not-taken',
      `"${target.id}" may be entered only after the case has been at ${needed.map((s) => `"${s}"`).join(', ')}; it has not been at ${missing.map((s) => `"${s}"`).join(', ')}. Escalate through ${missing.length === 1 ? 'that stage' : 'those stages'} first.`,
    );
}
