#!/usr/bin/env node
// Builds src/time/_bankHolidays.generated.ts: bank holidays for 2000-2099 in the three GOV.UK
// divisions and the three Crown Dependencies, from the rules in the installed `date-holidays` package
// (country GB, states ENG / SCT / NIR; countries IM, JE, GG), the island rules below (ISLAND_RULES)
// and the sourced corrections in src/time/holiday-corrections.json, which also says, per region, the
// last date its government has confirmed (`confirmedUntil`).
//
// Usage: `npm run generate` (or `node scripts/generate-holidays.mjs`). The test
// test/time/bankHolidays.test.ts fails when the committed file is not what this script would write.
//
// Source: GOV.UK, "UK bank holidays", Government Digital Service, https://www.gov.uk/bank-holidays
// (and its JSON feed https://www.gov.uk/bank-holidays.json), for the names and the substitute-day
// practice ("If a bank holiday is on a weekend, a 'substitute' weekday becomes a bank holiday,
// normally the following Monday").
// Source: Banking and Financial Dealings Act 1971, Schedule 1, legislation.gov.uk,
// https://www.legislation.gov.uk/ukpga/1971/80/schedule/1, for the statutory days per division.
//
// How the date-holidays output is used:
// - only holidays of type `public` are bank holidays; GB also has `observance` entries (Mother's Day,
//   Easter Sunday, Father's Day) which are not;
// - date-holidays lists a fixed-date holiday on its calendar date even when that is a Saturday or
//   Sunday, and its substitute weekday separately (`substitute: true`); only weekdays are bank
//   holidays, so weekend entries are dropped (and every dropped one must have a substitute);
// - substitute days are named after the holiday they replace, as in the GOV.UK feed (whose `title`
//   is the holiday and whose `notes` says "Substitute day"); in Scotland, when New Year's Day and
//   2nd January both move, GOV.UK names the earlier weekday "New Year's Day" and the later one
//   "2nd January", and so does this script.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORRECTIONS_FILE = path.join(ROOT, 'src/time/holiday-corrections.json');
const OUTPUT_FILE = path.join(ROOT, 'src/time/_bankHolidays.generated.ts');

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** GOV.UK division → date-holidays GB state. Wales shares England's list (GOV.UK "england-and-wales"). */
export const REGION_STATES = Object.freeze({
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
});

/** Crown Dependency → date-holidays country. */
export const ISLAND_COUNTRIES = Object.freeze({
  'isle-of-man': 'IM',
  jersey: 'JE',
  guernsey: 'GG',
});

/** @typedef {keyof typeof REGION_STATES | keyof typeof ISLAND_COUNTRIES} Region */
/** @typedef {{ date: string, name: string }} BankHoliday */
/** @typedef {Record<Region, BankHoliday[]>} BankHolidayTable */
/**
 * @typedef {object} Correction
 * @property {Region} region
 * @property {string} date `YYYY-MM-DD`
 * @property {'add' | 'remove'} action
 * @property {string} [name] required for `add`
 * @property {string} reason
 * @property {string} source
 */

/** The GOV.UK divisions only. */
export const UK_REGIONS = /** @type {(keyof typeof REGION_STATES)[]} */ (Object.keys(REGION_STATES));

/** @type {Region[]} */
export const REGIONS = /** @type {Region[]} */ ([...Object.keys(REGION_STATES), ...Object.keys(ISLAND_COUNTRIES)]);

/** Fixed-date holidays that are simply not working-day matters when they fall on a weekend: no substitute. */
const NO_WEEKDAY_SUBSTITUTE = new Set([
  // Jersey: Public Holidays and Bank Holidays (Jersey) Law 1951, Schedule 1 (as revised 2010): 9 May is
  // a public holiday, with no day in lieu when it falls on a weekend. Source: "Statement by the President
  // of the Legislation Committee re public holidays in 2004", States Assembly of Jersey, 16 March 2004,
  // https://statesassembly.je/publications/statements/2004/statement-by-the-president-of-the-legislation-committee-re-public-holidays-in-2004
  // Guernsey: the Public Holidays Ordinance gives no day in lieu either (2010's Monday 10 May was a
  // one-off; 2015's call for one was rejected). Source: "Guernsey Liberation Day bank holiday rejected",
  // BBC News, 2015, https://feeds.bbci.co.uk/news/world-europe-guernsey-31045994
  'Liberation Day',
  // Isle of Man: ISLAND_RULES moves a weekend Tynwald Day to the Monday itself.
  'Tynwald Day',
]);

