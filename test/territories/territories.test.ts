import Holidays from 'date-holidays';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TimeError,
  addWorkingDays,
  endOfDay,
  holidaysBetween,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  type Calendar,
} from '../../src/index.js';
import { calendarFromDateHolidays, type DateHolidaysLike } from '../../src/territories/index.js';

// The Crown Dependencies through date-holidays@3.37.0. Facts pinned here were checked against:
// - Jersey: Liberation Day 9 May is a public holiday, and is not moved when it falls on a weekend
//   (States of Jersey, Legislation Committee statement, 16 March 2004, on the Public Holidays and Bank
//   Holidays (Jersey) Act 1952: https://statesassembly.je/publications/statements/2004/statement-by-the-president-of-the-legislation-committee-re-public-holidays-in-2004).
// - Guernsey: Liberation Day 9 May, not moved when on a weekend (Wikipedia, "Public holidays in
//   Guernsey", citing gov.gg).
// - Isle of Man: Isle of Man Government, "Bank Holidays in the Isle of Man 2022" (gov.im, 6 July 2021):
//   Friday 10 June TT Bank Holiday, Tuesday 5 July Tynwald Day, Tuesday 27 December Christmas Day
//   substitute; and the Treasury's 2026 list (reported by iomtoday.co.im, 11 September 2025).

/** Builds a calendar once per territory; each reads 100 years from date-holidays. */
const calendars: Record<'JE' | 'GG' | 'IM', Calendar> = {} as never;
beforeAll(() => {
  for (const territory of ['JE', 'GG', 'IM'] as const) {
    calendars[territory] = calendarFromDateHolidays(new Holidays(territory), { territory });
  }
});

function thrown(run: () => unknown): TimeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TimeError);
    return error as TimeError;
  }
  throw new Error('expected a TimeError');
}

describe('Jersey', () => {
  it('labels the calendar with its territory', () => {
    expect(calendars.JE.territory).toBe('JE');
    expect(calendars.JE.region).toBe('england-and-wales');
  });

  it.each(['2023-05-09', '2024-05-09', '2025-05-09'])('Liberation Day %s (a weekday) is not a working day', (date) => {
    expect(isWorkingDay(date, calendars.JE)).toBe(false);
    expect(isWorkingDay(date)).toBe(true); // but it is in England
  });

  it('counts past Liberation Day', () => {
    // Friday 9 May 2025: the next working day after Thursday 8 May is Monday 12 May.
    expect(addWorkingDays('2025-05-08', 1, calendars.JE)).toBe('2025-05-12');
    expect(addWorkingDays('2025-05-08', 1)).toBe('2025-05-09');
    // Thursday 9 May 2024; 6 May is the early May bank holiday.
    expect(addWorkingDays('2024-05-03', 3, calendars.JE)).toBe('2024-05-10');
    expect(workingDaysBetween('2024-05-03', '2024-05-10', calendars.JE)).toBe(3);
    expect(nextWorkingDay('2024-05-08', calendars.JE)).toBe('2024-05-10');
  });

  it('gives no substitute when Liberation Day falls on a weekend', () => {
    // Saturday 9 May 2026: Monday 11 May is an ordinary working day.
    expect(isWorkingDay('2026-05-11', calendars.JE)).toBe(true);
    expect(addWorkingDays('2026-05-08', 1, calendars.JE)).toBe('2026-05-11');
  });

  it('lists the holidays by name, without observances such as Mother\u2019s Day', () => {
    expect(holidaysBetween('2025-03-01', '2025-05-31', calendars.JE)).toEqual([
      { date: '2025-04-18', name: 'Good Friday', kind: 'bank-holiday' },
      { date: '2025-04-21', name: 'Easter Monday', kind: 'bank-holiday' },
      { date: '2025-05-05', name: 'Early May bank holiday', kind: 'bank-holiday' },
      { date: '2025-05-09', name: 'Liberation Day', kind: 'bank-holiday' },
      { date: '2025-05-26', name: 'Spring bank holiday', kind: 'bank-holiday' },
    ]);
  });

  it('applies the usual calendar options on top', () => {
    const jersey = calendarFromDateHolidays(new Holidays('JE'), {
      territory: 'JE',
      closures: [{ from: '2025-05-12', to: '2025-05-13', name: 'Office move' }],
      workingDayEnd: '17:00',
    });
    expect(addWorkingDays('2025-05-08', 1, jersey)).toBe('2025-05-14');
    expect(endOfDay('2025-05-14', jersey)).toBe('2025-05-14T17:00:00+01:00');
  });
});

