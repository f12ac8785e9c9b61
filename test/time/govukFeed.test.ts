import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarFromGovUkFeed, holidaysBetween, isWorkingDay } from '../../src/index.js';

// The official dates as published up to mid-2025 (Open Government Licence), rebuilt in the shape of the
// live feed at https://www.gov.uk/bank-holidays.json: { [division]: { division, events: [{ title, date, notes, bunting }] } }.
const dates = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/govuk-bank-holidays-2012-2027.json'), 'utf8'))
  .divisions as Record<string, string[]>;
type Feed = Record<string, { division: string; events: { title: string; date: string; notes: string; bunting: boolean }[] }>;
const feed: Feed = Object.fromEntries(
  Object.entries(dates).map(([division, list]) => [
    division,
    { division, events: list.map((date) => ({ title: 'Bank holiday', date, notes: '', bunting: true })) },
  ]),
);

/** The regions GOV.UK's feed covers; the Crown Dependencies publish their own lists. */
const UK_DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

describe('calendarFromGovUkFeed', () => {
  it.each(UK_DIVISIONS)("%s: the feed's holidays are exactly the calendar's for the years it covers", (region) => {
    const result = calendarFromGovUkFeed(feed, { region });
    expect(result.success).toBe(true);
    if (!result.success) return;
    const expected = feed[region]!.events.map((e) => e.date)
      .filter((d) => !['6', '0'].includes(String(new Date(d).getUTCDay())))
      .sort();
    expect(holidaysBetween('2012-01-01', '2027-12-31', result.calendar).map((h) => h.date)).toEqual(expected);
  });

  it('is the authority for the years it covers: a day it drops stops being a holiday, one it adds starts', () => {
    const edited = structuredClone(feed);
    edited.scotland!.events = edited.scotland!.events.filter((e) => e.date !== '2026-11-30');
    edited.scotland!.events.push({ title: 'World Cup bank holiday', date: '2026-06-15', notes: '', bunting: true });
    const result = calendarFromGovUkFeed(edited, { region: 'scotland' });
    if (!result.success) return expect.unreachable();
    expect(isWorkingDay('2026-11-30', result.calendar)).toBe(true);
    expect(addWorkingDays('2026-06-12', 1, result.calendar)).toBe('2026-06-16');
    // Years the feed does not cover keep the bundled tables.
    expect(isWorkingDay('2030-12-25', result.calendar)).toBe(false);
  });

  it("without the World Cup holiday (the feed predates it) Scotland's 15 June 2026 is a working day", () => {
    const result = calendarFromGovUkFeed(feed, { region: 'scotland' });
    if (!result.success) return expect.unreachable();
    expect(isWorkingDay('2026-06-15', result.calendar)).toBe(true);
  });

  it('accepts the usual calendar options alongside', () => {
    const result = calendarFromGovUkFeed(feed, { closures: [{ from: '2026-12-24', to: '2026-12-31' }] });
    if (!result.success) return expect.unreachable();
    expect(addWorkingDays('2026-12-21', 5, result.calendar)).toBe('2027-01-06');
  });

  it.each([
    [null, 'england-and-wales/events'],
    [{ 'england-and-wales': { events: 'x' } }, 'england-and-wales/events'],
    [{ 'england-and-wales': { events: [{ date: '2026-13-01' }] } }, 'england-and-wales/events/0/date'],
  ])('refuses a malformed feed without throwing (%#)', (bad, path) => {
    const result = calendarFromGovUkFeed(bad);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]!.path.join('/')).toBe(path);
  });
});
