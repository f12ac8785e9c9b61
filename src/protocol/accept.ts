import { didYouMean, isIssueCode, issue, issueCodes, type ProtocolIssue } from './issues.js';
import type { Protocol } from './schema.js';

/** Options for {@link acceptFindings}. */
export interface AcceptOptions {
  /**
   * Codes whose rules did not run (switched off, or `lint/review-date-passed` without `today`): an
   * acceptance of one of them is not reported as matching nothing.
   */
  readonly notRun?: readonly string[];
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean =>
  a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * Applies a protocol file's `accepted` list to its findings: a finding whose code and path an entry
 * names carries that entry's reason as `accepted` (it still shows, as accepted, and `validate --strict`
 * passes it); an entry that matches no finding is itself a `lint/unmatched-acceptance` warning, so a
 * stale acceptance does not hide the next finding at that place. Errors cannot be accepted.
 *
 * @param protocol - the parsed protocol the findings are about
 * @param findings - its findings, e.g. from {@link lintProtocol}
 * @param options - `notRun`: codes whose rules did not run in this pass
 * @returns the findings, accepted ones marked, then one warning per unmatched acceptance
 * @example
 * ```ts
 * const findings = acceptFindings(protocol, lintProtocol(protocol, { today }));
 * const failing = findings.filter((f) => f.severity !== 'info' && !f.accepted);
 * ```
 */
export function acceptFindings(protocol: Protocol, findings: readonly ProtocolIssue[], options: AcceptOptions = {}): ProtocolIssue[] {
  const entries = protocol.accepted ?? [];
  const used = new Set<number>();
  const out = findings.map((finding) => {
    if (finding.severity === 'error') return finding;
    const at = entries.findIndex((a) => a.code === finding.code && samePath(a.path, finding.path));
    if (at < 0) return finding;
    used.add(at);
    return { ...finding, accepted: entries[at]!.reason };
  });
  entries.forEach((entry, i) => {
    if (used.has(i) || options.notRun?.includes(entry.code)) return;
    const known = isIssueCode(entry.code);
    const where = entry.path.length ? entry.path.join('/') : 'the top level';
    out.push(
      issue(
        'lint/unmatched-acceptance',
        ['accepted', i],
        known
          ? `Nothing to accept: no "${entry.code}" finding at ${where}. If it was fixed, remove this entry; if it moved, copy its "path" from "validate --format json".`
          : `"${entry.code}" is not a finding code.${didYouMean(entry.code, issueCodes())} Accept a code from ISSUE_CODES, as "validate" prints it.`,
      ),
    );
  });
  return out;
}
