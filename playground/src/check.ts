// The findings for the editor's text, computed as `escalation-protocols validate` computes them for
// a file (src/cli/validate.ts), through the library's public API only, and worded as it prints them.

import { acceptFindings, lintProtocol, loadProtocol, locateIssues, type Protocol, type ProtocolIssue } from '../../src/index.js';

export interface Checked {
  /** The protocol when the file has no errors (warnings and infos do not stop the pictures). */
  readonly protocol: Protocol | null;
  /** In file order, as the CLI prints them. */
  readonly issues: readonly ProtocolIssue[];
}

/** Parse and check errors, or, for a sound protocol, its lint with the file's accepted findings marked. */
export function check(text: string, today: string): Checked {
  const result = loadProtocol(text);
  const issues = result.success
    ? locateIssues(text, acceptFindings(result.protocol, lintProtocol(result.protocol, { today })))
    : result.issues;
  const at = (i: ProtocolIssue): number => (i.line ?? 0) * 1e6 + (i.column ?? 0);
  return { protocol: result.success ? result.protocol : null, issues: [...issues].sort((a, b) => at(a) - at(b)) };
}

/** One finding in the CLI's words: `<file>:<line>:<column> <severity> <code> <message>`. */
export function findingLine(file: string, issue: ProtocolIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column}`;
  if (issue.accepted) return `${where} ${issue.severity}, accepted ${issue.code} ${issue.message} Accepted: ${issue.accepted}`;
  return `${where} ${issue.severity} ${issue.code} ${issue.message}`;
}

/** The CLI's last line: "1 file checked: 0 errors, 1 warning, 0 info, 1 accepted". */
export function summaryLine(issues: readonly ProtocolIssue[]): string {
  const count = (severity: ProtocolIssue['severity']): number => issues.filter((i) => i.severity === severity && !i.accepted).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  const accepted = issues.filter((i) => i.accepted).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `1 file checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info${accepted ? `, ${accepted} accepted` : ''}${errors ? ' (invalid)' : ''}`;
}
