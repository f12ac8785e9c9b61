import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toLondonInstant } from '../../src/index.js';

// #15: instants are written from cached pieces, not formatted whole; luxon's Europe/London writer is
// the independent reference, on both offsets and the nights the clocks change.
const FIRST = Date.UTC(2000, 0, 2);
const LAST = Date.UTC(2099, 11, 30);
const reference = (ms: number): string => DateTime.fromMillis(ms, { zone: 'Europe/London' }).toISO({ suppressMilliseconds: true })!;

describe('writing an instant in London time', () => {
  it('agrees with luxon on any millisecond of the supported range, written twice (cache hit and miss)', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (ms) => {
        const once = toLondonInstant(new Date(ms));
        expect(once).toBe(reference(ms));
        expect(toLondonInstant(new Date(ms))).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });

  it('writes whole seconds without a fraction and every fraction with three digits, on both offsets', () => {
    const cases: [string, string][] = [
      ['2026-01-05T00:00:00Z', '2026-01-05T00:00:00+00:00'],
      ['2026-07-05T23:59:59Z', '2026-07-06T00:59:59+01:00'],
      ['2026-07-05T12:00:00.001Z', '2026-07-05T13:00:00.001+01:00'],
      ['2026-01-05T12:00:00.01Z', '2026-01-05T12:00:00.010+00:00'],
      ['2026-01-05T12:00:00.999Z', '2026-01-05T12:00:00.999+00:00'],
      ['2026-03-29T00:59:59.999Z', '2026-03-29T00:59:59.999+00:00'],
      ['2026-03-29T01:00:00Z', '2026-03-29T02:00:00+01:00'],
    ];
    for (const [input, written] of cases) expect(toLondonInstant(input)).toBe(written);
  });
});
