// `migrate`: rewrites files that 0.1 read into files this version reads the same way (the repeated
// keys, raw control characters and invalid UTF-8 that 0.1 let through), in place.

import { writeFileSync } from 'node:fs';
import { migrateProtocolText } from '../protocol/migrate.js';
import { Failure } from './_errors.js';
import { HELP, collectFiles, display, parseCommand, print, readBytes, UsageError, type Command } from './io.js';

const OPTIONS = { ...HELP, check: { type: 'boolean' } } as const;

export const migrate: Command = {
  name: 'migrate',
  summary: 'rewrite protocol and scenario files from 0.1 so this version reads them the same way',
  help: `Usage: escalation-protocols migrate <file|folder>... [--check]

Rewrites, in place, what 0.1 accepted and this version refuses, keeping the meaning 0.1 gave it:
  - a key written twice in one object: the earlier one is removed (0.1 used the last);
  - a raw control character (a tab, say) inside a string: written as its escape (\\t);
  - bytes that are not UTF-8: replaced by U+FFFD, as 0.1 read them (retype those characters).
Comments, layout and key order are kept. Files that need nothing are left alone. Folders are
searched for .json and .jsonc files, scenario files included.

Options:
  --check               change nothing; exit 1 if any file needs migrating (for CI)
  -h, --help            this help

Exit codes: 0 nothing left to migrate (or all migrated), 1 a file needs migrating (--check) or cannot
be read as JSON, 2 a usage error.

Example:
  escalation-protocols migrate protocols/`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    if (positionals.length === 0) throw new UsageError('give the files or folders to migrate', true);
    const { explicit, found } = collectFiles(positionals, (file) => /\.jsonc?$/.test(file));
    const files = [...new Set([...explicit, ...found])];
    let needed = 0;
    let broken = 0;
    for (const file of files) {
      const { bytes } = readBytes(file);
      const result = migrateProtocolText(bytes ?? new Uint8Array());
      if (!result.success) {
        broken++;
        for (const i of result.issues) print(`${display(file)}${i.line ? `:${i.line}:${i.column}` : ''}: ${i.message}`);
        continue;
      }
      if (result.changes.length === 0) continue;
      needed++;
      for (const c of result.changes) print(`${display(file)}:${c.line}:${c.column}: ${c.message}`);
      if (!values.check) writeFileSync(file, result.text);
    }
    const verb = values.check ? 'need migrating' : 'migrated';
    print(`${files.length} file${files.length === 1 ? '' : 's'}: ${needed} ${verb}${broken ? `, ${broken} not JSON` : ''}`);
    if (broken) throw new Failure(`${broken} file${broken === 1 ? ' is' : 's are'} not JSON even after migration`);
    return values.check && needed > 0 ? 1 : 0;
  },
};
