import { readFileSync } from 'node:fs';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { decodeHolidayTable } from '../../src/time/_holidayTable.js';
import { formatDay } from '../../src/time/_days.js';
import { BANK_HOLIDAYS, FIRST_YEAR, GENERATED_FROM, HOLIDAY_NAMES, LAST_YEAR } from '../../src/time/_bankHolidays.generated.js';
import {
  // The UK divisions; the Crown Dependencies are pinned in test/time/crownDependencies.test.ts.
  UK_REGIONS as REGIONS,
  REGION_STATES,
  computeBankHolidays,
  computeRawBankHolidays,
  dateHolidaysVersion,
  loadCorrections,
  renderGeneratedModule,
} from '../../scripts/generate-holidays.mjs';

// The bundled UK bank-holiday tables (src/time/_bankHolidays.generated.ts) are built by
// scripts/generate-holidays.mjs from date-holidays' GB rules plus src/time/holiday-corrections.json.
// These tests pin them to the official record.
//
// Source: GOV.UK, "UK bank holidays", Government Digital Service, https://www.gov.uk/bank-holidays and
// https://www.gov.uk/bank-holidays.json. The fixture test/fixtures/govuk-bank-holidays-2012-2027.json is
// a verbatim copy of /work/shared/data/govuk-bank-holidays-2012-2027.json: that feed's dates for
// 2012-2027, merged from archived copies taken between 2012 and mid-2025 (see its "source" field).
// Contains public sector information licensed under the Open Government Licence v3.0
// (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).
// Source: Banking and Financial Dealings Act 1971, Schedule 1 (as amended by the St Andrew's Day Bank
// Holiday (Scotland) Act 2007), https://www.legislation.gov.uk/ukpga/1971/80/schedule/1.

type Region = (typeof REGIONS)[number];
type Holiday = { date: string; name: string };

const ROOT = new URL('../../', import.meta.url);
const GENERATED_FILE = new URL('src/time/_bankHolidays.generated.ts', ROOT);
const FEED = JSON.parse(readFileSync(new URL('test/fixtures/govuk-bank-holidays-2012-2027.json', ROOT), 'utf8')) as {
  source: string;
  divisions: Record<Region, string[]>;
};

/** The committed generated module, decoded. */
const generated: Record<Region, Holiday[]> = Object.fromEntries(
  REGIONS.map((region) => [
    region,
    decodeHolidayTable(BANK_HOLIDAYS[region]).map(({ day, name: index }) => {
      const name = HOLIDAY_NAMES[index];
      if (name === undefined) throw new Error(`bad name index ${index} in ${region}`);
      return { date: formatDay(day), name };
    }),
  ]),
) as Record<Region, Holiday[]>;

const raw = computeRawBankHolidays();
const corrections = loadCorrections().filter((c): c is typeof c & { region: Region } => (REGIONS as readonly string[]).includes(c.region));
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

const inYear = (list: readonly Holiday[], year: number) => list.filter((h) => h.date.startsWith(`${year}-`));
const datesIn = (list: readonly Holiday[], year: number) => inYear(list, year).map((h) => h.date);
const find = (region: Region, date: string) => generated[region].find((h) => h.date === date);
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
/** 0 = Sunday … 6 = Saturday */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Does date-holidays itself (not via the script) list a public holiday on this date? */
function dateHolidaysHas(region: Region, date: string): boolean {
  const hd = new Holidays('GB', REGION_STATES[region]);
  return hd.getHolidays(Number(date.slice(0, 4))).some((h) => h.type === 'public' && h.date.startsWith(date));
}

