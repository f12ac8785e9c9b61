// The six procedures shipped with the package, so `getProtocol('swindon')` works offline, in a
// browser, with no file system. Each is parsed on first use and kept.

// Each file is imported as its JSON text (`?raw`, resolved by Vite in tests and by the plugin in
// tsup.config.ts in builds), not as an object literal: 190 KB of literals cost every importer
// several milliseconds of compilation, while a string is scanned at once and parsed on first use.
import croydon from '../../protocols/croydon.json?raw';
import northYorkshire from '../../protocols/north-yorkshire.json?raw';
import oxfordshire from '../../protocols/oxfordshire.json?raw';
import rotherhamCpChallenge from '../../protocols/rotherham-cp-challenge.json?raw';
import rotherham from '../../protocols/rotherham.json?raw';
import swindon from '../../protocols/swindon.json?raw';
import { ProtocolError, parseProtocol } from './parse.js';
import { createRegistry, type ProtocolRegistry } from './registry.js';
import type { Protocol } from './schema.js';

/** The ids of the bundled protocols. */
export type BundledProtocolId = 'oxfordshire' | 'swindon' | 'rotherham' | 'rotherham-cp-challenge' | 'croydon' | 'north-yorkshire';

const FILES: Record<BundledProtocolId, string> = {
  oxfordshire,
  swindon,
  rotherham,
  'rotherham-cp-challenge': rotherhamCpChallenge,
  croydon,
  'north-yorkshire': northYorkshire,
};

/** The ids of the bundled protocols, in the order of the source documents. */
export const BUNDLED_PROTOCOL_IDS = Object.keys(FILES) as BundledProtocolId[];

const parsed = new Map<string, Protocol>();

/**
 * A bundled file's JSON text. The build writes each `"` of it as another character, named first,
 * so the text is a plain string literal that loads faster than the template literal it would
 * otherwise be (scripts/raw-text.mjs); under Vite (the tests) it is the file as it is.
 */
function fromRaw(text: string): string {
  const swap = text[0]!;
  return swap === '~' || swap === '^' || swap === '|' || swap === '#' ? text.slice(1).replaceAll(swap, '"') : text;
}

/**
 * A bundled protocol, parsed and checked.
 *
 * @param id - one of {@link BUNDLED_PROTOCOL_IDS}
 * @returns the protocol
 * @throws {@link ProtocolError} for an id that is not bundled (naming the ones that are)
 * @example
 * ```ts
 * const swindon = getProtocol('swindon');
 * plan(swindon, { from: '2026-12-21' }).stages.map((s) => s.dueDate);
 * ```
 */
export function getProtocol(id: BundledProtocolId): Protocol {
  const hit = parsed.get(id);
  if (hit) return hit;
  if (!Object.hasOwn(FILES, id)) {
    throw new ProtocolError([
      {
        code: 'schema/invalid-value',
        severity: 'error',
        path: [],
        message: `No bundled protocol "${String(id)}"; bundled ones are ${BUNDLED_PROTOCOL_IDS.join(', ')}.`,
      },
    ]);
  }
  const result = parseProtocol(JSON.parse(fromRaw(FILES[id])));
  // A bundled file that fails is a release bug; the test suite parses every one.
  if (!result.success) throw new ProtocolError(result.issues);
  parsed.set(id, result.protocol);
  return result.protocol;
}

/**
 * A registry holding every bundled protocol, for `inForce` and `get` by version.
 *
 * @returns a new registry; add your own versions with `.with(...)`
 */
export function bundledRegistry(): ProtocolRegistry {
  return createRegistry(BUNDLED_PROTOCOL_IDS.map(getProtocol));
}
