// Runs a scenario file against the editor's protocol and lists the outcome as
// `escalation-protocols test` prints it (src/cli/test.ts): ✓/✗ per scenario, the failures' where,
// expected and actual, and the last line "N passed, N failed".

import { locateIssues, runScenarios, type Protocol } from '../../src/index.js';
import { findingLine } from './check.js';

export interface ScenarioLine {
  readonly text: string;
  readonly kind: 'pass' | 'fail' | 'plain';
}

export interface ScenarioOutcome {
  readonly lines: readonly ScenarioLine[];
  readonly passed: number;
  readonly failed: number;
}

const plain = (text: string): ScenarioLine => ({ text, kind: 'plain' });

export function runScenarioText(file: string, text: string, protocol: Protocol | null): ScenarioOutcome {
  const lines: ScenarioLine[] = [plain(file)];
  const broken = (count: number, why: string, more: string[] = []): ScenarioOutcome => {
    lines.push(
      { text: `  ✗ could not run: ${why}`, kind: 'fail' },
      ...more.map((m) => plain(`      ${m}`)),
      plain(`0 passed, ${count} failed`),
    );
    return { lines, passed: 0, failed: count };
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return broken(1, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const fields = (json !== null && typeof json === 'object' ? json : {}) as { scenarios?: unknown };
  const count = Array.isArray(fields.scenarios) ? Math.max(fields.scenarios.length, 1) : 1;
  if (protocol === null) return broken(count, 'the protocol in the editor is not valid (see its findings)');
  const run = runScenarios(protocol, json);
  if (!run.success)
    return broken(
      count,
      'not a valid scenario file',
      locateIssues(text, run.issues)
        .filter((i) => i.severity === 'error')
        .map((i) => findingLine(file, i)),
    );
  let passed = 0;
  for (const result of run.results) {
    if (result.passed) {
      passed++;
      lines.push({ text: `  ✓ ${result.name} (${result.expectations} checks)`, kind: 'pass' });
      continue;
    }
    lines.push({ text: `  ✗ ${result.name}`, kind: 'fail' });
    for (const f of result.failures)
      lines.push(
        plain(`      at ${f.where}`),
        plain(`        expected: ${JSON.stringify(f.expected)}`),
        plain(`        actual:   ${JSON.stringify(f.actual)}`),
      );
  }
  const failed = run.results.length - passed;
  lines.push(plain(`${passed} passed, ${failed} failed`));
  return { lines, passed, failed };
}
