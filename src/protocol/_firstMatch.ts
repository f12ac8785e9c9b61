// A shortcut for a union of object schemas, such as the timescale's five forms. zod tries a union's
// options in order and keeps the first that accepts the input; every option tried before it fails
// and still builds its issues (for a `none` timescale, option 3 parses the absent `target` through
// the whole union again). An option whose required key the input lacks is certain to fail, so the
// first option whose required keys are all present is tried alone: if it accepts the input, it is
// the option zod would have kept, with the same result. Otherwise, and for anything but a plain
// object, zod's own union runs as before, so findings about a bad timescale are unchanged.
// @internal

import type * as z from 'zod';

interface Internals {
  run: (payload: { value: unknown; issues: unknown[] }, ctx: { async?: boolean; direction?: string } | undefined) => unknown;
  parse: Internals['run'];
  def: { options: readonly { _zod: Internals & { def: { shape?: Record<string, { _zod: { optin?: string } }> } } }[] };
}

/**
 * @internal Makes `union` try first the option the input's keys pick out (see above). Returns `union`.
 * Relies on zod's internals (`_zod.run`, `_zod.def.options`), so the zod version is pinned in package.json.
 */
export function firstMatch<T extends z.ZodType>(union: T): T {
  const zod = (union as unknown as { _zod: Internals })._zod;
  const { options } = zod.def;
  const all = zod.run;
  // The keys each option requires, found on first use: an option may hold the lazy schema this
  // union is being built for, which cannot be asked about its keys until it is built.
  let required: (readonly string[])[] | undefined;
  const requiredKeys = (): (readonly string[])[] =>
    options.map((option) => {
      const shape = option._zod.def.shape;
      return shape ? Object.keys(shape).filter((key) => shape[key]!._zod.optin === undefined) : [];
    });
  const run: Internals['run'] = (payload, ctx) => {
    const input = payload.value;
    if (ctx?.async || ctx?.direction === 'backward' || input === null || typeof input !== 'object' || Array.isArray(input))
      return all(payload, ctx);
    required ??= requiredKeys();
    // zod counts a key as given when `key in input`; an option lacking one of its keys fails. An
    // option that requires no key (or is no object schema) cannot be ruled out: zod decides.
    let k = -1;
    for (let i = 0; i < required.length && k < 0; i++) {
      const keys = required[i]!;
      if (keys.length === 0) return all(payload, ctx);
      if (keys.every((key) => key in (input as object))) k = i;
    }
    if (k < 0) return all(payload, ctx);
    const result = options[k]!._zod.run({ value: input, issues: [] }, ctx) as { issues: unknown[] };
    return result.issues.length === 0 ? result : all(payload, ctx);
  };
  zod.run = run;
  zod.parse = run;
  return union;
}
