// Working-day sums checked against an independent implementation: moment-business-days, the most used
// npm package for them, given the library's own England and Wales holiday list. The list is shared, so
// this checks the arithmetic (weekends, stepping over holidays, month and year ends), not the list.
import moment from 'moment-business-days';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, holidaysBetween, toLondonInstant } from '../../src/index.js';

describe('addWorkingDays agrees with moment-business-days', () => {
  it('on 500 seeded dates from 2000 to 2097, n 1..30', () => {
    moment.updateLocale('en', {
      holidays: holidaysBetween('2000-01-01', '2099-12-31').map((h) => h.date),
      holidayFormat: 'YYYY-MM-DD',
      workingWeekdays: [1, 2, 3, 4, 5],
    });
    let seed = 15;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const first = Date.UTC(2000, 0, 1);
    for (let i = 0; i < 500; i++) {
      const date = new Date(first + Math.floor(next() * 35_700) * 86_400_000).toISOString().slice(0, 10);
      const n = 1 + Math.floor(next() * 30);
      expect(addWorkingDays(date, n), `${date} + ${n}wd`).toBe(moment(date, 'YYYY-MM-DD').businessAdd(n).format('YYYY-MM-DD'));
    }
  });
});

describe('formatted instants are remembered without mixing them up', () => {
  it('instants written again, interleaved with others, keep their own text', () => {
    // End-of-day instants share their low bits (the cache must not confuse them); written twice, they must
    // still come back as Date would write them (1 January to 18 March: GMT, offset +00:00).
    const ends = Array.from({ length: 40 }, (_, i) => Date.UTC(2026, 0, 1 + i * 2, 23, 59, 59, 999));
    const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, -1)}+00:00`;
    for (let round = 0; round < 2; round++) for (const ms of ends) expect(toLondonInstant(new Date(ms))).toBe(iso(ms));
  });
});
