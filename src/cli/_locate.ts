// Adapter, until the library can do this itself. loadProtocol gives the findings of the schema and
// the semantic checks a line and column, but lintProtocol and runScenarios work on parsed values and
// cannot. So this reads the text once with the library's own JSONC reader (an internal export) and
// keeps the positions to place any later finding, doing exactly what loadProtocol does otherwise.
// Proposed for the library: export `locateIssues(text, issues)`, or let loadProtocol return a
// `locate` function beside the protocol; then delete this file.

import { loadProtocol, parseProtocol, type ProtocolIssue, type ProtocolResult } from '../index.js';
import { readJsonc } from '../protocol/jsonc.js';
import { locate } from '../protocol/parse.js';

/** A protocol loaded from text, and a function that gives other findings about it their positions. */
export interface Located {
  readonly result: ProtocolResult;
  readonly locate: (issues: readonly ProtocolIssue[]) => ProtocolIssue[];
}

/** As loadProtocol(text), reading the text once, plus `locate` for lint findings. */
export function loadLocated(text: string): Located {
  const read = readJsonc(text);
  // Not JSON: the library's own loader words and places the syntax error.
  if (!read.ok) return { result: loadProtocol(text), locate: (issues) => [...issues] };
  const place = (issues: readonly ProtocolIssue[]): ProtocolIssue[] => (issues.length ? locate(issues, read) : []);
  const result = parseProtocol(read.value);
  return { result: result.success ? result : { success: false, issues: place(result.issues) }, locate: place };
}

/** The findings with `line` and `column` where their path exists in `text`; unchanged otherwise. */
export function locateIn(text: string, issues: readonly ProtocolIssue[]): ProtocolIssue[] {
  if (issues.length === 0) return [];
  const read = readJsonc(text);
  return read.ok ? locate(issues, read) : [...issues];
}
