import type * as z from 'zod';
import { parseProtocolOrThrow } from './parse.js';
import type {
  BypassSchema,
  ObligationSchema,
  Protocol,
  ProtocolInput,
  RecordSchema,
  RoleSchema,
  SkipSchema,
  StageSchema,
  VariantSchema,
} from './schema.js';

/** Accepts readonly arrays anywhere, so `as const` objects and shared constants fit. */
type Loose<T> = T extends readonly (infer U)[] ? readonly Loose<U>[] : T extends object ? { readonly [K in keyof T]: Loose<T[K]> } : T;
type In<T extends z.ZodType> = Loose<z.input<T>>;

type ObligationOf<R extends string, Rec extends string> = Omit<In<typeof ObligationSchema>, 'owner' | 'record'> & {
  readonly owner: NoInfer<R>;
  readonly record?: NoInfer<Rec>;
};

type StageOf<R extends string, S extends string, Rec extends string> = Omit<
  In<typeof StageSchema>,
  'id' | 'owners' | 'requires' | 'obligations' | 'skips' | 'variants'
> & {
  readonly id: S;
  readonly owners?: readonly NoInfer<R>[];
  readonly requires?: readonly NoInfer<Rec>[];
  readonly obligations?: readonly ObligationOf<R, Rec>[];
  readonly skips?: readonly (Omit<In<typeof SkipSchema>, 'to' | 'by'> & { readonly to: NoInfer<S>; readonly by?: NoInfer<R> })[];
  readonly variants?: readonly (Omit<In<typeof VariantSchema>, 'owners' | 'obligations'> & {
    readonly owners: readonly NoInfer<R>[];
    readonly obligations?: readonly ObligationOf<R, Rec>[];
  })[];
};

type EffectOf<S extends string> =
  | { readonly type: 'addObligation' }
  | { readonly type: 'jumpTo'; readonly stage: NoInfer<S> }
  | { readonly type: 'exitTo'; readonly procedure: string };

/**
 * A protocol as written in TypeScript, typed by the ids it declares: roles `R`, stages `S`, records
 * `Rec`. Every reference must be one of them, so a typo fails to compile and editors autocomplete.
 */
export type TypedProtocolInput<R extends string, S extends string, Rec extends string> = Loose<
  Omit<ProtocolInput, 'roles' | 'records' | 'stages' | 'bypass'>
> & {
  readonly roles: readonly (Omit<In<typeof RoleSchema>, 'id'> & { readonly id: R })[];
  readonly records?: readonly (Omit<In<typeof RecordSchema>, 'id'> & { readonly id: Rec })[];
  readonly stages: readonly StageOf<R, S, Rec>[];
  readonly bypass?: readonly (Omit<In<typeof BypassSchema>, 'owner' | 'effect'> & {
    readonly owner: NoInfer<R>;
    readonly effect: EffectOf<S>;
  })[];
};

/**
 * Defines a protocol in TypeScript with compile-time checks: every owner must be a declared role id,
 * every skip and jump a declared stage id, every required record a declared record id; editors
 * autocomplete them. At run time it parses and checks the protocol like {@link parseProtocolOrThrow}.
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
export function defineProtocol<const R extends string, const S extends string, const Rec extends string = never>(
  protocol: TypedProtocolInput<R, S, Rec>,
): Protocol {
  return parseProtocolOrThrow(protocol);
}
