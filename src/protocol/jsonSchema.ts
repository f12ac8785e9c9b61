import * as z from 'zod';
import { addEditorHelp, addReferences } from './_editor.js';
import { schemas } from './schema.js';

/** Options for {@link toJSONSchema}. */
export interface JSONSchemaOptions {
  /**
   * A protocol file's contents (parsed JSON, valid or not): the schema then also knows its role,
   * stage and record ids, as enums at every reference, so an editor completes and checks them.
   */
  readonly for?: unknown;
}

/**
 * The JSON Schema (draft 2020-12) of a protocol file, generated from the same zod schemas the parser
 * uses, for editor autocompletion and for validators in other languages. The package ships it as
 * `escalation-protocols/schema.json`; a protocol file can start with `"$schema": "<path to it>"`.
 * Every property has a `description` and a `markdownDescription` (VS Code's hover), timescales and
 * anchors have `examples`, stages, obligations, records and bypass rules have `defaultSnippets`, and
 * patterns have a `patternErrorMessage` in plain words. With `for`, references are enums of that
 * file's ids. Reachability and the timescale grammar's finer points are not expressible in JSON
 * Schema; {@link parseProtocol} is the authority.
 *
 * @param options - `for`: a protocol file's contents, to narrow references to its ids
 * @returns a JSON Schema object
 * @example
 * ```ts
 * writeFileSync('schema.json', JSON.stringify(toJSONSchema(), null, 2));
 * ```
 */
export function toJSONSchema(options: JSONSchemaOptions = {}): Record<string, unknown> {
  const schema = z.toJSONSchema(schemas().ProtocolSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  addEditorHelp(schema);
  if ('for' in options) addReferences(schema, options.for);
  return {
    $schema: schema.$schema,
    $id: 'https://unpkg.com/escalation-protocols/schema.json',
    title: 'Escalation protocol',
    description: "A UK safeguarding partnership's procedure for resolving professional disagreements, as data (escalation-protocols).",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
