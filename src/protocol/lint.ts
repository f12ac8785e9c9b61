import { describe as show, readDate } from '../time/_days.js';
import { toDuration } from '../time/duration.js';
import type { Timescale } from '../time/timescale.js';
import { quotedQuantities } from './_quoteNumbers.js';
import { allObligations, allowsNext, timescaleLeaves } from './check.js';
import { issue, severityOf, type IssueCode, type ProtocolIssue, type Severity } from './issues.js';
import type { Protocol } from './schema.js';
import { durationInWords } from './words.js';

/** The lint rules' codes. */
export type LintRule = Extract<IssueCode, `lint/${string}`>;

/** Options for {@link lintProtocol}. */
export interface LintOptions {
  /** `YYYY-MM-DD`: the date to compare the review date with. Without it, that rule does not run (the core never reads the clock). */
  readonly today?: string;
  /** Per-rule severity, or `off`. Defaults are in {@link ISSUE_CODES}. */
  readonly rules?: Partial<Record<LintRule, Severity | 'off'>>;
}

// "days" that is not "working days": the document's own ambiguity (Oxfordshire step 3, "within 5 days").
const BARE_DAYS = /\b(?<!working\s)days?\b/i;
const WORKING = /working/i;
const DAYS_LEAF = /^\d+(wd|d)$/;

/**
 * Lints a parsed protocol for what is legal but worth a policy author's attention: a passed review
 * date, "days" without "working" in a cited timescale, a cited quote whose number of days, hours,
 * weeks or months the timescale does not encode, stages with no numeric timescale, limits that
 * add up past a declared ceiling, elements without a citation, and skips over a stage.
 *
 * @param protocol - a protocol from {@link parseProtocol}
 * @param options - `today` for the review-date rule; per-rule severities
 * @returns findings, each with the rule's code and severity
 * @example
 * ```ts
 * lintProtocol(protocol, { today: '2026-11-22', rules: { 'lint/missing-citation': 'error' } });
 * ```
 */
export function lintProtocol(protocol: Protocol, options: LintOptions = {}): ProtocolIssue[] {
  const out: ProtocolIssue[] = [];
  const report = (code: LintRule, path: (string | number)[], message: string): void => {
    const severity = options.rules?.[code] ?? severityOf(code);
    if (severity !== 'off') out.push(issue(code, path, message, severity));
  };

  if (options.today !== undefined && protocol.reviewBy !== undefined) {
    if (Number.isNaN(readDate(options.today)))
      throw new TypeError(`lintProtocol: "today" must be "YYYY-MM-DD", got ${show(options.today)}`);
    if (protocol.reviewBy < options.today) {
      report(
        'lint/review-date-passed',
        ['reviewBy'],
        `The review date ${protocol.reviewBy} has passed (today is ${options.today}); check the partnership's current document, then update "version", "effectiveFrom" and "reviewBy".`,
      );
    }
  }

  // Each obligation's document leaves, found once: the rules below and the stage rule all ask.
  const leavesOf = new Map<object, Leaf[]>();
  const leaves = (o: { due: unknown }): Leaf[] => {
    let found = leavesOf.get(o);
    if (!found) leavesOf.set(o, (found = documentLeaves(o.due as Timescale)));
    return found;
  };
  for (const { obligation, path, stageIndex } of allObligations(protocol)) {
    // A bypass rule's own citation is checked once, with the bypass rules below.
    if (!obligation.source && stageIndex !== undefined)
      report(
        'lint/missing-citation',
        [...path, 'source'],
        `"${obligation.id}" has no citation; add "source": { "quote": "..." } with the sentence it encodes.`,
      );
    const quote = [obligation.source?.quote, ...citationsIn(obligation.due as Timescale)].filter(Boolean).join(' ');
    const own = leaves(obligation);
    const usesDays = own.some((leaf) => DAYS_LEAF.test(leaf.within));
    if (usesDays && BARE_DAYS.test(quote) && !WORKING.test(quote)) {
      report(
        'lint/ambiguous-days',
        [...path, 'due'],
        `The cited words ("${sentenceAround(quote, BARE_DAYS)}") say "days" without "working"; the file encodes ${own
          .map((l) => l.within)
          .join(', ')}. Confirm with the partnership which they mean; until then this stays flagged.`,
      );
    }
    const disagrees = quoteDisagrees(quote, own);
    if (disagrees)
      report(
        'lint/quote-disagrees',
        [...path, 'due'],
        `The cited words say ${disagrees.said}, but the timescale says ${disagrees.encoded}. Change the timescale to what the document says, or cite the sentence the timescale comes from.`,
      );
  }

  protocol.stages.forEach((stage, s) => {
    if (!stage.source)
      report('lint/missing-citation', ['stages', s, 'source'], `Stage "${stage.id}" has no citation; add "source": { "quote": "..." }.`);
    stage.skips.forEach((skip, k) => {
      if (!skip.source)
        report(
          'lint/missing-citation',
          ['stages', s, 'skips', k, 'source'],
          `The skip from "${stage.id}" to "${skip.to}" has no citation; quote the sentence that allows it.`,
        );
      const target = protocol.stages.findIndex((t) => t.id === skip.to);
      if (target > s + 1) {
        const over = protocol.stages.slice(s + 1, target).map((t) => t.id);
        report(
          'lint/skip-over-stage',
          ['stages', s, 'skips', k],
          `The skip from "${stage.id}" to "${skip.to}" jumps over ${over.join(', ')}. It is allowed because the document says so; check that it means it.`,
        );
      }
    });
    const obligations = [...stage.obligations, ...stage.variants.flatMap((v) => v.obligations ?? [])];
    const numeric = obligations.some((o) => leaves(o).length > 0);
    if (!numeric)
      report(
        'lint/no-numeric-timescale',
        ['stages', s],
        `Stage "${stage.id}" has no numeric timescale${obligations.length ? ' (only words)' : ''}. If the document gives none, leave it so; do not invent one.`,
      );
  });
  protocol.records.forEach((record, r) => {
    if (!record.source)
      report(
        'lint/missing-citation',
        ['records', r, 'source'],
        `Record "${record.id}" has no citation; quote where the document requires it.`,
      );
  });
  protocol.bypass.forEach((rule, b) => {
    if (!rule.source)
      report(
        'lint/missing-citation',
        ['bypass', b, 'source'],
        `Bypass rule "${rule.id}" has no citation; quote the document's words on immediate risk.`,
      );
  });

  const ceiling = protocol.ceiling && workingDayAmount(protocol.ceiling as Timescale);
  if (ceiling !== undefined) {
    let total = 0;
    for (let s = 0; s < protocol.stages.length; s++) {
      const limits = protocol.stages[s]!.obligations.map((o) => workingDayAmount(o.due as Timescale)).filter(
        (n): n is number => n !== undefined,
      );
      total += limits.length ? Math.max(...limits) : 0;
      if (!allowsNext(protocol, s)) break;
    }
    if (total > ceiling)
      report(
        'lint/exceeds-ceiling',
        ['ceiling'],
        `Run end to end, the stage limits add up to ${total} working days, more than the declared ceiling of ${ceiling}; the ceiling will cut the later stages short.`,
      );
  }
  return out;
}

