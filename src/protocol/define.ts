import { parseProtocolOrThrow } from './parse.js';
import type { Protocol, ProtocolInput } from './schema.js';

type IdsOf<T> = T extends readonly (infer Item)[] ? (Item extends { readonly id: infer I extends string } ? I : never) : never;
type RoleIds<P> = P extends { readonly roles: infer R } ? IdsOf<R> : never;
type StageIds<P> = P extends { readonly stages: infer S } ? IdsOf<S> : never;
type RecordIds<P> = P extends { readonly records?: infer R } ? IdsOf<R> : never;

type ObligationRefs<R extends string, Rec extends string> = { readonly owner: R; readonly record?: Rec };
type StageRefs<R extends string, S extends string, Rec extends string> = {
  readonly owners?: readonly R[];
  readonly requires?: readonly Rec[];
  readonly obligations?: readonly ObligationRefs<R, Rec>[];
  readonly skips?: readonly { readonly to: S; readonly by?: R }[];
  readonly variants?: readonly { readonly owners: readonly R[]; readonly obligations?: readonly ObligationRefs<R, Rec>[] }[];
};

/** The cross-references of a protocol, typed by the ids it declares, so a typo fails to compile. */
export type CheckedReferences<P> = {
  readonly stages: readonly StageRefs<RoleIds<P>, StageIds<P>, RecordIds<P>>[];
  readonly bypass?: readonly ({ readonly owner: RoleIds<P> } & ({ readonly effect: { readonly type: 'addObligation' | 'exitTo' } } | { readonly effect: { readonly type: 'jumpTo'; readonly stage: StageIds<P> } }))[];
};

/**
 * Defines a protocol in TypeScript with compile-time checks: every owner must be a declared role id,
 * every skip a declared stage id, every required record a declared record id; editors autocomplete
 * them. At run time it parses and checks the protocol like {@link parseProtocolOrThrow}.
 *
 * @param protocol - the protocol, written as an object literal
 * @returns the parsed, checked protocol
 * @throws {@link ProtocolError} when the protocol fails the schema or the semantic checks
 * @example
 * ```ts
 * export default defineProtocol({
 *   id: 'my-partnership', title: 'Resolving professional disagreements', partnership: 'My SCP',
 *   version: '2026-01', effectiveFrom: '2026-01-01',
 *   source: { title: 'Escalation policy', publisher: 'My SCP' },
 *   scope: { subjects: ['child'] },
 *   roles: [{ id: 'practitioner', title: 'Practitioner', side: 'raising' }],
 *   stages: [{ id: 'stage-1', title: 'Discussion', owners: ['practitioner'] }], // 'practioner' would not compile
 * });
 * ```
 */
export function defineProtocol<const P extends ProtocolInput>(protocol: P & CheckedReferences<P>): Protocol {
  return parseProtocolOrThrow(protocol);
}
