// The keys #12 part B adds to the protocol language, one block per construct. They take the shared
// atoms as an argument rather than importing schema.ts, so neither module imports the other in a
// circle. Every key is optional: a file written without them means what it meant before. @internal

import * as z from 'zod';

interface Atoms<C extends z.ZodType> {
  readonly Id: z.ZodString;
  readonly Text: z.ZodString;
  readonly Duration: z.ZodType<string, string>;
  readonly Anchor: z.ZodString;
  readonly cited: { readonly source: z.ZodOptional<C> };
  readonly strict: <T extends z.core.$ZodLooseShape>(shape: T) => z.ZodObject<T, z.core.$strict>;
}

/** @internal The fragments, built once from schema.ts's atoms. */
export function language2b<C extends z.ZodType>(a: Atoms<C>) {
  const { Id, Text, Duration, Anchor, cited, strict } = a;
  return {
    // #2 urgency in words that can still be watched: the partnership's working assumption for `none`.
    assume: strict({
      within: Duration.describe('The partnership\'s reading of the document\'s words, e.g. 1wd for "urgently".'),
      from: Anchor.optional(),
    }).describe(
      "The partnership's working assumption for the document's words: shown as the partnership's, never as the document's number.",
    ),
    // #7 repeating and continuous duties, on an obligation.
    repeat: {
      every: Duration.optional().describe(
        'The duty recurs: a new occurrence falls due this long after the one before ("on a daily basis": 1d). Each occurrence is met by a `fulfilled` event or its record.',
      ),
      until: Anchor.optional().describe(
        "When the duty stops recurring, e.g. record:<record id> or completed:<stage id>. Without it a stage's duty stops when the stage ends; an arising duty when the case is withdrawn or leaves for another procedure.",
      ),
    },
    // #9 path conditions on entry, on a stage.
    onlyAfter: strict({
      stages: z.array(Id).min(1).describe('Stages the case must have been at (entered, not skipped over) before it may enter this one.'),
      ...cited,
    })
      .optional()
      .describe('A condition on the path: "Stage 4 will have required the Chair to have exhausted Stages 1-3".'),
    // #10 scope exclusions, on the scope.
    excludes: z
      .array(
        strict({
          id: Id,
          description: Text.describe("What the procedure is not, or does not replace, in the document's words."),
          ...cited,
        }),
      )
      .optional()
      .describe('What the procedure does not replace or cover ("this does not replace the complaints process").'),
    // #11 who must attend a meeting record, on a record.
    attendance: strict({
      agencies: z.number().int().min(1).max(50).optional().describe('At least this many different agencies attend.'),
      otherAgencies: z
        .number()
        .int()
        .min(1)
        .max(50)
        .optional()
        .describe('At least this many agencies attend besides the raising and receiving agencies ("at least two other agencies").'),
      roles: z.array(Id).min(1).optional().describe('Roles that must attend. Role ids from `roles`.'),
      independentChair: z
        .boolean()
        .optional()
        .describe('The meeting is chaired by an attendee marked `independent` ("independently chaired").'),
      ...cited,
    })
      .optional()
      .describe('Who must attend, checked when the meeting is recorded with its `attendees` (advisory: never blocks a move).'),
  };
}
