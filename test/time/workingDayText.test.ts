import { beforeAll, describe, expect, it } from 'vitest';
import { type Calendar, type CalendarLike, TimeError, addWorkingDays, createCalendar, holidaysBetween } from '../../src/index.js';
import { DAY_COUNT, FIRST_DAY, parseDay } from '../../src/time/_days.js';

// addWorkingDays on strings reads its date through a slot table of its own (src/time/_dateSlots.ts)
// rather than through parseDay and the rank table the engine uses. These tests hold it to the
// definition (DESIGN.md "Time semantics": the Nth working day after X; N = 0 is X itself on a working
// day, else the next one), computed here by walking the days one at a time over the calendar's
// holidays as holidaysBetween lists them, with dates written by Date, for every day of the range.
// A calendar's first sum on a date of a given year goes the general way (parseDay), which fills that
// year of its slot table; so each check below first makes a sum in every year, for the slot table to
// be the one tested.

/** Fills every year of a calendar's slot table. */
const warm = (calendar: CalendarLike) => {
  for (let year = 2000; year <= 2099; year++) addWorkingDays(`${year}-06-15`, 1, calendar);
};

const MS_PER_DAY = 86_400_000;
const iso = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const LAST = FIRST_DAY + DAY_COUNT - 1;

/** The answer by walking, or undefined when it falls after 2099-12-31. */
function walker(calendar: CalendarLike): (day: number, n: number) => string | undefined {
  const off = new Set(holidaysBetween('2000-01-01', '2099-12-31', calendar).map((h) => Date.parse(h.date) / MS_PER_DAY));
  const working = (day: number) => new Date(day * MS_PER_DAY).getUTCDay() % 6 !== 0 && !off.has(day);
  return (day, n) => {
    let d = day;
    if (n === 0) while (!working(d)) d++;
    for (let counted = 0; counted < n; ) if (working(++d)) counted++;
    return d <= LAST ? iso(d) : undefined;
  };
}

/** What a call throws, as the fields users read, or undefined when it returns. */
function thrown(call: () => unknown): { code: string; message: string; path: readonly (string | number)[] } | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    if (!(error instanceof TimeError)) throw error;
    return { code: error.code, message: error.message, path: error.path };
  }
}

const calendars: [string, CalendarLike][] = [
  ['the default calendar', undefined as unknown as CalendarLike],
  ['scotland', 'scotland'],
  ['northern-ireland', 'northern-ireland'],
  ['jersey', 'jersey'],
  [
    'a calendar with closures and a moved holiday',
    createCalendar({
      region: 'england-and-wales',
      closures: ['2026-12-24', { from: '2026-12-29', to: '2026-12-31' }, { from: '2099-12-20', to: '2099-12-24' }, '2000-01-04'],
      addHolidays: [{ date: '2027-05-10', name: 'Extra bank holiday' }],
      removeHolidays: ['2027-05-03'],
    }),
  ],
];

describe('addWorkingDays on strings agrees with a day-by-day walk on every day of the range', () => {
  it.each(calendars)('%s, for n = 0, 1, 5 and 30', (_, calendar) => {
    const walk = walker(calendar);
    warm(calendar);
    let compared = 0;
    let pastTheEnd = 0;
    for (const n of [0, 1, 5, 30]) {
      for (let day = FIRST_DAY; day <= LAST; day++) {
        const expected = walk(day, n);
        if (expected === undefined) {
          // Past 2099-12-31: the refusal the day-number path gives, a time/out-of-range without a path.
          const error = thrown(() => addWorkingDays(iso(day), n, calendar));
          expect(error?.code).toBe('time/out-of-range');
          expect(error?.path).toEqual([]);
          expect(error?.message).toMatch(/^2100-01-01 is outside the supported range 2000-01-01 to 2099-12-31/);
          pastTheEnd++;
        } else {
          const got = addWorkingDays(iso(day), n, calendar);
          if (got !== expected) expect(`${iso(day)} + ${n}: ${got}`).toBe(`${iso(day)} + ${n}: ${expected}`);
        }
        compared++;
      }
    }
    expect(compared).toBe(4 * DAY_COUNT);
    // The last days of 2099 do run past the end for n = 30, so the refusal above was exercised.
    expect(pastTheEnd).toBeGreaterThan(0);
  });

  it('a copy of a calendar (structuredClone, as to a worker) gives the same answers', () => {
    const calendar = calendars[4]![1] as Calendar;
    const copy = structuredClone(calendar);
    warm(copy);
    for (let day = FIRST_DAY; day <= LAST - 60; day += 7) {
      for (const n of [0, 1, 5, 30]) expect(addWorkingDays(iso(day), n, copy)).toBe(addWorkingDays(iso(day), n, calendar));
    }
  });
});