/**
 * date-holidays name → GOV.UK name (ASCII apostrophes). Substitute days keep the name of the holiday
 * they replace. An unknown name stops the script, so that a date-holidays upgrade is reviewed.
 * @type {Readonly<Record<string, string>>}
 */
const NAMES = Object.freeze({
  "New Year's Day": "New Year's Day",
  "New Year's Day (substitute day)": "New Year's Day",
  'January 2nd': '2nd January',
  'January 2nd (substitute day)': '2nd January',
  'St Patrick’s Day': "St Patrick's Day",
  'St Patrick’s Day (substitute day)': "St Patrick's Day",
  'Good Friday': 'Good Friday',
  'Easter Monday': 'Easter Monday',
  'Early May bank holiday': 'Early May bank holiday',
  'Early May bank holiday (VE day)': 'Early May bank holiday (VE day)',
  'Spring bank holiday': 'Spring bank holiday',
  'Battle of the Boyne (Orangemen’s Day)': "Battle of the Boyne (Orangemen's Day)",
  'Battle of the Boyne (Orangemen’s Day) (substitute day)': "Battle of the Boyne (Orangemen's Day)",
  'Summer bank holiday': 'Summer bank holiday',
  'St Andrew’s Day': "St Andrew's Day",
  'St Andrew’s Day (substitute day)': "St Andrew's Day",
  'Christmas Day': 'Christmas Day',
  'Christmas Day (substitute day)': 'Christmas Day',
  'Boxing Day': 'Boxing Day',
  'Boxing Day (substitute day)': 'Boxing Day',
  'Queen’s Diamond Jubilee': "Queen's Diamond Jubilee",
  'Queen’s Platinum Jubilee': 'Platinum Jubilee bank holiday',
  "Queen Elizabeth's Funeral Day": 'Bank Holiday for the State Funeral of Queen Elizabeth II',
  "King Charles III's Coronation": 'Bank holiday for the coronation of King Charles III',
  // The Crown Dependencies (date-holidays IM, JE, GG), named as their governments' lists name them.
  'Liberation Day': 'Liberation Day',
  'Summer Bank Holiday': 'Summer bank holiday',
  'Tynwald Day': 'Tynwald Day',
  'Tourist Trophy, Senior Race Day': 'TT bank holiday',
});

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @param {string} date `YYYY-MM-DD` @returns {number} 0 = Sunday … 6 = Saturday */
export function weekdayOf(date) {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** @param {string} date */
function isWeekend(date) {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

/** @param {string} date */
function isValidDate(date) {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** @returns {string} the installed date-holidays version */
export function dateHolidaysVersion() {
  const require = createRequire(import.meta.url);
  const pkg = /** @type {{ version: string }} */ (require('date-holidays/package.json'));
  return pkg.version;
}

/**
 * Bank holidays straight from date-holidays (no corrections): public holidays on weekdays, with
 * GOV.UK names, sorted by date.
 * @returns {BankHolidayTable}
 */
export function computeRawBankHolidays() {
  /** @type {Partial<BankHolidayTable>} */
  const out = {};
  for (const region of REGIONS) {
    const island = /** @type {Record<string, string>} */ (ISLAND_COUNTRIES)[region];
    const hd = island ? new Holidays(island) : new Holidays('GB', /** @type {Record<string, string>} */ (REGION_STATES)[region]);
    /** @type {BankHoliday[]} */
    const list = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const entries = hd.getHolidays(year, 'en').filter((h) => h.type === 'public');
      const substituted = new Set(entries.filter((h) => h.substitute).map((h) => h.rule));
      for (const h of entries) {
        const date = h.date.slice(0, 10);
        if (!isValidDate(date) || Number(date.slice(0, 4)) !== year) throw new Error(`date-holidays gave ${h.date} for ${year}`);
        const name = NAMES[h.name];
        if (name === undefined)
          throw new Error(
            `Unknown date-holidays holiday "${h.name}" (${region} ${date}, rule "${h.rule}"): add it to NAMES in scripts/generate-holidays.mjs after checking it against GOV.UK.`,
          );
        if (isWeekend(date)) {
          if (island && NO_WEEKDAY_SUBSTITUTE.has(name)) continue;
          // Only fixed-date holidays may fall on a weekend, and each must have a substitute rule.
          const hasSubstitute = [...substituted].some((rule) => typeof rule === 'string' && rule.includes(` ${h.rule} `));
          if (h.substitute || !hasSubstitute)
            throw new Error(`date-holidays gives ${h.name} on weekend ${date} (${region}) with no weekday substitute`);
          continue;
        }
        list.push({ date, name });
      }
      if (island) ISLAND_RULES[/** @type {keyof typeof ISLAND_RULES} */ (region)](year, list);
    }
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (let i = 1; i < list.length; i++) {
      if (list[i]?.date === list[i - 1]?.date) throw new Error(`date-holidays gives two holidays on ${list[i]?.date} (${region})`);
    }
    if (region === 'scotland') nameScottishNewYear(list);
    out[region] = list;
  }
  return /** @type {BankHolidayTable} */ (out);
}

/** @param {number} year @param {number} month 1-12 @param {number} weekday 0 = Sunday @param {number} nth 1 = first, -1 = last */
function nthWeekday(year, month, weekday, nth) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  if (nth > 0) {
    const first = weekdayOf(`${year}-${pad(month)}-01`);
    return `${year}-${pad(month)}-${pad(1 + ((weekday - first + 7) % 7) + (nth - 1) * 7)}`;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf(`${year}-${pad(month)}-${pad(lastDay)}`);
  return `${year}-${pad(month)}-${pad(lastDay - ((last - weekday + 7) % 7))}`;
}

/** @param {string} date @param {number} days */
function plusDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Where date-holidays' island rules differ from the governments' every year (not a one-off), the
 * rule is fixed here, for every year; a one-off belongs in the corrections file.
 * @type {Readonly<Record<keyof typeof ISLAND_COUNTRIES, (year: number, list: BankHoliday[]) => void>>}
 */
const ISLAND_RULES = Object.freeze({
  /**
   * Isle of Man. Source: Bank Holidays Act 1989 (an Act of Tynwald) as the Treasury applies it, e.g.
   * "Bank Holidays in the Isle of Man 2022", Isle of Man Government, 6 July 2021,
   * https://www.gov.im/news/2021/jul/06/bank-holidays-in-the-isle-of-man-2022/ (seen 2026-07-24), and the
   * 2026 list ("Mark your calendars: 2026 bank holidays announced for Isle of Man", Isle of Man Today,
   * 11 September 2025, quoting the Treasury).
   * - Summer bank holiday, the last Monday in August (date-holidays has none).
   * - Tynwald Day, 5 July, or the Monday after when 5 July is a Saturday or Sunday (2026: Monday 6 July).
   * - TT bank holiday: set each year by the Treasury for the TT races, not by a fixed rule.
   *   date-holidays' rule (the second Friday in June) gives the announced date in 2016-2018 and
   *   2020-2023 (2019 and the Covid years are corrections); since the 2024 schedule the Treasury has
   *   put it on the first Friday in June (7 June 2024, 6 June 2025, 5 June 2026), so from 2024 that is
   *   the rule, and for years not yet announced it is an estimate (the calendar marks results after
   *   its confirmed date provisional).
   */
  'isle-of-man'(year, list) {
    for (let i = list.length - 1; i >= 0; i--) {
      const { name, date } = /** @type {BankHoliday} */ (list[i]);
      if (!date.startsWith(`${year}-`)) break; // earlier years are already done
      if ((name === 'TT bank holiday' && year >= 2024) || name === 'Tynwald Day') list.splice(i, 1);
    }
    if (year >= 2024) list.push({ date: nthWeekday(year, 6, 5, 1), name: 'TT bank holiday' });
    const tynwald = `${year}-07-05`;
    const day = weekdayOf(tynwald);
    list.push({ date: day === 6 ? plusDays(tynwald, 2) : day === 0 ? plusDays(tynwald, 1) : tynwald, name: 'Tynwald Day' });
    list.push({ date: nthWeekday(year, 8, 1, -1), name: 'Summer bank holiday' });
  },
  /** Jersey: date-holidays' JE rules (the UK's, plus Liberation Day) need no yearly fix. */
  jersey() {},
  /**
   * Guernsey: the summer bank holiday, the last Monday in August, which date-holidays lacks. Source:
   * Public Holidays Ordinance (Guernsey); "Public and school holiday dates", States of Guernsey,
   * https://www.gov.gg/holidaydates (archived 2025-01-18,
   * https://web.archive.org/web/20250118084112/https://gov.gg/holidaydates), as cited in the issue.
   */
  guernsey(year, list) {
    const date = nthWeekday(year, 8, 1, -1);
    list.push({ date, name: 'Summer bank holiday' });
  },
});

/**
 * GOV.UK names Scotland's two New Year bank holidays in date order: the first weekday is "New
 * Year's Day" and the second "2nd January", whichever date-holidays rule produced them.
 * @param {BankHoliday[]} list sorted
 */
function nameScottishNewYear(list) {
  /** @type {Map<string, BankHoliday[]>} */
  const byYear = new Map();
  for (const h of list) {
    if (h.date.slice(5, 7) === '01' && (h.name === "New Year's Day" || h.name === '2nd January')) {
      const year = h.date.slice(0, 4);
      byYear.set(year, [...(byYear.get(year) ?? []), h]);
    }
  }
  for (const days of byYear.values()) {
    if (days.length !== 2) throw new Error(`Expected two New Year bank holidays in Scotland, got ${days.map((d) => d.date).join(', ')}`);
    /** @type {BankHoliday} */ (days[0]).name = "New Year's Day";
    /** @type {BankHoliday} */ (days[1]).name = '2nd January';
  }
}

/**
 * Per region, the last date its government has confirmed, with the source that says so.
 * @returns {Record<Region, string>}
 */
export function loadConfirmedUntil() {
  const json = JSON.parse(readFileSync(CORRECTIONS_FILE, 'utf8'));
  const entries = json?.confirmedUntil;
  /** @type {Partial<Record<Region, string>>} */
  const out = {};
  for (const region of REGIONS) {
    const entry = entries?.[region];
    const where = `${CORRECTIONS_FILE} confirmedUntil.${region}`;
    if (!entry || typeof entry.date !== 'string' || !isValidDate(entry.date)) throw new Error(`${where}: needs a "date" as YYYY-MM-DD`);
    if (typeof entry.source !== 'string' || entry.source.trim() === '') throw new Error(`${where}: missing source`);
    out[region] = entry.date;
  }
  return /** @type {Record<Region, string>} */ (out);
}

/** @returns {Correction[]} the corrections file, validated */
export function loadCorrections() {
  const json = JSON.parse(readFileSync(CORRECTIONS_FILE, 'utf8'));
  if (!json || !Array.isArray(json.corrections)) throw new Error(`${CORRECTIONS_FILE}: expected { "corrections": [...] }`);
  /** @type {Correction[]} */
  const corrections = json.corrections;
  const seen = new Set();
  corrections.forEach((c, i) => {
    const where = `${CORRECTIONS_FILE} corrections[${i}]`;
    if (!REGIONS.includes(c.region)) throw new Error(`${where}: unknown region ${JSON.stringify(c.region)}`);
    if (typeof c.date !== 'string' || !isValidDate(c.date)) throw new Error(`${where}: bad date ${JSON.stringify(c.date)}`);
    const year = Number(c.date.slice(0, 4));
    if (year < FIRST_YEAR || year > LAST_YEAR) throw new Error(`${where}: ${c.date} is outside ${FIRST_YEAR}-${LAST_YEAR}`);
    if (c.action !== 'add' && c.action !== 'remove') throw new Error(`${where}: action must be "add" or "remove"`);
    if (c.action === 'add' && (typeof c.name !== 'string' || c.name.trim() === '')) throw new Error(`${where}: an "add" needs a name`);
    if (c.action === 'remove' && c.name !== undefined) throw new Error(`${where}: a "remove" takes no name`);
    if (typeof c.reason !== 'string' || c.reason.trim() === '') throw new Error(`${where}: missing reason`);
    if (typeof c.source !== 'string' || c.source.trim() === '') throw new Error(`${where}: missing source`);
    const key = `${c.region} ${c.date}`;
    if (seen.has(key)) throw new Error(`${where}: a second correction for ${key}`);
    seen.add(key);
  });
  return corrections;
}

/**
 * Applies corrections to a raw table. Each must still be needed: a `remove` must remove a date
 * date-holidays gives, and an `add` must add one it lacks (so a date-holidays upgrade that fixes a
 * date makes the script fail until the correction is deleted).
 * @param {BankHolidayTable} raw
 * @param {readonly Correction[]} corrections
 * @returns {BankHolidayTable}
 */
export function applyCorrections(raw, corrections) {
  /** @type {Partial<BankHolidayTable>} */
  const out = {};
  for (const region of REGIONS) {
    const byDate = new Map(raw[region].map((h) => [h.date, h.name]));
    for (const c of corrections) {
      if (c.region !== region) continue;
      if (c.action === 'remove') {
        if (!byDate.has(c.date)) throw new Error(`Stale correction: date-holidays has no ${region} bank holiday on ${c.date} to remove`);
        byDate.delete(c.date);
      } else {
        if (byDate.has(c.date)) throw new Error(`Stale correction: date-holidays already has ${region} ${c.date} (${byDate.get(c.date)})`);
        if (isWeekend(c.date)) throw new Error(`Correction adds ${region} ${c.date}, a weekend day`);
        byDate.set(c.date, /** @type {string} */ (c.name));
      }
    }
    out[region] = [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return /** @type {BankHolidayTable} */ (out);
}

/**
 * UK bank holidays 2000-2099 per GOV.UK division: date-holidays rules plus the corrections file.
 * @returns {BankHolidayTable}
 */
export function computeBankHolidays() {
  return applyCorrections(computeRawBankHolidays(), loadCorrections());
}

/**
 * The text of src/time/_bankHolidays.generated.ts for a table.
 * @param {BankHolidayTable} holidays
 * @param {Record<Region, string>} [confirmedUntil]
 * @returns {string}
 */
export function renderGeneratedModule(holidays, confirmedUntil = loadConfirmedUntil()) {
  const version = dateHolidaysVersion();
  /** @type {string[]} */
  const names = [];
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Record<string, string>} */
  const tables = {};
  for (const region of REGIONS) {
    tables[region] = holidays[region]
      .map(({ date, name }) => {
        if (!index.has(name)) {
          index.set(name, names.length);
          names.push(name);
        }
        return { date, name: index.get(name) };
      })
      .map(encodeHoliday())
      .join('');
  }
  const lines = [
    `// Generated by scripts/generate-holidays.mjs from date-holidays@${version} and src/time/holiday-corrections.json. Do not edit: run \`npm run generate\`.`,
    `export const GENERATED_FROM = 'date-holidays@${version}';`,
    `export const FIRST_YEAR = ${FIRST_YEAR};`,
    `export const LAST_YEAR = ${LAST_YEAR};`,
    `/** Holiday names, referenced by index from the tables below. */`,
    `export const HOLIDAY_NAMES: readonly string[] = [${names.map((n) => JSON.stringify(n)).join(', ')}];`,
    `/** Per region: three characters a holiday, in date order: days since the one before (two digits) and its name's index (src/time/_holidayTable.ts decodes them). */`,
    `export const BANK_HOLIDAYS = {`,
    ...REGIONS.map((region) => `  '${region}': '${tables[region]}',`),
    `} as const;`,
    `/** Per region: the last date its government has confirmed (see \`confirmedUntil\` in holiday-corrections.json). */`,
    `export const CONFIRMED_UNTIL = {`,
    ...REGIONS.map((region) => `  '${region}': '${confirmedUntil[region]}',`),
    `} as const;`,
    ``,
  ];
  return lines.join('\n');
}

// The encoding src/time/_holidayTable.ts decodes: base-64 digits of its TABLE_DIGITS.
const TABLE_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function encodeHoliday() {
  let previous = Date.UTC(FIRST_YEAR, 0, 1) / 86_400_000 - 1;
  return ({ date, name }) => {
    const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
    const delta = day - previous;
    previous = day;
    if (!(delta >= 1 && delta < 64 * 64) || !(name >= 0 && name < 64)) throw new Error(`cannot encode ${date} (name ${name})`);
    return TABLE_DIGITS[Math.floor(delta / 64)] + TABLE_DIGITS[delta % 64] + TABLE_DIGITS[name];
  };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const holidays = computeBankHolidays();
  writeFileSync(OUTPUT_FILE, renderGeneratedModule(holidays));
  const counts = REGIONS.map((r) => `${r} ${holidays[r].length}`).join(', ');
  console.log(`Wrote ${path.relative(ROOT, OUTPUT_FILE)} (${counts} bank holidays, ${FIRST_YEAR}-${LAST_YEAR}).`);
}