/** What a quote states that no part of the timescale encodes, when there is such a number. */
function quoteDisagrees(quote: string, own: readonly Leaf[]): { said: string; encoded: string } | undefined {
  const stated = quotedQuantities(quote);
  if (stated.length === 0) return undefined;
  const leaves = own.map((l) => ({ within: l.within, d: toDuration(l.within) }));
  const missing = stated.filter((q) => !leaves.some(({ d }) => 'amount' in d && d.amount === q.amount && q.units.includes(d.unit)));
  if (missing.length === 0) return undefined;
  const words = [...new Set(missing.map((q) => `"${q.text}"`))].join(' and ');
  const encoded = leaves.length ? leaves.map((l) => `${durationInWords(l.within)} ("${l.within}")`).join(', ') : 'no number';
  return { said: words, encoded };
}

/** The sentence of `text` around the first match of `pattern`, found with index arithmetic (linear time). */
function sentenceAround(text: string, pattern: RegExp): string {
  const at = text.search(pattern);
  if (at < 0) return text.slice(0, 80);
  const start = text.lastIndexOf('.', at) + 1;
  const end = text.indexOf('.', at);
  return text
    .slice(start, end < 0 ? undefined : end)
    .trim()
    .slice(0, 200);
}

type Leaf = ReturnType<typeof timescaleLeaves> extends Generator<infer L> ? L : never;

/** The document's own numbers: every leaf but a partnership's working assumption (#12 part B). */
const documentLeaves = (t: Timescale): Leaf[] => [...timescaleLeaves(t, [])].filter((leaf) => !leaf.assumed);

function citationsIn(timescale: Timescale & { source?: { quote: string } }): string[] {
  const own = timescale.source?.quote ? [timescale.source.quote] : [];
  if ('earliestOf' in timescale) return [...own, ...timescale.earliestOf.flatMap(citationsIn)];
  if ('target' in timescale) return [...own, ...citationsIn(timescale.target), ...(timescale.limit ? citationsIn(timescale.limit) : [])];
  return own;
}

/** The working-day amount of a plain or limit timescale, when it is one. */
function workingDayAmount(timescale: Timescale): number | undefined {
  if ('target' in timescale) return timescale.limit && workingDayAmount(timescale.limit);
  if (!('within' in timescale)) return undefined;
  const duration = toDuration(timescale.within);
  return duration.unit === 'workingDays' ? duration.amount : undefined;
}