describe('Guernsey', () => {
  it('Liberation Day, Friday 9 May 2025, is not a working day', () => {
    expect(isWorkingDay('2025-05-09', calendars.GG)).toBe(false);
    expect(addWorkingDays('2025-05-08', 1, calendars.GG)).toBe('2025-05-12');
  });
});

describe('Isle of Man', () => {
  it('matches the Government\u2019s 2022 list, as date-holidays gives it', () => {
    expect(holidaysBetween('2022-06-01', '2022-07-31', calendars.IM).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2022-06-02 Spring bank holiday',
      '2022-06-03 Queen’s Platinum Jubilee',
      '2022-06-10 Tourist Trophy, Senior Race Day',
      '2022-07-05 Tynwald Day',
    ]);
    expect(isWorkingDay('2022-12-27', calendars.IM)).toBe(false); // Christmas Day substitute
  });

  it('counts past Tynwald Day and TT Senior Race Day', () => {
    // Tuesday 5 July 2022.
    expect(addWorkingDays('2022-07-04', 1, calendars.IM)).toBe('2022-07-06');
    // Friday 5 July 2024.
    expect(addWorkingDays('2024-07-04', 1, calendars.IM)).toBe('2024-07-08');
    // Friday 10 June 2022.
    expect(addWorkingDays('2022-06-09', 1, calendars.IM)).toBe('2022-06-13');
    expect(workingDaysBetween('2022-06-06', '2022-07-08', calendars.IM)).toBe(22);
  });

  it('skips the Christmas substitutes date-holidays gives', () => {
    // Boxing Day 2026 is a Saturday; its substitute is Monday 28 December.
    expect(addWorkingDays('2026-12-24', 1, calendars.IM)).toBe('2026-12-29');
  });
});

