// Every date and instant string is read exactly or refused (issue #18, bugs 1-3). The property at the
// end compares parseInstant with a strict reference reader written here from the grammar in
// docs/integrators.md ("Instants"), sharing no code with src/time: valid strings must give the same
// instant to the millisecond, everything else must be refused.

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarFromGovUkFeed,
  createCalendar,
  due,
  isWorkingDay,
  loadProtocol,
  parseInstant,
  parseProtocol,
  getProtocol,
  TimeError,
} from '../../src/index.js';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof TimeError) return error.code;
    throw error;
  }
};

describe('a non-digit in a year is refused, never read as another year (bug 1)', () => {
  it('the time functions refuse "300x-06-15" and its kin', () => {
    for (const date of ['300x-06-15', '309x-06-15', '20x6-06-15', '2x26-06-15', 'x026-06-15', '202/-06-15', '2026-0x-15', '2026-06-1x']) {
      expect(
        code(() => addWorkingDays(date, 0)),
        date,
      ).toBe('time/invalid-date');
      expect(
        code(() => isWorkingDay(date)),
        date,
      ).toBe('time/invalid-date');
      expect(parseInstant(`${date}T10:00`).success, date).toBe(false);
      expect(parseInstant(date).success, date).toBe(false);
    }
  });

  it('closures and a GOV.UK feed with such a date are refused', () => {
    expect(code(() => createCalendar({ closures: ['300x-06-15'] }))).toBe('time/invalid-date');
    expect(code(() => createCalendar({ closures: [{ from: '2026-06-15', to: '305x-06-16' }] }))).toBe('time/invalid-date');
    const feed = { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'Odd', date: '302x-01-01' }] } };
    expect(calendarFromGovUkFeed(feed)).toMatchObject({ success: false, issues: [{ code: 'time/invalid-feed' }] });
  });

  it('a protocol whose reviewBy or effectiveFrom has one is refused, as its schema.json pattern refuses it', () => {
    const base = JSON.parse(JSON.stringify(getProtocol('swindon'))) as Record<string, unknown>;
    expect(parseProtocol({ ...base, reviewBy: '305x-06-15' }).success).toBe(false);
    expect(parseProtocol({ ...base, effectiveFrom: '302x-01-01' }).success).toBe(false);
    expect(loadProtocol(JSON.stringify({ ...base, reviewBy: '305x-06-15' })).success).toBe(false);
  });
});

describe('fractions of a second are read exactly, whatever their length (bug 2)', () => {
  it('a two-digit fraction before Z is hundredths, and Z keeps its meaning', () => {
    expect(parseInstant('2026-07-01T10:00:00.12Z')).toMatchObject({ success: true, instant: '2026-07-01T11:00:00.120+01:00' });
    expect(due('2026-07-01T23:30:00.50Z', '1wd').date).toBe('2026-07-03');
  });

  it('one to nine digits, before Z, an offset or nothing', () => {
    const cases: [string, string][] = [
      ['2026-01-05T10:00:00.1Z', '2026-01-05T10:00:00.100+00:00'],
      ['2026-01-05T10:00:00.12Z', '2026-01-05T10:00:00.120+00:00'],
      ['2026-01-05T10:00:00.123Z', '2026-01-05T10:00:00.123+00:00'],
      ['2026-01-05T10:00:00.1234Z', '2026-01-05T10:00:00.123+00:00'],
      ['2026-01-05T10:00:00.999999999Z', '2026-01-05T10:00:00.999+00:00'],
      ['2026-01-05T10:00:00.5+01:00', '2026-01-05T09:00:00.500+00:00'],
      ['2026-01-05T10:00:00.05', '2026-01-05T10:00:00.050+00:00'],
      ['2026-07-01T10:00:00.120000000+01:00', '2026-07-01T10:00:00.120+01:00'],
    ];
    for (const [text, instant] of cases) expect(parseInstant(text), text).toMatchObject({ success: true, instant });
  });

  it('anything but digits in the fraction, or an empty or ten-digit one, is refused', () => {
    for (const text of [
      '2026-01-01T10:00:00.1:2',
      '2026-01-01T10:00:00.1Z2',
      '2026-01-01T10:00:00.Z',
      '2026-01-01T10:00:00.',
      '2026-01-01T10:00:00.12a',
      '2026-01-01T10:00:00.1234567890Z',
      '2026-01-01T10:00:00.12 Z',
    ])
      expect(parseInstant(text).success, text).toBe(false);
  });
});

describe('UTC offsets run from -23:59 to +23:59 (bug 3)', () => {
  it('an offset beyond 23:59, or minutes past 59, is refused', () => {
    for (const text of [
      '2026-01-01T10:00+99:99',
      '2026-01-01T10:00+25:00',
      '2026-01-01T10:00+24:00',
      '2026-01-01T10:00+01:60',
      '2026-01-01T10:00-01:60',
      '2026-01-01T10:00:00+0160',
      '2026-01-01T10:00:00.000-24:00',
      '2026-01-01T10:00+24',
    ])
      expect(parseInstant(text).success, text).toBe(false);
  });

  it('the extremes are read', () => {
    expect(parseInstant('2026-01-01T10:00+23:59')).toMatchObject({ success: true, instant: '2025-12-31T10:01:00+00:00' });
    expect(parseInstant('2026-01-01T10:00-23:59')).toMatchObject({ success: true, instant: '2026-01-02T09:59:00+00:00' });
  });
});

