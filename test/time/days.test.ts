import { describe, expect, it } from 'vitest';
import { DAY_COUNT, FIRST_DAY, civilFromDays, daysFromCivil, formatDay, readDate, weekday } from '../../src/time/_days.js';

describe('day numbers, exhaustively over 2000-2099', () => {
  it('readDate, formatDay, daysFromCivil and civilFromDays agree on every day', () => {
    for (let day = FIRST_DAY - 400; day < FIRST_DAY + DAY_COUNT + 400; day++) {
      const text = formatDay(day);
      const { year, month, day: dom } = civilFromDays(day);
      expect(readDate(text)).toBe(day);
      expect(daysFromCivil(year, month, dom)).toBe(day);
      expect(text).toBe(`${year}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`);
    }
  });

  it('weekday: 2000-01-01 was a Saturday, 2026-12-21 a Monday', () => {
    expect(weekday(readDate('2000-01-01'))).toBe(5);
    expect(weekday(readDate('2026-12-21'))).toBe(0);
  });

  it.each([
    '2026-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-00-10',
    '2026-13-01',
    '2026-01-00',
    '2026/01/01',
    '20260101',
    '2026-1-01',
    'abcd-ef-gh',
  ])('rejects %s', (text) => {
    expect(readDate(text)).toBeNaN();
  });

  it('accepts 29 February in leap years only', () => {
    expect(readDate('2000-02-29')).toBe(daysFromCivil(2000, 2, 29));
    expect(readDate('2028-02-29')).toBe(daysFromCivil(2028, 2, 29));
  });
});
