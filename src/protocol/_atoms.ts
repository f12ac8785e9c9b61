// The protocol format's constants and the one helper every schema module uses, apart from the
// schemas themselves so that the schema builder and the public module both read them without a cycle.

import * as z from 'zod';

/** @internal Marks an object schema strict and lets the issue mapper name the keys it accepts. */
export function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? JSON.stringify({ known }) : undefined),
  });
}

/** Whom a protocol can cover: children, adults with care and support needs, care leavers. */
export const SUBJECTS = ['child', 'adult', 'careLeaver'] as const;

/**
 * An anchor: `disagreement` (the raising of the disagreement), `disputedDecision` (the decision or
 * action disputed, #12 construct 6), `caseOpened`, `stageEntered`, `bypassed`, `entered:<stage>`,
 * `completed:<stage>` or `record:<record>`.
 */
export const ANCHOR_PATTERN =
  /^(disagreement|disputedDecision|caseOpened|stageEntered|bypassed|(entered|completed):[a-z0-9][a-z0-9-]*|record:[a-z0-9][a-z0-9-]*)$/;

/** A timescale as a protocol file writes it; see the time module's `Timescale`. */
export type TimescaleInput =
  | { within: string; from?: string | undefined; source?: { section?: string | undefined; quote: string } | undefined }
  | { earliestOf: TimescaleInput[]; source?: { section?: string | undefined; quote: string } | undefined }
  | { target: TimescaleInput; limit?: TimescaleInput | undefined; source?: { section?: string | undefined; quote: string } | undefined }
  | {
      none: string;
      assume?: { within: string; from?: string | undefined } | undefined;
      source?: { section?: string | undefined; quote: string } | undefined;
    }
  | { at: string; from?: string | undefined; source?: { section?: string | undefined; quote: string } | undefined };

/** The sides a role can be on in a disagreement; `unstated` where the document does not say (#12 part B). */
export const ROLE_SIDES = ['raising', 'receiving', 'independent', 'unstated'] as const;

/** The kinds of written record a protocol can require. */
export const RECORD_KINDS = ['form', 'note', 'written-confirmation', 'notification', 'log', 'meeting', 'report'] as const;
