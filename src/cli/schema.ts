// `schema`: the JSON Schema of protocol files, for editors and validators in other languages.

import { toJSONSchema } from '../index.js';
import { HELP, expectPositionals, parseCommand, printJson, type Command } from './io.js';

const OPTIONS = { ...HELP } as const;

export const schema: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of protocol files',
  help: `Usage: escalation-protocols schema

Prints the JSON Schema (draft 2020-12) of protocol files. Semantic checks (references, reachability)
are not expressible in it; "validate" is the authority.

Options:
  -h, --help            this help

Example:
  escalation-protocols schema > protocol.schema.json`,

  run(argv) {
    const { positionals } = parseCommand(argv, OPTIONS);
    expectPositionals(positionals, []);
    printJson(toJSONSchema());
    return 0;
  },
};
