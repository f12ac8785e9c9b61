import { describe, expect, it } from 'vitest';
import { addDays, addHours, addMonths, addWeeks, due, evaluateTimescale, formatDuration, parseDuration } from '../../src/index.js';

describe('parseDuration', () => {
  it.each([
    ['5wd', { unit: 'workingDays', amount: 5 }],
    ['24h', { unit: 'hours', amount: 24 }],
    ['7d', { unit: 'days', amount: 7 }],
    ['6w', { unit: 'weeks', amount: 6 }],
    ['1mo', { unit: 'months', amount: 1 }],
    ['0wd', { unit: 'workingDays', amount: 0 }],
    ['immediately', { unit: 'immediately' }],
    ['sameWorkingDay', { unit: 'sameWorkingDay' }],
  ])('reads %s', (text, duration) => {
    expect(parseDuration(text)).toEqual({ success: true, duration });
    expect(formatDuration(duration as never)).toBe(text);
  });

  it.each([
    ['5 days', 'Write "5wd" for working days or "5d" for calendar days.'],
    ['5', ''],
    ['24 hours', 'Did you mean "24h"?'],
    ['2 weeks', 'Did you mean "2w"?'],
    ['-1wd', ''],
    ['5WD', ''],
    ['1.5h', ''],
  ])('refuses %j, saying what is accepted', (text, hint) => {
    const result = parseDuration(text);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]!.code).toBe('time/invalid-duration');
    expect(result.issues[0]!.message).toContain(hint);
    expect(result.issues[0]!.message).toContain('`5wd` (working days)');
  });

  it('a bare number says it has no unit', () => {
    const result = parseDuration(5);
    expect(!result.success && result.issues[0]!.message).toMatch(/A bare number has no unit: write "5wd"/);
  });
});

describe('hours are elapsed time', () => {
  it('24h from 2026-03-28T10:00 London crosses the spring change: 2026-03-29T11:00+01:00', () => {
    expect(addHours('2026-03-28T10:00', 24)).toBe('2026-03-29T11:00:00+01:00');
    expect(due('2026-03-28T10:00', '24h')).toEqual({ at: '2026-03-29T11:00:00+01:00', date: '2026-03-29' });
  });

  it('24h across the October change is 24 real hours (23 on the wall clock)', () => {
    expect(addHours('2026-10-24T10:00', 24)).toBe('2026-10-25T09:00:00+00:00');
  });

  it('96h is four days of elapsed time regardless of weekends', () => {
    expect(due('2026-12-24T09:00', '96h').at).toBe('2026-12-28T09:00:00+00:00');
  });
});

describe('calendar days, weeks and months', () => {
  it('2027-01-31 plus 1 month clamps to 2027-02-28', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(due('2027-01-31T12:00', '1mo').date).toBe('2027-02-28');
  });

  it('clamps to 29 February in a leap year', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('adds months across a year end and backwards', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
  });

  it('days and weeks are calendar arithmetic, not working days, due at end of day', () => {
    expect(addDays('2026-12-21', 7)).toBe('2026-12-28');
    expect(addWeeks('2026-12-21', 6)).toBe('2027-02-01');
    expect(due('2026-12-21T10:00', '7d')).toEqual({ at: '2026-12-28T23:59:59.999+00:00', date: '2026-12-28' });
  });

  it('"immediately" is due at the anchor itself', () => {
    expect(due('2026-12-21T10:15', 'immediately')).toEqual({ at: '2026-12-21T10:15:00+00:00', date: '2026-12-21' });
  });
});

describe('composite timescales', () => {
  const arose = { arose: '2026-12-21T10:00' };

  it('a target beside a limit ("within 24 hours and not longer than 5 working days")', () => {
    const result = evaluateTimescale({ target: { within: '24h', from: 'arose' }, limit: { within: '5wd', from: 'arose' } }, arose);
    expect(result).toEqual({
      kind: 'due',
      due: { at: '2026-12-30T23:59:59.999+00:00', date: '2026-12-30' },
      target: { at: '2026-12-22T10:00:00+00:00', date: '2026-12-22' },
    });
  });

  it('earliestOf picks whichever is the sooner', () => {
    const result = evaluateTimescale(
      {
        earliestOf: [
          { within: '10wd', from: 'arose' },
          { within: '1wd', from: 'referred' },
        ],
      },
      { ...arose, referred: '2027-01-04T09:00' },
    );
    expect(result.kind === 'due' && result.due.date).toBe('2027-01-05');
  });

  it('earliestOf with words only ("in a timescale which keeps the child safe") keeps the number', () => {
    const result = evaluateTimescale(
      { earliestOf: [{ within: '10wd', from: 'arose' }, { none: 'in a timescale which keeps the child safe' }] },
      arose,
    );
    expect(result.kind === 'due' && result.due.date).toBe('2027-01-07');
  });

  it('an anchor that has not happened yet leaves the timescale waiting', () => {
    expect(evaluateTimescale({ within: '5wd', from: 'meeting' }, arose)).toEqual({ kind: 'waiting', anchors: ['meeting'] });
  });

  it('no number in the document stays no number', () => {
    expect(evaluateTimescale({ none: 'timely' }, arose)).toEqual({ kind: 'none', words: 'timely' });
  });

  it('a malformed timescale says what is accepted', () => {
    expect(() => evaluateTimescale({ within: '5 days', from: 'arose' }, arose)).toThrow(
      /Write "5wd" for working days or "5d" for calendar days/,
    );
    expect(() => evaluateTimescale({ whenever: true } as never, arose)).toThrow(/"within": "5wd"/);
  });
});
