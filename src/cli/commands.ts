// The commands by name, each loaded only when it runs (#15): `validate` in CI then never compiles the
// renderers, the report or the bundled protocols. The help's one-line summaries are kept here for
// that reason; test/cli/commands.test.ts checks that they are each command's own.

import type { Command } from './io.js';

/** A command's name and summary, and how to load the rest of it. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'check protocol files: schema, references, lint',
    load: async () => (await import('./validate.js')).validate,
  },
  { name: 'test', summary: 'run the scenario files (*.scenarios.json)', load: async () => (await import('./test.js')).test },
  { name: 'list', summary: 'list the bundled protocols', load: async () => (await import('./list.js')).list },
  { name: 'plan', summary: 'project the timeline of a protocol from a date', load: async () => (await import('./plan.js')).plan },
  {
    name: 'timeline',
    summary: 'print the plan of a protocol as a Mermaid Gantt chart',
    load: async () => (await import('./timeline.js')).timeline,
  },
  {
    name: 'status',
    summary: "show a case's stage, deadlines, missing records and allowed moves",
    load: async () => (await import('./status.js')).status,
  },
  { name: 'due', summary: 'compute one due date: a duration from an instant', load: async () => (await import('./due.js')).due },
  { name: 'diagram', summary: 'print a Mermaid flowchart of a protocol', load: async () => (await import('./diagram.js')).diagram },
  {
    name: 'diff',
    summary: 'what changed between two versions of a protocol, in words',
    load: async () => (await import('./diff.js')).diff,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of protocol files (--for FILE: with its ids)',
    load: async () => (await import('./schema.js')).schema,
  },
  {
    name: 'report',
    summary: 'monitoring figures (or the agency log) over exported cases',
    load: async () => (await import('./report.js')).report,
  },
  {
    name: 'migrate',
    summary: 'rewrite protocol and scenario files from 0.1 so this version reads them the same way',
    load: async () => (await import('./migrate.js')).migrate,
  },
];
