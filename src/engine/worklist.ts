// The nightly sweep's answer: only what needs action, across every case, without building (or
// keeping) a full status per case.

import type { ProtocolRegistry } from '../protocol/registry.js';
import { FIRST_DAY } from '../time/_days.js';
import { showDue } from '../time/duration.js';
import { TimeError } from '../time/timeError.js';
import { beforeOpened } from './_asOf.js';
import { compile, type Compiled } from './_compile.js';
import { agencyOf } from './_describe.js';
import { fold } from './_fold.js';
import { eachObligation, makeJudge } from './_obligations.js';
import { OptionsError, optionsMessage, readOptions, type ReadOptions } from './_options.js';
import { refusal, type Refusal } from './refusals.js';
import { readNow } from './status.js';
import type { Case, DueAt, EngineOptions, OwnerSummary } from './types.js';

/** Options for {@link worklist}: where each case's protocol comes from, and the usual engine options. */
export interface WorklistOptions extends EngineOptions {
  /** Every protocol version the cases were opened under. */
  readonly registry: ProtocolRegistry;
}

/** One obligation that needs action. */
export interface WorkItem {
  /** The case's position in the cases given. */
  readonly caseIndex: number;
  readonly protocol: { readonly id: string; readonly version: string };
  /** The stage the case is at. */
  readonly stage: string;
  readonly obligation: string;
  /** The bypass rule that added the obligation, if one did. */
  readonly rule: string | null;
  readonly owner: OwnerSummary;
  /** The agency on the owner's side; null for an independent owner. */
  readonly agency: string | null;
  readonly state: 'overdue' | 'dueSoon' | 'dueNow';
  readonly due: DueAt;
  /** Working days from the due date to now's date, for an overdue item (0 when late the same day); else null. */
  readonly workingDaysLate: number | null;
}

/** What {@link worklist} returns. */
export type Worklist =
  | {
      readonly success: true;
      readonly items: readonly WorkItem[];
      /** Cases that could not be evaluated (a refused log, no such protocol in the registry, a `now` before the opening). */
      readonly refused: readonly { readonly caseIndex: number; readonly refusal: Refusal }[];
    }
  | { readonly success: false; readonly refusal: Refusal };

/**
 * The worklist of a sweep: every obligation, across all the cases, that is overdue, due soon or due
 * now at `now`, with its owner, the owner's side and agency, its due date, working days late, and the
 * stage and index of its case. Builds no full status, so a sweep over 100,000 cases keeps only the
 * items. A case that cannot be evaluated is listed in `refused`, never thrown.
 *
 * @param cases - the cases, in any iterable (an array, or a generator over database rows)
 * @param now - the moment of the sweep; events dated after it do not count
 * @param options - `registry` (required) and the engine options (closures, calendar, ...)
 * @returns `{ success: true, items, refused }`, or `{ success: false, refusal }` for a bad `now` or option
 * @example
 * ```ts
 * const sweep = worklist(openCases, '2027-01-05T06:00', { registry: bundledRegistry() });
 * if (sweep.success) for (const item of sweep.items) notify(item.agency, item);
 * ```
 */
export function worklist(cases: Iterable<Case>, now: string | Date, options: WorklistOptions): Worklist {
  const nowMs = readNow(now);
  if (typeof nowMs !== 'number') return { success: false, refusal: nowMs };
  const registry = (options as { registry?: unknown } | null)?.registry as ProtocolRegistry | undefined;
  if (typeof registry?.get !== 'function')
    return {
      success: false,
      refusal: refusal('engine/invalid-options', '"registry" is a registry from createRegistry() or bundledRegistry().'),
    };
  const { registry: _registry, ...engineOptions } = options;
  const read = new Map<Compiled, ReadOptions>();
  const items: WorkItem[] = [];
  const refused: { caseIndex: number; refusal: Refusal }[] = [];
  let caseIndex = -1;
  for (const kase of cases) {
    caseIndex++;
    const protocol = registry.get(kase?.protocol?.id, kase?.protocol?.version);
    if (!protocol) {
      const message = `No protocol ${JSON.stringify(kase?.protocol?.id)} version ${JSON.stringify(kase?.protocol?.version)} in the registry; add the version the case was opened under.`;
      refused.push({ caseIndex, refusal: refusal('engine/unknown-protocol', message) });
      continue;
    }
    const c = compile(protocol);
    let opts = read.get(c);
    if (!opts) {
      try {
        read.set(c, (opts = readOptions(c, engineOptions)));
      } catch (error) {
        if (!(error instanceof OptionsError)) throw error;
        return { success: false, refusal: refusal('engine/invalid-options', optionsMessage(error)) };
      }
    }
    const { state, refusal: bad } = fold(c, kase, { cut: nowMs });
    if (bad || !state) {
      refused.push({ caseIndex, refusal: bad ?? beforeOpened(kase.events[0], nowMs) });
      continue;
    }
    const j = makeJudge(nowMs, opts);
    const rank = opts.calendar.tables.rank;
    const stage = state.visits.at(-1)!.stage.id;
    try {
      eachObligation(c, state, j, (o) => {
        if (o.state !== 'overdue' && o.state !== 'dueSoon' && o.state !== 'dueNow') return;
        const owner = c.ownerSummaries.get(o.obligation.owner)!;
        const due = o.due!;
        items.push({
          caseIndex,
          protocol: { id: c.protocol.id, version: c.protocol.version },
          stage,
          obligation: o.obligation.id,
          rule: o.rule,
          owner,
          agency: agencyOf(state, owner.side),
          state: o.state,
          due: showDue(opts.calendar, due),
          workingDaysLate: o.state === 'overdue' ? Math.max(0, j.todayRank - rank[due.day - FIRST_DAY]!) : null,
        });
      });
    } catch (error) {
      if (!(error instanceof TimeError)) throw error;
      refused.push({ caseIndex, refusal: refusal('engine/invalid-case', error.message) });
    }
  }
  return { success: true, items, refused };
}
