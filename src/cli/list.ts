// `list`: the protocols bundled with the package, read from <package root>/protocols/.

import { join } from 'node:path';
import { loadProtocol } from '../protocol/parse.js';
import {
  HELP,
  bundledDir,
  bundledIds,
  dim,
  expectPositionals,
  parseCommand,
  print,
  printJson,
  readText,
  red,
  table,
  type Command,
} from './io.js';

const OPTIONS = { ...HELP, json: { type: 'boolean', default: false } } as const;

interface Entry {
  readonly id: string;
  readonly title: string | null;
  readonly partnership: string | null;
  readonly version: string | null;
  readonly reviewBy: string | null;
  /** False when the file does not parse; the other fields are then null. */
  readonly valid: boolean;
}

export const list: Command = {
  name: 'list',
  summary: 'list the bundled protocols',
  help: `Usage: escalation-protocols list [--json]

Lists the protocols bundled with the package: id, title, partnership, version and review date.

Options:
  --json                print a JSON array
  -h, --help            this help

Example:
  escalation-protocols list`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    expectPositionals(positionals, []);
    const entries = bundledIds().map(read);
    if (values.json) {
      printJson(entries);
      return 0;
    }
    if (entries.length === 0) {
      print(`No bundled protocols in ${bundledDir()}.`);
      return 0;
    }
    const rows = entries.map((e) =>
      e.valid
        ? [e.id, e.version!, e.reviewBy ?? '-', `${e.title} ${dim(`(${e.partnership})`)}`]
        : [e.id, '-', '-', red(`invalid: run "escalation-protocols validate ${join(bundledDir(), `${e.id}.json`)}"`)],
    );
    for (const line of table([['ID', 'VERSION', 'REVIEW BY', 'TITLE (PARTNERSHIP)'], ...rows])) print(line);
    return 0;
  },
};

function read(id: string): Entry {
  const result = loadProtocol(readText(join(bundledDir(), `${id}.json`)));
  if (!result.success) return { id, title: null, partnership: null, version: null, reviewBy: null, valid: false };
  const p = result.protocol;
  return { id: p.id, title: p.title, partnership: p.partnership, version: p.version, reviewBy: p.reviewBy ?? null, valid: true };
}
