/**
 * One problem with an input, as data: a stable `code`, the `path` to the offending value and a
 * `message` that says what to write instead. Shared by every layer of the library.
 */
export interface Issue {
  /** Stable, documented identifier such as `time/invalid-date`; safe to branch on. */
  readonly code: string;
  /** Where the problem is: object keys and array indexes from the root of the input. */
  readonly path: readonly (string | number)[];
  /** A sentence for a person, naming what to write instead. */
  readonly message: string;
}

/**
 * The error thrown by the time functions for bad input (a malformed date, a local time lost to the
 * spring clock change, a date outside the supported range). It keeps the {@link Issue}.
 *
 * @example
 * ```ts
 * try { addWorkingDays('2026-02-30', 5); }
 * catch (error) { if (error instanceof TimeError) console.log(error.code); } // 'time/invalid-date'
 * ```
 */
export class TimeError extends Error {
  /** The issue's stable code, e.g. `time/nonexistent-local-time`. */
  readonly code: string;
  /** Where in the input the problem is. */
  readonly path: readonly (string | number)[];
  /** The same problem as a one-element list, so it can join other issue lists unchanged. */
  readonly issues: readonly Issue[];

  /**
   * @param code - the stable code
   * @param message - what is wrong and what to write instead
   * @param path - where in the input
   */
  constructor(code: string, message: string, path: readonly (string | number)[] = []) {
    super(message);
    this.name = 'TimeError';
    this.code = code;
    this.path = path;
    this.issues = [{ code, path, message }];
  }
}
