import { toEpochMs, type InstantInput } from '../time/instant.js';
import { formatLondon } from '../time/_london.js';
import { protocolDigest } from './digest.js';
import type { Protocol } from './schema.js';

/**
 * Thrown by {@link createRegistry} and `ProtocolRegistry.with` for two protocols with the same id and
 * version but different content: a case pinned to that version could otherwise move under its feet.
 */
export class RegistryError extends Error {
  /** Always `registry/conflicting-version`. */
  readonly code = 'registry/conflicting-version';
  /**
   * @param message - which protocol, and what to do instead
   */
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/**
 * Several protocols, and several versions of each, in one place. A case stays on the version it was
 * opened under, so the engine looks versions up exactly ({@link ProtocolRegistry.get}); a new case
 * takes the version in force on its date ({@link ProtocolRegistry.inForce}). Immutable: `with`
 * returns a new registry.
 */
export interface ProtocolRegistry {
  /** Every protocol held, ordered by id then effective date. */
  readonly all: readonly Protocol[];
  /**
   * One exact version.
   * @param id - protocol id
   * @param version - its `version` string
   * @returns the protocol, or undefined
   */
  get(id: string, version: string): Protocol | undefined;
  /**
   * The version in force on a day: the latest whose `effectiveFrom` is on or before it.
   * @param id - protocol id
   * @param when - a date `YYYY-MM-DD`, or an instant (an ISO 8601 string, a `Date`, a luxon
   *   `DateTime`), whose London date is taken: `2027-06-30T23:30:00Z` is 1 July in London
   * @returns the protocol, or undefined when none had taken effect by then
   * @throws {@link TimeError} for anything that is not a date or an instant (`time/invalid-instant`, ...)
   */
  inForce(id: string, when: InstantInput): Protocol | undefined;
  /**
   * Every version of one protocol, oldest first.
   * @param id - protocol id
   */
  versions(id: string): readonly Protocol[];
  /**
   * A new registry with more protocols. The same id and version again with the same content is
   * kept once; with different content it is refused.
   * @param protocols - parsed protocols to add
   * @throws {@link RegistryError} for the same id and version with different content
   */
  with(...protocols: readonly Protocol[]): ProtocolRegistry;
}

/**
 * Creates a registry of parsed protocols.
 *
 * @param protocols - protocols from `parseProtocol`
 * @returns an immutable registry
 * @throws {@link RegistryError} for two protocols with the same id and version but different content
 * @example
 * ```ts
 * const registry = createRegistry([swindon2024, swindon2026]);
 * registry.inForce('swindon', '2026-12-21');          // the version in force that day
 * registry.get(kase.protocol.id, kase.protocol.version); // the version a case was opened under
 * ```
 */
export function createRegistry(protocols: readonly Protocol[] = []): ProtocolRegistry {
  const byKey = new Map<string, Protocol>();
  for (const protocol of protocols) {
    const key = `${protocol.id}\u0000${protocol.version}`;
    const held = byKey.get(key);
    if (held && held !== protocol && protocolDigest(held) !== protocolDigest(protocol)) {
      throw new RegistryError(
        `Two protocols "${protocol.id}" have the same id and version "${protocol.version}" but different content (${protocolDigest(held)} and ${protocolDigest(protocol)}). Cases pinned to that version would change deadlines silently: give the changed file a new "version".`,
      );
    }
    if (!held) byKey.set(key, protocol);
  }
  const all = [...byKey.values()].sort((a, b) =>
    a.id === b.id ? a.effectiveFrom.localeCompare(b.effectiveFrom) : a.id.localeCompare(b.id),
  );
  const versions = (id: string): Protocol[] => all.filter((p) => p.id === id);
  return Object.freeze({
    all,
    get: (id: string, version: string) => byKey.get(`${id}\u0000${version}`),
    inForce: (id: string, when: InstantInput) => {
      // A date or an instant, read as London time; its London date decides.
      const date = formatLondon(toEpochMs(when, ['when'])).slice(0, 10);
      return versions(id)
        .filter((p) => p.effectiveFrom <= date)
        .at(-1);
    },
    versions,
    with: (...more: readonly Protocol[]) => createRegistry([...all, ...more]),
  });
}
