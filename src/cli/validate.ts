// `validate`: the command CI runs on every change to protocol files. Schema, semantic checks and lint
// for each file, reported with file, line and column in the format the pipeline reads.

import { basename } from 'node:path';
import { acceptFindings } from '../protocol/accept.js';
import { ISSUE_CODES, type ProtocolIssue } from '../protocol/issues.js';
import { lintProtocol } from '../protocol/lint.js';
import { type Protocol } from '../protocol/schema.js';
import { parseInstant, toLondonDate } from '../time/instant.js';
import {
  HELP,
  MAX_SIZE_HELP,
  MAX_SIZE_OPTION,
  UsageError,
  collectFiles,
  formatFinding,
  isProtocolFile,
  isScenarioFile,
  loadProtocolFile,
  maxSizeFrom,
  parseCommand,
  print,
  printJson,
  toFinding,
  type Command,
  type Finding,
} from './io.js';

const OPTIONS = {
  ...HELP,
  format: { type: 'string', default: 'text' },
  strict: { type: 'boolean', default: false },
  today: { type: 'string' },
  ...MAX_SIZE_OPTION,
} as const;

const FORMATS = ['text', 'json', 'github'] as const;

export const validate: Command = {
  name: 'validate',
  summary: 'check protocol files: schema, references, lint',
  help: `Usage: escalation-protocols validate [paths...] [options]

Checks protocol files (.json, .jsonc) and folders of them; *.scenarios.json files are skipped (see
"test"). Default path: protocols/ in the current folder. Exit 0 when valid, 1 when not, 2 on usage errors.

Options:
  --format F            text (default), json (an array of findings) or github (workflow annotations)
  --strict              fail on warnings too (findings the file's "accepted" list names do not fail)
  --today YYYY-MM-DD    the date for the review-date rule (default: today's date in London)
${MAX_SIZE_HELP}
  -h, --help            this help

Example:
  escalation-protocols validate protocols/ --format github --strict`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${values.format}"`, true);
    const today = values.today ?? toLondonDate(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !parseInstant(today).success)
      throw new UsageError(`--today must be a date YYYY-MM-DD, not "${today}"`);
    const maxSize = maxSizeFrom(values['max-size']);

    const paths = positionals.length ? positionals : ['protocols/'];
    const { explicit, found } = collectFiles(paths, isProtocolFile);
    for (const file of explicit.filter(isScenarioFile))
      process.stderr.write(`skipping ${file}: a scenario file (run "escalation-protocols test ${file}")\n`);
    const files = [...new Set([...explicit.filter((f) => !isScenarioFile(f)), ...found])];
    if (files.length === 0) throw new UsageError(`no protocol files (.json, .jsonc) in ${paths.join(', ')}`);

    const findings = files.flatMap((file) => check(file, today, maxSize));
    const count = (severity: Finding['severity']): number => findings.filter((f) => f.severity === severity && !f.accepted).length;
    const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
    const accepted = findings.filter((f) => f.accepted).length;
    const failed = errors > 0 || (values.strict && warnings > 0);

    if (format === 'json') printJson(findings);
    else {
      for (const f of findings) print(format === 'github' ? annotation(f) : formatFinding(f));
      const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
      const summary = `${plural(files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info${accepted ? `, ${accepted} accepted` : ''}`;
      print(`${summary}${failed ? (errors ? ' (invalid)' : ' (--strict: warnings fail)') : ''}`);
    }
    return failed ? 1 : 0;
  },
};

/** Every finding for one file: parse and check errors, or, for a sound protocol, its lint. */
function check(file: string, today: string, maxSize: number): Finding[] {
  const result = loadProtocolFile(file, maxSize, true);
  const issues = result.success
    ? result.place(acceptFindings(result.protocol, [...lintProtocol(result.protocol, { today }), ...fileName(file, result.protocol)]))
    : result.issues;
  // In file order, as editors and annotations read them (the library lists them by rule).
  const at = (f: Finding): number => (f.line ?? 0) * 1e6 + (f.column ?? 0);
  return issues.map((issue) => toFinding(file, issue)).sort((a, b) => at(a) - at(b));
}

/** The CLI and "test" find a protocol as `<id>.json`, so a file named otherwise is easy to lose. */
function fileName(file: string, protocol: Protocol): ProtocolIssue[] {
  const name = basename(file).replace(/\.jsonc?$/, '');
  if (name === protocol.id) return [];
  const code = 'file/name-differs-from-id';
  return [
    {
      code,
      severity: ISSUE_CODES[code].severity,
      path: ['id'],
      message: `The file is named "${basename(file)}" but its "id" is "${protocol.id}": rename the file to "${protocol.id}${/\.jsonc$/.test(file) ? '.jsonc' : '.json'}", or change "id" if the file name is right.`,
    },
  ];
}

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(f: Finding): string {
  const level = f.severity === 'error' ? 'error' : f.severity === 'warning' && !f.accepted ? 'warning' : 'notice';
  const where = [`file=${escapeProperty(f.file)}`, ...(f.line === null ? [] : [`line=${f.line}`, `col=${f.column}`])].join(',');
  return `::${level} ${where}::${escapeData(`${f.code} ${f.message}${f.accepted ? ` (accepted: ${f.accepted})` : ''}`)}`;
}
