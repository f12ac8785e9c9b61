import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseInstant, toLondonDate, toLondonInstant } from '../../src/index.js';
import { londonOffset } from '../../src/time/_london.js';
import { daysFromCivil, formatDay } from '../../src/time/_days.js';

describe('Europe/London without a time-zone database agrees with luxon (IANA tzdb)', () => {
  it('on both sides of every clock change from 2000 to 2099', () => {
    // The change days as the time-zone database has them, not as the code computes them: each day of
    // March and October whose offset at its end differs from its start.
    const offsetAt = (ms: number): number => DateTime.fromMillis(ms, { zone: 'Europe/London' }).offset;
    const changesIn = (year: number, month: number): number[] => {
      const days: number[] = [];
      for (let d = daysFromCivil(year, month, 1); d <= daysFromCivil(year, month, 31); d++) {
        if (offsetAt(d * 86_400_000) !== offsetAt((d + 1) * 86_400_000 - 1)) days.push(d);
      }
      return days;
    };
    for (let year = 2000; year <= 2099; year++) {
      const changes = [...changesIn(year, 3), ...changesIn(year, 10)];
      expect(changes.length, `${year} has one change in March and one in October`).toBe(2);
      for (const change of changes) {
        for (const minutes of [0, 59, 60, 61, 119, 120, 121]) {
          const ms = change * 86_400_000 + minutes * 60_000;
          const expected = DateTime.fromMillis(ms, { zone: 'Europe/London' }).offset * 60_000;
          expect(londonOffset(ms), `${formatDay(change)} +${minutes}min UTC`).toBe(expected);
        }
      }
    }
  });

  it('at noon on every 7th day from 2000 to 2099', () => {
    for (let day = daysFromCivil(2000, 1, 1); day <= daysFromCivil(2099, 12, 31); day += 7) {
      const ms = day * 86_400_000 + 12 * 3_600_000;
      expect(londonOffset(ms)).toBe(DateTime.fromMillis(ms, { zone: 'Europe/London' }).offset * 60_000);
    }
  });
});

describe('reading instants', () => {
  it('a string with no offset is London local time', () => {
    expect(toLondonInstant('2026-06-15T09:30')).toBe('2026-06-15T09:30:00+01:00');
    expect(toLondonInstant('2026-12-15T09:30')).toBe('2026-12-15T09:30:00+00:00');
  });

  it('a bare date is London midnight', () => {
    expect(toLondonInstant('2026-06-15')).toBe('2026-06-15T00:00:00+01:00');
  });

  it('an offset or Z is honoured', () => {
    expect(toLondonInstant('2026-06-15T09:30:00Z')).toBe('2026-06-15T10:30:00+01:00');
    expect(toLondonInstant('2026-06-15T09:30:00-05:00')).toBe('2026-06-15T15:30:00+01:00');
  });

  it('Date and luxon DateTime are accepted', () => {
    expect(toLondonInstant(new Date('2026-12-21T09:00:00Z'))).toBe('2026-12-21T09:00:00+00:00');
    expect(toLondonInstant(DateTime.fromISO('2026-07-01T08:00', { zone: 'Europe/London' }))).toBe('2026-07-01T08:00:00+01:00');
  });

  it('a local time the spring change skips is refused, naming the clock change', () => {
    const result = parseInstant('2026-03-29T01:30');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]!.code).toBe('time/nonexistent-local-time');
    expect(result.issues[0]!.message).toMatch(/clocks go forward/);
    expect(parseInstant('2026-03-29T00:59').success).toBe(true);
    expect(parseInstant('2026-03-29T02:00')).toMatchObject({ instant: '2026-03-29T02:00:00+01:00' });
  });

  it('a local time the autumn change repeats is the earlier instant (still BST)', () => {
    expect(parseInstant('2026-10-25T01:30')).toMatchObject({ success: true, instant: '2026-10-25T01:30:00+01:00' });
    expect(toLondonInstant('2026-10-25T01:30+00:00')).toBe('2026-10-25T01:30:00+00:00');
    expect(toLondonInstant('2026-10-25T02:00')).toBe('2026-10-25T02:00:00+00:00');
  });

  it('the London date of an instant near midnight follows London, not UTC', () => {
    expect(toLondonDate('2026-06-14T23:30:00Z')).toBe('2026-06-15');
    expect(toLondonDate('2026-12-14T23:30:00Z')).toBe('2026-12-14');
  });

  it.each([['2026-13-01'], ['2026-06-15T25:00'], ['15/06/2026'], [''], ['2026-06-15T09:30:00+0x:00']])(
    'refuses %j without throwing',
    (text) => {
      const result = parseInstant(text);
      expect(result.success).toBe(false);
    },
  );

  it('refuses non-strings and invalid dates without throwing', () => {
    expect(parseInstant(42)).toMatchObject({ success: false });
    expect(parseInstant(new Date(Number.NaN))).toMatchObject({ success: false });
    expect(parseInstant(null)).toMatchObject({ success: false });
    expect(parseInstant('1999-12-31T12:00Z')).toMatchObject({ success: false, issues: [{ code: 'time/out-of-range' }] });
  });
});

describe('the fast reader for common instant shapes agrees with the general one', () => {
  it('for Z, offset, milliseconds and London local forms across the range', async () => {
    const fc = (await import('fast-check')).default;
    const { toEpochMs } = await import('../../src/time/instant.js');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 2), max: Date.UTC(2099, 11, 30) }),
        fc.constantFrom(0, 60, -300, 330),
        (ms, offsetMinutes) => {
          const rounded = Math.floor(ms / 1000) * 1000 + (ms % 1000);
          const z = new Date(rounded).toISOString();
          expect(toEpochMs(z)).toBe(rounded);
          expect(toEpochMs(z.slice(0, 19) + 'Z')).toBe(Math.floor(rounded / 1000) * 1000);
          const shifted = new Date(rounded + offsetMinutes * 60_000).toISOString().slice(0, 19);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(toEpochMs(shifted + offset)).toBe(Math.floor(rounded / 1000) * 1000);
          const local = DateTime.fromMillis(rounded, { zone: 'Europe/London' });
          const wall = local.toFormat("yyyy-MM-dd'T'HH:mm:ss");
          // A wall time in the repeated autumn hour is the earlier of its two instants (DESIGN.md); luxon's
          // fromISO picks the later one, so the expectation is the earliest instant luxon shows with this wall time.
          const base = Math.floor(rounded / 1000) * 1000;
          const expected = [base - 3_600_000, base, base + 3_600_000].find(
            (t) => DateTime.fromMillis(t, { zone: 'Europe/London' }).toFormat("yyyy-MM-dd'T'HH:mm:ss") === wall,
          );
          expect(toEpochMs(wall)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
