import type { Protocol } from './schema.js';

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
   * The version in force on a date: the latest whose `effectiveFrom` is on or before it.
   * @param id - protocol id
   * @param date - `YYYY-MM-DD`
   * @returns the protocol, or undefined when none had taken effect by then
   */
  inForce(id: string, date: string): Protocol | undefined;
  /**
   * Every version of one protocol, oldest first.
   * @param id - protocol id
   */
  versions(id: string): readonly Protocol[];
  /**
   * A new registry with more protocols; a protocol with the same id and version replaces the old one.
   * @param protocols - parsed protocols to add
   */
  with(...protocols: readonly Protocol[]): ProtocolRegistry;
}

/**
 * Creates a registry of parsed protocols.
 *
 * @param protocols - protocols from `parseProtocol`
 * @returns an immutable registry
 * @example
 * ```ts
 * const registry = createRegistry([swindon2024, swindon2026]);
 * registry.inForce('swindon', '2026-12-21');          // the version in force that day
 * registry.get(kase.protocol.id, kase.protocol.version); // the version a case was opened under
 * ```
 */
export function createRegistry(protocols: readonly Protocol[] = []): ProtocolRegistry {
  const byKey = new Map<string, Protocol>();
  for (const protocol of protocols) byKey.set(`${protocol.id}\u0000${protocol.version}`, protocol);
  const all = [...byKey.values()].sort((a, b) =>
    a.id === b.id ? a.effectiveFrom.localeCompare(b.effectiveFrom) : a.id.localeCompare(b.id),
  );
  const versions = (id: string): Protocol[] => all.filter((p) => p.id === id);
  return Object.freeze({
    all,
    get: (id: string, version: string) => byKey.get(`${id}\u0000${version}`),
    inForce: (id: string, date: string) =>
      versions(id)
        .filter((p) => p.effectiveFrom <= date)
        .at(-1),
    versions,
    with: (...more: readonly Protocol[]) => createRegistry([...all, ...more]),
  });
}
