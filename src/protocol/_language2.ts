// Schema fragments of "Protocol language 2" (issue #12, part A): duties of several parties,
// obligations that arise from what happens, conditions on facts and the path, and modality. Kept
// out of schema.ts so that file stays the readable core of the format. @internal throughout.

import * as z from 'zod';
import { lazily } from './_lazy.js';

/** A condition as a protocol file writes it; see {@link ConditionSchema}. */
export type ConditionInput =
  | { fact: string; is?: string | boolean | undefined }
  | { visited: string }
  | { bypassed: string }
  | { recorded: string }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput };

/** Construct 5: how binding a duty or precondition is, in the document's own verb. */
export const MODALITIES = ['must', 'should', 'may'] as const;

/** Construct 3: the pattern of the events an obligation can arise from. */
export const ARISING_PATTERN = /^(resolved|withdrawn|escalated|bypassed)(:[a-z0-9][a-z0-9-]*)?$/;

function build() {
  const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'ids are lower-case letters, digits and hyphens, e.g. "stage-1"' });

  const strictOf = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject(shape);

  const ConditionSchema: z.ZodType<ConditionInput, ConditionInput> = z.lazy(() =>
    z.union([
      strictOf({
        fact: Id.describe('A fact declared in `facts`, given in the opening event\'s "facts" (or "flags") or by a "noted" event.'),
        is: z
          .union([z.string().min(1), z.boolean()])
          .optional()
          .describe('The value the fact must have; true when omitted.'),
      }),
      strictOf({
        visited: Id.describe('A stage the case was at (entered by escalation, entry or a jump; a stage skipped over does not count).'),
      }),
      strictOf({ bypassed: Id.describe('A bypass rule that was invoked in the case.') }),
      strictOf({ recorded: Id.describe('A record that was made in the case.') }),
      // The schema itself, never a method on it here: each call would build a new schema inside the
      // lazy body, and the JSON Schema walk would never meet the same one twice.
      strictOf({ all: z.array(ConditionSchema).min(1) }),
      strictOf({ any: z.array(ConditionSchema).min(1) }),
      strictOf({ not: ConditionSchema }),
    ]),
  );

  const ModalitySchema = z
    .enum(MODALITIES)
    .describe(
      '"must" (the default): a duty that can be overdue, a precondition that refuses. "should": a precondition that warns and does not refuse. "may": a duty that is never overdue.',
    );

  /** Construct 1: a duty of each of several roles (one tracked obligation per party) or of several together. */
  const PartiesSchema = z.union([
    strictOf({
      each: z
        .array(Id)
        .min(2)
        .describe('Each of these roles owes the duty on its own: one obligation per party, with the id "<obligation id>/<role id>".'),
    }),
    strictOf({
      together: z.array(Id).min(2).describe('These roles owe the duty jointly: one obligation, met once, with every role as an owner.'),
    }),
  ]);

  const OnSchema = z
    .string()
    .regex(ARISING_PATTERN, {
      error:
        'an event such as "resolved", "resolved:<stage id>", "escalated", "escalated:<stage id>", "withdrawn", "bypassed" or "bypassed:<rule id>"',
    })
    .describe(
      'What must have happened: "resolved" (or "resolved:<stage>", resolved at that stage), "escalated" (or "escalated:<stage>", escalated into that stage), "withdrawn", "bypassed" (or "bypassed:<rule>").',
    );

  /** Construct 4: a fact a case can carry, declared so that conditions can be checked. */
  const FactSchema = strictOf({
    id: Id.describe('A lower-case id that conditions and the opening event\'s "facts" use, e.g. "priority" or "step-down".'),
    title: z.string().trim().min(1).describe('The fact as the document puts it, e.g. "The conference decision is disputed".'),
    values: z
      .array(z.string().trim().min(1))
      .min(1)
      .optional()
      .describe('The values it can take (e.g. "high", "standard"); a yes/no fact when omitted.'),
  });

  /** The keys language 2 adds to an obligation (construct 1, 4, 5). */
  const obligationKeys = {
    owners: PartiesSchema.optional().describe('Several owners instead of one `owner`: `{ "each": [roles] }` or `{ "together": [roles] }`.'),
    modality: ModalitySchema.optional(),
    if: ConditionSchema.optional().describe('Owed only while this condition holds; always owed when omitted.'),
  };
  return { ConditionSchema, ModalitySchema, PartiesSchema, OnSchema, FactSchema, obligationKeys };
}

let built: ReturnType<typeof build> | undefined;

/** @internal The fragments, built on first use with the rest of the schemas (#15). */
export function language2(): ReturnType<typeof build> {
  built ??= build();
  return built;
}

/** Construct 4: a fact of the case (given at opening or noted later) or of its path. */
export const ConditionSchema: z.ZodType<ConditionInput, ConditionInput> = lazily(() => language2().ConditionSchema);
