// #15: the timescale union tries first the form the input's keys name (src/protocol/_firstMatch.ts).
// zod's own union keeps the first option that accepts the input; the shortcut must give exactly its
// result, issues included, for any input: valid, invalid, or not an object at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { schemas } from '../../src/protocol/schema.js';

const timescale = (schemas().TimescaleSchema as unknown as z.ZodLazy).unwrap() as z.ZodUnion;
// The same options in zod's union without the shortcut (nested timescales still take it: each level
// is compared here in turn, as the generated values nest).
const plain = z.union(timescale.options);

const duration = fc.constantFrom('5wd', '24h', '0wd', '7d', 'immediately', 'soon', '', 5, null);
const anchor = fc.constantFrom('stageEntered', 'completed:stage-1', 'record:r', 'later', 3);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  timescale: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    fc.record(
      {
        within: duration,
        earliestOf: fc.oneof(fc.array(tie('timescale'), { maxLength: 2 }), fc.constant('x')),
        target: tie('timescale'),
        limit: tie('timescale'),
        none: fc.constantFrom('timely', '', 7),
        assume: fc.oneof(fc.record({ within: duration, from: anchor }, { requiredKeys: [] }), fc.constant('x')),
        at: duration,
        from: anchor,
        source: fc.constantFrom({ quote: 'within 5 days' }, {}, 'x'),
        extra: fc.constant(1),
      },
      { requiredKeys: [] },
    ),
    fc.constantFrom(null, 'x', 5, [], [{ within: '5wd' }]),
  ),
})).timescale;

describe('the timescale union with its shortcut', () => {
  it('gives what zod gives for any input', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(timescale.safeParse(input)).toEqual(plain.safeParse(input));
      }),
      { numRuns: 300 },
    );
    // A hang guard far above an honest run: an invalid nested timescale costs zod every branch.
  }, 60_000);

  it('gives it for each form, and for keys of two forms at once', () => {
    for (const input of [
      { within: '5wd', from: 'completed:stage-1' },
      { earliestOf: [{ within: '5wd' }, { within: '24h' }] },
      { target: { within: '24h' }, limit: { within: '5wd' } },
      { none: 'timely', assume: { within: '5wd' } },
      { at: '6w', from: 'stageEntered' },
      { within: '5wd', none: 'timely' },
      { none: 'timely', at: '6w' },
      { target: { none: 'soon' } },
    ])
      expect(timescale.safeParse(input), JSON.stringify(input)).toEqual(plain.safeParse(input));
  });
});
