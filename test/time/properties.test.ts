import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS, addWorkingDays, createCalendar, isWorkingDay, parseInstant, workingDaysBetween } from '../../src/index.js';
import { daysFromCivil, formatDay } from '../../src/time/_days.js';

// Dates well inside the range, so that adding up to 500 working days stays inside it.
const date = fc.integer({ min: daysFromCivil(2000, 1, 1), max: daysFromCivil(2097, 12, 31) }).map(formatDay);
const n = fc.integer({ min: 0, max: 500 });
const region = fc.constantFrom(...REGIONS);
const closures = fc.array(date, { maxLength: 5 });

describe('working-day invariants (fast-check)', () => {
  it('the result is a working day', () => {
    fc.assert(fc.property(date, n, region, (d, k, r) => isWorkingDay(addWorkingDays(d, k, r), r)));
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for n >= 1, and for n = 0 on a working day', () => {
    fc.assert(
      fc.property(date, n, region, closures, (d, k, r, c) => {
        const calendar = createCalendar({ region: r, closures: c });
        if (k === 0 && !isWorkingDay(d, calendar)) return true;
        return workingDaysBetween(d, addWorkingDays(d, k, calendar), calendar) === k;
      }),
    );
  });

  it('is monotonic in n, strictly from n = 1', () => {
    fc.assert(
      fc.property(date, n, region, (d, k, r) => {
        const a = addWorkingDays(d, k, r);
        const b = addWorkingDays(d, k + 1, r);
        return b > a || (k === 0 && b >= a);
      }),
    );
  });

  it('is never before the start date and never on it unless n = 0', () => {
    fc.assert(fc.property(date, n, region, (d, k, r) => (k === 0 ? addWorkingDays(d, k, r) >= d : addWorkingDays(d, k, r) > d)));
  });

  it('a closure is never a due date', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), (d, k) => {
        const calendar = createCalendar({ closures: [d] });
        return addWorkingDays(d, k, calendar) !== d && !isWorkingDay(d, calendar);
      }),
    );
  });

  it('parseInstant never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof parseInstant(value).success === 'boolean'));
    fc.assert(fc.property(fc.string(), (value) => typeof parseInstant(value).success === 'boolean'));
  });
});

describe('agrees with a plain day-by-day count', () => {
  it('for random dates and counts in every region', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), region, (d, k, r) => {
        let day = daysFromCivil(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
        let left = k;
        if (k === 0) {
          while (!isWorkingDay(formatDay(day), r)) day++;
        }
        while (left > 0) {
          day++;
          if (isWorkingDay(formatDay(day), r)) left--;
        }
        expect(addWorkingDays(d, k, r)).toBe(formatDay(day));
      }),
    );
  });
});
