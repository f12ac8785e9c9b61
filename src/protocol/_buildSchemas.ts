// The zod schemas of the protocol format, built in one function: schema.ts calls it on first use
// (building them was most of the package's import time; #15) and exports typed stand-ins. @internal

import * as z from 'zod';
import { readDate } from '../time/_days.js';
import { REGIONS } from '../time/calendar.js';
import { toDuration } from '../time/duration.js';
import { TimeError } from '../time/timeError.js';
import { firstMatch } from './_firstMatch.js';
import { language2 } from './_language2.js';
import { language2b } from './_language2b.js';
import { ANCHOR_PATTERN, RECORD_KINDS, ROLE_SIDES, SUBJECTS, strict, type TimescaleInput } from './_atoms.js';

/** @internal Builds every schema of the format; call it through `schemas()` in schema.ts, which keeps one set. */
export function buildSchemas() {
  // Protocol files are untrusted input: zod must validate them without compiling code from text
  // (its JIT builds validators with `new Function`). See SECURITY.md.
  z.config({ jitless: true });
  const { ConditionSchema, FactSchema, obligationKeys, OnSchema } = language2();

  const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

  /** A lower-case identifier such as `stage-1` or `line-manager`. */
  const Id = z
    .string()
    .regex(ID_PATTERN, { error: 'ids are lower-case letters, digits and hyphens, starting with a letter or digit, e.g. "stage-1"' });

  const Text = z.string().trim().min(1);

  const LocalDate = z
    .string()
    .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
    .superRefine((text, ctx) => {
      if (text.length !== 10 || Number.isNaN(readDate(text))) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(text)} is not a date: write it as "YYYY-MM-DD", e.g. "2026-01-31".`,
          params: { code: 'schema/invalid-format' },
        });
      }
    });

  const CitationSchema = strict({
    section: Text.optional().describe('The heading or numbered section, e.g. "4. Stages".'),
    quote: Text.describe('The sentence this element encodes, copied verbatim from the document ("..." elides).'),
  }).describe('A citation of the source document.');

  const cited = { source: CitationSchema.optional() };

  const DocumentSchema = strict({
    title: Text,
    publisher: Text,
    published: Text.optional().describe('Issue or revision date as the document states it, e.g. "Revised: January 2024".'),
    url: Text.optional(),
  });

  const Subject = z
    .enum(SUBJECTS)
    .describe('child; adult (with care and support needs); careLeaver (care-experienced young people up to careLeaversUpToAge)');

  const Duration = z
    .string()
    .meta({ pattern: '^((0|[1-9]\\d{0,4})(wd|h|d|w|mo)|immediately|sameWorkingDay)$' })
    .superRefine((text, ctx) => {
      try {
        toDuration(text);
      } catch (error) {
        if (!(error instanceof TimeError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message, params: { code: 'schema/invalid-duration' } });
      }
    });

  const Anchor = z.string().regex(ANCHOR_PATTERN, {
    error:
      'an anchor is "disagreement", "disputedDecision", "caseOpened", "stageEntered", "bypassed", "entered:<stage id>", "completed:<stage id>" or "record:<record id>"',
  });

  // #12 part B: the constructs' fragments, built from the atoms above.
  const L2B = language2b({ Id, Text, Duration, Anchor, cited, strict });

  // firstMatch: the form a timescale's keys name is tried first (same results, a fraction of the work).
  const TimescaleSchema: z.ZodType<TimescaleInput, TimescaleInput> = z.lazy(() =>
    firstMatch(
      z.union([
        strict({ within: Duration.describe('5wd, 24h, 7d, 6w, 1mo, immediately or sameWorkingDay'), from: Anchor.optional(), ...cited }),
        strict({ earliestOf: z.array(TimescaleSchema).min(2), ...cited }),
        // #8 a target alone: `limit` is optional ("must aim to", with no ceiling).
        strict({ target: TimescaleSchema, limit: TimescaleSchema.optional(), ...cited }),
        strict({
          none: Text.describe('The document\'s own words where it gives no number, e.g. "timely".'),
          // #2 the partnership's working assumption for those words.
          assume: L2B.assume.optional(),
          ...cited,
        }),
        // #8 "at" rather than "by": due at that moment and not before.
        strict({
          at: Duration.describe('How long after the anchor, and not before: "six weeks post conference" is 6w.'),
          from: Anchor.optional(),
          ...cited,
        }),
      ]),
    ),
  );

  const PreconditionSchema = strict({
    id: Id,
    description: Text,
    appliesWhen: Id.optional().describe(
      'A case flag (given when the case is opened) that makes this precondition apply; always applies when omitted.',
    ),
    // #12 construct 5 (modality): "should" warns at opening instead of refusing.
    modality: z
      .enum(['must', 'should'])
      .optional()
      .describe('"must" (the default) refuses to open the case until it is confirmed; "should" opens it with a warning.'),
    ...cited,
  });

  const ScopeSchema = strict({
    subjects: z.array(Subject).min(1),
    careLeaversUpToAge: z.number().int().min(18).max(25).optional(),
    preconditions: z.array(PreconditionSchema).default([]),
    region: z
      .enum(REGIONS)
      .default('england-and-wales')
      .describe(
        "Whose bank holidays count: a GOV.UK division (Wales shares England's) or a Crown Dependency (isle-of-man, jersey, guernsey). For islands with other days (Alderney, Sark), use guernsey and add or remove days in the calendar.",
      ),
    // #12 part B, #10 scope exclusions.
    excludes: L2B.excludes,
    ...cited,
  });

  const RoleSchema = strict({ id: Id, title: Text, side: z.enum(ROLE_SIDES), ...cited });

  const RecordSchema = strict({
    id: Id,
    title: Text,
    kind: z.enum(RECORD_KINDS),
    fields: z
      .array(strict({ id: Id, label: Text }))
      .optional()
      .describe('The fields of a prescribed form.'),
    noChildOrFamilyDetails: z.boolean().optional().describe('The document forbids details of any child or family in this record.'),
    // #12 part B, #11 who must attend a meeting.
    attendance: L2B.attendance,
    ...cited,
  });

  const ObligationSchema = strict({
    id: Id,
    action: Text,
    owner: Id.optional().describe('Who must do it (a role id); give either `owner` or `owners`.'),
    due: TimescaleSchema,
    record: Id.optional().describe('Met by recording this record; otherwise met by an explicit "fulfilled" event or when the stage ends.'),
    // #12 constructs 1 (several parties), 4 (conditions) and 5 (modality): see _language2.ts.
    ...obligationKeys,
    // #12 part B, #7 repeating and continuous duties.
    ...L2B.repeat,
    ...cited,
  });

  const ArisingSchema = strict({
    id: Id,
    on: OnSchema,
    action: Text,
    owner: Id.optional().describe('Who must do it (a role id); give either `owner` or `owners`.'),
    due: TimescaleSchema.describe('By when; `from` omitted means from the event it arises from.'),
    record: Id.optional().describe('Met by recording this record after the event; otherwise by a "fulfilled" event.'),
    ...obligationKeys,
    // #12 part B, #7: a duty arising from a bypass can recur ("on a daily basis ... until").
    ...L2B.repeat,
    ...cited,
  });

  const VariantSchema = strict({
    subjects: z.array(Subject).min(1).optional().describe('The subjects it is for; every subject when omitted (then give `if`).'),
    // #12 construct 4: a variant chosen by any fact of the case or its path, not only the subject.
    if: ConditionSchema.optional().describe('Chosen only while this condition holds, e.g. `{ "fact": "priority", "is": "high" }`.'),
    title: Text.optional(),
    owners: z.array(Id).min(1),
    obligations: z.array(ObligationSchema).optional(),
    ...cited,
  });

  const SkipSchema = strict({
    to: Id,
    by: Id.optional(),
    when: Text.optional(),
    // #12 construct 4: a route that is open only while a condition holds (the engine refuses it otherwise).
    if: ConditionSchema.optional().describe('The skip is allowed only while this condition holds.'),
    ...cited,
  });

  const StageSchema = strict({
    id: Id,
    title: Text,
    owners: z.array(Id).default([]),
    obligations: z.array(ObligationSchema).default([]),
    requires: z.array(Id).default([]).describe('Records that must be made while the case is at this stage.'),
    canResolve: z.boolean().default(true),
    next: z.boolean().optional().describe('Whether the case may escalate to the following stage; true for every stage but the last.'),
    skips: z.array(SkipSchema).default([]),
    entry: strict({ by: Id.optional(), when: Text.optional(), ...cited })
      .optional()
      .describe('A case may be opened directly at this stage.'),
    variants: z.array(VariantSchema).default([]),
    // #12 construct 4: records required at this stage only when a condition holds.
    requiresIf: z
      .array(strict({ record: Id, if: ConditionSchema }))
      .optional()
      .describe('Records required at this stage only while a condition holds, e.g. "if Stage 4 and 5 are used".'),
    // #12 part B, #9 path conditions on entry.
    onlyAfter: L2B.onlyAfter,
    ...cited,
  });

  const EffectSchema = z.discriminatedUnion('type', [
    strict({ type: z.literal('addObligation') }),
    strict({ type: z.literal('jumpTo'), stage: Id }),
    strict({ type: z.literal('exitTo'), procedure: Text }),
  ]);

  const BypassSchema = strict({
    id: Id,
    trigger: Text,
    action: Text,
    owner: Id,
    due: TimescaleSchema,
    effect: EffectSchema,
    ...cited,
  });

  const AcceptanceSchema = strict({
    code: z
      .string()
      .regex(/^[a-z]+\/[a-z-]+$/, { error: 'a finding code such as "lint/skip-over-stage" (see ISSUE_CODES)' })
      .describe('The code of the finding accepted, e.g. "lint/skip-over-stage".'),
    path: z
      .array(z.union([z.string(), z.number().int().min(0)]))
      .describe('Where the finding is, as `validate --format json` prints its "path", e.g. ["stages", 1, "skips", 0].'),
    reason: Text.describe('Why it stays: the document says so, and what the partnership was asked.'),
  });

  const ProtocolSchema = strict({
    $schema: z.string().optional(),
    id: Id,
    title: Text,
    partnership: Text,
    version: Text,
    effectiveFrom: LocalDate,
    reviewBy: LocalDate.optional(),
    source: DocumentSchema,
    scope: ScopeSchema,
    ceiling: TimescaleSchema.optional().describe('An overall limit the document declares, measured like any timescale.'),
    roles: z.array(RoleSchema).min(1),
    records: z.array(RecordSchema).default([]),
    stages: z.array(StageSchema).min(1),
    bypass: z.array(BypassSchema).default([]),
    // #12 constructs 3 and 4: duties arising from what happens, and the facts conditions name.
    arising: z
      .array(ArisingSchema)
      .optional()
      .describe('Duties owed only once something happened (on resolution, escalation, withdrawal, bypass), measured from it.'),
    facts: z
      .array(FactSchema)
      .optional()
      .describe('Facts a case can carry (given at opening or noted later) that conditions name, e.g. a priority level.'),
    notes: z.array(Text).optional().describe("Authors' remarks, e.g. why a lint warning is the document's own oddity."),
    accepted: z
      .array(AcceptanceSchema)
      .optional()
      .describe('Findings the partnership has seen and accepts: "validate --strict" passes them, and still shows them as accepted.'),
  });
  return {
    CitationSchema,
    DocumentSchema,
    TimescaleSchema,
    PreconditionSchema,
    ScopeSchema,
    RoleSchema,
    RecordSchema,
    ObligationSchema,
    ArisingSchema,
    VariantSchema,
    SkipSchema,
    StageSchema,
    EffectSchema,
    BypassSchema,
    AcceptanceSchema,
    ProtocolSchema,
  };
}
