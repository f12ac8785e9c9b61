// The protocol file format as zod schemas: the single definition behind parsing, the TypeScript types
// and the published JSON Schema. Objects are strict (a misspelt key is an error, never silently
// dropped); each unknown key is reported with the keys that object does accept, for "did you mean".

import type * as z from 'zod';
import { buildSchemas } from './_buildSchemas.js';
import type { ConditionSchema } from './_language2.js';
import { lazily } from './_lazy.js';

import type { SUBJECTS } from './_atoms.js';

export { ANCHOR_PATTERN, RECORD_KINDS, ROLE_SIDES, SUBJECTS, strict, type TimescaleInput } from './_atoms.js';

// The zod schemas are built on first use, not at import: building them was most of the package's
// import time, and the status path never parses a file (#15). Each public schema below is a
// stand-in that builds them all on its first use (see _lazy.ts and _buildSchemas.ts).
let built: ReturnType<typeof buildSchemas> | undefined;

/** @internal The schemas themselves, built once: the parser uses them directly rather than through the stand-ins. */
export function schemas(): ReturnType<typeof buildSchemas> {
  built ??= buildSchemas();
  return built;
}

/** Where in the source document an element comes from; `quote` is copied verbatim. */
export const CitationSchema: ReturnType<typeof buildSchemas>['CitationSchema'] = lazily(() => schemas().CitationSchema);
/** The published document a protocol encodes. */
export const DocumentSchema: ReturnType<typeof buildSchemas>['DocumentSchema'] = lazily(() => schemas().DocumentSchema);
export const TimescaleSchema: ReturnType<typeof buildSchemas>['TimescaleSchema'] = lazily(() => schemas().TimescaleSchema);
export const PreconditionSchema: ReturnType<typeof buildSchemas>['PreconditionSchema'] = lazily(() => schemas().PreconditionSchema);
export const ScopeSchema: ReturnType<typeof buildSchemas>['ScopeSchema'] = lazily(() => schemas().ScopeSchema);
/** A role the document names (practitioner, line manager, chair ...), on the raising side, the receiving side, or independent. */
export const RoleSchema: ReturnType<typeof buildSchemas>['RoleSchema'] = lazily(() => schemas().RoleSchema);
/** A written artefact the document requires: a form (with its fields), a note on the child's file, a notification, a log, a meeting. */
export const RecordSchema: ReturnType<typeof buildSchemas>['RecordSchema'] = lazily(() => schemas().RecordSchema);
/** Something an owner must do by a timescale; met by its record, by a `fulfilled` event, or when its stage ends. */
export const ObligationSchema: ReturnType<typeof buildSchemas>['ObligationSchema'] = lazily(() => schemas().ObligationSchema);
/** #12 construct 3: a duty owed only once something happened (a resolution, escalation, withdrawal, bypass), measured from it. */
export const ArisingSchema: ReturnType<typeof buildSchemas>['ArisingSchema'] = lazily(() => schemas().ArisingSchema);
/** A stage's owners and obligations for some subjects only (North Yorkshire stage 5: a child's case and an adult's go to different bodies). */
export const VariantSchema: ReturnType<typeof buildSchemas>['VariantSchema'] = lazily(() => schemas().VariantSchema);
export const SkipSchema: ReturnType<typeof buildSchemas>['SkipSchema'] = lazily(() => schemas().SkipSchema);
/** One stage of the procedure: owners, obligations, required records, and how it may end (resolve, escalate, skip). */
export const StageSchema: ReturnType<typeof buildSchemas>['StageSchema'] = lazily(() => schemas().StageSchema);
export const EffectSchema: ReturnType<typeof buildSchemas>['EffectSchema'] = lazily(() => schemas().EffectSchema);
/** What happens on immediate risk: trigger, action, owner, timescale, and its effect on the case. */
export const BypassSchema: ReturnType<typeof buildSchemas>['BypassSchema'] = lazily(() => schemas().BypassSchema);
/** A finding the partnership has seen and accepts, e.g. a skip the document really allows; its reason is the file's `notes`. */
export const AcceptanceSchema: ReturnType<typeof buildSchemas>['AcceptanceSchema'] = lazily(() => schemas().AcceptanceSchema);
/** The whole protocol file: the zod schema behind `parseProtocol`, the TypeScript types and `schema.json`. */
export const ProtocolSchema: ReturnType<typeof buildSchemas>['ProtocolSchema'] = lazily(() => schemas().ProtocolSchema);

/** A parsed, checked protocol: defaults filled in, every reference resolved. */
export type Protocol = z.output<typeof ProtocolSchema>;
/** A protocol as an author writes it (defaults optional). */
export type ProtocolInput = z.input<typeof ProtocolSchema>;
/** A parsed stage (see {@link StageSchema}). */
export type Stage = z.output<typeof StageSchema>;
/** A parsed obligation (see {@link ObligationSchema}). */
export type Obligation = z.output<typeof ObligationSchema>;
/** A parsed record type (see {@link RecordSchema}). */
export type RecordType = z.output<typeof RecordSchema>;
/** A parsed role (see {@link RoleSchema}). */
export type Role = z.output<typeof RoleSchema>;
/** A parsed bypass rule (see {@link BypassSchema}). */
export type BypassRule = z.output<typeof BypassSchema>;
/** A parsed arising duty (see {@link ArisingSchema}). */
export type Arising = z.output<typeof ArisingSchema>;
/** A condition on a case's facts or path (see {@link ConditionSchema}). */
export type Condition = z.output<typeof ConditionSchema>;
/** A parsed stage variant (see {@link VariantSchema}). */
export type Variant = z.output<typeof VariantSchema>;
/** An accepted finding (see {@link AcceptanceSchema}). */
export type Acceptance = z.output<typeof AcceptanceSchema>;
/** A citation of the source document (see {@link CitationSchema}). */
export type Citation = z.output<typeof CitationSchema>;
/** One of {@link SUBJECTS}. */
export type Subject = (typeof SUBJECTS)[number];
