// Option arguments read defensively, for every layer. TypeScript types say what an integrator should
// pass; a caller in plain JavaScript, or one passing a value from a configuration file, may pass
// anything. These readers turn every wrong shape into a TimeError with a path, never a TypeError.
// @internal: src/time and src/engine use them; they are not part of the public API.

import { describe } from './_days.js';
import { TimeError } from './timeError.js';

type Path = readonly (string | number)[];

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * @internal An options argument: `undefined` is no options; anything but a non-array object is a
 * `time/invalid-options` TimeError naming `what` (e.g. "createCalendar's options").
 */
export function readOptions(value: unknown, what: string, path: Path = []): Readonly<Record<string, unknown>> {
  if (value === undefined) return EMPTY;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TimeError(
      'time/invalid-options',
      `Expected ${what} to be an object such as { closures: [...] }, got ${describe(value)}.`,
      path,
    );
  }
  return value as Readonly<Record<string, unknown>>;
}

/** @internal An optional list field: `undefined` or an array, else `time/invalid-options`. */
export function readList(
  options: Readonly<Record<string, unknown>>,
  key: string,
  example: string,
  path: Path = [],
): readonly unknown[] | undefined {
  const value = options[key];
  if (value === undefined || Array.isArray(value)) return value;
  throw new TimeError('time/invalid-options', `Expected "${key}" to be a list such as ${example}, got ${describe(value)}.`, [...path, key]);
}

/** @internal An optional text field: `undefined` or a string, else `time/invalid-options`. */
export function readText(options: Readonly<Record<string, unknown>>, key: string, example: string, path: Path = []): string | undefined {
  const value = options[key];
  if (value === undefined || typeof value === 'string') return value;
  throw new TimeError('time/invalid-options', `Expected "${key}" to be text such as ${example}, got ${describe(value)}.`, [...path, key]);
}

/**
 * @internal A whole number of some unit for the arithmetic functions (`time/invalid-amount`
 * otherwise): safe integers only, since a fraction or NaN would print as a garbage date and a number
 * past 2^53 has lost its units digit.
 */
export function readWholeNumber(value: unknown, unit: string, path: Path): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new TimeError('time/invalid-amount', `Expected a whole number of ${unit}, got ${describe(value)}.`, path);
}
