import type { Issue } from '../time/timeError.js';

/** How much a finding matters: an error makes a protocol unusable; warnings and info do not. */
export type Severity = 'error' | 'warning' | 'info';

/** A finding about a protocol file: an {@link Issue} with a severity and, from a text loader, a position. */
export interface ProtocolIssue extends Issue {
  readonly severity: Severity;
  /** 1-based line in the file, when the protocol was loaded from text. */
  readonly line?: number;
  /** 1-based column in the file, when the protocol was loaded from text. */
  readonly column?: number;
  /** The reason, when the protocol file accepts this finding (see {@link acceptFindings}). */
  readonly accepted?: string;
}

/**
 * Every code a protocol finding can carry, with its default severity and meaning. Codes are stable:
 * they are never renamed or reused, so CI rules and integrators can branch on them.
 */
export const ISSUE_CODES = {
  'json/syntax': { severity: 'error', meaning: 'The file is not JSON (comments and trailing commas are accepted).' },
  'json/too-deep': { severity: 'error', meaning: 'The input nests deeper than any protocol needs (64 levels).' },
  'json/too-large': {
    severity: 'error',
    meaning: 'The file is larger than the size cap (1 MiB by default; `maxSize`, or `--max-size` on the command line, raises it).',
  },
  'json/invalid-utf8': { severity: 'error', meaning: 'The file is not valid UTF-8 text: a byte sequence that is no character.' },
  'json/duplicate-key': {
    severity: 'error',
    meaning: 'A key written twice in one object; the message gives the line and column of both. Keep one.',
  },
  'schema/unknown-key': {
    severity: 'error',
    meaning: 'A key the format does not have, usually a typo; the message suggests the closest known key.',
  },
  'schema/missing-key': { severity: 'error', meaning: 'A required key is absent.' },
  'schema/invalid-type': { severity: 'error', meaning: 'A value of the wrong type, e.g. a number where text is expected.' },
  'schema/invalid-value': { severity: 'error', meaning: 'A value outside the allowed set, e.g. an unknown subject or record kind.' },
  'schema/invalid-format': { severity: 'error', meaning: 'Text in the wrong form: an id, a date or an anchor.' },
  'schema/invalid-duration': { severity: 'error', meaning: 'A duration without an accepted unit, e.g. "5 days" instead of "5wd" or "5d".' },
  'schema/invalid-timescale': { severity: 'error', meaning: 'A timescale that is none of within / earliestOf / target+limit / none.' },
  'schema/too-small': { severity: 'error', meaning: 'An empty list or text where at least one item is required.' },
  'schema/too-big': { severity: 'error', meaning: 'A number above its maximum.' },
  'check/duplicate-id': { severity: 'error', meaning: 'Two elements of the same kind share an id.' },
  'check/unknown-role': { severity: 'error', meaning: 'An owner or actor that is not declared in "roles".' },
  'check/unknown-stage': { severity: 'error', meaning: 'A skip, bypass or anchor names a stage that does not exist.' },
  'check/unknown-record': { severity: 'error', meaning: 'A requirement, obligation or anchor names a record not declared in "records".' },
  'check/anchor-order': {
    severity: 'error',
    meaning: 'A timescale is measured from something that cannot have happened yet when it applies.',
  },
  'check/skip-backwards': { severity: 'error', meaning: 'A skip goes to the same or an earlier stage.' },
  'check/unreachable-stage': { severity: 'error', meaning: 'No escalation, skip, entry or bypass leads to the stage.' },
  'check/no-finish': { severity: 'error', meaning: 'No stage allows the case to be resolved.' },
  'check/no-next-stage': { severity: 'error', meaning: '"next" is true on the last stage.' },
  'check/no-owner': { severity: 'error', meaning: 'A stage has no owner for a subject the protocol covers.' },
  'check/variant-subject': {
    severity: 'error',
    meaning: 'A variant names a subject outside the scope, or two variants of a stage share a subject.',
  },
  'check/review-before-effective': { severity: 'error', meaning: '"reviewBy" is earlier than "effectiveFrom".' },
  'check/forbidden-field': {
    severity: 'error',
    meaning: 'A record that must hold no details of any child or family has a field for them.',
  },
  'check/owner-or-owners': {
    severity: 'error',
    meaning: 'An obligation or arising duty with both "owner" and "owners" (give one).',
  },
  'check/unknown-fact': {
    severity: 'error',
    meaning: 'A condition names a fact not declared in "facts", or a value the fact does not list.',
  },
  'check/unknown-rule': { severity: 'error', meaning: 'A condition or arising duty names a bypass rule that does not exist.' },
  'check/impossible-condition': {
    severity: 'error',
    meaning:
      'A condition or arising duty that can never hold: a resolution where "canResolve" is false, an escalation into the first stage, a skip on a later stage being used.',
  },
  'check/path-order': {
    severity: 'error',
    meaning: 'A stage\'s "onlyAfter" names itself or a later stage, or the stage is an entry stage, so the condition can never be met.',
  },
  'check/repeat-every': {
    severity: 'error',
    meaning: 'A repeating duty\'s "every" is not a positive amount (e.g. "immediately" or "0d").',
  },
  'lint/review-date-passed': { severity: 'warning', meaning: 'The review date is before "today"; the document may have been revised.' },
  'lint/ambiguous-days': { severity: 'warning', meaning: 'A timescale whose cited words say "days" without "working".' },
  'lint/quote-disagrees': {
    severity: 'warning',
    meaning:
      'A cited quote states a number of days, hours, weeks or months ("within five working days", "48 hours") that the timescale does not encode.',
  },
  'lint/no-numeric-timescale': { severity: 'info', meaning: 'A stage whose document gives no numeric timescale.' },
  'lint/exceeds-ceiling': { severity: 'warning', meaning: 'Stage limits, run end to end, add up to more than the declared ceiling.' },
  'lint/missing-citation': { severity: 'warning', meaning: 'A stage, obligation, record, skip or bypass rule without a source quote.' },
  'lint/skip-over-stage': {
    severity: 'warning',
    meaning: 'A skip the document allows jumps over one or more stages (flagged, not forbidden).',
  },
  'lint/unmatched-acceptance': {
    severity: 'warning',
    meaning: 'An entry of "accepted" matches no finding: the finding was fixed or moved; remove or update the entry.',
  },
  'file/name-differs-from-id': {
    severity: 'warning',
    meaning: 'A protocol file whose name is not "<id>.json": "test" and the CLI find a protocol by its file name.',
  },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

/** One of {@link ISSUE_CODES}. */
export type IssueCode = keyof typeof ISSUE_CODES;

// Each code's default severity again, on its own: parsing and linting read only this, so a page's
// bundler drops ISSUE_CODES and its meanings (over a kilobyte gzipped) unless the page imports it
// (#15: the core's browser bundle has a 100 KB ceiling). The compiler checks that the two agree.
const SEVERITIES = {
  'json/syntax': 'error',
  'json/too-deep': 'error',
  'json/too-large': 'error',
  'json/invalid-utf8': 'error',
  'json/duplicate-key': 'error',
  'schema/unknown-key': 'error',
  'schema/missing-key': 'error',
  'schema/invalid-type': 'error',
  'schema/invalid-value': 'error',
  'schema/invalid-format': 'error',
  'schema/invalid-duration': 'error',
  'schema/invalid-timescale': 'error',
  'schema/too-small': 'error',
  'schema/too-big': 'error',
  'check/duplicate-id': 'error',
  'check/unknown-role': 'error',
  'check/unknown-stage': 'error',
  'check/unknown-record': 'error',
  'check/anchor-order': 'error',
  'check/skip-backwards': 'error',
  'check/unreachable-stage': 'error',
  'check/no-finish': 'error',
  'check/no-next-stage': 'error',
  'check/no-owner': 'error',
  'check/variant-subject': 'error',
  'check/review-before-effective': 'error',
  'check/forbidden-field': 'error',
  'check/owner-or-owners': 'error',
  'check/unknown-fact': 'error',
  'check/unknown-rule': 'error',
  'check/impossible-condition': 'error',
  'check/path-order': 'error',
  'check/repeat-every': 'error',
  'lint/review-date-passed': 'warning',
  'lint/ambiguous-days': 'warning',
  'lint/quote-disagrees': 'warning',
  'lint/no-numeric-timescale': 'info',
  'lint/exceeds-ceiling': 'warning',
  'lint/missing-citation': 'warning',
  'lint/skip-over-stage': 'warning',
  'lint/unmatched-acceptance': 'warning',
  'file/name-differs-from-id': 'warning',
} as const satisfies { readonly [K in IssueCode]: (typeof ISSUE_CODES)[K]['severity'] };

/** @internal Whether `code` is a finding code (one of {@link ISSUE_CODES}'). */
export const isIssueCode = (code: string): code is IssueCode => code in SEVERITIES;

/** @internal Every finding code, in {@link ISSUE_CODES}' order. */
export const issueCodes = (): string[] => Object.keys(SEVERITIES);

/** @internal A finding code's default severity. */
export const severityOf = (code: IssueCode): Severity => SEVERITIES[code];

/** @internal */
export function issue(
  code: IssueCode,
  path: readonly (string | number)[],
  message: string,
  severity: Severity = SEVERITIES[code],
): ProtocolIssue {
  return { code, severity, path, message };
}

/** @internal Levenshtein distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** @internal The closest candidate to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // Typos are short; comparing long strings would make a hostile file quadratic to check.
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > 64 || Math.abs(candidate.length - word.length) > Math.max(2, Math.floor(candidate.length / 3))) continue;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** @internal A "did you mean" clause, or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closest(word, candidates);
  return match ? ` Did you mean "${match}"?` : '';
}
