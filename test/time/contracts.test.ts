// Every time function keeps its TSDoc contract on any argument (issue #18, bugs 7 and 8): a result
// in range, or a TimeError with a code (for the functions that throw), or `success: false` (for the
// ones that return a result union). Never a garbage string, and never a TypeError.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_RANGE,
  TimeError,
  addDays,
  addHours,
  addMonths,
  addWeeks,
  addWorkingDays,
  calendarFromGovUkFeed,
  createCalendar,
  due,
  endOfDay,
  evaluateTimescale,
  formatDuration,
  holidaysBetween,
  isWorkingDay,
  nextWorkingDay,
  parseDuration,
  parseInstant,
  toLondonDate,
  toLondonInstant,
  workingDaysBetween,
} from '../../src/index.js';

/** The TimeError's code, or the result; anything else thrown fails the test. */
function outcome(fn: () => unknown): { code: string } | { value: unknown } {
  try {
    return { value: fn() };
  } catch (error) {
    if (error instanceof TimeError) {
      expect(error.code).toMatch(/^time\/[a-z-]+$/);
      expect(error.issues).toEqual([{ code: error.code, path: error.path, message: error.message }]);
      return { code: error.code };
    }
    throw error;
  }
}
const codeOf = (fn: () => unknown): string | undefined => {
  const o = outcome(fn);
  return 'code' in o ? o.code : undefined;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const inRange = (date: unknown): boolean =>
  typeof date === 'string' && DATE.test(date) && date >= SUPPORTED_RANGE.from && date <= SUPPORTED_RANGE.to && parseInstant(date).success;
/** An instant as the library writes it: London's offset, milliseconds only when some, and it reads back. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?\+0[01]:00$/;
const instantInRange = (text: unknown): boolean =>
  typeof text === 'string' && INSTANT.test(text) && parseInstant(text).success && parseInstant(text).success === true;
const isDue = (value: unknown): boolean => {
  const d = value as { at?: unknown; date?: unknown };
  return d !== null && typeof d === 'object' && instantInRange(d.at) && inRange(d.date);
};

describe('numbers that are not whole, finite or in range (bug 7)', () => {
  it('the issue reproducers are TimeErrors, not strings', () => {
    expect(codeOf(() => addDays('2026-01-01', 1.5))).toBe('time/invalid-amount');
    expect(codeOf(() => addDays('2026-01-01', Number.NaN))).toBe('time/invalid-amount');
    expect(codeOf(() => addMonths('2026-01-01', 1.5))).toBe('time/invalid-amount');
    expect(codeOf(() => addWeeks('2026-01-01', 0.5))).toBe('time/invalid-amount');
    expect(codeOf(() => addHours('2026-01-01', Number.NaN))).toBe('time/invalid-amount');
    expect(codeOf(() => addHours('2026-01-01', 1e6))).toBe('time/out-of-range');
    expect(codeOf(() => addHours('2026-01-01', 1e12))).toBe('time/out-of-range');
    expect(codeOf(() => addDays('2026-01-01', 1e12))).toBe('time/out-of-range');
    expect(codeOf(() => due('2026-01-01', {} as never))).toBe('time/invalid-duration');
  });

  it('fractional hours are elapsed time to the nearest millisecond', () => {
    expect(addHours('2026-01-01T10:00Z', 1e-9)).toBe('2026-01-01T10:00:00+00:00');
    expect(addHours('2026-01-01T10:00Z', 0.5)).toBe('2026-01-01T10:30:00+00:00');
    expect(addHours('2026-01-01T10:00Z', 1 / 3)).toBe('2026-01-01T10:20:00+00:00');
    expect(addHours('2026-01-01T10:00Z', 1 / 3600000)).toBe('2026-01-01T10:00:00.001+00:00');
  });

  it('a Duration object is checked like its text', () => {
    expect(due('2026-01-05', { unit: 'workingDays', amount: 5 }).date).toBe('2026-01-12');
    for (const bad of [
      { unit: 'workingDays', amount: 1.5 },
      { unit: 'workingDays', amount: -1 },
      { unit: 'days', amount: Number.NaN },
      { unit: 'hours', amount: 1e12 },
      { unit: 'fortnights', amount: 1 },
      { unit: 'workingDays' },
      { amount: 5 },
    ])
      expect(
        codeOf(() => due('2026-01-05', bad as never)),
        JSON.stringify(bad),
      ).toBe('time/invalid-duration');
    expect(codeOf(() => formatDuration({ unit: 'days', amount: 1.5 } as never))).toBe('time/invalid-duration');
    expect(codeOf(() => formatDuration(null as never))).toBe('time/invalid-duration');
  });

  it('an instant object whose milliseconds are not a whole number is refused', () => {
    expect(parseInstant({ toMillis: () => 1.5 }).success).toBe(false);
    expect(parseInstant({ toMillis: () => '1767225600000' }).success).toBe(false);
    expect(
      parseInstant({
        toMillis: () => {
          throw new Error('broken');
        },
      }).success,
    ).toBe(false);
  });
});

describe('options of the wrong shape (bug 8, the time functions)', () => {
  it('the issue reproducers are TimeErrors, not TypeErrors', () => {
    expect(codeOf(() => due('2026-01-01', null as never))).toBe('time/invalid-duration');
    expect(codeOf(() => createCalendar(null as never))).toBe('time/invalid-options');
    expect(codeOf(() => createCalendar({ closures: 'abc' } as never))).toBe('time/invalid-options');
    expect(codeOf(() => createCalendar({ closures: { length: 1 } } as never))).toBe('time/invalid-options');
    expect(codeOf(() => createCalendar({ addHolidays: 'x' } as never))).toBe('time/invalid-options');
    expect(codeOf(() => createCalendar({ removeHolidays: {} } as never))).toBe('time/invalid-options');
    expect(codeOf(() => createCalendar('scotland' as never))).toBe('time/invalid-options');
    expect(codeOf(() => createCalendar([] as never))).toBe('time/invalid-options');
    expect(codeOf(() => createCalendar({ closures: [{ from: '2026-12-24', to: '2026-12-31', name: 5 }] } as never))).toBe(
      'time/invalid-closure',
    );
    expect(codeOf(() => evaluateTimescale({ within: '5wd' }, null as never))).toBe('time/invalid-options');
    expect(codeOf(() => evaluateTimescale({ earliestOf: 'abc' } as never, {}))).toBe('time/invalid-timescale');
    expect(codeOf(() => evaluateTimescale({ earliestOf: [] }, {}))).toBe('time/invalid-timescale');
    expect(codeOf(() => evaluateTimescale({ within: '5wd', from: 5 } as never, {}))).toBe('time/invalid-timescale');
    expect(calendarFromGovUkFeed({}, null as never)).toMatchObject({ success: false, issues: [{ code: 'time/invalid-options' }] });
    expect(codeOf(() => addWorkingDays('2026-01-05', 1, { tables: { rank: new Int32Array(1) } } as never))).toBe('time/invalid-calendar');
  });

  it('a good options object still works, and undefined fields are omitted', () => {
    const calendar = createCalendar({ region: undefined, closures: undefined, workingDayEnd: undefined } as never);
    expect(addWorkingDays('2026-12-21', 5, calendar)).toBe('2026-12-30');
    expect(addWorkingDays('2026-12-21', 5, structuredClone(createCalendar({ closures: ['2026-12-22'] })))).toBe('2026-12-31');
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const number = fc.oneof(
  fc.integer({ min: -50_000, max: 50_000 }),
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0.5,
    1.5,
    1e-9,
    1e6,
    1e12,
    1e300,
    2 ** 53,
    -(2 ** 53),
  ),
);
const date = fc.oneof(
  fc.integer({ min: 0, max: 36_524 }).map((i) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom('1999-12-31', '2099-12-31', '2100-01-01', '2026-02-30'),
);
const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true });
/** Objects shaped like options, with fields of any type, and anything else. */
const optionsLike = fc.oneof(
  anything,
  fc.record(
    {
      region: fc.oneof(fc.constantFrom('england-and-wales', 'scotland', 'northern-ireland', 'wales'), anything),
      closures: fc.oneof(fc.array(fc.oneof(date, anything), { maxLength: 3 }), anything, fc.constant({ length: 1 })),
      addHolidays: fc.oneof(fc.array(fc.record({ date, name: fc.oneof(fc.string(), anything) }), { maxLength: 2 }), anything),
      removeHolidays: fc.oneof(fc.array(fc.oneof(date, anything), { maxLength: 2 }), anything),
      workingDayEnd: fc.oneof(fc.constantFrom('17:00', '24:00', '9:00'), anything),
    },
    { requiredKeys: [] },
  ),
);
const calendarLike = fc.oneof(fc.constant(undefined), fc.constantFrom('scotland', 'mars'), anything);
const instant = fc.oneof(
  date,
  date.map((d) => `${d}T10:00`),
  anything,
);

const RUNS = { numRuns: 300 };

describe('every time function on arbitrary numbers, dates and objects (fast-check)', () => {
  it('day arithmetic: a date in range or a TimeError', () => {
    fc.assert(
      fc.property(date, number, (d, n) => {
        for (const f of [addDays, addWeeks, addMonths, addWorkingDays]) {
          const o = outcome(() => f(d, n));
          if ('value' in o) {
            expect(inRange(o.value), `${f.name}(${d}, ${n}) = ${String(o.value)}`).toBe(true);
            expect(Number.isInteger(n), `${f.name}(${d}, ${n}) accepted a fraction`).toBe(true);
          }
        }
        const hours = outcome(() => addHours(d, n));
        if ('value' in hours) expect(instantInRange(hours.value), `addHours(${d}, ${n}) = ${String(hours.value)}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('durations with any amount and unit: a due date in range or a TimeError', () => {
    const unit = fc.oneof(fc.constantFrom('workingDays', 'hours', 'days', 'weeks', 'months', 'immediately', 'sameWorkingDay'), anything);
    fc.assert(
      fc.property(date, unit, number, calendarLike, (d, u, n, cal) => {
        const o = outcome(() => due(d, { unit: u, amount: n } as never, cal as never));
        if ('value' in o) expect(isDue(o.value), JSON.stringify(o.value)).toBe(true);
        const text = outcome(() => due(d, `${n}${typeof u === 'string' ? u : 'wd'}`, cal as never));
        if ('value' in text) expect(isDue(text.value)).toBe(true);
      }),
      RUNS,
    );
  });

  it('any argument in any position: a result of the promised shape or a TimeError, never another error', () => {
    fc.assert(
      fc.property(instant, instant, anything, calendarLike, (a, b, x, cal) => {
        const checks: [string, () => unknown, (v: unknown) => boolean][] = [
          ['isWorkingDay', () => isWorkingDay(a as never, cal as never), (v) => typeof v === 'boolean'],
          ['nextWorkingDay', () => nextWorkingDay(a as never, cal as never), inRange],
          ['addWorkingDays', () => addWorkingDays(a as never, x as never, cal as never), inRange],
          ['workingDaysBetween', () => workingDaysBetween(a as never, b as never, cal as never), Number.isSafeInteger],
          ['endOfDay', () => endOfDay(a as never, cal as never), instantInRange],
          ['holidaysBetween', () => holidaysBetween(a as never, b as never, cal as never), Array.isArray],
          ['due', () => due(a as never, x as never, cal as never), isDue],
          ['due text', () => due(a as never, '5wd', cal as never), isDue],
          ['addHours', () => addHours(a as never, x as never), instantInRange],
          ['addDays', () => addDays(a as never, x as never), inRange],
          ['addMonths', () => addMonths(a as never, x as never), inRange],
          ['toLondonDate', () => toLondonDate(a as never), inRange],
          ['toLondonInstant', () => toLondonInstant(a as never), instantInRange],
          ['formatDuration', () => formatDuration(x as never), (v) => parseDuration(v).success],
          ['evaluateTimescale', () => evaluateTimescale(x as never, { default: a } as never, cal as never), (v) => typeof v === 'object'],
          [
            'evaluateTimescale within',
            () => evaluateTimescale({ within: '5wd', from: 'x' }, x as never, cal as never),
            (v) => typeof v === 'object',
          ],
        ];
        for (const [name, call, ok] of checks) {
          const o = outcome(call);
          if ('value' in o) expect(ok(o.value), `${name} gave ${String(o.value)}`).toBe(true);
        }
        // The result unions never throw at all.
        expect(typeof parseInstant(a).success).toBe('boolean');
        expect(typeof parseDuration(x).success).toBe('boolean');
      }),
      RUNS,
    );
  });
});

describe('every time-function option argument of arbitrary shape (fast-check)', () => {
  it('createCalendar, calendarFromGovUkFeed and the calendar argument: a calendar, a TimeError or success: false', () => {
    const feed = { 'england-and-wales': { events: [{ title: 'New Year', date: '2026-01-01' }] } };
    fc.assert(
      fc.property(optionsLike, (options) => {
        const built = outcome(() => createCalendar(options as never));
        if ('value' in built) expect(inRange(addWorkingDays('2026-06-01', 3, built.value as never))).toBe(true);
        const result = calendarFromGovUkFeed(feed, options as never);
        if (!result.success) expect(result.issues[0]!.code).toMatch(/^time\//);
        else expect(inRange(nextWorkingDay('2026-06-01', result.calendar))).toBe(true);
        const asCalendar = outcome(() => addWorkingDays('2026-06-01', 1, options as never));
        if ('value' in asCalendar) expect(inRange(asCalendar.value)).toBe(true);
        const duration = outcome(() => due('2026-01-01', options as never));
        if ('value' in duration) expect(isDue(duration.value)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });
});
