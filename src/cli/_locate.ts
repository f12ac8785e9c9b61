// A protocol loaded from text together with a way to place later findings (lint, scenarios) in the
// same text: the CLI reports every finding as file:line:col.

import { loadProtocol, locateIssues, type ProtocolIssue, type ProtocolResult } from '../index.js';

/** A protocol loaded from text, and a function that gives other findings about it their positions. */
export interface Located {
  readonly result: ProtocolResult;
  readonly locate: (issues: readonly ProtocolIssue[]) => ProtocolIssue[];
}

/** As loadProtocol(text), plus `locate` for lint findings. */
export function loadLocated(text: string): Located {
  return { result: loadProtocol(text), locate: (issues) => locateIssues(text, issues) };
}

/** The findings with `line` and `column` where their path exists in `text`; unchanged otherwise. */
export function locateIn(text: string, issues: readonly ProtocolIssue[]): ProtocolIssue[] {
  return locateIssues(text, issues);
}
