// `schema`: the JSON Schema of protocol files, for editors and validators in other languages; with
// --for, one that also knows a file's role, stage and record ids, so an editor completes references.

import { toJSONSchema } from '../protocol/jsonSchema.js';
import { readJsonc } from '../protocol/jsonc.js';
import { Failure, HELP, display, expectPositionals, parseCommand, printJson, readText, type Command } from './io.js';

const OPTIONS = { ...HELP, for: { type: 'string' } } as const;

export const schema: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of protocol files (--for FILE: with its ids)',
  help: `Usage: escalation-protocols schema [--for FILE]

Prints the JSON Schema (draft 2020-12) of protocol files, with descriptions, examples and snippets
for editors. With --for, owners, stages, records and anchors are enums of that file's own ids, so
an editor completes and checks them; write it beside the file and point "$schema" at it. Other
semantic checks (reachability, anchor order) are not expressible in it; "validate" is the authority.

Options:
  --for FILE            a protocol file whose role, stage and record ids the schema should know
  -h, --help            this help

Example:
  escalation-protocols schema --for protocols/westshire.json > protocols/westshire.schema.json`,

  run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    expectPositionals(positionals, []);
    if (values.for === undefined) {
      printJson(toJSONSchema());
      return 0;
    }
    const read = readJsonc(readText(values.for));
    if (!read.ok)
      throw new Failure(
        `${display(values.for)} is not JSON: ${read.message}; fix it first (escalation-protocols validate ${display(values.for)})`,
      );
    printJson(toJSONSchema({ for: read.value }));
    return 0;
  },
};
