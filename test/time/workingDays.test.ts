import { describe, expect, it } from 'vitest';
import {
  TimeError,
  addWorkingDays,
  createCalendar,
  endOfDay,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  due,
} from '../../src/index.js';

// DESIGN.md "Time semantics": within N working days of X is due by the end of the Nth working day after
// X's local date; X's own day never counts; a weekend or holiday X counts from the next working day.

describe('addWorkingDays over the 2026 Christmas holidays (England and Wales)', () => {
  // 25 Dec 2026 is a Friday; Boxing Day falls on Saturday, so its substitute is Monday 28 Dec; 1 Jan 2027 is a Friday.
  it.each([
    [1, '2026-12-22'],
    [2, '2026-12-23'],
    [3, '2026-12-24'],
    [4, '2026-12-29'],
    [5, '2026-12-30'],
    [7, '2027-01-04'],
    [12, '2027-01-11'],
    [17, '2027-01-18'],
  ])('2026-12-21 + %i working days = %s', (n, expected) => {
    expect(addWorkingDays('2026-12-21', n)).toBe(expected);
  });

  it('skips Christmas Day, the Boxing Day substitute and New Year', () => {
    for (const day of ['2026-12-25', '2026-12-28', '2027-01-01']) expect(isWorkingDay(day)).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true);
  });
});

