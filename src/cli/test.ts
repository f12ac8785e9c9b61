// `test`: runs the policy authors' scenario files (*.scenarios.json) against the protocols they name,
// and reports like a test runner. The last line is always "N passed, N failed" (scenarios), for CI.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runScenarios } from '../engine/scenarios.js';
import { type ProtocolIssue } from '../protocol/issues.js';
import { locateIssues } from '../protocol/parse.js';
import {
  Failure,
  HELP,
  MAX_SIZE_HELP,
  MAX_SIZE_OPTION,
  UsageError,
  collectFiles,
  dim,
  formatFinding,
  green,
  isScenarioFile,
  loadProtocolFile,
  maxSizeFrom,
  parseCommand,
  print,
  readText,
  red,
  toFinding,
  type Command,
} from './io.js';

const OPTIONS = { ...HELP, ...MAX_SIZE_OPTION } as const;

export const test: Command = {
  name: 'test',
  summary: 'run the scenario files (*.scenarios.json)',
  help: `Usage: escalation-protocols test [paths...]

Finds *.scenarios.json files in the given files and folders (default: protocols/), loads the protocol
each one names ("protocol": "<id>" -> <id>.json in the same folder), and runs its scenarios. Ends with
"N passed, N failed"; exit 1 when any scenario failed or could not run.

Options:
${MAX_SIZE_HELP}
  -h, --help            this help

Example:
  escalation-protocols test protocols/`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    const maxSize = maxSizeFrom(values['max-size']);
    const paths = positionals.length ? positionals : ['protocols/'];
    const { explicit, found } = collectFiles(paths, isScenarioFile);
    const other = explicit.find((file) => !isScenarioFile(file));
    if (other) throw new UsageError(`${other} is not a scenario file (*.scenarios.json); "validate" checks protocol files`);
    const files = [...new Set([...explicit, ...found])];
    let passed = 0;
    let failed = 0;
    for (const file of files) {
      const outcome = runFile(file, maxSize);
      passed += outcome.passed;
      failed += outcome.failed;
    }
    if (files.length === 0) process.stderr.write(`no scenario files (*.scenarios.json) in ${paths.join(', ')}\n`);
    print(`${passed} passed, ${failed} failed`);
    return failed > 0 || files.length === 0 ? 1 : 0;
  },
};

/** Runs one scenario file, printing as it goes; a file that cannot run counts its scenarios as failed. */
function runFile(file: string, maxSize: number): { passed: number; failed: number } {
  print(file);
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    if (error instanceof Failure) return broken(1, 'not UTF-8 text; save it as UTF-8');
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return broken(1, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const fields = (json !== null && typeof json === 'object' ? json : {}) as { scenarios?: unknown; protocol?: unknown };
  const count = Array.isArray(fields.scenarios) ? Math.max(fields.scenarios.length, 1) : 1;
  const id = fields.protocol;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id))
    return broken(count, '"protocol" must name the protocol\'s id, e.g. "protocol": "swindon"');
  const protocolFile = join(dirname(file), `${id}.json`);
  if (!existsSync(protocolFile)) return broken(count, `the protocol "${id}" it tests is not there (${protocolFile})`);
  const loaded = loadProtocolFile(protocolFile, maxSize);
  if (!loaded.success) return broken(count, `${protocolFile} is not a valid protocol`, loaded.issues, protocolFile);

  let run: ReturnType<typeof runScenarios>;
  try {
    run = runScenarios(loaded.protocol, json);
  } catch (error) {
    // A bug in the runner must not hide the other files' results.
    return broken(count, `the runner failed (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!run.success) return broken(count, 'not a valid scenario file', locateIssues(text, run.issues), file);
  let passed = 0;
  for (const result of run.results) {
    if (result.passed) {
      passed++;
      print(`  ${green('✓')} ${result.name} ${dim(`(${result.expectations} checks)`)}`);
      continue;
    }
    print(`  ${red('✗')} ${result.name}`);
    for (const f of result.failures) {
      print(`      at ${f.where}`);
      print(`        expected: ${JSON.stringify(f.expected)}`);
      print(`        actual:   ${JSON.stringify(f.actual)}`);
    }
  }
  return { passed, failed: run.results.length - passed };
}

function broken(count: number, why: string, issues: readonly ProtocolIssue[] = [], issuesFile = ''): { passed: number; failed: number } {
  print(`  ${red('✗')} could not run: ${why}`);
  for (const issue of issues.filter((i) => i.severity === 'error')) print(`      ${formatFinding(toFinding(issuesFile, issue))}`);
  return { passed: 0, failed: count };
}
