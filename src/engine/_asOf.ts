// The case's identity and the point of view: which protocol content it was opened under, and which
// of its events count as of a given "now". @internal

import { describe } from '../time/_days.js';
import { formatLondon } from '../time/_london.js';
import type { Compiled } from './_compile.js';
import { refusal, type Refusal } from './refusals.js';
import type { Case } from './types.js';

/** Whether an event dated `at` lies after the point of view (events after it do not count). */
export const afterCut = (at: number, cut: number | undefined): boolean => cut !== undefined && at > cut;

/** The refusal for a case that is not this protocol's (id, version or content), if it is not. */
export function checkCase(c: Compiled, kase: Case): Refusal | undefined {
  if (kase === null || typeof kase !== 'object' || !Array.isArray(kase.events))
    return refusal('engine/invalid-case', 'A case is { "protocol": { "id", "version" }, "events": [...] }.');
  const pinned = kase.protocol;
  if (pinned?.id !== c.protocol.id || pinned?.version !== c.protocol.version) {
    return refusal(
      'engine/wrong-protocol',
      `This case was opened under ${describe(pinned?.id)} version ${describe(pinned?.version)}, not ${c.protocol.id} version ${c.protocol.version}; evaluate it with the version it was opened under (registry.get(id, version)).`,
    );
  }
  // Cases stored before digests (0.1) have none, and are pinned by id and version alone.
  if (pinned.digest !== undefined && pinned.digest !== c.digest) {
    return refusal(
      'engine/protocol-changed',
      `This case was opened under ${c.protocol.id} version ${c.protocol.version} with content ${describe(pinned.digest)}, but this protocol's content is "${c.digest}": the file changed without a new version. Restore the published file, or publish the change as a new version.`,
    );
  }
  return undefined;
}

/** The refusal for a point of view before the case was opened. */
export function beforeOpened(opening: unknown, now: number): Refusal {
  const at = (opening as { at?: unknown } | null)?.at;
  return refusal(
    'engine/before-opened',
    `The case was opened at ${describe(at)}, after ${formatLondon(now)}: it did not exist then. Ask about a moment from its opening on.`,
    -1,
  );
}