// date-holidays@3.37.0 is behind the Isle of Man Treasury's 2026 list: it puts the TT Bank Holiday on
// the second Friday in June (12 June; the Treasury says Friday 5 June), gives no Monday for a Sunday
// Tynwald Day (the Treasury: Monday 6 July) and has no Summer Bank Holiday (Monday 31 August). Guernsey
// likewise lacks its Summer Bank Holiday (last Monday in August). These tests show the fix an
// integrator makes with the calendar options, and fail if a date-holidays upgrade changes the raw data.
describe('correcting date-holidays with addHolidays / removeHolidays', () => {
  it('the raw Isle of Man 2026 data differs from the official list', () => {
    expect(isWorkingDay('2026-06-05', calendars.IM)).toBe(true);
    expect(isWorkingDay('2026-06-12', calendars.IM)).toBe(false);
    expect(isWorkingDay('2026-07-06', calendars.IM)).toBe(true);
    expect(isWorkingDay('2026-08-31', calendars.IM)).toBe(true);
    expect(isWorkingDay('2026-08-31', calendars.GG)).toBe(true);
  });

  it('the corrected Isle of Man calendar matches the Treasury\u2019s 2026 list', () => {
    const isleOfMan = calendarFromDateHolidays(new Holidays('IM'), {
      territory: 'IM',
      removeHolidays: ['2026-06-12'],
      addHolidays: [
        { date: '2026-06-05', name: 'TT Bank Holiday' },
        { date: '2026-07-06', name: 'Tynwald Day Bank Holiday' },
        { date: '2026-08-31', name: 'Summer Bank Holiday' },
      ],
    });
    expect(holidaysBetween('2026-01-01', '2026-12-31', isleOfMan).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-06-05',
      '2026-07-06',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(addWorkingDays('2026-07-03', 1, isleOfMan)).toBe('2026-07-07');
  });
});

describe('which date-holidays types count', () => {
  const fake = (type: string): DateHolidaysLike => ({
    getHolidays: (year) =>
      year === 2026 ? [{ date: '2026-03-03 00:00:00', start: new Date(Date.UTC(2026, 2, 3)), type, name: 'Founders Day' }] : [],
  });

  it('public and bank by default; others when asked', () => {
    expect(isWorkingDay('2026-03-03', calendarFromDateHolidays(fake('bank')))).toBe(false);
    expect(isWorkingDay('2026-03-03', calendarFromDateHolidays(fake('optional'), { types: ['optional'] }))).toBe(false);
    expect(isWorkingDay('2026-03-04', calendarFromDateHolidays(fake('optional'), { types: ['optional'] }))).toBe(true);
    expect(calendarFromDateHolidays(fake('bank')).territory).toBe('date-holidays');
  });

  it('an observance-only source is refused rather than silently all working days', () => {
    expect(thrown(() => calendarFromDateHolidays(fake('observance'))).message).toMatch(/no holidays of type "public" or "bank"/);
  });
});

describe('bad arguments', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['the class instead of an instance', Holidays],
    ['an object without getHolidays', { holidays: [] }],
    ['a country code', 'JE'],
  ])('%s is a time/invalid-holidays TimeError that shows what to pass', (_label, value) => {
    const error = thrown(() => calendarFromDateHolidays(value as never));
    expect(error.code).toBe('time/invalid-holidays');
    expect(error.path).toEqual(['holidays']);
    expect(error.message).toMatch(/new Holidays\('JE'\)/);
  });

  it('an instance created without a country is refused', () => {
    const error = thrown(() => calendarFromDateHolidays(new Holidays()));
    expect(error.code).toBe('time/invalid-holidays');
    expect(error.message).toMatch(/create it with a country, e\.g\. new Holidays\('JE'\)/);
  });

  it('a getHolidays that returns something else, or a holiday without a date, names where', () => {
    expect(thrown(() => calendarFromDateHolidays({ getHolidays: () => null as never })).path).toEqual(['holidays', 2000]);
    const badDate = { getHolidays: () => [{ date: '9 May', start: new Date(0), type: 'public', name: 'Liberation Day' }] };
    const error = thrown(() => calendarFromDateHolidays(badDate));
    expect(error.path).toEqual(['holidays', 2000, 0, 'date']);
    expect(error.message).toMatch(/"9 May"/);
  });

  it.each([[[]], ['public'], [[1]]])('types %j is a time/invalid-holiday-types TimeError', (types) => {
    const error = thrown(() => calendarFromDateHolidays(new Holidays('JE'), { types: types as never }));
    expect(error.code).toBe('time/invalid-holiday-types');
    expect(error.path).toEqual(['types']);
  });

  it('other options are checked as createCalendar checks them', () => {
    const error = thrown(() => calendarFromDateHolidays(new Holidays('JE'), { closures: ['2025-02-30'] }));
    expect(error.code).toBe('time/invalid-date');
    expect(error.path).toEqual(['closures', 0]);
    expect(thrown(() => calendarFromDateHolidays(new Holidays('JE'), { territory: '' })).code).toBe('time/invalid-territory');
  });

  it('the calendar refuses bad dates like any other', () => {
    expect(thrown(() => addWorkingDays('2025-02-30', 1, calendars.JE)).code).toBe('time/invalid-date');
    expect(thrown(() => addWorkingDays('2099-12-31', 1, calendars.JE)).code).toBe('time/out-of-range');
  });
});
