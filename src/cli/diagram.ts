// `diagram`: a Mermaid flowchart of a protocol, for comparing with the published document.

import { renderMermaid } from '../render/mermaid.js';
import { HELP, expectPositionals, openProtocol, parseCommand, type Command } from './io.js';

const OPTIONS = { ...HELP } as const;

export const diagram: Command = {
  name: 'diagram',
  summary: 'print a Mermaid flowchart of a protocol',
  help: `Usage: escalation-protocols diagram <id|file>

Prints a Mermaid flowchart: stages with owners and limits, escalation, skips (dashed), where a
case may be resolved, and the bypass rules for immediate risk.

Options:
  -h, --help            this help

Example:
  escalation-protocols diagram swindon > swindon.mmd`,

  run(argv) {
    const { positionals } = parseCommand(argv, OPTIONS);
    const [arg] = expectPositionals(positionals, ['id|file']);
    process.stdout.write(renderMermaid(openProtocol(arg!).protocol));
    return 0;
  },
};
