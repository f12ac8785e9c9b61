// `diff`: what changed between two versions of a protocol, for the partnership's approval paper.

import { diffProtocols } from '../protocol/diff.js';
import { renderDiff } from '../render/diff.js';
import { HELP, UsageError, expectPositionals, openProtocol, parseCommand, printJson, type Command } from './io.js';

const OPTIONS = { ...HELP, format: { type: 'string', default: 'markdown' } } as const;
const FORMATS = ['markdown', 'json'] as const;

export const diff: Command = {
  name: 'diff',
  summary: 'what changed between two versions of a protocol, in words',
  help: `Usage: escalation-protocols diff <old> <new> [options]

Lists what changed from <old> to <new> (each a protocol file or a bundled id): identity and dates,
scope, roles, stages (owners, timescales, records, skips, variants), records, bypass rules and
citations. Elements are matched by id. Exit 0 whether or not anything changed.

Options:
  --format F            markdown (default, for an approval paper) or json (an array of changes)
  -h, --help            this help

Example:
  escalation-protocols diff croydon drafts/croydon.json > changes.md`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(' or ')}, not "${values.format}"`, true);
    const [oldArg, newArg] = expectPositionals(positionals, ['old', 'new']);
    const before = openProtocol(oldArg!).protocol;
    const after = openProtocol(newArg!).protocol;
    if (format === 'json') printJson(diffProtocols(before, after));
    else process.stdout.write(renderDiff(before, after));
    return 0;
  },
};