describe('generated module', () => {
  it('is up to date with the installed date-holidays and the corrections file', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderGeneratedModule(computeBankHolidays()));
  });

  it('records its provenance and range', () => {
    expect(GENERATED_FROM).toBe(`date-holidays@${dateHolidaysVersion()}`);
    expect(GENERATED_FROM).toBe('date-holidays@3.37.0');
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([2000, 2099]);
    for (const region of REGIONS) {
      const dates = generated[region].map((h) => h.date);
      expect(dates[0]?.startsWith('2000-')).toBe(true);
      expect(dates.at(-1)?.startsWith('2099-')).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it('keeps the name list short and uses GOV.UK names (substitute days keep the name of the day they replace)', () => {
    expect(HOLIDAY_NAMES).toEqual([
      "New Year's Day",
      'Good Friday',
      'Easter Monday',
      'Early May bank holiday',
      'Spring bank holiday',
      'Summer bank holiday',
      'Christmas Day',
      'Boxing Day',
      "Queen's Golden Jubilee",
      'Royal wedding',
      "Queen's Diamond Jubilee",
      'Early May bank holiday (VE day)',
      'Platinum Jubilee bank holiday',
      'Bank Holiday for the State Funeral of Queen Elizabeth II',
      'Bank holiday for the coronation of King Charles III',
      '2nd January',
      "St Andrew's Day",
      'World Cup bank holiday',
      "St Patrick's Day",
      "Battle of the Boyne (Orangemen's Day)",
      'TT bank holiday',
      'Tynwald Day',
      'Liberation Day',
      'Corn Riots anniversary',
      'Royal visit',
    ]);
  });
});

// Source: GOV.UK bank holidays feed, https://www.gov.uk/bank-holidays.json (fixture described above).
describe('2012-2027 against the GOV.UK feed', () => {
  it('the fixture covers every year 2012-2027 in all three divisions', () => {
    expect(Object.keys(FEED.divisions).sort()).toEqual([...REGIONS].sort());
    for (const region of REGIONS) {
      const years = new Set(FEED.divisions[region].map((d) => Number(d.slice(0, 4))));
      expect([...years].sort()).toEqual(Array.from({ length: 16 }, (_, i) => 2012 + i));
    }
  });

  // The archive stops in mid-2025; bank holidays proclaimed since then are listed here, each with its
  // own test below, and are the only dates allowed beyond the archive.
  const ANNOUNCED_AFTER_ARCHIVE: Record<Region, string[]> = {
    'england-and-wales': [],
    scotland: ['2026-06-15'], // World Cup bank holiday, proclaimed February 2026
    'northern-ireland': [],
  };

  const cases = REGIONS.flatMap((region) => Array.from({ length: 16 }, (_, i) => [region, 2012 + i] as const));
  it.each(cases)('%s %i: generated dates equal the feed exactly (plus holidays announced after the archive)', (region, year) => {
    const official = [...FEED.divisions[region], ...ANNOUNCED_AFTER_ARCHIVE[region]].filter((d) => d.startsWith(`${year}-`)).sort();
    expect(datesIn(generated[region], year)).toEqual(official);
  });

  it('the only 2012-2027 differences from date-holidays 3.37.0 are the corrected ones', () => {
    for (const region of REGIONS) {
      const official = new Set(FEED.divisions[region]);
      const rawDates = raw[region].map((h) => h.date).filter((d) => d >= '2012' && d < '2028');
      const missing = [...official].filter((d) => !rawDates.includes(d));
      const extra = rawDates.filter((d) => !official.has(d));
      expect({ missing, extra }).toEqual({ missing: ['2012-06-04'], extra: ['2012-05-28'] });
    }
  });
});

describe('corrections (src/time/holiday-corrections.json)', () => {
  it('every correction is sourced and explained', () => {
    expect(corrections.length).toBe(28);
    for (const c of corrections) {
      expect(c.reason.length).toBeGreaterThan(20);
      expect(c.source).toMatch(/https?:\/\//);
    }
  });

  it.each(corrections.map((c) => [c.action, c.region, c.date, c] as const))('%s %s %s', (action, region, date, c) => {
    const rawHas = raw[region].some((h) => h.date === date);
    if (action === 'remove') {
      expect(rawHas).toBe(true);
      expect(dateHolidaysHas(region, date)).toBe(true);
      expect(find(region, date)).toBeUndefined();
    } else {
      expect(rawHas).toBe(false);
      expect(dateHolidaysHas(region, date)).toBe(false);
      expect(find(region, date)).toEqual({ date, name: c.name });
    }
  });
});

describe('one-off and moved bank holidays', () => {
  const has = (date: string) => REGIONS.filter((region) => find(region, date) !== undefined);

  // Source: Royal Proclamation appointing Monday 15th June 2026 as a bank holiday in Scotland
  // (s.1(3) Banking and Financial Dealings Act 1971), reported by PA Media, 4 February 2026,
  // https://www.shropshirestar.com/uk-news/2026/02/04/king-announces-scottish-bank-holiday-to-mark-nations-world-cup-debut-game/;
  // Scottish Government, "World Cup bank holiday confirmed", https://www.gov.scot/news/world-cup-bank-holiday-confirmed/;
  // GOV.UK data commit https://github.com/alphagov/frontend/commit/609b0436da9f86b51e69262a95874b7ff3d3b712 (25 Feb 2026).
  it('2026-06-15: World Cup bank holiday, Scotland only (not in date-holidays 3.37.0 nor the feed archive)', () => {
    expect(find('scotland', '2026-06-15')).toEqual({ date: '2026-06-15', name: 'World Cup bank holiday' });
    expect(has('2026-06-15')).toEqual(['scotland']);
    expect(dateHolidaysHas('scotland', '2026-06-15')).toBe(false);
    expect(FEED.divisions.scotland).not.toContain('2026-06-15');
    expect(inYear(generated.scotland, 2026)).toHaveLength(10);
  });

  // Source: "Bank holiday announced for Her Majesty Queen Elizabeth II's State Funeral on Monday 19 September",
  // Cabinet Office, GOV.UK, 10 September 2022, https://www.gov.uk/government/news/bank-holiday-announced-for-her-majesty-queen-elizabeth-iis-state-funeral-on-monday-19-september
  it('2022-09-19: State Funeral of Queen Elizabeth II, all regions', () => {
    expect(has('2022-09-19')).toEqual([...REGIONS]);
    expect(find('england-and-wales', '2022-09-19')?.name).toBe('Bank Holiday for the State Funeral of Queen Elizabeth II');
    for (const region of REGIONS) expect(dateHolidaysHas(region, '2022-09-19')).toBe(true);
  });

  // Source: "Bank holiday proclaimed in honour of the coronation of His Majesty King Charles III", Cabinet Office,
  // GOV.UK, November 2022, https://www.gov.uk/government/news/bank-holiday-proclaimed-in-honour-of-the-coronation-of-his-majesty-king-charles-iii
  it('2023-05-08: coronation of King Charles III, all regions', () => {
    expect(has('2023-05-08')).toEqual([...REGIONS]);
    expect(find('scotland', '2023-05-08')?.name).toBe('Bank holiday for the coronation of King Charles III');
    expect(has('2023-05-01')).toEqual([...REGIONS]);
  });

  // Source: Proclamation appointing Friday 8th May 2020 as a bank holiday, The Gazette notice 3326938,
  // https://www.thegazette.co.uk/notice/3326938 (Scotland likewise, per the GOV.UK feed).
  it('2020-05-08: early May bank holiday moved to VE Day, all regions', () => {
    expect(has('2020-05-08')).toEqual([...REGIONS]);
    expect(has('2020-05-04')).toEqual([]);
    expect(find('northern-ireland', '2020-05-08')?.name).toBe('Early May bank holiday (VE day)');
  });

  // Source: "Extra bank holiday to mark the Queen's Platinum Jubilee in 2022", GOV.UK, 12 November 2020,
  // https://www.gov.uk/government/news/extra-bank-holiday-to-mark-the-queens-platinum-jubilee-in-2022
  it('2022-06-02/03: Spring bank holiday moved to Thursday 2 June, Platinum Jubilee on Friday 3 June, all regions', () => {
    expect(has('2022-06-02')).toEqual([...REGIONS]);
    expect(has('2022-06-03')).toEqual([...REGIONS]);
    expect(has('2022-05-30')).toEqual([]);
    expect(find('scotland', '2022-06-02')?.name).toBe('Spring bank holiday');
    expect(find('scotland', '2022-06-03')?.name).toBe('Platinum Jubilee bank holiday');
  });

  // Source: "'Extra holiday' for Queen's jubilee", BBC News, 24 November 2000, http://news.bbc.co.uk/2/hi/uk_news/1038809.stm
  it('2002-06-03/04: Golden Jubilee holiday and Spring bank holiday moved from 27 May, all regions (corrected)', () => {
    expect(has('2002-06-03')).toEqual([...REGIONS]);
    expect(has('2002-06-04')).toEqual([...REGIONS]);
    expect(has('2002-05-27')).toEqual([]);
    expect(find('england-and-wales', '2002-06-03')?.name).toBe("Queen's Golden Jubilee");
    expect(find('england-and-wales', '2002-06-04')?.name).toBe('Spring bank holiday');
    for (const region of REGIONS) {
      expect(dateHolidaysHas(region, '2002-05-27')).toBe(true);
      expect(dateHolidaysHas(region, '2002-06-03')).toBe(false);
      expect(dateHolidaysHas(region, '2002-06-04')).toBe(false);
    }
  });

  // Source: GOV.UK 2011 bank holidays data, https://github.com/alphagov/calendars/blob/c0d9b6f55b0829291fddd13b7f0621bcf7348e1d/lib/data/bank_holidays.json;
  // "Royal wedding promises April bank holiday bonanza", The Guardian, 23 November 2010.
  it('2011-04-29: royal wedding, all regions (corrected)', () => {
    expect(has('2011-04-29')).toEqual([...REGIONS]);
    expect(find('scotland', '2011-04-29')?.name).toBe('Royal wedding');
    for (const region of REGIONS) expect(dateHolidaysHas(region, '2011-04-29')).toBe(false);
  });

  // Source: GOV.UK feed (fixture); Scottish Government, "Queen's Diamond Jubilee", January 2010.
  it('2012-06-04/05: Spring bank holiday moved from 28 May, Diamond Jubilee on 5 June, all regions (corrected)', () => {
    expect(has('2012-06-04')).toEqual([...REGIONS]);
    expect(has('2012-06-05')).toEqual([...REGIONS]);
    expect(has('2012-05-28')).toEqual([]);
    expect(find('northern-ireland', '2012-06-05')?.name).toBe("Queen's Diamond Jubilee");
  });

  // Source: St Andrew's Day Bank Holiday (Scotland) Act 2007, https://www.legislation.gov.uk/asp/2007/2/contents
  it("St Andrew's Day is a Scottish bank holiday from 2007 only (corrected for 2000-2006)", () => {
    for (let year = 2000; year <= 2006; year++) {
      expect(inYear(generated.scotland, year).filter((h) => h.name === "St Andrew's Day")).toEqual([]);
    }
    expect(find('scotland', '2007-11-30')?.name).toBe("St Andrew's Day");
    expect(find('scotland', '2008-12-01')?.name).toBe("St Andrew's Day");
  });

  // Source: "Bad Bank Holidays", Matthew Somerville, https://dracos.co.uk/wrote/bad-bank-holidays (update of 21 January 2014).
  it('Scotland 4 January 2010 and 2011 were not bank holidays (no Royal Proclamation; corrected)', () => {
    expect(datesIn(generated.scotland, 2010).filter((d) => d < '2010-02-01')).toEqual(['2010-01-01']);
    expect(datesIn(generated.scotland, 2011).filter((d) => d < '2011-02-01')).toEqual(['2011-01-03']);
    // 2005 and 2000 did have a proclaimed 4 January.
    expect(datesIn(generated.scotland, 2005).filter((d) => d < '2005-02-01')).toEqual(['2005-01-03', '2005-01-04']);
    expect(datesIn(generated.scotland, 2000).filter((d) => d < '2000-02-01')).toEqual(['2000-01-03', '2000-01-04']);
  });
});

describe('rules over 2000-2099', () => {
  it('no bank holiday falls on a Saturday or Sunday', () => {
    for (const region of REGIONS) {
      const weekend = generated[region].filter((h) => weekday(h.date) === 0 || weekday(h.date) === 6);
      expect(weekend).toEqual([]);
    }
  });

  // Observed counts per year: England and Wales 8 (9 in 2002, 2011, 2012, 2023; 10 in 2022);
  // Scotland 9 (8 in 2000-2006 except 2002, and in 2010; 10 in 2012, 2023, 2026; 11 in 2022);
  // Northern Ireland 10 (11 in 2002, 2011, 2012, 2023; 12 in 2022).
  const EXPECTED_COUNT: Record<Region, (year: number) => number> = {
    'england-and-wales': (y) => ({ 2002: 9, 2011: 9, 2012: 9, 2022: 10, 2023: 9 })[y] ?? 8,
    scotland: (y) => ({ 2000: 8, 2001: 8, 2003: 8, 2004: 8, 2005: 8, 2006: 8, 2010: 8, 2012: 10, 2022: 11, 2023: 10, 2026: 10 })[y] ?? 9,
    'northern-ireland': (y) => ({ 2002: 11, 2011: 11, 2012: 11, 2022: 12, 2023: 11 })[y] ?? 10,
  };

  it.each(REGIONS)('%s: holidays per year match the observed counts', (region) => {
    const counts = YEARS.map((year) => inYear(generated[region], year).length);
    expect(counts).toEqual(YEARS.map(EXPECTED_COUNT[region]));
  });

  it('every region has 8 to 11 bank holidays every year, except Northern Ireland in 2022 (12)', () => {
    for (const region of REGIONS) {
      for (const year of YEARS) {
        const count = inYear(generated[region], year).length;
        if (region === 'northern-ireland' && year === 2022) expect(count).toBe(12);
        else {
          expect(count).toBeGreaterThanOrEqual(8);
          expect(count).toBeLessThanOrEqual(11);
        }
      }
    }
  });

  // GOV.UK practice: Christmas on a Saturday -> Christmas Day substitute Monday 27, Boxing Day Tuesday 28;
  // Christmas on a Sunday -> Boxing Day Monday 26, Christmas Day substitute Tuesday 27;
  // Christmas on a Friday -> Boxing Day substitute Monday 28.
  it('Christmas Day and Boxing Day, or their substitutes, every year in every region', () => {
    for (const region of REGIONS) {
      for (const year of YEARS) {
        const dow = weekday(iso(year, 12, 25));
        const expected =
          dow === 6
            ? [
                { date: iso(year, 12, 27), name: 'Christmas Day' },
                { date: iso(year, 12, 28), name: 'Boxing Day' },
              ]
            : dow === 0
              ? [
                  { date: iso(year, 12, 26), name: 'Boxing Day' },
                  { date: iso(year, 12, 27), name: 'Christmas Day' },
                ]
              : dow === 5
                ? [
                    { date: iso(year, 12, 25), name: 'Christmas Day' },
                    { date: iso(year, 12, 28), name: 'Boxing Day' },
                  ]
                : [
                    { date: iso(year, 12, 25), name: 'Christmas Day' },
                    { date: iso(year, 12, 26), name: 'Boxing Day' },
                  ];
        const december = inYear(generated[region], year).filter((h) => h.date >= iso(year, 12, 20));
        expect({ region, year, december }).toEqual({ region, year, december: expected });
      }
    }
  });

  it('Christmas on a Saturday: Monday 27 and Tuesday 28 December (e.g. 2004, 2010, 2021, 2027, 2099)', () => {
    const saturdays = YEARS.filter((y) => weekday(iso(y, 12, 25)) === 6);
    expect(saturdays.slice(0, 4)).toEqual([2004, 2010, 2021, 2027]);
    for (const year of saturdays) {
      for (const region of REGIONS) {
        expect(find(region, iso(year, 12, 27))?.name).toBe('Christmas Day');
        expect(find(region, iso(year, 12, 28))?.name).toBe('Boxing Day');
      }
    }
  });

  it('New Year: 1 January or the next Monday (England and Wales, Northern Ireland); 1 and 2 January or the next weekdays (Scotland)', () => {
    for (const year of YEARS) {
      const jan1 = iso(year, 1, 1);
      const dow = weekday(jan1);
      const single = dow === 6 ? addDays(jan1, 2) : dow === 0 ? addDays(jan1, 1) : jan1;
      for (const region of ['england-and-wales', 'northern-ireland'] as const) {
        expect(inYear(generated[region], year).filter((h) => h.date < iso(year, 1, 10))).toEqual([
          { date: single, name: "New Year's Day" },
        ]);
      }
      // Scotland: the first two weekdays from 1 January (Fri -> 1 and 4; Sat -> 3 and 4; Sun -> 2 and 3).
      const first = single;
      const second = weekday(first) === 5 ? addDays(first, 3) : addDays(first, 1);
      let expected = [
        { date: first, name: "New Year's Day" },
        { date: second, name: '2nd January' },
      ];
      if (year === 2010 || year === 2011) expected = expected.filter((h) => h.date !== iso(year, 1, 4)); // no proclamation
      expect(inYear(generated.scotland, year).filter((h) => h.date < iso(year, 1, 10))).toEqual(expected);
    }
  });

  it("Scotland: St Andrew's Day 30 November, or the next Monday when it falls at a weekend (from 2007)", () => {
    for (const year of YEARS.filter((y) => y >= 2007)) {
      const nov30 = iso(year, 11, 30);
      const dow = weekday(nov30);
      const date = dow === 6 ? addDays(nov30, 2) : dow === 0 ? addDays(nov30, 1) : nov30;
      expect(generated.scotland.filter((h) => h.name === "St Andrew's Day" && h.date.startsWith(`${year}-`))).toEqual([
        { date, name: "St Andrew's Day" },
      ]);
    }
  });

  it("Northern Ireland: St Patrick's Day (17 March) and the Battle of the Boyne (12 July), or the next Monday", () => {
    for (const year of YEARS) {
      for (const [month, day, name] of [
        [3, 17, "St Patrick's Day"],
        [7, 12, "Battle of the Boyne (Orangemen's Day)"],
      ] as const) {
        const fixed = iso(year, month, day);
        const dow = weekday(fixed);
        const date = dow === 6 ? addDays(fixed, 2) : dow === 0 ? addDays(fixed, 1) : fixed;
        expect(generated['northern-ireland'].filter((h) => h.name === name && h.date.startsWith(`${year}-`))).toEqual([{ date, name }]);
        for (const region of ['england-and-wales', 'scotland'] as const) expect(generated[region].some((h) => h.name === name)).toBe(false);
      }
    }
  });

  it('Easter, May and August bank holidays follow the statutory rules, apart from the moved years', () => {
    /** Gregorian Easter Sunday (anonymous Gregorian algorithm), computed independently of date-holidays. */
    const easter = (y: number) => {
      const a = y % 19,
        b = Math.floor(y / 100),
        c = y % 100,
        d = Math.floor(b / 4),
        e = b % 4;
      const f = Math.floor((b + 8) / 25),
        g = Math.floor((b - f + 1) / 3),
        h = (19 * a + b - d - g + 15) % 30;
      const i = Math.floor(c / 4),
        k = c % 4,
        l = (32 + 2 * e + 2 * i - h - k) % 7,
        m = Math.floor((a + 11 * h + 22 * l) / 451);
      const month = Math.floor((h + l - 7 * m + 114) / 31),
        day = ((h + l - 7 * m + 114) % 31) + 1;
      return iso(y, month, day);
    };
    const firstMonday = (y: number, month: number) => {
      const d1 = iso(y, month, 1);
      return addDays(d1, (8 - weekday(d1)) % 7);
    };
    const lastMonday = (y: number, month: number, lastDay: number) => {
      const end = iso(y, month, lastDay);
      return addDays(end, -((weekday(end) + 6) % 7));
    };
    const nameOn = (region: Region, date: string) => find(region, date)?.name;
    for (const year of YEARS) {
      const sunday = easter(year);
      const earlyMay = year === 2020 ? '2020-05-08' : firstMonday(year, 5);
      const spring =
        ({ 2002: '2002-06-04', 2012: '2012-06-04', 2022: '2022-06-02' } as Record<number, string>)[year] ?? lastMonday(year, 5, 31);
      for (const region of REGIONS) {
        expect(nameOn(region, addDays(sunday, -2))).toBe('Good Friday');
        expect(nameOn(region, addDays(sunday, 1))).toBe(region === 'scotland' ? undefined : 'Easter Monday');
        expect(nameOn(region, earlyMay)).toBe(year === 2020 ? 'Early May bank holiday (VE day)' : 'Early May bank holiday');
        expect(nameOn(region, spring)).toBe('Spring bank holiday');
        const summer = region === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8, 31);
        expect(nameOn(region, summer)).toBe('Summer bank holiday');
        expect(generated[region].filter((h) => h.name === 'Easter Monday' && h.date.startsWith(`${year}-`)).length).toBe(
          region === 'scotland' ? 0 : 1,
        );
        for (const name of ['Good Friday', 'Early May bank holiday', 'Spring bank holiday', 'Summer bank holiday']) {
          expect(generated[region].filter((h) => h.name.startsWith(name) && h.date.startsWith(`${year}-`)).length).toBe(1);
        }
      }
    }
  });
});
