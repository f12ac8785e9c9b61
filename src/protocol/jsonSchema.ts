import * as z from 'zod';
import { ProtocolSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of a protocol file, generated from the same zod schemas the parser
 * uses, for editor autocompletion and for validators in other languages. The package ships it as
 * `escalation-protocols/schema.json`; a protocol file can start with `"$schema": "<path to it>"`.
 * Semantic checks (references, reachability) and the timescale grammar's finer points are not
 * expressible in JSON Schema; {@link parseProtocol} is the authority.
 *
 * @returns a JSON Schema object
 * @example
 * ```ts
 * writeFileSync('schema.json', JSON.stringify(toJSONSchema(), null, 2));
 * ```
 */
export function toJSONSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProtocolSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: 'https://unpkg.com/escalation-protocols/schema.json',
    title: 'Escalation protocol',
    description: "A UK safeguarding partnership's procedure for resolving professional disagreements, as data (escalation-protocols).",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
