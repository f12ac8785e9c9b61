import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  REGIONS,
  addWorkingDays,
  calendarFromGovUkFeed,
  createCalendar,
  due,
  getProtocol,
  holidaysBetween,
  isProvisional,
  parseProtocol,
  plan,
} from '../../src/index.js';
import { loadCorrections } from '../../scripts/generate-holidays.mjs';

// The Crown Dependencies as regions: tables from date-holidays' IM / JE / GG rules, the island rules
// in scripts/generate-holidays.mjs and the sourced corrections in src/time/holiday-corrections.json.
// Each year's list below is in test/fixtures/crown-dependencies-lists.json with its source:
// - Isle of Man 2022: "Bank Holidays in the Isle of Man 2022", Isle of Man Government (Treasury),
//   https://www.gov.im/news/2021/jul/06/bank-holidays-in-the-isle-of-man-2022/ (official);
// - Isle of Man 2023: the Treasury's list in Isle of Man Today, 25 October 2022, and "Bank holiday to
//   mark King's coronation", https://www.gov.im/news/2022/nov/09/bank-holiday-to-mark-kings-coronation/ (official);
// - Isle of Man 2026: the Treasury's list in Isle of Man Today, 11 September 2025,
//   https://www.iomtoday.co.im/news/mark-your-calendars-2026-bank-holidays-announced-for-isle-of-man-831415 (official);
// - Isle of Man 2024, 2025; Jersey 2026; Guernsey 2010, 2012: secondary copies (FEDEE, días-feriados,
//   birthdayagecalculator, islandlife.org), used because no official list for those years was found.
// All seen 2026-07-24.

type Island = 'isle-of-man' | 'jersey' | 'guernsey';
const LISTS = JSON.parse(readFileSync(new URL('../fixtures/crown-dependencies-lists.json', import.meta.url), 'utf8')) as Record<
  Island,
  Record<string, { kind: 'official' | 'secondary'; source: string; dates: string[] }>
>;
const ISLANDS: Island[] = ['isle-of-man', 'jersey', 'guernsey'];
const bankHolidays = (region: Island, year: string) =>
  holidaysBetween(`${year}-01-01`, `${year}-12-31`, region)
    .filter((d) => d.kind === 'bank-holiday')
    .map((d) => d.date);

describe('the Crown Dependencies are regions', () => {
  it('REGIONS lists them beside the GOV.UK divisions', () => {
    expect(REGIONS).toEqual(['england-and-wales', 'scotland', 'northern-ireland', 'isle-of-man', 'jersey', 'guernsey']);
  });

  it('a protocol file with "region": "isle-of-man" validates and plans on the island\'s holidays', () => {
    const swindon = getProtocol('swindon');
    const island = parseProtocol({ ...swindon, scope: { ...swindon.scope, region: 'isle-of-man' } });
    expect(island.success).toBe(true);
    if (!island.success) return;
    // Stage 1 is 2 working days: from Wednesday 3 June 2026, Friday 5 June (TT bank holiday) is skipped.
    expect(plan(island.protocol, { from: '2026-06-03' }).stages[0]?.dueDate).toBe('2026-06-08');
    expect(plan(swindon, { from: '2026-06-03' }).stages[0]?.dueDate).toBe('2026-06-05');
  });

  it('an unknown region still names them all', () => {
    const result = parseProtocol({ ...getProtocol('swindon'), scope: { subjects: ['child'], region: 'sark' } });
    expect(result.success).toBe(false);
  });
});