// ---------------------------------------------------------------------------------------------------
// The reference reader. Grammar: YYYY-MM-DD, optionally followed by a time (T, t or a space, HH:mm,
// optionally :ss, optionally . or , and 1-9 digits), optionally followed by a zone (Z, z, +HH:mm,
// +HHmm or +HH, or the same with -, hours 00-23, minutes 00-59). Without a zone the wall time is
// London's: one skipped by the spring change is refused, one repeated in autumn is the earlier
// instant. The London date of the instant must be 2000-01-01 to 2099-12-31.

const FIRST_MS = Date.UTC(1999, 11, 31, 0);
const LAST_MS = Date.UTC(2100, 0, 1, 1);

function reference(text: string): number | undefined {
  const m =
    /^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?:[Tt ](?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,9}))?)?)?(?<z>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?$/.exec(
      text,
    );
  if (!m?.groups) return undefined;
  const g = m.groups;
  const [y, mo, d] = [Number(g['y']), Number(g['mo']), Number(g['d'])];
  const [h, mi, s] = [Number(g['h'] ?? 0), Number(g['mi'] ?? 0), Number(g['s'] ?? 0)];
  const ms = Number((g['f'] ?? '').padEnd(3, '0').slice(0, 3));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const probe = new Date(Date.UTC(2000, 0, 1));
  probe.setUTCFullYear(y, mo - 1, d);
  if (probe.getUTCDate() !== d || probe.getUTCMonth() !== mo - 1) return undefined;
  let epoch: number;
  const zone = g['z'];
  if (zone === undefined) {
    const wall = { year: y, month: mo, day: d, hour: h, minute: mi, second: s, millisecond: ms };
    const dt = DateTime.fromObject(wall, { zone: 'Europe/London' });
    if (!dt.isValid) return undefined;
    const same = (at: number): boolean => {
      const x = DateTime.fromMillis(at, { zone: 'Europe/London' });
      return x.year === y && x.month === mo && x.day === d && x.hour === h && x.minute === mi && x.second === s;
    };
    const candidates = [dt.toMillis() - 3_600_000, dt.toMillis(), dt.toMillis() + 3_600_000].filter(same);
    if (candidates.length === 0) return undefined;
    epoch = Math.min(...candidates);
  } else {
    let offset = 0;
    if (zone !== 'Z' && zone !== 'z') {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 23 || om > 59) return undefined;
      offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
    }
    const utc = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
    utc.setUTCFullYear(y, mo - 1, d);
    epoch = utc.getTime() - offset;
  }
  if (epoch < FIRST_MS || epoch > LAST_MS) return undefined;
  const london = DateTime.fromMillis(epoch, { zone: 'Europe/London' }).toISODate()!;
  return london >= '2000-01-01' && london <= '2099-12-31' ? epoch : undefined;
}

const pick = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(pick('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const odd = pick('x', 'Z', ':', '.', '/', '-', '+', ' ', '١', '０', 'T', '');
/** Two digits, usually in range, sometimes not, sometimes a stray character. */
const field = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0')) },
    { weight: 1, arbitrary: digits(2) },
    { weight: 1, arbitrary: fc.tuple(digits(1), odd).map(([a, b]) => a + b) },
  );
const year = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 1998, max: 2101 }).map(String) },
  { weight: 2, arbitrary: fc.tuple(digits(3), odd).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.tuple(odd, digits(3)).map(([a, b]) => a + b) },
);
const fraction = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.tuple(pick('.', ','), fc.integer({ min: 0, max: 11 })).chain(([sep, n]) => digits(n).map((f) => sep + f)) },
  { weight: 1, arbitrary: fc.tuple(pick('.', ','), digits(1), odd, digits(1)).map((parts) => parts.join('')) },
);
const zone = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: pick('Z', 'z', 'Z', 'Zz', 'UTC') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(pick('+', '-'), field(25), pick(':', ':', '', '::'), fc.oneof(field(61), fc.constant('')))
      .map(([sign, h, sep, m]) => sign + h + (m === '' ? '' : sep + m)),
  },
);
const time = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        pick('T', 't', ' ', 'X'),
        field(25),
        field(61),
        fc.oneof(
          fc.constant(''),
          field(60).map((s) => `:${s}`),
        ),
        fraction,
      )
      .map(([sep, h, m, s, f]) => `${sep}${h}:${m}${s}${s === '' ? '' : f}`),
  },
);
const instantText = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(year, field(12), field(31), time, zone).map(([y, mo, d, t, z]) => `${y}-${mo}-${d}${t}${z}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

describe('instant strings against a strict reference reader (fast-check)', () => {
  it('a valid string is read to the millisecond; anything else is refused', () => {
    fc.assert(
      fc.property(instantText, (text) => {
        const expected = reference(text);
        const actual = parseInstant(text);
        if (expected === undefined) {
          expect(actual.success, text).toBe(false);
        } else {
          expect(actual, text).toMatchObject({ success: true, epochMs: expected });
          if (actual.success) {
            const london = DateTime.fromMillis(expected, { zone: 'Europe/London' });
            expect(actual.instant, text).toBe(london.toISO({ suppressMilliseconds: true }));
            expect(actual.date, text).toBe(london.toISODate());
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the generator reaches both sides', () => {
    const sample = fc.sample(instantText, { numRuns: 2000, seed: 18 });
    const valid = sample.filter((t) => reference(t) !== undefined).length;
    expect(valid).toBeGreaterThan(200);
    expect(sample.length - valid).toBeGreaterThan(200);
  });
});