describe('regions differ', () => {
  it('Friday 2026-06-12 + 1 working day is Monday in England but Tuesday in Scotland (extra holiday 15 June 2026)', () => {
    expect(addWorkingDays('2026-06-12', 1, 'england-and-wales')).toBe('2026-06-15');
    expect(addWorkingDays('2026-06-12', 1, 'scotland')).toBe('2026-06-16');
  });

  it("St Patrick's Day is a holiday only in Northern Ireland", () => {
    expect(isWorkingDay('2026-03-17', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2026-03-17', 'england-and-wales')).toBe(true);
  });

  it('2 January is a holiday in Scotland only', () => {
    expect(isWorkingDay('2026-01-02', 'scotland')).toBe(false);
    expect(isWorkingDay('2026-01-02', 'england-and-wales')).toBe(true);
  });
});

describe('the day of X never counts', () => {
  it('whatever the hour of X', () => {
    expect(due('2026-12-21T00:00', '5wd').date).toBe('2026-12-30');
    expect(due('2026-12-21T23:59', '5wd').date).toBe('2026-12-30');
  });

  it('a weekend X counts from the next working day', () => {
    // Saturday 2026-06-13: the first working day after it is Monday 15th.
    expect(addWorkingDays('2026-06-13', 1)).toBe('2026-06-15');
    expect(addWorkingDays('2026-06-14', 2)).toBe('2026-06-16');
  });

  it('a holiday X counts from the next working day', () => {
    expect(addWorkingDays('2026-12-25', 1)).toBe('2026-12-29');
  });

  it('an X late on a Friday in BST still belongs to that Friday (local date, not UTC)', () => {
    // 23:30 BST on Friday 12 June is 22:30Z; 00:30 BST on Saturday 13 June is 23:30Z on Friday in UTC.
    expect(due('2026-06-12T23:30', '1wd').date).toBe('2026-06-15');
    expect(due('2026-06-12T23:30:00Z', '1wd').date).toBe('2026-06-15'); // Saturday 00:30 London
    expect(due('2026-06-13T00:30+01:00', '1wd').date).toBe('2026-06-15');
  });
});

describe('N = 0 is the same working day', () => {
  it('is X itself on a working day', () => {
    expect(addWorkingDays('2026-12-21', 0)).toBe('2026-12-21');
    expect(due('2026-12-21T15:00', 'sameWorkingDay').date).toBe('2026-12-21');
  });

  it('is the next working day when X is not one', () => {
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-29');
    expect(due('2026-12-26T10:00', 'sameWorkingDay').date).toBe('2026-12-29');
  });
});

describe('nextWorkingDay and workingDaysBetween', () => {
  it('nextWorkingDay is strictly after the date', () => {
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-29');
    expect(nextWorkingDay('2026-12-21')).toBe('2026-12-22');
  });

  it('counts working days after from, up to and including to', () => {
    expect(workingDaysBetween('2026-12-21', '2027-01-18')).toBe(17);
    expect(workingDaysBetween('2026-12-21', '2026-12-21')).toBe(0);
    expect(workingDaysBetween('2027-01-18', '2026-12-21')).toBe(-17);
    expect(workingDaysBetween('2026-12-24', '2026-12-28')).toBe(0);
  });
});

describe('end of day', () => {
  it('is 23:59:59.999 London time by default', () => {
    expect(endOfDay('2026-12-30')).toBe('2026-12-30T23:59:59.999+00:00');
    expect(endOfDay('2026-06-15')).toBe('2026-06-15T23:59:59.999+01:00');
    expect(due('2026-12-21', '5wd').at).toBe('2026-12-30T23:59:59.999+00:00');
  });

  it('is the working-day end when the integrator sets one', () => {
    const calendar = createCalendar({ workingDayEnd: '17:00' });
    expect(endOfDay('2026-06-15', calendar)).toBe('2026-06-15T17:00:00+01:00');
    expect(due('2026-12-21T09:00', '5wd', calendar).at).toBe('2026-12-30T17:00:00+00:00');
  });
});

describe('calendars with closures and late-announced holidays', () => {
  it('a council closure 24 to 31 December pushes deadlines past it', () => {
    const calendar = createCalendar({ closures: [{ from: '2026-12-24', to: '2026-12-31', name: 'Council closure' }] });
    expect(isWorkingDay('2026-12-29', calendar)).toBe(false);
    // 22, 23 (24-31 closed, 1 Jan holiday), 4, 5, 6 Jan.
    expect(addWorkingDays('2026-12-21', 5, calendar)).toBe('2027-01-06');
  });

  it('a single closure date', () => {
    const calendar = createCalendar({ closures: ['2026-12-22'] });
    expect(addWorkingDays('2026-12-21', 1, calendar)).toBe('2026-12-23');
  });

  it('a holiday announced after release, and one withdrawn', () => {
    const calendar = createCalendar({ addHolidays: [{ date: '2027-06-07', name: 'Extra bank holiday' }], removeHolidays: ['2026-12-28'] });
    expect(isWorkingDay('2027-06-07', calendar)).toBe(false);
    expect(isWorkingDay('2026-12-28', calendar)).toBe(true);
  });

  it('does not change the shared region calendar', () => {
    createCalendar({ closures: ['2026-12-22'] });
    expect(isWorkingDay('2026-12-22')).toBe(true);
  });

  it('refuses a closure that ends before it starts, naming the option', () => {
    expect(() => createCalendar({ closures: [{ from: '2026-12-31', to: '2026-12-24' }] })).toThrow(/swap "from" and "to"/);
  });

  it('refuses an unknown region with the accepted ones', () => {
    expect(() => createCalendar({ region: 'wales' as never })).toThrow(/england-and-wales/);
  });
});

describe('bad input and the supported range', () => {
  it('a malformed date is a TimeError with code and a suggestion', () => {
    try {
      addWorkingDays('2026-02-30', 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TimeError);
      expect((error as TimeError).code).toBe('time/invalid-date');
      expect((error as TimeError).message).toMatch(/YYYY-MM-DD/);
    }
  });

  it('refuses dates outside 2000-2099 rather than guessing', () => {
    expect(() => addWorkingDays('1999-12-31', 1)).toThrow(/outside the supported range 2000-01-01 to 2099-12-31/);
    expect(() => isWorkingDay('2100-01-04')).toThrow(TimeError);
    expect(() => addWorkingDays('2099-12-30', 5)).toThrow(/outside the supported range/);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-12-21', -1)).toThrow(/0 or more/);
    expect(() => addWorkingDays('2026-12-21', 1.5)).toThrow(TimeError);
  });
});