describe('addWorkingDays on strings refuses what parseDay refuses, with the same error, in the same order', () => {
  beforeAll(() => warm(undefined as unknown as CalendarLike));

  const refused: unknown[] = [
    '2026-02-29',
    '2024-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2026-01-39',
    '2026-12-35',
    '2026-19-01',
    '2026-20-01',
    '2026-04-31',
    '1999-12-31',
    '2100-01-01',
    '0000-01-01',
    '9999-12-31',
    '20x6-01-01',
    '2026/01/01',
    '2026-1-011',
    '2026-01-1x',
    '202６-01-01',
    '2O26-01-01',
    '2026-01-01T',
    '2026-01-1',
    '',
    ' 2026-01-01',
    20260101,
    null,
    undefined,
    {},
  ];

  it.each(refused.map((value) => [JSON.stringify(value) ?? String(value), value]))('%s', (_, value) => {
    const expected = thrown(() => parseDay(value, ['date']));
    expect(expected?.code).toMatch(/^time\/(invalid-date|out-of-range)$/);
    expect(thrown(() => addWorkingDays(value as string, 1))).toEqual(expected);
    // The date is checked before N, and the calendar before the date.
    expect(thrown(() => addWorkingDays(value as string, -1))).toEqual(expected);
    expect(thrown(() => addWorkingDays(value as string, 1, 'atlantis' as never))?.code).toBe('time/unknown-region');
  });

  it('accepts the dates either side of those refusals', () => {
    const walk = walker(undefined as unknown as CalendarLike);
    for (const date of ['2024-02-29', '2026-02-28', '2026-12-31', '2026-01-01', '2000-01-01', '2099-12-01', '2026-04-30']) {
      expect(addWorkingDays(date, 1)).toBe(walk(parseDay(date), 1));
    }
  });

  it('N at the edges of the fast path: -0 is 0, and any N past the last working day is out of range', () => {
    expect(addWorkingDays('2026-12-25', -0)).toBe(addWorkingDays('2026-12-25', 0));
    for (const n of [26_000, 65_535, 65_536, 2 ** 31, 2 ** 53 - 1]) {
      expect(thrown(() => addWorkingDays('2000-01-03', n))?.code).toBe('time/out-of-range');
    }
    // About 25,300 working days in the century: the first day's sum lands inside for somewhat fewer.
    expect(addWorkingDays('2000-01-03', 25_000)).toBe(walker(undefined as unknown as CalendarLike)(parseDay('2000-01-03'), 25_000));
  });

  it('a valid date with a bad N is refused for N', () => {
    for (const n of [-1, 1.5, Number.NaN, '1', null])
      expect(thrown(() => addWorkingDays('2026-12-21', n as number))?.code).toBe('time/invalid-amount');
  });
});

describe('before and after the slot table is built', () => {
  it("a new calendar answers a year's first sum the general way, and the same from its slot table after", () => {
    const calendar = createCalendar({ region: 'scotland', closures: [{ from: '2030-12-23', to: '2031-01-03' }] });
    const walk = walker(calendar);
    for (let year = 2000; year <= 2098; year++) {
      for (const date of [`${year}-01-01`, `${year}-12-24`, `${year}-03-01`]) {
        const expected = walk(parseDay(date), 5);
        expect(addWorkingDays(date, 5, calendar)).toBe(expected);
        expect(addWorkingDays(date, 5, calendar)).toBe(expected);
      }
    }
  });
});

describe('a calendar whose tables the slot table cannot hold', () => {
  it('is still answered right, the general way', () => {
    // Every day a working day: ranks up to 36,525, more than the slot table's 16 bits carry. Only a
    // hand-made calendar can look like this, but it passes the calendar check, so it must not be misread.
    const days = Int32Array.from({ length: DAY_COUNT }, (_, i) => FIRST_DAY + i);
    const calendar = {
      region: 'england-and-wales',
      workingDayEnd: undefined,
      confirmedUntil: '2027-12-31',
      tables: {
        working: new Uint8Array(DAY_COUNT).fill(1),
        rank: Int32Array.from({ length: DAY_COUNT }, (_, i) => i + 1),
        workingDays: days,
        named: new Map(),
        endOfDayMs: 86_399_999,
        confirmedUntilDay: 0,
      },
    } as Calendar;
    warm(calendar);
    for (const day of [FIRST_DAY, FIRST_DAY + 20_000, LAST - 31]) {
      expect(addWorkingDays(iso(day), 0, calendar)).toBe(iso(day));
      expect(addWorkingDays(iso(day), 30, calendar)).toBe(iso(day + 30));
    }
    expect(thrown(() => addWorkingDays(iso(LAST), 1, calendar))?.code).toBe('time/out-of-range');
  });
});