describe('each published year, exactly', () => {
  const cases = ISLANDS.flatMap((region) => Object.entries(LISTS[region]).map(([year, list]) => [region, year, list.kind, list] as const));
  it.each(cases)('%s %s (%s list)', (region, year, _kind, list) => {
    expect(list.source).toMatch(/https?:\/\//);
    expect(bankHolidays(region, year)).toEqual(list.dates);
  });

  it('pins at least three official Isle of Man years', () => {
    expect(Object.values(LISTS['isle-of-man']).filter((l) => l.kind === 'official')).toHaveLength(3);
  });
});

describe("the islands' own days", () => {
  // Isle of Man Treasury, 2026 list (source above).
  it('Isle of Man: TT bank holiday Friday 5 June 2026, Tynwald Day Monday 6 July, summer bank holiday 31 August', () => {
    expect(addWorkingDays('2026-06-04', 1, 'isle-of-man')).toBe('2026-06-08');
    expect(addWorkingDays('2026-07-03', 1, 'isle-of-man')).toBe('2026-07-07');
    expect(addWorkingDays('2026-08-28', 1, 'isle-of-man')).toBe('2026-09-01');
    expect(addWorkingDays('2026-06-04', 1)).toBe('2026-06-05');
  });

  // Covid years: "Isle of Man Cancels Senior Race Day Public Holiday", Q++Studio, 8 May 2020; "Covid: Bid
  // to reinstate Isle of Man TT week bank holiday rejected", BBC News, 22 April 2021.
  it('Isle of Man: the TT holiday moved to 28 August 2020 and 27 August 2021', () => {
    expect(holidaysBetween('2020-06-01', '2020-06-30', 'isle-of-man')).toEqual([]);
    expect(holidaysBetween('2021-08-27', '2021-08-27', 'isle-of-man')[0]?.name).toBe('TT bank holiday');
    expect(holidaysBetween('2020-08-28', '2020-08-28', 'isle-of-man')[0]?.name).toBe('TT bank holiday');
  });

  // Liberation Day is 9 May, with no day in lieu on a weekend (States Assembly of Jersey statement,
  // 16 March 2004; BBC News 2015 for Guernsey), except Guernsey's one-off Monday 10 May 2010.
  it('Jersey and Guernsey: Liberation Day on a weekday only; Guernsey 2010 a one-off Monday', () => {
    expect(addWorkingDays('2025-05-08', 1, 'jersey')).toBe('2025-05-12');
    expect(addWorkingDays('2025-05-08', 1, 'guernsey')).toBe('2025-05-12');
    expect(addWorkingDays('2026-05-08', 1, 'jersey')).toBe('2026-05-11');
    expect(holidaysBetween('2010-05-10', '2010-05-10', 'guernsey')).toHaveLength(1);
    expect(holidaysBetween('2010-05-10', '2010-05-10', 'jersey')).toEqual([]);
    expect(holidaysBetween('2021-05-10', '2021-05-10', 'jersey')).toEqual([]);
  });

  it('Guernsey: the summer bank holiday, Monday 31 August 2026', () => {
    expect(addWorkingDays('2026-08-28', 1, 'guernsey')).toBe('2026-09-01');
  });

  // Jersey one-offs, sourced in holiday-corrections.json.
  it('Jersey: 4 and 8 May 2020, the Corn Riots anniversary 2021, the royal visit 15 July 2024 (Guernsey: 16 July)', () => {
    expect(holidaysBetween('2020-05-04', '2020-05-08', 'jersey').map((d) => d.date)).toEqual(['2020-05-04', '2020-05-08']);
    expect(holidaysBetween('2020-05-04', '2020-05-08', 'guernsey').map((d) => d.date)).toEqual(['2020-05-08']);
    expect(addWorkingDays('2021-09-24', 1, 'jersey')).toBe('2021-09-28');
    expect(addWorkingDays('2024-07-12', 1, 'jersey')).toBe('2024-07-16');
    expect(addWorkingDays('2024-07-15', 1, 'guernsey')).toBe('2024-07-17');
  });

  it('every island correction is sourced and explained', () => {
    const island = loadCorrections().filter((c) => (ISLANDS as string[]).includes(c.region));
    expect(island.length).toBe(23);
    for (const c of island) {
      expect(c.reason.length).toBeGreaterThan(20);
      expect(c.source).toMatch(/https?:\/\//);
    }
  });
});

describe('provisional results', () => {
  it("each region knows its confirmed date: the UK's from the GOV.UK feed, the islands' from their lists", () => {
    expect(Object.fromEntries(REGIONS.map((r) => [r, createCalendar({ region: r }).confirmedUntil]))).toEqual({
      'england-and-wales': '2027-12-31',
      scotland: '2027-12-31',
      'northern-ireland': '2027-12-31',
      'isle-of-man': '2026-12-31',
      jersey: '2025-12-31',
      guernsey: '2025-12-31',
    });
  });

  it('a due date past it is provisional; one before it is not (the field is absent)', () => {
    expect(due('2027-12-30', '1wd')).toEqual({ at: '2027-12-31T23:59:59.999+00:00', date: '2027-12-31' });
    expect(due('2027-12-31', '1wd')).toEqual({ at: '2028-01-04T23:59:59.999+00:00', date: '2028-01-04', provisional: true });
    // The 2027 TT holiday is not announced: the estimate (first Friday in June) is used, marked provisional.
    expect(due('2027-06-03', '1wd', 'isle-of-man')).toMatchObject({ date: '2027-06-07', provisional: true });
    expect(isProvisional('2026-12-31', 'isle-of-man')).toBe(false);
    expect(isProvisional('2027-01-01', 'isle-of-man')).toBe(true);
  });

  it('plan marks stages past it: from 2029-12-21 provisional, from 2026-12-21 not', () => {
    const swindon = getProtocol('swindon');
    const late = plan(swindon, { from: '2029-12-21' });
    expect(late.confirmedUntil).toBe('2027-12-31');
    expect(late.stages.filter((s) => s.dueDate).every((s) => s.provisional === true)).toBe(true);
    const early = plan(swindon, { from: '2026-12-21' });
    expect(early.stages.some((s) => 'provisional' in s)).toBe(false);
  });

  it('added holidays, a confirmedUntil option and the GOV.UK feed move the confirmed date forward, never back', () => {
    const im = createCalendar({
      region: 'isle-of-man',
      addHolidays: [{ date: '2027-06-11', name: 'TT bank holiday' }],
      removeHolidays: ['2027-06-04'],
    });
    expect(im.confirmedUntil).toBe('2027-06-11');
    expect(addWorkingDays('2027-06-03', 1, im)).toBe('2027-06-04');
    expect(createCalendar({ region: 'jersey', confirmedUntil: '2027-12-31' }).confirmedUntil).toBe('2027-12-31');
    expect(createCalendar({ region: 'jersey', confirmedUntil: '2020-12-31' }).confirmedUntil).toBe('2025-12-31');
    const feed = { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year’s Day', date: '2029-01-01' }] } };
    const result = calendarFromGovUkFeed(feed);
    expect(result.success && result.calendar.confirmedUntil).toBe('2029-12-31');
  });

  it('calendarFromGovUkFeed says the islands are not in the GOV.UK feed', () => {
    const result = calendarFromGovUkFeed({}, { region: 'jersey' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]?.message).toContain("createCalendar({ region: 'jersey', addHolidays, confirmedUntil })");
  });
});
