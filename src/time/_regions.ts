// The regions whose bank holidays the library knows, apart so that calendar options can name them
// without importing the calendar.

import { describe } from './_days.js';
import { TimeError } from './timeError.js';

/**
 * The bank-holiday regions: the three GOV.UK divisions (Wales shares England's list, as GOV.UK
 * publishes it) and the three Crown Dependencies, each from its own government's lists.
 */
export const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland', 'isle-of-man', 'jersey', 'guernsey'] as const;

/** One of {@link REGIONS}. */
export type Region = (typeof REGIONS)[number];

/** @internal The refusal for a region the library does not know, listing those it does. */
export function unknownRegion(region: unknown, path: readonly (string | number)[]): TimeError {
  return new TimeError(
    'time/unknown-region',
    `Unknown region ${describe(region)}; use one of ${REGIONS.map((r) => `"${r}"`).join(', ')} (Wales shares England's bank holidays).`,
    path,
  );
}
